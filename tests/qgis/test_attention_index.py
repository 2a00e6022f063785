"""quartiersmonitor:attentionindex on real GeoPackage layers: hand-computed classes, engine equality, styling."""

import math
import os

import numpy as np
import pytest
from indicators_alg_testing import build
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
)

from quartiersmonitor.compat import T_DOUBLE as DOUBLE
from quartiersmonitor.compat import T_STRING as STRING

IDS = ["Q0{}".format(i) for i in range(1, 10)]
X = [1, 2, 3, 4, 5, 6, 7, 8, 9]


def layer_with(path, name, columns, rows, geometry=True):
    """A GeoPackage layer with text column quartier_id and double columns ``columns`` (None → NULL)."""
    layer = QgsVectorLayer("Polygon?crs={}".format(build.CRS) if geometry else "None", name, "memory")
    fields = QgsFields()
    fields.append(QgsField("quartier_id", STRING))
    for column in columns:
        fields.append(QgsField(column, DOUBLE))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for i, (qid, values) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        if geometry:
            feature.setGeometry(build.square(i))
        feature.setAttributes([qid] + list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return build.write_layer(layer, path, name)


def by_id(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    return {f["quartier_id"]: f for f in layer.getFeatures()}


def null(value):
    return value is None or str(value) == "NULL"


def test_single_field_classes_by_hand(run_alg, tmp_path):
    path = str(tmp_path / "a.gpkg")
    inp = layer_with(path, "ind", ["x"], [(q, [x]) for q, x in zip(IDS, X)])
    out = str(tmp_path / "att.gpkg")
    feats = by_id(run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x"],
                                              "OUTPUT": out})["OUTPUT"])
    # one field: status index = z(x) with the population sd; mean 5, sd sqrt(60/9)
    sd = math.sqrt(60 / 9)
    for q, x in zip(IDS, X):
        assert feats[q]["status_index"] == pytest.approx((x - 5) / sd)
    # z: -1.55 -1.16 | -0.77 … 0.77 | 1.16 | 1.55  → classes 1 1 2 2 2 2 2 3 4
    assert [feats[q]["status_class"] for q in IDS] == [1, 1, 2, 2, 2, 2, 2, 3, 4]
    assert [feats[q]["attention"] for q in IDS] == ["no"] * 7 + ["yes", "yes"]
    assert all(null(feats[q]["dynamics_class"]) for q in IDS)
    assert feats["Q01"]["x"] == 1.0  # input fields kept


def test_dynamics_population_and_reversed(run_alg, tmp_path):
    path = str(tmp_path / "b.gpkg")
    pop = [1000] * 9
    pop[0] = 250  # Q01 under MIN_POPULATION: left out, not classed
    rows = [(q, [x, 10 - x, p]) for q, x, p in zip(IDS, X, pop)]
    inp = layer_with(path, "ind", ["x", "good", "pop"], rows)
    previous_rows = [(q, [x if q != "Q05" else x - 9, 10 - x]) for q, x in zip(IDS, X)]
    prev = layer_with(path, "previous", ["x", "good"], previous_rows, geometry=False)
    out = str(tmp_path / "att.gpkg")
    feats = by_id(run_alg("attentionindex", {
        "INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x", "good"], "REVERSED": ["good"],
        "POPULATION_FIELD": "pop", "MIN_POPULATION": 300, "PREVIOUS": prev, "OUTPUT": out,
    })["OUTPUT"])
    assert null(feats["Q01"]["status_class"]) and null(feats["Q01"]["attention"]) and null(feats["Q01"]["status_index"])
    # by hand over Q02..Q09 (x = 2..9): 'good' reversed equals x, so the index is z(x) over the eight quartiers
    xs = np.array(X[1:], dtype=float)
    z = (xs - xs.mean()) / xs.std()
    for q, expected in zip(IDS[1:], z):
        assert feats[q]["status_index"] == pytest.approx(expected)
    # dynamics: only Q05 changed (+9 on x, a rise in need); z of the changes over Q02..Q09
    change = np.zeros(8)
    change[3] = 9.0
    dz = (change - change.mean()) / change.std()
    assert feats["Q05"]["dynamics_index"] == pytest.approx(dz[3])
    assert feats["Q05"]["dynamics_class"] == 3 and feats["Q05"]["status_class"] == 2
    assert feats["Q05"]["attention"] == "yes"  # middle status with negative dynamics
    assert feats["Q04"]["dynamics_class"] == 2 and feats["Q04"]["attention"] == "no"


def test_layer_equals_engine_with_weights(run_alg, tmp_path):
    import pandas as pd

    from quartiersmonitor.indicators.attention import attention_index

    rng = np.random.default_rng(5)
    a, b = rng.normal(10, 3, 9).round(2), rng.normal(50, 10, 9).round(2)
    path = str(tmp_path / "c.gpkg")
    inp = layer_with(path, "ind", ["a", "b"], [(q, [float(x), float(y)]) for q, x, y in zip(IDS, a, b)])
    feats = by_id(run_alg("attentionindex", {
        "INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["a", "b"], "WEIGHTS": "a=2; b=1",
        "THRESHOLDS": "-0.5,0.5,1", "OUTPUT": str(tmp_path / "o.gpkg"),
    })["OUTPUT"])
    frame = pd.DataFrame({"a": a, "b": b}, index=IDS)
    expected = attention_index(frame, ["a", "b"], weights={"a": 2.0, "b": 1.0}, thresholds=(-0.5, 0.5, 1.0))
    for q in IDS:
        assert feats[q]["status_index"] == pytest.approx(expected.loc[q, "status_index"])
        assert feats[q]["status_class"] == int(expected.loc[q, "status_class"])
        assert feats[q]["attention"] == expected.loc[q, "attention"]


def test_styled_categories(provider, tmp_path):
    from qgis import processing

    from quartiersmonitor.cartography.symbology import ATTENTION_OUTLINE_MM, is_hatched

    path = str(tmp_path / "d.gpkg")
    rows = [(q, [x]) for q, x in zip(IDS, X)]
    rows[0] = ("Q01", [None])  # no value: not classed
    inp = layer_with(path, "ind", ["x"], rows)
    out = str(tmp_path / "styled_att.gpkg")
    processing.runAndLoadResults("quartiersmonitor:attentionindex", {
        "INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x"], "OUTPUT": out})
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    try:
        assert len(layers) == 1
        layer = layers[0]
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol"
        assert len(renderer.legendSymbolItems()) == 6
        context = QgsRenderContext()
        context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(layer))
        renderer.startRender(context, layer.fields())
        symbols = {}
        for feature in layer.getFeatures():
            context.expressionContext().setFeature(feature)  # as QgsVectorLayerRenderer does
            symbols[feature["quartier_id"]] = renderer.symbolForFeature(feature, context)
        renderer.stopRender(context)
        assert is_hatched(symbols["Q01"])  # unclassed
        assert symbols["Q09"].symbolLayer(0).strokeWidth() == pytest.approx(ATTENTION_OUTLINE_MM)  # class 4
        assert symbols["Q05"].symbolLayer(0).strokeWidth() < ATTENTION_OUTLINE_MM  # class 2, no attention
        colours = {symbols[q].color().name() for q in ("Q02", "Q05", "Q08", "Q09")}
        assert len(colours) == 4  # four status colours
        assert os.path.exists(str(tmp_path / "styled_att.qml"))
    finally:
        for lyr in layers:
            QgsProject.instance().removeMapLayer(lyr.id())


def test_bad_inputs(run_alg, tmp_path):
    path = str(tmp_path / "e.gpkg")
    inp = layer_with(path, "ind", ["x", "y"], [(q, [x, x]) for q, x in zip(IDS, X)])
    prev = layer_with(path, "prev", ["x"], [(q, [x]) for q, x in zip(IDS, X)], geometry=False)
    base = {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x", "y"]}
    with pytest.raises(QgsProcessingException, match="'y'"):  # previous layer lacks a field
        run_alg("attentionindex", dict(base, PREVIOUS=prev, OUTPUT=str(tmp_path / "o1.gpkg")))
    assert not os.path.exists(str(tmp_path / "o1.gpkg"))
    with pytest.raises(QgsProcessingException, match="Thresholds"):
        run_alg("attentionindex", dict(base, THRESHOLDS="1,0,2", OUTPUT=str(tmp_path / "o2.gpkg")))
    with pytest.raises(QgsProcessingException, match="Weights"):
        run_alg("attentionindex", dict(base, WEIGHTS="1,2,3", OUTPUT=str(tmp_path / "o3.gpkg")))
    other = layer_with(path, "other", ["x", "y"], [("Z" + q, [x, x]) for q, x in zip(IDS, X)], geometry=False)
    with pytest.raises(QgsProcessingException, match="'ZQ01'"):
        run_alg("attentionindex", dict(base, PREVIOUS=other, OUTPUT=str(tmp_path / "o4.gpkg")))
