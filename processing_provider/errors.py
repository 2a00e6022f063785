"""The algorithms' errors, one message per kind of problem (translated), so that a user reads the same words for
the same thing in every algorithm."""

from qgis.core import QgsProcessingException

from ..translation import tr


def canceled():
    """The error that ends a run the user cancelled (raised so that no partial output is written)."""
    return QgsProcessingException(tr("Canceled by the user."))


def check_canceled(feedback):
    """Raise :func:`canceled` when the user pressed cancel (``feedback`` may be None)."""
    if feedback is not None and feedback.isCanceled():
        raise canceled()


def no_field(layer_label, field_name, param_label=None, available=None):
    """Layer ``layer_label`` lacks the field ``field_name`` (given as parameter ``param_label``); ``available``:
    the layer's field names, the first 30 listed."""
    if param_label:
        message = tr("Layer “{}” has no field “{}” (parameter {}).").format(layer_label, field_name, param_label)
    else:
        message = tr("Layer “{}” has no field “{}”.").format(layer_label, field_name)
    if available is not None:
        message += " " + tr("Available fields: {}.").format(", ".join(list(available)[:30]))
    return QgsProcessingException(message)


def wrong_geometry(layer_label, param_label, actual, expected):
    """Layer ``layer_label`` holds ``actual`` geometries where ``expected`` ones are needed (display strings)."""
    return QgsProcessingException(
        tr("Layer “{}” (parameter {}) holds {} geometries; {} geometries are expected.").format(
            layer_label, param_label, actual, expected))


def could_not_write(name, detail=None):
    """Output ``name`` could not be written (``detail``: what QGIS or GDAL said)."""
    if detail:
        return QgsProcessingException(tr("Could not write “{}”: {}").format(name, detail))
    return QgsProcessingException(tr("Could not write “{}”.").format(name))


def unknown_crs(layer_label, crs_label, other_label, other_crs_label):
    """Layer ``layer_label`` has an unknown CRS (``crs_label``: "no CRS" or e.g. "Undefined geographic SRS") and
    meets layer ``other_label`` in ``other_crs_label``: its coordinates cannot be related to the other's."""
    return QgsProcessingException(
        tr("Layer “{}” has an unknown CRS ({}), so its coordinates cannot be related to layer “{}” ({}). Set the "
           "layer's CRS (Layer Properties > Source) and run again.").format(
            layer_label, crs_label, other_label, other_crs_label))


def empty_layer(layer_label, param_label):
    """Layer ``layer_label`` (parameter ``param_label``) has no features where the result would be meaningless
    without them (e.g. no quartiers to count in)."""
    return QgsProcessingException(
        tr("Layer “{}” (parameter {}) is empty: it has no features to compute with.").format(
            layer_label, param_label))


def bad_expression(layer_label, param_label, expression, detail):
    """The expression ``expression`` given as parameter ``param_label`` over layer ``layer_label`` does not parse or
    cannot be evaluated (``detail``: QGIS's message)."""
    return QgsProcessingException(
        tr("Layer “{}”, parameter {}: the expression “{}” is not valid: {}").format(
            layer_label, param_label, expression, detail))


def invalid_layer(layer_label, param_label, connection=None):
    """Layer ``layer_label`` (parameter ``param_label``) is not valid: QGIS could not open its data source
    (``connection``: the database connection it names, without a password, when known)."""
    if connection:
        return QgsProcessingException(
            tr("Layer “{}” (parameter {}) is not valid: QGIS could not open it ({}). Is the database server "
               "running and does it accept the connection?").format(layer_label, param_label, connection))
    return QgsProcessingException(
        tr("Layer “{}” (parameter {}) is not valid: QGIS could not open its data source (a file that is gone, or "
           "a database server that refuses the connection).").format(layer_label, param_label))
