"""``quartiersmonitor:accessibility`` — places per 1,000 of demand with competition (E2SFCA), per quartier."""

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsUnitTypes,
    QgsVectorLayer,
)

from ...cartography.access_style import style_access_layer
from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    METERS,
    NUMBER_DOUBLE,
    SINK_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_STRING,
    WKB_POINT,
    plain_value,
)
from ...spatial import pip
from ...spatial.accessibility import (
    ADDRESS_FIELDS,
    DECAYS,
    NEED_SUPPLY_FIELD,
    PER,
    QUARTIER_FIELDS,
    NetworkCatchments,
    e2sfca,
    need_supply,
    quartier_access,
)
from ...spatial.coverage import category_masks, read_residents
from ...spatial.nearest import nearest, pairs_within
from ...storage.field_names import bounded_name
from ...translation import tr
from ..base import GROUP_ADDRESSES, LayerPostProcessor, QuartiersAlgorithm, default_field, set_decimals
from ..errors import empty_layer
from ..inputs import (
    border_tolerance,
    check_crs_pair,
    require_field,
    require_geometry,
    require_known_crs,
    source_name,
    whole_layer,
)
from ..network_input import log_network_join, network_parameter, network_source, read_network
from ..readers import python_values, read_points_with_attributes, read_quartiers
from ..vector_output import LayerContent, OutputSet, input_file, output_fields, write_vector_output


def positive_distance(distance, param):
    """``distance`` (metres) when it is greater than 0; else a clear error: a catchment of 0 m reaches nothing, and
    every figure would be a plausible-looking 0."""
    if not distance > 0:
        raise QgsProcessingException(tr(
            "The distance (parameter {param}) is {distance:g} m: nothing lies within it, every figure would be 0. "
            "Give a distance greater than 0.").format(param=param, distance=distance))
    return distance


class _AccessStyler(LayerPostProcessor):
    """Styles the loaded output: ``settings`` is True when it has need_supply."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer):
            style_access_layer(layer, need_supply=self.settings)


class AccessibilityAlgorithm(QuartiersAlgorithm):
    ALG_ID = "accessibility"
    GROUP_ID = GROUP_ADDRESSES

    OFFERINGS = "OFFERINGS"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    ADDRESSES = "ADDRESSES"
    DEMAND_FIELD = "DEMAND_FIELD"
    NEED_FIELD = "NEED_FIELD"
    DISTANCE = "DISTANCE"
    DECAY = "DECAY"
    NETWORK = "NETWORK"
    ADDRESS_OUTPUT = "ADDRESS_OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Accessibility with competition (places per 1,000)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "How many places of the offerings (e.g. Kita places) the demand of each quartier (e.g. children under "
            "6) can reach, counting the competition of everyone else who reaches the same offerings: the enhanced "
            "two-step floating catchment area method (E2SFCA, Luo & Qi 2009).\n\n"
            "Step 1: each offering's capacity (CAPACITY_FIELD; empty: 1 per offering) is divided by the demand "
            "(DEMAND_FIELD of the addresses; empty: 1 per address) within its catchment DISTANCE, each weighted by "
            "the distance decay. Step 2: each address sums these ratios over the offerings it reaches, weighted "
            "the same way. Decay: none (weight 1 within DISTANCE), linear (1 − d/DISTANCE) or gaussian "
            "((exp(−½(d/DISTANCE)²) − exp(−½)) / (1 − exp(−½)), Dai 2010); 0 beyond DISTANCE. Distances are "
            "straight lines in the quartier layer's CRS, or along the NETWORK when given (paths and roads; points "
            "are joined to the nearest segment and the straight connection counts, as in 'Offerings per quartier "
            "and coverage').\n\n"
            "Output per quartier: access_index (places per 1,000 of demand: the demand-weighted mean of its "
            "addresses' accessibility; an address that reaches nothing counts with 0; NULL without demand), demand "
            "(of its addresses) and supply_reached (the places allotted to its demand; the quartiers' sum is the "
            "capacity of the offerings that reach any demand). With NEED_FIELD (a number field of the quartiers, "
            "e.g. A2 of the indicator layer) need_supply classes every quartier with both values: need is high "
            "above the median need, supply is high above the median access_index (both medians over these "
            "quartiers; a value equal to the median counts as low): 'high need–low supply', 'high need–high "
            "supply', 'low need–low supply', 'low need–high supply'. The loaded output is styled by need_supply, "
            "else by access_index.\n\n"
            "With a category field the offerings of each category compete among themselves as well: "
            "access_index_<category> and supply_reached_<category> (category names as n_<category> of the coverage "
            "algorithm) are computed from that category's offerings alone, while the overall figures take all "
            "offerings as one supply. The optional address output holds each address with quartier_id, access "
            "(places per 1,000 of demand), access_<category>, nearest_distance_m (to the nearest offering, without "
            "limit; NULL when none is reached) and, with a network, access_m (the connection to the network). "
            "Capacities and demands that are no number, negative or empty count as 0 and are reported in the log. "
            "Addresses outside every quartier compete for the places as well but are left out of the quartier "
            "figures."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add(QgsProcessingParameterFeatureSource(self.OFFERINGS, tr("Offerings (points)"), [SOURCE_POINT]))
        self._add(QgsProcessingParameterField(
            self.CAPACITY_FIELD, tr("Capacity field (empty: 1 per offering)"), parentLayerParameterName=self.OFFERINGS,
            type=FIELD_NUMERIC, optional=True))
        self._add(QgsProcessingParameterField(
            self.CATEGORY_FIELD, tr("Category field (figures per category)"), parentLayerParameterName=self.OFFERINGS,
            optional=True))
        self._add(QgsProcessingParameterFeatureSource(self.ADDRESSES, tr("Addresses (points)"), [SOURCE_POINT]))
        self._add(QgsProcessingParameterField(
            self.DEMAND_FIELD, tr("Demand field (e.g. children under 6; empty: 1 per address)"),
            parentLayerParameterName=self.ADDRESSES, type=FIELD_NUMERIC, optional=True))
        self._add(QgsProcessingParameterFeatureSource(self.QUARTIERS, tr("Quartiers (polygons)"), [SOURCE_POLYGON]))
        self._add(QgsProcessingParameterField(self.QUARTIER_ID, tr("Quartier id field"),
                                              defaultValue=default_field(self.QUARTIER_ID),
                                              parentLayerParameterName=self.QUARTIERS))
        self._add(QgsProcessingParameterField(
            self.NEED_FIELD, tr("Need field of the quartiers (optional, e.g. A2)"),
            parentLayerParameterName=self.QUARTIERS, type=FIELD_NUMERIC, optional=True))
        self._add(set_decimals(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Catchment distance (metres)"), NUMBER_DOUBLE, defaultValue=1000.0, minValue=0.0), 0))
        self._add(QgsProcessingParameterEnum(
            self.DECAY, tr("Distance decay"), options=[tr("none"), tr("linear"), tr("gaussian")], defaultValue=2))
        self._add(network_parameter(self.NETWORK))
        self._add(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Accessibility per quartier"), SINK_POLYGON))
        self._add(QgsProcessingParameterFeatureSink(
            self.ADDRESS_OUTPUT, tr("Addresses with accessibility"), SOURCE_POINT, optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        inputs = self._inputs(parameters, context)
        crs = inputs["quartiers"].sourceCrs()
        q_read = read_quartiers(inputs["quartiers"], inputs["id_name"], feedback)
        if not q_read["ids"]:
            raise empty_layer(inputs["q_label"], self.QUARTIERS)
        for qid, reason in q_read["invalid"]:
            feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired.").format(qid, reason))
        for qid in q_read["empty"]:
            feedback.pushWarning(tr("Quartier “{}” has no geometry; no address can fall into it.").format(qid))
        polygons, nq = (q_read["rings"], q_read["ids"]), len(q_read["ids"])
        steps.setCurrentStep(1)
        off = self._read_points(parameters, self.OFFERINGS, inputs["offerings"], crs, context, steps,
                                [inputs["cap_name"], inputs["cat_name"]])
        want_addresses = parameters.get(self.ADDRESS_OUTPUT) not in (None, "")
        addr = self._read_points(parameters, self.ADDRESSES, inputs["addresses"], crs, context, steps,
                                 [inputs["dem_name"]], all_fields=want_addresses)
        self.check_canceled(feedback)
        capacity = self._numbers(off, inputs["cap_name"], inputs["off_label"], feedback)
        demand = self._numbers(addr, inputs["dem_name"], inputs["addr_label"], feedback)
        no_geometry = int((~(np.isfinite(addr["x"]) & np.isfinite(addr["y"]))).sum())
        if no_geometry:
            feedback.pushWarning(tr("Layer '{}': {} address(es) without geometry are left out.").format(
                inputs["addr_label"], no_geometry))
        if no_geometry == len(addr["x"]):
            feedback.pushWarning(tr("Layer “{}” holds no address with a location: there is no demand, and the index "
                                    "is NULL in every quartier.").format(inputs["addr_label"]))
        addr["group"], _status, _n = pip.assign_by_id(addr["x"], addr["y"], *polygons, tolerance=addr["tolerance"],
                                                       progress=lambda _f: self.check_canceled(feedback))
        o_valid = np.isfinite(off["x"]) & np.isfinite(off["y"])
        if o_valid.any() and not o_valid.all():
            feedback.pushWarning(tr("Layer '{}': {} offering(s) without geometry are left out.").format(
                inputs["off_label"], int((~o_valid).sum())))
        if not o_valid.any():
            feedback.pushWarning(tr("Layer “{}” holds no offering with a location: every accessibility is 0.").format(
                inputs["off_label"]))
        steps.setCurrentStep(2)
        searches = [(None, np.ones(len(off["x"]), dtype=bool))]
        if inputs["cat_name"]:
            values = python_values(off["table"][inputs["cat_name"]],
                                   inputs["offerings"].fields().field(inputs["cat_name"]))
            taken = {name.lower() for name in QUARTIER_FIELDS + (NEED_SUPPLY_FIELD,)}
            address_taken = {name.lower() for name in ADDRESS_FIELDS + ("access_m",)}
            for value, name, mask in category_masks(values):
                if value is not None:
                    slug = name[2:]
                    searches.append(((value, bounded_name("access_index_", slug, taken),
                                      bounded_name("supply_reached_", slug, taken),
                                      bounded_name("access_", slug, address_taken)), mask))
        results = self._accessibility(inputs, context, addr, off, capacity, demand, searches, nq, steps)
        steps.setCurrentStep(4)
        need_classes = None
        if inputs["need_name"]:
            need = [plain_value(f[inputs["need_name"]]) for f in q_read["features"]]
            need_classes, m_need, m_idx = need_supply(
                [v if isinstance(v, (int, float)) and not isinstance(v, bool) else None for v in need],
                results[0]["quartiers"]["access_index"])
            if m_need is not None:
                feedback.pushInfo(tr("Medians: need {:.2f}, access index {:.2f} places per 1,000.").format(
                    m_need, m_idx))
        outputs = {}
        with OutputSet() as written:
            outputs[self.OUTPUT] = written.add(write_vector_output(
                self, parameters, self.OUTPUT, context, feedback,
                self._quartier_content(inputs, q_read, searches, results, need_classes, crs),
                tr("Accessibility per quartier")))
            if want_addresses:
                outputs[self.ADDRESS_OUTPUT] = written.add(write_vector_output(
                    self, parameters, self.ADDRESS_OUTPUT, context, feedback,
                    self._address_content(inputs, addr, q_read["ids"], searches, results, crs),
                    tr("Addresses with accessibility")))
        if context.willLoadLayerOnCompletion(outputs[self.OUTPUT]):
            context.layerToLoadOnCompletionDetails(outputs[self.OUTPUT]).setPostProcessor(
                _AccessStyler.create(need_classes is not None))
        total = results[0]["quartiers"]
        feedback.pushInfo(tr("{:.0f} of the demand in the quartiers reaches {:.1f} places ({:.1f} per 1,000).").format(
            float(total["demand"].sum()), float(total["supply_reached"].sum()),
            PER * float(total["supply_reached"].sum()) / float(total["demand"].sum())
            if total["demand"].sum() > 0 else 0.0))
        steps.setCurrentStep(5)
        return outputs

    # -- steps --------------------------------------------------------------------------------------------------
    def _inputs(self, parameters, context):
        offerings = self.required_source(parameters, self.OFFERINGS, context)
        addresses = self.required_source(parameters, self.ADDRESSES, context)
        quartiers = self.required_source(parameters, self.QUARTIERS, context)
        labels = {name: source_name(parameters, name, source) for name, source in (
            (self.OFFERINGS, offerings), (self.ADDRESSES, addresses), (self.QUARTIERS, quartiers))}
        require_geometry(offerings, GEOMETRY_POINT, labels[self.OFFERINGS], self.OFFERINGS)
        require_geometry(addresses, GEOMETRY_POINT, labels[self.ADDRESSES], self.ADDRESSES)
        require_geometry(quartiers, GEOMETRY_POLYGON, labels[self.QUARTIERS], self.QUARTIERS)

        def named(param, source, label):
            field = self.field_name(parameters, param, context)
            if not field:
                return ""
            return source.fields().at(require_field(source, field, label, param)).name()

        require_known_crs(quartiers, labels[self.QUARTIERS], tr("distances in metres"))
        crs = quartiers.sourceCrs()
        if crs.isGeographic():
            raise QgsProcessingException(
                tr("The quartier layer '{}' is in a geographic CRS ({}): distances in metres need a projected CRS. "
                   "Reproject the quartiers first (e.g. to EPSG:25832).").format(labels[self.QUARTIERS], crs.authid()))
        check_crs_pair(offerings, quartiers, labels[self.OFFERINGS], labels[self.QUARTIERS])
        check_crs_pair(addresses, quartiers, labels[self.ADDRESSES], labels[self.QUARTIERS])
        network, net_label = network_source(self, parameters, self.NETWORK, context, quartiers,
                                            labels[self.QUARTIERS])
        return {
            "offerings": offerings, "addresses": addresses, "quartiers": quartiers, "network": network,
            "off_label": labels[self.OFFERINGS], "addr_label": labels[self.ADDRESSES],
            "q_label": labels[self.QUARTIERS], "net_label": net_label,
            "id_name": named(self.QUARTIER_ID, quartiers, labels[self.QUARTIERS]),
            "need_name": named(self.NEED_FIELD, quartiers, labels[self.QUARTIERS]),
            "cap_name": named(self.CAPACITY_FIELD, offerings, labels[self.OFFERINGS]),
            "cat_name": named(self.CATEGORY_FIELD, offerings, labels[self.OFFERINGS]),
            "dem_name": named(self.DEMAND_FIELD, addresses, labels[self.ADDRESSES]),
            "distance": positive_distance(self.parameterAsDouble(parameters, self.DISTANCE, context), self.DISTANCE),
            "decay": DECAYS[self.parameterAsEnum(parameters, self.DECAY, context)],
            "to_metres": QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), METERS),
        }

    def _read_points(self, parameters, name, source, crs, context, feedback, field_names, all_fields=False):
        """x, y (NaN without geometry) in ``crs``, the fields ``field_names`` (empty names left out) as a table, and
        what the address output needs (the layer, whether it is whole, every field when GDAL does not copy them)."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        whole = whole_layer(parameters, name, layer, source)
        copyable = input_file(source, layer, whole) is not None
        names = [n for n in field_names if n]
        if all_fields and not copyable:
            names = list(dict.fromkeys(source.fields().names() + names))
        fids, x, y, _n, table = read_points_with_attributes(source, crs, context, names, feedback, layer=layer,
                                                            whole=whole)
        return {"fids": fids, "x": x, "y": y, "table": table, "layer": layer, "whole": whole, "source": source,
                "tolerance": border_tolerance(source.sourceCrs(), crs)}

    @staticmethod
    def _numbers(points, field, label, feedback):
        """Capacity or demand per point (1 each without a field; unusable values 0, reported)."""
        if not field:
            return np.ones(len(points["x"]))
        values, bad, comma = read_residents(python_values(points["table"][field],
                                                          points["source"].fields().field(field)))
        if comma:
            feedback.pushWarning(
                tr("Layer '{}', field '{}' is text: {} value(s) were read with a decimal comma (e.g. row {}: "
                   "'{}' as {}).").format(label, field, len(comma), comma[0][0] + 1, comma[0][1],
                                          values[comma[0][0]]))
        if bad:
            feedback.pushWarning(tr("Layer “{}”, field “{}”: {} value(s) are no usable number (e.g. row {}: “{}”) "
                                    "and count as 0.").format(label, field, len(bad), bad[0][0] + 1, bad[0][1]))
        return values

    def _accessibility(self, inputs, context, addr, off, capacity, demand, searches, nq, feedback):
        """For each search (all offerings, then each category): the addresses' accessibility (per unit of demand),
        their distance to the nearest offering (metres) and the quartier figures."""
        to_m, distance = inputs["to_metres"], inputs["distance"]
        catch = None
        if inputs["network"] is not None:
            net = read_network(inputs["network"], inputs["net_label"], self.NETWORK, inputs["quartiers"].sourceCrs(),
                               to_m, context)
            catch = NetworkCatchments(net, (addr["x"], addr["y"]), (off["x"], off["y"]),
                                      snap_progress=lambda _f: self.check_canceled(feedback))
            addr["access_m"] = catch.p_join[2] * to_m
            log_network_join(feedback, inputs["net_label"], tr("address(es)"), addr["access_m"])
            log_network_join(feedback, inputs["net_label"], tr("offering(s)"), catch.o_join[2] * to_m)
        feedback.setCurrentStep(3)
        if catch is not None:
            k, i, d = catch.pairs(distance / to_m, progress=lambda _f: self.check_canceled(feedback))
        else:
            k, i, d = pairs_within(off["x"], off["y"], addr["x"], addr["y"], distance / to_m)
        d = d * to_m
        results = []
        for _names, mask in searches:
            keep = mask[k]
            _ratio, access = e2sfca(k[keep], i[keep], d[keep], np.where(mask, capacity, 0.0), demand, distance,
                                    inputs["decay"])
            access = np.where(np.isfinite(addr["x"]) & np.isfinite(addr["y"]), access, np.nan)
            if catch is not None:
                near = catch.nearest(mask) * to_m
            else:
                near = nearest(addr["x"], addr["y"], off["x"][mask], off["y"][mask],
                               progress=lambda _f: self.check_canceled(feedback))[0] * to_m
            results.append({"access": access, "nearest": near,
                            "quartiers": quartier_access(addr["group"], demand, access, nq)})
        if catch is not None:
            unreached = int((np.isinf(results[0]["nearest"]) & (addr["group"] >= 0)).sum())
            if unreached and np.isfinite(catch.o_join[2]).any():
                feedback.pushWarning(
                    tr("{} address(es) reach no offering over the network “{}” (a separate part of it): accessibility "
                       "0, no distance (NULL).").format(unreached, inputs["net_label"]))
        return results

    @staticmethod
    def _quartier_content(inputs, q_read, searches, results, need_classes, crs):
        quartiers = inputs["quartiers"]
        extra = QgsFields()
        columns = []

        def numbers(values):
            return [float(v) if np.isfinite(v) else None for v in np.asarray(values, dtype=float).tolist()]

        for name in QUARTIER_FIELDS:
            extra.append(QgsField(name, T_DOUBLE))
            columns.append(numbers(results[0]["quartiers"][name]))
        if need_classes is not None:
            extra.append(QgsField(NEED_SUPPLY_FIELD, T_STRING))
            columns.append(need_classes)
        for (names, _mask), result in zip(searches[1:], results[1:]):
            for field, key in ((names[1], "access_index"), (names[2], "supply_reached")):
                extra.append(QgsField(field, T_DOUBLE))
                columns.append(numbers(result["quartiers"][key]))
        return LayerContent(quartiers, None, False, [f.id() for f in q_read["features"]],
                            QgsProcessingUtils.combineFields(quartiers.fields(), extra), columns, "source",
                            quartiers.wkbType(), crs)

    @staticmethod
    def _address_content(inputs, addr, quartier_ids, searches, results, crs):
        def numbers(values, factor=1.0):
            return [float(v) * factor if np.isfinite(v) else None for v in np.asarray(values, dtype=float).tolist()]

        ids = np.asarray(list(quartier_ids) + [None], dtype=object)
        group = addr["group"]
        extra = QgsFields()
        for name, kind in zip(ADDRESS_FIELDS, (T_STRING, T_DOUBLE, T_DOUBLE)):
            extra.append(QgsField(name, kind))
        columns = [ids[np.where(group >= 0, group, len(quartier_ids))].tolist(),
                   numbers(results[0]["access"], PER), numbers(results[0]["nearest"])]
        for (names, _mask), result in zip(searches[1:], results[1:]):
            extra.append(QgsField(names[3], T_DOUBLE))
            columns.append(numbers(result["access"], PER))
        if "access_m" in addr:
            extra.append(QgsField("access_m", T_DOUBLE))
            columns.append(numbers(addr["access_m"]))
        fields, positions, _replaced = output_fields(inputs["addresses"].fields(), extra)
        return LayerContent(inputs["addresses"], addr["layer"], addr["whole"], addr["fids"], fields, columns,
                            ("points", addr["x"], addr["y"]), WKB_POINT, crs, table=addr["table"],
                            positions=positions)
