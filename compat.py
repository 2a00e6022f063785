"""QGIS 3.22 … 4 (Qt5 and Qt6) in one place: enum values, field types and the calls QGIS deprecated or replaced.

Every version-dependent spelling the plugin needs lives here, so that the rest of the code reads the same on every
QGIS we support and a QGIS 4 removal is fixed once. Each shim prefers the newer API where this QGIS has it (found
by ``hasattr``/``getattr``, not by version numbers, where the API itself can be asked) and falls back to the 3.22
spelling, which later versions deprecate.
"""

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant


def scoped(new_enum, new_name, old_value):
    """``Qgis.<new_enum>.<new_name>`` where this QGIS has it, else the 3.22 value (a callable: the old name may be
    gone)."""
    enum = getattr(Qgis, new_enum, None)
    value = getattr(enum, new_name, None) if enum is not None else None
    return old_value() if value is None else value


def _scoped_members(new_enum, old_enum, names, old_name=str):
    """:func:`scoped` for several members of one enum: ``old_enum()`` is 3.22's enum class, ``old_name(name)`` a
    member's name there."""
    return [scoped(new_enum, name, lambda name=name: getattr(old_enum(), old_name(name))) for name in names]


# -- enum values, by the names of the scoped enums in ``Qgis`` ---------------------------------------------------------
WKB_POINT, WKB_NO_GEOMETRY, WKB_MULTIPOINT = _scoped_members(
    "WkbType", lambda: QgsWkbTypes.Type, ("Point", "NoGeometry", "MultiPoint"))
GEOMETRY_POINT, GEOMETRY_LINE, GEOMETRY_POLYGON = _scoped_members(
    "GeometryType", lambda: QgsWkbTypes.GeometryType, ("Point", "Line", "Polygon"), "{}Geometry".format)
SOURCE_ANY, SOURCE_POINT, SOURCE_LINE, SOURCE_POLYGON = _scoped_members(
    "ProcessingSourceType", lambda: QgsProcessing.SourceType,
    ("Vector", "VectorPoint", "VectorLine", "VectorPolygon"), "Type{}".format)
# a feature sink's geometry type: the unscoped value before QGIS 3.36
SINK_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon if Qgis.QGIS_VERSION_INT < 33600 else SOURCE_POLYGON
FIELD_ANY, FIELD_NUMERIC = _scoped_members(
    "ProcessingFieldParameterDataType", lambda: QgsProcessingParameterField.DataType, ("Any", "Numeric"))
NUMBER_DOUBLE, NUMBER_INTEGER = _scoped_members(
    "ProcessingNumberParameterType", lambda: QgsProcessingParameterNumber.Type, ("Double", "Integer"))
FLAG_ADVANCED, FLAG_OPTIONAL = _scoped_members(
    "ProcessingParameterFlag", lambda: QgsProcessingParameterDefinition.Flag, ("Advanced", "Optional"),
    "Flag{}".format)
NO_THREADING, = _scoped_members(
    "ProcessingAlgorithmFlag", lambda: QgsProcessingAlgorithm.Flag, ("NoThreading",), "Flag{}".format)
FILE_BEHAVIOR, = _scoped_members(
    "ProcessingFileParameterBehavior", lambda: QgsProcessingParameterFile.Behavior, ("File",))
REQUEST_NO_GEOMETRY, = _scoped_members("FeatureRequestFlag", lambda: QgsFeatureRequest.Flag, ("NoGeometry",))
SKIP_GEOMETRY_VALIDITY, = _scoped_members(
    "ProcessingFeatureSourceFlag", lambda: QgsProcessingFeatureSource.Flag, ("SkipGeometryValidityChecks",),
    "Flag{}".format)
VALIDATOR_GEOS, = _scoped_members(
    "GeometryValidationEngine", lambda: QgsGeometry.ValidationMethod, ("Geos",), "Validator{}".format)
WKT_PREFERRED_GDAL, = _scoped_members(
    "CrsWktVariant", lambda: QgsCoordinateReferenceSystem.WktVariant, ("PreferredGdal",),
    lambda _name: "WKT_PREFERRED_GDAL")
METERS, = _scoped_members("DistanceUnit", lambda: QgsUnitTypes.DistanceUnit, ("Meters",), "Distance{}".format)
FAST_INSERT = QgsFeatureSink.Flag.FastInsert

# Field types: QgsField takes QMetaType from QGIS 3.38 (and only that in Qt6 builds); QVariant.Type before.
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    T_DOUBLE, T_INT, T_LONG, T_STRING = (QMetaType.Type.Double, QMetaType.Type.Int, QMetaType.Type.LongLong,
                                         QMetaType.Type.QString)
else:  # QGIS 3.22-3.36 (Qt5 only)
    T_DOUBLE, T_INT, T_LONG, T_STRING = (QVariant.Double, QVariant.Int, QVariant.LongLong,  # noqa: QGS402
                                         QVariant.String)  # noqa: QGS402


def is_null(value):
    """True for NULL attribute values (QVariant NULL in Qt5 builds, None in Qt6 builds)."""
    if value is None:
        return True
    if isinstance(value, QVariant):
        return value.isNull()
    return False


def plain_value(value):
    """An attribute value as plain Python: None for NULL (QVariant NULL in Qt5 builds, None in Qt6 builds)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


# -- calls deprecated in later QGIS versions --------------------------------------------------------------------------
def parameter_as_strings(algorithm, parameters, name, context):
    """A multiple field (or string) parameter as a list of strings: ``parameterAsStrings`` (QGIS >= 3.40), which
    replaces the deprecated ``parameterAsFields``."""
    method = getattr(algorithm, "parameterAsStrings", None) or algorithm.parameterAsFields
    return list(method(parameters, name, context) or [])


def null_rectangle():
    """An empty ``QgsRectangle`` that ``combineExtentWith`` grows from nothing: ``setNull`` (QGIS >= 3.34), which
    replaces the deprecated ``setMinimal``."""
    from qgis.core import QgsRectangle

    rectangle = QgsRectangle()
    (getattr(rectangle, "setNull", None) or rectangle.setMinimal)()
    return rectangle


def set_layer_title(layer, title, abstract):
    """Title and abstract shown in the layer properties: on the layer's server properties from QGIS 3.38 (the
    layer's own ``setTitle``/``setAbstract`` are deprecated there), on the layer before."""
    server = layer.serverProperties() if hasattr(layer, "serverProperties") else None
    target = server if server is not None and hasattr(server, "setTitle") else layer
    target.setTitle(title)
    target.setAbstract(abstract)


def save_style_to_database(layer, name, description, use_as_default):
    """Save the layer's style into its data source (GeoPackage ``layer_styles``); returns an error message, "" when
    saved. ``saveStyleToDatabaseV2`` (QGIS >= 3.44) reports through result flags (an SLD the layer cannot express
    is no failure: the QML is what QGIS reads back); the older call, deprecated there, through the message alone."""
    save_v2 = getattr(layer, "saveStyleToDatabaseV2", None)
    if save_v2 is None:
        return layer.saveStyleToDatabase(name, description, use_as_default, "") or ""
    result, message = save_v2(name, description, use_as_default, "")
    failed = layer.SaveStyleResult.QmlGenerationFailed | layer.SaveStyleResult.DatabaseWriteFailed
    if result & failed:
        return message or "could not save the style of layer {}".format(layer.name())
    return ""


def classic_model_output_names(model):
    """Have ``model`` name its outputs ``<child id>:<output name>`` on every QGIS version.

    QGIS 3.22 always does. From QGIS 3.26 a model created in code ("internal version 2") names them after their
    descriptions instead ("Address assignment report (HTML)" → ``address_assignment_report_(html)``), which breaks
    the output names that ``qgis_process`` calls and scripts use, and can clash with an input's name. A model read
    back as internal version 1 keeps the classic names, as every model saved by QGIS 3.22 does; earlier versions
    ignore the key.
    """
    variant = model.toVariant()
    variant["internal_version"] = "Version1"
    if not model.loadVariant(variant):
        raise RuntimeError("cannot reload model {}".format(model.name()))
    return model
