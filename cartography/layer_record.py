"""What an indicator layer records about how it was made, and the styles built from that record.

``calculateindicators`` writes the record as custom properties of its output (``quartiersmonitor/…``); QGIS keeps
custom properties in the layer's style, so the record travels with the default style saved in the GeoPackage
(``layer_styles``) or the QML beside a file, and with the project. Whoever opens the layer later (the dock, the map
sheets, a saved project) reads from it:

- the catalog entries of the indicators it holds (``catalog``, JSON): a city's own indicators are known wherever the
  layer goes, not only the built-in ones;
- the classification (method, number of classes, each indicator's breaks), the county values, the suppression
  limits, the decimals, the source and the year of the data;

and builds the style of any of its indicators on demand (:func:`ensure_indicator_style`), exactly as
``calculateindicators`` styled it, when the layer carries only one saved style (a GeoPackage holds one default
style per layer).
"""

import math

from qgis.core import QgsMapLayerStyle

from .indicator_style import (
    PROPERTY_PREFIX,
    decimals_for,
    indicator_abstract,
    indicator_title,
    set_layer_description,
    style_indicator_layer,
    style_name,
    translated_range_labels,
)

INDICATORS = PROPERTY_PREFIX + "indicators"
CATALOG = PROPERTY_PREFIX + "catalog"
METHOD = PROPERTY_PREFIX + "classification"
CLASSES = PROPERTY_PREFIX + "classes"
MIN_COUNT = PROPERTY_PREFIX + "min_count"
MIN_POPULATION = PROPERTY_PREFIX + "min_population"
DECIMALS = PROPERTY_PREFIX + "decimals"
SOURCE = PROPERTY_PREFIX + "source"
YEAR = PROPERTY_PREFIX + "year"
SHOWN = PROPERTY_PREFIX + "shown"  # the indicator the layer shows (kept with the style, survives save and reload)
AUTO_NAME = PROPERTY_PREFIX + "auto_name"  # the layer name we gave; a name the user chose is never replaced

_CATALOG_CACHE = {}


def write_record(layer, catalog, ids, method, k, county, breaks, min_count, min_population, decimals=1,
                 source=None, year=None, funnel=None):
    """Record on ``layer`` how its indicators ``ids`` were made (``county``, ``breaks`` and the funnel
    comparison's parameters ``funnel`` (``IndicatorResult.funnel``) by indicator id)."""
    from ..indicators.catalog import catalog_to_json

    layer.setCustomProperty(INDICATORS, ",".join(ids))
    layer.setCustomProperty(CATALOG, catalog_to_json(catalog, ids))
    layer.setCustomProperty(MIN_COUNT, min_count)
    layer.setCustomProperty(MIN_POPULATION, min_population)
    layer.setCustomProperty(DECIMALS, decimals)
    layer.setCustomProperty(METHOD, method)
    layer.setCustomProperty(CLASSES, k)
    layer.setCustomProperty(SOURCE, source or "")
    layer.setCustomProperty(YEAR, "" if year in (None, "") else str(year))
    for ident in ids:
        field = catalog[ident].field
        value = county.get(ident)
        layer.setCustomProperty(PROPERTY_PREFIX + "county/" + field, "" if value is None else repr(value))
        layer.setCustomProperty(PROPERTY_PREFIX + "breaks/" + field, ",".join(repr(b) for b in breaks.get(ident, ())))
        parameters = (funnel or {}).get(ident)
        layer.setCustomProperty(PROPERTY_PREFIX + "funnel/" + field, "" if not parameters else "{};{!r};{!r}".format(
            parameters["kind"], float(parameters["theta"]), float(parameters["phi"])))
    if ids:
        layer.setCustomProperty(SHOWN, catalog[ids[0]].field)


def with_record(layer):
    """``layer``, or, when it carries no record (Processing opens a layer given by its path or URI without its
    default style, where a GeoPackage or a database keeps the record and the styles), a second read-only copy of the
    same source opened with its default style; the input layer itself is never changed."""
    from qgis.core import QgsVectorLayer

    if layer is None or layer.customProperty(INDICATORS) or layer.providerType() == "memory":
        return layer
    copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())  # loads the default style
    return copy if copy.isValid() and copy.customProperty(INDICATORS) else layer


def record_of(layer):
    """The record of ``layer`` as ``{key: value}`` (without what only concerns its map: the indicator shown, the
    name we gave), to hand on to a layer made from it (the attention index of an indicator layer)."""
    if layer is None:
        return {}
    keys = [k for k in layer.customPropertyKeys() if k.startswith(PROPERTY_PREFIX) and k not in (SHOWN, AUTO_NAME)]
    return {key: layer.customProperty(key) for key in keys}


def hand_on(layer, record):
    """Give ``layer`` the ``record`` of the layer it was made from (see :func:`record_of`)."""
    for key, value in (record or {}).items():
        layer.setCustomProperty(key, value)


def layer_catalog(layer):
    """The catalog of ``layer``: the built-in one extended by the entries the layer recorded (a custom catalog
    travels with the layer); the built-in catalog for a layer without a record or with an unreadable one."""
    from ..indicators.catalog import CatalogError, catalog_from_json, load_catalog

    text = layer.customProperty(CATALOG) if layer is not None else None
    text = str(text) if text else ""
    if text not in _CATALOG_CACHE:
        try:
            _CATALOG_CACHE[text] = catalog_from_json(text, "Layer {}".format(layer.name() if layer else ""))
        except CatalogError:
            _CATALOG_CACHE[text] = load_catalog()
        if len(_CATALOG_CACHE) > 32:
            _CATALOG_CACHE.pop(next(iter(_CATALOG_CACHE)))
    return _CATALOG_CACHE[text]


def recorded_breaks(layer, field):
    """The class breaks recorded for indicator ``field`` (upper bounds), None when the layer has none."""
    raw = layer.customProperty(PROPERTY_PREFIX + "breaks/" + field)
    if raw in (None, ""):
        return None
    try:
        values = [float(part) for part in str(raw).split(",") if part.strip()]
    except ValueError:
        return None
    return [v for v in values if not math.isnan(v)] or None


def recorded_funnel(layer, field):
    """The funnel comparison of indicator ``field`` as ``calculateindicators`` made it: ``{"kind": "share" |
    "rate", "theta": the county's numerator over its denominator, "phi": the overdispersion factor}``, None when
    the layer records none (made before the record had it, or no county value)."""
    raw = layer.customProperty(PROPERTY_PREFIX + "funnel/" + field) if layer is not None else None
    parts = str(raw).split(";") if raw not in (None, "") else []
    if len(parts) != 3 or parts[0] not in ("share", "rate"):
        return None
    try:
        theta, phi = float(parts[1]), float(parts[2])
    except ValueError:
        return None
    if not (math.isfinite(theta) and theta >= 0 and math.isfinite(phi) and phi > 0):
        return None
    return {"kind": parts[0], "theta": theta, "phi": phi}


def recorded(layer, key, default=None):
    value = layer.customProperty(key)
    return default if value in (None, "") else value


def recorded_int(layer, key, default):
    try:
        return int(recorded(layer, key, default))
    except (TypeError, ValueError):
        return default


def layer_indicator_styles(layer, field):
    """Names of the layer's saved styles for indicator ``field`` (named "A.1 …", "A.1" or "A1")."""
    from ..mapsheets.indicator_layer import indicator_of_style

    manager = layer.styleManager()
    return [name for name in manager.styles() if indicator_of_style(name, [field]) == field] if manager else []


def ensure_indicator_style(layer, field, language="en", catalog=None):
    """Make ``layer`` show indicator ``field``: its saved style of that indicator when it has one, else a style built
    from the layer's record (breaks, classification, county value as calculateindicators made them) and kept in
    the style manager under the indicator's style name. Legend labels the engine wrote in the other language (a layer
made headless in English, opened in a German QGIS) are put in ``language``; the layer's title follows when it is
a name we gave.
    Returns the style name, or None when ``field`` is no indicator of the layer's catalog."""
    catalog = catalog if catalog is not None else layer_catalog(layer)
    try:
        indicator = catalog.by_field(field)
    except (KeyError, AttributeError):
        return None
    manager = layer.styleManager()
    existing = layer_indicator_styles(layer, field)
    method = recorded(layer, METHOD, "quantile")
    k = recorded_int(layer, CLASSES, 5)
    source, year = recorded(layer, SOURCE), recorded(layer, YEAR)
    if existing:
        name = existing[0]
        if manager.currentStyle() != name:
            manager.setCurrentStyle(name)
    else:
        # a new style, starting as a copy of the current one (which stays as it was), with the indicator's renderer
        name = style_name(indicator, language)
        copy = QgsMapLayerStyle()
        copy.readFromLayer(layer)
        manager.addStyle(name, copy)
        manager.setCurrentStyle(name)
        style_indicator_layer(layer, catalog, indicator.id, method, k, language, recorded_breaks(layer, field),
                              source=source, year=year)
    layer.setCustomProperty(SHOWN, field)
    renderer = layer.renderer()
    for index, label in translated_range_labels(renderer, language, decimals_for(indicator)):
        renderer.updateRangeLabel(index, label)  # made headless in English, shown in a German QGIS (or back)
    title = indicator_title(indicator, language, year)
    auto = recorded(layer, AUTO_NAME)
    if auto is not None and layer.name() == auto and layer.name() != title:
        layer.setName(title)
        layer.setCustomProperty(AUTO_NAME, title)
    set_layer_description(layer, title, indicator_abstract(layer, indicator, method, k, language, source=source,
                                                           year=year))
    layer.triggerRepaint()
    return name
