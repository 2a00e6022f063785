"""Speed benchmark: ``quartiersmonitor:assignaddresses`` beside QGIS's native algorithms and geopandas.

Builds a synthetic county (158 Voronoi quartiers with densified, exactly shared borders, EPSG:25832) and N address
points in a GeoPackage (as users keep them), then runs in one process, best of ``--repeat`` runs each:

* counts only: ``assignaddresses`` (OUTPUT omitted, SUMMARY to memory) vs ``native:countpointsinpolygon`` (memory)
  and geopandas ``sjoin`` (predicate within, shapely 2; points already in memory, a benchmark-only peer);
* per address: ``assignaddresses`` (OUTPUT = TEMPORARY_OUTPUT / a GeoPackage path) vs
  ``native:joinattributesbylocation`` (predicate within, METHOD 1 "first matching feature") to a memory layer /
  a GeoPackage. OUTPUT of assignaddresses is a vector destination: TEMPORARY_OUTPUT is a temporary GeoPackage
  (no spatial index, like a memory layer); a GeoPackage path gets a spatial index, like QGIS's own writer;

and prints times, ratios and the peak resident memory (VmHWM, QGIS included) of each of our contenders' runs: the
peak is reset before each (Linux >= 4.0, ``/proc/self/clear_refs``; where that is refused, the peak of the whole
process so far, an upper bound). The machine is shared: timings are disturbed by other processes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_assign.py -n 1000000 --repeat 3
"""

import argparse
import csv
import ctypes
import gc
import os
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRS = "EPSG:25832"
ORIGIN = (380000.0, 5560000.0)
SIZE = (42000.0, 32000.0)


def build_quartiers(path, n=158, seed=7):
    """158 Voronoi quartiers inside a wavy county outline, borders densified to ~60 m (realistic vertex counts)."""
    import shapely
    from osgeo import ogr, osr

    rng = np.random.default_rng(seed)
    ox, oy = ORIGIN
    w, h = SIZE
    t = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    cx, cy = ox + w / 2, oy + h / 2
    r = 1 + 0.08 * np.sin(5 * t) + 0.05 * np.cos(11 * t)
    county = shapely.Polygon(np.c_[cx + w / 2 * r * np.cos(t), cy + h / 2 * r * np.sin(t)])
    seeds = []
    while len(seeds) < n:
        p = shapely.Point(ox + rng.uniform(0, w), oy + rng.uniform(0, h))
        if county.contains(p):
            seeds.append(p)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=county.envelope.buffer(5000))
    cells = [shapely.intersection(c, county) for c in shapely.get_parts(cells)]
    cells = [shapely.segmentize(c, 60.0) for c in cells if not c.is_empty]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer("quartiers", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("qid", ogr.OFTString))
    lyr.StartTransaction()
    for i, cell in enumerate(cells):
        f = ogr.Feature(lyr.GetLayerDefn())
        f["qid"] = "{:04d}".format(i + 1)
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(shapely.to_wkb(cell))))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None
    return len(cells)


def settlement_xy(rng, n):
    """x, y of ``n`` points clustered like settlements (60 centres) plus a uniform background (20 %)."""
    ox, oy = ORIGIN
    w, h = SIZE
    centres = np.c_[ox + rng.uniform(0, w, 60), oy + rng.uniform(0, h, 60)]
    k = rng.integers(0, 60, n)
    x = centres[k, 0] + rng.normal(0, 1200, n)
    y = centres[k, 1] + rng.normal(0, 1200, n)
    uniform = rng.random(n) < 0.2
    x[uniform] = ox + rng.uniform(0, w, uniform.sum())
    y[uniform] = oy + rng.uniform(0, h, uniform.sum())
    return x, y


def build_points(path, n, seed=11):
    """N address points (residents, street) in a GeoPackage, written by GDAL from a CSV."""
    from osgeo import gdal

    gdal.UseExceptions()
    rng = np.random.default_rng(seed)
    x, y = settlement_xy(rng, n)
    residents = rng.integers(0, 12, n)
    csv_path = path + ".csv"
    with open(csv_path, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["x", "y", "residents", "street"])
        streets = ["Hauptstraße", "Bahnhofstr.", "Am Markt", "Lindenweg"]
        for i in range(n):
            out.writerow(["{:.2f}".format(x[i]), "{:.2f}".format(y[i]), int(residents[i]), streets[i % 4]])
    if os.path.exists(path):
        os.remove(path)
    src = gdal.OpenEx(csv_path, gdal.OF_VECTOR, open_options=[
        "X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "AUTODETECT_TYPE=YES", "KEEP_GEOM_COLUMNS=NO"])
    gdal.VectorTranslate(path, src, format="GPKG", layerName="addresses", dstSRS=CRS, srcSRS=CRS,
                         geometryType="POINT")
    src = None
    os.remove(csv_path)


def peak_rss_mib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def reset_peak_rss():
    """Start a new peak (VmHWM) for this process (Linux >= 4.0: write 5 to clear_refs) after handing the memory
    freed by earlier runs back to the system (glibc ``malloc_trim``); False where not allowed."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_case(folder, n):
    """The paths of the case's quartiers and ``n`` address points in ``folder``, built once and kept."""
    os.makedirs(folder, exist_ok=True)
    qpath = os.path.join(folder, "quartiers.gpkg")
    ppath = os.path.join(folder, "addresses_{}.gpkg".format(n))
    if not os.path.exists(qpath):
        print("building quartiers", flush=True)
        build_quartiers(qpath)
    if not os.path.exists(ppath):
        print("building {} points".format(n), flush=True)
        build_points(ppath, n)
    return qpath, ppath


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1_000_000, help="number of address points")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (best is reported)")
    parser.add_argument("--folder", default=os.path.join(REPO, "build", "bench"), help="where the case is kept")
    parser.add_argument("--skip-native-gpkg", action="store_true", help="skip the slow native join to GeoPackage")
    args = parser.parse_args(argv)

    qpath, ppath = bench_case(args.folder, args.n)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.path.join(REPO, "tests"))
    import conftest  # noqa: F401  (makes the plugin importable as ``quartiersmonitor``)
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    from qgis_session import start_qgis_with_provider

    app, _provider, processing = start_qgis_with_provider()

    points = QgsVectorLayer(ppath + "|layername=addresses", "addresses", "ogr")
    quartiers = QgsVectorLayer(qpath + "|layername=quartiers", "quartiers", "ogr")
    assert points.isValid() and quartiers.isValid()
    print("N = {:,} points, {} quartiers, {} quartier vertices".format(
        points.featureCount(), quartiers.featureCount(),
        sum(f.geometry().constGet().nCoordinates() for f in quartiers.getFeatures())), flush=True)
    tmp = tempfile.mkdtemp(prefix="qm-bench-")
    counter = [0]

    def gpkg_out():
        counter[0] += 1
        return os.path.join(tmp, "out{}.gpkg".format(counter[0]))

    def run(alg, params):
        context = QgsProcessingContext()
        result = processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())
        del context
        return result

    results = {}

    def ours_counts():
        r = run("quartiersmonitor:assignaddresses", {
            "INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "SUM_FIELDS": ["residents"],
            "SUMMARY": "TEMPORARY_OUTPUT"})
        assert r["SUMMARY"]

    def native_count():
        run("native:countpointsinpolygon", {
            "POLYGONS": quartiers, "POINTS": points, "FIELD": "NUMPOINTS", "OUTPUT": "TEMPORARY_OUTPUT"})

    def ours_memory():
        run("quartiersmonitor:assignaddresses", {
            "INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "OUTPUT": "TEMPORARY_OUTPUT"})
        # (a vector destination: QGIS hands a temporary .gpkg path, written without spatial index)

    def native_memory():
        run("native:joinattributesbylocation", {
            "INPUT": points, "JOIN": quartiers, "PREDICATE": [5], "JOIN_FIELDS": ["qid"], "METHOD": 1,
            "DISCARD_NONMATCHING": False, "OUTPUT": "TEMPORARY_OUTPUT"})

    def ours_memory_layer():
        run("quartiersmonitor:assignaddresses", {
            "INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "OUTPUT": "memory:"})

    def ours_gpkg():
        run("quartiersmonitor:assignaddresses", {
            "INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "OUTPUT": gpkg_out()})

    def native_gpkg():
        run("native:joinattributesbylocation", {
            "INPUT": points, "JOIN": quartiers, "PREDICATE": [5], "JOIN_FIELDS": ["qid"], "METHOD": 1,
            "DISCARD_NONMATCHING": False, "OUTPUT": gpkg_out()})

    def geopandas_case():
        # Points built from GDAL-read WKB (no pyogrio, so no second GDAL in this process); only sjoin is timed.
        import geopandas
        from osgeo import ogr

        ds = ogr.Open(ppath)
        lyr = ds.GetLayer(0)
        lyr.SetIgnoredFields([lyr.GetLayerDefn().GetFieldDefn(i).GetName()
                              for i in range(lyr.GetLayerDefn().GetFieldCount())])
        wkb = [bytes(m) for b in lyr.GetArrowStreamAsNumPy() for m in b["geom"]]
        ds = None
        gdf_points = geopandas.GeoDataFrame(geometry=geopandas.GeoSeries.from_wkb(wkb, crs=CRS))
        del wkb
        qds = ogr.Open(qpath)
        qwkb, qids = [], []
        for f in qds.GetLayer(0):
            qwkb.append(bytes(f.GetGeometryRef().ExportToWkb()))
            qids.append(f["qid"])
        qds = None
        gdf_q = geopandas.GeoDataFrame({"qid": qids}, geometry=geopandas.GeoSeries.from_wkb(qwkb, crs=CRS))

        def geopandas_sjoin():
            joined = geopandas.sjoin(gdf_points, gdf_q, how="left", predicate="within")
            joined.groupby("qid").size()

        return geopandas_sjoin

    ours = [
        ("ours: counts only (SUMMARY)", ours_counts),
        ("ours: OUTPUT temporary (GeoPackage)", ours_memory),
        ("ours: OUTPUT to GeoPackage", ours_gpkg),
        ("ours: OUTPUT memory: (memory layer)", ours_memory_layer),  # last: its million features stay longest
    ]
    others = [
        ("native:countpointsinpolygon", native_count),
        ("native join (within, first) to memory", native_memory),
    ]
    if not args.skip_native_gpkg:
        others.append(("native join (within, first) to GeoPackage", native_gpkg))
    peaks = {}
    for name, fn in ours:
        gc.collect()
        separate = reset_peak_rss()
        results[name] = best_of(args.repeat, fn)
        peaks[name] = peak_rss_mib() if separate else None
        print("{:45s} {:8.2f} s{}".format(name, results[name], "   peak RSS of its runs {:.0f} MiB".format(
            peaks[name]) if separate else ""), flush=True)
    peak_ours = max(peaks.values()) if all(v is not None for v in peaks.values()) else peak_rss_mib()
    print("peak RSS of our runs (process incl. QGIS): {:.0f} MiB".format(peak_ours), flush=True)
    for name, fn in others:
        results[name] = best_of(args.repeat, fn)
        print("{:45s} {:8.2f} s".format(name, results[name]), flush=True)
    name = "geopandas sjoin (within) + counts"
    results[name] = best_of(args.repeat, geopandas_case())
    print("{:45s} {:8.2f} s".format(name, results[name]), flush=True)

    def ratio(slow, fast):
        return results[slow] / results[fast]

    print()
    print("counts: native count / ours           = {:.2f}x  (target >= 3)".format(
        ratio("native:countpointsinpolygon", "ours: counts only (SUMMARY)")))
    print("counts: ours / geopandas sjoin        = {:.2f}x  (target <= 2)".format(
        ratio("ours: counts only (SUMMARY)", "geopandas sjoin (within) + counts")))
    print("memory: native join / ours (temporary) = {:.2f}x  (target >= 2)".format(
        ratio("native join (within, first) to memory", "ours: OUTPUT temporary (GeoPackage)")))
    print("memory: native join / ours (memory:)  = {:.2f}x  (target >= 2)".format(
        ratio("native join (within, first) to memory", "ours: OUTPUT memory: (memory layer)")))
    if not args.skip_native_gpkg:
        print("gpkg:   native join / ours            = {:.2f}x  (target >= 2)".format(
            ratio("native join (within, first) to GeoPackage", "ours: OUTPUT to GeoPackage")))
    print("peak RSS of our runs: {:.0f} MiB (target < 1024; each contender measured from a reset peak where Linux "
          "allows it)".format(peak_ours))
    print("note: shared machine, timings disturbed by other processes")


if __name__ == "__main__":
    main()
