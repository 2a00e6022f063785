"""``quartiersmonitor:aggregatecounts`` -- count records per quartier (and per group, age band, with weights)."""

import numpy as np
from qgis.core import (
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
    QgsWkbTypes,
)

from ...compat import (
    FAST_INSERT,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    T_DOUBLE,
    T_LONG,
    T_STRING,
    WKB_NO_GEOMETRY,
)
from ...spatial import aggregate, pip
from ...translation import tr
from ..base import FIELD_ANY, FIELD_NUMERIC, GROUP_ADDRESSES, SOURCE_ANY, SOURCE_POLYGON, QuartiersAlgorithm
from ..inputs import check_crs_pair, id_as_text, require_field, whole_layer
from ..readers import read_attribute_table, read_point_coordinates, read_quartiers

ASSIGNED_ID_FIELD = "quartier_id"  # the field assignaddresses writes


class AggregateCounts(QuartiersAlgorithm):
    ALG_ID = "aggregatecounts"
    GROUP_ID = GROUP_ADDRESSES

    INPUT = "INPUT"
    QUARTIERS = "QUARTIERS"
    QUARTIER_ID = "QUARTIER_ID"
    INPUT_ID_FIELD = "INPUT_ID_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    AGE_FIELD = "AGE_FIELD"
    AGE_BANDS = "AGE_BANDS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    OUTPUT = "OUTPUT"

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
            "counting records. Records without a quartier (outside, no geometry, NULL or unknown id) and without an "
            "age are counted in the log."
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
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = self._id_problem(parameters, context)
        return (False, problem) if problem else (True, "")

    def _id_problem(self, parameters, context):
        """QUARTIER_ID is optional only for a table without QUARTIERS that gives INPUT_ID_FIELD instead."""
        if self.parameterAsString(parameters, self.QUARTIER_ID, context):
            return None
        if parameters.get(self.QUARTIERS) not in (None, ""):
            return tr("Parameter QUARTIER_ID (the quartier id field) is missing.")
        if not self.parameterAsString(parameters, self.INPUT_ID_FIELD, context):
            return tr("Parameter QUARTIER_ID or INPUT_ID_FIELD (the quartier id field of the table INPUT) is "
                      "missing.")
        return None

    # -----------------------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        quartier_source = self.parameterAsSource(parameters, self.QUARTIERS, context) \
            if parameters.get(self.QUARTIERS) not in (None, "") else None
        problem = self._id_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        input_id_field = self.parameterAsString(parameters, self.INPUT_ID_FIELD, context) or None
        # the output's id column: named like QUARTIER_ID, or (table without QUARTIERS) like INPUT_ID_FIELD
        id_field = self.parameterAsString(parameters, self.QUARTIER_ID, context) or input_id_field
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        age_field = self.parameterAsString(parameters, self.AGE_FIELD, context) or None
        bands_text = self.parameterAsString(parameters, self.AGE_BANDS, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        in_name = source.sourceName()
        is_points = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POINT

        for name, param in ((group_field, "GROUP_FIELD"), (age_field, "AGE_FIELD"), (weight_field, "WEIGHT_FIELD"),
                            (input_id_field, "INPUT_ID_FIELD")):
            if name and source.fields().lookupField(name) < 0:
                raise QgsProcessingException(tr("Layer “{}” has no field “{}” (parameter {}).")
                                             .format(in_name, name, param))
        for name, param in ((age_field, "AGE_FIELD"), (weight_field, "WEIGHT_FIELD")):
            if name and not source.fields().field(name).isNumeric():
                raise QgsProcessingException(tr("Field “{}” of layer “{}” must be numeric (parameter {}).")
                                             .format(name, in_name, param))
        bands = None
        if age_field:
            try:
                bands = aggregate.parse_age_bands(bands_text)
            except aggregate.BandError as err:
                raise QgsProcessingException(tr("Parameter AGE_BANDS “{}” cannot be read: {}.")
                                             .format(bands_text, str(err))) from err

        # 1. quartiers --------------------------------------------------------------------------------------------
        steps.setCurrentStep(0)
        quartiers = None
        if quartier_source is not None:
            if QgsWkbTypes.geometryType(quartier_source.wkbType()) != GEOMETRY_POLYGON:
                raise QgsProcessingException(tr("Layer “{}” (quartiers) must hold polygons.")
                                             .format(quartier_source.sourceName()))
            require_field(quartier_source, id_field, quartier_source.sourceName(), self.QUARTIER_ID)
            quartiers = read_quartiers(quartier_source, id_field, steps)
            for qid, reason in quartiers["invalid"]:
                feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired.").format(qid, reason))
        self.check_canceled(feedback)

        # 2. a quartier id per record ------------------------------------------------------------------------------
        steps.setCurrentStep(1)
        in_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        whole = whole_layer(parameters, self.INPUT, in_layer, source)
        attribute_names = [f for f in (group_field, age_field, weight_field) if f]
        use_points = is_points and quartiers is not None
        table_id_field = None
        if not use_points:
            if input_id_field:
                table_id_field = input_id_field
            elif source.fields().lookupField(id_field) >= 0:
                table_id_field = id_field
            elif source.fields().lookupField(ASSIGNED_ID_FIELD) >= 0:
                table_id_field = ASSIGNED_ID_FIELD
                feedback.pushInfo(tr("Layer “{}” has no field “{}”; its field “{}” is used as quartier id.")
                                  .format(in_name, id_field, ASSIGNED_ID_FIELD))
            elif is_points:
                raise QgsProcessingException(
                    tr("Layer “{}” holds points but no QUARTIERS layer was given, and it has no quartier id field "
                       "“{}”.").format(in_name, id_field))
            else:
                raise QgsProcessingException(
                    tr("Table “{}” has no quartier id field “{}” (parameter QUARTIER_ID). Available fields: {}.")
                    .format(in_name, id_field, ", ".join(source.fields().names())))
            attribute_names.append(table_id_field)
        attribute_names = list(dict.fromkeys(attribute_names))
        table = read_attribute_table(source, attribute_names, steps, layer=in_layer, whole=whole) \
            if attribute_names else None

        if use_points:
            check_crs_pair(source, quartier_source)
            fids, px, py, _n = read_point_coordinates(source, quartiers["crs"], context, steps,
                                                      layer=in_layer, whole=whole)
            priority = sorted(range(len(quartiers["ids"])), key=lambda i: quartiers["ids"][i])
            steps.setCurrentStep(2)

            def progress(fraction):
                steps.setProgress(100.0 * fraction)
                self.check_canceled(feedback)

            sorted_index, status, _ni = pip.assign_points(
                px, py, pip.PolygonSet([quartiers["rings"][i] for i in priority]), progress=progress)
            order = np.asarray(priority, dtype=np.int64)
            ids_array = np.asarray(quartiers["ids"], dtype=object)
            record_ids = np.where(sorted_index >= 0, ids_array[order[np.maximum(sorted_index, 0)]], None)
            n_outside = int((status == pip.OUTSIDE).sum())
            n_no_geom = int((status == pip.NO_GEOMETRY).sum())
            if n_outside:
                feedback.pushWarning(tr("{} records lie outside every quartier and are not counted.")
                                     .format(n_outside))
            if n_no_geom:
                feedback.pushWarning(tr("{} records have no geometry and are not counted.").format(n_no_geom))
            if table is not None:
                import pandas as pd

                pos = pd.Index(table["fid"].to_numpy()).get_indexer(fids)
                table = table.iloc[pos].reset_index(drop=True)
        else:
            steps.setCurrentStep(2)
            record_ids = np.array([id_as_text(v) for v in table[table_id_field].tolist()], dtype=object)
        self.check_canceled(feedback)

        # 3. count ------------------------------------------------------------------------------------------------
        steps.setCurrentStep(3)
        if quartiers is not None:
            quartier_ids = list(quartiers["ids"])
        else:
            quartier_ids = sorted({r for r in record_ids.tolist() if r is not None})
        n_null, n_unknown, examples = aggregate.unmatched(quartier_ids, record_ids.tolist())
        if n_null and not use_points:
            feedback.pushWarning(tr("{} records have no quartier id and are not counted.").format(n_null))
        if n_unknown:
            sample_known = ", ".join("“{}”".format(q) for q in quartier_ids[:3])
            feedback.pushWarning(
                tr("{} records have a quartier id that is not in layer “{}” and are not counted, e.g. {} "
                   "(quartier ids look like {}).").format(
                    n_unknown, quartier_source.sourceName() if quartier_source else in_name,
                    ", ".join("“{}”".format(e) for e in examples), sample_known))

        groups, group_order = None, None
        if group_field:
            values = table[group_field].tolist()
            labels = [None if v is None or (isinstance(v, float) and np.isnan(v)) else id_as_text(v) for v in values]
            groups = np.array([aggregate.safe_column(v) if v is not None else None for v in labels], dtype=object)
            n_missing = sum(1 for v in labels if v is None)
            if n_missing:
                feedback.pushWarning(tr("{} records have no value in “{}”: counted in total only.")
                                     .format(n_missing, group_field))
        if bands is not None:
            age_labels = aggregate.band_labels(table[age_field].to_numpy(), bands)
            n_no_age = int(sum(1 for v in age_labels if v is None))
            if n_no_age:
                feedback.pushWarning(tr("{} records have no age in a band of “{}”: counted in total only.")
                                     .format(n_no_age, bands_text))
            band_order = [b[0] for b in bands]
            if groups is None:
                groups, group_order = age_labels, band_order
            else:
                combined = np.array([None if g is None or a is None else "{}_{}".format(g, a)
                                     for g, a in zip(groups.tolist(), age_labels.tolist())], dtype=object)
                present = sorted({g for g in groups.tolist() if g is not None})
                groups = combined
                group_order = ["{}_{}".format(g, a) for g in present for a in band_order]
        weights = table[weight_field].to_numpy() if weight_field else None
        if weights is not None:
            n_null_w = int(np.isnan(np.asarray(weights, dtype=np.float64)).sum())
            if n_null_w:
                feedback.pushWarning(tr("{} records have no weight in “{}” and count as 0.")
                                     .format(n_null_w, weight_field))
        counts = aggregate.count_table(quartier_ids, record_ids.tolist(), groups, weights, group_order)

        # 4. write ------------------------------------------------------------------------------------------------
        id_type_field = QgsField(id_field, T_STRING)
        value_type = T_DOUBLE if weight_field else T_LONG
        columns = aggregate.unique_columns(list(counts.columns), taken=[id_field])
        fields = QgsFields()
        fields.append(id_type_field)
        for name in columns:
            fields.append(QgsField(name, value_type))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        matrix = counts.to_numpy()
        for qid, row in zip(quartier_ids, matrix):
            feature = QgsFeature(fields)
            values = [float(v) for v in row] if weight_field else [int(v) for v in row]
            feature.setAttributes([qid] + values)
            features.append(feature)
        if not sink.addFeatures(features, FAST_INSERT):
            raise QgsProcessingException(tr("Could not write the OUTPUT table: {}").format(sink.lastError()))
        del sink
        n_counted = int(len(record_ids) - n_null - n_unknown)
        feedback.pushInfo(tr("{} records counted in {} quartiers.").format(n_counted, len(quartier_ids)))
        return {self.OUTPUT: dest_id, "N_COUNTED": n_counted, "N_WITHOUT_QUARTIER": int(n_null + n_unknown)}
