"""``quartiersmonitor:offeringcoverage`` — offerings per quartier and how well the residents are covered."""


import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsUnitTypes,
)

from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    METERS,
    NUMBER_DOUBLE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_INT,
    T_STRING,
    WKB_POINT,
)
from ...spatial import pip
from ...spatial.coverage import (
    ADDRESS_FIELDS,
    QUARTIER_FIELDS,
    address_columns,
    category_masks,
    category_measure_names,
    quartier_columns,
    read_residents,
)
from ...spatial.nearest import coverage_by_group, nearest
from ...spatial.network import ACCESS_LIMIT_M, network_distances
from ...translation import tr
from ..base import GROUP_ADDRESSES, QuartiersAlgorithm, default_field, set_decimals
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

_CHUNK = 10000
ACCESS_FIELD = "access_m"  # with a network: the address's straight connection to it, metres


class OfferingCoverageAlgorithm(QuartiersAlgorithm):
    ALG_ID = "offeringcoverage"
    GROUP_ID = GROUP_ADDRESSES

    OFFERINGS = "OFFERINGS"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    ADDRESSES = "ADDRESSES"
    POPULATION_FIELD = "POPULATION_FIELD"
    DISTANCE = "DISTANCE"
    WHITE_SPOT_SHARE = "WHITE_SPOT_SHARE"
    NETWORK = "NETWORK"
    ADDRESS_OUTPUT = "ADDRESS_OUTPUT"

    def displayName(self):
        return tr("Offerings per quartier and coverage")

    def shortHelpString(self):
        return tr(
            "Counts offerings (e.g. grocery stores, bus stops, counselling services) per quartier, overall and per "
            "category, and measures how far the residents live from the nearest one.\n\n"
            "For each address the straight-line distance to the nearest offering is computed in the quartier "
            "layer's CRS (metres; offerings outside the quartiers count too). Per quartier the output adds: "
            "n_offerings and n_<category>; pop_total (residents of its addresses); pop_far (residents farther than "
            "DISTANCE: the numerator of the catalog's W.1 with grocery stores at 500 m and W.2 with stops at "
            "300 m); offerings_per_1000 residents; share_within_distance (percent of residents within DISTANCE); "
            "median_distance_m (population-weighted median: the distance within which half of the residents "
            "live); white_spot (1 when the share is below the white spot threshold, else 0). Without addresses "
            "only the counts are filled.\n\n"
            "These overall figures use the nearest offering of any kind. With a category field every distance "
            "measure exists per category as well (the nearest offering of that category: how far to the next "
            "Kita?): pop_far_<category>, offerings_per_1000_<category>, share_within_distance_<category>, "
            "median_distance_m_<category> and white_spot_<category>, with the same <category> as n_<category> "
            "(lower case, umlauts spelled out, e.g. n_kita and pop_far_kita); they equal a run on that category's "
            "offerings alone. Offerings without a category count in n_no_category and in the overall figures "
            "only. Field names are cut to 63 characters and numbered (_2, _3 …) where needed.\n\n"
            "Addresses and offerings in another CRS are reprojected. The quartier layer needs a known projected CRS; "
            "a layer with an unknown CRS (e.g. GeoPackage's 'Undefined geographic SRS') is an error. Residents "
            "should be a number field; a text field is read with a decimal point or comma ('3,5' is 3.5, and the "
            "log says how many values were read so). Residents that are no number ('k.A.'), ambiguous ('1.234': "
            "decimal or thousands separator?), negative or empty count as 0 and are reported in the log. The "
            "optional "
            "address output holds each address with its quartier_id, nearest_distance_m and within_distance (and "
            "nearest_distance_m_<category> and within_distance_<category> for each category). An address field "
            "of one of these names (any case, or its 10-character shapefile cut when that stands for one of them "
            "only), e.g. from an earlier run, is replaced in its place, and the log says so."
        ) + "\n\n" + tr(
            "With a network (optional: a line layer of paths and roads, e.g. an OpenStreetMap extract, reprojected "
            "like the other inputs) every distance is measured along it instead of in a straight line: each "
            "address and each offering is joined to its nearest network segment by a straight connection, which "
            "counts as part of the distance; the log reports points more than {:.0f} m from the network. Lines "
            "are joined where they share a vertex (vertices within 1 cm are one); lines that cross without a "
            "shared vertex (bridges, tunnels) are not. nearest_distance_m is then the shortest distance along the "
            "network to the nearest offering (one shortest-path search from all offerings at once, per category), "
            "and the address output gets access_m, the length of the address's connection to the network. An "
            "address that reaches no offering over the network (a separate part of it) gets no distance (NULL), "
            "counts as farther than DISTANCE and is counted in the log."
        ).format(ACCESS_LIMIT_M)

    def initAlgorithm(self, config=None):
        self._add(
            QgsProcessingParameterFeatureSource(
                self.OFFERINGS, tr("Offerings (points)"), [SOURCE_POINT]
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD, tr("Category field (counts per category)"),
                parentLayerParameterName=self.OFFERINGS, optional=True,
            )
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.QUARTIERS, tr("Quartiers (polygons)"), [SOURCE_POLYGON]
            )
        )
        self._add(
            QgsProcessingParameterField(self.QUARTIER_ID, tr("Quartier id field"),
                                        defaultValue=default_field(self.QUARTIER_ID),
                                        parentLayerParameterName=self.QUARTIERS)
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.ADDRESSES, tr("Addresses with residents (points)"), [SOURCE_POINT],
                optional=True,
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.POPULATION_FIELD, tr("Residents field (empty: one resident per address)"),
                parentLayerParameterName=self.ADDRESSES, type=FIELD_NUMERIC,
                optional=True,
            )
        )
        self._add(set_decimals(
            QgsProcessingParameterNumber(
                self.DISTANCE, tr("Distance (metres)"), NUMBER_DOUBLE,
                defaultValue=1000.0, minValue=0.0,
            ), 0)  # whole metres shown ("1000", not "1000.000000"); decimals may still be typed in processing.run
        )
        self._add(network_parameter(self.NETWORK))
        share = set_decimals(QgsProcessingParameterNumber(
            self.WHITE_SPOT_SHARE, tr("White spot: share of residents within the distance below (percent)"),
            NUMBER_DOUBLE, defaultValue=50.0, minValue=0.0, maxValue=100.0,
        ), 1)
        self._add(share, advanced=True)
        self._add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Coverage per quartier"), SOURCE_POLYGON
            )
        )
        self._add(
            QgsProcessingParameterFeatureSink(
                self.ADDRESS_OUTPUT, tr("Addresses with distance to the nearest offering"),
                SOURCE_POINT, optional=True, createByDefault=False,
            )
        )

    # -- reading ------------------------------------------------------------------------------------------------
    def _read_quartiers(self, source, id_field, label, feedback):
        require_field(source, id_field, label, self.QUARTIER_ID)
        quartiers = read_quartiers(source, source.fields().at(source.fields().lookupField(id_field)).name(),
                                   feedback)
        if not quartiers["ids"]:
            raise empty_layer(label, self.QUARTIERS)
        if quartiers["invalid"]:
            feedback.pushWarning(
                tr("Invalid quartier geometries repaired for the computation: {}.").format(
                    ", ".join(qid for qid, _reason in quartiers["invalid"][:10]))
            )
        return quartiers

    def _read_points(self, parameters, name, source, crs, context, feedback, field_name="", all_fields=False):
        """fids, x, y (NaN without geometry) of a point input in ``crs``, the values of ``field_name``, and the
        attribute table read (every field with ``all_fields`` when the input is not a whole file whose attributes
        GDAL copies itself), the layer and whether it is whole."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        whole = whole_layer(parameters, name, layer, source)
        copyable = input_file(source, layer, whole) is not None
        names = source.fields().names() if all_fields and not copyable else ([field_name] if field_name else [])
        fids, x, y, _n, table = read_points_with_attributes(source, crs, context, names, feedback, layer=layer,
                                                            whole=whole)
        values = python_values(table[field_name], source.fields().field(field_name)) if field_name else []
        return {"fids": fids, "x": x, "y": y, "values": values, "table": table, "layer": layer, "whole": whole,
                "tolerance": border_tolerance(source.sourceCrs(), crs)}

    def processAlgorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context)
        crs = inputs["quartiers"].sourceCrs()
        feedback.pushInfo(tr("Reading quartiers…"))
        q_read = self._read_quartiers(inputs["quartiers"], inputs["id_field"], inputs["q_label"], feedback)
        polygons = (q_read["rings"], q_read["ids"])  # border points go to the smallest id, as in assignaddresses
        nq = len(q_read["ids"])

        feedback.pushInfo(tr("Reading offerings…"))
        off = self._read_points(parameters, self.OFFERINGS, inputs["offerings"], crs, context, feedback,
                                inputs["cat_name"])
        feedback.setProgress(10)
        o_group = self._assign_offerings(off, polygons, inputs["off_label"], feedback)
        n_offerings = pip.sum_by_index(o_group, nq)
        categories = self._categories(off["values"], o_group, nq) if inputs["cat_name"] else []
        feedback.setProgress(15)

        addr = coverage = None
        if inputs["addresses"] is not None:
            addr, coverage = self._cover(parameters, context, inputs, crs, polygons, nq, off, categories, feedback)
        feedback.setProgress(80)

        outputs = {}
        with OutputSet() as written:
            content = self._quartier_content(inputs, q_read, n_offerings, categories, coverage, crs)
            outputs[self.OUTPUT] = written.add(write_vector_output(
                self, parameters, self.OUTPUT, context, feedback, content, tr("Coverage per quartier")))
            if addr is not None and parameters.get(self.ADDRESS_OUTPUT) not in (None, ""):
                content = self._address_content(inputs, addr, q_read["ids"], crs, categories)
                for name in content.replaced:
                    feedback.pushInfo(tr("Field “{}” of “{}” replaced by the new assignment and distances.").format(
                        name, inputs["addr_label"]))
                outputs[self.ADDRESS_OUTPUT] = written.add(write_vector_output(
                    self, parameters, self.ADDRESS_OUTPUT, context, feedback, content, tr("Addresses with distances")))
        if coverage is not None:
            self._log_coverage(coverage, categories, inputs["distance"], feedback)
        feedback.setProgress(100)
        return outputs

    @staticmethod
    def _categories(values, o_group, nq):
        """One entry per category: ``value`` (None: the offerings without one, counted only), ``name`` (n_<slug>),
        ``mask`` (its offerings), ``counts`` per quartier and, for a real category, ``fields``: the names of its
        quartier and address measures (:func:`spatial.coverage.category_measure_names`)."""
        categories = [{"value": value, "name": name, "mask": mask,
                       "counts": pip.sum_by_index(np.where(mask, o_group, -1), nq)}
                      for value, name, mask in category_masks(values)]
        named = [category for category in categories if category["value"] is not None]
        for category, fields in zip(named, category_measure_names([category["name"] for category in named])):
            category["fields"] = fields
        return categories

    @staticmethod
    def _log_coverage(coverage, categories, distance, feedback):
        total = float(coverage["pop_total"].sum())

        def share(cov):
            return 100.0 * float(cov["pop_within"].sum()) / total if total else 0.0

        feedback.pushInfo(tr("{} of {} residents ({:.1f} %) live within {} m of an offering.").format(
            int(round(float(coverage["pop_within"].sum()))), int(round(total)), share(coverage), distance))
        for category in categories:
            if category.get("coverage") is not None:
                feedback.pushInfo(tr("Category “{}”: {:.1f} % of the residents live within {} m.").format(
                    category["value"], share(category["coverage"]), distance))

    @staticmethod
    def _quartier_content(inputs, q_read, n_offerings, categories, coverage, crs):
        """OUTPUT: the quartiers with the counts, the overall measures and the measures per category."""
        extra = QgsFields()
        for name in ["n_offerings"] + [category["name"] for category in categories]:
            extra.append(QgsField(name, T_INT))
        for name in QUARTIER_FIELDS:
            extra.append(QgsField(name, T_DOUBLE))
        extra.append(QgsField("white_spot", T_INT))
        per_category = [(category["counts"], category.get("coverage")) for category in categories
                        if category["value"] is not None]
        for category in categories:
            if category["value"] is not None:
                for name, kind in zip(category["fields"][0], (T_DOUBLE,) * 4 + (T_INT,)):
                    extra.append(QgsField(name, kind))
        quartiers = inputs["quartiers"]
        return LayerContent(
            quartiers, None, False, [f.id() for f in q_read["features"]],
            QgsProcessingUtils.combineFields(quartiers.fields(), extra),
            quartier_columns(n_offerings, [(c["name"], c["counts"]) for c in categories], coverage,
                             inputs["white_share"], per_category), "source",
            quartiers.wkbType(), crs)

    def _inputs(self, parameters, context):
        """The three sources (addresses None when not given), their labels, fields and numbers, checked."""
        offerings = self.required_source(parameters, self.OFFERINGS, context)
        quartiers = self.required_source(parameters, self.QUARTIERS, context)
        addresses = self.parameterAsSource(parameters, self.ADDRESSES, context)
        off_label = source_name(parameters, self.OFFERINGS, offerings)
        q_label = source_name(parameters, self.QUARTIERS, quartiers)
        addr_label = source_name(parameters, self.ADDRESSES, addresses) if addresses is not None else ""
        require_geometry(offerings, GEOMETRY_POINT, off_label, self.OFFERINGS)
        require_geometry(quartiers, GEOMETRY_POLYGON, q_label, self.QUARTIERS)
        if addresses is not None:
            require_geometry(addresses, GEOMETRY_POINT, addr_label, self.ADDRESSES)

        def field(name):
            return self.field_name(parameters, name, context)

        cat_field = field(self.CATEGORY_FIELD)
        pop_field = field(self.POPULATION_FIELD) if addresses is not None else ""
        cat_index = require_field(offerings, cat_field, off_label, self.CATEGORY_FIELD) if cat_field else -1
        pop_index = require_field(addresses, pop_field, addr_label, self.POPULATION_FIELD) if pop_field else -1
        crs = quartiers.sourceCrs()
        require_known_crs(quartiers, q_label, tr("distances in metres"))
        if crs.isGeographic():
            raise QgsProcessingException(
                tr("The quartier layer '{}' is in a geographic CRS ({}): distances in metres need a projected CRS. "
                   "Reproject the quartiers first (e.g. to EPSG:25832).").format(q_label, crs.authid())
            )
        check_crs_pair(offerings, quartiers, off_label, q_label)
        if addresses is not None:
            check_crs_pair(addresses, quartiers, addr_label, q_label)
        network, net_label = network_source(self, parameters, self.NETWORK, context, quartiers, q_label)
        return {
            "network": network, "net_label": net_label,
            "offerings": offerings, "quartiers": quartiers, "addresses": addresses, "off_label": off_label,
            "q_label": q_label, "addr_label": addr_label, "id_field": field(self.QUARTIER_ID),
            "cat_name": offerings.fields().at(cat_index).name() if cat_index >= 0 else "",
            "pop_field": pop_field, "pop_name": addresses.fields().at(pop_index).name() if pop_index >= 0 else "",
            "distance": self.parameterAsDouble(parameters, self.DISTANCE, context),
            "white_share": self.parameterAsDouble(parameters, self.WHITE_SPOT_SHARE, context),
            "to_metres": QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), METERS),
        }

    def _assign_offerings(self, off, polygons, off_label, feedback):
        """The quartier of every offering (-1: outside or without geometry), with the log lines about them."""
        valid = np.isfinite(off["x"]) & np.isfinite(off["y"])
        if not len(valid) or not valid.any():
            feedback.pushWarning(tr("Layer '{}' holds no offering with a location.").format(off_label))
        elif not valid.all():
            feedback.pushWarning(tr("Layer '{}': {} offering(s) without geometry are left out.").format(
                off_label, int((~valid).sum())))
        group, _status, _n = pip.assign_by_id(off["x"], off["y"], *polygons, tolerance=off["tolerance"],
                                               progress=lambda _f: self.check_canceled(feedback))
        outside = int(((group < 0) & valid).sum())
        if outside:
            feedback.pushInfo(tr("{} offering(s) lie outside every quartier: not counted, but used for the "
                                 "distances.").format(outside))
        return group

    def _cover(self, parameters, context, inputs, crs, polygons, nq, off, categories, feedback):
        """The addresses read and assigned, with their distance to the nearest offering, and the coverage per
        quartier (:func:`spatial.nearest.coverage_by_group`); the same for each category (``dist`` and
        ``coverage`` added to its entry in ``categories``: one nearest search per category)."""
        feedback.pushInfo(tr("Reading addresses…"))
        want_output = parameters.get(self.ADDRESS_OUTPUT) not in (None, "")
        addr = self._read_points(parameters, self.ADDRESSES, inputs["addresses"], crs, context, feedback,
                                 inputs["pop_name"], all_fields=want_output)
        feedback.setProgress(35)
        label = inputs["addr_label"]
        if inputs["pop_name"]:
            weights, bad, comma = read_residents(addr["values"])
            if comma:
                feedback.pushWarning(
                    tr("Layer '{}', field '{}' is text: {} value(s) were read with a decimal comma (e.g. row {}: "
                       "'{}' as {}).").format(label, inputs["pop_field"], len(comma), comma[0][0] + 1, comma[0][1],
                                              weights[comma[0][0]]))
            if bad:
                feedback.pushWarning(
                    tr("Layer '{}', field '{}': {} address(es) with no usable number of residents (e.g. row {}: "
                       "'{}'), counted as 0 residents.").format(label, inputs["pop_field"], len(bad), bad[0][0] + 1,
                                                               bad[0][1]))
        else:
            weights = np.ones(len(addr["x"]))
            feedback.pushInfo(tr("No residents field: every address counts as one resident."))
        valid = np.isfinite(addr["x"]) & np.isfinite(addr["y"])
        if not valid.all():
            feedback.pushWarning(tr("Layer '{}': {} address(es) without geometry are left out.").format(
                label, int((~valid).sum())))
        addr["group"], _status, _n = pip.assign_by_id(addr["x"], addr["y"], *polygons, tolerance=addr["tolerance"],
                                                       progress=lambda _f: self.check_canceled(feedback))
        outside = int(((addr["group"] < 0) & valid).sum())
        if outside:
            feedback.pushInfo(tr("{} address(es) lie outside every quartier and are left out of the "
                                 "figures.").format(outside))
        feedback.setProgress(55)
        o_valid = np.isfinite(off["x"]) & np.isfinite(off["y"])
        feedback.pushInfo(tr("Distances from {} addresses to {} offerings…").format(len(addr["x"]),
                                                                                    int(o_valid.sum())))

        named = [category for category in categories if category["value"] is not None]
        searches = [np.ones(len(off["x"]), dtype=bool)] + [category["mask"] for category in named]
        dists = []
        if inputs["network"] is not None:
            dists = self._network_distances(context, inputs, crs, addr, off, searches, feedback)
        for k, mask in enumerate(searches if not dists else []):
            def nearest_progress(fraction, k=k):
                self.check_canceled(feedback)
                feedback.setProgress(55 + 25 * (k + fraction) / len(searches))

            dist, _nearest_index = nearest(addr["x"], addr["y"], off["x"][mask], off["y"][mask],
                                           progress=nearest_progress)
            dists.append(dist * inputs["to_metres"])
        addr["dist"] = dists[0]
        for category, dist in zip(named, dists[1:]):
            category["dist"] = dist
            category["coverage"] = coverage_by_group(addr["group"], dist, weights, nq, inputs["distance"])
        return addr, coverage_by_group(addr["group"], addr["dist"], weights, nq, inputs["distance"])

    def _network_distances(self, context, inputs, crs, addr, off, searches, feedback):
        """The distances along the network (metres) of the addresses to the nearest offering of each search
        (``inf`` where none is reached); ``addr["access"]``: the addresses' connection lengths."""
        feedback.pushInfo(tr("Reading the network…"))
        net = read_network(inputs["network"], inputs["net_label"], self.NETWORK, crs, inputs["to_metres"], context)
        self.check_canceled(feedback)
        feedback.pushInfo(tr("Distances along the network ({} segments)…").format(net.n_segments))
        dists, p_access, o_access = network_distances(
            net, (addr["x"], addr["y"]), (off["x"], off["y"]), searches,
            snap_progress=lambda _f: self.check_canceled(feedback))
        to_m = inputs["to_metres"]
        addr["access"] = p_access * to_m
        log_network_join(feedback, inputs["net_label"], tr("address(es)"), addr["access"])
        log_network_join(feedback, inputs["net_label"], tr("offering(s)"), o_access * to_m)
        located = np.isfinite(addr["x"]) & np.isfinite(addr["y"]) & (addr["group"] >= 0)
        unreached = int((located & np.isinf(dists[0])).sum())
        if unreached and np.isfinite(o_access).any():
            feedback.pushWarning(
                tr("{} address(es) reach no offering over the network “{}” (a separate part of it): no distance "
                   "(NULL), counted as farther than the distance.").format(unreached, inputs["net_label"]))
        return [dist * to_m for dist in dists]

    @staticmethod
    def _address_content(inputs, addr, quartier_ids, crs, categories):
        """ADDRESS_OUTPUT: the addresses with quartier_id, nearest_distance_m and within_distance (and both
        distance fields per category), at their location in the quartiers' CRS. An input field of one of these
        names is replaced in its place."""
        addresses = inputs["addresses"]
        named = [category for category in categories if category["value"] is not None]
        extra = QgsFields()
        for name, kind in zip(ADDRESS_FIELDS, (T_STRING, T_DOUBLE, T_INT)):
            extra.append(QgsField(name, kind))
        for category in named:
            for name, kind in zip(category["fields"][1], (T_DOUBLE, T_INT)):
                extra.append(QgsField(name, kind))
        columns = address_columns(quartier_ids, addr["group"], addr["dist"], inputs["distance"],
                                  [category["dist"] for category in named])
        if "access" in addr:
            extra.append(QgsField(ACCESS_FIELD, T_DOUBLE))
            columns.append([float(v) if np.isfinite(v) else None for v in addr["access"].tolist()])
        fields, positions, _replaced = output_fields(addresses.fields(), extra)
        return LayerContent(
            addresses, addr["layer"], addr["whole"], addr["fids"], fields, columns,
            ("points", addr["x"], addr["y"]), WKB_POINT, crs, table=addr["table"], positions=positions)
