"""Rows through SQLite's json_each (storage.sqlite_bulk): the rows read back are exactly the rows sent."""

import math
import sqlite3

import numpy as np
import pytest

from quartiersmonitor.storage import sqlite_bulk
from quartiersmonitor.storage.sqlite_bulk import PackedRows, has_json_each, insert_int_pairs

pytestmark = pytest.mark.skipif(not has_json_each(sqlite3.connect(":memory:")),
                                reason="this SQLite has no json_each (the callers fall back to executemany)")


def _roundtrip(columns, lead=None, source=None):
    """Insert the packed rows into a table t and read them back in row order."""
    con = sqlite3.connect(":memory:")
    packed = PackedRows.build(columns, lead=lead)
    assert packed is not None
    names = ["c{}".format(i) for i in range(len(columns))]
    con.execute("CREATE TABLE t (pos INTEGER, {})".format(", ".join(names + (["src"] if source else []))))
    select = [packed.row_sql] + [packed.value_sql(i) for i in range(len(columns))]
    lead_join = None
    if source is not None:
        con.execute("CREATE TABLE s (fid INTEGER PRIMARY KEY, txt TEXT)")
        con.executemany("INSERT INTO s VALUES (?, ?)", source.items())
        lead_join = "CROSS JOIN s AS l ON l.fid = " + packed.lead_sql()
        select.append("l.txt")
    params = packed.load(con)
    con.execute("INSERT INTO t SELECT {} FROM {}".format(", ".join(select), packed.from_sql(lead_join)), params)
    packed.drop(con)
    assert con.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0  # temporary tables gone
    return con.execute("SELECT * FROM t ORDER BY rowid").fetchall()


def test_values_come_back_unchanged_with_nulls_and_unicode():
    texts = ["Hauptstraße 1", None, "Ä\"\\\n/\u0000x", "Hauptstraße 1", "😀 emoji", ""]
    ints = [1, -(2 ** 63), 2 ** 63 - 1, None, 0, 1]
    floats = [0.1, 1e-300, None, float("nan"), 5600000.123456789, -0.0]
    bools = [True, False, None, True, True, False]
    rows = _roundtrip([texts, ints, floats, bools])
    assert [r[0] for r in rows] == list(range(6))
    assert [r[1] for r in rows] == texts
    assert [r[2] for r in rows] == ints
    got = [r[3] for r in rows]
    assert got[:3] == floats[:3] and got[3] is None and got[4] == floats[4]  # NaN is NULL in SQLite
    assert math.copysign(1, got[5]) in (1.0, -1.0) and got[5] == 0.0
    assert all(type(v) is float for v in got if v is not None)  # floats bound exactly, never via text
    assert [r[4] for r in rows] == [1, 0, None, 1, 1, 0]


def test_prefactorized_columns_and_the_lead_join():
    uniques, codes = ["a", "b"], np.array([1, -1, 0, 1])
    source = {10: "x", 11: "y", 500: "z", 7: "w"}
    rows = _roundtrip([(uniques, codes)], lead=[500, 7, 10, 11], source=source)
    assert rows == [(0, "b", "z"), (1, None, "w"), (2, "a", "x"), (3, "b", "y")]


def test_many_distinct_values_split_into_groups(monkeypatch):
    monkeypatch.setattr(sqlite_bulk, "_LIMIT", 1 << 20)  # three columns of 300 values: 301**3 > 2**20
    rng = np.random.default_rng(3)
    columns = [rng.integers(0, 300, 2000).tolist() for _ in range(3)]
    packed = PackedRows.build(columns)
    assert len(packed._groups) >= 2 and all(spec["kind"] == "range" for spec in packed._specs)
    rows = _roundtrip(columns)
    assert [list(r[1:]) for r in rows] == [list(t) for t in zip(*columns)]


def test_unpackable_lead_is_refused():
    assert PackedRows.build([["a"]], lead=[-1]) is None


@pytest.mark.parametrize("first,second", [([5, 1, 9], [0, 3, 2]), ([2 ** 62], [7]), ([-4, 1], [2, 3]), ([], [])])
def test_int_pairs_in_order(first, second):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE p (a INTEGER, b INTEGER)")
    insert_int_pairs(con, "p", first, second)
    assert con.execute("SELECT a, b FROM p ORDER BY rowid").fetchall() == list(zip(first, second))
