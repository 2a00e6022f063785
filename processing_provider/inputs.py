"""Checks of the algorithms' inputs, with one clear message per kind of problem: a layer without the CRS another
has, a missing field, the wrong geometry type, quartier ids that are NULL or repeated; and whether a parameter means
a whole layer (so that GDAL may read its file directly)."""


from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsWkbTypes,
)

from ..compat import (
    plain_value,
)
from ..indicators.rates import id_text as engine_id_text
from ..translation import tr
from .errors import no_field, wrong_geometry


def check_crs_pair(points_source, quartier_source):
    """A clear error when exactly one of the two layers has no (valid) CRS: its coordinates cannot be related to
    the other's. Two layers without CRS are taken to share one; two valid CRSs are reprojected."""
    p_ok, q_ok = points_source.sourceCrs().isValid(), quartier_source.sourceCrs().isValid()
    if p_ok != q_ok:
        missing, other = (points_source, quartier_source) if not p_ok else (quartier_source, points_source)
        crs = other.sourceCrs()
        raise QgsProcessingException(
            tr("Layer “{}” has no valid CRS, so its coordinates cannot be related to layer “{}” ({}). Set the "
               "layer's CRS (Layer Properties > Source) and run again.").format(
                missing.sourceName(), other.sourceName(), crs.authid() or crs.description()))


def source_name(parameters, name, source):
    """A readable name of an input for messages: the layer name or the value given."""
    value = parameters.get(name)
    if hasattr(value, "name") and callable(value.name):
        try:
            return value.name()
        except (RuntimeError, TypeError):
            pass
    if hasattr(source, "sourceName"):
        try:
            return source.sourceName()
        except (RuntimeError, TypeError):
            pass
    return str(value)


def require_field(source, field_name, layer_label, param_label):
    """Index of ``field_name`` in ``source``; a clear error naming layer and field when it is missing."""
    index = source.fields().lookupField(field_name) if field_name else -1
    if index < 0:
        raise no_field(layer_label, field_name, param_label, source.fields().names())
    return index


def require_geometry(source, geometry_type, layer_label, param_label):
    """A clear error when ``source`` does not hold ``geometry_type`` (Processing's type filter is not applied to
    layers handed to ``processing.run``)."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        raise wrong_geometry(layer_label, param_label, QgsWkbTypes.geometryDisplayString(actual),
                             QgsWkbTypes.geometryDisplayString(geometry_type))


def whole_layer(parameters, name, layer, source):
    """True when parameter ``name`` means every feature of ``layer`` (no selection, limit or filter) and the
    processing ``source`` made of it holds them all."""
    if layer is None or layer.featureCount() != source.featureCount():
        return False
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None):
            return False
        filter_expression = getattr(value, "filterExpression", "")
        if filter_expression:
            return False
    return True


def id_as_text(value):
    """A quartier id as trimmed text, by the engine's rule (``indicators.rates.id_text``: integers and integral
    floats without decimals; None for NULL/empty), for an attribute value (QVariant NULL in Qt5 builds)."""
    return engine_id_text(plain_value(value))


def check_ids(ids, layer_name, field_name, feature_ids=None):
    """Raise a clear error for NULL or duplicate ids (listing the first offending ones)."""
    nulls = [i for i, v in enumerate(ids) if v is None]
    if nulls:
        where = [str(feature_ids[i]) if feature_ids is not None else str(i + 1) for i in nulls[:5]]
        raise QgsProcessingException(
            tr("Layer “{}”, field “{}”: {} feature(s) have no quartier id (NULL or empty), e.g. feature id(s) {}.")
            .format(layer_name, field_name, len(nulls), ", ".join(where))
        )
    seen, dups = set(), []
    for v in ids:
        if v in seen and v not in dups:
            dups.append(v)
        seen.add(v)
    if dups:
        raise QgsProcessingException(
            tr("Layer “{}”, field “{}”: quartier ids must be unique; duplicated: {}.")
            .format(layer_name, field_name, ", ".join("“{}”".format(d) for d in dups[:10]))
        )
