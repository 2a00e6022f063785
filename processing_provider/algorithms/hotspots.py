"""``quartiersmonitor:hotspots`` — hot spots (Getis–Ord Gi*) or clusters and outliers (local Moran's I), styled.

The weights, statistics, pseudo p-values, empirical-Bayes rates and the false discovery rate come from the pure
``spatial.hotspots`` (numpy; PySAL is not needed); this module reads the quartiers, hands the values over, writes
the quartiers with ``hs_z``, ``hs_p`` and ``hs_class`` (``vector_output``) and styles them
(``cartography.hotspot_style``).
"""

from collections import Counter

import numpy as np
import pandas as pd
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ...cartography.hotspot_style import style_hotspot_layer
from ...compat import GEOMETRY_POLYGON, NUMBER_DOUBLE, NUMBER_INTEGER, T_DOUBLE, T_STRING, plain_value
from ...indicators.output_rows import number_frame, published_only
from ...indicators.table_input import examples
from ...spatial import hotspots as hs
from ...translation import current_language, tr
from ..base import GROUP_INDICATORS, set_decimals
from ..errors import empty_layer
from ..indicator_inputs import StyledOutputAlgorithm, field_name, field_parameter
from ..inputs import require_geometry, whole_layer
from ..readers import read_quartiers
from ..vector_output import LayerContent, OutputSet, output_fields, write_vector_output

METHODS = (hs.GI_STAR, hs.LOCAL_MORAN)
WEIGHTS = (hs.QUEEN, hs.ROOK, hs.KNN, hs.DISTANCE)
OUTPUT_FIELDS = (("hs_z", T_DOUBLE), ("hs_p", T_DOUBLE), ("hs_class", T_STRING))


def error_text(error, layer, field="", weights=""):
    """The translated text of a :class:`spatial.hotspots.HotspotError` (``field``: the values analysed,
    ``weights``: the neighbours chosen, as the user reads them)."""
    texts = {
        "too_few": tr("Layer '{layer}', field '{field}': only {n} quartiers have a value; hot spots need at least "
                      "3."),
        "constant": tr("Layer '{layer}', field '{field}': all {n} values analysed are equal; there is nothing to "
                       "find."),
        "no_neighbours": tr("Layer '{layer}': none of the {n} quartiers analysed has a neighbour ({weights}), so "
                            "none can be tested."),
        "all_neighbours": tr("Layer '{layer}': each of the {n} quartiers analysed neighbours every other one "
                             "({weights}), so none can be compared with its surroundings. Choose other neighbours "
                             "(e.g. rook contiguity, fewer nearest neighbours or a smaller distance band)."),
        "no_result": tr("Layer '{layer}': none of the {n} quartiers analysed can be tested ({weights}): each has "
                        "either no neighbour or every other quartier as a neighbour."),
        "knn_k": tr("Layer '{layer}': K = {k} nearest neighbours needs more quartiers with a value than that "
                    "({n})."),
        "distance": tr("The distance band needs a distance greater than 0 (given: {distance})."),
        "no_centroid": tr("Layer '{layer}': a quartier has no centroid."),
        "denominator": tr("Layer '{layer}': the denominator must be greater than 0."),
        "permutations": tr("At least 1 permutation is needed (given: {permutations})."),
        "method": tr("Unknown method '{method}'."),
    }
    return texts[error.key].format(layer=layer, field=field, weights=weights, **error.params)


class HotspotsAlgorithm(StyledOutputAlgorithm):
    ALG_ID = "hotspots"
    GROUP_ID = GROUP_INDICATORS

    FIELD = "FIELD"
    NUMERATOR = "NUMERATOR"
    DENOMINATOR = "DENOMINATOR"
    METHOD = "METHOD"
    WEIGHTS = "WEIGHTS"
    K = "K"
    DISTANCE = "DISTANCE"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    ALPHA = "ALPHA"
    FDR = "FDR"

    def displayName(self):
        return tr("Hot spots and clusters")

    def shortHelpString(self):
        return tr(
            "Finds where high or low values cluster among neighbouring quartiers: hot and cold spots (Getis–Ord "
            "Gi*) or clusters and outliers (local Moran's I), with pseudo p-values from conditional permutations. "
            "The results equal PySAL's (esda) but PySAL is not needed.\n\n"
            "Values: a numeric FIELD, or a NUMERATOR and DENOMINATOR (e.g. A1_num and A1_den): then the "
            "empirical-Bayes standardised rates of Assunção and Reis (1999) are analysed, which keep quartiers with "
            "few residents from standing out by chance. A NULL value, or one the layer flags as suppressed "
            "(<F>_flag other than 'ok'), is left out and never imputed; quartiers with a denominator of 0 too; the "
            "log names them. A numerator greater than its denominator is analysed (a ratio such as the ageing index "
            "has one; for a share it would be a data error) and the log names those quartiers. The weights are "
            "built among the quartiers analysed only.\n\n"
            "Method: Gi* (binary weights, the quartier itself included, as esda.G_Local with star=True) or local "
            "Moran's I (row-standardised weights, as esda.Moran_Local).\n"
            "Weights: queen contiguity (a common border point), rook contiguity (a common border segment; both by "
            "identical vertices, as PySAL), K nearest neighbours or a distance band (centroids within DISTANCE, in "
            "the layer's units). A quartier without neighbours (an island), or with every other quartier as a "
            "neighbour (nothing to compare it with), gets no result, and the log names it; when no quartier can be "
            "tested the run stops with an error.\n"
            "Permutations: 999 by default; the seed makes a run repeatable. Alpha: the significance level. FDR: "
            "Benjamini–Hochberg correction of the p-values for the many quartiers tested at once.\n\n"
            "Output: the input's quartiers and fields plus hs_z (Gi*: its z-score; local Moran: the local I "
            "standardised under conditional randomisation), hs_p (the pseudo p-value, Benjamini–Hochberg adjusted "
            "with FDR) and hs_class: 'hot spot', 'cold spot' or 'not significant' for Gi*; 'HH', 'LL' (clusters), "
            "'HL', 'LH' (outliers: high among low, low among high) or 'not significant' for local Moran. All three "
            "are NULL where no result could be computed. Existing fields of these names are replaced. The output "
            "is loaded with one colour per class."
        )

    def initAlgorithm(self, config=None):
        self.add_quartiers(self.INPUT, tr("Quartiers (polygons)"),
                           tr("Quartier polygons with the values to analyse, e.g. the output of 'Calculate "
                              "indicators'."),
                           tr("Quartier id; names the quartiers left out in the log."))
        self._add(field_parameter(self.FIELD, tr("Value field"), self.INPUT, numeric=True, optional=True),
                  tr("The values to analyse (e.g. an indicator A1). Leave empty to use numerator and "
                     "denominator."))
        self._add(field_parameter(self.NUMERATOR, tr("Numerator field (EB rates)"), self.INPUT, numeric=True,
                                  optional=True),
                  tr("Cases (e.g. A1_num): with the denominator, empirical-Bayes standardised rates are analysed."))
        self._add(field_parameter(self.DENOMINATOR, tr("Denominator field (EB rates)"), self.INPUT, numeric=True,
                                  optional=True),
                  tr("Population at risk (e.g. A1_den)."))
        self._add(QgsProcessingParameterEnum(self.METHOD, tr("Method"), options=[
            tr("Hot spots (Getis–Ord Gi*)"), tr("Clusters and outliers (local Moran's I)")], defaultValue=0),
            tr("Gi*: hot and cold spots; local Moran's I: clusters (HH, LL) and outliers (HL, LH)."))
        self._add(QgsProcessingParameterEnum(self.WEIGHTS, tr("Neighbours"), options=[
            tr("Queen contiguity"), tr("Rook contiguity"), tr("K nearest neighbours"), tr("Distance band")],
            defaultValue=0),
            tr("Queen: quartiers with a common border point; rook: a common border segment; K nearest or within "
               "the distance: by the quartiers' centroids."))
        self._add(QgsProcessingParameterNumber(self.K, tr("K (nearest neighbours)"), NUMBER_INTEGER, 6, minValue=1),
                  tr("Number of nearest neighbours (with K nearest neighbours)."), advanced=True)
        self._add(set_decimals(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance band (layer units)"), NUMBER_DOUBLE, 1000.0, minValue=0.0), 0),
            tr("Centroids within this distance are neighbours (with the distance band; in the layer's units, "
               "e.g. metres)."), advanced=True)
        self._add(QgsProcessingParameterNumber(self.PERMUTATIONS, tr("Permutations"), NUMBER_INTEGER, 999,
                                               minValue=99, maxValue=99999),
                  tr("Random permutations for the pseudo p-values (the smallest possible p is 1 / (permutations "
                     "+ 1))."), advanced=True)
        self._add(QgsProcessingParameterNumber(self.SEED, tr("Random seed"), NUMBER_INTEGER, 12345, minValue=0),
                  tr("The same seed gives the same p-values."), advanced=True)
        self._add(QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level (alpha)"), NUMBER_DOUBLE, 0.05, minValue=0.01, maxValue=0.5),
            tr("A quartier is significant where hs_p is at most alpha (0.01 to 0.5)."))
        self._add(QgsProcessingParameterBoolean(self.FDR, tr("Correct for multiple testing (FDR)"), False),
                  tr("Benjamini–Hochberg: controls the share of false discoveries among the significant "
                     "quartiers; fewer quartiers are significant."))
        self.add_output(tr("Hot spots"), tr("The quartiers with hs_z, hs_p and hs_class."))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        source = self.required_source(parameters, self.INPUT, context)
        name = source.sourceName()
        require_geometry(source, GEOMETRY_POLYGON, name, self.INPUT)
        run = self._settings(parameters, context, source)

        steps.setCurrentStep(0)
        quartiers = read_quartiers(source, run["qid"], steps)
        if not quartiers["ids"]:
            raise empty_layer(name, self.INPUT)
        for qid, reason in quartiers["invalid"]:
            steps.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired.").format(qid, reason))
        values = self._values(quartiers, run, steps)

        steps.setCurrentStep(1)
        self.check_canceled(feedback)
        neighbours_of, centroids = self._neighbours(quartiers, run)
        try:
            result = hs.hotspots(values, neighbours_of, run["method"], run["permutations"], run["seed"],
                                 run["alpha"], run["fdr"], progress=lambda f: self._progress(steps, f))
        except hs.HotspotError as error:
            text = error_text(error, name, run["field_label"], self._weights_text(run))
            if error.key == "no_neighbours" and run["weights"] == hs.DISTANCE:
                text += " " + tr("The nearest centroids are {nearest:.0f} apart: choose a distance band of at "
                                 "least that.").format(nearest=self._nearest(centroids, np.isfinite(values)))
            raise QgsProcessingException(text) from error
        everyone = set(result.all_neighbours)
        alone = [i for i in result.islands if i not in everyone]
        if alone:
            steps.pushWarning(tr("{n} quartiers have no neighbour among the quartiers analysed and get no result: "
                                 "{ex}.").format(n=len(alone), ex=examples([quartiers["ids"][i] for i in alone])))
        if everyone:
            steps.pushWarning(tr("{n} quartiers neighbour every other quartier analysed, so they cannot be "
                                 "compared with their surroundings and get no result: {ex}.").format(
                n=len(everyone), ex=examples([quartiers["ids"][i] for i in sorted(everyone)])))

        steps.setCurrentStep(2)
        extra = QgsFields()
        for field, kind in OUTPUT_FIELDS:
            extra.append(QgsField(field, kind))
        fields, positions, replaced = output_fields(source.fields(), extra)
        if replaced:
            steps.pushInfo(tr("Fields replaced by the new results: {}.").format(", ".join(replaced)))
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        columns = [[None if not np.isfinite(v) else float(v) for v in result.z],
                   [None if not np.isfinite(v) else float(v) for v in result.p], list(result.classes)]
        content = LayerContent(source, layer, whole_layer(parameters, self.INPUT, layer, source),
                               quartiers["fids"], fields, columns, "source", source.wkbType(), source.sourceCrs(),
                               positions=positions)
        with OutputSet() as written:
            dest_id = written.add(write_vector_output(self, parameters, self.OUTPUT, context, feedback, content,
                                                      tr("Hot spots"), steps))
        self.style_output(context, dict(run, dest_id=dest_id, language=current_language()))
        counts = Counter(c for c in result.classes if c is not None)
        steps.pushInfo(tr("Classes: {}.").format(", ".join("{} {}".format(c, counts.get(c, 0))
                                                           for c in hs.CLASSES[run["method"]])))
        return {self.OUTPUT: dest_id}

    def _settings(self, parameters, context, source):
        """The parameters, checked: field names as the layer spells them, the method and the weights."""
        def optional_field(param):
            value = self.field_name(parameters, param, context)
            return field_name(source, value, param) if value else ""

        run = {"layer": source.sourceName(),
               "qid": field_name(source, self.field_name(parameters, self.QUARTIER_ID, context), self.QUARTIER_ID),
               "field": optional_field(self.FIELD), "numerator": optional_field(self.NUMERATOR),
               "denominator": optional_field(self.DENOMINATOR)}
        if bool(run["numerator"]) != bool(run["denominator"]):
            raise QgsProcessingException(tr("Give both the numerator and the denominator field (EB rates), or a "
                                            "value field."))
        if run["field"] and run["numerator"]:
            raise QgsProcessingException(tr("Give either a value field or numerator and denominator, not both."))
        if not run["field"] and not run["numerator"]:
            raise QgsProcessingException(tr("Choose a value field, or a numerator and a denominator field."))
        for param in ("field", "numerator", "denominator"):
            if run[param] and not source.fields().field(run[param]).isNumeric():
                raise QgsProcessingException(tr("Layer '{layer}': field '{field}' is not numeric.").format(
                    layer=source.sourceName(), field=run[param]))
        run.update(
            method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            weights=WEIGHTS[self.parameterAsEnum(parameters, self.WEIGHTS, context)],
            k=self.parameterAsInt(parameters, self.K, context),
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            permutations=self.parameterAsInt(parameters, self.PERMUTATIONS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            alpha=self.parameterAsDouble(parameters, self.ALPHA, context),
            fdr=self.parameterAsBool(parameters, self.FDR, context))
        if run["weights"] == hs.DISTANCE and source.sourceCrs().isGeographic():
            raise QgsProcessingException(tr(
                "Layer '{layer}' is in a geographic CRS ({crs}): a distance band needs a projected CRS. Reproject "
                "the layer first (e.g. to EPSG:25832) or choose other neighbours.").format(
                    layer=source.sourceName(), crs=source.sourceCrs().authid()))
        run["field_label"] = run["field"] or "{} / {}".format(run["numerator"], run["denominator"])
        return run

    def _values(self, quartiers, run, feedback):
        """The values analysed (NaN: left out; suppressed values never used), with the log lines."""
        names = [run[p] for p in ("field", "numerator", "denominator") if run[p]]
        columns = list(dict.fromkeys(names + [n + "_flag" for n in names] +
                                     [n.rsplit("_", 1)[0] + "_flag" for n in names]))
        present = [c for c in columns if quartiers["features"][0].fields().indexOf(c) >= 0]
        table = pd.DataFrame([[plain_value(f[c]) for c in present] for f in quartiers["features"]],
                             columns=present, dtype=object)
        frame = published_only(number_frame(table, names), table, names)
        no_geometry = np.array([not rings for rings in quartiers["rings"]])
        if run["field"]:
            values, left = hs.analysis_values(field=np.where(no_geometry, np.nan, frame[run["field"]]))
        else:
            values, left = hs.analysis_values(numerator=np.where(no_geometry, np.nan, frame[run["numerator"]]),
                                              denominator=frame[run["denominator"]])
        ids = quartiers["ids"]
        if left["no_value"]:
            feedback.pushWarning(tr("{n} quartiers without a value (NULL, suppressed or no geometry) are left out: "
                                    "{ex}.").format(n=len(left["no_value"]),
                                                    ex=examples([ids[i] for i in left["no_value"]])))
        if left["bad_denominator"]:
            feedback.pushWarning(tr("{n} quartiers with a denominator of 0 or less (or a negative numerator) are "
                                    "left out: {ex}.").format(n=len(left["bad_denominator"]),
                                                             ex=examples([ids[i] for i in left["bad_denominator"]])))
        if left["numerator_over"]:
            feedback.pushWarning(tr("Layer '{layer}': in {n} quartiers the numerator '{numerator}' is greater than "
                                    "the denominator '{denominator}': analysed as a rate (right for a ratio such as "
                                    "the ageing index; for a share it is a data error): {ex}.").format(
                layer=run["layer"], n=len(left["numerator_over"]), numerator=run["numerator"],
                denominator=run["denominator"], ex=examples([ids[i] for i in left["numerator_over"]])))
        return values

    @staticmethod
    def _weights_text(run):
        """The neighbours chosen, as the parameter's options read (with K or the distance)."""
        return {hs.QUEEN: tr("queen contiguity"), hs.ROOK: tr("rook contiguity"),
                hs.KNN: tr("{k} nearest neighbours").format(k=run["k"]),
                hs.DISTANCE: tr("distance band {distance:g}").format(distance=run["distance"])}[run["weights"]]

    @staticmethod
    def _nearest(centroids, mask):
        """The smallest distance between two centroids of the rows ``mask`` (NaN with fewer than 2)."""
        x, y = centroids[0][mask], centroids[1][mask]
        if len(x) < 2:
            return float("nan")
        nearest = hs.knn(x, y, 1)
        rows = np.repeat(np.arange(len(x)), nearest.cardinalities)
        d = np.hypot(x[rows] - x[nearest.indices], y[rows] - y[nearest.indices])
        return float(d.min()) if len(d) else 0.0

    @staticmethod
    def _neighbours(quartiers, run):
        """``neighbours_of(mask)`` for :func:`spatial.hotspots.hotspots`: the chosen weights among the rows kept;
        and the centroids (x, y; None with contiguity)."""
        if run["weights"] in (hs.QUEEN, hs.ROOK):
            rings = quartiers["rings"]
            return lambda mask: hs.contiguity([r for r, keep in zip(rings, mask) if keep],
                                              rook=run["weights"] == hs.ROOK), None
        points = []
        for geometry in quartiers["geometries"]:
            centre = geometry.centroid() if not geometry.isEmpty() else None
            point = centre.asPoint() if centre is not None and not centre.isEmpty() else None
            points.append((point.x(), point.y()) if point is not None else (np.nan, np.nan))
        x, y = np.array(points, dtype=float).reshape(-1, 2).T
        if run["weights"] == hs.KNN:
            return lambda mask: hs.knn(x[mask], y[mask], run["k"]), (x, y)
        return lambda mask: hs.distance_band(x[mask], y[mask], run["distance"]), (x, y)

    def _progress(self, steps, fraction):
        self.check_canceled(steps)
        steps.setProgress(100.0 * fraction)

    @staticmethod
    def style_layer(layer, settings, loaded=False):
        """One colour per class, quartiers without a result hatched; the loaded layer gets the title as name."""
        style_settings = dict(settings, field=settings["field_label"])
        style_hotspot_layer(layer, style_settings, settings["language"])
        if loaded:
            layer.setName(layer.metadata().title())
        return "hotspots"
