"""``quartiersmonitor:attentionindex`` — quartiers needing attention (status / dynamics index), styled on load.

The index, classes and flag come from the engine (``indicators.attention.attention_index``); this module reads the
layer(s), hands the values over, writes the result and styles it (``cartography.style_attention_layer``).
"""

import os

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ... import cartography
from ...compat import (
    FAST_INSERT,
    T_DOUBLE,
    T_INT,
    T_STRING,
    parameter_as_strings,
    plain_value,
)
from ...translation import current_language, tr
from ..base import (
    FIELD_ANY,
    FIELD_NUMERIC,
    GROUP_INDICATORS,
    NUMBER_INTEGER,
    SOURCE_ANY,
    SOURCE_POLYGON,
    LayerPostProcessor,
    QuartiersAlgorithm,
)
from .calculate_indicators import (
    SINK_POLYGON,
    examples,
    int_or_none,
    named_source,
    number_or_none,
    read_quartier_ids,
    read_table,
)

OUTPUT_FIELDS = (
    ("status_index", T_DOUBLE),
    ("status_class", T_INT),
    ("dynamics_index", T_DOUBLE),
    ("dynamics_class", T_INT),
    ("attention", T_STRING),
)


class AttentionLayerStyler(LayerPostProcessor):
    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            cartography.style_attention_layer(
                layer, self.settings["language"], self.settings["fields"], self.settings["source"]
            )
            layer.setName(cartography.legend_text("attention_title", self.settings["language"]))


def parse_thresholds(text):
    """"-1,1,1.5" (also "-1; 1; 1.5" or with decimal commas "-1;1;1,5") → (-1.0, 1.0, 1.5)."""
    text = (text or "").strip()
    if not text:
        return (-1.0, 1.0, 1.5)
    parts = [p.strip() for p in (text.split(";") if ";" in text else text.split(","))]
    try:
        values = tuple(float(p.replace(",", ".")) for p in parts if p)
    except ValueError:
        values = ()
    if len(values) != 3 or not values[0] < values[1] < values[2]:
        raise QgsProcessingException(
            tr("Thresholds '{text}': three increasing numbers are needed, e.g. '-1,1,1.5'.").format(text=text)
        )
    return values


def parse_weights(text, fields):
    """"1,1,2" (aligned with the fields) or "A1=2; A2=1" (others 1) → {field: weight}; None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    if "=" in text:
        weights = {}
        for part in text.replace(",", ";").split(";"):
            if not part.strip():
                continue
            name, _sep, value = part.partition("=")
            name = name.strip()
            if name not in fields:
                raise QgsProcessingException(
                    tr("Weights: '{name}' is not one of the indicator fields ({fields}).").format(
                        name=name, fields=", ".join(fields)
                    )
                )
            try:
                weights[name] = float(value.strip().replace(",", "."))
            except ValueError as error:
                raise QgsProcessingException(
                    tr("Weights: '{part}' is not of the form field=number.").format(part=part.strip())
                ) from error
        return weights
    parts = [p.strip() for p in (text.split(";") if ";" in text else text.split(",")) if p.strip()]
    try:
        values = [float(p.replace(",", ".")) for p in parts]
    except ValueError as error:
        raise QgsProcessingException(tr("Weights '{text}': numbers are needed.").format(text=text)) from error
    if len(values) != len(fields):
        raise QgsProcessingException(
            tr("Weights '{text}': {n} numbers given for {m} indicator fields ({fields}).").format(
                text=text, n=len(values), m=len(fields), fields=", ".join(fields)
            )
        )
    return dict(zip(fields, values))


class AttentionIndexAlgorithm(QuartiersAlgorithm):
    ALG_ID = "attentionindex"
    GROUP_ID = GROUP_INDICATORS

    INPUT = "INPUT"
    QUARTIER_ID = "QUARTIER_ID"
    INDICATORS = "INDICATORS"
    REVERSED = "REVERSED"
    WEIGHTS = "WEIGHTS"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_POPULATION = "MIN_POPULATION"
    THRESHOLDS = "THRESHOLDS"
    PREVIOUS = "PREVIOUS"
    OUTPUT = "OUTPUT"

    def __init__(self):
        super().__init__()
        self._styling = None

    def displayName(self):
        return tr("Quartiers needing attention")

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
            "The output is loaded with four status colours; quartiers needing attention are outlined."
        )

    def initAlgorithm(self, config=None):
        self._add(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("Indicator layer"), [SOURCE_POLYGON]),
            tr("Quartier polygons with indicator fields, e.g. the output of 'Calculate indicators'."),
        )
        self._add(
            QgsProcessingParameterField(
                self.QUARTIER_ID, tr("Quartier id field"), parentLayerParameterName=self.INPUT, type=FIELD_ANY
            ),
            tr("Quartier id; the previous layer is joined on a field of the same name."),
        )
        self._add(
            QgsProcessingParameterField(
                self.INDICATORS, tr("Indicator fields"), parentLayerParameterName=self.INPUT, type=FIELD_NUMERIC,
                allowMultiple=True,
            ),
            tr("Numeric fields that make up the index (higher value = more need unless reversed)."),
        )
        self._add(
            QgsProcessingParameterField(
                self.REVERSED, tr("Reversed fields (higher value = less need)"), parentLayerParameterName=self.INPUT,
                type=FIELD_NUMERIC, allowMultiple=True, optional=True,
            ),
            tr("Among the indicator fields, those where a higher value means less need."),
        )
        self._add(
            QgsProcessingParameterString(self.WEIGHTS, tr("Weights"), optional=True),
            tr("Optional weights: numbers in the order of the indicator fields ('1,1,2') or 'A1=2; A2=1' "
               "(others 1)."),
            advanced=True,
        )
        self._add(
            QgsProcessingParameterField(
                self.POPULATION_FIELD, tr("Population field"), parentLayerParameterName=self.INPUT,
                type=FIELD_NUMERIC, optional=True,
            ),
            tr("Residents per quartier; quartiers under the minimum population are not classed."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.MIN_POPULATION, tr("Minimum population"), NUMBER_INTEGER, 300, minValue=0
            ),
            tr("Used with the population field."),
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
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Attention index"), SINK_POLYGON),
            tr("The input with status_index, status_class, dynamics_index, dynamics_class and attention."),
        )

    def processAlgorithm(self, parameters, context, feedback):
        from ...indicators.attention import attention_index

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        source = named_source(self, parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        qid_field = self.parameterAsString(parameters, self.QUARTIER_ID, context)
        fields = parameter_as_strings(self, parameters, self.INDICATORS, context)
        reversed_fields = parameter_as_strings(self, parameters, self.REVERSED, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        min_population = self.parameterAsInt(parameters, self.MIN_POPULATION, context)
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        weights = parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context), fields)
        previous_source = named_source(self, parameters, self.PREVIOUS, context)
        if parameters.get(self.PREVIOUS) and previous_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PREVIOUS))
        language = current_language()

        if not fields:
            raise QgsProcessingException(tr("Select at least one indicator field."))
        layer_fields = source.fields()
        for field in list(fields) + list(reversed_fields) + ([population_field] if population_field else []):
            if layer_fields.indexOf(field) < 0:
                raise QgsProcessingException(
                    tr("Layer '{layer}' has no field '{field}'.").format(layer=source.sourceName(), field=field)
                )
            if not layer_fields.field(field).isNumeric():
                raise QgsProcessingException(
                    tr("Layer '{layer}': field '{field}' is not numeric (type {type}); the index needs numeric "
                       "fields.").format(
                        layer=source.sourceName(), field=field, type=layer_fields.field(field).typeName()
                    )
                )
        not_chosen = [f for f in reversed_fields if f not in fields]
        if not_chosen:
            raise QgsProcessingException(
                tr("Layer '{layer}': reversed field(s) {fields} are not among the indicator fields.").format(
                    layer=source.sourceName(), fields=", ".join(not_chosen)
                )
            )

        # 1. the layer's values
        steps.setCurrentStep(0)
        rows = read_quartier_ids(source, qid_field, feedback)
        table = read_table(source, feedback)
        table.index = [row[1] for row in rows]
        frame = pd.DataFrame(index=table.index)
        for field in fields + ([population_field] if population_field and population_field not in fields else []):
            frame[field] = [number_or_none(v) for v in table[field]]
            frame[field] = frame[field].astype(float)

        # 2. previous year
        steps.setCurrentStep(1)
        previous = None
        if previous_source is not None:
            missing = [f for f in [qid_field] + list(fields) if previous_source.fields().indexOf(f) < 0]
            if missing:
                raise QgsProcessingException(
                    tr("Previous layer '{layer}' has no field(s) '{fields}' (it needs the same fields as '{input}').")
                    .format(layer=previous_source.sourceName(), fields="', '".join(missing), input=source.sourceName())
                )
            prev_rows = read_quartier_ids(previous_source, qid_field, feedback)
            prev_table = read_table(previous_source, feedback)
            prev_table.index = [row[1] for row in prev_rows]
            unmatched = sorted(set(frame.index) - set(prev_table.index))
            if len(unmatched) == len(frame.index):
                raise QgsProcessingException(
                    tr("Previous layer '{layer}', field '{field}': no quartier id matches the input ids "
                       "(previous: {prev}; input: {current}).").format(
                        layer=previous_source.sourceName(), field=qid_field, prev=examples(list(prev_table.index)),
                        current=examples(list(frame.index)),
                    )
                )
            if unmatched:
                feedback.pushWarning(
                    tr("Previous layer '{layer}': {n} quartiers have no previous values (no dynamics): {ex}.").format(
                        layer=previous_source.sourceName(), n=len(unmatched), ex=examples(unmatched)
                    )
                )
            previous = pd.DataFrame(index=prev_table.index)
            for field in fields:
                previous[field] = [number_or_none(v) for v in prev_table[field]]
                previous[field] = previous[field].astype(float)

        # 3. the engine
        steps.setCurrentStep(2)
        self.check_canceled(feedback)
        try:
            result = attention_index(
                frame,
                fields,
                reversed_fields=reversed_fields,
                weights=weights,
                population=population_field,
                min_population=min_population,
                thresholds=thresholds,
                previous=previous,
            )
        except ValueError as error:
            raise QgsProcessingException(
                tr("Layer '{layer}': {message}").format(layer=source.sourceName(), message=str(error))
            ) from error
        unclassed = [q for q in result.index if pd.isna(result.loc[q, "status_class"])]
        if unclassed:
            feedback.pushInfo(
                tr("{n} quartiers are not classed (too few residents or a missing value): {ex}.").format(
                    n=len(unclassed), ex=examples(unclassed)
                )
            )

        # 4. write
        steps.setCurrentStep(3)
        ours = {name for name, _kind in OUTPUT_FIELDS}
        out_fields = QgsFields()
        kept = []
        for index, field in enumerate(layer_fields):
            if field.name() not in ours:
                out_fields.append(field)
                kept.append(index)
        for name, kind in OUTPUT_FIELDS:
            out_fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qid_of_feature = {row[0]: row[1] for row in rows}
        total = max(1, len(rows))
        for n, feature in enumerate(source.getFeatures()):
            qid = qid_of_feature[feature.id()]
            res = result.loc[qid]
            attention = res["attention"]
            out = QgsFeature(out_fields)
            out.setGeometry(feature.geometry())
            attributes = feature.attributes()
            out.setAttributes(
                [plain_value(attributes[i]) for i in kept]
                + [
                    number_or_none(res["status_index"]),
                    int_or_none(res["status_class"]),
                    number_or_none(res["dynamics_index"]),
                    int_or_none(res["dynamics_class"]),
                    None if not isinstance(attention, str) else attention,
                ]
            )
            if not sink.addFeature(out, FAST_INSERT):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            steps.setProgress(100.0 * (n + 1) / total)
        del sink

        self._styling = {"dest_id": dest_id, "language": language, "fields": fields, "source": source.sourceName()}
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(AttentionLayerStyler.create(self._styling))
        counts = result["status_class"].value_counts().to_dict()
        feedback.pushInfo(
            tr("Status classes: {counts}; attention: {n} quartiers.").format(
                counts=", ".join("{}: {}".format(int(k), v) for k, v in sorted(counts.items())),
                n=int((result["attention"] == "yes").sum()),
            )
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
        layer = QgsVectorLayer(settings["dest_id"], "attention", "ogr")
        if layer.isValid():
            cartography.style_attention_layer(layer, settings["language"], settings["fields"], settings["source"])
            try:
                cartography.save_style_with_output(layer, settings["dest_id"])
            except OSError as error:
                feedback.pushWarning(
                    tr("The style could not be saved beside '{path}': {message}").format(path=path, message=str(error))
                )
        return {}

