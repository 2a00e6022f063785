"""The few words cartography puts into legends, titles and abstracts, per language.

Like the indicator engine, cartography formats text for an explicit ``language`` ("en" / "de") instead of the
language of the running QGIS, so that a map sheet can be produced in German from an English QGIS. Unknown
languages fall back to English.
"""

#: Legend labels: missing values and the classes of the attention map.
_LEGEND = {
    "no_data": {"en": "Suppressed / no data", "de": "Gesperrt / keine Daten"},
    "not_classed": {"en": "Not classed (too few residents or no data)",
                    "de": "Nicht klassifiziert (zu wenige Einwohner oder keine Daten)"},
    "status_1": {"en": "1 High status", "de": "1 Hoher Status"},
    "status_2": {"en": "2 Middle status", "de": "2 Mittlerer Status"},
    "status_2_attention": {"en": "2 Middle status, negative dynamics — attention",
                           "de": "2 Mittlerer Status, negative Dynamik — Aufmerksamkeit"},
    "status_3": {"en": "3 Low status — attention", "de": "3 Niedriger Status — Aufmerksamkeit"},
    "status_4": {"en": "4 Very low status — attention", "de": "4 Sehr niedriger Status — Aufmerksamkeit"},
    # map sheets: the veil over the neighbours and the outline of the sheet's quartier
    "neighbours": {"en": "Neighbouring quartiers (lighter)", "de": "Nachbarquartiere (aufgehellt)"},
    "focus": {"en": "Quartier of this sheet", "de": "Quartier dieses Blatts"},
    "map_key": {"en": "Map key", "de": "Kartenzeichen"},
}

#: Layer titles and the sentences of layer abstracts.
_ABSTRACTS = {
    "attention_title": {"en": "Quartiers needing attention", "de": "Quartiere mit Aufmerksamkeitsbedarf"},
    "attention_abstract": {
        "en": "Status index (z-standardised sum of the indicators {fields}), status classes 1–4 and attention flag.",
        "de": "Statusindex (z-standardisierte Summe der Indikatoren {fields}), Statusklassen 1–4 und "
        "Aufmerksamkeitskennzeichen.",
    },
    "classification": {"en": "Classification: {method}, {k} classes.", "de": "Klassifizierung: {method}, {k} Klassen."},
    "source": {"en": "Source: {source}.", "de": "Quelle: {source}."},
    "year": {"en": "Year: {year}.", "de": "Jahr: {year}."},
    "county": {"en": "County value: {value}.", "de": "Kreiswert: {value}."},
    "suppression_note": {
        "en": "Quartiers with fewer than {min_count} cases or fewer than {min_population} residents, and further "
        "quartiers from which they could be worked out, are suppressed (hatched grey).",
        "de": "Quartiere mit weniger als {min_count} Fällen oder weniger als {min_population} Einwohnern und weitere "
        "Quartiere, aus denen sie sich errechnen ließen, sind gesperrt (grau schraffiert).",
    },
}

#: The classification methods named in "classification" (keys "method_" + the method).
_METHODS = {
    "method_quantile": {"en": "quantiles", "de": "Quantile"},
    "method_jenks": {"en": "natural breaks (Jenks)", "de": "natürliche Brüche (Jenks)"},
    "method_equal_interval": {"en": "equal intervals", "de": "gleiche Intervalle"},
    "method_std_dev": {"en": "standard deviation", "de": "Standardabweichung"},
    "method_pretty": {"en": "pretty breaks", "de": "runde Klassengrenzen"},
}

_TEXTS = {**_LEGEND, **_ABSTRACTS, **_METHODS}


def legend_text(key, language="en", **values):
    """The text ``key`` in ``language`` (English when unknown), formatted with ``values``."""
    entry = _TEXTS[key]
    text = entry.get(language) or entry["en"]
    return text.format(**values) if values else text
