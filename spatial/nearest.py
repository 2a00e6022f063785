"""Nearest-neighbour distances and coverage statistics in numpy (no QGIS, no scipy).

:func:`nearest` finds, for every query point, the nearest target point (straight-line, in the units of the
coordinates) with a uniform grid of buckets over the targets:

1. the targets are sorted into cells of side ``h`` (about four targets a cell) and indexed like a CSR matrix, so
   that the targets of a row of cells are one contiguous slice; a summed-area table counts the targets of any box
   of cells in O(1);
2. the queries are grouped by their cell (cells outside the target grid included); for each group the smallest box of
   (2K+1)² cells around it holding a target is found by doubling and bisection on the summed-area table, the group's
   exact minimum over the box's targets is computed, and the box is widened once to ``ceil(best / h)`` cells where
   that is larger: a target outside a box of half-width K cells is farther than ``K * h`` from every point of the
   centre cell, so the answer is exact.

Ties go to the smallest target index. Queries with NaN coordinates get distance NaN and index -1; when there is no
target at all every distance is ``inf``.

:func:`coverage_by_group` turns the distances into the per-quartier figures of ``offeringcoverage``.
"""

import math

import numpy as np

# Query x candidate pairs per numpy batch (about 24 bytes a pair): bounds temporary memory to some 50 MB.
_MAX_PAIRS = 2_000_000
_TARGETS_PER_CELL = 4.0
_MAX_CELLS_PER_AXIS = 4096


class _Grid:
    def __init__(self, tx, ty, n_queries):
        m = len(tx)
        self.x0, self.y0 = float(tx.min()), float(ty.min())
        width = max(float(tx.max()) - self.x0, 0.0)
        height = max(float(ty.max()) - self.y0, 0.0)
        # Enough cells for about four targets each, but not (much) more cells than query groups can use.
        n_cells = max(1.0, min(m / _TARGETS_PER_CELL, max(n_queries, 1) / 8.0))
        if width > 0 and height > 0:
            h = math.sqrt(width * height / n_cells)
        else:
            h = max(width, height) / n_cells
        if not h > 0:
            h = 1.0
        h = max(h, max(width, height) / _MAX_CELLS_PER_AXIS)
        self.h = h
        self.nx = int(width // h) + 1
        self.ny = int(height // h) + 1
        ix = np.minimum(((tx - self.x0) // h).astype(np.int64), self.nx - 1)
        iy = np.minimum(((ty - self.y0) // h).astype(np.int64), self.ny - 1)
        cell = iy * self.nx + ix
        # Stable: targets of one cell keep their index order.
        self.order = np.argsort(cell, kind="stable")
        counts = np.bincount(cell, minlength=self.nx * self.ny)
        self.start = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        grid = counts.reshape(self.ny, self.nx)
        self.sat = np.zeros((self.ny + 1, self.nx + 1), dtype=np.int64)
        self.sat[1:, 1:] = grid.cumsum(axis=0).cumsum(axis=1)
        self.tx = tx[self.order]
        self.ty = ty[self.order]

    def cell_of(self, x, y):
        return (np.floor((x - self.x0) / self.h).astype(np.int64), np.floor((y - self.y0) / self.h).astype(np.int64))

    def _clip(self, ix, iy, k):
        return (max(ix - k, 0), min(ix + k, self.nx - 1), max(iy - k, 0), min(iy + k, self.ny - 1))

    def box_count(self, ix, iy, k):
        x0, x1, y0, y1 = self._clip(ix, iy, k)
        if x0 > x1 or y0 > y1:
            return 0
        s = self.sat
        return int(s[y1 + 1, x1 + 1] - s[y0, x1 + 1] - s[y1 + 1, x0] + s[y0, x0])

    def smallest_box(self, ix, iy):
        """Smallest K such that the box of half-width K around cell (ix, iy) holds a target."""
        # Cells between the query cell and the grid hold nothing: start where the box first touches the grid.
        k = max(0, -ix, ix - (self.nx - 1), -iy, iy - (self.ny - 1))
        if self.box_count(ix, iy, k):
            return k
        step = 1
        while not self.box_count(ix, iy, k + step):
            step *= 2
        lo, hi = k + step // 2, k + step  # box(lo) may be empty, box(hi) is not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.box_count(ix, iy, mid):
                hi = mid
            else:
                lo = mid
        return hi

    def box_targets(self, ix, iy, k):
        """Positions (into the cell-sorted arrays) of the targets in the box."""
        x0, x1, y0, y1 = self._clip(ix, iy, k)
        if x0 > x1 or y0 > y1:
            return np.zeros(0, dtype=np.int64)
        rows = np.arange(y0, y1 + 1, dtype=np.int64)
        lo = self.start[rows * self.nx + x0]
        hi = self.start[rows * self.nx + x1 + 1]
        lengths = hi - lo
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int64)
        offsets = np.repeat(lo - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        return np.arange(total, dtype=np.int64) + offsets


def _min_over(qx, qy, cx, cy, cand_index):
    """Nearest candidate for each query (ties → smallest ``cand_index``); returns (distance², index)."""
    order = np.argsort(cand_index, kind="stable")
    cx, cy, cand_index = cx[order], cy[order], cand_index[order]
    best_d2 = np.empty(len(qx))
    best_i = np.empty(len(qx), dtype=np.int64)
    batch = max(1, _MAX_PAIRS // max(len(cx), 1))
    for s in range(0, len(qx), batch):
        dx = qx[s:s + batch, None] - cx[None, :]
        dy = qy[s:s + batch, None] - cy[None, :]
        d2 = dx * dx + dy * dy
        arg = np.argmin(d2, axis=1)
        best_d2[s:s + batch] = d2[np.arange(len(arg)), arg]
        best_i[s:s + batch] = cand_index[arg]
    return best_d2, best_i


def nearest(qx, qy, tx, ty, progress=None):
    """Distance from each query point to the nearest target point, and that target's index.

    ``progress(fraction)`` is called now and then; it may raise to cancel. Returns ``(distance, index)``.
    """
    qx = np.asarray(qx, dtype=np.float64)
    qy = np.asarray(qy, dtype=np.float64)
    tx = np.asarray(tx, dtype=np.float64)
    ty = np.asarray(ty, dtype=np.float64)
    n = len(qx)
    dist = np.full(n, np.nan)
    index = np.full(n, -1, dtype=np.int64)
    qvalid = np.isfinite(qx) & np.isfinite(qy)
    tvalid = np.flatnonzero(np.isfinite(tx) & np.isfinite(ty))
    if len(tvalid) == 0:
        dist[qvalid] = np.inf
        return dist, index
    grid = _Grid(tx[tvalid], ty[tvalid], int(qvalid.sum()))
    target_id = tvalid[grid.order]  # original index of each cell-sorted target
    qids = np.flatnonzero(qvalid)
    if len(qids) == 0:
        return dist, index
    cix, ciy = grid.cell_of(qx[qids], qy[qids])
    # Group the queries by cell.
    key_order = np.lexsort((cix, ciy))
    qids, cix, ciy = qids[key_order], cix[key_order], ciy[key_order]
    change = np.flatnonzero((np.diff(cix) != 0) | (np.diff(ciy) != 0)) + 1
    bounds = np.concatenate([[0], change, [len(qids)]])
    n_groups = len(bounds) - 1
    every = max(1, n_groups // 100)
    for g in range(n_groups):
        a, b = bounds[g], bounds[g + 1]
        ix, iy = int(cix[a]), int(ciy[a])
        members = qids[a:b]
        k = grid.smallest_box(ix, iy)
        pos = grid.box_targets(ix, iy, k)
        d2, best = _min_over(qx[members], qy[members], grid.tx[pos], grid.ty[pos], target_id[pos])
        k2 = int(math.ceil(math.sqrt(float(d2.max())) / grid.h))
        if k2 > k:
            pos = grid.box_targets(ix, iy, k2)
            d2, best = _min_over(qx[members], qy[members], grid.tx[pos], grid.ty[pos], target_id[pos])
        dist[members] = np.sqrt(d2)
        index[members] = best
        if progress is not None and (g % every == 0 or g == n_groups - 1):
            progress((g + 1) / n_groups)
    return dist, index


def weighted_median_by_group(group, values, weights, n_groups):
    """Lower weighted median of ``values`` per group: the smallest value at which the cumulated weight (values in
    ascending order) reaches half of the group's total weight. NaN where a group has no positive weight.

    ``group``: int array (entries < 0 are left out); NaN values and weights ≤ 0 or NaN are left out.
    """
    group = np.asarray(group, dtype=np.int64)
    values = np.asarray(values, dtype=np.float64)
    weights = np.asarray(weights, dtype=np.float64)
    out = np.full(n_groups, np.nan)
    keep = (group >= 0) & ~np.isnan(values) & np.isfinite(weights) & (weights > 0)
    if not keep.any():
        return out
    g, v, w = group[keep], values[keep], weights[keep]
    order = np.lexsort((v, g))
    g, v, w = g[order], v[order], w[order]
    cw = np.cumsum(w)
    starts = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1]]))
    before = np.concatenate([[0.0], cw[starts[1:] - 1]])  # cumulated weight before each group
    group_of_start = g[starts]
    ends = np.concatenate([starts[1:], [len(g)]])
    totals = cw[ends - 1] - before
    run = np.repeat(np.arange(len(starts)), ends - starts)
    within = cw - before[run]
    half = totals[run] / 2.0
    reached = within >= half * (1.0 - 1e-12)
    hit = np.flatnonzero(reached)
    first_runs, first_pos = np.unique(run[hit], return_index=True)
    out[group_of_start[first_runs]] = v[hit[first_pos]]
    return out


def coverage_by_group(group, distance, weights, n_groups, max_distance):
    """Coverage figures per group (quartier) from each point's distance to the nearest offering.

    ``group``: group index of each point (-1: in no group); ``weights``: residents of each point (NaN or negative
    count as 0); ``distance``: distance to the nearest offering (``inf`` when there is none, NaN when unknown: such
    points count as residents, never as covered).

    Returns a dict of arrays (one value per group): ``pop_total``, ``pop_within`` (distance ≤ ``max_distance``),
    ``pop_far`` (= pop_total − pop_within), ``share_within`` (percent; NaN where pop_total is 0) and
    ``median_distance`` (population-weighted lower median; NaN where pop_total is 0, ``inf`` when the median
    resident has no offering at all).
    """
    group = np.asarray(group, dtype=np.int64)
    distance = np.asarray(distance, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    w = np.where(np.isfinite(w) & (w > 0), w, 0.0)
    keep = group >= 0
    pop_total = np.bincount(group[keep], weights=w[keep], minlength=n_groups)[:n_groups]
    near = keep & (distance <= max_distance)
    pop_within = np.bincount(group[near], weights=w[near], minlength=n_groups)[:n_groups]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(pop_total > 0, 100.0 * pop_within / np.where(pop_total > 0, pop_total, 1.0), np.nan)
    # Unknown distances (NaN) are treated as infinitely far for the median.
    dist_for_median = np.where(np.isnan(distance), np.inf, distance)
    median = weighted_median_by_group(group, dist_for_median, w, n_groups)
    return {
        "pop_total": pop_total,
        "pop_within": pop_within,
        "pop_far": pop_total - pop_within,
        "share_within": share,
        "median_distance": median,
    }


def pairs_within(ox, oy, px, py, max_distance):
    """Every pair (offering k, point i) with straight-line distance ≤ ``max_distance``, found with a grid of cells of
    side ``max_distance`` over the points (each offering looks at the 3 x 3 cells around its own; no all-pairs
    search). Returns ``(offering index, point index, distance)`` arrays sorted by offering, then point. NaN
    coordinates take part in no pair."""
    ox = np.asarray(ox, dtype=np.float64)
    oy = np.asarray(oy, dtype=np.float64)
    px = np.asarray(px, dtype=np.float64)
    py = np.asarray(py, dtype=np.float64)
    none = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    pvalid = np.flatnonzero(np.isfinite(px) & np.isfinite(py))
    ovalid = np.flatnonzero(np.isfinite(ox) & np.isfinite(oy))
    if not len(pvalid) or not len(ovalid) or not max_distance >= 0:
        return none
    x0, y0 = float(px[pvalid].min()), float(py[pvalid].min())
    width = float(px[pvalid].max()) - x0
    height = float(py[pvalid].max()) - y0
    h = max(float(max_distance), width / _MAX_CELLS_PER_AXIS, height / _MAX_CELLS_PER_AXIS, 1e-9)
    nx, ny = int(width // h) + 1, int(height // h) + 1
    ix = np.minimum(((px[pvalid] - x0) // h).astype(np.int64), nx - 1)
    iy = np.minimum(((py[pvalid] - y0) // h).astype(np.int64), ny - 1)
    order = np.argsort(iy * nx + ix, kind="stable")
    sorted_points = pvalid[order]
    start = np.concatenate([[0], np.cumsum(np.bincount(iy * nx + ix, minlength=nx * ny))])
    cx = np.floor((ox[ovalid] - x0) / h).astype(np.int64)
    cy = np.floor((oy[ovalid] - y0) / h).astype(np.int64)
    parts = []
    for dy in (-1, 0, 1):
        row = cy + dy
        lo_x, hi_x = np.maximum(cx - 1, 0), np.minimum(cx + 1, nx - 1)
        ok = (row >= 0) & (row < ny) & (lo_x <= hi_x)
        off = ovalid[ok]
        lo = start[row[ok] * nx + lo_x[ok]]
        hi = start[row[ok] * nx + hi_x[ok] + 1]
        lengths = hi - lo
        total = int(lengths.sum())
        if not total:
            continue
        pos = np.arange(total, dtype=np.int64) + np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
        k = np.repeat(off, lengths)
        i = sorted_points[pos]
        d = np.hypot(px[i] - ox[k], py[i] - oy[k])
        keep = d <= max_distance
        parts.append((k[keep], i[keep], d[keep]))
    if not parts:
        return none
    k, i, d = (np.concatenate([p[j] for p in parts]) for j in range(3))
    order = np.lexsort((i, k))
    return k[order], i[order], d[order]
