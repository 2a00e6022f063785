"""QGIS layers -> numpy / pandas.

* :func:`read_point_coordinates` -- fids and x, y of a point source in a target CRS as numpy arrays (NaN for NULL or
  empty geometries). Fast path for a whole file-based OGR layer (GeoPackage, shapefile, ...) in the target CRS: GDAL's
  Arrow stream and numpy (:mod:`.ogr_arrow`), no QgsFeature per point; a whole PostGIS table of single points (and
  numeric fields) is packed into bytes by the server in one query (:func:`postgis_io.read_numbers`), other PostGIS
  tables come through GDAL's Arrow stream too. Otherwise QGIS iteration with
  ``setDestinationCrs`` (the project's transform context, so reprojection is exactly QGIS's own).
* :func:`read_points_with_attributes` -- the same plus chosen fields as a DataFrame, in one pass over the source.
* :func:`read_attribute_table` -- chosen fields of a source (also a table without geometry) as a pandas DataFrame
  with its fids; :func:`python_values` turns a column back into the Python values QGIS would give.
* :func:`read_quartiers` -- quartier ids as trimmed text (NULL/duplicates are a clear error), geometries repaired with
  ``makeValid`` where invalid (and listed), and ring arrays for :mod:`quartiersmonitor.spatial.pip`.
"""


import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
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
)
from ..storage.wkb import points_from_wkb
from ..translation import tr
from .errors import canceled
from .inputs import check_ids, id_as_text
from .ogr_arrow import (
    arrow_batches,
    fid_of,
    gdal_table,
    geom_key,
    has_ogr_fields,
    ogr_file_source,
    open_ogr_layer,
    type_code,
    unmask,
)
from .postgis_io import DRIVER as POSTGRES_DRIVER
from .postgis_io import read_numbers

CHUNK = 50_000


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
        numbers = _postgres_numbers(info, source, field_names, True, feedback)
        if numbers is not None:
            fid, x, y, n_points, values = numbers
            return fid, x, y, n_points, gdal_table(fid, {n: [values[n]] for n in field_names}) if field_names else None
        ds, lyr = open_ogr_layer(info)
        if has_ogr_fields(lyr, field_names):
            parts, columns = [], {n: [] for n in field_names}
            for batch in arrow_batches(lyr, field_names, feedback):
                geom = batch[geom_key(batch, info)]
                if isinstance(geom, np.ma.MaskedArray):
                    mask = np.ma.getmaskarray(geom)
                    blobs = [None if m else d for d, m in zip(geom.data.tolist(), mask.tolist())]
                else:
                    blobs = geom.tolist()
                # copies: GDAL's Arrow memory is only valid while the batch is (never keep views of it)
                parts.append((np.array(fid_of(batch, info), dtype=np.int64, copy=True),) + points_from_wkb(blobs))
                for n in field_names:
                    columns[n].append(unmask(batch[n]))
                del blobs, geom, batch
            del lyr, ds
            if parts:
                fid, x, y, n_points = (np.concatenate([p[k] for p in parts]) for k in range(4))
            else:
                fid, x, y, n_points = np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0, np.int32)
            return fid, x, y, n_points, gdal_table(fid, columns) if field_names else None
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
                raise canceled()
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


def _postgres_numbers(info, source, field_names, points, feedback):
    """:func:`postgis_io.read_numbers` for a whole PostGIS table (``info``) when every field of ``field_names`` is
    numeric and (``points``) the layer holds single points; else None (GDAL's Arrow stream reads it)."""
    if info["driver"] != POSTGRES_DRIVER:
        return None
    if points and QgsWkbTypes.flatType(source.wkbType()) != WKB_POINT:
        return None
    fields = []
    for name in field_names:
        index = source.fields().lookupField(name)
        if index < 0 or not source.fields().at(index).isNumeric():
            return None
        fields.append((name, type_code(source.fields().at(index).type()) in _INTEGER_TYPES))
    return read_numbers(info, points, fields, feedback)


def _field_indices(source, field_names):
    fields = source.fields()
    indices = []
    for name in field_names:
        idx = fields.lookupField(name)
        if idx < 0:
            raise QgsProcessingException(tr("Field “{}” not found in layer “{}”.").format(name, source.sourceName()))
        indices.append(idx)
    return indices


def _qgis_table(source, fid, field_names, values):
    fields = source.fields()
    data = {"fid": fid}
    for name, vals in zip(field_names, values):
        data[name] = pd.Series(vals, dtype=object)
        converted = pd.to_numeric(data[name], errors="coerce") if fields.field(name).isNumeric() else None
        if converted is not None:
            data[name] = converted
    return pd.DataFrame(data)


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
        numbers = _postgres_numbers(info, source, field_names, False, feedback)
        if numbers is not None:
            return gdal_table(numbers[0], {n: [numbers[4][n]] for n in field_names})
        ds, lyr = open_ogr_layer(info)
        if has_ogr_fields(lyr, field_names):
            fids, columns = [], {n: [] for n in field_names}
            for batch in arrow_batches(lyr, field_names, feedback, with_geometry=False):
                fids.append(np.array(fid_of(batch, info), dtype=np.int64, copy=True))
                for n in field_names:
                    columns[n].append(unmask(batch[n]))
                del batch
            del lyr, ds
            return gdal_table(np.concatenate(fids) if fids else np.zeros(0, np.int64), columns)
        del lyr, ds

    indices = _field_indices(source, field_names)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(indices)
    fids = []
    values = [[] for _ in field_names]
    for i, feature in enumerate(source.getFeatures(request)):
        if i % 10000 == 0 and feedback is not None and feedback.isCanceled():
            raise canceled()
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
        integer = type_code(field.type()) in _INTEGER_TYPES
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
            raise canceled()
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
