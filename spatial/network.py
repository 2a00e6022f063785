"""Distances along a line network (paths and roads) in numpy, with scipy's Dijkstra where present (no QGIS).

The network is given as plain coordinate arrays (:func:`build_network`): the vertices of every line part, one part
after the other. Vertices that are equal up to ``snap`` (coordinates rounded to a grid of that size, e.g. 1 cm) are
one node; every straight piece between two consecutive vertices of a part is a segment. Two lines meet where they
share a vertex (a crossing without a shared vertex is a bridge or a tunnel: no junction).

Points (addresses, offerings) are joined to their nearest segment (:func:`snap_to_segments`, a grid of buckets over
the segments, exact): the point's foot on the segment splits it, and the straight connection from the point to its
foot is counted as part of every distance (its length is the point's *access* distance). :func:`build_graph` makes
the graph of network nodes, feet and points (a point is a leaf hanging on its foot, so no path runs through it);
:func:`shortest_distances` runs one multi-source Dijkstra (all offerings of a kind as sources at once) or a bounded
one (``limit``): scipy's ``csgraph.dijkstra`` where scipy is installed, else our own heap-based Dijkstra (the same
result). Unreached nodes get ``inf``.
"""

import heapq
import math

import numpy as np

# Vertices equal up to this many metres are one node.
SNAP_M = 0.01
# A point farther than this from the network is reported (its straight connection still counts).
ACCESS_LIMIT_M = 500.0
_MAX_PAIRS = 2_000_000
_MAX_CELLS_PER_AXIS = 2048


class Network:
    """The segments of a line network: end nodes ``a``, ``b`` (int), end coordinates ``ax, ay, bx, by`` and
    ``length``; ``n_nodes`` network nodes."""

    def __init__(self, n_nodes, a, b, ax, ay, bx, by):
        self.n_nodes = int(n_nodes)
        self.a, self.b = a, b
        self.ax, self.ay, self.bx, self.by = ax, ay, bx, by
        self.length = np.hypot(bx - ax, by - ay)

    @property
    def n_segments(self):
        return len(self.a)


def build_network(x, y, part_start, snap):
    """The :class:`Network` of line parts whose vertices are ``x[part_start[k]:part_start[k + 1]]`` (and ``y``);
    ``snap``: vertices whose coordinates round to the same multiple of ``snap`` are one node. Vertices with NaN
    coordinates and segments of zero length (both ends one node) are left out."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    part_start = np.asarray(part_start, dtype=np.int64)
    n = len(x)
    empty = np.zeros(0)
    if n < 2:
        return Network(0, np.zeros(0, np.int64), np.zeros(0, np.int64), empty, empty, empty, empty)
    valid = np.isfinite(x) & np.isfinite(y)
    kx = np.where(valid, np.round(np.where(valid, x, 0.0) / snap), 0).astype(np.int64)
    ky = np.where(valid, np.round(np.where(valid, y, 0.0) / snap), 0).astype(np.int64)
    keys = np.stack([kx[valid], ky[valid]], axis=1)
    node = np.full(n, -1, dtype=np.int64)
    if len(keys):
        _unique, inverse = np.unique(keys, axis=0, return_inverse=True)
        node[valid] = inverse.ravel()
    n_nodes = int(node.max()) + 1 if len(keys) else 0
    # a segment from vertex i to i + 1 unless i + 1 starts a new part
    first = np.zeros(n, dtype=bool)
    first[part_start[(part_start >= 0) & (part_start < n)]] = True
    i = np.flatnonzero(~first[1:])
    keep = (node[i] >= 0) & (node[i + 1] >= 0) & (node[i] != node[i + 1])
    i = i[keep]
    return Network(n_nodes, node[i], node[i + 1], x[i], y[i], x[i + 1], y[i + 1])


class _SegmentGrid:
    """Segments bucketed by the grid cells their bounding boxes overlap (CSR by cell, row-major)."""

    def __init__(self, net):
        x0 = min(float(net.ax.min()), float(net.bx.min()))
        y0 = min(float(net.ay.min()), float(net.by.min()))
        x1 = max(float(net.ax.max()), float(net.bx.max()))
        y1 = max(float(net.ay.max()), float(net.by.max()))
        width, height = x1 - x0, y1 - y0
        m = net.n_segments
        h = max(math.sqrt(width * height / m) if width > 0 and height > 0 else max(width, height) / m,
                0.5 * float(np.mean(net.length)), max(width, height) / _MAX_CELLS_PER_AXIS)
        if not h > 0:
            h = 1.0
        self.x0, self.y0, self.h = x0, y0, h
        self.nx = int(width // h) + 1
        self.ny = int(height // h) + 1
        ix0 = self._ix(np.minimum(net.ax, net.bx))
        ix1 = self._ix(np.maximum(net.ax, net.bx))
        iy0 = self._iy(np.minimum(net.ay, net.by))
        iy1 = self._iy(np.maximum(net.ay, net.by))
        wx, wy = ix1 - ix0 + 1, iy1 - iy0 + 1
        count = wx * wy
        seg = np.repeat(np.arange(m, dtype=np.int64), count)
        local = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
        cell = (iy0[seg] + local // wx[seg]) * self.nx + ix0[seg] + local % wx[seg]
        order = np.argsort(cell, kind="stable")
        self.segments = seg[order]
        self.start = np.concatenate([[0], np.cumsum(np.bincount(cell, minlength=self.nx * self.ny))])

    def _ix(self, x):
        return np.minimum(((x - self.x0) // self.h).astype(np.int64), self.nx - 1)

    def _iy(self, y):
        return np.minimum(((y - self.y0) // self.h).astype(np.int64), self.ny - 1)

    def ranges(self, cx, cy, k):
        """For each query cell (cx, cy) and half-width k (arrays), the slices of ``segments`` of the box's rows:
        ``(query position, lo, hi)`` one per (query, row)."""
        x_lo = np.maximum(cx - k, 0)
        x_hi = np.minimum(cx + k, self.nx - 1)
        y_lo = np.maximum(cy - k, 0)
        y_hi = np.minimum(cy + k, self.ny - 1)
        rows = np.where((x_lo <= x_hi) & (y_lo <= y_hi), y_hi - y_lo + 1, 0)
        q = np.repeat(np.arange(len(cx), dtype=np.int64), rows)
        row = y_lo[q] + np.arange(int(rows.sum()), dtype=np.int64) - np.repeat(np.cumsum(rows) - rows, rows)
        lo = self.start[row * self.nx + x_lo[q]]
        hi = self.start[row * self.nx + x_hi[q] + 1]
        return q, lo, hi


def _foot(px, py, net, seg):
    """Fraction t along each segment of the foot of the perpendicular (clipped to the segment) and squared
    distance."""
    ax, ay = net.ax[seg], net.ay[seg]
    dx, dy = net.bx[seg] - ax, net.by[seg] - ay
    l2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(l2 > 0, ((px - ax) * dx + (py - ay) * dy) / np.where(l2 > 0, l2, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    ex, ey = ax + t * dx - px, ay + t * dy - py
    return t, ex * ex + ey * ey


def _best_in_boxes(px, py, cx, cy, k, grid, net):
    """Nearest segment among the boxes of half-width ``k`` around each query: (segment or -1, t, distance²)."""
    nq = len(px)
    best_seg = np.full(nq, -1, dtype=np.int64)
    best_t = np.zeros(nq)
    best_d2 = np.full(nq, np.inf)
    q, lo, hi = grid.ranges(cx, cy, k)
    lengths = hi - lo
    if not len(lengths):
        return best_seg, best_t, best_d2
    # batches of (query, row) ranges holding at most about _MAX_PAIRS pairs
    cum = np.cumsum(lengths)
    cuts = np.searchsorted(cum, np.arange(_MAX_PAIRS, int(cum[-1]) + _MAX_PAIRS, _MAX_PAIRS), side="right")
    starts = np.unique(np.concatenate([[0], cuts, [len(lengths)]]))
    for s, e in zip(starts[:-1], starts[1:]):
        ln = lengths[s:e]
        total = int(ln.sum())
        if total == 0:
            continue
        pos = np.arange(total, dtype=np.int64) + np.repeat(lo[s:e] - (np.cumsum(ln) - ln), ln)
        pq = np.repeat(q[s:e], ln)
        seg = grid.segments[pos]
        _t, d2 = _foot(px[pq], py[pq], net, seg)
        # pq is sorted (queries in order): per query the smallest distance, then the smallest segment index
        heads = np.flatnonzero(np.concatenate([[True], pq[1:] != pq[:-1]]))
        group = np.repeat(np.arange(len(heads)), np.diff(np.append(heads, len(pq))))
        d2_min = np.minimum.reduceat(d2, heads)
        seg = np.minimum.reduceat(np.where(d2 == d2_min[group], seg, np.iinfo(np.int64).max), heads)
        pq, d2 = pq[heads], d2_min
        t, _d2 = _foot(px[pq], py[pq], net, seg)
        better = (d2 < best_d2[pq]) | ((d2 == best_d2[pq]) & (seg < best_seg[pq]))
        pq, seg, t, d2 = pq[better], seg[better], t[better], d2[better]
        best_seg[pq], best_t[pq], best_d2[pq] = seg, t, d2
    return best_seg, best_t, best_d2


def snap_to_segments(px, py, net, progress=None):
    """The nearest segment of ``net`` to each point (ties: the smallest segment index), exactly, with a grid of
    buckets over the segments (no all-pairs search). Returns ``(segment, t, access)``: the segment's index (-1 for a
    point with NaN coordinates or an empty network), the fraction along it (from ``a`` to ``b``) of the point's foot
    and the straight distance from the point to its foot (NaN where no segment)."""
    px = np.asarray(px, dtype=np.float64)
    py = np.asarray(py, dtype=np.float64)
    n = len(px)
    seg_out = np.full(n, -1, dtype=np.int64)
    t_out = np.zeros(n)
    d_out = np.full(n, np.nan)
    todo = np.flatnonzero(np.isfinite(px) & np.isfinite(py))
    if net.n_segments == 0 or not len(todo):
        return seg_out, t_out, d_out
    grid = _SegmentGrid(net)
    cx = np.floor((px[todo] - grid.x0) / grid.h).astype(np.int64)
    cy = np.floor((py[todo] - grid.y0) / grid.h).astype(np.int64)
    # start where the box first touches the grid
    k = np.maximum.reduce([np.zeros(len(todo), np.int64), -cx, cx - (grid.nx - 1), -cy, cy - (grid.ny - 1)])
    done = 0
    while len(todo):
        seg, t, d2 = _best_in_boxes(px[todo], py[todo], cx, cy, k, grid, net)
        found = seg >= 0
        # a segment outside the box of half-width K is farther than K * h from the point: widen once to
        # ceil(best / h) where the best found is farther than that, which makes it exact
        k2 = np.where(found, np.ceil(np.sqrt(d2) / grid.h), 0).astype(np.int64)
        widen = found & (k2 > k)
        if widen.any():
            w = np.flatnonzero(widen)
            s2, t2, dd2 = _best_in_boxes(px[todo[w]], py[todo[w]], cx[w], cy[w], k2[w], grid, net)
            seg[w], t[w], d2[w] = s2, t2, dd2
        ok = todo[found]
        seg_out[ok], t_out[ok], d_out[ok] = seg[found], t[found], np.sqrt(d2[found])
        done += int(found.sum())
        todo, cx, cy, k = todo[~found], cx[~found], cy[~found], np.maximum(2 * k[~found], k[~found] + 1)
        if progress is not None:
            progress(done / max(n, 1))
    return seg_out, t_out, d_out


class Graph:
    """An undirected weighted graph in CSR form (both directions stored): ``indptr``, ``indices``, ``weights``;
    ``leaves``: for each point set given to :func:`build_graph` the node of each point (-1: not joined)."""

    def __init__(self, n_nodes, indptr, indices, weights, leaves):
        self.n_nodes = n_nodes
        self.indptr, self.indices, self.weights = indptr, indices, weights
        self.leaves = leaves


def build_graph(net, joins):
    """The graph of ``net`` with points joined: ``joins`` is a list of ``(segment, t, access)`` as returned by
    :func:`snap_to_segments`, one per point set. Each joined point adds a foot node on its segment (the segment is
    split at its feet, in order along it) and a leaf node connected to its foot by an edge of length ``access``.
    Of several edges between the same two nodes only the shortest is kept."""
    nn = net.n_nodes
    seg = np.concatenate([np.asarray(j[0], dtype=np.int64) for j in joins]) if joins else np.zeros(0, np.int64)
    t = np.concatenate([np.asarray(j[1], dtype=np.float64) for j in joins]) if joins else np.zeros(0)
    acc = np.concatenate([np.asarray(j[2], dtype=np.float64) for j in joins]) if joins else np.zeros(0)
    joined = np.flatnonzero(seg >= 0)
    ne = len(joined)
    foot = nn + np.arange(ne, dtype=np.int64)
    leaf_of = np.full(len(seg), -1, dtype=np.int64)
    leaf_of[joined] = nn + ne + np.arange(ne, dtype=np.int64)
    m = net.n_segments
    # stops along each segment: its two ends and the feet on it, sorted by t
    stop_seg = np.concatenate([np.arange(m), np.arange(m), seg[joined]])
    stop_t = np.concatenate([np.zeros(m), np.ones(m), t[joined]])
    stop_node = np.concatenate([net.a, net.b, foot])
    end_rank = np.concatenate([np.zeros(m), np.full(m, 2.0), np.ones(ne)])  # a first, b last at equal t
    order = np.lexsort((end_rank, stop_t, stop_seg))
    stop_seg, stop_t, stop_node = stop_seg[order], stop_t[order], stop_node[order]
    same = stop_seg[1:] == stop_seg[:-1]
    u = np.concatenate([stop_node[:-1][same], foot])
    v = np.concatenate([stop_node[1:][same], leaf_of[joined]])
    w = np.concatenate([(stop_t[1:] - stop_t[:-1])[same] * net.length[stop_seg[1:][same]], acc[joined]])
    w = np.maximum(w, 0.0)  # zero-length edges stay edges (explicit zeros are edges for scipy's csgraph)
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    order = np.lexsort((w, hi, lo))
    lo, hi, w = lo[order], hi[order], w[order]
    first = np.concatenate([[True], (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])]) if len(lo) else np.zeros(0, bool)
    lo, hi, w = lo[first], hi[first], w[first]
    src = np.concatenate([lo, hi])
    dst = np.concatenate([hi, lo])
    ww = np.concatenate([w, w])
    n_nodes = nn + 2 * ne
    order = np.argsort(src, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=n_nodes))]).astype(np.int64)
    leaves, k = [], 0
    for j in joins:
        leaves.append(leaf_of[k:k + len(j[0])])
        k += len(j[0])
    return Graph(n_nodes, indptr, dst[order].astype(np.int64), ww[order], leaves)


def _scipy_dijkstra():
    try:
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
    except ImportError:
        return None
    return csr_matrix, dijkstra


def dijkstra_heap(graph, sources, limit=np.inf):
    """Our own Dijkstra (heapq) from all ``sources`` at once: the distance of every node to its nearest source
    (``inf`` when unreached or farther than ``limit``)."""
    indptr = graph.indptr.tolist()
    indices = graph.indices.tolist()
    weights = graph.weights.tolist()
    dist = [math.inf] * graph.n_nodes
    heap = []
    for s in np.asarray(sources, dtype=np.int64).tolist():
        if dist[s] > 0.0:
            dist[s] = 0.0
            heap.append((0.0, s))
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        d, u = pop(heap)
        if d > dist[u]:
            continue
        for k in range(indptr[u], indptr[u + 1]):
            nd = d + weights[k]
            v = indices[k]
            if nd < dist[v] and nd <= limit:
                dist[v] = nd
                push(heap, (nd, v))
    return np.asarray(dist, dtype=np.float64)


def shortest_distances(graph, sources, limit=np.inf, use_scipy=True):
    """Distance of every node of ``graph`` to the nearest of ``sources`` (node ids), in one pass: scipy's
    ``csgraph.dijkstra(min_only=True, indices=sources)`` where scipy is installed (and ``use_scipy``), else
    :func:`dijkstra_heap`. ``limit``: nodes farther than that are left unreached. Unreached: ``inf``."""
    sources = np.unique(np.asarray(sources, dtype=np.int64))
    if not len(sources) or graph.n_nodes == 0:
        return np.full(graph.n_nodes, np.inf)
    scipy_parts = _scipy_dijkstra() if use_scipy else None
    if scipy_parts is None:
        return dijkstra_heap(graph, sources, limit)
    csr_matrix, dijkstra = scipy_parts
    matrix = csr_matrix((graph.weights, graph.indices, graph.indptr), shape=(graph.n_nodes, graph.n_nodes))
    limit = float(limit) if np.isfinite(limit) else np.inf
    dist = dijkstra(matrix, directed=True, indices=sources, min_only=True, limit=limit)
    return np.asarray(dist, dtype=np.float64)


def network_distances(net, points, offerings, groups=(None,), snap_progress=None, use_scipy=True):
    """Distance along ``net`` from every point to the nearest offering, one multi-source pass per group.

    ``points``, ``offerings``: ``(x, y)`` arrays; ``groups``: boolean masks over the offerings (None: all).
    Returns ``(distances, point_access, offering_access)``: one array per group (``inf`` where no offering of the
    group is reached, NaN for a point without coordinates), and the points' and offerings' straight connection
    lengths (NaN when not joined). The connections of both ends are part of every distance."""
    p_join = snap_to_segments(points[0], points[1], net, snap_progress)
    o_join = snap_to_segments(offerings[0], offerings[1], net)
    graph = build_graph(net, [p_join, o_join])
    p_leaf, o_leaf = graph.leaves
    out = []
    for mask in groups:
        chosen = o_leaf if mask is None else o_leaf[np.asarray(mask, dtype=bool)]
        dist_nodes = shortest_distances(graph, chosen[chosen >= 0], use_scipy=use_scipy)
        dist = np.full(len(p_leaf), np.nan)
        dist[p_leaf >= 0] = dist_nodes[p_leaf[p_leaf >= 0]]
        out.append(dist)
    return out, p_join[2], o_join[2]
