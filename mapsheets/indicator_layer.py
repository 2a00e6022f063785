"""Which indicators an indicator layer holds and which one it shows now (its saved styles, its renderer), and its
features' values as plain Python rows: what the map sheets and the dock read from the layer."""

from qgis.core import QgsExpression

from ..compat import plain_value
from ..translation import current_language

INDICATORS_PROPERTY = "quartiersmonitor/indicators"
SHOWN_PROPERTY = "quartiersmonitor/shown"


def sheet_language():
    """ "de" when QGIS runs in German, else "en" (the engine formats text in these two)."""
    return current_language()


def feature_row(feature):
    """A feature's attributes as ``{field name: value}`` with NULL as None."""
    names = feature.fields().names()
    return {name: plain_value(value) for name, value in zip(names, feature.attributes())}


def load_catalog_safely(layer=None):
    """The catalog of ``layer`` (the built-in one extended by what the layer recorded), the built-in one for None."""
    from ..cartography.layer_record import layer_catalog

    return layer_catalog(layer)


def layer_indicator_fields(layer, catalog):
    """Indicator fields (``A1`` …) of an indicator layer, in catalog order.

    From the layer's custom property ``quartiersmonitor/indicators`` (ids) when set, else every catalog field that
    the layer has together with its ``_flag`` field.
    """
    names = set(layer.fields().names())
    listed = layer.customProperty(INDICATORS_PROPERTY)
    fields = []
    if listed:
        ids = [part.strip() for part in str(listed).split(",") if part.strip()]
        for ind_id in ids:
            field = ind_id.replace(".", "")
            if field in names:
                fields.append(field)
        if fields:
            return fields
    for indicator in catalog.values():
        if indicator.field in names and indicator.field + "_flag" in names:
            fields.append(indicator.field)
    return fields


def indicator_of_style(style_name, fields):
    """The indicator field a saved style is named after: "A.1 SGB II-Quote", "A.1" or "A1" → "A1"; else None."""
    if not style_name:
        return None
    head = str(style_name).strip().split(" ")[0]
    for candidate in (head, head.replace(".", "")):
        if candidate in fields:
            return candidate
    return None


def style_for_field(layer, field):
    """Name of the layer's saved style for indicator ``field`` (named by id, field or "id name"); None if none."""
    manager = layer.styleManager()
    if manager is None:
        return None
    for name in manager.styles():
        if indicator_of_style(name, [field]) == field:
            return name
    return None


def renderer_field(layer, fields):
    """The indicator field the layer's renderer classifies (field or expression like ``coalesce("A1", -1)``)."""
    renderer = layer.renderer()
    attribute = renderer.classAttribute() if renderer is not None and hasattr(renderer, "classAttribute") else ""
    if not attribute:
        return None
    if attribute in fields:
        return attribute
    referenced = QgsExpression(attribute).referencedColumns()
    for field in fields:
        if field in referenced:
            return field
    return None


def current_indicator_field(layer, catalog):
    """The indicator the layer shows now: its current saved style (named by id or field), else the attribute of
    its graduated/categorised renderer, else its first indicator field; None for a layer without indicators."""
    fields = layer_indicator_fields(layer, catalog)
    manager = layer.styleManager()
    field = indicator_of_style(manager.currentStyle() if manager else "", fields)
    if field is None:
        field = renderer_field(layer, fields)
    if field is None and layer.customProperty(SHOWN_PROPERTY) in fields:
        field = layer.customProperty(SHOWN_PROPERTY)
    if field is None and fields:
        field = fields[0]
    return field


def indicator_by_field(catalog, field):
    if not field:
        return None
    try:
        return catalog.by_field(field)
    except (KeyError, AttributeError):
        return None
