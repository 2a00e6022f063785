"""The written demo GeoPackage checked with QGIS/GEOS as the oracle: validity, union without gaps or overlaps,
addresses inside exactly one quartier (Processing join), residents per quartier = counts_2024."""

import os

import numpy as np
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


def test_network_and_river_layers(demo_folder):
    network = _layer(demo_folder, "network")
    river = _layer(demo_folder, "river")
    assert network.crs().authid() == "EPSG:25832" and river.featureCount() == 1
    kinds = {}
    for f in network.getFeatures():
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    assert kinds.get("bridge") == 4 and kinds.get("street", 0) > 15000
    # GEOS as the oracle: the river line meets exactly the four bridge segments, each in one point.
    line = next(river.getFeatures()).geometry()
    crossing = {}
    for f in network.getFeatures():
        if f.geometry().intersects(line):
            crossing[f["kind"]] = crossing.get(f["kind"], 0) + 1
            assert f.geometry().intersection(line).constGet().nCoordinates() == 1
    assert crossing == {"bridge": 4}
    county = next(_layer(demo_folder, "county").getFeatures()).geometry()
    assert county.contains(QgsGeometry.unaryUnion([f.geometry() for f in network.getFeatures()]))


def _demo_script():
    import importlib.util

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "scripts",
                        "demo.py")
    spec = importlib.util.spec_from_file_location("qm_demo_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path, *names):
    lyr = QgsVectorLayer(path, "out", "ogr")
    assert lyr.isValid(), path
    return [([f[n] for n in names], f.geometry()) for f in lyr.getFeatures()]


def test_demo_kita_steps(demo_folder, provider, tmp_path, capsys):
    """The demo's Kita steps on the demo county (a quarter of the addresses): network distances are never shorter
    than straight lines, and the river makes some much longer."""
    demo = _demo_script()
    out = str(tmp_path)
    coverage = demo.kita_coverage_network(demo_folder, out)
    access = demo.kita_accessibility(demo_folder, out)
    siting = demo.kita_siting(demo_folder, out)
    printed = capsys.readouterr().out
    assert "along the network" in printed and "gap" in printed

    straight = {r[0][0]: (r[0][1], r[1].asPoint()) for r in _read(
        os.path.join(out, "kita_addresses_straight.gpkg"), "address_id", "nearest_distance_m")}
    network = {r[0][0]: r[0][1] for r in _read(
        os.path.join(out, "kita_addresses_network.gpkg"), "address_id", "nearest_distance_m")}
    assert set(straight) == set(network) and len(straight) == coverage["addresses"] > 30000
    # Straight line: the nearest Kita computed here (numpy over all pairs) is the algorithm's distance.
    kitas = [f.geometry().asPoint() for f in _layer(demo_folder, "offerings").getFeatures() if f["category"] == "kita"]
    kx = np.array([p.x() for p in kitas])
    ky = np.array([p.y() for p in kitas])
    ids = sorted(straight)
    ax = np.array([straight[i][1].x() for i in ids])
    ay = np.array([straight[i][1].y() for i in ids])
    d2 = (ax[:, None] - kx[None, :]) ** 2 + (ay[:, None] - ky[None, :]) ** 2
    nearest = d2.argmin(axis=1)
    own = np.sqrt(d2[np.arange(len(ids)), nearest])
    sl = np.array([straight[i][0] for i in ids], dtype=float)
    nw = np.array([network[i] for i in ids], dtype=float)
    assert np.allclose(sl, own, atol=0.01)
    assert (nw >= sl - 1e-6).all()  # every address: along the network at least as far as straight
    assert (nw > sl + 0.01).sum() == coverage["farther"]
    assert np.median(nw) > np.median(sl) and coverage["network"]["median_m"] == pytest.approx(np.median(nw))
    # Across the river: addresses whose nearest Kita lies on the other bank have much longer network distances.
    river = next(_layer(demo_folder, "river").getFeatures()).geometry()
    across = np.array([QgsGeometry.fromPolylineXY([straight[i][1], kitas[k]]).intersects(river)
                       for i, k in zip(ids, nearest)])
    assert across.sum() > 100
    detour = nw - sl
    assert np.median(detour[across]) > 2.0 * np.median(detour[~across])
    assert (detour[across] > 1500.0).sum() > 50
    # Accessibility: straight and network per quartier; siting: five ranked sites and the report.
    assert len(access["straight"]["index"]) == len(access["network"]["index"]) == 158
    sites = _read(os.path.join(out, "kita_sites.gpkg"), "rank", "gain", "covered_total")
    ranks = sorted(r[0] for r in sites)
    assert [r[0] for r in ranks] == [1, 2, 3, 4, 5] and siting["sites"] == 5
    totals = [r[2] for r in ranks]
    assert all(g > 0 for _, g, _ in ranks) and totals == sorted(totals)
    assert siting["before"] < siting["after"] <= siting["total"]
    assert os.path.getsize(os.path.join(out, "kita_siting_report.html")) > 500
