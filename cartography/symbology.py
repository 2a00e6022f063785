"""Colour ramps by polarity, the hatched grey no-data symbol and the status colours."""

from qgis.core import (
    Qgis,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor

# ColorBrewer sequential schemes (light → dark), www.colorbrewer2.org, Cynthia Brewer, Penn State.
NEED_COLOURS = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")  # OrRd: more need = darker red
CONTEXT_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")  # Blues: context, no direction

# Status classes 1 high … 4 very low (attention index); ColorBrewer RdYlBu, diverging.
STATUS_COLOURS = {1: "#2c7bb6", 2: "#ffffbf", 3: "#fdae61", 4: "#d7191c"}
ATTENTION_OUTLINE = "#000000"
ATTENTION_OUTLINE_MM = 0.8

NO_DATA_FILL = "#f0f0f0"
NO_DATA_LINES = "#969696"
BORDER_COLOUR = "#646464"
BORDER_MM = 0.2


def render_unit(name):
    """Render unit ``name`` ("Millimeters", "Points"): ``Qgis.RenderUnit`` from QGIS 3.30 (and 4),
    ``QgsUnitTypes.RenderUnit`` before."""
    scoped = getattr(Qgis, "RenderUnit", None)
    if scoped is not None and hasattr(scoped, name):
        return getattr(scoped, name)
    return getattr(QgsUnitTypes.RenderUnit, "Render" + name)


MM = render_unit("Millimeters")


def _ramp(colours):
    first, last = QColor(colours[0]), QColor(colours[-1])
    n = len(colours) - 1
    stops = [QgsGradientStop(i / n, QColor(c)) for i, c in enumerate(colours[1:-1], start=1)]
    return QgsGradientColorRamp(first, last, False, stops)


def polarity_ramp(polarity):
    """Ramp for an indicator of ``polarity`` reading "darker = more need".

    +1 (higher value = more need): light → dark red; -1 (higher value = less need): dark → light red;
    0 (context): light → dark blue, so context indicators never look like need.
    """
    if polarity and polarity > 0:
        return _ramp(NEED_COLOURS)
    if polarity and polarity < 0:
        return _ramp(tuple(reversed(NEED_COLOURS)))
    return _ramp(CONTEXT_COLOURS)


def polarity_colours(polarity, k):
    """``k`` colours (QColor) sampled evenly from :func:`polarity_ramp`, class 1 first."""
    ramp = polarity_ramp(polarity)
    if k <= 1:
        return [ramp.color(1.0)]
    return [ramp.color(i / (k - 1)) for i in range(k)]


def _symbol(kind, layers):
    """A symbol holding ``layers``. Never ``QgsFillSymbol([layer])``: the list constructor does not take
    ownership in PyQGIS, and the symbol layers would be deleted with their Python wrappers (crash)."""
    symbol = kind()
    symbol.changeSymbolLayer(0, layers[0])
    for layer in layers[1:]:
        symbol.appendSymbolLayer(layer)
    return symbol


def fill_symbol(colour, stroke=BORDER_COLOUR, stroke_mm=BORDER_MM):
    """A plain polygon symbol: ``colour`` fill, thin border."""
    layer = QgsSimpleFillSymbolLayer()
    layer.setColor(QColor(colour))
    layer.setStrokeColor(QColor(stroke))
    layer.setStrokeWidth(stroke_mm)
    layer.setStrokeWidthUnit(MM)
    return _symbol(QgsFillSymbol, [layer])


def no_data_symbol():
    """Light grey fill hatched with grey diagonal lines: suppressed / no-data quartiers."""
    background = QgsSimpleFillSymbolLayer()
    background.setColor(QColor(NO_DATA_FILL))
    background.setStrokeColor(QColor(NO_DATA_LINES))
    background.setStrokeWidth(BORDER_MM)
    background.setStrokeWidthUnit(MM)

    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(1.5)
    hatch.setDistanceUnit(MM)
    line = QgsSimpleLineSymbolLayer(QColor(NO_DATA_LINES), 0.25)
    line.setWidthUnit(MM)
    hatch.setSubSymbol(_symbol(QgsLineSymbol, [line]))
    return _symbol(QgsFillSymbol, [background, hatch])


def is_hatched(symbol):
    """True when ``symbol`` carries a line-pattern (hatch) fill layer."""
    layers = [symbol.symbolLayer(i) for i in range(symbol.symbolLayerCount())]
    return any(isinstance(layer, QgsLinePatternFillSymbolLayer) for layer in layers)


def outlined_symbol(colour):
    """Status colour with a thick dark outline: a quartier needing attention."""
    return fill_symbol(colour, stroke=ATTENTION_OUTLINE, stroke_mm=ATTENTION_OUTLINE_MM)
