"""The dock panel with pytest-qgis's iface: toggling, quartier list and search, selection sync both ways, profile
from the engine, indicator styles, project state, export through Processing, unload."""

import os
import re
import subprocess
from unittest import mock

import pytest
from mapsheet_data import make_indicator_layer
from qgis.core import QgsFeatureRequest, QgsProject, QgsRectangle
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QItemSelectionModel


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture()
def layer(qgis_new_project):
    lyr = make_indicator_layer("Indikatoren 2025")
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


@pytest.fixture()
def plugin(qgis_iface, provider):
    """The plugin loaded through classFactory; the mock iface docks for real into its (shown) main window."""
    import quartiersmonitor

    window = qgis_iface.mainWindow()
    window.show()
    with mock.patch.object(qgis_iface, "addDockWidget", side_effect=window.addDockWidget), \
            mock.patch.object(qgis_iface, "removeDockWidget", side_effect=window.removeDockWidget):
        plug = quartiersmonitor.classFactory(qgis_iface)
        # The session's provider is registered already (fixture ``provider``): the plugin must not add another.
        plug.provider = provider
        plug.initGui()
        yield plug
        plug.provider = None
        plug.unload()
    _flush_deletes()
    window.hide()


@pytest.fixture()
def dock(plugin, layer):
    plugin.action.trigger()
    assert plugin.dock is not None
    return plugin.dock


def _select_rows(dock, quartier_ids):
    view = dock.quartier_view
    model = view.selectionModel()
    model.clearSelection()
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        if index.data() in quartier_ids:
            model.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def _fids(layer, quartier_ids):
    return sorted(f.id() for f in layer.getFeatures() if f["quartier_id"] in quartier_ids)


def _ids_selected_in_list(dock):
    return sorted(index.data() for index in dock.quartier_view.selectionModel().selectedRows(0))


def test_action_opens_and_closes_the_dock_and_unload_removes_it(plugin, layer):
    assert plugin.dock is None
    plugin.action.trigger()
    dock = plugin.dock
    assert dock is not None and dock.isUserVisible()
    assert plugin.action.isChecked()
    plugin.action.trigger()
    assert not dock.isUserVisible()
    assert not plugin.action.isChecked()
    plugin.action.trigger()
    assert dock.isUserVisible()
    receivers_before = layer.receivers(layer.selectionChanged)
    assert receivers_before >= 1  # the dock listens to the layer's selection
    plugin.provider = None  # the session's provider stays registered
    plugin.unload()
    _flush_deletes()
    assert plugin.dock is None
    assert sip.isdeleted(dock)
    assert layer.receivers(layer.selectionChanged) == receivers_before - 1
    layer.selectByIds(_fids(layer, ["0101"]))  # nothing listens any more: must not fail


def test_lists_the_quartiers_of_the_indicator_layer(dock, layer):
    assert dock.layer_combo.count() == 1
    assert dock.layer_combo.currentText() == "Indikatoren 2025"
    ids = dock.visible_quartier_ids()
    assert ids == ["{:04d}".format(101 + i) for i in range(12)]
    names = {dock.proxy.index(r, 0).data(): dock.proxy.index(r, 1).data() for r in range(dock.proxy.rowCount())}
    assert names["0102"] == "Nord/Süd"
    municipalities = {dock.proxy.index(r, 2).data() for r in range(dock.proxy.rowCount())}
    assert municipalities == {"Adorf", "Bstadt"}


def test_layers_without_indicator_fields_are_not_offered(dock):
    from qgis.core import QgsVectorLayer

    plain = QgsVectorLayer("Polygon?crs=EPSG:25832&field=quartier_id:string", "plain", "memory")
    assert QgsProject.instance().addMapLayer(plain)
    second = make_indicator_layer("Zweiter Stand")
    assert QgsProject.instance().addMapLayer(second)
    texts = [dock.layer_combo.itemText(i) for i in range(dock.layer_combo.count())]
    assert texts == ["Indikatoren 2025", "Zweiter Stand"]
    assert dock.layer_combo.currentText() == "Indikatoren 2025"  # the chosen layer stays chosen
    QgsProject.instance().removeMapLayer(dock.layer.id())
    assert dock.layer is second


def test_search_filters_the_list(dock):
    dock.search_edit.setText("mühl")
    assert dock.visible_quartier_ids() == ["0107", "0111"]
    dock.search_edit.setText("BSTADT")
    assert len(dock.visible_quartier_ids()) == 6
    dock.search_edit.setText("0109")
    assert dock.visible_quartier_ids() == ["0109"]
    dock.search_edit.clear()
    assert len(dock.visible_quartier_ids()) == 12


def test_selection_list_to_layer_and_back(dock, layer):
    _select_rows(dock, {"0102", "0105"})
    assert sorted(layer.selectedFeatureIds()) == _fids(layer, {"0102", "0105"})
    layer.selectByIds(_fids(layer, {"0109", "0110", "0111"}))
    assert _ids_selected_in_list(dock) == ["0109", "0110", "0111"]
    layer.removeSelection()
    assert _ids_selected_in_list(dock) == []
    # A selection hidden by the search is kept on the layer when the list's selection changes in code (a plain
    # click replaces it: test_dock_everyday.py).
    layer.selectByIds(_fids(layer, {"0101"}))
    dock.search_edit.setText("Bstadt")
    _select_rows(dock, {"0103"})
    assert sorted(layer.selectedFeatureIds()) == _fids(layer, {"0101", "0103"})


def test_profile_shows_the_engines_values(dock, layer):
    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.indicators.profile import profile_from_row
    from quartiersmonitor.mapsheets.layout import feature_row, sheet_language

    catalog = load_catalog()
    language = sheet_language()
    all_rows = [feature_row(f) for f in layer.getFeatures(QgsFeatureRequest())]
    _select_rows(dock, {"0104"})
    assert "0104" in dock.profile_label.text()
    expected = profile_from_row(next(r for r in all_rows if r["quartier_id"] == "0104"), catalog, language,
                                all_rows=all_rows)
    texts = dock.profile_texts()
    assert len(texts) == len(expected) == 2
    for shown, row in zip(texts, expected):
        assert shown[0].startswith(row.id)
        assert shown[1] == row.display
    a1 = texts[0]
    assert a1[1] in ("suppressed", "gesperrt")  # suppressed values read as suppressed, no number
    assert a1[4] == "\u2013"  # and are not ranked
    g2 = texts[1]
    g2_row = expected[1]
    assert g2[4] == "{}/{}".format(g2_row.rank, g2_row.n_ranked)
    assert g2[2] != "\u2013" and g2[3] != "\u2013"  # municipality and county values shown
    # A significantly high quartier carries the mark.
    _select_rows(dock, {"0112"})
    assert dock.profile_texts()[0][5] == "\u25b2"
    layer.removeSelection()
    assert dock.profile_texts() == []


def test_switching_the_indicator_switches_the_renderer(dock, layer):
    from qgis.core import QgsExpression

    combo = dock.indicator_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["A1", "G2"]
    assert combo.currentData() == "A1"
    assert "A1" in QgsExpression(layer.renderer().classAttribute()).referencedColumns()
    combo.setCurrentIndex(combo.findData("G2"))
    assert layer.styleManager().currentStyle().startswith("G.2")
    assert "G2" in QgsExpression(layer.renderer().classAttribute()).referencedColumns()
    # Switching the style elsewhere (layer properties) updates the chooser.
    layer.styleManager().setCurrentStyle("A.1 SGB II rate")
    assert combo.currentData() == "A1"


def test_state_is_saved_in_the_project(plugin, dock, layer, tmp_path, qgis_iface):
    dock.indicator_combo.setCurrentIndex(dock.indicator_combo.findData("G2"))
    project = QgsProject.instance()
    assert project.readEntry("quartiersmonitor", "dock/layer", "")[0] == layer.id()
    assert project.readEntry("quartiersmonitor", "dock/indicator", "")[0] == "G2"
    path = str(tmp_path / "state.qgz")
    layer_id = layer.id()
    # Memory layers are not saved with their features: keep the layer itself by reloading only the settings.
    assert project.write(path)
    project.writeEntry("quartiersmonitor", "dock/indicator", "A1")
    dock.indicator_combo.setCurrentIndex(dock.indicator_combo.findData("A1"))
    assert project.read(path)
    reread = project.readEntry("quartiersmonitor", "dock/indicator", "")[0]
    assert reread == "G2"
    assert project.readEntry("quartiersmonitor", "dock/layer", "")[0] == layer_id
    # A dock opened on the read project restores layer and indicator (the layer's style follows), also when
    # another candidate layer comes first by name.
    assert project.addMapLayer(make_indicator_layer("A first by name"))
    from quartiersmonitor.ui.dock import QuartiersmonitorDock

    other = QuartiersmonitorDock(qgis_iface)
    try:
        assert other.layer.id() == layer_id
        assert other.layer_combo.count() == 2
        assert other.indicator_combo.currentData() == "G2"
        assert other.layer.styleManager().currentStyle().startswith("G.2")
    finally:
        other.teardown()
        other.deleteLater()


def test_zoom_to_selection(dock, layer, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(layer.crs())
    canvas.resize(400, 400)
    canvas.setExtent(QgsRectangle(0, 0, 10, 10))
    _select_rows(dock, {"0106"})
    dock.zoom_button.click()
    box = next(layer.getFeatures(QgsFeatureRequest().setFilterFids(_fids(layer, {"0106"})))).geometry().boundingBox()
    extent = canvas.extent()
    assert extent.contains(box)
    assert extent.width() < 5 * box.width()


def test_export_button_runs_the_algorithm_for_the_selection(dock, layer, tmp_path):
    out = tmp_path / "sheets"
    dock.folder_widget.setFilePath(str(out))
    dock.format_combo.setCurrentIndex(dock.format_combo.findData("pdf_single"))
    dock.title_edit.setText("Bericht")
    _select_rows(dock, {"0103", "0108", "0111"})
    seen = []
    dock.progress_bar.valueChanged.connect(seen.append)
    dock.export_button.click()
    files = os.listdir(str(out))
    assert files == ["Bericht.pdf"]
    info = subprocess.run(["pdfinfo", str(out / "Bericht.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
    text = subprocess.run(["pdftotext", str(out / "Bericht.pdf"), "-"], capture_output=True, text=True).stdout

    def titled(quartier_id):  # "Name (0103)" or "0103 Name", as the sheet's title names the quartier
        return re.search(r"((^|\f){0}\b|\({0}\))".format(quartier_id), text, re.M) is not None

    assert titled("0103") and titled("0108") and titled("0111") and not titled("0101")
    assert dock.progress_bar.value() == 100 and len(seen) > 1
    assert str(out) in dock.status_label.text()
    assert dock.export_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_export_cancel_and_failure_are_reported(dock, layer, tmp_path, qgis_iface):
    from qgis.core import Qgis

    _select_rows(dock, {"0101", "0102", "0103", "0104"})
    dock.format_combo.setCurrentIndex(dock.format_combo.findData("pdf_per_quartier"))
    out = tmp_path / "cancelled"
    dock.folder_widget.setFilePath(str(out))

    def press_cancel(value):
        if value > 0:
            dock.cancel_button.click()

    dock.progress_bar.valueChanged.connect(press_cancel)
    assert dock.export_selected() is None
    dock.progress_bar.valueChanged.disconnect(press_cancel)
    assert os.listdir(str(out)) == []
    assert "cancel" in dock.status_label.text().lower() or "abgebrochen" in dock.status_label.text().lower()

    blocker = tmp_path / "file"
    blocker.write_text("x")
    dock.folder_widget.setFilePath(str(blocker / "sub"))
    assert dock.export_selected() is None
    assert str(blocker / "sub") in dock.status_label.text()
    assert any(str(blocker / "sub") in m for m in qgis_iface.messageBar().get_messages(Qgis.Critical))


def test_export_without_selection_asks_for_one(dock, layer, tmp_path):
    layer.removeSelection()
    dock.folder_widget.setFilePath(str(tmp_path))
    assert dock.export_selected() is None
    assert dock.status_label.text()
    assert os.listdir(str(tmp_path)) == []


@pytest.mark.slow
def test_dock_on_the_demo_county(plugin, qgis_new_project, tmp_path):
    """The 158 demo quartiers through calculateindicators: listed, searchable, profiled, every indicator's style."""
    from mapsheet_data import demo_indicator_layer
    from qgis.core import QgsExpression

    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.indicators.profile import profile_from_row
    from quartiersmonitor.mapsheets.layout import feature_row, sheet_language

    lyr = demo_indicator_layer(str(tmp_path / "demo"), scale=0.3)
    plugin.action.trigger()
    dock = plugin.dock
    assert dock.layer is lyr
    ids = dock.visible_quartier_ids()
    assert len(ids) == 158 == len(set(ids))
    assert ids == sorted(str(f["quartier_id"]) for f in lyr.getFeatures())
    rows = {str(f["quartier_id"]): (str(f["name"]), str(f["municipality"])) for f in lyr.getFeatures()}
    term = rows["0101"][1].lower()  # the county town's name, also part of some quartier names
    dock.search_edit.setText(term)
    found = dock.visible_quartier_ids()
    assert found == sorted(i for i, (name, mun) in rows.items() if term in name.lower() or term in mun.lower())
    assert 0 < len(found) < 158
    _select_rows(dock, {found[0]})
    all_rows = [feature_row(f) for f in lyr.getFeatures()]
    row = next(r for r in all_rows if r["quartier_id"] == found[0])
    expected = profile_from_row(row, load_catalog(), sheet_language(), all_rows=all_rows)
    texts = dock.profile_texts()
    assert len(texts) == len(expected) == 17
    # published values with the layer's recorded DECIMALS (1), rates per 100,000 too; hidden ones as the engine says
    decimals = int(lyr.customProperty("quartiersmonitor/decimals"))
    assert decimals == 1

    def hand(value):  # 1,467.0 in English, 1.467,0 in German
        text = "{:,.1f}".format(value)
        return text.translate(str.maketrans(",.", ".,")) if sheet_language() == "de" else text

    assert [t[1] for t in texts] == [hand(r.value) if r.flag == "ok" and r.value is not None else r.display
                                     for r in expected]
    assert [t[4] for t in texts] == ["{}/{}".format(r.rank, r.n_ranked) if r.rank is not None else "\u2013"
                                     for r in expected]
    combo = dock.indicator_combo
    assert combo.count() == 17
    for field in ("W3", "D1", "A1"):
        combo.setCurrentIndex(combo.findData(field))
        assert field in QgsExpression(lyr.renderer().classAttribute()).referencedColumns()
