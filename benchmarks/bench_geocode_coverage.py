"""Speed benchmark: geocoding (``addresses.geocode`` and ``quartiersmonitor:geocodeaddresses``) and coverage
(``spatial.nearest`` and ``quartiersmonitor:offeringcoverage``).

Targets of issue 4: geocoding at least 100,000 addresses a second for exact / normalised matches; offeringcoverage
for 150,000 addresses x 500 offerings in seconds.

1. kernel: a directory of the demo county's addresses (``--scale 1``: about 150,000), N input rows of which 80 % are
   spelt as in the directory and 20 % differently ("Str.", upper case, "12 A", umlauts spelt out);
2. algorithm: ``geocodeaddresses`` through ``processing.run`` on a memory table of the same rows (QGIS feature I/O
   included, memory outputs), then on a GeoPackage table of them with GeoPackage outputs (as users keep them: read
   and written by GDAL / SQLite);
3. kernel: ``spatial.nearest`` for the addresses against 500 offerings, scipy's cKDTree as a reference if installed;
4. algorithm: ``offeringcoverage`` with the demo GeoPackage's quartiers and addresses and 500 offerings; ADDRESS_OUTPUT
   to memory and to a GeoPackage.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_geocode_coverage.py [--scale 1.0] [-n 200000]

The machine is shared: timings are disturbed by other processes; best of ``--repeat`` runs.
"""

import argparse
import importlib
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


def best_of(repeat, func):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return min(times), result


def respell(street, number, rng):
    kind = rng.integers(0, 4)
    if kind == 0:
        return street.replace("straße", "str.").replace("Straße", "Str."), number
    if kind == 1:
        return street.upper(), number
    if kind == 2:
        return street.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"), number
    return street, (number[:-1] + " " + number[-1].upper()) if number[-1:].isalpha() else number + " "


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="demo county scale (1.0: about 150,000 addresses)")
    parser.add_argument("-n", type=int, default=200000, help="rows to geocode")
    parser.add_argument("--offerings", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    import_plugin()
    from quartiersmonitor.addresses import Directory, geocode, summary
    from quartiersmonitor.spatial.nearest import nearest

    generate = importlib.import_module("quartiersmonitor.resources.demo.generate")
    folder = tempfile.mkdtemp(prefix="qm-bench-demo-")
    t0 = time.perf_counter()
    data = generate.generate(seed=42, scale=args.scale)
    generate.write(data, folder)
    print("demo county (scale {}) generated and written in {:.1f} s".format(args.scale, time.perf_counter() - t0))
    a = data.addresses
    rng = np.random.default_rng(1)
    directory = Directory(a["street"].to_numpy(), a["housenumber"].to_numpy(), a["x"].to_numpy(), a["y"].to_numpy(),
                          postcode=a["postcode"].to_numpy(), city=a["municipality"].to_numpy())
    pick = rng.integers(0, len(a), args.n)
    streets = a["street"].to_numpy()[pick].copy()
    numbers = a["housenumber"].to_numpy()[pick].copy()
    for i in np.flatnonzero(rng.random(args.n) < 0.2):
        streets[i], numbers[i] = respell(streets[i], numbers[i], rng)
    postcodes = a["postcode"].to_numpy()[pick]
    cities = a["municipality"].to_numpy()[pick]

    # 1. geocoding kernel
    seconds, result = best_of(args.repeat, lambda: geocode(directory, streets, numbers, postcode=postcodes,
                                                           city=cities))
    right = np.mean(result["dir_index"].to_numpy() == pick)
    print("1 geocode kernel: {:,} rows against {:,} directory addresses in {:.2f} s = {:,.0f} rows/s; {}; "
          "{:.2%} at the right address".format(args.n, len(a), seconds, args.n / seconds, summary(result), right))

    # 2. geocodeaddresses algorithm (QGIS I/O included)
    from qgis.core import QgsApplication, QgsFeature, QgsVectorLayer
    from qgis_session import start_qgis_with_provider

    app, provider, processing = start_qgis_with_provider()
    table = QgsVectorLayer("None?field=street:string&field=housenumber:string&field=postcode:string"
                           "&field=city:string", "table", "memory")
    feats = []
    for s, h, p, c in zip(streets, numbers, postcodes, cities):
        f = QgsFeature(table.fields())
        f.setAttributes([s, h, p, c])
        feats.append(f)
    assert table.dataProvider().addFeatures(feats)[0]
    gpkg = os.path.join(folder, "demo.gpkg")
    addresses = QgsVectorLayer(gpkg + "|layername=addresses", "addresses", "ogr")
    params = {"INPUT": table, "STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber",
              "POSTCODE_FIELD": "postcode", "CITY_FIELD": "city", "DIRECTORY": addresses,
              "DIR_STREET_FIELD": "street", "DIR_HOUSENUMBER_FIELD": "housenumber", "DIR_POSTCODE_FIELD": "postcode",
              "DIR_CITY_FIELD": "municipality", "OUTPUT": "memory:", "UNMATCHED": "memory:"}
    seconds, _ = best_of(args.repeat, lambda: processing.run("quartiersmonitor:geocodeaddresses", params))
    print("2 geocodeaddresses (processing.run, memory in/out): {:,} rows in {:.2f} s = {:,.0f} rows/s".format(
        args.n, seconds, args.n / seconds))
    table_gpkg = os.path.join(folder, "table.gpkg")
    processing.run("native:package", {"LAYERS": [table], "OUTPUT": table_gpkg})
    params.update({"INPUT": table_gpkg + "|layername=table", "DIRECTORY": gpkg + "|layername=addresses",
                   "OUTPUT": os.path.join(folder, "geocoded.gpkg"),
                   "UNMATCHED": os.path.join(folder, "unmatched.gpkg")})
    seconds, _ = best_of(args.repeat, lambda: processing.run("quartiersmonitor:geocodeaddresses", params))
    print("  GeoPackage in/out (table, directory, OUTPUT and UNMATCHED): {:,} rows in {:.2f} s = {:,.0f} rows/s"
          .format(args.n, seconds, args.n / seconds))

    # 3. nearest kernel
    ax, ay = a["x"].to_numpy(), a["y"].to_numpy()
    chosen = rng.choice(len(a), args.offerings, replace=False)
    ox, oy = ax[chosen] + rng.normal(0, 30, args.offerings), ay[chosen] + rng.normal(0, 30, args.offerings)
    seconds, (dist, _idx) = best_of(args.repeat, lambda: nearest(ax, ay, ox, oy))
    line = "3 nearest kernel: {:,} addresses x {:,} offerings in {:.3f} s".format(len(ax), args.offerings, seconds)
    try:
        from scipy.spatial import cKDTree

        kd_seconds, (kd_dist, _) = best_of(args.repeat, lambda: cKDTree(np.column_stack([ox, oy])).query(
            np.column_stack([ax, ay])))
        line += "; scipy cKDTree {:.3f} s; max difference {:.2e} m".format(kd_seconds, np.abs(dist - kd_dist).max())
    except ImportError:
        pass
    print(line)

    # 4. offeringcoverage algorithm
    offerings = QgsVectorLayer("Point?crs=EPSG:25832&field=category:string", "offerings", "memory")
    feats = []
    from qgis.core import QgsGeometry, QgsPointXY

    for i, (x, y) in enumerate(zip(ox, oy)):
        f = QgsFeature(offerings.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes(["cat{}".format(i % 5)])
        feats.append(f)
    assert offerings.dataProvider().addFeatures(feats)[0]
    quartiers = QgsVectorLayer(gpkg + "|layername=quartiers", "quartiers", "ogr")
    params = {"OFFERINGS": offerings, "CATEGORY_FIELD": "category", "QUARTIERS": quartiers,
              "QUARTIER_ID": "quartier_id", "ADDRESSES": addresses, "POPULATION_FIELD": "residents",
              "DISTANCE": 500, "OUTPUT": "memory:"}
    seconds, _ = best_of(args.repeat, lambda: processing.run("quartiersmonitor:offeringcoverage", params))
    print("4 offeringcoverage (processing.run, GeoPackage in, memory out): {:,} addresses x {:,} offerings, "
          "158 quartiers in {:.2f} s".format(len(ax), args.offerings, seconds))
    params["ADDRESS_OUTPUT"] = "memory:"
    seconds, _ = best_of(args.repeat, lambda: processing.run("quartiersmonitor:offeringcoverage", params))
    print("  with ADDRESS_OUTPUT to memory (one feature per address written): {:.2f} s".format(seconds))
    params["ADDRESS_OUTPUT"] = os.path.join(folder, "coverage_addresses.gpkg")
    seconds, _ = best_of(args.repeat, lambda: processing.run("quartiersmonitor:offeringcoverage", params))
    print("  with ADDRESS_OUTPUT to a GeoPackage: {:.2f} s".format(seconds))
    QgsApplication.processingRegistry().removeProvider(provider)  # noqa: QGS202
    return 0


if __name__ == "__main__":
    sys.exit(main())
