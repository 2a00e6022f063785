"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/sheet_on_demo.py [--locale de]): the demo
county's indicator layer from ``make demo`` loaded, two map sheets exported as PNG through Processing as a user runs
it (written to /tmp/qm_sheet_desktop_<language>/, look at them with an image viewer), then the exportmapsheets dialog
opened with Source and Data date filled, as the screenshot shows it."""

import os

from qgis import processing
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QSettings, QTimer
from qgis.utils import iface

import quartiersmonitor  # noqa: E402 (the checkout, installed as the plugin; this script runs without __file__)

CHECKOUT = os.path.dirname(os.path.realpath(quartiersmonitor.__file__))
GPKG = os.path.join(CHECKOUT, "demo-output", "quartiersmonitor_demo.gpkg")
LOCALE = QSettings().value("locale/userLocale", "en", type=str) or "en"
OUT = "/tmp/qm_sheet_desktop_{}".format(LOCALE[:2])


def step():
    iface.mainWindow().showMaximized()
    layer = QgsVectorLayer(GPKG + "|layername=indicators", "indicators", "ogr")
    if QgsProject.instance().addMapLayer(layer) is None:
        raise RuntimeError("cannot load " + GPKG + " (run make demo first)")
    iface.setActiveLayer(layer)
    iface.zoomToActiveLayer()
    parameters = {"INPUT": layer, "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name",
                  "FILTER": "\"quartier_id\" IN ('0101', '1403')", "TITLE": "Sozialbericht 2025",
                  "SOURCE": "Statistik Musterkreis", "DATE": "31.12.2024", "FORMAT": 2, "OUTPUT_FOLDER": OUT}
    try:
        result = processing.run("quartiersmonitor:exportmapsheets", parameters)
    except Exception as error:  # noqa: BLE001 - written down for whoever looks at the screenshot
        result = error
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "result.txt"), "w", encoding="utf-8") as handle:
        handle.write(repr(result))  # noqa: QGS201 (a file, not QgsProject.write)
    dialog = processing.createAlgorithmDialog("quartiersmonitor:exportmapsheets", dict(parameters, FORMAT=0))
    dialog.show()
    step.dialog = dialog  # keep it alive


QTimer.singleShot(3000, step)
