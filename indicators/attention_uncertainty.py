"""How sure a quartier's status class is, and why it has it (issue 16, part 3).

Certainty (``status_certainty``): the share of simulated draws in which the quartier lands in the same status class
as with the published values. A draw redraws every indicator's numerator from its published numerator and
denominator — binomial(denominator, numerator / denominator) for a share, Poisson(numerator) for a rate — scales
the published value by drawn / published numerator (so a draw equal to the published count gives the published
value exactly), and recomputes the z-scores over all eligible quartiers (that draw's mean and sd, or the base year's),
the index and the class exactly as the engine does (:func:`indicators.attention.composite`), vectorised over draws
(draws x quartiers x fields). Cells without a numerator and denominator (fields not from ``calculateindicators``,
or a published value whose counts are missing) stay fixed: no sampling noise. Quartiers the engine leaves out (too
few residents, a hidden or missing value) are left out of every draw too and get NaN: a hidden cell is never drawn
nor imputed. Draws come from ``numpy.random.default_rng(seed)``, in fixed chunks: the same seed gives the same
values.

Certainty classes: "sure" (>= 0.9), "likely" (>= 0.6), "uncertain" (below).

Drivers (``drivers``): the one or two fields with the largest contribution (weight x oriented z-score) in the
direction of the quartier's index: for an index >= 0 (towards need) the largest positive contributions, below 0
the most negative ones; contributions against that direction are never named.

Base-year table (:func:`parse_base`): one row per indicator field, columns ``field``, ``mean``, ``sd``; a row
``status_index`` optionally gives the base year's mean and sd of the weighted sum of z-scores.
"""

import numpy as np
import pandas as pd

from .attention import INDEX_KEY, composite, status_class

#: the default number of draws and seed of the simulation
DRAWS = 1000
SEED = 20260101
#: certainty classes: (lower bound, value), the first that holds
CERTAINTY_CLASSES = ((0.9, "sure"), (0.6, "likely"), (0.0, "uncertain"))
#: draws simulated at once (bounds the memory: chunk x quartiers x fields floats)
CHUNK = 100
BASE_COLUMNS = ("field", "mean", "sd")


class BaseTableError(ValueError):
    """A base-year table that cannot be used: ``key`` and ``params`` (the glue translates), English ``str()``."""

    TEXTS = {
        "missing_columns": "the base-year table needs the columns field, mean and sd; missing: {columns}",
        "not_numeric": "the base-year table's {column} of field {field} is not a number: {value}",
        "sd_not_positive": "the base-year table's sd of field {field} is {value}: it must be greater than 0",
        "missing_fields": "the base-year table has no row for the indicator field(s) {fields}",
        "duplicate": "the base-year table has more than one row for field {field}",
    }

    def __init__(self, key, **params):
        self.key = key
        self.params = params
        super().__init__(self.TEXTS[key].format(**params))


def _number(value):
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


def parse_base(table, fields):
    """{field: (mean, sd)} for ``fields`` (and "status_index" when the table has that row) from ``table`` (a
    DataFrame with columns field, mean, sd, matched without regard to case; field names matched without regard to
    case too). Raises :class:`BaseTableError`."""
    columns = {str(c).strip().lower(): c for c in table.columns}
    missing = [c for c in BASE_COLUMNS if c not in columns]
    if missing:
        raise BaseTableError("missing_columns", columns=", ".join(missing))
    wanted = {f.lower(): f for f in list(fields) + [INDEX_KEY]}
    base = {}
    for _, row in table.iterrows():
        name = row[columns["field"]]
        if name is None or (not isinstance(name, str) and pd.isna(name)):
            continue
        key = wanted.get(str(name).strip().lower())
        if key is None:
            continue
        if key in base:
            raise BaseTableError("duplicate", field=key)
        pair = []
        for column in ("mean", "sd"):
            value = row[columns[column]]
            number = _number(value)
            if number is None:
                raise BaseTableError("not_numeric", column=column, field=key, value=value)
            pair.append(number)
        if pair[1] <= 0:
            raise BaseTableError("sd_not_positive", field=key, value=pair[1])
        base[key] = tuple(pair)
    lacking = [f for f in fields if f not in base]
    if lacking:
        raise BaseTableError("missing_fields", fields=", ".join(lacking))
    return base


def certainty_class(certainty):
    """"sure" / "likely" / "uncertain" for a certainty, None for NaN."""
    if certainty is None or not np.isfinite(certainty):
        return None
    for bound, name in CERTAINTY_CLASSES:
        if certainty >= bound:
            return name
    return CERTAINTY_CLASSES[-1][1]


def _draw_cube(rng, values, num, den, poisson, drawn, size):
    """``size`` draws of the values (size x quartiers x fields): cells in ``drawn`` redrawn, the others fixed."""
    cube = np.broadcast_to(values, (size,) + values.shape).copy()
    for j in range(values.shape[1]):
        rows = np.flatnonzero(drawn[:, j])
        if not len(rows):
            continue
        n, d = num[rows, j], den[rows, j]
        if poisson[j]:
            counts = rng.poisson(n, size=(size, len(rows)))
        else:
            trials = np.rint(d).astype(np.int64)
            counts = rng.binomial(trials, np.clip(n / d, 0.0, 1.0), size=(size, len(rows)))
        scale = np.where(n > 0, values[rows, j] / np.where(n > 0, n, 1.0), 0.0)
        cube[:, rows, j] = np.where(n > 0, counts * scale, values[rows, j])
    return cube


def status_certainty(values, num, den, poisson, mask, signs, w, thresholds, *, base=None, index_base=None,
                     draws=DRAWS, seed=SEED, observed_class=None, progress=None):
    """The share of ``draws`` simulated draws in which each quartier keeps its status class (NaN outside
    ``mask``). ``values``, ``num``, ``den``: quartiers x fields (NaN where unknown: such cells stay fixed);
    ``poisson``: per field, True for a rate (Poisson), False for a share (binomial); ``mask``, ``signs``, ``w``,
    ``thresholds``, ``base``, ``index_base`` as the engine (:func:`indicators.attention.composite`);
    ``observed_class``: the engine's classes (computed here when None); ``progress(done, total)`` is called after
    every chunk (it may raise to cancel)."""
    values = np.asarray(values, dtype=float)
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    mask = np.asarray(mask, dtype=bool)
    if observed_class is None:
        observed_class = status_class(composite(values, mask, signs, w, base, index_base)[0], thresholds)
    observed_class = np.asarray(observed_class, dtype=float)
    drawn = (mask[:, None] & np.isfinite(values) & np.isfinite(num) & np.isfinite(den) & (num >= 0) & (den > 0))
    rng = np.random.default_rng(seed)
    same = np.zeros(len(mask))
    done = 0
    while done < draws:
        size = min(CHUNK, draws - done)
        cube = _draw_cube(rng, values, num, den, np.asarray(poisson, dtype=bool), drawn, size)
        index, _ = composite(cube, mask, signs, w, base, index_base)
        same += (status_class(index, thresholds) == observed_class[None, :]).sum(axis=0)
        done += size
        if progress is not None:
            progress(done, draws)
    return np.where(mask & np.isfinite(observed_class), same / max(draws, 1), np.nan)


def drivers(z, w, index, labels, top=2):
    """Per quartier the labels of the (at most ``top``) fields pushing its ``index`` most, as "A.1, E.2": the
    largest contributions w x z (``z``: oriented z-scores, quartiers x fields) of the index's sign (>= 0: positive
    ones, < 0: negative ones); None where the index is NaN or no field pushes that way."""
    z = np.asarray(z, dtype=float)
    out = []
    for i, idx in enumerate(np.asarray(index, dtype=float)):
        if not np.isfinite(idx):
            out.append(None)
            continue
        direction = 1.0 if idx >= 0 else -1.0
        pushes = direction * np.asarray(w, dtype=float) * z[i]
        order = [j for j in np.argsort(-pushes, kind="stable") if np.isfinite(pushes[j]) and pushes[j] > 0]
        out.append(", ".join(labels[j] for j in order[:top]) or None)
    return out
