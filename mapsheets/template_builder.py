"""Builds the bundled map-sheet template ``resources/layouts/quartier_sheet_a4.qpt`` (A4 landscape).

The ``.qpt`` in the repository is the product; this module documents how it was made and re-makes it::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m quartiersmonitor.mapsheets.template_builder OUTPUT.qpt

Item ids are the contract with :mod:`mapsheets.layout` (and with users' own templates): ``map`` (atlas-driven map),
``legend``, ``scalebar``, ``north_arrow``, ``title``, ``subtitle``, ``source`` (labels using the layout variables
``@qm_subtitle`` and ``@qm_source_line`` and ``@atlas_pagename``) and ``profile_table`` (frame of a manual table).
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
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont

from .layout import NORTH_ARROW

MM = QgsUnitTypes.LayoutMillimeters


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


def build_template_layout(project=None):
    """The default sheet as a ``QgsPrintLayout`` (no layers set: :mod:`mapsheets.layout` sets them)."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    layout.initializeDefaults()
    layout.setName("Quartiersmonitor quartier sheet A4")
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)

    _label(layout, "title", "[% @atlas_pagename %]", 10, 7, 277, 11, 18, bold=True)
    _label(layout, "subtitle", "[% @qm_subtitle %]", 10, 18, 277, 7, 10.5)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.attemptMove(QgsLayoutPoint(10, 27, MM))
    map_item.attemptResize(QgsLayoutSize(165, 163, MM))
    map_item.setFrameEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(1.0)  # the extent is twice the quartier's: half its size of neighbourhood on each side
    layout.addLayoutItem(map_item)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(NORTH_ARROW)
    arrow.attemptMove(QgsLayoutPoint(162, 30, MM))
    arrow.attemptResize(QgsLayoutSize(10, 14, MM))
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
    scalebar.attemptMove(QgsLayoutPoint(12, 178, MM))
    layout.addLayoutItem(scalebar)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setResizeToContents(False)
    legend.attemptMove(QgsLayoutPoint(180, 27, MM))
    legend.attemptResize(QgsLayoutSize(107, 62, MM))
    layout.addLayoutItem(legend)

    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(h) for h in ("Indicator", "Quartier", "Municipality", "County",
                                                          "Rank", "Sig.")])
    table.setColumnWidths([35, 15, 16, 12, 11, 6])
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setIncludeTableHeader(True)
    table.setHeaderTextFormat(_text_format(6.5, bold=True))
    table.setContentTextFormat(_text_format(6.5))
    table.setCellMargin(0.7)
    table.setGridStrokeWidth(0.1)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("profile_table")
    frame.attemptSetSceneRect(QRectF(180, 91, 107, 99))
    table.addFrame(frame)

    _label(layout, "source", "[% @qm_source_line %]", 10, 193, 277, 8, 7.5)
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
