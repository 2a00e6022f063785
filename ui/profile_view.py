"""The dock's profile table: one row per indicator of the selected quartier with the values of quartier,
municipality and county, rank and significance, as the engine computes them (``indicators.profile``)."""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..translation import tr
from .dock_state import ID_FIELD, MUNICIPALITY_FIELD, NAME_FIELD
from .dock_text import quartier_label
from .widgets import named

SUPPRESSED_COLOR = (120, 120, 120)
ABOVE_COLOR = (180, 40, 40)  # ▲ significantly above the county
BELOW_COLOR = (30, 100, 170)  # ▼ below
MIN_VISIBLE_ROWS = 6


def new_profile_table(parent):
    """The empty table, six columns with short headers (the dock is narrow) and their full meaning as tooltip."""
    table = named(QTableWidget(0, 6, parent), "profileTable")
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
        table.setHorizontalHeaderItem(column, header_item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    # values, rank and mark as wide as their text; the indicator name takes the rest
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # one line per indicator (names elided, the full name in the tooltip): six rows fit in a narrow dock
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.setToolTip(tr("\u25b2/\u25bc: significantly above/below the county value; rank 1 = most need"))
    rows = table.verticalHeader().defaultSectionSize() * MIN_VISIBLE_ROWS
    slack = table.horizontalScrollBar().sizeHint().height()  # a narrow dock may need the scroll bar
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + slack)
    return table


def profile_heading(row, n_selected):
    """The line above the table: the quartier of ``row`` ("0101 · Innenstadt (Lindenau)", the municipality only
    when the name does not contain it), and how many quartiers are selected when more than one."""
    quartier = quartier_label(row.get(ID_FIELD), row.get(NAME_FIELD), row.get(MUNICIPALITY_FIELD))
    text = tr("Profile of {quartier}").format(quartier=quartier)
    if n_selected > 1:
        text += " \u2013 " + tr("{n} quartiers selected").format(n=n_selected)
    return text


def show_profile(table, profile, cells, catalog, language):
    """Fill ``table`` with the ``cells`` of the engine's ``profile`` rows: values right-aligned, a value not shown
    in grey italics with the reason as tooltip, the indicator's description as tooltip, the mark coloured."""
    table.setRowCount(len(cells))
    italic = QFont()
    italic.setItalic(True)
    for r, (entry, texts) in enumerate(zip(profile, cells)):
        for c, value in enumerate(texts):
            item = QTableWidgetItem(value)
            if c > 0:
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            if c == 1 and entry.flag != "ok":
                item.setFont(italic)
                item.setForeground(QColor(*SUPPRESSED_COLOR))
                item.setToolTip(tr("Not shown: statistical confidentiality or no valid data ({flag})").format(
                    flag=entry.flag))
            if c == 0:
                description = catalog[entry.id].description(language)
                item.setToolTip("{}\n\n{}".format(value, description) if description else value)
            if c == 5 and value:
                item.setForeground(QColor(*(ABOVE_COLOR if entry.sig == 1 else BELOW_COLOR)))
            table.setItem(r, c, item)


def table_texts(table):
    """The table's cells as text rows."""
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
