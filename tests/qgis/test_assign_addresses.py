"""``quartiersmonitor:assignaddresses`` against QGIS's own spatial join (the oracle), on real GeoPackages.

The hand-made case (tests/data/assign/*.csv, EPSG:25832) has a quartier with a hole, a multipolygon whose island
sits in that hole, a self-intersecting bowtie, an overlap, a quartier without addresses, and addresses inside, on
shared borders, on vertices, on hole and island rings, in the hole, outside, duplicated, NULL and empty.

Oracle: ``native:fixgeometries`` then ``native:joinattributesbylocation`` (one-to-many) with predicate *within* (the
interior) and *intersects* (interior or border). Expected: the smallest id among the *within* matches (status
inside), else the smallest among the *intersects* matches (boundary), else outside; no_geometry for NULL/empty.
"""

import csv
import hashlib
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
)

CASE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "assign")
EPSG = 25832
OX, OY = 500000.0, 5600000.0  # the CSV coordinates are local: shifted into a realistic EPSG:25832 place

gdal.UseExceptions()


# ---------------------------------------------------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------------------------------------------------
def _shift(wkt):
    if not wkt:
        return None
    geom = ogr.CreateGeometryFromWkt(wkt)
    if not geom.IsEmpty():
        _translate(geom, OX, OY)
    return geom


def _translate(geom, dx, dy):
    if geom.GetGeometryCount():
        for i in range(geom.GetGeometryCount()):
            _translate(geom.GetGeometryRef(i), dx, dy)
        return
    for i in range(geom.GetPointCount()):
        p = geom.GetPoint(i)
        if geom.GetCoordinateDimension() == 3:
            geom.SetPoint(i, p[0] + dx, p[1] + dy, p[2])
        else:
            geom.SetPoint_2D(i, p[0] + dx, p[1] + dy)


def write_gpkg(path, layer_name, geom_type, fields, rows, epsg=EPSG):
    """A real GeoPackage written by GDAL. ``fields``: [(name, ogr type)]; rows: dicts with ``geom`` (ogr or None)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer(layer_name, srs, geom_type)
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    lyr.StartTransaction()
    for row in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for name, _kind in fields:
            if row.get(name) not in (None, ""):
                feature[name] = row[name]
        if row.get("geom") is not None:
            feature.SetGeometry(row["geom"])
        if row.get("fid") is not None:
            feature.SetFID(row["fid"])
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    ds = None
    return path


def read_csv(name):
    with open(os.path.join(CASE_DIR, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def quartier_rows():
    return [{"qid": r["qid"], "name": r["name"], "municipality": r["municipality"], "geom": _shift(r["wkt"])}
            for r in read_csv("quartiers.csv")]


def address_rows():
    rows = []
    for r in read_csv("addresses.csv"):
        rows.append({"adr": int(r["adr"]), "residents": int(r["residents"]) if r["residents"] else None,
                     "geom": _shift(r["wkt"])})
    return rows


@pytest.fixture()
def case(tmp_path):
    q = write_gpkg(str(tmp_path / "quartiers.gpkg"), "quartiers", ogr.wkbMultiPolygon,
                   [("qid", ogr.OFTString), ("name", ogr.OFTString), ("municipality", ogr.OFTString)],
                   [dict(r, geom=ogr.ForceToMultiPolygon(r["geom"])) for r in quartier_rows()])
    a = write_gpkg(str(tmp_path / "addresses.gpkg"), "addresses", ogr.wkbPoint,
                   [("adr", ogr.OFTInteger), ("residents", ogr.OFTInteger)], address_rows())
    return {"dir": tmp_path, "quartiers": q, "addresses": a}


def layer(path, name="layer"):
    lyr = QgsVectorLayer(path, name, "ogr")
    assert lyr.isValid(), path
    return lyr


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------------
# oracle and helpers
# ---------------------------------------------------------------------------------------------------------------------
def native_expected(points, quartiers, key="adr", id_field="qid"):
    """{key: (quartier id or None, status)} from QGIS's own join (see module docstring)."""
    from qgis import processing

    context = QgsProcessingContext()
    fixed = processing.run("native:fixgeometries", {"INPUT": quartiers, "OUTPUT": "memory:"},
                           context=context)["OUTPUT"]
    matches = {}
    for predicate in (5, 0):  # within, intersects
        joined = processing.run("native:joinattributesbylocation", {
            "INPUT": points, "JOIN": fixed, "PREDICATE": [predicate], "JOIN_FIELDS": [id_field], "METHOD": 0,
            "DISCARD_NONMATCHING": False, "PREFIX": "j_", "OUTPUT": "memory:"}, context=context)["OUTPUT"]
        found = {}
        for f in joined.getFeatures():
            found.setdefault(f[key], set())
            value = f["j_" + id_field]
            if value is not None and str(value) != "NULL":
                found[f[key]].add(str(value))
        matches[predicate] = found
    expected = {}
    for f in points.getFeatures():
        k = f[key]
        if f.geometry().isNull() or f.geometry().isEmpty():
            expected[k] = (None, "no_geometry")
        elif matches[5][k]:
            expected[k] = (min(matches[5][k]), "inside")
        elif matches[0][k]:
            expected[k] = (min(matches[0][k]), "boundary")
        else:
            expected[k] = (None, "outside")
    return expected


def output_layer(value, context):
    lyr = value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)
    if lyr is None:
        lyr = QgsVectorLayer(value, "out", "ogr")
    assert lyr is not None and lyr.isValid()
    return lyr


def assigned(lyr, key="adr", id_name="quartier_id", status_name="assign_status"):
    out = {}
    for f in lyr.getFeatures():
        value = f[id_name]
        out[f[key]] = (None if value is None or str(value) == "NULL" else value, f[status_name])
    return out


def run_assign(run_alg, params, context=None, feedback=None):
    context = context or QgsProcessingContext()
    result = run_alg("assignaddresses", params, context=context, feedback=feedback)
    return result, context


# ---------------------------------------------------------------------------------------------------------------------
# tests
# ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("out_name", ["out.gpkg", "out.shp", "TEMPORARY_OUTPUT", "memory:"])
def test_hand_made_case_equals_native_join(run_alg, case, out_name):
    before = {k: digest(case[k]) for k in ("quartiers", "addresses")}
    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    expected = native_expected(points, quartiers)
    out = out_name if out_name in ("TEMPORARY_OUTPUT", "memory:") else str(case["dir"] / out_name)
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": out})
    lyr = output_layer(result["OUTPUT"], context)
    if out_name == "out.shp":
        got = assigned(lyr, id_name="quartier_i", status_name="assign_sta")
    else:
        got = assigned(lyr)
    assert got == expected
    # the hand-made statuses, spelled out once (the oracle agrees with them)
    assert got[3] == ("0101", "boundary") and got[4] == ("0101", "boundary") and got[6] == ("0103", "inside")
    assert got[5] == (None, "outside") and got[8] == ("0103", "boundary") and got[9] == ("0104", "inside")
    assert got[13] == ("0103", "inside") and got[16] == (None, "no_geometry") and got[17] == (None, "no_geometry")
    assert lyr.featureCount() == 20
    if out_name == "memory:":
        assert lyr.providerType() == "memory"  # a memory layer, also when it was staged through a GeoPackage
    assert result["N_NO_GEOMETRY"] == 2 and result["N_DUPLICATES"] == 2
    # input fields kept, inputs untouched
    assert [f["residents"] for f in lyr.getFeatures() if f["adr"] == 2] == [5]
    assert {k: digest(case[k]) for k in ("quartiers", "addresses")} == before


def test_invalid_quartier_repaired_whatever_the_invalid_geometry_setting(run_alg, case):
    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    expected = native_expected(points, quartiers)
    for check in (QgsFeatureRequest.GeometryAbortOnInvalid, QgsFeatureRequest.GeometrySkipInvalid):
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(check)
        result = run_alg("assignaddresses", {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                             "OUTPUT": "TEMPORARY_OUTPUT"}, context=context)
        got = assigned(output_layer(result["OUTPUT"], context))
        assert got == expected and got[9] == ("0104", "inside")


@pytest.mark.parametrize("out_name", ["from_shp.gpkg", "from_shp.shp"])
def test_shapefile_input_staged_through_geopackage(run_alg, case, out_name):
    shp = str(case["dir"] / "addresses.shp")
    gdal.VectorTranslate(shp, case["addresses"], format="ESRI Shapefile")
    points, quartiers = layer(shp, "addresses"), layer(case["quartiers"], "quartiers")
    expected = native_expected(points, quartiers)

    class Log(QgsProcessingFeedback):
        messages = []

        def pushInfo(self, info):  # noqa: N802
            self.messages.append(info)

    feedback = Log()
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": str(case["dir"] / out_name)}, feedback=feedback)
    lyr = output_layer(result["OUTPUT"], context)
    names = ("quartier_i", "assign_sta") if out_name.endswith(".shp") else ("quartier_id", "assign_status")
    assert assigned(lyr, id_name=names[0], status_name=names[1]) == expected
    assert any("temporary GeoPackage first" in m for m in feedback.messages)  # not the slow general way
    assert not [m for m in feedback.messages if "instead" in m]
    assert sorted(f["residents"] for f in lyr.getFeatures() if f["adr"] in (1, 2)) == [3, 5]


def test_general_path_memory_input_equals_fast_path(run_alg, case):
    points = layer(case["addresses"], "addresses")
    memory = points.materialize(QgsFeatureRequest())
    assert memory.providerType() == "memory"
    quartiers = layer(case["quartiers"], "quartiers")
    fast, c1 = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                    "OUTPUT": str(case["dir"] / "fast.gpkg")})
    slow, c2 = run_assign(run_alg, {"INPUT": memory, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                    "OUTPUT": str(case["dir"] / "slow.gpkg")})
    assert assigned(output_layer(fast["OUTPUT"], c1)) == assigned(output_layer(slow["OUTPUT"], c2))


def test_random_and_grid_points_equal_native_join(run_alg, case):
    rng = np.random.default_rng(5)
    xs = np.concatenate([rng.uniform(-20, 320, 600), np.tile(np.arange(-10, 311, 10.0), 23)])
    ys = np.concatenate([rng.uniform(-20, 220, 600), np.repeat(np.arange(-10, 211, 10.0), 33)[:33 * 23]])
    rows = [{"adr": i + 1, "geom": ogr.CreateGeometryFromWkt("POINT ({} {})".format(OX + x, OY + y))}
            for i, (x, y) in enumerate(zip(xs, ys))]
    path = write_gpkg(str(case["dir"] / "many.gpkg"), "many", ogr.wkbPoint, [("adr", ogr.OFTInteger)], rows)
    points, quartiers = layer(path, "many"), layer(case["quartiers"], "quartiers")
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": "TEMPORARY_OUTPUT"})
    got = assigned(output_layer(result["OUTPUT"], context))
    assert got == native_expected(points, quartiers)
    assert result["N_BOUNDARY"] > 20


def test_sparse_fids_and_other_fid_column_name(run_alg, case):
    rows = [dict(r, fid=r["adr"] * 10_000_019) for r in address_rows()]  # fids far apart: no packed lookup
    path = str(case["dir"] / "sparse.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer("sparse", srs, ogr.wkbPoint, options=["FID=my_id"])
    lyr.CreateField(ogr.FieldDefn("adr", ogr.OFTInteger))
    for row in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        f["adr"] = row["adr"]
        f.SetFID(row["fid"])
        if row["geom"] is not None:
            f.SetGeometry(row["geom"])
        lyr.CreateFeature(f)
    ds = None
    points, quartiers = layer(path, "sparse"), layer(case["quartiers"], "quartiers")
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": str(case["dir"] / "sparse_out.gpkg")})
    out = output_layer(result["OUTPUT"], context)
    assert assigned(out) == native_expected(points, quartiers)
    assert sorted(f.id() for f in out.getFeatures()) == sorted(r["fid"] for r in rows)


def test_points_in_4326_give_the_same_result(run_alg, case):
    from qgis import processing

    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    reprojected = processing.run("native:reprojectlayer", {
        "INPUT": points, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:4326"),
        "OUTPUT": str(case["dir"] / "wgs84.gpkg")})["OUTPUT"]
    wgs = layer(reprojected, "wgs84")
    assert wgs.crs().authid() == "EPSG:4326"
    r1, c1 = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    r2, c2 = run_assign(run_alg, {"INPUT": wgs, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    same_crs, other_crs = assigned(output_layer(r1["OUTPUT"], c1)), assigned(output_layer(r2["OUTPUT"], c2))
    # A point exactly on a border may move by a rounding error through the round trip; all others are identical.
    on_border = {k for k, (_q, s) in same_crs.items() if s == "boundary"}
    assert {k: v for k, v in other_crs.items() if k not in on_border} == \
        {k: v for k, v in same_crs.items() if k not in on_border}
    assert output_layer(r2["OUTPUT"], c2).crs().authid() == "EPSG:4326"


def test_summary_counts_sums_and_zero_rows(run_alg, case):
    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    expected = native_expected(points, quartiers)
    residents = {f["adr"]: f["residents"] for f in points.getFeatures()}
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "SUM_FIELDS": ["residents"], "SUMMARY": "TEMPORARY_OUTPUT"})
    assert "OUTPUT" not in result or not result["OUTPUT"]
    summary = output_layer(result["SUMMARY"], context)
    assert summary.featureCount() == 6
    assert summary.fields().lookupField("qid") >= 0 and summary.fields().lookupField("name") >= 0
    for f in summary.getFeatures():
        mine = [k for k, (q, _s) in expected.items() if q == f["qid"]]
        assert f["n_addresses"] == len(mine), f["qid"]
        want = sum(residents[k] for k in mine if residents[k] is not None and str(residents[k]) != "NULL")
        assert f["sum_residents"] == pytest.approx(want)
    zero = [f for f in summary.getFeatures() if f["qid"] == "0106"][0]
    assert zero["n_addresses"] == 0 and zero["sum_residents"] == 0


def test_report_lists_statuses_overlaps_gaps_and_invalid(run_alg, case):
    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    report = str(case["dir"] / "report.html")
    result, _ = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                     "REPORT": report})
    assert result["REPORT"] == report
    text = open(report, encoding="utf-8").read()
    assert "0104" in text and "Self-intersection" in text.replace("self-intersection", "Self-intersection")
    # overlap 0103/0105: x 90..100, y 100..160 = 600 m²; gap: the hole of 0101 minus the island = 400 - 100
    assert "<td>0103</td><td>0105</td><td>600.0</td>" in text
    assert "<td>300.0</td>" in text
    assert "<td>{}</td>".format(result["N_OUTSIDE"]) in text
    # per municipality (the quartiers' field "municipality"): Lindenau = 0101 + 0102
    expected = native_expected(points, quartiers)
    lindenau = [s for q, s in expected.values() if q in ("0101", "0102")]
    assert "<td>Lindenau</td><td>2</td><td>{}</td><td>{}</td><td>{}</td>".format(
        lindenau.count("inside"), lindenau.count("boundary"), len(lindenau)) in text


def test_multipoint_3d_points_and_integer_ids(run_alg, tmp_path):
    q = write_gpkg(str(tmp_path / "q.gpkg"), "q", ogr.wkbPolygon, [("code", ogr.OFTInteger)], [
        {"code": 101, "geom": _shift("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))")},
        {"code": 7, "geom": _shift("POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))")},
    ])
    a = write_gpkg(str(tmp_path / "a.gpkg"), "a", ogr.wkbMultiPoint25D, [("adr", ogr.OFTInteger)], [
        {"adr": 1, "geom": _shift("MULTIPOINT Z ((10 10 5))")},
        {"adr": 2, "geom": _shift("MULTIPOINT Z ((150 10 1), (10 10 1))")},
        {"adr": 3, "geom": _shift("MULTIPOINT Z ((100 50 3))")},
    ])
    result, context = run_assign(run_alg, {"INPUT": layer(a), "QUARTIERS": layer(q), "QUARTIER_ID": "code",
                                           "OUTPUT": "TEMPORARY_OUTPUT"})
    got = assigned(output_layer(result["OUTPUT"], context))
    # ids compared as text: "101" < "7", so the border point goes to 101
    assert got == {1: ("101", "inside"), 2: ("7", "inside"), 3: ("101", "boundary")}


def test_empty_address_layer_gives_empty_output_and_zero_summary(run_alg, case):
    a = write_gpkg(str(case["dir"] / "empty.gpkg"), "empty", ogr.wkbPoint, [("adr", ogr.OFTInteger)], [])
    result, context = run_assign(run_alg, {"INPUT": layer(a), "QUARTIERS": layer(case["quartiers"]),
                                           "QUARTIER_ID": "qid", "OUTPUT": str(case["dir"] / "o.gpkg"),
                                           "SUMMARY": "TEMPORARY_OUTPUT"})
    assert output_layer(result["OUTPUT"], context).featureCount() == 0
    summary = output_layer(result["SUMMARY"], context)
    assert summary.featureCount() == 6 and {f["n_addresses"] for f in summary.getFeatures()} == {0}


def _expect_error(run_alg, params, *needles):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("assignaddresses", params)
    message = str(err.value)
    for needle in needles:
        assert needle in message, message
    assert "Traceback" not in message


def test_bad_inputs_clear_errors_and_inputs_unchanged(run_alg, case, tmp_path):
    points, quartiers = layer(case["addresses"], "addresses"), layer(case["quartiers"], "quartiers")
    before = {k: digest(case[k]) for k in ("quartiers", "addresses")}
    out = str(tmp_path / "never.gpkg")
    # empty quartier layer
    eq = write_gpkg(str(tmp_path / "eq.gpkg"), "eq", ogr.wkbPolygon, [("qid", ogr.OFTString)], [])
    _expect_error(run_alg, {"INPUT": points, "QUARTIERS": layer(eq, "eq"), "QUARTIER_ID": "qid", "OUTPUT": out},
                  "eq")
    # missing field
    _expect_error(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "nope", "OUTPUT": out})
    # duplicate and NULL ids
    dup = write_gpkg(str(tmp_path / "dup.gpkg"), "dup", ogr.wkbPolygon, [("qid", ogr.OFTString)], [
        {"qid": "A1", "geom": _shift("POLYGON ((0 0, 1 0, 1 1, 0 0))")},
        {"qid": " A1 ", "geom": _shift("POLYGON ((2 0, 3 0, 3 1, 2 0))")}])
    _expect_error(run_alg, {"INPUT": points, "QUARTIERS": layer(dup, "dup"), "QUARTIER_ID": "qid", "OUTPUT": out},
                  "dup", "qid", "A1")
    nul = write_gpkg(str(tmp_path / "nul.gpkg"), "nul", ogr.wkbPolygon, [("qid", ogr.OFTString)], [
        {"qid": "A1", "geom": _shift("POLYGON ((0 0, 1 0, 1 1, 0 0))")},
        {"qid": None, "geom": _shift("POLYGON ((2 0, 3 0, 3 1, 2 0))")}])
    _expect_error(run_alg, {"INPUT": points, "QUARTIERS": layer(nul, "nul"), "QUARTIER_ID": "qid", "OUTPUT": out},
                  "nul", "qid", "NULL")
    # wrong geometry types: polygons given as addresses, points as quartiers
    _expect_error(run_alg, {"INPUT": quartiers, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "OUTPUT": out})
    _expect_error(run_alg, {"INPUT": points, "QUARTIERS": points, "QUARTIER_ID": "adr", "OUTPUT": out})
    # points without CRS against quartiers in EPSG:25832
    no_crs = QgsVectorLayer("Point?crs=", "no_crs", "memory")
    assert not no_crs.crs().isValid()
    _expect_error(run_alg, {"INPUT": no_crs, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "OUTPUT": out},
                  "no_crs", "EPSG:25832")
    assert not os.path.exists(out)
    assert {k: digest(case[k]) for k in ("quartiers", "addresses")} == before


def test_cancel_leaves_no_output(run_alg, case):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = str(case["dir"] / "cancelled.gpkg")
    with pytest.raises(QgsProcessingException):
        run_alg("assignaddresses", {"INPUT": layer(case["addresses"]), "QUARTIERS": layer(case["quartiers"]),
                                    "QUARTIER_ID": "qid", "OUTPUT": out}, feedback=feedback)
    assert not os.path.exists(out)
    assert not [p for p in os.listdir(case["dir"]) if p.startswith(".qm-tmp")]


def test_algorithm_has_help_and_contract_parameters(provider):
    alg = provider.algorithm("assignaddresses")
    names = [p.name() for p in alg.parameterDefinitions()]
    assert names == ["INPUT", "QUARTIERS", "QUARTIER_ID", "SUM_FIELDS", "MUNICIPALITY_FIELD", "OUTPUT", "SUMMARY",
                     "REPORT"]
    assert all(p.help() for p in alg.parameterDefinitions())
    assert "boundary" in alg.shortHelpString()
    assert alg.parameterDefinition("OUTPUT").flags() & alg.parameterDefinition("OUTPUT").FlagOptional
    assert alg.parameterDefinition("OUTPUT").createByDefault()


def test_geopackage_output_has_a_valid_spatial_index(run_alg, case):
    import sqlite3

    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle

    rng = np.random.default_rng(9)
    rows = [{"adr": i + 1, "geom": ogr.CreateGeometryFromWkt("POINT ({} {})".format(OX + x, OY + y))}
            for i, (x, y) in enumerate(zip(rng.uniform(-20, 320, 3000), rng.uniform(-20, 220, 3000)))]
    rows.append({"adr": 0, "geom": None})
    src = write_gpkg(str(case["dir"] / "idx.gpkg"), "idx", ogr.wkbPoint, [("adr", ogr.OFTInteger)], rows)
    out = str(case["dir"] / "indexed.gpkg")

    class Log(QgsProcessingFeedback):
        messages = []

        def pushInfo(self, info):  # noqa: N802
            self.messages.append(info)

    feedback = Log()
    run_assign(run_alg, {"INPUT": layer(src), "QUARTIERS": layer(case["quartiers"]), "QUARTIER_ID": "qid",
                         "OUTPUT": out}, feedback=feedback)
    assert not [m for m in feedback.messages if "instead" in m or "built by GDAL" in m]  # the fast way was taken
    con = sqlite3.connect(out)
    assert con.execute("SELECT rtreecheck('rtree_indexed_geom')").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM rtree_indexed_geom").fetchone()[0] == 3000
    con.close()
    ds = ogr.Open(out)
    out_layer = ds.GetLayer(0)
    assert out_layer.TestCapability(ogr.OLCFastSpatialFilter)
    assert out_layer.GetFeatureCount(force=0) == 3001  # gpkg_ogr_contents kept right
    xs = [r["geom"].GetX() for r in rows if r["geom"] is not None]
    ys = [r["geom"].GetY() for r in rows if r["geom"] is not None]
    assert out_layer.GetExtent(force=0) == pytest.approx((min(xs), max(xs), min(ys), max(ys)))
    kinds = {out_layer.GetLayerDefn().GetFieldDefn(i).GetName(): out_layer.GetLayerDefn().GetFieldDefn(i).GetType()
             for i in range(out_layer.GetLayerDefn().GetFieldCount())}
    assert kinds == {"adr": ogr.OFTInteger, "quartier_id": ogr.OFTString, "assign_status": ogr.OFTString}
    out_layer = ds = None
    lyr = layer(out, "indexed")
    rect = QgsRectangle(OX + 50, OY + 20, OX + 120, OY + 90)
    by_index = sorted(f["adr"] for f in lyr.getFeatures(rect))
    brute = sorted(f["adr"] for f in lyr.getFeatures() if not f.geometry().isNull() and rect.contains(
        f.geometry().asPoint()))
    assert by_index == brute and len(brute) > 50
    # the index stays maintained when the layer is edited in QGIS (GDAL's own triggers)
    feature = QgsFeature(lyr.fields())
    feature.setAttribute("adr", 99999)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(OX + 55, OY + 25)))
    assert lyr.dataProvider().addFeatures([feature])[0]
    assert 99999 in [f["adr"] for f in lyr.getFeatures(rect)]
    con = sqlite3.connect(out)
    assert con.execute("SELECT rtreecheck('rtree_indexed_geom')").fetchone()[0] == "ok"
    con.close()


def test_cancel_during_the_bulk_copy_leaves_nothing(tmp_path):
    from quartiersmonitor.processing_provider.gpkg_join import write_gpkg_join
    from quartiersmonitor.processing_provider.ogr_arrow import ogr_file_source

    n = 20000
    rng = np.random.default_rng(3)
    rows = [{"adr": i, "geom": ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y))}
            for i, (x, y) in enumerate(zip(rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)))]
    src = write_gpkg(str(tmp_path / "many.gpkg"), "many", ogr.wkbPoint, [("adr", ogr.OFTInteger)], rows)

    class CancelLater:
        """Not cancelled at the first check (before the copy), cancelled from then on (inside SQLite's insert)."""

        calls = 0

        def isCanceled(self):  # noqa: N802
            self.calls += 1
            return self.calls > 1

        def pushInfo(self, _message):  # noqa: N802
            pass

        def setProgress(self, _value):  # noqa: N802
            pass

    feedback = CancelLater()
    dest = str(tmp_path / "out" / "cancelled.gpkg")
    os.makedirs(os.path.dirname(dest))
    info = ogr_file_source(layer(src))
    fids = np.arange(1, n + 1)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        write_gpkg_join(info, dest, "GPKG", fids, {"quartier_id": (["A"], np.zeros(n, dtype=int))}, feedback,
                        spatial_index=False)
    assert feedback.calls > 2  # the handler inside SQLite's INSERT asked, and stopped it
    assert os.listdir(os.path.dirname(dest)) == []


def _stale_rows():
    """The case's addresses with an older assignment: Quartier_ID (integer, other case) before residents and a
    stale assign_status after it."""
    return [dict(r, Quartier_ID=900 + k, assign_status="stale") for k, r in enumerate(address_rows())]


STALE_FIELDS = [("adr", ogr.OFTInteger), ("Quartier_ID", ogr.OFTInteger), ("residents", ogr.OFTInteger),
                ("assign_status", ogr.OFTString)]


@pytest.mark.parametrize("path", ["gpkg>gpkg", "gpkg>shp", "gpkg>temporary", "memory>memory", "shp>gpkg"])
def test_existing_quartier_id_and_status_are_replaced_in_place(run_alg, case, path):
    """Issue 18.7: re-assigning replaces quartier_id / assign_status (in their place, with the new type) instead of
    adding quartier_id_2; the log says so. The GDAL/SQLite copy, GDAL's VectorTranslate, the QGIS sink and a
    staged shapefile (whose cut name quartier_i is the earlier run's quartier_id) all give the same table."""
    quartiers = layer(case["quartiers"], "quartiers")
    first, first_context = run_assign(run_alg, {
        "INPUT": layer(case["addresses"], "addresses"), "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
        "OUTPUT": "memory:"})
    expected = assigned(output_layer(first["OUTPUT"], first_context))
    stale = write_gpkg(str(case["dir"] / "stale.gpkg"), "stale", ogr.wkbPoint, STALE_FIELDS, _stale_rows())
    source, target = path.split(">")
    points = layer(stale, "stale")
    if source == "memory":
        points = points.materialize(QgsFeatureRequest())
    elif source == "shp":
        shp = str(case["dir"] / "stale.shp")
        gdal.VectorTranslate(shp, stale, format="ESRI Shapefile")  # the names cut to 10 characters
        points = layer(shp, "stale")
        assert [n.lower() for n in points.fields().names()] == ["adr", "quartier_i", "residents", "assign_sta"]
    out = {"gpkg": str(case["dir"] / "out.gpkg"), "shp": str(case["dir"] / "out.shp"),
           "temporary": "TEMPORARY_OUTPUT", "memory": "memory:"}[target]
    from indicators_alg_testing import RecordingFeedback

    feedback = RecordingFeedback()
    result, context = run_assign(run_alg, {"INPUT": points, "QUARTIERS": quartiers, "QUARTIER_ID": "qid",
                                           "OUTPUT": out}, feedback=feedback)
    lyr = output_layer(result["OUTPUT"], context)
    names = [n for n in lyr.fields().names() if n.lower() != "fid"]
    if target == "shp":
        assert names == ["adr", "quartier_i", "residents", "assign_sta"]
        got = assigned(lyr, id_name="quartier_i", status_name="assign_sta")
    else:
        assert names == ["adr", "quartier_id", "residents", "assign_status"]
        got = assigned(lyr)
        assert lyr.fields().field("quartier_id").type() == lyr.fields().field("assign_status").type()  # text now
    assert got == expected
    assert [f["residents"] for f in lyr.getFeatures() if f["adr"] == 2] == [5]
    replaced = [m for m in feedback.infos if "replaced by the new assignment" in m]
    assert len(replaced) == 2 and any("Quartier_ID" in m or "Quartier_I" in m for m in replaced), feedback.infos
    if source == "gpkg" and target != "shp":
        assert not [m for m in feedback.infos if "instead" in m]  # the SQLite copy, not a fallback
