"""The bundled pipeline model (``resources/models/quartiersmonitor_pipeline.model3``) as the provider shows it: its
group, translated name, help, parameter descriptions and choices, and the order of its inputs.

The ``.model3`` is written by ``resources/models/build_pipeline_model.py`` (which takes :data:`PARAMETER_ORDER` from
here) and stores English texts; they are replaced by the translated ones of this module when the model is loaded.
"""

from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON_PATH
from ..translation import current_language, tr
from .base import GROUP_INDICATORS, group_name, help_html

MODEL_FILE = "quartiersmonitor_pipeline.model3"
# the model's outputs (public names, see resources/models/pipeline.py)
REPORT_OUTPUT = "assign:assignment_report"
INDICATORS_OUTPUT = "indicators:indicators"
ATTENTION_OUTPUT = "attention:attention"

# the model's inputs in the order its dialog asks for them (the .model3 keeps it as "parameterOrder")
PARAMETER_ORDER = [
    "quartiers", "quartier_id", "municipality_field", "addresses", "residents_field", "counts", "previous_counts",
    "counts_id", "indicators", "attention_fields", "min_count", "min_population", "classification", "classes",
]


def display_name():
    """The model's name in the Processing toolbox (its id stays ``quartiersmonitor_pipeline``)."""
    return tr("Quartiersmonitor pipeline")


def short_description():
    return tr("The whole chain from the address directory and the counts tables to the quartiers needing attention.")


def help_text():
    """The help pane of the model (plain text: escaped for QGIS's HTML view by the provider)."""
    return tr(
        "The whole Quartiersmonitor chain in one run: assign the address directory to the quartiers, sum its "
        "residents per quartier, join them to the counts table of the current year, calculate the indicators of "
        "the current and the previous year, and classify the quartiers needing attention (status and dynamics).\n\n"
        "Quartiers: the quartier polygons with their quartier id field (compared as text) and, optionally, their "
        "municipality field.\n"
        "Address directory: points with the number of residents; their sum per quartier is the population "
        "(pop_total) of the current year.\n"
        "Counts tables: one row per quartier with the counts of the indicator catalog, for the current and the "
        "previous year (same columns); both are joined on their quartier id field.\n"
        "Indicator fields of the attention index: the indicator fields combined into the status index, separated "
        "by ';' (e.g. A1;A2;A4;E2;G3).\n\n"
        "Outputs: the indicators of the current year (styled), the quartiers needing attention (styled) and the "
        "address assignment report (HTML)."
    )


def parameter_descriptions():
    """{parameter or output name: translated description} of the model's inputs and outputs."""
    return {
        "quartiers": tr("Quartiers"),
        "quartier_id": tr("Quartier id field"),
        "municipality_field": tr("Municipality field of the quartiers"),
        "addresses": tr("Addresses with residents (points)"),
        "residents_field": tr("Residents field of the address directory"),
        "counts": tr("Counts table, current year"),
        "previous_counts": tr("Counts table, previous year"),
        "counts_id": tr("Quartier id field of the counts table"),
        "indicators": tr("Indicators"),
        "attention_fields": tr("Indicator fields of the attention index (separated by ';')"),
        "min_count": tr("Minimum count (smaller numerators are suppressed)"),
        "min_population": tr("Minimum population of a quartier (pop_total)"),
        "classification": tr("Classification"),
        "classes": tr("Number of classes"),
        REPORT_OUTPUT: tr("Address assignment report (HTML)"),
        INDICATORS_OUTPUT: tr("Indicators"),
        ATTENTION_OUTPUT: tr("Quartiers needing attention"),
    }


def parameter_helps():
    """{parameter name: translated help} (the parameter's tooltip; qgis_process help)."""
    return {
        "quartiers": tr("Quartier polygons with a text quartier id."),
        "addresses": tr("Address directory: points with the number of residents."),
        "counts": tr("Counts table of the current year (one row per quartier)."),
        "previous_counts": tr("Counts table of the previous year (same columns)."),
        "attention_fields": tr("Indicator fields of the attention index, separated by ';'."),
    }


def classification_labels():
    """The choices of ``classification`` in the order of calculateindicators' CLASSIFICATION (the model hands the
    index on)."""
    return [tr("Quantiles"), tr("Natural breaks (Jenks)"), tr("Equal intervals"), tr("Standard deviation"),
            tr("Pretty breaks")]


def indicator_labels(language):
    """The choices of ``indicators``: "A1 <name>" of the built-in catalog in ``language``, as calculateindicators
    shows them."""
    from ..indicators.catalog import load_catalog

    catalog = load_catalog()
    return ["{} {}".format(ident, catalog[ident].name(language)) for ident in catalog.ids()]


def enum_labels(language):
    """{enum parameter name: translated choices}."""
    return {"indicators": indicator_labels(language), "classification": classification_labels()}



class BundledModel(QgsProcessingModelAlgorithm):
    """The bundled pipeline model as the toolbox shows it: in the provider's indicators group, under a translated
    name, its inputs and outputs described and its choices labelled in the language QGIS speaks. Its id
    (``quartiersmonitor:quartiersmonitor_pipeline``), parameter and output names are those of the ``.model3``."""

    def localise(self):
        """Translate the descriptions and choices of the model's parameters (when the model is loaded: QGIS may
        switch languages only by a restart)."""
        texts = parameter_descriptions()
        helps = parameter_helps()
        choices = enum_labels(current_language())
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name in texts:
                definition.setDescription(texts[name])
            if name in helps:
                definition.setHelp(help_html(helps[name]))
            if name in choices and len(choices[name]) == len(definition.options()):
                definition.setOptions(choices[name])
        components = self.parameterComponents()
        for name, component in components.items():
            if name in texts:
                component.setDescription(texts[name])
                self.setParameterComponent(component)
        return self

    def displayName(self):  # noqa: N802
        return display_name()

    def shortDescription(self):  # noqa: N802
        return help_html(short_description())

    def shortHelpString(self):  # noqa: N802
        return help_html(help_text())

    def helpString(self):  # noqa: N802
        return help_html(help_text())

    def group(self):
        return group_name(GROUP_INDICATORS)

    def groupId(self):  # noqa: N802
        return GROUP_INDICATORS

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def createInstance(self):  # noqa: N802
        model = BundledModel()
        model.loadVariant(self.toVariant())
        model.setSourceFilePath(self.sourceFilePath())
        return model.localise()
