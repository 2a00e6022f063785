"""SQLite helpers of the GeoPackage writers (:mod:`.gpkg_table`, :mod:`.gpkg_join`): quoting, bulk-write settings,
one-transaction inserts with cancel, and a spatial index bulk-loaded in the layout GDAL itself writes."""

import os
import shutil
import sqlite3
import tempfile

from qgis.core import (
    QgsProcessingException,
)

from ..storage.sqlite_bulk import insert_int_pairs
from .errors import canceled


def _gdal_rtree_ddl(layer_name, geometry_column, fid_column, srs_wkt):
    """The SQL GDAL itself uses for a GeoPackage spatial index of this table (triggers) and its gpkg_extensions
    rows, taken from a one-feature scratch GeoPackage that GDAL writes (so it always matches this GDAL)."""
    from osgeo import gdal, ogr, osr

    work = tempfile.mkdtemp(prefix="qm-rtree-")
    try:
        path = os.path.join(work, "scratch.gpkg")
        ds = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)
        srs = osr.SpatialReference()
        if srs_wkt:
            srs.ImportFromWkt(srs_wkt)
        lyr = ds.CreateLayer(layer_name, srs if srs_wkt else None, ogr.wkbPoint, options=[
            "GEOMETRY_NAME=" + geometry_column, "FID=" + fid_column, "SPATIAL_INDEX=YES"])
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
        lyr.CreateFeature(feature)
        feature = lyr = ds = None
        con = sqlite3.connect(path)
        try:
            rtree = "rtree_{}_{}".format(layer_name, geometry_column)
            triggers = [sql for name, sql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (layer_name,))
                if name.startswith(rtree + "_")]
            ddl = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_extensions'")
            extensions_ddl = ddl.fetchone()[0]
            extensions = con.execute(
                "SELECT table_name, column_name, extension_name, definition, scope FROM gpkg_extensions "
                "WHERE table_name = ? AND extension_name = 'gpkg_rtree_index'", (layer_name,)).fetchall()
        finally:
            con.close()
        return rtree, triggers, extensions, extensions_ddl
    finally:
        shutil.rmtree(work, ignore_errors=True)


def add_packed_spatial_index(gpkg_path, layer_name, geometry_column, fid_column, srs_wkt, bounds):
    """Give a GeoPackage table written without spatial index the same index GDAL would create, bulk-loaded.

    ``bounds``: (fids, minx, maxx, miny, maxy) of every feature with a non-empty geometry.
    """
    from ..storage.rtree_pack import pack

    rtree, triggers, extensions, extensions_ddl = _gdal_rtree_ddl(layer_name, geometry_column, fid_column, srs_wkt)
    if len(triggers) < 3 or not extensions:
        raise RuntimeError("unexpected spatial index layout of this GDAL")
    node_rows, parent_rows, rowid_rows = pack(*bounds)
    name = rtree.replace('"', '""')
    con = sqlite3.connect(gpkg_path, isolation_level=None)
    try:
        unsynced(con)
        con.execute("BEGIN")
        try:
            has_extensions = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_extensions'").fetchone()[0]
            if not has_extensions:
                con.execute(extensions_ddl)
            con.execute('CREATE VIRTUAL TABLE "{}" USING rtree(id, minx, maxx, miny, maxy)'.format(name))
            con.execute('DELETE FROM "{}_node"'.format(name))
            con.executemany('INSERT INTO "{}_node" VALUES (?, ?)'.format(name), node_rows)
            con.executemany('INSERT INTO "{}_parent" VALUES (?, ?)'.format(name), parent_rows)
            insert_int_pairs(con, '"{}_rowid"'.format(name), *rowid_rows)
            for sql in triggers:
                con.execute(sql)
            con.executemany("INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)", extensions)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.close()


def unsynced(con):
    """Bulk-write settings for a connection to a temporary file that is moved into place only when complete (a
    crash leaves nothing behind to keep consistent): no fsync, rollback journal in memory, temp tables in memory."""
    con.execute("PRAGMA main.synchronous = OFF")
    con.execute("PRAGMA main.journal_mode = MEMORY")
    con.execute("PRAGMA temp_store = MEMORY")


class NotCopyableError(Exception):
    """The SQLite copy does not apply here; GDAL's VectorTranslate is used instead."""


def quote(name):
    return '"{}"'.format(str(name).replace('"', '""'))


def bulk_insert(con, out_name, insert, extent, feedback):
    """Run ``insert()`` (the rows of GeoPackage table ``out_name``, created empty by GDAL) in one transaction of
    ``con`` (opened with ``isolation_level=None``): GDAL's per-row triggers (feature count) are set aside meanwhile,
    the count and ``extent`` (minx, miny, maxx, maxy or None) are set once; a cancel within the insert rolls back."""
    con.execute("BEGIN")
    triggers = con.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND "
                           "lower(tbl_name) = lower(?)", (out_name,)).fetchall()
    for name, _sql in triggers:
        con.execute("DROP TRIGGER main.{}".format(quote(name)))
    if feedback is not None:  # cancel within the bulk insert (SQLite calls this every 100,000 VM steps)
        con.set_progress_handler(lambda: 1 if feedback.isCanceled() else 0, 100_000)
    try:
        insert()
    except (sqlite3.OperationalError, QgsProcessingException) as err:
        if feedback is not None and feedback.isCanceled():
            con.execute("ROLLBACK")
            raise canceled() from err
        raise
    con.set_progress_handler(None, 0)
    for _name, sql in triggers:
        con.execute(sql)
    if extent is not None:
        con.execute("UPDATE main.gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                    "WHERE lower(table_name) = lower(?)", tuple(float(v) for v in extent) + (out_name,))
    has_ogr_contents = con.execute("SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND "
                                   "name = 'gpkg_ogr_contents'").fetchone()[0]
    if has_ogr_contents:
        con.execute("UPDATE main.gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM main.{}) "
                    "WHERE lower(table_name) = lower(?)".format(quote(out_name)), (out_name,))
    con.execute("COMMIT")
