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


STEPS = [
    generate_data,
    copy_summary,
    assign_and_count,
    geocode_and_coverage,
    pipeline_model,
    map_sheets,
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
