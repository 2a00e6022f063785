"""Categorized renderer of the hot spots (``quartiersmonitor:hotspots``): Gi* hot / cold spots, or the local Moran
clusters and outliers in GeoDa's colours; quartiers without a statistic hatched grey.

Like the rest of cartography, the legend is written in an explicit ``language`` ("en" / "de"), so that a German map
can be made from an English QGIS; the words live here (they belong to this map only).
"""

from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

from .indicator_style import set_layer_description
from .symbology import fill_symbol, no_data_symbol

GI_STAR, LOCAL_MORAN = "gi_star", "local_moran"  # the METHOD values of the algorithm (spatial.hotspots.METHODS)
NOT_COMPUTED = "none"  # the category of a quartier whose hs_class is NULL

#: (hs_class value, fill colour) in legend order, by method. Gi*: ColorBrewer RdBu ends; local Moran: GeoDa's LISA
#: map colours (HH red, LL blue, HL light red, LH light blue).
HOTSPOT_CATEGORIES = {
    GI_STAR: (("hot spot", "#d7191c"), ("cold spot", "#2c7bb6"), ("not significant", "#f7f7f7")),
    LOCAL_MORAN: (("HH", "#ff0000"), ("LL", "#0000ff"), ("HL", "#f4ada8"), ("LH", "#a7adf9"),
                  ("not significant", "#f7f7f7")),
}

_TEXTS = {
    "hot spot": {"en": "Hot spot (cluster of high values)", "de": "Hot Spot (Häufung hoher Werte)"},
    "cold spot": {"en": "Cold spot (cluster of low values)", "de": "Cold Spot (Häufung niedriger Werte)"},
    "not significant": {"en": "Not significant", "de": "Nicht signifikant"},
    "HH": {"en": "High–high (high among high)", "de": "Hoch–hoch (hoch unter hohen)"},
    "LL": {"en": "Low–low (low among low)", "de": "Niedrig–niedrig (niedrig unter niedrigen)"},
    "HL": {"en": "High–low (high among low: outlier)", "de": "Hoch–niedrig (hoch unter niedrigen: Ausreißer)"},
    "LH": {"en": "Low–high (low among high: outlier)", "de": "Niedrig–hoch (niedrig unter hohen: Ausreißer)"},
    NOT_COMPUTED: {"en": "Not computed (no value or no neighbours)",
                   "de": "Nicht berechnet (kein Wert oder keine Nachbarn)"},
    "title_gi_star": {"en": "Hot spots (Getis–Ord Gi*): {field}", "de": "Hot Spots (Getis–Ord Gi*): {field}"},
    "title_local_moran": {"en": "Clusters and outliers (local Moran's I): {field}",
                          "de": "Cluster und Ausreißer (lokales Moran's I): {field}"},
    "abstract": {
        "en": "{method} of {field} with {weights} weights; pseudo p-values from {permutations} conditional "
              "permutations (seed {seed}), significant at p ≤ {alpha}{fdr}. Fields hs_z (z-score), hs_p (p-value) "
              "and hs_class.",
        "de": "{method} von {field} mit {weights}-Gewichten; Pseudo-p-Werte aus {permutations} bedingten "
              "Permutationen (Startwert {seed}), signifikant bei p ≤ {alpha}{fdr}. Felder hs_z (z-Wert), hs_p "
              "(p-Wert) und hs_class.",
    },
    "fdr": {"en": " after the Benjamini–Hochberg correction (false discovery rate)",
            "de": " nach Benjamini–Hochberg-Korrektur (False Discovery Rate)"},
    "gi_star": {"en": "Getis–Ord Gi*", "de": "Getis–Ord Gi*"},
    "local_moran": {"en": "Local Moran's I", "de": "Lokales Moran's I"},
    "queen": {"en": "queen contiguity", "de": "Queen-Nachbarschafts"},
    "rook": {"en": "rook contiguity", "de": "Rook-Nachbarschafts"},
    "knn": {"en": "k nearest neighbours", "de": "k-nächste-Nachbarn"},
    "distance": {"en": "distance band", "de": "Distanzband"},
}


def hotspot_text(key, language="en", **values):
    """The text ``key`` in ``language`` (English when unknown), formatted with ``values``."""
    entry = _TEXTS[key]
    text = entry.get(language) or entry["en"]
    return text.format(**values) if values else text


def hotspot_renderer(method, language="en", class_field="hs_class"):
    """The categorized renderer of ``class_field`` for ``method``: one category per class, then the quartiers
    without a class (NULL) hatched grey."""
    categories = []
    for value, colour in HOTSPOT_CATEGORIES[method]:
        categories.append((value, fill_symbol(colour), hotspot_text(value, language)))
    categories.append((NOT_COMPUTED, no_data_symbol(), hotspot_text(NOT_COMPUTED, language)))
    renderer_categories = []
    for value, symbol, label in categories:
        category = QgsRendererCategory()
        category.setValue(value)
        category.setSymbol(symbol)
        category.setLabel(label)
        category.setRenderState(True)
        renderer_categories.append(category)
    expression = "coalesce(\"{}\", '{}')".format(class_field, NOT_COMPUTED)
    return QgsCategorizedSymbolRenderer(expression, renderer_categories)


def style_hotspot_layer(layer, settings, language="en"):
    """Style ``layer`` (output of ``hotspots``) and set its title and abstract; ``settings``: method, field,
    weights, permutations, seed, alpha, fdr. Returns the renderer."""
    method = settings["method"]
    renderer = hotspot_renderer(method, language)
    layer.setRenderer(renderer)
    title = hotspot_text("title_" + method, language, field=settings["field"])
    abstract = hotspot_text(
        "abstract", language, method=hotspot_text(method, language), field=settings["field"],
        weights=hotspot_text(settings["weights"], language), permutations=settings["permutations"],
        seed=settings["seed"], alpha=settings["alpha"],
        fdr=hotspot_text("fdr", language) if settings["fdr"] else "")
    set_layer_description(layer, title, abstract)
    layer.triggerRepaint()
    return renderer
