"""QGIS layers <-> numpy / pandas, shared by the Quartiersmonitor algorithms.

Reading:

* :func:`read_point_coordinates` -- fids and x, y of a point source in a target CRS as numpy arrays (NaN for NULL or
  empty geometries). Fast path for a whole file-based OGR layer (GeoPackage, shapefile, ...) in the target CRS: GDAL's
  Arrow stream and numpy, no QgsFeature per point. Otherwise QGIS iteration with ``setDestinationCrs`` (the project's
  transform context, so reprojection is exactly QGIS's own).
* :func:`read_points_with_attributes` -- the same plus chosen fields as a DataFrame, in one pass over the source.
* :func:`read_attribute_table` -- chosen fields of a source (also a table without geometry) as a pandas DataFrame
  with its fids; :func:`python_values` turns a column back into the Python values QGIS would give.
* :func:`source_name`, :func:`require_field`, :func:`require_geometry` -- clear errors about the inputs.
* :func:`read_quartiers` -- quartier ids as trimmed text (NULL/duplicates are a clear error), geometries repaired with
  ``makeValid`` where invalid (and listed), and ring arrays for :mod:`quartiersmonitor.spatial.pip`.

Writing:

* :func:`write_gpkg_join` -- a copy of a whole GeoPackage layer plus new columns, written by GDAL in C (the new values
  go through a temporary SQLite table joined on the fid), to any OGR format; atomically replaces the destination.
* :func:`finish_file_output` / :func:`remove_dataset_files` / :func:`discard_output` -- move a finished temporary
  dataset into place, or clean it up after an error or cancel, so that no half-written output is left behind.
"""

import contextlib
import glob
import os
import shutil
import sqlite3
import tempfile
import uuid

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import (
    GEOMETRY_POLYGON,
    REQUEST_NO_GEOMETRY,
    SKIP_GEOMETRY_VALIDITY,
    VALIDATOR_GEOS,
    WKB_MULTIPOINT,
    WKB_POINT,
    is_null,
    plain_value,
)
from ..indicators.rates import id_text as engine_id_text
from ..spatial.sqlite_bulk import PackedRows, has_json_each, insert_int_pairs
from ..spatial.wkb import points_from_wkb
from ..translation import tr

CHUNK = 50_000
_NULL_TOKEN = "\x01NULL\x01"
_CHUNK_CODES = 64  # codes per BLOB of the packed lookup (see write_gpkg_join)
_PACKED_MAX_COLUMNS = 12  # write_gpkg_table: more new columns are bound row by row


# ---------------------------------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------------------------------
def check_crs_pair(points_source, quartier_source):
    """A clear error when exactly one of the two layers has no (valid) CRS: its coordinates cannot be related to
    the other's. Two layers without CRS are taken to share one; two valid CRSs are reprojected."""
    p_ok, q_ok = points_source.sourceCrs().isValid(), quartier_source.sourceCrs().isValid()
    if p_ok != q_ok:
        missing, other = (points_source, quartier_source) if not p_ok else (quartier_source, points_source)
        crs = other.sourceCrs()
        raise QgsProcessingException(
            tr("Layer “{}” has no valid CRS, so its coordinates cannot be related to layer “{}” ({}). Set the "
               "layer's CRS (Layer Properties > Source) and run again.").format(
                missing.sourceName(), other.sourceName(), crs.authid() or crs.description()))


def source_name(parameters, name, source):
    """A readable name of an input for messages: the layer name or the value given."""
    value = parameters.get(name)
    if hasattr(value, "name") and callable(value.name):
        try:
            return value.name()
        except (RuntimeError, TypeError):
            pass
    if hasattr(source, "sourceName"):
        try:
            return source.sourceName()
        except (RuntimeError, TypeError):
            pass
    return str(value)


def require_field(source, field_name, layer_label, param_label):
    """Index of ``field_name`` in ``source``; a clear error naming layer and field when it is missing."""
    index = source.fields().lookupField(field_name) if field_name else -1
    if index < 0:
        raise QgsProcessingException(
            tr("Layer '{}' has no field '{}' (parameter {}). Available fields: {}.").format(
                layer_label, field_name, param_label, ", ".join(source.fields().names()[:30])
            )
        )
    return index


def require_geometry(source, geometry_type, layer_label, param_label):
    """A clear error when ``source`` does not hold ``geometry_type`` (Processing's type filter is not applied to
    layers handed to ``processing.run``)."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual != geometry_type:
        raise QgsProcessingException(
            tr("Layer '{}' (parameter {}) holds {} geometries; {} geometries are expected.").format(
                layer_label, param_label, QgsWkbTypes.geometryDisplayString(actual),
                QgsWkbTypes.geometryDisplayString(geometry_type),
            )
        )


def whole_layer(parameters, name, layer, source):
    """True when parameter ``name`` means every feature of ``layer`` (no selection, limit or filter) and the
    processing ``source`` made of it holds them all."""
    if layer is None or layer.featureCount() != source.featureCount():
        return False
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None):
            return False
        filter_expression = getattr(value, "filterExpression", "")
        if filter_expression:
            return False
    return True


def ogr_file_source(layer, tables=False, text=False):
    """``{path, layer_name, driver, fid_column, geometry_column}`` when ``layer`` is a whole file-based OGR layer
    (no subset string) that GDAL can read directly; else None. ``tables``: a layer without geometry (e.g. a CSV
    file) is accepted too; ``text``: text is to be read, so QGIS must decode the layer as UTF-8 like GDAL does (not
    with an encoding the user set)."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    if layer.subsetString():
        return None
    if text and layer.dataProvider().encoding().upper().replace("-", "") != "UTF8":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or not os.path.isfile(path):
        return None
    try:
        from osgeo import gdal, ogr
    except ImportError:  # pragma: no cover - GDAL's Python bindings come with QGIS
        return None
    gdal.UseExceptions()
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        return None
    if ds is None:
        return None
    layer_name = parts.get("layerName")
    layer_id = parts.get("layerId")
    if layer_name:
        lyr = ds.GetLayerByName(layer_name)
    elif layer_id not in (None, ""):
        lyr = ds.GetLayer(int(layer_id))
    else:
        lyr = ds.GetLayer(0) if ds.GetLayerCount() == 1 else None
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    if lyr.GetGeomType() == ogr.wkbNone and not tables:
        return None
    info = {
        "path": path,
        "layer_name": lyr.GetName(),
        "driver": ds.GetDriver().ShortName,
        "fid_column": lyr.GetFIDColumn(),
        "geometry_column": lyr.GetGeometryColumn(),
    }
    ds = None
    return info


def _open_ogr_layer(info):
    from osgeo import gdal

    gdal.UseExceptions()
    ds = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    return ds, ds.GetLayerByName(info["layer_name"])


def _arrow_batches(lyr, keep_fields, feedback=None, with_geometry=True):
    """Arrow record batches (dicts of numpy arrays) of an OGR layer, only ``keep_fields`` read."""
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    ignored = [n for n in names if n not in keep_fields]
    if not with_geometry:
        ignored.append("OGR_GEOMETRY")
    lyr.SetIgnoredFields(ignored)
    lyr.ResetReading()
    for batch in lyr.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=65536"]):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
        yield batch


def read_point_coordinates(source, crs, context, feedback=None, layer=None, whole=False):
    """Fids and 2D coordinates of a point source in ``crs``.

    Returns ``(fids int64, x float64, y float64, n_points int32)``; NULL or empty geometries have NaN coordinates
    and ``n_points`` 0; a multipoint contributes its first point (``n_points`` tells how many it has); Z and M are
    dropped. ``layer``/``whole``: the vector layer behind ``source`` and whether the whole layer is meant (enables
    the GDAL fast path when the layer is already in ``crs``).
    """
    return read_points_with_attributes(source, crs, context, [], feedback, layer, whole)[:4]


def read_points_with_attributes(source, crs, context, field_names, feedback=None, layer=None, whole=False):
    """:func:`read_point_coordinates` plus the fields ``field_names`` as a DataFrame (as
    :func:`read_attribute_table`, rows in the order of the fids), read in one pass.

    Returns ``(fids, x, y, n_points, table)``; ``table`` is None when ``field_names`` is empty.
    """
    field_names = list(dict.fromkeys(field_names))
    text = any(not source.fields().field(n).isNumeric() for n in field_names
               if source.fields().lookupField(n) >= 0)
    info = ogr_file_source(layer, text=text) if whole else None
    if info is not None and layer.crs() == crs:
        ds, lyr = _open_ogr_layer(info)
        if _has_ogr_fields(lyr, field_names):
            parts, columns = [], {n: [] for n in field_names}
            for batch in _arrow_batches(lyr, field_names, feedback):
                geom = batch[_geom_key(batch, info)]
                if isinstance(geom, np.ma.MaskedArray):
                    mask = np.ma.getmaskarray(geom)
                    blobs = [None if m else d for d, m in zip(geom.data.tolist(), mask.tolist())]
                else:
                    blobs = geom.tolist()
                # copies: GDAL's Arrow memory is only valid while the batch is (never keep views of it)
                parts.append((np.array(_fid_of(batch, info), dtype=np.int64, copy=True),) + points_from_wkb(blobs))
                for n in field_names:
                    columns[n].append(_unmask(batch[n]))
                del blobs, geom, batch
            del lyr, ds
            if parts:
                fid, x, y, n_points = (np.concatenate([p[k] for p in parts]) for k in range(4))
            else:
                fid, x, y, n_points = np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0, np.int32)
            return fid, x, y, n_points, _gdal_table(fid, columns) if field_names else None
        del lyr, ds

    indices = _field_indices(source, field_names)
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    request.setDestinationCrs(crs, context.transformContext())
    total = source.featureCount()
    fids, xs, ys, ns = [], [], [], []
    values = [[] for _ in field_names]
    for i, feature in enumerate(source.getFeatures(request)):
        if i % 10000 == 0 and feedback is not None:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled by the user."))
            if total > 0:
                feedback.setProgress(100.0 * i / total)
        fids.append(feature.id())
        x, y, n = point_of_geometry(feature.geometry())
        xs.append(x)
        ys.append(y)
        ns.append(n)
        if indices:
            attrs = feature.attributes()
            for column, idx in zip(values, indices):
                v = attrs[idx]
                column.append(None if is_null(v) else v)
    fid = np.asarray(fids, dtype=np.int64)
    table = _qgis_table(source, fid, field_names, values) if field_names else None
    return (fid, np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64), np.asarray(ns, dtype=np.int32),
            table)


def _has_ogr_fields(lyr, field_names):
    """True when GDAL reads every field of ``field_names``: an OGR field or the fid column (which QGIS shows as a
    field of a GeoPackage, and GDAL's Arrow stream holds under its name)."""
    defn = lyr.GetLayerDefn()
    ogr_names = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
    if lyr.GetFIDColumn():
        ogr_names.add(lyr.GetFIDColumn())
    return all(n in ogr_names for n in field_names)


def _field_indices(source, field_names):
    fields = source.fields()
    indices = []
    for name in field_names:
        idx = fields.lookupField(name)
        if idx < 0:
            raise QgsProcessingException(tr("Field “{}” not found in layer “{}”.").format(name, source.sourceName()))
        indices.append(idx)
    return indices


def _gdal_table(fid, columns):
    data = {"fid": fid}
    data.update({k: (np.concatenate(v) if v else np.zeros(0)) for k, v in columns.items()})
    return pd.DataFrame(data)


def _qgis_table(source, fid, field_names, values):
    fields = source.fields()
    data = {"fid": fid}
    for name, vals in zip(field_names, values):
        data[name] = pd.Series(vals, dtype=object)
        converted = pd.to_numeric(data[name], errors="coerce") if fields.field(name).isNumeric() else None
        if converted is not None:
            data[name] = converted
    return pd.DataFrame(data)


def _fid_of(batch, info=None):
    for key in ((info or {}).get("fid_column"), "OGC_FID", "fid", "FID"):
        if key and key in batch:
            return batch[key]
    # the first column of the stream is the FID when INCLUDE_FID=YES
    return next(iter(batch.values()))


def _geom_key(batch, info):
    for key in (info.get("geometry_column"), "geom", "geometry", "wkb_geometry", "OGR_GEOMETRY"):
        if key and key in batch:
            return key
    return list(batch)[-1]


def point_of_geometry(geometry):
    """(x, y, n_points) of a QgsGeometry: first point of a multipoint, NaN for NULL/empty."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return np.nan, np.nan, 0
    flat = QgsWkbTypes.flatType(geometry.wkbType())
    abstract = geometry.constGet()
    if flat == WKB_POINT:
        return abstract.x(), abstract.y(), 1
    if flat == WKB_MULTIPOINT:
        n = abstract.numGeometries()
        for i in range(n):
            part = abstract.geometryN(i)
            if not part.isEmpty():
                return part.x(), part.y(), n
        return np.nan, np.nan, 0
    point = geometry.pointOnSurface().asPoint()
    return point.x(), point.y(), 1


def read_attribute_table(source, field_names, feedback=None, layer=None, whole=False):
    """The fields ``field_names`` of a source as a DataFrame (column ``fid`` first, source order, NULL -> NaN/None).

    Numeric fields come out as float64 (NaN for NULL) or int64 when they hold no NULL; text as object. A whole
    file layer (also one without geometry, e.g. a CSV file) is read by GDAL directly.
    """
    field_names = list(dict.fromkeys(field_names))
    text = any(not source.fields().field(n).isNumeric() for n in field_names
               if source.fields().lookupField(n) >= 0)
    info = ogr_file_source(layer, tables=True, text=text) if whole else None
    if info is not None:
        ds, lyr = _open_ogr_layer(info)
        if _has_ogr_fields(lyr, field_names):
            fids, columns = [], {n: [] for n in field_names}
            for batch in _arrow_batches(lyr, field_names, feedback, with_geometry=False):
                fids.append(np.array(_fid_of(batch, info), dtype=np.int64, copy=True))
                for n in field_names:
                    columns[n].append(_unmask(batch[n]))
                del batch
            del lyr, ds
            return _gdal_table(np.concatenate(fids) if fids else np.zeros(0, np.int64), columns)
        del lyr, ds

    indices = _field_indices(source, field_names)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(indices)
    fids = []
    values = [[] for _ in field_names]
    for i, feature in enumerate(source.getFeatures(request)):
        if i % 10000 == 0 and feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
        fids.append(feature.id())
        attrs = feature.attributes()
        for k, idx in enumerate(indices):
            v = attrs[idx]
            values[k].append(None if is_null(v) else v)
    return _qgis_table(source, np.asarray(fids, dtype=np.int64), field_names, values)


def python_values(column, field):
    """A column of :func:`read_attribute_table` as the Python values QGIS gives for ``field`` (a QgsField): None
    for NULL, int for integer fields (also where NULLs made the column float), float for other numbers."""
    array = np.asarray(column)
    if field.isNumeric():
        integer = _type_code(field.type()) in _INTEGER_TYPES
        if array.dtype.kind in "iu":
            return array.tolist() if integer else array.astype(np.float64).tolist()
        array = array.astype(np.float64)
        null = np.isnan(array)
        values = np.where(null, 0, array).astype(np.int64) if integer else array
        if not null.any():
            return values.tolist()
        out = values.astype(object)
        out[null] = None
        return out.tolist()
    out = array.astype(object)
    null = pd.isna(out)
    if null.any():
        out = out.copy()
        out[null] = None
    return out.tolist()


_INTEGER_TYPES = (2, 3, 4, 5)  # Int, UInt, LongLong, ULongLong: the same numbers in QVariant::Type and QMetaType::Type


def _type_code(field_type):
    return int(getattr(field_type, "value", field_type))


def _decode(value):
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf-8", errors="replace")
    return value


def _unmask(array):
    """A plain array from an Arrow column: NaN for NULL numbers, None for NULL text, text decoded from UTF-8."""
    if array.dtype.kind in "iuf":  # always copies (GDAL's Arrow memory is only valid while the batch is)
        if isinstance(array, np.ma.MaskedArray):
            if not np.ma.is_masked(array):
                return np.array(array.data, copy=True)
            return array.astype(np.float64).filled(np.nan)
        return np.array(array, copy=True)
    mask = np.ma.getmaskarray(array) if isinstance(array, np.ma.MaskedArray) else np.zeros(len(array), dtype=bool)
    data = np.asarray(array.data if isinstance(array, np.ma.MaskedArray) else array)
    out = np.empty(len(data), dtype=object)
    try:  # each distinct value decoded once (streets, cities ... repeat a lot)
        codes, uniques = pd.factorize(data.astype(object), use_na_sentinel=True)
    except TypeError:  # unhashable values (e.g. lists)
        out[:] = [None if m else _decode(v) for v, m in zip(data.tolist(), mask.tolist())]
        return out
    decoded = np.empty(len(uniques) + 1, dtype=object)  # the last one (code -1): None
    decoded[:-1] = [_decode(v) for v in np.asarray(uniques, dtype=object).tolist()]
    out[:] = decoded[codes]
    out[mask] = None
    return out


# ---------------------------------------------------------------------------------------------------------------------
# Quartier ids and polygons
# ---------------------------------------------------------------------------------------------------------------------
def id_as_text(value):
    """A quartier id as trimmed text, by the engine's rule (``indicators.rates.id_text``: integers and integral
    floats without decimals; None for NULL/empty), for an attribute value (QVariant NULL in Qt5 builds)."""
    return engine_id_text(plain_value(value))


def check_ids(ids, layer_name, field_name, feature_ids=None):
    """Raise a clear error for NULL or duplicate ids (listing the first offending ones)."""
    nulls = [i for i, v in enumerate(ids) if v is None]
    if nulls:
        where = [str(feature_ids[i]) if feature_ids is not None else str(i + 1) for i in nulls[:5]]
        raise QgsProcessingException(
            tr("Layer “{}”, field “{}”: {} feature(s) have no quartier id (NULL or empty), e.g. feature id(s) {}.")
            .format(layer_name, field_name, len(nulls), ", ".join(where))
        )
    seen, dups = set(), []
    for v in ids:
        if v in seen and v not in dups:
            dups.append(v)
        seen.add(v)
    if dups:
        raise QgsProcessingException(
            tr("Layer “{}”, field “{}”: quartier ids must be unique; duplicated: {}.")
            .format(layer_name, field_name, ", ".join("“{}”".format(d) for d in dups[:10]))
        )


def geometry_rings(geometry):
    """All rings (exterior and interior, every part) of a polygon QgsGeometry as (n, 2) float arrays."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return []
    geom = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(geom.wkbType()):
        geom = QgsGeometry(geom.constGet().segmentize())
    rings = []
    for polygon in geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]:
        for ring in polygon:
            if len(ring) >= 3:
                rings.append(np.array([(p.x(), p.y()) for p in ring], dtype=np.float64))
    return rings


def polygon_part(geometry):
    """The polygonal part of a geometry (makeValid may return a collection with lines or points)."""
    if geometry.type() == GEOMETRY_POLYGON:
        return geometry
    parts = [QgsGeometry(geometry.constGet().geometryN(i).clone()) for i in range(geometry.constGet().numGeometries())
             ] if geometry.isMultipart() else [geometry]
    polys = [p for p in parts if p.type() == GEOMETRY_POLYGON]
    if not polys:
        return QgsGeometry()
    return QgsGeometry.collectGeometry(polys)


def read_quartiers(source, id_field, feedback=None):
    """Read the quartier layer.

    Returns a dict with ``ids`` (text), ``fids``, ``features`` (QgsFeature, original), ``geometries`` (repaired),
    ``rings`` (for the kernel), ``invalid`` (list of (id, reason) for repaired geometries) and ``empty`` (ids
    without geometry). NULL or duplicate ids raise a clear :class:`QgsProcessingException`.
    """
    name = source.sourceName()
    if source.fields().lookupField(id_field) < 0:
        raise QgsProcessingException(tr("Field “{}” not found in layer “{}”.").format(id_field, name))
    # Invalid quartiers are repaired below: Processing's own validity check (skip or abort) must not act first.
    if isinstance(source, QgsProcessingFeatureSource):
        features = list(source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_VALIDITY))
    else:
        features = list(source.getFeatures())
    ids = [id_as_text(f[id_field]) for f in features]
    check_ids(ids, name, id_field, [f.id() for f in features])
    geometries, rings, invalid, empty = [], [], [], []
    for feature, qid in zip(features, ids):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            empty.append(qid)
            geometries.append(QgsGeometry())
            rings.append([])
            continue
        if not geom.isGeosValid():
            errors = geom.validateGeometry(VALIDATOR_GEOS)
            reason = "; ".join(e.what() for e in errors[:3]) or tr("invalid geometry")
            repaired = polygon_part(geom.makeValid())
            invalid.append((qid, reason))
            geom = repaired
        geometries.append(geom)
        rings.append(geometry_rings(geom))
    return {
        "ids": ids,
        "fids": [f.id() for f in features],
        "features": features,
        "geometries": geometries,
        "rings": rings,
        "invalid": invalid,
        "empty": empty,
        "crs": QgsCoordinateReferenceSystem(source.sourceCrs()),
    }


# ---------------------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------------------
def ogr_driver_for_path(path):
    """OGR driver name for a destination file path (by its extension), or None (memory:, database URIs, ...)."""
    if not path or ":" in os.path.basename(path) or path.startswith(("memory:", "postgres", "ogr:", "postgis:")):
        return None
    ext = os.path.splitext(path)[1].lstrip(".").lower()
    if not ext:
        return None
    driver = QgsVectorFileWriter.driverForExtension(ext)
    return driver or None


def dataset_files(path):
    """The files making up a dataset at ``path`` (a shapefile's siblings, a GeoPackage's -wal/-shm)."""
    stem, ext = os.path.splitext(path)
    if ext.lower() == ".shp":
        return [p for p in glob.glob(glob.escape(stem) + ".*")
                if os.path.splitext(p)[1].lower() in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx",
                                                      ".qpj", ".qmd")]
    return [p for p in (path, path + "-wal", path + "-shm", path + "-journal") if os.path.exists(p)]


def remove_dataset_files(path):
    for p in dataset_files(path):
        try:
            os.remove(p)
        except OSError:
            pass


def discard_output(path):
    """Remove a file output written only partly (a cancelled run): the dataset's files; nothing for memory: layers,
    database URIs or a layer inside a file (``path|layername=...``)."""
    if not path or not isinstance(path, str) or path.startswith("memory:") or "|" in path:
        return
    remove_dataset_files(path)


def memory_staging_path(dest, name):
    """For a ``memory:`` destination, the path of a temporary GeoPackage ``<name>.gpkg`` to write it into first (see
    :func:`materialize_staged`); None for any other destination."""
    if not str(dest or "").startswith("memory:"):
        return None
    return QgsProcessingUtils.generateTempFilename("{}.gpkg".format(name))


def materialize_staged(staging, dest, context, default_name, feedback=None, fields=None):
    """Copy the finished GeoPackage ``staging`` into a memory layer — QGIS copies the features in C++
    (``materialize``), no QgsFeature is built in Python — and register it in ``context`` like a sink of the
    ``memory:`` destination ``dest`` (named as ``dest`` says, else ``default_name``; loaded on completion when
    ``dest`` is). With ``fields`` (the QgsFields the layer is to have), the GeoPackage's own fid field is dropped
    unless it is one of them. ``staging`` is removed. Returns the memory layer's id, or None when QGIS cannot read
    ``staging``. A cancel (``feedback``) is a QgsProcessingException."""
    try:
        staged = QgsVectorLayer(staging, "staged", "ogr")
        if not staged.isValid():
            return None
        memory = staged.materialize(QgsFeatureRequest(), feedback)
        del staged
    finally:
        remove_dataset_files(staging)
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled by the user."))
    if memory is None or not memory.isValid():
        return None
    if fields is not None and memory.fields().count() == fields.count() + 1 \
            and fields.lookupField(memory.fields().at(0).name()) < 0:
        memory.dataProvider().deleteAttributes([0])
        memory.updateFields()
    memory.setName(str(dest)[len("memory:"):] or default_name)
    context.temporaryLayerStore().addMapLayer(memory)
    if context.willLoadLayerOnCompletion(dest):
        details = context.layerToLoadOnCompletionDetails(dest)
        context.addLayerToLoadOnCompletion(memory.id(), details)
    return memory.id()


def temporary_sibling(path):
    """A fresh temporary folder next to ``path`` and the path of the same file name inside it."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    tmp_dir = os.path.join(folder, ".qm-tmp-{}".format(uuid.uuid4().hex[:12]))
    os.makedirs(tmp_dir)
    return tmp_dir, os.path.join(tmp_dir, os.path.basename(path))


def finish_file_output(tmp_dir, tmp_path, path):
    """Move a finished dataset from ``tmp_path`` onto ``path`` (replacing an old one) and remove ``tmp_dir``."""
    try:
        remove_dataset_files(path)
        tmp_stem = os.path.splitext(tmp_path)[0]
        dst_stem = os.path.splitext(path)[0]
        for p in dataset_files(tmp_path):
            os.replace(p, dst_stem + p[len(tmp_stem):])
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


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
    from ..spatial.rtree_pack import pack

    rtree, triggers, extensions, extensions_ddl = _gdal_rtree_ddl(layer_name, geometry_column, fid_column, srs_wkt)
    if len(triggers) < 3 or not extensions:
        raise RuntimeError("unexpected spatial index layout of this GDAL")
    node_rows, parent_rows, rowid_rows = pack(*bounds)
    name = rtree.replace('"', '""')
    con = sqlite3.connect(gpkg_path, isolation_level=None)
    try:
        _unsynced(con)
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


def _unsynced(con):
    """Bulk-write settings for a connection to a temporary file that is moved into place only when complete (a
    crash leaves nothing behind to keep consistent): no fsync, rollback journal in memory, temp tables in memory."""
    con.execute("PRAGMA main.synchronous = OFF")
    con.execute("PRAGMA main.journal_mode = MEMORY")
    con.execute("PRAGMA temp_store = MEMORY")


def _join_sql(mode, fid_col, fmin):
    """The joins from the copied layer ``l`` to the new values ``k.c0, k.c1 ...`` (see write_gpkg_join)."""
    if mode == "packed":
        return ("LEFT JOIN qm_values.bc AS bc ON bc.chunk = (l.{fid} - {fmin}) / {c} "
                "LEFT JOIN qm_values.kb AS kb ON kb.key = substr(bc.data, ((l.{fid} - {fmin}) % {c}) * 4 + 1, 4) "
                "LEFT JOIN qm_values.k AS k ON k.code = kb.code").format(fid=fid_col, fmin=fmin, c=_CHUNK_CODES)
    return ("LEFT JOIN qm_values.v AS v ON v.fid = l.{fid} "
            "LEFT JOIN qm_values.k AS k ON k.code = v.code").format(fid=fid_col)


def _srs_wkt(info):
    from osgeo import gdal

    ds = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    srs = ds.GetLayerByName(info["layer_name"]).GetSpatialRef()
    return srs.ExportToWkt() if srs is not None else ""


class _NotCopyableError(Exception):
    """The SQLite copy does not apply here; GDAL's VectorTranslate is used instead."""


def _q(name):
    return '"{}"'.format(str(name).replace('"', '""'))


def _copy_gpkg_in_sqlite(info, tmp_path, out_name, names, db_path, join_sql, extent, feedback):
    """GeoPackage -> GeoPackage copy of a whole layer plus the new text columns, row by row inside SQLite
    (INSERT ... SELECT: the geometry blobs are copied as they are). GDAL creates the empty output layer (so the
    metadata is GDAL's own); the extent and feature count are set from ``extent``/SQL. Raises _NotCopyableError when
    the layer cannot be copied this way (e.g. another srs_id)."""
    from osgeo import gdal, ogr

    src = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = src.GetLayerByName(info["layer_name"])
    defn = lyr.GetLayerDefn()
    if defn.GetGeomFieldCount() != 1 or not info["fid_column"] or not info["geometry_column"]:
        raise _NotCopyableError("layout")
    fields = [defn.GetFieldDefn(i) for i in range(defn.GetFieldCount())]
    field_names = [f.GetName() for f in fields]
    lower = {n.lower() for n in field_names}
    if any(n.lower() in lower for n in names):
        raise _NotCopyableError("field names")
    out = gdal.GetDriverByName("GPKG").Create(tmp_path, 0, 0, 0, gdal.GDT_Unknown)
    out_lyr = out.CreateLayer(out_name, lyr.GetSpatialRef(), lyr.GetGeomType(), options=[
        "FID=" + info["fid_column"], "GEOMETRY_NAME=" + info["geometry_column"], "SPATIAL_INDEX=NO"])
    for field in fields:
        out_lyr.CreateField(field)
    for name in names:
        out_lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
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
            raise _NotCopyableError("srs_id")
        src_cols = [info["fid_column"], info["geometry_column"]] + field_names
        columns = ", ".join(_q(c) for c in src_cols + list(names))
        select = ", ".join(["l." + _q(c) for c in src_cols] + ["k.c{}".format(i) for i in range(len(names))])
        sql = "INSERT INTO main.{} ({}) SELECT {} FROM qm_src.{} AS l {}".format(
            _q(out_name), columns, select, _q(info["layer_name"]), join_sql)
        _bulk_insert(con, out_name, lambda: con.execute(sql), extent, feedback)
        con.execute("DETACH DATABASE qm_src")
        con.execute("DETACH DATABASE qm_values")
    finally:
        con.close()
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled by the user."))


def _bulk_insert(con, out_name, insert, extent, feedback):
    """Run ``insert()`` (the rows of GeoPackage table ``out_name``, created empty by GDAL) in one transaction of
    ``con`` (opened with ``isolation_level=None``): GDAL's per-row triggers (feature count) are set aside meanwhile,
    the count and ``extent`` (minx, miny, maxx, maxy or None) are set once; a cancel within the insert rolls back."""
    con.execute("BEGIN")
    triggers = con.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND "
                           "lower(tbl_name) = lower(?)", (out_name,)).fetchall()
    for name, _sql in triggers:
        con.execute("DROP TRIGGER main.{}".format(_q(name)))
    if feedback is not None:  # cancel within the bulk insert (SQLite calls this every 100,000 VM steps)
        con.set_progress_handler(lambda: 1 if feedback.isCanceled() else 0, 100_000)
    try:
        insert()
    except (sqlite3.OperationalError, QgsProcessingException) as err:
        if feedback is not None and feedback.isCanceled():
            con.execute("ROLLBACK")
            raise QgsProcessingException(tr("Canceled by the user.")) from err
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
                    "WHERE lower(table_name) = lower(?)".format(_q(out_name)), (out_name,))
    con.execute("COMMIT")


_OGR_TYPES = {1: "bool", 2: "int", 3: "int64", 4: "int64", 6: "real", 10: "text"}  # QVariant/QMetaType numbers


def gpkg_field_definitions(fields):
    """OGR field definitions for the QgsFields ``fields`` when :func:`write_gpkg_table` can write them all (bool,
    integer, real and text fields; a field ``fid`` of integers becomes the GeoPackage fid), else None."""
    from osgeo import ogr

    definitions = []
    for field in fields:
        kind = _OGR_TYPES.get(_type_code(field.type()))
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
                     layer_name=None, copy_from=None):
    """Write a new GeoPackage ``dest_path`` holding one table: the QgsFields ``fields`` (see
    :func:`gpkg_field_definitions`) with the Python values ``columns`` (one list per field, NULL as None, or a
    tuple ``(distinct values, integer codes)``, code -1 for NULL) and,
    with ``points`` = (x, y) arrays, point geometries in ``srs_wkt`` (NaN: NULL geometry) with a bulk-loaded
    spatial index. GDAL creates the layer (metadata as GDAL writes it), SQLite inserts the rows in one
    transaction. Atomic: the destination appears only when done. Returns False (nothing written) when the fields
    cannot be written this way, else True.

    ``copy_from`` = ``(info, fids)``: the leading fields (all but the last ``len(columns)``) are copied inside
    SQLite (INSERT ... SELECT) from the same-named columns of the GeoPackage table ``info`` (see
    :func:`ogr_file_source`), its rows ``fids`` in this order; ``columns`` and ``points`` are aligned with ``fids``.
    Python then passes only the new values."""
    from osgeo import gdal, osr

    definitions = gpkg_field_definitions(fields)
    names = [f.name() for f in fields]
    fid_pos = [k for k, d in enumerate(definitions or []) if d is None]
    copied = len(fields) - len(columns) if copy_from is not None else 0
    if copy_from is not None:
        src_fids = np.asarray(copy_from[1], dtype=np.int64)
        n = len(src_fids)
        if copy_from[0].get("driver") != "GPKG" or not copy_from[0].get("fid_column") or copied < 0:
            return False
    else:
        n = len(points[0]) if points is not None else (len(columns[0]) if columns else 0)
    columns = list(columns)
    if fid_pos and fid_pos[0] >= copied:
        columns[fid_pos[0] - copied] = _expand(columns[fid_pos[0] - copied])
    if definitions is None or (fid_pos and fid_pos[0] >= copied
                               and any(v is None for v in columns[fid_pos[0] - copied])):
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
            _unsynced(con)
            targets = [_q("fid") if d is None else _q(name) for d, name in zip(definitions, names)]
            extent = None
            flags = []
            if points is not None:
                srs_id = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                                     (out_name,)).fetchone()[0]
                targets.append(_q("geom"))
                px, py = np.asarray(points[0], float), np.asarray(points[1], float)
                blobs, blob_size, ok = _point_blob_array(px, py, srs_id)
                flags = [([1], ok.astype(np.int64) - 1)]  # the geometry's NULL flag, packed as one more column
                if ok.any():
                    extent = (np.min(px[ok]), np.min(py[ok]), np.max(px[ok]), np.max(py[ok]))
            copied_sql, lead_join = [], None
            if copy_from is not None:
                info = copy_from[0]
                con.execute("ATTACH DATABASE ? AS qm_src", ("file:{}?mode=ro".format(info["path"]),))
                src_cols = {row[1].lower(): row[1] for row in con.execute(
                    "PRAGMA qm_src.table_info({})".format(_q(info["layer_name"])))}
                if not src_cols or any(name.lower() not in src_cols for name in names[:copied]):
                    raise _NotCopyableError("field names")
                copied_sql = ["l." + _q(src_cols[name.lower()]) for name in names[:copied]]
            # The rows go to SQLite as JSON arrays (sqlite_bulk) where this SQLite reads them, else by executemany:
            # for a wide table too, where factorizing every column costs more than binding it (measured: 38
            # columns of 150,000 rows 1.5 s by executemany, 2.1 s packed; 7 columns of 200,000 rows 0.4 s faster
            # packed).
            packed = PackedRows.build(columns + flags, lead=src_fids if copy_from is not None else None) \
                if (columns or flags) and len(columns) <= _PACKED_MAX_COLUMNS and has_json_each(con) else None
            if packed is not None:
                select = copied_sql + [packed.value_sql(i) for i in range(len(columns))]
                params = {}
                if points is not None:
                    select.append("CASE WHEN {code} <> 0 THEN substr(:qm_geoms, {row} * {size} + 1, {size}) END"
                                  .format(code=packed.code_sql(len(columns)), row=packed.row_sql, size=blob_size))
                    params["qm_geoms"] = blobs
                if copy_from is not None:
                    lead_join = "CROSS JOIN qm_src.{} AS l ON l.{} = {}".format(
                        _q(info["layer_name"]), _q(info["fid_column"]), packed.lead_sql())
                sql = "INSERT INTO main.{} ({}) SELECT {} FROM {}".format(
                    _q(out_name), ", ".join(targets), ", ".join(select), packed.from_sql(lead_join))

                def insert():
                    loaded = packed.load(con, feedback.isCanceled if feedback is not None else None)
                    if loaded is None or (feedback is not None and feedback.isCanceled()):
                        raise QgsProcessingException(tr("Canceled by the user."))
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
                    new_cols = ["c{}".format(i) for i in range(len(targets) - copied)]
                    values = [src_fids.tolist()] + values
                    sql = "INSERT INTO temp.qm_v VALUES ({})".format(", ".join("?" * (1 + len(new_cols))))
                    copy_sql = "INSERT INTO main.{} ({}) SELECT {} FROM temp.qm_v AS v JOIN qm_src.{} AS l " \
                        "ON l.{} = v.qm_fid ORDER BY v.rowid".format(
                            _q(out_name), ", ".join(targets), ", ".join(copied_sql + ["v." + c for c in new_cols]),
                            _q(info["layer_name"]), _q(info["fid_column"]))
                else:
                    sql = "INSERT INTO main.{} ({}) VALUES ({})".format(_q(out_name), ", ".join(targets),
                                                                         ", ".join("?" * len(targets)))

                def insert():
                    if copy_from is not None:
                        con.execute("CREATE TEMP TABLE qm_v (qm_fid INTEGER{})".format(
                            "".join(", " + c for c in new_cols)))
                    for start in range(0, n, 50_000):
                        if feedback is not None:
                            if feedback.isCanceled():
                                raise QgsProcessingException(tr("Canceled by the user."))
                            feedback.setProgress(100.0 * start / max(n, 1))
                        con.executemany(sql, zip(*(column[start:start + 50_000] for column in values))
                                        if values else [()] * min(50_000, n - start))
                    if copy_from is not None:
                        con.execute(copy_sql)
                        con.execute("DROP TABLE temp.qm_v")

            _bulk_insert(con, out_name, insert, extent, feedback)
            if copy_from is not None:
                con.execute("DETACH DATABASE qm_src")
        finally:
            con.close()
        if points is not None and spatial_index:
            if fid_pos and fid_pos[0] < copied:  # the source's fid copied
                fids = src_fids
            elif fid_pos:
                fids = np.asarray(columns[fid_pos[0] - copied], dtype=np.int64)
            else:
                fids = np.arange(1, n + 1, dtype=np.int64)
            x, y = np.asarray(points[0], float), np.asarray(points[1], float)
            ok = np.isfinite(x) & np.isfinite(y)
            add_packed_spatial_index(tmp_path, out_name, "geom", "fid", srs_wkt, (fids[ok], x[ok], x[ok], y[ok], y[ok]))
        finish_file_output(tmp_dir, tmp_path, dest_path)
    except (sqlite3.IntegrityError, _NotCopyableError):  # e.g. the values of a field fid are not unique: QGIS
        # writes it its own way
        remove_dataset_files(tmp_path)
        shutil.rmtree(tmp_dir, ignore_errors=True)
        return False
    except BaseException:
        remove_dataset_files(tmp_path)
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    return True


def stage_as_gpkg(info, feedback=None):
    """Copy a whole OGR layer (e.g. a shapefile) into a temporary GeoPackage with GDAL, in reading order (fids
    1..n). Returns ``(info, folder)`` for :func:`write_gpkg_join` (``info["count"]`` = features copied; remove
    ``folder`` afterwards), or None when GDAL cannot do it."""
    from osgeo import gdal

    gdal.UseExceptions()
    folder = tempfile.mkdtemp(prefix="qm-stage-")
    path = os.path.join(folder, "staged.gpkg")

    def progress(_complete, _message, _data):
        return 0 if feedback is not None and feedback.isCanceled() else 1

    try:
        out = gdal.VectorTranslate(path, info["path"], options=gdal.VectorTranslateOptions(
            format="GPKG", layers=[info["layer_name"]], layerName="staged", callback=progress,
            layerCreationOptions=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"]))
        count = out.GetLayer(0).GetFeatureCount()
        out = None
    except RuntimeError:
        shutil.rmtree(folder, ignore_errors=True)
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user.")) from None
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


def write_gpkg_join(info, dest_path, driver, fids, columns, feedback=None, layer_name=None, spatial_index=True,
                    bounds=None):
    """Copy the whole OGR layer ``info`` (a GeoPackage) to ``dest_path`` with extra text ``columns``, written by
    GDAL in C. ``columns``: ``{name: values aligned with fids}`` or ``{name: (labels, codes)}`` (categorical, code
    -1 for NULL). Atomic: the destination appears only when done.

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
            raise QgsProcessingException(tr("Canceled by the user."))

        fid_col = '"{}"'.format((info["fid_column"] or "fid").replace('"', '""'))
        out_name = layer_name or os.path.splitext(os.path.basename(dest_path))[0]
        if driver == "GPKG" and (bounds is not None or not spatial_index):
            join_sql = _join_sql(mode, fid_col, fmin)
            extent = None
            if bounds is not None and len(bounds[0]):
                extent = (np.min(bounds[1]), np.min(bounds[3]), np.max(bounds[2]), np.max(bounds[4]))
            try:
                _copy_gpkg_in_sqlite(info, tmp_path, out_name, names, db_path, join_sql, extent, feedback)
                if spatial_index:
                    add_packed_spatial_index(tmp_path, out_name, info["geometry_column"], info["fid_column"],
                                             _srs_wkt(info), bounds)
                finish_file_output(tmp_dir, tmp_path, dest_path)
                return dest_path
            except (_NotCopyableError, sqlite3.Error, RuntimeError) as err:
                if feedback is not None:
                    feedback.pushInfo(tr("Written by GDAL instead ({}).").format(err))
                remove_dataset_files(tmp_path)

        src = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
        src.ExecuteSQL("ATTACH DATABASE '{}' AS qm_values".format(db_path.replace("'", "''")))
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
                raise QgsProcessingException(tr("Canceled by the user.")) from err
            raise QgsProcessingException(tr("Could not write “{}”: {}").format(dest_path, err)) from err
        if out is None:
            raise QgsProcessingException(tr("Could not write “{}”.").format(dest_path))
        out_layer = out.GetLayer(0)
        out_names = (out_layer.GetName(), out_layer.GetGeometryColumn() or "geom", out_layer.GetFIDColumn() or "fid")
        srs = out_layer.GetSpatialRef()
        srs_wkt = srs.ExportToWkt() if srs is not None else ""
        out_layer = out = None
        src = None
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
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
