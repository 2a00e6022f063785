"""Offerings per quartier and the residents' coverage, as the values ``offeringcoverage`` writes (no QGIS, no Qt).

The kernels (point in polygon, nearest distances, coverage per group) are in :mod:`.pip` and :mod:`.nearest`; this
module turns their results into the output's columns.
"""

import math
import re

import numpy as np

from ..addresses.normalize import fold
from ..storage.field_names import bounded_name
from . import pip

QUARTIER_FIELDS = ("pop_total", "pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m")
ADDRESS_FIELDS = ("quartier_id", "nearest_distance_m", "within_distance")
# With a category field: the distance measures once more for each category, named <measure>_<category slug>
CATEGORY_QUARTIER_FIELDS = ("pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m",
                            "white_spot")
CATEGORY_ADDRESS_FIELDS = ("nearest_distance_m", "within_distance")


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


def category_masks(categories):
    """The categories of the offerings: ``[(category, count field name, mask), ...]`` sorted by category, a last
    ``(None, "n_no_category", mask)`` for offerings without one. ``categories``: the category of each offering
    (None or blank: none; compared as text without surrounding blanks); ``mask``: the offerings of that category."""
    values = [None if v is None or str(v).strip() == "" else str(v).strip() for v in categories]
    distinct = sorted({v for v in values if v is not None})
    if any(v is None for v in values):
        distinct.append(None)
    taken = {"n_offerings"}
    out = []
    codes = {value: k for k, value in enumerate(distinct)}
    code = np.array([codes[v] for v in values], dtype=np.int64)
    for k, value in enumerate(distinct):
        name = category_field_name(value if value is not None else "no_category", taken)
        out.append((value, name, code == k))
    return out


def category_counts(categories, group, n_quartiers):
    """Offerings per quartier for each category: ``[(field name, counts), ...]`` sorted by category, a last
    ``n_no_category`` for offerings without one. ``categories``: the category of each offering (None or blank:
    none); ``group``: its quartier (-1: outside)."""
    group = np.asarray(group)
    return [(name, pip.sum_by_index(np.where(mask, group, -1), n_quartiers))
            for _value, name, mask in category_masks(categories)]


def category_measure_names(count_names):
    """The field names of the per-category measures: for each ``n_<slug>`` of ``count_names`` a pair
    ``(quartier field names, address field names)``, i.e. ``<measure>_<slug>`` for each of
    :data:`CATEGORY_QUARTIER_FIELDS` and :data:`CATEGORY_ADDRESS_FIELDS`. Every name is at most 63 characters
    (GeoPackage, PostGIS) and unique among the other new fields of its layer (case-insensitive; cut and numbered
    ``_2``, ``_3`` … where needed)."""
    quartier_taken = {name.lower() for name in ("n_offerings",) + QUARTIER_FIELDS + ("white_spot",)}
    quartier_taken |= {name.lower() for name in count_names}
    address_taken = {name.lower() for name in ADDRESS_FIELDS}
    out = []
    for count_name in count_names:
        slug = count_name[2:] if count_name.startswith("n_") else count_name
        out.append(([bounded_name(m + "_", slug, quartier_taken) for m in CATEGORY_QUARTIER_FIELDS],
                    [bounded_name(m + "_", slug, address_taken) for m in CATEGORY_ADDRESS_FIELDS]))
    return out


def _number(value):
    return None if value is None or not math.isfinite(value) else float(value)


def _measure_columns(n_offerings, coverage, white_share):
    """pop_far, offerings_per_1000, share_within_distance, median_distance_m and white_spot per quartier."""
    pop_total = [float(v) for v in coverage["pop_total"]]
    share = [_number(v) for v in coverage["share_within"]]
    return [
        [float(v) for v in coverage["pop_far"]],
        [1000.0 * float(n) / p if p > 0 else None for n, p in zip(n_offerings, pop_total)],
        share,
        [_number(v) for v in coverage["median_distance"]],
        [None if s is None else int(s < white_share) for s in share],
    ]


def quartier_columns(n_offerings, categories, coverage, white_share, per_category=()):
    """The new columns of the quartier output, in field order: n_offerings, one per category, then
    :data:`QUARTIER_FIELDS` and white_spot (all None without addresses: ``coverage`` None), then for each entry
    ``(counts, coverage)`` of ``per_category`` the :data:`CATEGORY_QUARTIER_FIELDS` of that category's offerings
    (None without addresses: its coverage None)."""
    n_q = len(n_offerings)
    columns = [[int(v) for v in n_offerings]] + [[int(v) for v in counts] for _name, counts in categories]
    if coverage is None:
        columns += [[None] * n_q for _ in range(len(QUARTIER_FIELDS) + 1)]
    else:
        columns += [[float(v) for v in coverage["pop_total"]]] + _measure_columns(n_offerings, coverage,
                                                                                  white_share)
    for counts, category_coverage in per_category:
        if category_coverage is None:
            columns += [[None] * n_q for _ in CATEGORY_QUARTIER_FIELDS]
        else:
            columns += _measure_columns(counts, category_coverage, white_share)
    return columns


def _distance_columns(dist, distance):
    dist = np.asarray(dist, dtype=np.float64)
    finite = np.isfinite(dist)
    within = np.where(finite | np.isinf(dist), (dist <= distance).astype(np.int64), -1)
    return [
        [float(d) if ok else None for d, ok in zip(dist.tolist(), finite.tolist())],
        [None if w < 0 else w for w in within.tolist()],
    ]


def address_columns(quartier_ids, group, dist, distance, category_dists=()):
    """The new columns of the address output (:data:`ADDRESS_FIELDS`): the quartier id (None outside), the distance
    to the nearest offering in metres (None where there is none, or no geometry) and 1/0 for within ``distance``
    (None without geometry; 0 where no offering exists: infinite distance); then the same two
    (:data:`CATEGORY_ADDRESS_FIELDS`) for the distances to the nearest offering of each category in
    ``category_dists``."""
    ids = np.asarray(list(quartier_ids) + [None], dtype=object)
    group = np.asarray(group)
    columns = [ids[np.where(group >= 0, group, len(quartier_ids))].tolist()] + _distance_columns(dist, distance)
    for category_dist in category_dists:
        columns += _distance_columns(category_dist, distance)
    return columns
