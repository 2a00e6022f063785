"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/dock_gpkg_reload.py --locale de --delay 40
--shots 3 --every 10): the pipeline's output opened from its GeoPackage as a user would (one saved style in the
file), the Processing toolbox open beside the Quartiersmonitor dock, the indicator switched to E.2, a quartier
selected and its profile shown; ~30 s later a second quartier is selected on the map and the search hides it
(the dock says so). Writes what it did and the widget sizes to $TMPDIR/dock_gpkg_reload.log."""

import os
import tempfile
import time

from qgis.core import QgsExpression, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

import quartiersmonitor  # noqa: E402 (the checkout, installed as the plugin; this script runs without __file__)

CHECKOUT = os.path.dirname(os.path.realpath(quartiersmonitor.__file__))
GPKG = os.path.join(CHECKOUT, "demo-output", "quartiersmonitor_demo.gpkg")
LOG = os.path.join(tempfile.gettempdir(), "dock_gpkg_reload.log")
START = time.time()


def log(text):
    with open(LOG, "a", encoding="utf-8") as out:
        out.write("{:6.1f}s {}\n".format(time.time() - START, text))  # noqa: QGS201 (a file)


def dock():
    return plugins["quartiersmonitor"].dock


def step_open():
    iface.mainWindow().showMaximized()
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # no window manager under desktop-shot: fill the screen
    toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if toolbox is not None:
        toolbox.setVisible(True)
    layer = QgsVectorLayer(GPKG + "|layername=indicators", "indicators", "ogr")
    if QgsProject.instance().addMapLayer(layer) is None:
        raise RuntimeError("cannot load " + GPKG + " (run make demo first)")
    iface.setActiveLayer(layer)
    iface.zoomToActiveLayer()
    plugins["quartiersmonitor"].action.setChecked(True)
    log("styles in the file: {}".format(layer.styleManager().styles()))
    QTimer.singleShot(2000, step_indicator)


def step_indicator():
    d = dock()
    combo = d.indicator_combo
    combo.setCurrentIndex(combo.findData("E2"))
    layer = d.layer
    log("indicator {!r}; renderer classifies {}; layer name {!r}; status {!r}".format(
        combo.currentText(), sorted(QgsExpression(layer.renderer().classAttribute()).referencedColumns()),
        layer.name(), d.status_label.text()))
    layer.selectByExpression("\"quartier_id\" = '0101'")
    log("heading {!r}; profile rows {}; list {}x{}, profile {}x{}, name col {}, municipality col {}".format(
        d.profile_label.text(), d.profile_table.rowCount(), d.quartier_view.width(), d.quartier_view.height(),
        d.profile_table.width(), d.profile_table.height(), d.quartier_view.columnWidth(1),
        d.quartier_view.columnWidth(2)))
    QTimer.singleShot(28000, step_hidden)


def step_hidden():
    d = dock()
    d.layer.selectByExpression("\"quartier_id\" IN ('0101', '0402')")
    d.search_edit.setText("010")
    log("search '010': selection line {!r}".format(d.selection_label.text()))


QTimer.singleShot(3000, step_open)
