"""quartiersmonitor:offeringcoverage through processing.run with real layers; values by hand and brute force."""

import math
import os

import numpy as np
import pytest
from gpkg_testing import write_gpkg
from layer_testing import is_null, memory_layer
from qgis.core import (
    QgsProcessingException,
    QgsVectorLayer,
)

from quartiersmonitor.processing_provider import gpkg_table


def square(x0, y0, size=1000):
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x0 + size, y0 + size)


@pytest.fixture()
def small(tmp_path):
    gpkg = str(tmp_path / "coverage.gpkg")
    quartiers = memory_layer("Polygon", ["qid:string", "name:string"], [
        (square(0, 0), ["01", "Altstadt"]),
        (square(1000, 0), ["02", "Neustadt"]),
        (square(2000, 0), ["03", "Gewerbegebiet"]),
    ], name="quartiere")
    offerings = memory_layer("Point", ["name:string", "kategorie:string"], [
        ("POINT(100 100)", ["A", "Supermarkt"]),
        ("POINT(900 900)", ["B", "Bäckerei"]),
        ("POINT(1500 500)", ["C", "Supermarkt"]),
        ("POINT(5000 5000)", ["D", None]),  # outside every quartier: not counted, still the nearest for nobody
    ], name="angebote")
    addresses = memory_layer("Point", ["adr:integer", "ew:string"], [
        ("POINT(100 200)", [1, "10"]),
        ("POINT(500 500)", [2, "20"]),
        ("POINT(950 100)", [3, "5"]),
        ("POINT(1900 500)", [4, "30"]),
        ("POINT(1500 900)", [5, "k.A."]),  # unusable: 0 residents, reported
        ("POINT(1100 100)", [6, "8"]),
        ("POINT(-100 -100)", [7, "100"]),  # outside
        (None, [8, "7"]),  # no geometry
    ], name="adressen")
    return {
        "quartiers": write_gpkg(quartiers, gpkg),
        "offerings": write_gpkg(offerings, gpkg),
        "addresses": addresses,
    }


def run_small(run_alg, small, feedback=None, **extra):
    params = {
        "OFFERINGS": small["offerings"], "CATEGORY_FIELD": "kategorie", "QUARTIERS": small["quartiers"],
        "QUARTIER_ID": "qid", "ADDRESSES": small["addresses"], "POPULATION_FIELD": "ew", "DISTANCE": 600,
        "WHITE_SPOT_SHARE": 90, "OUTPUT": "memory:", "ADDRESS_OUTPUT": "memory:",
    }
    params.update(extra)
    return run_alg("offeringcoverage", params, feedback=feedback)


def rows_by_id(layer, field="qid"):
    return {f[field]: f for f in layer.getFeatures()}


def test_hand_computed_figures(run_alg, small):
    before = [f.attributes() for f in small["addresses"].getFeatures()]
    result = run_small(run_alg, small)
    q = rows_by_id(result["OUTPUT"])
    assert set(q) == {"01", "02", "03"}
    assert q["01"]["name"] == "Altstadt"  # quartier fields kept
    # Counts: A, B in 01; C in 02; D outside.
    assert [q[k]["n_offerings"] for k in ("01", "02", "03")] == [2, 1, 0]
    assert [q[k]["n_supermarkt"] for k in ("01", "02", "03")] == [1, 1, 0]
    assert [q[k]["n_baeckerei"] for k in ("01", "02", "03")] == [1, 0, 0]
    assert [q[k]["n_no_category"] for k in ("01", "02", "03")] == [0, 0, 0]
    # Quartier 01: 10 residents at 100 m, 20 at 565.7 m (A and B equally near), 5 at 680.1 m (C).
    assert q["01"]["pop_total"] == 35 and q["01"]["pop_far"] == 5
    assert q["01"]["share_within_distance"] == pytest.approx(100 * 30 / 35)
    assert q["01"]["median_distance_m"] == pytest.approx(math.hypot(400, 400))
    assert q["01"]["offerings_per_1000"] == pytest.approx(2 / 35 * 1000)
    assert q["01"]["white_spot"] == 1  # 85.7 % < 90 %
    # Quartier 02: 30 at 400 m, 8 at 565.7 m, one address without usable residents.
    assert q["02"]["pop_total"] == 38 and q["02"]["pop_far"] == 0
    assert q["02"]["share_within_distance"] == pytest.approx(100.0)
    assert q["02"]["median_distance_m"] == pytest.approx(400.0)
    assert q["02"]["white_spot"] == 0
    # Quartier 03: nobody lives there.
    assert q["03"]["pop_total"] == 0
    for name in ("share_within_distance", "median_distance_m", "offerings_per_1000", "white_spot"):
        assert is_null(q["03"][name]), name
    # Addresses: distances against brute force over all offerings.
    offers = np.array([[100, 100], [900, 900], [1500, 500], [5000, 5000]], dtype=float)
    a = {f["adr"]: f for f in result["ADDRESS_OUTPUT"].getFeatures()}
    assert len(a) == 8
    for f in a.values():
        if f.geometry().isNull():
            assert f["adr"] == 8 and is_null(f["nearest_distance_m"])
            continue
        p = f.geometry().asPoint()
        expected = np.hypot(offers[:, 0] - p.x(), offers[:, 1] - p.y()).min()
        assert f["nearest_distance_m"] == pytest.approx(expected)
        assert f["within_distance"] == int(expected <= 600)
    assert a[1]["quartier_id"] == "01" and a[4]["quartier_id"] == "02" and is_null(a[7]["quartier_id"])
    # The input is unchanged.
    assert [f.attributes() for f in small["addresses"].getFeatures()] == before


def test_reprojected_addresses_give_the_same_result(run_alg, small):
    wgs84 = run_alg("native:reprojectlayer", {"INPUT": small["addresses"], "TARGET_CRS": "EPSG:4326",
                                              "OUTPUT": "memory:"})["OUTPUT"]
    base = rows_by_id(run_small(run_alg, small)["OUTPUT"])
    other = rows_by_id(run_small(run_alg, small, ADDRESSES=wgs84)["OUTPUT"])
    for qid in ("01", "02"):
        for name in ("pop_total", "pop_far", "share_within_distance", "median_distance_m", "white_spot"):
            assert other[qid][name] == pytest.approx(base[qid][name], abs=1e-6), (qid, name)


def test_without_addresses_and_file_outputs(run_alg, small, tmp_path):
    out = str(tmp_path / "coverage_out.gpkg")
    result = run_small(run_alg, small, ADDRESSES=None, POPULATION_FIELD=None, OUTPUT=out, ADDRESS_OUTPUT=None)
    layer = QgsVectorLayer(result["OUTPUT"], "cov", "ogr")
    q = rows_by_id(layer)
    assert [q[k]["n_offerings"] for k in ("01", "02", "03")] == [2, 1, 0]
    assert all(is_null(q[k]["pop_total"]) for k in q)
    shp = str(tmp_path / "coverage.shp")
    result = run_small(run_alg, small, OUTPUT=shp, ADDRESS_OUTPUT=str(tmp_path / "addr.shp"))
    layer = QgsVectorLayer(result["OUTPUT"], "cov", "ogr")
    assert layer.isValid() and layer.featureCount() == 3
    # Shapefiles cut field names to 10 characters.
    assert sorted(f["n_offering"] for f in layer.getFeatures()) == [0, 1, 2]
    assert sorted(f["pop_far"] for f in layer.getFeatures()) == [0, 0, 5]
    assert QgsVectorLayer(result["ADDRESS_OUTPUT"], "a", "ogr").featureCount() == 8


def test_no_offerings_at_all(run_alg, small):
    empty = memory_layer("Point", ["name:string", "kategorie:string"], [], name="keine")
    q = rows_by_id(run_small(run_alg, small, OFFERINGS=empty)["OUTPUT"])
    assert q["01"]["n_offerings"] == 0 and q["01"]["pop_far"] == 35 and q["01"]["share_within_distance"] == 0
    assert q["01"]["white_spot"] == 1 and is_null(q["01"]["median_distance_m"])


def test_bad_inputs(run_alg, small):
    quartiers = small["quartiers"]
    dup = memory_layer("Polygon", ["qid:string"], [(square(0, 0), ["01"]), (square(1000, 0), [" 01 "])],
                       name="doppelt")
    with pytest.raises(QgsProcessingException, match="duplicate.*01"):
        run_small(run_alg, small, QUARTIERS=dup)
    nulls = memory_layer("Polygon", ["qid:string"], [(square(0, 0), ["01"]), (square(1000, 0), [None])],
                         name="ohne_id")
    with pytest.raises(QgsProcessingException, match="NULL"):
        run_small(run_alg, small, QUARTIERS=nulls)
    geographic = run_alg("native:reprojectlayer", {"INPUT": quartiers, "TARGET_CRS": "EPSG:4326",
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="geographic"):
        run_small(run_alg, small, QUARTIERS=geographic)
    with pytest.raises(QgsProcessingException, match="einwohner"):
        run_small(run_alg, small, POPULATION_FIELD="einwohner")
    with pytest.raises(QgsProcessingException, match="Polygon"):
        run_small(run_alg, small, OFFERINGS=quartiers)
    empty_q = memory_layer("Polygon", ["qid:string"], [], name="leer")
    with pytest.raises(QgsProcessingException, match="empty"):
        run_small(run_alg, small, QUARTIERS=empty_q)
    assert quartiers.featureCount() == 3 and small["offerings"].featureCount() == 4


def test_random_layout_against_brute_force(run_alg):
    rng = np.random.default_rng(11)
    # 4 x 3 quartiers of 1 km, 1500 addresses, 40 offerings (some outside the quartiers).
    quartiers = memory_layer("Polygon", ["qid:string"], [
        (square(i * 1000, j * 1000), ["{}{}".format(i, j)]) for i in range(4) for j in range(3)
    ], name="raster")
    ax, ay = rng.uniform(1, 3999, 1500), rng.uniform(1, 2999, 1500)
    pop = rng.integers(0, 40, 1500)
    addresses = memory_layer("Point", ["ew:integer"], [
        ("POINT({} {})".format(x, y), [int(p)]) for x, y, p in zip(ax, ay, pop)
    ], name="adr")
    ox, oy = rng.uniform(-500, 4500, 40), rng.uniform(-500, 3500, 40)
    offerings = memory_layer("Point", ["n:integer"], [
        ("POINT({} {})".format(x, y), [i]) for i, (x, y) in enumerate(zip(ox, oy))
    ], name="off")
    result = run_alg("offeringcoverage", {
        "OFFERINGS": offerings, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "ADDRESSES": addresses,
        "POPULATION_FIELD": "ew", "DISTANCE": 500, "OUTPUT": "memory:",
    })
    q = rows_by_id(result["OUTPUT"])
    dist = np.hypot(ax[:, None] - ox[None, :], ay[:, None] - oy[None, :]).min(axis=1)
    cell = ["{}{}".format(int(x // 1000), int(y // 1000)) for x, y in zip(ax, ay)]
    for qid, f in q.items():
        sel = np.array([c == qid for c in cell])
        total = pop[sel].sum()
        far = pop[sel & (dist > 500)].sum()
        assert f["pop_total"] == total and f["pop_far"] == far, qid
        inside = (ox >= int(qid[0]) * 1000) & (ox < int(qid[0]) * 1000 + 1000)
        inside &= (oy >= int(qid[1]) * 1000) & (oy < int(qid[1]) * 1000 + 1000)
        assert f["n_offerings"] == inside.sum()
        order = np.argsort(dist[sel])
        cum = np.cumsum(pop[sel][order])
        assert f["median_distance_m"] == pytest.approx(dist[sel][order][np.searchsorted(cum, total / 2)])


@pytest.mark.parametrize("category, distance, column", [("grocery", 500, "pop_far_grocery"),
                                                        ("bus_stop", 300, "pop_far_stop")])
def test_demo_w1_w2_numerators(run_alg, demo_folder, category, distance, column):
    """pop_far equals the demo generator's own count of residents farther than 500 m / 300 m (W.1 / W.2)."""
    gpkg = os.path.join(demo_folder, "demo.gpkg")
    quartiers = QgsVectorLayer(gpkg + "|layername=quartiers", "quartiers", "ogr")
    addresses = QgsVectorLayer(gpkg + "|layername=addresses", "addresses", "ogr")
    offerings = QgsVectorLayer(gpkg + "|layername=offerings", "offerings", "ogr")
    counts = QgsVectorLayer(gpkg + "|layername=counts_2024", "counts", "ogr")
    chosen = run_alg("native:extractbyattribute", {"INPUT": offerings, "FIELD": "category", "OPERATOR": 0,
                                                   "VALUE": category, "OUTPUT": "memory:"})["OUTPUT"]
    result = run_alg("offeringcoverage", {
        "OFFERINGS": chosen, "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id", "ADDRESSES": addresses,
        "POPULATION_FIELD": "residents", "DISTANCE": distance, "OUTPUT": "memory:",
    })
    q = rows_by_id(result["OUTPUT"], "quartier_id")
    expected = {f["quartier_id"]: (f[column], f["pop_total"]) for f in counts.getFeatures()}
    assert len(q) == 158 and set(q) == set(expected)
    for qid, (far, total) in expected.items():
        assert q[qid]["pop_far"] == far, qid
        assert q[qid]["pop_total"] == total, qid
    assert sum(f["n_offerings"] for f in q.values()) == chosen.featureCount()


def test_multipoint_3d_offerings_and_cancel(run_alg, small, tmp_path):
    from qgis.core import QgsProcessingFeedback

    # MultiPointZ offerings are used as their (first) 2D point: same result as the plain points.
    multi = memory_layer("MultiPointZ", ["name:string", "kategorie:string"], [
        ("MULTIPOINT Z((100 100 5))", ["A", "Supermarkt"]),
        ("MULTIPOINT Z((900 900 5))", ["B", "Bäckerei"]),
        ("MULTIPOINT Z((1500 500 7))", ["C", "Supermarkt"]),
        ("MULTIPOINT Z((5000 5000 0))", ["D", None]),
    ], name="multi")
    base = rows_by_id(run_small(run_alg, small)["OUTPUT"])
    other = rows_by_id(run_small(run_alg, small, OFFERINGS=multi)["OUTPUT"])
    for qid in base:
        for name in ("n_offerings", "pop_far", "median_distance_m"):
            assert other[qid][name] == base[qid][name] or (is_null(other[qid][name]) and is_null(base[qid][name]))
    # Cancelled: an error, and no output file left behind.
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.gpkg"
    with pytest.raises(QgsProcessingException):
        run_small(run_alg, small, OUTPUT=str(out), feedback=feedback)
    assert not out.exists()


@pytest.mark.parametrize("json_rows", [True, False])
def test_gpkg_address_output_written_by_gdal_equals_the_qgis_one(run_alg, small, tmp_path, json_rows, monkeypatch):
    """ADDRESS_OUTPUT as a GeoPackage (GDAL and SQLite) holds what QGIS writes into a memory layer feature by
    feature, NULL geometry and NULL distance of the address without location included; so does a memory:
    ADDRESS_OUTPUT, written into a temporary GeoPackage and copied into memory by QGIS; both from a memory layer
    of addresses and from a GeoPackage (its attributes copied inside SQLite). The rows are sent to SQLite as JSON
    arrays (storage.sqlite_bulk) or, where SQLite has no json_each, by executemany."""
    from quartiersmonitor.processing_provider import vector_output

    if not json_rows:
        monkeypatch.setattr(gpkg_table, "has_json_each", lambda con: False)

    def rows(layer, skip=0):
        return [([None if str(v) == "NULL" else v for v in f.attributes()[skip:]], f.geometry().asWkt(3))
                for f in layer.getFeatures()]

    def fields(layer, skip=0):
        return [(f.name(), f.type()) for f in layer.fields()][skip:]

    with monkeypatch.context() as patch:  # the reference: QGIS writes the memory layer feature by feature
        patch.setattr(vector_output, "memory_staging_path", lambda dest, name: None)
        memory = run_small(run_alg, small)["ADDRESS_OUTPUT"]
    staged = run_small(run_alg, small)["ADDRESS_OUTPUT"]
    assert staged.providerType() == "memory" and fields(staged) == fields(memory) and rows(staged) == rows(memory)
    path = str(tmp_path / "addresses_out.gpkg")
    result = run_small(run_alg, small, ADDRESS_OUTPUT=path)
    assert result["ADDRESS_OUTPUT"] == path
    layer = QgsVectorLayer(path, "a", "ogr")
    assert layer.crs().authid() == "EPSG:25832" and layer.featureCount() == 8
    assert rows(layer, skip=1) == rows(memory)
    # from a GeoPackage of addresses: its fids are kept
    gpkg_addresses = write_gpkg(small["addresses"], str(tmp_path / "adressen.gpkg"))
    path2 = str(tmp_path / "addresses_out2.gpkg")
    run_small(run_alg, small, ADDRESSES=gpkg_addresses, ADDRESS_OUTPUT=path2)
    layer2 = QgsVectorLayer(path2, "a", "ogr")
    assert rows(layer2) == rows(layer)
    staged2 = run_small(run_alg, small, ADDRESSES=gpkg_addresses)["ADDRESS_OUTPUT"]
    assert fields(staged2, skip=1) == fields(memory) and rows(staged2, skip=1) == rows(memory)
    assert [f["fid"] for f in staged2.getFeatures()] == [f.id() for f in gpkg_addresses.getFeatures()]
    del layer, layer2, gpkg_addresses


def test_a_point_on_a_shared_border_goes_to_the_smallest_id_whatever_the_feature_order(run_alg):
    """As in assignaddresses: an offering or address on the border of two quartiers belongs to the smallest id,
    here the quartier listed second."""
    quartiers = memory_layer("Polygon", ["qid:string"], [(square(0, 0), ["B"]), (square(1000, 0), ["A"])],
                             name="quartiere")
    offerings = memory_layer("Point", ["name:string"], [("POINT(1000 500)", ["on the border"])], name="angebote")
    addresses = memory_layer("Point", ["adr:integer"], [("POINT(1000 300)", [1]), ("POINT(500 500)", [2])],
                             name="adressen")
    result = run_alg("offeringcoverage", {
        "OFFERINGS": offerings, "QUARTIERS": quartiers, "QUARTIER_ID": "qid", "ADDRESSES": addresses,
        "DISTANCE": 600, "OUTPUT": "memory:", "ADDRESS_OUTPUT": "memory:"})
    rows = {f["qid"]: (f["n_offerings"], f["pop_total"]) for f in result["OUTPUT"].getFeatures()}
    assert rows == {"A": (1, 1.0), "B": (0, 1.0)}
    assigned = {f["adr"]: f["quartier_id"] for f in result["ADDRESS_OUTPUT"].getFeatures()}
    assert assigned == {1: "A", 2: "B"}


CATEGORY_MEASURES = ("pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m", "white_spot")


def test_every_distance_measure_per_category_by_hand(run_alg, small):
    """Issue 18.3: with CATEGORY_FIELD each category gets its own distance measures (nearest offering of that
    category); the overall ones stay "nearest offering of any kind". Offerings without a category are counted
    (n_no_category) but get no measures of their own."""
    result = run_small(run_alg, small)
    q = rows_by_id(result["OUTPUT"])
    names = result["OUTPUT"].fields().names()
    for slug in ("supermarkt", "baeckerei"):
        assert ["{}_{}".format(m, slug) in names for m in CATEGORY_MEASURES] == [True] * 5
    assert not [n for n in names if n.endswith("_no_category") and n != "n_no_category"]
    # Supermarkets A (100 100) and C (1500 500). 01: 10 at 100 m, 20 at 565.7 m, 5 at 680.1 m (C).
    assert q["01"]["pop_far_supermarkt"] == 5 and q["01"]["white_spot_supermarkt"] == 1
    assert q["01"]["share_within_distance_supermarkt"] == pytest.approx(100 * 30 / 35)
    assert q["01"]["median_distance_m_supermarkt"] == pytest.approx(math.hypot(400, 400))
    assert q["01"]["offerings_per_1000_supermarkt"] == pytest.approx(1000 / 35)
    # Bakery B (900 900) only. 01: 20 at 565.7 m, 5 at 801.6 m, 10 at 1063.0 m.
    assert q["01"]["pop_far_baeckerei"] == 15 and q["01"]["white_spot_baeckerei"] == 1
    assert q["01"]["share_within_distance_baeckerei"] == pytest.approx(100 * 20 / 35)
    assert q["01"]["median_distance_m_baeckerei"] == pytest.approx(math.hypot(400, 400))
    # 02: 30 at 1077.0 m, 8 at 824.6 m (address 5 at exactly 600 m has no usable residents): all far.
    assert q["02"]["pop_far_baeckerei"] == 38 and q["02"]["share_within_distance_baeckerei"] == pytest.approx(0)
    assert q["02"]["median_distance_m_baeckerei"] == pytest.approx(math.hypot(1000, 400))
    assert q["02"]["offerings_per_1000_baeckerei"] == pytest.approx(0) and q["02"]["white_spot_baeckerei"] == 1
    assert q["02"]["pop_far_supermarkt"] == 0 and q["02"]["white_spot_supermarkt"] == 0
    assert q["02"]["median_distance_m_supermarkt"] == pytest.approx(400.0)
    for name in ("share_within_distance_baeckerei", "median_distance_m_baeckerei", "white_spot_baeckerei"):
        assert is_null(q["03"][name]), name
    # the overall measures are unchanged: nearest offering of any kind
    assert q["01"]["pop_far"] == 5 and q["02"]["pop_far"] == 0
    a = {f["adr"]: f for f in result["ADDRESS_OUTPUT"].getFeatures()}
    assert a[1]["nearest_distance_m_baeckerei"] == pytest.approx(math.hypot(800, 700))
    assert a[1]["within_distance_baeckerei"] == 0 and a[1]["within_distance_supermarkt"] == 1
    assert a[5]["nearest_distance_m_baeckerei"] == pytest.approx(600.0) and a[5]["within_distance_baeckerei"] == 1
    assert is_null(a[8]["nearest_distance_m_supermarkt"]) and is_null(a[8]["within_distance_supermarkt"])


def test_without_addresses_the_category_measures_are_empty(run_alg, small):
    result = run_small(run_alg, small, ADDRESSES=None, ADDRESS_OUTPUT=None)
    q = rows_by_id(result["OUTPUT"])
    assert q["01"]["n_baeckerei"] == 1
    for m in CATEGORY_MEASURES:
        assert is_null(q["01"][m + "_baeckerei"]), m


def _replacing_addresses(small, tmp_path, source):
    """The small case's addresses carrying an older result: QUARTIER_ID, nearest_distance_m (text) in the middle and
    within_distance_baeckerei at the end."""
    rows = [(f.geometry().asWkt() if not f.geometry().isNull() else None,
             [f["adr"], "alt", "weit", f["ew"], 7]) for f in small["addresses"].getFeatures()]
    memory = memory_layer("Point", ["adr:integer", "QUARTIER_ID:string", "nearest_distance_m:string", "ew:string",
                                    "within_distance_baeckerei:integer"], rows, name="adressen_alt")
    if source == "memory":
        return memory
    gpkg = write_gpkg(memory, str(tmp_path / "adressen_alt.gpkg"))
    if source == "gpkg":
        return gpkg
    from osgeo import gdal

    shp = str(tmp_path / "adressen_alt.shp")
    gdal.VectorTranslate(shp, gpkg.source().split("|")[0], format="ESRI Shapefile")
    layer = QgsVectorLayer(shp, "adressen_alt", "ogr")
    assert [n.lower() for n in layer.fields().names()] == ["adr", "quartier_i", "nearest_di", "ew", "within_dis"]
    return layer


@pytest.mark.parametrize("source,target", [("gpkg", "gpkg"), ("memory", "memory"), ("shp", "gpkg"),
                                           ("gpkg", "memory")])
def test_address_output_replaces_older_result_fields_in_place(run_alg, small, tmp_path, source, target):
    """Issue 18.7: an address layer that already holds quartier_id / nearest_distance_m (any case) gets them
    replaced in place, not quartier_id_2; the GDAL/SQLite copy, the QGIS path and a staged shapefile agree."""
    from indicators_alg_testing import RecordingFeedback

    expected = {f["adr"]: f for f in run_small(run_alg, small)["ADDRESS_OUTPUT"].getFeatures()}
    addresses = _replacing_addresses(small, tmp_path, source)
    out = str(tmp_path / "out.gpkg") if target == "gpkg" else "memory:"
    feedback = RecordingFeedback()
    result = run_small(run_alg, small, feedback=feedback, ADDRESSES=addresses, ADDRESS_OUTPUT=out)
    layer = QgsVectorLayer(out, "a", "ogr") if target == "gpkg" else result["ADDRESS_OUTPUT"]
    names = [n for n in layer.fields().names() if n != "fid"]
    checked = ["quartier_id", "within_distance", "nearest_distance_m_baeckerei"]
    if source == "shp":  # nearest_di and within_dis are the cut of several new names: kept as they are
        assert names == ["adr", "quartier_id", "nearest_di", "ew", "within_dis", "nearest_distance_m",
                         "within_distance", "nearest_distance_m_baeckerei", "within_distance_baeckerei",
                         "nearest_distance_m_supermarkt", "within_distance_supermarkt"]
        checked += ["nearest_distance_m", "within_distance_baeckerei"]
    else:
        assert names == ["adr", "quartier_id", "nearest_distance_m", "ew", "within_distance_baeckerei",
                         "within_distance", "nearest_distance_m_baeckerei", "nearest_distance_m_supermarkt",
                         "within_distance_supermarkt"]
        checked += ["nearest_distance_m", "within_distance_baeckerei"]
    for f in layer.getFeatures():
        e = expected[f["adr"]]
        for name in checked:
            assert (is_null(f[name]) and is_null(e[name])) or f[name] == pytest.approx(e[name]), (name, f["adr"])
    replaced = [m for m in feedback.infos if "replaced by the new" in m]
    assert len(replaced) == (1 if source == "shp" else 3), feedback.infos
    assert "“{}”".format("quartier_i" if source == "shp" else "QUARTIER_ID") in replaced[0].replace(
        "“Quartier_I”", "“quartier_i”").replace("“QUARTIER_I”", "“quartier_i”")
    if source == "gpkg" and target == "gpkg":
        assert any("with GDAL" in m for m in feedback.infos)
    del layer
