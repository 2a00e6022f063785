"""The written demo GeoPackage checked with QGIS/GEOS as the oracle: validity, union without gaps or overlaps,
addresses inside exactly one quartier (Processing join), residents per quartier = counts_2024."""

import os

import pandas as pd
import pytest
from qgis.core import QgsGeometry, QgsSpatialIndex, QgsVectorLayer


def _layer(folder, name):
    lyr = QgsVectorLayer("{}|layername={}".format(os.path.join(folder, "demo.gpkg"), name), name, "ogr")
    assert lyr.isValid(), name
    return lyr


def test_layers_schema_and_crs(demo_folder):
    expected = {
        "quartiers": (158, ["quartier_id", "name", "municipality_id", "municipality"]),
        "municipalities": (19, ["municipality_id", "name", "postcodes", "n_quartiers"]),
        "county": (1, ["name"]),
        "counts_2023": (158, ["quartier_id", "municipality", "year", "sgb2_u65", "pop_u65"]),
        "counts_2024": (158, ["quartier_id", "municipality", "year", "sgb2_u65", "pop_u65"]),
    }
    for name, (n, fields) in expected.items():
        lyr = _layer(demo_folder, name)
        assert lyr.featureCount() == n, name
        names = [f.name() for f in lyr.fields()]
        assert names[1:len(fields) + 1] == fields, name  # after the fid
        if lyr.isSpatial():
            assert lyr.crs().authid() == "EPSG:25832"
    addresses = _layer(demo_folder, "addresses")
    assert 35000 <= addresses.featureCount() <= 40000
    assert addresses.fields().field("housenumber").typeName().lower().startswith(("text", "string", "varchar"))
    offerings = _layer(demo_folder, "offerings")
    assert 100 <= offerings.featureCount() <= 250
    csv = pd.read_csv(os.path.join(demo_folder, "counts_2024.csv"), dtype={"quartier_id": str})
    table = {f["quartier_id"]: f["pop_total"] for f in _layer(demo_folder, "counts_2024").getFeatures()}
    assert table == dict(zip(csv["quartier_id"], csv["pop_total"]))


def test_quartiers_valid_no_gaps_no_overlaps(demo_folder):
    quartiers = list(_layer(demo_folder, "quartiers").getFeatures())
    geoms = [f.geometry() for f in quartiers]
    for f, g in zip(quartiers, geoms):
        assert g.isGeosValid(), f["quartier_id"]
        assert g.area() > 0
    ids = [f["quartier_id"] for f in quartiers]
    assert len(set(ids)) == 158
    union = QgsGeometry.unaryUnion(geoms)
    total = sum(g.area() for g in geoms)
    assert union.area() == pytest.approx(total, rel=1e-9)  # no overlaps
    county = next(_layer(demo_folder, "county").getFeatures()).geometry()
    assert union.symDifference(county).area() < 1.0  # no gaps: the union is the county
    parts = union.asMultiPolygon() if union.isMultipart() else [union.asPolygon()]
    assert len(parts) == 1 and len(parts[0]) == 1  # one piece, no holes
    # Pairwise: neighbours share borders but no area.
    index = QgsSpatialIndex()
    for i, g in enumerate(geoms):
        assert index.addFeature(i, g.boundingBox())
    n_neighbours = 0
    for i, g in enumerate(geoms):
        for j in index.intersects(g.boundingBox()):
            if j > i and g.intersects(geoms[j]):
                n_neighbours += 1
                assert g.intersection(geoms[j]).area() < 1e-3, (ids[i], ids[j])
    assert n_neighbours > 300
    # Each municipality is the union of its quartiers.
    for m in _layer(demo_folder, "municipalities").getFeatures():
        mine = [g for f, g in zip(quartiers, geoms) if f["municipality_id"] == m["municipality_id"]]
        assert len(mine) == m["n_quartiers"]
        assert QgsGeometry.unaryUnion(mine).symDifference(m.geometry()).area() < 1.0, m["name"]
    assert 800e6 < county.area() < 1400e6


def test_addresses_in_exactly_one_quartier_and_population(demo_folder, qgis_processing):
    from qgis import processing

    addresses = _layer(demo_folder, "addresses")
    quartiers = _layer(demo_folder, "quartiers")
    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": addresses, "JOIN": quartiers, "PREDICATE": [5], "JOIN_FIELDS": ["quartier_id"], "METHOD": 0,
        "DISCARD_NONMATCHING": True, "OUTPUT": "memory:"})["OUTPUT"]
    # One-to-many join on "within": a point in two quartiers would give two rows, a point on a border or outside
    # none; so as many rows as addresses means each one strictly inside exactly one quartier.
    assert joined.featureCount() == addresses.featureCount()
    residents = {}
    idx_q, idx_r = joined.fields().indexOf("quartier_id"), joined.fields().indexOf("residents")
    for f in joined.getFeatures():
        residents[f[idx_q]] = residents.get(f[idx_q], 0) + f[idx_r]
    counts = pd.read_csv(os.path.join(demo_folder, "counts_2024.csv"), dtype={"quartier_id": str})
    assert residents == dict(zip(counts["quartier_id"], counts["pop_total"]))
    offerings = _layer(demo_folder, "offerings")
    inside = processing.run("native:extractbylocation", {
        "INPUT": offerings, "PREDICATE": [6], "INTERSECT": quartiers, "OUTPUT": "memory:"})["OUTPUT"]
    assert inside.featureCount() == offerings.featureCount()
