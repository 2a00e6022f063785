"""``quartiersmonitor:calculateindicators`` — indicators per quartier from a counts table, styled on load.

All numbers come from the indicator engine (``indicators.rates.compute`` and ``indicators.classify``), the checks
of the user's input from ``indicators.table_input`` and the values written from ``indicators.output_rows``; this
module reads the parameters, hands over, writes the result (``indicator_inputs``) and styles it
(``cartography``).
"""

import os
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ... import cartography
from ...cartography import layer_record
from ...compat import FILE_BEHAVIOR, GEOMETRY_POLYGON, NUMBER_INTEGER, SOURCE_ANY
from ...indicators import parse, rates
from ...indicators.catalog import CatalogError, load_catalog
from ...indicators.classify import METHODS
from ...indicators.engine_messages import WARNING, render
from ...indicators.output_rows import classify_indicators, indicator_fields, indicator_rows
from ...indicators.table_input import (
    clean_counts,
    describe_years,
    encoding_note,
    expected_columns,
    match_ids,
    municipality_of,
    parse_mapping,
    select_indicators,
    select_years,
)
from ...translation import current_language, tr
from ..base import GROUP_INDICATORS
from ..errors import check_canceled
from ..indicator_inputs import (
    StyledOutputAlgorithm,
    field_name,
    field_parameter,
    message_text,
    missing_sheet_error,
    named_source,
    push_notes,
    read_quartier_ids,
    read_table,
    reported,
    with_header_hint,
    write_quartier_layer,
)
from ..inputs import require_geometry

MUNICIPALITY_COLUMN = "_qm_municipality"  # the quartiers' municipality, joined to the counts for the engine


def engine_texts():
    """{key: translated text} of every key of ``indicators.engine_messages.ENGLISH`` (the same texts)."""
    return {
        "unknown_ids": tr("Unknown indicator id(s): {ids} (catalog: {catalog})."),
        "mapping_missing": tr("Column mapping: column '{column}' (given for '{standard}') is not in the counts "
                              "table; its columns are: {columns}."),
        "id_column_missing": tr("The quartier id column '{column}' is not in the counts table; its columns are: "
                                "{columns}."),
        "empty_id": tr("Empty (NULL) quartier id in column '{column}', row(s) {rows}."),
        "year_column_missing": tr("The year column '{column}' is not in the counts table."),
        "duplicate_id_year": tr("Duplicate quartier id and year in the counts table: {ex}."),
        "duplicate_id": tr("Duplicate quartier id(s) in column '{column}': {ex}."),
        "municipality_column_missing": tr("The municipality column '{column}' is not in the counts table."),
        "empty_municipality": tr("Empty municipality in column '{column}' for quartier(s) {ex}."),
        "population_missing": tr("The population column '{column}' is not in the counts table: it is needed to "
                                 "suppress quartiers under {min_population} residents (map it, or set the minimum "
                                 "population to 0)."),
        "numerator_missing": tr("Indicator {indicator}: the numerator column '{column}' is not in the counts table "
                                "(map one of your columns to it); columns are: {columns}."),
        "denominator_missing": tr("Indicator {indicator}: the denominator column '{column}' is not in the counts "
                                  "table (map one of your columns to it); columns are: {columns}."),
        "numerator_public": tr("Indicator {indicator} is confidential, but its numerator '{column}' is published "
                               "exactly by the public indicator(s) {public}: give them the same \"confidential\" "
                               "value in the catalog."),
        "numerator_population": tr("Indicator {indicator} is confidential, but its numerator '{column}' is the "
                                   "population, which is published for every quartier: set \"confidential\": false "
                                   "for it in the catalog."),
        "municipality_conflict": tr("Quartiers with different municipalities in different rows (first one used): "
                                    "{ex}."),
        "years_summed": tr("Counts summed over {years} year(s) per quartier ({rows} rows)."),
        "population_invalid": tr("Population '{column}' missing or invalid for quartier(s) {ex}: all their "
                                 "confidential values are suppressed."),
        "invalid_count": tr("Column '{column}' is not a whole non-negative count for quartier(s) {ex}: flagged "
                            "invalid ({indicators})."),
        "empty_column": tr("Column '{column}' is empty for quartier(s) {ex}: flagged no_data ({indicators})."),
        "grouped": tr("Column '{column}' read with German thousands separators for quartier(s) {ex}."),
        "numerator_over_denominator": tr("Indicator {indicator}: numerator '{numerator}' greater than denominator "
                                         "'{denominator}' for quartier(s) {ex}: flagged invalid."),
        "public": tr("Not confidential, published without suppression: {ids}."),
        "suppressed": tr("Suppressed for confidentiality: {items}."),
        "zero_denominator": tr("Denominator 0, no value: {items}."),
        "totals_leave_out": tr("Municipality and county totals leave out the quartiers without valid data: "
                               "{items}."),
        "pooled_years": tr("Several years are pooled: the same counts published for single years (or for other "
                           "pooled years) can be subtracted from this publication; publish only one of them."),
        "std_missing_bands": tr("Age-standardised G.2 not computed: band column(s) missing: {ex}."),
        "std_invalid_bands": tr("Age-standardised G.2: invalid or empty band counts for quartier(s) {ex}."),
        "catalog_unreadable": tr("cannot be read ({reason})"),
        "catalog_not_utf8": tr("not UTF-8 encoded text"),
        "catalog_not_json": tr("not valid JSON at line {line}, column {column}: {reason}"),
        "catalog_text_not_json": tr("not valid JSON ({reason})"),
        "catalog_no_indicators_key": tr("expected a list of indicators or an object with key \"indicators\""),
        "catalog_not_a_list": tr("expected a list of indicators, got {type}"),
        "catalog_bad_id": tr("id {value} is not valid (letters, digits, one dot, e.g. \"X.1\")"),
        "catalog_duplicate_id": tr("id given twice in the file"),
        "catalog_missing_id": tr("missing \"id\""),
        "catalog_not_object": tr("expected an object with keys such as \"id\", \"numerator\", \"denominator\", got "
                                 "{type}"),
        "catalog_unknown_keys": tr("unknown key(s) {keys} (allowed: {allowed})"),
        "catalog_not_text": tr("{name} must be text, got {value}"),
        "catalog_bad_column": tr("{name} must be a column name (non-empty text without surrounding spaces), got "
                                 "{value}"),
        "catalog_missing_column": tr("missing \"{name}\" (the column name of the counts table)"),
        "catalog_bad_domain": tr("domain {value} is not one of {domains}"),
        "catalog_missing_domain": tr("missing \"domain\" (one of {domains})"),
        "catalog_bad_factor": tr("factor must be a positive number such as 100, 1000 or 100000, got {value}"),
        "catalog_bad_unit": tr("unit must be non-empty text, got {value}"),
        "catalog_bad_polarity": tr("polarity must be 1 (higher = more need), -1 (higher = less need) or 0 "
                                   "(context), got {value}"),
        "catalog_bad_kind": tr("kind must be \"share\" or \"rate\", got {value}"),
        "catalog_bad_confidential": tr("confidential must be true or false, got {value}"),
        "catalog_missing_name": tr("missing \"name_de\" or \"name_en\""),
        "catalog_same_columns": tr("numerator and denominator are the same column {value}"),
        "catalog_field_clash": tr("field name {field} clashes with indicator {other}"),
        "audit": "{text}",
    }


def engine_item_texts():
    """{key: translated text of one item} of ``indicators.engine_messages.ENGLISH_ITEMS``."""
    return {
        "suppressed": tr("{indicator} in {n} quartiers"),
        "zero_denominator": tr("{indicator} in {ex}"),
        "totals_leave_out": tr("{indicator}: {n} quartiers"),
    }


def parse_reasons():
    """{reason of ``indicators.parse``: translated text} for every reason in ``parse.REASONS``."""
    texts = (tr("a yes/no value, not a count"), tr("not a number"), tr("infinite"), tr("negative"),
             tr("not a whole number"), tr("text, not a number"), tr("decimal comma: a count must be a whole number"))
    return dict(zip(parse.REASONS, texts))


def engine_text(item, catalog, language):
    """The translated text of an engine :class:`Message` or :class:`IndicatorError` (``key`` and ``params``); an
    indicator is shown as "A.1 (SGB II-Quote)" in ``language``."""

    def label(ident):
        return "{} ({})".format(ident, catalog[ident].name(language)) if ident in catalog else str(ident)

    return render(item.key, item.params, engine_texts(), engine_item_texts(), label, parse_reasons())


def audit_summary(audit, min_count):
    """The run log's line on confidentiality: counts only, never which cell was hidden for which reason."""
    narrowest = audit.narrowest
    text = tr(
        "Confidentiality audit: {cells} hidden counts audited ({small} small counts, {population} in quartiers or "
        "totals under the minimum population); {secondary} cells hidden beyond primary suppression ({primary} by "
        "primary suppression), {totals} municipality or county values hidden; {seconds:.2f} s."
    ).format(cells=audit.cells, small=audit.small_count_cells, population=audit.small_population_cells,
             secondary=audit.secondary_cells, primary=audit.primary_cells,
             totals=audit.primary_totals + audit.secondary_totals, seconds=audit.seconds)
    if narrowest is None:
        return text + " " + tr("No small count is hidden.")
    return text + " " + tr(
        "Narrowest interval a reader can reach for a hidden small count: {values} possible values (at least "
        "{required} required).").format(values=int(narrowest) + 1, required=min_count + 1)


def apply_indicator_layer_style(layer, settings):
    """The layer's record (indicators and their catalog entries, county values, suppression limits, breaks, source,
    year: :mod:`cartography.layer_record`) and one style per indicator."""
    layer_record.write_record(
        layer, settings["catalog"], settings["ids"], settings["method"], settings["k"], settings["county"],
        settings["breaks"], settings["min_count"], settings["min_population"], settings.get("decimals", 1),
        source=settings["source"], year=settings["year"], funnel=settings.get("funnel"))
    return cartography.add_indicator_styles(
        layer,
        settings["catalog"],
        settings["ids"],
        settings["method"],
        settings["k"],
        settings["language"],
        breaks=settings["breaks"],
        source=settings["source"],
        year=settings["year"],
    )


def catalog_error_text(error):
    """The translated text of a :class:`CatalogError`: the entry (number and id) and the problem."""
    text = render(error.key, error.params, engine_texts())
    if error.entry is None:
        return text
    if error.ident is None:
        where = tr("entry {entry}").format(entry=error.entry)
    else:
        where = tr("entry {entry} (\"{id}\")").format(entry=error.entry, id=error.ident)
    return "{}: {}".format(where, text)


def read_catalog(path):
    """The built-in catalog extended by the JSON file ``path`` (None: the built-in one); clear errors."""
    try:
        return load_catalog(path)
    except CatalogError as error:
        raise QgsProcessingException(
            tr("Indicator catalog '{path}': {message}").format(path=path, message=catalog_error_text(error))
        ) from error
    except OSError as error:
        raise QgsProcessingException(
            tr("Indicator catalog '{path}' cannot be read: {message}").format(path=path, message=str(error))
        ) from error


@dataclass
class CalculationSettings:
    """The parameters of a run, checked; field names as the layers spell them."""

    qid_field: str
    data_id: str
    year_field: object  # str or None
    municipality_field: object  # str or None
    years_text: str
    min_count: int
    min_population: int
    decimals: int
    method: str
    k: int
    mapping: dict
    catalog: object
    ids: list
    expected_columns: list
    language: str
    funnel_overdispersion: bool = False


class CalculateIndicatorsAlgorithm(StyledOutputAlgorithm):
    ALG_ID = "calculateindicators"
    GROUP_ID = GROUP_INDICATORS

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
    DECIMALS = "DECIMALS"
    FUNNEL_OVERDISPERSION = "FUNNEL_OVERDISPERSION"
    AUDIT = "AUDIT"
    AUDIT_CELLS = "AUDIT_CELLS"
    AUDIT_NARROWEST = "AUDIT_NARROWEST"

    @staticmethod
    def style_layer(layer, settings, loaded=False):
        """One style per indicator, the first current; the loaded layer is named by the first indicator."""
        apply_indicator_layer_style(layer, settings)
        if loaded:
            first = settings["catalog"][settings["ids"][0]]
            title = cartography.indicator_style.indicator_title(first, settings["language"], settings["year"])
            layer.setName(title)
            layer.setCustomProperty(layer_record.AUTO_NAME, title)
        return layer.styleManager().currentStyle()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        missing = missing_sheet_error(parameters.get(self.DATA))  # before QGIS's "could not load source layer"
        if missing is not None:
            return False, str(missing)
        return super().checkParameterValues(parameters, context)

    def displayName(self):
        return tr("Calculate indicators")

    def shortHelpString(self):
        return tr(
            "Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, "
            "GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.\n\n"
            "For each selected indicator the output holds the value, numerator, denominator, 95 % confidence "
            "interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of "
            "the municipality (_mun) and the county (_county), and the funnel class (_funnel). Fields are named "
            "by the indicator id without the dot: A.1 → A1, A1_num, A1_den, … When the counts table has the "
            "column pop_total, the output also holds the field pop_total, the residents of every quartier (the "
            "mean over pooled years): population is public, so it is published for every quartier, also for one "
            "under the minimum population.\n\n"
            "Confidentiality applies to the confidential indicators of the catalog (all social counts; an entry of "
            "the catalog file may say \"confidential\": false). Their counts below the minimum count and every value "
            "of a quartier with fewer residents (pop_total) than the minimum population are hidden, and further "
            "cells (or municipality and county values) are hidden until an audit of everything this run publishes "
            "shows that no hidden small count can be narrowed to fewer than minimum count + 1 possible values and no "
            "count of a small quartier can be worked out. A hidden cell is empty (NULL) in every field, flagged "
            "'suppressed' and hatched grey on the map; rates, intervals and comparison values are rounded to the "
            "chosen decimals.\n\n"
            "Public indicators (W.1 and W.2, coverage of public offerings, and catalog entries with \"confidential\": "
            "false) are never suppressed: small counts and small quartiers are shown with the flag 'ok'. The audit "
            "counts what they publish: a column they share with a confidential indicator (e.g. the denominator "
            "pop_total) is known to a reader, and the population pop_total is known for every quartier. A "
            "confidential indicator whose numerator a public indicator publishes is refused.\n\n"
            "What is not protected: two runs on the same counts — e.g. several years pooled (YEAR) and the single "
            "years, or two different selections of quartiers — can be subtracted from each other; publish only one "
            "of them. The audit's result (cells audited, narrowest interval) is written to the log and returned as "
            "the outputs AUDIT, AUDIT_CELLS and AUDIT_NARROWEST.\n\n"
            "The output is loaded with a graduated map of the first indicator; every other indicator is "
            "available as a saved style (Layer Properties → Style). A file output gets the style as a QML "
            "beside it.\n\n"
            "Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. "
            "'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.\n\n"
            "A spreadsheet (XLSX/ODS, the sheet picked as its layer 'file.xlsx|layername=Sheet2') may have title rows "
            "above its column names: the first row holding the id field is the header (logged); ids whose leading "
            "zeros the spreadsheet dropped are padded when unambiguous.\n\n"
            "The funnel class (_funnel) compares the quartier with the county value, taking its size into account "
            "(funnel plot, Spiegelhalter 2005): exact binomial (shares) or Poisson (rates) control limits for a "
            "quartier of the same denominator that were like the county. Its values are 'below 99.8 %', "
            "'below 95 %', 'within', 'above 95 %' and 'above 99.8 %' (the count lies strictly beyond the 95 % or "
            "99.8 % limit; these English values are kept in every language, for filters). A hidden cell, a zero "
            "denominator or a hidden county value has no class (NULL): the class is worked out from published "
            "numbers only. With 'Adjust the funnel limits for overdispersion' the limits are widened by the square "
            "root of Spiegelhalter's overdispersion factor (the mean of the squared z-scores of the published "
            "quartiers, winsorised at their 10th and 90th percentiles), when it is above 1."
        )

    def initAlgorithm(self, config=None):
        language = current_language()
        catalog = load_catalog()
        labels = ["{} {}".format(ident, catalog[ident].name(language)) for ident in catalog.ids()]

        self.add_quartiers(self.QUARTIERS, tr("Quartiers"), tr("Polygon layer of the quartiers."),
                           tr("Field of the quartiers with the quartier id (compared as text after trimming)."))
        self._add(
            QgsProcessingParameterFeatureSource(self.DATA, tr("Counts table"), [SOURCE_ANY]),
            tr("Table of counts per quartier (CSV, XLSX, GeoPackage table, any layer); columns named as in the "
               "indicator catalog or mapped in 'Column mapping'."),
        )
        self._add(
            field_parameter(self.DATA_ID, tr("Quartier id field of the counts table"), self.DATA),
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
            QgsProcessingParameterNumber(
                self.DECIMALS, tr("Decimals of published rates"), NUMBER_INTEGER, 1, optional=True, minValue=0,
                maxValue=6,
            ),
            tr("Rates, confidence intervals and municipality and county values are published rounded to this "
               "number of decimals."),
        )
        self._add(
            QgsProcessingParameterBoolean(
                self.FUNNEL_OVERDISPERSION, tr("Adjust the funnel limits for overdispersion"), defaultValue=False,
                optional=True,
            ),
            tr("Widens the funnel control limits (_funnel) by Spiegelhalter's multiplicative overdispersion factor "
               "when the quartiers vary more than chance explains."),
            advanced=True,
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
            field_parameter(self.MUNICIPALITY_FIELD, tr("Municipality field of the quartiers"), self.QUARTIERS,
                            optional=True),
            tr("When given, the municipality values (_mun fields) are computed from the summed counts."),
            advanced=True,
        )
        self._add(
            field_parameter(self.YEAR_FIELD, tr("Year field of the counts table (several years are summed)"),
                            self.DATA, optional=True),
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
        self.add_output(tr("Indicators"), tr("The quartiers with the indicator fields; loaded styled."))
        self.addOutput(QgsProcessingOutputString(self.AUDIT, tr("Confidentiality audit")))
        self.addOutput(QgsProcessingOutputNumber(self.AUDIT_CELLS, tr("Hidden counts audited")))
        self.addOutput(QgsProcessingOutputNumber(
            self.AUDIT_NARROWEST, tr("Narrowest interval of a hidden small count (possible values)")))

    # ----------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        quartiers = named_source(self, parameters, self.QUARTIERS, context)
        data = named_source(self, parameters, self.DATA, context)
        require_geometry(quartiers, GEOMETRY_POLYGON, quartiers.sourceName(), self.QUARTIERS)
        run = self._settings(parameters, context, quartiers, data)

        # 1. quartiers: ids (text), municipalities
        steps.setCurrentStep(0)
        quartier_rows, municipalities = self._read_quartiers(quartiers, run, feedback)
        quartier_ids = [row[1] for row in quartier_rows]

        # 2. the counts table
        steps.setCurrentStep(1)
        counts, encoding_hint = self._read_counts(data, quartiers, run, quartier_ids, municipalities, feedback)

        # 3. the engine
        steps.setCurrentStep(2)
        check_canceled(feedback)
        result = self._compute(counts, data, run, encoding_hint, feedback)
        classification = classify_indicators(result, run.catalog, run.ids, run.method, run.k)
        steps.setProgress(100)

        # 4. the values per quartier: quartier fields (less ours, replaced) + per indicator fields
        steps.setCurrentStep(3)
        new_fields = indicator_fields(result.quartiers, run.catalog, run.ids)
        rows = indicator_rows(result, run.catalog, run.ids, quartier_ids, municipalities, classification)
        check_canceled(feedback)

        # 5. write (everything computed; nothing is written before this point)
        steps.setCurrentStep(4)
        dest_id = write_quartier_layer(self, parameters, context, quartiers, new_fields, rows, quartier_rows, steps)
        self.style_output(context, {
            "dest_id": dest_id, "catalog": run.catalog, "ids": run.ids, "method": run.method, "k": run.k,
            "language": run.language, "breaks": classification.breaks, "county": classification.county,
            "min_count": run.min_count, "min_population": run.min_population, "decimals": run.decimals,
            "funnel": result.funnel, "source": self._source_label(parameters, context, data),
            "year": run.years_text or describe_years(counts, run.year_field),
        })
        feedback.pushInfo(tr("{n} quartiers, indicators {ids}.").format(n=len(quartier_ids), ids=", ".join(run.ids)))
        audit_text = audit_summary(result.audit, run.min_count)
        feedback.pushInfo(audit_text)
        narrowest = result.audit.narrowest
        return {self.OUTPUT: dest_id, self.AUDIT: audit_text, self.AUDIT_CELLS: result.audit.cells,
                self.AUDIT_NARROWEST: None if narrowest is None else int(narrowest) + 1}

    def _source_label(self, parameters, context, data):
        """What the layer records as the source of its data (the map sheets' default source line): the counts
        table's name, or nothing for a table that exists only within this run (a model's intermediate result such
        as "Joined layer", a memory layer): "not stated" is better than a name that tells the reader nothing."""
        layer = self.parameterAsVectorLayer(parameters, self.DATA, context)
        if layer is not None:
            if layer.providerType() == "memory":
                return ""
            path = os.path.realpath(layer.source().split("|")[0])
            if path.startswith(os.path.realpath(QgsProcessingUtils.tempFolder()) + os.sep):
                return ""
        return data.sourceName()

    def _settings(self, parameters, context, quartiers, data):
        """The parameters, checked: column mapping, catalog, indicators, fields (with the title-row hint)."""
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or None
        return CalculationSettings(
            years_text=self.parameterAsString(parameters, self.YEAR, context).strip(),
            method=METHODS[self.parameterAsEnum(parameters, self.CLASSIFICATION, context)],
            k=self.parameterAsInt(parameters, self.CLASSES, context),
            funnel_overdispersion=self.parameterAsBoolean(parameters, self.FUNNEL_OVERDISPERSION, context),
            **self._shared_settings(parameters, context, quartiers, data, year_field),
        )

    def _shared_settings(self, parameters, context, quartiers, data, year_field, year_required=False):
        """The settings calculateindicators and indicatortrends read alike (keyword arguments of
        :class:`CalculationSettings`): column mapping, catalog, indicators, id, year and municipality fields (with
        the title-row hint), suppression limits, decimals."""

        def text(name):
            return self.parameterAsString(parameters, name, context)

        with reported():
            mapping = parse_mapping(text(self.COLUMN_MAPPING))
        catalog = read_catalog(self.parameterAsFile(parameters, self.CATALOG, context) or None)
        builtin_ids = list(load_catalog().ids())
        chosen = [builtin_ids[i] for i in self.parameterAsEnums(parameters, self.INDICATORS, context)]
        with reported():
            ids = select_indicators(chosen, text(self.EXTRA_INDICATORS), list(catalog.ids()))
        expected = expected_columns(catalog, ids, mapping, text(self.DATA_ID), year_field)
        municipality_field = text(self.MUNICIPALITY_FIELD) or None
        return dict(
            qid_field=text(self.QUARTIER_ID),
            data_id=field_name(data, text(self.DATA_ID), self.DATA_ID, expected),
            year_field=field_name(data, year_field, self.YEAR_FIELD, expected) if year_field or year_required
            else year_field,
            municipality_field=municipality_field and field_name(quartiers, municipality_field,
                                                                 self.MUNICIPALITY_FIELD),
            min_count=self.parameterAsInt(parameters, self.MIN_COUNT, context),
            min_population=self.parameterAsInt(parameters, self.MIN_POPULATION, context),
            decimals=self.parameterAsInt(parameters, self.DECIMALS, context),
            mapping=mapping,
            catalog=catalog,
            ids=ids,
            expected_columns=expected,
            language=current_language(),
        )

    def _read_quartiers(self, quartiers, run, feedback):
        """The quartier rows (``read_quartier_ids``) and {quartier id: municipality id} ({} without the field)."""
        extra = (run.municipality_field,) if run.municipality_field else ()
        rows = read_quartier_ids(quartiers, run.qid_field, self.QUARTIER_ID, feedback, extra)
        if not rows:
            raise QgsProcessingException(
                tr("Layer '{layer}' has no features: there are no quartiers to calculate indicators for.").format(
                    layer=quartiers.sourceName()
                )
            )
        if not extra:
            return rows, {}
        with reported(layer=quartiers.sourceName(), field=run.municipality_field):
            return rows, municipality_of([row[1] for row in rows], [row[2][extra[0]] for row in rows])

    def _read_counts(self, data, quartiers, run, quartier_ids, municipalities, feedback):
        """The counts of the chosen years whose id is a quartier's (with the municipality column), and the
        warning on undecodable text ("" when the text is readable); warnings on ids left out."""
        where = {"layer": data.sourceName(), "field": run.data_id}
        counts = read_table(data, feedback)
        with reported(**where):
            counts = clean_counts(counts, run.data_id)  # wholly empty rows (e.g. below a spreadsheet's data)
        encoding = encoding_note(counts)
        push_notes(feedback, [encoding], **where)
        with reported(quartiers=quartiers.sourceName(), qid=run.qid_field, **where):
            counts = select_years(counts, run.year_field, run.years_text)
            counts, notes = match_ids(counts, run.data_id, quartier_ids)
        push_notes(feedback, notes, **where)
        if run.municipality_field:
            counts[MUNICIPALITY_COLUMN] = counts[run.data_id].map(municipalities)
        return counts, "" if encoding is None else message_text(encoding, **where)

    @staticmethod
    def _push_messages(messages, data, run, feedback):
        """The engine's messages, translated: warnings (what the user should act on) and infos, one line each
        (per-indicator notes come summarised from the engine); the audit line is written at the end of the run."""
        for message in messages:
            if message.key == "audit":
                continue
            text = tr("Table '{layer}': {message}").format(
                layer=data.sourceName(), message=engine_text(message, run.catalog, run.language))
            if message.level == WARNING:
                feedback.pushWarning(text)
            else:
                feedback.pushInfo(text)

    def _compute(self, counts, data, run, encoding_hint, feedback):
        """The engine's result; its messages as warnings, its errors with the hints on a title row or encoding."""
        try:
            result = rates.compute(
                counts,
                run.catalog,
                run.ids,
                id_column=run.data_id,
                municipality_column=MUNICIPALITY_COLUMN if run.municipality_field else None,
                mapping=run.mapping or None,
                min_count=run.min_count,
                min_population=run.min_population,
                year_column=run.year_field,
                decimals=run.decimals,
                funnel_overdispersion=run.funnel_overdispersion,
            )
        except rates.IndicatorError as error:
            text = engine_text(error, run.catalog, run.language)
            message = tr("Table '{layer}': {message}").format(layer=data.sourceName(), message=text)
            message = with_header_hint(message, data, run.expected_columns)
            raise QgsProcessingException(message + (" " + encoding_hint if encoding_hint else "")) from error
        except (KeyError, ValueError) as error:  # not expected from the engine: shown as it is
            message = tr("Table '{layer}': {message}").format(layer=data.sourceName(), message=str(error))
            raise QgsProcessingException(message + (" " + encoding_hint if encoding_hint else "")) from error
        self._push_messages(result.messages, data, run, feedback)
        if not result.audit.passed:
            raise QgsProcessingException(tr(
                "The confidentiality audit could not protect every hidden count; nothing was written."))
        return result
