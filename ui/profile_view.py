"""The dock's profile table: one row per indicator of the selected quartier with the values of quartier,
municipality and county, rank and significance, as the engine computes them (``indicators.profile``)."""

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from ..mapsheets import spine as spine_geometry
from ..translation import tr
from .dock_state import ID_FIELD, MUNICIPALITY_FIELD, NAME_FIELD
from .dock_text import quartier_label
from .widgets import named

SUPPRESSED_COLOR = (120, 120, 120)
ABOVE_COLOR = (180, 40, 40)  # ▲ significantly above the county
BELOW_COLOR = (30, 100, 170)  # ▼ below
MIN_VISIBLE_ROWS = 6
TEXT_COLUMNS = 6
SPINE_COLUMN = 6
SPINE_WIDTH = 60  # px: a narrow column, the dock is narrow
INDICATOR_SAMPLE = "W.3 Wohnbebau\u2026"  # how much of an indicator's label the first column shows at least
SPINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's spine geometry (a mapsheets.spine.Spine) or None
SPINE_MARGIN = 4  # px left and right of the bar


def spine_x(rect, position):
    """The x pixel of a normalised spine ``position`` (0..1) in the cell ``rect``."""
    return rect.left() + SPINE_MARGIN + position * (rect.width() - 2 * SPINE_MARGIN)


class SpineDelegate(QStyledItemDelegate):
    """Paints the spine chart of a profile row (``SPINE_ROLE``) with QPainter: the quartiers' range, the 25th-75th
    percentile band darker, the county value as the centre line, the quartier as a circle coloured by its
    significance (no circle when its value is not published)."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)  # background, selection
        spine = index.data(SPINE_ROLE)
        if spine is None:
            return
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bar_h = rect.height() * 0.5
        top = rect.top() + (rect.height() - bar_h) / 2.0
        bar = spine_geometry.NEUTRAL_BAR_COLOUR if spine.neutral else spine_geometry.BAR_COLOUR
        band = spine_geometry.NEUTRAL_BAND_COLOUR if spine.neutral else spine_geometry.BAND_COLOUR
        x0, x1 = spine_x(rect, spine.left), spine_x(rect, spine.right)
        painter.fillRect(QRectF(x0, top, max(1.0, x1 - x0), bar_h), QColor(bar))
        b0, b1 = spine_x(rect, spine.band_left), spine_x(rect, spine.band_right)
        painter.fillRect(QRectF(b0, top, max(1.0, b1 - b0), bar_h), QColor(band))
        xc = int(spine_x(rect, spine.centre)) + 0.5  # a crisp one-pixel line
        painter.setPen(QPen(QColor(spine_geometry.CENTRE_COLOUR), 1.0))
        painter.drawLine(QPointF(xc, rect.top() + 2), QPointF(xc, rect.bottom() - 2))
        if spine.marker is not None:
            colour = QColor(spine_geometry.COLOURS[spine.colour])
            radius = min(rect.height() * 0.3, 5.0)
            painter.setPen(QPen(colour, 1.5 if spine.colour == "unknown" else 1.0))
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush) if spine.colour == "unknown" else QBrush(colour))
            painter.drawEllipse(QPointF(spine_x(rect, spine.marker), rect.center().y()), radius, radius)
        painter.restore()


def new_profile_table(parent):
    """The empty table, six text columns with short headers (the dock is narrow) and their full meaning as
    tooltip, and a narrow "Spine" column painted by :class:`SpineDelegate`."""
    table = named(QTableWidget(0, TEXT_COLUMNS + 1, parent), "profileTable")
    headers = (
        (tr("Indicator"), tr("Indicator of the catalog")),
        (tr("Quartier"), tr("Value of the quartier")),
        (tr("Munic."), tr("Value of the quartier's municipality")),
        (tr("County"), tr("Value of the county")),
        (tr("Rank"), tr("Rank among the quartiers with a published value; 1 = most need")),
        (tr("Sig."), tr("\u25b2/\u25bc: significantly above/below the county value")),
        (tr("Spine"), tr("Spine chart: range of the quartiers (worse on the left), 25th\u201375th percentile "
                         "darker, county value as centre line; the quartier as a circle: red worse, blue better, "
                         "grey not significantly different or context indicator")),
    )
    for column, (label, tooltip) in enumerate(headers):
        header_item = QTableWidgetItem(label)
        header_item.setToolTip(tooltip)
        table.setHorizontalHeaderItem(column, header_item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    # values, rank and mark as wide as their text; the indicator keeps room for its id and the start of its name
    # ("A.1 SGB II-Q…"; the user may widen it) rather than being squeezed to "…" in a narrow dock (a horizontal
    # scroll bar then appears)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().resizeSection(0, table.fontMetrics().horizontalAdvance(INDICATOR_SAMPLE) + 12)
    table.horizontalHeader().setSectionResizeMode(SPINE_COLUMN, QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().resizeSection(SPINE_COLUMN, SPINE_WIDTH)
    table.setItemDelegateForColumn(SPINE_COLUMN, SpineDelegate(table))
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


def show_profile(table, profile, cells, catalog, language, spines=None):
    """Fill ``table`` with the ``cells`` of the engine's ``profile`` rows: values right-aligned, a value not shown
    in grey italics with the reason as tooltip, the indicator's description as tooltip, the mark coloured; the
    ``spines`` (``mapsheets.spine.profile_spines``, one per row, optional) in the spine column."""
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
        spine_item = QTableWidgetItem("")
        spine_item.setData(SPINE_ROLE, spines[r] if spines is not None else None)
        table.setItem(r, SPINE_COLUMN, spine_item)


def table_texts(table):
    """The table's text cells as text rows (without the spine column)."""
    return [[table.item(r, c).text() for c in range(TEXT_COLUMNS)] for r in range(table.rowCount())]
