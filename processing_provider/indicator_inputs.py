"""QGIS glue shared by the indicator algorithms (``calculateindicators``, ``attentionindex``).

- :func:`messages`, :func:`reported`, :func:`push_notes`: the translated text of the pure modules'
  :class:`InputError` and :class:`Note` keys (``indicators.table_input``), one table for both algorithms;
- reading: sources named with their GeoPackage layer or spreadsheet sheet, quartier ids (the shared id check),
  whole attribute tables, fields as the layer spells them, the hint on a title row above a table's header;
- spreadsheets (XLSX, XLS, ODS through QGIS's OGR provider, one layer per sheet: ``file.xlsx|layername=Sheet2``):
  a missing sheet named with the file's sheets, the header found below title rows (:func:`field_name`,
  :func:`read_table`), the table marked for :func:`table_input.match_ids` (ids padded when unambiguous);
- writing: the quartier layer with its attributes plus new fields, styled when loaded and, for a file output,
  with its style saved beside it (:class:`StyledOutputAlgorithm`).
"""

import os
from contextlib import contextmanager

import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .. import cartography
from ..compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    REQUEST_NO_GEOMETRY,
    SINK_POLYGON,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_INT,
    T_STRING,
    plain_value,
)
from ..indicators.table_input import (
    HEADER_SEARCH_ROWS,
    SPREADSHEET,
    InputError,
    apply_header_row,
    examples,
    header_row,
    header_spelling,
)
from ..translation import tr
from .base import LayerPostProcessor, QuartiersAlgorithm, default_field
from .errors import check_canceled
from .inputs import check_ids, id_as_text, require_field, require_valid_layer
from .vector_output import LayerContent, OutputSet, output_fields, write_vector_output

#: the files GDAL reads as spreadsheets, one layer per sheet
SPREADSHEET_EXTENSIONS = (".xlsx", ".xls", ".ods")
# the polygon type of a feature sink (QgsProcessingParameterFeatureSink took the old enum before QGIS 3.36)
FIELD_TYPES = {"double": T_DOUBLE, "int": T_INT, "string": T_STRING}


def messages():
    """{key: translated text} of every message key of the pure modules (translated when asked: the language
    may change while QGIS runs)."""
    return {
        "mapping_form": tr("Column mapping: '{part}' is not of the form standard_name=your_column."),
        "unknown_indicator": tr("Indicator '{id}' is not in the catalog (known: {known})."),
        "no_indicator": tr("Select at least one indicator."),
        "no_municipality": tr("Layer '{layer}', field '{field}': quartiers without a municipality: {ex}."),
        "table_no_rows": tr("Table '{layer}' has no rows."),
        "table_null_ids": tr(
            "Table '{layer}', field '{field}': {n} rows have no quartier id (NULL or empty), e.g. rows {ex}."),
        "encoding": tr(
            "Table '{layer}', column '{field}': '{value}' holds characters that could not be decoded: the text "
            "encoding of the table is probably wrong (e.g. a Windows-1252 / Latin-1 file read as UTF-8). Set "
            "the encoding when adding the layer (Data Source Manager → Delimited Text → Encoding) or in Layer "
            "Properties → Source."),
        "no_rows_for_years": tr(
            "Table '{layer}', field '{field}': no rows for the year(s) {years}; the table has {found}."),
        "no_id_matches": tr(
            "Table '{layer}', field '{field}': none of its ids matches a quartier id of layer '{quartiers}' "
            "(field '{qid}'). Table ids: {table_ids}; quartier ids: {quartier_ids}."),
        "ids_left_out": tr("Table '{layer}', field '{field}': {n} ids match no quartier and are left out: {ex}."),
        "quartiers_without_row": tr("{n} quartiers have no row in table '{layer}' (flag no_data): {ex}."),
        "leading_zeros": tr(
            "Some ids differ only by leading zeros ({ex}): the id column was probably read as a number. Ids are "
            "compared as text; store the ids as text in both layers (e.g. switch off 'Detect field types' when "
            "adding a CSV, or add a .csvt file)."),
        "leading_zeros_sheet": tr(
            "Some ids differ only by leading zeros ({ex}): the spreadsheet stored the ids as numbers, which drops "
            "leading zeros, and they could not be padded unambiguously. In the spreadsheet, format the id column "
            "as Text and enter the ids with their leading zeros (e.g. '0101'), save it and run again."),
        "ids_padded": tr(
            "Table '{layer}', field '{field}': {n} ids had lost their leading zeros in the spreadsheet (stored as "
            "numbers) and were padded with zeros to the quartier ids: {ex}."),
        "thresholds": tr("Thresholds '{text}': three increasing numbers are needed, e.g. '-1,1,1.5'."),
        "weights_unknown_field": tr("Weights: '{name}' is not one of the indicator fields ({fields})."),
        "weights_form": tr("Weights: '{part}' is not of the form field=number."),
        "weights_numbers": tr("Weights '{text}': numbers are needed."),
        "weights_count": tr("Weights '{text}': {n} numbers given for {m} indicator fields ({fields})."),
        "reversed_not_chosen": tr(
            "Layer '{layer}': reversed field(s) {fields} are not among the indicator fields."),
        "previous_no_match": tr(
            "Previous layer '{layer}', field '{field}': no quartier id matches the input ids "
            "(previous: {prev}; input: {current})."),
        "previous_unmatched": tr(
            "Previous layer '{layer}': {n} quartiers have no previous values (no dynamics): {ex}."),
    }


def message_text(item, **context):
    """The text of an :class:`InputError` or :class:`Note`; ``context`` fills the placeholders the pure code does
    not know (``layer`` …), the item's own parameters win. Ids that differ only by leading zeros add a hint."""
    params = dict(context, **item.params)
    table = messages()
    text = table[item.key].format(**params)
    if params.get("leading_zeros"):
        hint = "leading_zeros_sheet" if params.get("spreadsheet") else "leading_zeros"
        text += " " + table[hint].format(ex=params["leading_zeros"])
    return text


@contextmanager
def reported(**context):
    """An :class:`InputError` raised inside becomes the translated :class:`QgsProcessingException`."""
    try:
        yield
    except InputError as error:
        raise QgsProcessingException(message_text(error, **context)) from error


def push_notes(feedback, notes, **context):
    """Every :class:`Note` of ``notes`` (None ignored) as a warning."""
    for note in notes:
        if note is not None:
            feedback.pushWarning(message_text(note, **context))


# -- reading --------------------------------------------------------------------------------------------------------
def sheet_names(path):
    """The sheets (GDAL's layers) of the spreadsheet ``path``; [] when GDAL cannot open it."""
    from osgeo import gdal

    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        return []
    if ds is None:
        return []
    return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]


def _is_spreadsheet(path):
    return bool(path) and str(path).lower().endswith(SPREADSHEET_EXTENSIONS)


def spreadsheet_of(layer):
    """(file path, sheet name) of a layer QGIS's OGR provider reads from an XLSX, XLS or ODS file (one layer per
    sheet: "file.xlsx|layername=Sheet2"; without a layer name the first sheet); None for anything else."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not _is_spreadsheet(path):
        return None
    sheet = parts.get("layerName") or ""
    if not sheet:
        sheets = sheet_names(path)
        index = parts.get("layerId")
        index = int(index) if index not in (None, "") else 0
        sheet = sheets[index] if 0 <= index < len(sheets) else ""
    return path, sheet


def missing_sheet_error(value):
    """The error for a parameter value "file.xlsx|layername=Sheet9" whose file exists but has no such sheet
    (naming file, sheet and the sheets it has); None for any other value."""
    if not isinstance(value, str) or "layername=" not in value:
        return None
    path = value.split("|", 1)[0]
    if not _is_spreadsheet(path) or not os.path.isfile(path):
        return None
    sheet = value.split("layername=", 1)[1].split("|")[0]
    sheets = sheet_names(path)
    if sheet in sheets:
        return None
    return QgsProcessingException(tr("Spreadsheet '{file}' has no sheet '{sheet}'; its sheets: {sheets}.").format(
        file=os.path.basename(path), sheet=sheet, sheets=examples(sheets, 20)))


class NamedSource:
    """A feature source whose ``sourceName()`` also names the GeoPackage layer ("data.gpkg" → "data: counts_2024")
    when the parameter was given as "file|layername=…" (as in processing.run and qgis_process), and a
    spreadsheet's file and sheet ("zahlen.xlsx: SGB2"). ``spreadsheet``: (path, sheet) of a spreadsheet layer
    (:func:`spreadsheet_of`), else None; ``header_names``: the column names its header row is looked for by
    (set by :func:`field_name` when it found the header below title rows; used by :func:`read_table`)."""

    def __init__(self, source, parameter_value, spreadsheet=None):
        self._source = source
        self.spreadsheet = spreadsheet
        self.header_names = None
        name = source.sourceName()
        text = parameter_value if isinstance(parameter_value, str) else ""
        if spreadsheet is not None:
            file_name = os.path.basename(spreadsheet[0])
            name = "{}: {}".format(file_name, spreadsheet[1]) if spreadsheet[1] else file_name
        elif "layername=" in text:
            layer_name = text.split("layername=", 1)[1].split("|")[0]
            if layer_name and layer_name != name:
                name = "{}: {}".format(name, layer_name)
        self._name = name

    def sourceName(self):
        return self._name

    def __getattr__(self, attribute):
        return getattr(self._source, attribute)


def named_source(algorithm, parameters, name, context, optional=False):
    """The source of parameter ``name`` as a :class:`NamedSource`; None for an optional parameter left empty, the
    invalid-source error for anything else QGIS cannot read."""
    if not (optional and not parameters.get(name)):
        # a refused PostGIS connection is named (host, port, database, table; never the password)
        require_valid_layer(algorithm.parameterAsVectorLayer(parameters, name, context), name)
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        if optional and not parameters.get(name):
            return None
        raise missing_sheet_error(parameters.get(name)) or QgsProcessingException(
            algorithm.invalidSourceError(parameters, name))
    value = parameters.get(name)
    if hasattr(value, "source"):  # QgsProcessingFeatureSourceDefinition
        value = value.source.staticValue() if hasattr(value.source, "staticValue") else ""
    return NamedSource(source, value, spreadsheet_of(algorithm.parameterAsVectorLayer(parameters, name, context)))


def with_header_hint(message, source, names):
    """``message`` plus a hint when one of the first rows of ``source`` holds column names of ``names``: a title
    row above the header has made the real column names data."""
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setLimit(5)
    found = header_row(([plain_value(v) for v in f.attributes()] for f in source.getFeatures(request)), names)
    if found is None:
        return message
    return message + " " + tr(
        "Row {row} of table '{layer}' holds the expected column names {names}: the table probably has a title row "
        "above its header. Delete the rows above the header so that the first row holds the column names."
    ).format(row=found[0], layer=source.sourceName(), names=examples(found[1], 8))


def field_name(source, name, param, hint_names=None):
    """Field ``name`` of ``source`` (parameter ``param``) as the layer spells it; the shared missing-field error,
    with the title-row hint when ``hint_names`` (the columns the table should have) is given."""
    try:
        index = require_field(source, name, source.sourceName(), param)
    except QgsProcessingException as error:
        if hint_names is None:
            raise
        spelled = sheet_header_field(source, name, hint_names)
        if spelled is not None:
            return spelled
        raise QgsProcessingException(with_header_hint(str(error), source, hint_names)) from error
    return source.fields().at(index).name()


def first_rows(source, n=HEADER_SEARCH_ROWS):
    """The first ``n`` rows of ``source`` as a DataFrame like :func:`read_table`'s."""
    names = source.fields().names()
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setLimit(n)
    rows = [[plain_value(v) for v in f.attributes()] for f in source.getFeatures(request)]
    return pd.DataFrame(rows, columns=names, dtype=object)


def sheet_header_field(source, name, hint_names):
    """For a spreadsheet (a :class:`NamedSource` with ``spreadsheet``) whose header is below title rows: the
    column ``name`` as the header row (the first holding ``hint_names[0]``, the id column) spells it, and the
    source marked so that :func:`read_table` reads the table below that row; None otherwise."""
    names = [n for n in (hint_names or ()) if n]
    if not names or getattr(source, "spreadsheet", None) is None:
        return None
    spelled = header_spelling(first_rows(source), names[0], name)
    if spelled is not None:
        source.header_names = names
    return spelled


def read_quartier_ids(source, id_field, param, feedback=None, extra_fields=()):
    """[(feature id, quartier id as text, {extra field: value})] in feature order; the shared error for a
    missing id field (parameter ``param``), NULL or duplicate ids."""
    id_field = field_name(source, id_field, param)
    rows = []
    for feature in source.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
        check_canceled(feedback)
        extra = {name: plain_value(feature[name]) for name in extra_fields}
        rows.append((feature.id(), id_as_text(feature[id_field]), extra))
    check_ids([row[1] for row in rows], source.sourceName(), id_field, [row[0] for row in rows])
    return rows


def read_table(source, feedback=None, header_names=None):
    """All attributes of ``source`` as a DataFrame of Python objects (None for NULL), column per field.

    A spreadsheet (a :class:`NamedSource` with ``spreadsheet``) is marked (``attrs[SPREADSHEET]``); when its
    header is below title rows (``header_names``, else those :func:`field_name` found it by: the first is the id
    column) the rows below the header are the table, named by it, and the rows skipped are logged."""
    names = source.fields().names()
    data = {name: [] for name in names}
    for feature in source.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
        check_canceled(feedback)
        for name, value in zip(names, feature.attributes()):
            data[name].append(plain_value(value))
    frame = pd.DataFrame(data, columns=names, dtype=object)
    if getattr(source, "spreadsheet", None) is None:
        return frame
    frame.attrs[SPREADSHEET] = True
    header = apply_header_row(frame, header_names or getattr(source, "header_names", None) or ())
    if header.skipped and feedback is not None:
        feedback.pushInfo(tr(
            "Table '{layer}': the column names are in row {row} of the sheet; the {n} row(s) above them (a title) "
            "were skipped.").format(layer=source.sourceName(), row=header.row, n=header.skipped))
    return header.frame


def read_quartier_table(source, id_field, param, feedback=None):
    """(:func:`read_quartier_ids` rows, :func:`read_table` indexed by quartier id)."""
    rows = read_quartier_ids(source, id_field, param, feedback)
    table = read_table(source, feedback)
    table.index = [row[1] for row in rows]
    return rows, table


# -- writing and styling --------------------------------------------------------------------------------------------
def write_quartier_layer(algorithm, parameters, context, source, new_fields, rows, quartier_rows, feedback):
    """Write ``algorithm.OUTPUT`` through :func:`vector_output.write_vector_output` (GDAL and SQLite where they
    apply, a PostGIS table copied by GDAL): every feature of ``source`` with its attributes plus ``new_fields``
    ((name, kind) pairs, kind as in :data:`FIELD_TYPES`) holding ``rows[quartier id]``; an input field named like a
    new field is replaced in its place (:func:`vector_output.output_fields`). ``quartier_rows`` from
    :func:`read_quartier_ids`; ``feedback``: the step's feedback (progress, cancel). Returns the destination id (a
    file path or a layer id)."""
    extra = QgsFields()
    for name, kind in new_fields:
        extra.append(QgsField(name, FIELD_TYPES[kind]))
    fields, positions, replaced = output_fields(source.fields(), extra)
    if replaced:
        feedback.pushInfo(tr("Fields replaced by the new results: {}.").format(", ".join(replaced)))
    fids = [row[0] for row in quartier_rows]
    values = [rows[row[1]] for row in quartier_rows]
    columns = [[plain_value(row[k]) for row in values] for k in range(len(new_fields))]
    # the new columns are lists (not categorical): the quartiers' own geometry is written by a QGIS sink into the
    # file (or the GeoPackage staged for a memory or PostGIS output), so the input's layer is not needed
    content = LayerContent(source, None, False, fids, fields, columns, "source", source.wkbType(),
                           source.sourceCrs(), positions=positions)
    with OutputSet() as written:
        return written.add(write_vector_output(algorithm, parameters, algorithm.OUTPUT, context, feedback, content,
                                               algorithm.displayName()))


def field_parameter(name, label, parent, numeric=False, multiple=False, optional=False, default=None):
    """A field parameter of the layer parameter ``parent`` (any field type unless ``numeric``). A mandatory single
    field of a known kind (``QUARTIER_ID``, ``DATA_ID`` … :data:`base.FIELD_KINDS`) asks for its canonical name by
    default (``quartier_id``: the field widget preselects it when the layer has it) unless ``default`` is given."""
    if default is None and not optional and not multiple:
        default = default_field(name)
    return QgsProcessingParameterField(name, label, defaultValue=default, parentLayerParameterName=parent,
                                       type=FIELD_NUMERIC if numeric else FIELD_ANY, allowMultiple=multiple,
                                       optional=optional)


class OutputStyler(LayerPostProcessor):
    """Styles an output when QGIS loads it: ``settings`` is (the algorithm's ``style_layer``, its settings)."""

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            style_layer, settings = self.settings
            style_layer(layer, settings, loaded=True)


class StyledOutputAlgorithm(QuartiersAlgorithm):
    """Base of the indicator algorithms: the output is styled by :meth:`style_layer` when it is loaded, and a file
    output gets its style saved with it (a QML beside it, or inside the GeoPackage for one of its layers)."""

    def __init__(self):
        super().__init__()
        self._styling = None

    @staticmethod
    def style_layer(layer, settings, loaded=False):
        """Style the output ``layer`` (``loaded``: the layer QGIS loads, else the file output read back) by
        ``settings``; returns the name to save the style under."""
        raise NotImplementedError

    def add_quartiers(self, name, label, help_text, id_help):
        """The polygon layer ``name`` of the quartiers and its quartier id field ``QUARTIER_ID``."""
        self._add(QgsProcessingParameterFeatureSource(name, label, [SOURCE_POLYGON]), help_text)
        self._add(field_parameter(self.QUARTIER_ID, tr("Quartier id field"), name), id_help)

    def add_output(self, label, help_text):
        """The polygon output ``OUTPUT``, styled when loaded."""
        self._add(QgsProcessingParameterFeatureSink(self.OUTPUT, label, SINK_POLYGON), help_text)

    def style_output(self, context, settings):
        """Keep ``settings`` (with the output's "dest_id") for the file's style; style the output loaded on
        completion."""
        self._styling = settings
        dest_id = settings["dest_id"]
        if context.willLoadLayerOnCompletion(dest_id):
            styler = OutputStyler.create((type(self).style_layer, settings))
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)

    def postProcessAlgorithm(self, context, feedback):
        """The style with a file output: a QML beside it, or inside the GeoPackage for one of its layers."""
        settings = self._styling
        if not settings:
            return {}
        dest_id = settings["dest_id"]
        path = cartography.indicator_style.qml_path_for(dest_id)
        if path is None or not os.path.exists(str(dest_id).split("|")[0]):
            return {}
        layer = QgsVectorLayer(dest_id, self.name(), "ogr")
        if not layer.isValid():
            return {}
        style_name = self.style_layer(layer, settings)
        try:
            cartography.save_style_with_output(layer, dest_id, style_name)
        except OSError as error:
            feedback.pushWarning(
                tr("The style could not be saved beside '{path}': {message}").format(path=path, message=str(error))
            )
        return {}
