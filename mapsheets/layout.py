"""Map sheets of quartiers: an atlas layout over the indicator layer (this module) and its export (PDF / PNG).

:class:`SheetLayout` loads a ``.qpt`` template (default: the bundled A4 landscape sheet), drives its atlas over the
quartier layer and fills, per atlas feature, the profile table with the indicator engine's values
(``indicators.profile.profile_from_row``, ranks from the published values computed once per layout). Neighbouring
quartiers recede behind a veil layer drawn over the styled layer (:mod:`mapsheets.neighbours`); scale bars get
round segments (:mod:`mapsheets.scale_bars`); :func:`export_sheets` (:mod:`mapsheets.export`) writes the files.

This module keeps the public entry points of the map sheets: the names below are importable from here whichever
module defines them. Layout export must run on the main thread; callers (the Processing algorithm
``exportmapsheets``) declare so. Item ids used in templates: see :mod:`mapsheets.template_builder`.
"""

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutFrame,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtXml import QDomDocument

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
from .neighbours import VEIL_COLOR, build_mask_layer
from .profile_cells import profile_cells
from .scale_bars import fit_scale_bars, nice_segment, segment_size_modes

# The public entry points of the map sheets, importable from here whichever module defines them.
__all__ = [
    "FORMATS", "VEIL_COLOR", "CanceledError", "SheetError", "SheetLayout", "current_indicator_field", "export_sheets",
    "feature_row", "image_settings", "layer_indicator_fields", "load_template", "nice_segment", "pdf_settings",
    "sheet_language", "style_for_field",
]

NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"
TABLE_FRAME_ID = "profile_table"
TITLE_NAME_LENGTH = 48


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
    """The atlas layout of map sheets over ``layer`` (one page per quartier, filtered by ``filter_expression``)."""

    def __init__(self, project, layer, id_field, name_field=None, filter_expression=None, template=None,
                 title="", language=None, source=None, catalog=None):
        self.project = project
        self.layer = layer
        self.id_field = id_field
        self.name_field = name_field or None
        self.language = language or sheet_language()
        self.catalog = catalog if catalog is not None else load_catalog_safely(layer)
        self.layout = load_template(project, template)
        self.atlas = self.layout.atlas()
        self.mask = build_mask_layer(layer, self.name_field or id_field)
        self.tables = []
        self.fit_scale_bars = []
        self.indicator_field = current_indicator_field(layer, self.catalog)
        self.indicator = indicator_by_field(self.catalog, self.indicator_field)
        self.last_profile = None
        self._rank_values = None
        self.error = None
        self._configure_atlas(filter_expression)
        self._configure_items()
        self._configure_variables(title, source)
        self.atlas.featureChanged.connect(self._on_feature_changed)

    # -- set-up ---------------------------------------------------------------------------------------------
    def _configure_atlas(self, filter_expression):
        atlas = self.atlas
        atlas.setCoverageLayer(self.layer)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        qid = QgsExpression.quotedColumnRef(self.id_field)
        if self.name_field:
            name = QgsExpression.quotedColumnRef(self.name_field)
            # Very long names are shortened so that the title keeps the id in view.
            atlas.setPageNameExpression(
                "with_variable('n', coalesce(to_string({name}), ''), "
                "if(length(@n) > {m}, left(@n, {m} - 1) || '\u2026', @n)) || ' (' || to_string({qid}) || ')'".format(
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
        main = next((m for m in maps if m.id() == "map"), maps[0])
        self.map_item = main
        main.setAtlasDriven(True)
        self._give_extent_the_frame_proportions(main)
        main.setCrs(self.layer.crs())
        main.setLayers([self.mask, self.layer])
        main.setKeepLayerSet(True)
        indicator_title = self.indicator.name(self.language) if self.indicator is not None else self.layer.name()
        if self.indicator is not None and self.indicator.unit:
            indicator_title = "{} ({})".format(indicator_title, self.indicator.unit_label(self.language)
                                               if hasattr(self.indicator, "unit_label") else self.indicator.unit)
        self.indicator_title = indicator_title
        for item in self.layout.items():
            if isinstance(item, QgsLayoutItemLegend):
                item.setLinkedMap(main)
                item.setAutoUpdateModel(False)
                root = item.model().rootGroup()
                root.removeAllChildren()
                node = root.addLayer(self.layer)
                node.setCustomProperty("legend/title-label", indicator_title)
                item.setLegendFilterByMapEnabled(False)
                item.updateLegend()
            elif isinstance(item, QgsLayoutItemScaleBar):
                item.setLinkedMap(main)
                self._block_labels(item)
                if item.segmentSizeMode() == segment_size_modes()[0]:
                    self.fit_scale_bars.append(item)
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
        ratio = frame.width() / frame.height()
        width, height = extent.width(), extent.height()
        if height <= 0 or width / height < ratio:
            width = max(height, 1e-9) * ratio
        else:
            height = width / ratio
        centre = extent.center()
        main.setExtent(QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                                    centre.x() + width / 2, centre.y() + height / 2))

    def _block_labels(self, item):
        """No map label (neighbour names) under ``item`` where it lies on the map (scale bar, north arrow)."""
        if item.sceneBoundingRect().intersects(self.map_item.sceneBoundingRect()):
            self.map_item.addLabelBlockingItem(item)

    def table_headers(self):
        return [tr("Indicator"), tr("Quartier"), tr("Municipality"), tr("County"), tr("Rank"), tr("Sig.")]

    def _configure_variables(self, title, source):
        date = QDate.currentDate()
        date_text = date.toString("dd.MM.yyyy") if self.language == "de" else date.toString("yyyy-MM-dd")
        source = source or self.layer.customProperty("quartiersmonitor/source") or self.layer.name()
        subtitle = " \u00b7 ".join(part for part in (title or "", self.indicator_title) if part)
        source_line = tr("Source: {source} \u00b7 Quartiersmonitor map sheet of {date} \u00b7 "
                         "\u25b2/\u25bc significantly above/below the county").format(source=source, date=date_text)
        variables = {
            "qm_title": title or "",
            "qm_indicator": self.indicator.id if self.indicator is not None else "",
            "qm_indicator_name": self.indicator_title,
            "qm_subtitle": subtitle,
            "qm_source": source,
            "qm_date": date_text,
            "qm_source_line": source_line,
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

    def fit_scale_bars_to_map(self):
        """Round the segments of the "fit width" scale bars to 1, 2, 2.5 or 5 × 10^k (see
        :func:`scale_bars.fit_scale_bars`)."""
        fit_scale_bars(self.fit_scale_bars, self.map_item)

    def _on_feature_changed(self, feature):
        # Called from C++ (atlas iteration): an exception escaping here would abort QGIS, so it is kept and
        # raised by check_error() after the page.
        if self.error is not None:
            return
        try:
            self.fit_scale_bars_to_map()
        except Exception as error:  # noqa: BLE001
            self.error = error
            return
        if not self.tables:
            return
        try:
            rows = profile_cells(self.profile_rows(feature), self.language, self.catalog)
            self.last_profile = rows
            contents = [[QgsTableCell(text) for text in row] for row in rows]
            for table in self.tables:
                table.setTableContents(contents)
        except Exception as error:  # noqa: BLE001
            self.error = error

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
