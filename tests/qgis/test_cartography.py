"""cartography: graduated indicator styles, no-data hatch, German legend, style manager, rendering to PNG."""

import pytest
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

VALUES = {"Q1": 5.0, "Q2": 10.0, "Q3": 15.0, "Q4": 20.0, "Q5": None}


def indicator_layer(values=VALUES):
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=quartier_id:string&field=A1:double&field=A4:double", "ind", "memory"
    )
    features = []
    for i, (qid, value) in enumerate(values.items()):
        feature = QgsFeature(layer.fields())
        x0 = 400000 + i * 1000
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON(({0} 0,{1} 0,{1} 1000,{0} 1000,{0} 0))".format(x0, x0 + 1000)))
        feature.setAttributes([qid, value, None if value is None else 100.0 - value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _grey(name):
    colour = QColor(name)
    return colour.red() if colour.red() == colour.green() == colour.blue() else 0


def symbols_by_id(layer):
    renderer = layer.renderer()
    context = QgsRenderContext()
    context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(layer))
    renderer.startRender(context, layer.fields())
    out = {}
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        symbol = renderer.symbolForFeature(feature, context)
        out[feature["quartier_id"]] = symbol.clone() if symbol is not None else None
    renderer.stopRender(context)
    return out


@pytest.fixture(scope="module")
def catalog():
    from quartiersmonitor.indicators.catalog import load_catalog

    return load_catalog()


def test_german_legend_breaks_and_hatched_no_data(qgis_app, catalog):
    from quartiersmonitor.cartography import style_indicator_layer
    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges
    from quartiersmonitor.cartography.symbology import is_hatched

    layer = indicator_layer()
    renderer = style_indicator_layer(layer, catalog, "A.1", "equal_interval", 3, "de")
    # equal intervals of 5 … 20 in 3 classes, by hand: 10, 15, 20
    ranges = renderer_class_ranges(renderer)
    assert [r.upperValue() for r in ranges] == pytest.approx([10.0, 15.0, 20.0])
    assert [r.label() for r in ranges] == ["5,0 \u2013 10,0", "10,0 \u2013 15,0", "15,0 \u2013 20,0"]
    assert renderer.ranges()[-1].label() == "Gesperrt / keine Daten"
    assert len(renderer.legendSymbolItems()) == 4
    symbols = symbols_by_id(layer)
    assert is_hatched(symbols["Q5"])  # NULL (suppressed) → hatched grey, not a class colour
    assert not is_hatched(symbols["Q1"])
    # more need = darker: class colours get darker from class 1 to class 3
    light = [symbols[q].color().lightness() for q in ("Q1", "Q3", "Q4")]
    assert light[0] > light[1] > light[2]
    assert symbols["Q2"].color() == symbols["Q1"].color()  # 10 is the upper bound of class 1
    assert "A.1" in layer.title() and "%" in layer.title()


def test_polarity_ramps():
    from quartiersmonitor.cartography import polarity_colours

    need = polarity_colours(1, 5)
    assert need[0].lightness() > need[-1].lightness()
    reverse = polarity_colours(-1, 5)
    assert reverse[0].lightness() < reverse[-1].lightness()
    context = polarity_colours(0, 5)
    assert context[-1].blue() > context[-1].red()  # context indicators in blue, not in "need" red
    assert need[-1].red() > need[-1].blue()


def test_style_manager_one_style_per_indicator(qgis_app, catalog):
    from quartiersmonitor.cartography import add_indicator_styles

    layer = indicator_layer()
    names = add_indicator_styles(layer, catalog, ["A.1", "A.4"], "quantile", 4, "en")
    names_again = add_indicator_styles(layer, catalog, ["A.1", "A.4"], "quantile", 4, "en")
    manager = layer.styleManager()
    assert names == names_again
    assert sorted(manager.styles()) == sorted(names) and len(names) == 2
    assert manager.currentStyle() == names[0] and '"A1"' in layer.renderer().classAttribute()
    manager.setCurrentStyle(names[1])
    assert '"A4"' in layer.renderer().classAttribute()


def test_rendered_png_shows_classes_and_hatch(qgis_app, catalog, tmp_path):
    from quartiersmonitor.cartography import render_png, style_indicator_layer
    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges
    from quartiersmonitor.cartography.symbology import NO_DATA_FILL, NO_DATA_LINES

    layer = indicator_layer()
    renderer = style_indicator_layer(layer, catalog, "A.1", "equal_interval", 3, "en")
    path = render_png([layer], str(tmp_path / "map.png"), 500, 120)
    image = QImage(path)
    assert not image.isNull() and image.width() == 500
    colours = {}
    for x in range(image.width()):
        for y in range(image.height()):
            rgb = image.pixelColor(x, y).name()
            colours[rgb] = colours.get(rgb, 0) + 1
    class_colours = {r.symbol().color().name() for r in renderer_class_ranges(renderer)}
    shown = [c for c in class_colours if colours.get(c, 0) > 50]
    assert len(shown) >= 2, colours
    # the no-data quartier: its light grey background and grey hatch lines between 150 and the background
    assert colours.get(QColor(NO_DATA_FILL).name(), 0) > 200
    grey_lines = sum(n for c, n in colours.items() if _grey(c) and QColor(NO_DATA_LINES).red() <= _grey(c) < 0xE8)
    assert grey_lines > 200
    assert len(colours) > 3  # not blank
