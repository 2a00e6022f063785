"""Cartography: the one place where renderers, legends and styles are built (floor 2).

Public API (used by the algorithms, the dock and the map sheets):

- :func:`style_indicator_layer` — graduated choropleth of one indicator field, ramp by polarity, hatched grey
  category for suppressed / no-data quartiers, legend labels in ``language``.
- :func:`add_indicator_styles` — one named style per indicator in the layer's ``QgsMapLayerStyleManager``.
- :func:`style_attention_layer` — categorized renderer of the attention index (four status colours, attention
  outlined, unclassed quartiers hatched).
- :func:`save_qml_beside` — the current style as a ``.qml`` beside a file output.
- :func:`render_png` — layers rendered to a PNG with ``QgsMapRendererParallelJob``.
- helpers: :func:`polarity_ramp`, :func:`no_data_symbol`, :func:`style_name`, :func:`legend_text`.

Every function takes ``language`` ("en" or "de") explicitly, so that a German map sheet can be built from an English
QGIS; the caller derives it from :func:`quartiersmonitor.translation.current_language` by default.
"""

from .attention_style import ATTENTION_CATEGORIES, attention_renderer, style_attention_layer
from .indicator_style import (
    NO_DATA_VALUE,
    add_indicator_styles,
    indicator_renderer,
    layer_values,
    save_qml_beside,
    save_style_with_output,
    set_layer_description,
    style_indicator_layer,
    style_name,
)
from .render import render_image, render_png
from .symbology import STATUS_COLOURS, no_data_symbol, polarity_colours, polarity_ramp
from .texts import legend_text

__all__ = [
    "ATTENTION_CATEGORIES",
    "NO_DATA_VALUE",
    "STATUS_COLOURS",
    "add_indicator_styles",
    "attention_renderer",
    "indicator_renderer",
    "layer_values",
    "legend_text",
    "no_data_symbol",
    "polarity_colours",
    "polarity_ramp",
    "render_image",
    "render_png",
    "save_qml_beside",
    "save_style_with_output",
    "set_layer_description",
    "style_attention_layer",
    "style_indicator_layer",
    "style_name",
]
