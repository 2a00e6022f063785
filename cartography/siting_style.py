"""Style of the ``siteofferings`` output: the chosen sites as red stars, larger for a better rank, labelled with their
rank (1 = chosen first: the largest new coverage)."""

from qgis.core import (
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

SITE_COLOUR = "#d7191c"
# millimetres: rank 1 this large, each further rank 0.5 mm smaller, never below the minimum
LARGEST_MM = 7.0
SMALLEST_MM = 3.0


def size_expression(field="rank"):
    """The marker size (mm) by rank."""
    return "max({}, {} - 0.5 * (coalesce(\"{}\", 99) - 1))".format(SMALLEST_MM, LARGEST_MM, field.replace('"', '""'))


def site_renderer(field="rank"):
    """Single star marker with its size defined by ``field`` (:func:`size_expression`)."""
    symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": SITE_COLOUR, "outline_color": "#000000",
                                           "outline_width": "0.2", "size": str(LARGEST_MM)})
    symbol.setDataDefinedSize(QgsProperty.fromExpression(size_expression(field)))
    return QgsSingleSymbolRenderer(symbol)


def rank_labeling(field="rank"):
    """Labels with the rank, black on a white buffer."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = False
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor("#000000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def style_siting_layer(layer, field="rank"):
    """Style ``layer`` (output of ``siteofferings``): ranked stars and rank labels. Returns the renderer."""
    renderer = site_renderer(field)
    layer.setRenderer(renderer)
    layer.setLabeling(rank_labeling(field))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()
    return renderer
