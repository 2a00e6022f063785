"""``quartiersmonitor:geocodeaddresses`` — geocode a table of addresses by the official address directory."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...addresses import matching
from ...compat import (
    FAST_INSERT,
    GEOMETRY_POINT,
    REQUEST_NO_GEOMETRY,
    T_INT,
    T_STRING,
    WKB_NO_GEOMETRY,
    WKB_POINT,
    WKT_PREFERRED_GDAL,
    parameter_as_strings,
)
from ...translation import tr
from ..base import GROUP_ADDRESSES, NUMBER_DOUBLE, SOURCE_ANY, SOURCE_POINT, QuartiersAlgorithm
from ..gpkg_table import gpkg_copy_source, gpkg_field_definitions, write_gpkg_table
from ..inputs import require_field, require_geometry, source_name, whole_layer
from ..ogr_arrow import ogr_file_source
from ..outputs import discard_output, materialize_staged, memory_staging_path, ogr_driver_for_path
from ..readers import python_values, read_attribute_table, read_points_with_attributes

_CHUNK = 10000  # features written between two cancel checks

_TEXT_TYPES = {str, type(None)}


class GeocodeAddresses(QuartiersAlgorithm):
    ALG_ID = "geocodeaddresses"
    GROUP_ID = GROUP_ADDRESSES

    INPUT = "INPUT"
    STREET_FIELD = "STREET_FIELD"
    HOUSENUMBER_FIELD = "HOUSENUMBER_FIELD"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    CITY_FIELD = "CITY_FIELD"
    DIRECTORY = "DIRECTORY"
    DIR_STREET_FIELD = "DIR_STREET_FIELD"
    DIR_HOUSENUMBER_FIELD = "DIR_HOUSENUMBER_FIELD"
    DIR_POSTCODE_FIELD = "DIR_POSTCODE_FIELD"
    DIR_CITY_FIELD = "DIR_CITY_FIELD"
    FUZZY = "FUZZY"
    FUZZY_THRESHOLD = "FUZZY_THRESHOLD"
    STREET_FALLBACK = "STREET_FALLBACK"
    OUTPUT = "OUTPUT"
    UNMATCHED = "UNMATCHED"

    def displayName(self):
        return tr("Geocode addresses by the address directory")

    def shortHelpString(self):
        return tr(
            "Gives each row of a table (e.g. a list of offerings with their addresses) the location of its address "
            "in the official address directory (a point layer). No network and no external geocoder are used.\n\n"
            "Addresses are compared in stages; the first that succeeds wins:\n"
            "exact (score 100): street, house number and, where both sides have them, postcode and city identical;\n"
            "normalized (score 95, or 90 when only the plain house number matched, e.g. '12a' or '12-14' found as "
            "'12'): German spellings unified: 'Str.'/'Strasse'/'Straße', umlauts and ß, case, spaces and hyphens, "
            "house number suffixes ('12a', '12 A'), 'St.'/'Sankt';\n"
            "fuzzy (score up to 89): the street name is misspelt but similar enough (similarity at least the fuzzy "
            "threshold) to exactly one street of the same postcode or city;\n"
            "street (score up to 50): the street is found, the house number not: the point is the centroid of that "
            "street's addresses.\n"
            "Postcode, then city, then the whole directory are searched; a wider area costs 5 points of score, and "
            "an address found in several places of the whole directory is ambiguous.\n\n"
            "OUTPUT holds every input row with match_status (exact, normalized, fuzzy, street, unmatched), "
            "match_score (0-100) and match_address (the directory address used); unmatched rows have no geometry. "
            "UNMATCHED lists the rows not found with unmatched_reason: no_street, street_not_found, ambiguous or "
            "housenumber_not_found (only when the street fallback is off).\n\n"
            "A CSV file is best loaded as a delimited text layer with its encoding (e.g. windows-1252) and "
            "separator set; text read with a wrong encoding is reported as an error."
        )

    def initAlgorithm(self, config=None):
        self._add(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Addresses to geocode (table or layer)"), [SOURCE_ANY]
            )
        )
        self._add(
            QgsProcessingParameterField(self.STREET_FIELD, tr("Street field"), parentLayerParameterName=self.INPUT)
        )
        self._add(
            QgsProcessingParameterField(
                self.HOUSENUMBER_FIELD, tr("House number field"), parentLayerParameterName=self.INPUT
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.POSTCODE_FIELD, tr("Postcode field"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self._add(
            QgsProcessingParameterField(self.CITY_FIELD, tr("City field"), parentLayerParameterName=self.INPUT,
                                        optional=True)
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.DIRECTORY, tr("Address directory (points)"), [SOURCE_POINT]
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.DIR_STREET_FIELD, tr("Directory street field"), parentLayerParameterName=self.DIRECTORY
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.DIR_HOUSENUMBER_FIELD, tr("Directory house number field"),
                parentLayerParameterName=self.DIRECTORY,
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.DIR_POSTCODE_FIELD, tr("Directory postcode field"), parentLayerParameterName=self.DIRECTORY,
                optional=True,
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.DIR_CITY_FIELD, tr("Directory city field"), parentLayerParameterName=self.DIRECTORY,
                optional=True,
            )
        )
        self._add(
            QgsProcessingParameterBoolean(self.FUZZY, tr("Match misspelt street names (fuzzy)"), defaultValue=True)
        )
        threshold = QgsProcessingParameterNumber(
            self.FUZZY_THRESHOLD, tr("Fuzzy threshold: minimum similarity of street names (percent)"),
            NUMBER_DOUBLE, defaultValue=100 * matching.DEFAULT_THRESHOLD,
            minValue=50.0, maxValue=100.0,
        )
        fallback = QgsProcessingParameterBoolean(
            self.STREET_FALLBACK, tr("Place addresses with unknown house number at their street's centroid"),
            defaultValue=True,
        )
        self._add(threshold, advanced=True)
        self._add(fallback, advanced=True)
        self._add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Geocoded addresses"), SOURCE_POINT
            )
        )
        self._add(
            QgsProcessingParameterFeatureSink(
                self.UNMATCHED, tr("Unmatched addresses"), SOURCE_ANY, optional=True,
                createByDefault=True,
            )
        )
        self._add(QgsProcessingOutputNumber("MATCHED_COUNT", tr("Number of rows matched")))
        self._add(QgsProcessingOutputNumber("UNMATCHED_COUNT", tr("Number of rows not matched")))

    # -- reading ------------------------------------------------------------------------------------------------
    @staticmethod
    def _check_encoding(values, layer_label, field_name):
        text = np.asarray(values, dtype=object)
        distinct = pd.unique(text)  # each distinct text checked once
        if not any(isinstance(v, str) and "\ufffd" in v for v in distinct.tolist()):
            return
        for row, value in enumerate(values):
            if isinstance(value, str) and "\ufffd" in value:
                raise QgsProcessingException(
                    tr(
                        "Layer '{}', field '{}', row {}: the text '{}' holds characters that are not valid in the "
                        "layer's encoding. Load the file with its real encoding (for a CSV: as a delimited text "
                        "layer with encoding windows-1252 or ISO-8859-1) and run again."
                    ).format(layer_label, field_name, row + 1, value)
                )

    def _columns(self, source, table, names, layer_label, labels):
        """The chosen fields (None: not given) as lists of Python values, their text checked for a wrong encoding."""
        columns = []
        for name, label in zip(names, labels):
            if name is None:
                columns.append([None] * len(table))
                continue
            values = python_values(table[name], source.fields().field(name))
            self._check_encoding(values, layer_label, label)
            columns.append(values)
        return columns

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        directory = self.parameterAsSource(parameters, self.DIRECTORY, context)
        if directory is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DIRECTORY))
        in_label = source_name(parameters, self.INPUT, source)
        dir_label = source_name(parameters, self.DIRECTORY, directory)

        def field(name):
            values = parameter_as_strings(self, parameters, name, context)
            return values[0] if values else ""

        require_geometry(directory, GEOMETRY_POINT, dir_label, self.DIRECTORY)
        in_fields = [field(self.STREET_FIELD), field(self.HOUSENUMBER_FIELD), field(self.POSTCODE_FIELD),
                     field(self.CITY_FIELD)]
        dir_fields = [field(self.DIR_STREET_FIELD), field(self.DIR_HOUSENUMBER_FIELD), field(self.DIR_POSTCODE_FIELD),
                      field(self.DIR_CITY_FIELD)]
        in_params = [self.STREET_FIELD, self.HOUSENUMBER_FIELD, self.POSTCODE_FIELD, self.CITY_FIELD]
        dir_params = [self.DIR_STREET_FIELD, self.DIR_HOUSENUMBER_FIELD, self.DIR_POSTCODE_FIELD, self.DIR_CITY_FIELD]
        in_idx = [require_field(source, f, in_label, p) if (f or k < 2) else -1
                  for k, (f, p) in enumerate(zip(in_fields, in_params))]
        dir_idx = [require_field(directory, f, dir_label, p) if (f or k < 2) else -1
                   for k, (f, p) in enumerate(zip(dir_fields, dir_params))]
        # the fields' own names (lookupField also finds them by other case or alias)
        in_names = [source.fields().at(i).name() if i >= 0 else None for i in in_idx]
        dir_names = [directory.fields().at(i).name() if i >= 0 else None for i in dir_idx]
        if directory.featureCount() == 0:
            raise QgsProcessingException(
                tr("The address directory '{}' is empty: there is nothing to match against.").format(dir_label)
            )
        fuzzy = self.parameterAsBoolean(parameters, self.FUZZY, context)
        threshold = self.parameterAsDouble(parameters, self.FUZZY_THRESHOLD, context) / 100.0
        street_fallback = self.parameterAsBoolean(parameters, self.STREET_FALLBACK, context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)

        # Whole file layers are read by GDAL directly (ogr_arrow), others through QGIS.
        def layer_of(name, src):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            whole = whole_layer(parameters, name, layer, src)
            return layer, whole

        feedback.pushInfo(tr("Reading the address directory '{}'…").format(dir_label))
        dir_layer, dir_whole = layer_of(self.DIRECTORY, directory)
        _fids, dx, dy, _n, dtable = read_points_with_attributes(
            directory, directory.sourceCrs(), context, [n for n in dir_names if n], steps, layer=dir_layer,
            whole=dir_whole)
        dcols = self._columns(directory, dtable, dir_names, dir_label, dir_fields)
        steps.setCurrentStep(1)
        feedback.pushInfo(tr("Reading the addresses to geocode from '{}'…").format(in_label))
        out_fields, un_fields = self._output_fields(source)
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        un_path = None if parameters.get(self.UNMATCHED) in (None, "") else \
            self.parameterAsOutputLayer(parameters, self.UNMATCHED, context)
        # A GeoPackage OUTPUT is written by GDAL and SQLite from the input's values (all read here); so is a
        # memory layer, into a temporary GeoPackage first that QGIS then copies into memory in C++; other
        # destinations through QGIS, the input's attributes copied feature by feature.
        stages = {self.OUTPUT: memory_staging_path(out_path, "geocoded"),
                  self.UNMATCHED: memory_staging_path(un_path, "unmatched")}
        targets = (stages[self.OUTPUT] or out_path, stages[self.UNMATCHED] or un_path)
        fast_out = ogr_driver_for_path(targets[0]) == "GPKG" and gpkg_field_definitions(out_fields) is not None
        in_layer, in_whole = layer_of(self.INPUT, source)
        # A whole file layer (GDAL reads its text as QGIS does): its attributes are copied into the GeoPackage
        # outputs inside SQLite, so only the address fields are read here.
        copy_info = ogr_file_source(in_layer, tables=True, text=True) if fast_out and in_whole else None
        read_names = source.fields().names() if fast_out and copy_info is None else [n for n in in_names if n]
        table = read_attribute_table(source, read_names, steps, layer=in_layer, whole=in_whole)
        icols = self._columns(source, table, in_names, in_label, in_fields)
        in_fids = table["fid"].to_numpy()
        self.check_canceled(feedback)

        steps.setCurrentStep(2)
        feedback.pushInfo(tr("Matching {} addresses against {} directory addresses…").format(len(table), len(dx)))
        d = matching.Directory(dcols[0], dcols[1], dx, dy, postcode=dcols[2] if dir_idx[2] >= 0 else None,
                               city=dcols[3] if dir_idx[3] >= 0 else None)
        try:
            result = matching.geocode(
                d, icols[0], icols[1], postcode=icols[2] if in_idx[2] >= 0 else None,
                city=icols[3] if in_idx[3] >= 0 else None, fuzzy=fuzzy, threshold=threshold,
                street_fallback=street_fallback, is_canceled=feedback.isCanceled,
            )
        except matching.Canceled:
            self.check_canceled(feedback)
            raise
        steps.setCurrentStep(3)
        if in_idx[2] >= 0 and dir_idx[2] < 0:
            feedback.pushWarning(tr("The directory has no postcode field: the input postcodes are not used."))
        if in_idx[3] >= 0 and dir_idx[3] < 0:
            feedback.pushWarning(tr("The directory has no city field: the input cities are not used."))

        # -- outputs --------------------------------------------------------------------------------------------
        status = result["status"].to_numpy()
        matched = status != matching.UNMATCHED
        addresses = self._match_addresses(result, dcols, icols[0])
        if fast_out and copy_info is not None:
            outputs = self._write_copied(directory, copy_info, in_fids, targets, out_fields, un_fields, result,
                                         addresses, steps, feedback, spatial_index=stages[self.OUTPUT] is None)
            if outputs is not None:
                return self._finish(result, len(table), self._materialized(
                    outputs, stages, {self.OUTPUT: out_fields, self.UNMATCHED: un_fields}, parameters, context,
                    feedback), feedback)
            table = read_attribute_table(source, source.fields().names(), steps, layer=in_layer, whole=in_whole)
            if not np.array_equal(table["fid"].to_numpy(), in_fids):
                fast_out = False  # the layer changed meanwhile: QGIS writes it
        if fast_out:
            values = [python_values(table[f.name()], f) for f in source.fields()]
            outputs = self._write_fast(parameters, context, directory, targets, out_fields, un_fields, values,
                                       result, addresses, steps, feedback, spatial_index=stages[self.OUTPUT] is None)
            if outputs is not None:
                return self._finish(result, len(table), self._materialized(
                    outputs, stages, {self.OUTPUT: out_fields, self.UNMATCHED: un_fields}, parameters, context,
                    feedback), feedback)

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, WKB_POINT, directory.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        un_sink, un_id = self.parameterAsSink(
            parameters, self.UNMATCHED, context, un_fields, WKB_NO_GEOMETRY, directory.sourceCrs()
        )
        un_path = self.parameterAsOutputLayer(parameters, self.UNMATCHED, context) if un_sink is not None else None
        outputs = {self.OUTPUT: dest_id}
        if un_sink is not None:
            outputs[self.UNMATCHED] = un_id

        xs = result["x"].to_numpy()
        ys = result["y"].to_numpy()
        score = result["score"].to_numpy()
        reason = result["reason"].to_numpy()
        address_texts, address_codes = addresses
        position = {int(f): i for i, f in enumerate(in_fids.tolist())}
        n = len(in_fids)
        try:
            batch, un_batch = [], []
            request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
            for k, original in enumerate(source.getFeatures(request)):
                i = position[original.id()]
                attributes = original.attributes()
                feature = QgsFeature(out_fields)
                if matched[i]:
                    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(xs[i]), float(ys[i]))))
                code = int(address_codes[i])
                feature.setAttributes(attributes + [status[i], int(score[i]),
                                                    address_texts[code] if code >= 0 else None])
                batch.append(feature)
                if not matched[i] and un_sink is not None:
                    row = QgsFeature(un_fields)
                    row.setAttributes(attributes + [reason[i]])
                    un_batch.append(row)
                if len(batch) >= _CHUNK:
                    self.check_canceled(feedback)
                    steps.setProgress(100.0 * k / max(n, 1))
                    self._flush(sink, batch, out_path)
                    self._flush(un_sink, un_batch, un_path)
            self.check_canceled(feedback)
            self._flush(sink, batch, out_path)
            self._flush(un_sink, un_batch, un_path)
        except QgsProcessingException:
            del sink, un_sink
            discard_output(out_path)
            discard_output(un_path)
            raise
        del sink, un_sink
        return self._finish(result, n, outputs, feedback)

    @staticmethod
    def _output_fields(source):
        """Fields of OUTPUT and UNMATCHED: the input's and the new ones (renamed where the input has them)."""
        extra = QgsFields()
        extra.append(QgsField("match_status", T_STRING, len=12))
        extra.append(QgsField("match_score", T_INT))
        extra.append(QgsField("match_address", T_STRING, len=254))
        reason_fields = QgsFields()
        reason_fields.append(QgsField("unmatched_reason", T_STRING, len=32))
        return (QgsProcessingUtils.combineFields(source.fields(), extra),
                QgsProcessingUtils.combineFields(source.fields(), reason_fields))

    def _materialized(self, outputs, stages, fields, parameters, context, feedback):
        """``outputs`` with each output written into a temporary GeoPackage for a memory layer (``stages``)
        replaced by that memory layer (outputs.materialize_staged) with the QgsFields ``fields[key]``."""
        try:
            for key, staging in stages.items():
                if staging is None or outputs.get(key) != staging:
                    continue
                dest = self.parameterAsOutputLayer(parameters, key, context)
                name = tr("Geocoded addresses") if key == self.OUTPUT else tr("Unmatched addresses")
                layer_id = materialize_staged(staging, dest, context, name, feedback, fields=fields[key])
                if layer_id is None:
                    raise QgsProcessingException(tr("Could not copy “{}” into a memory layer.").format(staging))
                outputs[key] = layer_id
        except QgsProcessingException:
            for staging in stages.values():
                discard_output(staging)  # a staged output not copied yet
            raise
        return outputs

    def _new_values(self, directory, result, addresses):
        """What the GeoPackage writers add to the input's attributes: the matched flags, the points (NaN where
        unmatched), the directory CRS as WKT and the columns match_status, match_score, match_address."""
        status = result["status"].to_numpy()
        matched = status != matching.UNMATCHED
        points = (np.where(matched, result["x"].to_numpy(dtype=float), np.nan),
                  np.where(matched, result["y"].to_numpy(dtype=float), np.nan))
        crs = directory.sourceCrs()
        srs_wkt = crs.toWkt(WKT_PREFERRED_GDAL) if crs.isValid() else ""
        columns = [self._factorized(status), self._factorized(result["score"].to_numpy().astype(np.int64)),
                   addresses]
        return matched, points, srs_wkt, columns

    def _write_copied(self, directory, info, fids, targets, out_fields, un_fields, result, addresses, feedback,
                      parent_feedback, spatial_index=True):
        """OUTPUT (and UNMATCHED when it is a GeoPackage too) written into GeoPackages ``targets`` whose input
        attributes are copied inside SQLite from the input file ``info`` (another OGR format is copied into a
        temporary GeoPackage first, as assignaddresses does); Python passes only the new values. None when this
        does not apply (nothing written): the caller writes the outputs its other way."""
        out_path, un_path = targets
        if un_path is not None and ogr_driver_for_path(un_path) != "GPKG":
            return None
        if un_path is not None and gpkg_field_definitions(un_fields) is None:
            return None
        with gpkg_copy_source(info, fids, parent_feedback) as copy_source:
            if copy_source is None:
                return None
            matched, points, srs_wkt, columns = self._new_values(directory, result, addresses)
            feedback.pushInfo(tr("Writing “{}” with GDAL…").format(out_path))
            try:
                self.check_canceled(parent_feedback)
                if not write_gpkg_table(out_path, out_fields, columns, feedback, points=points, srs_wkt=srs_wkt,
                                        copy_from=copy_source, spatial_index=spatial_index):
                    return None
                outputs = {self.OUTPUT: out_path}
                self.check_canceled(parent_feedback)
                if un_path is None:
                    return outputs
                rows = np.flatnonzero(~matched)
                if not write_gpkg_table(un_path, un_fields, [result["reason"].to_numpy()[rows].tolist()], feedback,
                                        copy_from=(copy_source[0], copy_source[1][rows])):
                    discard_output(out_path)
                    return None
                outputs[self.UNMATCHED] = un_path
                return outputs
            except QgsProcessingException:
                discard_output(out_path)
                discard_output(un_path)
                raise

    def _write_fast(self, parameters, context, directory, targets, out_fields, un_fields, values, result,
                    addresses, feedback, parent_feedback, spatial_index=True):
        """OUTPUT written into the GeoPackage ``targets[0]`` by GDAL and SQLite (gpkg_table.write_gpkg_table);
        UNMATCHED (``targets[1]``, None: not wanted) the same way when it is a GeoPackage too, else through QGIS.
        None when the GeoPackage cannot be written this way. ``feedback`` shows the progress of this step;
        ``parent_feedback`` is the algorithm's own, asked for a cancel before and between the outputs."""
        out_path, un_target = targets
        matched, points, srs_wkt, new_columns = self._new_values(directory, result, addresses)
        feedback.pushInfo(tr("Writing “{}” with GDAL…").format(out_path))
        columns = values + new_columns
        un_path, un_sink = None, None
        try:
            self.check_canceled(parent_feedback)
            if not write_gpkg_table(out_path, out_fields, columns, feedback, points=points, srs_wkt=srs_wkt,
                                    spatial_index=spatial_index):
                return None
            outputs = {self.OUTPUT: out_path}
            self.check_canceled(parent_feedback)
            if un_target is None:
                return outputs
            rows = np.flatnonzero(~matched).tolist()
            un_columns = [[column[i] for i in rows] for column in values]
            un_columns.append([result["reason"].iat[i] for i in rows])
            un_path = un_target
            if ogr_driver_for_path(un_path) == "GPKG" and write_gpkg_table(un_path, un_fields, un_columns, feedback):
                outputs[self.UNMATCHED] = un_path
                return outputs
            un_path = None
            un_sink, un_id = self.parameterAsSink(
                parameters, self.UNMATCHED, context, un_fields, WKB_NO_GEOMETRY, directory.sourceCrs()
            )
            if un_sink is None:
                return outputs
            un_path = self.parameterAsOutputLayer(parameters, self.UNMATCHED, context)
            batch = []
            for row in zip(*un_columns):
                feature = QgsFeature(un_fields)
                feature.setAttributes(list(row))
                batch.append(feature)
                if len(batch) >= _CHUNK:
                    self.check_canceled(parent_feedback)
                    self._flush(un_sink, batch, un_path)
            self.check_canceled(parent_feedback)
            self._flush(un_sink, batch, un_path)
            un_sink = None  # flushed and closed
            outputs[self.UNMATCHED] = un_id
            return outputs
        except QgsProcessingException:
            un_sink = None  # noqa: F841 (closes a file written by QGIS before it is removed)
            discard_output(out_path)
            discard_output(un_path)
            raise

    @staticmethod
    def _flush(sink, batch, name):
        """Write and empty ``batch`` (a clear error when QGIS cannot write it)."""
        if sink is not None and batch and not sink.addFeatures(batch, FAST_INSERT):
            raise QgsProcessingException(tr("Could not write “{}”: {}").format(name, sink.lastError()))
        del batch[:]

    @staticmethod
    def _match_addresses(result, dcols, in_street):
        """match_address of every row, factorized: ``(texts, codes)``, row i's text ``texts[codes[i]]``, code -1
        (NULL) when unmatched. The text is the directory address used; for a street centroid the street as the
        input spelt it."""
        dstreet, dnumber, dpostcode, dcity = dcols
        status = result["status"].to_numpy()
        dir_index = result["dir_index"].to_numpy().astype(np.int64)
        matched = status != matching.UNMATCHED
        codes = np.full(len(status), -1, dtype=np.int64)
        at_address = matched & (dir_index >= 0)
        used, inverse = np.unique(dir_index[at_address], return_inverse=True)  # each address formatted once
        codes[at_address] = inverse
        idx = used.tolist()
        parts = [[column[k] for k in idx] for column in (dstreet, dnumber, dpostcode, dcity)]
        if all(set(map(type, values)) <= _TEXT_TYPES for values in parts):  # text only: one tight comprehension
            texts = [((s or "") + " " + (n or "")).strip()
                     + (", " + p + " " + c if p and c else ", " + p if p else ", " + c if c else "")
                     for s, n, p, c in zip(*parts)]
        else:
            texts = []
            for s, n, p, c in zip(*parts):
                text = "{} {}".format(s or "", n or "").strip()
                place = " ".join(str(v) for v in (p, c) if v not in (None, ""))
                texts.append(text + (", " + place if place else ""))
        at_street = np.flatnonzero(matched & (dir_index < 0))  # street centroid: the street as spelt
        if len(at_street):
            street_codes, streets = pd.factorize(
                np.asarray([str(in_street[i] or "") for i in at_street.tolist()], dtype=object))
            codes[at_street] = len(texts) + street_codes
            texts.extend(streets.tolist())
        return texts, codes

    @staticmethod
    def _factorized(values):
        """``(distinct values, codes)`` of an array, as gpkg_table.write_gpkg_table takes a column."""
        codes, uniques = pd.factorize(values)
        return uniques.tolist(), codes

    def _finish(self, result, n, outputs, feedback):
        counts = matching.summary(result)
        feedback.pushInfo(
            tr("Matched: exact {}, normalized {}, fuzzy {}, street {}; unmatched {} of {}.").format(
                counts["exact"], counts["normalized"], counts["fuzzy"], counts["street"], counts["unmatched"], n
            )
        )
        if counts["unmatched"]:
            reasons = result.loc[result["status"] == matching.UNMATCHED, "reason"].value_counts()
            feedback.pushInfo(
                tr("Unmatched by reason: {}").format(", ".join("{} {}".format(k, v) for k, v in reasons.items()))
            )
        feedback.setProgress(100)
        outputs["MATCHED_COUNT"] = n - counts["unmatched"]
        outputs["UNMATCHED_COUNT"] = counts["unmatched"]
        return outputs
