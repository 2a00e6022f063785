"""Speed benchmark: distances along a street network (``spatial.network`` and ``offeringcoverage`` + NETWORK) and
accessibility (``accessibility``).

Issue 15's target: 150,000 addresses x 500 offerings on a network of 50,000 segments at least 50 times faster than a
loop of QGIS's ``native:shortestpathlayertopoint`` (one run per offering, all addresses as start points), and beside
the straight-line distances.

The network is generated: a grid of streets 100 m apart (each street one line with a vertex at every crossing),
crossed by an east-west river that only three bridges span; addresses and offerings are random points between the
streets; 8 x 8 quartiers.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_network.py [--addresses 150000] [--offerings 500]
        [--grid 159] [--qgis-offerings 1] [--qgis-addresses 10000]

The QGIS loop is timed for ``--qgis-offerings`` offerings with ``--qgis-addresses`` start points and extrapolated
linearly to all offerings and addresses (one run with 10,000 start points on this network takes about 7 minutes;
the whole loop would take days); the extrapolation leaves out taking the minimum over the offerings' results and
QGIS's worse than linear growth in the start points (both in favour of QGIS).
The machine is shared: timings are disturbed by other processes.
"""

import argparse
import os
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def import_plugin():
    link_dir = tempfile.mkdtemp(prefix="qm-bench-")
    os.symlink(REPO, os.path.join(link_dir, "quartiersmonitor"))
    sys.path.insert(0, link_dir)


def street_grid(n, spacing=100.0):
    """Lines of an n x n grid of crossings: rows (west-east) and columns (south-north) with a vertex at each
    crossing; the river runs between rows n // 2 - 1 and n // 2: columns are cut there except three bridges."""
    coords = np.arange(n) * spacing
    lines = [[(float(x), float(y)) for x in coords] for y in coords]
    cut = n // 2
    bridges = {n // 6, n // 2, 5 * n // 6}
    for x in coords:
        column = [(float(x), float(y)) for y in coords]
        if int(round(x / spacing)) in bridges:
            lines.append(column)
        else:
            lines.append(column[:cut])
            lines.append(column[cut:])
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addresses", type=int, default=150_000)
    parser.add_argument("--offerings", type=int, default=500)
    parser.add_argument("--grid", type=int, default=159, help="crossings per side (159: about 50,000 segments)")
    parser.add_argument("--qgis-offerings", type=int, default=1)
    parser.add_argument("--qgis-addresses", type=int, default=10_000,
                        help="start points of each QGIS run (its time is scaled up to all addresses linearly)")
    args = parser.parse_args(argv)
    import_plugin()

    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsRectangle,
        QgsVectorLayer,
    )
    from qgis_session import start_qgis_with_provider

    app, provider, processing = start_qgis_with_provider()
    from quartiersmonitor.spatial import network as nw
    from quartiersmonitor.spatial.nearest import nearest

    rng = np.random.default_rng(15)
    lines = street_grid(args.grid)
    size = (args.grid - 1) * 100.0
    ax, ay = rng.uniform(0, size, args.addresses), rng.uniform(0, size, args.addresses)
    ox, oy = rng.uniform(0, size, args.offerings), rng.uniform(0, size, args.offerings)
    x = np.array([p[0] for line in lines for p in line])
    y = np.array([p[1] for line in lines for p in line])
    start = np.cumsum([0] + [len(line) for line in lines])

    # -- kernels ----------------------------------------------------------------------------------------------------
    t0 = time.perf_counter()
    net = nw.build_network(x, y, start, nw.SNAP_M)
    t_build = time.perf_counter() - t0
    print("network: {} segments, {} nodes (built in {:.2f} s); {} addresses x {} offerings".format(
        net.n_segments, net.n_nodes, t_build, args.addresses, args.offerings))
    t0 = time.perf_counter()
    (dist_scipy,), _pa, _oa = nw.network_distances(net, (ax, ay), (ox, oy))
    t_kernel = time.perf_counter() - t0 + t_build
    t0 = time.perf_counter()
    (dist_heap,), _pa, _oa = nw.network_distances(net, (ax, ay), (ox, oy), use_scipy=False)
    t_heap = time.perf_counter() - t0 + t_build
    assert np.allclose(dist_scipy, dist_heap, rtol=0, atol=1e-6)
    t0 = time.perf_counter()
    straight, _ = nearest(ax, ay, ox, oy)
    t_straight = time.perf_counter() - t0
    ratio = dist_scipy / straight
    print("kernel, network distances (scipy):          {:8.2f} s".format(t_kernel))
    print("kernel, network distances (own Dijkstra):   {:8.2f} s (same distances)".format(t_heap))
    print("kernel, straight-line distances:            {:8.2f} s   network/straight: median {:.2f}, max {:.1f}"
          .format(t_straight, float(np.median(ratio)), float(np.max(ratio))))

    # -- layers -----------------------------------------------------------------------------------------------------
    def memory(kind, fields, geometries, attributes):
        layer = QgsVectorLayer("{}?crs=EPSG:25832&{}".format(kind, "&".join("field=" + f for f in fields)), kind,
                               "memory")
        features = []
        for geometry, attrs in zip(geometries, attributes):
            f = QgsFeature(layer.fields())
            f.setGeometry(geometry)
            f.setAttributes(attrs)
            features.append(f)
        layer.dataProvider().addFeatures(features)
        return layer

    network = memory("LineString", ["id:integer"],
                     [QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]) for line in lines],
                     [[k] for k in range(len(lines))])
    addresses = memory("Point", ["adr:integer", "ew:integer"],
                       [QgsGeometry.fromPointXY(QgsPointXY(a, b)) for a, b in zip(ax, ay)],
                       [[k, 1 + k % 5] for k in range(args.addresses)])
    offerings = memory("Point", ["name:integer", "plaetze:integer"],
                       [QgsGeometry.fromPointXY(QgsPointXY(a, b)) for a, b in zip(ox, oy)],
                       [[k, 20 + k % 40] for k in range(args.offerings)])
    step = size / 8
    quartiers = memory("Polygon", ["qid:string"], [
        QgsGeometry.fromRect(QgsRectangle(i * step - 1, j * step - 1, (i + 1) * step + 1e-6, (j + 1) * step + 1e-6))
        for j in range(8) for i in range(8)], [["{}_{}".format(i, j)] for j in range(8) for i in range(8)])

    def run(alg, params):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        t0 = time.perf_counter()
        result = processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())
        return time.perf_counter() - t0, result

    base = {"OFFERINGS": offerings, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "ADDRESSES": addresses,
            "POPULATION_FIELD": "ew", "DISTANCE": 500, "OUTPUT": "memory:"}
    t_alg_net, _r = run("quartiersmonitor:offeringcoverage", dict(base, NETWORK=network))
    t_alg_straight, _r = run("quartiersmonitor:offeringcoverage", base)
    print("offeringcoverage + NETWORK (processing.run): {:8.2f} s".format(t_alg_net))
    print("offeringcoverage, straight line:             {:8.2f} s   network / straight-line: {:.1f} x".format(
        t_alg_straight, t_alg_net / t_alg_straight))
    acc = {"OFFERINGS": offerings, "CAPACITY_FIELD": "plaetze", "ADDRESSES": addresses, "DEMAND_FIELD": "ew",
           "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "DISTANCE": 1000, "DECAY": 2, "OUTPUT": "memory:"}
    t_acc_net, _r = run("quartiersmonitor:accessibility", dict(acc, NETWORK=network))
    t_acc_straight, _r = run("quartiersmonitor:accessibility", acc)
    print("accessibility + NETWORK (1000 m catchments): {:8.2f} s".format(t_acc_net))
    print("accessibility, straight line:                {:8.2f} s".format(t_acc_straight))

    # -- QGIS: one shortest-path run per offering ---------------------------------------------------------------------
    n_qgis = min(args.qgis_addresses, args.addresses)
    starts = addresses
    if n_qgis < args.addresses:
        starts = memory("Point", ["adr:integer"], [QgsGeometry.fromPointXY(QgsPointXY(a, b))
                                                    for a, b in zip(ax[:n_qgis], ay[:n_qgis])],
                        [[k] for k in range(n_qgis)])
    times = []
    for k in range(args.qgis_offerings):
        t, _r = run("native:shortestpathlayertopoint", {
            "INPUT": network, "STRATEGY": 0, "START_POINTS": starts,
            "END_POINT": "{},{} [EPSG:25832]".format(ox[k], oy[k]), "TOLERANCE": 0, "OUTPUT": "memory:"})
        times.append(t)
        print("native:shortestpathlayertopoint, offering {}, {} start points: {:8.2f} s".format(k + 1, n_qgis, t),
              flush=True)
    per = float(np.mean(times)) * args.addresses / n_qgis
    loop = per * args.offerings
    print("QGIS loop over {} offerings x {} addresses, EXTRAPOLATED from {} run(s) with {} start points "
          "(linear in offerings and addresses; QGIS's tie-in of the points grows faster than that, so this favours "
          "QGIS): {:10.0f} s".format(args.offerings, args.addresses, len(times), n_qgis, loop))
    print("ratio QGIS loop / offeringcoverage + NETWORK: {:10.0f} x (target >= 50 x)".format(loop / t_alg_net))
    print("ratio QGIS loop / network kernel:             {:10.0f} x".format(loop / t_kernel))
    QgsApplication.processingRegistry().removeProvider(provider)
    return 0


if __name__ == "__main__":
    sys.exit(main())
