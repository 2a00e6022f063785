"""Vectorised point-in-polygon assignment (numpy only, no QGIS).

A *polygon set* is a list of quartiers in priority order; each quartier is a list of rings (exterior rings and holes
of all its parts alike), each ring a sequence of ``(x, y)`` vertices. Inside/outside is decided by the even-odd
(crossing number) rule over all rings of a quartier, so holes and multipolygons need no special case as long as the
geometry is valid (repair it before, e.g. with QGIS ``makeValid``).

Points exactly on an edge or a vertex are found exactly: the orientation test uses a floating-point filter with a
proven error bound (Shewchuk's ``orient2d`` stage A) and falls back to exact rational arithmetic for the few
uncertain cases, so the answer does not depend on rounding.

Every point gets one of the statuses

* ``INSIDE``: in the interior of at least one quartier; the first one in priority order wins (overlaps);
* ``BOUNDARY``: on the boundary of one or more quartiers and in the interior of none; the first in priority order wins;
* ``OUTSIDE``: in no quartier;
* ``NO_GEOMETRY``: coordinates not finite (NULL or empty geometry, marked NaN by the reader).

Speed: for each quartier the candidate points in its bounding box come from one sort of the x coordinates; the
candidates are sorted by y, and every edge is paired only with the candidates in its own y band (``searchsorted``),
so the work is about (points in the box) x (edges crossing a horizontal line), all in numpy.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from fractions import Fraction

import numpy as np

INSIDE = 0
BOUNDARY = 1
OUTSIDE = 2
NO_GEOMETRY = 3
STATUS_NAMES = ("inside", "boundary", "outside", "no_geometry")

# Shewchuk's ccwerrboundA = (3 + 16 eps) eps with eps = 2**-53.
_CCW_ERRBOUND_A = (3.0 + 16.0 * 2.0**-53) * 2.0**-53
# Candidate (edge, point) pairs handled per numpy batch: bounds the temporary memory (about 100 bytes a pair), shared
# by the threads of one call.
_MAX_PAIRS = 2_000_000
# From this many points on, the points are split among threads (numpy works outside the GIL: about 1.7x on 2 cores).
_PARALLEL_MIN = 200_000
_MAX_WORKERS = 4


class _StoppedError(Exception):
    """A worker thread of assign_points stops early (another one, or the caller's progress, failed)."""


class PolygonSet:
    """Edges of all quartiers, flattened into numpy arrays.

    ``polygons``: list (priority order) of lists of rings; a ring is an ``(n, 2)`` array-like of vertices, closed or
    not. Empty quartiers (no rings) are allowed and contain nothing.
    """

    def __init__(self, polygons):
        x0, y0, x1, y1 = [], [], [], []
        offsets = [0]
        bboxes = []
        for rings in polygons:
            count = 0
            bxmin = bymin = np.inf
            bxmax = bymax = -np.inf
            for ring in rings:
                ring = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
                if len(ring) < 3:
                    continue
                if ring[0, 0] != ring[-1, 0] or ring[0, 1] != ring[-1, 1]:
                    ring = np.vstack([ring, ring[:1]])
                a, b = ring[:-1], ring[1:]
                keep = (a[:, 0] != b[:, 0]) | (a[:, 1] != b[:, 1])
                a, b = a[keep], b[keep]
                if not len(a):
                    continue
                x0.append(a[:, 0])
                y0.append(a[:, 1])
                x1.append(b[:, 0])
                y1.append(b[:, 1])
                count += len(a)
                bxmin, bxmax = min(bxmin, ring[:, 0].min()), max(bxmax, ring[:, 0].max())
                bymin, bymax = min(bymin, ring[:, 1].min()), max(bymax, ring[:, 1].max())
            offsets.append(offsets[-1] + count)
            bboxes.append((bxmin, bymin, bxmax, bymax))

        def cat(parts):
            return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float64)

        self.x0, self.y0, self.x1, self.y1 = cat(x0), cat(y0), cat(x1), cat(y1)
        self.offsets = np.asarray(offsets, dtype=np.int64)
        self.bboxes = np.asarray(bboxes, dtype=np.float64).reshape(-1, 4)

    def __len__(self):
        return len(self.bboxes)


def _orientation_sign(ax, ay, bx, by, qx, qy):
    """Exact sign of the orientation of (a, b, q): +1 when q is left of a->b, -1 right, 0 on the line."""
    detleft = (ax - qx) * (by - qy)
    detright = (ay - qy) * (bx - qx)
    det = detleft - detright
    sign = np.sign(det).astype(np.int8)
    uncertain = np.flatnonzero(np.abs(det) <= _CCW_ERRBOUND_A * (np.abs(detleft) + np.abs(detright)))
    for i in uncertain.tolist():
        fax, fay, fbx, fby, fqx, fqy = (Fraction(float(v[i])) for v in (ax, ay, bx, by, qx, qy))
        exact = (fax - fqx) * (fby - fqy) - (fay - fqy) * (fbx - fqx)
        sign[i] = (exact > 0) - (exact < 0)
    return sign


def _classify_candidates(pset, k, cx, cy, max_pairs=_MAX_PAIRS):
    """Even-odd inside flags and on-boundary flags of candidate points (sorted by y) for quartier ``k``."""
    n = len(cx)
    crossings = np.zeros(n, dtype=np.int64)
    on_boundary = np.zeros(n, dtype=bool)
    start, stop = pset.offsets[k], pset.offsets[k + 1]
    ex0, ey0 = pset.x0[start:stop], pset.y0[start:stop]
    ex1, ey1 = pset.x1[start:stop], pset.y1[start:stop]
    lo = np.searchsorted(cy, np.minimum(ey0, ey1), side="left")
    hi = np.searchsorted(cy, np.maximum(ey0, ey1), side="right")
    counts = hi - lo
    cum = np.cumsum(counts)
    edge_start = 0
    while edge_start < len(counts):
        # A batch of edges whose pairs stay under _MAX_PAIRS (at least one edge).
        base = cum[edge_start - 1] if edge_start else 0
        edge_stop = int(np.searchsorted(cum, base + max_pairs, side="right"))
        edge_stop = max(edge_stop, edge_start + 1)
        sel = slice(edge_start, edge_stop)
        c = counts[sel]
        total = int(c.sum())
        if total:
            edge = np.repeat(np.arange(edge_start, edge_stop), c)
            first = np.cumsum(c) - c
            point = np.arange(total) - np.repeat(first, c) + np.repeat(lo[sel], c)
            ax, ay, bx, by = ex0[edge], ey0[edge], ex1[edge], ey1[edge]
            qx, qy = cx[point], cy[point]
            sign = _orientation_sign(ax, ay, bx, by, qx, qy)
            on_edge = (sign == 0) & (qx >= np.minimum(ax, bx)) & (qx <= np.maximum(ax, bx))
            on_boundary[point[on_edge]] = True
            upward = (ay <= qy) & (by > qy) & (sign > 0)
            downward = (by <= qy) & (ay > qy) & (sign < 0)
            crossings += np.bincount(point[upward | downward], minlength=n)
        edge_start = edge_stop
    return (crossings % 2 == 1) & ~on_boundary, on_boundary


def assign_points(px, py, polygons, progress=None, workers=None):
    """Assign points to polygons.

    ``px``, ``py``: float arrays (NaN where a point has no geometry). ``polygons``: a :class:`PolygonSet` or the list
    it is built from, in priority order. ``progress(fraction)`` is called in the calling thread as the work goes on
    (at the end with 1.0); it may raise to cancel. ``workers``: threads to split many points among (default: the
    CPUs, at most 4; 1: none); the result does not depend on it.

    Returns ``(index, status, n_interior)``: ``index`` the polygon index (-1 when none), ``status`` one of the
    status codes, ``n_interior`` the number of polygons whose interior holds the point (> 1 in overlaps).
    """
    pset = polygons if isinstance(polygons, PolygonSet) else PolygonSet(polygons)
    px = np.ascontiguousarray(px, dtype=np.float64)
    py = np.ascontiguousarray(py, dtype=np.float64)
    n = len(px)
    if len(py) != n:
        raise ValueError("px and py differ in length")
    if workers is None:
        workers = min(os.cpu_count() or 1, _MAX_WORKERS)
    workers = max(1, min(int(workers), n // (_PARALLEL_MIN // 2) or 1)) if n >= _PARALLEL_MIN else 1
    if workers == 1:
        return _assign(pset, px, py, progress, _MAX_PAIRS)

    bounds = np.linspace(0, n, workers + 1).astype(np.int64)
    done = [0.0] * workers
    stop = threading.Event()

    def run(w):
        def mark(fraction):
            done[w] = fraction
            if stop.is_set():
                raise _StoppedError()

        sl = slice(int(bounds[w]), int(bounds[w + 1]))
        return _assign(pset, px[sl], py[sl], mark, _MAX_PAIRS // workers)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run, w) for w in range(workers)]
        try:
            pending = futures
            while pending:
                _finished, pending = wait(futures, timeout=0.05)
                if any(f.exception() is not None for f in _finished):
                    break
                if progress is not None:
                    progress(min(done))
            parts = [f.result() for f in futures]  # raises a worker's error
        except BaseException:
            stop.set()
            wait(futures)
            raise
    return tuple(np.concatenate(arrays) for arrays in zip(*parts))


def _assign(pset, px, py, progress, max_pairs):
    """assign_points for one run of points, in this thread."""
    n = len(px)
    valid = np.isfinite(px) & np.isfinite(py)
    inside_idx = np.full(n, -1, dtype=np.int32)
    boundary_idx = np.full(n, -1, dtype=np.int32)
    n_interior = np.zeros(n, dtype=np.int16)

    valid_ids = np.flatnonzero(valid)
    order = valid_ids[np.argsort(px[valid_ids], kind="stable")]
    sorted_x = px[order]
    npoly = len(pset)
    for k in range(npoly):
        xmin, ymin, xmax, ymax = pset.bboxes[k]
        if pset.offsets[k + 1] > pset.offsets[k] and len(order):
            lo = np.searchsorted(sorted_x, xmin, side="left")
            hi = np.searchsorted(sorted_x, xmax, side="right")
            strip = order[lo:hi]
            ys = py[strip]
            cand = strip[(ys >= ymin) & (ys <= ymax)]
            if len(cand):
                cand = cand[np.argsort(py[cand], kind="stable")]
                interior, on_boundary = _classify_candidates(pset, k, px[cand], py[cand], max_pairs)
                hit = cand[interior]
                n_interior[hit] += 1
                hit = hit[inside_idx[hit] < 0]
                inside_idx[hit] = k
                hit = cand[on_boundary]
                hit = hit[boundary_idx[hit] < 0]
                boundary_idx[hit] = k
        if progress is not None:
            progress((k + 1) / max(npoly, 1))

    status = np.full(n, OUTSIDE, dtype=np.uint8)
    index = inside_idx.copy()
    is_boundary = (inside_idx < 0) & (boundary_idx >= 0)
    index[is_boundary] = boundary_idx[is_boundary]
    status[inside_idx >= 0] = INSIDE
    status[is_boundary] = BOUNDARY
    status[~valid] = NO_GEOMETRY
    return index, status, n_interior


def assign_by_id(px, py, rings, ids, progress=None, tolerance=0.0):
    """:func:`assign_points` with the polygons ``rings`` ordered by their ``ids`` (as given, e.g. text): a point on
    a shared border or in an overlap goes to the smallest id, whatever the order of the features. ``tolerance`` > 0:
    points that near a border count as on it (:func:`snap_to_boundary`, for reprojected points). Returns
    ``(index, status, n_interior)`` with ``index`` the position in ``rings``/``ids`` (-1: none)."""
    priority = sorted(range(len(ids)), key=lambda i: ids[i])
    pset = PolygonSet([rings[i] for i in priority])
    sorted_index, status, n_interior = assign_points(px, py, pset, progress=progress)
    if tolerance > 0:
        sorted_index, status = snap_to_boundary(px, py, pset, sorted_index, status, tolerance)
    order = np.asarray(priority, dtype=np.int64)
    index = np.where(sorted_index >= 0, order[np.maximum(sorted_index, 0)], -1) if len(order) else \
        np.full(len(sorted_index), -1, dtype=np.int64)
    return index, status, n_interior


def _near_edges(pset, k, cx, cy, tolerance, max_pairs=_MAX_PAIRS):
    """True for the candidate points (sorted by y) within ``tolerance`` of an edge of quartier ``k``."""
    near = np.zeros(len(cx), dtype=bool)
    start, stop = pset.offsets[k], pset.offsets[k + 1]
    ex0, ey0 = pset.x0[start:stop], pset.y0[start:stop]
    ex1, ey1 = pset.x1[start:stop], pset.y1[start:stop]
    lo = np.searchsorted(cy, np.minimum(ey0, ey1) - tolerance, side="left")
    hi = np.searchsorted(cy, np.maximum(ey0, ey1) + tolerance, side="right")
    counts = hi - lo
    step = max(1, int(max_pairs // max(1, int(counts.max()) if len(counts) else 1)))
    for edge_start in range(0, len(counts), step):
        sel = slice(edge_start, edge_start + step)
        c = counts[sel]
        total = int(c.sum())
        if not total:
            continue
        edge = np.repeat(np.arange(edge_start, edge_start + len(c)), c)
        first = np.cumsum(c) - c
        point = np.arange(total) - np.repeat(first, c) + np.repeat(lo[sel], c)
        ax, ay, bx, by = ex0[edge], ey0[edge], ex1[edge], ey1[edge]
        qx, qy = cx[point], cy[point]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(np.where(length2 > 0, ((qx - ax) * dx + (qy - ay) * dy) / length2, 0.0), 0.0, 1.0)
        ddx, ddy = qx - (ax + t * dx), qy - (ay + t * dy)
        near[point[ddx * ddx + ddy * ddy <= tolerance * tolerance]] = True
    return near


def snap_to_boundary(px, py, polygons, index, status, tolerance):
    """Points within ``tolerance`` of a quartier's border count as on it (:data:`BOUNDARY`), going to the first
    quartier in priority order among those whose border is that near and the one whose interior holds the point.

    For points that were reprojected: a point exactly on a border in its own CRS lands a few nanometres to millimetres
    off it in the quartiers' CRS; with a tolerance above that shift (e.g. 1 mm) the border rule gives the same
    quartier as without reprojection. ``index``/``status``: from :func:`assign_points` (the same ``polygons``);
    returns new arrays."""
    pset = polygons if isinstance(polygons, PolygonSet) else PolygonSet(polygons)
    px = np.asarray(px, dtype=np.float64)
    py = np.asarray(py, dtype=np.float64)
    index, status = np.array(index, copy=True), np.array(status, copy=True)
    todo = np.flatnonzero((status == INSIDE) | (status == OUTSIDE))
    if not len(todo) or not tolerance > 0:
        return index, status
    best = np.full(len(px), -1, dtype=np.int64)
    order = todo[np.argsort(px[todo], kind="stable")]
    sorted_x = px[order]
    for k in range(len(pset)):
        if pset.offsets[k + 1] == pset.offsets[k]:
            continue
        xmin, ymin, xmax, ymax = pset.bboxes[k]
        lo = np.searchsorted(sorted_x, xmin - tolerance, side="left")
        hi = np.searchsorted(sorted_x, xmax + tolerance, side="right")
        strip = order[lo:hi]
        ys = py[strip]
        cand = strip[(ys >= ymin - tolerance) & (ys <= ymax + tolerance) & (best[strip] < 0)]
        if len(cand):
            cand = cand[np.argsort(py[cand], kind="stable")]
            best[cand[_near_edges(pset, k, px[cand], py[cand], tolerance)]] = k
    hit = best >= 0
    index[hit] = np.where((status[hit] == INSIDE) & (index[hit] >= 0), np.minimum(index[hit], best[hit]), best[hit])
    status[hit] = BOUNDARY
    return index, status


def duplicate_mask(px, py):
    """True for every point whose coordinates equal those of another point (NaN points are never duplicates)."""
    px = np.asarray(px, dtype=np.float64)
    py = np.asarray(py, dtype=np.float64)
    dup = np.zeros(len(px), dtype=bool)
    ids = np.flatnonzero(np.isfinite(px) & np.isfinite(py))
    if len(ids) < 2:
        return dup
    # Only points sharing their x with another can be duplicates: sort by x, keep those runs, then sort them by y.
    by_x = ids[np.argsort(px[ids])]
    sx = px[by_x]
    same_x = np.zeros(len(by_x), dtype=bool)
    same_x[1:] = sx[1:] == sx[:-1]
    same_x[:-1] |= same_x[1:]
    ids = by_x[same_x]
    if len(ids) < 2:
        return dup
    order = ids[np.lexsort((py[ids], px[ids]))]
    sx, sy = px[order], py[order]
    same = (sx[1:] == sx[:-1]) & (sy[1:] == sy[:-1])
    dup[order[1:][same]] = True
    dup[order[:-1][same]] = True
    return dup


def sum_by_index(index, n_groups, weights=None):
    """Sum of ``weights`` (or counts) per group index; indices < 0 are left out; NaN weights count as 0."""
    index = np.asarray(index)
    keep = index >= 0
    if weights is None:
        return np.bincount(index[keep], minlength=n_groups)[:n_groups].astype(np.int64)
    w = np.asarray(weights, dtype=np.float64)[keep]
    w = np.where(np.isfinite(w), w, 0.0)
    return np.bincount(index[keep], weights=w, minlength=n_groups)[:n_groups]
