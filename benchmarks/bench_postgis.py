"""Speed benchmark: ``quartiersmonitor:assignaddresses`` with PostGIS input and PostGIS outputs, beside the same run
on GeoPackages and beside QGIS's ``native:joinattributesbylocation`` PostGIS → PostGIS.

The case is bench_assign's: 158 Voronoi quartiers and N settlement-clustered address points (fields residents,
street; EPSG:25832), kept as GeoPackages in ``--folder`` and copied by GDAL into a throwaway PostgreSQL/PostGIS
server (tests/postgis_server.py: ``initdb`` into a temporary folder, a free port on 127.0.0.1; removed afterwards).
One run each, in one process:

* ours, GeoPackage → GeoPackage: OUTPUT (per address) and SUMMARY (per quartier, n_addresses, sum_residents) as
  GeoPackage files;
* ours, PostGIS → PostGIS: the same inputs read from PostGIS, OUTPUT and SUMMARY written as ``postgres://`` tables;
* native, PostGIS → PostGIS: ``native:joinattributesbylocation`` (predicate within, METHOD 1 "first matching
  feature", the quartier id joined) into a ``postgres://`` table (per address only: no summary).

Prints the times and the ratios (target: ours PostGIS within 2x of ours GeoPackage, and at least 3x faster than
the native join). The machine is shared: timings are disturbed by other processes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_postgis.py -n 1000000
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests"))

from bench_assign import bench_case  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1_000_000, help="number of address points")
    parser.add_argument("--folder", default=os.path.join(REPO, "build", "bench"), help="where the case is kept")
    parser.add_argument("--skip-native", action="store_true", help="skip the (slow) native join")
    parser.add_argument("--verbose", action="store_true", help="print the algorithms' messages with their times")
    args = parser.parse_args(argv)

    qpath, ppath = bench_case(args.folder, args.n)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import conftest  # noqa: F401  (makes the plugin importable as ``quartiersmonitor``)
    from osgeo import gdal
    from postgis_server import PostgisServer, _bin_dir
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    from qgis_session import start_qgis_with_provider

    app, _provider, processing = start_qgis_with_provider()

    gdal.UseExceptions()
    server_dir = tempfile.mkdtemp(prefix="qm-bench-pg-")
    server = PostgisServer(server_dir, _bin_dir())
    tmp = tempfile.mkdtemp(prefix="qm-bench-")
    try:
        server.start()
        started = time.perf_counter()
        for path, name in ((ppath, "addresses"), (qpath, "quartiers")):
            gdal.VectorTranslate("PG:" + server.connection(), path, options=gdal.VectorTranslateOptions(
                layers=[name], layerCreationOptions=["FID=fid", "GEOMETRY_NAME=geom", "LAUNDER=NO"]))
        server.sql("VACUUM ANALYZE")
        print("copied into PostGIS in {:.1f} s (not timed below)".format(time.perf_counter() - started), flush=True)

        gpkg_points = QgsVectorLayer(ppath + "|layername=addresses", "addresses", "ogr")
        gpkg_quartiers = QgsVectorLayer(qpath + "|layername=quartiers", "quartiers", "ogr")
        pg_points = QgsVectorLayer(server.uri("addresses"), "addresses", "postgres")
        pg_quartiers = QgsVectorLayer(server.uri("quartiers"), "quartiers", "postgres")
        assert all(layer.isValid() for layer in (gpkg_points, gpkg_quartiers, pg_points, pg_quartiers))
        print("N = {:,} points, {} quartiers".format(pg_points.featureCount(), pg_quartiers.featureCount()),
              flush=True)

        class Feedback(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802
                if args.verbose:
                    print("    {:7.2f} s  {}".format(time.perf_counter() - self.started, info), flush=True)

        def run(alg, params):
            context = QgsProcessingContext()
            feedback = Feedback()
            started = feedback.started = time.perf_counter()
            result = processing.run(alg, params, context=context, feedback=feedback)
            elapsed = time.perf_counter() - started
            del context, result
            return elapsed

        times = {}
        times["ours GeoPackage -> GeoPackage"] = run("quartiersmonitor:assignaddresses", {
            "INPUT": gpkg_points, "QUARTIERS": gpkg_quartiers, "QUARTIER_ID": "qid", "SUM_FIELDS": ["residents"],
            "OUTPUT": os.path.join(tmp, "assigned.gpkg"), "SUMMARY": os.path.join(tmp, "summary.gpkg")})
        print("  {:<34} {:8.2f} s".format("ours GeoPackage -> GeoPackage", times["ours GeoPackage -> GeoPackage"]),
              flush=True)
        times["ours PostGIS -> PostGIS"] = run("quartiersmonitor:assignaddresses", {
            "INPUT": pg_points, "QUARTIERS": pg_quartiers, "QUARTIER_ID": "qid", "SUM_FIELDS": ["residents"],
            "OUTPUT": server.destination("assigned"), "SUMMARY": server.destination("summary")})
        print("  {:<34} {:8.2f} s".format("ours PostGIS -> PostGIS", times["ours PostGIS -> PostGIS"]), flush=True)
        counted = server.sql("SELECT count(*), count(quartier_id) FROM assigned")
        print("  (assigned: {} rows, with quartier_id)".format(counted.replace("|", " rows, ")), flush=True)
        if not args.skip_native:
            times["native join PostGIS -> PostGIS"] = run("native:joinattributesbylocation", {
                "INPUT": pg_points, "JOIN": pg_quartiers, "PREDICATE": [5], "JOIN_FIELDS": ["qid"], "METHOD": 1,
                "DISCARD_NONMATCHING": False, "OUTPUT": server.destination("joined")})
            print("  {:<34} {:8.2f} s".format("native join PostGIS -> PostGIS",
                                              times["native join PostGIS -> PostGIS"]), flush=True)

        ours_pg, ours_gpkg = times["ours PostGIS -> PostGIS"], times["ours GeoPackage -> GeoPackage"]
        print("ratio ours PostGIS / ours GeoPackage: {:.2f}x (target <= 2)".format(ours_pg / ours_gpkg))
        if "native join PostGIS -> PostGIS" in times:
            print("ratio native join / ours PostGIS: {:.2f}x faster (target >= 3)".format(
                times["native join PostGIS -> PostGIS"] / ours_pg))
    finally:
        server.stop()
        shutil.rmtree(server_dir, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
