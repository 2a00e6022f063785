"""``quartiersmonitor:indicatortrends`` — the trend of every indicator per quartier over the last years.

Each year of the counts table is computed alone by the indicator engine (``indicators.rates.compute``: the values,
suppression and audit ``calculateindicators`` publishes for that year with the same indicators, minimum count,
minimum population and municipalities); the trend fields come from ``indicators.trends.quartier_trends`` over the
numbers those per-year results publish, so a quartier hidden in any year of the window gets only "cannot be
calculated" (the confidentiality rule is in ``indicators.trends``). This module reads the parameters, runs the
years, writes the quartiers with the trend fields and styles the first indicator's trend.
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRendererCategory,
)

from ...cartography.symbology import fill_symbol, no_data_symbol
from ...compat import FILE_BEHAVIOR, GEOMETRY_POLYGON, NUMBER_INTEGER, SOURCE_ANY
from ...indicators import trends
from ...indicators.catalog import load_catalog
from ...indicators.counts_table import id_text
from ...translation import current_language, tr
from ..base import GROUP_INDICATORS
from ..errors import check_canceled
from ..indicator_inputs import (
    field_parameter,
    named_source,
    write_quartier_layer,
)
from ..inputs import require_geometry
from .calculate_indicators import (
    CalculateIndicatorsAlgorithm,
    CalculationSettings,
    audit_summary,
)

# suffix and kind of the fields written per indicator, in this order
TREND_FIELDS = (("_trend", "string"), ("_trend_p", "double"), ("_change", "double"), ("_redred", "string"))
WORSE, BETTER, UNDIRECTED, STEADY = "#d7301f", "#2b8cbe", "#756bb1", "#d9d9d9"


def trend_labels():
    """{stable field value: translated legend label}."""
    return {trends.INCREASING: tr("increasing"), trends.DECREASING: tr("decreasing"),
            trends.NO_CHANGE: tr("no significant change"), trends.CANNOT: tr("cannot be calculated")}


def trend_renderer(field, polarity):
    """Categories of ``<F>_trend``: getting worse red, getting better blue (by the polarity; purple for a context
    indicator), no significant change grey, cannot be calculated hatched."""
    up, down = (WORSE, BETTER) if polarity > 0 else (BETTER, WORSE) if polarity < 0 else (UNDIRECTED, UNDIRECTED)
    symbols = {trends.INCREASING: fill_symbol(up), trends.DECREASING: fill_symbol(down),
               trends.NO_CHANGE: fill_symbol(STEADY), trends.CANNOT: no_data_symbol()}
    labels = trend_labels()
    categories = []
    for value in trends.CATEGORIES:
        category = QgsRendererCategory()
        category.setValue(value)
        category.setSymbol(symbols[value])
        category.setLabel(labels[value])
        category.setRenderState(True)
        categories.append(category)
    return QgsCategorizedSymbolRenderer(field, categories)


class IndicatorTrendsAlgorithm(CalculateIndicatorsAlgorithm):
    ALG_ID = "indicatortrends"
    GROUP_ID = GROUP_INDICATORS

    PERIODS = "PERIODS"
    YEARS_USED = "YEARS_USED"

    @staticmethod
    def style_layer(layer, settings, loaded=False):
        """The first indicator's ``<F>_trend`` as categories; the loaded layer is named after it."""
        first = settings["catalog"][settings["ids"][0]]
        layer.setRenderer(trend_renderer(first.field + "_trend", first.polarity))
        if loaded:
            layer.setName(tr("Trend {indicator} {years}").format(
                indicator=first.name(settings["language"]), years=settings["years"]))
        layer.triggerRepaint()
        return layer.styleManager().currentStyle()

    def displayName(self):
        return tr("Indicator trends")

    def shortHelpString(self):
        return tr(
            "The trend of the selected indicators per quartier over the last years of a counts table with one row "
            "per quartier and year (CSV, XLSX, GeoPackage table or any QGIS table; at least 3 years), as in "
            "England's Fingertips profiles.\n\n"
            "Each year is calculated alone exactly as 'Calculate indicators' does for that year with the same "
            "indicators, minimum count, minimum population, municipality field, column mapping and catalog "
            "(values, suppression and the confidentiality audit). Over the last 'Periods' years (default 5) the "
            "trend is tested: a share by the chi-squared test for linear trend (Cochran–Armitage, no continuity "
            "correction), a rate by a Poisson log-linear regression of the counts with the denominator as offset "
            "(likelihood-ratio test of the slope). A trend is significant at p < 0.05.\n\n"
            "Output: the quartiers with, per indicator F (the id without the dot, A.1 → A1): F_trend ('increasing', "
            "'decreasing', 'no significant change' or 'cannot be calculated'; these English values are kept in every "
            "language, for filters), F_trend_p (the p-value of the test), F_change (the last year's value minus the "
            "first year's, in the indicator's unit, rounded to the chosen decimals) and F_redred ('yes' when the "
            "quartier is significantly worse than the county in the last year and getting worse, by the "
            "indicator's polarity; 'no' otherwise; empty for a context indicator). The map shows the first "
            "indicator's trend.\n\n"
            "Confidentiality: a trend, its p-value and a change are published only for a quartier whose cell is "
            "published in every year of the window; otherwise the trend is 'cannot be calculated' and the other "
            "fields are empty. A change or a p-value computed over a hidden year would give the hidden count away "
            "(the change and the published first value fix the last value). So everything this algorithm "
            "publishes can be worked out from the per-year layers of 'Calculate indicators' with the same "
            "settings, and their audit (written to the log for each year) covers it. A trend can also not be "
            "calculated when a share is 0 % or 100 % in every year or a rate has no event at all. Publish the "
            "per-year layers with the same settings as this run: other settings can hide other cells."
        )

    def initAlgorithm(self, config=None):
        language = current_language()
        catalog = load_catalog()
        labels = ["{} {}".format(ident, catalog[ident].name(language)) for ident in catalog.ids()]
        self.add_quartiers(self.QUARTIERS, tr("Quartiers"), tr("Polygon layer of the quartiers."),
                           tr("Field of the quartiers with the quartier id (compared as text after trimming)."))
        self._add(QgsProcessingParameterFeatureSource(self.DATA, tr("Counts table"), [SOURCE_ANY]),
                  tr("Table of counts per quartier and year; columns named as in the indicator catalog or mapped "
                     "in 'Column mapping'."))
        self._add(field_parameter(self.DATA_ID, tr("Quartier id field of the counts table"), self.DATA),
                  tr("Field of the counts table with the quartier id."))
        self._add(field_parameter(self.YEAR_FIELD, tr("Year field of the counts table"), self.DATA),
                  tr("Field with the year of each row; the table needs at least 3 years."))
        self._add(QgsProcessingParameterEnum(self.INDICATORS, tr("Indicators"), options=labels, allowMultiple=True),
                  tr("Indicators whose trends are calculated; the first one is shown on the map."))
        self._add(QgsProcessingParameterNumber(
            self.MIN_COUNT, tr("Minimum count (smaller numerators are suppressed)"), NUMBER_INTEGER, 3, minValue=1),
            tr("Numerators from 1 to this value minus one are not shown (statistical confidentiality)."))
        self._add(QgsProcessingParameterNumber(
            self.MIN_POPULATION, tr("Minimum population of a quartier (pop_total)"), NUMBER_INTEGER, 300,
            minValue=0),
            tr("Quartiers with fewer residents (column pop_total) are not shown; 0 switches the rule off."))
        self._add(QgsProcessingParameterNumber(self.PERIODS, tr("Periods (the last years tested)"), NUMBER_INTEGER,
                                               5, minValue=3),
                  tr("The trend is tested over this many of the latest years of the table (all when it has "
                     "fewer)."))
        self._add(QgsProcessingParameterNumber(
            self.DECIMALS, tr("Decimals of published rates"), NUMBER_INTEGER, 1, optional=True, minValue=0,
            maxValue=6),
            tr("The yearly values and the change are rounded to this number of decimals."), advanced=True)
        self._add(QgsProcessingParameterString(
            self.COLUMN_MAPPING, tr("Column mapping (standard_name=your_column; …)"), optional=True, multiLine=True),
            tr("For tables whose columns have other names, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'."),
            advanced=True)
        self._add(field_parameter(self.MUNICIPALITY_FIELD, tr("Municipality field of the quartiers"),
                                  self.QUARTIERS, optional=True),
                  tr("The municipality field the per-year indicator layers use: municipality totals change which "
                     "cells are hidden."), advanced=True)
        self._add(QgsProcessingParameterFile(
            self.CATALOG, tr("Indicator catalog (JSON, extends the built-in one)"), FILE_BEHAVIOR, extension="json",
            optional=True),
            tr("A JSON file that overrides or adds indicators (see the documentation of the catalog)."),
            advanced=True)
        self._add(QgsProcessingParameterString(
            self.EXTRA_INDICATORS, tr("Further indicator ids of the catalog file (e.g. X.1,X.2)"), optional=True),
            tr("Ids of indicators added by the catalog file, calculated after the selected ones."), advanced=True)
        self.add_output(tr("Trends"), tr("The quartiers with the trend fields; loaded styled."))
        self.addOutput(QgsProcessingOutputString(self.YEARS_USED, tr("Years tested")))

    # ----------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        quartiers = named_source(self, parameters, self.QUARTIERS, context)
        data = named_source(self, parameters, self.DATA, context)
        require_geometry(quartiers, GEOMETRY_POLYGON, quartiers.sourceName(), self.QUARTIERS)
        run = self._trend_settings(parameters, context, quartiers, data)
        periods = self.parameterAsInt(parameters, self.PERIODS, context)

        steps.setCurrentStep(0)
        quartier_rows, municipalities = self._read_quartiers(quartiers, run, feedback)
        quartier_ids = [row[1] for row in quartier_rows]
        counts, encoding_hint = self._read_counts(data, quartiers, run, quartier_ids, municipalities, feedback)
        no_year = counts[run.year_field].map(id_text).isna()
        if no_year.any():
            feedback.pushWarning(tr("Table '{layer}': {n} row(s) without a year in field '{field}' are left out "
                                    "(e.g. quartier {qid}).").format(
                layer=data.sourceName(), n=int(no_year.sum()), field=run.year_field,
                qid=counts[run.data_id][no_year].iloc[0]))
        years = self._window(counts, data, run, periods)
        missing = trends.missing_years(zip(counts[run.data_id].map(id_text), counts[run.year_field].map(id_text)),
                                       years, quartier_ids)
        if missing:
            feedback.pushWarning(tr("Table '{layer}': {n} quartier(s) have no row for some years of the window and "
                                    "get no trend: {ex}.").format(
                layer=data.sourceName(), n=len(missing),
                ex=", ".join("'{}' ({})".format(qid, ", ".join(gone)) for qid, gone in list(missing.items())[:5])
                + (", …" if len(missing) > 5 else "")))

        # every year alone, as calculateindicators publishes it
        steps.setCurrentStep(1)
        per_year = []
        year_values = counts[run.year_field].map(id_text)
        for n, year in enumerate(years):
            check_canceled(feedback)
            feedback.pushInfo(tr("Year {year}:").format(year=year))
            result = self._compute(counts[year_values == year], data, run, encoding_hint, feedback)
            feedback.pushInfo(audit_summary(result.audit, run.min_count))
            per_year.append(result.quartiers)
            steps.setProgress(100.0 * (n + 1) / len(years))

        steps.setCurrentStep(2)
        check_canceled(feedback)
        fields, rows = self._trend_rows(per_year, years, run, quartier_ids)

        steps.setCurrentStep(3)
        dest_id = write_quartier_layer(self, parameters, context, quartiers, fields, rows, quartier_rows, steps)
        years_text = "{}–{}".format(years[0], years[-1])
        self.style_output(context, {"dest_id": dest_id, "catalog": run.catalog, "ids": run.ids,
                                    "language": run.language, "years": years_text})
        feedback.pushInfo(tr("{n} quartiers, indicators {ids}, years {years}.").format(
            n=len(quartier_ids), ids=", ".join(run.ids), years=", ".join(years)))
        return {self.OUTPUT: dest_id, self.YEARS_USED: ", ".join(years)}

    @staticmethod
    def _push_messages(messages, data, run, feedback):
        """The engine's messages of one year, less the note that one year was "summed"."""
        messages = [m for m in messages if m.key != "years_summed"]
        CalculateIndicatorsAlgorithm._push_messages(messages, data, run, feedback)

    def _window(self, counts, data, run, periods):
        """The last ``periods`` years of the counts (as text); at least 3 years or a clear error."""
        years = [y for y in counts[run.year_field].map(id_text) if y is not None]
        try:
            return trends.window(years, periods)
        except ValueError:
            raise QgsProcessingException(tr(
                "Table '{layer}': the year field '{field}' holds {n} year(s) ({years}) for the quartiers; a trend "
                "needs at least 3.").format(layer=data.sourceName(), field=run.year_field, n=len(set(years)),
                                            years=", ".join(sorted(set(years))) or "–")) from None

    @staticmethod
    def _trend_rows(per_year, years, run, quartier_ids):
        """(fields, {quartier id: values}) of :data:`TREND_FIELDS` per indicator from the per-year results."""
        fields, columns = [], []
        for ident in run.ids:
            ind = run.catalog[ident]
            out = trends.from_results(per_year, years, ind, quartier_ids, decimals=run.decimals)
            fields += [(ind.field + suffix, kind) for suffix, kind in TREND_FIELDS]
            columns += [out["trend"], out["p"], out["change"], out["redred"]]
        rows = {qid: [column[i] for column in columns] for i, qid in enumerate(quartier_ids)}
        return fields, rows

    def _trend_settings(self, parameters, context, quartiers, data):
        """The parameters, checked (the settings of one calculateindicators run for each year)."""
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context)
        return CalculationSettings(
            years_text="", method="quantile", k=5,
            **self._shared_settings(parameters, context, quartiers, data, year_field, year_required=True),
        )


__all__ = ["IndicatorTrendsAlgorithm", "TREND_FIELDS"]
