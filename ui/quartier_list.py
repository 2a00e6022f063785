"""The dock's searchable list of the quartiers of the indicator layer: id, name and municipality, one row each."""

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QStandardItem
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..compat import REQUEST_NO_GEOMETRY, plain_value
from .dock_state import FID_ROLE, ID_FIELD, MUNICIPALITY_FIELD, NAME_FIELD
from .widgets import named

COLUMNS = (ID_FIELD, NAME_FIELD, MUNICIPALITY_FIELD)


class QuartierFilter(QSortFilterProxyModel):
    """Search over id, name and municipality, case-insensitive."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


def new_quartier_view(parent, proxy):
    """The table view of the list over ``proxy``: whole rows selected (several at once), sortable, not editable."""
    view = named(QTableView(parent), "quartierView")
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name gets the room that is left
    return view


def fill_quartier_model(model, layer):
    """Refill ``model`` with a row per quartier of ``layer`` (empty for None; each item holds the feature id under
    :data:`FID_ROLE`); returns ``{feature id: row}``."""
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
            item = QStandardItem("" if value is None else str(value))
            item.setData(feature.id(), FID_ROLE)
            items.append(item)
        model.appendRow(items)
    return {model.item(row, 0).data(FID_ROLE): row for row in range(model.rowCount())}
