"""spatial.network: graph from line coordinates, snapping points to segments, multi-source Dijkstra (scipy and our
fallback), against brute force and hand computation."""

import math

import numpy as np
import pytest

from quartiersmonitor.spatial import network as nw


def lines(*parts):
    """build_network input from lists of (x, y) vertices."""
    x = [p[0] for part in parts for p in part]
    y = [p[1] for part in parts for p in part]
    start = np.cumsum([0] + [len(part) for part in parts])
    return np.array(x, float), np.array(y, float), start


def brute_snap(px, py, net):
    seg, dist = [], []
    for x, y in zip(px, py):
        best = (math.inf, -1)
        for s in range(net.n_segments):
            ax, ay, bx, by = net.ax[s], net.ay[s], net.bx[s], net.by[s]
            dx, dy = bx - ax, by - ay
            t = min(1.0, max(0.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            d = math.hypot(ax + t * dx - x, ay + t * dy - y)
            if d < best[0] - 1e-12:
                best = (d, s)
        dist.append(best[0])
        seg.append(best[1])
    return np.array(seg), np.array(dist)


def test_nodes_are_shared_vertices_up_to_the_snap():
    # two lines meeting at (100, 0) up to 2 mm of noise, a third crossing without a shared vertex
    x, y, start = lines([(0, 0), (100.002, 0.001)], [(100, 0), (100, 100)], [(50, -50), (50, 50)])
    net = nw.build_network(x, y, start, snap=0.01)
    assert net.n_segments == 3
    assert net.n_nodes == 5  # (0,0), (100,0), (100,100), (50,-50), (50,50): the crossing at (50, 0) is no node
    assert net.b[0] == net.a[1]
    assert net.a[2] not in (net.a[0], net.b[0], net.b[1])


def test_zero_length_segments_and_nan_vertices_are_left_out():
    x, y, start = lines([(0, 0), (0, 0.001), (10, 0)], [(5, 5), (float("nan"), 1)])
    net = nw.build_network(x, y, start, snap=0.01)
    assert net.n_segments == 1
    assert net.length[0] == pytest.approx(10.0, abs=1e-3)


def test_snapping_equals_brute_force_on_random_segments():
    rng = np.random.default_rng(7)
    parts = []
    for _ in range(150):
        x0, y0 = rng.uniform(0, 1000, 2)
        parts.append([(x0, y0), (x0 + rng.normal(0, 40), y0 + rng.normal(0, 40)),
                      (x0 + rng.normal(0, 80), y0 + rng.normal(0, 80))])
    parts.append([(0, 0), (2000, 2000)])  # one long diagonal over many cells
    net = nw.build_network(*lines(*parts), snap=0.01)
    px = np.concatenate([rng.uniform(-500, 1500, 600), [5000.0, -3000.0, float("nan")]])
    py = np.concatenate([rng.uniform(-500, 1500, 600), [-4000.0, 10.0, 1.0]])
    seg, t, access = nw.snap_to_segments(px, py, net)
    want_seg, want_dist = brute_snap(px[:-1], py[:-1], net)
    np.testing.assert_allclose(access[:-1], want_dist, rtol=0, atol=1e-9)
    assert (seg[:-1] == want_seg).mean() > 0.99  # exact ties may pick another segment at the same distance
    assert seg[-1] == -1 and math.isnan(access[-1])
    assert ((t >= 0) & (t <= 1)).all()


def river_network():
    """Two banks of a river (y = 0 and y = 100) joined by one bridge at x = 500; streets 0..1000 along each bank
    with a vertex every 100 m, plus a side street on the south bank and a separate island line."""
    south = [(float(x), 0.0) for x in range(0, 1001, 100)]
    north = [(float(x), 100.0) for x in range(0, 1001, 100)]
    bridge = [(500.0, 0.0), (500.0, 100.0)]
    side = [(200.0, 0.0), (200.0, -80.0)]
    island = [(3000.0, 3000.0), (3100.0, 3000.0)]
    return nw.build_network(*lines(south, north, bridge, side, island), snap=0.01)


@pytest.mark.parametrize("use_scipy", [True, False])
def test_river_distances_by_hand(use_scipy):
    net = river_network()
    # addresses: across the river from the offering, on the same bank, on the same segment, on the island
    ax = np.array([100.0, 150.0, 930.0, 3050.0, 200.0])
    ay = np.array([110.0, -20.0, -5.0, 3010.0, -80.0])
    ox = np.array([120.0])
    oy = np.array([-10.0])
    (dist,), p_access, o_access = nw.network_distances(net, (ax, ay), (ox, oy), use_scipy=use_scipy)
    np.testing.assert_allclose(o_access, [10.0])
    np.testing.assert_allclose(p_access, [10.0, 20.0, 5.0, 10.0, 0.0], atol=1e-12)
    # across: 10 (offering) + 380 (120 -> 500 along the south bank) + 100 (bridge) + 400 (500 -> 100) + 10
    # same bank, same segment (100..200): 10 + 30 + 20; far east: 10 + 810 + 5; island: unreached;
    # end of the side street: 10 + 80 + 80
    np.testing.assert_allclose(dist, [900.0, 60.0, 825.0, np.inf, 170.0], rtol=0, atol=1e-6)
    assert math.hypot(ax[0] - ox[0], ay[0] - oy[0]) < 130  # straight line ≪ network distance


def test_groups_each_get_their_nearest():
    net = river_network()
    ax, ay = np.array([0.0, 1000.0]), np.array([0.0, 0.0])
    ox, oy = np.array([100.0, 900.0]), np.array([0.0, 0.0])
    dists, _pa, _oa = nw.network_distances(net, (ax, ay), (ox, oy),
                                           groups=(None, np.array([True, False]), np.array([False, True])))
    np.testing.assert_allclose(dists[0], [100.0, 100.0], atol=1e-6)
    np.testing.assert_allclose(dists[1], [100.0, 900.0], atol=1e-6)
    np.testing.assert_allclose(dists[2], [900.0, 100.0], atol=1e-6)


def brute_all_pairs(graph):
    n = graph.n_nodes
    d = np.full((n, n), np.inf)
    np.fill_diagonal(d, 0.0)
    for u in range(n):
        for k in range(graph.indptr[u], graph.indptr[u + 1]):
            d[u, graph.indices[k]] = min(d[u, graph.indices[k]], graph.weights[k])
    for k in range(n):  # Floyd-Warshall
        d = np.minimum(d, d[:, k:k + 1] + d[k:k + 1, :])
    return d


def test_scipy_and_heap_dijkstra_equal_floyd_warshall():
    rng = np.random.default_rng(3)
    parts = [[(float(a), float(b)) for a, b in rng.integers(0, 6, size=(3, 2)) * 10] for _ in range(25)]
    net = nw.build_network(*lines(*parts), snap=0.01)
    px, py = rng.uniform(0, 50, 8), rng.uniform(0, 50, 8)
    graph = nw.build_graph(net, [nw.snap_to_segments(px, py, net)])
    d = brute_all_pairs(graph)
    sources = graph.leaves[0][:3]
    want = d[sources].min(axis=0)
    for use_scipy in (True, False):
        got = nw.shortest_distances(graph, sources, use_scipy=use_scipy)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)
        bounded = nw.shortest_distances(graph, sources, limit=25.0, use_scipy=use_scipy)
        np.testing.assert_allclose(bounded, np.where(want <= 25.0, want, np.inf), rtol=0, atol=1e-9)


def test_no_offerings_and_empty_network():
    net = river_network()
    (dist,), _pa, oa = nw.network_distances(net, (np.array([0.0]), np.array([0.0])), (np.zeros(0), np.zeros(0)))
    assert np.isinf(dist).all() and len(oa) == 0
    empty = nw.build_network(np.zeros(0), np.zeros(0), [0], snap=0.01)
    (dist,), pa, _oa = nw.network_distances(empty, (np.array([0.0]), np.array([0.0])),
                                            (np.array([1.0]), np.array([1.0])))
    assert np.isnan(dist).all() and np.isnan(pa).all()
