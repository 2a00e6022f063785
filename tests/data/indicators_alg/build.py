"""Small, hand-checkable test data for calculateindicators / attentionindex / cartography.

Nine square quartiers (1 km, a 3 x 3 grid, EPSG:25832), ids "Q01".."Q09" (text), two municipalities, and a counts
table. Built into a real GeoPackage by :func:`write_gpkg` (layers ``quartiers`` and ``counts``).

What the rows exercise:
- Q03: ``sgb2_u65`` = 2 < MIN_COUNT 3 → A.1 suppressed_count;
- Q04: ``pop_total`` = 250 < MIN_POPULATION 300 → every indicator suppressed_population;
- Q05: ``sgb2_u15`` = "k.A." (text) → A.2 NULL, flagged, never 0;
- Q08: ``gsi_alter`` = 0 → A.4 = 0 (a real zero, not suppressed).
"""

import gpkg_testing
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
)

from quartiersmonitor.compat import T_INT as INT
from quartiersmonitor.compat import T_STRING as STRING

COLUMNS = ("quartier_id", "pop_total", "pop_u65", "sgb2_u65", "pop_u15", "sgb2_u15", "pop_65plus", "gsi_alter")
ROWS = (
    ("Q01", 1200, 1000, 100, 150, 30, 200, 10),
    ("Q02", 2500, 2000, 300, 300, 60, 500, 25),
    ("Q03", 800, 700, 2, 100, 10, 100, 4),
    ("Q04", 250, 200, 20, 40, 8, 50, 3),
    ("Q05", 1500, 1200, 60, 200, "k.A.", 300, 12),
    ("Q06", 3000, 2500, 500, 400, 120, 500, 40),
    ("Q07", 1800, 1500, 150, 250, 40, 300, 6),
    ("Q08", 900, 800, 40, 120, 9, 100, 0),
    ("Q09", 2200, 1800, 90, 300, 45, 400, 30),
)
MUNICIPALITY = {"Q01": "M1", "Q02": "M1", "Q03": "M1", "Q04": "M1", "Q05": "M1",
                "Q06": "M2", "Q07": "M2", "Q08": "M2", "Q09": "M2"}
CRS = "EPSG:25832"


def square(i):
    x0 = 400000 + (i % 3) * 1000
    y0 = 5700000 + (i // 3) * 1000
    return QgsGeometry.fromWkt(
        "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x0 + 1000, y0 + 1000)
    )


def quartier_layer(ids=None):
    ids = ids or [row[0] for row in ROWS]
    layer = QgsVectorLayer("Polygon?crs={}".format(CRS), "quartiers", "memory")
    fields = QgsFields()
    for name in ("quartier_id", "name", "municipality_id"):
        fields.append(QgsField(name, STRING))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for i, qid in enumerate(ids):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(square(i))
        feature.setAttributes([qid, "Quartier {}".format(qid), MUNICIPALITY.get(qid, "M1")])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def counts_layer(rows=ROWS, columns=COLUMNS, name="counts"):
    """A geometry-less table; a column holding any text becomes a text column (as in a CSV with "k.A.")."""
    layer = QgsVectorLayer("None", name, "memory")
    fields = QgsFields()
    text = [j == 0 or any(isinstance(row[j], str) for row in rows) for j in range(len(columns))]
    for j, column in enumerate(columns):
        fields.append(QgsField(column, STRING if text[j] else INT))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([None if v is None else (str(v) if text[j] else v)
                               for j, v in enumerate(row)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def write_layer(layer, path, name):
    return gpkg_testing.write_gpkg(layer, path, name).source()


def write_gpkg(path, rows=ROWS, columns=COLUMNS, quartier_ids=None):
    """Write ``quartiers`` and ``counts`` into the GeoPackage ``path``; returns (quartiers uri, counts uri)."""
    q = write_layer(quartier_layer(quartier_ids), path, "quartiers")
    c = write_layer(counts_layer(rows, columns), path, "counts")
    return q, c


def counts_frame(rows=ROWS, columns=COLUMNS):
    """The same counts as a DataFrame (for computing the engine's expected result independently of QGIS)."""
    import pandas as pd

    return pd.DataFrame([list(r) for r in rows], columns=list(columns), dtype=object)


CRS_OBJECT = QgsCoordinateReferenceSystem(CRS)
