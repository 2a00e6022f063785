"""The counts table of an indicator run, reduced to one row per quartier (years summed): ids as text, the
municipality of each quartier, columns parsed on demand (no QGIS, no Qt)."""

import math

import numpy as np
import pandas as pd

from . import parse
from .engine_messages import ENGLISH, WARNING, Message
from .engine_messages import examples as _examples
from .suppression import INVALID, OK

MAX_EXAMPLES = 5


class IndicatorError(ValueError):
    """Input that cannot be used (missing column, duplicate or empty ids): ``key`` (of
    :data:`engine_messages.ENGLISH`) and its ``params``; ``str()`` is the English text."""

    def __init__(self, key, **params):
        super().__init__(ENGLISH[key].format(**params))
        self.key = key
        self.params = params


def id_text(value):
    """A quartier id as trimmed text (101 and 101.0 -> "101"; "0101" stays "0101"); None for empty ids."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    if isinstance(value, (np.floating,)):
        return id_text(float(value))
    if isinstance(value, (np.integer,)):
        return str(int(value))
    text = str(value).strip()
    return text or None


def examples(items):
    return _examples(items, MAX_EXAMPLES)


def find_column(columns, name):
    if name in columns:
        return name
    lowered = {str(c).strip().lower(): c for c in columns}
    return lowered.get(str(name).strip().lower())


def apply_mapping(frame, mapping):
    frame = frame.copy()
    for standard, user in (mapping or {}).items():
        if user is None or user == "":
            continue
        column = find_column(frame.columns, user)
        if column is None:
            raise IndicatorError("mapping_missing", column=user, standard=standard, columns=examples(frame.columns))
        frame[standard] = frame[column]
    return frame


class Table:
    """The counts table reduced to one row per quartier (years summed), columns parsed on demand."""

    def __init__(self, frame, id_column, year_column, municipality_column):
        self.frame = frame
        self.messages = []
        column = find_column(frame.columns, id_column)
        if column is None:
            raise IndicatorError("id_column_missing", column=id_column, columns=examples(frame.columns))
        ids = [id_text(v) for v in frame[column].tolist()]
        empty = [i + 1 for i, v in enumerate(ids) if v is None]
        if empty:
            raise IndicatorError("empty_id", column=column, rows=examples(empty))
        self.row_ids = np.array(ids, dtype=object)
        self.years = None
        if year_column is not None:
            ycol = find_column(frame.columns, year_column)
            if ycol is None:
                raise IndicatorError("year_column_missing", column=year_column)
            self.years = np.array([id_text(v) for v in frame[ycol].tolist()], dtype=object)
            keys = pd.Series(list(zip(self.row_ids, self.years)))
            dup = keys[keys.duplicated()].tolist()
            if dup:
                raise IndicatorError("duplicate_id_year", ex=examples(
                    "{} ({})".format(q, y) for q, y in dict.fromkeys(dup)))
        else:
            dup = pd.Series(self.row_ids)
            dup = dup[dup.duplicated()].unique().tolist()
            if dup:
                raise IndicatorError("duplicate_id", column=column, ex=examples(dup))
        self.ids = list(dict.fromkeys(self.row_ids.tolist()))
        self.position = {q: i for i, q in enumerate(self.ids)}
        self.row_pos = np.array([self.position[q] for q in self.row_ids], dtype=int)
        self.n_years = np.bincount(self.row_pos, minlength=len(self.ids))
        self.municipality = None
        if municipality_column is not None:
            mcol = find_column(frame.columns, municipality_column)
            if mcol is None:
                raise IndicatorError("municipality_column_missing", column=municipality_column)
            values = [id_text(v) for v in frame[mcol].tolist()]
            muni = [None] * len(self.ids)
            conflicts = []
            for pos, value in zip(self.row_pos, values):
                if value is None:
                    continue
                if muni[pos] is None:
                    muni[pos] = value
                elif muni[pos] != value:
                    conflicts.append(self.ids[pos])
            if conflicts:
                self.messages.append(Message("municipality_conflict", WARNING,
                                             ex=examples(dict.fromkeys(conflicts))))
            missing = [q for q, m in zip(self.ids, muni) if m is None]
            if missing:
                raise IndicatorError("empty_municipality", column=mcol, ex=examples(missing))
            self.municipality = np.array(muni, dtype=object)
        self._cache = {}

    def has(self, name):
        return find_column(self.frame.columns, name) is not None

    def column(self, name, mean=False):
        """Parsed column per quartier -> (values, status, reasons) with years summed (or averaged)."""
        key = (name, mean)
        if key in self._cache:
            return self._cache[key]
        values, status, reasons = parse.parse_counts(self.frame[find_column(self.frame.columns, name)])
        if self.years is None:
            out = (values, status, reasons)
        else:
            n = len(self.ids)
            sums = np.bincount(self.row_pos, weights=np.nan_to_num(values), minlength=n)
            if mean:
                sums = sums / np.maximum(self.n_years, 1)
            st = np.full(n, OK, dtype=object)
            rs = np.full(n, None, dtype=object)
            for pos in np.flatnonzero(status != OK):
                q = self.row_pos[pos]
                if st[q] != INVALID:
                    st[q] = status[pos]
                    rs[q] = reasons[pos]
            sums = np.where(st == OK, sums, np.nan)
            out = (sums, st, rs)
        self._cache[key] = out
        return out

    def raw(self, name):
        """Original cell text per quartier (first offending row for long tables), for messages."""
        col = self.frame[find_column(self.frame.columns, name)].tolist()
        if self.years is None:
            return col
        _, status, _ = parse.parse_counts(self.frame[find_column(self.frame.columns, name)])
        out = [None] * len(self.ids)
        found = [False] * len(self.ids)
        for pos, value, st in zip(self.row_pos, col, status):
            if not found[pos] and (out[pos] is None or st != OK):
                out[pos] = value
                found[pos] = st != OK
        return out
