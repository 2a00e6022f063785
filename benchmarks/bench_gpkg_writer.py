"""Speed benchmark: our hand-written GeoPackage writers beside GDAL doing the same job (no point-in-polygon work).

Builds (numpy + GDAL, seeded) a GeoPackage of N address points with 6 attribute columns (EPSG:25832, fids 1..N,
with spatial index, as users keep them), then times in one process, best of ``--repeat`` runs each:

a.  ``gpkg_join.write_gpkg_join`` tier 1 (the layer copied inside SQLite by INSERT ... SELECT) + packed R-tree
    (``gpkg_sql.add_packed_spatial_index``), called as assignaddresses calls it: two new text columns
    (quartier_id: 150 values, assign_status: 4 values; categorical), ``bounds`` given;
    a2. the same without spatial index (the copy alone); a3. a2 + GDAL's ``CreateSpatialIndex()`` on the table;
b.  ``write_gpkg_join`` with ``spatial_index=True, bounds=None``: tier 2, ``gdal.VectorTranslate`` of an SQL join
    to the packed lookup (ATTACHed SQLite), SPATIAL_INDEX=YES (GDAL builds the index);
    b2. tier 2 with the packed R-tree (the plugin's fallback when tier 1 does not apply; tier 1 forced off);
c.  "let GDAL do it all": a SQLite table (fid, quartier_id, assign_status) by ``executemany``, ATTACHed to the
    source and ``gdal.VectorTranslate -sql 'SELECT l.*, v.* ... LEFT JOIN'`` to GPKG with SPATIAL_INDEX=YES;
d.  floors: ``gdal.VectorTranslate`` plain copy (no new columns) with SPATIAL_INDEX=YES / NO;
e.  ``gpkg_table.write_gpkg_table`` as geocodeaddresses writes OUTPUT from a GeoPackage input: new points (x, y;
    NaN = unmatched, no geometry), the input's attributes copied inside SQLite (``copy_from``) and 3 new columns
    (match_status, match_score, match_address), packed R-tree:
    e1. rows as JSON arrays (storage.sqlite_bulk.PackedRows); e2. ``executemany`` (``gpkg_table.has_json_each``
    patched to False, as tests/qgis/test_geocode_addresses.py does); e3. GDAL's own way: an OGR
    ``CreateFeature`` loop over the source in one transaction, SPATIAL_INDEX=YES;
    e4. geocodeaddresses' other way (no copy_from, e.g. a CSV or memory input): all 9 columns passed from Python
    (the 6 source columns as Python lists), bound by executemany (JSON rows were 22-28 % slower here, measured with
    this benchmark at 1M rows on GDAL 3.6 and 3.10, and are no longer used without copy_from).

Every output is checked after its runs (not timed): OGR opens it, N features, the expected fields in order, the
fid column, a sample of 1000 features (attributes and geometry against the source and the new values), the value
counts of the new columns, and the spatial index (row count, ``rtreecheck``, a box query against numpy).

The machine is shared: timings are disturbed by other processes.

    .venv/bin/python benchmarks/bench_gpkg_writer.py [--n 1000000] [--repeat 3]
"""

import argparse
import collections
import gc
import os
import platform
import shutil
import sqlite3
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRS_EPSG = 25832
ORIGIN = (380000.0, 5560000.0)
SIZE = (42000.0, 32000.0)
SOURCE_FIELDS = [("street", "String"), ("housenumber", "String"), ("postcode", "String"), ("city", "String"),
                 ("residents", "Integer"), ("floor_area", "Real")]
N_QUARTIERS = 150
SAMPLE = 1000


# -- the source -------------------------------------------------------------------------------------------------------
def build_source(path, n, seed=11):
    """N address points with 6 attribute columns in a GeoPackage (layer ``addresses``, fids 1..N, spatial index),
    written by GDAL from a CSV (+ .csvt for the column types)."""
    import pandas as pd
    from osgeo import gdal

    gdal.UseExceptions()
    from bench_assign import settlement_xy

    rng = np.random.default_rng(seed)
    x, y = settlement_xy(rng, n)
    streets = np.array(["{} {}".format(a, b) for a in ("Haupt", "Bahnhof", "Linden", "Schul", "Kirch", "Garten",
                                                         "Berg", "Wald", "Mühlen", "Birken", "Eichen", "Ahorn")
                        for b in ("straße", "weg", "gasse", "allee", "ring", "platz", "pfad", "steig")]
                       + ["Am Markt {}".format(i) for i in range(700)], dtype=object)
    numbers = rng.integers(1, 180, n).astype(str).astype(object)
    suffix = rng.random(n) < 0.08
    numbers[suffix] = numbers[suffix] + "a"
    postcodes = np.array(["{:05d}".format(34000 + 17 * i) for i in range(40)], dtype=object)
    cities = np.array(["Gemeinde {}".format(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"], dtype=object)
    frame = pd.DataFrame({
        "x": np.round(x, 2), "y": np.round(y, 2),
        "street": streets[rng.integers(0, len(streets), n)], "housenumber": numbers,
        "postcode": postcodes[rng.integers(0, len(postcodes), n)], "city": cities[rng.integers(0, len(cities), n)],
        "residents": rng.integers(0, 12, n), "floor_area": np.round(rng.gamma(2.0, 60.0, n), 1)})
    csv_path = path + ".csv"
    frame.to_csv(csv_path, index=False, float_format="%.2f")
    with open(path + ".csvt", "w") as fh:
        fh.write(",".join(['"Real"', '"Real"'] + ['"{}"'.format(t) for _n, t in SOURCE_FIELDS]))
    if os.path.exists(path):
        os.remove(path)
    src = gdal.OpenEx(csv_path, gdal.OF_VECTOR, open_options=[
        "X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "KEEP_GEOM_COLUMNS=NO"])
    gdal.VectorTranslate(path, src, format="GPKG", layerName="addresses", dstSRS="EPSG:25832",
                         srcSRS="EPSG:25832", geometryType="POINT",
                         layerCreationOptions=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
    src = None
    os.remove(csv_path)
    os.remove(path + ".csvt")


def read_points(path):
    """fids, x, y of the source layer (GDAL's Arrow stream, attributes ignored), in fid order."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayerByName("addresses")
    defn = lyr.GetLayerDefn()
    lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
    fids, blobs = [], []
    for batch in lyr.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"]):
        fids.append(np.asarray(batch["fid"], dtype=np.int64))
        blobs.append(b"".join(bytes(b) for b in batch["geom"]))
    ds = None
    wkb = np.frombuffer(b"".join(blobs), dtype=np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"),
                                                         ("y", "<f8")]))
    assert (wkb["order"] == 1).all() and (wkb["type"] == 1).all(), "expected little-endian 2D WKB points"
    fids = np.concatenate(fids)
    order = np.argsort(fids, kind="stable")
    return fids[order], wkb["x"][order].copy(), wkb["y"][order].copy()


# -- checks -----------------------------------------------------------------------------------------------------------
def ogr_geom_type_name(code):
    from osgeo import ogr

    return ogr.GeometryTypeToName(code)


def verify(path, expected_fields, n, sample_fids, expected_row, value_counts, geoms, spatial_index):
    """Assert that the GeoPackage ``path`` holds what it should; returns a short description (geometry type).

    ``expected_row(fid)``: ``(attributes dict, (x, y) or None)``; ``value_counts``: ``{field: Counter}``;
    ``geoms``: (x, y) arrays of the non-NULL geometries (for the spatial index check)."""
    from osgeo import gdal

    from quartiersmonitor.storage.rtree_pack import round_down, round_up

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    assert ds is not None and ds.GetLayerCount() == 1, path
    lyr = ds.GetLayer(0)
    table, geom_col = lyr.GetName(), lyr.GetGeometryColumn()
    assert lyr.GetFeatureCount() == n, (path, lyr.GetFeatureCount(), n)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    assert names == expected_fields, (path, names, expected_fields)
    assert lyr.GetFIDColumn() == "fid", (path, lyr.GetFIDColumn())
    srs = lyr.GetSpatialRef()
    assert srs is not None and srs.GetAuthorityCode(None) == str(CRS_EPSG), path
    geom_type = ogr_geom_type_name(lyr.GetGeomType())
    for fid in sample_fids:
        feature = lyr.GetFeature(int(fid))
        assert feature is not None, (path, fid)
        attributes, point = expected_row(int(fid))
        for name, value in attributes.items():
            got = feature.GetField(name)
            assert got == value, (path, fid, name, got, value)
        geom = feature.GetGeometryRef()
        if point is None:
            assert geom is None or geom.IsEmpty(), (path, fid)
        else:
            assert geom is not None and (geom.GetX(), geom.GetY()) == point, (path, fid, geom, point)
    lyr = ds = None

    con = sqlite3.connect("file:{}?mode=ro".format(path), uri=True)
    try:
        qt = '"{}"'.format(table.replace('"', '""'))
        assert con.execute("SELECT count(*) FROM {}".format(qt)).fetchone()[0] == n, path
        for name, expected in value_counts.items():
            got = collections.Counter(dict(con.execute('SELECT "{0}", count(*) FROM {1} GROUP BY "{0}"'.format(
                name, qt)).fetchall()))
            assert got == expected, (path, name)
        rtree = "rtree_{}_{}".format(table, geom_col)
        has_rtree = con.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()[0] > 0
        assert has_rtree == spatial_index, (path, has_rtree, spatial_index)
        if spatial_index:
            qr = '"{}"'.format(rtree)
            gx, gy = geoms
            assert con.execute("SELECT count(*) FROM {}".format(qr)).fetchone()[0] == len(gx), path
            assert con.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok", path
            registered = con.execute("SELECT count(*) FROM gpkg_extensions WHERE table_name = ? AND "
                                     "extension_name = 'gpkg_rtree_index'", (table,)).fetchone()[0]
            assert registered == 1, path
            box = (ORIGIN[0] + 0.3 * SIZE[0], ORIGIN[0] + 0.55 * SIZE[0],
                   ORIGIN[1] + 0.4 * SIZE[1], ORIGIN[1] + 0.7 * SIZE[1])
            got = con.execute("SELECT count(*) FROM {} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?"
                              .format(qr), box).fetchone()[0]
            expected = int(np.count_nonzero((round_up(gx) >= box[0]) & (round_down(gx) <= box[1])
                                            & (round_up(gy) >= box[2]) & (round_down(gy) <= box[3])))
            assert got == expected, (path, got, expected)
    finally:
        con.close()
    return geom_type


# -- timing -----------------------------------------------------------------------------------------------------------
def remove_gpkg(path):
    for p in (path, path + "-wal", path + "-shm", path + "-journal"):
        if os.path.exists(p):
            os.remove(p)


def best_of(repeat, fn, out_path):
    times = []
    for _ in range(repeat):
        remove_gpkg(out_path)
        gc.collect()
        t0 = time.perf_counter()
        fn(out_path)
        times.append(time.perf_counter() - t0)
    return min(times), times


def load_average():
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "?"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--n", dest="n", type=int, default=1_000_000, help="number of address points")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (best is reported)")
    parser.add_argument("--folder", default=os.path.join(REPO, "build", "bench"), help="where the case is kept")
    parser.add_argument("--only", default="", help="comma-separated keys of the contenders to run (e.g. a,a2,d2)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.path.join(REPO, "tests"))
    from osgeo import gdal, ogr, osr

    import testpaths  # noqa: F401  (makes the plugin importable as ``quartiersmonitor``)

    gdal.UseExceptions()
    # No QgsApplication: these modules only import qgis.core names (QgsFields/QgsField work without it).
    from qgis.core import QgsField, QgsFields

    from quartiersmonitor.compat import T_DOUBLE, T_INT, T_LONG, T_STRING
    from quartiersmonitor.processing_provider import gpkg_join, gpkg_table
    from quartiersmonitor.processing_provider.gpkg_join import write_gpkg_join
    from quartiersmonitor.processing_provider.gpkg_sql import NotCopyableError
    from quartiersmonitor.processing_provider.gpkg_table import write_gpkg_table
    from quartiersmonitor.spatial.pip import STATUS_NAMES

    os.makedirs(args.folder, exist_ok=True)
    src_path = os.path.join(args.folder, "gpkg_writer_source_{}.gpkg".format(args.n))
    if not os.path.exists(src_path):
        print("building {:,} points".format(args.n), flush=True)
        t0 = time.perf_counter()
        build_source(src_path, args.n)
        print("  built in {:.1f} s".format(time.perf_counter() - t0), flush=True)
    out_dir = os.path.join(args.folder, "gpkg_writer_out")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)

    fids, px, py = read_points(src_path)
    n = len(fids)
    assert n == args.n and (fids == np.arange(1, n + 1)).all()
    info = {"path": src_path, "layer_name": "addresses", "driver": "GPKG", "fid_column": "fid",
            "geometry_column": "geom"}
    src_field_names = [name for name, _t in SOURCE_FIELDS]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CRS_EPSG)
    srs_wkt = srs.ExportToWkt()

    # -- the new values of the join (as assignaddresses has them: categorical codes aligned with fids) ------------
    rng = np.random.default_rng(5)
    qids = ["{:04d}".format(i + 1) for i in range(N_QUARTIERS)]
    q_index = rng.integers(0, N_QUARTIERS, n)
    status = np.where(rng.random(n) < 0.02, 1, 0)  # inside / boundary
    outside = rng.random(n) < 0.03
    q_index[outside], status[outside] = -1, 2
    join_columns = {"quartier_id": (qids, q_index), "assign_status": (STATUS_NAMES, status)}
    join_bounds = (fids, px, px, py, py)
    q_text = np.asarray(qids + [None], dtype=object)[q_index]  # index -1 -> None
    s_text = np.asarray(STATUS_NAMES, dtype=object)[status]
    join_counts = {"quartier_id": collections.Counter(q_text.tolist()),
                   "assign_status": collections.Counter(s_text.tolist())}

    # -- the source's attributes of a sample, for the checks ------------------------------------------------------
    sample_fids = np.sort(rng.choice(fids, min(SAMPLE, n), replace=False))
    ds = gdal.OpenEx(src_path, gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayerByName("addresses")
    src_rows = {}
    for fid in sample_fids.tolist():
        f = lyr.GetFeature(fid)
        src_rows[fid] = {name: f.GetField(name) for name in src_field_names}
    src_defns = []  # (name, type, subtype, width) of the source's fields, for e3
    for i in range(lyr.GetLayerDefn().GetFieldCount()):
        d = lyr.GetLayerDefn().GetFieldDefn(i)
        src_defns.append((d.GetName(), d.GetType(), d.GetSubType(), d.GetWidth()))
    lyr = ds = None
    position = {int(f): i for i, f in enumerate(fids.tolist())}

    def join_row(fid):
        i = position[fid]
        row = dict(src_rows[fid])
        row.update({"quartier_id": q_text[i], "assign_status": s_text[i]})
        return row, (float(px[i]), float(py[i]))

    def plain_row(fid):
        i = position[fid]
        return dict(src_rows[fid]), (float(px[i]), float(py[i]))

    # -- the new values of the geocoded table (as geocodeaddresses has them) ---------------------------------------
    statuses = np.array(["exact", "normalized", "fuzzy", "street", "unmatched"], dtype=object)
    g_status = rng.choice(len(statuses), n, p=[0.72, 0.1, 0.05, 0.05, 0.08])
    matched = g_status != 4
    score = np.select([g_status == 0, g_status == 1, g_status == 2, g_status == 3],
                      [100, 95, rng.integers(70, 95, n), 60], 0).astype(np.int64)
    gx = np.where(matched, np.round(px + rng.normal(0, 4, n), 2), np.nan)
    gy = np.where(matched, np.round(py + rng.normal(0, 4, n), 2), np.nan)
    # match_address: the directory address used, about one distinct text per 1.5 rows; NULL when unmatched
    n_texts = max(1, int(n / 1.5))
    texts = ["Straße {} {}, {:05d} Gemeinde {}".format(k % 997, k // 997 + 1, 34000 + k % 40, k % 29)
             for k in range(n_texts)]
    a_codes = np.where(matched, rng.integers(0, n_texts, n), -1).astype(np.int64)
    import pandas as pd

    st_codes, st_uniques = pd.factorize(statuses[g_status])
    sc_codes, sc_uniques = pd.factorize(score)
    geo_columns = [(st_uniques.tolist(), st_codes), (sc_uniques.tolist(), sc_codes), (texts, a_codes)]
    geo_new = ["match_status", "match_score", "match_address"]
    a_text = np.asarray(texts + [None], dtype=object)[a_codes]
    geo_counts = {"match_status": collections.Counter(statuses[g_status].tolist()),
                  "match_score": collections.Counter(score.tolist()),
                  "match_address": collections.Counter(a_text.tolist())}
    geo_geoms = (gx[matched], gy[matched])
    qgis_types = {"String": T_STRING, "Integer": T_INT, "Integer64": T_LONG, "Real": T_DOUBLE}
    out_fields = QgsFields()
    out_fields.append(QgsField("fid", T_LONG))  # QGIS shows a GeoPackage's fid as a field
    for name, kind in SOURCE_FIELDS:
        out_fields.append(QgsField(name, qgis_types[kind]))
    out_fields.append(QgsField("match_status", T_STRING, len=12))
    out_fields.append(QgsField("match_score", T_INT))
    out_fields.append(QgsField("match_address", T_STRING, len=254))

    def geo_row(fid):
        i = position[fid]
        row = dict(src_rows[fid])
        row.update({"match_status": statuses[g_status[i]], "match_score": int(score[i]),
                    "match_address": a_text[i]})
        return row, ((float(gx[i]), float(gy[i])) if matched[i] else None)

    # -- the contenders ------------------------------------------------------------------------------------------------
    def a_tier1_packed(out):
        write_gpkg_join(info, out, "GPKG", fids, join_columns, bounds=join_bounds)

    def a2_tier1_no_index(out):
        write_gpkg_join(info, out, "GPKG", fids, join_columns, spatial_index=False)

    def a3_tier1_gdal_index(out):
        write_gpkg_join(info, out, "GPKG", fids, join_columns, spatial_index=False)
        ds = gdal.OpenEx(out, gdal.OF_VECTOR | gdal.OF_UPDATE)
        layer = ds.GetLayer(0)
        result = ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(layer.GetName(),
                                                                              layer.GetGeometryColumn()))
        if result is not None:
            ds.ReleaseResultSet(result)
        layer = ds = None

    def b_tier2_gdal_index(out):
        write_gpkg_join(info, out, "GPKG", fids, join_columns, spatial_index=True, bounds=None)

    def b2_tier2_packed(out):
        def refuse(*_args, **_kwargs):
            raise NotCopyableError("benchmark: tier 1 off")

        original = gpkg_join._copy_gpkg_in_sqlite
        gpkg_join._copy_gpkg_in_sqlite = refuse
        try:
            write_gpkg_join(info, out, "GPKG", fids, join_columns, bounds=join_bounds)
        finally:
            gpkg_join._copy_gpkg_in_sqlite = original

    def c_gdal_sql_join(out):
        db_path = out + ".values.sqlite"
        if os.path.exists(db_path):
            os.remove(db_path)
        con = sqlite3.connect(db_path)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("CREATE TABLE v (fid INTEGER PRIMARY KEY, quartier_id TEXT, assign_status TEXT)")
        con.executemany("INSERT INTO v VALUES (?, ?, ?)", zip(fids.tolist(), q_text.tolist(), s_text.tolist()))
        con.commit()
        con.close()
        src = gdal.OpenEx(src_path, gdal.OF_VECTOR | gdal.OF_READONLY)
        src.ExecuteSQL("ATTACH DATABASE '{}' AS qm_values".format(db_path.replace("'", "''")))
        sql = ('SELECT l.*, v.quartier_id AS quartier_id, v.assign_status AS assign_status FROM "addresses" AS l '
               "LEFT JOIN qm_values.v AS v ON v.fid = l.fid")
        gdal.VectorTranslate(out, src, options=gdal.VectorTranslateOptions(
            format="GPKG", SQLStatement=sql, layerName="joined", layerCreationOptions=["SPATIAL_INDEX=YES"],
            options=["-preserve_fid"]))
        src = None
        os.remove(db_path)

    def d_plain(index):
        def run(out):
            gdal.VectorTranslate(out, src_path, options=gdal.VectorTranslateOptions(
                format="GPKG", layers=["addresses"], layerName="copied",
                layerCreationOptions=["SPATIAL_INDEX={}".format(index)]))
        return run

    def e1_table_packed(out):
        assert write_gpkg_table(out, out_fields, geo_columns, points=(gx, gy), srs_wkt=srs_wkt,
                                copy_from=(info, fids))

    def e2_table_executemany(out):
        original = gpkg_table.has_json_each
        gpkg_table.has_json_each = lambda con: False
        try:
            assert write_gpkg_table(out, out_fields, geo_columns, points=(gx, gy), srs_wkt=srs_wkt,
                                    copy_from=(info, fids))
        finally:
            gpkg_table.has_json_each = original

    # e4/e5: the same new values, the input's attributes passed from Python too (geocodeaddresses' other way, e.g.
    # from a CSV or memory input): Python lists of the 6 source columns, as QGIS would hand them
    con = sqlite3.connect("file:{}?mode=ro".format(src_path), uri=True)
    rows = con.execute("SELECT {} FROM addresses ORDER BY fid".format(", ".join(src_field_names))).fetchall()
    con.close()
    src_columns = [list(column) for column in zip(*rows)]
    del rows
    py_fields = QgsFields()
    for name, kind in SOURCE_FIELDS:
        py_fields.append(QgsField(name, qgis_types[kind]))
    for k in range(1, 4):
        py_fields.append(out_fields.at(out_fields.count() - 4 + k))

    def e4_table_python(out):  # executemany: JSON rows are used only for a copy's new columns (measured here)
        assert write_gpkg_table(out, py_fields, src_columns + geo_columns, points=(gx, gy), srs_wkt=srs_wkt)

    def e3_ogr_loop(out):
        # GDAL's own way from Python: the per-row values expanded from the codes, then one CreateFeature per row
        st = statuses[g_status].tolist()
        sc = score.tolist()
        ad = a_text.tolist()
        xs, ys, ms = gx.tolist(), gy.tolist(), matched.tolist()
        src = gdal.OpenEx(src_path, gdal.OF_VECTOR | gdal.OF_READONLY)
        src_lyr = src.GetLayerByName("addresses")
        dst = ogr.GetDriverByName("GPKG").CreateDataSource(out)
        dst_lyr = dst.CreateLayer(os.path.splitext(os.path.basename(out))[0], srs, ogr.wkbPoint,
                                  options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
        for name, kind, subtype, width in src_defns + [("match_status", ogr.OFTString, ogr.OFSTNone, 12),
                                                       ("match_score", ogr.OFTInteger, ogr.OFSTNone, 0),
                                                       ("match_address", ogr.OFTString, ogr.OFSTNone, 254)]:
            definition = ogr.FieldDefn(name, kind)
            definition.SetSubType(subtype)
            definition.SetWidth(width)
            dst_lyr.CreateField(definition)
        defn = dst_lyr.GetLayerDefn()
        k_status = defn.GetFieldIndex("match_status")
        k_score, k_address = k_status + 1, k_status + 2
        dst_lyr.StartTransaction()
        for i, feature in enumerate(src_lyr):
            row = ogr.Feature(defn)
            row.SetFrom(feature)
            row.SetFID(feature.GetFID())
            row.SetField(k_status, st[i])
            row.SetField(k_score, sc[i])
            if ad[i] is not None:
                row.SetField(k_address, ad[i])
            if ms[i]:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(xs[i], ys[i])
                row.SetGeometryDirectly(point)
            else:
                row.SetGeometry(None)
            dst_lyr.CreateFeature(row)
        dst_lyr.CommitTransaction()
        src_lyr = src = dst_lyr = dst = None

    join_fields = src_field_names + ["quartier_id", "assign_status"]
    geo_fields = src_field_names + geo_new
    all_geoms = (px, py)
    contenders = [
        # key, label, function, (expected fields, row check, value counts, geometries, spatial index)
        ("a", "write_gpkg_join tier 1 (SQLite copy) + packed R-tree", a_tier1_packed,
         (join_fields, join_row, join_counts, all_geoms, True)),
        ("a2", "  a without spatial index (the copy alone)", a2_tier1_no_index,
         (join_fields, join_row, join_counts, all_geoms, False)),
        ("a3", "  a2 + GDAL CreateSpatialIndex()", a3_tier1_gdal_index,
         (join_fields, join_row, join_counts, all_geoms, True)),
        ("b", "write_gpkg_join bounds=None: tier 2 (VectorTranslate join) + GDAL index", b_tier2_gdal_index,
         (join_fields, join_row, join_counts, all_geoms, True)),
        ("b2", "  tier 2 (VectorTranslate join, SPATIAL_INDEX=NO) + packed R-tree", b2_tier2_packed,
         (join_fields, join_row, join_counts, all_geoms, True)),
        ("c", "GDAL alone: fid table (executemany) + VectorTranslate -sql join, SPATIAL_INDEX=YES", c_gdal_sql_join,
         (join_fields, join_row, join_counts, all_geoms, True)),
        ("d1", "floor: VectorTranslate plain copy, SPATIAL_INDEX=YES", d_plain("YES"),
         (src_field_names, plain_row, {}, all_geoms, True)),
        ("d2", "floor: VectorTranslate plain copy, SPATIAL_INDEX=NO", d_plain("NO"),
         (src_field_names, plain_row, {}, all_geoms, False)),
        ("e1", "write_gpkg_table copy_from + points + 3 columns, packed JSON", e1_table_packed,
         (geo_fields, geo_row, geo_counts, geo_geoms, True)),
        ("e2", "write_gpkg_table the same, executemany (no json_each)", e2_table_executemany,
         (geo_fields, geo_row, geo_counts, geo_geoms, True)),
        ("e3", "GDAL alone: OGR CreateFeature loop in a transaction, SPATIAL_INDEX=YES", e3_ogr_loop,
         (geo_fields, geo_row, geo_counts, geo_geoms, True)),
        ("e4", "write_gpkg_table all 9 columns from Python + points (executemany)", e4_table_python,
         (geo_fields, geo_row, geo_counts, geo_geoms, True)),
    ]
    only = {k.strip() for k in args.only.split(",") if k.strip()}
    if only:
        contenders = [c for c in contenders if c[0] in only]

    print("GDAL {}, SQLite {}, Python {}, numpy {}, {} CPUs; N = {:,} points, {} quartier ids; best of {}".format(
        gdal.__version__, sqlite3.sqlite_version, platform.python_version(), np.__version__, os.cpu_count(), n,
        N_QUARTIERS, args.repeat), flush=True)
    print("load average at start: {}".format(load_average()), flush=True)
    results = {}
    for key, label, fn, check in contenders:
        out = os.path.join(out_dir, "out_{}.gpkg".format(key))
        best, times = best_of(args.repeat, fn, out)
        geom_type = verify(out, check[0], n, sample_fids, check[1], check[2], check[3], check[4])
        size = os.path.getsize(out) / 2 ** 20
        remove_gpkg(out)
        results[key] = best
        print("{:3s} {:86s} {:7.2f} s  (runs: {}; {}, {:.0f} MiB, checked)".format(
            key, label, best, " ".join("{:.2f}".format(t) for t in times), geom_type, size), flush=True)
    print("load average at end: {}".format(load_average()), flush=True)
    shutil.rmtree(out_dir, ignore_errors=True)

    def ratio(slow, fast, text):
        if slow in results and fast in results:
            print("  {:5s} / {:5s} = {:6.2f}x   {}".format(slow, fast, results[slow] / results[fast], text))

    def diff(a, b):
        return results[a] - results[b] if a in results and b in results else None

    print()
    print("ratios (> 1: the second is faster)")
    ratio("b", "a", "join + index: tier 2 with GDAL's index / tier 1 + packed R-tree")
    ratio("c", "a", "join + index: GDAL alone (VectorTranslate -sql) / tier 1 + packed R-tree")
    ratio("c", "b", "join + index: GDAL alone / tier 2 (packed lookup) with GDAL's index")
    ratio("d1", "a", "floor plain copy + GDAL index / tier 1 + packed R-tree (no new columns in d1)")
    ratio("a3", "a", "tier 1 copy, then GDAL CreateSpatialIndex / packed R-tree")
    ratio("b", "b2", "tier 2, GDAL's index while writing / packed R-tree afterwards")
    ratio("d2", "a2", "no index: GDAL plain copy (no new columns) / tier 1 copy with 2 new columns")
    ratio("e2", "e1", "table: executemany / packed JSON")
    ratio("e3", "e1", "table: OGR CreateFeature loop / write_gpkg_table packed")
    ratio("e3", "e2", "table: OGR CreateFeature loop / write_gpkg_table executemany")
    ratio("e3", "e4", "table: OGR CreateFeature loop / write_gpkg_table all columns from Python")
    index_parts = [("packed R-tree (a - a2)", diff("a", "a2")),
                   ("GDAL CreateSpatialIndex on the copy (a3 - a2)", diff("a3", "a2")),
                   ("GDAL index while VectorTranslate writes (d1 - d2)", diff("d1", "d2"))]
    for text, value in index_parts:
        if value is not None:
            print("  spatial index alone: {:50s} {:6.2f} s".format(text, value))
    print("note: shared machine ({} CPUs), timings disturbed by other processes; best of {}".format(
        os.cpu_count(), args.repeat))


if __name__ == "__main__":
    main()
