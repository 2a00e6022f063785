"""Maximal covering location (spatial/siting.py): brute force on small instances, scipy's MILP on medium ones, the
bound never below the solution (pure: no QGIS)."""

import itertools

import numpy as np
import pytest

from quartiersmonitor.spatial import siting as st


def brute_force(ax, ay, w, cx, cy, ox, oy, distance, count):
    """Best coverage over every combination of ``count`` candidates (all pairs by numpy, no grid)."""
    reach = np.hypot(ax[:, None] - cx[None, :], ay[:, None] - cy[None, :]) <= distance
    kept = np.zeros(len(ax), dtype=bool)
    if len(ox):
        kept = (np.hypot(ax[:, None] - ox[None, :], ay[:, None] - oy[None, :]) <= distance).any(axis=1)
    best = 0.0
    for combo in itertools.combinations(range(len(cx)), count):
        covered = reach[:, list(combo)].any(axis=1) & ~kept
        best = max(best, float(w[covered].sum()))
    return best, float(w[kept].sum())


def instance(seed, n, m, n_kept=3, size=1000.0):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, size, (6, 2))
    k = rng.integers(0, 6, n)
    ax = centres[k, 0] + rng.normal(0, size / 10, n)
    ay = centres[k, 1] + rng.normal(0, size / 10, n)
    w = rng.integers(0, 5, n).astype(float)
    cx, cy = rng.uniform(0, size, m), rng.uniform(0, size, m)
    ox, oy = rng.uniform(0, size, n_kept), rng.uniform(0, size, n_kept)
    return ax, ay, w, cx, cy, ox, oy


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("use_milp", [True, False])
def test_equals_brute_force(seed, use_milp):
    ax, ay, w, cx, cy, ox, oy = instance(seed, 300, 12)
    count = 1 + seed % 4
    expected, kept = brute_force(ax, ay, w, cx, cy, ox, oy, 150.0, count)
    units = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 150.0)
    sol = st.solve(units, count, use_milp=use_milp)
    assert units.covered_before == pytest.approx(kept)
    assert sol.bound >= sol.value - 1e-9
    assert sol.bound >= expected - 1e-9  # a proven bound is never below the optimum
    if use_milp:
        assert sol.value == pytest.approx(expected)
        assert sol.gap == 0.0 and sol.optimal
    else:
        assert sol.value <= expected + 1e-9
        if sol.gap == 0.0:
            assert sol.value == pytest.approx(expected)
    assert sol.covered_total[-1] == pytest.approx(kept + sol.value)
    assert sum(sol.gains) == pytest.approx(sol.value)
    assert sol.gains == sorted(sol.gains, reverse=True)  # greedy order: marginal gains fall


def test_units_aggregate_signatures_without_loss():
    ax, ay, w, cx, cy, ox, oy = instance(3, 2000, 30)
    units = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 120.0)
    reach = np.hypot(ax[:, None] - cx[None, :], ay[:, None] - cy[None, :]) <= 120.0
    assert units.n_units < 0.5 * len(ax)
    for sites in ([0, 1, 2], [5, 17], list(range(30))):
        kept = (np.hypot(ax[:, None] - ox[None, :], ay[:, None] - oy[None, :]) <= 120.0).any(axis=1)
        expected = float(w[reach[:, sites].any(axis=1) & ~kept].sum())
        assert units.value(sites) == pytest.approx(expected)
    assert units.covered_before + units.weight.sum() + units.unreachable == pytest.approx(w.sum())


def test_greedy_is_not_optimal_but_solve_is():
    # Greedy takes the middle site (covers 6) and then one more (3): 9; the two outer sites cover 5 + 5 = 10.
    ax = np.array([0, 0, 0, 0, 0, 10, 10, 10, 10, 10], dtype=float)
    ay = np.zeros(10)
    w = np.ones(10)
    cx, cy = np.array([0.0, 5.0, 10.0]), np.zeros(3)
    # the middle site reaches 3 left and 3 right points: move those a little
    ax[2:5] = 2.0
    ax[5:8] = 8.0
    units = st.straight_line_units(w, (ax, ay), (cx, cy), None, 3.0)
    g_sites, g_gains = st.greedy(units, 2)
    assert g_sites[0] == 1 and sum(g_gains) == 8.0
    for use_milp in (True, False):
        sol = st.solve(units, 2, use_milp=use_milp)
        assert sol.value == 10.0 and sorted(sol.sites) == [0, 2]
        assert sol.greedy_value == 8.0
        assert sol.gap == 0.0


@pytest.mark.parametrize("seed", range(4))
def test_medium_instances_equal_milp_and_lagrangian_bound_holds(seed):
    ax, ay, w, cx, cy, ox, oy = instance(100 + seed, 20000, 150, n_kept=5, size=10000.0)
    units = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 700.0)
    exact = st.solve(units, 6, use_milp=True)
    assert exact.method in (st.METHOD_MILP, st.METHOD_LAGRANGIAN) and exact.optimal
    oracle = _oracle_milp(ax, ay, w, cx, cy, ox, oy, 700.0, 6)
    assert exact.value == pytest.approx(oracle)
    heuristic = st.solve(units, 6, use_milp=False)
    assert heuristic.value <= oracle + 1e-9
    assert heuristic.bound >= oracle - 1e-9
    bound, _lower = st.lagrangian_bound(units, 6)
    assert bound >= oracle - 1e-6


def _oracle_milp(ax, ay, w, cx, cy, ox, oy, distance, count):
    """The MILP written independently on the addresses (one y per address not already covered, coverage by plain
    all-pairs distances), solved by scipy's HiGHS."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    kept = (np.hypot(ax[:, None] - ox[None, :], ay[:, None] - oy[None, :]) <= distance).any(axis=1)
    free = np.flatnonzero(~kept & (w > 0))
    n_c, n_u = len(cx), len(free)
    rows, cols = [], []
    for j in range(n_c):
        hit = np.flatnonzero(np.hypot(ax[free] - cx[j], ay[free] - cy[j]) <= distance)
        rows.append(hit)
        cols.append(np.full(len(hit), j))
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    a_rows = np.r_[rows, np.arange(n_u), np.full(n_c, n_u)]
    a_cols = np.r_[cols, n_c + np.arange(n_u), np.arange(n_c)]
    a_vals = np.r_[-np.ones(len(rows)), np.ones(n_u), np.ones(n_c)]
    a = coo_matrix((a_vals, (a_rows, a_cols)), shape=(n_u + 1, n_c + n_u)).tocsr()
    res = milp(np.concatenate([np.zeros(n_c), -w[free]]), integrality=np.r_[np.ones(n_c), np.zeros(n_u)],
               bounds=Bounds(0, 1),
               constraints=LinearConstraint(a, np.r_[np.full(n_u, -np.inf), count], np.r_[np.zeros(n_u), count]),
               options={"mip_rel_gap": 0.0})
    assert res.status == 0
    return -res.fun


def test_count_larger_than_useful_sites_stops_early():
    units = st.straight_line_units(np.ones(3), (np.array([0.0, 1.0, 50.0]), np.zeros(3)),
                                   (np.array([0.0, 0.5, 100.0, 200.0]), np.zeros(4)), None, 2.0)
    sol = st.solve(units, 3)
    assert sol.value == 2.0 and len(sol.sites) == 1 and sol.gap == 0.0
    assert units.unreachable == 1.0


def test_demand_weights_errors_and_need():
    assert st.demand_weights([1.0, 2.0], [0.5, np.nan]).tolist() == [0.5, 0.0]
    with pytest.raises(st.SitingError) as err:
        st.demand_weights([1.0, np.nan, np.nan])
    assert err.value.key == "null_demand" and err.value.params == {"count": 2, "row": 1}
    with pytest.raises(st.SitingError) as err:
        st.demand_weights([1.0, -2.0])
    assert err.value.key == "negative_demand" and err.value.params["value"] == -2.0
    with pytest.raises(st.SitingError) as err:
        st.demand_weights([1.0], [-1.0])
    assert err.value.key == "negative_need"


def test_no_candidate_reaches_anything():
    units = st.straight_line_units(np.ones(2), (np.zeros(2), np.zeros(2)), (np.array([100.0]), np.zeros(1)),
                                   None, 1.0)
    sol = st.solve(units, 1)
    assert sol.sites == [] and sol.value == 0.0 and sol.bound == 0.0


def test_units_from_site_pairs_equal_straight_line_units():
    from quartiersmonitor.spatial.nearest import pairs_within

    ax, ay, w, cx, cy, ox, oy = instance(7, 1500, 20)
    direct = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 130.0)
    k, i, _d = pairs_within(np.r_[cx, ox], np.r_[cy, oy], ax, ay, 130.0)
    joined = st.units_from_site_pairs(w, k, i, len(cx))
    assert joined.covered_before == pytest.approx(direct.covered_before)
    assert joined.n_units == direct.n_units
    for sites in ([0, 3], [1, 2, 19], list(range(20))):
        assert joined.value(sites) == pytest.approx(direct.value(sites))
    assert st.solve(joined, 3).value == pytest.approx(st.solve(direct, 3).value)


def test_report_and_cancel():
    ax, ay, w, cx, cy, ox, oy = instance(5, 400, 10)
    units = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 150.0)
    sol = st.solve(units, 2)
    info = {"candidates": "c<1>", "offerings": "o", "addresses": "a", "distance": 150.0, "count": 2,
            "n_candidates": 10, "n_offerings": 3, "labels": ["x", "y"], "weighted": False}
    text = st.build_report(sol, info, lambda s: s)
    assert "c&lt;1&gt;" in text and "The solution is optimal." in text
    assert "{:,.0f}".format(units.total).replace(",", "\u202f") in text

    class StopError(Exception):
        pass

    def progress(_fraction):
        raise StopError()

    with pytest.raises(StopError):
        st.solve(units, 2, progress=progress)


def test_without_scipy_the_lagrangian_bound_is_used(monkeypatch):
    import sys

    ax, ay, w, cx, cy, ox, oy = instance(11, 300, 12)
    expected, _kept = brute_force(ax, ay, w, cx, cy, ox, oy, 150.0, 3)
    monkeypatch.setitem(sys.modules, "scipy.optimize", None)  # import fails as where scipy is not installed
    units = st.straight_line_units(w, (ax, ay), (cx, cy), (ox, oy), 150.0)
    sol = st.solve(units, 3)
    assert sol.method in (st.METHOD_LAGRANGIAN, st.METHOD_TRIVIAL)
    assert sol.value <= expected + 1e-9 <= sol.bound + 2e-9
