"""``quartiersmonitor:aggregatecounts`` on real layers: points placed like QGIS's own join, tables counted like a
brute-force loop over the rows, every quartier present and zero-filled, clear errors."""

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from test_assign_addresses import address_rows, layer, native_expected, output_layer, quartier_rows, write_gpkg


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, message):  # noqa: N802
        self.warnings.append(message)
        super().pushWarning(message)


@pytest.fixture()
def quartiers(tmp_path):
    path = write_gpkg(str(tmp_path / "quartiers.gpkg"), "quartiers", ogr.wkbMultiPolygon,
                      [("qid", ogr.OFTString), ("name", ogr.OFTString)],
                      [dict(r, geom=ogr.ForceToMultiPolygon(r["geom"])) for r in quartier_rows()])
    return path  # a path, not a layer: a layer kept by pytest until after QGIS exits crashes the teardown


@pytest.fixture()
def points(tmp_path):
    path = write_gpkg(str(tmp_path / "addresses.gpkg"), "addresses", ogr.wkbPoint,
                      [("adr", ogr.OFTInteger), ("residents", ogr.OFTInteger)], address_rows())
    return path


PEOPLE = [  # quartier, sex, age, weight
    ("0101", "w", 3, 1.0), ("0101", "m", 14, 2.0), ("0101", "w", 15, 1.5), ("0102", "m", 70, 1.0),
    ("0102", None, 40, 1.0), ("0102", "w", None, 2.0), (" 0103 ", "d", 65, 1.0), (None, "w", 30, 1.0),
    ("9999", "m", 20, 1.0), ("0101", "m", 99, None),
]


@pytest.fixture()
def people(tmp_path):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "people.gpkg"))
    lyr = ds.CreateLayer("people", None, ogr.wkbNone)
    for name, kind in (("qid", ogr.OFTString), ("sex", ogr.OFTString), ("age", ogr.OFTInteger),
                       ("weight", ogr.OFTReal)):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for qid, sex, age, weight in PEOPLE:
        f = ogr.Feature(lyr.GetLayerDefn())
        for name, value in (("qid", qid), ("sex", sex), ("age", age), ("weight", weight)):
            if value is not None:
                f[name] = value
        lyr.CreateFeature(f)
    ds = None
    return str(tmp_path / "people.gpkg")


def rows_by_id(result, context, id_name="qid"):
    lyr = output_layer(result["OUTPUT"], context)
    return {f[id_name]: {n: f[n] for n in lyr.fields().names() if n not in (id_name, "fid")} for f in lyr.getFeatures()}


def test_points_counted_like_native_join_zero_filled(run_alg, points, quartiers):
    points = layer(points, "addresses")
    quartiers = layer(quartiers, "quartiers")
    expected = native_expected(points, quartiers)
    context = QgsProcessingContext()
    feedback = LogFeedback()
    result = run_alg("aggregatecounts", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                         "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)
    rows = rows_by_id(result, context)
    assert set(rows) == {"0101", "0102", "0103", "0104", "0105", "0106"}
    for qid, row in rows.items():
        assert row["total"] == sum(1 for q, _s in expected.values() if q == qid), qid
    assert rows["0106"]["total"] == 0
    n_without = sum(1 for q, _s in expected.values() if q is None)
    assert result["N_WITHOUT_QUARTIER"] == n_without
    assert any("outside" in w for w in feedback.warnings)
    assert any("no geometry" in w for w in feedback.warnings)


def test_points_weighted_by_residents(run_alg, points, quartiers):
    points = layer(points, "addresses")
    quartiers = layer(quartiers, "quartiers")
    expected = native_expected(points, quartiers)
    residents = {f["adr"]: f["residents"] for f in points.getFeatures()}
    context = QgsProcessingContext()
    result = run_alg("aggregatecounts", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                         "WEIGHT_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    rows = rows_by_id(result, context)
    for qid, row in rows.items():
        want = sum(residents[k] for k, (q, _s) in expected.items()
                   if q == qid and residents[k] is not None and str(residents[k]) != "NULL")
        assert row["total"] == pytest.approx(want), qid


def test_table_groups_age_bands_weights_brute_force(run_alg, people, quartiers, tmp_path):
    quartiers = layer(quartiers, "quartiers")
    people = layer(people, "people")
    context = QgsProcessingContext()
    feedback = LogFeedback()
    out = str(tmp_path / "counts.gpkg")
    result = run_alg("aggregatecounts", {
        "INPUT": people, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "GROUP_FIELD": "sex", "AGE_FIELD": "age",
        "AGE_BANDS": "0-14,15-64,65-", "WEIGHT_FIELD": "weight", "OUTPUT": out}, context=context, feedback=feedback)
    rows = rows_by_id(result, context)
    assert len(rows) == 6 and rows["0104"]["total"] == 0

    def band(age):
        return None if age is None else "age_0_14" if age <= 14 else "age_15_64" if age <= 64 else "age_65plus"

    for qid in rows:
        mine = [p for p in PEOPLE if p[0] is not None and p[0].strip() == qid]
        assert rows[qid]["total"] == pytest.approx(sum(p[3] or 0 for p in mine))
        for sex in ("m", "w", "d"):
            for b in ("age_0_14", "age_15_64", "age_65plus"):
                want = sum(p[3] or 0 for p in mine if p[1] == sex and band(p[2]) == b)
                assert rows[qid]["n_{}_{}".format(sex, b)] == pytest.approx(want), (qid, sex, b)
    assert result["N_WITHOUT_QUARTIER"] == 2
    assert any("9999" in w for w in feedback.warnings)
    assert QgsVectorLayer(out, "o", "ogr").featureCount() == 6


def test_table_without_quartiers_and_unweighted_age_bands(run_alg, people):
    people = layer(people, "people")
    context = QgsProcessingContext()
    result = run_alg("aggregatecounts", {"INPUT": people, "QUARTIER_ID": "qid", "AGE_FIELD": "age",
                                         "AGE_BANDS": "0-17,18-", "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    rows = rows_by_id(result, context)
    assert set(rows) == {"0101", "0102", "0103", "9999"}
    assert rows["0101"] == {"total": 4, "age_0_17": 3, "age_18plus": 1}  # ages 3, 14, 15, 99
    assert rows["0102"] == {"total": 3, "age_0_17": 0, "age_18plus": 2}


def test_integer_ids_vs_text_ids_mismatch_reported(run_alg, quartiers, tmp_path):
    quartiers = layer(quartiers, "quartiers")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "ints.gpkg"))
    lyr = ds.CreateLayer("ints", None, ogr.wkbNone)
    lyr.CreateField(ogr.FieldDefn("qid", ogr.OFTInteger))
    for value in (101, 101, 102):
        f = ogr.Feature(lyr.GetLayerDefn())
        f["qid"] = value
        lyr.CreateFeature(f)
    ds = None
    context = QgsProcessingContext()
    feedback = LogFeedback()
    result = run_alg("aggregatecounts", {"INPUT": layer(str(tmp_path / "ints.gpkg")), "QUARTIERS": quartiers,
                                         "QUARTIER_ID": "qid", "OUTPUT": "TEMPORARY_OUTPUT"},
                     context=context, feedback=feedback)
    rows = rows_by_id(result, context)
    assert {r["total"] for r in rows.values()} == {0}
    assert result["N_WITHOUT_QUARTIER"] == 3
    assert any("“101”" in w and "“0101”" in w for w in feedback.warnings)


def _error(run_alg, params, *needles):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("aggregatecounts", params)
    for needle in needles:
        assert needle in str(err.value), str(err.value)


def test_bad_inputs(run_alg, people, points, quartiers):
    points = layer(points, "addresses")
    quartiers = layer(quartiers, "quartiers")
    people = layer(people, "people")
    _error(run_alg, {"INPUT": people, "QUARTIER_ID": "nope", "OUTPUT": "TEMPORARY_OUTPUT"}, "people", "nope")
    _error(run_alg, {"INPUT": people, "QUARTIER_ID": "qid", "AGE_FIELD": "age", "AGE_BANDS": "10-5",
                     "OUTPUT": "TEMPORARY_OUTPUT"}, "AGE_BANDS", "10-5")
    _error(run_alg, {"INPUT": people, "QUARTIER_ID": "qid", "WEIGHT_FIELD": "sex",
                     "OUTPUT": "TEMPORARY_OUTPUT"}, "sex")
    _error(run_alg, {"INPUT": points, "QUARTIER_ID": "qid", "OUTPUT": "TEMPORARY_OUTPUT"}, "addresses", "qid")
    _error(run_alg, {"INPUT": people, "QUARTIERS": quartiers, "QUARTIER_ID": "name_missing",
                     "OUTPUT": "TEMPORARY_OUTPUT"}, "quartiers", "name_missing")


def test_table_mode_from_assigned_points_text_ids(run_alg, points, quartiers):
    """The pipeline's chain: assignaddresses' OUTPUT (points with text quartier_id, read by GDAL) as a table."""
    points = layer(points, "addresses")
    quartiers = layer(quartiers, "quartiers")
    context = QgsProcessingContext()
    assigned = run_alg("assignaddresses", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)["OUTPUT"]
    expected = native_expected(points, quartiers)
    result = run_alg("aggregatecounts", {"INPUT": assigned, "QUARTIER_ID": "quartier_id",
                                         "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    rows = rows_by_id(result, context, id_name="quartier_id")
    want = {}
    for q, _s in expected.values():
        if q is not None:
            want[q] = want.get(q, 0) + 1
    assert {k: v["total"] for k, v in rows.items()} == want


def _renamed_people(tmp_path, id_name="bezirk"):
    """PEOPLE as a table whose quartier id field is named ``id_name`` (not like the quartier layer's ``qid``)."""
    path = str(tmp_path / "renamed.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer("renamed", None, ogr.wkbNone)
    for name, kind in ((id_name, ogr.OFTString), ("sex", ogr.OFTString)):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for qid, sex, _age, _weight in PEOPLE:
        f = ogr.Feature(lyr.GetLayerDefn())
        if qid is not None:
            f[id_name] = qid
        if sex is not None:
            f["sex"] = sex
        lyr.CreateFeature(f)
    ds = None
    return path


def test_input_id_field_is_an_optional_field_of_input(provider):
    alg = provider.algorithm("aggregatecounts")
    param = alg.parameterDefinition("INPUT_ID_FIELD")
    assert param is not None and param.parentLayerParameterName() == "INPUT"
    assert param.flags() & param.FlagOptional
    for name in ("INPUT", "QUARTIERS", "QUARTIER_ID", "GROUP_FIELD", "AGE_FIELD", "AGE_BANDS", "WEIGHT_FIELD",
                 "OUTPUT"):
        assert alg.parameterDefinition(name) is not None, name
    assert alg.parameterDefinition("QUARTIER_ID").parentLayerParameterName() == "QUARTIERS"


def test_table_without_quartiers_by_input_id_field(run_alg, tmp_path):
    """What the dialog offers for a table alone: QUARTIER_ID empty (no QUARTIERS to list fields), INPUT_ID_FIELD."""
    table = _renamed_people(tmp_path)
    context = QgsProcessingContext()
    result = run_alg("aggregatecounts", {"INPUT": table, "INPUT_ID_FIELD": "bezirk", "GROUP_FIELD": "sex",
                                         "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    rows = rows_by_id(result, context, id_name="bezirk")
    assert set(rows) == {"0101", "0102", "0103", "9999"}
    assert rows["0101"]["total"] == 4 and rows["0101"]["n_w"] == 2 and rows["0101"]["n_m"] == 2
    assert rows["0102"]["total"] == 3 and rows["0103"]["n_d"] == 1
    assert result["N_WITHOUT_QUARTIER"] == 1


def test_table_id_named_differently_from_quartier_layer(run_alg, quartiers, tmp_path):
    table = _renamed_people(tmp_path)
    context = QgsProcessingContext()
    feedback = LogFeedback()
    result = run_alg("aggregatecounts", {"INPUT": table, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                         "INPUT_ID_FIELD": "bezirk", "OUTPUT": "TEMPORARY_OUTPUT"},
                     context=context, feedback=feedback)
    rows = rows_by_id(result, context)  # the output id column is named like QUARTIER_ID
    assert set(rows) == {"0101", "0102", "0103", "0104", "0105", "0106"}
    assert {q: r["total"] for q, r in rows.items()} == {"0101": 4, "0102": 3, "0103": 1, "0104": 0, "0105": 0,
                                                       "0106": 0}
    assert result["N_WITHOUT_QUARTIER"] == 2
    assert any("9999" in w for w in feedback.warnings)


def test_old_call_without_input_id_field_unchanged(run_alg, people, quartiers):
    context = QgsProcessingContext()
    result = run_alg("aggregatecounts", {"INPUT": people, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                         "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
    rows = rows_by_id(result, context)
    assert {q: r["total"] for q, r in rows.items()} == {"0101": 4, "0102": 3, "0103": 1, "0104": 0, "0105": 0,
                                                       "0106": 0}


def test_input_id_field_ignored_for_points_in_quartiers(run_alg, points, quartiers):
    """Points with QUARTIERS are placed by the kernel whatever INPUT_ID_FIELD says."""
    context = QgsProcessingContext()
    plain = rows_by_id(run_alg("aggregatecounts", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                                   "OUTPUT": "TEMPORARY_OUTPUT"}, context=context), context)
    with_field = rows_by_id(run_alg("aggregatecounts", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                                        "INPUT_ID_FIELD": "adr", "OUTPUT": "TEMPORARY_OUTPUT"},
                                    context=context), context)
    assert plain == with_field


def test_missing_id_fields_rejected(run_alg, people, quartiers, tmp_path):
    _error(run_alg, {"INPUT": people, "OUTPUT": "TEMPORARY_OUTPUT"}, "QUARTIER_ID", "INPUT_ID_FIELD")
    _error(run_alg, {"INPUT": people, "QUARTIERS": quartiers, "INPUT_ID_FIELD": "qid",
                     "OUTPUT": "TEMPORARY_OUTPUT"}, "QUARTIER_ID")
    _error(run_alg, {"INPUT": _renamed_people(tmp_path), "INPUT_ID_FIELD": "nope", "OUTPUT": "TEMPORARY_OUTPUT"},
           "nope", "INPUT_ID_FIELD")
