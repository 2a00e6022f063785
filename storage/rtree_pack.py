"""Bulk-loaded SQLite R*Tree (the spatial index of a GeoPackage) built in numpy, no QGIS.

Inserting a million rows one by one into SQLite's ``rtree`` module (what GDAL 3.6 does when it creates a
GeoPackage spatial index) takes tens of seconds. This module packs the whole tree at once with Sort-Tile-Recursive
(STR) and returns the rows of the R*Tree's three shadow tables ``<name>_node``, ``<name>_parent`` and
``<name>_rowid``, in the on-disk format of SQLite's rtree module for 2 dimensions with 32-bit float coordinates:

* node blob: 2 bytes tree depth (root node only, else 0), 2 bytes cell count, then up to 51 cells of an 8-byte
  rowid (leaves) or child node number (inner nodes) and 4 float32 coordinates (minx, maxx, miny, maxy), all
  big-endian, zero-padded to 4 + 51 * 24 = 1228 bytes (SQLite reads the node size from the root blob's length);
* the root is node 1; float32 bounds are rounded outwards exactly as SQLite does (``rtreeValueDown/Up``).

SQLite's ``rtreecheck()`` accepts the result (see the tests).
"""

import numpy as np

MAX_CELLS = 51
CELL_DTYPE = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
NODE_SIZE = 4 + MAX_CELLS * CELL_DTYPE.itemsize
_RND_TOWARDS = 1.0 - 1.0 / 8388608.0
_RND_AWAY = 1.0 + 1.0 / 8388608.0


def round_down(values):
    """float32 not above each double, as SQLite's rtreeValueDown."""
    values = np.asarray(values, dtype=np.float64)
    f = values.astype(np.float32)
    fix = f.astype(np.float64) > values
    adjusted = values * np.where(values < 0, _RND_AWAY, _RND_TOWARDS)
    f[fix] = adjusted[fix].astype(np.float32)
    return f


def round_up(values):
    """float32 not below each double, as SQLite's rtreeValueUp."""
    values = np.asarray(values, dtype=np.float64)
    f = values.astype(np.float32)
    fix = f.astype(np.float64) < values
    adjusted = values * np.where(values < 0, _RND_TOWARDS, _RND_AWAY)
    f[fix] = adjusted[fix].astype(np.float32)
    return f


def _str_groups(cx, cy, cap):
    """Sort-Tile-Recursive: an order of the items and their group number (groups of at most ``cap``)."""
    n = len(cx)
    n_groups = -(-n // cap)
    n_slices = int(np.ceil(np.sqrt(n_groups)))
    per_slice = n_slices * cap
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) // per_slice
    order = np.lexsort((cy, slice_of))
    # groups never straddle two slices: number items within their slice
    sl = slice_of[order]
    starts = np.searchsorted(sl, np.arange(sl.max() + 1 if n else 0))
    within = np.arange(n) - starts[sl]
    group_in_slice = within // cap
    groups_per_slice = np.bincount(sl, minlength=len(starts))
    groups_per_slice = -(-groups_per_slice // cap)
    first_group = np.concatenate([[0], np.cumsum(groups_per_slice)[:-1]])
    group = first_group[sl] + group_in_slice
    return order, group


def pack(ids, minx, maxx, miny, maxy):
    """Rows for the shadow tables: ``(node_rows, parent_rows, rowid_rows)``.

    ``node_rows``: list of (nodeno, blob); ``parent_rows``: (nodeno, parentnode) for every node but the root;
    ``rowid_rows``: two int64 arrays ``(rowids, leaf nodenos)`` of every entry, by ascending rowid (the order in
    which they are appended to the table's B-tree fastest). Bounds are doubles; empty input gives an empty root.
    """
    ids = np.asarray(ids, dtype=np.int64)
    bounds = [round_down(minx), round_up(maxx), round_down(miny), round_up(maxy)]
    n = len(ids)
    if n == 0:
        blob = np.zeros(NODE_SIZE, dtype=np.uint8).tobytes()
        return [(1, blob)], [], (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))

    # Build the levels bottom-up: cells (id or child, float32 bounds) in node order, the node of every cell. The
    # groups of _str_groups are contiguous and ascending, so a node's bounds are one reduceat over its cells.
    levels = []
    cell_ids = ids
    while True:
        m = len(cell_ids)
        if m <= MAX_CELLS:
            order, group = np.arange(m), np.zeros(m, dtype=np.int64)
        else:
            cx = (bounds[0].astype(np.float64) + bounds[1]) / 2
            cy = (bounds[2].astype(np.float64) + bounds[3]) / 2
            order, group = _str_groups(cx, cy, MAX_CELLS)
        cell_ids = cell_ids[order]
        bounds = [b[order] for b in bounds]
        n_nodes = int(group[-1]) + 1
        levels.append((cell_ids, bounds, group, n_nodes))
        if n_nodes == 1:
            break
        starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
        bounds = [np.minimum.reduceat(bounds[0], starts), np.maximum.reduceat(bounds[1], starts),
                  np.minimum.reduceat(bounds[2], starts), np.maximum.reduceat(bounds[3], starts)]
        cell_ids = np.arange(n_nodes, dtype=np.int64)  # provisional: the node's index within its level

    # Number the nodes: root = 1, then level by level downwards.
    depth = len(levels) - 1
    first_number = np.cumsum([1] + [lvl[3] for lvl in reversed(levels)])[:-1][::-1]  # aligned with levels

    node_rows, parent_rows, rowid_rows = [], [], None
    for lvl, (cell_ids, bounds, group, n_nodes) in enumerate(levels):
        numbers = first_number[lvl] + np.arange(n_nodes, dtype=np.int64)
        if lvl > 0:  # inner cells point to child node numbers of the level below
            cell_ids = first_number[lvl - 1] + cell_ids
            parent_rows.extend(zip(cell_ids.tolist(), numbers[group].tolist()))
        else:
            by_id = np.argsort(cell_ids)
            rowid_rows = (cell_ids[by_id], numbers[group][by_id])
        counts = np.bincount(group, minlength=n_nodes)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        slot = np.arange(len(cell_ids)) - starts[group]
        cells = np.empty(len(cell_ids), dtype=CELL_DTYPE)
        cells["id"], cells["minx"], cells["maxx"], cells["miny"], cells["maxy"] = cell_ids, *bounds
        body = np.zeros((n_nodes, MAX_CELLS), dtype=CELL_DTYPE)
        body[group, slot] = cells
        header = np.zeros((n_nodes, 2), dtype=">u2")
        header[:, 1] = counts
        if lvl == depth:
            header[0, 0] = depth
        raw = np.concatenate([header.view(np.uint8).reshape(n_nodes, 4),
                              body.view(np.uint8).reshape(n_nodes, MAX_CELLS * CELL_DTYPE.itemsize)], axis=1)
        data = raw.tobytes()
        node_rows.extend(zip(numbers.tolist(), (data[k * NODE_SIZE:(k + 1) * NODE_SIZE] for k in range(n_nodes))))
    return node_rows, parent_rows, rowid_rows
