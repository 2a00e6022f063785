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
from test_indicators_bad_inputs import table

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


# -- certainty, drivers and base year (issue 16 part 3) ----------------------------------------------------------------
def _hand_z(values):
    v = np.asarray(values, dtype=float)
    return (v - v.mean()) / v.std()


def _hand_class(index):
    return 1 if index < -1 else 2 if index <= 1 else 3 if index <= 1.5 else 4


@pytest.fixture()
def indicator_output(run_alg, tmp_path):
    """calculateindicators on the fixture tables (A.1 and A.2) written to a GeoPackage."""
    from indicators_alg_testing import calculate_params

    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    out = str(tmp_path / "indicators.gpkg")
    return run_alg("calculateindicators", calculate_params(q, c, out, ["A.1", "A.2"]))["OUTPUT"]


def test_certainty_and_drivers_from_calculate_indicators(run_alg, tmp_path, indicator_output):
    source = by_id(indicator_output)
    params = {"INPUT": indicator_output, "QUARTIER_ID": "quartier_id", "INDICATORS": ["A1", "A2"],
              "POPULATION_FIELD": "", "SEED": 42}
    feats = by_id(run_alg("attentionindex", dict(params, OUTPUT=str(tmp_path / "a.gpkg")))["OUTPUT"])
    # the quartiers with both values published are classed, the others have neither certainty nor drivers
    classed = [q for q in sorted(source) if source[q]["A1_flag"] == "ok" and source[q]["A2_flag"] == "ok"]
    hidden = [q for q in sorted(source) if q not in classed]
    assert hidden and len(classed) >= 5
    for q in hidden:
        assert null(feats[q]["status_certainty"]) and null(feats[q]["status_certainty_class"])
        assert null(feats[q]["drivers"]) and null(feats[q]["status_class"])
    # drivers by hand: z-scores over the classed quartiers, the larger contribution in the index's direction
    a1 = _hand_z([source[q]["A1"] for q in classed])
    a2 = _hand_z([source[q]["A2"] for q in classed])
    for q, z1, z2 in zip(classed, a1, a2):
        index = feats[q]["status_index"]
        pushes = sorted([(z1 * np.sign(index or 1), "A.1"), (z2 * np.sign(index or 1), "A.2")], reverse=True)
        expected = ", ".join(name for push, name in pushes if push > 0)
        assert feats[q]["drivers"] == expected, q
        certainty = feats[q]["status_certainty"]
        assert 0.0 <= certainty <= 1.0
        assert feats[q]["status_certainty_class"] == (
            "sure" if certainty >= 0.9 else "likely" if certainty >= 0.6 else "uncertain")
    # a few hundred residents per quartier: some classes are not sure
    assert min(feats[q]["status_certainty"] for q in classed) < 1.0
    # the same seed gives the same values, another seed close ones
    again = by_id(run_alg("attentionindex", dict(params, OUTPUT=str(tmp_path / "b.gpkg")))["OUTPUT"])
    other = by_id(run_alg("attentionindex", dict(params, SEED=7, OUTPUT=str(tmp_path / "c.gpkg")))["OUTPUT"])
    assert [again[q]["status_certainty"] for q in classed] == [feats[q]["status_certainty"] for q in classed]
    assert max(abs(other[q]["status_certainty"] - feats[q]["status_certainty"]) for q in classed) < 0.1


def test_a_hidden_cell_is_never_drawn(run_alg, tmp_path, indicator_output):
    """An edited layer holding counts in a cell flagged hidden gives exactly the same output as the original."""
    from qgis.core import edit

    params = {"QUARTIER_ID": "quartier_id", "INDICATORS": ["A1", "A2"], "POPULATION_FIELD": "", "SEED": 3}
    first = by_id(run_alg("attentionindex", dict(params, INPUT=indicator_output,
                                                 OUTPUT=str(tmp_path / "a.gpkg")))["OUTPUT"])
    copy = str(tmp_path / "copy.gpkg")
    layer = QgsVectorLayer(indicator_output, "ind", "ogr")
    edited = build.write_layer(layer, copy, "ind")
    target = QgsVectorLayer(edited, "ind", "ogr")
    hidden = 0
    with edit(target):
        for feature in target.getFeatures():
            if feature["A1_flag"] != "ok":
                hidden += 1
                for name, value in (("A1", 99.0), ("A1_num", 990.0), ("A1_den", 1000.0)):
                    assert target.changeAttributeValue(feature.id(), target.fields().indexOf(name), value)
    assert hidden
    second = by_id(run_alg("attentionindex", dict(params, INPUT=edited, OUTPUT=str(tmp_path / "b.gpkg")))["OUTPUT"])
    for q in first:
        for name in ("status_index", "status_certainty", "drivers"):
            assert (null(first[q][name]) and null(second[q][name])) or first[q][name] == second[q][name], (q, name)


def test_certainty_equals_the_exact_poisson_probability(run_alg, tmp_path):
    """Only Q01 has counts (x_num, x_den; x is not in the catalog: Poisson); the others are fixed. Its certainty is
    the Poisson probability, computed by hand over every count, that its class stays: within 4 sd of 1,000 draws."""
    others = [10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0, 24.0]
    k0, d = 9, 30.0
    values = [100.0 * k0 / d] + others
    rows = [(q, [x, k0 if q == "Q01" else None, d if q == "Q01" else None]) for q, x in zip(IDS, values)]
    inp = layer_with(str(tmp_path / "p.gpkg"), "ind", ["x", "x_num", "x_den"], rows)
    feats = by_id(run_alg("attentionindex", {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x"],
                                             "OUTPUT": str(tmp_path / "o.gpkg")})["OUTPUT"])
    observed = _hand_class(_hand_z(values)[0])
    assert feats["Q01"]["status_class"] == observed
    exact = sum(math.exp(-k0) * k0 ** k / math.factorial(k) for k in range(80)
                if _hand_class(_hand_z([100.0 * k / d] + others)[0]) == observed)
    assert 0.2 < exact < 0.99
    assert abs(feats["Q01"]["status_certainty"] - exact) < 4 * math.sqrt(exact * (1 - exact) / 1000)
    assert feats["Q01"]["drivers"] == "x"
    # fields without counts are fixed: a layer without x_num / x_den is sure everywhere
    fixed = layer_with(str(tmp_path / "f.gpkg"), "ind", ["x"], [(q, [x]) for q, x in zip(IDS, values)])
    feats = by_id(run_alg("attentionindex", {"INPUT": fixed, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x"],
                                             "OUTPUT": str(tmp_path / "f_out.gpkg")})["OUTPUT"])
    assert [feats[q]["status_certainty"] for q in IDS] == [1.0] * 9
    assert [feats[q]["status_certainty_class"] for q in IDS] == ["sure"] * 9


def _base_table(path, rows, name="base"):
    """A base-year table: columns field and mean as text (as a spreadsheet may give them), sd as a number."""
    return table(path, name, ["field", "mean", "sd"], rows, types=[STRING, STRING, DOUBLE])


def test_base_year_statistics(run_alg, tmp_path):
    path = str(tmp_path / "base.gpkg")
    inp = layer_with(path, "ind", ["x", "y"], [(q, [x, 10 - x]) for q, x in zip(IDS, X)])
    params = {"INPUT": inp, "QUARTIER_ID": "quartier_id", "INDICATORS": ["x", "y"], "REVERSED": ["y"]}
    # base: x mean 3 sd 2, y mean 5 sd 4 (reversed); weighted sum standardised by mean 1, sd 2
    base = _base_table(path, [("x", "3", 2.0), ("Y", "5", 4.0), ("status_index", "1", 2.0)])
    feats = by_id(run_alg("attentionindex", dict(params, BASE=base, OUTPUT=str(tmp_path / "o.gpkg")))["OUTPUT"])
    for q, x in zip(IDS, X):
        total = (x - 3) / 2 - ((10 - x) - 5) / 4
        assert feats[q]["status_index"] == pytest.approx((total - 1) / 2), q
        assert feats[q]["status_class"] == _hand_class((total - 1) / 2)
    # Q09: total 3 + 1 = 4 → index 1.5, class 3 (this year's standardisation would give 1.55, class 4)
    assert feats["Q09"]["status_class"] == 3
    bad = [
        ([("x", "3", 2.0)], "no row for the indicator field"),
        ([("x", "3", 2.0), ("y", "5", 0.0)], "greater than 0"),
        ([("x", "three", 2.0), ("y", "5", 1.0)], "not a number"),
    ]
    for n, (rows, message) in enumerate(bad):
        table = _base_table(path, rows, "bad{}".format(n))
        with pytest.raises(QgsProcessingException, match=message):
            run_alg("attentionindex", dict(params, BASE=table, OUTPUT=str(tmp_path / "bad{}.gpkg".format(n))))
