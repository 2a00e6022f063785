"""Storage code in numpy and SQLite (no QGIS, no Qt): GeoPackage R-tree bulk packing (``rtree_pack``), rows sent
to SQLite as JSON arrays (``sqlite_bulk``), point geometries read from WKB (``wkb``) and output field names (which
input fields new ones replace, names within 63 characters: ``field_names``)."""
