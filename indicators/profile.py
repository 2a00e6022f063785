"""The profile of one quartier: every indicator with quartier, municipality and county value, rank and significance.

Rank: 1 = most need among the quartiers with a published value (polarity +1: highest value first; -1: lowest
first; context indicators, polarity 0: highest value first), ties share the best rank ("1, 2, 2, 4").
"""

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from .classify import format_number
from .counts_table import id_text
from .suppression import HIDDEN_FLAGS, INVALID, NO_DATA, ZERO_DENOMINATOR

DISPLAY = {
    "suppressed": {"en": "suppressed", "de": "gesperrt"},
    NO_DATA: {"en": "no data", "de": "keine Daten"},
    INVALID: {"en": "invalid", "de": "ungültig"},
    ZERO_DENOMINATOR: {"en": "no value (denominator 0)", "de": "kein Wert (Nenner 0)"},
}


@dataclass
class ProfileRow:
    id: str
    name: str
    unit: str
    value: float
    municipality: float
    county: float
    rank: Optional[int]
    n_ranked: Optional[int]
    sig: Optional[int]
    flag: str
    display: str
    lo: float = math.nan
    hi: float = math.nan
    domain: str = ""


def _float(value):
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


def decimals_for(indicator):
    return 0 if indicator.factor >= 100000 else 1


def display_text(value, flag, indicator, language="en"):
    if flag in HIDDEN_FLAGS:
        return DISPLAY["suppressed"][language if language == "de" else "en"]
    if flag in DISPLAY:
        return DISPLAY[flag][language if language == "de" else "en"]
    if not math.isfinite(value):
        return "\u2013"
    return format_number(value, language, decimals_for(indicator))


def rank_of(value, published, polarity):
    """Competition rank of ``value`` among ``published`` (finite values) by need; (None, n) when not ranked."""
    vals = np.asarray(published, dtype=float)
    vals = vals[np.isfinite(vals)]
    if not math.isfinite(value):
        return None, len(vals)
    if polarity < 0:
        better = int((vals < value).sum())
    else:
        better = int((vals > value).sum())
    return better + 1, len(vals)


def _published(flag):
    """Whether a layer row's ``F_flag`` lets its value be ranked (no flag text, or "ok")."""
    return not isinstance(flag, str) or flag.strip() == "ok"


def published_values(all_rows, catalog):
    """``{indicator field: sorted array of the published finite values}`` over ``all_rows`` (attribute dicts).

    The values :func:`profile_from_row` ranks against; compute them once per layer and pass them as its
    ``rank_values`` instead of ``all_rows`` when profiling many quartiers of the same layer."""
    out = {}
    for ind in catalog.values():
        f = ind.field
        vals = np.array([_float(r.get(f)) for r in all_rows if _published(r.get(f + "_flag"))], dtype=float)
        out[f] = np.sort(vals[np.isfinite(vals)])
    return out


def rank_in_sorted(value, sorted_published, polarity):
    """:func:`rank_of` against ``sorted_published`` (finite values sorted ascending, from
    :func:`published_values`) by binary search."""
    n = len(sorted_published)
    if not math.isfinite(value):
        return None, n
    if polarity < 0:
        better = int(np.searchsorted(sorted_published, value, side="left"))
    else:
        better = n - int(np.searchsorted(sorted_published, value, side="right"))
    return better + 1, n


def _sig(value):
    v = _float(value)
    return None if not math.isfinite(v) else int(v)


def profile(result, quartier_id, catalog, language="en"):
    """Profile rows of ``quartier_id`` (compared as trimmed text) from an :class:`IndicatorResult`."""
    key = id_text(quartier_id)
    q = result.quartiers
    if key not in q.index:
        raise KeyError("quartier {!r} is not in the result".format(quartier_id))
    row = q.loc[key]
    muni = row["municipality"] if "municipality" in q.columns else None
    rows = []
    for ident in result.ids:
        ind = catalog[ident]
        f = ind.field
        value = _float(row[f])
        flag = str(row[f + "_flag"])
        published = q.loc[q[f + "_flag"] == "ok", f].to_numpy(dtype=float)
        rank, n_ranked = rank_of(value if flag == "ok" else math.nan, published, ind.polarity)
        mval = math.nan
        if muni is not None and muni in result.municipalities.index:
            mval = _float(result.municipalities.loc[muni, f])
        cval = _float(result.county[f].iloc[0]) if len(result.county) else math.nan
        rows.append(ProfileRow(
            id=ind.id, name=ind.name(language), unit=ind.unit_label(language), value=value, municipality=mval,
            county=cval, rank=rank, n_ranked=n_ranked, sig=_sig(row[f + "_sig"]), flag=flag,
            display=display_text(value, flag, ind, language), lo=_float(row[f + "_lo"]), hi=_float(row[f + "_hi"]),
            domain=ind.domain))
    return rows


def profile_from_row(row, catalog, language="en", all_rows=None, rank_values=None):
    """Profile rows from an indicator layer's attributes (dict field -> value; NULL may be None or anything not
    convertible to a number). Indicators present are those with a ``F_flag`` (or ``F``) attribute. ``all_rows``
    (optional: the attribute dicts of every quartier) gives the rank; without it rank and n_ranked are None.
    ``rank_values`` (optional: :func:`published_values` of every quartier, computed once) gives the same ranks
    without rescanning ``all_rows``; it takes precedence for the fields it has."""
    rows = []
    for ind in catalog.values():
        f = ind.field
        if f + "_flag" not in row and f not in row:
            continue
        value = _float(row.get(f))
        flag = row.get(f + "_flag")
        if not isinstance(flag, str) or not flag.strip():  # None, QVariant NULL, ...
            flag = "ok" if math.isfinite(value) else NO_DATA
        flag = flag.strip()
        rank = n_ranked = None
        if rank_values is not None and f in rank_values:
            rank, n_ranked = rank_in_sorted(value if flag == "ok" else math.nan, rank_values[f], ind.polarity)
        elif all_rows is not None:
            published = [_float(r.get(f)) for r in all_rows if _published(r.get(f + "_flag"))]
            rank, n_ranked = rank_of(value if flag == "ok" else math.nan, published, ind.polarity)
        rows.append(ProfileRow(
            id=ind.id, name=ind.name(language), unit=ind.unit_label(language), value=value,
            municipality=_float(row.get(f + "_mun")), county=_float(row.get(f + "_county")), rank=rank,
            n_ranked=n_ranked, sig=_sig(row.get(f + "_sig")), flag=flag,
            display=display_text(value, flag, ind, language), lo=_float(row.get(f + "_lo")),
            hi=_float(row.get(f + "_hi")), domain=ind.domain))
    return rows
