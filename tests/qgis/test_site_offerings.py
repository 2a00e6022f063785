"""quartiersmonitor:siteofferings (maximal covering location) through processing.run: a hand-made instance where
greedy fails and the optimum is known, existing offerings kept, need weighting, report, style and bad input."""

import pytest
from indicators_alg_testing import RecordingFeedback
from layer_testing import memory_layer
from qgis.core import QgsProcessingException, QgsSingleSymbolRenderer, QgsVectorLayer

from quartiersmonitor.cartography.siting_style import style_siting_layer


def box(x0, x1):
    return "POLYGON(({0} 0, {1} 0, {1} 1000, {0} 1000, {0} 0))".format(x0, x1)


# All at y = 500, coverage distance 100 m. Children: x = 0: 2, 60: 3, 240: 3, 300: 2, 1000: 7, 1120: 1.
# C0 (x 0) covers 0, 60 (5); C1 (150) covers 60, 240 (6); C2 (300) covers 240, 300 (5); C3 (1050) covers 1000, 1120;
# C4 (2000) covers nothing. The existing Kita at x = 1000 covers the 7 children there already.
# COUNT 2: greedy takes C1 (6) and then 2 more = 8; the optimum is C0 + C2 = 10.
CANDIDATES = [("POINT({} 500)".format(x), ["C{}".format(k)]) for k, x in enumerate((0, 150, 300, 1050, 2000))]
ADDRESSES = [("POINT({} 500)".format(x), [k, d]) for k, (x, d) in
             enumerate(zip((0, 60, 240, 300, 1000, 1120), (2, 3, 3, 2, 7, 1)))]


@pytest.fixture()
def layers():
    return {
        "candidates": memory_layer("Point", ["name:string"], CANDIDATES, name="standorte"),
        "offerings": memory_layer("Point", ["name:string"], [("POINT(1000 500)", ["Kita"])], name="kitas"),
        "addresses": memory_layer("Point", ["adr:integer", "kinder:double"], ADDRESSES, name="adressen"),
        "quartiers": memory_layer("Polygon", ["qid:string", "a2:double"], [
            (box(-100, 200), ["Q1", 0.5]), (box(200, 2100), ["Q2", 3.0])], name="quartiere"),
    }


def run(run_alg, layers, feedback=None, **extra):
    params = {"CANDIDATES": layers["candidates"], "OFFERINGS": layers["offerings"], "ADDRESSES": layers["addresses"],
              "DEMAND_FIELD": "kinder", "DISTANCE": 100, "COUNT": 2, "OUTPUT": "memory:"}
    params.update(extra)
    params = {k: v for k, v in params.items() if v is not None}
    result = run_alg("siteofferings", params, feedback=feedback)
    rows = sorted([f["rank"], f["name"], f["gain"], f["covered_total"]] + (
        [f["quartier_id"]] if "quartier_id" in f.fields().names() else []) for f in result["OUTPUT"].getFeatures())
    return rows, result


def test_optimum_beats_greedy_and_existing_coverage_is_kept(run_alg, layers, tmp_path):
    feedback = RecordingFeedback()
    report = str(tmp_path / "siting.html")
    rows, result = run(run_alg, layers, feedback=feedback, REPORT=report)
    # C0 and C2 each newly cover 5 (tie: smaller index first); 7 covered by the existing Kita before
    assert rows == [[1, "C0", 5.0, 12.0], [2, "C2", 5.0, 17.0]]
    log = " ".join(feedback.infos)
    assert "Greedy alone: 8.0" in log and "upper bound 10.0" in log and "gap 0.0" in log
    text = open(report, encoding="utf-8").read()
    assert "The solution is optimal." in text and "feature" in text
    assert "18" in text and "17" in text  # all demand, covered after


def test_without_existing_offering_the_far_site_wins(run_alg, layers):
    rows, _result = run(run_alg, layers, OFFERINGS=None)
    # C3 covers 7 + 1 = 8, then C1 adds 6: 14 (C0 or C2 would add 5)
    assert rows == [[1, "C3", 8.0, 8.0], [2, "C1", 6.0, 14.0]]


def test_existing_coverage_is_no_gain(run_alg, layers):
    rows, _result = run(run_alg, layers, COUNT=3)
    # third site: C1 (adds 0: 60 and 240 are covered) or C3 (adds the 1 child at 1120, the 7 are covered): C3
    assert rows[2] == [3, "C3", 1.0, 18.0]


def test_need_field_weights_the_demand(run_alg, layers):
    rows, _result = run(run_alg, layers, COUNT=1)
    assert rows == [[1, "C1", 6.0, 13.0]]
    # need 0.5 in Q1 (x < 200), 3 in Q2: C1 = 3·0.5 + 3·3 = 10.5, C2 = 3·3 + 2·3 = 15, C0 = 2.5, C3 = 3
    rows, _result = run(run_alg, layers, COUNT=1, QUARTIERS=layers["quartiers"], QUARTIER_ID="qid",
                        NEED_FIELD="a2")
    assert rows == [[1, "C2", 15.0, 36.0, "Q2"]]  # before: 7 children · 3 = 21


def test_stops_when_nothing_more_is_covered(run_alg, layers):
    feedback = RecordingFeedback()
    rows, _result = run(run_alg, layers, COUNT=5, feedback=feedback)
    # greedy covers everything with C1, C0, C2, C3; C1 is then redundant: three sites cover all 18
    assert rows == [[1, "C0", 5.0, 12.0], [2, "C2", 5.0, 17.0], [3, "C3", 1.0, 18.0]]
    assert any("Only 3 site(s)" in w for w in feedback.warnings)


def test_reprojected_candidates_give_the_same_sites(run_alg, layers):
    from qgis import processing

    wgs = processing.run("native:reprojectlayer", {"INPUT": layers["candidates"], "TARGET_CRS": "EPSG:4326",
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    rows, result = run(run_alg, layers, CANDIDATES=wgs)
    assert [r[1] for r in rows] == ["C0", "C2"]
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"


def test_style(run_alg, layers):
    _rows, result = run(run_alg, layers)
    layer = result["OUTPUT"]
    renderer = style_siting_layer(layer)
    assert isinstance(renderer, QgsSingleSymbolRenderer) and layer.labelsEnabled()
    assert layer.labeling().settings().fieldName == "rank"
    assert renderer.symbol().dataDefinedSize().isActive()


@pytest.mark.parametrize("case, match", [
    ("empty_candidates", "standorte_leer"),
    ("count_too_large", "holds only 5"),
    ("unknown_crs", "ohne_crs"),
    ("negative_demand", "negative demand"),
    ("need_without_quartiers", "NEED_FIELD"),
    ("geographic", "geographic"),
])
def test_bad_input(run_alg, layers, case, match):
    extra = {}
    if case == "empty_candidates":
        extra["CANDIDATES"] = memory_layer("Point", ["name:string"], [], name="standorte_leer")
    elif case == "count_too_large":
        extra["COUNT"] = 6
    elif case == "unknown_crs":
        extra["CANDIDATES"] = memory_layer("Point", ["name:string"], CANDIDATES, crs="", name="ohne_crs")
    elif case == "negative_demand":
        extra["ADDRESSES"] = memory_layer("Point", ["adr:integer", "kinder:double"],
                                          ADDRESSES[:-1] + [("POINT(1120 500)", [5, -1.0])], name="adressen")
    elif case == "need_without_quartiers":
        extra["NEED_FIELD"] = "a2"
    elif case == "geographic":
        extra["ADDRESSES"] = memory_layer("Point", ["adr:integer", "kinder:double"],
                                          [("POINT(8 50)", [1, 1.0])], crs="EPSG:4326", name="adressen_wgs")
    with pytest.raises(QgsProcessingException, match=match):
        run(run_alg, layers, **extra)


def test_null_demand_counts_zero_with_a_warning(run_alg, layers):
    feedback = RecordingFeedback()
    addresses = memory_layer("Point", ["adr:integer", "kinder:double"],
                             ADDRESSES[:1] + [("POINT(60 500)", [1, None])] + ADDRESSES[2:], name="adressen")
    rows, _result = run(run_alg, layers, ADDRESSES=addresses, COUNT=1, feedback=feedback)
    # without the 3 children at x = 60: C2 covers 5, C1 3, C0 2
    assert rows == [[1, "C2", 5.0, 12.0]]
    assert any("NULL or no number" in w for w in feedback.warnings)


def test_network_across_a_river(run_alg, layers):
    # a river between x = 200 and x = 210 with no bridge: C1 (x 150) reaches x = 60 (3 children) but no longer x = 240
    network = memory_layer("LineString", ["id:integer"], [
        ("LINESTRING(-100 500, 200 500)", [1]), ("LINESTRING(210 500, 2100 500)", [2])], name="wege")
    rows, _result = run(run_alg, layers, COUNT=1)
    assert rows == [[1, "C1", 6.0, 13.0]]  # straight line
    rows, _result = run(run_alg, layers, COUNT=1, NETWORK=network)
    # along the network C0 and C2 cover 5 each, C1 only 3; ties go to the smaller index
    assert rows == [[1, "C0", 5.0, 12.0]]
    rows, _result = run(run_alg, layers, COUNT=2, NETWORK=network)
    assert rows == [[1, "C0", 5.0, 12.0], [2, "C2", 5.0, 17.0]]


def test_network_of_the_wrong_geometry_is_refused(run_alg, layers):
    with pytest.raises(QgsProcessingException, match="adressen"):
        run(run_alg, layers, NETWORK=layers["addresses"])


def test_geopackage_in_and_out(run_alg, layers, tmp_path):
    from qgis import processing

    paths = {}
    for key in ("candidates", "addresses", "offerings"):
        paths[key] = str(tmp_path / "{}.gpkg".format(key))
        processing.run("native:savefeatures", {"INPUT": layers[key], "OUTPUT": paths[key]})
    out = str(tmp_path / "sites.gpkg")
    result = run_alg("siteofferings", {"CANDIDATES": paths["candidates"], "OFFERINGS": paths["offerings"],
                                       "ADDRESSES": paths["addresses"], "DEMAND_FIELD": "kinder", "DISTANCE": 100,
                                       "COUNT": 2, "OUTPUT": out})
    layer = QgsVectorLayer(result["OUTPUT"], "sites", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    rows = sorted([f["rank"], f["name"], f["gain"], f["covered_total"], f.geometry().asPoint().x()]
                  for f in layer.getFeatures())
    assert rows == [[1, "C0", 5.0, 12.0, 0.0], [2, "C2", 5.0, 17.0, 300.0]]


def test_no_candidate_reaches_any_demand(run_alg, layers):
    feedback = RecordingFeedback()
    far = memory_layer("Point", ["name:string"], [("POINT(2000 500)", ["C4"])], name="weit")
    rows, result = run(run_alg, layers, CANDIDATES=far, COUNT=1, feedback=feedback)
    assert rows == [] and result["OUTPUT"].featureCount() == 0
    assert any("Only 0 site(s)" in w for w in feedback.warnings)
