#!/usr/bin/env python3
"""``make demo``: generate the demo county, then run the pipeline steps on it.

Usage: scripts/demo.py --data build/demo --output demo-output [--seed 42] [--scale 1.0] [--only NAME ...]

Each step is a function ``step(data_dir, output_dir)`` listed in ``STEPS``; to add one, write a function and
append it (keep the order of the pipeline). Steps that need QGIS call ``qgis_app()`` (QgsApplication + Processing +
our provider, initialised once, imported lazily) and import the plugin as ``quartiersmonitor``.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = {"seed": 42, "scale": 1.0}
_QGIS = {}


def _link_plugin_package():
    """Make the repository importable as ``quartiersmonitor`` (symlink in a temp dir, as tests/conftest.py does)."""
    if "quartiersmonitor" in sys.modules:
        return
    link_dir = tempfile.mkdtemp(prefix="qm-demo-import-")
    os.symlink(REPO_ROOT, os.path.join(link_dir, "quartiersmonitor"))
    sys.path.insert(0, link_dir)


_link_plugin_package()


def qgis_app():
    """The QgsApplication, initialised once with Processing (native + QGIS algorithms) and our provider."""
    if "app" in _QGIS:
        return _QGIS["app"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    if QgsApplication.instance() is not None:  # inside QGIS or a test session: use it, register our provider
        from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

        registry = QgsApplication.processingRegistry()
        if registry.providerById("quartiersmonitor") is None:
            provider = QuartiersmonitorProvider()
            registry.addProvider(provider)
            _QGIS["provider"] = provider
        return QgsApplication.instance()

    # A profile folder of our own: without one QGIS writes its style database into the working directory.
    profile = os.path.join(tempfile.gettempdir(), "quartiersmonitor-demo-profile")
    os.makedirs(profile, exist_ok=True)
    app = QgsApplication([], False, profile)
    app.initQgis()
    plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("quartiersmonitor") is None:
        provider = QuartiersmonitorProvider()
        registry.addProvider(provider)
        _QGIS["provider"] = provider
    _QGIS["app"] = app
    return app


# ---------------------------------------------------------------------------------------------------------------
# Steps


def generate_data(data_dir, output_dir):
    """Generate the demo county into data_dir (demo.gpkg, CSVs, summary.json)."""
    from quartiersmonitor.resources.demo.generate import generate, write

    data = generate(seed=CONFIG["seed"], scale=CONFIG["scale"])
    summary = write(data, data_dir)
    print("  {} quartiers, {} addresses, {} residents (2024), {} offerings".format(
        summary["quartiers"], summary["addresses"], summary["residents"]["2024"], sum(summary["offerings"].values())))


def copy_summary(data_dir, output_dir):
    """Copy the data summary into the output folder."""
    shutil.copyfile(os.path.join(data_dir, "summary.json"), os.path.join(output_dir, "data_summary.json"))


def geocode_and_coverage(data_dir, output_dir):
    """Geocode offerings.csv by the address directory, then coverage of groceries (500 m) and bus stops (300 m)."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsVectorLayer

    gpkg = os.path.join(data_dir, "demo.gpkg")
    uri = "file://{}?type=csv&delimiter=,&encoding=UTF-8&geomType=none".format(os.path.join(data_dir, "offerings.csv"))
    table = QgsVectorLayer(uri, "offerings_csv", "delimitedtext")
    addresses = QgsVectorLayer(gpkg + "|layername=addresses", "addresses", "ogr")
    quartiers = QgsVectorLayer(gpkg + "|layername=quartiers", "quartiers", "ogr")
    geocoded = os.path.join(output_dir, "offerings_geocoded.gpkg")
    result = processing.run("quartiersmonitor:geocodeaddresses", {
        "INPUT": table, "STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber", "POSTCODE_FIELD": "postcode",
        "CITY_FIELD": "city", "DIRECTORY": addresses, "DIR_STREET_FIELD": "street",
        "DIR_HOUSENUMBER_FIELD": "housenumber", "DIR_POSTCODE_FIELD": "postcode", "DIR_CITY_FIELD": "municipality",
        "FUZZY": True, "OUTPUT": geocoded, "UNMATCHED": os.path.join(output_dir, "offerings_unmatched.csv"),
    })
    offerings = QgsVectorLayer(result["OUTPUT"], "offerings_geocoded", "ogr")
    statuses = {}
    for feature in offerings.getFeatures():
        statuses[feature["match_status"]] = statuses.get(feature["match_status"], 0) + 1
    print("  geocoded {} offerings: {}".format(offerings.featureCount(), statuses))
    for category, distance in (("grocery", 500), ("bus_stop", 300)):
        chosen = processing.run("native:extractbyexpression", {
            "INPUT": offerings, "OUTPUT": "memory:",
            "EXPRESSION": "\"category\" = '{}' AND \"match_status\" <> 'unmatched'".format(category),
        })["OUTPUT"]
        out = os.path.join(output_dir, "coverage_{}.gpkg".format(category))
        result = processing.run("quartiersmonitor:offeringcoverage", {
            "OFFERINGS": chosen, "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id", "ADDRESSES": addresses,
            "POPULATION_FIELD": "residents", "DISTANCE": distance, "OUTPUT": out,
        })
        layer = QgsVectorLayer(result["OUTPUT"], "coverage", "ogr")
        rows = list(layer.getFeatures())
        far = sum(f["pop_far"] for f in rows)
        total = sum(f["pop_total"] for f in rows)
        print("  {}: {} offerings, {:.0f} of {:.0f} residents farther than {} m ({:.1f} %), {} white spots".format(
            category, chosen.featureCount(), far, total, distance, 100.0 * far / total if total else 0.0,
            sum(1 for f in rows if f["white_spot"] == 1)))


def pipeline_model(data_dir, output_dir):
    """Run the pipeline model on the demo data: indicators 2024 (vs 2023), attention index, styled PNG maps."""
    qgis_app()
    from qgis.core import QgsProcessingFeedback

    from quartiersmonitor.resources.models.pipeline import render_maps, run_demo

    class AuditLines(QgsProcessingFeedback):
        """Keeps calculateindicators' confidentiality audit lines (one per year run by the model)."""

        lines = []

        def pushInfo(self, info):
            if info.startswith("Confidentiality audit"):
                self.lines.append(info)
            super().pushInfo(info)

    feedback = AuditLines()
    outputs = run_demo(os.path.join(data_dir, "demo.gpkg"), output_dir, feedback=feedback)
    for line in feedback.lines:
        print("  " + line)
    pngs = render_maps(outputs, output_dir)
    print("  {} (layers indicators, attention); maps {}".format(
        outputs["gpkg"], ", ".join(os.path.basename(p) for p in pngs.values())))


def map_sheets(data_dir, output_dir):
    """Map sheets of five demo quartiers (one multi-page PDF and one PNG each) from the pipeline's indicator layer."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsVectorLayer

    from quartiersmonitor.resources.models.pipeline import OUTPUT_GPKG

    gpkg = os.path.join(output_dir, OUTPUT_GPKG)
    layer = QgsVectorLayer(gpkg + "|layername=indicators", "indicators", "ogr")
    if not layer.isValid():
        raise RuntimeError("map_sheets needs the indicator layer of step pipeline_model: {}".format(gpkg))
    from quartiersmonitor.cartography.indicator_style import add_indicator_styles
    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.mapsheets.layout import layer_indicator_fields, style_for_field

    catalog = load_catalog()
    fields = layer_indicator_fields(layer, catalog)
    if fields and style_for_field(layer, fields[0]) is None:  # styles not kept in the file: style as the pipeline
        add_indicator_styles(layer, catalog, [catalog.by_field(f).id for f in fields])
    ids = sorted(str(f["quartier_id"]) for f in layer.getFeatures())
    chosen = [ids[i * (len(ids) - 1) // 4] for i in range(5)] if len(ids) >= 5 else ids
    folder = os.path.join(output_dir, "map_sheets")
    shutil.rmtree(folder, ignore_errors=True)
    common = {
        "INPUT": layer, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "TITLE": "Quartiersmonitor Demo 2024",
        "FILTER": "\"quartier_id\" IN ({})".format(", ".join("'{}'".format(i) for i in chosen)),
        "SOURCE": "demo data (generated, seed {})".format(CONFIG["seed"]), "DATE": "31.12.2024",
        "OUTPUT_FOLDER": folder,
    }
    pdf = processing.run("quartiersmonitor:exportmapsheets", dict(common, FORMAT=0))
    png = processing.run("quartiersmonitor:exportmapsheets", dict(common, FORMAT=2))
    print("  quartiers {}: {} and {} PNGs in {}".format(
        ", ".join(chosen), os.path.basename(pdf["FILES"][0]), png["COUNT"], folder))


def assign_and_count(data_dir, output_dir):
    """Assign the address directory to the quartiers (report, counts) and count residents per quartier."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsVectorLayer

    gpkg = os.path.join(data_dir, "demo.gpkg")
    addresses = QgsVectorLayer(gpkg + "|layername=addresses", "addresses", "ogr")
    quartiers = QgsVectorLayer(gpkg + "|layername=quartiers", "quartiers", "ogr")
    context = QgsProcessingContext()
    result = processing.run("quartiersmonitor:assignaddresses", {
        "INPUT": addresses, "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id", "SUM_FIELDS": ["residents"],
        "OUTPUT": os.path.join(output_dir, "addresses_assigned.gpkg"),
        "SUMMARY": os.path.join(output_dir, "quartiers_address_counts.gpkg"),
        "REPORT": os.path.join(output_dir, "assignment_report.html"),
    }, context=context)
    print("  {} addresses: {} inside, {} on a border, {} outside, {} without geometry; report {}".format(
        addresses.featureCount(), result["N_INSIDE"], result["N_BOUNDARY"], result["N_OUTSIDE"],
        result["N_NO_GEOMETRY"], os.path.basename(result["REPORT"])))
    counts = processing.run("quartiersmonitor:aggregatecounts", {
        "INPUT": result["OUTPUT"], "QUARTIER_ID": "quartier_id", "WEIGHT_FIELD": "residents",
        "OUTPUT": os.path.join(output_dir, "residents_per_quartier.csv"),
    }, context=context)
    print("  residents per quartier: {} ({} records counted)".format(
        os.path.basename(counts["OUTPUT"]), counts["N_COUNTED"]))


# Kitas: children aged 1 to 4 (field pop_1_4 of the demo addresses) are the demand; every Kita is assumed to have
# KITA_PLACES places (the demo offerings have no capacity); covering distance KITA_DISTANCE, catchment of the
# accessibility KITA_CATCHMENT.
KITA_PLACES = 75
KITA_DISTANCE = 1000.0
KITA_CATCHMENT = 2000.0
KITA_DEMAND = "pop_1_4"
SITING_GRID = 1000.0  # candidate sites: a regular grid of points inside the county, this far apart
SITING_COUNT = 5


def _demo_layers(data_dir):
    """addresses, quartiers, network, river and the Kitas (with a field ``places``) of the demo GeoPackage."""
    from qgis import processing
    from qgis.core import QgsVectorLayer

    gpkg = os.path.join(data_dir, "demo.gpkg")
    layers = {name: QgsVectorLayer("{}|layername={}".format(gpkg, name), name, "ogr")
              for name in ("addresses", "quartiers", "network", "river", "offerings", "county")}
    for name, layer in layers.items():
        if not layer.isValid():
            raise RuntimeError("the demo GeoPackage has no layer {} (run step generate_data): {}".format(name, gpkg))
    kitas = processing.run("native:extractbyattribute", {
        "INPUT": layers["offerings"], "FIELD": "category", "OPERATOR": 0, "VALUE": "kita", "OUTPUT": "memory:"})
    layers["kitas"] = processing.run("native:fieldcalculator", {
        "INPUT": kitas["OUTPUT"], "FIELD_NAME": "places", "FIELD_TYPE": 1, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": str(KITA_PLACES), "OUTPUT": "memory:"})["OUTPUT"]
    return layers


def _values(layer, *names):
    """The values of the fields ``names`` (one list each; one list when one name), read without geometry."""
    from qgis.core import QgsFeatureRequest

    from quartiersmonitor.compat import REQUEST_NO_GEOMETRY

    indices = [layer.fields().indexOf(name) for name in names]
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(indices)
    columns = [[] for _ in names]
    for feature in layer.getFeatures(request):
        for column, index in zip(columns, indices):
            column.append(feature.attribute(index))
    return columns[0] if len(names) == 1 else columns


def _median(values):
    import numpy as np

    vals = np.array([v for v in values if v is not None and v == v], dtype=float)
    vals = vals[np.isfinite(vals)]
    return float(np.median(vals)) if len(vals) else float("nan")


def kita_coverage_network(data_dir, output_dir):
    """Kitas: coverage (1,000 m) straight-line and along the demo street network; addresses farther by network."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsVectorLayer

    layers = _demo_layers(data_dir)
    figures = {}
    distances = {}
    for label, network in (("straight", None), ("network", layers["network"])):
        params = {
            "OFFERINGS": layers["kitas"], "QUARTIERS": layers["quartiers"], "QUARTIER_ID": "quartier_id",
            "ADDRESSES": layers["addresses"], "POPULATION_FIELD": KITA_DEMAND, "DISTANCE": KITA_DISTANCE,
            "OUTPUT": os.path.join(output_dir, "kita_coverage_{}.gpkg".format(label)),
            "ADDRESS_OUTPUT": os.path.join(output_dir, "kita_addresses_{}.gpkg".format(label)),
        }
        if network is not None:
            params["NETWORK"] = network
        result = processing.run("quartiersmonitor:offeringcoverage", params)
        addresses = QgsVectorLayer(result["ADDRESS_OUTPUT"], "addresses", "ogr")
        distances[label] = dict(zip(*_values(addresses, "address_id", "nearest_distance_m")))
        far, total = (sum(v) for v in _values(QgsVectorLayer(result["OUTPUT"], "coverage", "ogr"),
                                              "pop_far", "pop_total"))
        figures[label] = {"median_m": _median(distances[label].values()), "far": far, "total": total}
    straight, network = distances["straight"], distances["network"]
    diff = [network[k] - straight[k] for k in straight if network.get(k) is not None and straight[k] is not None]
    figures["farther"] = sum(1 for d in diff if d > 0.01)
    figures["farther_1km"] = sum(1 for d in diff if d > 1000.0)
    figures["addresses"] = len(straight)
    print("  Kitas ({:.0f} m, children 1-4): median distance {:.0f} m straight, {:.0f} m along the network; "
          "{:.1f} % vs {:.1f} % of children farther than {:.0f} m; {} of {} addresses farther by network "
          "({} by more than 1 km)".format(
              KITA_DISTANCE, figures["straight"]["median_m"], figures["network"]["median_m"],
              100.0 * figures["straight"]["far"] / max(figures["straight"]["total"], 1),
              100.0 * figures["network"]["far"] / max(figures["network"]["total"], 1), KITA_DISTANCE,
              figures["farther"], figures["addresses"], figures["farther_1km"]))
    return figures


def kita_accessibility(data_dir, output_dir):
    """Kitas: accessibility with competition (E2SFCA, 2,000 m, gaussian decay), straight-line and along the network."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsVectorLayer

    from quartiersmonitor.resources.models.pipeline import OUTPUT_GPKG

    layers = _demo_layers(data_dir)
    quartiers, need = layers["quartiers"], None
    indicators = QgsVectorLayer(os.path.join(output_dir, OUTPUT_GPKG) + "|layername=indicators", "indicators", "ogr")
    if indicators.isValid() and indicators.fields().indexOf("A2") >= 0:  # the pipeline ran: A2 as the need
        quartiers, need = indicators, "A2"
    figures = {}
    for label, network in (("straight", None), ("network", layers["network"])):
        params = {
            "OFFERINGS": layers["kitas"], "CAPACITY_FIELD": "places", "ADDRESSES": layers["addresses"],
            "DEMAND_FIELD": KITA_DEMAND, "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id",
            "DISTANCE": KITA_CATCHMENT, "DECAY": 2,
            "OUTPUT": os.path.join(output_dir, "kita_access_{}.gpkg".format(label)),
        }
        if need:
            params["NEED_FIELD"] = need
        if network is not None:
            params["NETWORK"] = network
        result = processing.run("quartiersmonitor:accessibility", params)
        out = QgsVectorLayer(result["OUTPUT"], "access", "ogr")
        ids, index = _values(out, "quartier_id", "access_index")
        classes = {}
        if need:
            for value in _values(out, "need_supply"):
                classes[value] = classes.get(value, 0) + 1
        figures[label] = {"index": dict(zip(ids, index)), "median_index": _median(index), "classes": classes}
    straight, network = figures["straight"]["index"], figures["network"]["index"]
    figures["lower_25"] = sum(1 for k, v in straight.items() if v and network.get(k) is not None
                              and network[k] < 0.75 * v)
    print("  Kitas ({} places each, {:.0f} m, gaussian decay, children 1-4): median access index {:.1f} straight vs "
          "{:.1f} along the network (places per 1,000 children); {} of {} quartiers lose more than 25 % along the "
          "network".format(KITA_PLACES, KITA_CATCHMENT, figures["straight"]["median_index"],
                           figures["network"]["median_index"], figures["lower_25"], len(straight)))
    if need:
        print("  need (A2) vs supply along the network: {}".format(
            ", ".join("{} {}".format(n, k) for k, n in sorted(figures["network"]["classes"].items(), key=str))))
    return figures


def kita_siting(data_dir, output_dir):
    """Kitas: where to add 5 (maximal covering, 1,000 m along the network; candidates on a 1 km grid)."""
    qgis_app()
    from qgis import processing
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    layers = _demo_layers(data_dir)
    county = layers["county"]
    grid = processing.run("native:creategrid", {
        "TYPE": 0, "EXTENT": county.extent(), "HSPACING": SITING_GRID, "VSPACING": SITING_GRID,
        "HOVERLAY": 0, "VOVERLAY": 0, "CRS": county.crs(), "OUTPUT": "memory:"})["OUTPUT"]
    candidates = processing.run("native:extractbylocation", {
        "INPUT": grid, "PREDICATE": [6], "INTERSECT": county, "OUTPUT": "memory:"})["OUTPUT"]

    class GapLines(QgsProcessingFeedback):
        """Keeps the solver's line with the bound and the gap."""

        lines = []

        def pushInfo(self, info):
            if "gap" in info:
                self.lines.append(info)
            super().pushInfo(info)

    feedback = GapLines()
    result = processing.run("quartiersmonitor:siteofferings", {
        "CANDIDATES": candidates, "OFFERINGS": layers["kitas"], "ADDRESSES": layers["addresses"],
        "DEMAND_FIELD": KITA_DEMAND, "DISTANCE": KITA_DISTANCE, "NETWORK": layers["network"],
        "COUNT": SITING_COUNT, "OUTPUT": os.path.join(output_dir, "kita_sites.gpkg"),
        "REPORT": os.path.join(output_dir, "kita_siting_report.html"),
    }, feedback=feedback)
    sites = QgsVectorLayer(result["OUTPUT"], "sites", "ogr")
    rows = sorted(sites.getFeatures(), key=lambda f: f["rank"])
    total = sum(v for v in _values(layers["addresses"], KITA_DEMAND) if v)
    before = rows[0]["covered_total"] - rows[0]["gain"] if rows else float("nan")
    after = rows[-1]["covered_total"] if rows else before
    figures = {"candidates": candidates.featureCount(), "sites": len(rows), "before": before, "after": after,
               "total": total, "gap_line": feedback.lines[-1] if feedback.lines else ""}
    print("  {} sites of {} candidates: children within {:.0f} m of a Kita along the network {:.0f} -> {:.0f} "
          "of {:.0f} ({:.1f} % -> {:.1f} %); report {}".format(
              len(rows), candidates.featureCount(), KITA_DISTANCE, before, after, total,
              100.0 * before / max(total, 1), 100.0 * after / max(total, 1), os.path.basename(result["REPORT"])))
    if figures["gap_line"]:
        print("  " + figures["gap_line"])
    return figures


STEPS = [
    generate_data,
    copy_summary,
    assign_and_count,
    geocode_and_coverage,
    pipeline_model,
    map_sheets,
    kita_coverage_network,
    kita_accessibility,
    kita_siting,
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder for the generated demo data")
    parser.add_argument("--output", required=True, help="folder for the pipeline's results")
    parser.add_argument("--seed", type=int, default=CONFIG["seed"])
    parser.add_argument("--scale", type=float, default=CONFIG["scale"])
    parser.add_argument("--only", nargs="*", help="run only these steps (function names)")
    args = parser.parse_args(argv)
    CONFIG.update(seed=args.seed, scale=args.scale)
    data_dir, output_dir = os.path.abspath(args.data), os.path.abspath(args.output)
    os.makedirs(data_dir, exist_ok=True)
    os.makedirs(output_dir, exist_ok=True)
    timings = {}
    for step in STEPS:
        if args.only and step.__name__ not in args.only:
            continue
        print("[demo] {}: {}".format(step.__name__, (step.__doc__ or "").strip().splitlines()[0]), flush=True)
        t0 = time.perf_counter()
        step(data_dir, output_dir)
        timings[step.__name__] = round(time.perf_counter() - t0, 2)
        print("[demo] {} done in {:.1f} s".format(step.__name__, timings[step.__name__]), flush=True)
    with open(os.path.join(output_dir, "timings.json"), "w", encoding="utf-8") as handle:
        json.dump(timings, handle, indent=2)
        handle.write("\n")
    if "app" in _QGIS:
        _QGIS["app"].exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
