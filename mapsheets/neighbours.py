"""The neighbours of the quartier on a map sheet recede behind a light veil layer drawn over the styled layer: a memory
copy of the quartier geometries whose rule-based renderer lays a light semi-transparent white wash (their legend
colours keep their hue and stay recognisable) and a thin grey border over every feature except
``@atlas_featureid``, outlines that one bold, and labels the neighbours with their name. The legend explains both
(:func:`build_legend_layer`: "Neighbouring quartiers (lighter)", "Quartier of this sheet"); the locator map shows the
whole county with the quartier marked (:func:`build_locator_layer`)."""

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCentroidFillSymbolLayer,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..cartography.symbology import render_unit
from ..cartography.texts import legend_text
from ..compat import T_LONG, T_STRING, plain_value

MASK_FID_FIELD = "qm_fid"
MASK_LABEL_FIELD = "qm_label"
LABEL_NAME_LENGTH = 48
# Neighbour wash: white at 40 % opacity: a neighbour's class colour keeps its hue at 60 % of its strength, lighter
# than the quartier of the sheet but still matching its legend class (the legend shows the veiled patch too).
VEIL_COLOR = "255,255,255,102"
VEIL_OUTLINE = "110,110,110,255"
NEIGHBOUR_LABEL_COLOR = (85, 85, 85)


def _horizontal_placement():
    """Horizontal label placement: ``Qgis.LabelPlacement.Horizontal`` where scoped (QGIS >= 3.26), else the
    unscoped ``QgsPalLayerSettings.Horizontal`` of QGIS 3.22/3.24."""
    try:
        return Qgis.LabelPlacement.Horizontal
    except AttributeError:
        return QgsPalLayerSettings.Horizontal


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
    veil, focus = veil_symbol(), focus_symbol()
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(veil, 0, 0, '"{}" <> @atlas_featureid'.format(MASK_FID_FIELD)))
    root.appendChild(QgsRuleBasedRenderer.Rule(focus, 0, 0, '"{}" = @atlas_featureid'.format(MASK_FID_FIELD)))
    mask.setRenderer(QgsRuleBasedRenderer(root))
    if label_field:
        mask.setLabeling(neighbour_labeling())
        mask.setLabelsEnabled(True)
    return mask


def veil_symbol(under=None):
    """The neighbours' veil (light white wash, thin grey border); with ``under`` (a colour "r,g,b,a") a class colour
    below it, as the legend patch shows it."""
    veil = QgsFillSymbol.createSimple({"color": VEIL_COLOR, "outline_color": VEIL_OUTLINE, "outline_width": "0.2",
                                       "outline_width_unit": "MM"})
    if under:
        veil.insertSymbolLayer(0, QgsSimpleFillSymbolLayer.create({"color": under, "style": "solid",
                                                                   "outline_style": "no"}))
    return veil


def focus_symbol():
    """The bold outline of the sheet's quartier (dark line on a white halo, no fill)."""
    focus = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,255,255,220", "outline_width": "1.6",
                                        "outline_width_unit": "MM"})
    focus.appendSymbolLayer(QgsSimpleFillSymbolLayer.create({"style": "no", "outline_color": "20,20,20,255",
                                                             "outline_width": "0.8", "outline_width_unit": "MM"}))
    return focus


def middle_class_colour(layer):
    """The colour of the middle class of ``layer``'s graduated/categorised renderer ("r,g,b,a"), grey if none."""
    renderer = layer.renderer()
    items = []
    if renderer is not None and hasattr(renderer, "ranges"):
        items = [r for r in renderer.ranges() if r.symbol() is not None and r.upperValue() > -1e8]
    elif renderer is not None and hasattr(renderer, "categories"):
        items = [c for c in renderer.categories() if c.symbol() is not None]
    if not items:
        return "180,180,180,255"
    colour = items[len(items) // 2].symbol().color()
    return "{},{},{},{}".format(colour.red(), colour.green(), colour.blue(), colour.alpha())


def build_legend_layer(layer, language="en"):
    """A featureless memory layer whose two legend entries explain the map: a class colour under the veil
    ("Neighbouring quartiers (lighter)") and the bold outline ("Quartier of this sheet"), in ``language``. Only the
    legend shows it."""
    legend = QgsVectorLayer("Polygon?crs={}".format(layer.crs().authid() or "EPSG:4326"),
                            legend_text("map_key", language), "memory")
    categories = [
        QgsRendererCategory("neighbour", veil_symbol(middle_class_colour(layer)),
                            legend_text("neighbours", language)),
        QgsRendererCategory("focus", focus_symbol(), legend_text("focus", language)),
    ]
    legend.setRenderer(QgsCategorizedSymbolRenderer("'x'", categories))
    return legend


def build_locator_layer(mask, extent):
    """The locator map's layer: the quartiers of ``mask`` (simplified to the locator's scale) in light grey, the
    sheet's quartier (``@atlas_featureid``) filled dark red with a dot at its centre, visible however small."""
    locator = QgsVectorLayer("MultiPolygon?crs={}".format(mask.crs().authid() or "EPSG:4326"),
                             "quartiersmonitor_locator", "memory")
    if not mask.crs().authid():
        locator.setCrs(mask.crs())
    locator.dataProvider().addAttributes([QgsField(MASK_FID_FIELD, T_LONG)])
    locator.updateFields()
    tolerance = max(extent.width(), extent.height()) / 600.0
    features = []
    for source in mask.getFeatures():
        geometry = source.geometry()
        simple = geometry.simplify(tolerance) if tolerance > 0 else geometry
        if simple is None or simple.isEmpty():
            simple = geometry
        feature = QgsFeature(locator.fields())
        feature.setGeometry(simple)
        feature.setAttributes([source[MASK_FID_FIELD]])
        features.append(feature)
    locator.dataProvider().addFeatures(features)
    others = QgsFillSymbol.createSimple({"color": "222,222,222,255", "outline_color": "255,255,255,255",
                                         "outline_width": "0.1", "outline_width_unit": "MM"})
    focus = QgsFillSymbol.createSimple({"color": "190,30,30,255", "outline_color": "120,0,0,255",
                                        "outline_width": "0.2", "outline_width_unit": "MM"})
    dot = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "190,30,30,255",
                                        "outline_width": "0.5", "size": "3", "size_unit": "MM"})
    centre = QgsCentroidFillSymbolLayer()
    centre.setSubSymbol(dot)
    centre.setPointOnSurface(True)
    focus.appendSymbolLayer(centre)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(others, 0, 0, '"{}" <> @atlas_featureid'.format(MASK_FID_FIELD)))
    root.appendChild(QgsRuleBasedRenderer.Rule(focus, 0, 0, '"{}" = @atlas_featureid'.format(MASK_FID_FIELD)))
    locator.setRenderer(QgsRuleBasedRenderer(root))
    return locator
