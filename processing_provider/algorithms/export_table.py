"""``quartiersmonitor:exporttable`` — the county's tables of an indicator or attention layer as XLSX, ODS or CSV.

Which sheets, rows and cells are written (published values, symbols and footnotes, each indicator's definition)
comes from ``indicators.table_export``; this module reads the layer and its record and writes the sheets through
GDAL's XLSX / ODS / CSV drivers, into a temporary folder beside the destination, moved into place when complete.
"""

import os
import shutil

from osgeo import ogr
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from ...cartography import layer_record
from ...compat import REQUEST_NO_GEOMETRY, SOURCE_ANY
from ...indicators import field_guess
from ...indicators.table_export import (
    ATTENTION_FIELDS,
    NUMBER,
    TEXT,
    LayerTable,
    Record,
    Sheet,
    attention_sheet,
    definition_sheets,
    definitions_table,
    values_sheet,
)
from ...mapsheets.indicator_layer import feature_row, layer_indicator_fields
from ...translation import current_language, tr
from ..base import GROUP_INDICATORS, QuartiersAlgorithm
from ..errors import check_canceled, could_not_write, empty_layer, no_field
from ..inputs import check_ids, id_as_text, require_valid_layer
from ..outputs import temporary_sibling

FORMATS = ("xlsx", "ods", "csv")
DRIVERS = {"xlsx": "XLSX", "ods": "ODS", "csv": "CSV"}
NAME_FIELDS = ("name", "quartier_name", "quartiername", "quartier_na", "bezeichnung", "name_de")
DEFINITIONS_SUFFIX = "_indicators"


def output_path(path, fmt):
    """``path`` with the extension of ``fmt`` (another spreadsheet extension replaced, a missing one added)."""
    stem, ext = os.path.splitext(path)
    if ext.lower().lstrip(".") == fmt:
        return path
    if ext.lower().lstrip(".") in FORMATS:
        return stem + "." + fmt
    return path + "." + fmt


def definitions_path(path):
    """The CSV of the indicator definitions beside the values CSV ``path``: ``<name>_indicators.csv``."""
    stem, ext = os.path.splitext(path)
    return stem + DEFINITIONS_SUFFIX + ext


def write_sheets(path, fmt, sheets, feedback=None):
    """Write ``sheets`` (``table_export.Sheet``) into the new file ``path`` with GDAL's driver of ``fmt``, one layer
    per sheet (a CSV file holds one sheet). A cancel stops between rows (the caller removes the file)."""
    driver = ogr.GetDriverByName(DRIVERS[fmt])
    if driver is None:
        raise could_not_write(path, tr("GDAL has no {driver} driver.").format(driver=DRIVERS[fmt]))
    dataset = driver.CreateDataSource(path)
    if dataset is None:
        raise could_not_write(path)
    options = ["WRITE_BOM=YES"] if fmt == "csv" else []
    layer = feature = None
    try:
        for sheet in sheets:
            layer = dataset.CreateLayer(sheet.name, geom_type=ogr.wkbNone, options=options)
            if layer is None:
                raise could_not_write(path, sheet.name)
            for header, kind in zip(sheet.headers, sheet.kinds):
                if layer.CreateField(ogr.FieldDefn(header, ogr.OFTReal if kind == NUMBER else ogr.OFTString)) != 0:
                    raise could_not_write(path, header)
            definition = layer.GetLayerDefn()
            for cells in sheet.rows:
                check_canceled(feedback)
                feature = ogr.Feature(definition)
                for j, cell in enumerate(cells):
                    if cell is not None and cell != "":
                        feature.SetField(j, cell)
                if layer.CreateFeature(feature) != 0:
                    raise could_not_write(path, sheet.name)
    finally:
        feature = layer = dataset = None  # closing writes the file (after a failure: into the folder removed)


def whole_number(value):
    """A recorded limit as an int, None when the layer has none (or an unreadable one)."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


class ExportTableAlgorithm(QuartiersAlgorithm):
    ALG_ID = "exporttable"
    GROUP_ID = GROUP_INDICATORS

    FORMAT = "FORMAT"
    QUARTIER_NAME = "QUARTIER_NAME"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    DEFINITIONS = "DEFINITIONS"

    def displayName(self):
        return tr("Export table")

    def shortHelpString(self):
        return tr(
            "Writes the county's tables of an indicator layer (the output of 'Calculate indicators') or an attention "
            "layer (the output of 'Quartiers needing attention') as a spreadsheet (XLSX or ODS) or as CSV.\n\n"
            "Values sheet: one row per quartier (level, quartier id, name, municipality, residents, then the "
            "published value of every indicator, rounded to the decimals the layer recorded), then one row per "
            "municipality and one for the county (the _mun and _county values). A value that is not published is "
            "never a number: • hidden for statistical confidentiality, x denominator 0, . no valid data; footnotes "
            "under the table explain the symbols used. A column holding a symbol is a text column (numbers written "
            "with the published decimals), any other a number column. For an attention layer: status index and "
            "class, dynamics index and class and attention as further columns.\n\n"
            "One sheet per indicator with its definition, as the layer recorded it (custom indicators of a catalog "
            "file included): id, name, description, numerator and denominator columns, factor, unit, kind, "
            "polarity, confidence interval method, the confidentiality rule (minimum count, minimum population, "
            "secondary suppression and audit; public indicators are not suppressed), decimals, source and year.\n\n"
            "CSV: the values in the output file (UTF-8 with BOM, comma-separated), the definitions in a second file "
            "<name>_indicators.csv beside it, one row per indicator.\n\n"
            "Format decides the file type: the output gets its extension. Quartier id, name and municipality fields "
            "are found by their usual names (quartier_id, name, municipality_id) unless given. The file is written "
            "whole or not at all: a failure or cancel leaves nothing behind.\n\n"
            "Outputs: the file written and the file with the definitions (the same file for XLSX and ODS)."
        )

    def initAlgorithm(self, config=None):
        self._add(
            QgsProcessingParameterVectorLayer(self.INPUT, tr("Indicator or attention layer"),
                                              [SOURCE_ANY]),
            tr("The output of 'Calculate indicators' or 'Quartiers needing attention'."),
        )
        self._add(
            QgsProcessingParameterEnum(self.FORMAT, tr("Format"), options=[
                tr("Excel workbook (XLSX)"), tr("OpenDocument spreadsheet (ODS)"), tr("CSV (two files)")],
                defaultValue=0),
            tr("XLSX and ODS: one file with the values sheet and one sheet per indicator; CSV: the values and a "
               "second file <name>_indicators.csv with the definitions."),
        )
        self._add(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Table"),
                tr("Spreadsheets (*.xlsx *.ods *.csv);;Excel workbook (*.xlsx);;OpenDocument spreadsheet (*.ods);;"
                   "CSV (*.csv)")),
            tr("The file to write; its extension follows the format."),
        )
        for name, label, help_text in (
                (self.QUARTIER_ID, tr("Quartier id field"), tr("Empty: the field named like quartier_id.")),
                (self.QUARTIER_NAME, tr("Quartier name field"), tr("Empty: the field named like name.")),
                (self.MUNICIPALITY_FIELD, tr("Municipality field"),
                 tr("Empty: the field named like municipality_id; municipality rows need it."))):
            self._add(QgsProcessingParameterField(name, label, None, self.INPUT, optional=True), help_text,
                      advanced=True)
        self._add(QgsProcessingOutputFile(self.DEFINITIONS, tr("Indicator definitions")))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        require_valid_layer(layer, self.INPUT)  # a refused PostGIS connection named, not "no indicator layer"
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        path = output_path(self.parameterAsFileOutput(parameters, self.OUTPUT, context), fmt)
        language = current_language()

        # 1. the layer: its rows, fields and record; the sheets
        steps.setCurrentStep(0)
        table, record, standardised = self._read(layer, parameters, context, steps)
        values = values_sheet(table, tr, language)
        definitions = definition_sheets(table.indicators, record, tr, language, standardised, [values.name])
        extra = [attention_sheet(tr, [values.name] + [s.name for s in definitions])] if table.attention else []
        check_canceled(feedback)

        # 2. write beside, move into place
        steps.setCurrentStep(1)
        files = self._write(path, fmt, values, definitions, extra, steps)
        feedback.pushInfo(tr("{n} quartiers, {k} indicators written to {path}.").format(
            n=len(table.rows), k=len(table.indicators), path=", ".join(files)))
        return {self.OUTPUT: path, self.DEFINITIONS: files[-1]}

    def _field(self, parameters, name, context, layer, candidates):
        """The field of parameter ``name`` (checked), else the likely one of ``candidates``, else None."""
        given = self.field_name(parameters, name, context)
        names = layer.fields().names()
        if given:
            if layer.fields().lookupField(given) < 0:
                raise no_field(layer.name(), given, name, names)
            return given
        return field_guess.likely_field(names, candidates)

    def _read(self, layer, parameters, context, feedback):
        """The :class:`LayerTable`, the layer's :class:`Record` and the fields with age-standardised values."""
        layer = layer_record.with_record(layer)
        names = layer.fields().names()
        catalog = layer_record.layer_catalog(layer)
        known = {indicator.field for indicator in catalog.values()}
        fields = [f for f in layer_indicator_fields(layer, catalog) if f in known]  # an unreadable record: built-ins
        attention = all(name in names for name in ATTENTION_FIELDS)
        if not fields and not attention:
            raise QgsProcessingException(tr(
                "Layer '{layer}' is neither an indicator layer ('Calculate indicators') nor an attention layer "
                "('Quartiers needing attention'): it has no indicator fields (such as A1 with A1_flag) and no "
                "fields {attention}.").format(layer=layer.name(), attention=", ".join(ATTENTION_FIELDS)))
        id_field = self._field(parameters, self.QUARTIER_ID, context, layer, field_guess.QUARTIER_ID)
        if id_field is None:
            raise QgsProcessingException(tr(
                "Layer '{layer}' has no quartier id field named like quartier_id: choose it (parameter "
                "QUARTIER_ID).").format(layer=layer.name()))
        name_field = self._field(parameters, self.QUARTIER_NAME, context, layer, NAME_FIELDS)
        municipality_field = self._field(parameters, self.MUNICIPALITY_FIELD, context, layer,
                                         field_guess.MUNICIPALITY)
        rows, fids = [], []
        total = max(layer.featureCount(), 1)
        request = QgsFeatureRequest()
        request.setFlags(REQUEST_NO_GEOMETRY)
        for i, feature in enumerate(layer.getFeatures(request)):
            if i % 500 == 0:
                check_canceled(feedback)
                feedback.setProgress(100.0 * i / total)
            rows.append(feature_row(feature))
            fids.append(feature.id())
        if not rows:
            raise empty_layer(layer.name(), self.INPUT)
        # one row per quartier: a NULL or repeated id would give a table row nobody can tell apart
        check_ids([id_as_text(row[id_field]) for row in rows], layer.name(), id_field, fids)
        record = Record(
            min_count=whole_number(layer_record.recorded(layer, layer_record.MIN_COUNT)),
            min_population=whole_number(layer_record.recorded(layer, layer_record.MIN_POPULATION)),
            decimals=layer_record.recorded_int(layer, layer_record.DECIMALS, 1),
            source=str(layer_record.recorded(layer, layer_record.SOURCE, "")),
            year=str(layer_record.recorded(layer, layer_record.YEAR, "")))
        county = {f: layer_record.recorded(layer, layer_record.PROPERTY_PREFIX + "county/" + f) for f in fields}
        table = LayerTable(
            rows=rows, id_field=id_field, name_field=name_field, municipality_field=municipality_field,
            indicators=[catalog.by_field(f) for f in fields], attention=attention, decimals=record.decimals,
            county=county)
        standardised = [f for f in fields if f + "_std" in names]
        return table, record, standardised

    def _write(self, path, fmt, values, definitions, extra, feedback):
        """Write the file(s) into a temporary folder beside ``path`` and move them into place; nothing is left
        behind on a failure or cancel. Returns the paths written. CSV: the values, and the indicator definitions
        (one row per indicator) in a second file; ``extra`` sheets (the attention index's) only in XLSX / ODS."""
        tmp_dir, tmp_path = temporary_sibling(path)
        try:
            if fmt == "csv":
                headers, rows = definitions_table(definitions)
                jobs = [(tmp_path, [values])]
                if headers:
                    jobs.append((definitions_path(tmp_path),
                                 [Sheet(values.name, headers, [TEXT] * len(headers), rows)]))
            else:
                jobs = [(tmp_path, [values] + definitions + extra)]
            for i, (target, sheets) in enumerate(jobs):
                write_sheets(target, fmt, sheets, feedback)
                feedback.setProgress(100.0 * (i + 1) / len(jobs))
            check_canceled(feedback)
            written = []
            for target, _sheets in jobs:
                final = os.path.join(os.path.dirname(os.path.abspath(path)), os.path.basename(target))
                try:
                    os.replace(target, final)
                except OSError as err:
                    for done in written:
                        os.remove(done)
                    raise could_not_write(final, err.strerror or err) from err
                written.append(final)
            return written
        finally:
            shutil.rmtree(tmp_dir, ignore_errors=True)

