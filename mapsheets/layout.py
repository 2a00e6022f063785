"""Map sheets of quartiers: an atlas layout over the indicator layer (this module) and its export (PDF / PNG).

:class:`SheetLayout` loads a ``.qpt`` template (default: the bundled A4 landscape sheet), drives its atlas over the
quartier layer and fills, per atlas feature, the profile table with the indicator engine's values
(``indicators.profile.profile_from_row``, ranks from the published values computed once per layout) and the
quartier's own value and rank beside the title (item ``value``). Neighbouring quartiers recede behind a light veil
layer drawn over the styled layer, explained in the legend (:mod:`mapsheets.neighbours`); a locator map (item
``locator``, not atlas-driven) shows the whole county with the quartier marked; the legend speaks the sheet's
language; scale bars get round segments (:mod:`mapsheets.scale_bars`); :func:`export_sheets`
(:mod:`mapsheets.export`) writes the files with the PDF's document properties (:func:`SheetLayout.pdf_properties`).
Texts are built in :mod:`mapsheets.sheet_text` (pure).

This module keeps the public entry points of the map sheets: the names below are importable from here whichever
module defines them. Layout export must run on the main thread; callers (the Processing algorithm
``exportmapsheets``) declare so. Item ids used in templates: see :mod:`mapsheets.template_builder`.
"""

import os
import shutil
import tempfile

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
)
from qgis.PyQt import QtGui
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtXml import QDomDocument

from ..cartography import layer_record
from ..cartography.symbology import render_unit
from ..compat import REQUEST_NO_GEOMETRY, plain_value
from ..paths import DEFAULT_TEMPLATE
from ..translation import tr
from .errors import CanceledError, SheetError
from .export import FORMATS, export_sheets, image_settings, pdf_settings
from .filenames import sheet_stem
from .indicator_layer import (
    current_indicator_field,
    feature_row,
    indicator_by_field,
    layer_indicator_fields,
    load_catalog_safely,
    sheet_language,
    style_for_field,
)
from .neighbours import VEIL_COLOR, build_legend_layer, build_locator_layer, build_mask_layer
from .profile_cells import decimals_of, profile_cells
from .scale_bars import fit_scale_bars, nice_segment, segment_size_modes
from .sheet_text import (
    TITLE_NAME_LENGTH,
    indicator_heading,
    pdf_properties,
    sheet_title,
    source_line,
    subtitle,
    value_line,
)
from .spine import cell_tops, profile_spines, row_text_heights, rows_in_frame, spine_column_svg

# The public entry points of the map sheets, importable from here whichever module defines them.
__all__ = [
    "FORMATS", "VEIL_COLOR", "CanceledError", "SheetError", "SheetLayout", "current_indicator_field", "export_sheets",
    "feature_row", "image_settings", "layer_indicator_fields", "load_template", "nice_segment", "pdf_settings",
    "sheet_language", "style_for_field",
]

NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"
TABLE_FRAME_ID = "profile_table"
MAP_ID = "map"
LOCATOR_ID = "locator"
VALUE_ID = "value"
SPINES_ID = "profile_spines"  # a picture: with it, the profile table gets a spine chart column (see below)
SPINE_WIDTH = 27.7  # mm: the spine column's width where the template's picture has none
SPINE_LEGEND_ID = "spine_legend"  # a label: receives the key to the spine chart
SPINE_MIN_ROW = 2.9  # mm: the least text height of a row with a spine (room for bar and marker)
SPINE_BAR = 2.0  # mm: height of the spine's bar
SPINE_MARKER = 0.95  # mm: radius of the quartier's marker
LOCATOR_MARGIN = 0.03  # of the county's extent, on each side
__all__ += ["TITLE_NAME_LENGTH", "sheet_title"]


def load_template(project, path=None):
    """A ``QgsPrintLayout`` from the ``.qpt`` at ``path`` (default: the bundled sheet)."""
    path = path or DEFAULT_TEMPLATE
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise SheetError(tr("Cannot read the layout template {path}: {error}").format(path=path, error=error)) \
            from error
    document = QDomDocument()
    if not document.setContent(text)[0]:
        raise SheetError(tr("The layout template {path} is not a valid .qpt (XML) file.").format(path=path))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise SheetError(tr("QGIS could not load the layout template {path}.").format(path=path))
    if not [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]:
        raise SheetError(tr("The layout template {path} has no map item.").format(path=path))
    return layout


class SheetLayout:
    """The atlas layout of map sheets over ``layer`` (one page per quartier, filtered by ``filter_expression``).

    ``source`` and ``date`` (the source of the data and its date, e.g. "31.12.2024") default to what the layer
    recorded (``calculateindicators``' SOURCE and YEAR); the source line never names the layer instead."""

    def __init__(self, project, layer, id_field, name_field=None, filter_expression=None, template=None,
                 title="", language=None, source=None, catalog=None, date=None):
        self.project = project
        was_dirty = project.isDirty() if project is not None else True
        self.layer = layer
        self.id_field = id_field
        self.name_field = name_field or None
        self.language = language or sheet_language()
        self.catalog = catalog if catalog is not None else load_catalog_safely(layer)
        self.layout = load_template(project, template)
        self.atlas = self.layout.atlas()
        self.mask = build_mask_layer(layer, self.name_field or id_field)
        self.locator_layer = None
        self.legend_layer = None
        self.locator_item = None
        self.value_items = []
        self.recorded_decimals = layer_record.recorded(layer, layer_record.DECIMALS)
        self.tables = []
        self.spine_item = None
        self.spine_table = None
        self.spine_width = None
        self.spine_legend_items = []
        self._spine_dir = None
        self._spine_count = 0
        self.last_spine_rows = None  # text heights of the last sheet's table rows (headings first)
        self.spine_rect = None  # x, y, width, height (mm) of the spine picture on the last sheet
        self.fit_scale_bars = []
        self.indicator_field = current_indicator_field(layer, self.catalog)
        self.indicator = indicator_by_field(self.catalog, self.indicator_field)
        self.last_profile = None
        self.last_value = ""
        self.page_count = 0
        self._rank_values = None
        self.error = None
        self._configure_atlas(filter_expression)
        self._configure_items()
        self._configure_variables(title, source, date)
        self.atlas.featureChanged.connect(self._on_feature_changed)
        if not was_dirty:  # a layout of the project's that is not saved in it: not a change of the user's project
            project.setDirty(False)

    # -- set-up ---------------------------------------------------------------------------------------------
    def _configure_atlas(self, filter_expression):
        atlas = self.atlas
        atlas.setCoverageLayer(self.layer)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        qid = QgsExpression.quotedColumnRef(self.id_field)
        if self.name_field:
            name = QgsExpression.quotedColumnRef(self.name_field)
            # "0101 Innenstadt (Lindenau)" (mapsheets.sheet_title): the id first, very long names shortened.
            atlas.setPageNameExpression(
                "trim(to_string({qid}) || ' ' || with_variable('n', trim(regexp_replace(coalesce(to_string({name}), "
                "''), '\\\\s+', ' ')), if(length(@n) > {m}, trim(left(@n, {m} - 1)) || '\u2026', @n)))".format(
                    name=name, qid=qid, m=TITLE_NAME_LENGTH))
        else:
            atlas.setPageNameExpression("to_string({})".format(qid))
        atlas.setSortFeatures(True)
        atlas.setSortAscending(True)
        atlas.setSortExpression(qid)
        if filter_expression:
            expression = QgsExpression(filter_expression)
            if expression.hasParserError():
                raise SheetError(tr("The filter expression is not valid: {error}").format(
                    error=expression.parserErrorString()))
            atlas.setFilterFeatures(True)
            ok, error = atlas.setFilterExpression(filter_expression)
            if not ok:
                raise SheetError(tr("The filter expression is not valid: {error}").format(error=error))
        else:
            atlas.setFilterFeatures(False)

    def _configure_items(self):
        maps = [item for item in self.layout.items() if isinstance(item, QgsLayoutItemMap)]
        main = next((m for m in maps if m.id() == MAP_ID), None) or next(
            (m for m in maps if m.id() != LOCATOR_ID), maps[0])
        self.map_item = main
        self.layout.setReferenceMap(main)
        main.setAtlasDriven(True)
        self._give_extent_the_frame_proportions(main)
        main.setCrs(self.layer.crs())
        main.setLayers([self.mask, self.layer])
        main.setKeepLayerSet(True)
        if self.indicator is not None:
            indicator_title = indicator_heading(self.indicator.name(self.language),
                                                self.indicator.unit_label(self.language))
        else:
            indicator_title = self.layer.name()
        self.indicator_title = indicator_title
        for item in self.layout.items():
            if isinstance(item, QgsLayoutItemMap) and item is not main and item.id() == LOCATOR_ID:
                self._configure_locator(item)
            elif isinstance(item, QgsLayoutItemLabel) and item.id() == VALUE_ID:
                self.value_items.append(item)
            elif isinstance(item, QgsLayoutItemLegend):
                self._configure_legend(item, main, indicator_title)
            elif isinstance(item, QgsLayoutItemScaleBar):
                item.setLinkedMap(main)
                self._block_labels(item)
                if item.segmentSizeMode() == segment_size_modes()[0]:
                    self.fit_scale_bars.append(item)
            elif isinstance(item, QgsLayoutItemPicture) and item.id() == SPINES_ID:
                self.spine_item = item
            elif isinstance(item, QgsLayoutItemLabel) and item.id() == SPINE_LEGEND_ID:
                self.spine_legend_items.append(item)
            elif isinstance(item, QgsLayoutItemPicture) and item.id() == "north_arrow":
                item.setLinkedMap(main)
                if not item.picturePath():
                    item.setPicturePath(NORTH_ARROW)
                self._block_labels(item)
        for multiframe in self.layout.multiFrames():
            if not isinstance(multiframe, QgsLayoutItemManualTable):
                continue
            frame_ids = [multiframe.frame(i).id() for i in range(multiframe.frameCount())
                         if isinstance(multiframe.frame(i), QgsLayoutFrame)]
            if TABLE_FRAME_ID in frame_ids or len(self.layout.multiFrames()) == 1:
                multiframe.setHeaders([QgsLayoutTableColumn(text) for text in self.table_headers()])
                self.tables.append(multiframe)
        self._configure_spines()

    def _configure_spines(self):
        """The spine chart column, only where the template has a picture ``profile_spines`` and a profile table:
        the table's rows get heights the sheet sets itself (QGIS does not tell where it puts rows whose text wraps)
        and its headings become a first, bold row (QGIS measures its own header row from the font); per sheet the
        picture, as wide as in the template, is drawn and moved right beside the table's first frame, continuing
        its rows (:meth:`fill_spines`). Without the picture the table stays as the template has it."""
        legend = tr("Spine chart: grey bar = range of the quartiers (worse end on the left), dark band = 25th\u2013"
                    "75th percentile, black line = county value; circle = this quartier: red significantly worse, "
                    "blue significantly better, grey not significantly different or context indicator, hollow "
                    "significance unknown; no circle: value not published")
        if self.spine_item is not None and not self.tables:
            self.spine_item.setVisibility(False)
            self.spine_item = None
        for item in self.spine_legend_items:
            item.setText(legend if self.spine_item is not None else "")
        if self.spine_item is None:
            return
        self.spine_table = self.tables[0]
        self.spine_width = self.spine_item.rect().width() or SPINE_WIDTH
        for multiframe in self.tables:
            multiframe.setIncludeTableHeader(False)
            multiframe.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        self.spine_item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
        self.spine_item.setPicturePath("")

    def _configure_legend(self, item, main, indicator_title):
        """The legend: the indicator's classes titled with the indicator (labels in the sheet's language), then the
        veil over the neighbours and the outline of the quartier (:func:`neighbours.build_legend_layer`)."""
        item.setLinkedMap(main)
        item.setAutoUpdateModel(False)
        root = item.model().rootGroup()
        root.removeAllChildren()
        node = root.addLayer(self.layer)
        node.setCustomProperty("legend/title-label", indicator_title)
        if self.legend_layer is None:
            self.legend_layer = build_legend_layer(self.layer, self.language)
        key = root.addLayer(self.legend_layer)
        QgsLegendRenderer.setNodeLegendStyle(key, QgsLegendStyle.Style.Hidden)
        item.setLegendFilterByMapEnabled(False)
        self._relabel_legend(item, node)
        item.updateLegend()

    def _relabel_legend(self, item, node):
        """Legend labels in the sheet's language when the layer was styled in the other one: the no-data entry
        ("Suppressed / no data" ↔ "Gesperrt / keine Daten") and class labels as the engine writes them
        ("2.5 – 5.0" ↔ "2,5 – 5,0"). Labels the user wrote stay; the layer itself is not changed (the labels are
        the legend node's own)."""
        from ..cartography.indicator_style import decimals_for as legend_decimals
        from ..cartography.indicator_style import translated_range_labels

        places = legend_decimals(self.indicator) if self.indicator is not None else 1
        changed = False
        for index, wanted in translated_range_labels(self.layer.renderer(), self.language, places):
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wanted)
            changed = True
        if changed:
            item.model().refreshLayerLegend(node)

    def _configure_locator(self, item):
        """The locator map: the whole county (the layer's extent), not driven by the atlas, the quartier marked."""
        extent = self.layer.extent()
        self.locator_item = item
        item.setAtlasDriven(False)
        item.setFollowVisibilityPreset(False)
        if self.locator_layer is None:
            self.locator_layer = build_locator_layer(self.mask, extent)
        item.setCrs(self.layer.crs())
        item.setLayers([self.locator_layer])
        item.setKeepLayerSet(True)
        if not extent.isEmpty():
            margin = LOCATOR_MARGIN * max(extent.width(), extent.height())
            padded = QgsRectangle(extent.xMinimum() - margin, extent.yMinimum() - margin,
                                  extent.xMaximum() + margin, extent.yMaximum() + margin)
            item.setExtent(extent_with_proportions(padded, item.rect()))

    def _give_extent_the_frame_proportions(self, main):
        """QGIS's atlas "auto" scaling widens each quartier's box to the proportions of the map's current extent
        and then sets the extent, resizing the frame to it; a template whose map has no extent yet (or one of
        other proportions) would so get a frame shaped like the first quartier (a tall one runs off the page) for
        every sheet. An extent of the frame's own proportions keeps the frame as the template has it."""
        frame = main.rect()
        if frame.width() <= 0 or frame.height() <= 0:
            return
        extent = self.layer.extent()
        if extent.isEmpty():
            extent = QgsRectangle(-1, -1, 1, 1)
        main.setExtent(extent_with_proportions(extent, frame))

    def _block_labels(self, item):
        """No map label (neighbour names) under ``item`` where it lies on the map (scale bar, north arrow)."""
        if item.sceneBoundingRect().intersects(self.map_item.sceneBoundingRect()):
            self.map_item.addLabelBlockingItem(item)

    def table_headers(self):
        return [tr("Indicator"), tr("Quartier"), tr("Municipality"), tr("County"), tr("Rank"), tr("Sig.")]

    def _configure_variables(self, title, source, date):
        today = QDate.currentDate()
        made_on = today.toString("dd.MM.yyyy") if self.language == "de" else today.toString("yyyy-MM-dd")
        # the record of calculateindicators (SOURCE, YEAR); never the layer's name, which names no source
        self.title = " ".join(str(title or "").split())
        self.source = " ".join(str(source or layer_record.recorded(self.layer, layer_record.SOURCE) or "").split())
        self.data_date = " ".join(str(date or layer_record.recorded(self.layer, layer_record.YEAR) or "").split())
        self.subtitle = subtitle(self.title, self.indicator_title, self.data_date)
        self.source_line = source_line(tr, self.source, self.data_date, made_on)
        variables = {
            "qm_title": self.title,
            "qm_indicator": self.indicator.id if self.indicator is not None else "",
            "qm_indicator_name": self.indicator_title,
            "qm_subtitle": self.subtitle,
            "qm_source": self.source or tr("not stated"),
            "qm_data_date": self.data_date,
            "qm_date": made_on,
            "qm_source_line": self.source_line,
        }
        for name, value in variables.items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, name, value)

    # -- per atlas feature ----------------------------------------------------------------------------------
    def rank_values(self):
        """The published values of every indicator over the whole layer (what ranks compare against): read once."""
        from ..indicators.profile import published_values

        if self._rank_values is None:
            request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
            self._rank_values = published_values([feature_row(f) for f in self.layer.getFeatures(request)],
                                                 self.catalog)
        return self._rank_values

    def profile_rows(self, feature):
        from ..indicators.profile import profile_from_row

        return profile_from_row(feature_row(feature), self.catalog, self.language, rank_values=self.rank_values())

    def pdf_properties(self, sheet=None):
        """Title, subject, author and keywords of a sheet PDF (``sheet``: the sheet title of a one-quartier PDF)."""
        return pdf_properties(tr, self.title, self.indicator_title, self.source, self.data_date, sheet=sheet,
                              indicator_id=self.indicator.id if self.indicator is not None else "")

    def current_title(self):
        """The title of the current sheet ("0101 Innenstadt (Lindenau)")."""
        feature = self.current_feature()
        names = feature.fields().names()
        qid = plain_value(feature[self.id_field]) if self.id_field in names else feature.id()
        name = plain_value(feature[self.name_field]) if self.name_field and self.name_field in names else None
        return sheet_title(qid, name)

    def value_text(self, rows):
        """The quartier's own value and rank of the indicator shown (:func:`sheet_text.value_line`)."""
        if self.indicator is None:
            return ""
        row = next((r for r in rows if r.id == self.indicator.id), None)
        if row is None:
            return ""
        places = decimals_of(row, self.catalog, 1, self.recorded_decimals)
        return value_line(tr, row, self.language, places)

    def fit_scale_bars_to_map(self):
        """Round the segments of the "fit width" scale bars to 1, 2, 2.5 or 5 × 10^k (see
        :func:`scale_bars.fit_scale_bars`)."""
        fit_scale_bars(self.fit_scale_bars, self.map_item)

    def _on_feature_changed(self, feature):
        # Called from C++ (atlas iteration): an exception escaping here would abort QGIS, so it is kept and
        # raised by check_error() after the page. endRender() announces an invalid feature: nothing to show.
        if self.error is not None or not feature.isValid():
            return
        self.fill(feature)

    def fill(self, feature):
        """Fit the scale bars, the value beside the title and the profile table to ``feature`` (the atlas does this
        for every sheet; errors are kept for :meth:`check_error`)."""
        try:
            self.fit_scale_bars_to_map()
        except Exception as error:  # noqa: BLE001
            self.error = error
            return
        if not self.tables and not self.value_items:
            return
        try:
            profile = self.profile_rows(feature)
            if self.value_items:
                self.last_value = self.value_text(profile)
                for item in self.value_items:
                    item.setText(self.last_value)
            if self.tables:
                rows = profile_cells(profile, self.language, self.catalog, recorded_decimals=self.recorded_decimals)
                self.last_profile = rows
                if self.spine_table is not None:
                    self.fill_spines(profile, rows)
                else:
                    contents = [[QgsTableCell(text) for text in row] for row in rows]
                    for table in self.tables:
                        table.setTableContents(contents)
        except Exception as error:  # noqa: BLE001
            self.error = error

    def fill_spines(self, profile, rows):
        """The profile table with its headings as a first, bold row, every row of a height set here (enough lines
        for its longest cell), and the spine column beside it, one spine per row QGIS shows in the frame
        (:mod:`mapsheets.spine` for the arithmetic)."""
        table = self.spine_table
        headers = [column.heading() for column in table.headers()]
        header_format = table.headerTextFormat()
        cells = [headers] + [list(row) for row in rows]
        measure_header, _line = text_measure(header_format)
        measure, line = text_measure(table.contentTextFormat())
        widths = [float(w) for w in table.columnWidths()]
        widths += [0.0] * (len(headers) - len(widths))  # automatic widths: the text is not wrapped
        widths = [w if w > 0 else 1e9 for w in widths]
        heights = row_text_heights(cells, widths, [measure_header] + [measure] * len(rows), line,
                                   min_height=max(SPINE_MIN_ROW, line))
        contents = [[header_cell(text, header_format) for text in headers]]
        contents += [[QgsTableCell(text) for text in row] for row in cells[1:]]
        for multiframe in self.tables:
            multiframe.setRowHeights(heights)
            multiframe.setTableContents(contents)
        self.last_spine_rows = heights
        self._place_spines(profile_spines(profile, self.catalog, self.rank_values()), heights, header_format)

    def table_geometry(self):
        """Cell margin, horizontal and vertical grid width of the spine table (as QGIS draws it)."""
        table = self.spine_table
        shown = table.showGrid()
        return (table.cellMargin(), table.gridStrokeWidth() if shown and table.horizontalGrid() else 0.0,
                table.gridStrokeWidth() if shown and table.verticalGrid() else 0.0)

    def _place_spines(self, spines, heights, header_format):
        item, table = self.spine_item, self.spine_table
        frame = table.frame(0) if table.frameCount() else None
        margin, grid_y, grid_x = self.table_geometry()
        shown = min(len(heights), rows_in_frame(heights, margin, grid_y, frame.rect().height())) if frame else 0
        if not shown:
            item.setVisibility(False)
            return
        measure, _line = text_measure(header_format)
        font_size = measure.size
        svg = spine_column_svg(spines[:shown - 1], tr("Spine"), self.spine_width, heights[:shown], margin, grid_y,
                               grid_x, font_family=header_format.font().family(), font_size=font_size,
                               text_colour=header_format.color().name(), grid_colour=table.gridColor().name(),
                               bar_height=SPINE_BAR, marker_radius=SPINE_MARKER)
        if self._spine_dir is None:
            self._spine_dir = tempfile.mkdtemp(prefix="qm-spines-")
        self._spine_count += 1  # a new file per sheet: QGIS caches pictures by path
        path = os.path.join(self._spine_dir, "spines_{}.svg".format(self._spine_count))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(svg)
        tops, cells = cell_tops(heights[:shown], margin, grid_y)
        height = tops[-1] + cells[-1] + grid_y
        origin = frame.pos()
        x = origin.x() + frame.rect().width()  # the frame is as wide as the table
        item.setVisibility(True)
        item.attemptMove(QgsLayoutPoint(x, origin.y()))  # millimetres
        item.attemptResize(QgsLayoutSize(self.spine_width, height))
        item.setPicturePath(path)  # SVG, by its extension
        self.spine_rect = (x, origin.y(), self.spine_width, height)

    def check_error(self):
        """Raise the error met while filling the profile table of a sheet, if any."""
        if self.error is not None:
            error, self.error = self.error, None
            raise SheetError(tr("The profile table of a sheet could not be filled: {error}").format(
                error=error)) from error

    # -- queries --------------------------------------------------------------------------------------------
    def begin(self):
        """Start iterating: returns the number of sheets (0 when the filter leaves no quartier)."""
        if not self.atlas.beginRender():
            return 0
        return self.atlas.count()

    def current_feature(self):
        return self.layout.reportContext().feature()

    def current_stem(self):
        feature = self.current_feature()
        qid = feature[self.id_field] if self.id_field in feature.fields().names() else feature.id()
        name = feature[self.name_field] if self.name_field and self.name_field in feature.fields().names() else None
        return sheet_stem(plain_value(qid), plain_value(name))

    def teardown(self):
        try:
            self.atlas.featureChanged.disconnect(self._on_feature_changed)
        except (TypeError, RuntimeError):
            pass
        if self._spine_dir is not None:
            shutil.rmtree(self._spine_dir, ignore_errors=True)
            self._spine_dir = None


def text_measure(text_format):
    """``(width_of, line_height)`` of a layout text format in mm: ``width_of(text)`` (its attribute ``size``: the
    font's size) and the font's line spacing, measured at a large pixel size and scaled to the format's size
    (independent of the screen's resolution)."""
    font = QtGui.QFont(text_format.font())
    font.setPixelSize(1000)
    metrics = QtGui.QFontMetricsF(font)  # horizontalAdvance: Qt 5.11+ and Qt6
    size = text_format.size()
    if text_format.sizeUnit() != render_unit("Millimeters"):
        size = size * 25.4 / 72.0  # points (the sheets' unit)
    scale = size / 1000.0

    def width_of(text):
        return metrics.horizontalAdvance(text) * scale

    width_of.size = size  # the font's size in mm
    return width_of, metrics.lineSpacing() * scale


def header_cell(text, text_format):
    """A table cell in the headings' text format (the first row of a table with a spine column)."""
    cell = QgsTableCell(text)
    cell.setTextFormat(text_format)
    return cell


def extent_with_proportions(extent, frame):
    """``extent`` widened (about its centre) to the proportions of ``frame`` (a QRectF of layout units)."""
    if frame.width() <= 0 or frame.height() <= 0:
        return QgsRectangle(extent)
    ratio = frame.width() / frame.height()
    width, height = extent.width(), extent.height()
    if height <= 0 or width / height < ratio:
        width = max(height, 1e-9) * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                        centre.x() + width / 2, centre.y() + height / 2)
