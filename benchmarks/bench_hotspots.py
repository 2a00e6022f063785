"""Speed benchmark: the hot spot kernels of ``quartiersmonitor:hotspots`` (``spatial.hotspots``, numpy) beside PySAL
(libpysal weights + esda, with numba when installed) on the same 10,000 polygons, in one process.

Polygons: a ``--side`` × ``--side`` grid of squares (default 100 × 100 = 10,000) or ``--voronoi`` cells of as many
random points (shapely 2). Values: gamma-distributed with a hot block. Each contender, best of ``--repeat``:

* weights: queen contiguity from the rings (ours) vs ``libpysal.weights.Queen.from_iterable``;
* Gi*: z-scores and ``--permutations`` (999) conditional permutations, seeded (ours: ``gi_star`` + ``pseudo_p``)
  vs ``esda.G_Local(transform="B", star=True, n_jobs=1)``;
* local Moran: the same (ours: ``local_moran`` + ``pseudo_p``) vs ``esda.Moran_Local(n_jobs=1)``.

esda's first call compiles its numba kernels: a warm-up run on a small grid comes first and is not timed. The
z-scores of both are compared (max |difference|) so that the same job is timed. PySAL is a benchmark-only peer
(``pip install -c .venv/constraints.txt esda libpysal numba``); the plugin never needs it.

    .venv/bin/python benchmarks/bench_hotspots.py --repeat 3
"""

import argparse
import os
import sys
import time
import warnings

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests"))
import testpaths  # noqa: E402,F401  (makes the plugin importable as quartiersmonitor)
from quartiersmonitor.spatial import hotspots as hs  # noqa: E402


def grid(side):
    rings = []
    for row in range(side):
        for col in range(side):
            rings.append([np.array([(col, row), (col + 1, row), (col + 1, row + 1), (col, row + 1), (col, row)],
                                   dtype=float)])
    return rings


def voronoi(n, seed=5):
    import shapely

    rng = np.random.default_rng(seed)
    side = np.sqrt(n) * 100.0
    points = shapely.multipoints(rng.uniform(0, side, (n, 2)))
    box = shapely.box(0, 0, side, side)
    cells = [shapely.intersection(c, box) for c in shapely.get_parts(shapely.voronoi_polygons(points, extend_to=box))]
    return [[np.asarray(c.exterior.coords)] for c in cells if c.geom_type == "Polygon"]


def values_for(rings, seed=1):
    rng = np.random.default_rng(seed)
    centres = np.array([r[0][:-1].mean(axis=0) for r in rings])
    y = rng.gamma(4.0, 2.0, len(rings))
    span = centres.max(axis=0) - centres.min(axis=0)
    hot = np.hypot(*((centres - centres.min(axis=0) - 0.3 * span) / span).T) < 0.08
    y[hot] += 8.0
    return y


def best(function, repeat):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=100)
    parser.add_argument("--voronoi", action="store_true")
    parser.add_argument("--permutations", type=int, default=999)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import esda
        import libpysal
        import shapely
    warnings.simplefilter("ignore")
    try:
        import numba
        jit = "numba {}".format(numba.__version__)
    except ImportError:
        jit = "no numba: esda's permutations run in pure Python"

    n = args.side * args.side
    rings = voronoi(n) if args.voronoi else grid(args.side)
    shapes = [shapely.Polygon(r[0]) for r in rings]
    y = values_for(rings)
    print("{} polygons ({}), {} permutations; esda {}, libpysal {}, {}".format(
        len(rings), "Voronoi" if args.voronoi else "grid", args.permutations, esda.__version__,
        libpysal.__version__, jit))

    # warm-up (numba compiles esda's kernels on the first call)
    small = grid(8)
    w_small = libpysal.weights.Queen.from_iterable([shapely.Polygon(r[0]) for r in small])
    esda.G_Local(values_for(small), w_small, transform="B", star=True, permutations=99, n_jobs=1, seed=1)
    esda.Moran_Local(values_for(small), w_small, permutations=99, n_jobs=1, seed=1)

    rows = []
    t_ours, nb = best(lambda: hs.contiguity(rings), args.repeat)
    t_pysal, w = best(lambda: libpysal.weights.Queen.from_iterable(shapes), args.repeat)
    same = nb.lists() == [sorted(w.neighbors[i]) for i in range(len(rings))]
    rows.append(("queen weights", t_ours, t_pysal, "same neighbours: {}".format(same)))

    def ours_gi():
        return hs.gi_star(y, nb), hs.pseudo_p(y, nb, args.permutations, seed=1)

    def esda_gi():
        return esda.G_Local(y, w, transform="B", star=True, permutations=args.permutations, n_jobs=1, seed=1)

    t_ours, (z, p) = best(ours_gi, args.repeat)
    t_pysal, g = best(esda_gi, args.repeat)
    rows.append(("Gi* + permutations", t_ours, t_pysal, "max |z diff| {:.1e}, mean |p diff| {:.4f}".format(
        np.abs(z - g.Zs).max(), np.abs(p - g.p_sim).mean())))

    def ours_moran():
        m = hs.local_moran(y, nb)
        return m, hs.pseudo_p(m.standardised, nb, args.permutations, seed=1, direction=m.standardised)

    def esda_moran():
        w.transform = "r"
        return esda.Moran_Local(y, w, permutations=args.permutations, n_jobs=1, seed=1)

    t_ours, (m, p) = best(ours_moran, args.repeat)
    t_pysal, lm = best(esda_moran, args.repeat)
    rows.append(("local Moran + permutations", t_ours, t_pysal, "max |I diff| {:.1e}, mean |p diff| {:.4f}".format(
        np.abs(m.Is - lm.Is).max(), np.abs(p - lm.p_sim).mean())))

    print("{:<28} {:>10} {:>10} {:>8}  {}".format("step", "ours s", "PySAL s", "ratio", "check"))
    for name, ours, pysal, check in rows:
        print("{:<28} {:>10.2f} {:>10.2f} {:>8.2f}  {}".format(name, ours, pysal, ours / pysal, check))
    total_ours, total_pysal = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print("{:<28} {:>10.2f} {:>10.2f} {:>8.2f}  (ratio = ours / PySAL)".format(
        "total", total_ours, total_pysal, total_ours / total_pysal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
