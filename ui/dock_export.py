"""Map sheets from the dock: the export box, and running ``quartiersmonitor:exportmapsheets`` for the selected
quartiers through Processing, on the main thread as layout export requires."""

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
)

from ..cartography import layer_record
from ..compat import REQUEST_NO_GEOMETRY
from ..mapsheets.layout import FORMATS
from ..translation import tr
from .dock_state import (
    ID_FIELD,
    KEY_DATE,
    KEY_FOLDER,
    KEY_FORMAT,
    KEY_SOURCE,
    KEY_TITLE,
    NAME_FIELD,
    read_entry,
    write_entry,
)
from .dock_text import export_summary
from .slots import safe_slot
from .widgets import named

EXPORT_ALG_ID = "quartiersmonitor:exportmapsheets"


class DockFeedback(QgsProcessingFeedback):
    """Feedback of an export run from the dock: moves the progress bar and keeps the dock responsive, so that its
    Cancel button is handled while the export runs on the main thread (as layout export requires)."""

    def __init__(self, progress_bar):
        super().__init__()
        self.progress_bar = progress_bar
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value):
        self.progress_bar.setValue(int(value))
        QCoreApplication.processEvents()


class MapSheetExport:
    """The dock's map-sheet export (a mixin of :class:`ui.dock.QuartiersmonitorDock`, which provides ``project``,
    ``layer``, ``iface`` and ``feedback``): builds the export box and runs the export."""

    def _build_export_box(self, parent):
        box = named(QgsCollapsibleGroupBox(tr("Map sheets of the selected quartiers"), parent), "exportBox")
        box.setSaveCollapsedState(True)  # kept in the user's settings, like QGIS's own panels
        box_layout = QFormLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.setVerticalSpacing(3)
        self.title_edit = named(QLineEdit(box), "titleEdit")
        self.title_edit.setText(tr("Quartiersmonitor"))
        box_layout.addRow(tr("Title"), self.title_edit)
        self.source_edit = named(QLineEdit(box), "sourceEdit")
        self.source_edit.setToolTip(tr("Source line of the map sheets (prefilled from the indicator layer)"))
        box_layout.addRow(tr("Source"), self.source_edit)
        self.date_edit = named(QLineEdit(box), "dateEdit")
        self.date_edit.setToolTip(tr("Date or year of the data, shown on the map sheets (prefilled from the "
                                     "indicator layer)"))
        box_layout.addRow(tr("Data as of"), self.date_edit)
        self.format_combo = named(QComboBox(box), "formatCombo")
        for label, fmt in zip((tr("One multi-page PDF"), tr("One PDF per quartier"), tr("One PNG per quartier")),
                              FORMATS):
            self.format_combo.addItem(label, fmt)
        box_layout.addRow(tr("Format"), self.format_combo)
        self.folder_widget = named(QgsFileWidget(box), "folderWidget")
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        box_layout.addRow(tr("Output folder"), self.folder_widget)
        buttons = QHBoxLayout()
        self.export_button = named(QPushButton(tr("Export map sheets"), box), "exportButton")
        self.open_folder_button = named(QPushButton(tr("Open folder"), box), "openFolderButton")
        self.open_folder_button.setToolTip(tr("Open the folder of the map sheets just written"))
        self.open_folder_button.setEnabled(False)
        self.cancel_button = named(QPushButton(tr("Cancel"), box), "cancelButton")
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_folder_button)
        box_layout.addRow(buttons)
        self.progress_bar = named(QProgressBar(box), "progressBar")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.setMaximumHeight(self.progress_bar.fontMetrics().height() + 4)
        self.progress_bar.setVisible(False)  # shown while an export runs
        box_layout.addRow(self.progress_bar)
        self.status_label = named(QLabel("", box), "statusLabel")
        self.status_label.setWordWrap(True)
        box_layout.addRow(self.status_label)
        self.written_folder = None
        self.open_folder_button.clicked.connect(self.open_folder)
        self.export_box = box
        return box

    def _restore_export_settings(self):
        folder = read_entry(self.project, KEY_FOLDER)
        if folder:
            self.folder_widget.setFilePath(folder)
        fmt = read_entry(self.project, KEY_FORMAT)
        if fmt and self.format_combo.findData(fmt) >= 0:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
        title = read_entry(self.project, KEY_TITLE)
        if title:
            self.title_edit.setText(title)
        # source and date: as kept in the project, else as the layer recorded them (calculateindicators)
        for key, record_key, edit in ((KEY_SOURCE, layer_record.SOURCE, self.source_edit),
                                      (KEY_DATE, layer_record.YEAR, self.date_edit)):
            text = read_entry(self.project, key)
            if not text and self.layer is not None:
                text = str(layer_record.recorded(self.layer, record_key, ""))
            edit.setText(text)

    def selection_filter(self):
        """Expression selecting the layer's selected quartiers by id (None when nothing is selected)."""
        if self.layer is None or not self.layer.selectedFeatureCount():
            return None
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
        request.setSubsetOfAttributes([ID_FIELD], self.layer.fields())
        values = sorted({str(f[ID_FIELD]) for f in self.layer.getSelectedFeatures(request)})
        return "{} IN ({})".format(QgsExpression.quotedColumnRef(ID_FIELD),
                                   ", ".join(QgsExpression.quotedValue(v) for v in values))

    def _report(self, text, level="info"):
        self.status_label.setText(text)
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        if level == "error":
            bar.pushCritical(tr("Quartiersmonitor"), text)
        elif level == "warning":
            bar.pushWarning(tr("Quartiersmonitor"), text)
        else:
            bar.pushSuccess(tr("Quartiersmonitor"), text)

    def _export_parameters(self):
        """The parameters of ``exportmapsheets`` for the selected quartiers (None, reported, when one is missing);
        keeps folder, format, title, source and date in the project."""
        if self.layer is None:
            self._report(tr("Choose an indicator layer first."), "warning")
            return None
        expression = self.selection_filter()
        if expression is None:
            self._report(tr("Select the quartiers whose map sheets you want, in the list or on the map."), "warning")
            return None
        folder = self.folder_widget.filePath().strip()
        if not folder:
            self._report(tr("Choose an output folder for the map sheets."), "warning")
            return None
        if QgsApplication.processingRegistry().algorithmById(EXPORT_ALG_ID) is None:
            self._report(tr("The Processing algorithm {alg} is not available.").format(alg=EXPORT_ALG_ID), "error")
            return None
        fmt = self.format_combo.currentData()
        title = self.title_edit.text().strip()
        source = self.source_edit.text().strip()
        date = self.date_edit.text().strip()
        write_entry(self.project, KEY_FOLDER, folder)
        write_entry(self.project, KEY_FORMAT, fmt)
        write_entry(self.project, KEY_TITLE, title)
        write_entry(self.project, KEY_SOURCE, source)
        write_entry(self.project, KEY_DATE, date)
        params = {
            "INPUT": self.layer,
            "QUARTIER_ID": ID_FIELD,
            "QUARTIER_NAME": NAME_FIELD if NAME_FIELD in self.layer.fields().names() else None,
            "FILTER": expression,
            "TITLE": title,
            "FORMAT": FORMATS.index(fmt),
            "OUTPUT_FOLDER": folder,
        }
        algorithm = QgsApplication.processingRegistry().algorithmById(EXPORT_ALG_ID)
        for name, value in (("SOURCE", source), ("DATE", date)):
            if algorithm.parameterDefinition(name) is not None:  # parameters of the plugin's newer algorithm
                params[name] = value
        return params

    @safe_slot
    def export_selected(self, *_args):
        """Run ``exportmapsheets`` for the selected quartiers on the main thread; returns the result or None."""
        if self.feedback is not None:
            return None
        params = self._export_parameters()
        if params is None:
            return None
        from qgis import processing

        self.feedback = DockFeedback(self.progress_bar)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.export_button.setEnabled(False)
        self.open_folder_button.setEnabled(False)
        self.written_folder = None
        self.cancel_button.setEnabled(True)
        self.status_label.setText(tr("Exporting map sheets\u2026"))
        context = QgsProcessingContext()
        context.setProject(self.project)
        result = None
        try:
            result = processing.run(EXPORT_ALG_ID, params, context=context, feedback=self.feedback)
        except QgsProcessingException as error:
            canceled = self.feedback.isCanceled()
            self._report(tr("Export canceled: no files were written.") if canceled else
                         tr("Export failed: {error}").format(error=error), "warning" if canceled else "error")
        else:
            self.progress_bar.setValue(100)
            sheets = result.get("PAGES")
            if sheets in (None, ""):  # an algorithm that does not count its pages: one sheet per quartier
                sheets = self.layer.selectedFeatureCount()
            fmt = FORMATS[params["FORMAT"]]
            self._report(export_summary(tr, fmt, int(sheets), int(result["COUNT"]), params["OUTPUT_FOLDER"]))
            self.written_folder = result.get("OUTPUT_FOLDER") or params["OUTPUT_FOLDER"]
            self.open_folder_button.setEnabled(True)
        finally:
            self.feedback = None
            self.progress_bar.setVisible(False)
            self.export_button.setEnabled(True)
            self.cancel_button.setEnabled(False)
        return result

    @safe_slot
    def open_folder(self, *_args):
        """Open the folder of the last export in the system's file manager."""
        if self.written_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.written_folder))

    @safe_slot
    def cancel_export(self, *_args):
        if self.feedback is not None:
            self.feedback.cancel()
