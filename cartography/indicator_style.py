"""Graduated choropleths of indicator fields, one named style per indicator.

The renderer is a ``QgsGraduatedSymbolRenderer`` whose classes are exactly the engine's class breaks
(``indicators.classify.breaks``) with the engine's legend labels (``indicators.classify.labels``, German number
format for "de"). Suppressed and no-data quartiers hold NULL in the indicator field; the renderer classifies the
expression ``coalesce("F", NO_DATA_VALUE)`` so that they fall into one extra, last range drawn hatched grey with its
own legend entry. The field itself is never changed (NULL stays NULL).
"""

import math
import os

import numpy as np
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsMapLayerStyle,
    QgsRendererRange,
)

from ..compat import save_style_to_database, set_layer_title
from .symbology import fill_symbol, no_data_symbol, polarity_colours, polarity_ramp
from .texts import legend_text

# Stand-in value of NULL for the renderer only (indicator values are rates ≥ 0).
NO_DATA_VALUE = -999999999.0
PROPERTY_PREFIX = "quartiersmonitor/"


def _classify():
    from ..indicators import classify

    return classify


def style_name(indicator, language="en"):
    """Name of an indicator's style in the style manager: "A.1 SGB II-Quote" (starts with the id)."""
    return "{} {}".format(indicator.id, indicator.name(language))


def decimals_for(indicator):
    """Decimals of legend labels: none for rates per 100,000, one otherwise."""
    return 0 if indicator.factor >= 100000 else 1


def layer_values(layer, field):
    """Values of ``field`` as a float array, NaN for NULL or non-numeric values (feature order)."""
    index = layer.fields().indexOf(field)
    if index < 0:
        raise KeyError(field)
    values = []
    request_features = layer.getFeatures()
    for feature in request_features:
        value = feature.attribute(index)
        try:
            number = float(value) if value is not None else math.nan
        except (TypeError, ValueError):
            number = math.nan
        values.append(number)
    return np.asarray(values, dtype=float)


def _label_lower(values, breaks):
    finite = values[np.isfinite(values)] if values is not None else np.array([])
    if finite.size:
        return float(finite.min())
    return float(breaks[0]) if breaks else 0.0


def indicator_renderer(field, polarity, breaks, lower, language="en", decimals=1):
    """Graduated renderer of ``field``: one range per class (upper bounds ``breaks``, first lower bound ``lower``),
    colours by ``polarity``, labels by the engine, plus a last hatched range for NULL (suppressed / no data)."""
    classify = _classify()
    breaks = [float(b) for b in breaks]
    labels = classify.labels(lower, breaks, language=language, decimals=decimals) if breaks else []
    colours = polarity_colours(polarity, len(breaks))
    ranges = []
    previous = lower
    for upper, label, colour in zip(breaks, labels, colours):
        ranges.append(make_range(previous, upper, fill_symbol(colour), label))
        previous = upper
    ranges.append(make_range(NO_DATA_VALUE - 1.0, NO_DATA_VALUE, no_data_symbol(), legend_text("no_data", language)))
    expression = 'coalesce("{}", {})'.format(field.replace('"', '""'), repr(NO_DATA_VALUE))
    renderer = QgsGraduatedSymbolRenderer(expression, ranges)
    renderer.setSourceSymbol(fill_symbol(colours[0].name() if colours else "#cccccc"))
    renderer.setSourceColorRamp(polarity_ramp(polarity))
    return renderer


def translated_range_labels(renderer, language, decimals=1):
    """``[(range index, label)]`` for the ranges of an indicator renderer whose label is one the engine wrote in the
    other language: the no-data entry ("Suppressed / no data" ↔ "Gesperrt / keine Daten") and class labels
    ("2.5 – 5.0" ↔ "2,5 – 5,0"). Labels a user wrote are left out (never replaced)."""
    from .texts import legend_text

    if renderer is None or not hasattr(renderer, "ranges"):
        return []
    format_number = _classify().format_number
    no_data = {legend_text("no_data", lang) for lang in ("en", "de")}
    changes = []
    for index, item in enumerate(renderer.ranges()):
        label = item.label()
        if item.upperValue() <= NO_DATA_VALUE:
            wanted = legend_text("no_data", language) if label in no_data else None
        else:
            variants = {lang: "{} \u2013 {}".format(format_number(item.lowerValue(), lang, decimals),
                                                    format_number(item.upperValue(), lang, decimals))
                        for lang in ("en", "de")}
            wanted = variants.get(language, variants["en"]) if label in variants.values() else None
        if wanted is not None and wanted != label:
            changes.append((index, wanted))
    return changes


def make_range(lower, upper, symbol, label):
    """A renderer range built with setters (``setSymbol`` takes ownership of ``symbol``)."""
    item = QgsRendererRange()
    item.setLowerValue(float(lower))
    item.setUpperValue(float(upper))
    item.setSymbol(symbol)
    item.setLabel(label)
    item.setRenderState(True)
    return item


def renderer_class_ranges(renderer):
    """The class ranges of an indicator renderer, without the no-data range."""
    return [r for r in renderer.ranges() if r.upperValue() > NO_DATA_VALUE]


def _county_text(layer, indicator, language, decimals):
    raw = layer.customProperty(PROPERTY_PREFIX + "county/" + indicator.field)
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    if math.isnan(value):
        return None
    return "{} {}".format(_classify().format_number(value, language, decimals), indicator.unit_label(language))


def indicator_title(indicator, language="en", year=None):
    title = "{} ({})".format(style_name(indicator, language), indicator.unit_label(language))
    return "{} {}".format(title, year) if year not in (None, "") else title


def indicator_abstract(layer, indicator, method, k, language="en", source=None, year=None):
    decimals = decimals_for(indicator)
    description = indicator.description(language)
    parts = [description.strip()] if description else []
    if source:
        parts.append(legend_text("source", language, source=source))
    if year not in (None, ""):
        parts.append(legend_text("year", language, year=year))
    county = _county_text(layer, indicator, language, decimals)
    if county:
        parts.append(legend_text("county", language, value=county))
    parts.append(legend_text("classification", language, method=legend_text("method_" + method, language), k=k))
    min_count = layer.customProperty(PROPERTY_PREFIX + "min_count")
    min_population = layer.customProperty(PROPERTY_PREFIX + "min_population")
    if min_count not in (None, "") and min_population not in (None, ""):
        parts.append(legend_text("suppression_note", language, min_count=min_count, min_population=min_population))
    return " ".join(parts)


def set_layer_description(layer, title, abstract):
    """Title and abstract of ``layer`` (layer properties and layer metadata)."""
    set_layer_title(layer, title, abstract)
    metadata = layer.metadata()
    metadata.setTitle(title)
    metadata.setAbstract(abstract)
    layer.setMetadata(metadata)


def style_indicator_layer(
    layer, catalog, indicator_id, method="quantile", k=5, language="en", breaks=None, source=None, year=None
):
    """Style ``layer`` as a graduated choropleth of indicator ``indicator_id`` and return the renderer.

    ``breaks`` (upper class bounds) default to the engine's ``classify.breaks`` of the layer's values with
    ``method`` and ``k``; pass the breaks that were used for the ``F_class`` field to keep both identical.
    ``source`` and ``year`` go into the layer's abstract. The layer's custom properties
    ``quartiersmonitor/county/F``, ``quartiersmonitor/min_count`` and ``quartiersmonitor/min_population``
    (written by ``calculateindicators``) are quoted there too when present.
    """
    indicator = catalog[indicator_id]
    values = layer_values(layer, indicator.field)
    if breaks is None:
        finite = values[np.isfinite(values)]
        breaks = list(_classify().breaks(values, method, k)) if finite.size else []
    renderer = indicator_renderer(
        indicator.field,
        indicator.polarity,
        breaks,
        _label_lower(values, breaks),
        language=language,
        decimals=decimals_for(indicator),
    )
    layer.setRenderer(renderer)
    set_layer_description(
        layer,
        indicator_title(indicator, language, year),
        indicator_abstract(layer, indicator, method, k, language, source=source, year=year),
    )
    layer.triggerRepaint()
    return renderer


def add_indicator_styles(
    layer, catalog, indicator_ids, method="quantile", k=5, language="en", breaks=None, source=None, year=None
):
    """One named style per indicator in the layer's style manager (replacing styles of the same names); the first
    indicator's style becomes current. ``breaks``: optional {indicator id: upper bounds}. Returns the style names."""
    breaks = breaks or {}
    manager = layer.styleManager()
    temporary = "quartiersmonitor-temporary"
    manager.renameStyle(manager.currentStyle(), temporary)
    names = []
    for indicator_id in indicator_ids:
        style_indicator_layer(
            layer, catalog, indicator_id, method, k, language, breaks.get(indicator_id), source=source, year=year
        )
        name = style_name(catalog[indicator_id], language)
        style = QgsMapLayerStyle()
        style.readFromLayer(layer)
        if name in manager.styles():
            manager.removeStyle(name)
        manager.addStyle(name, style)
        names.append(name)
    if names:
        manager.setCurrentStyle(names[0])
        manager.removeStyle(temporary)
        first = catalog[indicator_ids[0]]
        set_layer_description(
            layer,
            indicator_title(first, language, year),
            indicator_abstract(layer, first, method, k, language, source=source, year=year),
        )
    else:
        manager.renameStyle(temporary, manager.defaultStyleName() if hasattr(manager, "defaultStyleName") else "")
    return names


def qml_path_for(output):
    """The ``.qml`` path beside a file output ("/x/out.gpkg|layername=out" → "/x/out.qml"), None for non-files."""
    if not output:
        return None
    path = str(output).split("|")[0]
    if path.startswith(("memory:", "postgres:", "ogr:")) or not os.path.isabs(path):
        return None
    return os.path.splitext(path)[0] + ".qml"


def save_style_with_output(layer, output, name=None):
    """Keep the layer's current style with the file ``output``: a QML beside a single-layer file
    ("/x/out.gpkg" → "/x/out.qml"); for one layer of a GeoPackage ("/x/all.gpkg|layername=indicators", where a
    QML beside would be shared by every layer of the file) the default style inside the GeoPackage
    (``layer_styles``). Returns where it went, None for outputs that are not files."""
    path = str(output or "").split("|")[0]
    if "|layername=" in str(output) and path.lower().endswith(".gpkg") and os.path.exists(path):
        error = save_style_to_database(layer, name or layer.name(), "Quartiersmonitor", True)
        if error:
            raise OSError(error)
        return str(output)
    return save_qml_beside(layer, output)


def save_qml_beside(layer, output):
    """Save the layer's current style as a QML beside the file ``output``; returns the path or None."""
    path = qml_path_for(output)
    if path is None:
        return None
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        raise OSError(message)
    return path
