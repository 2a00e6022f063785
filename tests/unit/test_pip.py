"""Point-in-polygon kernel against an exact brute-force oracle (pure numpy, no QGIS)."""

from fractions import Fraction

import numpy as np
import pytest

from quartiersmonitor.spatial.pip import (
    BOUNDARY,
    INSIDE,
    NO_GEOMETRY,
    OUTSIDE,
    PolygonSet,
    assign_by_id,
    assign_points,
    duplicate_mask,
    sum_by_index,
)


def _oracle_point(x, y, rings):
    """Exact rational test of one point: 'boundary', 'inside' or 'outside' by the winding number over all rings
    (a different algorithm from the kernel's crossing number; valid polygons give the same answer)."""
    qx, qy = Fraction(x), Fraction(y)
    winding_parity = 0
    for ring in rings:
        pts = [(Fraction(float(a)), Fraction(float(b))) for a, b in ring]
        if pts[0] != pts[-1]:
            pts.append(pts[0])
        wn = 0
        for (ax, ay), (bx, by) in zip(pts[:-1], pts[1:]):
            cross = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax)
            if cross == 0 and min(ax, bx) <= qx <= max(ax, bx) and min(ay, by) <= qy <= max(ay, by):
                return "boundary"
            if ay <= qy < by and cross > 0:
                wn += 1
            elif by <= qy < ay and cross < 0:
                wn -= 1
        winding_parity += abs(wn) % 2
    return "inside" if winding_parity % 2 else "outside"


def _oracle(px, py, polygons):
    index, status = [], []
    for x, y in zip(px, py):
        if not (np.isfinite(x) and np.isfinite(y)):
            index.append(-1)
            status.append(NO_GEOMETRY)
            continue
        results = [_oracle_point(x, y, rings) for rings in polygons]
        if "inside" in results:
            index.append(results.index("inside"))
            status.append(INSIDE)
        elif "boundary" in results:
            index.append(results.index("boundary"))
            status.append(BOUNDARY)
        else:
            index.append(-1)
            status.append(OUTSIDE)
    return np.array(index), np.array(status)


SQUARE_WITH_HOLE = [
    [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)],
    [(3, 3), (3, 7), (7, 7), (7, 3), (3, 3)],
]
RIGHT_NEIGHBOUR = [[(10, 0), (20, 0), (20, 10), (10, 10)]]  # unclosed ring on purpose
MULTI = [
    [(0, 20), (5, 20), (5, 25), (0, 25)],
    [(10, 20), (15, 20), (12.5, 27)],
    [(4, 4), (6, 4), (6, 6), (4, 6)],  # an island inside the hole of SQUARE_WITH_HOLE
]
POLYGONS = [SQUARE_WITH_HOLE, RIGHT_NEIGHBOUR, MULTI]


def test_hand_made_points_match_oracle():
    pts = [
        (1, 1, 0, INSIDE),
        (5, 5, 2, INSIDE),  # island in the hole: polygon 2, not polygon 0
        (3.5, 5, -1, OUTSIDE),  # in the hole, outside the island
        (10, 5, 0, BOUNDARY),  # shared border: first polygon in priority order
        (10, 10, 0, BOUNDARY),  # shared vertex
        (20, 10, 1, BOUNDARY),  # outer vertex of polygon 1 only
        (3, 5, 0, BOUNDARY),  # on the hole's ring
        (15, 5, 1, INSIDE),
        (12.5, 26.9, 2, INSIDE),
        (12.5, 27.1, -1, OUTSIDE),
        (-1, 5, -1, OUTSIDE),
        (np.nan, np.nan, -1, NO_GEOMETRY),
    ]
    px = np.array([p[0] for p in pts], dtype=float)
    py = np.array([p[1] for p in pts], dtype=float)
    index, status, n_interior = assign_points(px, py, POLYGONS)
    assert index.tolist() == [p[2] for p in pts]
    assert status.tolist() == [p[3] for p in pts]
    o_index, o_status = _oracle(px, py, POLYGONS)
    assert index.tolist() == o_index.tolist()
    assert status.tolist() == o_status.tolist()
    assert n_interior.max() == 1


def test_random_points_and_grid_points_match_oracle():
    rng = np.random.default_rng(42)
    px = np.concatenate([rng.uniform(-2, 22, 600), np.repeat(np.arange(-1, 22, 1.0), 30)[:600]])
    py = np.concatenate([rng.uniform(-2, 28, 600), np.tile(np.arange(-1, 29, 1.0), 23)[:600]])
    index, status, _ = assign_points(px, py, POLYGONS)
    o_index, o_status = _oracle(px, py, POLYGONS)
    assert (status == BOUNDARY).sum() > 20  # the grid really hits edges and vertices
    assert index.tolist() == o_index.tolist()
    assert status.tolist() == o_status.tolist()


def test_diagonal_edges_exact():
    # Points on diagonal edges whose coordinates are exact in binary, and their next floating neighbours.
    tri = [[[(0.0, 0.0), (1024.0, 768.0), (0.0, 768.0)]]]
    xs = np.array([512.0, 256.0, 100.0], dtype=float)
    ys = xs * 0.75
    px = np.concatenate([xs, np.nextafter(xs, 0), np.nextafter(xs, 2000)])
    py = np.concatenate([ys, ys, ys])
    index, status, _ = assign_points(px, py, tri)
    o_index, o_status = _oracle(px, py, tri)
    assert status[:3].tolist() == [BOUNDARY] * 3
    assert status[3:6].tolist() == [INSIDE] * 3  # left of the edge = inside the triangle
    assert status[6:].tolist() == [OUTSIDE] * 3
    assert status.tolist() == o_status.tolist()


def test_large_coordinates_utm():
    # Quartier-like coordinates in EPSG:25832 (metres, ~5.6e6): the exact filter must still hold.
    ox, oy = 412345.125, 5612345.5
    poly = [[[(ox, oy), (ox + 1000.3, oy + 10.7), (ox + 980.1, oy + 1200.9), (ox - 20.2, oy + 1190.4)]]]
    rng = np.random.default_rng(1)
    px = ox + rng.uniform(-50, 1050, 2000)
    py = oy + rng.uniform(-50, 1250, 2000)
    # plus points interpolated on the edges (rounded, so on or a hair off the edge)
    t = rng.uniform(0, 1, 200)
    px = np.concatenate([px, ox + t * 1000.3])
    py = np.concatenate([py, oy + t * 10.7])
    index, status, _ = assign_points(px, py, poly)
    o_index, o_status = _oracle(px, py, poly)
    assert status.tolist() == o_status.tolist()


def test_overlap_first_in_priority_order_and_interior_count():
    a = [[(0, 0), (10, 0), (10, 10), (0, 10)]]
    b = [[(5, 0), (15, 0), (15, 10), (5, 10)]]
    index, status, n_interior = assign_points(np.array([7.0, 2.0, 12.0, 5.0]), np.array([5.0, 5.0, 5.0, 5.0]), [a, b])
    assert index.tolist() == [0, 0, 1, 0]
    assert status.tolist() == [INSIDE, INSIDE, INSIDE, INSIDE]  # (5, 5) is on b's border but inside a
    assert n_interior.tolist() == [2, 1, 1, 1]
    index, _, _ = assign_points(np.array([7.0]), np.array([5.0]), [b, a])
    assert index.tolist() == [0]


def test_small_batches_give_same_result(monkeypatch):
    from quartiersmonitor.spatial import pip

    rng = np.random.default_rng(3)
    px, py = rng.uniform(-2, 22, 3000), rng.uniform(-2, 28, 3000)
    expected = assign_points(px, py, POLYGONS)
    monkeypatch.setattr(pip, "_MAX_PAIRS", 7)
    got = assign_points(px, py, POLYGONS)
    for e, g in zip(expected, got):
        assert e.tolist() == g.tolist()


def test_empty_inputs_and_degenerate_polygons():
    index, status, _ = assign_points(np.zeros(0), np.zeros(0), POLYGONS)
    assert len(index) == 0 and len(status) == 0
    index, status, _ = assign_points(np.array([1.0]), np.array([1.0]), [[], [[(0, 0), (1, 1)]]])
    assert index.tolist() == [-1] and status.tolist() == [OUTSIDE]
    assert len(PolygonSet([])) == 0


def test_progress_called_and_can_cancel():
    calls = []
    assign_points(np.array([1.0]), np.array([1.0]), POLYGONS, progress=calls.append)
    assert calls[-1] == pytest.approx(1.0) and len(calls) == 3

    def cancel(_fraction):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        assign_points(np.array([1.0]), np.array([1.0]), POLYGONS, progress=cancel)


@pytest.mark.parametrize("workers", [2, 3])
def test_threads_match_oracle_and_cancel(monkeypatch, workers):
    """Many points are split among threads: the same answer as the exact oracle (grid points on edges and vertices
    included); a progress callback that raises stops every thread and reaches the caller."""
    from quartiersmonitor.spatial import pip

    monkeypatch.setattr(pip, "_PARALLEL_MIN", 200)  # 1,200 points count as many
    rng = np.random.default_rng(7)
    px = np.concatenate([rng.uniform(-2, 22, 600), np.repeat(np.arange(-1, 22, 1.0), 30)[:600], [np.nan]])
    py = np.concatenate([rng.uniform(-2, 28, 600), np.tile(np.arange(-1, 29, 1.0), 23)[:600], [1.0]])
    calls = []
    index, status, n_interior = assign_points(px, py, POLYGONS, progress=calls.append, workers=workers)
    o_index, o_status = _oracle(px, py, POLYGONS)
    assert index.tolist() == o_index.tolist() and status.tolist() == o_status.tolist()
    single = assign_points(px, py, POLYGONS, workers=1)
    assert n_interior.tolist() == single[2].tolist()
    assert calls and calls[-1] == pytest.approx(1.0) and calls == sorted(calls)

    def cancel(_fraction):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        assign_points(px, py, POLYGONS, progress=cancel, workers=workers)


def test_duplicates_and_sums():
    px = np.array([1.0, 2.0, 1.0, np.nan, np.nan, 3.0])
    py = np.array([1.0, 2.0, 1.0, np.nan, np.nan, 1.0])
    assert duplicate_mask(px, py).tolist() == [True, False, True, False, False, False]
    idx = np.array([0, 1, 0, -1, 2, 0])
    assert sum_by_index(idx, 4).tolist() == [3, 1, 1, 0]
    w = np.array([1.5, 2.0, np.nan, 9.0, 1.0, 1.0])
    assert sum_by_index(idx, 4, w).tolist() == [2.5, 2.0, 1.0, 0.0]


def test_wkb_points_all_kinds():
    import struct

    from quartiersmonitor.storage.wkb import points_from_wkb

    def point(x, y, z=None, big=False, iso_type=1):
        e = ">" if big else "<"
        coords = (x, y) if z is None else (x, y, z)
        return struct.pack(e + "BI" + "d" * len(coords), 0 if big else 1, iso_type, *coords)

    fast = [point(1.5, 2.5), None, point(float("nan"), float("nan")), point(3.0, 4.0)]
    x, y, n = points_from_wkb(fast)
    assert np.allclose(x[[0, 3]], [1.5, 3.0]) and np.allclose(y[[0, 3]], [2.5, 4.0])
    assert np.isnan(x[1]) and np.isnan(x[2]) and n.tolist() == [1, 0, 0, 1]

    multi = struct.pack("<BII", 1, 4, 2) + point(7.0, 8.0) + point(9.0, 10.0)
    mixed = [point(1.0, 2.0, 3.0, iso_type=1001), point(5.0, 6.0, big=True), multi,
             struct.pack("<BI", 1, 4) + struct.pack("<I", 0), memoryview(point(11.0, 12.0))]
    x, y, n = points_from_wkb(mixed)
    assert x[:3].tolist() == [1.0, 5.0, 7.0] and y[:3].tolist() == [2.0, 6.0, 8.0]
    assert np.isnan(x[3]) and n.tolist() == [1, 1, 2, 0, 1] and x[4] == 11.0


def test_duplicates_against_brute_force():
    rng = np.random.default_rng(8)
    px = rng.integers(0, 30, 400).astype(float)
    py = rng.integers(0, 30, 400).astype(float)
    px[::37] = np.nan
    brute = [any(j != i and px[j] == px[i] and py[j] == py[i] for j in range(len(px))) for i in range(len(px))]
    assert duplicate_mask(px, py).tolist() == brute


def test_assign_by_id_gives_a_shared_border_to_the_smallest_id_whatever_the_order():
    square = [np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])]
    right = [np.array([[1.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 1.0], [1.0, 0.0]])]
    px, py = np.array([1.0, 0.5, 1.5, 5.0]), np.array([0.5, 0.5, 0.5, 5.0])
    for rings, ids in (([square, right], ["B", "A"]), ([right, square], ["A", "B"])):
        index, status, _n = assign_by_id(px, py, rings, ids)
        got = [ids[i] if i >= 0 else None for i in index.tolist()]
        assert got == ["A", "B", "A", None]  # the border point x=1 goes to "A", the smaller id
        assert status.tolist() == [BOUNDARY, INSIDE, INSIDE, OUTSIDE]


def test_snap_to_boundary_gives_a_reprojected_border_point_the_smallest_id():
    from quartiersmonitor.spatial import pip

    # two unit squares sharing x = 1; points a nanometre off the border (as reprojection leaves them), one far inside
    left = [[(0, 0), (1, 0), (1, 1), (0, 1)]]
    right = [[(1, 0), (2, 0), (2, 1), (1, 1)]]
    px = np.array([1 + 1e-9, 1 - 1e-9, 1.5, 2 + 1e-9, 5.0, np.nan])
    py = np.array([0.5, 0.5, 0.5, 0.5, 5.0, np.nan])
    index, status, _n = pip.assign_by_id(px, py, [right, left], ["02", "01"])
    assert status.tolist() == [pip.INSIDE, pip.INSIDE, pip.INSIDE, pip.OUTSIDE, pip.OUTSIDE, pip.NO_GEOMETRY]
    index, status, _n = pip.assign_by_id(px, py, [right, left], ["02", "01"], tolerance=1e-3)
    # the first two lie on the shared border within 1 mm: boundary, smallest id "01" (position 1)
    assert status.tolist() == [pip.BOUNDARY, pip.BOUNDARY, pip.INSIDE, pip.BOUNDARY, pip.OUTSIDE, pip.NO_GEOMETRY]
    assert index.tolist() == [1, 1, 0, 0, -1, -1]


def test_snap_to_boundary_without_tolerance_changes_nothing():
    from quartiersmonitor.spatial import pip

    square = [[(0, 0), (1, 0), (1, 1), (0, 1)]]
    index, status, _n = pip.assign_points(np.array([0.5, 1 + 1e-9]), np.array([0.5, 0.5]), [square])
    same = pip.snap_to_boundary(np.array([0.5, 1 + 1e-9]), np.array([0.5, 0.5]), [square], index, status, 0.0)
    assert same[0].tolist() == index.tolist() and same[1].tolist() == status.tolist()
