"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/params_and_help.py [--locale de]): the dialog
of 'Assign addresses to quartiers' opened on two memory layers whose quartier id is not the first field: the help
pane must show ``sum_<field>``, the quartier id field must read ``quartier_id`` (not the first field)."""

from qgis import processing
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QTextBrowser
from qgis.utils import iface

KEEP = []


def memory_layer(spec, name, wkt, values):
    layer = QgsVectorLayer(spec, name, "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature.setAttributes(values)
    layer.dataProvider().addFeature(feature)
    if QgsProject.instance().addMapLayer(layer) is None:
        raise RuntimeError("cannot add " + name)
    return layer


def step():
    iface.mainWindow().showMaximized()
    memory_layer("Point?crs=EPSG:25833&field=adr_id:string&field=residents:integer", "adressen", "POINT(50 50)",
                 ["a1", 3])
    quartiers = memory_layer(
        "Polygon?crs=EPSG:25833&field=fid_text:string&field=name:string&field=quartier_id:string", "quartiere",
        "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["x", "Mitte", "0101"])
    dialog = processing.createAlgorithmDialog("quartiersmonitor:assignaddresses", {"QUARTIERS": quartiers.id()})
    KEEP.append(dialog)
    dialog.resize(1400, 900)
    dialog.show()
    QTimer.singleShot(1500, lambda: show_summary_help(dialog))


def show_summary_help(dialog):
    """Scroll the help pane to the SUMMARY paragraph and select ``sum_<field>`` (found only if it is visible)."""
    for browser in dialog.findChildren(QTextBrowser):
        if browser.toPlainText().startswith("Assign") or "SUMMARY" in browser.toPlainText():
            browser.find("sum_<field>")


QTimer.singleShot(3000, step)
