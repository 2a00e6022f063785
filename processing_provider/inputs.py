"""Checks of the algorithms' inputs, with one clear message per kind of problem: a layer without the CRS another
has, a missing field, the wrong geometry type, quartier ids that are NULL or repeated; and whether a parameter means
a whole layer (so that GDAL may read its file directly)."""


from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsUnitTypes,
    QgsWkbTypes,
)

from ..compat import (
    METERS,
    is_null,
    plain_value,
)
from ..indicators.counts_table import id_text as engine_id_text
from ..translation import tr
from .errors import bad_expression, invalid_layer, no_field, unknown_crs, wrong_geometry


def crs_is_unknown(crs):
    """True when ``crs`` cannot place coordinates on the earth: not valid (missing), or valid but without an
    authority id and with a placeholder definition, as GDAL gives for GeoPackage srs_id 0 ("Undefined geographic
    SRS") and -1 ("Undefined Cartesian SRS") or an engineering/local CRS. A custom CRS with a real definition
    (``USER:…`` or a PROJ string) is known."""
    if crs is None or not crs.isValid():
        return True
    if crs.authid():
        return False
    if crs.description().strip().lower().startswith(("undefined", "unknown")):
        return True
    wkt = crs.toWkt().lstrip().upper()
    return not crs.toProj() or wkt.startswith(("LOCAL_CS", "ENGCRS", "ENGINEERINGCRS")) or 'DATUM["UNKNOWN"' in wkt


def _crs_label(crs):
    if crs is None or not crs.isValid():
        return tr("no CRS")
    return crs.authid() or crs.description() or tr("unknown CRS")


def check_crs_pair(first, second, first_label=None, second_label=None):
    """A clear error naming the layer when exactly one of two layers that meet has an unknown CRS
    (:func:`crs_is_unknown`: missing, or GeoPackage's "Undefined geographic/Cartesian SRS"): its coordinates cannot
    be related to the other's. Two layers with an unknown CRS are taken to share one (their coordinates are used as
    they are); two known CRSs are reprojected. ``first``/``second``: sources (or layers); labels default to their
    names."""
    first_crs, second_crs = _layer_crs(first), _layer_crs(second)
    first_unknown, second_unknown = crs_is_unknown(first_crs), crs_is_unknown(second_crs)
    if first_unknown == second_unknown:
        return
    labels = (first_label or _layer_name(first), second_label or _layer_name(second))
    if first_unknown:
        raise unknown_crs(labels[0], _crs_label(first_crs), labels[1], _crs_label(second_crs))
    raise unknown_crs(labels[1], _crs_label(second_crs), labels[0], _crs_label(first_crs))


# A point reprojected into the quartiers' CRS counts as on a border within this distance of it: reprojection moves
# a border point by nanometres to millimetres, and the border rule (smallest id) must give the same quartier as in
# one CRS.
BORDER_TOLERANCE_M = 0.001


def border_tolerance(points_crs, quartier_crs):
    """The border tolerance (:data:`BORDER_TOLERANCE_M`, in the units of ``quartier_crs``) for points in
    ``points_crs`` placed in quartiers in ``quartier_crs``: 0 when both are the same CRS (the test is exact)."""
    if points_crs == quartier_crs or not quartier_crs.isValid():
        return 0.0
    return BORDER_TOLERANCE_M * QgsUnitTypes.fromUnitToUnitFactor(METERS, quartier_crs.mapUnits())


def require_known_crs(source, layer_label, purpose):
    """A clear error when ``source`` has an unknown CRS (:func:`crs_is_unknown`) although ``purpose`` (translated
    text, e.g. "distances in metres") needs one."""
    crs = _layer_crs(source)
    if crs_is_unknown(crs):
        raise QgsProcessingException(
            tr("Layer “{}” has an unknown CRS ({}), but {} need a known one. Set the layer's CRS (Layer Properties > "
               "Source) or reproject it, and run again.").format(layer_label, _crs_label(crs), purpose))


def _layer_crs(source):
    return source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()


def _layer_name(source):
    return source.sourceName() if hasattr(source, "sourceName") else source.name()


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


def source_is_invalid(source):
    """True when ``source`` comes from a layer QGIS could not open (an invalid layer handed to ``processing.run``:
    no fields and an unknown geometry type, e.g. a PostGIS layer whose server refused the connection)."""
    wkb_type = source.wkbType()
    return source.fields().count() == 0 and int(getattr(wkb_type, "value", wkb_type)) == 0  # WkbType Unknown


def require_valid_layer(layer, param_label):
    """A clear error when ``layer`` (the parameter's vector layer, or None) is not valid; a PostGIS layer's
    connection (host, port, database, user; never the password) and table are named."""
    if layer is None or layer.isValid():
        return
    from .postgis_io import connection_label, layer_uri, table_label

    uri = layer_uri(layer)
    detail = "{} {}".format(connection_label(uri), table_label(uri)) if uri is not None and uri.table() else None
    raise invalid_layer(layer.name(), param_label, detail)


def require_field(source, field_name, layer_label, param_label):
    """Index of ``field_name`` in ``source``; a clear error naming layer and field when it is missing (or that the
    layer is not valid at all, :func:`source_is_invalid`)."""
    if source_is_invalid(source):
        raise invalid_layer(layer_label, param_label)
    index = source.fields().lookupField(field_name) if field_name else -1
    if index < 0:
        raise no_field(layer_label, field_name, param_label, source.fields().names())
    return index


def require_geometry(source, geometry_type, layer_label, param_label):
    """A clear error when ``source`` does not hold ``geometry_type`` (Processing's type filter is not applied to
    layers handed to ``processing.run``); a layer QGIS could not open is named as such first."""
    if source_is_invalid(source):
        raise invalid_layer(layer_label, param_label)
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        raise wrong_geometry(layer_label, param_label, QgsWkbTypes.geometryDisplayString(actual),
                             QgsWkbTypes.geometryDisplayString(geometry_type))


def matching_features(layer, expression_text, layer_label, param_label):
    """The features of ``layer`` for which the expression ``expression_text`` is true (every feature when it is
    empty). An expression that does not parse, names a field the layer lacks or fails on a feature is a clear error
    quoting QGIS's message (never "all features": Processing itself drops an expression it cannot parse)."""
    features = list(layer.getFeatures(QgsFeatureRequest()))
    text = (expression_text or "").strip()
    if not text:
        return features
    expression = QgsExpression(text)
    if expression.hasParserError():
        raise bad_expression(layer_label, param_label, text, expression.parserErrorString().strip())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    missing = [name for name in sorted(expression.referencedColumns())
               if name != QgsFeatureRequest.ALL_ATTRIBUTES and layer.fields().lookupField(name) < 0]
    if missing:
        raise no_field(layer_label, missing[0], param_label, layer.fields().names())
    expression.prepare(context)
    if expression.hasEvalError():
        raise bad_expression(layer_label, param_label, text, expression.evalErrorString())
    chosen = []
    for feature in features:
        context.setFeature(feature)
        value = expression.evaluate(context)
        if expression.hasEvalError():
            raise bad_expression(layer_label, param_label, text, tr("feature {}: {}").format(
                feature.id(), expression.evalErrorString()))
        if _true(value):
            chosen.append(feature)
    return chosen


def _true(value):
    """QGIS's truth of an expression result (as a filter reads it): NULL, 0, "" and "false"/"0" are false."""
    if is_null(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false")
    return bool(value)


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
    """A quartier id as trimmed text, by the engine's rule (``indicators.counts_table.id_text``: integers and integral
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
