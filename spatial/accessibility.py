"""Accessibility with competition: the enhanced two-step floating catchment area (E2SFCA, Luo & Qi 2009) with a
distance decay, and the per-quartier figures of ``accessibility`` (numpy only; no QGIS).

Given the pairs (offering j, address i, distance d_ij ≤ d0) of every offering's catchment (straight-line:
:func:`spatial.nearest.pairs_within`; along a network: :func:`network_pairs`), capacities S_j and demands D_i:

1. each offering's supply ratio R_j = S_j / Σ_i W(d_ij) D_i (0 when no demand lies in its catchment);
2. each address's accessibility A_i = Σ_j W(d_ij) R_j (places per unit of demand; 0 when it reaches nothing).

The weights W (:func:`decay_weights`) are 1 (``none``), 1 − d/d0 (``linear``) or the Gaussian of Dai (2010)
(e^(−½(d/d0)²) − e^(−½)) / (1 − e^(−½)) (``gaussian``), all 0 beyond d0. Every place of an offering with demand in
its catchment is shared out: Σ_i D_i A_i = Σ_j S_j over those offerings.
"""

import math

import numpy as np

from . import network as nw

DECAYS = ("none", "linear", "gaussian")
QUARTIER_FIELDS = ("access_index", "demand", "supply_reached")
NEED_SUPPLY_FIELD = "need_supply"
ADDRESS_FIELDS = ("quartier_id", "access", "nearest_distance_m")
# need_supply values (stable, written to the layer; the legend translates them)
HIGH_NEED_LOW_SUPPLY = "high need–low supply"
HIGH_NEED_HIGH_SUPPLY = "high need–high supply"
LOW_NEED_LOW_SUPPLY = "low need–low supply"
LOW_NEED_HIGH_SUPPLY = "low need–high supply"
NEED_SUPPLY_CLASSES = (HIGH_NEED_LOW_SUPPLY, HIGH_NEED_HIGH_SUPPLY, LOW_NEED_LOW_SUPPLY, LOW_NEED_HIGH_SUPPLY)
# Per 1,000 of demand
PER = 1000.0
# Offering x node distances per block of the bounded network searches (about 8 bytes each)
_BLOCK_CELLS = 4_000_000


def decay_weights(distance, max_distance, decay):
    """The weight of each distance (0 beyond ``max_distance``) for ``decay`` in :data:`DECAYS`."""
    d = np.asarray(distance, dtype=np.float64)
    inside = d <= max_distance
    if decay == "none" or max_distance <= 0:
        w = np.ones_like(d)
    elif decay == "linear":
        w = 1.0 - d / max_distance
    elif decay == "gaussian":
        e = math.exp(-0.5)
        w = (np.exp(-0.5 * (d / max_distance) ** 2) - e) / (1.0 - e)
    else:
        raise ValueError(decay)
    return np.where(inside, np.clip(w, 0.0, 1.0), 0.0)


def e2sfca(pair_offering, pair_address, pair_distance, capacity, demand, max_distance, decay):
    """Supply ratio R per offering and accessibility A per address (see the module's text). ``capacity``: one value
    per offering, ``demand``: one per address (NaN or negative count as 0)."""
    k = np.asarray(pair_offering, dtype=np.int64)
    i = np.asarray(pair_address, dtype=np.int64)
    s = np.asarray(capacity, dtype=np.float64)
    s = np.where(np.isfinite(s) & (s > 0), s, 0.0)
    dem = np.asarray(demand, dtype=np.float64)
    dem = np.where(np.isfinite(dem) & (dem > 0), dem, 0.0)
    w = decay_weights(pair_distance, max_distance, decay)
    weighted_demand = np.bincount(k, weights=w * dem[i], minlength=len(s))[:len(s)]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(weighted_demand > 0, s / np.where(weighted_demand > 0, weighted_demand, 1.0), 0.0)
    access = np.bincount(i, weights=w * ratio[k], minlength=len(dem))[:len(dem)]
    return ratio, access


def quartier_access(group, demand, access, n_groups):
    """Per quartier: ``demand`` (Σ D_i of its addresses), ``supply_reached`` (Σ D_i A_i: the places allotted to its
    demand) and ``access_index`` (1,000 · supply_reached / demand: places per 1,000 of demand, the demand-weighted
    mean of its addresses' accessibility; an address reaching nothing counts with 0; NaN where demand is 0)."""
    group = np.asarray(group, dtype=np.int64)
    dem = np.asarray(demand, dtype=np.float64)
    dem = np.where(np.isfinite(dem) & (dem > 0), dem, 0.0)
    a = np.where(np.isfinite(access), access, 0.0)
    keep = group >= 0
    total = np.bincount(group[keep], weights=dem[keep], minlength=n_groups)[:n_groups]
    reached = np.bincount(group[keep], weights=(dem * a)[keep], minlength=n_groups)[:n_groups]
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(total > 0, PER * reached / np.where(total > 0, total, 1.0), np.nan)
    return {"access_index": index, "demand": total, "supply_reached": reached}


def need_supply(need, access_index):
    """The need–supply class of each quartier (:data:`NEED_SUPPLY_CLASSES`; None where need or access index is
    unknown), and the two medians: need is high above the median need of the quartiers with both values, supply is
    high above their median access index (a value equal to the median counts as low)."""
    need = np.asarray([np.nan if v is None else float(v) for v in need], dtype=np.float64)
    idx = np.asarray(access_index, dtype=np.float64)
    ok = np.isfinite(need) & np.isfinite(idx)
    if not ok.any():
        return [None] * len(need), None, None
    m_need, m_idx = float(np.median(need[ok])), float(np.median(idx[ok]))
    out = []
    for n, a, good in zip(need.tolist(), idx.tolist(), ok.tolist()):
        if not good:
            out.append(None)
        elif n > m_need:
            out.append(HIGH_NEED_HIGH_SUPPLY if a > m_idx else HIGH_NEED_LOW_SUPPLY)
        else:
            out.append(LOW_NEED_HIGH_SUPPLY if a > m_idx else LOW_NEED_LOW_SUPPLY)
    return out, m_need, m_idx


class NetworkCatchments:
    """Addresses and offerings joined to a network (:mod:`.network`), for the offerings' catchments along it and
    every address's distance to the nearest offering."""

    def __init__(self, net, points, offerings, snap_progress=None):
        self.p_join = nw.snap_to_segments(points[0], points[1], net, snap_progress)
        self.o_join = nw.snap_to_segments(offerings[0], offerings[1], net)
        self.graph = nw.build_graph(net, [self.p_join, self.o_join])
        self.p_leaf, self.o_leaf = self.graph.leaves

    def nearest(self, mask=None, use_scipy=True):
        """Distance along the network of every address to the nearest offering (of ``mask``): ``inf`` when none is
        reached, NaN without a location."""
        leaves = self.o_leaf if mask is None else self.o_leaf[np.asarray(mask, dtype=bool)]
        d = nw.shortest_distances(self.graph, leaves[leaves >= 0], use_scipy=use_scipy)
        out = np.full(len(self.p_leaf), np.nan)
        out[self.p_leaf >= 0] = d[self.p_leaf[self.p_leaf >= 0]]
        return out

    def pairs(self, max_distance, offerings=None, use_scipy=True, progress=None):
        """The pairs (offering, address, distance ≤ ``max_distance``) along the network: one bounded search per
        offering (of the indices ``offerings``; all by default), sorted by offering, then address."""
        chosen = np.arange(len(self.o_leaf)) if offerings is None else np.asarray(offerings, dtype=np.int64)
        chosen = chosen[self.o_leaf[chosen] >= 0]
        limit = float(max_distance) * (1 + 1e-12) + 1e-9  # a sum of segment pieces may exceed it by rounding
        joined = np.flatnonzero(self.p_leaf >= 0)
        scipy_parts = nw._scipy_dijkstra() if use_scipy else None
        parts = []
        if scipy_parts is not None:
            csr_matrix, dijkstra = scipy_parts
            g = self.graph
            matrix = csr_matrix((g.weights, g.indices, g.indptr), shape=(g.n_nodes, g.n_nodes))
            block = max(1, _BLOCK_CELLS // max(g.n_nodes, 1))
            for s in range(0, len(chosen), block):
                sources = chosen[s:s + block]
                d = dijkstra(matrix, directed=True, indices=self.o_leaf[sources], limit=limit)
                d = np.atleast_2d(d)[:, self.p_leaf[joined]]
                r, c = np.nonzero(d <= limit)
                parts.append((sources[r], joined[c], d[r, c]))
                if progress is not None:
                    progress(min(1.0, (s + block) / len(chosen)))
        else:
            for n, j in enumerate(chosen):
                d = nw.dijkstra_heap(self.graph, [self.o_leaf[j]], limit=limit)[self.p_leaf[joined]]
                c = np.flatnonzero(d <= limit)
                parts.append((np.full(len(c), j, dtype=np.int64), joined[c], d[c]))
                if progress is not None and n % 20 == 0:
                    progress((n + 1) / len(chosen))
        if not parts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        k, i, d = (np.concatenate([p[q] for p in parts]) for q in range(3))
        order = np.lexsort((i, k))
        return k[order], i[order], np.minimum(d[order], max_distance)
