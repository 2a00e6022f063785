"""Speed and quality benchmark: ``quartiersmonitor:siteofferings``'s kernel (``spatial.siting``) on a county-sized
instance — 150,000 addresses (settlements in the demo county's ellipse, EPSG:25832 metres), 1,000 candidate sites,
existing offerings kept, COUNT 10 — beside greedy alone, in one process.

For each DISTANCE it prints: the time to build the coverage and merge the addresses into demand units, greedy alone
(time, covered demand), the full solve with scipy's MILP where present (greedy + interchange + Lagrangian bound +
MILP: time, solution, bound, gap, what proved it) and without the MILP (the numpy-only fallback: Lagrangian bound).
Target: the full run under 30 s with a proven bound (gap 0 when solved exactly).

    .venv/bin/python benchmarks/bench_siting.py [--distances 500,1000,2000] [--count 10] [--seed 1]
"""

import argparse
import os
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests"))
import testpaths  # noqa: E402,F401  (makes the plugin importable as quartiersmonitor)
from quartiersmonitor.spatial import siting as st  # noqa: E402

CENTRE = (450000.0, 5750000.0)  # the demo county (resources/demo/generate.py)
RX, RY = 19000.0, 16500.0


def in_ellipse(rng, n):
    r = np.sqrt(rng.uniform(0, 1, n))
    a = rng.uniform(0, 2 * np.pi, n)
    return CENTRE[0] + RX * r * np.cos(a), CENTRE[1] + RY * r * np.sin(a)


def county(seed, n_addresses=150_000, n_candidates=1_000, n_offerings=150):
    rng = np.random.default_rng(seed)
    tx, ty = in_ellipse(rng, 60)  # settlements, a few large towns
    size = rng.pareto(1.2, 60) + 1.0
    town = rng.choice(60, n_addresses, p=size / size.sum())
    spread = 300.0 + 400.0 * np.sqrt(size[town])
    ax = tx[town] + rng.normal(0, 1, n_addresses) * spread
    ay = ty[town] + rng.normal(0, 1, n_addresses) * spread
    children = rng.poisson(0.35, n_addresses).astype(float)  # children under 6 per address
    cx, cy = in_ellipse(rng, n_candidates // 2)
    pick = rng.choice(n_addresses, n_candidates - len(cx), replace=False)  # half of the sites in settlements
    cx = np.concatenate([cx, ax[pick] + rng.normal(0, 50, len(pick))])
    cy = np.concatenate([cy, ay[pick] + rng.normal(0, 50, len(pick))])
    kept = rng.choice(n_addresses, n_offerings, replace=False)
    return (ax, ay, children), (cx, cy), (ax[kept], ay[kept])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distances", default="500,1000,2000")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--offerings", type=int, default=150, help="existing offerings (kept)")
    args = parser.parse_args()
    (ax, ay, w), cand, off = county(args.seed, n_offerings=args.offerings)
    print("siting: {:,} addresses (demand {:,.0f}), {:,} candidates, {} existing offerings, COUNT {}".format(
        len(ax), w.sum(), len(cand[0]), len(off[0]), args.count))
    for distance in (float(d) for d in args.distances.split(",")):
        t0 = time.perf_counter()
        units = st.straight_line_units(w, (ax, ay), cand, off, distance)
        t_units = time.perf_counter() - t0
        t0 = time.perf_counter()
        _sites, gains = st.greedy(units, args.count)
        t_greedy = time.perf_counter() - t0
        print("\nDISTANCE {:.0f} m: {:,} demand units ({:,} unit-candidate pairs) in {:.2f} s; covered before "
              "{:,.0f}".format(distance, units.n_units, len(units.pair_unit), t_units, units.covered_before))
        print("  greedy alone          {:7.2f} s  newly covered {:10,.1f}".format(t_greedy, sum(gains)))
        for label, use_milp in (("full (scipy MILP)", True), ("numpy only (no MILP)", False)):
            t0 = time.perf_counter()
            sol = st.solve(units, args.count, use_milp=use_milp)
            elapsed = time.perf_counter() - t0 + t_units
            print("  {:<21} {:7.2f} s  newly covered {:10,.1f}  bound {:10,.1f}  gap {:8,.1f} ({:.3f} %)  [{}]{}"
                  .format(label, elapsed, sol.value, sol.bound, sol.gap, 100 * sol.relative_gap, sol.method,
                          "  OVER 30 s" if elapsed > 30 else ""))


if __name__ == "__main__":
    main()
