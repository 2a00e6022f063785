"""Run the bundled pipeline model on the demo data (``make demo``, tests) and render the styled maps to PNG.

The same run from a shell (plugin folder in ``QGIS_PLUGINPATH``, enabled once with
``qgis_process plugins enable quartiersmonitor``) is printed by :func:`qgis_process_command`.
"""

import os

MODEL_ID = "quartiersmonitor:quartiersmonitor_pipeline"
OUTPUT_GPKG = "quartiersmonitor_demo.gpkg"
INDICATORS_OUTPUT = "indicators:indicators"
ATTENTION_OUTPUT = "attention:attention"
REPORT_OUTPUT = "assign:assignment_report"
DEMO_ATTENTION_FIELDS = "A1;A2;A4;E2;G3"


def gpkg_table(path, table):
    """A Processing destination for one layer of a (possibly shared) GeoPackage."""
    return "ogr:dbname='{}' table=\"{}\" (geom)".format(path, table)


def demo_parameters(demo_gpkg, output_gpkg):
    """Model parameters for the demo county: 2024 counts against 2023, every indicator."""

    def layer(name):
        return "{}|layername={}".format(demo_gpkg, name)

    return {
        "quartiers": layer("quartiers"),
        "quartier_id": "quartier_id",
        "municipality_field": "municipality_id",
        "addresses": layer("addresses"),
        "residents_field": "residents",
        "counts": layer("counts_2024"),
        "previous_counts": layer("counts_2023"),
        "counts_id": "quartier_id",
        "indicators": list(range(17)),
        "attention_fields": DEMO_ATTENTION_FIELDS,
        "min_count": 3,
        "min_population": 300,
        "classification": 0,
        "classes": 5,
        INDICATORS_OUTPUT: gpkg_table(output_gpkg, "indicators"),
        ATTENTION_OUTPUT: gpkg_table(output_gpkg, "attention"),
        REPORT_OUTPUT: os.path.join(os.path.dirname(output_gpkg), "address_assignment.html"),
    }


def qgis_process_command(demo_gpkg, output_gpkg, executable="qgis_process"):
    """The equivalent ``qgis_process run`` command line (list of arguments)."""
    args = [executable, "run", MODEL_ID, "--"]
    for name, value in demo_parameters(demo_gpkg, output_gpkg).items():
        # a multiple choice as a comma list (repeating NAME=… gives an empty value in QGIS 3.22)
        text = ",".join(str(v) for v in value) if isinstance(value, list) else str(value)
        args.append("{}={}".format(name, text))
    return args


def run_demo(demo_gpkg, output_dir, context=None, feedback=None):
    """Run the model (Processing must be initialised with our provider); returns the output paths."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    os.makedirs(output_dir, exist_ok=True)
    output_gpkg = os.path.join(output_dir, OUTPUT_GPKG)
    if os.path.exists(output_gpkg):
        os.remove(output_gpkg)
    context = context or QgsProcessingContext()
    feedback = feedback or QgsProcessingFeedback()
    result = processing.run(MODEL_ID, demo_parameters(demo_gpkg, output_gpkg), context=context, feedback=feedback)
    return {
        "gpkg": output_gpkg,
        "indicators": result.get(INDICATORS_OUTPUT) or output_gpkg + "|layername=indicators",
        "attention": result.get(ATTENTION_OUTPUT) or output_gpkg + "|layername=attention",
        "report": result.get(REPORT_OUTPUT),
    }


def render_maps(outputs, output_dir, width=1600, height=1300):
    """PNGs of the styled indicator map (first indicator) and attention map; returns their paths."""
    from qgis.core import QgsVectorLayer

    from ...cartography import render_png

    paths = {}
    for key, file_name in (("indicators", "indicators_map.png"), ("attention", "attention_map.png")):
        layer = QgsVectorLayer(outputs[key], key, "ogr")
        if not layer.isValid():
            raise OSError("cannot open {}".format(outputs[key]))
        paths[key] = render_png([layer], os.path.join(output_dir, file_name), width, height)
    return paths
