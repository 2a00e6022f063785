"""Where to add offerings: the maximal covering location problem (Church & ReVelle 1974), solved with a proven
bound (numpy; scipy only where present, never required; no QGIS).

Given demand points (addresses with weights w_i), candidate sites, the sites already offered (kept) and a distance
d0: choose ``count`` candidates so that the demand within d0 of any kept offering or chosen site is largest.

1. **Coverage sets.** :func:`coverage_units` takes every pair (candidate, address) within d0
   (:func:`straight_line_units`: :func:`.nearest.pairs_within`; along a network: :func:`units_from_site_pairs`),
   drops the addresses already covered by a kept offering (their demand is covered whatever is chosen) and those no
   candidate reaches, and merges the addresses covered by the same set of candidates (the coverage signature) into
   one demand unit: 150,000 addresses shrink to some thousand units, with no loss (the problem on the units is the
   same problem).
2. **Greedy** (:func:`greedy`): the site with the largest new coverage, again and again ((1 − 1/e)-optimal).
3. **Interchange** (:func:`interchange`): swap a chosen site for another while coverage grows (best swap first).
4. **Upper bound** (:func:`lagrangian_bound`): Lagrangian relaxation of "a unit counts only when a chosen site
   covers it" with multipliers λ_u ≥ 0 improved by subgradient optimisation; every λ gives a proven upper bound
   Σ_u max(0, w_u − λ_u) + (sum of the ``count`` largest Σ_{u ∈ cov(j)} λ_u). Its best value is the bound of the LP
   relaxation; the sites of each subproblem are tried as solutions as well.
5. **Exact** (:func:`solve`): where scipy's ``milp`` (HiGHS) is present and the model is small enough, the problem is
   solved as a mixed-integer program (to a time limit; its dual bound is kept when the limit stops it).

The result says which method proved the bound and the gap between the best solution and the best bound.
"""

import html
import math
import time

import numpy as np

from .nearest import pairs_within

# Above this many (unit, candidate) pairs the MILP is not tried (HiGHS would take long to build and solve it).
MILP_MAX_PAIRS = 2_000_000
MILP_TIME_LIMIT_S = 15.0
# Relative tolerance under which solution and bound count as equal (proven optimal).
REL_TOL = 1e-9

METHOD_MILP = "milp"
METHOD_MILP_LIMIT = "milp_time_limit"
METHOD_LAGRANGIAN = "lagrangian"
METHOD_TRIVIAL = "trivial"


class SitingError(Exception):
    """Bad input: ``key`` names the problem, ``params`` its values (the glue turns it into a translated message)."""

    def __init__(self, key, **params):
        super().__init__(key)
        self.key = key
        self.params = params


class Units:
    """Demand units: ``weight`` per unit, the candidates covering each (CSR: ``u_ptr``, ``u_cand``) and the units of
    each candidate (CSR: ``c_ptr``, ``c_unit``); ``n_candidates``; ``covered_before`` (demand covered by the kept
    offerings), ``total`` (all demand), ``unreachable`` (demand neither covered nor reachable by any candidate),
    ``unit_of`` (unit of each address, -1 when none) and ``n_addresses``."""

    def __init__(self, weight, unit_cand_pairs, n_candidates, covered_before, total, unreachable, unit_of):
        self.weight = np.asarray(weight, dtype=np.float64)
        self.n_units = len(self.weight)
        self.n_candidates = int(n_candidates)
        u, c = unit_cand_pairs
        order = np.lexsort((c, u))
        u, c = u[order], c[order]
        self.u_ptr = np.concatenate([[0], np.cumsum(np.bincount(u, minlength=self.n_units))]).astype(np.int64)
        self.u_cand = c.astype(np.int64)
        order = np.lexsort((u, c))
        self.c_ptr = np.concatenate([[0], np.cumsum(np.bincount(c, minlength=self.n_candidates))]).astype(np.int64)
        self.c_unit = u[order].astype(np.int64)
        self.pair_unit, self.pair_cand = u[order].astype(np.int64), c[order].astype(np.int64)
        self.covered_before = float(covered_before)
        self.total = float(total)
        self.unreachable = float(unreachable)
        self.unit_of = unit_of
        self.n_addresses = len(unit_of)

    def units_of(self, j):
        return self.c_unit[self.c_ptr[j]:self.c_ptr[j + 1]]

    def cover_counts(self, sites):
        """How many of ``sites`` cover each unit."""
        counts = np.zeros(self.n_units, dtype=np.int64)
        for j in sites:
            counts[self.units_of(j)] += 1
        return counts

    def value(self, sites):
        """Demand of the units that ``sites`` cover (without the kept offerings' coverage)."""
        return float(self.weight[self.cover_counts(sites) > 0].sum())


def demand_weights(demand, need=None):
    """Each address's weight: its demand (NaN: error key ``null_demand``; negative: ``negative_demand``; with the
    first offending row), times ``need`` (of its quartier; NaN counts 0) when given."""
    demand = np.asarray(demand, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(demand))
    if len(bad):
        raise SitingError("null_demand", count=len(bad), row=int(bad[0]))
    bad = np.flatnonzero(demand < 0)
    if len(bad):
        raise SitingError("negative_demand", count=len(bad), row=int(bad[0]), value=float(demand[bad[0]]))
    if need is None:
        return demand
    need = np.asarray(need, dtype=np.float64)
    bad = np.flatnonzero(np.isfinite(need) & (need < 0))
    if len(bad):
        raise SitingError("negative_need", count=len(bad), row=int(bad[0]), value=float(need[bad[0]]))
    return demand * np.where(np.isfinite(need), need, 0.0)


def _signature_units(addr, cand, n_addresses, n_candidates):
    """Unit of each address in ``addr`` (pairs with ``cand``): addresses with the same set of candidates share one.
    Returns (unit per pair-address, unit per address (-1: none), n_units)."""
    rng = np.random.default_rng(20261130)
    keys = rng.integers(0, 2 ** 63 - 1, size=(2, n_candidates), dtype=np.int64).astype(np.uint64)
    with np.errstate(over="ignore"):
        h1 = np.bincount(addr, minlength=n_addresses)  # degree
        s1 = np.zeros(n_addresses, dtype=np.uint64)
        s2 = np.zeros(n_addresses, dtype=np.uint64)
        np.add.at(s1, addr, keys[0][cand])
        np.add.at(s2, addr, keys[1][cand])
    reached = np.flatnonzero(h1 > 0)
    table = np.stack([h1[reached].astype(np.uint64), s1[reached], s2[reached]], axis=1)
    _uniq, inverse = np.unique(table, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    unit_of = np.full(n_addresses, -1, dtype=np.int64)
    unit_of[reached] = inverse
    n_units = int(inverse.max()) + 1 if len(inverse) else 0
    # Exact check: the members of a unit have one degree d; if their sets differed, their union would exceed d.
    pair_keys = np.unique(unit_of[addr] * n_candidates + cand)
    degree = np.zeros(n_units, dtype=np.int64)
    degree[unit_of[reached]] = h1[reached]
    if len(pair_keys) != int(degree.sum()):  # a hash collision (never seen): exact grouping by tuples
        sets = {}
        order = np.lexsort((cand, addr))
        a_sorted, c_sorted = addr[order], cand[order]
        bounds = np.flatnonzero(np.diff(a_sorted)) + 1
        for a_part, c_part in zip(np.split(a_sorted, bounds), np.split(c_sorted, bounds)):
            unit_of[a_part[0]] = sets.setdefault(tuple(c_part.tolist()), len(sets))
        n_units = len(sets)
    return unit_of, n_units


def coverage_units(weights, pairs, n_candidates, covered_mask):
    """The demand units (:class:`Units`) of addresses with ``weights`` (≥ 0), the pairs (candidate index, address
    index) within the distance and ``covered_mask`` (addresses already covered by a kept offering)."""
    weights = np.asarray(weights, dtype=np.float64)
    n = len(weights)
    covered_mask = np.asarray(covered_mask, dtype=bool)
    cand, addr = (np.asarray(p, dtype=np.int64) for p in pairs)
    keep = (~covered_mask[addr]) & (weights[addr] > 0)
    cand, addr = cand[keep], addr[keep]
    unit_of, n_units = _signature_units(addr, cand, n, n_candidates)
    w = np.bincount(unit_of[unit_of >= 0], weights=weights[unit_of >= 0], minlength=n_units)[:n_units]
    pair_keys = np.unique(unit_of[addr] * max(n_candidates, 1) + cand)
    u, c = pair_keys // max(n_candidates, 1), pair_keys % max(n_candidates, 1)
    covered_before = float(weights[covered_mask].sum())
    total = float(weights.sum())
    unreachable = total - covered_before - float(w.sum())
    return Units(w, (u, c), n_candidates, covered_before, total, max(unreachable, 0.0), unit_of)


def straight_line_units(weights, addresses, candidates, offerings, distance):
    """:func:`coverage_units` with straight-line distances: ``addresses``, ``candidates``, ``offerings`` are (x, y)
    arrays (NaN: no location; such a point covers or is covered by nothing)."""
    weights = np.asarray(weights, dtype=np.float64)
    covered = np.zeros(len(weights), dtype=bool)
    if offerings is not None and len(offerings[0]):
        _k, i, _d = pairs_within(offerings[0], offerings[1], addresses[0], addresses[1], distance)
        covered[i] = True
    k, i, _d = pairs_within(candidates[0], candidates[1], addresses[0], addresses[1], distance)
    return coverage_units(weights, (k, i), len(candidates[0]), covered)


def units_from_site_pairs(weights, site, address, n_candidates):
    """:func:`coverage_units` from the pairs (site, address) within the distance of sites numbered candidates first
    (0 … ``n_candidates`` − 1), then the kept offerings (e.g. along a network, where one search serves both)."""
    site = np.asarray(site, dtype=np.int64)
    address = np.asarray(address, dtype=np.int64)
    covered = np.zeros(len(weights), dtype=bool)
    covered[address[site >= n_candidates]] = True
    is_cand = site < n_candidates
    return coverage_units(weights, (site[is_cand], address[is_cand]), n_candidates, covered)


# -- heuristics -----------------------------------------------------------------------------------------------------
def greedy(units, count, forced=()):
    """Greedy sites (ties: the smallest index), after the ``forced`` ones; stops early when no site adds coverage.
    Returns (sites in the order chosen, gain of each)."""
    w = units.weight
    covered = np.zeros(units.n_units, dtype=bool)
    gain = np.bincount(units.pair_cand, weights=w[units.pair_unit], minlength=units.n_candidates)
    gain = gain[:units.n_candidates].astype(np.float64)
    chosen, gains = [], []
    taken = np.zeros(units.n_candidates, dtype=bool)

    def take(j):
        new = units.units_of(j)
        new = new[~covered[new]]
        covered[new] = True
        g = float(w[new].sum())
        # every candidate covering a newly covered unit loses its weight
        starts, ends = units.u_ptr[new], units.u_ptr[new + 1]
        lengths = ends - starts
        if lengths.sum():
            pos = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + \
                np.arange(int(lengths.sum()))
            np.subtract.at(gain, units.u_cand[pos], np.repeat(w[new], lengths))
        taken[j] = True
        chosen.append(int(j))
        gains.append(g)

    for j in forced:
        take(j)
    while len(chosen) < count:
        masked = np.where(taken, -np.inf, gain)
        if not len(masked):
            break
        j = int(np.argmax(masked))
        if not masked[j] > 1e-12 * max(units.total, 1.0):
            break
        take(j)
    return chosen, gains


def order_sites(units, sites):
    """``sites`` in greedy order (largest marginal gain first) with the gain of each."""
    sites = list(sites)
    covered = np.zeros(units.n_units, dtype=bool)
    out, gains = [], []
    while sites:
        best, best_g = None, -1.0
        for j in sites:
            u = units.units_of(j)
            g = float(units.weight[u[~covered[u]]].sum())
            if g > best_g + 1e-12 * max(units.total, 1.0) or (abs(g - best_g) <= 1e-12 * max(units.total, 1.0)
                                                               and j < best):
                best, best_g = j, g
        sites.remove(best)
        covered[units.units_of(best)] = True
        out.append(best)
        gains.append(best_g)
    return out, gains


def interchange(units, sites, max_rounds=1000, deadline=None):
    """Local search: replace one site by another while the coverage grows (the best swap each round). Returns the
    improved sites and their value."""
    w = units.weight
    sites = list(sites)
    value = units.value(sites)
    tol = 1e-12 * max(units.total, 1.0)
    for _ in range(max_rounds):
        if deadline is not None and time.monotonic() > deadline:
            break
        counts = units.cover_counts(sites)
        free = counts == 0
        gain0 = np.bincount(units.pair_cand[free[units.pair_unit]], weights=w[units.pair_unit[free[units.pair_unit]]],
                            minlength=units.n_candidates)[:units.n_candidates]
        in_sites = np.zeros(units.n_candidates, dtype=bool)
        in_sites[sites] = True
        best = (tol, None, None)
        for s in sites:
            u = units.units_of(s)
            only = u[counts[u] == 1]
            loss = float(w[only].sum())
            starts, ends = units.u_ptr[only], units.u_ptr[only + 1]
            lengths = ends - starts
            back = np.zeros(units.n_candidates)
            if lengths.sum():
                pos = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + \
                    np.arange(int(lengths.sum()))
                back = np.bincount(units.u_cand[pos], weights=np.repeat(w[only], lengths),
                                   minlength=units.n_candidates)[:units.n_candidates]
            delta = np.where(in_sites, -np.inf, gain0 + back - loss)
            if len(delta):
                j = int(np.argmax(delta))
                if delta[j] > best[0]:
                    best = (float(delta[j]), s, j)
        if best[1] is None:
            break
        sites[sites.index(best[1])] = best[2]
        value = units.value(sites)
    return sites, value


# -- bounds ---------------------------------------------------------------------------------------------------------
def _top_sum(values, count):
    if count >= len(values):
        return float(values.sum()), np.arange(len(values))
    idx = np.argpartition(-values, count - 1)[:count]
    return float(values[idx].sum()), idx


def lagrangian_bound(units, count, lower=0.0, iterations=300, deadline=None, on_solution=None):
    """The best Lagrangian upper bound found by subgradient optimisation (Polyak steps towards ``lower``, the value
    of a known solution). ``on_solution(sites)`` is called with the sites of each subproblem (feasible solutions)
    and returns their value, which may raise ``lower``. Returns (bound, lower)."""
    w = units.weight
    n_c = units.n_candidates
    if units.n_units == 0 or count <= 0:
        return 0.0, lower
    count = min(count, n_c)
    lam = np.minimum(w, w / np.maximum(np.bincount(units.pair_unit, minlength=units.n_units), 1) * 1.0)
    best = np.inf
    theta = 2.0
    stall = 0
    for _ in range(iterations):
        if deadline is not None and time.monotonic() > deadline:
            break
        y = w > lam
        value_c = np.bincount(units.pair_cand, weights=lam[units.pair_unit], minlength=n_c)[:n_c]
        top, idx = _top_sum(value_c, count)
        bound = float(np.where(y, w - lam, 0.0).sum()) + top
        if bound < best - 1e-12 * max(units.total, 1.0):
            best, stall = bound, 0
        else:
            stall += 1
            if stall >= 10:
                theta, stall = theta / 2.0, 0
        if on_solution is not None:
            lower = max(lower, on_solution([int(j) for j in idx]))
        if best - lower <= REL_TOL * max(abs(best), 1.0) or theta < 1e-6:
            break
        x = np.zeros(n_c)
        x[idx] = 1.0
        cover = np.bincount(units.pair_unit, weights=x[units.pair_cand], minlength=units.n_units)[:units.n_units]
        grad = cover - y  # dL/dλ
        norm = float((grad * grad).sum())
        if norm == 0:
            break
        step = theta * (bound - lower) / norm
        lam = np.clip(lam - step * grad, 0.0, w)
    return min(best, float(w.sum())), lower


def _milp(units, count, time_limit):
    """scipy's MILP on the units: (status, sites, value, dual bound) or None without scipy's milp."""
    try:
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_matrix, csr_matrix
    except ImportError:
        return None
    n_c, n_u = units.n_candidates, units.n_units
    npairs = len(units.pair_unit)
    # rows: y_u - Σ x_j ≤ 0 (n_u rows), Σ x_j = count (1 row); columns: x (n_c), then y (n_u)
    rows = np.concatenate([units.pair_unit, np.arange(n_u), np.full(n_c, n_u)])
    cols = np.concatenate([units.pair_cand, n_c + np.arange(n_u), np.arange(n_c)])
    vals = np.concatenate([-np.ones(npairs), np.ones(n_u), np.ones(n_c)])
    a = csr_matrix(coo_matrix((vals, (rows, cols)), shape=(n_u + 1, n_c + n_u)))
    lo = np.concatenate([np.full(n_u, -np.inf), [count]])
    hi = np.concatenate([np.zeros(n_u), [count]])
    c = np.concatenate([np.zeros(n_c), -units.weight])
    integrality = np.concatenate([np.ones(n_c), np.zeros(n_u)])
    res = milp(c, integrality=integrality, bounds=Bounds(0, 1), constraints=LinearConstraint(a, lo, hi),
               options={"time_limit": float(time_limit), "mip_rel_gap": 0.0})
    if res.x is None:
        return res.status, None, None, None
    x = res.x[:n_c]
    sites = [int(j) for j in np.flatnonzero(x > 0.5)]
    dual = getattr(res, "mip_dual_bound", None)
    dual = -float(dual) if dual is not None and np.isfinite(dual) else None
    return res.status, sites, units.value(sites), dual


class Solution:
    """The result of :func:`solve`: ``sites`` (candidate indices in greedy order), ``gains`` (demand newly covered
    by each), ``covered_total`` (demand covered after each, kept offerings' coverage included), ``value`` (demand the
    new sites cover), ``bound`` (proven upper bound of that value), ``gap`` (bound − value), ``method`` (what proved
    the bound: one of the METHOD_* constants), ``greedy_value``, ``seconds`` and the :class:`Units`."""

    def __init__(self, units, sites, bound, method, greedy_value, seconds):
        self.units = units
        self.sites, self.gains = order_sites(units, sites)
        self.value = float(sum(self.gains))
        self.bound = max(float(bound), self.value)
        self.gap = max(self.bound - self.value, 0.0)
        if self.gap <= REL_TOL * max(self.bound, 1.0):
            self.gap = 0.0
        self.method = method
        self.greedy_value = greedy_value
        self.seconds = seconds
        self.covered_total = (units.covered_before + np.cumsum(self.gains)).tolist()

    @property
    def optimal(self):
        return self.gap == 0.0

    @property
    def relative_gap(self):
        return self.gap / self.bound if self.bound > 0 else 0.0


def solve(units, count, use_milp=True, time_limit=MILP_TIME_LIMIT_S, progress=None):
    """Best ``count`` sites for ``units``: greedy, interchange, Lagrangian bound, then the MILP where scipy is present
    (``use_milp``) and the gap is not closed yet. ``progress(fraction)`` may raise to cancel."""
    start = time.monotonic()
    if count < 0:
        raise SitingError("bad_count", count=count)
    g_sites, g_gains = greedy(units, count)
    greedy_value = float(sum(g_gains))
    if progress is not None:
        progress(0.1)
    if len(g_sites) < count:
        # every unit a candidate reaches is covered: optimal; drop the sites the others make redundant
        for j in list(g_sites):
            rest = [k for k in g_sites if k != j]
            if units.value(rest) >= greedy_value - 1e-12 * max(units.total, 1.0):
                g_sites = rest
        return Solution(units, g_sites, greedy_value, METHOD_TRIVIAL, greedy_value, time.monotonic() - start)
    sites, value = interchange(units, g_sites, deadline=start + time_limit)
    if progress is not None:
        progress(0.3)
    best = {"sites": sites, "value": value}

    def try_sites(candidate_sites):
        v = units.value(candidate_sites)
        if v > best["value"] + 1e-12 * max(units.total, 1.0):
            best["sites"], best["value"] = list(candidate_sites), v
        return best["value"]

    bound, _lower = lagrangian_bound(units, count, best["value"], deadline=start + time_limit,
                                     on_solution=try_sites)
    if _integral(units.weight):
        bound = math.floor(bound + 1e-6)
    method = METHOD_LAGRANGIAN
    if best["value"] != value:
        sites, value = interchange(units, best["sites"], deadline=start + time_limit)
        try_sites(sites)
    if progress is not None:
        progress(0.6)
    closed = bound - best["value"] <= REL_TOL * max(bound, 1.0)
    if not closed and use_milp and len(units.pair_unit) <= MILP_MAX_PAIRS:
        remaining = max(1.0, time_limit - (time.monotonic() - start))
        result = _milp(units, count, remaining)
        if result is not None and result[1] is not None:
            status, m_sites, m_value, dual = result
            try_sites(m_sites)
            if status == 0:
                bound, method = min(bound, m_value), METHOD_MILP
                bound = max(bound, best["value"])
            elif dual is not None:
                if dual < bound:
                    bound = dual
                    if _integral(units.weight):
                        bound = math.floor(bound + 1e-6)
                method = METHOD_MILP_LIMIT
    if progress is not None:
        progress(1.0)
    return Solution(units, best["sites"], bound, method, greedy_value, time.monotonic() - start)


def _integral(w):
    return bool(len(w)) and bool(np.all(np.abs(w - np.round(w)) < 1e-9))


# -- report ---------------------------------------------------------------------------------------------------------
def _number(value, decimals=0):
    return "{:,.{}f}".format(value, decimals).replace(",", "\u202f")


def _share(value, total):
    return "{:.1f} %".format(100.0 * value / total) if total > 0 else "–"


def build_report(solution, info, tr):
    """The HTML report of a siting run: ``solution`` (:class:`Solution`), ``info`` a dict with ``candidates``,
    ``offerings``, ``addresses`` (layer names), ``distance`` (metres), ``count``, ``n_candidates``, ``n_offerings``,
    ``labels`` (one text per chosen site, e.g. its feature id) and ``weighted`` (True when the demand is weighted by a
    quartier need field). ``tr`` translates the texts."""
    esc = html.escape
    units = solution.units
    total = units.total
    after = units.covered_before + solution.value
    rows = []
    dec = 0 if _integral(units.weight) and float(units.covered_before).is_integer() else 1

    def number(value):
        return _number(value, dec)

    distance_text = _number(info["distance"], 0 if float(info["distance"]).is_integer() else 1)

    def table(headers, body):
        out = ["<table><tr>" + "".join("<th>{}</th>".format(esc(h)) for h in headers) + "</tr>"]
        for row in body:
            out.append("<tr>" + "".join("<td>{}</td>".format(esc(str(c))) for c in row) + "</tr>")
        out.append("</table>")
        return "".join(out)

    rows.append("<h1>{}</h1>".format(esc(tr("Where to add offerings: maximal covering location"))))
    rows.append("<p>{}</p>".format(esc(tr(
        "Candidates “{}” ({} sites), existing offerings “{}” ({}, kept), addresses “{}” ({}), distance {} m, {} "
        "site(s) to add.").format(info["candidates"], info["n_candidates"], info["offerings"] or "–",
                                  info["n_offerings"], info["addresses"], units.n_addresses,
                                  distance_text, info["count"]))))
    if info.get("weighted"):
        rows.append("<p>{}</p>".format(esc(tr("The demand of every address is weighted by the need of its quartier."))))
    rows.append("<h2>{}</h2>".format(esc(tr("Coverage"))))
    rows.append(table(
        [tr("Demand"), tr("Value"), tr("Share of all demand")],
        [[tr("All demand"), number(total), _share(total, total)],
         [tr("Covered before (existing offerings)"), number(units.covered_before),
          _share(units.covered_before, total)],
         [tr("Covered after (with the new sites)"), number(after), _share(after, total)],
         [tr("Newly covered"), number(solution.value), _share(solution.value, total)],
         [tr("Out of reach of every candidate"), number(units.unreachable), _share(units.unreachable, total)]]))
    rows.append("<h2>{}</h2>".format(esc(tr("Chosen sites"))))
    rows.append(table(
        [tr("Rank"), tr("Site"), tr("Gain (newly covered)"), tr("Covered in total")],
        [[k + 1, label, number(g), number(c)] for k, (label, g, c) in enumerate(zip(
            info["labels"], solution.gains, solution.covered_total))]))
    if len(solution.sites) < info["count"]:
        rows.append("<p>{}</p>".format(esc(tr(
            "Only {} site(s) add coverage: with them every demand that a candidate can reach is covered.").format(
                len(solution.sites)))))
    rows.append("<h2>{}</h2>".format(esc(tr("Optimality"))))
    methods = {
        METHOD_MILP: tr("proven optimal: the mixed-integer program (scipy's HiGHS) was solved exactly"),
        METHOD_MILP_LIMIT: tr("the mixed-integer program (scipy's HiGHS) stopped at its time limit; the bound is its "
                              "dual bound"),
        METHOD_LAGRANGIAN: tr("Lagrangian relaxation with subgradient optimisation (an upper bound no solution can "
                              "exceed)"),
        METHOD_TRIVIAL: tr("proven optimal: every demand a candidate can reach is covered"),
    }
    rows.append(table(
        [tr("Measure"), tr("Value")],
        [[tr("Greedy alone"), number(solution.greedy_value)],
         [tr("Best solution (greedy, interchange, exact solver)"), number(solution.value)],
         [tr("Upper bound"), number(solution.bound)],
         [tr("Gap"), "{} ({:.2f} %)".format(number(solution.gap), 100.0 * solution.relative_gap)],
         [tr("Bound proven by"), methods[solution.method]],
         [tr("Demand units (addresses with the same candidates merged)"), units.n_units],
         [tr("Seconds"), "{:.1f}".format(solution.seconds)]]))
    rows.append("<p>{}</p>".format(esc(
        tr("The solution is optimal.") if solution.optimal else
        tr("No choice of sites covers more than the upper bound; the solution is at most the gap below the "
           "optimum."))))
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>"
        "body{{font-family:sans-serif}}table{{border-collapse:collapse;margin-bottom:1em}}"
        "td,th{{border:1px solid #999;padding:2px 6px}}</style></head><body>\n{}\n</body></html>\n"
    ).format(esc(tr("Where to add offerings")), "\n".join(rows))
