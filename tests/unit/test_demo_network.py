"""The demo county's street network and river (pure: no QGIS, no GDAL).

Expected values come from independent computations in this file: components by a breadth-first search over the
segments' end coordinates, crossings by exact orientation tests of every segment against every river segment, and
the county outline by an own point-in-polygon test.
"""

from collections import defaultdict, deque

import numpy as np
import pytest

from quartiersmonitor.resources.demo.generate import generate


@pytest.fixture(scope="module")
def demo():
    return generate(seed=42, scale=0.05)  # the geometry does not depend on the scale


def _components(net, keep):
    """Connected components (lists of end-point keys) of the segments selected by ``keep``."""
    adjacency = defaultdict(set)
    for x0, y0, x1, y1 in net.loc[keep, ["x0", "y0", "x1", "y1"]].itertuples(index=False, name=None):
        a, b = (x0, y0), (x1, y1)
        adjacency[a].add(b)
        adjacency[b].add(a)
    seen, parts = set(), []
    for start in adjacency:
        if start in seen:
            continue
        seen.add(start)
        part, queue = [start], deque([start])
        while queue:
            for n in adjacency[queue.popleft()]:
                if n not in seen:
                    seen.add(n)
                    part.append(n)
                    queue.append(n)
        parts.append(part)
    return parts


def _orient(ax, ay, bx, by, cx, cy):
    return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))


def _crossings(net, river):
    """Number of river segments each network segment touches or crosses (exact orientation test)."""
    p0 = net[["x0", "y0"]].to_numpy()
    p1 = net[["x1", "y1"]].to_numpy()
    q0, q1 = river[:-1], river[1:]
    counts = np.zeros(len(net), dtype=np.int64)
    for (ax, ay), (bx, by) in zip(q0, q1):
        o1 = _orient(p0[:, 0], p0[:, 1], p1[:, 0], p1[:, 1], ax, ay)
        o2 = _orient(p0[:, 0], p0[:, 1], p1[:, 0], p1[:, 1], bx, by)
        o3 = _orient(ax, ay, bx, by, p0[:, 0], p0[:, 1])
        o4 = _orient(ax, ay, bx, by, p1[:, 0], p1[:, 1])
        counts += ((o1 * o2 <= 0) & (o3 * o4 <= 0)).astype(np.int64)
    return counts


def test_network_schema_and_size(demo):
    net = demo.network
    assert list(net.columns) == ["x0", "y0", "x1", "y1", "kind"]
    assert set(net["kind"]) == {"street", "bridge"}
    assert (net["kind"] == "bridge").sum() == 4
    length = np.hypot(net["x1"] - net["x0"], net["y1"] - net["y0"])
    assert length.min() > 100.0 and length.max() < 400.0  # a jittered 250 m grid
    assert 15000 < len(net) < 40000
    summary = demo.summary()
    assert summary["network_segments"] == len(net) and summary["bridges"] == 4


def test_network_inside_the_county(demo):
    ring = demo.county_polygon[0]
    pts = np.concatenate([demo.network[["x0", "y0"]].to_numpy(), demo.network[["x1", "y1"]].to_numpy()])
    inside = np.zeros(len(pts), dtype=bool)
    for (ax, ay), (bx, by) in zip(ring[:-1], ring[1:]):
        cond = (ay > pts[:, 1]) != (by > pts[:, 1])
        with np.errstate(divide="ignore", invalid="ignore"):
            xi = ax + (pts[:, 1] - ay) * (bx - ax) / (by - ay)
        inside ^= cond & (pts[:, 0] < xi)
    assert inside.all()
    assert (_crossings(demo.network, ring) == 0).all()  # no street cuts a corner of the outline


def test_network_connected_only_through_the_bridges(demo):
    net = demo.network
    everything = _components(net, np.ones(len(net), dtype=bool))
    assert len(everything) == 1  # connected: shared end points are exactly equal
    streets = _components(net, (net["kind"] == "street").to_numpy())
    assert len(streets) == 2  # north and south of the river
    side = {}
    for k, part in enumerate(streets):
        for key in part:
            side[key] = k
    assert min(len(p) for p in streets) > 2000
    for x0, y0, x1, y1 in net.loc[net["kind"] == "bridge", ["x0", "y0", "x1", "y1"]].itertuples(index=False):
        assert {side[(x0, y0)], side[(x1, y1)]} == {0, 1}  # each bridge joins the two banks


def test_river_crossed_only_at_the_bridges(demo):
    net, river = demo.network, demo.river
    ring = demo.county_polygon[0]
    assert river[0, 0] < ring[:, 0].min() and river[-1, 0] > ring[:, 0].max()  # across the whole county
    counts = _crossings(net, river)
    bridges = (net["kind"] == "bridge").to_numpy()
    assert (counts[bridges] == 1).all()
    assert (counts[~bridges] == 0).all()
    assert int(counts.sum()) == 4


def test_network_deterministic_and_seed_dependent():
    a, b, c = (generate(seed=s, scale=0.02) for s in (7, 7, 8))
    assert a.network.equals(b.network) and np.array_equal(a.river, b.river)
    assert not (len(a.network) == len(c.network) and np.allclose(a.network[["x0", "y0"]], c.network[["x0", "y0"]]))
    assert (c.network["kind"] == "bridge").sum() == 4
    assert len(_components(c.network, np.ones(len(c.network), dtype=bool))) == 1
