"""spatial.accessibility (E2SFCA) against hand computation; catchment pairs against brute force."""

import math

import numpy as np
import pytest

from quartiersmonitor.spatial import accessibility as acc
from quartiersmonitor.spatial import network as nw
from quartiersmonitor.spatial.nearest import pairs_within

# 3 offerings x 6 addresses on a line (y = 0), catchment 100 m
OX = np.array([0.0, 200.0, 400.0])
CAP = np.array([10.0, 4.0, 6.0])
AX = np.array([-50.0, 50.0, 150.0, 250.0, 350.0, 600.0])
DEM = np.array([20.0, 30.0, 10.0, 40.0, 50.0, 15.0])


def test_e2sfca_without_decay_by_hand():
    k, i, d = pairs_within(OX, np.zeros(3), AX, np.zeros(6), 100.0)
    # offering 0 reaches addresses 0, 1 (50 m each); offering 1 reaches 2, 3 (address 1 is 150 m away); offering 2: 4
    assert list(zip(k.tolist(), i.tolist())) == [(0, 0), (0, 1), (1, 2), (1, 3), (2, 4)]
    ratio, access = acc.e2sfca(k, i, d, CAP, DEM, 100.0, "none")
    # R0 = 10 / (20 + 30) = 0.2; R1 = 4 / (10 + 40) = 0.08; R2 = 6 / 50 = 0.12
    np.testing.assert_allclose(ratio, [0.2, 0.08, 0.12])
    np.testing.assert_allclose(access, [0.2, 0.2, 0.08, 0.08, 0.12, 0.0])
    assert float((DEM * access).sum()) == pytest.approx(CAP.sum())  # every place shared out


def test_e2sfca_with_linear_and_gaussian_decay_by_hand():
    k = np.array([0, 0, 1, 1, 2])
    i = np.array([0, 1, 2, 3, 4])
    d = np.array([50.0, 50.0, 50.0, 50.0, 50.0])
    ratio, access = acc.e2sfca(k, i, d, CAP, DEM, 100.0, "linear")
    # every weight 1 - 50/100 = 0.5: R0 = 10 / (0.5 * 50) = 0.4, A0 = 0.5 * 0.4 = 0.2 (the same as without decay,
    # since each address reaches only one offering and all weights are equal)
    np.testing.assert_allclose(ratio, [0.4, 0.16, 0.24])
    np.testing.assert_allclose(access, [0.2, 0.2, 0.08, 0.08, 0.12, 0.0])
    # two offerings competing for one address at different distances, gaussian
    w = lambda x: (math.exp(-0.5 * (x / 100) ** 2) - math.exp(-0.5)) / (1 - math.exp(-0.5))  # noqa: E731
    ratio, access = acc.e2sfca([0, 1, 1], [0, 0, 1], [20.0, 80.0, 10.0], [5.0, 3.0], [10.0, 4.0], 100.0,
                               "gaussian")
    r0 = 5 / (w(20) * 10)
    r1 = 3 / (w(80) * 10 + w(10) * 4)
    np.testing.assert_allclose(ratio, [r0, r1])
    np.testing.assert_allclose(access, [w(20) * r0 + w(80) * r1, w(10) * r1])
    assert 10 * access[0] + 4 * access[1] == pytest.approx(8.0)


def test_decay_weights():
    d = np.array([0.0, 50.0, 100.0, 150.0])
    np.testing.assert_allclose(acc.decay_weights(d, 100.0, "none"), [1, 1, 1, 0])
    np.testing.assert_allclose(acc.decay_weights(d, 100.0, "linear"), [1, 0.5, 0, 0])
    g = acc.decay_weights(d, 100.0, "gaussian")
    assert g[0] == pytest.approx(1.0) and g[2] == pytest.approx(0.0) and g[3] == 0 and 0 < g[1] < 1


def test_quartier_figures_and_need_supply():
    access = np.array([0.2, 0.2, 0.08, 0.08, 0.12, 0.0])
    group = np.array([0, 0, 1, 1, 2, 2])
    q = acc.quartier_access(group, DEM, access, 4)
    np.testing.assert_allclose(q["demand"], [50, 50, 65, 0])
    np.testing.assert_allclose(q["supply_reached"], [10, 4, 6, 0])
    np.testing.assert_allclose(q["access_index"][:3], [200.0, 80.0, 1000 * 6 / 65])
    assert math.isnan(q["access_index"][3])
    classes, m_need, m_idx = acc.need_supply([30.0, 10.0, 20.0, 5.0], q["access_index"])
    # quartiers 0..2 have both values: median need 20, median access index 92.3
    assert m_need == 20.0 and m_idx == pytest.approx(1000 * 6 / 65)
    assert classes == [acc.HIGH_NEED_HIGH_SUPPLY, acc.LOW_NEED_LOW_SUPPLY, acc.LOW_NEED_LOW_SUPPLY, None]


def test_pairs_within_equals_brute_force():
    rng = np.random.default_rng(5)
    ox, oy = rng.uniform(0, 2000, 40), rng.uniform(0, 2000, 40)
    px, py = rng.uniform(-200, 2200, 900), rng.uniform(-200, 2200, 900)
    px[3] = np.nan
    k, i, d = pairs_within(ox, oy, px, py, 250.0)
    dd = np.hypot(ox[:, None] - px[None, :], oy[:, None] - py[None, :])
    wk, wi = np.nonzero(dd <= 250.0)
    assert list(zip(k.tolist(), i.tolist())) == list(zip(wk.tolist(), wi.tolist()))
    np.testing.assert_allclose(d, dd[wk, wi])


@pytest.mark.parametrize("use_scipy", [True, False])
def test_network_pairs_by_hand(use_scipy):
    # a street y = 0 from 0 to 1000 and a river: the north street y = 100 joined only at x = 1000
    x = np.array([0.0, 500.0, 1000.0, 1000.0, 0.0])
    y = np.array([0.0, 0.0, 0.0, 100.0, 100.0])
    net = nw.build_network(x, y, np.array([0, 5]), 0.01)
    offerings = (np.array([100.0, 900.0]), np.array([-10.0, 0.0]))
    points = (np.array([150.0, 100.0, 950.0, 3000.0]), np.array([0.0, 110.0, 100.0, 0.0]))
    catch = acc.NetworkCatchments(net, points, offerings)
    k, i, d = catch.pairs(300.0, use_scipy=use_scipy)
    # offering 0: address 0 at 10 + 50; offering 1: address 2 at 100 (to the corner) + 100 + 50;
    # address 3 (3000, 0) is joined to the corner (1000, 0) at 2000 m: 100 + 2000 > 300
    assert list(zip(k.tolist(), i.tolist())) == [(0, 0), (1, 2)]
    np.testing.assert_allclose(d, [60.0, 250.0])
    nearest = catch.nearest(use_scipy=use_scipy)
    # address 1 (100, 110) across the river: from offering 1 at (900, 0): 100 + 100 + 900 + 10
    np.testing.assert_allclose(nearest, [60.0, 100 + 100 + 900 + 10, 250.0, 2100.0])
