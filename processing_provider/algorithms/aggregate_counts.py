"""``quartiersmonitor:aggregatecounts`` -- count records per quartier (and per group, age band, with weights)."""

import math

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_ANY,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_LONG,
    T_STRING,
    WKB_NO_GEOMETRY,
)
from ...indicators import parse
from ...indicators.counts_table import find_column, id_text
from ...indicators.table_input import examples, leading_zero_pairs, padding_examples, zero_padding
from ...spatial import counting
from ...translation import tr
from ..base import GROUP_ADDRESSES, QuartiersAlgorithm
from ..errors import empty_layer, invalid_layer
from ..indicator_inputs import NamedSource, messages, missing_sheet_error, read_table, spreadsheet_of
from ..inputs import (
    border_tolerance,
    check_crs_pair,
    require_field,
    require_geometry,
    require_valid_layer,
    source_is_invalid,
    whole_layer,
)
from ..readers import read_attribute_table, read_point_coordinates, read_quartiers
from ..vector_output import LayerContent, OutputSet, write_vector_output


def _texts():
    """The English text (translated) of each key of :mod:`spatial.counting`: errors and notes for the log."""
    return {
        "quartier_id_missing": tr("Parameter QUARTIER_ID (the quartier id field) is missing."),
        "id_fields_missing": tr("Parameter QUARTIER_ID or INPUT_ID_FIELD (the quartier id field of the table INPUT) "
                                "is missing."),
        "bad_age_bands": tr("Parameter AGE_BANDS “{}” cannot be read: {}."),
        "points_without_quartiers": tr("Layer “{}” holds points but no QUARTIERS layer was given, and it has no "
                                       "quartier id field “{}”."),
        "table_without_id": tr("Table “{}” has no quartier id field “{}” (parameter QUARTIER_ID). Available fields: "
                               "{}."),
        "assigned_id_field": tr("Layer “{}” has no field “{}”; its field “{}” is used as quartier id."),
        "outside": tr("{} records lie outside every quartier and are not counted."),
        "no_geometry": tr("{} records have no geometry and are not counted."),
        "no_quartier_id": tr("{} records have no quartier id and are not counted."),
        "unknown_ids": tr("{} records have a quartier id that is not in layer “{}” and are not counted, e.g. {} "
                          "(quartier ids look like {})."),
        "no_group": tr("{} records have no value in “{}”: counted in total only."),
        "no_age": tr("{} records have no age in a band of “{}”: counted in total only."),
        "no_weight": tr("{} records have no weight in “{}” and count as 0."),
    }


def _message(item):
    """The translated text of a :class:`counting.CountingError` or :class:`counting.Note`."""
    return _texts()[item.key].format(*item.params)


def _report(feedback, notes):
    for note in notes:
        (feedback.pushInfo if note.level == counting.INFO else feedback.pushWarning)(_message(note))


class AggregateCountsAlgorithm(QuartiersAlgorithm):
    ALG_ID = "aggregatecounts"
    GROUP_ID = GROUP_ADDRESSES

    INPUT_ID_FIELD = "INPUT_ID_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    AGE_FIELD = "AGE_FIELD"
    AGE_BANDS = "AGE_BANDS"
    WEIGHT_FIELD = "WEIGHT_FIELD"

    def displayName(self):
        return tr("Count records per quartier")

    def shortDescription(self):  # noqa: N802
        return tr("One row per quartier, one column per group, zero-filled.")

    def shortHelpString(self):
        return tr(
            "Counts records (e.g. residents from the population register, benefit recipients, births) per "
            "quartier, optionally split into groups and age bands and weighted.\n\n"
            "INPUT is either a point layer together with QUARTIERS (each point is placed in its quartier exactly as "
            "in 'Assign addresses to quartiers': border points go to the smallest id), or a table with a quartier "
            "id: the field named QUARTIER_ID (or, failing that, the field quartier_id written by 'Assign addresses "
            "to quartiers'). Ids are compared as trimmed text, so 101 and '0101' differ: such mismatches are "
            "reported with examples.\n\n"
            "OUTPUT is a table with one row per quartier (all quartiers of QUARTIERS, zero-filled; without "
            "QUARTIERS, the ids found in INPUT), the id field, total, and one column per group: n_<value> for "
            "GROUP_FIELD, age_<from>_<to> for AGE_BANDS (whole years, e.g. '0-14,15-64,65-'; the last band may be "
            "open), both combined when both are given. With WEIGHT_FIELD the weights are summed instead of "
            "counting records; in a layer a NULL weight counts as 0 (an address without registered residents) and "
            "the log says how many records had none. Records without a quartier (outside, no geometry, NULL or "
            "unknown id) and without an age are counted in the log.\n\n"
            "A spreadsheet (XLSX or ODS; pick the sheet as its layer, e.g. 'file.xlsx|layername=Sheet2') may have "
            "title rows above its column names: the first row holding the quartier id field's name is taken as the "
            "header and the rows above it are skipped (logged). Numbers stored as text are read the German way "
            "('1.234' = 1234, '3,5' = 3.5); suppressed or empty weights ('k.A.', '*', '-', '.', 'x') are no data: "
            "the quartiers of such records get NULL, never 0. Ids whose leading zeros the spreadsheet dropped (101 "
            "for '0101') are padded with zeros when that is unambiguous (all quartier ids are digits of one "
            "length), and the log lists them; otherwise the log explains how to fix the id column."
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, tr("Records (points or table)"), [SOURCE_ANY])
        self._add(param, tr("Points to place in quartiers, or a table holding a quartier id per record."))
        param = QgsProcessingParameterFeatureSource(
            self.QUARTIERS, tr("Quartiers"), [SOURCE_POLYGON], optional=True)
        self._add(param, tr("Quartier polygons: needed for point input; for table input they list every quartier so "
                            "that quartiers without records get a row of zeros."))
        param = QgsProcessingParameterField(
            self.QUARTIER_ID, tr("Quartier id field"), parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY,
            optional=True)  # needed with QUARTIERS (checkParameterValues); a table alone may give INPUT_ID_FIELD
        self._add(param, tr("The quartier id field of QUARTIERS; a table INPUT must have a field of the same name "
                            "(or quartier_id)."))
        param = QgsProcessingParameterField(
            self.INPUT_ID_FIELD, tr("Quartier id field of a table input"), parentLayerParameterName=self.INPUT,
            type=FIELD_ANY, optional=True)
        self._add(param, tr("The quartier id field of a table INPUT; default: the field named like QUARTIER_ID "
                            "(or quartier_id). Not used for points placed in QUARTIERS."))
        param = QgsProcessingParameterField(
            self.GROUP_FIELD, tr("Group field"), parentLayerParameterName=self.INPUT, type=FIELD_ANY,
            optional=True)
        self._add(param, tr("Records are counted per value of this field (e.g. sex, nationality, age band)."))
        param = QgsProcessingParameterField(
            self.AGE_FIELD, tr("Age field"), parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC, optional=True)
        self._add(param, tr("Age in years, split by AGE_BANDS."))
        param = QgsProcessingParameterString(
            self.AGE_BANDS, tr("Age bands"), defaultValue="0-14,15-64,65-", optional=True)
        self._add(param, tr("Comma-separated bands in whole years, e.g. '0-14,15-64,65-' (the last may be open)."))
        param = QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight field"), parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC,
            optional=True)
        self._add(param, tr("Summed instead of counting 1 per record (e.g. residents per address)."))
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Counts per quartier"), type=SOURCE_ANY)
        self._add(param, tr("A table: one row per quartier, one column per group."))
        self._add(QgsProcessingOutputNumber("N_COUNTED", tr("Records counted")))
        self._add(QgsProcessingOutputNumber("N_WITHOUT_QUARTIER", tr("Records without a quartier")))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        missing = missing_sheet_error(parameters.get(self.INPUT))  # before QGIS's "could not load source layer"
        if missing is not None:
            return False, str(missing)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = self._id_problem(parameters, context)
        return (False, problem) if problem else (True, "")

    def _id_problem(self, parameters, context):
        """QUARTIER_ID is optional only for a table without QUARTIERS that gives INPUT_ID_FIELD instead."""
        key = counting.missing_id_parameter(self.parameterAsString(parameters, self.QUARTIER_ID, context),
                                            parameters.get(self.QUARTIERS) not in (None, ""),
                                            self.parameterAsString(parameters, self.INPUT_ID_FIELD, context))
        return _texts()[key] if key else None

    # -----------------------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        for name in (self.INPUT, self.QUARTIERS):  # a layer QGIS could not open, named with its connection
            require_valid_layer(self.parameterAsVectorLayer(parameters, name, context), name)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise missing_sheet_error(parameters.get(self.INPUT)) or QgsProcessingException(
                self.invalidSourceError(parameters, self.INPUT))
        if source_is_invalid(source):
            raise invalid_layer(source.sourceName(), self.INPUT)
        sheet = spreadsheet_of(self.parameterAsVectorLayer(parameters, self.INPUT, context))
        if sheet is not None:  # named by file and sheet, read below its title rows
            source = NamedSource(source, parameters.get(self.INPUT), sheet)
        quartier_source = self.parameterAsSource(parameters, self.QUARTIERS, context) \
            if parameters.get(self.QUARTIERS) not in (None, "") else None
        fields = self._count_fields(parameters, context, source, check_fields=sheet is None)
        unknown_weights = set()
        is_points = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POINT
        try:
            bands = counting.age_bands(fields.bands_text) if fields.age else None
            steps.setCurrentStep(0)  # 1. quartiers
            quartiers = self._read_quartiers(quartier_source, fields.id, steps, feedback)
            self.check_canceled(feedback)
            steps.setCurrentStep(1)  # 2. a quartier id per record
            in_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
            whole = whole_layer(parameters, self.INPUT, in_layer, source)
            use_points = is_points and quartiers is not None
            table_id = None
            if sheet is not None and not use_points:
                table, table_id = self._sheet_table(source, fields, quartiers, feedback)
            elif not use_points:
                table_id, notes = counting.table_id_field(fields, lambda name: source.fields().lookupField(name) >= 0,
                                                          source.fields().names(), is_points, source.sourceName())
                _report(feedback, notes)
            if sheet is None or use_points:
                names = counting.attribute_names(fields, table_id)
                table = read_attribute_table(source, names, steps, layer=in_layer, whole=whole) if names else None
            if use_points:
                check_crs_pair(source, quartier_source)
                fids, px, py, _n = read_point_coordinates(source, quartiers["crs"], context, steps, layer=in_layer,
                                                          whole=whole)
                steps.setCurrentStep(2)
                record_ids, notes = counting.place_points(
                    px, py, quartiers["rings"], quartiers["ids"], progress=self._progress(steps, feedback),
                    tolerance=border_tolerance(source.sourceCrs(), quartiers["crs"]))
                _report(feedback, notes)
                table = counting.align_rows(table, fids)
            else:
                steps.setCurrentStep(2)
                record_ids = counting.table_ids(table, table_id)
            self.check_canceled(feedback)
            steps.setCurrentStep(3)  # 3. count
            id_layer = quartier_source if quartier_source is not None else source
            counts = counting.count_records(record_ids, table, fields, bands,
                                            quartiers["ids"] if quartiers is not None else None,
                                            placed=use_points, layer_name=id_layer.sourceName())
        except counting.CountingError as error:
            raise QgsProcessingException(_message(error)) from error
        if sheet is not None and not use_points:
            unknown_weights = self._sheet_notes(source, fields, record_ids, table, counts, feedback)
        _report(feedback, counts.notes)
        dest_id = self._write(parameters, context, counts, fields.id, steps, unknown_weights)  # 4. write
        feedback.pushInfo(tr("{} records counted in {} quartiers.").format(counts.n_counted,
                                                                           len(counts.quartier_ids)))
        return {self.OUTPUT: dest_id, "N_COUNTED": counts.n_counted, "N_WITHOUT_QUARTIER": counts.n_without}

    def _count_fields(self, parameters, context, source, check_fields=True):
        """The fields chosen (:class:`counting.CountFields`), checked against INPUT (not ``check_fields``: a
        spreadsheet, whose columns are checked once its header row is found)."""
        problem = self._id_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        input_id = self.parameterAsString(parameters, self.INPUT_ID_FIELD, context) or None
        fields = counting.CountFields(
            id=self.parameterAsString(parameters, self.QUARTIER_ID, context) or input_id, input_id=input_id,
            group=self.parameterAsString(parameters, self.GROUP_FIELD, context) or None,
            age=self.parameterAsString(parameters, self.AGE_FIELD, context) or None,
            weight=self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None,
            bands_text=self.parameterAsString(parameters, self.AGE_BANDS, context))
        in_name = source.sourceName()
        if not check_fields:
            return fields
        for name, param in ((fields.group, self.GROUP_FIELD), (fields.age, self.AGE_FIELD),
                            (fields.weight, self.WEIGHT_FIELD), (fields.input_id, self.INPUT_ID_FIELD)):
            if name:
                require_field(source, name, in_name, param)
        for name, param in ((fields.age, self.AGE_FIELD), (fields.weight, self.WEIGHT_FIELD)):
            if name and not source.fields().field(name).isNumeric():
                raise QgsProcessingException(tr("Field “{}” of layer “{}” must be numeric (parameter {}).")
                                             .format(name, in_name, param))
        return fields

    def _sheet_table(self, source, fields, quartiers, feedback):
        """A spreadsheet INPUT as ``count_records`` takes it: (table of the fields used, named as the parameters
        name them, ages and weights read as numbers with NaN for no data; its id field). The header is the first
        row holding the id field's name; ids that lost their leading zeros are padded when unambiguous."""
        wanted = [n for n in (fields.input_id or fields.id, fields.group, fields.age, fields.weight) if n]
        frame = read_table(source, feedback, header_names=wanted)
        frame = frame[~frame.isna().all(axis=1)]  # wholly empty rows (between or below the data) are no records
        layer = source.sourceName()
        table_id, notes = counting.table_id_field(fields, lambda name: find_column(frame.columns, name) is not None,
                                                  [str(c) for c in frame.columns], False, layer)
        _report(feedback, notes)
        table = pd.DataFrame(index=range(len(frame)))
        for name in counting.attribute_names(fields, table_id):
            column = find_column(frame.columns, name)
            if column is None:
                raise QgsProcessingException(tr("Table “{}” has no column “{}”; its columns: {}.").format(
                    layer, name, examples(frame.columns, 10)))
            values = frame[column].tolist()
            if name in (fields.age, fields.weight):
                numbers, status, reasons = parse.parse_numbers(values)
                bad = [v for v, s in zip(values, status) if s == parse.INVALID]
                if bad:
                    raise QgsProcessingException(tr(
                        "Table “{}”, column “{}”: {} cell(s) are not numbers, e.g. {}.").format(
                        layer, name, len(bad), examples(bad)))
                grouped = [v for v, r in zip(values, reasons) if r == parse.GROUPED]
                if grouped:
                    feedback.pushInfo(tr(
                        "Table “{}”, column “{}”: {} cell(s) read with the German thousands separator (“1.234” = "
                        "1234), e.g. {}.").format(layer, name, len(grouped), examples(grouped)))
                table[name] = numbers
            else:
                table[name] = pd.Series(values, dtype=object).to_numpy()
        ids = [id_text(v) for v in table[table_id].tolist()]
        padding = zero_padding(ids, quartiers["ids"], records=True) if quartiers is not None else {}
        if padding:
            ids = [padding.get(v, v) for v in ids]
            feedback.pushInfo(messages()["ids_padded"].format(layer=layer, field=table_id, n=len(padding),
                                                              ex=padding_examples(padding)))
        table[table_id] = pd.Series(ids, dtype=object).to_numpy()
        return table, table_id

    def _sheet_notes(self, source, fields, record_ids, table, counts, feedback):
        """A spreadsheet's own notes: the hint on ids that lost their leading zeros, records without a weight (no
        data, never 0: their quartiers' values are unknown) instead of counting's "count as 0". Returns the ids of
        the quartiers whose values are unknown."""
        layer = source.sourceName()
        known = set(counts.quartier_ids)
        pairs = leading_zero_pairs(sorted({r for r in record_ids if r is not None and r not in known}),
                                   counts.quartier_ids)
        if pairs:
            feedback.pushWarning(messages()["leading_zeros_sheet"].format(
                ex=", ".join(pairs[:3]) + (", …" if len(pairs) > 3 else "")))
        if not fields.weight:
            return set()
        counts.notes = [n for n in counts.notes if n.key != "no_weight"]
        no_weight = [r for r, w in zip(record_ids, table[fields.weight].tolist()) if math.isnan(w)]
        unknown = {r for r in no_weight if r in known}
        if no_weight:
            feedback.pushWarning(tr(
                "Table “{}”, column “{}”: {} record(s) have no weight (empty or suppressed, e.g. “k.A.”): the "
                "values of their quartiers are unknown and written as NULL: {}.").format(
                layer, fields.weight, len(no_weight), examples(sorted(unknown))))
        return unknown

    def _read_quartiers(self, quartier_source, id_field, steps, feedback):
        """The quartiers as :func:`readers.read_quartiers` gives them (None without QUARTIERS)."""
        if quartier_source is None:
            return None
        name = quartier_source.sourceName()
        require_geometry(quartier_source, GEOMETRY_POLYGON, name, self.QUARTIERS)
        require_field(quartier_source, id_field, name, self.QUARTIER_ID)
        quartiers = read_quartiers(quartier_source, id_field, steps)
        if not quartiers["ids"]:
            raise empty_layer(name, self.QUARTIERS)
        for qid, reason in quartiers["invalid"]:
            feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired.").format(qid, reason))
        return quartiers

    def _progress(self, steps, feedback):
        def progress(fraction):
            steps.setProgress(100.0 * fraction)
            self.check_canceled(feedback)

        return progress

    def _write(self, parameters, context, counts, id_field, feedback, unknown=frozenset()):
        """Write the OUTPUT table through :func:`vector_output.write_vector_output`: the id field, then one column
        per count (NULL for the quartiers of ``unknown``); returns its destination id."""
        fields = QgsFields()
        fields.append(QgsField(id_field, T_STRING))
        for name in counts.columns:
            fields.append(QgsField(name, T_DOUBLE if counts.weighted else T_LONG))
        table = [values[:1] + [None] * (len(values) - 1) if values[0] in unknown else values
                 for values in counts.rows()]
        columns = [[row[k] for row in table] for k in range(fields.count())]
        rows = row_source(len(table))
        fids = [f.id() for f in rows.getFeatures()]
        content = LayerContent(rows, None, False, fids, fields, columns, None, WKB_NO_GEOMETRY,
                               QgsCoordinateReferenceSystem(), table=pd.DataFrame({"fid": fids}))
        with OutputSet() as written:
            return written.add(write_vector_output(self, parameters, self.OUTPUT, context, feedback, content,
                                                   tr("Counts per quartier")))


def row_source(n):
    """A memory table of ``n`` features without fields: the rows of an output that copies no input (every field of
    the :class:`vector_output.LayerContent` is a new column)."""
    layer = QgsVectorLayer("None", "rows", "memory")
    if n and not layer.dataProvider().addFeatures([QgsFeature() for _ in range(n)]):
        raise QgsProcessingException(tr("QGIS could not create a temporary table."))
    return layer
