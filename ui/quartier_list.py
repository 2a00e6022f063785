"""The dock's searchable list of the quartiers of the indicator layer: id, name and municipality, one row each."""

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtGui import QStandardItem
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..compat import REQUEST_NO_GEOMETRY, plain_value
from .dock_state import FID_ROLE, ID_FIELD, MUNICIPALITY_FIELD, NAME_FIELD
from .widgets import named

COLUMNS = (ID_FIELD, NAME_FIELD, MUNICIPALITY_FIELD)
MIN_VISIBLE_ROWS = 5


class QuartierFilter(QSortFilterProxyModel):
    """Search over id, name and municipality, case-insensitive."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class QuartierView(QTableView):
    """The list's table view. It tells how the user changed the selection: :attr:`replacing` is True while a click
    or key without Ctrl/Shift replaces the selection (Qt's ``Clear`` command) — then the layer's selection is
    replaced too, also quartiers the search hides — and False for Ctrl/Shift (adding to the selection).
    :attr:`user_replaced` is emitted after such a replacing event, also when the list's own selection did not change
    (a plain click on the only visible selected row)."""

    user_replaced = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.replacing = False
        self._replaced = False

    def selectionCommand(self, index, event=None):  # noqa: N802 (Qt's name)
        command = super().selectionCommand(index, event)
        if event is not None and command & QItemSelectionModel.SelectionFlag.Clear:
            self.replacing = True
            self._replaced = True
        return command

    def _track(self, handler, event):
        self._replaced = False
        try:
            handler(event)
            if self._replaced:
                self.user_replaced.emit()  # while ``replacing`` still tells the listener how
        finally:
            self.replacing = False
            self._replaced = False

    def mousePressEvent(self, event):  # noqa: N802
        self._track(super().mousePressEvent, event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        self._track(super().mouseReleaseEvent, event)

    def mouseMoveEvent(self, event):  # noqa: N802
        self._track(super().mouseMoveEvent, event)

    def keyPressEvent(self, event):  # noqa: N802
        self._track(super().keyPressEvent, event)


def new_quartier_view(parent, proxy):
    """The table view of the list over ``proxy``: whole rows selected (several at once), sortable, not editable,
    at least :data:`MIN_VISIBLE_ROWS` rows high; the name takes the room, the municipality is elided."""
    view = named(QuartierView(parent), "quartierView")
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name gets the room that is left
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # narrow, elided, full text as tooltip
    header.setMinimumSectionSize(view.fontMetrics().averageCharWidth() * 4)
    view.setColumnWidth(2, view.fontMetrics().averageCharWidth() * 12)
    rows = view.verticalHeader().defaultSectionSize() * MIN_VISIBLE_ROWS
    slack = view.horizontalScrollBar().sizeHint().height()  # a narrow dock may need the scroll bar
    view.setMinimumHeight(header.sizeHint().height() + rows + 2 * view.frameWidth() + slack)
    return view


def fill_quartier_model(model, layer):
    """Refill ``model`` with a row per quartier of ``layer`` (empty for None; each item holds the feature id under
    :data:`FID_ROLE` and its full text as tooltip); returns ``{feature id: row}``."""
    model.removeRows(0, model.rowCount())
    if layer is None:
        return {}
    names = layer.fields().names()
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([f for f in COLUMNS if f in names], layer.fields())
    for feature in layer.getFeatures(request):
        items = []
        for field in COLUMNS:
            value = plain_value(feature[field]) if field in names else None
            text = "" if value is None else str(value)
            item = QStandardItem(text)
            item.setToolTip(text)
            item.setData(feature.id(), FID_ROLE)
            items.append(item)
        model.appendRow(items)
    return {model.item(row, 0).data(FID_ROLE): row for row in range(model.rowCount())}
