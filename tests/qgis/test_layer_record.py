"""The record an indicator layer keeps of how it was made (cartography.layer_record): a custom catalog and the
classification travel with a GeoPackage layer, and any of its indicators can be shown from a layer that carries a
single saved style (issue 13 point 1, issue 18 point 2)."""

import json

import pytest
from indicators_alg_testing import build, calculate_params
from qgis.core import QgsExpression, QgsVectorLayer


@pytest.fixture()
def custom_output(run_alg, tmp_path):
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"indicators": [
        {"id": "X.1", "name_de": "Eigene Quote", "name_en": "Own share", "domain": "poverty",
         "numerator": "gsi_alter", "denominator": "pop_total"},
    ]}), encoding="utf-8")
    out = str(tmp_path / "all.gpkg")
    result = run_alg("calculateindicators", calculate_params(
        q, c, "ogr:dbname='{}' table=\"indicators\" (geom)".format(out), ["A.1", "A.2"], CATALOG=str(catalog),
        EXTRA_INDICATORS="X.1", MIN_POPULATION=0, MIN_COUNT=1, CLASSES=3))
    return result["OUTPUT"]


def _reopened(uri):
    layer = QgsVectorLayer(uri, "reopened", "ogr")
    assert layer.isValid(), uri
    return layer


def test_a_reloaded_layer_knows_its_custom_indicators(custom_output):
    from quartiersmonitor.cartography.layer_record import layer_catalog
    from quartiersmonitor.mapsheets.indicator_layer import layer_indicator_fields

    layer = _reopened(custom_output)
    # the default style from the GeoPackage brought the record back
    assert layer.customProperty("quartiersmonitor/indicators") == "A.1,A.2,X.1"
    catalog = layer_catalog(layer)
    assert catalog["X.1"].name("en") == "Own share"
    assert catalog["X.1"].numerator == "gsi_alter"
    assert layer_indicator_fields(layer, catalog) == ["A1", "A2", "X1"]


def test_any_indicator_is_styled_from_the_record_on_a_reloaded_layer(custom_output):
    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges
    from quartiersmonitor.cartography.layer_record import ensure_indicator_style, recorded_breaks
    from quartiersmonitor.indicators import classify

    layer = _reopened(custom_output)
    assert len(layer.styleManager().styles()) == 1  # a GeoPackage keeps one default style per layer
    name = ensure_indicator_style(layer, "X1", "en")
    assert name == "X.1 Own share"
    assert "X1" in QgsExpression(layer.renderer().classAttribute()).referencedColumns()
    values = [f["X1"] for f in layer.getFeatures()]
    values = [float("nan") if v is None or str(v) == "NULL" else float(v) for v in values]
    # the breaks calculateindicators used for X1_class (3 quantile classes over the published values)
    expected = classify.breaks(values, "quantile", 3)
    assert recorded_breaks(layer, "X1") == pytest.approx(expected)
    assert [r.upperValue() for r in renderer_class_ranges(layer.renderer())] == pytest.approx(expected)
    assert layer.customProperty("quartiersmonitor/shown") == "X1"
    # back to the first indicator: its own style, unchanged
    ensure_indicator_style(layer, "A1", "en")
    assert "A1" in QgsExpression(layer.renderer().classAttribute()).referencedColumns()
    assert "X1" not in QgsExpression(layer.renderer().classAttribute()).referencedColumns()
    assert ensure_indicator_style(layer, "NOPE", "en") is None


def test_units_of_rates_per_100_are_not_percent():
    from quartiersmonitor.indicators.catalog import catalog_from_json, catalog_to_json, load_catalog

    catalog = load_catalog()
    assert catalog["D.1"].unit_label("en") == "per 100"  # the ageing index reaches 1,000 and more
    assert catalog["D.1"].unit_label("de") == "je 100"
    assert catalog["D.2"].unit_label("de") == "%"
    assert catalog["A.1"].unit_label("de") == "%"
    again = catalog_from_json(catalog_to_json(catalog, ["D.1", "G.2"]))
    assert again["D.1"] == catalog["D.1"] and again["G.2"] == catalog["G.2"]


def test_the_recorded_source_is_the_counts_table_never_an_intermediate_result(run_alg, tmp_path):
    """The sheets' default source line: the counts table's name; nothing ("not stated") for a table that lives only
    within the run (a memory layer, or a model's intermediate output such as 'Joined layer' in Processing's temporary
    folder)."""
    import os
    import shutil

    from qgis.core import QgsProcessingUtils

    from quartiersmonitor.cartography.layer_record import SOURCE

    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))

    def recorded_source(counts, name):
        out = str(tmp_path / (name + ".gpkg"))
        result = run_alg("calculateindicators", calculate_params(q, counts, out, ["A.1"], MIN_POPULATION=0))
        return _reopened(result["OUTPUT"]).customProperty(SOURCE)

    assert recorded_source(c, "from_file") == "input: counts"
    assert recorded_source(build.counts_layer(name="Joined layer"), "from_memory") in (None, "")  # None from 3.44
    temporary = tmp_path / "copy.gpkg"
    shutil.copy(c.split("|")[0], str(temporary))
    inside = QgsProcessingUtils.generateTempFilename("OUTPUT.gpkg")  # where a model's child writes its output
    os.makedirs(os.path.dirname(inside), exist_ok=True)
    shutil.copy(str(temporary), inside)
    assert recorded_source(inside + "|layername=counts", "from_model") in (None, "")


def test_engine_legend_labels_follow_the_language_user_labels_stay(custom_output):
    """A layer made headless in English, opened in a German QGIS: the engine's class labels and the no-data entry
    become German when the layer shows an indicator; a label the user wrote stays."""
    from quartiersmonitor.cartography.indicator_style import NO_DATA_VALUE
    from quartiersmonitor.cartography.layer_record import ensure_indicator_style

    layer = _reopened(custom_output)
    ensure_indicator_style(layer, "A1", "en")
    renderer = layer.renderer()
    ranges = renderer.ranges()
    assert ranges[-1].upperValue() == NO_DATA_VALUE and ranges[-1].label() == "Suppressed / no data"
    english = [r.label() for r in ranges[:-1]]
    assert all("." in label or label.replace(" \u2013 ", "").isdigit() for label in english)
    renderer.updateRangeLabel(0, "my own words")
    ensure_indicator_style(layer, "A1", "de")
    labels = [r.label() for r in layer.renderer().ranges()]
    assert labels[0] == "my own words"
    assert labels[-1] == "Gesperrt / keine Daten"
    # the others by hand: German decimal comma, same bounds
    for got, item in zip(labels[1:-1], layer.renderer().ranges()[1:-1]):
        lower, upper = item.lowerValue(), item.upperValue()
        assert got == "{:.1f} \u2013 {:.1f}".format(lower, upper).replace(".", ","), got


def test_sheets_of_a_layer_given_by_path_use_its_record(custom_output, run_alg, tmp_path):
    """qgis_process and scripts give the layer as a path: Processing opens it without its default style, where the
    GeoPackage keeps the record and the map's style. The sheets still know the custom indicator and the classes."""
    import subprocess

    result = run_alg("exportmapsheets", {"INPUT": custom_output, "QUARTIER_ID": "quartier_id", "FORMAT": 0,
                                         "FILTER": "\"quartier_id\" = 'Q01'", "OUTPUT_FOLDER": str(tmp_path / "s")})
    assert result["PAGES"] == 1
    text = subprocess.run(["pdftotext", "-layout", result["FILES"][0], "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "X.1 Own share" in text  # from the layer's recorded catalog, not the built-in one
    assert "Suppressed / no data" in text or "Gesperrt / keine Daten" in text  # the graduated style's legend


def test_the_attention_layer_keeps_the_record_of_its_indicator_layer(custom_output, run_alg, tmp_path):
    """attentionindex hands the indicator layer's record on (its catalog with the custom indicators, suppression
    limits, source), so that the tables and sheets of an attention layer know X.1 too."""
    from quartiersmonitor.cartography.layer_record import MIN_COUNT, SHOWN, layer_catalog

    out = str(tmp_path / "attention.gpkg")
    result = run_alg("attentionindex", {"INPUT": custom_output, "QUARTIER_ID": "quartier_id",
                                        "INDICATORS": ["A1", "X1"], "MIN_POPULATION": 0, "OUTPUT": out})
    layer = _reopened(result["OUTPUT"])
    assert layer_catalog(layer)["X.1"].name("en") == "Own share"
    assert str(layer.customProperty(MIN_COUNT)) == "1"
    assert layer.customProperty(SHOWN) in (None, "")  # what only concerns the indicator map is not handed on
    assert layer.renderer().type() == "categorizedSymbol"  # still the attention map


def test_the_dock_puts_the_legend_of_the_shown_indicator_in_its_language(custom_output, qgis_new_project):
    """The layer made headless in English shows A.1 already; a German dock showing it relabels the engine's
    labels without the indicator being switched (seen in the desktop: "Suppressed / no data" in a German QGIS),
    and the project stays without unsaved changes."""
    from unittest import mock

    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication

    from quartiersmonitor.cartography.layer_record import ensure_indicator_style

    layer = _reopened(custom_output)
    ensure_indicator_style(layer, "A1", "en")
    assert layer.renderer().ranges()[-1].label() == "Suppressed / no data"
    project = QgsProject.instance()
    assert project.addMapLayer(layer)
    project.setDirty(False)
    with mock.patch("quartiersmonitor.ui.dock.sheet_language", return_value="de"):
        from quartiersmonitor.ui.dock import QuartiersmonitorDock

        dock = QuartiersmonitorDock(None)
    try:
        assert dock.layer is layer and dock.indicator_combo.currentData() == "A1"
        labels = [r.label() for r in layer.renderer().ranges()]
        assert labels[-1] == "Gesperrt / keine Daten"
        assert all("," in label for label in labels[:-1]), labels  # German decimal commas
        assert not project.isDirty()
    finally:
        dock.teardown()
        dock.deleteLater()
        QCoreApplication.processEvents()
