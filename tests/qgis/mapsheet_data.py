"""A small indicator layer as ``calculateindicators`` writes it, for the dock and map-sheet tests.

12 quartiers (a 4 × 3 grid of 500 m squares in EPSG:25832) in two municipalities, indicators A.1 and G.2 with every
output field (F, F_num, F_den, F_lo, F_hi, F_z, F_class, F_flag, F_sig, F_mun, F_county), one suppressed value, the
custom property ``quartiersmonitor/indicators`` and one saved style per indicator.
"""

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsRectangle,
    QgsRendererRange,
    QgsVectorLayer,
)

from quartiersmonitor.compat import T_DOUBLE as DOUBLE
from quartiersmonitor.compat import T_INT as INT
from quartiersmonitor.compat import T_STRING as STRING

FIELDS_PER_INDICATOR = ("", "_num", "_den", "_lo", "_hi", "_z", "_class", "_flag", "_sig", "_mun", "_county")
NAMES = ["Altstadt", "Nord/Süd", "../../etc/passwd", "Am Weiher", "Bahnhofsviertel", "Äußere Neustadt",
         "Ölmühle: Ost", "Kirchberg", "Lindenhof", "Z" * 300, "Mühlental", "Sonnenhang"]


# Extra indicators of make_indicator_layer(extra=...): numerator, denominator and factor by quartier index.
EXTRA_VALUES = {
    "D1": (lambda i: 30 + 13 * i, lambda i: 40 + 5 * i, 100),  # ageing index: per 100, values 75 ... 192
}


def _values(index, field):
    """Deterministic indicator values; quartier 4 (index 3) has A1 suppressed (count 2)."""
    if field in EXTRA_VALUES:
        num_of, den_of, factor = EXTRA_VALUES[field]
        num, den = num_of(index), den_of(index)
    else:
        num = 10 + 7 * index if field == "A1" else 1 + index % 4
        den = 400 + 25 * index if field == "A1" else 900 + 10 * index
        factor = 100 if field == "A1" else 100000
    value = factor * num / den
    if field == "A1" and index == 3:
        return {"": None, "_num": None, "_den": None, "_lo": None, "_hi": None, "_z": None, "_class": 0,
                "_flag": "suppressed_count", "_sig": None}
    return {"": round(value, 3), "_num": float(num), "_den": float(den), "_lo": round(value * 0.8, 3),
            "_hi": round(value * 1.2, 3), "_z": round((index - 5.5) / 3.5, 3), "_class": 1 + index % 5,
            "_flag": "ok", "_sig": (1 if index > 8 else (-1 if index < 2 else 0))}


def make_indicator_layer(name="indicators", names=None, extra=()):
    """The layer described above; ``extra``: further indicator fields (keys of ``EXTRA_VALUES``, or any field name,
    valued like G2), listed in ``quartiersmonitor/indicators`` after A.1 and G.2 without a saved style."""
    names = names or NAMES
    indicator_fields = ("A1", "G2") + tuple(extra)
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", name, "memory")
    fields = [QgsField("quartier_id", STRING), QgsField("name", STRING),
              QgsField("municipality", STRING), QgsField("pop_total", INT)]
    for field in indicator_fields:
        for suffix in FIELDS_PER_INDICATOR:
            if suffix in ("_flag",):
                kind = STRING
            elif suffix in ("_class", "_sig"):
                kind = INT
            else:
                kind = DOUBLE
            fields.append(QgsField(field + suffix, kind))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for index in range(12):
        col, row = index % 4, index // 4
        x0, y0 = 400000 + col * 500, 5600000 + row * 500
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + 500, y0 + 500)))
        municipality = "Adorf" if col < 2 else "Bstadt"
        attributes = {"quartier_id": "{:04d}".format(101 + index), "name": names[index],
                      "municipality": municipality, "pop_total": 500 + 100 * index}
        for field in indicator_fields:
            for suffix, value in _values(index, field).items():
                attributes[field + suffix] = value
            attributes[field + "_mun"] = 4.5 if municipality == "Adorf" else 6.25
            attributes[field + "_county"] = 5.125 if field == "A1" else 180.5
        for key, value in attributes.items():
            feature[key] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setCustomProperty("quartiersmonitor/indicators", ",".join(
        ["A.1", "G.2"] + [field[:1] + "." + field[1:] for field in extra]))
    # One saved style per indicator, named like cartography names them ("A.1 SGB II rate").
    manager = layer.styleManager()
    default = manager.currentStyle()
    layer.setRenderer(graduated("G2", 0, 500, (80, 120, 200)))
    manager.addStyleFromLayer("G.2 Premature mortality")
    layer.setRenderer(graduated("A1", 0, 20, (200, 60, 40)))
    manager.addStyleFromLayer("A.1 SGB II rate")
    manager.setCurrentStyle("A.1 SGB II rate")
    manager.removeStyle(default)
    return layer


def graduated(field, low, high, rgb):
    """Graduated renderer on ``coalesce("F", -1)`` (NULL → a grey class), like cartography's."""
    ranges = []
    step = (high - low) / 3.0
    for k in range(3):
        lower, upper = low + k * step, low + (k + 1) * step
        alpha = 80 + 60 * k
        symbol = QgsFillSymbol.createSimple({"color": "{},{},{},{}".format(*rgb, alpha), "outline_color": "white"})
        ranges.append(QgsRendererRange(lower, upper, symbol, "{:.0f} – {:.0f}".format(lower, upper)))
    grey = QgsFillSymbol.createSimple({"color": "200,200,200,255", "style": "b_diagonal"})
    ranges.append(QgsRendererRange(-2, -1, grey, "suppressed"))
    return QgsGraduatedSymbolRenderer('coalesce("{}", -1)'.format(field), ranges)


def demo_indicator_layer(folder, scale=1.0, seed=42, name="Demo indicators"):
    """The demo county (158 quartiers, ``resources/demo``) through ``calculateindicators`` with every indicator of
    the catalog, loaded into the project and styled as the algorithm does (one saved style per indicator).

    Needs Processing with our provider registered. Returns the loaded layer.
    """
    import os

    from qgis import processing
    from qgis.core import QgsProject

    import quartiersmonitor.resources.demo as demo
    from quartiersmonitor.indicators.catalog import load_catalog

    demo.write(demo.generate(seed=seed, scale=scale), folder)  # noqa: QGS201 (not QgsProject.write)
    gpkg = os.path.join(folder, "demo.gpkg")
    out = os.path.join(folder, "indicators.gpkg")
    ids = load_catalog().ids()
    processing.runAndLoadResults("quartiersmonitor:calculateindicators", {
        "QUARTIERS": gpkg + "|layername=quartiers",
        "QUARTIER_ID": "quartier_id",
        "DATA": gpkg + "|layername=counts_2024",
        "DATA_ID": "quartier_id",
        "INDICATORS": list(range(len(ids))),
        "MUNICIPALITY_FIELD": "municipality_id",
        "OUTPUT": out,
    })
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
    assert len(layers) == 1, layers
    layers[0].setName(name)
    return layers[0]
