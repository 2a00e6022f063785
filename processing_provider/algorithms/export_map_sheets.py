"""``quartiersmonitor:exportmapsheets`` — one map sheet per quartier (PDF or PNG) from an atlas layout."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ...cartography import layer_record
from ...compat import GEOMETRY_POLYGON, NO_THREADING
from ...mapsheets.layout import FORMATS, SheetError, SheetLayout, export_sheets
from ..base import GROUP_MAPS, QuartiersAlgorithm
from ..errors import empty_layer
from ..inputs import (
    check_ids,
    id_as_text,
    matching_features,
    require_field,
    require_geometry,
    require_valid_layer,
)


class ExportMapSheetsAlgorithm(QuartiersAlgorithm):
    ALG_ID = "exportmapsheets"
    GROUP_ID = GROUP_MAPS

    QUARTIER_NAME = "QUARTIER_NAME"
    FILTER = "FILTER"
    TEMPLATE = "TEMPLATE"
    TITLE = "TITLE"
    SOURCE = "SOURCE"
    DATE = "DATE"
    FORMAT = "FORMAT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FILES = "FILES"
    COUNT = "COUNT"
    PAGES = "PAGES"

    def displayName(self):
        return self.tr("Export map sheets")

    def shortHelpString(self):
        return self.tr(
            "Exports one map sheet per quartier from an atlas layout over the styled indicator layer (the indicator "
            "it shows now): the map zoomed to the quartier, its neighbours in their legend colours under a light "
            "veil (explained in the legend) and the quartier outlined; legend in the language of QGIS; scale bar and "
            "north arrow inside the map; a locator map of the whole county with the quartier marked; the title "
            "\"id name\" with the quartier's own value and rank beside it (a suppressed value reads as suppressed); "
            "the quartier's profile as a table (every indicator with quartier, municipality and county value, rank "
            "and significance, and its spine chart: the range of the quartiers with the worse end on the left, the "
            "25th to 75th percentile darker, the county value as the centre line, the quartier as a circle coloured "
            "by its significance, no circle for a value not published) and a footer with source and data date.\n\n"
            "Title: shown under the quartier's name with the indicator and the data date. Source and Data date "
            "(e.g. \"Statistik Landkreis, Kommunalstatistik\" and \"31.12.2024\"): in the footer, the subtitle "
            "and the PDF's document properties (title, subject, author, keywords); left empty, the source and year "
            "that calculateindicators recorded on the layer are used, else \"not stated\".\n\n"
            "Only quartiers matching: an expression over the layer's fields; an invalid expression or one that "
            "matches no quartier is an error. Every quartier exported needs a unique, non-empty id (ids name the "
            "files): empty or duplicate ids are an error naming them.\n\n"
            "Formats: one multi-page PDF, one PDF per quartier, or one PNG per quartier. File names are built from "
            "id and name and are safe whatever the quartier is called. Files are written only when every sheet "
            "succeeded; a failure or cancel leaves nothing behind. Outputs: Number of files written, Number of "
            "sheets (pages), Files written.\n\n"
            "Your own template (.qpt) may replace the bundled A4 sheet: its map with the id 'map' (else its first "
            "map) is driven by the atlas; a map with the id 'locator' shows the county; a label with the id 'value' "
            "receives the quartier's value and rank; a manual table whose frame has the id 'profile_table' receives "
            "the profile; a picture with the id 'profile_spines' adds the spine chart column beside that table (as "
            "wide as the picture; the table's rows then get heights the sheet sets) and a label with the id "
            "'spine_legend' receives the key to it; labels may use @atlas_pagename, @qm_title, @qm_indicator_name, "
            "@qm_subtitle, @qm_source, @qm_data_date, @qm_date and @qm_source_line.\n\n"
            "Layout export runs on the main thread, as QGIS requires."
        )

    def flags(self):
        return super().flags() | NO_THREADING

    def initAlgorithm(self, config=None):
        parameters = [
            QgsProcessingParameterVectorLayer(
                self.INPUT, self.tr("Indicator layer (styled)"), [QgsProcessing.TypeVectorPolygon]),
            QgsProcessingParameterField(
                self.QUARTIER_ID, self.tr("Quartier id field"), "quartier_id", self.INPUT),
            QgsProcessingParameterField(
                self.QUARTIER_NAME, self.tr("Quartier name field"), None, self.INPUT, optional=True),
            QgsProcessingParameterExpression(
                self.FILTER, self.tr("Only quartiers matching (expression)"), None, self.INPUT, optional=True),
            QgsProcessingParameterFile(
                self.TEMPLATE, self.tr("Layout template (.qpt; empty: bundled A4 sheet)"),
                QgsProcessingParameterFile.File, "qpt", None, optional=True,
                fileFilter=self.tr("Layout templates (*.qpt)")),
            QgsProcessingParameterString(
                self.TITLE, self.tr("Title"), self.tr("Quartiersmonitor"), optional=True),
            QgsProcessingParameterString(
                self.SOURCE, self.tr("Source of the data (empty: the source recorded on the layer)"), None,
                optional=True),
            QgsProcessingParameterString(
                self.DATE, self.tr("Data date (empty: the year recorded on the layer)"), None, optional=True),
            QgsProcessingParameterEnum(
                self.FORMAT, self.tr("Format"),
                [self.tr("One multi-page PDF"), self.tr("One PDF per quartier"), self.tr("One PNG per quartier")],
                defaultValue=0),
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")),
        ]
        for parameter in parameters:
            if not self.addParameter(parameter):
                raise QgsProcessingException("duplicate parameter " + parameter.name())
        outputs = [
            QgsProcessingOutputNumber(self.COUNT, self.tr("Number of files written")),
            QgsProcessingOutputNumber(self.PAGES, self.tr("Number of sheets (pages)")),
            QgsProcessingOutputString(self.FILES, self.tr("Files written")),
        ]
        for output in outputs:
            if not self.addOutput(output):
                raise QgsProcessingException("duplicate output " + output.name())

    def _checked_layer(self, parameters, context, layer, id_field, name_field):
        """The FILTER expression (None: every quartier) after checking the layer: polygons, the fields, an
        expression that QGIS can evaluate, and a unique, non-NULL id for every quartier to export (ids name the
        files)."""
        require_geometry(layer, GEOMETRY_POLYGON, layer.name(), self.INPUT)
        for field, parameter in ((id_field, self.QUARTIER_ID), (name_field, self.QUARTIER_NAME)):
            if field:
                require_field(layer, field, layer.name(), parameter)
        # the raw text: parameterAsExpression gives "" for an expression that does not parse (= every quartier)
        filter_expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip() or None
        features = matching_features(layer, filter_expression, layer.name(), self.FILTER)
        if not features and not filter_expression:
            raise empty_layer(layer.name(), self.INPUT)
        check_ids([id_as_text(f[id_field]) for f in features], layer.name(), id_field, [f.id() for f in features])
        return filter_expression

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        require_valid_layer(layer, self.INPUT)  # a refused PostGIS connection named, not "no indicator layer"
        # given by path (qgis_process, a script): Processing opens it without its default style, where the file
        # keeps the layer's record and the map's style
        layer = layer_record.with_record(layer)
        id_field = self.parameterAsString(parameters, self.QUARTIER_ID, context)
        name_field = self.parameterAsString(parameters, self.QUARTIER_NAME, context) or None
        filter_expression = self._checked_layer(parameters, context, layer, id_field, name_field)
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or None
        title = self.parameterAsString(parameters, self.TITLE, context) or ""
        source = (self.parameterAsString(parameters, self.SOURCE, context) or "").strip() or None
        date = (self.parameterAsString(parameters, self.DATE, context) or "").strip() or None
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if not folder:
            raise QgsProcessingException(self.tr("No output folder given."))
        project = context.project() or QgsProject.instance()

        self.check_canceled(feedback)
        feedback.pushInfo(self.tr("Building the layout from {template}").format(
            template=template or self.tr("the bundled A4 template")))
        try:
            sheet = SheetLayout(project, layer, id_field, name_field, filter_expression, template, title,
                                source=source, date=date)
        except SheetError as error:
            raise QgsProcessingException(str(error)) from error
        except Exception as error:  # noqa: BLE001 - engine/catalog problems must reach the user as a clear error
            raise QgsProcessingException(self.tr("Cannot prepare the map sheets of layer {layer}: {error}").format(
                layer=layer.name(), error=error)) from error
        try:
            if sheet.indicator is None:
                feedback.pushWarning(self.tr("Layer {layer} shows no indicator of the catalog: the sheets show its "
                                             "current style.").format(layer=layer.name()))
            files = export_sheets(sheet, fmt, folder, title, feedback)
        except SheetError as error:
            raise QgsProcessingException(str(error)) from error
        finally:
            sheet.teardown()
        feedback.setProgress(100)
        pages = sheet.page_count
        feedback.pushInfo(self.tr("{pages} sheet(s) in {n} file(s) written to {folder}").format(
            pages=pages, n=len(files), folder=folder))
        return {self.OUTPUT_FOLDER: folder, self.COUNT: len(files), self.PAGES: pages, self.FILES: files}
