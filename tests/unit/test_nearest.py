"""Grid-bucket nearest distances and coverage statistics (pure: no QGIS)."""

import numpy as np
import pytest

from quartiersmonitor.spatial.nearest import coverage_by_group, nearest, weighted_median_by_group


def brute_force(qx, qy, tx, ty):
    d = np.hypot(qx[:, None] - tx[None, :], qy[:, None] - ty[None, :])
    return d.min(axis=1), d.argmin(axis=1)  # argmin: first (smallest index) among ties


@pytest.mark.parametrize(
    "layout",
    ["uniform", "clustered", "queries_far_outside", "single_target", "one_spot", "line"],
)
def test_nearest_equals_brute_force(layout):
    rng = np.random.default_rng(42)
    n, m = 3000, 250
    qx, qy = rng.uniform(0, 10000, n), rng.uniform(0, 10000, n)
    if layout == "uniform":
        tx, ty = rng.uniform(0, 10000, m), rng.uniform(0, 10000, m)
    elif layout == "clustered":  # a dense town and a few remote villages
        tx = np.concatenate([rng.normal(2000, 100, m - 3), [9000, 9500, 100]])
        ty = np.concatenate([rng.normal(2000, 100, m - 3), [9000, 200, 9900]])
    elif layout == "queries_far_outside":
        tx, ty = rng.uniform(4000, 4100, m), rng.uniform(4000, 4100, m)
        qx, qy = rng.uniform(-50000, 50000, n), rng.uniform(-50000, 50000, n)
    elif layout == "single_target":
        tx, ty = np.array([5000.0]), np.array([5000.0])
    elif layout == "one_spot":  # every target at the same place: ties everywhere
        tx, ty = np.full(m, 1234.5), np.full(m, 678.9)
    else:  # targets on a vertical line (zero width)
        tx, ty = np.full(m, 3000.0), rng.uniform(0, 10000, m)
    dist, idx = nearest(qx, qy, tx, ty)
    bd, bi = brute_force(qx, qy, tx, ty)
    np.testing.assert_allclose(dist, bd, rtol=0, atol=1e-9)
    # Same target, or an equally near one.
    same = idx == bi
    assert np.all(same | (np.abs(np.hypot(qx - tx[idx], qy - ty[idx]) - bd) < 1e-9))
    if layout == "one_spot":
        assert np.all(idx == 0)  # ties go to the smallest index


def test_nearest_agrees_with_scipy_kdtree():
    spatial = pytest.importorskip("scipy.spatial")
    rng = np.random.default_rng(1)
    qx, qy = rng.uniform(0, 40000, 50000), rng.uniform(0, 30000, 50000)
    tx, ty = rng.uniform(0, 40000, 500), rng.uniform(0, 30000, 500)
    dist, idx = nearest(qx, qy, tx, ty)
    kd_dist, kd_idx = spatial.cKDTree(np.column_stack([tx, ty])).query(np.column_stack([qx, qy]))
    np.testing.assert_allclose(dist, kd_dist, rtol=1e-12, atol=1e-9)
    assert np.mean(idx == kd_idx) > 0.999


def test_nearest_nan_empty_and_hand_values():
    dist, idx = nearest([0.0, np.nan, 3.0], [0.0, 1.0, 4.0], [0.0, 10.0, np.nan], [0.0, 0.0, 5.0])
    assert dist[0] == 0.0 and idx[0] == 0
    assert np.isnan(dist[1]) and idx[1] == -1
    assert dist[2] == pytest.approx(5.0) and idx[2] == 0  # 3-4-5 triangle; the NaN target is ignored
    dist, idx = nearest([1.0, np.nan], [1.0, 0.0], [], [])
    assert dist[0] == np.inf and np.isnan(dist[1]) and list(idx) == [-1, -1]
    dist, idx = nearest([], [], [1.0], [1.0])
    assert len(dist) == 0


def test_nearest_progress_can_cancel():
    class StopError(Exception):
        pass

    def progress(fraction):
        raise StopError()

    rng = np.random.default_rng(3)
    with pytest.raises(StopError):
        nearest(rng.uniform(0, 1, 100), rng.uniform(0, 1, 100), rng.uniform(0, 1, 10), rng.uniform(0, 1, 10),
                progress=progress)


def test_weighted_median_by_hand_and_brute_force():
    # group 0: distances 100 (w 1), 200 (w 1) -> half = 1 reached at 100
    # group 1: 50 (w 1), 300 (w 5), 10 (w 1) -> sorted 10,50,300 cum 1,2,7; half 3.5 -> 300
    # group 2: only weight 0 -> NaN
    group = [0, 0, 1, 1, 1, 2, -1]
    values = [200, 100, 50, 300, 10, 5, 1]
    weights = [1, 1, 1, 5, 1, 0, 100]
    med = weighted_median_by_group(group, values, weights, 4)
    assert med[0] == 100 and med[1] == 300
    assert np.isnan(med[2]) and np.isnan(med[3])
    # Brute force with integer weights: repeat each value weight times, take the lower median.
    rng = np.random.default_rng(5)
    g = rng.integers(0, 20, 2000)
    v = rng.uniform(0, 1000, 2000)
    w = rng.integers(0, 6, 2000)
    med = weighted_median_by_group(g, v, w, 20)
    for k in range(20):
        sel = g == k
        expanded = np.sort(np.repeat(v[sel], w[sel]))
        assert med[k] == expanded[(len(expanded) - 1) // 2]


def test_coverage_by_hand():
    # Quartier 0: residents 10 at 100 m, 30 at 600 m, 0 at 50 m; quartier 1: 5 with no offering at all (inf);
    # quartier 2: no residents; a point outside every quartier (-1) is ignored.
    group = [0, 0, 0, 1, -1]
    distance = [100.0, 600.0, 50.0, np.inf, 10.0]
    weights = [10, 30, np.nan, 5, 1000]
    cov = coverage_by_group(group, distance, weights, 3, 500.0)
    np.testing.assert_array_equal(cov["pop_total"], [40, 5, 0])
    np.testing.assert_array_equal(cov["pop_within"], [10, 0, 0])
    np.testing.assert_array_equal(cov["pop_far"], [30, 5, 0])
    assert cov["share_within"][0] == pytest.approx(25.0) and cov["share_within"][1] == 0.0
    assert np.isnan(cov["share_within"][2])
    assert cov["median_distance"][0] == 600.0  # cum 10 of 40 at 100 m, 40 at 600 m: half (20) reached at 600
    assert cov["median_distance"][1] == np.inf and np.isnan(cov["median_distance"][2])
