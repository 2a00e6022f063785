"""Desktop check (../shared/tools/desktop-shot OUT --code tests/desktop/pipeline_model.py --locale de): the
Processing toolbox filtered to the plugin (the bundled model must sit in the indicators group under its translated
name, not in a group of its own under its id) and the model's dialog (quartiers asked first, translated descriptions,
indicator and classification choices as labels in the UI's language)."""

from qgis import processing
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit, QTreeView
from qgis.utils import iface, plugins

KEEP = []


def step():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # no window manager under Xvfb: showMaximized does nothing
    toolbox = getattr(plugins.get("processing"), "toolbox", None) or \
        iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if toolbox is not None:
        toolbox.show()
        search = toolbox.findChild(QLineEdit)
        if search is not None:
            search.setText("quartiersmonitor")
        tree = toolbox.findChild(QTreeView)
        if tree is not None:
            tree.expandAll()
    dialog = processing.createAlgorithmDialog("quartiersmonitor:quartiersmonitor_pipeline", {})
    KEEP.append(dialog)
    dialog.resize(1000, 950)
    dialog.move(0, 20)  # the toolbox docks on the right
    dialog.show()


QTimer.singleShot(3000, step)
