"""Speed benchmark: ``quartiersmonitor:exportmapsheets`` for the 158 demo quartiers beside QGIS's own
``native:atlaslayouttopdf`` on the same layout.

Builds the demo county (``resources/demo``, 158 quartiers), runs ``calculateindicators`` with every indicator (styled
as the algorithm styles it), then, in one process, best of ``--repeat`` runs each:

* ``exportmapsheets`` FORMAT pdf_single (one 158-page PDF): layout from the bundled template, atlas driven with the
  profile table filled per sheet, written to a temporary folder and moved into place;
* ``native:atlaslayouttopdf`` on the very same layout (built by ``mapsheets.layout.SheetLayout`` and added to the
  project's layout manager), same DPI, text as text. It exports a clone of the layout, which our atlas hook does
  not reach: its profile tables stay empty, so it does less work per sheet (the benchmark prints how many pages
  have a filled table);
* optionally (``--all-formats``) pdf_per_quartier and png;

and prints times, seconds per sheet, file sizes and the ratio ours / native. The machine is shared: timings are
disturbed by other processes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_mapsheets.py [--scale 1.0] [--repeat 2]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return -1


def profile_tables(path):
    """Pages of a sheet PDF whose profile table has rows (the label of the first indicator appears)."""
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    return sum(1 for page in text.split("\f") if "A.1 " in page)


def folder_size(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="demo population scale (geometry: 158 quartiers)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--all-formats", action="store_true", help="also time pdf_per_quartier and png")
    parser.add_argument("--keep", help="keep the outputs in this folder")
    args = parser.parse_args(argv)

    sys.path.insert(0, os.path.join(REPO, "tests"))
    sys.path.insert(0, os.path.join(REPO, "tests", "qgis"))
    from qgis.core import QgsApplication, QgsProject

    import testpaths  # noqa: F401  (makes the plugin importable as ``quartiersmonitor``)

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    from qgis import processing

    Processing.initialize()
    from mapsheet_data import demo_indicator_layer

    from quartiersmonitor.mapsheets.layout import SheetLayout, pdf_settings
    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    provider = QuartiersmonitorProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    work = tempfile.mkdtemp(prefix="qm-bench-sheets-")
    try:
        t0 = time.perf_counter()
        layer = demo_indicator_layer(os.path.join(work, "demo"), scale=args.scale)
        n = layer.featureCount()
        print("demo indicator layer: {} quartiers, {:.1f} s to build".format(n, time.perf_counter() - t0))

        def ours(fmt, index):
            folder = os.path.join(work, "ours_{}_{}".format(fmt, index))
            start = time.perf_counter()
            result = processing.run("quartiersmonitor:exportmapsheets", {
                "INPUT": layer, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "TITLE": "Benchmark",
                "FORMAT": ["pdf_single", "pdf_per_quartier", "png"].index(fmt), "OUTPUT_FOLDER": folder})
            return time.perf_counter() - start, folder, result

        def native(index):
            sheet = SheetLayout(QgsProject.instance(), layer, "quartier_id", "name", title="Benchmark")
            name = "qm-bench-{}".format(index)
            sheet.layout.setName(name)
            QgsProject.instance().layoutManager().addLayout(sheet.layout)
            path = os.path.join(work, "native_{}.pdf".format(index))
            start = time.perf_counter()
            processing.run("native:atlaslayouttopdf", {
                "LAYOUT": name, "DPI": pdf_settings(sheet.layout).dpi, "FORCE_VECTOR": False, "GEOREFERENCE": True,
                "INCLUDE_METADATA": True, "DISABLE_TILED": False, "SIMPLIFY": True, "TEXT_FORMAT": 1,
                "OUTPUT": path})
            elapsed = time.perf_counter() - start
            QgsProject.instance().layoutManager().removeLayout(sheet.layout)
            sheet.teardown()
            return elapsed, path

        best_ours = best_native = None
        for index in range(args.repeat):
            # Alternate which one runs first: the shared machine and warm caches favour the second otherwise.
            for which in (("ours", "native") if index % 2 == 0 else ("native", "ours")):
                if which == "ours":
                    elapsed, folder, result = ours("pdf_single", index)
                    pdf = result["FILES"][0]
                    print("exportmapsheets pdf_single  run {}: {:7.1f} s  {:.3f} s/sheet  {} pages  {:.1f} MB".format(
                        index + 1, elapsed, elapsed / n, pdf_pages(pdf), os.path.getsize(pdf) / 1e6), flush=True)
                    best_ours = elapsed if best_ours is None else min(best_ours, elapsed)
                else:
                    elapsed, path = native(index)
                    print("native:atlaslayouttopdf     run {}: {:7.1f} s  {:.3f} s/sheet  {} pages  {:.1f} MB".format(
                        index + 1, elapsed, elapsed / n, pdf_pages(path), os.path.getsize(path) / 1e6), flush=True)
                    best_native = elapsed if best_native is None else min(best_native, elapsed)
        print("ratio exportmapsheets / native:atlaslayouttopdf (best of {}): {:.2f}".format(
            args.repeat, best_ours / best_native))
        # native:atlaslayouttopdf renders a clone of the layout: the per-sheet profile table (filled by our atlas
        # hook) stays empty there, so it does less work than exportmapsheets.
        print("pages with a filled profile table: exportmapsheets {}, native {}".format(
            profile_tables(pdf), profile_tables(path)))
        if args.all_formats:
            for fmt in ("pdf_per_quartier", "png"):
                elapsed, folder, result = ours(fmt, 0)
                print("exportmapsheets {:<16}: {:7.1f} s  {:.3f} s/sheet  {} files  {:.1f} MB".format(
                    fmt, elapsed, elapsed / n, result["COUNT"], folder_size(folder) / 1e6))
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        QgsApplication.processingRegistry().removeProvider(provider)
    return 0


if __name__ == "__main__":
    sys.exit(main())
