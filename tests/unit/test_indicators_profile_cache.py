"""``profile_from_row`` with precomputed ``rank_values`` gives exactly the ranks of the ``all_rows`` rescan."""

import math
import random
from dataclasses import astuple, replace

import numpy as np

from quartiersmonitor.indicators.catalog import load_catalog
from quartiersmonitor.indicators.profile import profile_from_row, published_values, rank_in_sorted, rank_of


def _catalog_with_every_polarity():
    """The catalog's A.1, D.1 (context, polarity 0) and A.1 again with polarity -1 under field A2."""
    catalog = load_catalog()
    a1, d1, a2 = catalog["A.1"], catalog["D.1"], catalog["A.2"]
    return {"A.1": a1, "D.1": d1, "A.2": replace(a2, polarity=-1)}


def _comparable(profile_row):
    """Every field of a ProfileRow, NaN as None (NaN != NaN)."""
    return tuple(None if isinstance(v, float) and math.isnan(v) else v for v in astuple(profile_row))


def _rows(seed=7, n=120):
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        row = {}
        for field in ("A1", "D1", "A2"):
            kind = rng.random()
            if kind < 0.1:
                row[field], row[field + "_flag"] = None, "suppressed_count"
            elif kind < 0.15:
                row[field], row[field + "_flag"] = rng.choice([None, "n/a", float("nan")]), None
            elif kind < 0.2:
                row[field], row[field + "_flag"] = 99.0, "invalid"  # a number that is not published
            else:
                # few distinct values: many ties
                row[field], row[field + "_flag"] = float(rng.randint(0, 15)), rng.choice(["ok", " ok ", None])
        rows.append(row)
    return rows


def test_rank_values_give_the_same_ranks_as_all_rows():
    catalog = _catalog_with_every_polarity()
    rows = _rows()
    cache = published_values(rows, catalog)
    assert set(cache) == {"A1", "D1", "A2"}
    for field, values in cache.items():
        assert np.all(np.isfinite(values)) and np.all(np.diff(values) >= 0), field
    ranked = 0
    for row in rows:
        plain = profile_from_row(row, catalog, "de", all_rows=rows)
        cached = profile_from_row(row, catalog, "de", rank_values=cache)
        assert [(r.id, r.rank, r.n_ranked) for r in cached] == [(r.id, r.rank, r.n_ranked) for r in plain]
        assert [_comparable(r) for r in cached] == [_comparable(r) for r in plain]
        ranked += sum(r.rank is not None for r in plain)
    assert ranked > 200  # the comparison covered ranked rows, not only unranked ones


def test_rank_in_sorted_matches_rank_of_with_ties_and_both_polarities():
    published = [3.0, 1.0, 3.0, float("nan"), 2.0, 5.0, 3.0]
    sorted_values = np.sort(np.array([v for v in published if math.isfinite(v)]))
    for value in (0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, float("nan")):
        for polarity in (-1, 0, 1):
            assert rank_in_sorted(value, sorted_values, polarity) == rank_of(value, published, polarity)
    assert rank_in_sorted(3.0, sorted_values, 1) == (2, 6)  # 5 > 3; the three 3s share rank 2
    assert rank_in_sorted(3.0, sorted_values, -1) == (3, 6)  # 1 and 2 need more


def test_rank_values_without_a_field_fall_back_to_all_rows_or_no_rank():
    catalog = _catalog_with_every_polarity()
    rows = _rows(seed=3, n=30)
    partial = {k: v for k, v in published_values(rows, catalog).items() if k != "D1"}
    for row in rows[:5]:
        with_rows = profile_from_row(row, catalog, rank_values=partial, all_rows=rows)
        plain = profile_from_row(row, catalog, all_rows=rows)
        assert [(r.rank, r.n_ranked) for r in with_rows] == [(r.rank, r.n_ranked) for r in plain]
        alone = {r.id: r for r in profile_from_row(row, catalog, rank_values=partial)}
        assert alone["D.1"].rank is None and alone["D.1"].n_ranked is None
