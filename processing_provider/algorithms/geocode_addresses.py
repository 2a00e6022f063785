"""``quartiersmonitor:geocodeaddresses`` — geocode a table of addresses by the official address directory."""

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
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
from ...addresses.match_output import factorized, first_undecodable, matched_address_texts
from ...compat import (
    GEOMETRY_POINT,
    NUMBER_DOUBLE,
    SOURCE_ANY,
    SOURCE_POINT,
    T_INT,
    T_STRING,
    WKB_NO_GEOMETRY,
    WKB_POINT,
)
from ...translation import tr
from ..base import GROUP_ADDRESSES, QuartiersAlgorithm, default_field, set_decimals
from ..inputs import require_field, require_geometry, source_name, whole_layer
from ..readers import python_values, read_attribute_table, read_points_with_attributes
from ..vector_output import LayerContent, OutputSet, input_file, write_vector_output


class GeocodeAddressesAlgorithm(QuartiersAlgorithm):
    ALG_ID = "geocodeaddresses"
    GROUP_ID = GROUP_ADDRESSES

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
            QgsProcessingParameterField(self.STREET_FIELD, tr("Street field"),
                                        defaultValue=default_field(self.STREET_FIELD),
                                        parentLayerParameterName=self.INPUT)
        )
        self._add(
            QgsProcessingParameterField(
                self.HOUSENUMBER_FIELD, tr("House number field"), defaultValue=default_field(self.HOUSENUMBER_FIELD),
                parentLayerParameterName=self.INPUT
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
                self.DIR_STREET_FIELD, tr("Directory street field"), defaultValue=default_field(self.DIR_STREET_FIELD),
                parentLayerParameterName=self.DIRECTORY
            )
        )
        self._add(
            QgsProcessingParameterField(
                self.DIR_HOUSENUMBER_FIELD, tr("Directory house number field"),
                defaultValue=default_field(self.DIR_HOUSENUMBER_FIELD), parentLayerParameterName=self.DIRECTORY,
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
        threshold = set_decimals(QgsProcessingParameterNumber(
            self.FUZZY_THRESHOLD, tr("Fuzzy threshold: minimum similarity of street names (percent)"),
            NUMBER_DOUBLE, defaultValue=100 * matching.DEFAULT_THRESHOLD,
            minValue=50.0, maxValue=100.0,
        ), 1)
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
    def _columns(self, source, table, names, layer_label, labels):
        """The chosen fields (None: not given) as lists of Python values, their text checked for a wrong encoding."""
        columns = []
        for name, label in zip(names, labels):
            if name is None:
                columns.append([None] * len(table))
                continue
            values = python_values(table[name], source.fields().field(name))
            bad = first_undecodable(values)
            if bad is not None:
                raise QgsProcessingException(
                    tr(
                        "Layer '{}', field '{}', row {}: the text '{}' holds characters that are not valid in the "
                        "layer's encoding. Load the file with its real encoding (for a CSV: as a delimited text "
                        "layer with encoding windows-1252 or ISO-8859-1) and run again."
                    ).format(layer_label, label, bad[0] + 1, bad[1])
                )
            columns.append(values)
        return columns

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        inputs = self._inputs(parameters, context)
        source, directory = inputs["source"], inputs["directory"]
        feedback.pushInfo(tr("Reading the address directory '{}'…").format(inputs["dir_label"]))
        dir_layer = self.parameterAsVectorLayer(parameters, self.DIRECTORY, context)
        _fids, dx, dy, _n, dtable = read_points_with_attributes(
            directory, directory.sourceCrs(), context, [n for n in inputs["dir_names"] if n], steps,
            layer=dir_layer, whole=whole_layer(parameters, self.DIRECTORY, dir_layer, directory))
        dcols = self._columns(directory, dtable, inputs["dir_names"], inputs["dir_label"], inputs["dir_fields"])
        steps.setCurrentStep(1)
        feedback.pushInfo(tr("Reading the addresses to geocode from '{}'…").format(inputs["in_label"]))
        in_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        in_whole = whole_layer(parameters, self.INPUT, in_layer, source)
        # A whole file's attributes are copied into the outputs by GDAL/SQLite: only the address fields are read
        # here; from any other input every field is read once (the outputs send them).
        copyable = input_file(source, in_layer, in_whole) is not None
        read_names = [n for n in inputs["in_names"] if n] if copyable else source.fields().names()
        table = read_attribute_table(source, read_names, steps, layer=in_layer, whole=in_whole)
        icols = self._columns(source, table, inputs["in_names"], inputs["in_label"], inputs["in_fields"])
        self.check_canceled(feedback)

        steps.setCurrentStep(2)
        result = self._geocode(parameters, context, inputs, dcols, dx, dy, icols, feedback)
        steps.setCurrentStep(3)
        out_fields, un_fields = self._output_fields(source)
        in_fids = table["fid"].to_numpy()
        status = result["status"].to_numpy()
        matched = status != matching.UNMATCHED
        points = ("points", np.where(matched, result["x"].to_numpy(dtype=float), np.nan),
                  np.where(matched, result["y"].to_numpy(dtype=float), np.nan))
        columns = [factorized(status), factorized(result["score"].to_numpy().astype(np.int64)),
                   matched_address_texts(result, dcols, icols[0])]
        outputs = {}
        with OutputSet() as written:
            content = LayerContent(source, in_layer, in_whole, in_fids, out_fields, columns, points, WKB_POINT,
                                   directory.sourceCrs(), table=table)
            outputs[self.OUTPUT] = written.add(write_vector_output(
                self, parameters, self.OUTPUT, context, feedback, content, tr("Geocoded addresses"), steps))
            if parameters.get(self.UNMATCHED) not in (None, ""):
                rows = np.flatnonzero(~matched)
                content = LayerContent(source, in_layer, in_whole, in_fids[rows], un_fields,
                                       [result["reason"].to_numpy()[rows].tolist()], None, WKB_NO_GEOMETRY,
                                       directory.sourceCrs(), subset=True, table=table)
                outputs[self.UNMATCHED] = written.add(write_vector_output(
                    self, parameters, self.UNMATCHED, context, feedback, content, tr("Unmatched addresses"), steps))
        return self._finish(result, len(table), outputs, feedback)

    def _inputs(self, parameters, context):
        """The two sources, their labels and the address fields (names as the layers spell them), checked."""
        source = self.required_source(parameters, self.INPUT, context)
        directory = self.required_source(parameters, self.DIRECTORY, context)
        in_label = source_name(parameters, self.INPUT, source)
        dir_label = source_name(parameters, self.DIRECTORY, directory)

        def field(name):
            return self.field_name(parameters, name, context)

        require_geometry(directory, GEOMETRY_POINT, dir_label, self.DIRECTORY)
        in_params = [self.STREET_FIELD, self.HOUSENUMBER_FIELD, self.POSTCODE_FIELD, self.CITY_FIELD]
        dir_params = [self.DIR_STREET_FIELD, self.DIR_HOUSENUMBER_FIELD, self.DIR_POSTCODE_FIELD, self.DIR_CITY_FIELD]
        in_fields = [field(p) for p in in_params]
        dir_fields = [field(p) for p in dir_params]
        # street and house number are required, postcode and city optional; the fields' own names (lookupField
        # also finds them by other case or alias)
        in_idx = [require_field(source, f, in_label, p) if (f or k < 2) else -1
                  for k, (f, p) in enumerate(zip(in_fields, in_params))]
        dir_idx = [require_field(directory, f, dir_label, p) if (f or k < 2) else -1
                   for k, (f, p) in enumerate(zip(dir_fields, dir_params))]
        if directory.featureCount() == 0:
            raise QgsProcessingException(
                tr("The address directory '{}' is empty: there is nothing to match against.").format(dir_label)
            )
        return {
            "source": source, "directory": directory, "in_label": in_label, "dir_label": dir_label,
            "in_fields": in_fields, "dir_fields": dir_fields, "in_idx": in_idx, "dir_idx": dir_idx,
            "in_names": [source.fields().at(i).name() if i >= 0 else None for i in in_idx],
            "dir_names": [directory.fields().at(i).name() if i >= 0 else None for i in dir_idx],
        }

    def _geocode(self, parameters, context, inputs, dcols, dx, dy, icols, feedback):
        in_idx, dir_idx = inputs["in_idx"], inputs["dir_idx"]
        feedback.pushInfo(tr("Matching {} addresses against {} directory addresses…").format(len(icols[0]), len(dx)))
        d = matching.Directory(dcols[0], dcols[1], dx, dy, postcode=dcols[2] if dir_idx[2] >= 0 else None,
                               city=dcols[3] if dir_idx[3] >= 0 else None)
        try:
            result = matching.geocode(
                d, icols[0], icols[1], postcode=icols[2] if in_idx[2] >= 0 else None,
                city=icols[3] if in_idx[3] >= 0 else None,
                fuzzy=self.parameterAsBoolean(parameters, self.FUZZY, context),
                threshold=self.parameterAsDouble(parameters, self.FUZZY_THRESHOLD, context) / 100.0,
                street_fallback=self.parameterAsBoolean(parameters, self.STREET_FALLBACK, context),
                is_canceled=feedback.isCanceled,
            )
        except matching.Canceled:
            self.check_canceled(feedback)
            raise
        if in_idx[2] >= 0 and dir_idx[2] < 0:
            feedback.pushWarning(tr("The directory has no postcode field: the input postcodes are not used."))
        if in_idx[3] >= 0 and dir_idx[3] < 0:
            feedback.pushWarning(tr("The directory has no city field: the input cities are not used."))
        return result

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
