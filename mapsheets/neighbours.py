"""The neighbours of the quartier on a map sheet recede behind a veil layer drawn over the styled layer: a memory copy
of the quartier geometries whose rule-based renderer lays a semi-transparent white wash (their classes still show,
faintly) and a thin grey border over every feature except ``@atlas_featureid``, outlines that one bold, and labels
the neighbours with their name."""

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..cartography.symbology import render_unit
from ..compat import T_LONG, T_STRING, plain_value

MASK_FID_FIELD = "qm_fid"
MASK_LABEL_FIELD = "qm_label"
LABEL_NAME_LENGTH = 48
# Neighbour wash: white at 62 % opacity, so that a neighbour's class colour shows at about a third of its strength.
VEIL_COLOR = "255,255,255,158"
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
