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
    ``rowid_rows``: (rowid, leaf nodeno) for every entry. Bounds are doubles; empty input gives an empty root.
    """
    ids = np.asarray(ids, dtype=np.int64)
    lo_x, hi_x = round_down(minx), round_up(maxx)
    lo_y, hi_y = round_down(miny), round_up(maxy)
    n = len(ids)
    if n == 0:
        blob = np.zeros(NODE_SIZE, dtype=np.uint8).tobytes()
        return [(1, blob)], [], []

    # Build levels bottom-up. Each level: cells (id/child, bounds) grouped into nodes.
    levels = []  # list of (cells structured array in node order, node index per cell, n_nodes)
    cells = np.empty(n, dtype=CELL_DTYPE)
    cells["id"], cells["minx"], cells["maxx"], cells["miny"], cells["maxy"] = ids, lo_x, hi_x, lo_y, hi_y
    while True:
        cx = (cells["minx"].astype(np.float64) + cells["maxx"]) / 2
        cy = (cells["miny"].astype(np.float64) + cells["maxy"]) / 2
        if len(cells) <= MAX_CELLS:
            order, group = np.arange(len(cells)), np.zeros(len(cells), dtype=np.int64)
        else:
            order, group = _str_groups(cx, cy, MAX_CELLS)
        cells = cells[order]
        n_nodes = int(group.max()) + 1
        levels.append((cells, group, n_nodes))
        if n_nodes == 1:
            break
        parent = np.empty(n_nodes, dtype=CELL_DTYPE)
        parent["id"] = np.arange(n_nodes)  # provisional: index within this level
        parent["minx"] = np.full(n_nodes, np.inf, dtype=np.float32)
        parent["maxx"] = np.full(n_nodes, -np.inf, dtype=np.float32)
        parent["miny"] = np.full(n_nodes, np.inf, dtype=np.float32)
        parent["maxy"] = np.full(n_nodes, -np.inf, dtype=np.float32)
        for key, func in (("minx", np.minimum), ("miny", np.minimum), ("maxx", np.maximum), ("maxy", np.maximum)):
            values = parent[key].astype(np.float32)
            func.at(values, group, cells[key].astype(np.float32))
            parent[key] = values
        cells = parent

    # Number the nodes: root = 1, then level by level downwards.
    depth = len(levels) - 1
    node_numbers = []
    next_no = 1
    for _cells, _group, n_nodes in reversed(levels):
        node_numbers.append(np.arange(next_no, next_no + n_nodes, dtype=np.int64))
        next_no += n_nodes
    node_numbers = list(reversed(node_numbers))  # aligned with levels (leaf level first)

    node_rows, parent_rows, rowid_rows = [], [], []
    for lvl, (cells_, group, n_nodes) in enumerate(levels):
        numbers = node_numbers[lvl]
        cells_ = cells_.copy()
        if lvl > 0:  # inner cells point to child node numbers of the level below
            cells_["id"] = node_numbers[lvl - 1][cells_["id"]]
            parent_of_child = numbers[group]
            parent_rows.extend(zip(cells_["id"].astype(np.int64).tolist(), parent_of_child.tolist()))
        else:
            leaf_ids = cells_["id"].astype(np.int64)
            by_id = np.argsort(leaf_ids, kind="stable")  # ascending rowids: appended to the table's B-tree
            rowid_rows.extend(zip(leaf_ids[by_id].tolist(), numbers[group][by_id].tolist()))
        counts = np.bincount(group, minlength=n_nodes)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        slot = np.arange(len(cells_)) - starts[group]
        body = np.zeros((n_nodes, MAX_CELLS), dtype=CELL_DTYPE)
        body[group, slot] = cells_
        header = np.zeros((n_nodes, 2), dtype=">u2")
        header[:, 1] = counts
        if lvl == depth:
            header[0, 0] = depth
        raw = np.concatenate([header.view(np.uint8).reshape(n_nodes, 4),
                              body.view(np.uint8).reshape(n_nodes, MAX_CELLS * CELL_DTYPE.itemsize)], axis=1)
        node_rows.extend(zip(numbers.tolist(), (row.tobytes() for row in raw)))
    return node_rows, parent_rows, rowid_rows
