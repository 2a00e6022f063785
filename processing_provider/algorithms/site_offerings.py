"""``quartiersmonitor:siteofferings`` — where new offerings cover the most demand (maximal covering location)."""

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsUnitTypes,
    QgsVectorLayer,
)

from ...cartography.siting_style import style_siting_layer
from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    METERS,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_INT,
    T_STRING,
    plain_value,
)
from ...spatial import pip
from ...spatial import siting as st
from ...spatial.accessibility import NetworkCatchments
from ...spatial.coverage import read_residents
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
from ..outputs import write_text_file
from ..readers import python_values, read_points_with_attributes, read_quartiers
from ..vector_output import LayerContent, OutputSet, output_fields, write_vector_output
from .accessibility import positive_distance

NEW_FIELDS = ("rank", "gain", "covered_total")


class _SitingStyler(LayerPostProcessor):
    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer):
            style_siting_layer(layer)


class SiteOfferingsAlgorithm(QuartiersAlgorithm):
    ALG_ID = "siteofferings"
    GROUP_ID = GROUP_ADDRESSES

    CANDIDATES = "CANDIDATES"
    OFFERINGS = "OFFERINGS"
    ADDRESSES = "ADDRESSES"
    DEMAND_FIELD = "DEMAND_FIELD"
    NEED_FIELD = "NEED_FIELD"
    DISTANCE = "DISTANCE"
    NETWORK = "NETWORK"
    COUNT = "COUNT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Where to add offerings (maximal covering)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Chooses among possible sites (CANDIDATES, points) the COUNT sites for new offerings that bring the most "
            "demand within reach: the demand of the addresses (ADDRESSES, points; DEMAND_FIELD, e.g. children under "
            "6; empty: 1 per address) within DISTANCE metres (straight line, or along the NETWORK when given: paths "
            "and roads, points joined to the nearest segment with the straight connection counted, as in 'Offerings "
            "per quartier and coverage') of an existing offering (OFFERINGS, "
            "optional: kept, their coverage is counted before and never as gain) or of a chosen site is covered, "
            "and the covered demand is made as large as possible (maximal covering location problem, Church & "
            "ReVelle 1974).\n\n"
            "With QUARTIERS, QUARTIER_ID and NEED_FIELD (a number field of the quartiers, e.g. A2 of the indicator "
            "layer) the demand of every address is multiplied by the need of its quartier, so that sites in quartiers "
            "of high need count more; addresses outside every quartier or in a quartier without a need value then "
            "count 0 (reported in the log). Without NEED_FIELD the quartiers only give the output's quartier_id.\n\n"
            "Method: addresses reached by the same candidates are merged into one demand unit (no loss: the problem "
            "stays the same, only smaller); the greedy choice (at least 63 % of the optimum) is improved by swapping "
            "sites while coverage grows; a Lagrangian relaxation with subgradient optimisation gives an upper bound "
            "that no choice of sites can exceed; where scipy is installed the problem is then solved exactly as a "
            "mixed-integer program (HiGHS; the whole search stops after 15 seconds, keeping the best bound proven by "
            "then). The log and the report give the solution, the bound and the gap between them (0: proven "
            "optimal).\n\n"
            "Output: the chosen candidates (all their fields and geometry) with rank (1 = chosen first), gain (the "
            "demand it newly covers, in rank order: after the sites of better rank), covered_total (all demand "
            "covered after adding the sites up to this rank, existing offerings included) and, with QUARTIERS, "
            "quartier_id. When fewer sites than COUNT add any coverage only those are output (every reachable demand "
            "is then covered). Loaded as stars, larger for a better rank, labelled with the rank. REPORT (optional "
            "HTML): coverage before and after, the sites, greedy alone, solution, bound, gap and how the bound was "
            "proven.\n\n"
            "Demand values that are NULL or no number count as 0 (reported in the log); negative demand or need is "
            "an error. Layers in other CRSs are reprojected to the quartiers' CRS (without quartiers: the addresses' "
            "CRS), which must be projected (metres)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add(QgsProcessingParameterFeatureSource(self.CANDIDATES, tr("Candidate sites (points)"),
                                                      [SOURCE_POINT]), tr("The possible sites for new offerings."))
        self._add(QgsProcessingParameterFeatureSource(self.OFFERINGS, tr("Existing offerings (points, optional)"),
                                                      [SOURCE_POINT], optional=True),
                  tr("Offerings that stay: the demand they cover is covered already."))
        self._add(QgsProcessingParameterFeatureSource(self.ADDRESSES, tr("Addresses (points)"), [SOURCE_POINT]))
        self._add(QgsProcessingParameterField(
            self.DEMAND_FIELD, tr("Demand field (e.g. children under 6; empty: 1 per address)"),
            parentLayerParameterName=self.ADDRESSES, type=FIELD_NUMERIC, optional=True))
        self._add(QgsProcessingParameterFeatureSource(self.QUARTIERS, tr("Quartiers (polygons, optional)"),
                                                      [SOURCE_POLYGON], optional=True),
                  tr("Needed for the need field; gives the output's quartier_id."))
        self._add(QgsProcessingParameterField(self.QUARTIER_ID, tr("Quartier id field"),
                                              defaultValue=default_field(self.QUARTIER_ID),
                                              parentLayerParameterName=self.QUARTIERS, optional=True))
        self._add(QgsProcessingParameterField(
            self.NEED_FIELD, tr("Need field of the quartiers (optional, e.g. A2): weights the demand"),
            parentLayerParameterName=self.QUARTIERS, type=FIELD_NUMERIC, optional=True))
        self._add(set_decimals(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Coverage distance (metres)"), NUMBER_DOUBLE, defaultValue=1000.0, minValue=0.0), 0))
        self._add(network_parameter(self.NETWORK))
        self._add(QgsProcessingParameterNumber(self.COUNT, tr("Number of sites to add"), NUMBER_INTEGER,
                                               defaultValue=3, minValue=1))
        self._add(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Chosen sites"), SOURCE_POINT))
        self._add(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML)"), fileFilter=tr("HTML files (*.html)"), defaultValue=None, optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        inp = self._inputs(parameters, context)
        crs = inp["crs"]
        cand = self._read(parameters, self.CANDIDATES, inp["candidates"], crs, context, steps, [])
        if not len(cand["x"]):
            raise empty_layer(inp["labels"][self.CANDIDATES], self.CANDIDATES)
        if inp["count"] > len(cand["x"]):
            raise QgsProcessingException(tr(
                "{} sites to add, but layer “{}” (parameter CANDIDATES) holds only {} candidate(s).").format(
                    inp["count"], inp["labels"][self.CANDIDATES], len(cand["x"])))
        self._log_no_geometry(cand, tr("Layer '{}': {} candidate(s) without geometry are left out."),
                              inp["labels"][self.CANDIDATES], feedback)
        off = None
        if inp["offerings"] is not None:
            off = self._read(parameters, self.OFFERINGS, inp["offerings"], crs, context, steps, [])
            self._log_no_geometry(off, tr("Layer '{}': {} offering(s) without geometry are left out."),
                                  inp["labels"][self.OFFERINGS], feedback)
            if not (np.isfinite(off["x"]) & np.isfinite(off["y"])).any():
                feedback.pushWarning(tr("Layer '{}' (parameter OFFERINGS) holds no offering with a location: the "
                                        "sites are chosen as if there were no offering yet.").format(
                    inp["labels"][self.OFFERINGS]))
        steps.setCurrentStep(1)
        addr = self._read(parameters, self.ADDRESSES, inp["addresses"], crs, context, steps, [inp["demand_name"]])
        self._log_no_geometry(addr, tr("Layer '{}': {} address(es) without geometry are left out."),
                              inp["labels"][self.ADDRESSES], feedback)
        weights = self._demand(addr, inp, feedback)
        quartiers = self._quartiers(inp, addr, cand, feedback)
        if quartiers is not None and quartiers["need"] is not None:
            weights = st.demand_weights(weights, quartiers["need"])
        self.check_canceled(feedback)
        steps.setCurrentStep(2)
        units = self._units(inp, context, weights, addr, cand, off, feedback)
        solution = st.solve(units, inp["count"], progress=lambda f: (self.check_canceled(feedback),
                                                                      steps.setProgress(100.0 * f)))
        steps.setCurrentStep(3)
        self._log(solution, inp, feedback)
        outputs = {}
        with OutputSet() as written:
            outputs[self.OUTPUT] = written.add(write_vector_output(
                self, parameters, self.OUTPUT, context, feedback, self._content(inp, cand, solution, quartiers),
                tr("Chosen sites")))
            if parameters.get(self.REPORT) not in (None, ""):
                report = self.parameterAsFileOutput(parameters, self.REPORT, context)
                info = {"candidates": inp["labels"][self.CANDIDATES], "offerings": inp["labels"].get(self.OFFERINGS),
                        "addresses": inp["labels"][self.ADDRESSES], "distance": inp["distance"],
                        "count": inp["count"], "n_candidates": len(cand["x"]),
                        "n_offerings": 0 if off is None else len(off["x"]),
                        "labels": [tr("feature {}").format(int(cand["fids"][j])) for j in solution.sites],
                        "weighted": quartiers is not None and quartiers["need"] is not None}
                write_text_file(report, st.build_report(solution, info, tr))
                outputs[self.REPORT] = written.add(report)
        if context.willLoadLayerOnCompletion(outputs[self.OUTPUT]):
            context.layerToLoadOnCompletionDetails(outputs[self.OUTPUT]).setPostProcessor(_SitingStyler.create(None))
        steps.setCurrentStep(4)
        return outputs

    # -- steps --------------------------------------------------------------------------------------------------
    def _inputs(self, parameters, context):
        sources, labels = {}, {}
        for name, kind, optional in ((self.CANDIDATES, GEOMETRY_POINT, False), (self.OFFERINGS, GEOMETRY_POINT, True),
                                     (self.ADDRESSES, GEOMETRY_POINT, False),
                                     (self.QUARTIERS, GEOMETRY_POLYGON, True)):
            if optional and parameters.get(name) in (None, ""):
                sources[name] = None
                continue
            sources[name] = self.required_source(parameters, name, context)
            labels[name] = source_name(parameters, name, sources[name])
            require_geometry(sources[name], kind, labels[name], name)
        quartiers, addresses = sources[self.QUARTIERS], sources[self.ADDRESSES]
        base, base_label = (quartiers, labels[self.QUARTIERS]) if quartiers is not None else \
            (addresses, labels[self.ADDRESSES])
        require_known_crs(base, base_label, tr("distances in metres"))
        crs = base.sourceCrs()
        if crs.isGeographic():
            raise QgsProcessingException(tr(
                "Layer “{}” is in a geographic CRS ({}): distances in metres need a projected CRS. Reproject it "
                "first (e.g. to EPSG:25832).").format(base_label, crs.authid()))
        for name in (self.CANDIDATES, self.OFFERINGS, self.ADDRESSES):
            if sources[name] is not None and sources[name] is not base:
                check_crs_pair(sources[name], base, labels[name], base_label)

        def named(param, source, label):
            field = self.field_name(parameters, param, context)
            if not field or source is None:
                return ""
            return source.fields().at(require_field(source, field, label, param)).name()

        network, net_label = network_source(self, parameters, self.NETWORK, context, base, base_label)
        need_name = named(self.NEED_FIELD, quartiers, labels.get(self.QUARTIERS))
        if self.field_name(parameters, self.NEED_FIELD, context) and quartiers is None:
            raise QgsProcessingException(tr("A need field (NEED_FIELD) needs the quartier layer (QUARTIERS)."))
        return {
            "candidates": sources[self.CANDIDATES], "offerings": sources[self.OFFERINGS], "addresses": addresses,
            "quartiers": quartiers, "labels": labels, "crs": crs, "network": network, "net_label": net_label,
            "id_name": named(self.QUARTIER_ID, quartiers, labels.get(self.QUARTIERS)) if quartiers is not None else "",
            "need_name": need_name,
            "demand_name": named(self.DEMAND_FIELD, addresses, labels[self.ADDRESSES]),
            "distance": positive_distance(self.parameterAsDouble(parameters, self.DISTANCE, context), self.DISTANCE),
            "count": self.parameterAsInt(parameters, self.COUNT, context),
            "to_metres": QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), METERS),
        }

    def _units(self, inp, context, weights, addr, cand, off, feedback):
        """The demand units: straight-line pairs, or pairs along the network (candidates and offerings in one
        search)."""
        limit = inp["distance"] / inp["to_metres"]
        if inp["network"] is None:
            return st.straight_line_units(weights, (addr["x"], addr["y"]), (cand["x"], cand["y"]),
                                          None if off is None else (off["x"], off["y"]), limit)
        net = read_network(inp["network"], inp["net_label"], self.NETWORK, inp["crs"], inp["to_metres"], context)
        sx = cand["x"] if off is None else np.concatenate([cand["x"], off["x"]])
        sy = cand["y"] if off is None else np.concatenate([cand["y"], off["y"]])
        catch = NetworkCatchments(net, (addr["x"], addr["y"]), (sx, sy),
                                  snap_progress=lambda _f: self.check_canceled(feedback))
        log_network_join(feedback, inp["net_label"], tr("address(es)"), catch.p_join[2] * inp["to_metres"])
        log_network_join(feedback, inp["net_label"], tr("site(s)"), catch.o_join[2] * inp["to_metres"])
        k, i, _d = catch.pairs(limit, progress=lambda _f: self.check_canceled(feedback))
        return st.units_from_site_pairs(weights, k, i, len(cand["x"]))

    def _read(self, parameters, name, source, crs, context, feedback, field_names):
        layer = self.parameterAsVectorLayer(parameters, name, context)
        whole = whole_layer(parameters, name, layer, source)
        names = [n for n in field_names if n]
        fids, x, y, _n, table = read_points_with_attributes(source, crs, context, names, feedback, layer=layer,
                                                            whole=whole)
        self.check_canceled(feedback)
        return {"fids": fids, "x": x, "y": y, "table": table, "layer": layer, "whole": whole, "source": source,
                "tolerance": border_tolerance(source.sourceCrs(), crs)}

    @staticmethod
    def _log_no_geometry(points, text, label, feedback):
        """Warn with ``text`` (translated, {} layer and count) when points of the layer have no geometry."""
        missing = int((~(np.isfinite(points["x"]) & np.isfinite(points["y"]))).sum())
        if missing:
            feedback.pushWarning(text.format(label, missing))

    @staticmethod
    def _demand(addr, inp, feedback):
        """Demand per address (1 each without a field); NULL and text count 0 (logged), negative is an error."""
        field, label = inp["demand_name"], inp["labels"][SiteOfferingsAlgorithm.ADDRESSES]
        if not field:
            return np.ones(len(addr["x"]))
        values = python_values(addr["table"][field], addr["source"].fields().field(field))
        weights, bad, comma = read_residents(values)
        negative = [(row, v) for row, v in bad if isinstance(v, (int, float)) and not isinstance(v, bool) and v < 0]
        if negative:
            raise QgsProcessingException(tr(
                "Layer “{}”, field “{}” (parameter DEMAND_FIELD): {} negative demand value(s) (e.g. row {}: {}). "
                "Demand must be 0 or more.").format(label, field, len(negative), negative[0][0] + 1, negative[0][1]))
        if comma:
            feedback.pushWarning(
                tr("Layer '{}', field '{}' is text: {} value(s) were read with a decimal comma (e.g. row {}: "
                   "'{}' as {}).").format(label, field, len(comma), comma[0][0] + 1, comma[0][1],
                                          weights[comma[0][0]]))
        if bad:
            feedback.pushWarning(tr("Layer “{}”, field “{}”: {} value(s) are NULL or no number (e.g. row {}: “{}”) "
                                    "and count as 0.").format(label, field, len(bad), bad[0][0] + 1, bad[0][1]))
        return weights

    def _quartiers(self, inp, addr, cand, feedback):
        """The quartier of every address and candidate, and each address's need (None without a need field)."""
        if inp["quartiers"] is None:
            return None
        if not inp["id_name"]:
            raise QgsProcessingException(tr("Choose the quartier id field (QUARTIER_ID) of layer “{}”.").format(
                inp["labels"][self.QUARTIERS]))
        q = read_quartiers(inp["quartiers"], inp["id_name"], feedback)
        if not q["ids"]:
            raise empty_layer(inp["labels"][self.QUARTIERS], self.QUARTIERS)
        for qid, reason in q["invalid"]:
            feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired.").format(qid, reason))
        for qid in q["empty"]:
            feedback.pushWarning(tr("Quartier “{}” has no geometry; no address can fall into it.").format(qid))

        def groups(points):
            return pip.assign_by_id(points["x"], points["y"], q["rings"], q["ids"], tolerance=points["tolerance"],
                                    progress=lambda _f: self.check_canceled(feedback))[0]

        cand_group = groups(cand)
        need = None
        if inp["need_name"]:
            values = [plain_value(f[inp["need_name"]]) for f in q["features"]]
            q_need = np.array([float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan
                               for v in values])
            negative = np.flatnonzero(q_need < 0)
            if len(negative):
                raise QgsProcessingException(tr(
                    "Layer “{}”, field “{}” (parameter NEED_FIELD): quartier “{}” has the negative need {}. Need "
                    "must be 0 or more.").format(inp["labels"][self.QUARTIERS], inp["need_name"],
                                                 q["ids"][negative[0]], q_need[negative[0]]))
            a_group = groups(addr)
            need = np.where(a_group >= 0, q_need[np.maximum(a_group, 0)], np.nan)
            lost = int((~np.isfinite(need)).sum())
            if lost:
                feedback.pushWarning(tr("{} address(es) lie outside every quartier or in a quartier without a need "
                                        "value: their demand counts 0.").format(lost))
        return {"ids": q["ids"], "cand_group": cand_group, "need": need}

    @staticmethod
    def _log(solution, inp, feedback):
        units = solution.units
        feedback.pushInfo(tr("{} addresses merged into {} demand units; {:.1f} of {:.1f} demand covered before, "
                             "{:.1f} out of reach of every candidate.").format(
            units.n_addresses, units.n_units, units.covered_before, units.total, units.unreachable))
        feedback.pushInfo(tr("Greedy alone: {:.1f}. Best solution: {:.1f} newly covered; upper bound {:.1f}; gap "
                             "{:.1f} ({:.2f} %).").format(solution.greedy_value, solution.value, solution.bound,
                                                          solution.gap, 100.0 * solution.relative_gap))
        proofs = {st.METHOD_MILP: tr("The solution is proven optimal (mixed-integer program solved exactly)."),
                  st.METHOD_MILP_LIMIT: tr("The mixed-integer program stopped at its time limit: the bound is its "
                                           "dual bound."),
                  st.METHOD_LAGRANGIAN: tr("The bound is the Lagrangian bound (subgradient optimisation)."),
                  st.METHOD_TRIVIAL: tr("Every demand a candidate can reach is covered: the solution is optimal.")}
        feedback.pushInfo(proofs[solution.method])
        if len(solution.sites) < inp["count"]:
            feedback.pushWarning(tr("Only {} site(s) add coverage: the output holds fewer than {} sites.").format(
                len(solution.sites), inp["count"]))

    @staticmethod
    def _content(inp, cand, solution, quartiers):
        sites = solution.sites
        extra = QgsFields()
        for name, kind in zip(NEW_FIELDS, (T_INT, T_DOUBLE, T_DOUBLE)):
            extra.append(QgsField(name, kind))
        columns = [list(range(1, len(sites) + 1)), [float(g) for g in solution.gains],
                   [float(c) for c in solution.covered_total]]
        if quartiers is not None:
            extra.append(QgsField("quartier_id", T_STRING))
            ids = list(quartiers["ids"])
            columns.append([ids[g] if g >= 0 else None for g in quartiers["cand_group"][sites].tolist()])
        source = inp["candidates"]
        fields, positions, _replaced = output_fields(source.fields(), extra)
        return LayerContent(source, cand["layer"], cand["whole"], cand["fids"][sites], fields, columns, "source",
                            source.wkbType(), source.sourceCrs(), subset=True, positions=positions)
