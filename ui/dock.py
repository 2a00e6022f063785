"""The Quartiersmonitor dock panel: indicator layer, searchable quartier list in sync with the map selection,
indicator chooser (switches the layer's saved style), profile of the selected quartier and map-sheet export.

The dock computes no indicator: the profile comes from the engine (``indicators.profile.profile_from_row``) over the
layer's fields, and the export runs ``quartiersmonitor:exportmapsheets`` through Processing like a user would.
State (layer, indicator, export settings) is kept in the project. :meth:`QuartiersmonitorDock.teardown` disconnects
every signal the dock connected.
"""

import functools
import traceback

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsMessageLog,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget, QgsFileWidget, QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..mapsheets.layout import (
    current_indicator_field,
    feature_row,
    layer_indicator_fields,
    sheet_language,
    style_for_field,
)
from ..mapsheets.profile_cells import profile_cells
from ..translation import tr

EXPORT_ALG_ID = "quartiersmonitor:exportmapsheets"
SCOPE = "quartiersmonitor"
KEY_LAYER = "dock/layer"
KEY_INDICATOR = "dock/indicator"
KEY_FOLDER = "dock/output_folder"
KEY_FORMAT = "dock/format"
KEY_TITLE = "dock/title"
ID_FIELD = "quartier_id"
NAME_FIELD = "name"
MUNICIPALITY_FIELD = "municipality"
FID_ROLE = Qt.ItemDataRole.UserRole + 1


def _slot(method):
    """Slots run from C++: an exception escaping one would abort QGIS. Log it instead (and return None)."""

    @functools.wraps(method)
    def wrapper(self, *args):
        try:
            return method(self, *args)
        except Exception:  # noqa: BLE001
            QgsMessageLog.logMessage(traceback.format_exc(), tr("Quartiersmonitor"), Qgis.Critical)
            return None

    return wrapper


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


class _QuartierFilter(QSortFilterProxyModel):
    """Search over id, name and municipality, case-insensitive."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class QuartiersmonitorDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        main_window = iface.mainWindow() if iface is not None else None
        super().__init__(tr("Quartiersmonitor"), parent or main_window)
        self.setObjectName("QuartiersmonitorDock")
        self.iface = iface
        self.project = QgsProject.instance()
        self.language = sheet_language()
        from ..indicators.catalog import load_catalog

        self.catalog = load_catalog()
        self.layer = None
        self.feedback = None
        self._syncing = False
        self._fid_rows = {}
        self._rank_values = None
        self._connections = []
        self._layer_connections = []
        self._build()
        self._connect(self.project.layersAdded, self._on_layers_changed)
        self._connect(self.project.layersWillBeRemoved, self._on_layers_will_be_removed)
        self._connect(self.project.layersRemoved, self._on_layers_changed)
        self._connect(self.project.readProject, self._on_project_read)
        self._connect(self.project.cleared, self._on_layers_changed)
        self._connect(self.layer_combo.currentIndexChanged, self._on_layer_chosen)
        self._connect(self.search_edit.textChanged, self._on_search)
        self._connect(self.quartier_view.selectionModel().selectionChanged, self._on_list_selection)
        self._connect(self.quartier_view.selectionModel().currentChanged, self._on_current_row)
        self._connect(self.zoom_button.clicked, self.zoom_to_selection)
        self._connect(self.indicator_combo.currentIndexChanged, self._on_indicator_chosen)
        self._connect(self.export_button.clicked, self.export_selected)
        self._connect(self.cancel_button.clicked, self.cancel_export)
        self.refresh_layers()

    # -- construction -----------------------------------------------------------------------------------------
    def _build(self):
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(4, 4, 4, 4)

        form = QFormLayout()
        self.layer_combo = QComboBox(widget)
        self.layer_combo.setObjectName("layerCombo")
        self.layer_combo.setToolTip(tr("Polygon layers with Quartiersmonitor indicator fields"))
        form.addRow(tr("Indicator layer"), self.layer_combo)
        self.indicator_combo = QComboBox(widget)
        self.indicator_combo.setObjectName("indicatorCombo")
        self.indicator_combo.setToolTip(tr("Shows the layer's saved style of this indicator"))
        form.addRow(tr("Indicator"), self.indicator_combo)
        layout.addLayout(form)

        splitter = QSplitter(Qt.Orientation.Vertical, widget)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        self.search_edit = QgsFilterLineEdit(top)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Search quartiers by id, name or municipality"))
        search_row.addWidget(self.search_edit)
        self.zoom_button = QPushButton(tr("Zoom to selection"), top)
        self.zoom_button.setObjectName("zoomButton")
        search_row.addWidget(self.zoom_button)
        top_layout.addLayout(search_row)

        self.quartier_model = QStandardItemModel(0, 3, self)
        self.quartier_model.setHorizontalHeaderLabels([tr("Id"), tr("Name"), tr("Municipality")])
        self.proxy = _QuartierFilter(self)
        self.proxy.setSourceModel(self.quartier_model)
        self.quartier_view = QTableView(top)
        self.quartier_view.setObjectName("quartierView")
        self.quartier_view.setModel(self.proxy)
        self.quartier_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quartier_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.quartier_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quartier_view.setSortingEnabled(True)
        self.quartier_view.verticalHeader().setVisible(False)
        header = self.quartier_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name gets the room that is left
        top_layout.addWidget(self.quartier_view)

        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.profile_label = QLabel(tr("Select a quartier to see its profile."), bottom)
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        bottom_layout.addWidget(self.profile_label)
        self.profile_table = QTableWidget(0, 6, bottom)
        self.profile_table.setObjectName("profileTable")
        # short headers (the dock is narrow), the full meaning as tooltip
        headers = (
            (tr("Indicator"), tr("Indicator of the catalog")),
            (tr("Quartier"), tr("Value of the quartier")),
            (tr("Munic."), tr("Value of the quartier's municipality")),
            (tr("County"), tr("Value of the county")),
            (tr("Rank"), tr("Rank among the quartiers with a published value; 1 = most need")),
            (tr("Sig."), tr("\u25b2/\u25bc: significantly above/below the county value")),
        )
        for column, (label, tooltip) in enumerate(headers):
            header_item = QTableWidgetItem(label)
            header_item.setToolTip(tooltip)
            self.profile_table.setHorizontalHeaderItem(column, header_item)
        self.profile_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.profile_table.verticalHeader().setVisible(False)
        # values, rank and mark as wide as their text; the indicator name takes the rest and wraps
        self.profile_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.profile_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.profile_table.setWordWrap(True)
        self.profile_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.profile_table.setToolTip(tr("\u25b2/\u25bc: significantly above/below the county value; rank 1 = "
                                         "most need"))
        bottom_layout.addWidget(self.profile_table)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)

        box = QGroupBox(tr("Map sheets of the selected quartiers"), widget)
        box_layout = QFormLayout(box)
        self.title_edit = QLineEdit(box)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setText(tr("Quartiersmonitor"))
        box_layout.addRow(tr("Title"), self.title_edit)
        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("formatCombo")
        self.format_combo.addItem(tr("One multi-page PDF"), "pdf_single")
        self.format_combo.addItem(tr("One PDF per quartier"), "pdf_per_quartier")
        self.format_combo.addItem(tr("One PNG per quartier"), "png")
        box_layout.addRow(tr("Format"), self.format_combo)
        self.folder_widget = QgsFileWidget(box)
        self.folder_widget.setObjectName("folderWidget")
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        box_layout.addRow(tr("Output folder"), self.folder_widget)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(tr("Export map sheets"), box)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = QPushButton(tr("Cancel"), box)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        box_layout.addRow(buttons)
        self.progress_bar = QProgressBar(box)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        box_layout.addRow(self.progress_bar)
        self.status_label = QLabel("", box)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        box_layout.addRow(self.status_label)
        layout.addWidget(box)
        self.setWidget(widget)

    def default_area(self):
        return Qt.DockWidgetArea.RightDockWidgetArea

    # -- signal bookkeeping ------------------------------------------------------------------------------------
    def _connect(self, signal, slot, bucket=None):
        signal.connect(slot)
        (self._connections if bucket is None else bucket).append((signal, slot))

    @staticmethod
    def _disconnect_all(connections):
        while connections:
            signal, slot = connections.pop()
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # the sender is gone already

    def teardown(self):
        """Disconnect every signal the dock connected (the plugin calls this on unload)."""
        self.cancel_export()
        self._disconnect_all(self._layer_connections)
        self._disconnect_all(self._connections)
        self.layer = None

    # -- layers -----------------------------------------------------------------------------------------------
    def candidate_layers(self):
        """Project polygon layers with our indicator fields, by name."""
        layers = []
        for layer in self.project.mapLayers().values():
            if not isinstance(layer, QgsVectorLayer) or layer.type() != QgsMapLayer.VectorLayer:
                continue
            if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
                continue
            if ID_FIELD not in layer.fields().names() or not layer_indicator_fields(layer, self.catalog):
                continue
            layers.append(layer)
        return sorted(layers, key=lambda lyr: (lyr.name().lower(), lyr.id()))

    def refresh_layers(self):
        wanted = self.layer.id() if self.layer is not None else self.project.readEntry(SCOPE, KEY_LAYER, "")[0]
        layers = self.candidate_layers()
        self._syncing = True
        try:
            self.layer_combo.clear()
            for layer in layers:
                self.layer_combo.addItem(layer.name(), layer.id())
        finally:
            self._syncing = False
        index = self.layer_combo.findData(wanted) if wanted else -1
        if index < 0 and layers:
            index = 0
        if index >= 0:
            self.layer_combo.setCurrentIndex(index)
        self._set_layer(self.project.mapLayer(self.layer_combo.itemData(index)) if index >= 0 else None)

    @_slot
    def _on_layers_will_be_removed(self, layer_ids):
        if self.layer is not None and self.layer.id() in layer_ids:
            self._set_layer(None)

    @_slot
    def _on_layers_changed(self, *_args):
        if self.layer is not None and (sip.isdeleted(self.layer) or self.project.mapLayer(self.layer.id()) is None):
            self._layer_connections.clear()
            self.layer = None
        self.refresh_layers()

    @_slot
    def _on_project_read(self, *_args):
        self._set_layer(None)
        self.refresh_layers()

    @_slot
    def _on_layer_chosen(self, index):
        if self._syncing:
            return
        layer = self.project.mapLayer(self.layer_combo.itemData(index)) if index >= 0 else None
        self._set_layer(layer)

    def _set_layer(self, layer):
        if layer is self.layer and layer is not None:
            return
        self._disconnect_all(self._layer_connections)
        self.layer = layer
        self._rank_values = None
        if layer is not None:
            bucket = self._layer_connections
            self._connect(layer.selectionChanged, self._on_layer_selection, bucket)
            self._connect(layer.attributeValueChanged, self._on_layer_data_changed, bucket)
            self._connect(layer.featuresDeleted, self._on_layer_data_changed, bucket)
            self._connect(layer.featureAdded, self._on_layer_data_changed, bucket)
            self._connect(layer.styleManager().currentStyleChanged, self._on_style_changed, bucket)
            if self.project.readEntry(SCOPE, KEY_LAYER, "")[0] != layer.id():
                self.project.writeEntry(SCOPE, KEY_LAYER, layer.id())
        self._fill_quartiers()
        self._fill_indicators()
        self._restore_export_settings()
        self._on_layer_selection()

    @_slot
    def _on_layer_data_changed(self, *_args):
        self._rank_values = None
        self._fill_quartiers()
        self._on_layer_selection()

    # -- quartier list ----------------------------------------------------------------------------------------
    def _fill_quartiers(self):
        self._syncing = True
        try:
            self.quartier_model.removeRows(0, self.quartier_model.rowCount())
            self._fid_rows = {}
            if self.layer is None:
                return
            names = self.layer.fields().names()
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            wanted = [f for f in (ID_FIELD, NAME_FIELD, MUNICIPALITY_FIELD) if f in names]
            request.setSubsetOfAttributes(wanted, self.layer.fields())
            for feature in self.layer.getFeatures(request):
                items = []
                for field in (ID_FIELD, NAME_FIELD, MUNICIPALITY_FIELD):
                    value = feature[field] if field in names else None
                    text = "" if value is None or str(value) == "NULL" else str(value)
                    item = QStandardItem(text)
                    item.setData(feature.id(), FID_ROLE)
                    items.append(item)
                self.quartier_model.appendRow(items)
            for row in range(self.quartier_model.rowCount()):
                self._fid_rows[self.quartier_model.item(row, 0).data(FID_ROLE)] = row
            self.quartier_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        finally:
            self._syncing = False

    def visible_quartier_ids(self):
        """Ids of the quartiers the list shows (after the search filter), in list order."""
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    @_slot
    def _on_search(self, text):
        # Rows hidden by the search leave the view's selection but stay selected on the layer.
        self._syncing = True
        try:
            self.proxy.setFilterFixedString(text)
        finally:
            self._syncing = False
        self._on_layer_selection()

    def _selected_fids_in_list(self):
        rows = self.quartier_view.selectionModel().selectedRows(0)
        return [self.proxy.mapToSource(index).data(FID_ROLE) for index in rows]

    @_slot
    def _on_list_selection(self, *_args):
        if self._syncing or self.layer is None:
            return
        visible = {self.proxy.mapToSource(self.proxy.index(r, 0)).data(FID_ROLE) for r in range(self.proxy.rowCount())}
        hidden_selected = [fid for fid in self.layer.selectedFeatureIds() if fid not in visible]
        self._syncing = True
        try:
            self.layer.selectByIds(hidden_selected + self._selected_fids_in_list(), QgsVectorLayer.SetSelection)
        finally:
            self._syncing = False
        self.update_profile()

    @_slot
    def _on_current_row(self, *_args):
        if not self._syncing:
            self.update_profile()

    @_slot
    def _on_layer_selection(self, *_args):
        if self._syncing:
            return
        selection = QItemSelection()
        if self.layer is not None:
            for fid in self.layer.selectedFeatureIds():
                row = self._fid_rows.get(fid)
                if row is None:
                    continue
                index = self.proxy.mapFromSource(self.quartier_model.index(row, 0))
                if index.isValid():
                    selection.select(index, index)
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.quartier_view.selectionModel().select(selection, flags)
            if not selection.isEmpty():
                self.quartier_view.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False
        self.update_profile()

    @_slot
    def zoom_to_selection(self, *_args):
        if self.layer is None or not self.layer.selectedFeatureCount() or self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        canvas.zoomToSelected(self.layer)
        canvas.refresh()

    # -- indicator chooser ------------------------------------------------------------------------------------
    def _fill_indicators(self):
        self._syncing = True
        try:
            self.indicator_combo.clear()
            if self.layer is None:
                return
            for field in layer_indicator_fields(self.layer, self.catalog):
                indicator = self.catalog.by_field(field)
                self.indicator_combo.addItem(indicator.label(self.language), field)
            saved = self.project.readEntry(SCOPE, KEY_INDICATOR, "")[0]
            current = saved if self.indicator_combo.findData(saved) >= 0 else current_indicator_field(
                self.layer, self.catalog)
            self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(current)))
        finally:
            self._syncing = False
        field = self.indicator_combo.currentData()
        if field and field != current_indicator_field(self.layer, self.catalog):
            self.apply_indicator(field)

    @_slot
    def _on_indicator_chosen(self, index):
        if self._syncing or index < 0:
            return
        self.apply_indicator(self.indicator_combo.itemData(index))

    def apply_indicator(self, field):
        """Switch the layer to its saved style of indicator ``field``; True when switched."""
        if self.layer is None or not field:
            return False
        if self.project.readEntry(SCOPE, KEY_INDICATOR, "")[0] != field:
            self.project.writeEntry(SCOPE, KEY_INDICATOR, field)
        style = style_for_field(self.layer, field)
        if style is None:
            self.status_label.setText(tr("The layer has no saved style for indicator {field}.").format(field=field))
            return False
        if self.layer.styleManager().currentStyle() != style:
            self.layer.styleManager().setCurrentStyle(style)
            self.layer.triggerRepaint()
        return True

    @_slot
    def _on_style_changed(self, name):
        if self._syncing or self.layer is None:
            return
        field = current_indicator_field(self.layer, self.catalog)
        index = self.indicator_combo.findData(field)
        if index >= 0 and index != self.indicator_combo.currentIndex():
            self._syncing = True
            try:
                self.indicator_combo.setCurrentIndex(index)
            finally:
                self._syncing = False

    # -- profile ----------------------------------------------------------------------------------------------
    def current_fid(self):
        """The quartier whose profile is shown: the list's current row if selected, else the first selected."""
        if self.layer is None:
            return None
        selected = set(self.layer.selectedFeatureIds())
        if not selected:
            return None
        current = self.quartier_view.currentIndex()
        if current.isValid():
            fid = self.proxy.mapToSource(current).data(FID_ROLE)
            if fid in selected:
                return fid
        for row in range(self.proxy.rowCount()):
            fid = self.proxy.mapToSource(self.proxy.index(row, 0)).data(FID_ROLE)
            if fid in selected:
                return fid
        return min(selected)

    def update_profile(self):
        from ..indicators.profile import profile_from_row, published_values

        self.profile_table.setRowCount(0)
        fid = self.current_fid()
        if fid is None:
            self.profile_label.setText(tr("Select a quartier to see its profile."))
            return
        feature = self.layer.getFeature(fid)
        if self._rank_values is None:  # once per layer (and per data change), not per quartier shown
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            self._rank_values = published_values([feature_row(f) for f in self.layer.getFeatures(request)],
                                                 self.catalog)
        row = feature_row(feature)
        profile = profile_from_row(row, self.catalog, self.language, rank_values=self._rank_values)
        cells = profile_cells(profile, self.language, self.catalog)
        name = row.get(NAME_FIELD)
        quartier = "{} {}".format(row.get(ID_FIELD), name) if name not in (None, "") else str(row.get(ID_FIELD))
        municipality = row.get(MUNICIPALITY_FIELD)
        text = tr("Profile of {quartier}").format(quartier=quartier)
        if municipality not in (None, ""):
            text += " ({})".format(municipality)
        count = len(self.layer.selectedFeatureIds())
        if count > 1:
            text += " \u2013 " + tr("{n} quartiers selected").format(n=count)
        self.profile_label.setText(text)
        self.profile_table.setRowCount(len(cells))
        italic = QFont()
        italic.setItalic(True)
        for r, (entry, texts) in enumerate(zip(profile, cells)):
            for c, value in enumerate(texts):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if c == 1 and entry.flag != "ok":
                    item.setFont(italic)
                    item.setForeground(QColor(120, 120, 120))
                    item.setToolTip(tr("Not shown: statistical confidentiality or no valid data ({flag})").format(
                        flag=entry.flag))
                if c == 0:
                    item.setToolTip(self.catalog[entry.id].description(self.language))
                if c == 5 and value:
                    item.setForeground(QColor(180, 40, 40) if entry.sig == 1 else QColor(30, 100, 170))
                self.profile_table.setItem(r, c, item)

    def profile_texts(self):
        """The profile table as text rows (for tests and copying)."""
        return [[self.profile_table.item(r, c).text() for c in range(self.profile_table.columnCount())]
                for r in range(self.profile_table.rowCount())]

    # -- export -----------------------------------------------------------------------------------------------
    def _restore_export_settings(self):
        folder = self.project.readEntry(SCOPE, KEY_FOLDER, "")[0]
        if folder:
            self.folder_widget.setFilePath(folder)
        fmt = self.project.readEntry(SCOPE, KEY_FORMAT, "")[0]
        if fmt and self.format_combo.findData(fmt) >= 0:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
        title = self.project.readEntry(SCOPE, KEY_TITLE, "")[0]
        if title:
            self.title_edit.setText(title)

    def selection_filter(self):
        """Expression selecting the layer's selected quartiers by id (None when nothing is selected)."""
        if self.layer is None or not self.layer.selectedFeatureCount():
            return None
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
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

    @_slot
    def export_selected(self, *_args):
        """Run ``exportmapsheets`` for the selected quartiers on the main thread; returns the result or None."""
        if self.feedback is not None:
            return None
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
        self.project.writeEntry(SCOPE, KEY_FOLDER, folder)
        self.project.writeEntry(SCOPE, KEY_FORMAT, fmt)
        self.project.writeEntry(SCOPE, KEY_TITLE, title)
        names = self.layer.fields().names()
        params = {
            "INPUT": self.layer,
            "QUARTIER_ID": ID_FIELD,
            "QUARTIER_NAME": NAME_FIELD if NAME_FIELD in names else None,
            "FILTER": expression,
            "TITLE": title,
            "FORMAT": ["pdf_single", "pdf_per_quartier", "png"].index(fmt),
            "OUTPUT_FOLDER": folder,
        }
        from qgis import processing

        self.feedback = DockFeedback(self.progress_bar)
        self.progress_bar.setValue(0)
        self.export_button.setEnabled(False)
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
            self._report(tr("{n} map sheet file(s) written to {folder}").format(n=result["COUNT"], folder=folder))
        finally:
            self.feedback = None
            self.export_button.setEnabled(True)
            self.cancel_button.setEnabled(False)
        return result

    @_slot
    def cancel_export(self, *_args):
        if self.feedback is not None:
            self.feedback.cancel()
