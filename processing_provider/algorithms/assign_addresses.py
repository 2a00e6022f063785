"""``quartiersmonitor:assignaddresses`` -- give every address the quartier it lies in."""


import numpy as np
import pandas as pd
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
)

from ...compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    T_DOUBLE,
    T_LONG,
    T_STRING,
    parameter_as_strings,
    plain_value,
)
from ...spatial import pip
from ...spatial.assignment_report import AssignmentData, build_report, municipality_field
from ...translation import tr
from ..base import GROUP_ADDRESSES, QuartiersAlgorithm, default_field
from ..errors import empty_layer
from ..inputs import border_tolerance, check_crs_pair, require_field, require_geometry, whole_layer
from ..outputs import write_text_file
from ..quartier_checks import GAP_WIDTH_M, overlaps_and_gaps
from ..readers import read_attribute_table, read_point_coordinates, read_quartiers
from ..vector_output import LayerContent, OutputSet, output_fields, unique_name, write_vector_output

STATUS_FIELD = "assign_status"
ID_FIELD = "quartier_id"


class AssignAddressesAlgorithm(QuartiersAlgorithm):
    ALG_ID = "assignaddresses"
    GROUP_ID = GROUP_ADDRESSES

    SUM_FIELDS = "SUM_FIELDS"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
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
            "wins. A multipoint address is placed by its first point; Z and M values are ignored. Addresses that "
            "already have a field quartier_id or assign_status (any case, or quartier_i / assign_sta from a "
            "shapefile), e.g. from an earlier assignment, get it replaced in its place by the new one; the log "
            "says so.\n\n"
            "Addresses in another CRS are reprojected to the quartiers' CRS: the test happens in the quartiers' "
            "CRS (the output keeps the addresses' CRS). Reprojection moves a point by up to millimetres, so a "
            "reprojected address within 1 mm of a quartier border counts as on it (boundary, smallest id), as it "
            "would in one CRS. A layer with an unknown CRS (missing, or GeoPackage's 'Undefined geographic SRS') "
            "beside one with a known CRS is an error. Invalid quartier polygons (e.g. self-intersecting) are "
            "repaired for the computation and listed in the log and the report. Quartier ids are compared as "
            "text; NULL or duplicate ids are an error.\n\n"
            "SUMMARY: the quartier polygons with their fields plus n_addresses and sum_<field> for each field "
            "chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.\n\n"
            "REPORT: an HTML page with the counts per status (and per municipality or district: the quartiers' "
            "field MUNICIPALITY_FIELD, e.g. BEZ; left empty, a field named municipality, gemeinde or ags), "
            "duplicate addresses (same coordinates), overlaps and gaps between quartiers with their area, repaired "
            "quartier geometries and the addresses outside every quartier.\n\n"
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
            self.QUARTIER_ID, tr("Quartier id field"), defaultValue=default_field(self.QUARTIER_ID),
            parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY)
        self._add(param, tr("Field of the quartiers holding their unique id (compared as text)."))
        param = QgsProcessingParameterField(
            self.SUM_FIELDS, tr("Fields to sum per quartier"), parentLayerParameterName=self.INPUT,
            type=FIELD_NUMERIC, allowMultiple=True, optional=True)
        self._add(param, tr("Numeric address fields (e.g. residents) summed per quartier into the SUMMARY layer."))
        param = QgsProcessingParameterField(
            self.MUNICIPALITY_FIELD, tr("Municipality or district field of the quartiers (report)"),
            parentLayerParameterName=self.QUARTIERS, type=FIELD_ANY, optional=True)
        self._add(param, tr("Field of the quartiers naming their municipality or district (e.g. BEZ): the REPORT "
                            "counts the addresses per value. Empty: a field named municipality, gemeinde or ags, "
                            "if there is one."), advanced=True)
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
        source, quartier_source, id_field, sum_fields, municipality = self._inputs(parameters, context)
        in_name, q_name = source.sourceName(), quartier_source.sourceName()
        steps.setCurrentStep(0)
        feedback.pushInfo(tr("Reading quartiers of “{}”…").format(q_name))
        quartiers = read_quartiers(quartier_source, id_field, steps)
        if not quartiers["ids"]:
            raise empty_layer(q_name, self.QUARTIERS)
        self._warn_about_quartiers(quartiers, feedback)
        self.check_canceled(feedback)

        steps.setCurrentStep(1)
        in_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        whole = whole_layer(parameters, self.INPUT, in_layer, source)
        feedback.pushInfo(tr("Reading address points of “{}”…").format(in_name))
        fids, px, py, n_points = read_point_coordinates(
            source, quartiers["crs"], context, steps, layer=in_layer, whole=whole)
        feedback.pushInfo(tr("{} addresses read.").format(len(fids)))
        n_multi = int((n_points > 1).sum())
        if n_multi:
            feedback.pushWarning(tr("{} multipoint addresses with several points were placed by their first point.")
                                 .format(n_multi))
        self.check_canceled(feedback)

        steps.setCurrentStep(2)
        a = self._assign(quartiers, px, py, steps, feedback, border_tolerance(source.sourceCrs(), quartiers["crs"]))
        results = {name: int(a["counts"][code]) for name, code in self.STATUS_OUTPUTS}
        results["N_DUPLICATES"] = int(a["duplicates"].sum())

        steps.setCurrentStep(3)
        per_quartier = self._per_quartier(source, in_layer, whole, fids, a["index"], quartiers, sum_fields, steps)
        self.check_canceled(feedback)

        steps.setCurrentStep(4)
        with OutputSet() as written:
            if parameters.get(self.OUTPUT) not in (None, ""):
                content = self._address_content(source, in_layer, whole, fids, px, py, n_multi, quartiers, a)
                for name in content.replaced:
                    feedback.pushInfo(tr("Field “{}” of “{}” replaced by the new assignment.").format(name, in_name))
                results[self.OUTPUT] = written.add(write_vector_output(
                    self, parameters, self.OUTPUT, context, feedback, content, tr("Addresses with quartier"), steps))
            if parameters.get(self.SUMMARY) not in (None, ""):
                content = self._summary_content(quartier_source, quartiers, per_quartier)
                results[self.SUMMARY] = written.add(write_vector_output(
                    self, parameters, self.SUMMARY, context, feedback, content, tr("Quartiers with address counts"),
                    steps))
            if parameters.get(self.REPORT) not in (None, ""):
                report = self.parameterAsFileOutput(parameters, self.REPORT, context)
                feedback.pushInfo(tr("Checking quartiers for overlaps and gaps…"))
                overlaps, gaps = overlaps_and_gaps(quartiers, feedback)
                data = self._report_data(in_name, q_name, quartiers, fids, px, py, a, per_quartier, n_multi,
                                         overlaps, gaps, municipality)
                write_text_file(report, build_report(data, tr))
                results[self.REPORT] = report
        steps.setProgress(100)
        return results

    STATUS_OUTPUTS = (("N_INSIDE", pip.INSIDE), ("N_BOUNDARY", pip.BOUNDARY), ("N_OUTSIDE", pip.OUTSIDE),
                      ("N_NO_GEOMETRY", pip.NO_GEOMETRY))

    def _inputs(self, parameters, context):
        """The two sources, the quartier id field and the fields to sum, checked."""
        source = self.required_source(parameters, self.INPUT, context)
        quartier_source = self.required_source(parameters, self.QUARTIERS, context)
        id_field = self.parameterAsString(parameters, self.QUARTIER_ID, context)
        sum_fields = parameter_as_strings(self, parameters, self.SUM_FIELDS, context)
        in_name, q_name = source.sourceName(), quartier_source.sourceName()
        require_geometry(source, GEOMETRY_POINT, in_name, self.INPUT)
        require_geometry(quartier_source, GEOMETRY_POLYGON, q_name, self.QUARTIERS)
        require_field(quartier_source, id_field, q_name, self.QUARTIER_ID)
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or ""
        if municipality:
            municipality = quartier_source.fields().at(
                require_field(quartier_source, municipality, q_name, self.MUNICIPALITY_FIELD)).name()
        for name in sum_fields:
            idx = require_field(source, name, in_name, self.SUM_FIELDS)
            if not source.fields().at(idx).isNumeric():
                raise QgsProcessingException(
                    tr("Field “{}” of layer “{}” is not numeric and cannot be summed (parameter SUM_FIELDS).")
                    .format(name, in_name))
        check_crs_pair(source, quartier_source)
        return source, quartier_source, id_field, sum_fields, municipality

    @staticmethod
    def _warn_about_quartiers(quartiers, feedback):
        for qid, reason in quartiers["invalid"]:
            feedback.pushWarning(tr("Quartier “{}” has an invalid geometry ({}); repaired for the assignment.")
                                 .format(qid, reason))
        for qid in quartiers["empty"]:
            feedback.pushWarning(tr("Quartier “{}” has no geometry; no address can fall into it.").format(qid))

    def _assign(self, quartiers, px, py, steps, feedback, tolerance=0.0):
        """The quartier of every point: ``index`` (position in ``quartiers``, -1: none), ``status``, counts per
        status, quartiers holding each point in their interior, and the points sharing their location."""
        def progress(fraction):
            steps.setProgress(100.0 * fraction)
            self.check_canceled(feedback)

        # smallest id (as text) first: decides border points and overlaps, independent of feature order
        index, status, n_interior = pip.assign_by_id(px, py, quartiers["rings"], quartiers["ids"], progress,
                                                     tolerance)
        counts = np.bincount(status, minlength=4)
        for code, label in ((pip.INSIDE, tr("inside")), (pip.BOUNDARY, tr("boundary")),
                            (pip.OUTSIDE, tr("outside")), (pip.NO_GEOMETRY, tr("no geometry"))):
            feedback.pushInfo(tr("{}: {} addresses").format(label, int(counts[code])))
        n_overlap = int((n_interior > 1).sum())
        if n_overlap:
            feedback.pushWarning(tr("{} addresses lie where quartiers overlap; each went to the smallest id.")
                                 .format(n_overlap))
        return {"index": index, "status": status, "counts": counts, "n_interior": n_interior,
                "duplicates": pip.duplicate_mask(px, py)}

    @staticmethod
    def _per_quartier(source, in_layer, whole, fids, index, quartiers, sum_fields, feedback):
        """n_addresses and sum_<field> per quartier (NULL values not summed, and reported)."""
        n_q = len(quartiers["ids"])
        per_quartier = {"n_addresses": pip.sum_by_index(index, n_q)}
        if not sum_fields:
            return per_quartier
        table = read_attribute_table(source, sum_fields, feedback, layer=in_layer, whole=whole)
        pos = pd.Index(table["fid"].to_numpy()).get_indexer(fids)
        for name in sum_fields:
            values = pd.to_numeric(table[name], errors="coerce").to_numpy(dtype=np.float64)[pos]
            n_null = int(np.isnan(values).sum())
            if n_null:
                feedback.pushWarning(tr("Field “{}”: {} NULL values were not summed.").format(name, n_null))
            per_quartier["sum_" + name] = pip.sum_by_index(index, n_q, values)
        return per_quartier

    @staticmethod
    def _address_content(source, in_layer, whole, fids, px, py, n_multi, quartiers, a):
        """OUTPUT: the addresses with quartier_id and assign_status (both text), their own geometry; an input field
        of one of these names (or its shapefile cut) is replaced in its place (:func:`vector_output.output_fields`)."""
        extra = QgsFields()
        extra.append(QgsField(ID_FIELD, T_STRING))
        extra.append(QgsField(STATUS_FIELD, T_STRING))
        fields, positions, _replaced = output_fields(source.fields(), extra)
        # Bounds for a bulk-loaded spatial index: the points themselves (coordinates in the input's CRS); a
        # multipoint with several points needs its full box: GDAL builds that index.
        bounds = None
        if not n_multi and source.sourceCrs() == quartiers["crs"]:
            ok = np.isfinite(px) & np.isfinite(py)
            bounds = (fids[ok], px[ok], px[ok], py[ok], py[ok])
        columns = [(quartiers["ids"], a["index"]), (pip.STATUS_NAMES, a["status"])]
        return LayerContent(source, in_layer, whole, fids, fields, columns, "source", source.wkbType(),
                            source.sourceCrs(), bounds=bounds, positions=positions)

    @staticmethod
    def _summary_content(quartier_source, quartiers, per_quartier):
        """SUMMARY: the quartiers with n_addresses and sum_<field>."""
        extra = QgsFields()
        taken = quartier_source.fields().names()
        names = []
        for key in per_quartier:
            names.append(unique_name(key, taken + names))
            extra.append(QgsField(names[-1], T_LONG if key == "n_addresses" else T_DOUBLE))
        fields = QgsProcessingUtils.combineFields(quartier_source.fields(), extra)
        columns = [[int(v) if key == "n_addresses" else float(v) for v in values]
                   for key, values in per_quartier.items()]
        fids = [f.id() for f in quartiers["features"]]
        return LayerContent(quartier_source, None, False, fids, fields, columns, "source",
                            quartier_source.wkbType(), quartier_source.sourceCrs())

    @staticmethod
    def _report_data(in_name, q_name, quartiers, fids, px, py, a, per_quartier, n_multi, overlaps, gaps,
                     municipality=""):
        features = quartiers["features"]
        field = municipality or (municipality_field(features[0].fields().names()) if features else None)
        return AssignmentData(
            address_layer=in_name, quartier_layer=q_name, ids=quartiers["ids"], fids=fids, x=px, y=py,
            index=a["index"], status=a["status"], n_interior=a["n_interior"], duplicates=a["duplicates"],
            n_addresses=per_quartier["n_addresses"], n_multi=n_multi, municipality_field=field,
            municipalities=[plain_value(f[field]) for f in features] if field else None, overlaps=overlaps,
            gaps=gaps, invalid=quartiers["invalid"], gap_width=GAP_WIDTH_M if quartiers["crs"].isValid() else None)
