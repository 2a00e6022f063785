"""A whole GeoPackage layer copied with extra text columns: inside SQLite (INSERT ... SELECT, geometry blobs as
they are) or by GDAL's VectorTranslate with an SQL join (any OGR output format); the new values go through a small
SQLite lookup table joined on the fid."""

import os
import shutil
import sqlite3
import tempfile

import numpy as np
import pandas as pd

from ..translation import tr
from .errors import canceled, could_not_write
from .gpkg_sql import NotCopyableError, add_packed_spatial_index, bulk_insert, quote
from .ogr_arrow import srs_wkt_of
from .outputs import finish_file_output, remove_dataset_files, temporary_sibling

_NULL_TOKEN = "\x01NULL\x01"


_CHUNK_CODES = 64  # codes per BLOB of the packed lookup (see write_gpkg_join)


def _join_sql(mode, fid_col, fmin):
    """The joins from the copied layer ``l`` to the new values ``k.c0, k.c1 ...`` (see write_gpkg_join)."""
    if mode == "packed":
        return ("LEFT JOIN qm_values.bc AS bc ON bc.chunk = (l.{fid} - {fmin}) / {c} "
                "LEFT JOIN qm_values.kb AS kb ON kb.key = substr(bc.data, ((l.{fid} - {fmin}) % {c}) * 4 + 1, 4) "
                "LEFT JOIN qm_values.k AS k ON k.code = kb.code").format(fid=fid_col, fmin=fmin, c=_CHUNK_CODES)
    return ("LEFT JOIN qm_values.v AS v ON v.fid = l.{fid} "
            "LEFT JOIN qm_values.k AS k ON k.code = v.code").format(fid=fid_col)


def _output_columns(field_names, names, replace):
    """The output's attribute columns: ``[(output name, source column or None, new column index or None)]``, the
    source's fields in order (one that ``replace`` maps to a new name gives its place to that new column), then the
    other new columns. Raises NotCopyableError when a new name that replaces nothing is a source field's name."""
    replace = {source.lower(): new for source, new in (replace or {}).items()}
    index = {name: k for k, name in enumerate(names)}
    columns, placed = [], set()
    for name in field_names:
        new = replace.get(name.lower())
        if new is not None and new in index:
            columns.append((new, None, index[new]))
            placed.add(new)
        else:
            columns.append((name, name, None))
    lower = {name.lower() for name, source, _k in columns if source is not None}
    for name in names:
        if name not in placed:
            if name.lower() in lower:
                raise NotCopyableError("field names")
            columns.append((name, None, index[name]))
    return columns


def _copy_gpkg_in_sqlite(info, tmp_path, out_name, names, db_path, join_sql, extent, feedback, replace=None):
    """GeoPackage -> GeoPackage copy of a whole layer plus the new text columns, row by row inside SQLite
    (INSERT ... SELECT: the geometry blobs are copied as they are). GDAL creates the empty output layer (so the
    metadata is GDAL's own); the extent and feature count are set from ``extent``/SQL. ``replace``: see
    :func:`write_gpkg_join`. Raises NotCopyableError when the layer cannot be copied this way (e.g. another
    srs_id)."""
    from osgeo import gdal, ogr

    src = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = src.GetLayerByName(info["layer_name"])
    defn = lyr.GetLayerDefn()
    if defn.GetGeomFieldCount() != 1 or not info["fid_column"] or not info["geometry_column"]:
        raise NotCopyableError("layout")
    fields = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i) for i in range(defn.GetFieldCount())}
    out_columns = _output_columns(list(fields), names, replace)
    out = gdal.GetDriverByName("GPKG").Create(tmp_path, 0, 0, 0, gdal.GDT_Unknown)
    out_lyr = out.CreateLayer(out_name, lyr.GetSpatialRef(), lyr.GetGeomType(), options=[
        "FID=" + info["fid_column"], "GEOMETRY_NAME=" + info["geometry_column"], "SPATIAL_INDEX=NO"])
    for name, source, _k in out_columns:
        out_lyr.CreateField(fields[source] if source is not None else ogr.FieldDefn(name, ogr.OFTString))
    out_lyr = out = None
    del fields, defn  # owned by the source layer: never used after it is closed
    lyr = src = None

    con = sqlite3.connect("file:{}".format(tmp_path), uri=True, isolation_level=None)
    try:
        con.execute("ATTACH DATABASE ? AS qm_src", ("file:{}?mode=ro".format(info["path"]),))
        con.execute("ATTACH DATABASE ? AS qm_values", (db_path,))
        srs_in = con.execute("SELECT srs_id FROM qm_src.gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                             (info["layer_name"],)).fetchone()
        srs_out = con.execute("SELECT srs_id FROM main.gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                              (out_name,)).fetchone()
        if srs_in is None or srs_out is None or srs_in[0] != srs_out[0]:
            raise NotCopyableError("srs_id")
        src_cols = [info["fid_column"], info["geometry_column"]]
        columns = ", ".join(quote(c) for c in src_cols + [name for name, _s, _k in out_columns])
        select = ", ".join(["l." + quote(c) for c in src_cols] + [
            "l." + quote(source) if source is not None else "k.c{}".format(k) for _n, source, k in out_columns])
        sql = "INSERT INTO main.{} ({}) SELECT {} FROM qm_src.{} AS l {}".format(
            quote(out_name), columns, select, quote(info["layer_name"]), join_sql)
        bulk_insert(con, out_name, lambda: con.execute(sql), extent, feedback)
        con.execute("DETACH DATABASE qm_src")
        con.execute("DETACH DATABASE qm_values")
    finally:
        con.close()
    if feedback is not None and feedback.isCanceled():
        raise canceled()


def write_gpkg_join(info, dest_path, driver, fids, columns, feedback=None, layer_name=None, spatial_index=True,
                    bounds=None, replace=None):
    """Copy the whole OGR layer ``info`` (a GeoPackage) to ``dest_path`` with extra text ``columns``, written by
    GDAL in C. ``columns``: ``{name: values aligned with fids}`` or ``{name: (labels, codes)}`` (categorical, code
    -1 for NULL). ``replace``: ``{source field name: new column name}``: the new column takes the place of that
    field of the source (whose values are not copied); the other new columns follow the source's fields. Atomic:
    the destination appears only when done.

    Returns the path written.
    """
    from osgeo import gdal

    gdal.UseExceptions()
    work_dir = tempfile.mkdtemp(prefix="qm-join-")
    tmp_dir, tmp_path = temporary_sibling(dest_path)
    try:
        db_path = os.path.join(work_dir, "values.sqlite")
        names = list(columns)
        fids = np.asarray(fids, dtype=np.int64)
        # Each distinct combination of the new values gets a code; a small lookup table maps code -> values.
        per_column = []
        for name in names:
            if isinstance(columns[name], tuple):  # categorical: (labels, codes), code -1 = NULL
                labels, code = columns[name]
                labels = np.asarray(list(labels) + [_NULL_TOKEN], dtype=object)
                code = np.where(np.asarray(code) < 0, len(labels) - 1, np.asarray(code)).astype(np.int64)
            else:
                values = np.asarray(columns[name], dtype=object)
                texts = np.where(pd.isna(values), _NULL_TOKEN, values).astype(str)
                labels, code = np.unique(texts, return_inverse=True)
            per_column.append((labels, code.astype(np.int64)))
        combined = np.zeros(len(fids), dtype=np.int64)
        for labels, code in per_column:
            combined = combined * len(labels) + code
        uniq, code = np.unique(combined, return_inverse=True)
        code = code.astype(np.int64) + 1  # 0 = no value (a fid we did not see)
        rows = []
        for k, value in enumerate(uniq.tolist(), start=1):
            parts = []
            for labels, _c in reversed(per_column):
                value, rest = divmod(value, len(labels))
                label = labels[rest]
                parts.append(None if label == _NULL_TOKEN else str(label))
            rows.append([k] + list(reversed(parts)))
        con = sqlite3.connect(db_path)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("CREATE TABLE k (code INTEGER PRIMARY KEY{})".format(
                "".join(", c{} TEXT".format(i) for i in range(len(names)))))
            con.executemany("INSERT INTO k VALUES ({})".format(", ".join("?" * (1 + len(names)))), rows)
            fmin = int(fids.min()) if len(fids) else 0
            span = int(fids.max()) - fmin + 1 if len(fids) else 0
            if span <= 4 * len(fids) + 1024:
                # Packed: the code of fid f is the 4-byte big-endian integer number (f - fmin) % 64 in the BLOB of
                # chunk (f - fmin) // 64: some 16,000 small BLOBs from numpy instead of a million INSERTs (one big
                # BLOB would be copied for every row by SQLite).
                packed = np.zeros(span + (-span) % _CHUNK_CODES, dtype=">u4")
                packed[fids - fmin] = code
                chunks = packed.reshape(-1, _CHUNK_CODES)
                con.execute("CREATE TABLE bc (chunk INTEGER PRIMARY KEY, data BLOB)")
                con.executemany("INSERT INTO bc VALUES (?, ?)", ((i, row.tobytes()) for i, row in enumerate(chunks)))
                con.execute("CREATE TABLE kb (key BLOB PRIMARY KEY, code INTEGER) WITHOUT ROWID")
                con.executemany("INSERT INTO kb VALUES (?, ?)",
                                [(np.array([r[0]], dtype=">u4").tobytes(), r[0]) for r in rows])
                mode = "packed"
            else:
                con.execute("CREATE TABLE v (fid INTEGER PRIMARY KEY, code INTEGER)")
                order = np.argsort(fids, kind="stable")
                con.executemany("INSERT INTO v VALUES (?, ?)", zip(fids[order].tolist(), code[order].tolist()))
                mode = "table"
            con.commit()
        finally:
            con.close()
        if feedback is not None and feedback.isCanceled():
            raise canceled()

        fid_col = '"{}"'.format((info["fid_column"] or "fid").replace('"', '""'))
        out_name = layer_name or os.path.splitext(os.path.basename(dest_path))[0]
        if driver == "GPKG" and (bounds is not None or not spatial_index):
            join_sql = _join_sql(mode, fid_col, fmin)
            extent = None
            if bounds is not None and len(bounds[0]):
                extent = (np.min(bounds[1]), np.min(bounds[3]), np.max(bounds[2]), np.max(bounds[4]))
            try:
                _copy_gpkg_in_sqlite(info, tmp_path, out_name, names, db_path, join_sql, extent, feedback,
                                     replace)
                if spatial_index:
                    add_packed_spatial_index(tmp_path, out_name, info["geometry_column"], info["fid_column"],
                                             srs_wkt_of(info), bounds)
                finish_file_output(tmp_dir, tmp_path, dest_path)
                return dest_path
            except (NotCopyableError, sqlite3.Error, RuntimeError) as err:
                if feedback is not None:
                    feedback.pushInfo(tr("Written by GDAL instead ({}).").format(err))
                remove_dataset_files(tmp_path)

        src = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
        src.ExecuteSQL("ATTACH DATABASE '{}' AS qm_values".format(db_path.replace("'", "''")))
        if replace:  # the source's columns one by one, a replaced one by its new column
            defn = src.GetLayerByName(info["layer_name"]).GetLayerDefn()
            out_columns = _output_columns([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())],
                                          names, replace)
            select = ["l." + quote(c) for c in (info["fid_column"], info["geometry_column"]) if c] + [
                "l." + quote(source) if source is not None else "k.c{} AS {}".format(k, quote(name))
                for name, source, k in out_columns]
        else:
            select = ["l.*"] + ['k.c{} AS "{}"'.format(i, n.replace('"', '""')) for i, n in enumerate(names)]
        joins = _join_sql(mode, fid_col, fmin)
        sql = 'SELECT {} FROM "{}" AS l {}'.format(", ".join(select), info["layer_name"].replace('"', '""'), joins)

        def progress(complete, _message, _data):
            if feedback is not None:
                feedback.setProgress(100.0 * complete)
                return 0 if feedback.isCanceled() else 1
            return 1

        lco = []
        packed_index = driver == "GPKG" and spatial_index and bounds is not None
        if driver == "GPKG":
            lco.append("SPATIAL_INDEX={}".format("YES" if spatial_index and not packed_index else "NO"))
        elif driver == "ESRI Shapefile":
            lco.append("ENCODING=UTF-8")
        options = gdal.VectorTranslateOptions(
            format=driver, SQLStatement=sql, layerName=layer_name or os.path.splitext(os.path.basename(dest_path))[0],
            layerCreationOptions=lco, callback=progress, options=["-preserve_fid"] if driver == "GPKG" else [])
        try:
            out = gdal.VectorTranslate(tmp_path, src, options=options)
        except RuntimeError as err:
            if feedback is not None and feedback.isCanceled():
                raise canceled() from err
            raise could_not_write(dest_path, err) from err
        if out is None:
            raise could_not_write(dest_path)
        out_layer = out.GetLayer(0)
        out_names = (out_layer.GetName(), out_layer.GetGeometryColumn() or "geom", out_layer.GetFIDColumn() or "fid")
        srs = out_layer.GetSpatialRef()
        srs_wkt = srs.ExportToWkt() if srs is not None else ""
        out_layer = out = None
        src = None
        if feedback is not None and feedback.isCanceled():
            raise canceled()
        if packed_index:
            try:
                add_packed_spatial_index(tmp_path, *out_names, srs_wkt, bounds)
            except (RuntimeError, sqlite3.Error) as err:  # fall back to GDAL's own (slower) way
                if feedback is not None:
                    feedback.pushInfo(tr("Spatial index built by GDAL ({}).").format(err))
                ds = gdal.OpenEx(tmp_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
                ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(
                    out_names[0].replace("'", "''"), out_names[1].replace("'", "''")))
                ds = None
        finish_file_output(tmp_dir, tmp_path, dest_path)
        return dest_path
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        shutil.rmtree(work_dir, ignore_errors=True)
