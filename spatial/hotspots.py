"""Hot spots: the logic of ``quartiersmonitor:hotspots`` (numpy only, no QGIS; scipy used when present).

Spatial weights from plain data, the local statistics and their inference, written to give the same numbers as
PySAL (``libpysal`` weights, ``esda.G_Local`` / ``esda.Moran_Local``) without needing it at run time:

- :func:`contiguity` — queen (polygons sharing at least one vertex) or rook (sharing an edge) contiguity from the
  polygons' rings as coordinate arrays, vertices matched exactly as libpysal's ``Queen`` / ``Rook`` do;
  :func:`knn` and :func:`distance_band` on points (the quartiers' centroids), as libpysal's ``KNN`` and binary
  ``DistanceBand`` (neighbours at a distance ``<=`` the threshold). All give :class:`Neighbours` (no self).
- :func:`gi_star` — Getis–Ord Gi* with binary weights and the quartier itself included (``esda.G_Local(y, w,
  transform="B", star=True)``): the analytical z-score ``Zs``, written in its shift-invariant form
  ``(S_i - W_i ȳ) / (s √(W_i (n - W_i) / (n - 1))))``, which equals esda's where the sum of the values is positive
  and stays right for values of any sign (empirical-Bayes rates).
- :func:`local_moran` — Anselin's local Moran's I with row-standardised weights (``esda.Moran_Local``): ``Is``, the
  quadrants ``q`` (1 HH, 2 LH, 3 LL, 4 HL) and a z-score standardised by the moments under conditional
  randomisation (Sokal et al. 1998, eqs. A7/A8; esda's ``EIc`` and ``VIc``, which are stated for
  ``I_i = z_i · lag_i / m2``: ``Is · n / (n - 1)`` in esda's scaling).
- :func:`pseudo_p` — pseudo p-values by conditional randomisation as esda's ``crand`` does it: one table of random
  neighbour ids shared by all quartiers, the quartier's own value held fixed, the count of simulated statistics at
  least as large folded to the nearer tail, ``(larger + 1) / (permutations + 1)``; vectorised (no Python loop per
  quartier and permutation), seeded.
- :func:`assuncao_rate` — empirical-Bayes standardised rates (Assunção & Reis 1999; ``esda.smoothing
  .assuncao_rate``); :func:`benjamini_hochberg` — false discovery rate adjusted p-values.
- :func:`hotspots` — all of it for one run: quartiers without a value are left out (never imputed), quartiers
  without neighbours among the others (islands) or with every other one as a neighbour get no statistic; all are
  named in the result; when none can be tested it is an error. :func:`analysis_values` names the rows whose
  numerator exceeds the denominator (analysed: a ratio has them).

Problems are raised as :class:`HotspotError` with a stable ``key`` and ``params`` that the algorithm turns into
translated text.
"""

from collections import namedtuple

import numpy as np

GI_STAR, LOCAL_MORAN = "gi_star", "local_moran"
METHODS = (GI_STAR, LOCAL_MORAN)
QUEEN, ROOK, KNN, DISTANCE = "queen", "rook", "knn", "distance"
WEIGHTS = (QUEEN, ROOK, KNN, DISTANCE)

HOT, COLD, NOT_SIGNIFICANT = "hot spot", "cold spot", "not significant"
HH, LH, LL, HL = "HH", "LH", "LL", "HL"
#: esda's quadrant numbers (``geoda_quads=False``) and their classes
QUADRANTS = {1: HH, 2: LH, 3: LL, 4: HL}
#: every class of ``hs_class`` by method, in legend order
CLASSES = {GI_STAR: (HOT, COLD, NOT_SIGNIFICANT), LOCAL_MORAN: (HH, LL, HL, LH, NOT_SIGNIFICANT)}

# quartiers per block of the vectorised permutations: block × permutations × neighbours ids at most this many
_BLOCK_CELLS = 4_000_000


class HotspotError(ValueError):
    """Inputs that cannot be analysed: ``key`` names the problem, ``params`` fill its message."""

    def __init__(self, key, **params):
        super().__init__(key, params)
        self.key = key
        self.params = params


class Neighbours:
    """Neighbour lists in compressed rows: the neighbours of ``i`` are ``indices[indptr[i]:indptr[i + 1]]``
    (sorted, never ``i`` itself)."""

    def __init__(self, n, indptr, indices):
        self.n = int(n)
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.indices = np.asarray(indices, dtype=np.int64)

    @classmethod
    def from_pairs(cls, n, a, b):
        """From the pairs ``(a[k], b[k])`` (``b[k]`` a neighbour of ``a[k]``); duplicates and self pairs dropped."""
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        keep = a != b
        a, b = a[keep], b[keep]
        if a.size:
            key = np.unique(a * n + b)
            a, b = key // n, key % n
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(a, minlength=n), out=indptr[1:])
        return cls(n, indptr, b)

    @property
    def cardinalities(self):
        return np.diff(self.indptr)

    @property
    def islands(self):
        """Rows without a neighbour."""
        return np.flatnonzero(self.cardinalities == 0)

    def lists(self):
        """``[[neighbours of 0], [neighbours of 1], …]``."""
        return [self.indices[self.indptr[i]:self.indptr[i + 1]].tolist() for i in range(self.n)]

    def subset(self, keep):
        """The neighbours among the rows ``keep`` (a boolean mask), renumbered 0 … keep.sum() - 1."""
        keep = np.asarray(keep, dtype=bool)
        new = np.full(self.n, -1, dtype=np.int64)
        new[keep] = np.arange(int(keep.sum()))
        rows = np.repeat(np.arange(self.n), self.cardinalities)
        ok = keep[rows] & keep[self.indices]
        return Neighbours.from_pairs(int(keep.sum()), new[rows[ok]], new[self.indices[ok]])

    def neighbour_sums(self, values):
        """``sum of values[j]`` over the neighbours ``j`` of every row."""
        values = np.asarray(values, dtype=np.float64)
        sums = np.zeros(self.n)
        rows = np.repeat(np.arange(self.n), self.cardinalities)
        np.add.at(sums, rows, values[self.indices])
        return sums


# -- weights ---------------------------------------------------------------------------------------------------------
def _closed(ring):
    ring = np.asarray(ring, dtype=np.float64)[:, :2]
    if len(ring) and not np.array_equal(ring[0], ring[-1]):
        ring = np.vstack([ring, ring[:1]])
    return ring


def _pairs_sharing(keys, owner):
    """Pairs of different owners holding an identical row of ``keys`` (both directions)."""
    if not len(owner):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    table = np.column_stack([keys, owner.astype(np.float64)])
    table = np.unique(table, axis=0)  # sorted by the key, then the owner; one row per (key, owner)
    keys, owner = table[:, :-1], table[:, -1].astype(np.int64)
    same_as_next = np.all(keys[1:] == keys[:-1], axis=1)
    starts = np.flatnonzero(np.concatenate([[True], ~same_as_next]))
    group = np.cumsum(np.concatenate([[True], ~same_as_next])) - 1
    position = np.arange(len(owner)) - starts[group]
    size = np.diff(np.append(starts, len(owner)))[group]
    a, b = [], []
    for step in range(1, int(size.max())):
        first = np.flatnonzero(position + step < size)
        a.append(owner[first])
        b.append(owner[first + step])
    if not a:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    a, b = np.concatenate(a), np.concatenate(b)
    return np.concatenate([a, b]), np.concatenate([b, a])


def contiguity(polygons, rook=False):
    """Queen (``rook=False``: at least one common vertex) or rook (a common edge) neighbours of ``polygons``: one
    list of rings ((m, 2) coordinate arrays, closed or not, every part and hole) per polygon. Coordinates are
    compared exactly, as libpysal does; a polygon without rings has no neighbours."""
    n = len(polygons)
    chunks, owners = [], []
    for i, rings in enumerate(polygons):
        for ring in rings:
            ring = _closed(ring)
            if len(ring) < 2:
                continue
            if rook:
                start, end = ring[:-1], ring[1:]
                swap = (end[:, 0] < start[:, 0]) | ((end[:, 0] == start[:, 0]) & (end[:, 1] < start[:, 1]))
                low = np.where(swap[:, None], end, start)
                high = np.where(swap[:, None], start, end)
                edges = np.column_stack([low, high])
                edges = edges[np.any(low != high, axis=1)]  # a repeated vertex is no edge
                chunks.append(edges)
                owners.append(np.full(len(edges), i, dtype=np.int64))
            else:
                chunks.append(ring)
                owners.append(np.full(len(ring), i, dtype=np.int64))
    if not chunks:
        return Neighbours.from_pairs(n, [], [])
    keys = np.concatenate(chunks) + 0.0  # -0.0 and 0.0 are the same coordinate
    a, b = _pairs_sharing(keys, np.concatenate(owners))
    return Neighbours.from_pairs(n, a, b)


def _points(x, y):
    points = np.column_stack([np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)])
    if not np.isfinite(points).all():
        raise HotspotError("no_centroid")
    return points


def _kdtree():
    """scipy's cKDTree when scipy is installed, else None (the numpy fallback is used)."""
    try:
        from scipy.spatial import cKDTree
    except ImportError:  # pragma: no cover - scipy ships with QGIS on most systems
        return None
    return cKDTree


def _row_blocks(n, columns):
    step = max(1, _BLOCK_CELLS // max(1, columns))
    return [(start, min(n, start + step)) for start in range(0, n, step)]


def knn(x, y, k, use_scipy=True):
    """The ``k`` nearest other points of every point (Euclidean), as libpysal's ``KNN`` (among points at equal
    distance from the k-th, which ones are taken is not defined, there as here). ``use_scipy=False`` forces the
    numpy path."""
    points = _points(x, y)
    n = len(points)
    k = int(k)
    if k < 1 or k >= n:
        raise HotspotError("knn_k", k=k, n=n)
    tree = _kdtree() if use_scipy else None
    if tree is not None:
        _dist, found = tree(points).query(points, k=k + 1)
        # drop the point itself (among coincident points it may be missing: then the farthest is dropped)
        is_self = (found == np.arange(n)[:, None]).astype(np.int8)
        keep = np.take_along_axis(found, np.argsort(is_self, axis=1, kind="stable"), axis=1)[:, :k]
        return Neighbours.from_pairs(n, np.repeat(np.arange(n), k), keep.ravel())
    a, b = [], []
    px, py = points[:, 0], points[:, 1]
    for start, stop in _row_blocks(n, n):
        d2 = (px[start:stop, None] - px[None, :]) ** 2 + (py[start:stop, None] - py[None, :]) ** 2
        d2[np.arange(stop - start), np.arange(start, stop)] = np.inf
        nearest = np.argpartition(d2, k - 1, axis=1)[:, :k]
        a.append(np.repeat(np.arange(start, stop), k))
        b.append(nearest.ravel())
    return Neighbours.from_pairs(n, np.concatenate(a), np.concatenate(b))


def distance_band(x, y, threshold, use_scipy=True):
    """Every other point within ``threshold`` (distance ``<=`` threshold), as libpysal's binary ``DistanceBand``."""
    points = _points(x, y)
    n = len(points)
    threshold = float(threshold)
    if not threshold > 0:
        raise HotspotError("distance", distance=threshold)
    tree = _kdtree() if use_scipy else None
    if tree is not None:
        pairs = tree(points).query_pairs(threshold, output_type="ndarray")
        return Neighbours.from_pairs(n, np.concatenate([pairs[:, 0], pairs[:, 1]]),
                                     np.concatenate([pairs[:, 1], pairs[:, 0]]))
    # numpy: points sorted by x, each compared with those within the threshold along x only
    order = np.argsort(points[:, 0], kind="stable")
    sx, sy = points[order, 0], points[order, 1]
    lo = np.searchsorted(sx, sx - threshold, side="left")
    hi = np.searchsorted(sx, sx + threshold, side="right")
    a, b = [], []
    for width in np.unique(hi - lo):
        rows = np.flatnonzero(hi - lo == width)
        for start, stop in _row_blocks(len(rows), int(width)):
            block = rows[start:stop]
            cols = lo[block][:, None] + np.arange(width)[None, :]
            d = np.hypot(sx[cols] - sx[block][:, None], sy[cols] - sy[block][:, None])
            i, j = np.nonzero(d <= threshold)
            a.append(order[block[i]])
            b.append(order[cols[i, j]])
    return Neighbours.from_pairs(n, np.concatenate(a), np.concatenate(b))


# -- statistics ------------------------------------------------------------------------------------------------------
def _checked_values(y, neighbours):
    y = np.asarray(y, dtype=np.float64)
    if len(y) != neighbours.n:
        raise ValueError("values and neighbours differ in length")
    if len(y) < 3:
        raise HotspotError("too_few", n=len(y))
    if not np.isfinite(y).all():
        raise ValueError("values must be finite")
    if not np.std(y) > 0:
        raise HotspotError("constant", n=len(y))
    return y


def gi_star(y, neighbours):
    """Getis–Ord Gi* z-scores (binary weights, the quartier itself included; NaN for islands and for a quartier
    that neighbours all others: its statistic cannot vary)."""
    y = _checked_values(y, neighbours)
    n = len(y)
    total = y + neighbours.neighbour_sums(y)
    weight = neighbours.cardinalities + 1.0
    mean, sd = y.mean(), np.sqrt((y ** 2).mean() - y.mean() ** 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (total - weight * mean) / (sd * np.sqrt(weight * (n - weight) / (n - 1.0)))
    z[(neighbours.cardinalities == 0) | (weight >= n)] = np.nan
    return z


MoranResult = namedtuple("MoranResult", "Is q z standardised lag")


def local_moran(y, neighbours):
    """Local Moran's I with row-standardised weights: ``Is`` and ``q`` as esda's, ``z`` standardised under
    conditional randomisation (NaN for islands and for a quartier neighbouring all others, 0 where the value
    equals the mean), ``standardised`` values
    and their spatial ``lag``."""
    y = _checked_values(y, neighbours)
    n = len(y)
    z = (y - y.mean()) / y.std()
    card = neighbours.cardinalities
    with np.errstate(divide="ignore", invalid="ignore"):
        lag = np.where(card > 0, neighbours.neighbour_sums(z) / card, 0.0)
        local = (n - 1) * z * lag / (z * z).sum()
        m2 = (z * z).sum() / n
        wi = np.where(card > 0, 1.0, 0.0)
        wi2 = np.where(card > 0, 1.0 / card, 0.0)
        expectation = -(z ** 2 * wi) / ((n - 1) * m2)
        variance = (z / m2) ** 2 * (n / (n - 2.0)) * (wi2 - wi ** 2 / (n - 1)) * (m2 - z ** 2 / (n - 1))
        zscore = (local * n / (n - 1.0) - expectation) / np.sqrt(variance)
    zscore[(card > 0) & (z == 0)] = 0.0  # the value equals the mean: I_i = 0, its expectation
    zscore[(card == 0) | (card >= n - 1)] = np.nan
    high, high_lag = z > 0, lag > 0
    q = np.where(high & high_lag, 1, np.where(~high & high_lag, 2, np.where(~high & ~high_lag, 3, 4)))
    return MoranResult(local, q, zscore, z, lag)


def _permuted_ids(rng, n, kmax, permutations):
    """(permutations, kmax) ids drawn without replacement from 0 … n - 2 in every row (as esda's
    ``vec_permutations``; the quartier itself is skipped when the ids are used)."""
    if kmax == 0:
        return np.zeros((permutations, 0), dtype=np.int64)
    if kmax * kmax >= n - 1:  # many neighbours (a wide distance band): a row with repeats would be too likely
        return np.array([rng.choice(n - 1, size=kmax, replace=False) for _ in range(permutations)], dtype=np.int64)
    ids = rng.integers(0, n - 1, size=(permutations, kmax))  # few: draw, and draw again the rows with a repeat
    while True:
        ordered = np.sort(ids, axis=1)
        bad = np.flatnonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1))
        if not bad.size:
            return ids
        ids[bad] = rng.integers(0, n - 1, size=(bad.size, kmax))


def pseudo_p(values, neighbours, permutations=999, seed=None, direction=None, progress=None):
    """Folded pseudo p-values of a local statistic that grows with the sum of the neighbours' ``values``
    (``direction`` +1, the default) or falls with it (-1, per quartier: local Moran's I for a value below the
    mean) under conditional randomisation: the quartier's own value fixed, its neighbours drawn from the others.
    NaN for islands; 1 where ``direction`` is 0 (the statistic cannot vary). ``progress(fraction)`` may raise to
    cancel."""
    values = np.asarray(values, dtype=np.float64)
    n = neighbours.n
    permutations = int(permutations)
    if permutations < 1:
        raise HotspotError("permutations", permutations=permutations)
    card = neighbours.cardinalities
    direction = np.ones(n) if direction is None else np.sign(np.asarray(direction, dtype=np.float64))
    observed = neighbours.neighbour_sums(values)
    tolerance = 1e-10 * max(1.0, float(np.abs(values).max())) * np.maximum(card, 1)  # rounding, not data
    rng = np.random.default_rng(seed)
    ids = _permuted_ids(rng, n, int(card.max()) if n else 0, permutations)
    larger = np.zeros(n)
    done, total = 0, max(1, int((card > 0).sum()))
    following = np.append(values[1:], 0.0)  # the value after each id: where the quartier itself is skipped
    for k in np.unique(card[card > 0]):
        rows = np.flatnonzero(card == k)
        draw = ids[:, :k]
        # the others of quartier i are values without i: id r means values[r] below i, values[r + 1] from i on;
        # so a draw's sum is the sum of values[r] plus, for the ids >= i, the step to the next value
        base = values[draw]
        step = following[draw] - base
        base_sum = base.sum(axis=1)
        for start, stop in _row_blocks(len(rows), permutations * int(k)):
            block = rows[start:stop]
            shifted = (draw[None, :, :] >= block[:, None, None]).astype(np.float64)
            sums = base_sum[None, :] + np.einsum("bpk,pk->bp", shifted, step)  # (block, permutations)
            up = (sums >= (observed[block] - tolerance[block])[:, None]).sum(axis=1)
            down = (sums <= (observed[block] + tolerance[block])[:, None]).sum(axis=1)
            larger[block] = np.where(direction[block] < 0, down, up)
            done += len(block)
            if progress is not None:
                progress(done / total)
    low = (permutations - larger) < larger
    larger[low] = permutations - larger[low]
    p = (larger + 1.0) / (permutations + 1.0)
    p[card == 0] = np.nan
    p[direction == 0] = 1.0
    return p


def assuncao_rate(events, base):
    """Empirical-Bayes standardised rates of Assunção & Reis (1999), as ``esda.smoothing.assuncao_rate``."""
    e = np.asarray(events, dtype=np.float64)
    b = np.asarray(base, dtype=np.float64)
    if not (b > 0).all():
        raise HotspotError("denominator")
    y = e / b
    mean = e.sum() / b.sum()
    s2 = (b * (y - mean) ** 2).sum() / b.sum()
    a = s2 - mean / (b.sum() / len(e))
    variance = a + mean / b
    variance = np.where(variance < 0, mean / b, variance)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (y - mean) / np.sqrt(variance)


def benjamini_hochberg(p):
    """Benjamini–Hochberg adjusted p-values (q-values) of ``p``; NaN stays NaN and is not counted."""
    p = np.asarray(p, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    m = ok.size
    if not m:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out[order] = np.minimum(ranked, 1.0)
    return out


def classes(method, z, p, q, alpha):
    """``hs_class`` per quartier (None where ``p`` is NaN): Gi* hot / cold spot by the sign of ``z``, local Moran
    the quadrant ``q``, where ``p <= alpha``; else not significant."""
    out = []
    for zi, pi, qi in zip(z, p, q):
        if not np.isfinite(pi):
            out.append(None)
        elif pi > alpha:
            out.append(NOT_SIGNIFICANT)
        elif method == GI_STAR:
            out.append(HOT if zi > 0 else COLD if zi < 0 else NOT_SIGNIFICANT)
        else:
            out.append(QUADRANTS[int(qi)])
    return out


# -- one run ---------------------------------------------------------------------------------------------------------
#: ``islands``: the rows without a result (no neighbour, or every other quartier a neighbour); ``all_neighbours``:
#: those of them that neighbour every other quartier analysed
HotspotResult = namedtuple("HotspotResult", "z p classes left_out islands neighbours all_neighbours")


def analysis_values(field=None, numerator=None, denominator=None):
    """The values analysed (NaN: left out) and the rows to name: ``{"no_value": [...], "bad_denominator": [...],
    "numerator_over": [...]}``. A field: its values (NaN = NULL or suppressed); numerator and denominator: their
    empirical-Bayes standardised rates, computed over the rows where both are known and the denominator positive.
    Rows whose numerator is greater than the denominator are analysed (a ratio such as the ageing index has such
    rows; esda's smoothing takes them) and listed in ``numerator_over`` so that the log can name them (for a share
    they are a data error)."""
    if field is not None:
        values = np.asarray(field, dtype=np.float64)
        return values, {"no_value": np.flatnonzero(~np.isfinite(values)).tolist(), "bad_denominator": [],
                        "numerator_over": []}
    e = np.asarray(numerator, dtype=np.float64)
    b = np.asarray(denominator, dtype=np.float64)
    missing = ~np.isfinite(e) | ~np.isfinite(b)
    bad = ~missing & ((b <= 0) | (e < 0))
    over = ~missing & ~bad & (e > b)
    values = np.full(len(e), np.nan)
    ok = ~missing & ~bad
    if ok.sum() >= 1:
        values[ok] = assuncao_rate(e[ok], b[ok])
    return values, {"no_value": np.flatnonzero(missing).tolist(), "bad_denominator": np.flatnonzero(bad).tolist(),
                    "numerator_over": np.flatnonzero(over).tolist()}


def hotspots(values, neighbours_of, method=GI_STAR, permutations=999, seed=None, alpha=0.05, fdr=False,
             progress=None):
    """One run: ``values`` (NaN = left out), ``neighbours_of(mask)`` the :class:`Neighbours` among the rows of
    ``mask`` (the weights are built among the quartiers analysed only). Returns :class:`HotspotResult` with ``z``,
    ``p`` (adjusted when ``fdr``) and ``classes`` for every row (NaN / None where left out or an island), the
    rows ``left_out`` and the ``islands`` (row numbers of the input: no neighbour, or every other quartier a
    neighbour, so nothing to compare with), ``all_neighbours`` (those of the islands of the second kind) and the
    neighbours used. :class:`HotspotError` ``no_neighbours`` / ``all_neighbours`` / ``no_result`` when no row can be
    tested (an output of NULLs only would look like a result)."""
    if method not in METHODS:
        raise HotspotError("method", method=method)
    values = np.asarray(values, dtype=np.float64)
    n = len(values)
    analysed = np.isfinite(values)
    rows = np.flatnonzero(analysed)
    neighbours = neighbours_of(analysed)
    y = values[analysed]
    z = np.full(n, np.nan)
    p = np.full(n, np.nan)
    q = np.zeros(n, dtype=np.int64)
    if method == GI_STAR:
        z_sub = gi_star(y, neighbours)
        p_sub = pseudo_p(y, neighbours, permutations, seed, progress=progress)
    else:
        moran = local_moran(y, neighbours)
        z_sub = moran.z
        p_sub = pseudo_p(moran.standardised, neighbours, permutations, seed, direction=moran.standardised,
                         progress=progress)
        q[rows] = moran.q
    p_sub[~np.isfinite(z_sub)] = np.nan  # an island, or a quartier neighbouring all others: nothing to test
    islands = np.flatnonzero(~np.isfinite(z_sub))
    everyone = islands[neighbours.cardinalities[islands] >= len(y) - 1]  # neighbours all others
    if len(islands) == len(y):
        # no quartier can be tested: an output of NULLs only would look like a result
        key = "all_neighbours" if len(everyone) == len(y) else "no_neighbours" if \
            not neighbours.cardinalities.any() else "no_result"
        raise HotspotError(key, n=len(y))
    z[rows], p[rows] = z_sub, p_sub
    if fdr:
        p = benjamini_hochberg(p)
    return HotspotResult(z, p, classes(method, z, p, q, alpha), np.flatnonzero(~analysed).tolist(),
                         rows[islands].tolist(), neighbours, rows[everyone].tolist())
