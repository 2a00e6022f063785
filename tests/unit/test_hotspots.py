"""Hot spots (pure: no QGIS): weights, Gi*, local Moran's I, pseudo p-values, EB rates and Benjamini–Hochberg,
against PySAL (libpysal / esda, test venv only) and hand computations."""

import itertools
import warnings

import numpy as np
import pytest

from quartiersmonitor.resources.demo.generate import generate
from quartiersmonitor.spatial import hotspots as hs

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pyproj's warning about its data directory, on importing libpysal
    # the oracles, test venv only: .venv/bin/pip install -c .venv/constraints.txt esda libpysal
    import esda
    import libpysal
    import shapely.geometry as shapely_geometry

SIDE = 7
HOT_CELLS = [16, 17, 23, 24, 30, 31]  # a 2 × 3 block in the middle of the 7 × 7 grid


def square(col, row, size=1.0):
    return np.array([(col, row), (col + size, row), (col + size, row + size), (col, row + size), (col, row)],
                     dtype=float) * 1.0


@pytest.fixture(scope="module")
def grid():
    """7 × 7 unit squares (row by row) with a hot cluster; continuous values (no ties) and counts."""
    rings = [[square(c, r)] for r in range(SIDE) for c in range(SIDE)]
    rng = np.random.default_rng(3)
    values = rng.gamma(8.0, 2.5, SIDE * SIDE)
    values[HOT_CELLS] += 30.0
    return {"rings": rings, "shapes": [shapely_geometry.Polygon(r[0]) for r in rings], "values": values}


def centroid(ring):
    """Centroid of one closed ring (shoelace; an oracle independent of the module)."""
    x, y = ring[:-1, 0], ring[:-1, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    area = cross.sum() / 2.0
    return (((x + x1) * cross).sum() / (6 * area), ((y + y1) * cross).sum() / (6 * area))


@pytest.fixture(scope="module")
def demo():
    """The demo county's 158 quartiers (one ring each), their centroids and the SGB II counts of children."""
    data = generate(seed=42, scale=0.25)
    rings = data.quartier_polygons
    counts = data.counts[2024].set_index("quartier_id").loc[data.quartiers["quartier_id"]]
    points = np.array([centroid(r[0]) for r in rings])
    return {"rings": rings, "shapes": [shapely_geometry.Polygon(r[0], r[1:]) for r in rings],
            "x": points[:, 0], "y": points[:, 1],
            "e": counts["sgb2_u15"].to_numpy(float), "b": counts["pop_u15"].to_numpy(float)}


def same_lists(ours, w):
    return ours.lists() == [sorted(w.neighbors[i]) for i in range(ours.n)]


def queen_w(shapes, rook=False):
    return (libpysal.weights.Rook if rook else libpysal.weights.Queen).from_iterable(shapes)


# -- weights ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rook", [False, True])
@pytest.mark.parametrize("data", ["grid", "demo"])
def test_contiguity_equals_libpysal(request, data, rook):
    d = request.getfixturevalue(data)
    ours = hs.contiguity(d["rings"], rook=rook)
    assert same_lists(ours, queen_w(d["shapes"], rook))
    if data == "grid":  # by hand: an inner square has 8 queen and 4 rook neighbours, a corner 3 and 2
        assert ours.cardinalities[3 * SIDE + 3] == (4 if rook else 8)
        assert ours.cardinalities[0] == (2 if rook else 3)


def test_contiguity_ring_direction_and_open_rings_do_not_matter():
    a = square(0, 0)
    b = square(1, 0)[::-1]  # clockwise
    c = square(2, 1)[:-1]  # not closed, touches b in the corner (2, 1) only
    nb = hs.contiguity([[a], [b], [c], []], rook=False)
    assert nb.lists() == [[1], [0, 2], [1], []]
    assert hs.contiguity([[a], [b], [c], []], rook=True).lists() == [[1], [0], [], []]


@pytest.mark.parametrize("use_scipy", [True, False])
@pytest.mark.parametrize("k", [1, 4, 6])
def test_knn_equals_libpysal(demo, k, use_scipy):
    ours = hs.knn(demo["x"], demo["y"], k, use_scipy=use_scipy)
    w = libpysal.weights.KNN.from_array(np.column_stack([demo["x"], demo["y"]]), k=k)
    assert same_lists(ours, w)


@pytest.mark.parametrize("use_scipy", [True, False])
@pytest.mark.parametrize("threshold", [1500.0, 3000.0])
def test_distance_band_equals_libpysal(demo, threshold, use_scipy):
    ours = hs.distance_band(demo["x"], demo["y"], threshold, use_scipy=use_scipy)
    w = libpysal.weights.DistanceBand(np.column_stack([demo["x"], demo["y"]]), threshold=threshold, binary=True,
                                      silence_warnings=True)
    assert same_lists(ours, w)
    assert len(ours.islands) == sum(1 for i in range(ours.n) if not w.neighbors[i])


def test_distance_band_boundary_is_included():
    nb = hs.distance_band([0.0, 3.0, 7.0], [0.0, 4.0, 4.0], 5.0, use_scipy=False)  # distances 5, 4, 8.06
    assert nb.lists() == [[1], [0, 2], [1]]


def test_knn_bad_k():
    with pytest.raises(hs.HotspotError) as error:
        hs.knn([0, 1, 2], [0, 0, 0], 3)
    assert error.value.key == "knn_k"


# -- statistics ------------------------------------------------------------------------------------------------------
def gi_oracle(y, w):
    return esda.G_Local(y, w, transform="B", star=True, permutations=0)


@pytest.mark.parametrize("data", ["grid", "demo"])
@pytest.mark.parametrize("rook", [False, True])
def test_gi_star_z_equals_esda(request, data, rook):
    d = request.getfixturevalue(data)
    y = d["values"] if data == "grid" else d["e"] / d["b"] * 100.0
    ours = hs.gi_star(y, hs.contiguity(d["rings"], rook=rook))
    expected = gi_oracle(y, queen_w(d["shapes"], rook)).Zs
    assert np.nanmax(np.abs(ours - expected)) < 1e-9
    assert np.isfinite(ours).all()


def test_gi_star_knn_and_distance_equal_esda(demo):
    y = demo["e"] / demo["b"]
    points = np.column_stack([demo["x"], demo["y"]])
    ours = hs.gi_star(y, hs.knn(demo["x"], demo["y"], 5))
    assert np.abs(ours - gi_oracle(y, libpysal.weights.KNN.from_array(points, k=5)).Zs).max() < 1e-9
    ours = hs.gi_star(y, hs.distance_band(demo["x"], demo["y"], 4000.0))
    w = libpysal.weights.DistanceBand(points, threshold=4000.0, binary=True, silence_warnings=True)
    assert np.abs(ours - gi_oracle(y, w).Zs).max() < 1e-9


def test_gi_star_by_hand():
    """Four squares in a row, queen: Gi* of the second = (S - W·mean) / (s·√(W(n-W)/(n-1)))."""
    y = np.array([1.0, 2.0, 3.0, 10.0])
    nb = hs.contiguity([[square(i, 0)] for i in range(4)])
    mean, s = 4.0, np.sqrt(((y - 4.0) ** 2).mean())  # population sd: √(9+4+1+36)/2
    expected = (1 + 2 + 3 - 3 * mean) / (s * np.sqrt(3 * 1 / 3))
    assert hs.gi_star(y, nb)[1] == pytest.approx(expected, abs=1e-12)


def test_gi_star_shift_invariant_for_rates_of_any_sign(grid):
    """EB rates have a mean near 0: the z-scores do not depend on a shift of the values."""
    nb = hs.contiguity(grid["rings"])
    y = grid["values"]
    assert np.abs(hs.gi_star(y - y.mean(), nb) - hs.gi_star(y, nb)).max() < 1e-9


def moran_oracle(y, w):
    w.transform = "r"
    m = esda.Moran_Local(y, w, permutations=0)
    n = len(y)
    return m, (m.Is * n / (n - 1) - m.EIc) / np.sqrt(m.VIc)


@pytest.mark.parametrize("data", ["grid", "demo"])
@pytest.mark.parametrize("rook", [False, True])
def test_local_moran_equals_esda(request, data, rook):
    d = request.getfixturevalue(data)
    y = d["values"] if data == "grid" else hs.assuncao_rate(d["e"], d["b"])
    ours = hs.local_moran(y, hs.contiguity(d["rings"], rook=rook))
    m, z = moran_oracle(y, queen_w(d["shapes"], rook))
    assert np.abs(ours.Is - m.Is).max() < 1e-9
    assert (ours.q == m.q).all()
    assert np.abs(ours.z - z).max() < 1e-9


def test_local_moran_z_matches_esda_permutation_moments(grid):
    """The analytical z-score is the z esda estimates from 9,999 permutations (z_sim), up to sampling error."""
    y = grid["values"]
    ours = hs.local_moran(y, hs.contiguity(grid["rings"]))
    w = queen_w(grid["shapes"])
    w.transform = "r"
    simulated = esda.Moran_Local(y, w, permutations=9999, seed=11).z_sim
    assert np.abs(ours.z - simulated).max() < 0.15
    assert np.corrcoef(ours.z, simulated)[0, 1] > 0.999


@pytest.mark.parametrize("method", [hs.GI_STAR, hs.LOCAL_MORAN])
def test_pseudo_p_within_sampling_error_of_esda(grid, method):
    y = grid["values"]
    nb = hs.contiguity(grid["rings"])
    w = queen_w(grid["shapes"])
    if method == hs.GI_STAR:
        ours = hs.pseudo_p(y, nb, 999, seed=1)
        theirs = esda.G_Local(y, w, transform="B", star=True, permutations=999, seed=1).p_sim
    else:
        z = hs.local_moran(y, nb).standardised
        ours = hs.pseudo_p(z, nb, 999, seed=1, direction=z)
        w.transform = "r"
        theirs = esda.Moran_Local(y, w, permutations=999, seed=1).p_sim
    # binomial sd of a p near 0.5 from 999 draws: 0.016 per estimate; 0.023 for a difference
    assert np.abs(ours - theirs).max() < 0.08
    assert np.abs(ours - theirs).mean() < 0.02
    assert ((ours <= 0.05) == (theirs <= 0.05)).mean() > 0.9


def test_pseudo_p_exact_for_a_small_case():
    """Five values in a chain, the middle one with two neighbours: the conditional null is every pair of the
    four others (6 pairs, each equally likely); p of the middle = (min(larger, 999 - larger) + 1) / 1000 with
    larger ≈ 999 · (pairs with a sum >= the observed one) / 6."""
    y = np.array([1.0, 9.0, 2.0, 8.0, 3.0])
    nb = hs.Neighbours.from_pairs(5, [2, 2, 1, 3, 0, 4], [1, 3, 2, 2, 1, 3])
    p = hs.pseudo_p(y, nb, 60000, seed=4)
    # others of 2: 1, 9, 8, 3; observed 9 + 8 = 17; pairs >= 17: {9, 8} only → 1/6 of the draws
    assert p[2] == pytest.approx((60000 / 6 + 1) / 60001, abs=0.006)


def test_pseudo_p_seeded_and_vectorised_equals_loop(grid):
    y = grid["values"]
    nb = hs.contiguity(grid["rings"])
    first = hs.pseudo_p(y, nb, 199, seed=5)
    assert np.array_equal(first, hs.pseudo_p(y, nb, 199, seed=5))
    assert not np.array_equal(first, hs.pseudo_p(y, nb, 199, seed=6))
    # the same random ids through a plain loop per quartier and permutation
    ids = hs._permuted_ids(np.random.default_rng(5), nb.n, int(nb.cardinalities.max()), 199)
    for i, neighbours in enumerate(nb.lists()):
        others = np.delete(y, i)
        sums = np.array([others[row[:len(neighbours)]].sum() for row in ids])
        larger = (sums >= y[neighbours].sum() - 1e-9).sum()
        larger = min(larger, 199 - larger)
        assert first[i] == (larger + 1) / 200


def test_permuted_ids_are_draws_without_replacement():
    rng = np.random.default_rng(0)
    for n, k, rows in ((10, 9, 500), (400, 30, 20000), (1000, 8, 50000)):  # choice per row; drawing with rejection
        ids = hs._permuted_ids(rng, n, k, rows)
        assert ids.shape == (rows, k) and ids.min() >= 0 and ids.max() <= n - 2
        assert (np.diff(np.sort(ids, axis=1), axis=1) > 0).all()  # k different ids in every row
        counts = np.bincount(ids[:, -1], minlength=n - 1)  # each other quartier equally likely at every place
        assert counts.min() > 0.4 * counts.mean() and counts.max() < 1.8 * counts.mean()


def test_ties_counted_whatever_the_order_of_summing():
    """0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last bit: a draw with the observed sum still counts as at
    least as large. Quartier 0 has neighbours 1, 2, 3 (0.1, 0.2, 0.3: sum 0.6); its others hold 0.1 0.2 0.3 0.3 0.2
    0.1 (tenths 1 2 3 3 2 1): the share of the 20 triples with a sum >= 6 tenths, counted with integers."""
    y = np.array([5.0, 0.1, 0.2, 0.3, 0.3, 0.2, 0.1])
    nb = hs.Neighbours.from_pairs(7, [0, 0, 0], [1, 2, 3])
    tenths = [1, 2, 3, 3, 2, 1]
    share = np.mean([sum(t) >= 6 for t in itertools.combinations(tenths, 3)])
    p = hs.pseudo_p(y, nb, 40000, seed=8)
    larger = min(share, 1 - share) * 40000
    assert p[0] == pytest.approx((larger + 1) / 40001, abs=0.01)
    assert share == 0.7  # 14 of 20 triples: without the tolerance the ones summing to 6 in another order were lost


# -- rates and multiple testing --------------------------------------------------------------------------------------
def test_assuncao_rate_equals_esda(demo):
    ours = hs.assuncao_rate(demo["e"], demo["b"])
    assert np.abs(ours - esda.smoothing.assuncao_rate(demo["e"], demo["b"])).max() < 1e-12
    e = np.array([30, 25, 25, 15, 33, 21, 30, 20])
    b = np.array([100, 100, 110, 90, 100, 90, 110, 90])
    assert hs.assuncao_rate(e, b)[:4] == pytest.approx([1.03843594, -0.04099089, -0.56250375, -1.73061861])


def test_local_moran_rate_equals_esda(demo):
    w = queen_w(demo["shapes"])
    m = esda.Moran_Local_Rate(demo["e"], demo["b"], w, permutations=0)
    ours = hs.local_moran(hs.assuncao_rate(demo["e"], demo["b"]), hs.contiguity(demo["rings"]))
    assert np.abs(ours.Is - m.Is).max() < 1e-9 and (ours.q == m.q).all()


def test_benjamini_hochberg_by_hand():
    p = np.array([0.01, 0.04, 0.03, np.nan, 0.20, 0.005])
    # m = 5; sorted 0.005, 0.01, 0.03, 0.04, 0.2 → ×5/rank: 0.025, 0.025, 0.05, 0.05, 0.2 (monotone already)
    q = hs.benjamini_hochberg(p)
    assert q[[5, 0, 2, 1, 4]] == pytest.approx([0.025, 0.025, 0.05, 0.05, 0.2])
    assert np.isnan(q[3])
    # step-up: a larger p with a smaller product lowers the ones before it
    assert hs.benjamini_hochberg([0.04, 0.041, 0.042]) == pytest.approx([0.042, 0.042, 0.042])
    assert hs.benjamini_hochberg([0.9, 0.95])[1] == 0.95 and hs.benjamini_hochberg([0.6, 0.9])[0] == 0.9


# -- one run ---------------------------------------------------------------------------------------------------------
def grid_neighbours(rings):
    return lambda mask: hs.contiguity([r for r, keep in zip(rings, mask) if keep])


def test_hot_cluster_found_by_gi_star(grid):
    result = hs.hotspots(grid["values"], grid_neighbours(grid["rings"]), hs.GI_STAR, 999, seed=1)
    hot = {i for i, c in enumerate(result.classes) if c == hs.HOT}
    assert {23, 24}.issubset(hot)  # the middle of the block: 5 or 6 of its 9 cells are hot
    assert hot.issubset({8, 9, 10, 11, 15, 16, 17, 18, 22, 23, 24, 25, 29, 30, 31, 32, 36, 37, 38, 39})
    assert set(result.classes) <= {hs.HOT, hs.COLD, hs.NOT_SIGNIFICANT}
    assert result.left_out == [] and result.islands == []


def test_moran_classes_and_fdr(grid):
    result = hs.hotspots(grid["values"], grid_neighbours(grid["rings"]), hs.LOCAL_MORAN, 999, seed=1)
    assert result.classes[23] == hs.HH and result.classes[24] == hs.HH
    z = grid["values"] - grid["values"].mean()
    for i, c in enumerate(result.classes):
        if c in (hs.HH, hs.HL):
            assert z[i] > 0
        if c in (hs.LL, hs.LH):
            assert z[i] < 0
    fdr = hs.hotspots(grid["values"], grid_neighbours(grid["rings"]), hs.LOCAL_MORAN, 999, seed=1, fdr=True)
    assert np.allclose(fdr.p, hs.benjamini_hochberg(result.p))
    significant = sum(c != hs.NOT_SIGNIFICANT for c in fdr.classes)
    assert significant <= sum(c != hs.NOT_SIGNIFICANT for c in result.classes)


def test_left_out_values_and_islands(grid):
    """A NULL value is left out (no value imputed; the weights are built without it) and a detached square is an
    island: both get NULL, the others equal a run on the rest."""
    rings = grid["rings"] + [[square(20, 20)]]
    values = np.append(grid["values"], 5.0)
    values[0] = np.nan
    result = hs.hotspots(values, grid_neighbours(rings), hs.GI_STAR, 99, seed=2)
    assert result.left_out == [0] and result.islands == [49]
    assert np.isnan(result.z[[0, 49]]).all() and np.isnan(result.p[[0, 49]]).all()
    assert result.classes[0] is None and result.classes[49] is None
    shapes = [shapely_geometry.Polygon(r[0]) for r in rings[1:]]
    w = queen_w(shapes)
    expected = esda.G_Local(values[1:], w, transform="B", star=True, permutations=0).Zs
    assert np.abs(result.z[1:49] - expected[:48]).max() < 1e-9


def test_analysis_values_rates_leave_out_unknown_and_zero_denominators():
    values, left = hs.analysis_values(numerator=[3, np.nan, 5, 2, 4], denominator=[100, 50, 0, 80, 90])
    assert left == {"no_value": [1], "bad_denominator": [2], "numerator_over": []}
    assert np.isnan(values[[1, 2]]).all()
    expected = esda.smoothing.assuncao_rate(np.array([3, 2, 4]), np.array([100, 80, 90]))
    assert values[[0, 3, 4]] == pytest.approx(expected)
    values, left = hs.analysis_values(field=[1.0, np.nan, 2.0])
    assert left["no_value"] == [1]
    # a numerator greater than its denominator (a ratio such as the ageing index): analysed as esda does, and named
    values, left = hs.analysis_values(numerator=[3, 120, 2, 4], denominator=[100, 50, 80, 90])
    assert left == {"no_value": [], "bad_denominator": [], "numerator_over": [1]}
    expected = esda.smoothing.assuncao_rate(np.array([3, 120, 2, 4]), np.array([100, 50, 80, 90]))
    assert values == pytest.approx(expected)


def test_constant_values_are_an_error(grid):
    with pytest.raises(hs.HotspotError) as error:
        hs.gi_star(np.ones(SIDE * SIDE), hs.contiguity(grid["rings"]))
    assert error.value.key == "constant"
