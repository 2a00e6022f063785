"""GDAL's reading path: a whole file-based OGR layer (or a whole PostGIS table, :mod:`.postgis_io`) found behind a
QGIS layer (:func:`ogr_file_source`) and read as Arrow record batches of numpy arrays (GDAL >= 3.6), no QgsFeature
per row."""

import os

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .errors import canceled


def ogr_file_source(layer, tables=False, text=False):
    """``{path, layer_name, driver, fid_column, geometry_column}`` when ``layer`` is a whole file-based OGR layer
    (no subset string) that GDAL can read directly; else None. ``tables``: a layer without geometry (e.g. a CSV
    file) is accepted too; ``text``: text is to be read, so QGIS must decode the layer as UTF-8 like GDAL does (not
    with an encoding the user set).

    A QGIS ``postgres`` layer gives the same keys for GDAL's PostgreSQL driver (``path`` is then GDAL's ``PG:``
    connection string with the credentials: never show it) when GDAL reads the whole table with QGIS's feature
    ids (:func:`postgis_io.postgres_source`)."""
    if layer is not None and isinstance(layer, QgsVectorLayer) and layer.providerType() == "postgres":
        from .postgis_io import postgres_source

        return postgres_source(layer, tables=tables)
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


def open_ogr_layer(info):
    from osgeo import gdal

    gdal.UseExceptions()
    ds = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    return ds, ds.GetLayerByName(info["layer_name"])


def arrow_batches(lyr, keep_fields, feedback=None, with_geometry=True):
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
            raise canceled()
        yield batch


def has_ogr_fields(lyr, field_names):
    """True when GDAL reads every field of ``field_names``: an OGR field or the fid column (which QGIS shows as a
    field of a GeoPackage, and GDAL's Arrow stream holds under its name)."""
    defn = lyr.GetLayerDefn()
    ogr_names = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
    if lyr.GetFIDColumn():
        ogr_names.add(lyr.GetFIDColumn())
    return all(n in ogr_names for n in field_names)


def gdal_table(fid, columns):
    data = {"fid": fid}
    data.update({k: (np.concatenate(v) if v else np.zeros(0)) for k, v in columns.items()})
    return pd.DataFrame(data)


def fid_of(batch, info=None):
    for key in ((info or {}).get("fid_column"), "OGC_FID", "fid", "FID"):
        if key and key in batch:
            return batch[key]
    # the first column of the stream is the FID when INCLUDE_FID=YES
    return next(iter(batch.values()))


def geom_key(batch, info):
    for key in (info.get("geometry_column"), "geom", "geometry", "wkb_geometry", "OGR_GEOMETRY"):
        if key and key in batch:
            return key
    return list(batch)[-1]


def type_code(field_type):
    return int(getattr(field_type, "value", field_type))


def decode_text(value):
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf-8", errors="replace")
    return value


def unmask(array):
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
        out[:] = [None if m else decode_text(v) for v, m in zip(data.tolist(), mask.tolist())]
        return out
    decoded = np.empty(len(uniques) + 1, dtype=object)  # the last one (code -1): None
    decoded[:-1] = [decode_text(v) for v in np.asarray(uniques, dtype=object).tolist()]
    out[:] = decoded[codes]
    out[mask] = None
    return out


def srs_wkt_of(info):
    from osgeo import gdal

    ds = gdal.OpenEx(info["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
    srs = ds.GetLayerByName(info["layer_name"]).GetSpatialRef()
    return srs.ExportToWkt() if srs is not None else ""
