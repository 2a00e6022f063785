"""Bulk-loaded SQLite R*Tree: accepted by SQLite's own rtreecheck() and answering box queries like brute force."""

import sqlite3

import numpy as np
import pytest

from quartiersmonitor.storage.rtree_pack import pack, round_down, round_up


def _load(rows_n, tmp_path, name="rt"):
    con = sqlite3.connect(str(tmp_path / "rt.sqlite"))
    con.execute("CREATE VIRTUAL TABLE {} USING rtree(id, minx, maxx, miny, maxy)".format(name))
    node_rows, parent_rows, rowid_rows = rows_n
    con.execute("DELETE FROM {}_node".format(name))
    con.executemany("INSERT INTO {}_node VALUES (?, ?)".format(name), node_rows)
    con.executemany("INSERT INTO {}_parent VALUES (?, ?)".format(name), parent_rows)
    con.executemany("INSERT INTO {}_rowid VALUES (?, ?)".format(name),
                    zip(rowid_rows[0].tolist(), rowid_rows[1].tolist()))
    con.commit()
    return con


@pytest.mark.parametrize("n", [0, 1, 51, 52, 2601, 2602, 20000])
def test_packed_tree_valid_and_queries_match(tmp_path, n):
    rng = np.random.default_rng(n)
    x = 380000 + rng.uniform(0, 42000, n)
    y = 5560000 + rng.uniform(0, 32000, n)
    ids = rng.permutation(np.arange(1, n + 1) * 3)
    con = _load(pack(ids, x, x, y, y), tmp_path)
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM rt").fetchone()[0] == n
    for _ in range(5):
        x0, y0 = 380000 + rng.uniform(0, 40000), 5560000 + rng.uniform(0, 30000)
        x1, y1 = x0 + rng.uniform(0, 5000), y0 + rng.uniform(0, 5000)
        got = {r[0] for r in con.execute(
            "SELECT id FROM rt WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?", (x0, x1, y0, y1))}
        inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
        assert set(ids[inside].tolist()) <= got  # never a false negative
        near = (x >= x0 - 1) & (x <= x1 + 1) & (y >= y0 - 1) & (y <= y1 + 1)
        assert got <= set(ids[near].tolist())  # float32 rounding widens boxes by far less than 1 m
    # the tree stays usable: SQLite's own inserts and deletes keep it valid
    con.execute("INSERT INTO rt VALUES (999999999, 1, 2, 3, 4)")
    victims = [r[0] for r in con.execute("SELECT id FROM rt LIMIT 10").fetchall()]
    con.executemany("DELETE FROM rt WHERE id = ?", [(v,) for v in victims])
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"


def test_rounding_outwards_like_sqlite():
    values = np.array([0.1, -0.1, 5600000.123, -5600000.123, 1.0, 0.0])
    assert np.all(round_down(values).astype(np.float64) <= values)
    assert np.all(round_up(values).astype(np.float64) >= values)
    assert round_down(np.array([1.0]))[0] == 1.0 and round_up(np.array([1.0]))[0] == 1.0
