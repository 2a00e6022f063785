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


# -- defaults: the indicator values of the catalog, pop_total (issues 13.9 and 18.5) -----------------------------------
def _defaults_layer(path, name="ind", population=True):
    """A1 and G3 (need indicators), D1 (context), A1_num (not a value), and pop_total; Q02 has a hidden A1."""
    columns = ["A1", "A1_num", "G3", "D1"] + (["pop_total"] if population else [])
    rows = []
    for i, q in enumerate(IDS):
        values = [float(X[i]), 10.0 * X[i], float((X[i] * 7) % 9), float(100 - X[i])]
        rows.append((q, values + ([250.0 if q == "Q09" else 1000.0 + i] if population else [])))
    return layer_with(path, name, columns, rows)


def untouched_default():
    """What the dialog passes for INDICATORS when the user leaves the preselection (the parameter's default; a
    required parameter: processing.run needs it given)."""
    from quartiersmonitor.processing_provider.algorithms.attention_index import AttentionIndexAlgorithm

    return AttentionIndexAlgorithm.default_indicator_fields()


def test_defaults_use_the_layers_need_indicators_and_pop_total(run_alg, tmp_path):
    from indicators_alg_testing import RecordingFeedback

    inp = _defaults_layer(str(tmp_path / "a.gpkg"))
    feedback = RecordingFeedback()
    default = by_id(run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id",
                                                "INDICATORS": untouched_default(),
                                                "OUTPUT": str(tmp_path / "d.gpkg")}, feedback=feedback)["OUTPUT"])
    explicit = by_id(run_alg("attentionindex", {
        "INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1", "G3"], "POPULATION_FIELD": "pop_total",
        "OUTPUT": str(tmp_path / "e.gpkg")})["OUTPUT"])
    assert any(i.endswith("'a': A1, G3.") or ": A1, G3." in i for i in feedback.infos), feedback.infos
    assert not feedback.warnings
    for q in IDS:
        for field in ("status_index", "status_class", "attention"):
            assert (null(default[q][field]) and null(explicit[q][field])) or default[q][field] == explicit[q][field]
    assert null(default["Q09"]["status_class"])  # 250 residents (pop_total) < 300: not classed
    # by hand: A1 = 1..8 and G3 = (7x mod 9) over Q01..Q08
    a1 = np.array(X[:8], dtype=float)
    g3 = np.array([(x * 7) % 9 for x in X[:8]], dtype=float)
    total = (a1 - a1.mean()) / a1.std() + (g3 - g3.mean()) / g3.std()
    index = (total - total.mean()) / total.std()
    assert [default[q]["status_index"] for q in IDS[:8]] == pytest.approx(list(index))


def test_without_pop_total_the_rule_is_off_with_a_warning(run_alg, tmp_path):
    from indicators_alg_testing import RecordingFeedback

    inp = _defaults_layer(str(tmp_path / "a.gpkg"), population=False)
    feedback = RecordingFeedback()
    feats = by_id(run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1"],
                                              "OUTPUT": str(tmp_path / "o.gpkg")}, feedback=feedback)["OUTPUT"])
    assert [w for w in feedback.warnings if "pop_total" in w and "300 is not applied" in w], feedback.warnings
    assert all(not null(feats[q]["status_class"]) for q in IDS)
    feedback = RecordingFeedback()
    run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1"],
                               "MIN_POPULATION": 0, "OUTPUT": str(tmp_path / "p.gpkg")}, feedback=feedback)
    assert not feedback.warnings  # no rule asked for: nothing to warn about
    with pytest.raises(QgsProcessingException, match="POPULATION_FIELD|einwohner"):
        run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1"],
                                   "POPULATION_FIELD": "einwohner", "OUTPUT": str(tmp_path / "q.gpkg")})
    with pytest.raises(QgsProcessingException, match="none of the preselected indicator fields"):
        plain = layer_with(str(tmp_path / "b.gpkg"), "plain", ["x"], [(q, [1.0]) for q in IDS])
        run_alg("attentionindex", {"INPUT": plain, "QUARTIER_ID": "quartier_id", "INDICATORS": untouched_default(),
                                   "OUTPUT": str(tmp_path / "r.gpkg")})


def test_parameter_widgets_show_the_defaults_and_whole_numbers(provider, tmp_path):
    """Through the real widget wrappers (what the dialog builds): POPULATION_FIELD shows pop_total when the layer
    has it, INDICATORS the indicator values, and no number parameter shows '300.000000'."""
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingContextGenerator, QgsProcessingGui, QgsProcessingParameterWidgetContext
    from qgis.PyQt.QtWidgets import QLineEdit

    layer = QgsVectorLayer(_defaults_layer(str(tmp_path / "w.gpkg")), "ind", "ogr")
    assert QgsProject.instance().addMapLayer(layer) is not None
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())

        class Generator(QgsProcessingContextGenerator):
            def processingContext(self):
                return context

        generator = Generator()
        widget_context = QgsProcessingParameterWidgetContext()
        widget_context.setProject(QgsProject.instance())
        registry = QgsGui.processingGuiRegistry()
        keep = []

        def wrapper(alg, name):
            w = registry.createParameterWidgetWrapper(alg.parameterDefinition(name), QgsProcessingGui.Standard)
            w.setWidgetContext(widget_context)
            w.registerProcessingContextGenerator(generator)
            keep.append((w, w.createWrappedWidget(context)))
            return w

        attention = provider.algorithm("attentionindex")
        source = wrapper(attention, "INPUT")
        source.setParameterValue(layer.id(), context)
        population = wrapper(attention, "POPULATION_FIELD")
        population.setParentLayerWrapperValue(source)
        assert population.parameterValue() == "pop_total"
        indicators = wrapper(attention, "INDICATORS")
        indicators.setParentLayerWrapperValue(source)
        assert "A1" in indicators.parameterValue() and "A1_num" not in indicators.parameterValue()
        assert "D1" not in indicators.parameterValue()
        numbers = []
        for alg_id in ("attentionindex", "calculateindicators"):
            alg = provider.algorithm(alg_id)
            for definition in alg.parameterDefinitions():
                if definition.type() == "number":
                    w = wrapper(alg, definition.name())
                    texts = [e.text() for e in keep[-1][1].findChildren(QLineEdit)]
                    numbers.append((alg_id, definition.name(), texts))
                    assert texts and not any(".000" in t for t in texts), (alg_id, definition.name(), texts)
                    assert w.parameterValue() == definition.defaultValue()
        assert ("attentionindex", "MIN_POPULATION", ["300"]) in numbers
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
