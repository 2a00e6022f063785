"""A GeoPackage table written by GDAL (the layer's metadata) and SQLite (the rows, in one transaction): the rows
reach SQLite as JSON arrays (:mod:`quartiersmonitor.storage.sqlite_bulk`) or by ``executemany``; the input's own
attributes may be copied inside SQLite from its file (``copy_from``)."""

import contextlib
import os
import shutil
import sqlite3
import tempfile

import numpy as np

from ..storage.sqlite_bulk import PackedRows, has_json_each
from .errors import canceled
from .gpkg_sql import NotCopyableError, add_packed_spatial_index, bulk_insert, quote, unsynced
from .ogr_arrow import type_code
from .outputs import finish_file_output, remove_dataset_files, temporary_sibling

_PACKED_MAX_COLUMNS = 12  # write_gpkg_table: more new columns are bound row by row


_OGR_TYPES = {1: "bool", 2: "int", 3: "int64", 4: "int64", 6: "real", 10: "text"}  # QVariant/QMetaType numbers


def gpkg_field_definitions(fields):
    """OGR field definitions for the QgsFields ``fields`` when :func:`write_gpkg_table` can write them all (bool,
    integer, real and text fields; a field ``fid`` of integers becomes the GeoPackage fid), else None."""
    from osgeo import ogr

    definitions = []
    for field in fields:
        kind = _OGR_TYPES.get(type_code(field.type()))
        if kind is None:
            return None
        if field.name().lower() == "fid":
            if kind not in ("int", "int64"):
                return None
            definitions.append(None)
            continue
        ogr_type = {"bool": ogr.OFTInteger, "int": ogr.OFTInteger, "int64": ogr.OFTInteger64, "real": ogr.OFTReal,
                    "text": ogr.OFTString}[kind]
        definition = ogr.FieldDefn(field.name(), ogr_type)
        if kind == "bool":
            definition.SetSubType(ogr.OFSTBoolean)
        elif kind == "text" and field.length() > 0:
            definition.SetWidth(field.length())
        definitions.append(definition)
    names = [f.name().lower() for f in fields]
    return definitions if len(set(names)) == len(names) else None


def _point_blob_array(x, y, srs_id):
    """GeoPackage geometry blobs of 2D points (little endian, no envelope), all of one size, as one bytes object
    ``data`` (point i at ``data[i * size:(i + 1) * size]``); returns ``(data, size, ok)``, ``ok`` False where x or y
    is NaN (a NULL geometry)."""
    dtype = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"), ("order", "u1"),
                      ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
    rows = np.zeros(len(x), dtype=dtype)
    rows["magic"], rows["flags"], rows["srs_id"], rows["order"], rows["type"] = b"GP", 1, srs_id, 1, 1
    rows["x"], rows["y"] = x, y
    return rows.tobytes(), dtype.itemsize, np.isfinite(x) & np.isfinite(y)


def _point_blobs(x, y, srs_id):
    """The blobs of :func:`_point_blob_array` as a list, None where x or y is NaN."""
    data, size, ok = _point_blob_array(x, y, srs_id)
    return [data[i * size:(i + 1) * size] if good else None for i, good in enumerate(ok.tolist())]


def _expand(column):
    """A column of :func:`write_gpkg_table` as a list of Python values."""
    if not isinstance(column, tuple):
        return column
    uniques, codes = column
    table = (uniques.tolist() if isinstance(uniques, np.ndarray) else list(uniques)) + [None]
    return [table[k] for k in np.asarray(codes).tolist()]  # code -1: the None at the end


def write_gpkg_table(dest_path, fields, columns, feedback=None, points=None, srs_wkt="", spatial_index=True,
                     layer_name=None, copy_from=None, new_positions=None):
    """Write a new GeoPackage ``dest_path`` holding one table: the QgsFields ``fields`` (see
    :func:`gpkg_field_definitions`) with the Python values ``columns`` (one list per field, NULL as None, or a
    tuple ``(distinct values, integer codes)``, code -1 for NULL) and,
    with ``points`` = (x, y) arrays, point geometries in ``srs_wkt`` (NaN: NULL geometry) with a bulk-loaded
    spatial index. GDAL creates the layer (metadata as GDAL writes it), SQLite inserts the rows in one
    transaction. Atomic: the destination appears only when done. Returns False (nothing written) when the fields
    cannot be written this way, else True.

    ``copy_from`` = ``(info, fids)``: the fields other than the new ones (by default the last ``len(columns)``;
    ``new_positions``: the position of each of ``columns`` among ``fields``) are copied inside SQLite (INSERT ...
    SELECT) from the same-named columns of the GeoPackage table ``info`` (see :func:`ogr_file_source`), its rows
    ``fids`` in this order; ``columns`` and ``points`` are aligned with ``fids``. Python then passes only the new
    values."""
    from osgeo import gdal, osr

    definitions = gpkg_field_definitions(fields)
    names = [f.name() for f in fields]
    fid_pos = [k for k, d in enumerate(definitions or []) if d is None]
    if copy_from is None:
        new_positions = list(range(len(fields)))
    elif new_positions is None:
        new_positions = list(range(len(fields) - len(columns), len(fields)))
    new_positions = [int(p) for p in new_positions]
    copied_pos = [p for p in range(len(fields)) if p not in set(new_positions)]
    new_fid = new_positions.index(fid_pos[0]) if fid_pos and fid_pos[0] in new_positions else None
    if copy_from is not None:
        src_fids = np.asarray(copy_from[1], dtype=np.int64)
        n = len(src_fids)
        if copy_from[0].get("driver") != "GPKG" or not copy_from[0].get("fid_column") \
                or len(new_positions) != len(columns) or not all(0 <= p < len(fields) for p in new_positions):
            return False
    else:
        n = len(points[0]) if points is not None else (len(columns[0]) if columns else 0)
    columns = list(columns)
    if new_fid is not None:
        columns[new_fid] = _expand(columns[new_fid])
    if definitions is None or (new_fid is not None and any(v is None for v in columns[new_fid])):
        return False
    gdal.UseExceptions()
    out_name = layer_name or os.path.splitext(os.path.basename(dest_path))[0]
    tmp_dir, tmp_path = temporary_sibling(dest_path)
    try:
        srs = None
        if points is not None and srs_wkt:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(srs_wkt)
        from osgeo import ogr

        ds = gdal.GetDriverByName("GPKG").Create(tmp_path, 0, 0, 0, gdal.GDT_Unknown)
        options = ["FID=fid", "SPATIAL_INDEX=NO"] + (["GEOMETRY_NAME=geom"] if points is not None else [])
        lyr = ds.CreateLayer(out_name, srs, ogr.wkbPoint if points is not None else ogr.wkbNone, options=options)
        for definition in definitions:
            if definition is not None:
                lyr.CreateField(definition)
        lyr = ds = None

        con = sqlite3.connect("file:{}".format(tmp_path), uri=True, isolation_level=None)
        try:
            unsynced(con)
            targets = [quote("fid") if d is None else quote(name) for d, name in zip(definitions, names)]
            targets = [targets[p] for p in copied_pos + new_positions]  # the copied columns first, as selected
            extent = None
            flags = []
            if points is not None:
                srs_id = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                                     (out_name,)).fetchone()[0]
                targets.append(quote("geom"))
                px, py = np.asarray(points[0], float), np.asarray(points[1], float)
                blobs, blob_size, ok = _point_blob_array(px, py, srs_id)
                flags = [([1], ok.astype(np.int64) - 1)]  # the geometry's NULL flag, packed as one more column
                if ok.any():
                    extent = (np.min(px[ok]), np.min(py[ok]), np.max(px[ok]), np.max(py[ok]))
            copied_sql = []
            if copy_from is not None:
                info = copy_from[0]
                con.execute("ATTACH DATABASE ? AS qm_src", ("file:{}?mode=ro".format(info["path"]),))
                src_cols = {row[1].lower(): row[1] for row in con.execute(
                    "PRAGMA qm_src.table_info({})".format(quote(info["layer_name"])))}
                if not src_cols or any(names[p].lower() not in src_cols for p in copied_pos):
                    raise NotCopyableError("field names")
                copied_sql = ["l." + quote(src_cols[names[p].lower()]) for p in copied_pos]
            # The new values of a copy (``copy_from``: a few columns beside the input's own, copied inside SQLite)
            # go to SQLite as JSON arrays (sqlite_bulk) where this SQLite reads them; rows whose every value comes
            # from Python are bound by executemany. Measured (benchmarks/bench_gpkg_writer.py, 1M rows, GDAL 3.6 and
            # 3.10; bench_geocode_coverage.py, 200,000 rows): JSON arrays are 8-16 % faster for a copy with three
            # new columns, but 22-28 % slower than executemany when all nine columns come from Python, and slower
            # still for wide tables (38 columns of 150,000 rows: 2.1 s against 1.5 s).
            packed = PackedRows.build(columns + flags, lead=src_fids) \
                if copy_from is not None and (columns or flags) and len(columns) <= _PACKED_MAX_COLUMNS \
                and has_json_each(con) else None
            if packed is not None:
                select = copied_sql + [packed.value_sql(i) for i in range(len(columns))]
                params = {}
                if points is not None:
                    select.append("CASE WHEN {code} <> 0 THEN substr(:qm_geoms, {row} * {size} + 1, {size}) END"
                                  .format(code=packed.code_sql(len(columns)), row=packed.row_sql, size=blob_size))
                    params["qm_geoms"] = blobs
                lead_join = "CROSS JOIN qm_src.{} AS l ON l.{} = {}".format(
                    quote(info["layer_name"]), quote(info["fid_column"]), packed.lead_sql())
                sql = "INSERT INTO main.{} ({}) SELECT {} FROM {}".format(
                    quote(out_name), ", ".join(targets), ", ".join(select), packed.from_sql(lead_join))

                def insert():
                    loaded = packed.load(con, feedback.isCanceled if feedback is not None else None)
                    if loaded is None or (feedback is not None and feedback.isCanceled()):
                        raise canceled()
                    params.update(loaded)
                    if feedback is not None:
                        feedback.setProgress(10.0)
                    con.execute(sql, params)
                    packed.drop(con)
            else:
                values = [_expand(column) for column in columns]
                if points is not None:
                    values.append(_point_blobs(px, py, srs_id))
                if copy_from is not None:
                    new_cols = ["c{}".format(i) for i in range(len(targets) - len(copied_pos))]
                    values = [src_fids.tolist()] + values
                    sql = "INSERT INTO temp.qm_v VALUES ({})".format(", ".join("?" * (1 + len(new_cols))))
                    copy_sql = "INSERT INTO main.{} ({}) SELECT {} FROM temp.qm_v AS v JOIN qm_src.{} AS l " \
                        "ON l.{} = v.qm_fid ORDER BY v.rowid".format(
                            quote(out_name), ", ".join(targets), ", ".join(copied_sql + ["v." + c for c in new_cols]),
                            quote(info["layer_name"]), quote(info["fid_column"]))
                else:
                    sql = "INSERT INTO main.{} ({}) VALUES ({})".format(quote(out_name), ", ".join(targets),
                                                                         ", ".join("?" * len(targets)))

                def insert():
                    if copy_from is not None:
                        con.execute("CREATE TEMP TABLE qm_v (qm_fid INTEGER{})".format(
                            "".join(", " + c for c in new_cols)))
                    for start in range(0, n, 50_000):
                        if feedback is not None:
                            if feedback.isCanceled():
                                raise canceled()
                            feedback.setProgress(100.0 * start / max(n, 1))
                        con.executemany(sql, zip(*(column[start:start + 50_000] for column in values))
                                        if values else [()] * min(50_000, n - start))
                    if copy_from is not None:
                        con.execute(copy_sql)
                        con.execute("DROP TABLE temp.qm_v")

            bulk_insert(con, out_name, insert, extent, feedback)
            if copy_from is not None:
                con.execute("DETACH DATABASE qm_src")
        finally:
            con.close()
        if points is not None and spatial_index:
            if fid_pos and new_fid is None:  # the source's fid copied
                fids = src_fids
            elif fid_pos:
                fids = np.asarray(columns[new_fid], dtype=np.int64)
            else:
                fids = np.arange(1, n + 1, dtype=np.int64)
            x, y = np.asarray(points[0], float), np.asarray(points[1], float)
            ok = np.isfinite(x) & np.isfinite(y)
            add_packed_spatial_index(tmp_path, out_name, "geom", "fid", srs_wkt, (fids[ok], x[ok], x[ok], y[ok], y[ok]))
        finish_file_output(tmp_dir, tmp_path, dest_path)
    except (sqlite3.IntegrityError, NotCopyableError):  # e.g. the values of a field fid are not unique: QGIS
        # writes it its own way
        remove_dataset_files(tmp_path)
        shutil.rmtree(tmp_dir, ignore_errors=True)
        return False
    except BaseException:
        remove_dataset_files(tmp_path)
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    return True


def stage_as_gpkg(info, feedback=None, preserve_fid=False):
    """Copy a whole OGR layer (e.g. a shapefile) into a temporary GeoPackage with GDAL, in reading order (fids
    1..n; with ``preserve_fid`` the source's own fids, e.g. a PostGIS table's key). Returns ``(info, folder)`` for
    :func:`write_gpkg_join` (``info["count"]`` = features copied; remove ``folder`` afterwards), or None when GDAL
    cannot do it (a cancel raises)."""
    from osgeo import gdal

    gdal.UseExceptions()
    folder = tempfile.mkdtemp(prefix="qm-stage-")
    path = os.path.join(folder, "staged.gpkg")

    def progress(_complete, _message, _data):
        return 0 if feedback is not None and feedback.isCanceled() else 1

    try:
        out = gdal.VectorTranslate(path, info["path"], options=gdal.VectorTranslateOptions(
            format="GPKG", layers=[info["layer_name"]], layerName="staged", callback=progress,
            layerCreationOptions=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"],
            options=["-preserve_fid"] if preserve_fid else []))
        count = out.GetLayer(0).GetFeatureCount()
        out = None
    except RuntimeError:
        shutil.rmtree(folder, ignore_errors=True)
        if feedback is not None and feedback.isCanceled():
            raise canceled() from None
        return None
    staged = {"path": path, "layer_name": "staged", "driver": "GPKG", "fid_column": "fid",
              "geometry_column": "geom", "count": count}
    return staged, folder


@contextlib.contextmanager
def gpkg_copy_source(info, fids, feedback=None):
    """``(info, fids)`` for :func:`write_gpkg_table`'s ``copy_from``: the whole OGR layer ``info`` itself when it is
    a GeoPackage, else a temporary GeoPackage copy by GDAL (:func:`stage_as_gpkg`; its fids are 1..n in reading
    order, so ``fids`` must be the source's in reading order), removed on leaving. Yields None when GDAL cannot
    copy the layer or the copy does not hold ``len(fids)`` features."""
    if info["driver"] == "GPKG":
        yield info, np.asarray(fids, dtype=np.int64)
        return
    staged = stage_as_gpkg(info, feedback)
    if staged is None:
        yield None
        return
    try:
        if staged[0]["count"] != len(fids):
            yield None
        else:
            yield staged[0], np.arange(1, len(fids) + 1, dtype=np.int64)
    finally:
        shutil.rmtree(staged[1], ignore_errors=True)
