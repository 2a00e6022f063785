"""Builds the bundled map-sheet template ``resources/layouts/quartier_sheet_a4.qpt`` (A4 landscape).

The ``.qpt`` in the repository is the product; this module documents how it was made and re-makes it::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m quartiersmonitor.mapsheets.template_builder OUTPUT.qpt

Item ids are the contract with :mod:`mapsheets.layout` (and with users' own templates): ``map`` (atlas-driven map),
``legend``, ``scalebar``, ``north_arrow``, ``title``, ``subtitle``, ``source`` (labels using the layout variables
``@qm_subtitle`` and ``@qm_source_line`` and ``@atlas_pagename``), ``profile_table`` (frame of a manual table),
``value`` (a label that receives the quartier's own value and rank per sheet), ``locator`` (a map, not
atlas-driven, showing the whole county with the quartier marked), ``profile_spines`` (a picture: with it and a
profile table, the sheet draws a spine chart per indicator into it and moves it right beside the table's first
frame, continuing its rows as a seventh column as wide as the picture; without it the table is left as it is)
and ``spine_legend`` (a label receiving the key to the spine chart). Every item is optional in a user's template.
"""

import sys

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from .layout import NORTH_ARROW, SPINE_LEGEND_ID, SPINE_WIDTH, SPINES_ID

MM = QgsUnitTypes.LayoutMillimeters
# The profile table: widths of the columns' text (mm), cell margin and grid; the spine column beside it.
PROFILE_WIDTHS = (46.0, 14.0, 16.0, 11.0, 12.0, 5.0)
CELL_MARGIN, GRID = 0.8, 0.1
TABLE_X, TABLE_Y = 145.0, 77.0
TABLE_WIDTH = sum(PROFILE_WIDTHS) + len(PROFILE_WIDTHS) * 2 * CELL_MARGIN + (len(PROFILE_WIDTHS) + 1) * GRID


def _text_format(size, bold=False, color=QColor(30, 30, 30)):
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(color)
    return fmt


def _label(layout, item_id, text, x, y, w, h, size, bold=False):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    layout.addLayoutItem(label)
    return label


def _legend_fonts(legend):
    """Legend text a little smaller than QGIS's default: title of the indicator 8.5 pt bold, entries 7.5 pt."""
    for style, size, bold in ((QgsLegendStyle.Style.Title, 8.5, True), (QgsLegendStyle.Style.Group, 8.5, True),
                              (QgsLegendStyle.Style.Subgroup, 8.5, True),
                              (QgsLegendStyle.Style.SymbolLabel, 7.5, False)):
        font = QFont("Sans Serif")
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Bottom, 1.5)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.setSymbolWidth(6)
    legend.setSymbolHeight(3.6)
    legend.setWrapString("")
    legend.setBoxSpace(1.5)


def build_template_layout(project=None):
    """The default sheet as a ``QgsPrintLayout`` (no layers set: :mod:`mapsheets.layout` sets them).

    A4 landscape, 10 mm margins: title and subtitle at the top left, the quartier's value and rank at the top right;
    the map (130 × 164 mm) on the left with north arrow and scale bar inside its frame; on the right the locator
    map beside the legend, then the profile table with its spine column (picture ``profile_spines`` beside it) and
    the key to the spine chart down to the map's bottom edge; the source line below."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName("Quartiersmonitor quartier sheet A4")
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)

    _label(layout, "title", "[% @atlas_pagename %]", 10, 7, 190, 10, 16, bold=True)
    _label(layout, "subtitle", "[% @qm_subtitle %]", 10, 17.5, 190, 7, 10)
    value = _label(layout, "value", "", 203, 7.5, 84, 16, 10, bold=True)
    value.setHAlign(Qt.AlignmentFlag.AlignRight)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.attemptMove(QgsLayoutPoint(10, 26, MM))
    map_item.attemptResize(QgsLayoutSize(130, 164, MM))
    map_item.setFrameEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(1.0)  # the extent is twice the quartier's: half its size of neighbourhood on each side
    layout.addLayoutItem(map_item)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(NORTH_ARROW)
    arrow.attemptMove(QgsLayoutPoint(128, 29, MM))
    arrow.attemptResize(QgsLayoutSize(9, 13, MM))
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
    layout.addLayoutItem(arrow)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceMeters)
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(250)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(20)
    scalebar.setMaximumBarWidth(45)
    scalebar.setUnitLabel("m")
    scalebar.setTextFormat(_text_format(7))
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    scalebar.attemptMove(QgsLayoutPoint(12, 175.5, MM))  # inside the map's frame, bottom left
    layout.addLayoutItem(scalebar)

    locator = QgsLayoutItemMap(layout)
    locator.setId("locator")
    locator.attemptMove(QgsLayoutPoint(145, 26, MM))
    locator.attemptResize(QgsLayoutSize(44, 44, MM))
    locator.setFrameEnabled(True)
    locator.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))
    locator.setAtlasDriven(False)
    layout.addLayoutItem(locator)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setResizeToContents(False)
    _legend_fonts(legend)
    legend.attemptMove(QgsLayoutPoint(192, 26, MM))
    legend.attemptResize(QgsLayoutSize(95, 48, MM))
    layout.addLayoutItem(legend)

    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(h) for h in ("Indicator", "Quartier", "Municipality", "County",
                                                          "Rank", "Sig.")])
    table.setColumnWidths(list(PROFILE_WIDTHS))
    # with the spine picture the sheet sets every row's height and writes the headings as the first row
    # (mapsheets.layout.fill_spines); a copy of the template without the picture keeps QGIS's header
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setIncludeTableHeader(True)
    table.setHeaderTextFormat(_text_format(6.5, bold=True))
    table.setContentTextFormat(_text_format(6.5))
    table.setCellMargin(CELL_MARGIN)
    table.setGridStrokeWidth(GRID)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("profile_table")
    frame.attemptSetSceneRect(QRectF(TABLE_X, TABLE_Y, TABLE_WIDTH, 103))
    table.addFrame(frame)

    spines = QgsLayoutItemPicture(layout)  # drawn and moved beside the table per sheet; its width stays
    spines.setId(SPINES_ID)
    spines.setResizeMode(QgsLayoutItemPicture.Stretch)
    spines.attemptMove(QgsLayoutPoint(TABLE_X + TABLE_WIDTH, TABLE_Y, MM))
    spines.attemptResize(QgsLayoutSize(SPINE_WIDTH, 90, MM))
    layout.addLayoutItem(spines)
    _label(layout, SPINE_LEGEND_ID, "", 145, 181, 142, 9.5, 6)

    _label(layout, "source", "[% @qm_source_line %]", 10, 193, 277, 9, 7.5)
    return layout


def save_template(path, project=None):
    layout = build_template_layout(project)
    if not layout.saveAsTemplate(path, QgsReadWriteContext()):
        raise OSError("could not write " + path)
    return path


if __name__ == "__main__":  # pragma: no cover - developer tool
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    print(save_template(sys.argv[1]))
    app.exitQgis()
