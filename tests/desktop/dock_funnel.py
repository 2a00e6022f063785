"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/dock_funnel.py --locale de --delay 40):
the demo county's indicator layer (``make demo``; QM_DEMO_GPKG overrides the file) opened from its GeoPackage,
the dock's funnel tab showing A.1 with two quartiers selected, the pointer resting on one of them (its tooltip).
Writes what it did to $TMPDIR/dock_funnel.log."""

import os
import tempfile
import time

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtGui import QCursor
from qgis.utils import iface, plugins

import quartiersmonitor  # noqa: E402 (the checkout, installed as the plugin; this script runs without __file__)

CHECKOUT = os.path.dirname(os.path.realpath(quartiersmonitor.__file__))
GPKG = os.environ.get("QM_DEMO_GPKG") or os.path.join(CHECKOUT, "demo-output", "quartiersmonitor_demo.gpkg")
LOG = os.path.join(tempfile.gettempdir(), "dock_funnel.log")
START = time.time()


def log(text):
    with open(LOG, "a", encoding="utf-8") as out:
        out.write("{:6.1f}s {}\n".format(time.time() - START, text))  # noqa: QGS201 (a file)


def dock():
    return plugins["quartiersmonitor"].dock


def step_open():
    iface.mainWindow().showMaximized()
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # no window manager under desktop-shot: fill the screen
    layer = QgsVectorLayer(GPKG + "|layername=indicators", "indicators", "ogr")
    if QgsProject.instance().addMapLayer(layer) is None:
        raise RuntimeError("cannot load " + GPKG + " (run make demo first)")
    iface.setActiveLayer(layer)
    iface.zoomToActiveLayer()
    plugins["quartiersmonitor"].action.setChecked(True)
    QTimer.singleShot(2000, step_funnel)


def step_funnel():
    d = dock()
    combo = d.indicator_combo
    combo.setCurrentIndex(combo.findData("A1"))
    d.layer.selectByExpression("\"quartier_id\" IN ('0101', '0402')")
    d.tabs.setCurrentIndex(1)
    plot = d.funnel_plot
    log("funnel: {!r}; {} points, selected {}; plot {}x{}".format(
        d.funnel_label.text(), len(plot.points), sorted(plot.selected), plot.width(), plot.height()))
    QTimer.singleShot(1000, step_hover)


def step_hover():
    d = dock()
    plot = d.funnel_plot
    frame = plot.plot_frame()
    point = next((p for p in plot.points if p.key in plot.selected), None)
    if frame is None or point is None:
        log("nothing to hover")
        return
    where = plot.mapToGlobal(QPoint(int(frame.x(point.denominator)), int(frame.y(point.value))))
    QCursor.setPos(where)
    log("pointer on {!r}: {!r}".format(point.label, plot.point_tooltip(point)))


QTimer.singleShot(3000, step_open)
