"""``quartiersmonitor:assignaddresses`` -- give every address the quartier it lies in."""

import html
import os
import shutil

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ...compat import (
    FAST_INSERT,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    T_DOUBLE,
    T_LONG,
    T_STRING,
    parameter_as_strings,
)
from ...spatial import pip
from ...translation import tr
from ..base import FIELD_ANY, FIELD_NUMERIC, GROUP_ADDRESSES, SOURCE_POINT, SOURCE_POLYGON, QuartiersAlgorithm
from ..gpkg_join import write_gpkg_join
from ..gpkg_table import gpkg_copy_source
from ..inputs import check_crs_pair, require_field, whole_layer
from ..ogr_arrow import ogr_file_source
from ..outputs import (
    finish_file_output,
    materialize_staged,
    memory_staging_path,
    ogr_driver_for_path,
    remove_dataset_files,
    temporary_sibling,
)
from ..readers import read_attribute_table, read_point_coordinates, read_quartiers

STATUS_FIELD = "assign_status"
ID_FIELD = "quartier_id"
LIST_LIMIT = 200  # rows listed per table in the HTML report


def unique_name(name, taken):
    """``name``, or ``name_2``, ``name_3`` ... when a field of that name exists already (case-insensitive)."""
    lower = {t.lower() for t in taken}
    if name.lower() not in lower:
        return name
    k = 2
    while "{}_{}".format(name, k).lower() in lower:
        k += 1
    return "{}_{}".format(name, k)


class AssignAddresses(QuartiersAlgorithm):
    ALG_ID = "assignaddresses"
    GROUP_ID = GROUP_ADDRESSES

    INPUT = "INPUT"
    QUARTIERS = "QUARTIERS"
    QUARTIER_ID = "QUARTIER_ID"
    SUM_FIELDS = "SUM_FIELDS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    REPORT = "REPORT"

    def displayName(self):
        return tr("Assign addresses to quartiers")

    def shortDescription(self):  # noqa: N802
        return tr("Gives every address the id of the quartier it lies in, or a status saying why not.")

    def shortHelpString(self):
        return tr(
            "Gives every address point the id of the quartier it lies in.\n\n"
            "OUTPUT: the addresses with all their fields plus quartier_id and assign_status: inside (in the "
            "interior of a quartier), boundary (exactly on a quartier border or vertex: it goes to the quartier "
            "with the smallest id among those touching it, always the same one), outside (in no quartier, "
            "quartier_id empty) or no_geometry (NULL or empty geometry). Where quartiers overlap, the smallest id "
            "wins. A multipoint address is placed by its first point; Z and M values are ignored.\n\n"
            "Addresses in another CRS are reprojected to the quartiers' CRS for the assignment (the output keeps "
            "the addresses' CRS). Invalid quartier polygons (e.g. self-intersecting) are repaired for the "
            "computation and listed in the log and the report. Quartier ids are compared as text; NULL or "
            "duplicate ids are an error.\n\n"
            "SUMMARY: the quartier polygons with their fields plus n_addresses and sum_<field> for each field "
            "chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.\n\n"
            "REPORT: an HTML page with the counts per status (and per municipality when the quartiers have a "
            "field municipality or gemeinde), duplicate addresses (same coordinates), overlaps and gaps between "
            "quartiers with their area, repaired quartier geometries and the addresses outside every quartier.\n\n"
            "Large address files (a million points) take a fast way: a whole file layer (GeoPackage, shapefile …) "
            "is read by GDAL directly when it is in the quartiers' CRS, and an OUTPUT file (TEMPORARY_OUTPUT is a "
            "temporary GeoPackage) is written by GDAL and SQLite directly from it, with a spatial index; a memory: "
            "OUTPUT is copied from such a file by QGIS. Other inputs (memory layers, selected features, databases) "
            "take the slower general way through QGIS, with the same result."
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, tr("Addresses (points)"), [SOURCE_POINT])
        self._add(param, tr("Address points, e.g. the official address directory with a residents field."))
        param = QgsProcessingParameterFeatureSource(self.QUARTIERS, tr("Quartiers (polygons)"), [SOURCE_POLYGON])
        self._add(param, tr("The quartier polygons; their CRS is used for the assignment."))
        param = QgsProcessingParameterField(
            self.QUARTIER_ID, tr("Quartier id field"), parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY)
        self._add(param, tr("Field of the quartiers holding their unique id (compared as text)."))
        param = QgsProcessingParameterField(
            self.SUM_FIELDS, tr("Fields to sum per quartier"), parentLayerParameterName=self.INPUT,
            type=FIELD_NUMERIC, allowMultiple=True, optional=True)
        self._add(param, tr("Numeric address fields (e.g. residents) summed per quartier into the SUMMARY layer."))
        param = QgsProcessingParameterVectorDestination(
            self.OUTPUT, tr("Addresses with quartier"), type=SOURCE_POINT, defaultValue=None, optional=True,
            createByDefault=True)
        self._add(param, tr("The addresses with quartier_id and assign_status. Leave empty to skip."))
        param = QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Quartiers with address counts"), type=SOURCE_POLYGON, defaultValue=None,
            optional=True, createByDefault=True)
        self._add(param, tr("The quartiers with n_addresses and sum_<field>. Leave empty to skip."))
        param = QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML)"), fileFilter=tr("HTML files (*.html)"), defaultValue=None,
            optional=True, createByDefault=False)
        self._add(param, tr("An HTML report: counts per status, duplicates, overlaps and gaps, invalid quartiers."))
        for name, label in (
            ("N_INSIDE", tr("Addresses inside a quartier")),
            ("N_BOUNDARY", tr("Addresses on a quartier border")),
            ("N_OUTSIDE", tr("Addresses outside every quartier")),
            ("N_NO_GEOMETRY", tr("Addresses without geometry")),
            ("N_DUPLICATES", tr("Addresses sharing their location with another")),
        ):
            self._add(QgsProcessingOutputNumber(name, label))

    # -----------------------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        quartier_source = self.parameterAsSource(parameters, self.QUARTIERS, context)
        if quartier_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.QUARTIERS))
        id_field = self.parameterAsString(parameters, self.QUARTIER_ID, context)
        sum_fields = parameter_as_strings(self, parameters, self.SUM_FIELDS, context)
        in_name, q_name = source.sourceName(), quartier_source.sourceName()

        if QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_POINT:
            raise QgsProcessingException(
                tr("Layer “{}” (addresses) must hold points, not {}.").format(
                    in_name, QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(source.wkbType()))))
        if QgsWkbTypes.geometryType(quartier_source.wkbType()) != GEOMETRY_POLYGON:
            raise QgsProcessingException(
                tr("Layer “{}” (quartiers) must hold polygons, not {}.").format(
                    q_name, QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(quartier_source.wkbType()))))
        require_field(quartier_source, id_field, q_name, self.QUARTIER_ID)
        for name in sum_fields:
            idx = source.fields().lookupField(name)
            if idx < 0:
                raise QgsProcessingException(
                    tr("Layer “{}” has no field “{}” (parameter SUM_FIELDS).").format(in_name, name))
            if not source.fields().at(idx).isNumeric():
                raise QgsProcessingException(
                    tr("Field “{}” of layer “{}” is not numeric and cannot be summed (parameter SUM_FIELDS).")
                    .format(name, in_name))
        check_crs_pair(source, quartier_source)

        # 1. quartiers -----------------------------------------------------------------------------------------------
        steps.setCurrentStep(0)
        feedback.pushInfo(tr("Reading quartiers of “{}”…").format(q_name))
        quartiers = read_quartiers(quartier_source, id_field, steps)
        if not quartiers["ids"]:
            raise QgsProcessingException(tr("Layer “{}” (quartiers) has no features.").format(q_name))
        for qid, reason in quartiers["invalid"]:
            feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired for the assignment.")
                                 .format(qid, reason))
        for qid in quartiers["empty"]:
            feedback.pushWarning(tr("Quartier “{}” has no geometry; no address can fall into it.").format(qid))
        # Priority: smallest id (as text) first -- decides border points and overlaps, independent of feature order.
        priority = sorted(range(len(quartiers["ids"])), key=lambda i: quartiers["ids"][i])
        polygon_set = pip.PolygonSet([quartiers["rings"][i] for i in priority])
        self.check_canceled(feedback)

        # 2. address coordinates ----------------------------------------------------------------------------------
        steps.setCurrentStep(1)
        in_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        whole = whole_layer(parameters, self.INPUT, in_layer, source)
        feedback.pushInfo(tr("Reading address points of “{}”…").format(in_name))
        fids, px, py, n_points = read_point_coordinates(
            source, quartiers["crs"], context, steps, layer=in_layer, whole=whole)
        n = len(fids)
        feedback.pushInfo(tr("{} addresses read.").format(n))
        n_multi = int((n_points > 1).sum())
        if n_multi:
            feedback.pushWarning(tr("{} multipoint addresses with several points were placed by their first point.")
                                 .format(n_multi))
        self.check_canceled(feedback)

        # 3. assignment ---------------------------------------------------------------------------------------------
        steps.setCurrentStep(2)

        def progress(fraction):
            steps.setProgress(100.0 * fraction)
            self.check_canceled(feedback)

        sorted_index, status, n_interior = pip.assign_points(px, py, polygon_set, progress=progress)
        order = np.asarray(priority, dtype=np.int64)
        index = np.where(sorted_index >= 0, order[np.maximum(sorted_index, 0)], -1)
        counts = np.bincount(status, minlength=4)
        duplicates = pip.duplicate_mask(px, py)
        for code, label in ((pip.INSIDE, tr("inside")), (pip.BOUNDARY, tr("boundary")),
                            (pip.OUTSIDE, tr("outside")), (pip.NO_GEOMETRY, tr("no geometry"))):
            feedback.pushInfo(tr("{}: {} addresses").format(label, int(counts[code])))
        if int((n_interior > 1).sum()):
            feedback.pushWarning(tr("{} addresses lie where quartiers overlap; each went to the smallest id.")
                                 .format(int((n_interior > 1).sum())))

        results = {
            "N_INSIDE": int(counts[pip.INSIDE]),
            "N_BOUNDARY": int(counts[pip.BOUNDARY]),
            "N_OUTSIDE": int(counts[pip.OUTSIDE]),
            "N_NO_GEOMETRY": int(counts[pip.NO_GEOMETRY]),
            "N_DUPLICATES": int(duplicates.sum()),
        }

        # 4. SUMMARY ------------------------------------------------------------------------------------------------
        steps.setCurrentStep(3)
        n_q = len(quartiers["ids"])
        per_quartier = {"n_addresses": pip.sum_by_index(index, n_q)}
        if sum_fields:
            table = read_attribute_table(source, sum_fields, steps, layer=in_layer, whole=whole)
            pos = pd.Index(table["fid"].to_numpy()).get_indexer(fids)
            for name in sum_fields:
                values = pd.to_numeric(table[name], errors="coerce").to_numpy(dtype=np.float64)[pos]
                n_null = int(np.isnan(values).sum())
                if n_null:
                    feedback.pushWarning(tr("Field “{}”: {} NULL values were not summed.").format(name, n_null))
                per_quartier["sum_" + name] = pip.sum_by_index(index, n_q, values)
        self.check_canceled(feedback)

        # 5. OUTPUT (first: a run cancelled while it is written leaves no SUMMARY behind either) --------------------
        steps.setCurrentStep(4)
        if parameters.get(self.OUTPUT) not in (None, ""):
            dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
            if dest:
                # Bounds for a bulk-loaded spatial index: the points themselves (coordinates in the input's CRS
                # on the fast path); a multipoint with several points needs its full box: GDAL builds that index.
                bounds = None
                if not n_multi and source.sourceCrs() == quartiers["crs"]:
                    ok = np.isfinite(px) & np.isfinite(py)
                    bounds = (fids[ok], px[ok], px[ok], py[ok], py[ok])
                results[self.OUTPUT] = self._write_output(
                    dest, source, in_layer, whole, fids, quartiers["ids"], index, status, context, steps,
                    bounds_of_points=bounds)

        summary_id = self._write_summary(parameters, context, quartier_source, quartiers, per_quartier, sum_fields)
        if summary_id is not None:
            results[self.SUMMARY] = summary_id

        report = self.parameterAsFileOutput(parameters, self.REPORT, context) \
            if parameters.get(self.REPORT) not in (None, "") else ""
        if report:
            self._write_report(report, in_name, q_name, quartiers, fids, px, py, index, status, n_interior,
                               duplicates, per_quartier, n_multi, feedback)
            results[self.REPORT] = report
        steps.setProgress(100)
        return results

    # -----------------------------------------------------------------------------------------------------------------
    def _write_summary(self, parameters, context, quartier_source, quartiers, per_quartier, sum_fields):
        if parameters.get(self.SUMMARY) in (None, ""):
            return None
        extra = QgsFields()
        taken = quartier_source.fields().names()
        names = {}
        for key in per_quartier:
            name = unique_name(key, taken + list(names.values()))
            names[key] = name
            extra.append(QgsField(name, T_LONG if key == "n_addresses" else T_DOUBLE))
        fields = QgsProcessingUtils.combineFields(quartier_source.fields(), extra)
        sink, dest_id = self.parameterAsSink(parameters, self.SUMMARY, context, fields, quartier_source.wkbType(),
                                             quartier_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.SUMMARY))
        features = []
        for i, original in enumerate(quartiers["features"]):
            feature = QgsFeature(fields)
            feature.setGeometry(original.geometry())
            values = [per_quartier[key][i] for key in per_quartier]
            values = [int(v) if key == "n_addresses" else float(v) for key, v in zip(per_quartier, values)]
            feature.setAttributes(list(original.attributes()) + values)
            features.append(feature)
        if not sink.addFeatures(features, FAST_INSERT):
            raise QgsProcessingException(tr("Could not write the SUMMARY layer: {}").format(sink.lastError()))
        del sink
        return dest_id

    def _write_output(self, dest, source, in_layer, whole, fids, ids, index, status, context, feedback,
                      bounds_of_points=None):
        taken = source.fields().names()
        id_name = unique_name(ID_FIELD, taken)
        status_name = unique_name(STATUS_FIELD, taken + [id_name])
        driver = ogr_driver_for_path(dest)
        info = ogr_file_source(in_layer) if whole else None
        if dest.startswith("memory:") and info is not None and in_layer.crs() == source.sourceCrs():
            memory_id = self._write_memory_output(dest, source, in_layer, whole, fids, ids, index, status, context,
                                                  feedback, bounds_of_points)
            if memory_id is not None:
                return memory_id
        if driver and info is not None and in_layer.crs() == source.sourceCrs():
            feedback.pushInfo(tr("Writing “{}” with GDAL…").format(dest))
            temporary = os.path.abspath(dest).startswith(os.path.abspath(QgsProcessingUtils.tempFolder()))
            columns = {id_name: (ids, index), status_name: (pip.STATUS_NAMES, status)}
            # Another OGR format (e.g. a shapefile) is copied into a temporary GeoPackage by GDAL first, in reading
            # order, so that its fids are 1..n in the order of ours.
            with gpkg_copy_source(info, fids, feedback) as copy_source:
                if copy_source is not None:
                    copy_info, copy_fids = copy_source
                    bounds = bounds_of_points
                    if copy_info is not info:
                        feedback.pushInfo(tr("“{}” was copied into a temporary GeoPackage first.").format(
                            source.sourceName()))
                        if bounds is not None:
                            position = pd.Index(fids).get_indexer(bounds_of_points[0])
                            bounds = (copy_fids[position],) + tuple(bounds_of_points[1:])
                    write_gpkg_join(copy_info, dest, driver, copy_fids, columns, feedback, spatial_index=not temporary,
                                    bounds=bounds)
                    return dest

        # General way: any source, any destination QGIS can write (memory:, database URIs, any OGR format).
        fields = QgsFields(source.fields())
        fields.append(QgsField(id_name, T_STRING))
        fields.append(QgsField(status_name, T_STRING))
        position = {int(f): i for i, f in enumerate(fids.tolist())}
        qid = np.where(index >= 0, np.asarray(ids, dtype=object)[np.maximum(index, 0)], None)
        status_names = np.asarray(pip.STATUS_NAMES, dtype=object)[status]
        driver_path = driver is not None
        tmp_dir, target = (temporary_sibling(dest) if driver_path else (None, dest))
        try:
            sink, dest_id = QgsProcessingUtils.createFeatureSink(
                target, context, fields, source.wkbType(), source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(tr("Could not create the output “{}”.").format(dest))
            total = max(source.featureCount(), 1)
            batch = []
            for k, feature in enumerate(source.getFeatures()):
                i = position.get(feature.id())
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                out.setAttributes(list(feature.attributes()) + (
                    [qid[i], status_names[i]] if i is not None else [None, None]))
                batch.append(out)
                if len(batch) >= 10000:
                    self.check_canceled(feedback)
                    if not sink.addFeatures(batch, FAST_INSERT):
                        raise QgsProcessingException(tr("Could not write “{}”: {}").format(dest, sink.lastError()))
                    batch = []
                    feedback.setProgress(100.0 * k / total)
            if batch and not sink.addFeatures(batch, FAST_INSERT):
                raise QgsProcessingException(tr("Could not write “{}”: {}").format(dest, sink.lastError()))
            self.check_canceled(feedback)
            del sink
        except BaseException:
            if driver_path:
                remove_dataset_files(target)
                shutil.rmtree(tmp_dir, ignore_errors=True)
            raise
        if driver_path:
            finish_file_output(tmp_dir, target, dest)
            return dest
        if context.willLoadLayerOnCompletion(dest):
            details = context.layerToLoadOnCompletionDetails(dest)
            context.addLayerToLoadOnCompletion(dest_id, details)
        return dest_id

    def _write_memory_output(self, dest, source, in_layer, whole, fids, ids, index, status, context, feedback,
                             bounds_of_points):
        """A memory: OUTPUT from a file source: GDAL/SQLite write a temporary GeoPackage (the fast way), and QGIS
        copies it into a memory layer in C++ (``materialize``) — no million QgsFeatures built in Python."""
        staging = memory_staging_path(dest, "addresses_with_quartier")
        written = self._write_output(staging, source, in_layer, whole, fids, ids, index, status, context, feedback,
                                     bounds_of_points=bounds_of_points)
        if written != staging:
            remove_dataset_files(staging)
            return None
        self.check_canceled(feedback)
        return materialize_staged(staging, dest, context, tr("Addresses with quartier"), feedback)

    # -----------------------------------------------------------------------------------------------------------------
    def _write_report(self, path, in_name, q_name, quartiers, fids, px, py, index, status, n_interior, duplicates,
                      per_quartier, n_multi, feedback):
        esc = html.escape
        ids = quartiers["ids"]
        counts = np.bincount(status, minlength=4)
        rows = []

        def table(headers, body):
            out = ["<table><tr>" + "".join("<th>{}</th>".format(esc(h)) for h in headers) + "</tr>"]
            for row in body:
                out.append("<tr>" + "".join("<td>{}</td>".format(esc(str(c))) for c in row) + "</tr>")
            out.append("</table>")
            return "\n".join(out)

        rows.append("<h1>{}</h1>".format(esc(tr("Assignment of addresses to quartiers"))))
        rows.append("<p>{}</p>".format(esc(tr("Addresses: “{}” ({} features). Quartiers: “{}” ({} features).")
                                           .format(in_name, len(fids), q_name, len(ids)))))
        rows.append("<h2>{}</h2>".format(esc(tr("Addresses per status"))))
        rows.append(table([tr("Status"), tr("Addresses")], [
            (tr("inside"), int(counts[pip.INSIDE])), (tr("boundary"), int(counts[pip.BOUNDARY])),
            (tr("outside"), int(counts[pip.OUTSIDE])), (tr("no geometry"), int(counts[pip.NO_GEOMETRY])),
            (tr("total"), len(fids))]))
        if n_multi:
            rows.append("<p>{}</p>".format(esc(tr("{} multipoint addresses were placed by their first point.")
                                               .format(n_multi))))
        empty_q = [ids[i] for i in range(len(ids)) if per_quartier["n_addresses"][i] == 0]
        rows.append("<p>{}</p>".format(esc(tr("Quartiers without any address: {}").format(
            ", ".join(sorted(empty_q)) if empty_q else tr("none")))))

        municipality_field = self._municipality_field(quartiers)
        if municipality_field:
            names = [str(f[municipality_field]) if f[municipality_field] is not None else ""
                     for f in quartiers["features"]]
            rows.append("<h2>{}</h2>".format(esc(tr("Addresses per municipality (field “{}” of the quartiers)")
                                                 .format(municipality_field))))
            body = []
            for name in sorted(set(names)):
                members = np.array([i for i, n in enumerate(names) if n == name], dtype=np.int64)
                mine = np.isin(index, members)
                body.append((name, len(members), int((mine & (status == pip.INSIDE)).sum()),
                             int((mine & (status == pip.BOUNDARY)).sum()), int(mine.sum())))
            rows.append(table([tr("Municipality"), tr("Quartiers"), tr("inside"), tr("boundary"), tr("total")], body))

        rows.append("<h2>{}</h2>".format(esc(tr("Duplicate addresses (same coordinates)"))))
        dup_ids = np.flatnonzero(duplicates)
        if len(dup_ids):
            order = dup_ids[np.lexsort((py[dup_ids], px[dup_ids]))]
            rows.append("<p>{}</p>".format(esc(tr("{} addresses share their location with another address.")
                                               .format(len(dup_ids)))))
            rows.append(table([tr("Feature id"), "x", "y"],
                              [(int(fids[i]), px[i], py[i]) for i in order[:LIST_LIMIT]]))
        else:
            rows.append("<p>{}</p>".format(esc(tr("none"))))

        feedback.pushInfo(tr("Checking quartiers for overlaps and gaps…"))
        overlaps, gaps = self._overlaps_and_gaps(quartiers, feedback)
        rows.append("<h2>{}</h2>".format(esc(tr("Overlapping quartiers"))))
        rows.append(table([tr("Quartier"), tr("Quartier"), tr("Overlap area")], overlaps) if overlaps
                    else "<p>{}</p>".format(esc(tr("none"))))
        n_overlap_points = int((n_interior > 1).sum())
        if n_overlap_points:
            rows.append("<p>{}</p>".format(esc(tr("{} addresses lie in overlaps; each went to the smallest id.")
                                               .format(n_overlap_points))))
        rows.append("<h2>{}</h2>".format(esc(tr("Gaps between quartiers"))))
        rows.append(table([tr("Gap"), tr("Area"), tr("Centre x"), tr("Centre y")], gaps) if gaps
                    else "<p>{}</p>".format(esc(tr("none"))))

        rows.append("<h2>{}</h2>".format(esc(tr("Invalid quartier geometries (repaired for the assignment)"))))
        rows.append(table([tr("Quartier"), tr("Problem")], quartiers["invalid"]) if quartiers["invalid"]
                    else "<p>{}</p>".format(esc(tr("none"))))

        rows.append("<h2>{}</h2>".format(esc(tr("Addresses outside every quartier"))))
        outside = np.flatnonzero(status == pip.OUTSIDE)
        if len(outside):
            if len(outside) > LIST_LIMIT:
                rows.append("<p>{}</p>".format(esc(tr("The first {} of {}.").format(LIST_LIMIT, len(outside)))))
            rows.append(table([tr("Feature id"), "x", "y"],
                              [(int(fids[i]), px[i], py[i]) for i in outside[:LIST_LIMIT]]))
        else:
            rows.append("<p>{}</p>".format(esc(tr("none"))))
        no_geom = np.flatnonzero(status == pip.NO_GEOMETRY)
        if len(no_geom):
            rows.append("<h2>{}</h2>".format(esc(tr("Addresses without geometry"))))
            rows.append("<p>{}</p>".format(esc(tr("Feature ids: {}").format(
                ", ".join(str(int(fids[i])) for i in no_geom[:LIST_LIMIT])))))

        page = (
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>"
            "body{{font-family:sans-serif}} table{{border-collapse:collapse}} "
            "td,th{{border:1px solid #999;padding:2px 6px}}</style></head><body>\n{}\n</body></html>\n"
        ).format(esc(tr("Assignment of addresses to quartiers")), "\n".join(rows))
        folder = os.path.dirname(os.path.abspath(path))
        tmp = os.path.join(folder, ".{}.tmp".format(os.path.basename(path)))
        try:
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(page)
            os.replace(tmp, path)
        except OSError as err:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise QgsProcessingException(tr("Could not write the report “{}”: {}").format(path, err)) from err

    @staticmethod
    def _municipality_field(quartiers):
        """A municipality field of the quartier layer, if it has one by a usual name (for the report)."""
        if not quartiers["features"]:
            return None
        names = {n.lower(): n for n in quartiers["features"][0].fields().names()}
        for candidate in ("municipality", "municipality_name", "gemeinde", "gemeindename", "gemeinde_name",
                          "municipality_id", "gemeinde_id", "ags"):
            if candidate in names:
                return names[candidate]
        return None

    @staticmethod
    def _overlaps_and_gaps(quartiers, feedback):
        """Pairs of overlapping quartiers with the overlap area, and the gaps (holes of their union) with area."""
        geoms = quartiers["geometries"]
        ids = quartiers["ids"]
        index = QgsSpatialIndex()
        for i, g in enumerate(geoms):
            if not g.isNull() and not g.isEmpty():
                feature = QgsFeature(i)
                feature.setGeometry(g)
                if not index.addFeature(feature):
                    raise QgsProcessingException(tr("Quartier “{}”: its geometry cannot be indexed.").format(ids[i]))
        overlaps = []
        for i, g in enumerate(geoms):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled by the user."))
            if g.isNull() or g.isEmpty():
                continue
            for j in index.intersects(g.boundingBox()):
                if j <= i:
                    continue
                inter = g.intersection(geoms[j])
                area = inter.area() if not inter.isNull() else 0.0
                if area > 0:
                    a, b = sorted((ids[i], ids[j]))
                    overlaps.append((a, b, round(area, 2)))
        overlaps.sort()
        gaps = []
        union = QgsGeometry.unaryUnion([g for g in geoms if not g.isNull() and not g.isEmpty()])
        if union is not None and not union.isNull():
            polygons = union.asMultiPolygon() if union.isMultipart() else [union.asPolygon()]
            k = 0
            for polygon in polygons:
                for ring in polygon[1:]:
                    hole = QgsGeometry.fromPolygonXY([ring]).difference(union)  # less islands inside it
                    if hole.isNull() or hole.area() <= 0:
                        continue
                    k += 1
                    centre = hole.pointOnSurface().asPoint()
                    gaps.append((k, round(hole.area(), 2), round(centre.x(), 2), round(centre.y(), 2)))
        return overlaps, gaps
