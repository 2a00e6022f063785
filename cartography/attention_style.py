"""Categorized renderer of the attention index: four status colours, attention outlined, unclassed hatched."""

from qgis.core import QgsCategorizedSymbolRenderer, QgsFeatureRequest, QgsRendererCategory

from .indicator_style import set_layer_description
from .symbology import STATUS_COLOURS, fill_symbol, no_data_symbol, outlined_symbol
from .texts import legend_text

# (category value, status class, attention?, legend text key), in legend order.
ATTENTION_CATEGORIES = (
    ("1", 1, False, "status_1"),
    ("2", 2, False, "status_2"),
    ("2a", 2, True, "status_2_attention"),
    ("3a", 3, True, "status_3"),
    ("4a", 4, True, "status_4"),
    ("none", None, None, "not_classed"),
)

# Category of a feature: its status class, "a" appended when it needs attention; "none" when unclassed.
ATTENTION_EXPRESSION = (
    "CASE WHEN \"{status}\" IS NULL THEN 'none' "
    "WHEN \"{attention}\" = 'yes' THEN to_string(to_int(\"{status}\")) || 'a' "
    "ELSE to_string(to_int(\"{status}\")) END"
)


def attention_renderer(language="en", status_field="status_class", attention_field="attention"):
    categories = []
    for value, status, attention, key in ATTENTION_CATEGORIES:
        if status is None:
            symbol = no_data_symbol()
        elif attention:
            symbol = outlined_symbol(STATUS_COLOURS[status])
        else:
            symbol = fill_symbol(STATUS_COLOURS[status])
        category = QgsRendererCategory()
        category.setValue(value)
        category.setSymbol(symbol)
        category.setLabel(legend_text(key, language))
        category.setRenderState(True)
        categories.append(category)
    expression = ATTENTION_EXPRESSION.format(status=status_field, attention=attention_field)
    renderer = QgsCategorizedSymbolRenderer(expression, categories)
    # quartiers needing attention last, so that no neighbour's fill covers their thick outline
    last = "coalesce(\"{}\" = 'yes', false)".format(attention_field)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(last, True)]))
    renderer.setOrderByEnabled(True)
    return renderer


def style_attention_layer(layer, language="en", fields=None, source=None):
    """Style ``layer`` (output of ``attentionindex``) and set its title and abstract; returns the renderer."""
    renderer = attention_renderer(language)
    layer.setRenderer(renderer)
    title = legend_text("attention_title", language)
    abstract = legend_text("attention_abstract", language, fields=", ".join(fields or []))
    if source:
        abstract += " " + legend_text("source", language, source=source)
    set_layer_description(layer, title, abstract)
    layer.triggerRepaint()
    return renderer
