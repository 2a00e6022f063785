"""Offerings per quartier and the residents' coverage, as the values ``offeringcoverage`` writes (no QGIS, no Qt).

The kernels (point in polygon, nearest distances, coverage per group) are in :mod:`.pip` and :mod:`.nearest`; this
module turns their results into the output's columns.
"""

import math
import re

import numpy as np

from ..addresses.normalize import fold
from . import pip

QUARTIER_FIELDS = ("pop_total", "pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m")
ADDRESS_FIELDS = ("quartier_id", "nearest_distance_m", "within_distance")


def category_field_name(category, taken):
    """Field name ``n_<category>`` in lower case ASCII (umlauts spelled out), unique among ``taken`` (a set, to
    which the name is added)."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(category)).strip("_")[:40] or "no_category"
    name = "n_" + slug
    candidate, k = name, 2
    while candidate in taken:
        candidate = "{}_{}".format(name, k)
        k += 1
    taken.add(candidate)
    return candidate


# A text with one separator followed by exactly three digits ("1.234", "1,234") may be a decimal or a German / English
# thousands separator: ambiguous, so never read as a number. Several separators ("1.234,5") are no number either.
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")


def read_residents(values):
    """Residents per address as floats, the unusable values ``[(row, value), ...]`` (which count 0) and the rows
    read from text with a decimal comma ``[(row, value), ...]``.

    Numbers are taken as they are; text is read with a decimal point or a decimal comma ("3,5" is 3.5, listed so that
    the caller reports it); unusable: text that is no number ("k.A."), ambiguous text ("1.234": decimal or
    thousands separator?), negative, NaN, NULL, booleans."""
    weights = np.zeros(len(values))
    bad, comma = [], []
    for i, value in enumerate(values):
        number = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            text = value.strip()
            if not _AMBIGUOUS.match(text):
                try:
                    number = float(text.replace(",", ".")) if text.count(",") + text.count(".") <= 1 else None
                except ValueError:
                    number = None
                if number is not None and "," in text:
                    comma.append((i, value))
        if number is None or not math.isfinite(number) or number < 0:
            bad.append((i, value))
        else:
            weights[i] = number
    return weights, bad, comma


def residents(values):
    """Residents per address as floats and the unusable values ``[(row, value), ...]`` (text that is no number or
    ambiguous, negative, NaN, NULL), which count 0 (:func:`read_residents` without the decimal comma list). Text is
    read with a decimal point or comma ("3,5" is 3.5)."""
    weights, bad, _comma = read_residents(values)
    return weights, bad


def category_counts(categories, group, n_quartiers):
    """Offerings per quartier for each category: ``[(field name, counts), ...]`` sorted by category, a last
    ``n_no_category`` for offerings without one. ``categories``: the category of each offering (None or blank:
    none); ``group``: its quartier (-1: outside)."""
    values = [None if v is None or str(v).strip() == "" else str(v).strip() for v in categories]
    distinct = sorted({v for v in values if v is not None})
    if any(v is None for v in values):
        distinct.append(None)
    taken = {"n_offerings"}
    counts = []
    group = np.asarray(group)
    for value in distinct:
        name = category_field_name(value if value is not None else "no_category", taken)
        mask = np.array([v == value for v in values], dtype=bool)
        counts.append((name, pip.sum_by_index(np.where(mask, group, -1), n_quartiers)))
    return counts


def _number(value):
    return None if value is None or not math.isfinite(value) else float(value)


def quartier_columns(n_offerings, categories, coverage, white_share):
    """The new columns of the quartier output, in field order: n_offerings, one per category, then
    :data:`QUARTIER_FIELDS` and white_spot (all None without addresses: ``coverage`` None)."""
    n_q = len(n_offerings)
    columns = [[int(v) for v in n_offerings]] + [[int(v) for v in counts] for _name, counts in categories]
    if coverage is None:
        return columns + [[None] * n_q for _ in range(len(QUARTIER_FIELDS) + 1)]
    pop_total = [float(v) for v in coverage["pop_total"]]
    share = [_number(v) for v in coverage["share_within"]]
    columns += [
        pop_total,
        [float(v) for v in coverage["pop_far"]],
        [1000.0 * float(n) / p if p > 0 else None for n, p in zip(n_offerings, pop_total)],
        share,
        [_number(v) for v in coverage["median_distance"]],
        [None if s is None else int(s < white_share) for s in share],
    ]
    return columns


def address_columns(quartier_ids, group, dist, distance):
    """The new columns of the address output (:data:`ADDRESS_FIELDS`): the quartier id (None outside), the distance
    to the nearest offering in metres (None where there is none, or no geometry) and 1/0 for within ``distance``
    (None without geometry; 0 where no offering exists: infinite distance)."""
    ids = np.asarray(list(quartier_ids) + [None], dtype=object)
    group = np.asarray(group)
    finite = np.isfinite(dist)
    within = np.where(finite | np.isinf(dist), (dist <= distance).astype(np.int64), -1)
    return [
        ids[np.where(group >= 0, group, len(quartier_ids))].tolist(),
        [float(d) if ok else None for d, ok in zip(dist.tolist(), finite.tolist())],
        [None if w < 0 else w for w in within.tolist()],
    ]
