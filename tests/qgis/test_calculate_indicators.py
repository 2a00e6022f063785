"""quartiersmonitor:calculateindicators on a real GeoPackage (tests/data/indicators_alg/build.py).

Expected values: the engine run on the same counts built independently of QGIS (a DataFrame from the same rows),
and hand computations for a few cells.
"""

import math
import os

import pytest
from indicators_alg_testing import RecordingFeedback, build, calculate_params
from layer_testing import is_null
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer

IDS = ["A.1", "A.2", "A.4"]


def params(q, c, out, ids=IDS, **extra):
    return calculate_params(q, c, out, ids, **extra)


def features_by_id(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return layer, {f["quartier_id"]: f for f in layer.getFeatures()}


@pytest.fixture()
def gpkg(tmp_path):
    return build.write_gpkg(str(tmp_path / "input.gpkg"))


def test_layer_equals_engine(run_alg, gpkg, tmp_path):
    from quartiersmonitor.indicators import classify, rates
    from quartiersmonitor.indicators.catalog import load_catalog

    q, c = gpkg
    out = str(tmp_path / "indicators.gpkg")
    result = run_alg("calculateindicators", params(q, c, out))
    layer, feats = features_by_id(result["OUTPUT"])
    assert sorted(feats) == ["Q0{}".format(i) for i in range(1, 10)]

    catalog = load_catalog()
    counts = build.counts_frame()
    counts["mun"] = counts["quartier_id"].map(build.MUNICIPALITY)
    expected = rates.compute(counts, catalog, IDS, id_column="quartier_id", municipality_column="mun")
    for ident in IDS:
        f = catalog[ident].field
        values = expected.quartiers[f].to_numpy(dtype=float)
        bounds = classify.breaks(values, "quantile", 5)
        klass = dict(zip(expected.quartiers.index, classify.class_of(values, bounds)))
        county = float(expected.county.iloc[0][f])
        for qid, feature in feats.items():
            row = expected.quartiers.loc[qid]
            for suffix in ("", "_num", "_den", "_lo", "_hi", "_z", "_sig"):
                want = float(row[f + suffix])
                got = feature[f + suffix]
                if math.isnan(want):
                    assert is_null(got), (qid, f + suffix, got)
                else:
                    assert got == pytest.approx(want, rel=1e-12, abs=1e-12), (qid, f + suffix)
            assert feature[f + "_flag"] == row[f + "_flag"]
            want_funnel = row[f + "_funnel"]
            if want_funnel is None:
                assert is_null(feature[f + "_funnel"]), (qid, f)
            else:
                assert feature[f + "_funnel"] == want_funnel, (qid, f)
            if klass[qid] == 0:
                assert is_null(feature[f + "_class"])
            else:
                assert feature[f + "_class"] == klass[qid]
            mun = build.MUNICIPALITY[qid]
            assert feature[f + "_mun"] == pytest.approx(float(expected.municipalities.loc[mun, f]))
            assert feature[f + "_county"] == pytest.approx(county)

    # hand computations: Q01 100 / 1000 persons; county = all valid counts summed, never averaged rates
    assert feats["Q01"]["A1"] == pytest.approx(10.0)
    assert feats["Q06"]["A1"] == pytest.approx(20.0)
    nums = sum(r[3] for r in build.ROWS)
    dens = sum(r[2] for r in build.ROWS)
    assert feats["Q01"]["A1_county"] == pytest.approx(round(100.0 * nums / dens, 1))  # DECIMALS 1
    m2 = [r for r in build.ROWS if build.MUNICIPALITY[r[0]] == "M2"]
    assert feats["Q06"]["A1_mun"] == pytest.approx(round(100.0 * sum(r[3] for r in m2) / sum(r[2] for r in m2), 1))
    # the quartier fields are kept
    assert feats["Q01"]["name"] == "Quartier Q01"


def test_suppression_is_null_plus_flag_never_zero(run_alg, gpkg, tmp_path):
    q, c = gpkg
    out = str(tmp_path / "indicators.gpkg")
    feedback = RecordingFeedback()
    result = run_alg("calculateindicators", params(q, c, out), feedback=feedback)
    _layer, feats = features_by_id(result["OUTPUT"])
    # Q03: 2 SGB II recipients < MIN_COUNT 3
    assert is_null(feats["Q03"]["A1"]) and is_null(feats["Q03"]["A1_num"]) and is_null(feats["Q03"]["A1_class"])
    assert feats["Q03"]["A1_flag"] == "suppressed"
    # Q04: 250 residents < MIN_POPULATION 300: every indicator
    for f in ("A1", "A2", "A4"):
        assert is_null(feats["Q04"][f])
        assert feats["Q04"][f + "_flag"] == "suppressed"
    # Q05: "k.A." in a count column: NULL and flagged, reported
    assert is_null(feats["Q05"]["A2"])
    assert feats["Q05"]["A2_flag"] in ("no_data", "invalid")
    assert any("sgb2_u15" in w and "Q05" in w for w in feedback.warnings)
    # Q08: 0 cases is a real 0, shown
    assert feats["Q08"]["A4"] == 0.0 and feats["Q08"]["A4_flag"] == "ok"
    # nothing suppressed is written as 0
    for feature in feats.values():
        for f in ("A1", "A2", "A4"):
            if feature[f + "_flag"] != "ok":
                assert is_null(feature[f]) and is_null(feature[f + "_num"]) and is_null(feature[f + "_den"])


def test_loaded_layer_is_styled_with_one_style_per_indicator(provider, gpkg, tmp_path):
    from qgis import processing

    from quartiersmonitor.cartography.indicator_style import NO_DATA_VALUE, renderer_class_ranges
    from quartiersmonitor.cartography.symbology import is_hatched
    from quartiersmonitor.cartography.texts import legend_text
    from quartiersmonitor.indicators import classify
    from quartiersmonitor.translation import current_language

    q, c = gpkg
    out = str(tmp_path / "styled.gpkg")
    language = current_language()
    result = processing.runAndLoadResults(
        "quartiersmonitor:calculateindicators", params(q, c, out, CLASSIFICATION=2, CLASSES=4)
    )
    layer = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    try:
        assert len(layer) == 1
        layer = layer[0]
        renderer = layer.renderer()
        assert renderer.type() == "graduatedSymbol"
        assert '"A1"' in renderer.classAttribute()
        # class breaks equal the engine's (equal intervals, 4 classes) on the layer's own values
        values = [f["A1"] for f in QgsVectorLayer(result["OUTPUT"]).getFeatures()]
        values = [float("nan") if is_null(v) else v for v in values]
        bounds = classify.breaks(values, "equal_interval", 4)
        ranges = renderer_class_ranges(renderer)
        assert [r.upperValue() for r in ranges] == pytest.approx(bounds)
        assert [r.label() for r in ranges] == classify.labels(min(v for v in values if v == v), bounds, language, 1)
        # legend: one item per class + the hatched no-data entry
        assert len(renderer.legendSymbolItems()) == len(bounds) + 1
        last = renderer.ranges()[-1]
        assert last.upperValue() == NO_DATA_VALUE and is_hatched(last.symbol())
        assert last.label() == legend_text("no_data", language)
        # one saved style per indicator, the first current
        manager = layer.styleManager()
        assert len(manager.styles()) == 3
        assert [s.split(" ")[0] for s in manager.styles()] == sorted(IDS)
        assert manager.currentStyle().startswith("A.1 ")
        assert manager.setCurrentStyle([s for s in manager.styles() if s.startswith("A.4 ")][0])
        assert '"A4"' in layer.renderer().classAttribute()
        # title, abstract and county value recorded
        assert "A.1" in layer.title() or "A.1" in layer.metadata().title()
        assert layer.customProperty("quartiersmonitor/indicators") == "A.1,A.2,A.4"
        assert float(layer.customProperty("quartiersmonitor/county/A1")) == pytest.approx(
            round(100.0 * sum(r[3] for r in build.ROWS) / sum(r[2] for r in build.ROWS), 1)
        )
        # the same style as a QML beside the file, picked up when the file is opened again
        assert os.path.exists(str(tmp_path / "styled.qml"))
        reopened = QgsVectorLayer(result["OUTPUT"], "again", "ogr")
        assert reopened.renderer().type() == "graduatedSymbol"
        assert [r.upperValue() for r in renderer_class_ranges(reopened.renderer())] == pytest.approx(bounds)
    finally:
        for lyr in layer if isinstance(layer, list) else [layer]:
            QgsProject.instance().removeMapLayer(lyr.id())


def test_column_mapping_and_years(run_alg, tmp_path):
    # user's own column names and a long table with two years; YEAR selects one
    columns = ("Quartier", "Jahr", "EW_gesamt", "EW_u65", "SGB2_u65")
    rows = []
    for row in build.ROWS:
        rows.append((row[0], 2023, row[1], row[2], 1000))  # 2023: nonsense numbers that must not be used
        rows.append((row[0], 2024, row[1], row[2], row[3]))
    q = build.write_layer(build.quartier_layer(), str(tmp_path / "m.gpkg"), "quartiers")
    c = build.write_layer(build.counts_layer(rows, columns), str(tmp_path / "m.gpkg"), "zahlen")
    out = str(tmp_path / "mapped.gpkg")
    p = params(q, c, out, ids=["A.1"], DATA_ID="Quartier", YEAR_FIELD="Jahr", YEAR="2024",
               COLUMN_MAPPING="pop_total=EW_gesamt; pop_u65=EW_u65; sgb2_u65=SGB2_u65")
    _layer, feats = features_by_id(run_alg("calculateindicators", p)["OUTPUT"])
    assert feats["Q01"]["A1"] == pytest.approx(10.0)
    assert feats["Q06"]["A1"] == pytest.approx(20.0)
    assert feats["Q03"]["A1_flag"] == "suppressed"


def test_bad_inputs(run_alg, gpkg, tmp_path):
    q, c = gpkg
    # table without the id column
    no_id = build.write_layer(
        build.counts_layer([r[1:] for r in build.ROWS], build.COLUMNS[1:]), str(tmp_path / "b.gpkg"), "no_id"
    )
    with pytest.raises(QgsProcessingException, match="quartier_id"):
        run_alg("calculateindicators", params(q, no_id, str(tmp_path / "o1.gpkg")))
    assert not os.path.exists(str(tmp_path / "o1.gpkg"))

    # ids matching no quartier: reported with examples of both sides
    other = [("X" + r[0][1:],) + tuple(r[1:]) for r in build.ROWS]
    wrong = build.write_layer(build.counts_layer(other), str(tmp_path / "b.gpkg"), "wrong_ids")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("calculateindicators", params(q, wrong, str(tmp_path / "o2.gpkg")))
    assert "'X01'" in str(info.value) and "'Q01'" in str(info.value) and "wrong_ids" in str(info.value)

    # some ids unknown: left out and reported
    extra = build.write_layer(
        build.counts_layer(build.ROWS + (("Q99", 1000, 900, 50, 100, 10, 100, 5),)), str(tmp_path / "b.gpkg"), "extra"
    )
    feedback = RecordingFeedback()
    _layer, feats = features_by_id(
        run_alg("calculateindicators", params(q, extra, str(tmp_path / "o3.gpkg")), feedback=feedback)["OUTPUT"]
    )
    assert "Q99" not in feats
    assert any("'Q99'" in w for w in feedback.warnings)

    # missing indicator columns: the error names the indicator and the column
    with pytest.raises(QgsProcessingException) as info:
        run_alg("calculateindicators", params(q, c, str(tmp_path / "o4.gpkg"), ids=["A.1", "A.3"]))
    assert "A.3" in str(info.value) and "gsi_em" in str(info.value)
    assert not os.path.exists(str(tmp_path / "o4.gpkg"))

    # duplicate quartier ids in the quartier layer
    dup = build.write_layer(build.quartier_layer(["Q01", "Q02", "Q02"]), str(tmp_path / "b.gpkg"), "dup")
    with pytest.raises(QgsProcessingException, match="“Q02”"):
        run_alg("calculateindicators", params(dup, c, str(tmp_path / "o5.gpkg")))


def test_cancel_leaves_no_output_and_inputs_unchanged(run_alg, gpkg, tmp_path):
    q, c = gpkg
    before = [f.attributes() for f in QgsVectorLayer(c).getFeatures()]
    before_q = [(f.attributes(), f.geometry().asWkt()) for f in QgsVectorLayer(q).getFeatures()]
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = str(tmp_path / "cancelled.gpkg")
    with pytest.raises(QgsProcessingException):
        run_alg("calculateindicators", params(q, c, out), feedback=feedback)
    assert not os.path.exists(out)
    run_alg("calculateindicators", params(q, c, str(tmp_path / "done.gpkg")))
    assert [f.attributes() for f in QgsVectorLayer(c).getFeatures()] == before
    assert [(f.attributes(), f.geometry().asWkt()) for f in QgsVectorLayer(q).getFeatures()] == before_q


def test_style_kept_inside_a_shared_geopackage(run_alg, gpkg, tmp_path):
    # two outputs in one GeoPackage: the style goes into its layer_styles table, not into one shared QML
    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges

    q, c = gpkg
    target = str(tmp_path / "all.gpkg")
    for table, ids in (("first", ["A.1"]), ("second", ["A.4"])):
        destination = "ogr:dbname='{}' table=\"{}\" (geom)".format(target, table)
        run_alg("calculateindicators", params(q, c, destination, ids=ids))
    assert not os.path.exists(str(tmp_path / "all.qml"))
    first = QgsVectorLayer(target + "|layername=first", "first", "ogr")
    second = QgsVectorLayer(target + "|layername=second", "second", "ogr")
    assert first.renderer().type() == "graduatedSymbol" and '"A1"' in first.renderer().classAttribute()
    assert second.renderer().type() == "graduatedSymbol" and '"A4"' in second.renderer().classAttribute()
    assert len(renderer_class_ranges(second.renderer())) >= 2


def test_legend_in_german_when_qgis_runs_in_german(provider, gpkg, tmp_path):
    from qgis import processing
    from qgis.PyQt.QtCore import QSettings

    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges

    settings = QSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    q, c = gpkg
    out = str(tmp_path / "deutsch.gpkg")
    try:
        processing.runAndLoadResults("quartiersmonitor:calculateindicators",
                                     params(q, c, out, ids=["A.1"], CLASSIFICATION=2, CLASSES=3))
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    try:
        assert len(layers) == 1
        renderer = layers[0].renderer()
        # published A.1 values 5 … 20 (Q01 10, Q02 15, Q05 5, Q06 20 …): equal intervals 5 – 10 – 15 – 20
        assert [r.label() for r in renderer_class_ranges(renderer)] == ["5,0 – 10,0", "10,0 – 15,0", "15,0 – 20,0"]
        assert renderer.ranges()[-1].label() == "Gesperrt / keine Daten"
        assert layers[0].styleManager().styles() == ["A.1 SGB II-Quote"]
        assert "SGB II-Quote" in layers[0].name()
    finally:
        for lyr in layers:
            QgsProject.instance().removeMapLayer(lyr.id())


def test_population_published_and_engine_messages_translated_and_summarised(run_alg, gpkg, tmp_path, monkeypatch):
    """pop_total for every quartier (Q04 with 250 residents too: issue 18.5); every engine message goes through
    tr() (a marked tr shows it), suppression is one info line for all indicators, warnings only for bad data
    (issue 13.8)."""
    from quartiersmonitor.processing_provider.algorithms import calculate_indicators

    monkeypatch.setattr(calculate_indicators, "tr", lambda text: "⟦" + text + "⟧")
    q, c = gpkg
    feedback = RecordingFeedback()
    result = run_alg("calculateindicators", params(q, c, str(tmp_path / "out.gpkg")), feedback=feedback)
    _layer, feats = features_by_id(result["OUTPUT"])
    assert {qid: feats[qid]["pop_total"] for qid in feats} == {row[0]: row[1] for row in build.ROWS}
    assert feats["Q04"]["A1_flag"] == "suppressed"  # its social values hidden, its population shown
    engine = [m for m in feedback.warnings + feedback.infos if m.startswith("⟦Table '")]
    assert engine and all(m.count("⟦") >= 2 for m in engine), engine  # the wrapper and the engine's own text
    suppressed = [m for m in engine if "Suppressed for confidentiality" in m]
    assert len(suppressed) == 1 and suppressed[0] in feedback.infos
    assert "⟦A.1 in" in suppressed[0] and "⟦A.2 in" in suppressed[0] and "⟦A.4 in" in suppressed[0]
    # one warning: the empty 'k.A.' cell of Q05 (sgb2_u15), with the indicator named
    assert len(feedback.warnings) == 1 and "sgb2_u15" in feedback.warnings[0] and "A.2" in feedback.warnings[0]
