"""Point coordinates from WKB blobs (numpy only, no QGIS, no GDAL).

Reads what GDAL's Arrow stream hands out for a point layer: ISO or extended WKB of Point / MultiPoint, 2D or with Z
and/or M, either byte order, NULL (``None``) or empty. Returns x, y (NaN for NULL or empty) and the number of points
of each geometry (0, 1, or more for a multipoint: its first point is used).

All 2D little-endian points (the usual case, 21 bytes each) are decoded in one numpy view; anything else goes through
a small per-geometry parser.
"""

import struct

import numpy as np

_POINT_DTYPE = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


def _as_bytes(blob):
    if blob is None:
        return None
    if isinstance(blob, bytes):
        return blob
    return bytes(blob)


def _geometry_type(raw_type):
    """(flat type 1..7, number of doubles per coordinate) of an ISO or extended (EWKB) WKB type code."""
    has_z = bool(raw_type & 0x80000000)
    has_m = bool(raw_type & 0x40000000)
    code = raw_type & 0x0FFFFFFF
    thousands = code // 1000
    flat = code % 1000
    if thousands in (1, 3):
        has_z = True
    if thousands in (2, 3):
        has_m = True
    return flat, 2 + int(has_z) + int(has_m)


def parse_point(blob):
    """(x, y, n_points) of one WKB blob; NaN coordinates and 0 points for NULL/empty; ValueError for other types."""
    blob = _as_bytes(blob)
    if not blob:
        return np.nan, np.nan, 0
    endian = "<" if blob[0] == 1 else ">"
    (raw_type,) = struct.unpack_from(endian + "I", blob, 1)
    flat, ndim = _geometry_type(raw_type)
    offset = 5
    if raw_type & 0x20000000:  # EWKB with SRID
        offset += 4
    if flat == 1:
        x, y = struct.unpack_from(endian + "dd", blob, offset)
        if np.isnan(x) and np.isnan(y):
            return np.nan, np.nan, 0
        return x, y, 1
    if flat == 4:
        (count,) = struct.unpack_from(endian + "I", blob, offset)
        offset += 4
        for _ in range(count):
            inner = blob[offset:]
            (inner_type,) = struct.unpack_from(("<" if inner[0] == 1 else ">") + "I", inner, 1)
            x, y, _n = parse_point(inner)
            if not np.isnan(x):
                return x, y, count
            offset += 5 + 8 * _geometry_type(inner_type)[1]
        return np.nan, np.nan, 0
    raise ValueError("not a point geometry (WKB type {})".format(raw_type))


def points_from_wkb(blobs):
    """Arrays ``x``, ``y`` (float64) and ``n_points`` (int32) for a sequence of WKB blobs (``None`` = NULL)."""
    blobs = list(blobs)
    n = len(blobs)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    n_points = np.zeros(n, dtype=np.int32)
    present = [i for i, b in enumerate(blobs) if b is not None]
    if not present:
        return x, y, n_points
    parts = [blobs[i] for i in present]
    joined = b"".join(parts)
    if len(joined) == 21 * len(parts):
        rec = np.frombuffer(joined, dtype=_POINT_DTYPE)
        if (rec["order"] == 1).all() and (rec["type"] == 1).all():
            idx = np.asarray(present, dtype=np.int64)
            x[idx] = rec["x"]
            y[idx] = rec["y"]
            empty = np.isnan(rec["x"]) & np.isnan(rec["y"])
            n_points[idx] = np.where(empty, 0, 1)
            return x, y, n_points
    for i in present:
        x[i], y[i], n_points[i] = parse_point(blobs[i])
    return x, y, n_points
