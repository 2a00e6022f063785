"""Styles of the ``accessibility`` output: need–supply categories when a need field was given, else the access index
graduated in quantiles (darker = fewer places per 1,000 of demand); quartiers without a value hatched grey."""

import numpy as np
from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsRendererCategory

from ..spatial.accessibility import (
    HIGH_NEED_HIGH_SUPPLY,
    HIGH_NEED_LOW_SUPPLY,
    LOW_NEED_HIGH_SUPPLY,
    LOW_NEED_LOW_SUPPLY,
)
from ..translation import tr
from .indicator_style import NO_DATA_VALUE, layer_values, make_range
from .symbology import STATUS_COLOURS, fill_symbol, no_data_symbol, polarity_colours, polarity_ramp

# ColorBrewer RdYlBu as the attention index: high need with low supply red, low need with high supply blue
NEED_SUPPLY_COLOURS = {
    HIGH_NEED_LOW_SUPPLY: STATUS_COLOURS[4],
    HIGH_NEED_HIGH_SUPPLY: STATUS_COLOURS[3],
    LOW_NEED_LOW_SUPPLY: STATUS_COLOURS[2],
    LOW_NEED_HIGH_SUPPLY: STATUS_COLOURS[1],
}


def need_supply_labels():
    """The legend text of each need–supply value (translated)."""
    return {
        HIGH_NEED_LOW_SUPPLY: tr("High need, low supply"),
        HIGH_NEED_HIGH_SUPPLY: tr("High need, high supply"),
        LOW_NEED_LOW_SUPPLY: tr("Low need, low supply"),
        LOW_NEED_HIGH_SUPPLY: tr("Low need, high supply"),
    }


def need_supply_renderer(field="need_supply"):
    """Categorised renderer of ``field``: the four classes, then NULL (no value) hatched."""
    labels = need_supply_labels()
    categories = []
    for value, colour in NEED_SUPPLY_COLOURS.items():
        category = QgsRendererCategory()
        category.setValue(value)
        category.setSymbol(fill_symbol(colour))
        category.setLabel(labels[value])
        category.setRenderState(True)
        categories.append(category)
    category = QgsRendererCategory()
    category.setValue("")
    category.setSymbol(no_data_symbol())
    category.setLabel(tr("No value (no demand or no need value)"))
    category.setRenderState(True)
    categories.append(category)
    return QgsCategorizedSymbolRenderer('coalesce("{}", \'\')'.format(field.replace('"', '""')), categories)


def access_breaks(values, k=5):
    """Upper bounds of up to ``k`` quantile classes of the finite ``values`` (duplicates merged)."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return []
    return sorted(set(float(v) for v in np.quantile(finite, np.arange(1, k + 1) / k)))


def access_renderer(values, field="access_index", k=5):
    """Graduated renderer of ``field`` in quantile classes of ``values`` (dark red: lowest access), plus a hatched
    range for NULL."""
    breaks = access_breaks(values, k)
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    colours = polarity_colours(-1, len(breaks))
    ranges = []
    previous = float(finite.min()) if finite.size else 0.0
    for upper, colour in zip(breaks, colours):
        ranges.append(make_range(previous, upper, fill_symbol(colour.name()),
                                 "{:.1f} \u2013 {:.1f}".format(previous, upper)))
        previous = upper
    ranges.append(make_range(NO_DATA_VALUE - 1.0, NO_DATA_VALUE, no_data_symbol(), tr("No demand")))
    renderer = QgsGraduatedSymbolRenderer('coalesce("{}", {})'.format(field.replace('"', '""'), repr(NO_DATA_VALUE)),
                                          ranges)
    renderer.setSourceSymbol(fill_symbol(colours[0].name() if colours else "#cccccc"))
    renderer.setSourceColorRamp(polarity_ramp(-1))
    return renderer


def style_access_layer(layer, need_supply=False):
    """Style an ``accessibility`` output layer; returns the renderer."""
    if need_supply:
        renderer = need_supply_renderer()
    else:
        renderer = access_renderer(layer_values(layer, "access_index"))
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer
