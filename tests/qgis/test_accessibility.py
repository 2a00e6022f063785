"""quartiersmonitor:accessibility (E2SFCA) through processing.run: 3 offerings x 6 addresses computed by hand,
straight-line and along a network with a river; need–supply classes; style; bad input."""

import pytest
from indicators_alg_testing import RecordingFeedback
from layer_testing import is_null, memory_layer
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
)

from quartiersmonitor.cartography.access_style import style_access_layer
from quartiersmonitor.spatial import network as network_module


def box(x0, x1):
    return "POLYGON(({0} 0, {1} 0, {1} 1000, {0} 1000, {0} 0))".format(x0, x1)


# offerings at x = 0, 200, 400 with 10, 4, 6 places; addresses at x = -50 … 600 with 20 … 15 children; all at y = 500
OFFERINGS = [("POINT(0 500)", ["A", 10, "Kita"]), ("POINT(200 500)", ["B", 4, "Kita"]),
             ("POINT(400 500)", ["C", 6, "Krippe"])]
ADDRESSES = [("POINT({} 500)".format(x), [k, d]) for k, (x, d) in
             enumerate(zip((-50, 50, 150, 250, 350, 600), (20, 30, 10, 40, 50, 15)))]


@pytest.fixture()
def layers():
    return {
        "offerings": memory_layer("Point", ["name:string", "plaetze:double", "art:string"], OFFERINGS,
                                  name="kitas"),
        "addresses": memory_layer("Point", ["adr:integer", "kinder:integer"], ADDRESSES, name="adressen"),
        "quartiers": memory_layer("Polygon", ["qid:string", "a2:double"], [
            (box(-100, 100), ["Q1", 30.0]), (box(100, 300), ["Q2", 10.0]), (box(300, 700), ["Q3", 20.0]),
            (box(1000, 1200), ["Q4", 50.0])], name="quartiere"),
        # a river between x = 270 and x = 280 with no bridge
        "network": memory_layer("LineString", ["id:integer"], [
            ("LINESTRING(-100 500, 100 500, 270 500)", [1]), ("LINESTRING(280 500, 700 500)", [2])], name="wege"),
    }


def run(run_alg, layers, feedback=None, **extra):
    params = {"OFFERINGS": layers["offerings"], "CAPACITY_FIELD": "plaetze", "ADDRESSES": layers["addresses"],
              "DEMAND_FIELD": "kinder", "QUARTIERS": layers["quartiers"], "QUARTIER_ID": "qid", "DISTANCE": 100,
              "DECAY": 0, "OUTPUT": "memory:", "ADDRESS_OUTPUT": "memory:"}
    params.update(extra)
    result = run_alg("accessibility", params, feedback=feedback)
    quartiers = {f["qid"]: f for f in result["OUTPUT"].getFeatures()}
    addresses = {f["adr"]: f for f in result["ADDRESS_OUTPUT"].getFeatures()} if "ADDRESS_OUTPUT" in result else {}
    return quartiers, addresses, result


def test_hand_computed_e2sfca_without_decay(run_alg, layers):
    q, a, result = run(run_alg, layers, NEED_FIELD="a2")
    # catchments of 100 m: A reaches addresses 0, 1; B reaches 2, 3; C reaches 4; address 5 reaches nothing
    # R_A = 10 / (20 + 30) = 0.2, R_B = 4 / (10 + 40) = 0.08, R_C = 6 / 50 = 0.12
    assert [a[k]["access"] for k in range(6)] == pytest.approx([200, 200, 80, 80, 120, 0])
    assert [q[k]["demand"] for k in ("Q1", "Q2", "Q3", "Q4")] == [50, 50, 65, 0]
    assert [q[k]["supply_reached"] for k in ("Q1", "Q2", "Q3")] == pytest.approx([10, 4, 6])
    assert [q[k]["access_index"] for k in ("Q1", "Q2", "Q3")] == pytest.approx([200, 80, 1000 * 6 / 65])
    assert is_null(q["Q4"]["access_index"])
    # need medians over Q1..Q3: need 20, access index 92.3 (equal to the median counts as low)
    assert q["Q1"]["need_supply"] == "high need–high supply"
    assert q["Q2"]["need_supply"] == "low need–low supply"
    assert q["Q3"]["need_supply"] == "low need–low supply"
    assert is_null(q["Q4"]["need_supply"])
    assert [a[k]["nearest_distance_m"] for k in range(6)] == pytest.approx([50, 50, 50, 50, 50, 200])
    assert a[3]["quartier_id"] == "Q2"
    renderer = style_access_layer(result["OUTPUT"], need_supply=True)
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and len(renderer.categories()) == 5
    renderer = style_access_layer(result["OUTPUT"])
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.ranges()[0].lowerValue() == pytest.approx(80)


def test_hand_computed_linear_decay_and_categories(run_alg, layers):
    q, a, _result = run(run_alg, layers, DISTANCE=200, DECAY=1, CATEGORY_FIELD="art")
    # weights 1 - d/200: 0.75 at 50 m, 0.25 at 150 m, 0 at 200 m (C to address 5)
    r_a = 10 / (0.75 * 20 + 0.75 * 30 + 0.25 * 10)
    r_b = 4 / (0.25 * 30 + 0.75 * 10 + 0.75 * 40 + 0.25 * 50)
    r_c = 6 / (0.25 * 40 + 0.75 * 50)
    want = [0.75 * r_a, 0.75 * r_a + 0.25 * r_b, 0.25 * r_a + 0.75 * r_b, 0.75 * r_b + 0.25 * r_c,
            0.25 * r_b + 0.75 * r_c, 0.0]
    assert [a[k]["access"] for k in range(6)] == pytest.approx([1000 * w for w in want])
    assert q["Q2"]["access_index"] == pytest.approx(1000 * (10 * want[2] + 40 * want[3]) / 50)
    # Kita alone (A, B): the same ratios, since C's catchment is another category's
    kita = [0.75 * r_a, 0.75 * r_a + 0.25 * r_b, 0.25 * r_a + 0.75 * r_b, 0.75 * r_b, 0.25 * r_b, 0.0]
    assert [a[k]["access_kita"] for k in range(6)] == pytest.approx([1000 * w for w in kita])
    assert [a[k]["access_krippe"] for k in range(6)] == pytest.approx([0, 0, 0, 250 * r_c, 750 * r_c, 0])
    # C's 6 places are shared out between address 3 (Q2: 40 children at weight 0.25) and 4 (Q3: 50 at 0.75)
    assert q["Q2"]["supply_reached_krippe"] == pytest.approx(40 * 0.25 * r_c)
    assert q["Q3"]["supply_reached_krippe"] == pytest.approx(50 * 0.75 * r_c)
    assert q["Q2"]["supply_reached_krippe"] + q["Q3"]["supply_reached_krippe"] == pytest.approx(6.0)


@pytest.mark.parametrize("use_scipy", [True, False])
def test_network_with_a_river(run_alg, layers, monkeypatch, use_scipy):
    if not use_scipy:  # our heap-based Dijkstra
        monkeypatch.setattr(network_module, "_scipy_dijkstra", lambda: None)
    feedback = RecordingFeedback()
    island = memory_layer("Point", ["adr:integer", "kinder:integer"], ADDRESSES + [("POINT(1100 900)", [6, 7])],
                          name="adressen")
    island_net = memory_layer("LineString", ["id:integer"], [
        ("LINESTRING(-100 500, 100 500, 270 500)", [1]), ("LINESTRING(280 500, 700 500)", [2]),
        ("LINESTRING(1050 900, 1150 900)", [3])], name="wege")
    q, a, _result = run(run_alg, layers, feedback=feedback, DISTANCE=200, ADDRESSES=island, NETWORK=island_net)
    # along the paths B no longer reaches address 4, nor C address 3 (across the river):
    # R_A = 10 / (20 + 30 + 10), R_B = 4 / (30 + 10 + 40), R_C = 6 / (50 + 15)
    r_a, r_b, r_c = 10 / 60, 4 / 80, 6 / 65
    want = [r_a, r_a + r_b, r_a + r_b, r_b, r_c, r_c, 0.0]
    assert [a[k]["access"] for k in range(7)] == pytest.approx([1000 * w for w in want])
    assert a[3]["nearest_distance_m"] == pytest.approx(50.0)
    assert a[4]["nearest_distance_m"] == pytest.approx(50.0)
    assert is_null(a[6]["nearest_distance_m"]) and a[6]["access_m"] == pytest.approx(0.0)
    assert q["Q4"]["access_index"] == 0 and q["Q4"]["demand"] == 7
    assert any("1 address(es) reach no offering" in w for w in feedback.warnings)


def test_bad_and_empty_inputs(run_alg, layers):
    feedback = RecordingFeedback()
    empty = memory_layer("Point", ["name:string", "plaetze:double", "art:string"], [], name="keine")
    q, a, _result = run(run_alg, layers, feedback=feedback, OFFERINGS=empty)
    assert all(a[k]["access"] == 0 for k in range(6))
    assert q["Q1"]["access_index"] == 0 and q["Q1"]["supply_reached"] == 0
    assert any("no offering with a location" in w for w in feedback.warnings)
    with pytest.raises(QgsProcessingException, match="adressen"):
        run(run_alg, layers, NETWORK=layers["addresses"])
    with pytest.raises(QgsProcessingException, match="gibtsnicht"):
        run(run_alg, layers, DEMAND_FIELD="gibtsnicht")
    no_crs = memory_layer("LineString", ["id:integer"], [("LINESTRING(0 0, 1 1)", [1])], crs="", name="ohne_crs")
    with pytest.raises(QgsProcessingException, match="ohne_crs"):
        run(run_alg, layers, NETWORK=no_crs)
    text = memory_layer("Point", ["adr:integer", "kinder:string"], [(w, [k, "k.A." if k == 0 else str(d)])
                                                                      for w, (k, d) in ADDRESSES], name="text")
    feedback = RecordingFeedback()
    q, a, _result = run(run_alg, layers, feedback=feedback, ADDRESSES=text, DEMAND_FIELD="kinder",
                        ADDRESS_OUTPUT=None)
    assert q["Q1"]["demand"] == 30  # "k.A." counts as 0
    assert any("k.A." in w for w in feedback.warnings)
