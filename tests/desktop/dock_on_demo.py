"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/dock_on_demo.py [--locale de]): the demo
county's indicator layer from ``make demo`` loaded, the Quartiersmonitor dock opened beside the map, two quartiers
selected and the profile shown."""

import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

import quartiersmonitor  # noqa: E402 (the checkout, installed as the plugin; this script runs without __file__)

CHECKOUT = os.path.dirname(os.path.realpath(quartiersmonitor.__file__))
GPKG = os.path.join(CHECKOUT, "demo-output", "quartiersmonitor_demo.gpkg")


def step():
    iface.mainWindow().showMaximized()
    layer = QgsVectorLayer(GPKG + "|layername=indicators", "indicators", "ogr")
    if QgsProject.instance().addMapLayer(layer) is None:
        raise RuntimeError("cannot load " + GPKG + " (run make demo first)")
    iface.setActiveLayer(layer)
    iface.zoomToActiveLayer()
    plugin = plugins["quartiersmonitor"]
    plugin.action.setChecked(True)
    layer.selectByExpression("\"quartier_id\" IN ('0101', '0402')")


QTimer.singleShot(3000, step)
