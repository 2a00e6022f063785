"""``quartiersmonitor:attentionindex`` — quartiers needing attention (status / dynamics index), styled on load.

The index, classes and flag come from the engine (``indicators.attention.attention_index``), the checks of the
parameters from ``indicators.table_input`` and the values written from ``indicators.output_rows``; this module
reads the layer(s), hands the values over, adds how sure each status class is and what drives it
(``indicators.attention_uncertainty``: draws from the published ``<field>_num`` / ``<field>_den``), writes the result
(``indicator_inputs``) and styles it (``cartography.style_attention_layer``).
"""

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ... import cartography
from ...cartography import layer_record
from ...compat import NUMBER_INTEGER, SOURCE_ANY, parameter_as_strings
from ...indicators.attention import attention_index, base_arrays, composite, prepare
from ...indicators.attention_uncertainty import DRAWS, SEED, BaseTableError, certainty_class, drivers, parse_base
from ...indicators.attention_uncertainty import status_certainty as simulated_certainty
from ...indicators.catalog import default_fields_present, load_catalog, need_fields
from ...indicators.output_rows import (
    ATTENTION_FIELDS,
    attention_count,
    attention_rows,
    number_frame,
    number_or_none,
    published_only,
    status_counts,
    unclassed,
)
from ...indicators.table_input import check_reversed, examples, match_previous, parse_thresholds, parse_weights
from ...translation import current_language, tr
from ..base import GROUP_INDICATORS
from ..errors import check_canceled
from ..indicator_inputs import (
    StyledOutputAlgorithm,
    field_name,
    field_parameter,
    named_source,
    push_notes,
    read_quartier_table,
    read_table,
    reported,
    write_quartier_layer,
)


@dataclass
class AttentionSettings:
    """The parameters of a run, checked; field names as the layer spells them."""

    qid_field: str
    fields: list
    reversed_fields: list
    population_field: object  # str or None
    min_population: int
    weights: object  # {field: weight} or None
    thresholds: tuple
    language: str
    base: object  # {field: (mean, sd)} of a base year or None
    seed: int

    def value_columns(self):
        """The indicator fields and the population field."""
        return list(dict.fromkeys(self.fields + ([self.population_field] if self.population_field else [])))


class AttentionIndexAlgorithm(StyledOutputAlgorithm):
    ALG_ID = "attentionindex"
    GROUP_ID = GROUP_INDICATORS

    INDICATORS = "INDICATORS"
    REVERSED = "REVERSED"
    WEIGHTS = "WEIGHTS"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_POPULATION = "MIN_POPULATION"
    THRESHOLDS = "THRESHOLDS"
    PREVIOUS = "PREVIOUS"
    BASE = "BASE"
    SEED = "SEED"
    #: the fields this algorithm adds beyond the engine's (``ATTENTION_FIELDS``)
    UNCERTAINTY_FIELDS = (("status_certainty", "double"), ("status_certainty_class", "string"),
                          ("drivers", "string"))
    #: the default of POPULATION_FIELD: the residents column ``calculateindicators`` writes
    DEFAULT_POPULATION = "pop_total"

    @staticmethod
    def default_indicator_fields():
        """The default of INDICATORS: the value fields of the built-in need indicators (A1, A2, …; not the context
        indicators D1–D3, not A1_num and the like); a run left at it uses those the layer has."""
        return need_fields(load_catalog())

    def shortHelpString(self):
        return tr(
            "Composite index of social status after Berlin's and Hamburg's social monitoring.\n\n"
            "Each chosen indicator field is z-standardised over the quartiers (higher = more need; fields "
            "listed under 'Reversed' count the other way), the (weighted) sum is z-standardised again: the "
            "status index. Status classes: 1 high (index below the first threshold), 2 middle, 3 low, 4 very "
            "low (above the third threshold). With a previous layer (same fields and quartier ids, an earlier "
            "year) the changes give the dynamics index and class (1 positive, 2 stable, 3 negative).\n\n"
            "attention = yes for status class 3 or 4, or class 2 with negative dynamics. Quartiers under the "
            "minimum population or without a value in a chosen field are left out and not classed.\n\n"
            "Indicator fields: preselected are the values of the catalog's need indicators (A1, A2, …, W3; not "
            "the context indicators D1–D3 nor the _num, _den, _lo, … fields); left at this preselection, the run "
            "uses those the layer has and names them in the log. Any other numeric fields can be chosen. A value "
            "flagged other than 'ok' in the layer (suppressed) is never used.\n\n"
            "Population field: by default pop_total, the residents that 'Calculate indicators' publishes for every "
            "quartier (never suppressed, so no quartier is left unclassed for a hidden denominator). A layer "
            "without it is classed without the minimum-population rule, with a warning; choose another field "
            "with the residents to apply it.\n\n"
            "The output is loaded with four status colours; quartiers needing attention are outlined."
        ) + "\n\n" + tr(
            "status_certainty: the share of 1,000 simulated draws in which the quartier lands in the same status "
            "class. Each draw redraws every indicator's numerator from the layer's <field>_num and <field>_den "
            "(binomial for a share, Poisson for a rate, as the catalog says; Poisson for a field not in it), "
            "recomputes the z-scores over all quartiers, the index and the class as above. Fields without _num "
            "and _den (not from 'Calculate indicators') are taken as fixed: no sampling noise. Hidden (suppressed) "
            "values are never drawn nor estimated: such a quartier is not classed and has no certainty. "
            "status_certainty_class: sure (0.9 or more), likely (0.6 or more), uncertain (below 0.6). The draws "
            "are seeded (Seed, default 20260101): the same seed gives the same values.\n\n"
            "drivers: the one or two indicators that push the quartier's index most in its direction (largest "
            "weight × z-score; towards need for an index of 0 or more, towards high status below 0), as catalog "
            "ids (A.1, E.2) or field names.\n\n"
            "Base year: an optional table with one row per indicator field and the columns field, mean and sd (the "
            "base year's mean and standard deviation of that field over the quartiers); the z-scores then use "
            "them instead of this year's, so that they stay comparable across years. A row 'status_index' may give "
            "the base year's mean and sd of the weighted sum of z-scores; without it the sum is standardised "
            "over this year's quartiers. The dynamics always use this year's changes."
        )

    def displayName(self):
        return tr("Quartiers needing attention")

    def initAlgorithm(self, config=None):
        self.add_quartiers(self.INPUT, tr("Indicator layer"),
                           tr("Quartier polygons with indicator fields, e.g. the output of 'Calculate indicators'."),
                           tr("Quartier id; the previous layer is joined on a field of the same name."))
        indicators = field_parameter(self.INDICATORS, tr("Indicator fields"), self.INPUT, numeric=True,
                                     multiple=True)
        indicators.setDefaultValue(self.default_indicator_fields())
        self._add(
            indicators,
            tr("Numeric fields that make up the index (higher value = more need unless reversed); preselected: "
               "the indicator values of the catalog's need indicators the layer has."),
        )
        self._add(
            field_parameter(self.REVERSED, tr("Reversed fields (higher value = less need)"), self.INPUT,
                            numeric=True, multiple=True, optional=True),
            tr("Among the indicator fields, those where a higher value means less need."),
        )
        self._add(
            QgsProcessingParameterString(self.WEIGHTS, tr("Weights"), optional=True),
            tr("Optional weights: numbers in the order of the indicator fields ('1,1,2') or 'A1=2; A2=1' "
               "(others 1)."),
            advanced=True,
        )
        population = field_parameter(self.POPULATION_FIELD, tr("Population field"), self.INPUT, numeric=True,
                                     optional=True)
        population.setDefaultValue(self.DEFAULT_POPULATION)
        self._add(
            population,
            tr("Residents per quartier (default pop_total, published by 'Calculate indicators'); quartiers under "
               "the minimum population are not classed. Empty: the minimum population is not applied."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.MIN_POPULATION, tr("Minimum population"), NUMBER_INTEGER, 300, minValue=0
            ),
            tr("Used with the population field; 0 switches the rule off."),
        )
        self._add(
            QgsProcessingParameterString(self.THRESHOLDS, tr("Status thresholds"), defaultValue="-1,1,1.5",
                                         optional=True),
            tr("Three increasing thresholds on the status index between classes 1|2, 2|3 and 3|4."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.PREVIOUS, tr("Previous year (same fields)"), [SOURCE_ANY], optional=True
            ),
            tr("Layer or table of an earlier year with the same indicator fields and quartier id field: gives "
               "the dynamics."),
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.BASE, tr("Base-year statistics"), [SOURCE_ANY], optional=True
            ),
            tr("Optional table with the columns field, mean and sd: per indicator field the mean and standard "
               "deviation of a base year; the z-scores use them instead of this year's (optional row "
               "status_index: mean and sd of the weighted sum)."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterNumber(self.SEED, tr("Seed"), NUMBER_INTEGER, SEED, optional=True, minValue=0),
            tr("Seed of the 1,000 simulated draws of status_certainty: the same seed gives the same values."),
            advanced=True,
        )
        self.add_output(tr("Attention index"),
                        tr("The input with status_index, status_class, dynamics_index, dynamics_class, attention, "
                           "status_certainty, status_certainty_class and drivers."))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        source = named_source(self, parameters, self.INPUT, context)
        previous_source = named_source(self, parameters, self.PREVIOUS, context, optional=True)
        run = self._settings(parameters, context, source, feedback)

        # 1. the layer's values
        steps.setCurrentStep(0)
        rows, table = read_quartier_table(source, run.qid_field, self.QUARTIER_ID, feedback)
        frame = published_only(number_frame(table, run.value_columns()), table, run.fields)

        # 2. previous year
        steps.setCurrentStep(1)
        previous = None
        if previous_source is not None:
            previous = self._previous_values(previous_source, source, run, frame.index, feedback)

        # 3. the engine
        steps.setCurrentStep(2)
        check_canceled(feedback)
        try:
            result = attention_index(frame, run.fields, reversed_fields=run.reversed_fields, weights=run.weights,
                                     population=run.population_field, min_population=run.min_population,
                                     thresholds=run.thresholds, previous=previous, base=run.base)
        except ValueError as error:
            raise QgsProcessingException(
                tr("Layer '{layer}': {message}").format(layer=source.sourceName(), message=str(error))
            ) from error
        left_out = unclassed(result)
        if left_out:
            feedback.pushInfo(tr("{n} quartiers are not classed (too few residents or a missing value): {ex}.")
                              .format(n=len(left_out), ex=examples(left_out)))

        # 4. certainty and drivers
        steps.setCurrentStep(3)
        extra = self._certainty_and_drivers(run, frame, table, result, parameters, context, steps)
        values = attention_rows(result)
        values = {qid: row + extra[qid] for qid, row in values.items()}

        # 5. write
        steps.setCurrentStep(4)
        dest_id = write_quartier_layer(self, parameters, context, source,
                                       tuple(ATTENTION_FIELDS) + self.UNCERTAINTY_FIELDS, values, rows, steps)
        # the input's record (its catalog, custom indicators included, source, year, suppression limits) goes on
        record = layer_record.record_of(layer_record.with_record(
            self.parameterAsVectorLayer(parameters, self.INPUT, context)))
        self.style_output(context, {"dest_id": dest_id, "language": run.language, "fields": run.fields,
                                    "source": source.sourceName(), "record": record})
        feedback.pushInfo(tr("Status classes: {counts}; attention: {n} quartiers.").format(
            counts=status_counts(result), n=attention_count(result)))
        return {self.OUTPUT: dest_id}

    def _certainty_and_drivers(self, run, frame, table, result, parameters, context, feedback):
        """{quartier id: [status_certainty, status_certainty_class, drivers]}: the draws from the published
        <field>_num / <field>_den (hidden cells are NULL there and their quartier is left out by the engine)."""
        fields, matrix, mask, signs, w, thresholds = prepare(
            frame, run.fields, reversed_fields=run.reversed_fields, weights=run.weights,
            population=run.population_field, min_population=run.min_population, thresholds=run.thresholds)
        field_base, index_base = base_arrays(fields, run.base)
        catalog = layer_record.layer_catalog(layer_record.with_record(
            self.parameterAsVectorLayer(parameters, self.INPUT, context)))
        num, den = self._counts(table, fields)
        poisson = []
        labels = []
        for field in fields:
            try:
                indicator = catalog.by_field(field)
            except KeyError:
                indicator = None
            poisson.append(indicator is None or indicator.kind != "share")
            labels.append(indicator.id if indicator is not None else field)
        if not np.isfinite(num).any():
            feedback.pushInfo(tr("No indicator field has _num and _den fields: the values are taken as fixed and "
                                 "status_certainty is 1 wherever a quartier is classed."))

        def progress(done, total):
            check_canceled(feedback)
            feedback.setProgress(100.0 * done / total)

        observed = result["status_class"].to_numpy(dtype=float)
        certainty = simulated_certainty(matrix, num, den, poisson, mask, signs, w, thresholds, base=field_base,
                                        index_base=index_base, draws=DRAWS, seed=run.seed,
                                        observed_class=observed, progress=progress)
        _index, z = composite(matrix, mask, signs, w, field_base, index_base)
        pushed = drivers(z, w, result["status_index"].to_numpy(dtype=float), labels)
        return {qid: [number_or_none(c), certainty_class(c), d]
                for qid, c, d in zip(frame.index, certainty, pushed)}

    @staticmethod
    def _counts(table, fields):
        """The published numerators and denominators (quartiers x fields; NaN where the layer has none or hides
        the cell: ``published_only`` by the field's flag)."""
        columns = {name.lower(): name for name in table.columns}
        num = np.full((len(table), len(fields)), np.nan)
        den = np.full((len(table), len(fields)), np.nan)
        for j, field in enumerate(fields):
            pair = [columns.get((field + suffix).lower()) for suffix in ("_num", "_den")]
            if None in pair:
                continue
            counts = published_only(number_frame(table, pair), table, pair)
            num[:, j] = counts[pair[0]].to_numpy(dtype=float)
            den[:, j] = counts[pair[1]].to_numpy(dtype=float)
        return num, den

    def _settings(self, parameters, context, source, feedback=None):
        """The parameters, checked: numeric fields of the layer (as it spells them), weights and thresholds."""
        fields = self._indicator_fields(parameters, context, source, feedback)
        reversed_fields = parameter_as_strings(self, parameters, self.REVERSED, context)
        min_population = self.parameterAsInt(parameters, self.MIN_POPULATION, context)
        population = self._population_field(parameters, context, source, min_population, feedback)
        fields = self._numeric_fields(source, fields, self.INDICATORS)
        reversed_fields = self._numeric_fields(source, reversed_fields, self.REVERSED)
        population = self._numeric_fields(source, population, self.POPULATION_FIELD)
        with reported(layer=source.sourceName()):
            check_reversed(fields, reversed_fields)
            thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
            weights = parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context), fields)
        return AttentionSettings(
            qid_field=self.parameterAsString(parameters, self.QUARTIER_ID, context),
            fields=fields,
            reversed_fields=reversed_fields,
            population_field=population[0] if population else None,
            min_population=min_population,
            weights=weights,
            thresholds=thresholds,
            language=current_language(),
            base=self._base(parameters, context, source, fields, feedback),
            seed=(SEED if parameters.get(self.SEED) in (None, "") else
                  self.parameterAsInt(parameters, self.SEED, context)),
        )

    def _base(self, parameters, context, source, fields, feedback):
        """BASE as {field: (mean, sd)} (None without it); clear errors for a table that cannot be used."""
        base_source = named_source(self, parameters, self.BASE, context, optional=True)
        if base_source is None:
            return None
        try:
            return parse_base(read_table(base_source, feedback), fields)
        except BaseTableError as error:
            raise QgsProcessingException(self._base_message(error, base_source.sourceName())) from error

    @staticmethod
    def _base_message(error, layer):
        p = error.params
        if error.key == "missing_columns":
            return tr("Base-year table '{layer}' needs the columns field, mean and sd; missing: {columns}.").format(
                layer=layer, columns=p["columns"])
        if error.key == "not_numeric":
            return tr("Base-year table '{layer}': the {column} of field '{field}' is not a number: {value}.").format(
                layer=layer, column=p["column"], field=p["field"], value=p["value"])
        if error.key == "sd_not_positive":
            return tr("Base-year table '{layer}': the sd of field '{field}' is {value}; it must be greater than 0."
                      ).format(layer=layer, field=p["field"], value=p["value"])
        if error.key == "duplicate":
            return tr("Base-year table '{layer}' has more than one row for field '{field}'.").format(
                layer=layer, field=p["field"])
        return tr("Base-year table '{layer}' has no row for the indicator field(s) {fields}.").format(
            layer=layer, fields=p["fields"])

    def _indicator_fields(self, parameters, context, source, feedback):
        """INDICATORS; left at its default (the catalog's need indicators), those of them the layer has."""
        fields = parameter_as_strings(self, parameters, self.INDICATORS, context)
        if not fields:
            raise QgsProcessingException(tr("Select at least one indicator field."))
        present = default_fields_present(fields, self.default_indicator_fields(), source.fields().names())
        if present is None:
            return fields
        if not present:
            raise QgsProcessingException(tr(
                "Layer '{layer}' has none of the preselected indicator fields ({fields}): choose the indicator "
                "fields.").format(layer=source.sourceName(), fields=", ".join(fields)))
        if feedback is not None:
            feedback.pushInfo(tr("Indicator fields (the catalog's need indicators in layer '{layer}'): "
                                 "{fields}.").format(layer=source.sourceName(), fields=", ".join(present)))
        return present

    def _population_field(self, parameters, context, source, min_population, feedback):
        """POPULATION_FIELD as a list of at most one name; the default pop_total missing from the layer (or no
        field) means no minimum-population rule, with a warning when the rule would have applied."""
        population = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or ""
        default_missing = (population.lower() == self.DEFAULT_POPULATION
                           and source.fields().lookupField(population) < 0)
        if default_missing or not population:
            if min_population > 0 and feedback is not None:
                feedback.pushWarning(tr(
                    "Layer '{layer}' has no population field (default pop_total, written by 'Calculate "
                    "indicators'): the minimum population of {n} is not applied. Choose the field with the "
                    "residents to apply it.").format(layer=source.sourceName(), n=min_population))
            return []
        return [population]

    @staticmethod
    def _numeric_fields(source, names, param):
        """``names`` as ``source`` spells them; clear errors for a missing or a text field."""
        fields = [field_name(source, name, param) for name in names]
        for name in fields:
            field = source.fields().field(name)
            if not field.isNumeric():
                raise QgsProcessingException(
                    tr("Layer '{layer}': field '{field}' is not numeric (type {type}); the index needs numeric "
                       "fields.").format(layer=source.sourceName(), field=name, type=field.typeName())
                )
        return fields

    def _previous_values(self, previous_source, source, run, quartier_ids, feedback):
        """The indicator values of the previous layer by quartier id (same fields, same id field); warnings on
        quartiers without previous values."""
        missing = [f for f in [run.qid_field] + run.fields if previous_source.fields().indexOf(f) < 0]
        if missing:
            raise QgsProcessingException(
                tr("Previous layer '{layer}' has no field(s) '{fields}' (it needs the same fields as '{input}').")
                .format(layer=previous_source.sourceName(), fields="', '".join(missing), input=source.sourceName())
            )
        _rows, table = read_quartier_table(previous_source, run.qid_field, self.QUARTIER_ID, feedback)
        where = {"layer": previous_source.sourceName(), "field": run.qid_field}
        with reported(**where):
            notes = match_previous(quartier_ids, table.index)
        push_notes(feedback, notes, **where)
        return published_only(number_frame(table, run.fields), table, run.fields)

    @staticmethod
    def style_layer(layer, settings, loaded=False):
        """Four status colours, attention outlined; the loaded layer gets the title as its name."""
        layer_record.hand_on(layer, settings.get("record"))
        cartography.style_attention_layer(layer, settings["language"], settings["fields"], settings["source"])
        if loaded:
            layer.setName(cartography.legend_text("attention_title", settings["language"]))
        return "attention"
