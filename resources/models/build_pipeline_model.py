"""Build ``quartiersmonitor_pipeline.model3`` (run after changing algorithm parameters; the .model3 is committed).

    python resources/models/build_pipeline_model.py        (from the plugin folder, with PyQGIS on the path)

The chain, as a planner's data arrive:

1. ``assignaddresses`` — the address directory (points with residents, from the residents' registration office)
   gets the quartier id of the polygon it lies in;
2. ``aggregatecounts`` — residents summed per quartier from the assigned ids (WEIGHT_FIELD = residents, column
   ``total``): the current population;
3. ``native:joinattributestable`` — that population joined (prefix ``adr_``) to the agencies' counts table, which
   delivers its numerators per quartier already (SGB II, Grundsicherung, school-entry exams …: no agency hands out
   person records, so these are never aggregated from points);
4. ``calculateindicators`` — the indicators of the current year, with ``pop_total`` mapped to the directory's
   residents (the MIN_POPULATION rule uses the population the county itself holds);
5. ``calculateindicators`` — the same indicators from the previous year's counts table (its own pop_total);
6. ``attentionindex`` — status from the current indicators, dynamics from the previous ones.

Offering coverage (W.1/W.2) is not a step: a Processing model of QGIS 3.22 cannot skip a step when an optional
input is missing, and the agencies' table carries ``pop_far_grocery`` / ``pop_far_stop`` once ``offeringcoverage``
has been run (it writes them per quartier).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_PATH = os.path.join(HERE, "quartiersmonitor_pipeline.model3")
MODEL_NAME = "quartiersmonitor_pipeline"

# the column of aggregatecounts' output that holds the summed residents
AGGREGATE_COLUMN = "total"
ATTENTION_FIELDS = "A1;A2;A4;E2;G3"
ALL_INDICATORS = list(range(17))


def build():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    from quartiersmonitor.compat import classic_model_output_names

    model = QgsProcessingModelAlgorithm(MODEL_NAME, "2 Indicators", "indicators")
    model.setHelpContent({
        "ALG_DESC": (
            "The whole Quartiersmonitor chain: assign the address directory to the quartiers, sum its residents "
            "per quartier, join them to the agencies' counts table, calculate the indicators for the current and "
            "the previous year, and classify the quartiers needing attention (status and dynamics)."
        ),
        "ALG_CREATOR": "Quartiersmonitor",
        "quartiers": "Quartier polygons with a text quartier id.",
        "addresses": "Address directory: points with the number of residents.",
        "counts": "Counts table of the current year (one row per quartier).",
        "previous_counts": "Counts table of the previous year (same columns).",
        "attention_fields": "Indicator fields of the attention index, separated by ';'.",
    })
    y = 60.0

    def param(definition, x=120.0):
        nonlocal y
        model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
        component = model.parameterComponent(definition.name())
        component.setPosition(QPointF(x, y))
        model.setParameterComponent(component)
        y += 70.0

    polygon = QgsProcessing.SourceType.TypeVectorPolygon
    point = QgsProcessing.SourceType.TypeVectorPoint
    anything = QgsProcessing.SourceType.TypeVector
    integer = QgsProcessingParameterNumber.Type.Integer
    any_field = QgsProcessingParameterField.DataType.Any
    numeric = QgsProcessingParameterField.DataType.Numeric

    param(QgsProcessingParameterFeatureSource("quartiers", "Quartiers", [polygon]))
    param(QgsProcessingParameterField("quartier_id", "Quartier id field", "quartier_id", "quartiers", any_field))
    param(QgsProcessingParameterField("municipality_field", "Municipality field", "municipality_id", "quartiers",
                                      any_field, optional=True))
    param(QgsProcessingParameterFeatureSource("addresses", "Address directory (points with residents)", [point]))
    param(QgsProcessingParameterField("residents_field", "Residents field", "residents", "addresses", numeric))
    param(QgsProcessingParameterFeatureSource("counts", "Counts table, current year", [anything]))
    param(QgsProcessingParameterFeatureSource("previous_counts", "Counts table, previous year", [anything]))
    param(QgsProcessingParameterField("counts_id", "Quartier id field of the counts tables", "quartier_id", "counts",
                                      any_field))
    from quartiersmonitor.indicators.catalog import load_catalog

    catalog = load_catalog()
    # the stored labels are English; the provider shows them in QGIS's language (BundledModel.localise)
    labels = ["{} {}".format(i, catalog[i].name("en")) for i in catalog.ids()]
    param(QgsProcessingParameterEnum("indicators", "Indicators", labels, True, ALL_INDICATORS))
    param(QgsProcessingParameterString("attention_fields", "Indicator fields of the attention index",
                                       ATTENTION_FIELDS))
    param(QgsProcessingParameterNumber("min_count", "Minimum count", integer, 3, minValue=1))
    param(QgsProcessingParameterNumber("min_population", "Minimum population", integer, 300, minValue=0))
    param(QgsProcessingParameterEnum("classification", "Classification",
                                     ["Quantiles", "Natural breaks (Jenks)", "Equal intervals", "Standard deviation",
                                      "Pretty breaks"], False, 0))
    param(QgsProcessingParameterNumber("classes", "Number of classes", integer, 5, minValue=2, maxValue=9))
    # the dialog asks in this order (without it a model read from a file lists its inputs alphabetically)
    from quartiersmonitor.processing_provider.bundled_model import PARAMETER_ORDER

    model.setParameterOrder(PARAMETER_ORDER)

    def p(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def static(value):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(value)]

    def out(child, name):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child, name)]

    def child(child_id, algorithm_id, description, sources, position, outputs=None):
        alg = QgsProcessingModelChildAlgorithm(algorithm_id)
        alg.setChildId(child_id)
        alg.setDescription(description)
        alg.setPosition(QPointF(*position))
        for name, value in sources.items():
            alg.addParameterSources(name, value)
        model_outputs = {}
        for output_name, (model_name, description_text) in (outputs or {}).items():
            output = QgsProcessingModelOutput(model_name, description_text)
            output.setChildId(child_id)
            output.setChildOutputName(output_name)
            output.setMandatory(False)
            model_outputs[model_name] = output
        alg.setModelOutputs(model_outputs)
        model.addChildAlgorithm(alg)
        return child_id

    assign = child("assign", "quartiersmonitor:assignaddresses", "Assign addresses to quartiers", {
        "INPUT": p("addresses"), "QUARTIERS": p("quartiers"), "QUARTIER_ID": p("quartier_id"),
        "OUTPUT": static("TEMPORARY_OUTPUT"),
    }, (500, 300), outputs={"REPORT": ("assignment_report", "Address assignment report (HTML)")})
    aggregate = child("aggregate", "quartiersmonitor:aggregatecounts", "Residents per quartier", {
        "INPUT": out(assign, "OUTPUT"), "QUARTIER_ID": static("quartier_id"), "WEIGHT_FIELD": p("residents_field"),
        "OUTPUT": static("TEMPORARY_OUTPUT"),
    }, (500, 420))
    join = child("join", "native:joinattributestable", "Residents joined to the counts table", {
        "INPUT": p("counts"), "FIELD": p("counts_id"), "INPUT_2": out(aggregate, "OUTPUT"),
        "FIELD_2": static("quartier_id"), "FIELDS_TO_COPY": static([AGGREGATE_COLUMN]), "METHOD": static(1),
        "DISCARD_NONMATCHING": static(False), "PREFIX": static("adr_"), "OUTPUT": static("TEMPORARY_OUTPUT"),
    }, (500, 540))
    common = {
        "QUARTIERS": p("quartiers"), "QUARTIER_ID": p("quartier_id"), "DATA_ID": p("counts_id"),
        "INDICATORS": p("indicators"), "MIN_COUNT": p("min_count"), "MIN_POPULATION": p("min_population"),
        "CLASSIFICATION": p("classification"), "CLASSES": p("classes"),
        "MUNICIPALITY_FIELD": p("municipality_field"),
    }
    current = child("indicators", "quartiersmonitor:calculateindicators", "Indicators, current year", dict(
        common, DATA=out(join, "OUTPUT"), COLUMN_MAPPING=static("pop_total=adr_" + AGGREGATE_COLUMN),
    ), (500, 660), outputs={"OUTPUT": ("indicators", "Indicators")})
    previous = child("previous", "quartiersmonitor:calculateindicators", "Indicators, previous year", dict(
        common, DATA=p("previous_counts"), OUTPUT=static("TEMPORARY_OUTPUT"),
    ), (800, 660))
    child("attention", "quartiersmonitor:attentionindex", "Quartiers needing attention", {
        "INPUT": out(current, "OUTPUT"), "QUARTIER_ID": p("quartier_id"), "INDICATORS": p("attention_fields"),
        "PREVIOUS": out(previous, "OUTPUT"), "MIN_POPULATION": p("min_population"),
    }, (650, 780), outputs={"OUTPUT": ("attention", "Quartiers needing attention")})
    # The documented output names (assign:assignment_report, indicators:indicators, attention:attention) on every
    # QGIS: from 3.26 a model built in code would name them after their descriptions instead.
    return classic_model_output_names(model)


def main():
    import tempfile

    link_dir = tempfile.mkdtemp(prefix="qm-model-")
    os.symlink(os.path.dirname(os.path.dirname(HERE)), os.path.join(link_dir, "quartiersmonitor"))
    sys.path.insert(0, link_dir)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    model = build()
    if not model.toFile(MODEL_PATH):
        raise SystemExit("could not write " + MODEL_PATH)
    print("wrote", MODEL_PATH)
    app.exitQgis()


if __name__ == "__main__":
    main()
