"""Many rows into SQLite from numpy at C speed, no QGIS: JSON arrays read by SQLite's ``json_each``.

Python's ``executemany`` binds every value of every row through Python objects: about 2 µs per row of a few
columns. SQLite reads a flat JSON array of integers or texts in C at some 0.5 µs per element, and ``json.dumps``
writes one in a few nanoseconds per element. So the rows are sent as

* one JSON array of int64 "row codes": each the mixed-radix packing of a leading integer (e.g. the fid of a source
  row to copy) and, per column, the 1-based number of the row's value among that column's distinct values (0:
  NULL); more arrays (temporary tables keyed by row) when the codes do not fit into 62 bits;
* per column of texts or integers, its distinct values in a temporary dictionary table (a JSON array; exact
  ``executemany`` binding for integers beyond int64 and for texts holding a NUL character);
* columns of anything else (floats above all, whose text form SQLite might round differently and which are mostly
  all distinct) bound row by row into one temporary table keyed by row, as ``executemany`` would insert them.

:class:`PackedRows` builds the SQL pieces of one ``INSERT ... SELECT``; :func:`insert_int_pairs` fills a two-column
integer table. Without the JSON functions (SQLite built without them) both report so and the caller binds rows
with ``executemany`` as before.
"""

import json

import numpy as np
import pandas as pd

_LIMIT = 1 << 62  # largest packed code + 1 (keeps sums and products in SQLite's int64)
_BIND_CHUNK = 50_000  # rows bound by executemany between two questions for a cancel


def has_json_each(con):
    """True when this SQLite connection has ``json_each`` (built in by default since SQLite 3.38; older versions
    and builds that leave JSON out do not have it)."""
    try:
        con.execute("SELECT count(*) FROM json_each('[1]')").fetchone()
        return True
    except Exception:  # sqlite3.OperationalError: no such table-valued function
        return False


def json_ints(values):
    """A JSON array text of int64 ``values``."""
    return "[" + ",".join(map(str, np.asarray(values, dtype=np.int64).tolist())) + "]"


def insert_int_pairs(con, table, first, second):
    """``INSERT INTO table VALUES (first[i], second[i])`` for all i (integers; ``table`` is quoted by the caller),
    in the given order. One JSON array when the pairs pack into 62 bits, else ``executemany``."""
    first = np.asarray(first, dtype=np.int64)
    second = np.asarray(second, dtype=np.int64)
    n = len(first)
    radix = int(second.max()) + 1 if n else 1
    if (n and (int(first.min()) < 0 or int(second.min()) < 0 or (int(first.max()) + 1) * radix > _LIMIT)) \
            or not has_json_each(con):
        con.executemany("INSERT INTO {} VALUES (?, ?)".format(table), zip(first.tolist(), second.tolist()))
        return
    packed = first * radix + second
    con.execute("INSERT INTO {} SELECT value / {r}, value % {r} FROM json_each(?)".format(table, r=radix),
                (json_ints(packed),))


def _json_safe(values):
    """True when a list of distinct values survives a JSON round trip through SQLite unchanged: texts and
    int64 integers (no floats: SQLite's text-to-double conversion is not guaranteed to round as Python's; no text
    with a NUL character, where SQLite's JSON text would end)."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return not any("\x00" in v for v in values)
    if kinds <= {int}:
        return not values or (min(values) >= -(1 << 63) and max(values) < (1 << 63))
    return False


class PackedRows:
    """Rows of ``columns`` and an optional non-negative integer ``lead`` per row, ready for one
    ``INSERT ... SELECT`` (see the module). Use :meth:`build` (None when the rows cannot be packed), then
    :meth:`load` to create the temporary tables, and in the statement ``FROM {from_sql}`` with :meth:`lead_sql`,
    :meth:`value_sql` and :meth:`code_sql`; :meth:`drop` after.

    Each column is one of three kinds: ``dict`` (its code numbers its distinct values, kept in a dictionary
    table), ``range`` (integers of a narrow range: the code is the value itself, shifted, no dictionary needed)
    or ``direct`` (bound row by row into the temporary table ``_x``)."""

    def __init__(self, n, lead, specs, prefix):
        self.n = n
        self._prefix = prefix
        self._specs = specs
        self._direct = [i for i, spec in enumerate(specs) if spec["kind"] == "direct"]
        for slot, i in enumerate(self._direct):
            specs[i]["slot"] = slot
        # the coded columns into groups of at most _LIMIT combinations; group 0 starts with the lead
        lead_radix = int(lead.max()) + 1 if lead is not None and n else 1
        groups, members, capacity = [], [], lead_radix
        for i, spec in enumerate(specs):
            if spec["kind"] == "direct":
                continue
            if capacity * spec["radix"] > _LIMIT:
                groups.append(members)
                members, capacity = [], 1
            members.append(i)
            capacity *= spec["radix"]
        groups.append(members)
        self._groups = []
        self._lead_divisor = 1
        for g, members in enumerate(groups):
            value = lead.copy() if (g == 0 and lead is not None) else np.zeros(n, dtype=np.int64)
            for i in members:
                value = value * specs[i]["radix"] + specs[i].pop("code")
            divisor = 1
            for i in reversed(members):
                specs[i]["group"], specs[i]["divisor"] = g, divisor
                divisor *= specs[i]["radix"]
            if g == 0:
                self._lead_divisor = divisor
            self._groups.append(value)

    @classmethod
    def build(cls, columns, lead=None, prefix="qm"):
        """Factorize and pack; None when ``lead`` has negative values or does not fit into 62 bits.

        A column is a list of Python values (NULL as None or NaN) or, already factorized, a tuple ``(uniques,
        codes)``: the distinct values and an integer array of indexes into them, -1 for NULL. A list of anything
        but texts or integers (floats above all: mostly all distinct, no faster as JSON) is bound row by row into
        a temporary table instead, as ``executemany`` would insert it."""
        n = len(lead) if lead is not None else (len(columns[0]) if columns else 0)
        if lead is not None:
            lead = np.asarray(lead, dtype=np.int64)
            if n and (int(lead.min()) < 0 or int(lead.max()) + 1 > _LIMIT):
                return None
        specs = []
        for values in columns:
            if isinstance(values, tuple):
                uniques, code = values
                code = np.asarray(code, dtype=np.int64)
            else:
                kinds = set(map(type, values)) - {type(None)}
                if not (kinds <= {str} or kinds <= {int, bool}):
                    specs.append({"kind": "direct", "values": values})
                    continue
                array = np.empty(n, dtype=object)
                array[:] = values
                code, uniques = pd.factorize(array)
            uniques = uniques.tolist() if isinstance(uniques, np.ndarray) else list(uniques)
            specs.append(_coded(uniques, code.astype(np.int64)))
        return cls(n, lead, specs, prefix)

    def _group_sql(self, g):
        return "{}_j.value".format(self._prefix) if g == 0 else "{}_g{}.v".format(self._prefix, g)

    @property
    def row_sql(self):
        """The row number 0 .. n-1 in the statement."""
        return "{}_j.key".format(self._prefix)

    def lead_sql(self):
        return "({} / {})".format(self._group_sql(0), self._lead_divisor)

    def code_sql(self, i):
        """The code of column ``i``: 0 for NULL, another number for each distinct value."""
        spec = self._specs[i]
        if spec["kind"] == "direct":
            raise ValueError("column {} is bound row by row: it has no code".format(i))
        return "(({} / {}) % {})".format(self._group_sql(spec["group"]), spec["divisor"], spec["radix"])

    def value_sql(self, i):
        spec = self._specs[i]
        if spec["kind"] == "direct":
            return "{}_x.v{}".format(self._prefix, spec["slot"])
        if spec["kind"] == "range":
            return "(NULLIF({}, 0) + {})".format(self.code_sql(i), spec["offset"])
        return "{}_d{}.value".format(self._prefix, i)

    def from_sql(self, lead_join=None):
        """The FROM clause: the JSON array of group 0 (first, as the outer loop: ``CROSS JOIN``), then
        ``lead_join`` (e.g. ``"CROSS JOIN src AS l ON l.fid = " + lead_sql()``), the other groups, the
        columns bound row by row and the dictionaries."""
        p = self._prefix
        parts = ["json_each(:{p}_rows) AS {p}_j".format(p=p)]
        if lead_join:
            parts.append(lead_join)
        for g in range(1, len(self._groups)):
            parts.append("CROSS JOIN temp.{p}_g{g} AS {p}_g{g} ON {p}_g{g}.k = {p}_j.key".format(p=p, g=g))
        if self._direct:
            parts.append("CROSS JOIN temp.{p}_x AS {p}_x ON {p}_x.k = {p}_j.key".format(p=p))
        for i, spec in enumerate(self._specs):
            if spec["kind"] == "dict":
                parts.append("LEFT JOIN temp.{p}_d{i} AS {p}_d{i} ON {p}_d{i}.code = {c}".format(
                    p=p, i=i, c=self.code_sql(i)))
        return " ".join(parts)

    def load(self, con, is_canceled=None):
        """Create and fill the temporary tables (dictionaries, groups beyond the first, the columns bound row by
        row); the statement's parameters (``{prefix}_rows``) as a dict. ``is_canceled()`` is asked between
        chunks of rows bound: when it answers True, load stops and returns None."""
        p = self._prefix
        if self._direct:
            direct = [self._specs[i]["values"] for i in self._direct]
            names = ["v{}".format(m) for m in range(len(direct))]
            con.execute("CREATE TEMP TABLE {}_x (k INTEGER PRIMARY KEY, {})".format(p, ", ".join(names)))
            sql = "INSERT INTO temp.{}_x VALUES (?, {})".format(p, ", ".join("?" * len(names)))
            for start in range(0, self.n, _BIND_CHUNK):
                if is_canceled is not None and is_canceled():
                    return None
                stop = min(start + _BIND_CHUNK, self.n)
                con.executemany(sql, zip(range(start, stop), *(column[start:stop] for column in direct)))
        for i, spec in enumerate(self._specs):
            if spec["kind"] != "dict":
                continue
            uniques = spec["values"]
            con.execute("CREATE TEMP TABLE {}_d{} (code INTEGER PRIMARY KEY, value)".format(p, i))
            if _json_safe(uniques):
                con.execute("INSERT INTO temp.{}_d{} SELECT key + 1, value FROM json_each(?)".format(p, i),
                            (json.dumps(uniques, ensure_ascii=False),))
            else:
                con.executemany("INSERT INTO temp.{}_d{} VALUES (?, ?)".format(p, i),
                                zip(range(1, len(uniques) + 1), uniques))
        for g in range(1, len(self._groups)):
            con.execute("CREATE TEMP TABLE {p}_g{g} (k INTEGER PRIMARY KEY, v INTEGER)".format(p=p, g=g))
            con.execute("INSERT INTO temp.{p}_g{g} SELECT key, value FROM json_each(?)".format(p=p, g=g),
                        (json_ints(self._groups[g]),))
        return {"{}_rows".format(p): json_ints(self._groups[0])}

    def drop(self, con):
        p = self._prefix
        con.execute("DROP TABLE IF EXISTS temp.{}_x".format(p))
        for i in range(len(self._specs)):
            con.execute("DROP TABLE IF EXISTS temp.{}_d{}".format(p, i))
        for g in range(1, len(self._groups)):
            con.execute("DROP TABLE IF EXISTS temp.{}_g{}".format(p, g))


def _coded(uniques, code):
    """The spec of a factorized column (``code`` -1 for NULL): integers of a narrow range are coded by their
    value (``range``), anything else by the number of the distinct value (``dict``)."""
    if uniques and set(map(type, uniques)) <= {int, bool}:
        lo, hi = min(uniques), max(uniques)
        if -_LIMIT < lo and hi < _LIMIT and hi - lo + 2 <= 2 * len(uniques) + 64:
            shifted = np.asarray(uniques, dtype=np.int64) - (lo - 1)  # 1 .. hi - lo + 1
            return {"kind": "range", "radix": hi - lo + 2, "offset": lo - 1,
                    "code": np.where(code >= 0, shifted[np.maximum(code, 0)], 0)}
    return {"kind": "dict", "radix": len(uniques) + 1, "values": uniques, "code": code + 1}
