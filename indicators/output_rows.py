"""What the indicator algorithms write per quartier: field names and kinds, class breaks and the attribute values
of every quartier, from the engine's results. Pure Python (numpy, pandas), no qgis, no Qt.

Field kinds are the words "double", "int" and "string"; the Processing glue maps them to QGIS field types.
Missing and suppressed values are None (NULL in the layer), never 0.
"""

import math

import pandas as pd

from . import classify

# suffix and kind of the fields written per indicator ("A1", "A1_num", …), in this order
INDICATOR_FIELDS = (
    ("", "double"),
    ("_num", "double"),
    ("_den", "double"),
    ("_lo", "double"),
    ("_hi", "double"),
    ("_z", "double"),
    ("_class", "int"),
    ("_flag", "string"),
    ("_sig", "int"),
    ("_mun", "double"),
    ("_county", "double"),
)
# the population of each quartier (``rates.POPULATION_OUTPUT``), written first when the counts table has it
POPULATION_FIELD = "pop_total"
# engine columns written where the engine gives them (G.2 age-standardised)
STANDARDISED_SUFFIXES = ("_std", "_std_lo", "_std_hi")
# the funnel class of an indicator (text, ``indicators.funnel.CLASSES``), written last where the engine gives it
FUNNEL_SUFFIX = "_funnel"

ATTENTION_FIELDS = (
    ("status_index", "double"),
    ("status_class", "int"),
    ("dynamics_index", "double"),
    ("dynamics_class", "int"),
    ("attention", "string"),
)


def number_or_none(value):
    """A float for the output layer, None (NULL) for NaN / missing values: suppression never becomes 0."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def int_or_none(value):
    """The nearest int, None for NaN / missing values."""
    number = number_or_none(value)
    return None if number is None else int(round(number))


def _text_or_none(value):
    """Text for the output layer, None (NULL) for anything else (a hidden cell's missing class)."""
    return value if isinstance(value, str) and value else None


def output_field_names(field):
    """The fields written for the indicator with output field ``field`` ("A1" → A1, A1_num, …, A1_county)."""
    return [field + suffix for suffix, _kind in INDICATOR_FIELDS]


def standardised_columns(frame, field):
    """The age-standardised columns of ``field`` the engine gave (G2_std, G2_std_lo, G2_std_hi), else []."""
    return [field + suffix for suffix in STANDARDISED_SUFFIXES if field + suffix in frame.columns]


def indicator_fields(frame, catalog, ids):
    """(name, kind) of every field written for the indicators ``ids``, in order; ``frame``: the engine's
    quartier values (for the population and the standardised columns)."""
    fields = [(POPULATION_FIELD, "double")] if POPULATION_FIELD in frame.columns else []
    for ident in ids:
        field = catalog[ident].field
        fields += [(field + suffix, kind) for suffix, kind in INDICATOR_FIELDS]
        fields += [(name, "double") for name in standardised_columns(frame, field)]
        if field + FUNNEL_SUFFIX in frame.columns:
            fields.append((field + FUNNEL_SUFFIX, "string"))
    return fields


class Classification:
    """Class breaks, classes per quartier and county value of every indicator (dicts by indicator id)."""

    def __init__(self, breaks, classes, county):
        self.breaks = breaks
        self.classes = classes
        self.county = county


def classify_indicators(result, catalog, ids, method, k):
    """The map classes of the engine's ``result``: breaks by ``method`` (one of ``classify.METHODS``) with ``k``
    classes over the quartiers with a value, the class of each, and the county value; no breaks and no classes
    where no quartier has a value."""
    frame = result.quartiers
    breaks, classes, county = {}, {}, {}
    for ident in ids:
        field = catalog[ident].field
        values = frame[field].astype(float).to_numpy() if field in frame else None
        finite = values is not None and bool(pd.notna(values).any())
        breaks[ident] = [float(b) for b in classify.breaks(values, method, k)] if finite else []
        classes[ident] = dict(zip(frame.index, classify.class_of(values, breaks[ident]))) if finite else {}
        county[ident] = number_or_none(result.county.iloc[0][field]) if field in result.county else None
    return Classification(breaks, classes, county)


def _indicator_values(row, field, klass):
    """value, num, den, lo, hi, z, class, flag, sig of one quartier (``row`` None: no row in the counts table)."""
    if row is None:
        return [None] * 7 + ["no_data", None]
    value = number_or_none(row.get(field))
    return [
        value,
        number_or_none(row.get(field + "_num")),
        number_or_none(row.get(field + "_den")),
        number_or_none(row.get(field + "_lo")),
        number_or_none(row.get(field + "_hi")),
        number_or_none(row.get(field + "_z")),
        int(klass) if klass and value is not None else None,
        row.get(field + "_flag"),
        int_or_none(row.get(field + "_sig")),
    ]


def indicator_rows(result, catalog, ids, quartier_ids, municipality_of, classification):
    """{quartier id: attribute values} in the order of :func:`indicator_fields`; quartiers without a row in the
    counts table are flagged no_data. ``municipality_of``: {quartier id: municipality id} (may be empty)."""
    frame, municipalities = result.quartiers, result.municipalities
    rows = {}
    for qid in quartier_ids:
        row = frame.loc[qid] if qid in frame.index else None
        municipality = municipality_of.get(qid)
        attributes = []
        if POPULATION_FIELD in frame.columns:
            attributes.append(None if row is None else number_or_none(row.get(POPULATION_FIELD)))
        for ident in ids:
            field = catalog[ident].field
            attributes += _indicator_values(row, field, classification.classes[ident].get(qid, 0))
            municipal = None
            if municipality is not None and municipalities is not None and municipality in municipalities.index:
                municipal = number_or_none(municipalities.loc[municipality].get(field))
            attributes += [municipal, classification.county[ident]]
            attributes += [None if row is None else number_or_none(row.get(name))
                           for name in standardised_columns(frame, field)]
            if field + FUNNEL_SUFFIX in frame.columns:
                attributes.append(_text_or_none(None if row is None else row.get(field + FUNNEL_SUFFIX)))
        rows[qid] = attributes
    return rows


def number_frame(table, columns):
    """The ``columns`` of ``table`` as floats (NaN for NULL and anything not a number), same index."""
    frame = pd.DataFrame(index=table.index)
    for column in columns:
        frame[column] = [number_or_none(v) for v in table[column]]
        frame[column] = frame[column].astype(float)
    return frame


def flag_column(columns, field):
    """The ``_flag`` column that says whether ``field`` (an indicator field "A1" or one derived from it, "A1_z")
    is published, None when the layer has none."""
    columns = list(columns)
    for name in (field, field.rsplit("_", 1)[0]):
        if name + "_flag" in columns:
            return name + "_flag"
    return None


def published_only(frame, table, fields):
    """``frame`` (numbers by :func:`number_frame`) with every value of ``fields`` made NaN where the layer's flag
    says the cell is not published (anything but "ok"): a status is never computed from a value we hid, even when
    an older or edited layer still holds one."""
    frame = frame.copy()
    for field in fields:
        column = flag_column(table.columns, field)
        if column is None or field not in frame:
            continue
        flags = [f.strip() if isinstance(f, str) else None for f in table[column]]
        hidden = [f is not None and f != "ok" for f in flags]
        frame.loc[hidden, field] = float("nan")
    return frame


def attention_rows(result):
    """{quartier id: values of :data:`ATTENTION_FIELDS`} of the engine's attention index."""
    rows = {}
    for qid in result.index:
        values = result.loc[qid]
        attention = values["attention"]
        rows[qid] = [
            number_or_none(values["status_index"]),
            int_or_none(values["status_class"]),
            number_or_none(values["dynamics_index"]),
            int_or_none(values["dynamics_class"]),
            attention if isinstance(attention, str) else None,
        ]
    return rows


def unclassed(result):
    """The quartiers without a status class (too few residents or a missing value)."""
    return [qid for qid in result.index if pd.isna(result.loc[qid, "status_class"])]


def status_counts(result):
    """"1: 2, 2: 5, 3: 1": quartiers per status class."""
    counts = result["status_class"].value_counts().to_dict()
    return ", ".join("{}: {}".format(int(k), v) for k, v in sorted(counts.items()))


def attention_count(result):
    """Number of quartiers needing attention."""
    return int((result["attention"] == "yes").sum())
