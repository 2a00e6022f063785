"""quartiersmonitor:offeringcoverage with a NETWORK: distances along the paths equal QGIS's own shortest paths
(native:shortestpathpointtolayer), with scipy and with our heap-based fallback; bad input."""

import math

import pytest
from indicators_alg_testing import RecordingFeedback
from layer_testing import is_null, memory_layer
from qgis.core import (
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
)

from quartiersmonitor.spatial import network as network_module

# A river between y = 0 (south bank street) and y = 100 (north bank street), one bridge at x = 900; side streets;
# an island street (3000, 3000) that no line joins.
NETWORK = [
    "LINESTRING(0 0, 200 0, 400 0, 600 0, 900 0, 1000 0)",
    "LINESTRING(0 100, 300 100, 600 100, 900 100, 1000 100)",
    "LINESTRING(900 0, 900 100)",  # the bridge
    "LINESTRING(300 100, 300 400)",
    "LINESTRING(200 0, 200 -300, 500 -300)",
    "MULTILINESTRING((3000 3000, 3100 3000),(3100 3000, 3100 3100))",
]
OFFERINGS = [("POINT(250 -20)", ["K1", "Kita"]), ("POINT(610 -300)", ["K2", "Kita"]),
             ("POINT(950 120)", ["S1", "Schule"])]
ADDRESSES = [("POINT(250 120)", [1, 4]), ("POINT(320 350)", [2, 2]), ("POINT(100 -10)", [3, 3]),
             ("POINT(800 90)", [4, 1]), ("POINT(480 -310)", [5, 2]), ("POINT(3050 3010)", [6, 5]),
             ("POINT(1000 50)", [7, 1])]


@pytest.fixture()
def layers():
    return {
        "network": memory_layer("MultiLineString", ["id:integer"], [(w, [i]) for i, w in enumerate(NETWORK)],
                                name="wege"),
        "offerings": memory_layer("Point", ["name:string", "art:string"], OFFERINGS, name="angebote"),
        "addresses": memory_layer("Point", ["adr:integer", "ew:integer"], ADDRESSES, name="adressen"),
        "quartiers": memory_layer("Polygon", ["qid:string"], [
            ("POLYGON((-100 -400, 1200 -400, 1200 50, -100 50, -100 -400))", ["S"]),
            ("POLYGON((-100 50, 1200 50, 1200 500, -100 500, -100 50))", ["N"]),
            ("POLYGON((2900 2900, 3200 2900, 3200 3200, 2900 3200, 2900 2900))", ["I"]),
        ], name="quartiere"),
    }


def run(run_alg, layers, feedback=None, **extra):
    params = {"OFFERINGS": layers["offerings"], "CATEGORY_FIELD": "art", "QUARTIERS": layers["quartiers"],
              "QUARTIER_ID": "qid", "ADDRESSES": layers["addresses"], "POPULATION_FIELD": "ew", "DISTANCE": 700,
              "NETWORK": layers["network"], "OUTPUT": "memory:", "ADDRESS_OUTPUT": "memory:"}
    params.update(extra)
    return run_alg("offeringcoverage", params, feedback=feedback)


def qgis_oracle(run_alg, layers, names):
    """Per address: the shortest distance to the nearest of the offerings ``names`` by QGIS's own shortest path
    (its route runs between the points' ties to the network) plus both straight connections to the network."""
    lines = [QgsGeometry.fromWkt(w) for w in NETWORK]

    def access(point):
        return min(g.distance(QgsGeometry.fromPointXY(point)) for g in lines)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # QGIS's shortest path needs a project (else it crashes in 3.22)
    best = {f["adr"]: math.inf for f in layers["addresses"].getFeatures()}
    for off in layers["offerings"].getFeatures():
        if off["name"] not in names:
            continue
        p = off.geometry().asPoint()
        result = run_alg("native:shortestpathpointtolayer", {
            "INPUT": layers["network"], "STRATEGY": 0, "START_POINT": "{},{} [EPSG:25832]".format(p.x(), p.y()),
            "END_POINTS": layers["addresses"], "TOLERANCE": 0, "OUTPUT": "memory:"}, context=context)["OUTPUT"]
        ends = {f["adr"]: f for f in layers["addresses"].getFeatures()}
        for route in result.getFeatures():
            if route.geometry().isEmpty():
                continue
            adr = route["adr"]
            d = route.geometry().length() + access(p) + access(ends[adr].geometry().asPoint())
            best[adr] = min(best[adr], d)
    return best


@pytest.mark.parametrize("use_scipy", [True, False])
def test_network_distances_equal_qgis_shortest_paths(run_alg, layers, monkeypatch, use_scipy):
    if not use_scipy:
        monkeypatch.setattr(network_module, "_scipy_dijkstra", lambda: None)
    feedback = RecordingFeedback()
    result = run(run_alg, layers, feedback=feedback)
    a = {f["adr"]: f for f in result["ADDRESS_OUTPUT"].getFeatures()}
    every = qgis_oracle(run_alg, layers, {"K1", "K2", "S1"})
    kita = qgis_oracle(run_alg, layers, {"K1", "K2"})
    for adr, f in a.items():
        for field, want in (("nearest_distance_m", every[adr]), ("nearest_distance_m_kita", kita[adr])):
            if math.isinf(want):
                assert is_null(f[field]) and f["within_distance"] == 0, (adr, field)
            else:
                assert f[field] == pytest.approx(want, abs=1e-6), (adr, field)
    # by hand: address 1 (north bank, x = 250) to K1 (south bank, x = 250): 20 + 650 over the bridge at x = 900
    # + 100 + 650 back + 20 = 1440, although the straight line is 140 m
    assert a[1]["nearest_distance_m_kita"] == pytest.approx(20 + 650 + 100 + 650 + 20)
    assert a[1]["access_m"] == pytest.approx(20.0) and a[2]["access_m"] == pytest.approx(20.0)
    # the island address reaches nothing: NULL, counted as far, and counted in the log
    assert is_null(a[6]["nearest_distance_m"]) and is_null(a[6]["nearest_distance_m_kita"])
    assert any("1 address(es) reach no offering" in w for w in feedback.warnings)
    q = {f["qid"]: f for f in result["OUTPUT"].getFeatures()}
    assert q["I"]["pop_total"] == 5 and q["I"]["pop_far"] == 5
    # north quartier: addresses 1 (4 residents), 2 (2), 4 (1) and 7 (1, on the east street, y = 50 belongs to N)
    north = [f for f in a.values() if f["quartier_id"] == "N"]
    assert q["N"]["pop_far"] == sum(f["ew"] for f in north if not f["within_distance"])


def test_network_in_another_crs_is_reprojected(run_alg, layers):
    base = {f["adr"]: f["nearest_distance_m"] for f in run(run_alg, layers)["ADDRESS_OUTPUT"].getFeatures()}
    wgs84 = run_alg("native:reprojectlayer", {"INPUT": layers["network"], "TARGET_CRS": "EPSG:4326",
                                              "OUTPUT": "memory:"})["OUTPUT"]
    other = run(run_alg, dict(layers, network=wgs84))["ADDRESS_OUTPUT"]
    for f in other.getFeatures():
        if base[f["adr"]] is None or is_null(base[f["adr"]]):
            assert is_null(f["nearest_distance_m"])
        else:
            assert f["nearest_distance_m"] == pytest.approx(base[f["adr"]], abs=0.01)


def test_bad_network_inputs(run_alg, layers):
    with pytest.raises(QgsProcessingException, match="adressen"):  # points are no network
        run(run_alg, layers, NETWORK=layers["addresses"])
    no_crs = memory_layer("LineString", ["id:integer"], [(NETWORK[0], [0])], crs="", name="ohne_crs")
    with pytest.raises(QgsProcessingException, match="ohne_crs"):
        run(run_alg, layers, NETWORK=no_crs)
    empty_net = memory_layer("LineString", ["id:integer"], [], name="leeres_netz")
    with pytest.raises(QgsProcessingException, match="leeres_netz"):
        run(run_alg, layers, NETWORK=empty_net)


def test_no_offerings_leaves_every_distance_null(run_alg, layers):
    empty = memory_layer("Point", ["name:string", "art:string"], [], name="keine")
    result = run(run_alg, layers, OFFERINGS=empty, CATEGORY_FIELD=None)
    for f in result["ADDRESS_OUTPUT"].getFeatures():
        assert is_null(f["nearest_distance_m"]) and f["within_distance"] == 0
        assert f["access_m"] >= 0
    q = {f["qid"]: f for f in result["OUTPUT"].getFeatures()}
    assert q["S"]["pop_far"] == q["S"]["pop_total"] == 3 + 2


def test_far_points_are_reported(run_alg, layers):
    feedback = RecordingFeedback()
    far = memory_layer("Point", ["adr:integer", "ew:integer"], [("POINT(400 -1000)", [9, 1])], name="weit")
    result = run(run_alg, layers, feedback=feedback, ADDRESSES=far, CATEGORY_FIELD=None,
                 QUARTIERS=memory_layer("Polygon", ["qid:string"], [
                     ("POLYGON((0 -2000, 2000 -2000, 2000 0, 0 0, 0 -2000))", ["F"])]))
    f = next(result["ADDRESS_OUTPUT"].getFeatures())
    assert f["access_m"] == pytest.approx(700.0)  # to (400, -300) on the side street
    # to K2 at (610, -300), beyond the dead end at (500, -300): 700 + 100 + 110
    assert f["nearest_distance_m"] == pytest.approx(700.0 + 100 + 110)
    assert any("farther than 500 m from the network" in w for w in feedback.warnings)
