"""The dock on the cartographer's everyday path (issue 13): a layer reopened from a GeoPackage switches to every
indicator and knows a city's custom ones; plain and Ctrl clicks in a filtered list; source and data date; the
heading; room for list and profile, the dock reopening with the project, the export summary and "Open folder"."""

import json
import os
import re
import subprocess
from unittest import mock

import pytest
from indicators_alg_testing import build, calculate_params
from qgis.core import QgsExpression, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtTest import QTest
from test_dock import _fids, _select_rows, dock, layer, plugin  # noqa: F401 (fixtures)

CUSTOM_NAME = {"en": "Own share", "de": "Eigene Quote"}


@pytest.fixture()
def gpkg_output(run_alg, tmp_path):
    """calculateindicators (A.1, A.2, G.2 and a custom X.1) written to a GeoPackage layer; its URI."""
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"indicators": [
        {"id": "X.1", "name_de": CUSTOM_NAME["de"], "name_en": CUSTOM_NAME["en"], "domain": "poverty",
         "numerator": "gsi_alter", "denominator": "pop_total"},
    ]}), encoding="utf-8")
    out = str(tmp_path / "all.gpkg")
    result = run_alg("calculateindicators", calculate_params(
        q, c, "ogr:dbname='{}' table=\"indicators\" (geom)".format(out), ["A.1", "A.2"], CATALOG=str(catalog),
        EXTRA_INDICATORS="X.1", MIN_POPULATION=0, MIN_COUNT=1, CLASSES=3))
    return result["OUTPUT"]


def _reopen(uri, name="reopened"):
    lyr = QgsVectorLayer(uri, name, "ogr")
    assert lyr.isValid(), uri
    assert QgsProject.instance().addMapLayer(lyr)
    return lyr


def _classified(lyr):
    return QgsExpression(lyr.renderer().classAttribute()).referencedColumns()


def _flush():
    QCoreApplication.processEvents()


# -- 1. any indicator on a layer reopened from a GeoPackage, the layer's own catalog -----------------------------
def test_every_indicator_switches_on_a_layer_reopened_from_a_geopackage(plugin, qgis_new_project,  # noqa: F811
                                                                        gpkg_output):
    lyr = _reopen(gpkg_output)
    assert len(lyr.styleManager().styles()) == 1  # the GeoPackage carries one style
    plugin.action.trigger()
    dock = plugin.dock  # noqa: F811
    assert dock.layer is lyr
    combo = dock.indicator_combo
    fields = [combo.itemData(i) for i in range(combo.count())]
    assert fields == ["A1", "A2", "X1"]  # the custom indicator is offered
    assert CUSTOM_NAME[dock.language] in combo.itemText(2) and combo.itemText(2).startswith("X.1")
    for field in ("A2", "X1", "A1", "X1"):
        combo.setCurrentIndex(combo.findData(field))
        assert field in _classified(lyr), field
        assert [f for f in fields if f != field and f in _classified(lyr)] == []
        assert lyr.customProperty("quartiersmonitor/shown") == field
    assert "saved style" not in dock.status_label.text()  # no "The layer has no saved style ..." any more

    # the profile lists the custom indicator with its own name and the layer's value
    feature = next(f for f in lyr.getFeatures() if f["X1_flag"] == "ok")
    lyr.selectByIds([feature.id()])
    rows = dock.profile_texts()
    assert [r[0][:3] for r in rows] == ["A.1", "A.2", "X.1"]
    x1 = rows[2]
    assert CUSTOM_NAME[dock.language] in x1[0]
    value = float(feature["X1"])
    shown = float(re.sub(r"[^0-9,.\-]", "", x1[1]).replace(",", "."))
    assert shown == pytest.approx(value, abs=0.051)  # one decimal
    assert CUSTOM_NAME[dock.language] in dock.profile_table.item(2, 0).text()


def test_the_layer_name_follows_the_indicator_when_we_gave_it(plugin, qgis_new_project, gpkg_output):  # noqa: F811
    from quartiersmonitor.cartography.layer_record import AUTO_NAME

    given = _reopen(gpkg_output, "A.1 given by calculateindicators")
    given.setCustomProperty(AUTO_NAME, given.name())  # as a saved project restores a layer loaded by the algorithm
    plugin.action.trigger()
    dock = plugin.dock  # noqa: F811
    dock.indicator_combo.setCurrentIndex(dock.indicator_combo.findData("X1"))
    assert given.name().startswith("X.1") and CUSTOM_NAME[dock.language] in given.name()
    assert dock.layer_combo.currentText() == given.name()  # the dock's layer list follows
    # a name the user chose stays
    given.setName("Meine Karte")
    dock.indicator_combo.setCurrentIndex(dock.indicator_combo.findData("A2"))
    assert given.name() == "Meine Karte"
    assert "A2" in _classified(given)


# -- 2. selection: plain click replaces, Ctrl-click adds, hidden selected quartiers are told --------------------
def _click(dock, quartier_id, modifier=Qt.KeyboardModifier.NoModifier):  # noqa: F811
    view = dock.quartier_view
    row = dock.visible_quartier_ids().index(quartier_id)
    index = dock.proxy.index(row, 1)
    view.scrollTo(index)
    _flush()
    rect = view.visualRect(index)
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), quartier_id
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    _flush()


def _selected_ids(lyr):
    return sorted(f["quartier_id"] for f in lyr.getSelectedFeatures())


def test_plain_click_replaces_the_selection_hidden_by_the_search(dock, layer):  # noqa: F811
    ctrl = Qt.KeyboardModifier.ControlModifier
    layer.selectByIds(_fids(layer, {"0101", "0105"}))  # 0101 and 0105 are in Adorf
    dock.search_edit.setText("Bstadt")
    assert "0101" not in dock.visible_quartier_ids()
    label = dock.selection_label.text()
    assert "2" in label and ("hidden" in label or "ausgeblendet" in label)
    _click(dock, "0103")
    assert _selected_ids(layer) == ["0103"]
    assert "hidden" not in dock.selection_label.text() and "ausgeblendet" not in dock.selection_label.text()
    _click(dock, "0104", ctrl)
    assert _selected_ids(layer) == ["0103", "0104"]
    _click(dock, "0103", ctrl)  # Ctrl-click again removes
    assert _selected_ids(layer) == ["0104"]
    # Ctrl-click keeps a selection the search hides
    layer.selectByIds(_fids(layer, {"0101"}))
    _click(dock, "0108", ctrl)
    assert _selected_ids(layer) == ["0101", "0108"]
    # a plain click on the only visible selected row still drops the hidden one (the list itself does not change)
    _click(dock, "0108")
    assert _selected_ids(layer) == ["0108"]
    assert dock.quartier_view.selectionModel().selectedRows(0)[0].data() == "0108"


def test_selection_line_counts_selected_and_hidden(dock, layer):  # noqa: F811
    layer.removeSelection()
    assert dock.selection_label.text() in ("No quartier selected", "Kein Quartier ausgewählt")
    layer.selectByIds(_fids(layer, {"0101", "0102", "0103"}))
    assert dock.selection_label.text().startswith("3") and "hidden" not in dock.selection_label.text()
    dock.search_edit.setText("0103")
    text = dock.selection_label.text()
    assert text.startswith("3") and re.search(r"\b2\b", text)
    assert dock.selection_label.font().bold() and dock.selection_label.toolTip()
    dock.search_edit.clear()
    assert not dock.selection_label.font().bold()


# -- 3. source and data date ------------------------------------------------------------------------------------
def test_source_and_date_come_from_the_layer_and_go_to_the_export(plugin, qgis_new_project, gpkg_output,  # noqa
                                                                  tmp_path):
    from quartiersmonitor.cartography import layer_record

    lyr = _reopen(gpkg_output)
    source = layer_record.recorded(lyr, layer_record.SOURCE)
    assert source  # calculateindicators recorded where the counts came from
    lyr.setCustomProperty(layer_record.YEAR, "2024")
    plugin.action.trigger()
    dock = plugin.dock  # noqa: F811
    assert dock.source_edit.text() == source
    assert dock.date_edit.text() == "2024"
    dock.source_edit.setText("Stadt Adorf, Einwohnermelderegister")
    dock.date_edit.setText("31.12.2024")
    dock.folder_widget.setFilePath(str(tmp_path / "out"))
    lyr.selectByIds([next(lyr.getFeatures()).id()])
    from qgis import processing

    with mock.patch.object(processing, "run", return_value={"COUNT": 1, "OUTPUT_FOLDER": str(tmp_path / "out")}) \
            as run:
        dock.export_button.click()
    params = run.call_args[0][1]
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:exportmapsheets")
    if alg.parameterDefinition("SOURCE") is not None:
        assert params["SOURCE"] == "Stadt Adorf, Einwohnermelderegister"
        assert params["DATE"] == "31.12.2024"
    else:  # the algorithm does not take them yet: not passed
        assert "SOURCE" not in params and "DATE" not in params
    project = QgsProject.instance()
    assert project.readEntry("quartiersmonitor", "dock/source", "")[0] == "Stadt Adorf, Einwohnermelderegister"
    assert project.readEntry("quartiersmonitor", "dock/date", "")[0] == "31.12.2024"
    # a dock opened later on this project shows what the user typed, not the record
    from quartiersmonitor.ui.dock import QuartiersmonitorDock

    other = QuartiersmonitorDock(None)
    try:
        assert other.source_edit.text() == "Stadt Adorf, Einwohnermelderegister"
        assert other.date_edit.text() == "31.12.2024"
    finally:
        other.teardown()
        other.deleteLater()


# -- 4. heading -------------------------------------------------------------------------------------------------
def test_heading_names_the_municipality_once():
    from quartiersmonitor.ui.dock_text import quartier_label
    from quartiersmonitor.ui.profile_view import profile_heading

    assert quartier_label("0101", "Innenstadt (Lindenau)", "Lindenau") == "0101 \u00b7 Innenstadt (Lindenau)"
    assert quartier_label("0102", "Altstadt", "Adorf") == "0102 \u00b7 Altstadt (Adorf)"
    assert quartier_label("0103", None, "Adorf") == "0103 (Adorf)"
    assert quartier_label("0104", "Nord", None) == "0104 \u00b7 Nord"
    heading = profile_heading({"quartier_id": "0101", "name": "Innenstadt (Lindenau)", "municipality": "Lindenau"},
                              1)
    assert heading.endswith("0101 \u00b7 Innenstadt (Lindenau)")
    assert heading.count("Lindenau") == 1


def test_dock_heading_of_the_selected_quartier(dock, layer):  # noqa: F811
    _select_rows(dock, {"0101"})
    assert dock.profile_label.text().endswith("0101 \u00b7 Altstadt (Adorf)")


# -- 5. room, columns, reopening with the project, export summary and Open folder -------------------------------
def test_list_and_profile_have_room_and_names_get_the_width(dock, layer):  # noqa: F811
    view, table = dock.quartier_view, dock.profile_table
    row_height = view.verticalHeader().defaultSectionSize()
    assert view.minimumHeight() >= view.horizontalHeader().sizeHint().height() + 5 * row_height
    profile_row = table.fontMetrics().height() + 2
    assert table.verticalHeader().defaultSectionSize() >= profile_row
    assert table.minimumHeight() >= table.horizontalHeader().sizeHint().height() + 6 * profile_row
    # squeezed into a short dock, the splitter still gives both their minimum
    dock.resize(320, 500)
    _flush()
    assert view.height() >= view.minimumHeight() and table.height() >= table.minimumHeight()
    # the name column is the widest; municipality narrower, elided, the full text as tooltip on every cell
    dock.resize(380, 900)
    _flush()
    assert view.columnWidth(1) > view.columnWidth(2)
    assert view.columnWidth(2) <= view.fontMetrics().averageCharWidth() * 13
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    for row in range(dock.proxy.rowCount()):
        for column in range(3):
            index = dock.proxy.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    # the export box folds away and QGIS keeps whether it is folded
    box = dock.export_box
    assert box.saveCollapsedState()
    box.setCollapsed(True)
    _flush()
    assert box.isCollapsed() and box.height() < dock.title_edit.height() * 3
    box.setCollapsed(False)
    # the profile: one line per indicator
    _select_rows(dock, {"0105"})
    assert not table.wordWrap()
    assert {table.rowHeight(r) for r in range(table.rowCount())} == {table.verticalHeader().defaultSectionSize()}


def test_dock_reopens_with_the_project(plugin, layer, tmp_path):  # noqa: F811
    project = QgsProject.instance()
    project.setDirty(False)
    plugin.action.trigger()
    assert plugin.dock.isUserVisible()
    assert project.readEntry("quartiersmonitor", "dock/open", "")[0] == "1"
    assert not project.isDirty()  # opening the panel asks for no "save changes?"
    open_path = str(tmp_path / "open.qgz")
    assert project.write(open_path)
    plugin.action.trigger()  # closed
    assert project.readEntry("quartiersmonitor", "dock/open", "")[0] == "0"
    closed_path = str(tmp_path / "closed.qgz")
    assert project.write(closed_path)
    assert project.read(open_path)
    assert plugin.action.isChecked() and plugin.dock.isUserVisible()
    assert project.read(closed_path)
    assert not plugin.action.isChecked() and not plugin.dock.isUserVisible()


def test_dock_is_created_when_the_project_wants_it_open(plugin, layer, tmp_path):  # noqa: F811
    project = QgsProject.instance()
    project.writeEntry("quartiersmonitor", "dock/open", "1")
    project.writeEntry("quartiersmonitor", "dock/indicator", "G2")
    path = str(tmp_path / "open.qgz")
    assert project.write(path)
    assert plugin.dock is None
    assert project.read(path)  # the memory layer is gone, but the dock opens
    assert plugin.dock is not None and plugin.dock.isUserVisible() and plugin.action.isChecked()


def test_export_reports_sheets_and_files_and_opens_the_folder(dock, layer, tmp_path):  # noqa: F811
    out = tmp_path / "sheets"
    dock.folder_widget.setFilePath(str(out))
    dock.format_combo.setCurrentIndex(dock.format_combo.findData("pdf_single"))
    dock.title_edit.setText("Bericht")
    assert not dock.open_folder_button.isEnabled()
    _select_rows(dock, {"0103", "0108", "0111"})
    dock.export_button.click()
    info = subprocess.run(["pdfinfo", str(out / "Bericht.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
    status = dock.status_label.text()
    assert status.startswith("3 ") and str(out) in status
    assert ("3 map sheets in 1 PDF file" in status) or ("3 Kartenblätter in 1 PDF-Datei" in status)
    assert dock.open_folder_button.isEnabled()
    from qgis.PyQt.QtGui import QDesktopServices

    with mock.patch.object(QDesktopServices, "openUrl", return_value=True) as open_url:
        dock.open_folder_button.click()
    assert open_url.call_count == 1
    url = open_url.call_args[0][0]
    assert isinstance(url, QUrl) and url.isLocalFile() and os.path.samefile(url.toLocalFile(), str(out))

    dock.format_combo.setCurrentIndex(dock.format_combo.findData("png"))
    _select_rows(dock, {"0101", "0102"})
    dock.export_button.click()
    assert len([f for f in os.listdir(str(out)) if f.endswith(".png")]) == 2
    status = dock.status_label.text()
    assert ("2 map sheets as 2 PNG files" in status) or ("2 Kartenblätter als 2 PNG-Dateien" in status)


def test_indicator_tooltip_no_longer_promises_only_saved_styles(dock):  # noqa: F811
    tip = dock.indicator_combo.toolTip()
    assert tip and "Shows the layer's saved style of this indicator" != tip


def test_source_and_date_typed_in_the_dock_are_printed_on_the_sheet(dock, layer, tmp_path):  # noqa: F811
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:exportmapsheets")
    assert alg.parameterDefinition("SOURCE") is not None and alg.parameterDefinition("DATE") is not None
    out = tmp_path / "sheets"
    dock.folder_widget.setFilePath(str(out))
    dock.format_combo.setCurrentIndex(dock.format_combo.findData("pdf_single"))
    dock.title_edit.setText("Bericht")
    dock.source_edit.setText("Einwohnermelderegister Adorf")
    dock.date_edit.setText("31.12.2024")
    _select_rows(dock, {"0105"})
    result = dock.export_selected()
    assert result is not None and result["COUNT"] == 1
    text = subprocess.run(["pdftotext", str(out / "Bericht.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Einwohnermelderegister Adorf" in text
    assert "31.12.2024" in text
