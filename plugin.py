"""Plugin wiring: translator, Processing provider, toolbar/menu action and dock."""


from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .paths import ICON_PATH
from .translation import install_translator, remove_translator, tr


class QuartiersmonitorPlugin:
    """QGIS calls ``initProcessing`` (also without a GUI, e.g. ``qgis_process``),
    ``initGui`` when there is one, and ``unload`` when the plugin is disabled."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.toolbar = None
        self.dock = None
        self.translator = install_translator()

    # -- Processing -------------------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802
        if self.provider is not None:
            return
        from .processing_provider.provider import QuartiersmonitorProvider

        self.provider = QuartiersmonitorProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI --------------------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        self.action = QAction(QIcon(ICON_PATH), tr("Quartiersmonitor"), self.iface.mainWindow())
        self.action.setObjectName("QuartiersmonitorAction")
        self.action.setToolTip(tr("Show the Quartiersmonitor panel: quartiers, profiles and map sheets"))
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggle_dock)
        self.toolbar = self.iface.addToolBar(tr("Quartiersmonitor"))
        self.toolbar.setObjectName("QuartiersmonitorToolbar")
        self.toolbar.addAction(self.action)
        self.iface.addPluginToMenu(tr("&Quartiersmonitor"), self.action)
        QgsProject.instance().readProject.connect(self._on_project_read)

    def _on_project_read(self, *_args):
        """Open (or close) the dock as it was when the project was saved; a project without the entry leaves the
        dock as it is."""
        from .ui.dock_state import KEY_OPEN, read_entry

        wanted = read_entry(QgsProject.instance(), KEY_OPEN)
        if self.action is not None and wanted in ("0", "1") and self.action.isChecked() != (wanted == "1"):
            self.action.setChecked(wanted == "1")

    def _toggle_dock(self, visible):
        if self.dock is None:
            if not visible:
                return
            from .ui.dock import QuartiersmonitorDock

            self.dock = QuartiersmonitorDock(self.iface)
            self.dock.setToggleVisibilityAction(self.action)
            self.iface.addDockWidget(self.dock.default_area(), self.dock)
        self.dock.setUserVisible(visible)
        from .ui.dock_state import KEY_OPEN, write_quiet_entry

        write_quiet_entry(QgsProject.instance(), KEY_OPEN, "1" if visible else "0")  # the dock reopens with it

    def unload(self):
        if self.dock is not None:
            self.dock.teardown()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            QgsProject.instance().readProject.disconnect(self._on_project_read)
            self.action.toggled.disconnect(self._toggle_dock)
            self.iface.removePluginMenu(tr("&Quartiersmonitor"), self.action)
            self.action.deleteLater()
            self.action = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
