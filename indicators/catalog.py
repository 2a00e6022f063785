"""The indicator catalog of INDICATORS.md, optionally extended or overridden by a user's JSON file.

JSON format (a list, or an object with a list under ``"indicators"``)::

    {"indicators": [
        {"id": "X.1", "name_de": "Meine Quote", "name_en": "My share", "domain": "health",
         "numerator": "my_cases", "denominator": "pop_total", "factor": 100, "polarity": 1},
        {"id": "A.1", "numerator": "sgb2_total"}
    ]}

An entry whose id is in the catalog overrides only the keys it gives; a new entry needs ``name_de`` or ``name_en``,
``numerator``, ``denominator`` and ``domain`` (a key of :data:`DOMAINS` or its German/English name). Defaults:
``factor`` 100, ``unit`` from the factor, ``polarity`` +1, ``kind`` "share" for factor 100 else "rate",
``confidential`` true. Unknown keys are an error (a typo must not be ignored silently).

``confidential`` (true / false): whether the indicator's counts fall under statistical confidentiality (small-count
and small-population suppression, secondary suppression and the disclosure audit: ``indicators.suppression``,
``indicators.disclosure``). Social counts are confidential; counts of public things (offerings, their coverage:
W.1 and W.2 from ``offeringcoverage``) are not, and are published exactly, small counts included. W.3 (a
user-defined count of residents, e.g. in poor-quality housing) stays confidential unless the entry says otherwise.
A confidential indicator's numerator may not be a column a public indicator publishes (rates.compute refuses it:
the count would be published beside its suppression).

Column names of the counts table chosen here beyond INDICATORS.md: W.1 ``pop_far_grocery`` and W.2 ``pop_far_stop``
(both written by ``offeringcoverage`` with the grocery / stop layers), W.3 ``pop_poor_housing`` (user-defined count).
"""

import dataclasses
import json
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from .engine_messages import ENGLISH

#: The seed's six domains, in display order: key -> {"de": ..., "en": ...}.
DOMAINS = OrderedDict(
    [
        ("poverty", {"de": "Armutslagen", "en": "Poverty"}),
        ("education", {"de": "Bildung und Erziehung", "en": "Education and upbringing"}),
        ("demography", {"de": "Demografie", "en": "Demography"}),
        ("employment", {"de": "Erwerbsarbeit", "en": "Employment"}),
        ("health", {"de": "Gesundheit und Wohlergehen", "en": "Health and well-being"}),
        ("housing", {"de": "Wohnen", "en": "Housing"}),
    ]
)

UNITS = {100: "%", 1000: "per 1,000", 100000: "per 100,000"}
UNITS_DE = {"%": "%", "per 100": "je 100", "per 1,000": "je 1.000", "per 100,000": "je 100.000"}


def default_unit(factor, kind="share"):
    """The unit a factor gives: "%" for a share per 100, "per 100" for a rate per 100 (the ageing index D.1 reaches
    1,000 and more: not a percentage), "per 1,000", "per 100,000"."""
    if factor == 100 and kind == "rate":
        return "per 100"
    return UNITS.get(factor, "per {:,}".format(factor))
KINDS = ("share", "rate")


class CatalogError(ValueError):
    """A catalog file that cannot be used: ``key`` (of :data:`engine_messages.ENGLISH`) and ``params`` say the
    problem, ``source`` / ``entry`` / ``ident`` where (the file, the entry number, its id); ``str()`` is the English
    text "Catalog file x.json, entry 2 ("X.1"): …" (the Processing glue translates key and place)."""

    def __init__(self, key, source="Catalog", entry=None, ident=None, **params):
        self.key = key
        self.params = params
        self.source = source
        self.entry = entry
        self.ident = ident
        where = source
        if entry is not None:
            where += ", entry {}".format(entry)
            if ident is not None:
                where += " (\"{}\")".format(ident)
        super().__init__("{}: {}".format(where, ENGLISH[key].format(**params)))


@dataclass(frozen=True)
class Indicator:
    id: str
    name_de: str
    name_en: str
    description_de: str
    description_en: str
    domain: str
    numerator: str
    denominator: str
    factor: float = 100
    unit: str = "%"
    polarity: int = 1
    kind: str = "share"
    confidential: bool = True

    @property
    def field(self):
        """The id without the dot ("A.1" -> "A1"): the field name prefix in output layers."""
        return self.id.replace(".", "")

    def name(self, language="en"):
        if language == "de":
            return self.name_de or self.name_en
        return self.name_en or self.name_de

    def description(self, language="en"):
        if language == "de":
            return self.description_de or self.description_en
        return self.description_en or self.description_de

    def unit_label(self, language="en"):
        if language == "de":
            return UNITS_DE.get(self.unit, self.unit)
        return self.unit

    def label(self, language="en"):
        """Option label for lists: "A.1 SGB II-Quote"."""
        return "{} {}".format(self.id, self.name(language))


#: The built-in indicators of INDICATORS.md, one block each: a line "id | domain | numerator | denominator | factor |
#: polarity | kind", then "de: name | description" and "en: name | description" (a description may go on over
#: further indented lines, joined with a space).
_BUILTIN_TABLE = """
A.1 | poverty | sgb2_u65 | pop_u65 | 100 | 1 | share
    de: SGB II-Quote | Personen in SGB II-Bedarfsgemeinschaften unter 65 Jahren je 100 Einwohner unter 65 Jahren.
    en: SGB II rate | Persons under 65 in SGB II benefit units per 100 residents under 65.
A.2 | poverty | sgb2_u15 | pop_u15 | 100 | 1 | share
    de: Kinder-/Jugendarmut | Kinder unter 15 Jahren in SGB II-Bedarfsgemeinschaften je 100 Kinder unter 15 Jahren.
    en: Child poverty | Children under 15 in SGB II benefit units per 100 children under 15.
A.3 | poverty | gsi_em | pop_18_64 | 100 | 1 | share
    de: Erwerbsminderung | Empfänger von Grundsicherung bei Erwerbsminderung (18–64 Jahre) je 100 Einwohner von 18
        bis 64 Jahren.
    en: Reduced earning capacity | Recipients of basic income support for reduced earning capacity (18–64) per 100
        residents aged 18–64.
A.4 | poverty | gsi_alter | pop_65plus | 100 | 1 | share
    de: Altersarmut | Empfänger von Grundsicherung im Alter je 100 Einwohner ab 65 Jahren.
    en: Old-age poverty | Recipients of basic income support in old age per 100 residents aged 65 and over.
B.1 | education | seu_delayed | seu_examined | 100 | 1 | share
    de: Altersgerechte Entwicklung | Kinder mit Entwicklungsbefund bei der Schuleingangsuntersuchung je 100
        untersuchte Kinder.
    en: Age-appropriate development | Children with developmental findings at the school-entry examination per 100
        children examined.
B.2 | education | hh_single_parent | hh_children | 100 | 1 | share
    de: Alleinerziehenden-Haushalte | Haushalte von Alleinerziehenden je 100 Haushalte mit minderjährigen Kindern.
    en: Single-parent households | Single-parent households per 100 households with children under 18.
D.1 | demography | pop_65plus | pop_u15 | 100 | 0 | rate
    de: Aging-Index | Einwohner ab 65 Jahren je 100 Einwohner unter 15 Jahren (Kontextindikator).
    en: Ageing index | Residents aged 65 and over per 100 residents under 15 (context indicator).
D.2 | demography | pop_80plus | pop_60plus | 100 | 0 | share
    de: Greying-Index | Einwohner ab 80 Jahren je 100 Einwohner ab 60 Jahren (Kontextindikator).
    en: Greying index | Residents aged 80 and over per 100 residents aged 60 and over (context indicator).
D.3 | demography | births | women_15_44 | 1000 | 0 | rate
    de: Geburtenrate (allg. Fruchtbarkeitsziffer) | Lebendgeborene je 1.000 Frauen von 15 bis 44 Jahren
        (Kontextindikator).
    en: General fertility rate | Live births per 1,000 women aged 15–44 (context indicator).
E.1 | employment | elb_employed | elb | 100 | 1 | share
    de: Aufstocker („Ergänzer/innen“) | Erwerbstätige erwerbsfähige Leistungsberechtigte (SGB II) je 100
        erwerbsfähige Leistungsberechtigte.
    en: In-work benefit recipients | Employed recipients of SGB II per 100 employable SGB II recipients.
E.2 | employment | ltu | pop_15_64 | 100 | 1 | share
    de: Langzeitarbeitslose | Seit mindestens einem Jahr Arbeitslose je 100 Einwohner von 15 bis 64 Jahren.
    en: Long-term unemployment | Persons unemployed for one year or longer per 100 residents aged 15–64.
G.1 | health | seu_overweight | seu_examined | 100 | 1 | share
    de: Übergewicht bei Einschulung | Kinder mit BMI über dem 90. Perzentil (Kromeyer-Hauschild) je 100 bei der
        Schuleingangsuntersuchung untersuchte Kinder.
    en: Overweight at school entry | Children with a BMI above the 90th percentile (Kromeyer-Hauschild) per 100
        children examined at school entry.
G.2 | health | deaths_u65 | pop_u65 | 100000 | 1 | rate
    de: Vorzeitige Sterblichkeit | Sterbefälle unter 65 Jahren je 100.000 Einwohner unter 65 Jahren; bei
        Altersgruppen auch direkt altersstandardisiert (ESP 2013).
    en: Premature mortality | Deaths under 65 per 100,000 residents under 65; with age bands also directly
        age-standardised (ESP 2013).
G.3 | health | severely_disabled | pop_total | 100 | 1 | share
    de: Schwerbehinderung | Schwerbehinderte Menschen (GdB ab 50) je 100 Einwohner.
    en: Severe disability | Severely disabled persons (degree of disability 50 or more) per 100 residents.
W.1 | housing | pop_far_grocery | pop_total | 100 | 1 | share
    de: Nahversorgung | Einwohner mit mehr als 500 m Luftlinie zum nächsten Lebensmittelgeschäft je 100 Einwohner
        (Spalte pop_far_grocery aus „offeringcoverage“).
    en: Local grocery supply | Residents farther than 500 m from the nearest grocery store per 100 residents (column
        pop_far_grocery from 'offeringcoverage').
W.2 | housing | pop_far_stop | pop_total | 100 | 1 | share
    de: ÖPNV-Anbindung | Einwohner mit mehr als 300 m Luftlinie zur nächsten Haltestelle je 100 Einwohner (Spalte
        pop_far_stop aus „offeringcoverage“).
    en: Public transport access | Residents farther than 300 m from the nearest public transport stop per 100
        residents (column pop_far_stop from 'offeringcoverage').
W.3 | housing | pop_poor_housing | pop_total | 100 | 1 | share
    de: Wohnbebauung | Nutzerdefinierte Zählung, z. B. Einwohner in Wohngebäuden schlechter Qualität, je 100
        Einwohner (Spalte pop_poor_housing).
    en: Housing quality | User-defined count, e.g. residents in poor-quality housing, per 100 residents (column
        pop_poor_housing).
"""


def need_fields(catalog):
    """The value fields ("A1", …) of the indicators of ``catalog`` that measure need (polarity ≠ 0): what the
    attention index offers by default (context indicators such as D.1 have no direction)."""
    return [ind.field for ind in catalog.values() if ind.polarity != 0]


def default_fields_present(given, default, layer_fields):
    """The fields of ``given`` the layer has when ``given`` is the untouched ``default`` (the same names), in
    the layer's spelling and order of ``default``; None when ``given`` is not the default (use it as it is)."""
    if sorted(given) != sorted(default):
        return None
    spelled = {name.lower(): name for name in layer_fields}
    return [spelled[name.lower()] for name in default if name.lower() in spelled]


def _read_table(table):
    """The :class:`Indicator` of each block of ``table`` (see :data:`_BUILTIN_TABLE`), in order."""
    indicators = []
    for block in re.split(r"\n(?=\S)", table.strip()):
        head, _, rest = block.partition("\n")
        ident, domain, numerator, denominator, factor, polarity, kind = [part.strip() for part in head.split("|")]
        texts = " ".join(line.strip() for line in rest.splitlines())
        name_de, desc_de, name_en, desc_en = re.fullmatch(r"de: (.*?) \| (.*) en: (.*?) \| (.*)", texts).groups()
        indicators.append(Indicator(
            id=ident, name_de=name_de, name_en=name_en, description_de=desc_de, description_en=desc_en, domain=domain,
            numerator=numerator, denominator=denominator, factor=int(factor), unit=default_unit(int(factor), kind),
            polarity=int(polarity), kind=kind))
    return tuple(indicators)


#: Built-in indicators whose counts are public (coverage of public offerings): never suppressed.
PUBLIC_BUILTIN = ("W.1", "W.2")
BUILTIN = tuple(dataclasses.replace(ind, confidential=ind.id not in PUBLIC_BUILTIN)
                for ind in _read_table(_BUILTIN_TABLE))


class Catalog(Mapping):
    """Ordered mapping id -> :class:`Indicator`."""

    def __init__(self, indicators=()):
        self._items = OrderedDict()
        for indicator in indicators:
            self._items[indicator.id] = indicator

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def ids(self):
        return list(self._items)

    def indicators(self):
        return list(self._items.values())

    def by_field(self, field):
        for indicator in self._items.values():
            if indicator.field == field:
                return indicator
        raise KeyError(field)

    def by_domain(self):
        """OrderedDict domain key -> list of indicators (domains in :data:`DOMAINS` order)."""
        out = OrderedDict((key, []) for key in DOMAINS)
        for indicator in self._items.values():
            out.setdefault(indicator.domain, []).append(indicator)
        return out

    def __repr__(self):
        return "Catalog({})".format(", ".join(self._items))


_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)?$")
_COLUMN_RE = re.compile(r"^\S(.*\S)?$")
_KEYS = {"id", "name_de", "name_en", "description_de", "description_en", "domain", "numerator", "denominator",
         "factor", "unit", "polarity", "kind", "confidential"}


def _domain_key(value):
    if not isinstance(value, str):
        return None
    text = value.strip()
    for key, names in DOMAINS.items():
        if text.lower() in (key, names["de"].lower(), names["en"].lower()):
            return key
    return None


def _check_entry(raw, where, base):
    """Validate one JSON entry; ``base`` is the built-in indicator it overrides (or None); ``where``: the
    :class:`CatalogError` place (source, entry, ident). Returns an Indicator."""

    def fail(key, **params):
        raise CatalogError(key, **where, **params)

    if not isinstance(raw, dict):
        fail("catalog_not_object", type=type(raw).__name__)
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        fail("catalog_unknown_keys", keys=", ".join(map(repr, unknown)), allowed=", ".join(sorted(_KEYS)))
    values = {} if base is None else dict(base.__dict__)
    values["id"] = raw["id"]
    for key in ("name_de", "name_en", "description_de", "description_en"):
        if key in raw:
            if not isinstance(raw[key], str):
                fail("catalog_not_text", name=key, value=repr(raw[key]))
            values[key] = raw[key].strip()
    for key in ("numerator", "denominator"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, str) or not _COLUMN_RE.match(value):
                fail("catalog_bad_column", name=key, value=repr(value))
            values[key] = value
        elif base is None:
            fail("catalog_missing_column", name=key)
    if "domain" in raw:
        key = _domain_key(raw["domain"])
        if key is None:
            fail("catalog_bad_domain", value=repr(raw["domain"]), domains=", ".join(DOMAINS))
        values["domain"] = key
    elif base is None:
        fail("catalog_missing_domain", domains=", ".join(DOMAINS))
    if "factor" in raw:
        factor = raw["factor"]
        if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not factor > 0 or factor != factor:
            fail("catalog_bad_factor", value=repr(factor))
        values["factor"] = int(factor) if float(factor).is_integer() else float(factor)
        if "unit" not in raw:
            values["unit"] = default_unit(values["factor"], raw.get("kind", values.get("kind", "share")))
    if "unit" in raw:
        if not isinstance(raw["unit"], str) or not raw["unit"].strip():
            fail("catalog_bad_unit", value=repr(raw["unit"]))
        values["unit"] = raw["unit"].strip()
    if "polarity" in raw:
        polarity = raw["polarity"]
        if isinstance(polarity, str) and polarity.strip() in ("+", "-", "0", "+1", "-1"):
            polarity = int(polarity.strip() + ("1" if polarity.strip() in ("+", "-") else ""))
        if isinstance(polarity, bool) or polarity not in (-1, 0, 1):
            fail("catalog_bad_polarity", value=repr(raw["polarity"]))
        values["polarity"] = int(polarity)
    if "kind" in raw:
        if raw["kind"] not in KINDS:
            fail("catalog_bad_kind", value=repr(raw["kind"]))
        values["kind"] = raw["kind"]
    if "confidential" in raw:
        if not isinstance(raw["confidential"], bool):
            fail("catalog_bad_confidential", value=repr(raw["confidential"]))
        values["confidential"] = raw["confidential"]
    if base is None:
        values.setdefault("confidential", True)
        if not values.get("name_de") and not values.get("name_en"):
            fail("catalog_missing_name")
        for key in ("name_de", "name_en", "description_de", "description_en"):
            values.setdefault(key, "")
        values.setdefault("factor", 100)
        values.setdefault("polarity", 1)
        values.setdefault("kind", "share" if values["factor"] == 100 else "rate")
        values.setdefault("unit", default_unit(values["factor"], values["kind"]))
    if values["numerator"] == values["denominator"]:
        fail("catalog_same_columns", value=repr(values["numerator"]))
    return Indicator(**values)


def load_catalog(path=None):
    """The built-in catalog, extended/overridden by the JSON file at ``path`` (if given).

    Raises :class:`CatalogError` naming the file, the entry (number and id) and the problem.
    """
    if path is None:
        return Catalog(BUILTIN)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except OSError as error:
        raise CatalogError("catalog_unreadable", "Catalog file {}".format(path),
                           reason=str(error.strerror or error)) from None
    except UnicodeDecodeError:
        raise CatalogError("catalog_not_utf8", "Catalog file {}".format(path)) from None
    except json.JSONDecodeError as error:
        raise CatalogError("catalog_not_json", "Catalog file {}".format(path), line=error.lineno,
                           column=error.colno, reason=error.msg) from None
    return catalog_from_entries(data, "Catalog file {}".format(path))


def catalog_entries(catalog, ids):
    """The full entries of the indicators ``ids`` of ``catalog`` as JSON-ready dicts: a catalog file that rebuilds
    them (what an indicator layer records, so that a custom indicator is known wherever the layer goes)."""
    return [dataclasses.asdict(catalog[ident]) for ident in ids]


def catalog_to_json(catalog, ids):
    """:func:`catalog_entries` as compact JSON text."""
    return json.dumps({"indicators": catalog_entries(catalog, ids)}, ensure_ascii=False, separators=(",", ":"))


def catalog_from_json(text, source="Catalog"):
    """The built-in catalog extended by the JSON text ``text`` (as :func:`catalog_to_json` writes it); the built-in
    catalog for empty text. Raises :class:`CatalogError`."""
    if not text:
        return Catalog(BUILTIN)
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as error:
        raise CatalogError("catalog_text_not_json", source, reason=str(error)) from None
    return catalog_from_entries(data, source)


def catalog_from_entries(entries, source="Catalog"):
    """Like :func:`load_catalog` with the already parsed JSON content (list or {"indicators": [...]})."""
    items = OrderedDict((ind.id, ind) for ind in BUILTIN)
    return Catalog(_merge(items, entries, source).values())


def _merge(items, data, source):
    if isinstance(data, dict):
        if "indicators" not in data:
            raise CatalogError("catalog_no_indicators_key", source)
        data = data["indicators"]
    if not isinstance(data, list):
        raise CatalogError("catalog_not_a_list", source, type=type(data).__name__)
    seen = set()
    for number, raw in enumerate(data, start=1):
        where = {"source": source, "entry": number}
        if isinstance(raw, dict) and "id" in raw:
            ident = raw["id"]
            if not isinstance(ident, str) or not _ID_RE.match(ident.strip()):
                raise CatalogError("catalog_bad_id", value=repr(ident), **where)
            ident = ident.strip()
            raw = dict(raw, id=ident)
            where["ident"] = ident
            if ident in seen:
                raise CatalogError("catalog_duplicate_id", **where)
            seen.add(ident)
        elif isinstance(raw, dict):
            raise CatalogError("catalog_missing_id", **where)
        indicator = _check_entry(raw, where, items.get(raw["id"]) if isinstance(raw, dict) else None)
        clash = [other.id for other in items.values() if other.field == indicator.field and other.id != indicator.id]
        if clash:
            raise CatalogError("catalog_field_clash", field=repr(indicator.field), other=clash[0], **where)
        items[indicator.id] = indicator
    return items
