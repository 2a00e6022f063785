"""Which field of a layer most likely holds a kind of value (the quartier id, the street …), judged by its name.

Used to preselect and to suggest fields: :data:`CANONICAL` is the name a parameter asks for by default,
:data:`CANDIDATES` the names planners' data use for the same thing (German and English, the shapefile cut to ten
characters), most likely first. Names are compared without case, accents, ``ß``, spaces, hyphens and underscores
("Quartier-ID" is "quartier_id", "Straße" is "strasse").
"""

import re
import unicodedata

QUARTIER_ID = "quartier_id"
STREET = "street"
HOUSENUMBER = "housenumber"
POSTCODE = "postcode"
CITY = "city"
RESIDENTS = "residents"
MUNICIPALITY = "municipality"

# the default field name of each kind (as the demo data and the documentation spell it)
CANONICAL = {
    QUARTIER_ID: "quartier_id",
    STREET: "street",
    HOUSENUMBER: "housenumber",
    POSTCODE: "postcode",
    CITY: "city",
    RESIDENTS: "residents",
    MUNICIPALITY: "municipality_id",
}

CANDIDATES = {
    QUARTIER_ID: (
        "quartier_id", "quartier_i", "qid", "quartiers_id", "quartier_nr", "quartiernr", "quartier", "sozialraum_id",
        "sozialraum_nr", "sozialraum", "sr_id", "sr_nr", "planungsraum_id", "plr_id", "bezirk_id", "stat_bezirk",
        "statbezirk", "gebiet_id", "viertel_id", "district_id", "area_id",
    ),
    STREET: ("street", "strasse", "str", "strassenname", "street_name", "strname", "stn"),
    HOUSENUMBER: (
        "housenumber", "house_number", "house_nr", "hausnummer", "hausnr", "hnr", "hsnr", "hn", "number", "nr",
    ),
    POSTCODE: ("postcode", "plz", "postal_code", "postleitzahl", "zip", "zipcode", "zip_code"),
    CITY: ("city", "ort", "ortsname", "stadt", "gemeinde", "town", "place"),
    RESIDENTS: (
        "residents", "einwohner", "ew", "anzahl_ew", "ew_gesamt", "einwohner_gesamt", "population", "pop",
        "pop_total", "bewohner", "inhabitants",
    ),
    MUNICIPALITY: (
        "municipality_id", "municipality", "gemeinde_id", "gemeinde", "ags", "gemeindeschluessel", "bez", "bezirk",
    ),
}

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def normalized(name):
    """``name`` compared as planners mean it: lower case, umlauts and ß spelt out, accents and every character
    other than letters and digits dropped."""
    text = str(name).strip().lower()
    for umlaut, spelt in _UMLAUTS.items():
        text = text.replace(umlaut, spelt)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", text)


def likely_field(names, candidates):
    """The first of ``candidates`` (names, most likely first; or a kind of :data:`CANDIDATES`) found among the
    field ``names``, spelt as the layer spells it; None when no field fits."""
    if isinstance(candidates, str):
        candidates = CANDIDATES[candidates]
    by_key = {}
    for name in names:
        by_key.setdefault(normalized(name), name)
    for candidate in candidates:
        found = by_key.get(normalized(candidate))
        if found is not None:
            return found
    return None
