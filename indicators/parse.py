"""Reading count columns as real users' tables hold them.

A count is a whole, non-negative number. Empty cells and the usual "no data" markers ("k.A.", "-", ".", "x", "NULL",
...) give status ``no_data``; anything else that is not a whole non-negative number ("3,5", "3.5", "-2", "abc") gives
``invalid``. Integer text with German thousands grouping ("1.234", "1 234", also "2.000") is read as 1234
(2000), with the reason :data:`GROUPED` so that the caller can report it. Nothing becomes 0 silently.

Other numbers (weights, ages: :func:`parse_number`) may have decimals and a sign; text is read the German way as
spreadsheets of German agencies hold it: "3,5" is 3.5, "1.234,5" 1234.5, "1.234" 1234, " 12 " 12; "3.5" (one
point, not three digits after it) is 3.5.
"""

import math
import numbers
import re

import numpy as np
import pandas as pd

OK = "ok"
NO_DATA = "no_data"
INVALID = "invalid"
GROUPED = "read with German thousands separator"
#: every reason an invalid cell can have (the glue translates them; keep in step with :func:`parse_count`)
REASONS = ("a yes/no value, not a count", "not a number", "infinite", "negative", "not a whole number",
           "text, not a number", "decimal comma: a count must be a whole number")

NO_DATA_MARKERS = {"", "k.a.", "k. a.", "ka", "k.a", "keine angabe", "-", "\u2013", "\u2014", ".", "..", "x", "*",
                   "/", "na", "n/a", "n.a.", "nan", "null", "none", "?"}
_INT_RE = re.compile(r"^\+?\d+$")
_GROUPED_RE = re.compile(r"^\d{1,3}([.\u202f\u00a0' ]\d{3})+$")
_FLOAT_INT_RE = re.compile(r"^\+?\d+\.0+$")


def parse_count(value):
    """One cell -> (float value or NaN, status, reason or None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return math.nan, NO_DATA, None
    if isinstance(value, bool) or isinstance(value, np.bool_):
        return math.nan, INVALID, "a yes/no value, not a count"
    if isinstance(value, numbers.Number):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return math.nan, INVALID, "not a number"
        if math.isnan(number):
            return math.nan, NO_DATA, None
        if math.isinf(number):
            return math.nan, INVALID, "infinite"
        if number < 0:
            return math.nan, INVALID, "negative"
        if not number.is_integer():
            return math.nan, INVALID, "not a whole number"
        return number, OK, None
    text = str(value).strip()
    if text.lower() in NO_DATA_MARKERS:
        return math.nan, NO_DATA, None
    if _INT_RE.match(text):
        return float(int(text)), OK, None
    if _GROUPED_RE.match(text):
        return float(re.sub(r"\D", "", text)), OK, GROUPED
    if _FLOAT_INT_RE.match(text):
        return float(text), OK, None
    candidate = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        number = float(candidate)
    except ValueError:
        return math.nan, INVALID, "text, not a number"
    if number < 0:
        return math.nan, INVALID, "negative"
    if "," in text:
        return math.nan, INVALID, "decimal comma: a count must be a whole number"
    return math.nan, INVALID, "not a whole number"


def parse_counts(values):
    """A column (Series, list, ndarray) -> (float ndarray with NaN for bad cells, status ndarray of str,
    reasons ndarray of str or None)."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    n = len(series)
    out = np.full(n, np.nan)
    status = np.empty(n, dtype=object)
    reasons = np.empty(n, dtype=object)
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iu":
        arr = series.to_numpy(dtype=float)
        neg = arr < 0
        out[:] = np.where(neg, np.nan, arr)
        status[:] = np.where(neg, INVALID, OK)
        reasons[:] = np.where(neg, "negative", None)
        return out, status, reasons
    for i, cell in enumerate(series.tolist()):
        out[i], status[i], reasons[i] = parse_count(cell)
    return out, status, reasons


_DECIMAL_RE = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_GROUPED_DECIMAL_RE = re.compile(r"^[+-]?\d{1,3}([.\u202f\u00a0' ]\d{3})+(,\d+)?$")


def parse_number(value):
    """One cell of a numeric column (weight, age) -> (float value or NaN, status, reason or None): numbers as
    they are, text read the German way (module doc), the no-data markers NaN with ``no_data``."""
    if value is None or value is pd.NA or value is pd.NaT:
        return math.nan, NO_DATA, None
    if isinstance(value, bool) or isinstance(value, np.bool_):
        return math.nan, INVALID, "a yes/no value, not a count"
    if isinstance(value, numbers.Number):
        number = float(value)
        if math.isnan(number):
            return math.nan, NO_DATA, None
        if math.isinf(number):
            return math.nan, INVALID, "infinite"
        return number, OK, None
    text = str(value).strip()
    if text.lower() in NO_DATA_MARKERS:
        return math.nan, NO_DATA, None
    if _GROUPED_DECIMAL_RE.match(text):
        whole, _sep, decimals = text.partition(",")
        return float(re.sub(r"[^\d+-]", "", whole) + ("." + decimals if decimals else "")), OK, GROUPED
    if _DECIMAL_RE.match(text):
        return float(text.replace(",", ".")), OK, None
    return math.nan, INVALID, "text, not a number"


def parse_numbers(values):
    """A column -> (float ndarray, NaN where a cell is no data or invalid; status ndarray; reasons ndarray). Each
    distinct cell is read once (weights and ages repeat a lot)."""
    values = list(values)
    try:
        if any(isinstance(v, (bool, np.bool_)) for v in values):
            raise TypeError("True and 1 are one key")  # a yes/no cell must stay invalid, a 1 stay 1
        codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    except TypeError:  # unhashable cells, yes/no cells: one by one
        codes, uniques = np.arange(len(values)), values
    parsed = [parse_number(cell) for cell in list(uniques)] + [(math.nan, NO_DATA, None)]  # code -1: None/NaN
    out = np.array([p[0] for p in parsed], dtype=float)[codes]
    status = np.array([p[1] for p in parsed], dtype=object)[codes]
    reasons = np.array([p[2] for p in parsed], dtype=object)[codes]
    return out, status, reasons
