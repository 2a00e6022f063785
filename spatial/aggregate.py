"""Counting records per quartier and group (numpy/pandas only, no QGIS).

Used by ``quartiersmonitor:aggregatecounts``: age bands from a text like ``"0-14,15-64,65-"``, safe column names, and
the zero-filled table with one row per quartier and one column per group.
"""

import re

import numpy as np
import pandas as pd

TOTAL = "total"


class BandError(ValueError):
    """An age band text that cannot be read; the message says which part is wrong."""


def parse_age_bands(text):
    """``"0-14,15-64,65-"`` -> ``[("age_0_14", 0, 14), ("age_15_64", 15, 64), ("age_65plus", 65, None)]``.

    Bands are inclusive whole years; the last may be open (``"65-"`` or ``"65+"``). Bands must ascend and not
    overlap. Raises :class:`BandError` naming the offending part.
    """
    parts = [p.strip() for p in re.split(r"[,;]", text or "") if p.strip()]
    if not parts:
        raise BandError("no age band given")
    bands = []
    for part in parts:
        match = re.fullmatch(r"(\d+)\s*(?:-|\u2013)\s*(\d+)?|(\d+)\s*\+", part)
        if not match:
            raise BandError("age band '{}' is not like '0-14' or '65-'".format(part))
        if match.group(3) is not None:
            lo, hi = int(match.group(3)), None
        else:
            lo = int(match.group(1))
            hi = int(match.group(2)) if match.group(2) is not None else None
        if hi is not None and hi < lo:
            raise BandError("age band '{}' ends before it starts".format(part))
        if bands:
            prev_hi = bands[-1][2]
            if prev_hi is None or lo <= prev_hi:
                raise BandError("age band '{}' overlaps the band before it".format(part))
        label = "age_{}_{}".format(lo, hi) if hi is not None else "age_{}plus".format(lo)
        bands.append((label, lo, hi))
    return bands


def band_labels(ages, bands):
    """The band label of each age (object array; None for NULL/NaN or an age in no band)."""
    ages = pd.to_numeric(pd.Series(ages, dtype=object), errors="coerce").to_numpy(dtype=np.float64)
    labels = np.full(len(ages), None, dtype=object)
    for label, lo, hi in bands:
        upper = np.inf if hi is None else hi + 1  # whole years: 14.9 is still in 0-14
        labels[(ages >= lo) & (ages < upper)] = label
    return labels


def safe_column(value, prefix="n_"):
    """A field name from a group value: letters, digits and underscores, e.g. ``"15-64 J."`` -> ``n_15_64_J``."""
    text = re.sub(r"[^0-9A-Za-z_]+", "_", str(value).strip()
                  .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                  .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss")).strip("_")
    return prefix + (text or "empty")


def unique_columns(names, taken=()):
    """Make ``names`` unique (case-insensitive, also against ``taken``) by appending ``_2``, ``_3`` ..."""
    seen = {t.lower() for t in taken}
    out = []
    for name in names:
        candidate, k = name, 2
        while candidate.lower() in seen:
            candidate = "{}_{}".format(name, k)
            k += 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def count_table(quartier_ids, record_ids, groups=None, weights=None, group_order=None):
    """One row per quartier (in the order of ``quartier_ids``), column ``total`` and one column per group.

    ``record_ids``: the quartier id of each record (text, or None); records whose id is None or not in
    ``quartier_ids`` are not counted (see :func:`unmatched`). ``groups``: the group label of each record (None =
    no group: counted in ``total`` only). ``weights``: a number per record (NaN counts as 0) instead of 1.
    ``group_order``: column order (default: sorted labels). Quartiers without records get 0 everywhere.
    """
    quartier_ids = list(quartier_ids)
    n = len(record_ids)
    position = {q: i for i, q in enumerate(quartier_ids)}
    row = np.fromiter((position.get(r, -1) if r is not None else -1 for r in record_ids), dtype=np.int64, count=n)
    w = None
    if weights is not None:
        w = pd.to_numeric(pd.Series(weights, dtype=object), errors="coerce").to_numpy(dtype=np.float64)
        w = np.where(np.isfinite(w), w, 0.0)
    keep = row >= 0

    def summed(mask):
        sel = keep & mask
        if w is None:
            return np.bincount(row[sel], minlength=len(quartier_ids)).astype(np.int64)
        return np.bincount(row[sel], weights=w[sel], minlength=len(quartier_ids))

    data = {TOTAL: summed(np.ones(n, dtype=bool))}
    if groups is not None:
        groups = np.asarray(groups, dtype=object)
        present = sorted({g for g in groups.tolist() if g is not None}, key=str)
        order = list(group_order) if group_order is not None else present
        order += [g for g in present if g not in order]
        for label in order:
            data[label] = summed(groups == label)
    return pd.DataFrame(data, index=pd.Index(quartier_ids, name="quartier_id"))


def unmatched(quartier_ids, record_ids, limit=5):
    """``(n_null, n_unknown, examples)``: records without id, and records whose id is no quartier (first examples)."""
    known = set(quartier_ids)
    n_null = sum(1 for r in record_ids if r is None)
    unknown = [r for r in record_ids if r is not None and r not in known]
    examples = []
    for r in unknown:
        if r not in examples:
            examples.append(r)
        if len(examples) >= limit:
            break
    return n_null, len(unknown), examples
