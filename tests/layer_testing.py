"""Small QGIS layers for tests and reading their values (import only from QGIS tests)."""

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


def memory_layer(geometry, fields, rows, crs="EPSG:25832", name="layer"):
    """A memory layer of ``geometry`` ("Point", "Polygon", "LineString", "None") with ``fields`` ("name:type"
    specs of the memory provider, e.g. "id:string") and ``rows``: ``(wkt or None, [attributes])``."""
    uri = "{}?crs={}&{}".format(geometry, crs, "&".join("field={}".format(f) for f in fields))
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    features = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        features.append(f)
    if features:
        assert layer.dataProvider().addFeatures(features)[0]
    return layer


def is_null(value):
    """A NULL attribute: None (Qt6 builds), a NULL QVariant (Qt5 builds) or its text."""
    return value is None or (hasattr(value, "isNull") and value.isNull()) or str(value) == "NULL"
