"""The county's tables of an indicator or attention layer as plain data: which sheets, rows and cells
``exporttable`` writes, the footnotes of its symbols and each indicator's definition ("Indikatorenblatt").

Pure Python (no qgis, no Qt, no GDAL): the Processing glue reads the layer's features as plain rows
(``{field: value}``, NULL as None) and its record, and writes the :class:`Sheet` objects through GDAL's drivers.
Texts come through the ``tr`` given (``tr("literal")``, extracted like every other string).

Cells are numbers (float, rounded to the published decimals), text, or None (an empty cell). A value that is not
published is never a number: it is one of the :data:`SYMBOLS`, explained by a footnote under the table:

- ``•`` hidden for statistical confidentiality (flag ``suppressed``; a municipality or county value the layer does
  not publish for a confidential indicator: hidden, or without valid data);
- ``x`` no value: the denominator is 0 (flag ``zero_denominator``);
- ``.`` no value: no valid data (flags ``no_data`` / ``invalid``, a public indicator's missing total, a quartier
  the attention index left unclassed).

A column holding a symbol is a text column (GDAL writes one type per column): its numbers are written as text with
the published decimals; a column without symbols is a number column.
"""

import math
import re
from dataclasses import dataclass, field

import numpy as np

SUPPRESSED = "•"
ZERO_DENOMINATOR = "x"
NO_VALUE = "."
SYMBOLS = (SUPPRESSED, ZERO_DENOMINATOR, NO_VALUE)

#: flag of the layer -> symbol of the table (anything but "ok" is not published)
FLAG_SYMBOLS = {"suppressed": SUPPRESSED, "zero_denominator": ZERO_DENOMINATOR, "no_data": NO_VALUE,
                "invalid": NO_VALUE}

#: fields an attention layer adds (``output_rows.ATTENTION_FIELDS``)
ATTENTION_FIELDS = ("status_index", "status_class", "dynamics_index", "dynamics_class", "attention")
#: the attention index is a z-score: published with two decimals
ATTENTION_DECIMALS = 2
POPULATION_FIELD = "pop_total"

MAX_SHEET_NAME = 31
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")

NUMBER = "number"
TEXT = "text"

# the level of a row
QUARTIER = "quartier"
MUNICIPALITY = "municipality"
COUNTY = "county"


class ExportError(ValueError):
    """A layer that cannot be exported: ``key`` says why (the glue words it)."""

    def __init__(self, key, **params):
        self.key = key
        self.params = params
        super().__init__("{}: {}".format(key, params))


@dataclass
class Sheet:
    """One sheet: its name, column headers and kinds (:data:`NUMBER` / :data:`TEXT`), its rows of cells."""

    name: str
    headers: list
    kinds: list
    rows: list = field(default_factory=list)


def number_or_none(value):
    """A float, None for NULL / NaN / anything not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def rounded(value, decimals):
    """``value`` rounded as published (``decimals`` places, as the engine rounds: ``numpy.round``), None for no
    number."""
    number = number_or_none(value)
    return None if number is None else float(np.round(number, int(decimals)))


def published_cell(value, flag, decimals):
    """The cell of one quartier value: the rounded number when the flag says "ok" (or there is no flag) and there
    is a value, else a symbol (a value an edited layer still holds beside a flag is never shown)."""
    flag = flag.strip() if isinstance(flag, str) else None
    if flag is not None and flag != "ok":
        return FLAG_SYMBOLS.get(flag, SUPPRESSED)
    number = rounded(value, decimals)
    return NO_VALUE if number is None else number


def total_cell(value, indicator, decimals):
    """A municipality or county value: the rounded number, else ``•`` for a confidential indicator (hidden, or
    without valid data) and ``.`` for a public one (never hidden: no valid data)."""
    number = rounded(value, decimals)
    if number is not None:
        return number
    return SUPPRESSED if indicator.confidential else NO_VALUE


def sheet_name(text, taken=()):
    """``text`` as a spreadsheet sheet name: none of ``[]:*?/\\`` (each a hyphen, "Kinder-/Jugendarmut" becomes
    "Kinder-Jugendarmut"), no leading or trailing apostrophe, at most 31 characters, not one of ``taken`` (compared
    without case: " (2)", " (3)" … appended)."""
    base = re.sub("-{2,}", "-", _BAD_SHEET_CHARACTERS.sub("-", str(text))).strip().strip("'").strip() or "Sheet"
    base = base[:MAX_SHEET_NAME].rstrip()
    used = {name.lower() for name in taken}
    name, number = base, 1
    while name.lower() in used:
        number += 1
        suffix = " ({})".format(number)
        name = base[:MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
    return name


def indicator_header(indicator, language):
    """ "A.1 SGB II rate (%)": id, name and unit."""
    return "{} {} ({})".format(indicator.id, indicator.name(language), indicator.unit_label(language))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _first_number(values):
    for value in values:
        number = number_or_none(value)
        if number is not None:
            return number
    return None


@dataclass
class LayerTable:
    """What the glue read from the layer: its rows (``{field: value}``), the fields for id, name and municipality
    (name and municipality may be None), the indicators it holds (catalog entries, in order), whether it is an
    attention layer, its recorded decimals and county values (``{field: value}``, used where the layer has no
    ``<F>_county`` field)."""

    rows: list
    id_field: str
    name_field: object
    municipality_field: object
    indicators: list
    attention: bool = False
    decimals: int = 1
    county: dict = field(default_factory=dict)


def _column_kinds(rows, count):
    kinds = []
    for j in range(count):
        cells = [row[j] for row in rows]
        kinds.append(TEXT if any(isinstance(c, str) for c in cells) else NUMBER)
    return kinds


def _as_text(cell, decimals):
    if cell is None or isinstance(cell, str):
        return cell
    return "{:.{}f}".format(cell, decimals)


def values_sheet(table, tr, language, taken=()):
    """The values per quartier, then per municipality and the county, with the footnotes of the symbols used under
    the table (after an empty row). Columns: level, quartier id, name, municipality, residents (when the layer has
    ``pop_total``), one per indicator, then the attention index columns for an attention layer."""
    decimals = int(table.decimals)
    names = set(table.rows[0]) if table.rows else set()
    with_population = POPULATION_FIELD in names
    headers = [tr("Level"), tr("Quartier id"), tr("Name"), tr("Municipality")]
    digits = [0, 0, 0, 0]
    if with_population:
        headers.append(tr("Residents"))
        digits.append(0)
    for indicator in table.indicators:
        headers.append(indicator_header(indicator, language))
        digits.append(decimals)
    if table.attention:
        headers += [tr("Status index"), tr("Status class"), tr("Dynamics index"), tr("Dynamics class"),
                    tr("Attention")]
        digits += [ATTENTION_DECIMALS, 0, ATTENTION_DECIMALS, 0, 0]
    level = {QUARTIER: tr("Quartier"), MUNICIPALITY: tr("Municipality"), COUNTY: tr("County")}
    yes_no = {"yes": tr("yes"), "no": tr("no")}

    rows = []
    for row in table.rows:
        cells = [level[QUARTIER], _text(row.get(table.id_field)),
                 _text(row.get(table.name_field)) if table.name_field else "",
                 _text(row.get(table.municipality_field)) if table.municipality_field else ""]
        if with_population:
            cells.append(rounded(row.get(POPULATION_FIELD), 0))
        for indicator in table.indicators:
            f = indicator.field
            cells.append(published_cell(row.get(f), row.get(f + "_flag"), decimals))
        if table.attention:
            cells += _attention_cells(row, yes_no)
        rows.append(cells)
    rows += _total_rows(table, level, with_population)
    kinds = _column_kinds(rows, len(headers))
    rows = [[_as_text(cell, digits[j]) if kinds[j] == TEXT else cell for j, cell in enumerate(cells)]
            for cells in rows]
    kinds[:4] = [TEXT] * 4
    notes = footnotes(rows, tr, table)
    if notes:
        rows.append([None] * len(headers))
        rows += [[note] + [None] * (len(headers) - 1) for note in notes]
    return Sheet(sheet_name(tr("Values"), taken), headers, kinds, rows)


def _attention_cells(row, yes_no):
    status_class = rounded(row.get("status_class"), 0)
    attention = row.get("attention")
    return [
        rounded(row.get("status_index"), ATTENTION_DECIMALS) if status_class is not None else NO_VALUE,
        NO_VALUE if status_class is None else status_class,
        rounded(row.get("dynamics_index"), ATTENTION_DECIMALS),
        rounded(row.get("dynamics_class"), 0),
        yes_no.get(str(attention).strip().lower(), _text(attention)) if attention not in (None, "") else NO_VALUE,
    ]


def _total_rows(table, level, with_population):
    """One row per municipality (when the layer has the municipality field and publishes ``_mun`` values) and the
    county row."""
    decimals = int(table.decimals)
    extra = 5 if table.attention else 0
    rows = []
    if table.municipality_field and table.indicators:
        groups = {}
        for row in table.rows:
            key = row.get(table.municipality_field)
            if key is not None:
                groups.setdefault(_text(key), []).append(row)
        has_values = any(number_or_none(row.get(ind.field + "_mun")) is not None
                         for row in table.rows for ind in table.indicators)
        if has_values:
            for key in sorted(groups):
                cells = [level[MUNICIPALITY], "", "", key] + ([None] if with_population else [])
                for indicator in table.indicators:
                    value = _first_number(row.get(indicator.field + "_mun") for row in groups[key])
                    cells.append(total_cell(value, indicator, decimals))
                rows.append(cells + [None] * extra)
    if table.indicators:
        cells = [level[COUNTY], "", "", ""] + ([None] if with_population else [])
        for indicator in table.indicators:
            f = indicator.field
            value = _first_number(row.get(f + "_county") for row in table.rows)
            if value is None:
                value = number_or_none(table.county.get(f))
            cells.append(total_cell(value, indicator, decimals))
        rows.append(cells + [None] * extra)
    return rows


def footnotes(rows, tr, table):
    """The footnotes of the symbols that occur in ``rows`` (and the note on an attention layer's unclassed
    quartiers)."""
    used = {cell for cells in rows for cell in cells if isinstance(cell, str) and cell in SYMBOLS}
    texts = {
        SUPPRESSED: tr("• Not published: hidden for statistical confidentiality (small counts, quartiers with few "
                       "residents, and further cells and totals that would reveal them); in municipality and county "
                       "rows also a total without valid data."),
        ZERO_DENOMINATOR: tr("x No value: the denominator (reference population) is 0."),
        NO_VALUE: tr(". No value: no valid data (missing or invalid counts; for the attention index: a quartier "
                     "left unclassed)."),
    }
    notes = [texts[symbol] for symbol in SYMBOLS if symbol in used]
    if table.indicators:
        notes.append(tr("Values rounded to {decimals} decimal(s) as published; municipality and county values are "
                        "computed from the summed counts, never averaged.").format(decimals=int(table.decimals)))
    return notes


# ---------------------------------------------------------------------------------------------------------------
# the definition of each indicator ("Indikatorenblatt")

def polarity_text(indicator, tr):
    if indicator.polarity > 0:
        return tr("+1: a higher value means more need")
    if indicator.polarity < 0:
        return tr("-1: a higher value means less need")
    return tr("0: context indicator, no direction")


def interval_text(indicator, tr, standardised=False):
    """How the 95 % interval of the indicator is computed (``indicators.ci`` / ``rates``)."""
    if indicator.kind == "share":
        text = tr("95 % Wilson score interval of the share numerator / denominator, times the factor.")
    else:
        text = tr("95 % exact Poisson (Garwood) interval of the numerator, the denominator taken as fixed, divided "
                  "by the denominator, times the factor.")
    if standardised:
        text += " " + tr("Age-standardised values (direct standardisation to the European Standard Population "
                         "2013): Dobson's interval.")
    return text


def confidentiality_text(indicator, tr, min_count, min_population):
    """The confidentiality rule the layer was made with, for ``indicator``."""
    if not indicator.confidential:
        return tr("Not confidential (counts of public things): published exactly, small counts and small quartiers "
                  "included; never suppressed.")
    text = tr("Numerators from 1 to {upper} are not published (minimum count {min_count}).").format(
        upper=max(int(min_count) - 1, 0), min_count=int(min_count))
    if int(min_population) > 0:
        text += " " + tr("Quartiers with fewer than {n} residents publish no value.").format(n=int(min_population))
    else:
        text += " " + tr("The minimum population rule is switched off (0).")
    text += " " + tr("Secondary suppression hides further cells and municipality or county values until an audit "
                     "proves that no hidden small count can be narrowed to fewer than {k} possible values from "
                     "everything the run publishes. Every hidden cell is shown as •.").format(k=int(min_count) + 1)
    return text


@dataclass
class Record:
    """What the layer recorded of how it was made (``cartography.layer_record``)."""

    min_count: object = None
    min_population: object = None
    decimals: int = 1
    source: str = ""
    year: str = ""


def definition_rows(indicator, record, tr, language, standardised=False):
    """(label, value) rows describing ``indicator``: the county's "Indikatorenblatt"."""

    def factor_text(value):
        return _text(float(value)) if isinstance(value, (int, float)) else str(value)

    not_stated = tr("not stated")
    limits = record.min_count is not None and record.min_population is not None
    rows = [
        (tr("Id"), indicator.id),
        (tr("Name"), indicator.name(language)),
        (tr("Description"), indicator.description(language)),
        (tr("Numerator (column of the counts table)"), indicator.numerator),
        (tr("Denominator (column of the counts table)"), indicator.denominator),
        (tr("Factor"), factor_text(indicator.factor)),
        (tr("Unit"), indicator.unit_label(language)),
        (tr("Calculation"), tr("numerator / denominator × {factor}").format(factor=factor_text(indicator.factor))),
        (tr("Kind"), tr("share") if indicator.kind == "share" else tr("rate")),
        (tr("Polarity"), polarity_text(indicator, tr)),
        (tr("Confidence interval"), interval_text(indicator, tr, standardised)),
        (tr("Confidential"), tr("yes") if indicator.confidential else tr("no")),
        (tr("Minimum count (MIN_COUNT)"), _text(record.min_count) if record.min_count is not None else not_stated),
        (tr("Minimum population (MIN_POPULATION)"),
         _text(record.min_population) if record.min_population is not None else not_stated),
        (tr("Confidentiality rule"),
         confidentiality_text(indicator, tr, record.min_count, record.min_population) if limits else not_stated),
        (tr("Decimals published"), _text(int(record.decimals))),
        (tr("Source"), record.source or not_stated),
        (tr("Year"), record.year or not_stated),
    ]
    return rows


def definition_sheets(indicators, record, tr, language, standardised_fields=(), taken=()):
    """One two-column sheet (item, content) per indicator, named "A.1 SGB II rate" (safe, unique)."""
    taken = list(taken)
    sheets = []
    for indicator in indicators:
        name = sheet_name("{} {}".format(indicator.id, indicator.name(language)), taken)
        taken.append(name)
        rows = definition_rows(indicator, record, tr, language, indicator.field in standardised_fields)
        sheets.append(Sheet(name, [tr("Item"), tr("Content")], [TEXT, TEXT], [list(row) for row in rows]))
    return sheets


def attention_sheet(tr, taken=()):
    """The definition of the attention index's columns (for an attention layer)."""
    rows = [
        (tr("Status index"), tr("The z-standardised (weighted) sum of the z-standardised indicator values, higher = "
                                "more need; two decimals.")),
        (tr("Status class"), tr("1 high, 2 middle, 3 low, 4 very low status (thresholds of the run, by default -1, "
                                "1 and 1.5 on the status index).")),
        (tr("Dynamics index"), tr("The same index over the changes against a previous layer (empty without "
                                  "one).")),
        (tr("Dynamics class"), tr("1 positive, 2 stable, 3 negative (empty without a previous layer).")),
        (tr("Attention"), tr("yes for status class 3 or 4, or class 2 with negative dynamics.")),
        (tr("Unclassed"), tr("Quartiers under the minimum population or without a value in a chosen indicator are "
                             "not classed (shown as .).")),
    ]
    return Sheet(sheet_name(tr("Attention index"), taken), [tr("Item"), tr("Content")], [TEXT, TEXT],
                 [list(row) for row in rows])


def definitions_table(sheets):
    """The definition sheets as one table (CSV): one row per indicator, one column per item."""
    if not sheets:
        return [], []
    headers = [row[0] for row in sheets[0].rows]
    return headers, [[row[1] for row in sheet.rows] for sheet in sheets]
