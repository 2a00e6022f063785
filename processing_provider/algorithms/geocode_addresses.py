"""``quartiersmonitor:geocodeaddresses`` — geocode a table of addresses by the official address directory."""

import os

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...addresses import matching
from ...translation import tr
from ..base import GROUP_ADDRESSES, QuartiersAlgorithm

# -- QGIS 3.22 … 4 compatibility: the scoped enums moved to ``Qgis`` in later versions -------------------------


def _scoped(new_enum, new_name, old_value):
    """``Qgis.<new_enum>.<new_name>`` where this QGIS has it, else the 3.22 value (given as a callable, since the
    old name may be gone)."""
    enum = getattr(Qgis, new_enum, None)
    value = getattr(enum, new_name, None) if enum is not None else None
    return old_value() if value is None else value


SOURCE_ANY = _scoped("ProcessingSourceType", "Vector", lambda: QgsProcessing.SourceType.TypeVector)
SOURCE_POINT = _scoped("ProcessingSourceType", "VectorPoint", lambda: QgsProcessing.SourceType.TypeVectorPoint)
SOURCE_POLYGON = _scoped("ProcessingSourceType", "VectorPolygon", lambda: QgsProcessing.SourceType.TypeVectorPolygon)
NUMBER_DOUBLE = _scoped("ProcessingNumberParameterType", "Double",
                        lambda: QgsProcessingParameterNumber.Type.Double)
FLAG_ADVANCED = _scoped("ProcessingParameterFlag", "Advanced",
                        lambda: QgsProcessingParameterDefinition.Flag.FlagAdvanced)
WKB_POINT = _scoped("WkbType", "Point", lambda: QgsWkbTypes.Type.Point)
WKB_NO_GEOMETRY = _scoped("WkbType", "NoGeometry", lambda: QgsWkbTypes.Type.NoGeometry)
GEOMETRY_POINT = _scoped("GeometryType", "Point", lambda: QgsWkbTypes.GeometryType.PointGeometry)
GEOMETRY_POLYGON = _scoped("GeometryType", "Polygon", lambda: QgsWkbTypes.GeometryType.PolygonGeometry)
REQUEST_NO_GEOMETRY = _scoped("FeatureRequestFlag", "NoGeometry", lambda: QgsFeatureRequest.Flag.NoGeometry)
FAST_INSERT = QgsFeatureSink.Flag.FastInsert

if Qgis.QGIS_VERSION_INT >= 33800:  # QgsField takes QMetaType from QGIS 3.38 (and only that in Qt6 builds)
    from qgis.PyQt.QtCore import QMetaType

    DOUBLE, INT, STRING = QMetaType.Type.Double, QMetaType.Type.Int, QMetaType.Type.QString
else:
    DOUBLE, INT, STRING = QVariant.Double, QVariant.Int, QVariant.String  # noqa: QGS402 (QGIS 3.22-3.36)

_CHUNK = 2000  # features between two cancel checks


def py_value(value):
    """A Python value from an attribute: None for NULL (QVariant NULL in Qt5, None in Qt6)."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def point_xy(geometry):
    """``(x, y)`` of a point geometry (first part of a multipoint, 2D); NaNs when NULL or empty."""
    nan = float("nan")
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return nan, nan
    geom = geometry.constGet()
    if geom is None:
        return nan, nan
    if QgsWkbTypes.isMultiType(geom.wkbType()):
        if geom.numGeometries() == 0:
            return nan, nan
        geom = geom.geometryN(0)
    try:
        return geom.x(), geom.y()
    except AttributeError:  # not a point: use its centroid
        centroid = geometry.centroid()
        if centroid.isNull() or centroid.isEmpty():
            return nan, nan
        point = centroid.asPoint()
        return point.x(), point.y()


def source_name(parameters, name, source):
    """A readable name of an input for messages: the layer name or the value given."""
    value = parameters.get(name)
    if hasattr(value, "name") and callable(value.name):
        try:
            return value.name()
        except (RuntimeError, TypeError):
            pass
    if hasattr(source, "sourceName"):
        try:
            return source.sourceName()
        except (RuntimeError, TypeError):
            pass
    return str(value)


def require_field(source, field_name, layer_label, param_label):
    """Index of ``field_name`` in ``source``; a clear error naming layer and field when it is missing."""
    index = source.fields().lookupField(field_name) if field_name else -1
    if index < 0:
        raise QgsProcessingException(
            tr("Layer '{}' has no field '{}' (parameter {}). Available fields: {}.").format(
                layer_label, field_name, param_label, ", ".join(source.fields().names()[:30])
            )
        )
    return index


def require_geometry(source, geometry_type, layer_label, param_label):
    """A clear error when ``source`` does not hold ``geometry_type`` (Processing's type filter is not applied to
    layers handed to ``processing.run``)."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        raise QgsProcessingException(
            tr("Layer '{}' (parameter {}) holds {} geometries; {} geometries are expected.").format(
                layer_label, param_label, QgsWkbTypes.geometryDisplayString(actual),
                QgsWkbTypes.geometryDisplayString(geometry_type),
            )
        )


def discard_output(path):
    """Remove a file output written only partly (a cancelled run): the file and a shapefile's side files."""
    if not path or not isinstance(path, str) or path.startswith("memory:") or "|" in path:
        return
    base, ext = os.path.splitext(path)
    candidates = [path]
    if ext.lower() == ".shp":
        candidates += [base + side for side in (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qmd")]
    for candidate in candidates:
        try:
            if os.path.isfile(candidate):
                os.remove(candidate)
        except OSError:
            pass


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

    def _add(self, definition):
        """Add a parameter or output definition (False from QGIS means a duplicate name: a programming error)."""
        from qgis.core import QgsProcessingOutputDefinition

        added = self.addOutput(definition) if isinstance(definition, QgsProcessingOutputDefinition) else \
            self.addParameter(definition)
        if not added:
            raise RuntimeError("cannot add {} to {}".format(definition.name(), self.ALG_ID))

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
        for param in (threshold, fallback):
            param.setFlags(param.flags() | FLAG_ADVANCED)
            self._add(param)
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
    def _read_table(self, source, indexes, layer_label, field_labels, feedback, progress_range, with_geometry,
                    keep_attributes):
        """Attributes of all features (when ``keep_attributes``), the chosen fields as Python value lists and
        (optionally) point coordinates."""
        request = QgsFeatureRequest()
        if not with_geometry:
            request.setFlags(REQUEST_NO_GEOMETRY)
        if not keep_attributes:
            request.setSubsetOfAttributes([i for i in indexes if i >= 0])
        total = max(source.featureCount(), 1)
        start, span = progress_range
        attributes, xs, ys = [], [], []
        columns = [[] for _ in indexes]
        for i, feature in enumerate(source.getFeatures(request)):
            if i % _CHUNK == 0:
                self.check_canceled(feedback)
                feedback.setProgress(start + span * i / total)
            attrs = feature.attributes()
            if keep_attributes:
                attributes.append(attrs)
            for column, index in zip(columns, indexes):
                column.append(py_value(attrs[index]) if index >= 0 else None)
            if with_geometry:
                x, y = point_xy(feature.geometry())
                xs.append(x)
                ys.append(y)
        for column, index, label in zip(columns, indexes, field_labels):
            if index >= 0:
                self._check_encoding(column, layer_label, label)
        return attributes, columns, xs, ys

    @staticmethod
    def _check_encoding(values, layer_label, field_name):
        for row, value in enumerate(values):
            if isinstance(value, str) and "\ufffd" in value:
                raise QgsProcessingException(
                    tr(
                        "Layer '{}', field '{}', row {}: the text '{}' holds characters that are not valid in the "
                        "layer's encoding. Load the file with its real encoding (for a CSV: as a delimited text "
                        "layer with encoding windows-1252 or ISO-8859-1) and run again."
                    ).format(layer_label, field_name, row + 1, value)
                )

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
            values = self.parameterAsFields(parameters, name, context)
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
        if directory.featureCount() == 0:
            raise QgsProcessingException(
                tr("The address directory '{}' is empty: there is nothing to match against.").format(dir_label)
            )
        fuzzy = self.parameterAsBoolean(parameters, self.FUZZY, context)
        threshold = self.parameterAsDouble(parameters, self.FUZZY_THRESHOLD, context) / 100.0
        street_fallback = self.parameterAsBoolean(parameters, self.STREET_FALLBACK, context)

        feedback.pushInfo(tr("Reading the address directory '{}'…").format(dir_label))
        _none, dcols, dx, dy = self._read_table(directory, dir_idx, dir_label, dir_fields, feedback, (0, 25), True,
                                                False)
        feedback.pushInfo(tr("Reading the addresses to geocode from '{}'…").format(in_label))
        attributes, icols, _x, _y = self._read_table(source, in_idx, in_label, in_fields, feedback, (25, 25), False,
                                                     True)

        feedback.pushInfo(tr("Matching {} addresses against {} directory addresses…").format(len(attributes), len(dx)))
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
        feedback.setProgress(60)
        if in_idx[2] >= 0 and dir_idx[2] < 0:
            feedback.pushWarning(tr("The directory has no postcode field: the input postcodes are not used."))
        if in_idx[3] >= 0 and dir_idx[3] < 0:
            feedback.pushWarning(tr("The directory has no city field: the input cities are not used."))

        # -- outputs --------------------------------------------------------------------------------------------
        extra = QgsFields()
        extra.append(QgsField("match_status", STRING, len=12))
        extra.append(QgsField("match_score", INT))
        extra.append(QgsField("match_address", STRING, len=254))
        out_fields = QgsProcessingUtils.combineFields(source.fields(), extra)
        reason_fields = QgsFields()
        reason_fields.append(QgsField("unmatched_reason", STRING, len=32))
        un_fields = QgsProcessingUtils.combineFields(source.fields(), reason_fields)

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, WKB_POINT, directory.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        un_sink, un_id = self.parameterAsSink(
            parameters, self.UNMATCHED, context, un_fields, WKB_NO_GEOMETRY, directory.sourceCrs()
        )
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        un_path = self.parameterAsOutputLayer(parameters, self.UNMATCHED, context) if un_sink is not None else None

        xs = result["x"].to_numpy()
        ys = result["y"].to_numpy()
        status = result["status"].to_numpy()
        score = result["score"].to_numpy()
        reason = result["reason"].to_numpy()
        dir_index = result["dir_index"].to_numpy()
        dstreet, dnumber, dpostcode, dcity = dcols

        def dir_address(k):
            text = "{} {}".format(dstreet[k] or "", dnumber[k] or "").strip()
            place = " ".join(str(v) for v in (dpostcode[k] if dpostcode else None, dcity[k] if dcity else None)
                             if v not in (None, ""))
            return text + (", " + place if place else "")

        n = len(attributes)
        try:
            for i in range(n):
                if i % _CHUNK == 0:
                    self.check_canceled(feedback)
                    feedback.setProgress(60 + 40 * i / max(n, 1))
                feature = QgsFeature(out_fields)
                st = status[i]
                address = None
                if st != matching.UNMATCHED:
                    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(xs[i]), float(ys[i]))))
                    k = int(dir_index[i])
                    if k >= 0:
                        address = dir_address(k)
                    else:  # street centroid: the street as the input spelt it
                        address = str(icols[0][i] or "")
                feature.setAttributes(attributes[i] + [st, int(score[i]), address])
                if not sink.addFeature(feature, FAST_INSERT):
                    raise QgsProcessingException(
                        tr("Could not write row {} to the output: {}").format(i + 1, sink.lastError())
                    )
                if st == matching.UNMATCHED and un_sink is not None:
                    row = QgsFeature(un_fields)
                    row.setAttributes(attributes[i] + [reason[i]])
                    if not un_sink.addFeature(row, FAST_INSERT):
                        raise QgsProcessingException(
                            tr("Could not write row {} to the output: {}").format(i + 1, un_sink.lastError())
                        )
        except QgsProcessingException:
            del sink, un_sink
            discard_output(out_path)
            discard_output(un_path)
            raise

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
        outputs = {self.OUTPUT: dest_id}
        if un_sink is not None:
            outputs[self.UNMATCHED] = un_id
        outputs["MATCHED_COUNT"] = n - counts["unmatched"]
        outputs["UNMATCHED_COUNT"] = counts["unmatched"]
        return outputs
