"""Map sheets of quartiers: an atlas layout over the indicator layer, and its export (PDF / PNG).

:class:`SheetLayout` loads a ``.qpt`` template (default: the bundled A4 landscape sheet), drives its atlas over the
quartier layer and fills, per atlas feature, the profile table with the indicator engine's values
(``indicators.profile.profile_from_row``, ranks from the published values computed once per layout). Neighbouring
quartiers recede behind a veil layer drawn over the styled layer: a memory copy of the quartier geometries whose
rule-based renderer lays a semi-transparent white wash (their classes still show, faintly) and a thin grey border
over every feature except ``@atlas_featureid``, outlines that one bold, and labels the neighbours with their name.

Layout export must run on the main thread; callers (the Processing algorithm ``exportmapsheets``) declare so.
Item ids used in templates: see :mod:`mapsheets.template_builder`.
"""

import math
import os
import shutil
import tempfile

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSimpleFillSymbolLayer,
    QgsTableCell,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..cartography.symbology import render_unit
from ..compat import T_LONG, T_STRING, plain_value
from ..paths import DEFAULT_TEMPLATE
from ..translation import current_language, tr
from .filenames import document_stem, path_inside, sheet_stem
from .profile_cells import profile_cells

NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"

FORMATS = ("pdf_single", "pdf_per_quartier", "png")
TABLE_FRAME_ID = "profile_table"
TITLE_NAME_LENGTH = 48
MASK_FID_FIELD = "qm_fid"
MASK_LABEL_FIELD = "qm_label"
LABEL_NAME_LENGTH = 48
# Neighbour wash: white at 62 % opacity, so that a neighbour's class colour shows at about a third of its strength.
VEIL_COLOR = "255,255,255,158"
VEIL_OUTLINE = "110,110,110,255"
NEIGHBOUR_LABEL_COLOR = (85, 85, 85)
INDICATORS_PROPERTY = "quartiersmonitor/indicators"


def _segment_size_modes():
    """(fit width, fixed) scale bar segment modes: ``Qgis.ScaleBarSegmentSizeMode`` where scoped (QGIS >= 3.30),
    else ``QgsScaleBarSettings``'s."""
    scoped = getattr(Qgis, "ScaleBarSegmentSizeMode", None)
    if scoped is not None:
        return scoped.FitWidth, scoped.Fixed
    return QgsScaleBarSettings.SegmentSizeFitWidth, QgsScaleBarSettings.SegmentSizeFixed


def nice_segment(low, high):
    """The smallest 1, 2, 2.5 or 5 × 10^k in [low, high] (scale bar units per segment); None if there is none."""
    if not (0 < low <= high) or not math.isfinite(high):
        return None
    magnitude = 10 ** math.floor(math.log10(low))
    for factor in (1, 10):
        for mantissa in (1, 2, 2.5, 5):
            value = mantissa * magnitude * factor
            if low <= value * (1 + 1e-9) and value <= high * (1 + 1e-9):
                return value
    return None


def _horizontal_placement():
    """Horizontal label placement: ``Qgis.LabelPlacement.Horizontal`` where scoped (QGIS >= 3.26), else the
    unscoped ``QgsPalLayerSettings.Horizontal`` of QGIS 3.22/3.24."""
    try:
        return Qgis.LabelPlacement.Horizontal
    except AttributeError:
        return QgsPalLayerSettings.Horizontal


class SheetError(Exception):
    """A map sheet problem to show to the user (translated message)."""


def sheet_language():
    """ "de" when QGIS runs in German, else "en" (the engine formats text in these two)."""
    return current_language()


def feature_row(feature):
    """A feature's attributes as ``{field name: value}`` with NULL as None."""
    names = feature.fields().names()
    return {name: plain_value(value) for name, value in zip(names, feature.attributes())}


def load_catalog_safely():
    from ..indicators.catalog import load_catalog

    return load_catalog()


def layer_indicator_fields(layer, catalog):
    """Indicator fields (``A1`` …) of an indicator layer, in catalog order.

    From the layer's custom property ``quartiersmonitor/indicators`` (ids) when set, else every catalog field that
    the layer has together with its ``_flag`` field.
    """
    names = set(layer.fields().names())
    listed = layer.customProperty(INDICATORS_PROPERTY)
    fields = []
    if listed:
        ids = [part.strip() for part in str(listed).split(",") if part.strip()]
        for ind_id in ids:
            field = ind_id.replace(".", "")
            if field in names:
                fields.append(field)
        if fields:
            return fields
    for indicator in catalog.values():
        if indicator.field in names and indicator.field + "_flag" in names:
            fields.append(indicator.field)
    return fields


def indicator_of_style(style_name, fields):
    """The indicator field a saved style is named after: "A.1 SGB II-Quote", "A.1" or "A1" → "A1"; else None."""
    if not style_name:
        return None
    head = str(style_name).strip().split(" ")[0]
    for candidate in (head, head.replace(".", "")):
        if candidate in fields:
            return candidate
    return None


def style_for_field(layer, field):
    """Name of the layer's saved style for indicator ``field`` (named by id, field or "id name"); None if none."""
    manager = layer.styleManager()
    if manager is None:
        return None
    for name in manager.styles():
        if indicator_of_style(name, [field]) == field:
            return name
    return None


def renderer_field(layer, fields):
    """The indicator field the layer's renderer classifies (field or expression like ``coalesce("A1", -1)``)."""
    renderer = layer.renderer()
    attribute = renderer.classAttribute() if renderer is not None and hasattr(renderer, "classAttribute") else ""
    if not attribute:
        return None
    if attribute in fields:
        return attribute
    referenced = QgsExpression(attribute).referencedColumns()
    for field in fields:
        if field in referenced:
            return field
    return None


def current_indicator_field(layer, catalog):
    """The indicator the layer shows now: its current saved style (named by id or field), else the attribute of
    its graduated/categorised renderer, else its first indicator field; None for a layer without indicators."""
    fields = layer_indicator_fields(layer, catalog)
    manager = layer.styleManager()
    field = indicator_of_style(manager.currentStyle() if manager else "", fields)
    if field is None:
        field = renderer_field(layer, fields)
    if field is None and fields:
        field = fields[0]
    return field


def indicator_by_field(catalog, field):
    if not field:
        return None
    try:
        return catalog.by_field(field)
    except (KeyError, AttributeError):
        return None


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


def _short(text, length=LABEL_NAME_LENGTH):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "\u2026"


def neighbour_labeling():
    """Small grey names of the neighbours (never of the atlas feature), each kept inside its own quartier."""
    text_format = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setItalic(True)
    text_format.setFont(font)
    text_format.setSize(7)
    text_format.setSizeUnit(render_unit("Points"))
    text_format.setColor(QColor(*NEIGHBOUR_LABEL_COLOR))
    # No text buffer: the wash already lightens the ground, and a buffer (outlined glyph paths; rasterised when
    # semi-transparent) made the PDF three times as large and its export twice as slow.
    settings = QgsPalLayerSettings()
    settings.fieldName = 'if("{fid}" = @atlas_featureid, NULL, "{label}")'.format(
        fid=MASK_FID_FIELD, label=MASK_LABEL_FIELD)
    settings.isExpression = True
    settings.setFormat(text_format)
    settings.placement = _horizontal_placement()
    settings.fitInPolygonOnly = True  # a neighbour's name never runs over the quartier of the sheet
    settings.autoWrapLength = 16
    settings.priority = 3
    return QgsVectorLayerSimpleLabeling(settings)


def build_mask_layer(layer, label_field=None):
    """Memory copy of the quartier geometries drawn over the styled layer: a semi-transparent white wash and thin grey
    border over every quartier but the atlas feature, whose outline is drawn bold (dark on a white halo); the
    neighbours labelled with ``label_field`` (their name) when given. Not added to the project; only the layout's
    map item renders it."""
    geometry_type = QgsWkbTypes.displayString(QgsWkbTypes.multiType(QgsWkbTypes.flatType(layer.wkbType())))
    mask = QgsVectorLayer("{}?crs={}".format(geometry_type, layer.crs().authid() or "EPSG:4326"),
                          "quartiersmonitor_neighbours", "memory")
    if not layer.crs().authid():
        mask.setCrs(layer.crs())
    mask.dataProvider().addAttributes([QgsField(MASK_FID_FIELD, T_LONG), QgsField(MASK_LABEL_FIELD, T_STRING)])
    mask.updateFields()
    names = layer.fields().names()
    label_field = label_field if label_field in names else None
    features = []
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([label_field] if label_field else [], layer.fields())
    for source in layer.getFeatures(request):
        if source.geometry() is None or source.geometry().isEmpty():
            continue
        geometry = QgsGeometry(source.geometry())
        if not geometry.convertToMultiType():
            continue
        label = plain_value(source[label_field]) if label_field else None
        feature = QgsFeature(mask.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([source.id(), _short(label) if label not in (None, "") else None])
        features.append(feature)
    mask.dataProvider().addFeatures(features)
    veil = QgsFillSymbol.createSimple({"color": VEIL_COLOR, "outline_color": VEIL_OUTLINE, "outline_width": "0.2",
                                       "outline_width_unit": "MM"})
    focus = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,255,255,220", "outline_width": "1.6",
                                        "outline_width_unit": "MM"})
    focus_line = QgsSimpleFillSymbolLayer.create({"style": "no", "outline_color": "20,20,20,255",
                                                  "outline_width": "0.8", "outline_width_unit": "MM"})
    focus.appendSymbolLayer(focus_line)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(veil, 0, 0, '"{}" <> @atlas_featureid'.format(MASK_FID_FIELD)))
    root.appendChild(QgsRuleBasedRenderer.Rule(focus, 0, 0, '"{}" = @atlas_featureid'.format(MASK_FID_FIELD)))
    mask.setRenderer(QgsRuleBasedRenderer(root))
    if label_field:
        mask.setLabeling(neighbour_labeling())
        mask.setLabelsEnabled(True)
    return mask


class SheetLayout:
    """The atlas layout of map sheets over ``layer`` (one page per quartier, filtered by ``filter_expression``)."""

    def __init__(self, project, layer, id_field, name_field=None, filter_expression=None, template=None,
                 title="", language=None, source=None, catalog=None):
        self.project = project
        self.layer = layer
        self.id_field = id_field
        self.name_field = name_field or None
        self.language = language or sheet_language()
        self.catalog = catalog if catalog is not None else load_catalog_safely()
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
                if item.segmentSizeMode() == _segment_size_modes()[0]:
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
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            self._rank_values = published_values([feature_row(f) for f in self.layer.getFeatures(request)],
                                                 self.catalog)
        return self._rank_values

    def profile_rows(self, feature):
        from ..indicators.profile import profile_from_row

        return profile_from_row(feature_row(feature), self.catalog, self.language, rank_values=self.rank_values())

    def fit_scale_bars_to_map(self):
        """Round the segments of the "fit width" scale bars to 1, 2, 2.5 or 5 × 10^k (QGIS's own fit gives 900 m
        or 3,000 m segments), still within the bar's minimum and maximum width; QGIS's fit where none is."""
        fit, fixed = _segment_size_modes()
        extent, width_mm = self.map_item.extent(), self.map_item.rect().width()
        for bar in self.fit_scale_bars:
            value = None
            if extent.width() > 0 and width_mm > 0 and not self.map_item.crs().isGeographic():
                segments = bar.numberOfSegments() + (1 if bar.numberOfSegmentsLeft() > 0 else 0)
                per_mm = extent.width() / width_mm / (bar.mapUnitsPerScaleBarUnit() or 1.0) / max(segments, 1)
                value = nice_segment(bar.minimumBarWidth() * per_mm, bar.maximumBarWidth() * per_mm)
            if value is None:
                bar.setSegmentSizeMode(fit)
            else:
                bar.setSegmentSizeMode(fixed)
                bar.setUnitsPerSegment(value)
            bar.resizeToMinimumWidth()
            bar.update()

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


def pdf_settings(layout):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = layout.renderContext().dpi() or 300
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    try:
        from qgis.core import Qgis

        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    except AttributeError:  # pragma: no cover - QGIS < 3.22
        from qgis.core import QgsRenderContext

        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    return settings


def image_settings(dpi=150):
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    return settings


EXPORT_ERRORS = {
    QgsLayoutExporter.FileError: "file",
    QgsLayoutExporter.MemoryError: "memory",
    QgsLayoutExporter.PrintError: "print",
    QgsLayoutExporter.SvgLayerError: "svg",
    QgsLayoutExporter.IteratorError: "iterator",
    QgsLayoutExporter.Canceled: "canceled",
}


def _export_error(result, path, detail=""):
    if result == QgsLayoutExporter.Canceled:
        return SheetError(tr("Canceled by the user."))
    if result == QgsLayoutExporter.FileError:
        return SheetError(tr("QGIS could not write the file {path} (is the folder writable, the disk full, or the "
                             "file open in another program?). {detail}").format(path=path, detail=detail).strip())
    if result == QgsLayoutExporter.MemoryError:
        return SheetError(tr("Not enough memory to export {path}.").format(path=path))
    return SheetError(tr("The layout export failed for {path} ({kind}). {detail}").format(
        path=path, kind=EXPORT_ERRORS.get(result, str(result)), detail=detail).strip())


class CanceledError(SheetError):
    pass


def export_sheets(sheet, fmt, folder, title="", feedback=None, dpi=None):
    """Export every atlas page of ``sheet`` (a :class:`SheetLayout`) into ``folder``; returns the file paths.

    Files are written to a temporary folder inside ``folder`` and moved in only when every page succeeded, so that a
    failure or cancel leaves nothing behind. Raises :class:`SheetError` with a translated message.
    """
    if fmt not in FORMATS:
        raise SheetError(tr("Unknown format {fmt}: use one of {formats}.").format(fmt=fmt, formats=", ".join(FORMATS)))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        message = tr("Cannot create the output folder {folder}: {error}").format(
            folder=folder, error=error.strerror or error)
        raise SheetError(message) from error
    if not os.path.isdir(folder):
        raise SheetError(tr("The output folder {folder} is not a folder.").format(folder=folder))
    try:
        work = tempfile.mkdtemp(prefix=".quartiersmonitor-", dir=folder)
    except OSError as error:
        raise SheetError(tr("Cannot write into the output folder {folder}: {error}").format(
            folder=folder, error=error.strerror or error)) from error
    try:
        names = _export_into(sheet, fmt, work, title, feedback, dpi)
        targets = [path_inside(folder, name) for name in names]
        for target in targets:
            if os.path.isdir(target):
                raise SheetError(tr("{path} exists and is a folder.").format(path=target))
        for name, target in zip(names, targets):
            try:
                os.replace(os.path.join(work, name), target)
            except OSError as error:
                raise SheetError(tr("Cannot write {path} (open in another program?): {error}").format(
                    path=target, error=error.strerror or error)) from error
        return targets
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_cancel(feedback):
    if feedback is not None and feedback.isCanceled():
        raise CanceledError(tr("Canceled by the user."))


def _export_into(sheet, fmt, work, title, feedback, dpi):
    layout = sheet.layout
    count = sheet.begin()
    if count == 0:
        sheet.atlas.endRender()
        raise SheetError(tr("No quartier to export: the layer is empty or the filter matches no quartier."))
    try:
        if fmt == "pdf_single":
            name = document_stem(title) + ".pdf"
            path = os.path.join(work, name)
            sheet.atlas.endRender()
            settings = pdf_settings(layout)
            if dpi:
                settings.dpi = dpi
            result, error = QgsLayoutExporter.exportToPdf(sheet.atlas, path, settings, feedback)
            sheet.check_error()
            _check_cancel(feedback)
            if result != QgsLayoutExporter.Success:
                raise _export_error(result, path, error)
            if not os.path.isfile(path):
                raise SheetError(tr("The layout exporter reported success but wrote no file {path}.").format(
                    path=path))
            return [name]
        names = []
        seen = set()
        exporter = QgsLayoutExporter(layout)
        settings = pdf_settings(layout) if fmt == "pdf_per_quartier" else image_settings(dpi or 150)
        if dpi and fmt == "pdf_per_quartier":
            settings.dpi = dpi
        extension = ".pdf" if fmt == "pdf_per_quartier" else ".png"
        for index in range(count):
            _check_cancel(feedback)
            if not sheet.atlas.seekTo(index):
                raise SheetError(tr("The atlas could not move to sheet {n}.").format(n=index + 1))
            sheet.check_error()
            stem = sheet.current_stem()
            candidate, number = stem, 1
            while candidate.lower() in seen:
                number += 1
                candidate = "{}_{}".format(stem, number)
            seen.add(candidate.lower())
            name = candidate + extension
            path = os.path.join(work, name)
            if fmt == "pdf_per_quartier":
                result = exporter.exportToPdf(path, settings)
            else:
                result = exporter.exportToImage(path, settings)
            if result != QgsLayoutExporter.Success:
                raise _export_error(result, exporter.errorFile() or path)
            if not os.path.isfile(path):
                raise SheetError(tr("The layout exporter reported success but wrote no file {path}.").format(
                    path=path))
            names.append(name)
            if feedback is not None:
                feedback.setProgress(100.0 * (index + 1) / count)
        return names
    finally:
        if sheet.atlas.layout() is not None:
            sheet.atlas.endRender()
