"""PostGIS layers in and out, through GDAL's PostgreSQL driver (no QgsFeature per row).

* :func:`postgres_source` -- the GDAL view (``{path: "PG:…", layer_name, driver, fid_column, geometry_column}``,
  like :func:`ogr_arrow.ogr_file_source` gives for a file) of a whole PostGIS table behind a QGIS ``postgres``
  layer, when GDAL reads it with the same feature ids as QGIS (an integer primary key QGIS uses as its fid): the
  readers then read it as Arrow batches, and :func:`stage_source` copies it into a temporary GeoPackage (fids
  preserved) for the GeoPackage writers. A view, a query, a filtered layer or another key is read by QGIS.
* :func:`postgres_destination` -- the table a ``postgres://…`` / ``postgis:…`` output destination names (the forms
  QGIS's "Save to Database Table" and older Processing write);
* :func:`copy_to_postgres` -- a finished GeoPackage layer copied into that table by GDAL (``COPY``, a GiST index);
  :func:`postgres_layer` -- the new table as a QGIS layer (the user's connection, an ``authcfg`` kept as it is);
* :func:`connection_label` / :func:`connection_error` -- a connection named for the user (host, port, database,
  user, never the password), and GDAL's message cleared of the password.

Credentials of an ``authcfg`` connection are resolved through QGIS's authentication manager
(``QgsDataSourceUri.connectionInfo(True)``) only into the connection string handed to GDAL, never into a message.
"""


from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsVectorLayer

from ..translation import tr
from .errors import canceled

DRIVER = "PostgreSQL"
_PREFIXES = ("postgres://", "postgis://", "postgres:", "postgis:")
_INTEGER_TYPES = ("int2", "int4", "integer", "smallint", "serial", "serial4")


def layer_uri(layer):
    """The QgsDataSourceUri of a QGIS ``postgres`` layer, else None."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != "postgres":
        return None
    return QgsDataSourceUri(layer.source())


def postgres_destination(dest):
    """The QgsDataSourceUri of an output destination naming a PostGIS table (``postgres://<uri>`` as QGIS's "Save
    to Database Table" writes it, or ``postgis:<uri>``), else None."""
    text = str(dest or "")
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            uri = QgsDataSourceUri(text[len(prefix):])
            return uri if uri.table() else None
    return None


def connection_label(uri):
    """The connection of ``uri`` for a message: database, host, port and user (never the password)."""
    parts = []
    if uri.service():
        parts.append("service={}".format(uri.service()))
    if uri.host():
        parts.append("host={}".format(uri.host()))
    if uri.port():
        parts.append("port={}".format(uri.port()))
    if uri.database():
        parts.append("dbname={}".format(uri.database()))
    if uri.username():
        parts.append("user={}".format(uri.username()))
    if uri.authConfigId():
        parts.append("authcfg={}".format(uri.authConfigId()))
    return " ".join(parts)


def table_label(uri):
    """``"schema"."table"`` of ``uri`` (schema ``public`` when none is given)."""
    return '"{}"."{}"'.format(uri.schema() or "public", uri.table())


def _secrets(uri):
    """The passwords that must not appear in a message: the URI's own and an ``authcfg``'s resolved one."""
    secrets = [uri.password()]
    if uri.authConfigId():
        secrets.append(QgsDataSourceUri(uri.connectionInfo(True)).password())
    return [s for s in secrets if s]


def scrub(text, uri):
    """``text`` (e.g. GDAL's or libpq's message) with every password of ``uri`` replaced by ``***``."""
    text = str(text or "").strip()
    for secret in _secrets(uri):
        text = text.replace(secret, "***")
    return text


def gdal_connection(uri):
    """GDAL's ``PG:`` connection string of ``uri`` with an ``authcfg`` resolved (holds the password: never show
    it)."""
    return "PG:" + uri.connectionInfo(True)


def connection_error(uri, detail=None):
    """The error for a PostGIS connection that failed (``detail``: GDAL's message, password removed)."""
    message = tr("Could not connect to the PostGIS database ({}).").format(connection_label(uri))
    detail = scrub(detail, uri) if detail else ""
    if detail:
        message += " " + detail.splitlines()[-1].strip()
    return QgsProcessingException(message)


def _open(connection, update=False):
    from osgeo import gdal

    gdal.UseExceptions()
    flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else gdal.OF_READONLY)
    return gdal.OpenEx(connection, flags)


def _quote(name):
    return '"{}"'.format(name.replace('"', '""'))


def postgres_source(layer, tables=False):
    """The GDAL view of the whole PostGIS table behind ``layer`` (see module docs), or None (then QGIS reads it).
    ``tables``: a table without geometry is accepted too."""
    uri = layer_uri(layer)
    if uri is None or not layer.isValid() or layer.subsetString() or uri.sql() or not uri.table():
        return None
    if uri.table().lstrip().startswith("("):  # a query, not a table
        return None
    provider = layer.dataProvider()
    keys = list(provider.pkAttributeIndexes()) if provider is not None else []
    if len(keys) != 1:
        return None
    key_field = layer.fields().at(keys[0])
    if key_field.typeName().lower() not in _INTEGER_TYPES:  # QGIS maps other keys onto fids of its own
        return None
    schema = uri.schema() or "public"
    geometry = uri.geometryColumn()
    name = "{}.{}".format(schema, uri.table())
    try:
        ds = _open(gdal_connection(uri) + " tables={}".format(name + ("({})".format(geometry) if geometry else "")))
        lyr = ds.GetLayer(0) if ds is not None and ds.GetLayerCount() == 1 else None
    except RuntimeError:
        return None
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    if lyr.GetFIDColumn() != key_field.name():
        return None
    if not geometry and not tables:
        return None
    if geometry and lyr.GetGeometryColumn() != geometry:
        return None
    info = {
        "path": gdal_connection(uri) + " tables={}".format(
            name + ("({})".format(geometry) if geometry else "")),
        "layer_name": lyr.GetName(),
        "driver": DRIVER,
        "fid_column": lyr.GetFIDColumn(),
        "geometry_column": lyr.GetGeometryColumn(),
        "uri": uri,
    }
    lyr = ds = None
    return info


def stage_source(info, feedback=None):
    """The PostGIS table ``info`` copied into a temporary GeoPackage by GDAL with its feature ids kept (so the fids
    the readers gave stay valid). Returns ``(staged info, folder)`` (remove ``folder`` afterwards) or None."""
    from .gpkg_table import stage_as_gpkg

    return stage_as_gpkg(info, feedback, preserve_fid=True)


def check_connection(uri):
    """A clear error (:func:`connection_error`) when GDAL cannot connect to the database of ``uri``."""
    try:
        ds = _open(gdal_connection(uri) + " tables=none_qm_check", update=True)
    except RuntimeError as err:
        raise connection_error(uri, str(err)) from None
    if ds is None:
        raise connection_error(uri)
    ds = None


def copy_to_postgres(gpkg_path, uri, feedback=None):
    """Copy the one layer of the finished GeoPackage ``gpkg_path`` into the table of the destination ``uri``
    (replacing a table of that name, like QGIS's own PostGIS output), written by GDAL with ``COPY``: the key column
    (``uri``'s key, else ``fid``) keeps the GeoPackage's fids; the geometry column is ``uri``'s (else ``geom``);
    field names are kept as they are; a GiST index is built. A refused connection or a failed copy is a clear error
    naming the connection (no password). Returns True when the table has a geometry column."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    check_connection(uri)
    schema = uri.schema() or "public"
    key = uri.keyColumn() or "fid"
    geometry = uri.geometryColumn() or "geom"

    def progress(complete, _message, _data):
        if feedback is not None:
            feedback.setProgress(100.0 * complete)
            return 0 if feedback.isCanceled() else 1
        return 1

    src = gdal.OpenEx(gpkg_path, gdal.OF_VECTOR | gdal.OF_READONLY)
    src_layer = src.GetLayer(0)
    has_geometry = src_layer.GetGeomType() != ogr.wkbNone
    layer_name = src_layer.GetName()
    src_layer = src = None
    lco = ["SCHEMA={}".format(schema), "FID={}".format(key), "LAUNDER=NO", "OVERWRITE=YES"]
    if has_geometry:
        lco += ["GEOMETRY_NAME={}".format(geometry), "SPATIAL_INDEX=GIST"]
    old = gdal.GetConfigOption("PG_USE_COPY")
    gdal.SetConfigOption("PG_USE_COPY", "YES")
    try:
        out = gdal.VectorTranslate(
            gdal_connection(uri), gpkg_path, options=gdal.VectorTranslateOptions(
                format=DRIVER, layers=[layer_name], layerName=uri.table(), accessMode="overwrite",
                layerCreationOptions=lco, callback=progress, options=["-preserve_fid"]))
        if out is None:
            raise RuntimeError(tr("GDAL did not write the table."))
        out = None
    except RuntimeError as err:
        if feedback is not None and feedback.isCanceled():
            raise canceled() from None
        raise QgsProcessingException(tr("Could not write the PostGIS table {} ({}): {}").format(
            table_label(uri), connection_label(uri), scrub(err, uri))) from None
    finally:
        gdal.SetConfigOption("PG_USE_COPY", old)
    return has_geometry


def drop_table(uri):
    """Remove the table of ``uri`` (an output a failed run already wrote); errors are ignored."""
    try:
        ds = _open(gdal_connection(uri), update=True)
        ds.ExecuteSQL("DROP TABLE IF EXISTS {}.{}".format(_quote(uri.schema() or "public"), _quote(uri.table())))
        ds = None
    except RuntimeError:
        pass


def postgres_layer(uri, name, has_geometry=True):
    """The table of ``uri`` written by :func:`copy_to_postgres` as a QGIS layer (key and geometry column as
    written; the user's connection, an ``authcfg`` unexpanded), or None when QGIS cannot open it."""
    out = QgsDataSourceUri(uri.uri(False))
    out.setKeyColumn(uri.keyColumn() or "fid")
    out.setGeometryColumn((uri.geometryColumn() or "geom") if has_geometry else "")
    layer = QgsVectorLayer(out.uri(False), name, "postgres")
    return layer if layer.isValid() else None


def same_database(first, second):
    """True when two QgsDataSourceUri name the same database on the same server (a table of one can be read in a
    statement on the other's connection)."""
    def key(uri):
        return (uri.service(), uri.host() or "localhost", uri.port() or "5432", uri.database())
    return key(first) == key(second)


def _literal(value):
    """A SQL text literal (or NULL)."""
    if value is None:
        return "NULL"
    return "'{}'".format(str(value).replace("'", "''"))


def join_in_database(info, uri, fids, columns, replace, feedback=None):
    """Write the destination table ``uri`` as a copy of the PostGIS input table ``info`` (same database) with the new
    categorical text ``columns`` (``{name: (labels, codes)}``, code -1 = NULL, aligned with ``fids``) inside the
    database: the new values travel as two integer arrays and a small lookup table, the input's rows never leave
    the server (``CREATE TABLE … AS SELECT`` in one transaction, then its primary key and GiST index). ``replace``:
    ``{input field: new column}`` (the new column takes that field's place). Column names, key and geometry column
    are those :func:`copy_to_postgres` gives. Returns False (nothing written) when the input's columns cannot be
    copied this way or the database refuses the statements (e.g. the destination's user may not read the input)."""
    import numpy as np

    from .gpkg_join import _output_columns
    from .gpkg_sql import NotCopyableError

    src_uri = info["uri"]
    schema, table = src_uri.schema() or "public", src_uri.table()
    key = uri.keyColumn() or "fid"
    geometry = uri.geometryColumn() or "geom"
    names = list(columns)
    fids = np.asarray(fids, dtype=np.int64)
    combined = np.zeros(len(fids), dtype=np.int64)
    per_column = []
    for name in names:
        labels, code = columns[name]
        labels = list(labels) + [None]
        code = np.where(np.asarray(code) < 0, len(labels) - 1, np.asarray(code)).astype(np.int64)
        per_column.append((labels, code))
        combined = combined * len(labels) + code
    uniq, code = np.unique(combined, return_inverse=True)
    lookup = []
    for k, value in enumerate(uniq.tolist()):
        parts = []
        for labels, _c in reversed(per_column):
            value, rest = divmod(value, len(labels))
            parts.append(labels[rest])
        lookup.append("({}, {})".format(k, ", ".join(_literal(p) for p in reversed(parts))))
    ds = _open(gdal_connection(uri), update=True)
    lyr = ds.GetLayerByName("{}.{}".format(schema, table)) if schema != "public" else ds.GetLayerByName(table)
    if lyr is None or lyr.GetFIDColumn() != info["fid_column"] or lyr.GetGeometryColumn() != info["geometry_column"]:
        return False
    defn = lyr.GetLayerDefn()
    field_names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lyr = None
    try:
        out_columns = _output_columns(field_names, names, replace)
    except NotCopyableError:
        return False
    if any(name.lower() in (key.lower(), geometry.lower()) for name, _s, _k in out_columns):
        return False
    select = ["l.{} AS {}".format(_quote(info["fid_column"]), _quote(key)),
              "l.{} AS {}".format(_quote(info["geometry_column"]), _quote(geometry))]
    select += ["l.{} AS {}".format(_quote(source), _quote(name)) if source is not None
               else "k.c{} AS {}".format(k, _quote(name)) for name, source, k in out_columns]
    dest = "{}.{}".format(_quote(uri.schema() or "public"), _quote(uri.table()))
    values = ("SELECT unnest('{{{}}}'::int8[]) AS fid, unnest('{{{}}}'::int4[]) AS code".format(
        ",".join(map(str, fids.tolist())), ",".join(map(str, code.tolist()))))
    statements = [
        "DROP TABLE IF EXISTS {}".format(dest),
        "CREATE TABLE {dest} AS SELECT {select} FROM {src} AS l LEFT JOIN ({values}) AS v ON v.fid = l.{fid} "
        "LEFT JOIN (VALUES {lookup}) AS k(code{cols}) ON k.code = v.code".format(
            dest=dest, select=", ".join(select), src="{}.{}".format(_quote(schema), _quote(table)), values=values,
            fid=_quote(info["fid_column"]), lookup=", ".join(lookup) or "(0{})".format(", NULL" * len(names)),
            cols="".join(", c{}".format(i) for i in range(len(names)))),
        "ALTER TABLE {} ADD PRIMARY KEY ({})".format(dest, _quote(key)),
        "CREATE INDEX {} ON {} USING GIST ({})".format(_quote("{}_{}_idx".format(uri.table(), geometry)[:63]), dest,
                                                       _quote(geometry)),
    ]
    try:
        ds.StartTransaction()
        for statement in statements:
            if feedback is not None and feedback.isCanceled():
                raise canceled()
            ds.ExecuteSQL(statement)
        ds.CommitTransaction()
    except RuntimeError as err:  # e.g. the destination's user may not read the input: copied by GDAL instead
        try:
            ds.RollbackTransaction()
        except RuntimeError:
            pass
        if feedback is not None:
            feedback.pushInfo(tr("Written by GDAL instead ({}).").format(scrub(err, uri)))
        return False
    finally:
        ds = None
    return True


def read_numbers(info, points, fields, feedback=None):
    """Point coordinates and numeric fields of the whole PostGIS table ``info`` in one query, the server packing
    every row into bytes (``int8send`` / ``float8send``, aggregated by ``string_agg``) that numpy reads at once: no
    feature is built anywhere. ``points``: read ``x, y`` of the (single) point geometry; ``fields``: ``[(name,
    integer)]`` numeric fields. Returns ``(fids, x, y, n_points, {name: array})`` (``x``/``y`` None without
    ``points``; NaN and ``n_points`` 0 for a NULL or empty point; an integer field without NULL as int64, else float64
    with NaN, as the Arrow readers give), or None when the query fails (then GDAL's Arrow stream is used)."""
    import numpy as np

    from_table = "{}.{}".format(_quote(info["uri"].schema() or "public"), _quote(info["uri"].table()))
    parts, dtype = ["int8send(t.{}::int8)".format(_quote(info["fid_column"]))], [("fid", ">i8")]
    if points:
        geometry = "t.{}".format(_quote(info["geometry_column"]))
        parts += ["float8send(coalesce(ST_X({})::float8, 'NaN'))".format(geometry),
                  "float8send(coalesce(ST_Y({})::float8, 'NaN'))".format(geometry)]
        dtype += [("x", ">f8"), ("y", ">f8")]
    for k, (name, integer) in enumerate(fields):
        column = "t.{}".format(_quote(name))
        if integer:
            parts += ["int8send(coalesce({}::int8, 0))".format(column),
                      "(CASE WHEN {} IS NULL THEN '\\x01' ELSE '\\x00' END)::bytea".format(column)]
            dtype += [("v{}".format(k), ">i8"), ("n{}".format(k), "u1")]
        else:
            parts.append("float8send(coalesce({}::float8, 'NaN'))".format(column))
            dtype.append(("v{}".format(k), ">f8"))
    sql = "SELECT string_agg({}, ''::bytea) AS packed FROM {} AS t".format(" || ".join(parts), from_table)
    try:
        ds = _open(info["path"])
        result = ds.ExecuteSQL(sql)
        feature = result.GetNextFeature() if result is not None else None
        packed = feature.GetFieldAsBinary(0) if feature is not None and feature.IsFieldSetAndNotNull(0) else b""
        feature = None
        if result is not None:
            ds.ReleaseResultSet(result)
        ds = None
    except RuntimeError:
        return None
    if feedback is not None and feedback.isCanceled():
        raise canceled()
    rows = np.frombuffer(packed, dtype=np.dtype(dtype))
    fids = rows["fid"].astype(np.int64)
    x = y = n_points = None
    if points:
        x, y = rows["x"].astype(np.float64), rows["y"].astype(np.float64)
        n_points = (np.isfinite(x) & np.isfinite(y)).astype(np.int32)
    values = {}
    for k, (name, integer) in enumerate(fields):
        column = rows["v{}".format(k)]
        if integer:
            null = rows["n{}".format(k)].astype(bool)
            values[name] = np.where(null, np.nan, column.astype(np.float64)) if null.any() \
                else column.astype(np.int64)
        else:
            values[name] = column.astype(np.float64)
    return fids, x, y, n_points, values
