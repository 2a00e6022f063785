"""quartiersmonitor:hotspots through processing.run on real layers: z-scores equal esda's (PySAL, test venv only) on
a hand-made grid and on the demo county, p-values within sampling error, NULL / suppressed / island handling, the
style, bad inputs and cancel."""

import os
import warnings

import numpy as np
import pandas as pd
import pytest
from indicators_alg_testing import RecordingFeedback, build
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
)

from quartiersmonitor.compat import T_DOUBLE, T_STRING

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pyproj's warning about its data directory
    import esda  # the oracles, test venv only (pip install -c .venv/constraints.txt esda libpysal)
    import libpysal
    import shapely.wkb

SIDE = 7
HOT = [16, 17, 23, 24, 30, 31]
GI, MORAN = 0, 1
QUEEN, ROOK, KNN, DISTANCE = 0, 1, 2, 3


def grid_values():
    rng = np.random.default_rng(3)
    values = rng.gamma(8.0, 2.5, SIDE * SIDE)
    values[HOT] += 30.0
    return values


def polygon_layer(path, name, rows, columns, extra_polygons=()):
    """A GeoPackage layer: quartier_id, then ``columns`` ((name, type)), one feature per row (geometry, qid,
    values)."""
    layer = QgsVectorLayer("Polygon?crs={}".format(build.CRS), name, "memory")
    fields = QgsFields()
    fields.append(QgsField("quartier_id", T_STRING))
    for column, kind in columns:
        fields.append(QgsField(column, kind))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for geometry, qid, values in list(rows) + list(extra_polygons):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([qid] + list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return build.write_layer(layer, path, name)


def cell(col, row, x0=500000.0, y0=5700000.0, size=100.0):
    x, y = x0 + col * size, y0 + row * size
    return QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x, y, x + size, y + size))


def grid_rows(values, flags=None):
    rows = []
    for i, value in enumerate(values):
        attributes = [None if value is None else float(value)]
        if flags is not None:
            attributes.append(flags[i])
        rows.append((cell(i % SIDE, i // SIDE), "G{:02d}".format(i), attributes))
    return rows


def read_output(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid()
    out = {}
    for feature in layer.getFeatures():
        out[feature["quartier_id"]] = {name: (None if feature[name] is None or str(feature[name]) == "NULL"
                                              else feature[name]) for name in ("hs_z", "hs_p", "hs_class")}
        out[feature["quartier_id"]]["geometry"] = QgsGeometry(feature.geometry())
    return out


def shapes_of(out, ids):
    return [shapely.wkb.loads(bytes(out[q]["geometry"].asWkb())) for q in ids]


@pytest.fixture(scope="module")
def grid_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("hotspots") / "grid.gpkg")
    return polygon_layer(path, "grid", grid_rows(grid_values()), [("value", T_DOUBLE)])


@pytest.fixture(scope="module")
def demo_layer(demo_folder):
    """The demo quartiers with the 2024 SGB II counts of children (numerator and denominator) joined."""
    counts = pd.read_csv(os.path.join(demo_folder, "counts_2024.csv"), dtype={"quartier_id": str})
    counts = counts.set_index("quartier_id")
    source = QgsVectorLayer("{}|layername=quartiers".format(os.path.join(demo_folder, "demo.gpkg")), "q", "ogr")
    rows = [(QgsGeometry(f.geometry()), f["quartier_id"],
             [float(counts.loc[f["quartier_id"], "sgb2_u15"]), float(counts.loc[f["quartier_id"], "pop_u15"])])
            for f in source.getFeatures()]
    path = os.path.join(demo_folder, "hotspots_input.gpkg")
    return polygon_layer(path, "quartiers_rates", rows, [("num", T_DOUBLE), ("den", T_DOUBLE)])


def test_gi_star_on_grid_equals_esda(run_alg, grid_path, tmp_path):
    out_path = str(tmp_path / "gi.gpkg")
    result = run_alg("hotspots", {"INPUT": grid_path, "QUARTIER_ID": "quartier_id", "FIELD": "value",
                                  "METHOD": GI, "WEIGHTS": QUEEN, "SEED": 1, "OUTPUT": out_path})
    out = read_output(result["OUTPUT"])
    ids = ["G{:02d}".format(i) for i in range(SIDE * SIDE)]
    y = grid_values()
    w = libpysal.weights.Queen.from_iterable(shapes_of(out, ids))
    g = esda.G_Local(y, w, transform="B", star=True, permutations=999, seed=1)
    z = np.array([out[q]["hs_z"] for q in ids])
    p = np.array([out[q]["hs_p"] for q in ids])
    assert np.abs(z - g.Zs).max() < 1e-9
    assert np.abs(p - g.p_sim).mean() < 0.02 and np.abs(p - g.p_sim).max() < 0.08
    assert p.min() >= 1 / 1000 and p.max() <= 0.5 + 1 / 1000  # folded pseudo p-values of 999 permutations
    classes = [out[q]["hs_class"] for q in ids]
    assert classes[23] == classes[24] == "hot spot"
    for zi, pi, c in zip(z, p, classes):
        assert c == ("not significant" if pi > 0.05 else "hot spot" if zi > 0 else "cold spot")
    # the same seed, the same p-values (a memory output this time)
    again = run_alg("hotspots", {"INPUT": grid_path, "QUARTIER_ID": "quartier_id", "FIELD": "value",
                                 "METHOD": GI, "WEIGHTS": QUEEN, "SEED": 1, "OUTPUT": "memory:"})["OUTPUT"]
    assert {f["quartier_id"]: f["hs_p"] for f in again.getFeatures()} == {q: out[q]["hs_p"] for q in ids}


def test_local_moran_on_demo_rates_equals_esda(run_alg, demo_layer, tmp_path):
    result = run_alg("hotspots", {"INPUT": demo_layer, "QUARTIER_ID": "quartier_id", "NUMERATOR": "num",
                                  "DENOMINATOR": "den", "METHOD": MORAN, "WEIGHTS": QUEEN, "SEED": 3,
                                  "OUTPUT": str(tmp_path / "moran.gpkg")})
    out = read_output(result["OUTPUT"])
    source = QgsVectorLayer(demo_layer, "in", "ogr")
    ids = [f["quartier_id"] for f in source.getFeatures()]
    e = np.array([f["num"] for f in source.getFeatures()])
    b = np.array([f["den"] for f in source.getFeatures()])
    assert len(ids) == 158
    w = libpysal.weights.Queen.from_iterable(shapes_of(out, ids))
    m = esda.Moran_Local_Rate(e, b, w, permutations=999, seed=3)
    n = len(ids)
    expected = (m.Is * n / (n - 1) - m.EIc) / np.sqrt(m.VIc)
    z = np.array([out[q]["hs_z"] for q in ids])
    p = np.array([out[q]["hs_p"] for q in ids])
    assert np.abs(z - expected).max() < 1e-9
    assert np.abs(p - m.p_sim).mean() < 0.02
    quadrant = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
    for q, qi, pi in zip(ids, m.q, p):
        assert out[q]["hs_class"] == ("not significant" if pi > 0.05 else quadrant[qi])


@pytest.mark.parametrize("weights", [KNN, DISTANCE, ROOK])
def test_other_weights_on_demo_equal_esda(run_alg, demo_layer, weights):
    params = {"INPUT": demo_layer, "QUARTIER_ID": "quartier_id", "FIELD": "num", "METHOD": GI,
              "WEIGHTS": weights, "K": 5, "DISTANCE": 3000.0, "PERMUTATIONS": 99, "OUTPUT": "memory:"}
    layer = run_alg("hotspots", params)["OUTPUT"]  # processing.run hands a memory output over as the layer
    source = QgsVectorLayer(demo_layer, "in", "ogr")
    y = np.array([f["num"] for f in source.getFeatures()])
    geometries = [f.geometry() for f in source.getFeatures()]
    if weights == ROOK:
        w = libpysal.weights.Rook.from_iterable([shapely.wkb.loads(bytes(g.asWkb())) for g in geometries])
    else:
        points = np.array([(g.centroid().asPoint().x(), g.centroid().asPoint().y()) for g in geometries])
        w = libpysal.weights.KNN.from_array(points, k=5) if weights == KNN else \
            libpysal.weights.DistanceBand(points, threshold=3000.0, binary=True, silence_warnings=True)
    islands = [i for i in range(len(y)) if not w.neighbors[i]]
    expected = esda.G_Local(y, w, transform="B", star=True, permutations=0).Zs
    z = np.array([np.nan if f["hs_z"] is None or str(f["hs_z"]) == "NULL" else f["hs_z"]
                  for f in layer.getFeatures()])
    ok = np.ones(len(y), dtype=bool)
    ok[islands] = False
    assert np.abs(z[ok] - expected[ok]).max() < 1e-9
    assert np.isnan(z[islands]).all()
    if weights == DISTANCE:
        assert islands  # the 3 km band leaves some rural quartiers alone: NULL


def test_null_suppressed_and_islands_left_out(run_alg, tmp_path):
    values = list(grid_values())
    values[0] = None  # NULL
    flags = ["ok"] * len(values)
    flags[48] = "suppressed"  # a value the layer flags as hidden: never used, even though it is still there
    island = (cell(20, 20), "ISLAND", [5.0, "ok"])
    path = polygon_layer(str(tmp_path / "n.gpkg"), "n", grid_rows(values, flags),
                         [("value", T_DOUBLE), ("value_flag", T_STRING)], [island])
    feedback = RecordingFeedback()
    result = run_alg("hotspots", {"INPUT": path, "QUARTIER_ID": "quartier_id", "FIELD": "value", "METHOD": GI,
                                  "OUTPUT": str(tmp_path / "n_out.gpkg")}, feedback=feedback)
    out = read_output(result["OUTPUT"])
    for q in ("G00", "G48", "ISLAND"):
        assert out[q] == dict(out[q], hs_z=None, hs_p=None, hs_class=None)
    warnings_text = " ".join(feedback.warnings)
    assert "'G00'" in warnings_text and "'G48'" in warnings_text and "'ISLAND'" in warnings_text
    # the others as esda computes them on the quartiers analysed (the island's value is part of the data)
    ids = ["G{:02d}".format(i) for i in range(1, 48)] + ["ISLAND"]
    y = np.array(values[1:48] + [5.0], dtype=float)
    w = libpysal.weights.Queen.from_iterable(shapes_of(out, ids))
    expected = esda.G_Local(y, w, transform="B", star=True, permutations=0).Zs
    assert np.abs(np.array([out[q]["hs_z"] for q in ids[:-1]]) - expected[:-1]).max() < 1e-9


def test_fdr_adjusts_p_values(run_alg, grid_path):
    def p_values(fdr):
        layer = run_alg("hotspots", {
            "INPUT": grid_path, "QUARTIER_ID": "quartier_id", "FIELD": "value", "METHOD": MORAN, "FDR": fdr,
            "SEED": 9, "OUTPUT": "memory:"})["OUTPUT"]
        return np.array([f["hs_p"] for f in layer.getFeatures()])

    raw, adjusted = p_values(False), p_values(True)
    order = np.argsort(raw, kind="stable")
    m = len(raw)
    by_hand = np.minimum.accumulate((raw[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    assert adjusted[order] == pytest.approx(np.minimum(by_hand, 1.0))


def test_styled_on_load_and_qml_beside(provider, grid_path, tmp_path):
    from qgis import processing

    from quartiersmonitor.cartography.symbology import is_hatched

    out = str(tmp_path / "styled_hs.gpkg")
    processing.runAndLoadResults("quartiersmonitor:hotspots", {
        "INPUT": grid_path, "QUARTIER_ID": "quartier_id", "FIELD": "value", "METHOD": MORAN, "OUTPUT": out})
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    try:
        assert len(layers) == 1
        layer = layers[0]
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol"
        assert [c.value() for c in renderer.categories()] == ["HH", "LL", "HL", "LH", "not significant", "none"]
        assert is_hatched(renderer.categories()[-1].symbol())
        context = QgsRenderContext()
        context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(layer))
        renderer.startRender(context, layer.fields())
        colours = {}
        for feature in layer.getFeatures():
            context.expressionContext().setFeature(feature)
            colours[feature["hs_class"]] = renderer.symbolForFeature(feature, context).color().name()
        renderer.stopRender(context)
        assert colours["HH"] == "#ff0000" and colours["not significant"] == "#f7f7f7"
        assert "local Moran" in layer.name() or "lokales Moran" in layer.name()
        assert os.path.exists(str(tmp_path / "styled_hs.qml"))
    finally:
        for lyr in layers:
            QgsProject.instance().removeMapLayer(lyr.id())


@pytest.mark.parametrize("params, message", [
    ({"FIELD": "value", "NUMERATOR": "value", "DENOMINATOR": "value"}, "not both"),
    ({"NUMERATOR": "value"}, "both the numerator"),
    ({}, "Choose a value field"),
    ({"FIELD": "missing"}, "missing"),
    ({"FIELD": "quartier_id"}, "not numeric"),
])
def test_bad_inputs(run_alg, grid_path, params, message):
    with pytest.raises(QgsProcessingException) as error:
        run_alg("hotspots", dict({"INPUT": grid_path, "QUARTIER_ID": "quartier_id", "OUTPUT": "memory:"},
                                 **params))
    assert message in str(error.value)


def test_constant_values_and_cancel(run_alg, tmp_path):
    path = polygon_layer(str(tmp_path / "c.gpkg"), "c", grid_rows([2.0] * 9), [("value", T_DOUBLE)])
    with pytest.raises(QgsProcessingException) as error:
        run_alg("hotspots", {"INPUT": path, "QUARTIER_ID": "quartier_id", "FIELD": "value", "OUTPUT": "memory:"})
    assert "all 9 values" in str(error.value) and "'c'" in str(error.value)

    feedback = RecordingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException) as error:
        run_alg("hotspots", {"INPUT": path, "QUARTIER_ID": "quartier_id", "FIELD": "value", "OUTPUT": "memory:"},
                feedback=feedback)
    assert "Cancel" in str(error.value)
