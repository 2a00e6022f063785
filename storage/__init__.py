"""Storage code in numpy and SQLite (no QGIS, no Qt): GeoPackage R-tree bulk packing (``rtree_pack``), rows sent
to SQLite as JSON arrays (``sqlite_bulk``) and point geometries read from WKB (``wkb``)."""
