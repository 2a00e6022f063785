"""The Quartiersmonitor dock panel: indicator layer, searchable quartier list in sync with the map selection,
indicator chooser (the layer's saved style of the indicator, or one built from the layer's record), profile of the
selected quartier and map-sheet export.

The dock computes no indicator: the profile comes from the engine (``indicators.profile.profile_from_row``) over the
layer's fields, and the export runs ``quartiersmonitor:exportmapsheets`` through Processing like a user would
(:mod:`ui.dock_export`). The indicators are those of the layer's own catalog (a city's custom indicators travel
with the layer, :func:`cartography.layer_record.layer_catalog`). State (layer, indicator, export settings) is kept
in the project (:mod:`ui.dock_state`).
:meth:`QuartiersmonitorDock.teardown` disconnects every signal the dock connected.
"""

from qgis.core import QgsFeatureRequest, QgsMapLayer, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtGui import QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
)

from ..cartography import layer_record
from ..cartography.layer_record import CATALOG, ensure_indicator_style, layer_catalog
from ..compat import REQUEST_NO_GEOMETRY
from ..mapsheets.indicator_layer import (
    current_indicator_field,
    feature_row,
    layer_indicator_fields,
    sheet_language,
)
from ..mapsheets.profile_cells import profile_cells
from ..translation import tr
from .dock_export import MapSheetExport
from .dock_funnel import FunnelTab
from .dock_state import (
    FID_ROLE,
    ID_FIELD,
    KEY_INDICATOR,
    KEY_LAYER,
    read_entry,
    write_changed_entry,
    write_quiet_entry,
)
from .dock_text import selection_summary
from .profile_view import new_profile_table, profile_heading, show_profile, table_texts
from .quartier_list import QuartierFilter, fill_quartier_model, new_quartier_view
from .slots import safe_slot
from .widgets import column, named


class QuartiersmonitorDock(MapSheetExport, FunnelTab, QgsDockWidget):
    def __init__(self, iface, parent=None):
        main_window = iface.mainWindow() if iface is not None else None
        super().__init__(tr("Quartiersmonitor"), parent or main_window)
        self.setObjectName("QuartiersmonitorDock")
        self.iface = iface
        self.project = QgsProject.instance()
        self.language = sheet_language()
        self.catalog = layer_catalog(None)  # the built-in catalog until a layer is chosen
        self.layer = None
        self.feedback = None
        self._syncing = False
        self._fid_rows = {}
        self._rows = None  # (fid, attributes) of every quartier of the layer, read once per layer and data change
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
        self._connect(self.quartier_view.user_replaced, self._on_list_selection)
        self._connect(self.zoom_button.clicked, self.zoom_to_selection)
        self._connect(self.indicator_combo.currentIndexChanged, self._on_indicator_chosen)
        self._connect(self.export_button.clicked, self.export_selected)
        self._connect(self.cancel_button.clicked, self.cancel_export)
        self.refresh_layers()

    # -- construction -----------------------------------------------------------------------------------------
    def _build(self):
        widget, layout = column(self, 4)

        form = QFormLayout()
        self.layer_combo = named(QComboBox(widget), "layerCombo")
        self.layer_combo.setToolTip(tr("Polygon layers with Quartiersmonitor indicator fields"))
        form.addRow(tr("Indicator layer"), self.layer_combo)
        self.indicator_combo = named(QComboBox(widget), "indicatorCombo")
        self.indicator_combo.setToolTip(tr("Shows this indicator on the map: the layer's saved style of it, or a "
                                           "style made as the indicator layer was calculated"))
        form.addRow(tr("Indicator"), self.indicator_combo)
        layout.addLayout(form)

        splitter = QSplitter(Qt.Orientation.Vertical, widget)
        top, top_layout = column(splitter, 0)
        search_row = QHBoxLayout()
        self.search_edit = named(QgsFilterLineEdit(top), "searchEdit")
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Search quartiers by id, name or municipality"))
        search_row.addWidget(self.search_edit)
        self.zoom_button = named(QPushButton(tr("Zoom to selection"), top), "zoomButton")
        search_row.addWidget(self.zoom_button)
        top_layout.addLayout(search_row)
        self.quartier_model = QStandardItemModel(0, 3, self)
        self.quartier_model.setHorizontalHeaderLabels([tr("Id"), tr("Name"), tr("Municipality")])
        self.proxy = QuartierFilter(self)
        self.proxy.setSourceModel(self.quartier_model)
        self.quartier_view = new_quartier_view(top, self.proxy)
        top_layout.addWidget(self.quartier_view, 1)
        self.selection_label = named(QLabel(tr("No quartier selected"), top), "selectionLabel")
        self.selection_label.setWordWrap(True)
        top_layout.addWidget(self.selection_label)

        # below the list: the selected quartier's profile, and the funnel plot of the indicator shown
        tabs = named(QTabWidget(splitter), "dockTabs")
        profile_page, profile_layout = column(tabs, 2)
        self.profile_label = named(QLabel(tr("Select a quartier to see its profile."), profile_page), "profileLabel")
        self.profile_label.setWordWrap(True)
        profile_layout.addWidget(self.profile_label)
        self.profile_table = new_profile_table(profile_page)
        profile_layout.addWidget(self.profile_table, 1)
        tabs.addTab(profile_page, tr("Profile"))
        tabs.addTab(self._build_funnel_tab(tabs), tr("Funnel plot"))
        tabs.setTabToolTip(1, tr("The quartiers' values against their denominators, with the county value and the "
                                 "95 % and 99.8 % control limits: a quartier outside the funnel differs from the "
                                 "county by more than chance"))
        self.tabs = tabs
        splitter.addWidget(top)
        splitter.addWidget(tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)  # list and profile share the room the dock has
        splitter.setStretchFactor(1, 3)
        self.splitter = named(splitter, "dockSplitter")
        layout.addWidget(splitter, 1)

        layout.addWidget(self._build_export_box(widget), 0)
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
            if ID_FIELD not in layer.fields().names() or not layer_indicator_fields(layer, layer_catalog(layer)):
                continue
            layers.append(layer)
        return sorted(layers, key=lambda lyr: (lyr.name().lower(), lyr.id()))

    def refresh_layers(self):
        wanted = self.layer.id() if self.layer is not None else read_entry(self.project, KEY_LAYER)
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

    @safe_slot
    def _on_layers_will_be_removed(self, layer_ids):
        if self.layer is not None and self.layer.id() in layer_ids:
            self._set_layer(None)

    @safe_slot
    def _on_layers_changed(self, *_args):
        if self.layer is not None and (sip.isdeleted(self.layer) or self.project.mapLayer(self.layer.id()) is None):
            self._layer_connections.clear()
            self.layer = None
        self.refresh_layers()

    @safe_slot
    def _on_project_read(self, *_args):
        self._set_layer(None)
        self.refresh_layers()

    @safe_slot
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
        self.catalog = layer_catalog(layer)
        self._forget_rows()
        if layer is not None:
            bucket = self._layer_connections
            self._connect(layer.nameChanged, self._on_layer_renamed, bucket)
            self._connect(layer.customPropertyChanged, self._on_layer_record_changed, bucket)
            self._connect(layer.selectionChanged, self._on_layer_selection, bucket)
            self._connect(layer.attributeValueChanged, self._on_layer_data_changed, bucket)
            self._connect(layer.featuresDeleted, self._on_layer_data_changed, bucket)
            self._connect(layer.featureAdded, self._on_layer_data_changed, bucket)
            self._connect(layer.styleManager().currentStyleChanged, self._on_style_changed, bucket)
            write_quiet_entry(self.project, KEY_LAYER, layer.id())
        self._fill_quartiers()
        self._fill_indicators()
        self._restore_export_settings()
        self._on_layer_selection()
        self.update_funnel()

    @safe_slot
    def _on_layer_renamed(self, *_args):
        index = self.layer_combo.findData(self.layer.id()) if self.layer is not None else -1
        if index >= 0:
            self.layer_combo.setItemText(index, self.layer.name())

    @safe_slot
    def _on_layer_record_changed(self, key):
        if key == CATALOG and self.layer is not None:  # e.g. the layer's style loaded again
            self.catalog = layer_catalog(self.layer)
            self._rank_values = None
            self._fill_indicators()
            self.update_funnel()

    @safe_slot
    def _on_layer_data_changed(self, *_args):
        self._forget_rows()
        self._fill_quartiers()
        self._on_layer_selection()
        self.update_funnel()

    # -- quartier list ----------------------------------------------------------------------------------------
    def _fill_quartiers(self):
        self._syncing = True
        try:
            self._fid_rows = fill_quartier_model(self.quartier_model, self.layer)
            if self.layer is not None:
                self.quartier_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        finally:
            self._syncing = False

    def visible_quartier_ids(self):
        """Ids of the quartiers the list shows (after the search filter), in list order."""
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    @safe_slot
    def _on_search(self, text):
        # Rows hidden by the search leave the view's selection but stay selected on the layer (the selection line
        # under the list says how many).
        self._syncing = True
        try:
            self.proxy.setFilterFixedString(text)
        finally:
            self._syncing = False
        self._on_layer_selection()

    def _selected_fids_in_list(self):
        rows = self.quartier_view.selectionModel().selectedRows(0)
        return [self.proxy.mapToSource(index).data(FID_ROLE) for index in rows]

    @safe_slot
    def _on_list_selection(self, *_args):
        if self._syncing or self.layer is None:
            return
        # A plain click (or key) replaces the whole selection, also quartiers the search hides; Ctrl/Shift and
        # changes made in code add to it, keeping the hidden ones.
        hidden_selected = [] if self.quartier_view.replacing else self.hidden_selected_fids()
        wanted = hidden_selected + self._selected_fids_in_list()
        if sorted(wanted) != sorted(self.layer.selectedFeatureIds()):
            self._syncing = True
            try:
                self.layer.selectByIds(wanted, QgsVectorLayer.SetSelection)
            finally:
                self._syncing = False
        self.update_selection_label()
        self.update_profile()
        self.update_funnel_selection()

    def hidden_selected_fids(self):
        """Feature ids selected on the layer whose rows the search hides."""
        if self.layer is None:
            return []
        visible = {self.proxy.mapToSource(self.proxy.index(r, 0)).data(FID_ROLE) for r in range(self.proxy.rowCount())}
        return [fid for fid in self.layer.selectedFeatureIds() if fid not in visible]

    def update_selection_label(self):
        """The line under the list: quartiers selected, and how many of them the search hides (the export writes
        a sheet for each, seen or not)."""
        selected = self.layer.selectedFeatureCount() if self.layer is not None else 0
        hidden = len(self.hidden_selected_fids()) if selected else 0
        self.selection_label.setText(selection_summary(tr, selected, hidden))
        font = self.selection_label.font()
        font.setBold(hidden > 0)
        self.selection_label.setFont(font)
        self.selection_label.setToolTip(tr("The map sheet export writes a sheet for every selected quartier, also "
                                           "for those the search hides.") if hidden else "")

    @safe_slot
    def _on_current_row(self, *_args):
        if not self._syncing:
            self.update_profile()

    @safe_slot
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
        self.update_selection_label()
        self.update_profile()
        self.update_funnel_selection()

    @safe_slot
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
            saved = read_entry(self.project, KEY_INDICATOR)
            current = saved if self.indicator_combo.findData(saved) >= 0 else current_indicator_field(
                self.layer, self.catalog)
            self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(current)))
        finally:
            self._syncing = False
        field = self.indicator_combo.currentData()
        if field and field != current_indicator_field(self.layer, self.catalog):
            self.apply_indicator(field)
        elif field:
            self._relabel_quietly(field)

    def _relabel_quietly(self, field):
        """The indicator the layer shows already, its legend labels put in the dock's language where the engine
        wrote them in the other one (a layer made headless in English, opened in a German QGIS); a project without
        unsaved changes stays so (the dock redoes this whenever it shows the layer)."""
        was_dirty = self.project.isDirty()
        syncing, self._syncing = self._syncing, True
        try:
            ensure_indicator_style(self.layer, field, self.language, catalog=self.catalog)
        finally:
            self._syncing = syncing
        if not was_dirty and self.project.isDirty():
            self.project.setDirty(False)

    @safe_slot
    def _on_indicator_chosen(self, index):
        if self._syncing or index < 0:
            return
        self.apply_indicator(self.indicator_combo.itemData(index))
        self.update_funnel()

    def apply_indicator(self, field):
        """Show indicator ``field`` on the layer: its saved style of it, or one built from the layer's record
        (:func:`cartography.layer_record.ensure_indicator_style`; the layer's name follows when we gave it);
        True when shown."""
        if self.layer is None or not field:
            return False
        write_changed_entry(self.project, KEY_INDICATOR, field)
        syncing, self._syncing = self._syncing, True  # the style change is ours: the chooser shows it already
        try:
            style = ensure_indicator_style(self.layer, field, self.language, catalog=self.catalog)
        finally:
            self._syncing = syncing
        if style is None:
            self.status_label.setText(tr("Indicator {field} is not in the catalog of the layer.").format(field=field))
            return False
        return True

    @safe_slot
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
            self.update_funnel()

    # -- profile ----------------------------------------------------------------------------------------------
    def layer_rows(self):
        """``(fid, attributes)`` of every quartier of the layer (no geometry), read once per layer and data
        change: the ranks and spines of the profile and the funnel plot use the same read."""
        if self._rows is None:
            request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
            self._rows = [(f.id(), feature_row(f)) for f in self.layer.getFeatures(request)]
        return self._rows

    def _forget_rows(self):
        self._rows = None
        self._rank_values = None

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
            self._rank_values = published_values([row for _fid, row in self.layer_rows()], self.catalog)
        row = feature_row(feature)
        profile = profile_from_row(row, self.catalog, self.language, rank_values=self._rank_values)
        cells = profile_cells(profile, self.language, self.catalog,
                              recorded_decimals=layer_record.recorded(self.layer, layer_record.DECIMALS))
        self.profile_label.setText(profile_heading(row, len(self.layer.selectedFeatureIds())))
        from ..mapsheets.spine import profile_spines

        show_profile(self.profile_table, profile, cells, self.catalog, self.language,
                     spines=profile_spines(profile, self.catalog, self._rank_values))

    def profile_texts(self):
        """The profile table as text rows (for tests and copying)."""
        return table_texts(self.profile_table)
