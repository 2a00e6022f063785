"""Quartiers needing attention: the composite index of INDICATORS.md (after Berlin's and Hamburg's monitoring).

1. every chosen field is z-standardised over the eligible quartiers (population standard deviation, ddof=0); fields
   in ``reversed_fields`` (higher = less need) change sign, so + always means more need;
2. the status index is the weighted sum of these z-scores, z-standardised again;
3. status class 1 (high status) when index < t1, 2 when t1 <= index <= t2, 3 when t2 < index <= t3, 4 (very low
   status) when index > t3; thresholds default (-1, 1, 1.5);
4. dynamics: the same with the changes (current - previous) of every field, classes 1 positive (< -1), 2 stable,
   3 negative (> +1);
5. attention "yes" for status class 3 or 4, or class 2 with negative dynamics (class 3); "no" otherwise.

Base year (``base``): the z-scores of step 1 use a base year's mean and sd instead of this year's, so that they
stay comparable across years; the weighted sum is standardised by the base year's (mean, sd) of it where given
(key ``status_index``), else by this year's. The dynamics always use this year's changes.

Eligible: population >= min_population (when a population is given) and every field has a value. Other quartiers
are left out of every standardisation and get NaN (not classed).
"""

import numpy as np
import pandas as pd


def _numeric(series):
    return pd.to_numeric(pd.Series(series), errors="coerce").astype(float)


def zscores(values, mask, base=None):
    """z-scores of ``values`` (draws x quartiers, or one row of quartiers) over the quartiers in ``mask``: the mean
    and population sd (ddof=0) of each row's masked values, or the fixed ``(mean, sd)`` of ``base``; a row whose sd
    is 0 gives 0. Quartiers outside ``mask`` get NaN. Vectorised over the rows (simulated draws)."""
    values = np.asarray(values, dtype=float)
    single = values.ndim == 1
    values = np.atleast_2d(values)
    out = np.full(values.shape, np.nan)
    if mask.sum() == 0:
        return out[0] if single else out
    v = values[:, mask]
    if base is None:
        mean = v.mean(axis=1, keepdims=True)
        sd = v.std(axis=1, ddof=0, keepdims=True)
    else:
        mean = np.full((len(v), 1), float(base[0]))
        sd = np.full((len(v), 1), float(base[1]))
    safe = np.where(sd > 0, sd, 1.0)
    out[:, mask] = np.where(sd > 0, (v - mean) / safe, 0.0)
    return out[0] if single else out


def _weights(fields, weights):
    if weights is None:
        return np.ones(len(fields))
    if isinstance(weights, dict):
        w = np.array([float(weights.get(f, 1.0)) for f in fields])
    else:
        w = np.asarray(list(weights), dtype=float)
        if len(w) != len(fields):
            raise ValueError("{} weights given for {} fields".format(len(w), len(fields)))
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise ValueError("weights must be non-negative numbers, not all 0: {}".format(list(w)))
    return w


def composite(matrix, mask, signs, w, base=None, index_base=None):
    """The status index of ``matrix`` (quartiers x fields, or draws x quartiers x fields) and the oriented
    z-scores: every field z-standardised over ``mask`` (by this year's values, or by ``base[j]`` = (mean, sd) of a
    base year where given), times its sign, the weighted sum standardised again (by ``index_base`` = (mean, sd)
    where given). Returns (index, z) shaped like the input without / with the field axis."""
    matrix = np.asarray(matrix, dtype=float)
    single = matrix.ndim == 2
    cube = matrix[None] if single else matrix
    z = np.stack([zscores(cube[:, :, j], mask, None if base is None else base[j]) * signs[j]
                  for j in range(cube.shape[2])], axis=2)
    total = np.where(mask[None, :], (z * w).sum(axis=2), np.nan)
    index = zscores(np.nan_to_num(total), mask, index_base)
    return (index[0], z[0]) if single else (index, z)


def status_class(index, thresholds=(-1.0, 1.0, 1.5)):
    t1, t2, t3 = thresholds
    index = np.asarray(index, dtype=float)
    cls = np.where(index < t1, 1, np.where(index <= t2, 2, np.where(index <= t3, 3, 4))).astype(float)
    return np.where(np.isnan(index), np.nan, cls)


def dynamics_class(index, thresholds=(-1.0, 1.0)):
    lo, hi = thresholds
    index = np.asarray(index, dtype=float)
    cls = np.where(index < lo, 1, np.where(index <= hi, 2, 3)).astype(float)
    return np.where(np.isnan(index), np.nan, cls)


def prepare(frame, fields, *, reversed_fields=(), weights=None, population=None, min_population=300,
            thresholds=(-1.0, 1.0, 1.5)):
    """The checked inputs of :func:`attention_index`: (fields, values matrix quartiers x fields, eligible mask,
    signs, weights, thresholds). Raises ValueError for missing fields or bad parameters."""
    fields = list(fields)
    if not fields:
        raise ValueError("no indicator fields given")
    missing = [f for f in fields if f not in frame.columns]
    if missing:
        raise ValueError("field(s) not found: {}".format(", ".join(missing)))
    unknown_rev = [f for f in reversed_fields if f not in fields]
    if unknown_rev:
        raise ValueError("reversed field(s) not among the indicator fields: {}".format(", ".join(unknown_rev)))
    thresholds = tuple(float(t) for t in thresholds)
    if len(thresholds) != 3 or not (thresholds[0] < thresholds[1] < thresholds[2]):
        raise ValueError("thresholds must be three increasing numbers, got {}".format(thresholds))
    w = _weights(fields, weights)
    signs = np.array([-1.0 if f in set(reversed_fields) else 1.0 for f in fields])
    n = len(frame)
    matrix = np.column_stack([_numeric(frame[f]).to_numpy() for f in fields]) if n else np.zeros((0, len(fields)))
    mask = np.isfinite(matrix).all(axis=1) if n else np.zeros(0, dtype=bool)
    if population is not None:
        pop = _numeric(frame[population]).to_numpy() if isinstance(population, str) else np.asarray(
            pd.to_numeric(pd.Series(list(population)), errors="coerce"), dtype=float)
        if len(pop) != n:
            raise ValueError("population has {} values for {} rows".format(len(pop), n))
        mask &= pop >= min_population
    return fields, matrix, mask, signs, w, thresholds


def base_arrays(fields, base):
    """``base`` ({field: (mean, sd)}, optionally with "status_index": (mean, sd) of the base year's weighted sum)
    as (per-field list, index pair); (None, None) without a base. ValueError for a field it lacks or sd <= 0."""
    if not base:
        return None, None
    missing = [f for f in fields if f not in base]
    if missing:
        raise ValueError("base-year statistics lack field(s): {}".format(", ".join(missing)))
    pairs = [(float(base[f][0]), float(base[f][1])) for f in fields]
    index_base = base.get(INDEX_KEY)
    for name, (mean, sd) in list(zip(fields, pairs)) + ([(INDEX_KEY, index_base)] if index_base else []):
        if not (np.isfinite(mean) and np.isfinite(sd) and sd > 0):
            raise ValueError("base-year statistics of {}: mean {} and sd {} (sd must be > 0)".format(name, mean, sd))
    return pairs, (None if index_base is None else (float(index_base[0]), float(index_base[1])))


#: the key of the base-year statistics for the weighted sum of z-scores (the status index before its second
#: standardisation)
INDEX_KEY = "status_index"


def attention_index(frame, fields, *, reversed_fields=(), weights=None, population=None, min_population=300,
                    thresholds=(-1.0, 1.0, 1.5), previous=None, dynamics_thresholds=(-1.0, 1.0), base=None):
    """Status and dynamics index, classes and attention flag per row of ``frame`` (see module doc).

    ``population``: a column name of ``frame`` or values aligned with it; ``previous``: a DataFrame with the same
    ``fields`` for an earlier year, indexed like ``frame`` (rows are matched by index). ``weights``: dict field ->
    weight or a sequence aligned with ``fields``. ``base``: {field: (mean, sd)} of a base year: the status z-scores
    use them instead of this year's mean and sd (and "status_index": (mean, sd), when given, standardises the
    weighted sum; else this year's). Raises ValueError for missing fields or bad parameters.
    """
    fields, matrix, mask, signs, w, thresholds = prepare(
        frame, fields, reversed_fields=reversed_fields, weights=weights, population=population,
        min_population=min_population, thresholds=thresholds)
    field_base, index_base = base_arrays(fields, base)
    n = len(frame)
    status, _ = composite(matrix, mask, signs, w, field_base, index_base) if n else (np.zeros(0), None)
    out = pd.DataFrame(index=frame.index)
    out["status_index"] = status
    out["status_class"] = status_class(status, thresholds)
    dyn = np.full(n, np.nan)
    if previous is not None and n:
        missing = [f for f in fields if f not in previous.columns]
        if missing:
            raise ValueError("field(s) not found in the previous data: {}".format(", ".join(missing)))
        prev = previous.reindex(frame.index)
        before = np.column_stack([_numeric(prev[f]).to_numpy() for f in fields])
        change = matrix - before
        dmask = mask & np.isfinite(change).all(axis=1)
        dyn, _ = composite(change, dmask, signs, w)
    out["dynamics_index"] = dyn
    out["dynamics_class"] = dynamics_class(dyn, dynamics_thresholds)
    sc = out["status_class"].to_numpy()
    dc = out["dynamics_class"].to_numpy()
    attention = np.where((sc >= 3) | ((sc == 2) & (dc == 3)), "yes", "no").astype(object)
    attention[np.isnan(sc)] = np.nan
    out["attention"] = attention
    return out
