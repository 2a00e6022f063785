"""``quartiersmonitor:calculateindicators`` — indicators per quartier from a counts table, styled on load.

All numbers come from the indicator engine (``indicators.rates.compute`` and ``indicators.classify``); this module
only reads the layers, hands the counts to the engine, writes its results and styles the output layer
(``cartography``).
"""

import math
import os

import pandas as pd
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ... import cartography
from ...compat import (
    FAST_INSERT,
    T_DOUBLE,
    T_INT,
    T_STRING,
    plain_value,
    scoped,
)
from ...indicators.classify import METHODS
from ...translation import current_language, tr
from ..base import (
    FIELD_ANY,
    GROUP_INDICATORS,
    NUMBER_INTEGER,
    SOURCE_ANY,
    SOURCE_POLYGON,
    LayerPostProcessor,
    QuartiersAlgorithm,
)
from ..inputs import id_as_text

SINK_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon if Qgis.QGIS_VERSION_INT < 33600 else SOURCE_POLYGON
FILE_BEHAVIOR = scoped("ProcessingFileParameterBehavior", "File", lambda: QgsProcessingParameterFile.Behavior.File)


def number_or_none(value):
    """A float for the output layer, None (NULL) for NaN / missing values: suppression never becomes 0."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def int_or_none(value):
    number = number_or_none(value)
    return None if number is None else int(round(number))


def examples(values, n=5):
    values = list(values)
    shown = ", ".join("'{}'".format(v) for v in values[:n])
    return shown + (", …" if len(values) > n else "")


def leading_zero_pairs(table_ids, quartier_ids):
    """["'101' / '0101'", …]: ids of the two sides equal but for leading zeros (a text column read as a number)."""
    by_digits = {}
    for qid in quartier_ids:
        by_digits.setdefault(qid.lstrip("0"), qid)
    return ["'{}' / '{}'".format(t, by_digits[t.lstrip("0")]) for t in table_ids
            if t.lstrip("0") in by_digits and by_digits[t.lstrip("0")] != t]


def undecodable_text(frame):
    """(column, value) of the first column name or text holding U+FFFD (bytes the layer's encoding could not
    decode, e.g. a Windows-1252 file read as UTF-8), else None."""
    for column in frame.columns:
        if "\ufffd" in str(column):
            return str(column), str(column)
        for value in frame[column]:
            if isinstance(value, str) and "\ufffd" in value:
                return str(column), value
    return None


def header_row(source, names, rows=5):
    """1-based number of one of the first ``rows`` rows of ``source`` holding some of the column names ``names``
    (a title row above the header pushes the header into the data): (row, [names found]) or None."""
    wanted = {str(n).strip().lower(): n for n in names if n}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(rows)
    for number, feature in enumerate(source.getFeatures(request), 1):
        found = [wanted[t] for t in dict.fromkeys(str(plain_value(v)).strip().lower() for v in feature.attributes())
                 if t in wanted]
        if found:
            return number, found
    return None


def with_header_hint(message, source, names):
    """``message`` plus a hint when a title row above the header has made the real column names data."""
    found = header_row(source, names)
    if found is None:
        return message
    return message + " " + tr(
        "Row {row} of table '{layer}' holds the expected column names {names}: the table probably has a title row "
        "above its header. Delete the rows above the header so that the first row holds the column names."
    ).format(row=found[0], layer=source.sourceName(), names=examples(found[1], 8))


class NamedSource:
    """A feature source whose ``sourceName()`` also names the GeoPackage layer ("data.gpkg" → "data: counts_2024")
    when the parameter was given as "file|layername=…" (as in processing.run and qgis_process)."""

    def __init__(self, source, parameter_value):
        self._source = source
        name = source.sourceName()
        text = parameter_value if isinstance(parameter_value, str) else ""
        if "layername=" in text:
            layer_name = text.split("layername=", 1)[1].split("|")[0]
            if layer_name and layer_name != name:
                name = "{}: {}".format(name, layer_name)
        self._name = name

    def sourceName(self):
        return self._name

    def __getattr__(self, attribute):
        return getattr(self._source, attribute)


def named_source(algorithm, parameters, name, context):
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    value = parameters.get(name)
    if hasattr(value, "source"):  # QgsProcessingFeatureSourceDefinition
        value = value.source.staticValue() if hasattr(value.source, "staticValue") else ""
    return NamedSource(source, value)


def read_quartier_ids(source, id_field, feedback=None, extra_fields=()):
    """[(feature id, quartier id, {extra field: value})] in feature order; clear errors for NULL or duplicate ids."""
    fields = source.fields()
    if fields.indexOf(id_field) < 0:
        raise QgsProcessingException(
            tr("Layer '{layer}' has no field '{field}' (quartier id).").format(
                layer=source.sourceName(), field=id_field
            )
        )
    rows, seen, duplicates, null_features = [], set(), [], []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
        qid = id_as_text(feature[id_field])
        if qid is None:
            null_features.append(feature.id())
            continue
        if qid in seen:
            duplicates.append(qid)
        seen.add(qid)
        extra = {name: plain_value(feature[name]) for name in extra_fields}
        rows.append((feature.id(), qid, extra))
    if null_features:
        raise QgsProcessingException(
            tr("Layer '{layer}', field '{field}': {n} features have no quartier id (NULL or empty), "
               "e.g. features {ex}.").format(
                layer=source.sourceName(), field=id_field, n=len(null_features), ex=examples(null_features)
            )
        )
    if duplicates:
        raise QgsProcessingException(
            tr("Layer '{layer}', field '{field}': quartier ids occur more than once: {ex}.").format(
                layer=source.sourceName(), field=id_field, ex=examples(sorted(set(duplicates)))
            )
        )
    return rows


def read_table(source, feedback=None):
    """All attributes of ``source`` as a DataFrame of Python objects (None for NULL), column per field."""
    names = source.fields().names()
    data = {name: [] for name in names}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
        for name, value in zip(names, feature.attributes()):
            data[name].append(plain_value(value))
    return pd.DataFrame(data, columns=names, dtype=object)


def describe_years(counts, year_field=None):
    """The year(s) of the counts for titles: the year field's values, else a single-valued "year"/"Jahr" column."""
    columns = [year_field] if year_field else [c for c in counts.columns if str(c).strip().lower() in ("year", "jahr")]
    for column in columns:
        values = sorted({id_as_text(v) for v in counts[column]} - {None})
        if values and (year_field or len(values) == 1):
            return ", ".join(values)
    return None


def parse_mapping(text):
    """"pop_total=EW_gesamt; sgb2_u65=SGB2_u65" → {"pop_total": "EW_gesamt", "sgb2_u65": "SGB2_u65"}."""
    mapping = {}
    for part in (text or "").replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise QgsProcessingException(
                tr("Column mapping: '{part}' is not of the form standard_name=your_column.").format(part=part)
            )
        standard, column = (s.strip() for s in part.split("=", 1))
        if not standard or not column:
            raise QgsProcessingException(
                tr("Column mapping: '{part}' is not of the form standard_name=your_column.").format(part=part)
            )
        mapping[standard] = column
    return mapping


def output_field_names(field):
    return [
        field,
        field + "_num",
        field + "_den",
        field + "_lo",
        field + "_hi",
        field + "_z",
        field + "_class",
        field + "_flag",
        field + "_sig",
        field + "_mun",
        field + "_county",
    ]


def output_fields_for(field):
    types = [T_DOUBLE, T_DOUBLE, T_DOUBLE, T_DOUBLE, T_DOUBLE, T_DOUBLE, T_INT, T_STRING, T_INT, T_DOUBLE, T_DOUBLE]
    return [QgsField(name, kind) for name, kind in zip(output_field_names(field), types)]



class IndicatorLayerStyler(LayerPostProcessor):
    """Styles the loaded output: one style per indicator, the first current; name, title, county values."""

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsVectorLayer):
            return
        apply_indicator_layer_style(layer, self.settings)
        first = self.settings["catalog"][self.settings["ids"][0]]
        title = cartography.indicator_style.indicator_title(first, self.settings["language"], self.settings["year"])
        layer.setName(title)


def apply_indicator_layer_style(layer, settings):
    """Custom properties (indicators, county values, suppression limits, breaks) and one style per indicator."""
    prefix = cartography.indicator_style.PROPERTY_PREFIX
    catalog = settings["catalog"]
    layer.setCustomProperty(prefix + "indicators", ",".join(settings["ids"]))
    layer.setCustomProperty(prefix + "min_count", settings["min_count"])
    layer.setCustomProperty(prefix + "min_population", settings["min_population"])
    layer.setCustomProperty(prefix + "classification", settings["method"])
    layer.setCustomProperty(prefix + "classes", settings["k"])
    for ident in settings["ids"]:
        field = catalog[ident].field
        county = settings["county"].get(ident)
        layer.setCustomProperty(prefix + "county/" + field, "" if county is None else repr(county))
        layer.setCustomProperty(prefix + "breaks/" + field, ",".join(repr(b) for b in settings["breaks"][ident]))
    return cartography.add_indicator_styles(
        layer,
        catalog,
        settings["ids"],
        settings["method"],
        settings["k"],
        settings["language"],
        breaks=settings["breaks"],
        source=settings["source"],
        year=settings["year"],
    )


class CalculateIndicatorsAlgorithm(QuartiersAlgorithm):
    ALG_ID = "calculateindicators"
    GROUP_ID = GROUP_INDICATORS

    QUARTIERS = "QUARTIERS"
    QUARTIER_ID = "QUARTIER_ID"
    DATA = "DATA"
    DATA_ID = "DATA_ID"
    INDICATORS = "INDICATORS"
    MIN_COUNT = "MIN_COUNT"
    MIN_POPULATION = "MIN_POPULATION"
    CLASSIFICATION = "CLASSIFICATION"
    CLASSES = "CLASSES"
    COLUMN_MAPPING = "COLUMN_MAPPING"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    YEAR = "YEAR"
    CATALOG = "CATALOG"
    EXTRA_INDICATORS = "EXTRA_INDICATORS"
    OUTPUT = "OUTPUT"

    def __init__(self):
        super().__init__()
        self._styling = None

    def displayName(self):
        return tr("Calculate indicators")

    def shortHelpString(self):
        return tr(
            "Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, "
            "GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.\n\n"
            "For each selected indicator the output holds the value, numerator, denominator, 95 % confidence "
            "interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of "
            "the municipality (_mun) and the county (_county). Fields are named by the indicator id without the "
            "dot: A.1 → A1, A1_num, A1_den, …\n\n"
            "Counts below the minimum count and quartiers with fewer residents (pop_total) than the minimum "
            "population are suppressed: the value is empty (NULL) and the flag says why; they are hatched grey "
            "on the map.\n\n"
            "The output is loaded with a graduated map of the first indicator; every other indicator is "
            "available as a saved style (Layer Properties → Style). A file output gets the style as a QML "
            "beside it.\n\n"
            "Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. "
            "'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'."
        )

    @staticmethod
    def _leading_zero_hint(table_ids, quartier_ids):
        pairs = leading_zero_pairs(table_ids, quartier_ids)
        if not pairs:
            return ""
        return " " + tr(
            "Some ids differ only by leading zeros ({ex}): the id column was probably read as a number. Ids are "
            "compared as text; store the ids as text in both layers (e.g. switch off 'Detect field types' when "
            "adding a CSV, or add a .csvt file)."
        ).format(ex=examples(pairs, 3))

    def initAlgorithm(self, config=None):
        from ...indicators.catalog import load_catalog

        language = current_language()
        catalog = load_catalog()
        labels = ["{} {}".format(ident, catalog[ident].name(language)) for ident in catalog.ids()]

        self._add(
            QgsProcessingParameterFeatureSource(self.QUARTIERS, tr("Quartiers"), [SOURCE_POLYGON]),
            tr("Polygon layer of the quartiers."),
        )
        self._add(
            QgsProcessingParameterField(
                self.QUARTIER_ID, tr("Quartier id field"), parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY
            ),
            tr("Field of the quartiers with the quartier id (compared as text after trimming)."),
        )
        self._add(
            QgsProcessingParameterFeatureSource(self.DATA, tr("Counts table"), [SOURCE_ANY]),
            tr("Table of counts per quartier (CSV, XLSX, GeoPackage table, any layer); columns named as in the "
               "indicator catalog or mapped in 'Column mapping'."),
        )
        self._add(
            QgsProcessingParameterField(
                self.DATA_ID, tr("Quartier id field of the counts table"), parentLayerParameterName=self.DATA,
                type=FIELD_ANY,
            ),
            tr("Field of the counts table with the quartier id."),
        )
        self._add(
            QgsProcessingParameterEnum(self.INDICATORS, tr("Indicators"), options=labels, allowMultiple=True),
            tr("Indicators to calculate; the first one is shown on the map."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.MIN_COUNT, tr("Minimum count (smaller numerators are suppressed)"), NUMBER_INTEGER, 3,
                minValue=1,
            ),
            tr("Numerators from 1 to this value minus one are not shown (statistical confidentiality)."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.MIN_POPULATION, tr("Minimum population of a quartier (pop_total)"), NUMBER_INTEGER, 300,
                minValue=0,
            ),
            tr("Quartiers with fewer residents (column pop_total) are not shown; 0 switches the rule off."),
        )
        self._add(
            QgsProcessingParameterEnum(
                self.CLASSIFICATION,
                tr("Classification"),
                options=[
                    tr("Quantiles"),
                    tr("Natural breaks (Jenks)"),
                    tr("Equal intervals"),
                    tr("Standard deviation"),
                    tr("Pretty breaks"),
                ],
                defaultValue=0,
            ),
            tr("Class breaks of the map and of the _class fields."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.CLASSES, tr("Number of classes"), NUMBER_INTEGER, 5, minValue=2, maxValue=9
            ),
            tr("Number of map classes (pretty breaks and few distinct values may give fewer)."),
        )
        self._add(
            QgsProcessingParameterString(
                self.COLUMN_MAPPING, tr("Column mapping (standard_name=your_column; …)"), optional=True,
                multiLine=True,
            ),
            tr("For tables whose columns have other names, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterField(
                self.MUNICIPALITY_FIELD, tr("Municipality field of the quartiers"),
                parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY, optional=True,
            ),
            tr("When given, the municipality values (_mun fields) are computed from the summed counts."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterField(
                self.YEAR_FIELD, tr("Year field of the counts table (several years are summed)"),
                parentLayerParameterName=self.DATA, type=FIELD_ANY, optional=True,
            ),
            tr("For tables with one row per quartier and year: the counts of the selected years are summed "
               "(pooled) per quartier."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterString(
                self.YEAR, tr("Years to use (e.g. 2024 or 2022,2023,2024; empty = all)"), optional=True
            ),
            tr("Only rows of these years are used (needs the year field)."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterFile(
                self.CATALOG, tr("Indicator catalog (JSON, extends the built-in one)"), FILE_BEHAVIOR,
                extension="json", optional=True,
            ),
            tr("A JSON file that overrides or adds indicators (see the documentation of the catalog)."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterString(
                self.EXTRA_INDICATORS, tr("Further indicator ids of the catalog file (e.g. X.1,X.2)"),
                optional=True,
            ),
            tr("Ids of indicators added by the catalog file, calculated after the selected ones."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Indicators"), SINK_POLYGON),
            tr("The quartiers with the indicator fields; loaded styled."),
        )

    # ----------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        from ...indicators import classify, rates
        from ...indicators.catalog import CatalogError, load_catalog

        steps = QgsProcessingMultiStepFeedback(5, feedback)
        quartiers = named_source(self, parameters, self.QUARTIERS, context)
        if quartiers is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.QUARTIERS))
        data = named_source(self, parameters, self.DATA, context)
        if data is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DATA))
        qid_field = self.parameterAsString(parameters, self.QUARTIER_ID, context)
        data_id = self.parameterAsString(parameters, self.DATA_ID, context)
        municipality_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or None
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or None
        years_text = self.parameterAsString(parameters, self.YEAR, context).strip()
        min_count = self.parameterAsInt(parameters, self.MIN_COUNT, context)
        min_population = self.parameterAsInt(parameters, self.MIN_POPULATION, context)
        method = METHODS[self.parameterAsEnum(parameters, self.CLASSIFICATION, context)]
        k = self.parameterAsInt(parameters, self.CLASSES, context)
        mapping = parse_mapping(self.parameterAsString(parameters, self.COLUMN_MAPPING, context))
        catalog_path = self.parameterAsFile(parameters, self.CATALOG, context) or None
        language = current_language()

        try:
            catalog = load_catalog(catalog_path)
        except CatalogError as error:
            raise QgsProcessingException(
                tr("Indicator catalog '{path}': {message}").format(path=catalog_path, message=str(error))
            ) from error
        except OSError as error:
            raise QgsProcessingException(
                tr("Indicator catalog '{path}' cannot be read: {message}").format(path=catalog_path, message=str(error))
            ) from error

        builtin_ids = list(load_catalog().ids())
        ids = [builtin_ids[i] for i in self.parameterAsEnums(parameters, self.INDICATORS, context)]
        for extra in self.parameterAsString(parameters, self.EXTRA_INDICATORS, context).replace(";", ",").split(","):
            extra = extra.strip()
            if not extra:
                continue
            if extra not in catalog.ids():
                raise QgsProcessingException(
                    tr("Indicator '{id}' is not in the catalog (known: {known}).").format(
                        id=extra, known=", ".join(catalog.ids())
                    )
                )
            if extra not in ids:
                ids.append(extra)
        if not ids:
            raise QgsProcessingException(tr("Select at least one indicator."))

        # the columns the counts table must have (for the hint on a title row above the header)
        expected_columns = [data_id, year_field] + [
            mapping.get(column, column)
            for column in ["pop_total"] + [c for i in ids for c in (catalog[i].numerator, catalog[i].denominator)]
        ]
        for name, field, where in (
            (data.sourceName(), data_id, self.DATA_ID),
            (data.sourceName(), year_field, self.YEAR_FIELD),
            (quartiers.sourceName(), municipality_field, self.MUNICIPALITY_FIELD),
        ):
            source_fields = data.fields() if where != self.MUNICIPALITY_FIELD else quartiers.fields()
            if field and source_fields.indexOf(field) < 0:
                message = tr("Layer '{layer}' has no field '{field}' (parameter {parameter}).").format(
                    layer=name, field=field, parameter=where
                )
                raise QgsProcessingException(
                    with_header_hint(message, data, expected_columns) if where != self.MUNICIPALITY_FIELD else message
                )

        # 1. quartiers: ids (text), municipalities
        steps.setCurrentStep(0)
        extra = (municipality_field,) if municipality_field else ()
        quartier_rows = read_quartier_ids(quartiers, qid_field, feedback, extra)
        quartier_ids = [row[1] for row in quartier_rows]
        if not quartier_rows:
            raise QgsProcessingException(
                tr("Layer '{layer}' has no features: there are no quartiers to calculate indicators for.").format(
                    layer=quartiers.sourceName()
                )
            )
        municipality_of = {row[1]: id_as_text(row[2].get(municipality_field)) for row in quartier_rows} if extra else {}
        without_municipality = [q for q, m in municipality_of.items() if m is None]
        if without_municipality:
            raise QgsProcessingException(
                tr("Layer '{layer}', field '{field}': quartiers without a municipality: {ex}.").format(
                    layer=quartiers.sourceName(), field=municipality_field, ex=examples(without_municipality)
                )
            )

        # 2. the counts table
        steps.setCurrentStep(1)
        counts = read_table(data, feedback)
        # wholly empty rows (e.g. below a spreadsheet's data; a GeoPackage's fid is no data) are no rows
        value_columns = [c for c in counts.columns if str(c).lower() not in ("fid", "ogc_fid")]
        counts = counts[~counts[value_columns].isna().all(axis=1)].copy()
        if counts.empty:
            raise QgsProcessingException(tr("Table '{layer}' has no rows.").format(layer=data.sourceName()))
        counts[data_id] = [id_as_text(v) for v in counts[data_id]]
        no_id = [i + 1 for i, v in zip(counts.index, counts[data_id]) if v is None]
        if no_id:
            raise QgsProcessingException(
                tr("Table '{layer}', field '{field}': {n} rows have no quartier id (NULL or empty), e.g. rows {ex}.")
                .format(layer=data.sourceName(), field=data_id, n=len(no_id), ex=examples(no_id))
            )
        garbled = undecodable_text(counts)
        encoding_hint = ""
        if garbled:
            encoding_hint = tr(
                "Table '{layer}', column '{field}': '{value}' holds characters that could not be decoded: the text "
                "encoding of the table is probably wrong (e.g. a Windows-1252 / Latin-1 file read as UTF-8). Set "
                "the encoding when adding the layer (Data Source Manager → Delimited Text → Encoding) or in Layer "
                "Properties → Source."
            ).format(layer=data.sourceName(), field=garbled[0], value=garbled[1])
            feedback.pushWarning(encoding_hint)
        if year_field and years_text:
            wanted = {y.strip() for y in years_text.replace(";", ",").split(",") if y.strip()}
            year_values = counts[year_field].map(id_as_text)
            counts = counts[year_values.isin(wanted)]
            if counts.empty:
                raise QgsProcessingException(
                    tr("Table '{layer}', field '{field}': no rows for the year(s) {years}; the table has {found}.")
                    .format(
                        layer=data.sourceName(), field=year_field, years=years_text,
                        found=examples(sorted({y for y in year_values if y}))
                    )
                )
        known = set(quartier_ids)
        matched = counts[data_id].isin(known)
        unmatched_ids = sorted({v for v in counts.loc[~matched, data_id] if v is not None})
        if not matched.any():
            raise QgsProcessingException(
                tr(
                    "Table '{layer}', field '{field}': none of its ids matches a quartier id of layer '{quartiers}' "
                    "(field '{qid}'). Table ids: {table_ids}; quartier ids: {quartier_ids}."
                ).format(
                    layer=data.sourceName(), field=data_id, quartiers=quartiers.sourceName(), qid=qid_field,
                    table_ids=examples(unmatched_ids), quartier_ids=examples(quartier_ids),
                ) + self._leading_zero_hint(unmatched_ids, quartier_ids)
            )
        if unmatched_ids:
            feedback.pushWarning(
                tr("Table '{layer}', field '{field}': {n} ids match no quartier and are left out: {ex}.").format(
                    layer=data.sourceName(), field=data_id, n=len(unmatched_ids), ex=examples(unmatched_ids)
                ) + self._leading_zero_hint(unmatched_ids, quartier_ids)
            )
        counts = counts[matched].copy()
        missing_quartiers = sorted(known - set(counts[data_id]))
        if missing_quartiers:
            feedback.pushWarning(
                tr("{n} quartiers have no row in table '{layer}' (flag no_data): {ex}.").format(
                    n=len(missing_quartiers), layer=data.sourceName(), ex=examples(missing_quartiers)
                )
            )
        municipality_column = None
        if municipality_field:
            municipality_column = "_qm_municipality"
            counts[municipality_column] = counts[data_id].map(municipality_of)

        # 3. the engine
        steps.setCurrentStep(2)
        self.check_canceled(feedback)
        try:
            result = rates.compute(
                counts,
                catalog,
                ids,
                id_column=data_id,
                municipality_column=municipality_column,
                mapping=mapping or None,
                min_count=min_count,
                min_population=min_population,
                year_column=year_field,
            )
        except (rates.IndicatorError, KeyError, ValueError) as error:
            message = tr("Table '{layer}': {message}").format(layer=data.sourceName(), message=str(error))
            message = with_header_hint(message, data, expected_columns)
            raise QgsProcessingException(message + (" " + encoding_hint if encoding_hint else "")) from error
        for message in result.messages:
            feedback.pushWarning(tr("Table '{layer}': {message}").format(layer=data.sourceName(), message=message))

        frame = result.quartiers
        breaks, classes, county = {}, {}, {}
        for ident in ids:
            field = catalog[ident].field
            values = frame[field].astype(float).to_numpy() if field in frame else None
            finite = values is not None and bool(pd.notna(values).any())
            breaks[ident] = [float(b) for b in classify.breaks(values, method, k)] if finite else []
            if finite:
                classes[ident] = dict(zip(frame.index, classify.class_of(values, breaks[ident])))
            else:
                classes[ident] = {}
            county[ident] = number_or_none(result.county.iloc[0][field]) if field in result.county else None
        steps.setProgress(100)

        # 4. the output layer: quartier fields (less ours, replaced) + per indicator fields
        steps.setCurrentStep(3)
        ours = set()
        # extra engine columns (G.2 age-standardised: G2_std, G2_std_lo, G2_std_hi) when the engine gives them
        extras = {}
        for ident in ids:
            f = catalog[ident].field
            extras[ident] = [c for c in (f + "_std", f + "_std_lo", f + "_std_hi") if c in frame.columns]
            ours.update(output_field_names(f) + extras[ident])
        fields = QgsFields()
        kept = []
        for index, field in enumerate(quartiers.fields()):
            if field.name() not in ours:
                fields.append(field)
                kept.append(index)
        for ident in ids:
            for field in output_fields_for(catalog[ident].field):
                fields.append(field)
            for name in extras[ident]:
                fields.append(QgsField(name, T_DOUBLE))

        municipalities = result.municipalities
        rows = {}
        for qid in quartier_ids:
            self.check_canceled(feedback)
            row = frame.loc[qid] if qid in frame.index else None
            mun = municipality_of.get(qid)
            attributes = []
            for ident in ids:
                f = catalog[ident].field
                if row is None:
                    attributes += [None] * 7 + ["no_data", None]
                else:
                    klass = classes[ident].get(qid, 0)
                    attributes += [
                        number_or_none(row.get(f)),
                        number_or_none(row.get(f + "_num")),
                        number_or_none(row.get(f + "_den")),
                        number_or_none(row.get(f + "_lo")),
                        number_or_none(row.get(f + "_hi")),
                        number_or_none(row.get(f + "_z")),
                        int(klass) if klass and number_or_none(row.get(f)) is not None else None,
                        plain_value(row.get(f + "_flag")),
                        int_or_none(row.get(f + "_sig")),
                    ]
                mun_value = None
                if mun is not None and municipalities is not None and mun in municipalities.index:
                    mun_value = number_or_none(municipalities.loc[mun].get(f))
                attributes += [mun_value, county[ident]]
                attributes += [None if row is None else number_or_none(row.get(name)) for name in extras[ident]]
            rows[qid] = attributes
        self.check_canceled(feedback)

        # 5. write (everything computed; nothing is written before this point)
        steps.setCurrentStep(4)
        wkb = quartiers.wkbType()
        if QgsWkbTypes.geometryType(wkb) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.QUARTIERS))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb, quartiers.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qid_of_feature = {row[0]: row[1] for row in quartier_rows}
        total = max(1, len(quartier_rows))
        for n, feature in enumerate(quartiers.getFeatures()):
            qid = qid_of_feature.get(feature.id())
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            source_attributes = feature.attributes()
            out.setAttributes([plain_value(source_attributes[i]) for i in kept] + rows[qid])
            if not sink.addFeature(out, FAST_INSERT):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            steps.setProgress(100.0 * (n + 1) / total)
        del sink

        year = years_text or describe_years(counts, year_field)
        self._styling = {
            "dest_id": dest_id,
            "catalog": catalog,
            "ids": ids,
            "method": method,
            "k": k,
            "language": language,
            "breaks": breaks,
            "county": county,
            "min_count": min_count,
            "min_population": min_population,
            "source": data.sourceName(),
            "year": year,
        }
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.setPostProcessor(IndicatorLayerStyler.create(self._styling))
        feedback.pushInfo(
            tr("{n} quartiers, indicators {ids}.").format(n=len(quartier_ids), ids=", ".join(ids))
        )
        return {self.OUTPUT: dest_id}

    def postProcessAlgorithm(self, context, feedback):
        """The style with a file output: a QML beside it, or inside the GeoPackage for one of its layers."""
        settings = self._styling
        if not settings:
            return {}
        path = cartography.indicator_style.qml_path_for(settings["dest_id"])
        if path is None or not os.path.exists(str(settings["dest_id"]).split("|")[0]):
            return {}
        layer = QgsVectorLayer(settings["dest_id"], "indicators", "ogr")
        if not layer.isValid():
            return {}
        apply_indicator_layer_style(layer, settings)
        try:
            cartography.save_style_with_output(layer, settings["dest_id"], layer.styleManager().currentStyle())
        except OSError as error:
            feedback.pushWarning(
                tr("The style could not be saved beside '{path}': {message}").format(path=path, message=str(error))
            )
        return {}
