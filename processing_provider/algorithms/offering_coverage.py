"""``quartiersmonitor:offeringcoverage`` — offerings per quartier and how well the residents are covered."""

import math
import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsUnitTypes,
)

from ...addresses.normalize import fold
from ...compat import (
    FAST_INSERT,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    REQUEST_NO_GEOMETRY,
    T_DOUBLE,
    T_INT,
    T_STRING,
    WKB_POINT,
    WKT_PREFERRED_GDAL,
    parameter_as_strings,
    scoped,
)
from ...spatial import pip
from ...spatial.nearest import coverage_by_group, nearest
from ...translation import tr
from ..base import FIELD_NUMERIC, GROUP_ADDRESSES, NUMBER_DOUBLE, SOURCE_POINT, SOURCE_POLYGON, QuartiersAlgorithm
from ..gpkg_table import gpkg_copy_source, gpkg_field_definitions, write_gpkg_table
from ..inputs import require_field, require_geometry, source_name, whole_layer
from ..ogr_arrow import ogr_file_source
from ..outputs import discard_output, materialize_staged, memory_staging_path, ogr_driver_for_path
from ..readers import python_values, read_points_with_attributes, read_quartiers

METERS = scoped("DistanceUnit", "Meters", lambda: QgsUnitTypes.DistanceUnit.DistanceMeters)

_CHUNK = 10000


def category_field_name(category, taken):
    """Field name ``n_<category>`` in lower case ASCII (umlauts spelled out), unique among ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(category)).strip("_")[:40] or "no_category"
    name = "n_" + slug
    candidate, k = name, 2
    while candidate in taken:
        candidate = "{}_{}".format(name, k)
        k += 1
    taken.add(candidate)
    return candidate


class OfferingCoverage(QuartiersAlgorithm):
    ALG_ID = "offeringcoverage"
    GROUP_ID = GROUP_ADDRESSES

    OFFERINGS = "OFFERINGS"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    QUARTIERS = "QUARTIERS"
    QUARTIER_ID = "QUARTIER_ID"
    ADDRESSES = "ADDRESSES"
    POPULATION_FIELD = "POPULATION_FIELD"
    DISTANCE = "DISTANCE"
    WHITE_SPOT_SHARE = "WHITE_SPOT_SHARE"
    OUTPUT = "OUTPUT"
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
            "Addresses and offerings in another CRS are reprojected. The quartier layer needs a projected CRS. "
            "Residents given as text, negative or empty count as 0 and are reported in the log. The optional "
            "address output holds each address with its quartier_id, nearest_distance_m and within_distance."
        )

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
        self._add(
            QgsProcessingParameterNumber(
                self.DISTANCE, tr("Distance (metres)"), NUMBER_DOUBLE,
                defaultValue=1000.0, minValue=0.0,
            )
        )
        share = QgsProcessingParameterNumber(
            self.WHITE_SPOT_SHARE, tr("White spot: share of residents within the distance below (percent)"),
            NUMBER_DOUBLE, defaultValue=50.0, minValue=0.0, maxValue=100.0,
        )
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
            raise QgsProcessingException(tr("The quartier layer '{}' is empty.").format(label))
        if quartiers["invalid"]:
            feedback.pushWarning(
                tr("Invalid quartier geometries repaired for the computation: {}.").format(
                    ", ".join(qid for qid, _reason in quartiers["invalid"][:10]))
            )
        return quartiers

    def _read_points(self, parameters, name, source, crs, context, feedback, field_name="", all_fields=False):
        """x, y (NaN without geometry) of a point input in ``crs``, the fids, the values of ``field_name`` and,
        with ``all_fields``, either the whole file the input is (ogr_arrow.ogr_file_source: its attributes are
        copied inside SQLite) or else the values of every field (lists of Python values); None otherwise."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        whole = whole_layer(parameters, name, layer, source)
        copy_info = ogr_file_source(layer, text=True) if all_fields and whole else None
        names = source.fields().names() if all_fields and copy_info is None else ([field_name] if field_name else [])
        fids, x, y, _n, table = read_points_with_attributes(source, crs, context, names, feedback, layer=layer,
                                                            whole=whole)
        values = python_values(table[field_name], source.fields().field(field_name)) if field_name else []
        every = copy_info
        if all_fields and copy_info is None:
            every = [python_values(table[f.name()], f) for f in source.fields()]
        return fids, x, y, values, every

    def _write_addresses_fast(self, path, fields, values, crs, fids, x, y, valid, q_ids, group, dist, distance,
                              feedback, spatial_index=True):
        """ADDRESS_OUTPUT written into a GeoPackage by GDAL and SQLite (gpkg_table.write_gpkg_table); the same
        values as the QGIS way. ``values``: the addresses' attributes (lists of Python values), or the file they
        are copied from inside SQLite (ogr_arrow.ogr_file_source, rows ``fids``). None when it cannot be written
        this way."""
        self.check_canceled(feedback)
        feedback.pushInfo(tr("Writing “{}” with GDAL…").format(path))
        ids = np.asarray(list(q_ids) + [None], dtype=object)
        finite = np.isfinite(dist)
        within = np.where(finite | np.isinf(dist), (dist <= distance).astype(np.int64), -1)
        columns = (values if isinstance(values, list) else []) + [
            ids[np.where(group >= 0, group, len(q_ids))].tolist(),
            [float(d) if ok else None for d, ok in zip(dist.tolist(), finite.tolist())],
            [None if w < 0 else w for w in within.tolist()],
        ]
        points = (np.where(valid, x, np.nan), np.where(valid, y, np.nan))
        srs_wkt = crs.toWkt(WKT_PREFERRED_GDAL) if crs.isValid() else ""
        if isinstance(values, list):
            if not write_gpkg_table(path, fields, columns, feedback, points=points, srs_wkt=srs_wkt,
                                    spatial_index=spatial_index):
                return None
            return path
        with gpkg_copy_source(values, fids, feedback) as copy_source:
            if copy_source is None or not write_gpkg_table(path, fields, columns, feedback, points=points,
                                                           srs_wkt=srs_wkt, copy_from=copy_source,
                                                           spatial_index=spatial_index):
                return None
        return path

    @staticmethod
    def _weights(values, label, field, feedback):
        """Residents as floats; unusable values (text, negative, NULL) count 0 and are reported."""
        weights = np.zeros(len(values))
        bad = []
        for i, value in enumerate(values):
            number = None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number = float(value)
            elif isinstance(value, str):
                try:
                    number = float(value.strip().replace(",", "."))
                except ValueError:
                    number = None
            if number is None or not math.isfinite(number) or number < 0:
                bad.append((i, value))
            else:
                weights[i] = number
        if bad:
            feedback.pushWarning(
                tr("Layer '{}', field '{}': {} address(es) with no usable number of residents (e.g. row {}: '{}'), "
                   "counted as 0 residents.").format(label, field, len(bad), bad[0][0] + 1, bad[0][1])
            )
        return weights

    def processAlgorithm(self, parameters, context, feedback):
        offerings = self.parameterAsSource(parameters, self.OFFERINGS, context)
        if offerings is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.OFFERINGS))
        quartiers = self.parameterAsSource(parameters, self.QUARTIERS, context)
        if quartiers is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.QUARTIERS))
        addresses = self.parameterAsSource(parameters, self.ADDRESSES, context)
        off_label = source_name(parameters, self.OFFERINGS, offerings)
        q_label = source_name(parameters, self.QUARTIERS, quartiers)
        addr_label = source_name(parameters, self.ADDRESSES, addresses) if addresses is not None else ""
        require_geometry(offerings, GEOMETRY_POINT, off_label, self.OFFERINGS)
        require_geometry(quartiers, GEOMETRY_POLYGON, q_label, self.QUARTIERS)
        if addresses is not None:
            require_geometry(addresses, GEOMETRY_POINT, addr_label, self.ADDRESSES)

        def field(name):
            values = parameter_as_strings(self, parameters, name, context)
            return values[0] if values else ""

        id_field = field(self.QUARTIER_ID)
        cat_field = field(self.CATEGORY_FIELD)
        pop_field = field(self.POPULATION_FIELD) if addresses is not None else ""
        cat_index = require_field(offerings, cat_field, off_label, self.CATEGORY_FIELD) if cat_field else -1
        pop_index = require_field(addresses, pop_field, addr_label, self.POPULATION_FIELD) if pop_field else -1
        cat_name = offerings.fields().at(cat_index).name() if cat_index >= 0 else ""
        pop_name = addresses.fields().at(pop_index).name() if pop_index >= 0 else ""
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        white_share = self.parameterAsDouble(parameters, self.WHITE_SPOT_SHARE, context)

        crs = quartiers.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(tr("The quartier layer '{}' has no valid CRS.").format(q_label))
        if crs.isGeographic():
            raise QgsProcessingException(
                tr("The quartier layer '{}' is in a geographic CRS ({}): distances in metres need a projected CRS. "
                   "Reproject the quartiers first (e.g. to EPSG:25832).").format(q_label, crs.authid())
            )
        to_metres = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), METERS)
        for source, label in ((offerings, off_label), (addresses, addr_label)):
            if source is not None and not source.sourceCrs().isValid():
                raise QgsProcessingException(tr("Layer '{}' has no valid CRS.").format(label))

        feedback.pushInfo(tr("Reading quartiers…"))
        q_read = self._read_quartiers(quartiers, id_field, q_label, feedback)
        q_features, q_ids = q_read["features"], q_read["ids"]
        polygons = pip.PolygonSet(q_read["rings"])
        nq = len(q_features)

        feedback.pushInfo(tr("Reading offerings…"))
        _ofids, ox, oy, ocat, _ = self._read_points(parameters, self.OFFERINGS, offerings, crs, context, feedback,
                                                    cat_name)
        feedback.setProgress(10)
        o_valid = np.isfinite(ox) & np.isfinite(oy)
        if offerings.featureCount() == 0 or not o_valid.any():
            feedback.pushWarning(tr("Layer '{}' holds no offering with a location.").format(off_label))
        elif not o_valid.all():
            feedback.pushWarning(tr("Layer '{}': {} offering(s) without geometry are left out.").format(
                off_label, int((~o_valid).sum())))

        def pip_progress(fraction):
            self.check_canceled(feedback)

        o_group, _status, _n = pip.assign_points(ox, oy, polygons, progress=pip_progress)
        n_offerings = pip.sum_by_index(o_group, nq)
        outside = int(((o_group < 0) & o_valid).sum())
        if outside:
            feedback.pushInfo(tr("{} offering(s) lie outside every quartier: not counted, but used for the "
                                 "distances.").format(outside))
        # Counts per category.
        categories = []
        if cat_index >= 0:
            cat_values = [None if v is None or str(v).strip() == "" else str(v).strip() for v in ocat]
            distinct = sorted({v for v in cat_values if v is not None})
            if any(v is None for v in cat_values):
                distinct.append(None)
            taken = {"n_offerings"}
            for value in distinct:
                name = category_field_name(value if value is not None else "no_category", taken)
                mask = np.array([v == value for v in cat_values], dtype=bool)
                categories.append((name, pip.sum_by_index(np.where(mask, o_group, -1), nq)))
        feedback.setProgress(15)

        # Addresses: quartier, nearest offering, residents.
        coverage = None
        want_address_output = addresses is not None and parameters.get(self.ADDRESS_OUTPUT) not in (None, "")
        a_fields, a_path, a_stage, fast_a = None, None, None, False
        if want_address_output:
            a_extra = QgsFields()
            a_extra.append(QgsField("quartier_id", T_STRING))
            a_extra.append(QgsField("nearest_distance_m", T_DOUBLE))
            a_extra.append(QgsField("within_distance", T_INT))
            a_fields = QgsProcessingUtils.combineFields(addresses.fields(), a_extra)
            a_path = self.parameterAsOutputLayer(parameters, self.ADDRESS_OUTPUT, context)
            # A GeoPackage is written by GDAL and SQLite, the addresses' attributes copied from their file or
            # else from their values (all read here); a memory layer the same way into a temporary GeoPackage
            # first, which QGIS then copies into memory.
            a_stage = memory_staging_path(a_path, "addresses_coverage")
            fast_a = ogr_driver_for_path(a_stage or a_path) == "GPKG" and gpkg_field_definitions(a_fields) is not None
        a_values = None
        if addresses is not None:
            feedback.pushInfo(tr("Reading addresses…"))
            afids, ax, ay, pop_values, a_values = self._read_points(
                parameters, self.ADDRESSES, addresses, crs, context, feedback, pop_name, all_fields=fast_a)
            feedback.setProgress(35)
            if pop_index >= 0:
                weights = self._weights(pop_values, addr_label, pop_field, feedback)
            else:
                weights = np.ones(len(ax))
                feedback.pushInfo(tr("No residents field: every address counts as one resident."))
            a_valid = np.isfinite(ax) & np.isfinite(ay)
            if not a_valid.all():
                feedback.pushWarning(tr("Layer '{}': {} address(es) without geometry are left out.").format(
                    addr_label, int((~a_valid).sum())))
            a_group, _status, _n = pip.assign_points(ax, ay, polygons, progress=pip_progress)
            a_outside = int(((a_group < 0) & a_valid).sum())
            if a_outside:
                feedback.pushInfo(tr("{} address(es) lie outside every quartier and are left out of the "
                                     "figures.").format(a_outside))
            feedback.setProgress(55)
            feedback.pushInfo(tr("Distances from {} addresses to {} offerings…").format(len(ax), int(o_valid.sum())))

            def nearest_progress(fraction):
                self.check_canceled(feedback)
                feedback.setProgress(55 + 25 * fraction)

            dist, _nearest_index = nearest(ax, ay, ox, oy, progress=nearest_progress)
            dist = dist * to_metres
            coverage = coverage_by_group(a_group, dist, weights, nq, distance)
        feedback.setProgress(80)

        # -- outputs --------------------------------------------------------------------------------------------
        extra = QgsFields()
        extra.append(QgsField("n_offerings", T_INT))
        for name, _counts in categories:
            extra.append(QgsField(name, T_INT))
        for name in ("pop_total", "pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m"):
            extra.append(QgsField(name, T_DOUBLE))
        extra.append(QgsField("white_spot", T_INT))
        out_fields = QgsProcessingUtils.combineFields(quartiers.fields(), extra)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, quartiers.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        a_sink, a_dest = None, None

        def number(value):
            return None if value is None or not math.isfinite(value) else float(value)

        try:
            for k, feature in enumerate(q_features):
                out = QgsFeature(out_fields)
                out.setGeometry(feature.geometry())
                values = [int(n_offerings[k])] + [int(counts[k]) for _name, counts in categories]
                if coverage is not None:
                    pop_total = float(coverage["pop_total"][k])
                    share = number(coverage["share_within"][k])
                    values += [
                        pop_total,
                        float(coverage["pop_far"][k]),
                        1000.0 * float(n_offerings[k]) / pop_total if pop_total > 0 else None,
                        share,
                        number(coverage["median_distance"][k]),
                        None if share is None else int(share < white_share),
                    ]
                else:
                    values += [None] * 6
                out.setAttributes(feature.attributes() + values)
                if not sink.addFeature(out, FAST_INSERT):
                    raise QgsProcessingException(
                        tr("Could not write quartier '{}' to the output: {}").format(q_ids[k], sink.lastError())
                    )
            if want_address_output:
                a_dest = self._write_addresses_fast(
                    a_stage or a_path, a_fields, a_values, crs, afids, ax, ay, a_valid, q_ids, a_group, dist,
                    distance, feedback, spatial_index=a_stage is None) if fast_a else None
                if a_dest is not None and a_stage is not None:
                    a_dest = materialize_staged(a_stage, a_path, context, tr("Addresses with distances"), feedback,
                                                fields=a_fields)
                    if a_dest is None:
                        raise QgsProcessingException(
                            tr("Could not copy “{}” into a memory layer.").format(a_stage))
                if a_dest is None:
                    a_sink, a_dest = self.parameterAsSink(parameters, self.ADDRESS_OUTPUT, context, a_fields,
                                                          WKB_POINT, crs)
            if a_sink is not None:
                n = len(ax)
                position = {int(f): i for i, f in enumerate(afids.tolist())}
                batch = []
                for k, original in enumerate(addresses.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY))):
                    i = position[original.id()]
                    out = QgsFeature(a_fields)
                    if a_valid[i]:
                        out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(ax[i]), float(ay[i]))))
                    d = number(dist[i])
                    out.setAttributes(original.attributes() + [
                        q_ids[a_group[i]] if a_group[i] >= 0 else None,
                        d,
                        None if d is None and not np.isinf(dist[i]) else int(dist[i] <= distance),
                    ])
                    batch.append(out)
                    if len(batch) >= _CHUNK or k == n - 1:
                        self.check_canceled(feedback)
                        feedback.setProgress(80 + 20 * k / max(n, 1))
                        if not a_sink.addFeatures(batch, FAST_INSERT):
                            raise QgsProcessingException(
                                tr("Could not write “{}”: {}").format(a_path, a_sink.lastError()))
                        batch = []
        except QgsProcessingException:
            del sink, a_sink
            discard_output(out_path)
            discard_output(a_path)
            raise

        if coverage is not None:
            total = float(coverage["pop_total"].sum())
            within = float(coverage["pop_within"].sum())
            feedback.pushInfo(
                tr("{} of {} residents ({:.1f} %) live within {} m of an offering.").format(
                    int(round(within)), int(round(total)), 100.0 * within / total if total else 0.0, distance
                )
            )
        feedback.setProgress(100)
        outputs = {self.OUTPUT: dest_id}
        if a_dest is not None:
            outputs[self.ADDRESS_OUTPUT] = a_dest
        return outputs
