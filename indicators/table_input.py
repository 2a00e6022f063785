"""The user's input to the indicator algorithms, checked and cleaned: pure Python (pandas), no qgis, no Qt.

- the text parameters: column mapping, extra indicator ids, years, thresholds and weights of the attention index;
- the counts table: empty rows dropped, ids as text, the chosen years, ids matched to the quartiers;
- diagnostics for the messages: examples, ids that differ only by leading zeros, undecodable text, a header row
  pushed into the data by a title row;
- spreadsheets as agencies deliver them: the header found below title rows (:func:`apply_header_row`), ids whose
  leading zeros the spreadsheet dropped padded when that is unambiguous (:func:`zero_padding`).

A problem is an :class:`InputError` (a stable key and its parameters), a warning a :class:`Note`; the Processing
glue (``processing_provider.indicator_inputs.messages``) turns both into the translated text, adding what this
module does not know (layer names). Every key used here has its text there.
"""

import re
from collections import namedtuple

from .counts_table import find_column, id_text

DEFAULT_THRESHOLDS = (-1.0, 1.0, 1.5)
#: how many rows of a spreadsheet are searched for its header row (title rows, notes, an empty row above it)
HEADER_SEARCH_ROWS = 20
#: the key of ``DataFrame.attrs`` marking a table read from a spreadsheet (set by the glue's ``read_table``):
#: :func:`match_ids` then pads ids whose leading zeros the spreadsheet dropped, when that is unambiguous
SPREADSHEET = "quartiersmonitor_spreadsheet"
_GDAL_FIELD = re.compile(r"^Field\d+$")


class InputError(ValueError):
    """A problem with the user's input: ``key`` names the message, ``params`` fill its placeholders."""

    def __init__(self, key, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self):
        return "{} ({})".format(self.key, ", ".join("{}={!r}".format(k, v) for k, v in sorted(self.params.items())))


class Note:
    """A warning for the user, as :class:`InputError` but not raised."""

    def __init__(self, key, **params):
        self.key = key
        self.params = params

    def __eq__(self, other):
        return isinstance(other, Note) and (self.key, self.params) == (other.key, other.params)

    def __repr__(self):
        return "Note({!r}, {!r})".format(self.key, self.params)


# -- diagnostics --------------------------------------------------------------------------------------------------
def examples(values, n=5):
    """"'a', 'b', 'c'": the first ``n`` values quoted, "…" when there are more."""
    values = list(values)
    shown = ", ".join("'{}'".format(v) for v in values[:n])
    return shown + (", …" if len(values) > n else "")


def leading_zero_pairs(table_ids, quartier_ids):
    """["'101' / '0101'", …]: ids of the two sides equal but for leading zeros (a text column read as a number)."""
    by_digits = {}
    for qid in quartier_ids:
        by_digits.setdefault(qid.lstrip("0"), qid)
    return ["'{}' / '{}'".format(t, by_digits[t.lstrip("0")]) for t in table_ids
            if t.lstrip("0") in by_digits and by_digits[t.lstrip("0")] != t]


def undecodable_text(frame):
    """(column, value) of the first column name or text holding U+FFFD (bytes the layer's encoding could not
    decode, e.g. a Windows-1252 file read as UTF-8), else None."""
    for column in frame.columns:
        if "\ufffd" in str(column):
            return str(column), str(column)
        for value in frame[column]:
            if isinstance(value, str) and "\ufffd" in value:
                return str(column), value
    return None


def header_row(rows, names):
    """The 1-based number of the first of ``rows`` (lists of cell values) holding some of the column names
    ``names`` (a title row above the header pushes the header into the data): (row, [names found]) or None."""
    wanted = {str(n).strip().lower(): n for n in names if n}
    for number, cells in enumerate(rows, 1):
        found = [wanted[t] for t in dict.fromkeys(str(v).strip().lower() for v in cells) if t in wanted]
        if found:
            return number, found
    return None


# -- spreadsheets ------------------------------------------------------------------------------------------------
#: ``frame``: the table below its header, columns named by it; ``row``: the header's row in the sheet (1-based);
#: ``skipped``: the rows of the sheet above the header (title rows), left out
SheetHeader = namedtuple("SheetHeader", "frame row skipped")


def _cell_name(value):
    """A header cell as a column name: trimmed text (a number cell 2024.0 → "2024"), None for an empty cell."""
    return id_text(value)


def header_position(frame, required, max_rows=HEADER_SEARCH_ROWS):
    """The 0-based position of the first of the first ``max_rows`` rows of ``frame`` holding a cell equal to the
    column name ``required`` (trimmed, case-insensitive), None when there is none."""
    wanted = str(required).strip().lower()
    for position, cells in enumerate(frame.head(max_rows).itertuples(index=False, name=None)):
        if any(str(v).strip().lower() == wanted for v in cells if v is not None):
            return position
    return None


def sheet_row_offset(columns):
    """1 when GDAL took the sheet's first row as the header (some column not named Field1, Field2, …), else 0:
    the number of sheet rows above the first row of data."""
    return 0 if all(_GDAL_FIELD.match(str(c)) for c in columns) else 1


def apply_header_row(frame, names, max_rows=HEADER_SEARCH_ROWS):
    """A spreadsheet's table whose header is not its first row (title rows above it): when ``frame`` has no column
    ``names[0]`` (the id column; trimmed, case-insensitive) but one of its first ``max_rows`` rows holds it, that
    row becomes the header and the rows below it the data (their index kept). Handles both ways GDAL reads such a
    sheet: columns Field1, Field2, … with the title and header rows as data, or the title row taken as header.
    Empty header cells keep the column's name; a repeated name gets "_2", "_3" … Returns a :class:`SheetHeader`
    (``skipped`` 0 and ``frame`` unchanged when there is nothing to do)."""
    names = [n for n in names if n]
    if not names or find_column(frame.columns, names[0]) is not None:
        return SheetHeader(frame, None, 0)
    position = header_position(frame, names[0], max_rows)
    if position is None:
        return SheetHeader(frame, None, 0)
    columns, seen = [], set()
    for column, value in zip(frame.columns, frame.iloc[position].tolist()):
        name = _cell_name(value) or str(column)
        unique, k = name, 1
        while unique.lower() in seen:
            k += 1
            unique = "{}_{}".format(name, k)
        seen.add(unique.lower())
        columns.append(unique)
    body = frame.iloc[position + 1:].copy()
    body.columns = columns
    body.attrs = dict(frame.attrs)
    row = position + 1 + sheet_row_offset(frame.columns)
    return SheetHeader(body, row, row - 1)


def header_spelling(frame, required, name, max_rows=HEADER_SEARCH_ROWS):
    """The column name ``name`` as the header row (the first holding ``required``, see :func:`apply_header_row`)
    spells it; None when there is no such row or it does not hold ``name``."""
    position = header_position(frame, required, max_rows)
    if position is None:
        return None
    wanted = str(name).strip().lower()
    for value in frame.iloc[position].tolist():
        cell = _cell_name(value)
        if cell is not None and cell.lower() == wanted:
            return cell
    return None


def zero_padding(table_ids, quartier_ids, records=False):
    """{table id: quartier id} for the ids of a table whose leading zeros a spreadsheet dropped (101 for "0101"),
    when padding is unambiguous: every quartier id is digits of one length, the table id is shorter digits and
    padded with zeros is a quartier id, and (for a table of one row per quartier, not ``records``) the table does
    not also hold that id as it is. {} otherwise (the caller then names the pairs in a hint)."""
    qids = [q for q in quartier_ids if q is not None]
    if not qids or not all(q.isdigit() for q in qids) or len({len(q) for q in qids}) != 1:
        return {}
    width, known = len(qids[0]), set(qids)
    present = {t for t in table_ids if t is not None}
    padding = {}
    for tid in sorted(present):
        if tid in known or not tid.isdigit() or len(tid) >= width:
            continue
        padded = tid.zfill(width)
        if padded in known:
            if padded in present and not records:  # "101" and "0101" both: which row is the quartier's?
                return {}
            padding[tid] = padded
    return padding


def padding_examples(padding, n=3):
    """"'101' → '0101', '102' → '0102', …": the first ``n`` pairs of :func:`zero_padding`."""
    pairs = ["'{}' → '{}'".format(t, q) for t, q in sorted(padding.items())]
    return ", ".join(pairs[:n]) + (", …" if len(pairs) > n else "")


# -- text parameters ----------------------------------------------------------------------------------------------
def parse_mapping(text):
    """"pop_total=EW_gesamt; sgb2_u65=SGB2_u65" → {"pop_total": "EW_gesamt", "sgb2_u65": "SGB2_u65"}."""
    mapping = {}
    for part in (text or "").replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        standard, _sep, column = (s.strip() for s in part.partition("="))
        if not standard or not column:
            raise InputError("mapping_form", part=part)
        mapping[standard] = column
    return mapping


def split_ids(text):
    """"X.1, X.2; X.3" → ["X.1", "X.2", "X.3"]."""
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


def select_indicators(selected, extra_text, known):
    """The chosen indicator ids (``selected``) followed by those of ``extra_text`` (catalog file ids) not chosen
    yet; each must be one of ``known``, and at least one is needed."""
    ids = list(selected)
    for extra in split_ids(extra_text):
        if extra not in known:
            raise InputError("unknown_indicator", id=extra, known=", ".join(known))
        if extra not in ids:
            ids.append(extra)
    if not ids:
        raise InputError("no_indicator")
    return ids


def expected_columns(catalog, ids, mapping, id_column, year_column=None):
    """The column names a counts table for ``ids`` holds: id, year, pop_total and every numerator and
    denominator (mapped names where ``mapping`` gives one)."""
    counts = ["pop_total"] + [c for i in ids for c in (catalog[i].numerator, catalog[i].denominator)]
    return [id_column, year_column] + [mapping.get(column, column) for column in counts]


def parse_years(text):
    """"2022, 2023;2024" → {"2022", "2023", "2024"}."""
    return set(split_ids(text))


def describe_years(counts, year_column=None):
    """The year(s) of the counts for titles: the year column's values, else a single-valued "year"/"Jahr"
    column; None when there is none."""
    columns = [year_column] if year_column else [c for c in counts.columns
                                                 if str(c).strip().lower() in ("year", "jahr")]
    for column in columns:
        values = sorted({id_text(v) for v in counts[column]} - {None})
        if values and (year_column or len(values) == 1):
            return ", ".join(values)
    return None


def _numbers(parts):
    """Numbers with a decimal point or comma ("1,5"); ValueError for anything else."""
    return [float(p.replace(",", ".")) for p in parts]


def _list_parts(text):
    """"a;b;c" split at ";" when there is one (then "," may be a decimal comma), else at ","."""
    return [p.strip() for p in (text.split(";") if ";" in text else text.split(","))]


def parse_thresholds(text):
    """"-1,1,1.5" (also "-1; 1; 1.5" or with decimal commas "-1;1;1,5") → (-1.0, 1.0, 1.5); the default when
    empty."""
    text = (text or "").strip()
    if not text:
        return DEFAULT_THRESHOLDS
    try:
        values = tuple(_numbers([p for p in _list_parts(text) if p]))
    except ValueError:
        values = ()
    if len(values) != 3 or not values[0] < values[1] < values[2]:
        raise InputError("thresholds", text=text)
    return values


def parse_weights(text, fields):
    """"1,1,2" (aligned with the fields) or "A1=2; A2=1" (others 1) → {field: weight}; None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    if "=" in text:
        weights = {}
        for part in text.replace(",", ";").split(";"):
            if not part.strip():
                continue
            name, _sep, value = part.partition("=")
            name = name.strip()
            if name not in fields:
                raise InputError("weights_unknown_field", name=name, fields=", ".join(fields))
            try:
                weights[name] = _numbers([value.strip()])[0]
            except ValueError as error:
                raise InputError("weights_form", part=part.strip()) from error
        return weights
    try:
        values = _numbers([p for p in _list_parts(text) if p])
    except ValueError as error:
        raise InputError("weights_numbers", text=text) from error
    if len(values) != len(fields):
        raise InputError("weights_count", text=text, n=len(values), m=len(fields), fields=", ".join(fields))
    return dict(zip(fields, values))


def check_reversed(fields, reversed_fields):
    """Every reversed field must be an indicator field."""
    not_chosen = [f for f in reversed_fields if f not in fields]
    if not_chosen:
        raise InputError("reversed_not_chosen", fields=", ".join(not_chosen))


# -- quartiers and the counts table -------------------------------------------------------------------------------
def municipality_of(quartier_ids, values):
    """{quartier id: municipality id as text} from the municipality values of the quartiers (same order); every
    quartier needs one."""
    municipalities = {qid: id_text(value) for qid, value in zip(quartier_ids, values)}
    without = [qid for qid, municipality in municipalities.items() if municipality is None]
    if without:
        raise InputError("no_municipality", ex=examples(without))
    return municipalities


def clean_counts(counts, id_column):
    """``counts`` without wholly empty rows (a GeoPackage's fid is no data), ids as text; at least one row, every
    row with an id (the error lists 1-based row numbers)."""
    value_columns = [c for c in counts.columns if str(c).lower() not in ("fid", "ogc_fid")]
    counts = counts[~counts[value_columns].isna().all(axis=1)].copy()
    if counts.empty:
        raise InputError("table_no_rows")
    counts[id_column] = [id_text(v) for v in counts[id_column]]
    no_id = [i + 1 for i, v in zip(counts.index, counts[id_column]) if v is None]
    if no_id:
        raise InputError("table_null_ids", field=id_column, n=len(no_id), ex=examples(no_id))
    return counts


def encoding_note(counts):
    """A :class:`Note` on text that could not be decoded (a wrong encoding), None when all is readable."""
    garbled = undecodable_text(counts)
    return None if garbled is None else Note("encoding", field=garbled[0], value=garbled[1])


def select_years(counts, year_column, years_text):
    """The rows of the years ``years_text`` ("2022,2023"); all rows without a year column or years."""
    if not (year_column and years_text):
        return counts
    year_values = counts[year_column].map(id_text)
    selected = counts[year_values.isin(parse_years(years_text))]
    if selected.empty:
        raise InputError("no_rows_for_years", field=year_column, years=years_text,
                         found=examples(sorted({y for y in year_values if y})))
    return selected


def match_ids(counts, id_column, quartier_ids, pad=None):
    """The rows of ``counts`` whose id is a quartier id, and the :class:`Note` s on ids left out and quartiers
    without a row. No id matching is an error; ids that differ only by leading zeros are named
    (``leading_zeros``). ``pad`` (default: the table comes from a spreadsheet, ``counts.attrs[SPREADSHEET]``):
    ids whose leading zeros were dropped are padded first when :func:`zero_padding` finds that unambiguous (note
    ``ids_padded``); otherwise a spreadsheet's messages carry ``spreadsheet=True`` (the hint on its id column)."""
    sheet = bool(counts.attrs.get(SPREADSHEET))
    pad = sheet if pad is None else pad
    notes = []
    if pad:
        padding = zero_padding(counts[id_column].tolist(), quartier_ids)
        if padding:
            counts = counts.copy()
            counts[id_column] = [padding.get(v, v) for v in counts[id_column]]
            notes.append(Note("ids_padded", field=id_column, n=len(padding), ex=padding_examples(padding)))
    extra = {"spreadsheet": True} if sheet else {}
    known = set(quartier_ids)
    matched = counts[id_column].isin(known)
    unmatched = sorted({v for v in counts.loc[~matched, id_column] if v is not None})
    pairs = leading_zero_pairs(unmatched, quartier_ids)
    zeros = ", ".join(pairs[:3]) + (", …" if len(pairs) > 3 else "")  # the pairs are quoted already
    if not matched.any():
        raise InputError("no_id_matches", field=id_column, table_ids=examples(unmatched),
                         quartier_ids=examples(quartier_ids), leading_zeros=zeros, **extra)
    if unmatched:
        notes.append(Note("ids_left_out", field=id_column, n=len(unmatched), ex=examples(unmatched),
                          leading_zeros=zeros, **extra))
    counts = counts[matched].copy()
    missing = sorted(known - set(counts[id_column]))
    if missing:
        notes.append(Note("quartiers_without_row", n=len(missing), ex=examples(missing)))
    return counts, notes


def match_previous(current_ids, previous_ids):
    """The quartiers of ``current_ids`` without a row in ``previous_ids`` (no dynamics); none matching is an
    error."""
    current_ids, previous_ids = list(current_ids), list(previous_ids)
    unmatched = sorted(set(current_ids) - set(previous_ids))
    if len(unmatched) == len(current_ids):
        raise InputError("previous_no_match", prev=examples(previous_ids), current=examples(current_ids))
    return [Note("previous_unmatched", n=len(unmatched), ex=examples(unmatched))] if unmatched else []
