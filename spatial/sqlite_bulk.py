"""Many rows into SQLite from numpy at C speed, no QGIS: JSON arrays read by SQLite's ``json_each``.

Python's ``executemany`` binds every value of every row through Python objects: about 2 µs per row of a few
columns. SQLite reads a flat JSON array of integers or texts in C at some 0.5 µs per element, and ``json.dumps``
writes one in a few nanoseconds per element. So the rows are sent as

* one JSON array of int64 "row codes": each the mixed-radix packing of a leading integer (e.g. the fid of a source
  row to copy) and, per column, the 1-based number of the row's value among that column's distinct values (0:
  NULL); more arrays (temporary tables keyed by row) when the codes do not fit into 62 bits;
* per column, its distinct values in a temporary dictionary table (a JSON array for text and integers, exact
  ``executemany`` binding for anything else, such as floats, whose text form SQLite might round differently).

:class:`PackedRows` builds the SQL pieces of one ``INSERT ... SELECT``; :func:`insert_int_pairs` fills a two-column
integer table. Without the JSON functions (SQLite built without them) both report so and the caller binds rows
with ``executemany`` as before.
"""

import json

import numpy as np
import pandas as pd

_LIMIT = 1 << 62  # largest packed code + 1 (keeps sums and products in SQLite's int64)
_JSON_CHECKED = {}


def has_json_each(con):
    """True when this SQLite connection has ``json_each`` (SQLite >= 3.38 always; older ones when built with it)."""
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
    :meth:`value_sql` and :meth:`code_sql`; :meth:`drop` after."""

    def __init__(self, n, lead_divisor, layout, dictionaries, groups, prefix):
        self.n = n
        self._lead_divisor = lead_divisor  # of group 0
        self._layout = layout  # per column: (group, divisor, radix)
        self._dictionaries = dictionaries  # per column: distinct values, code k + 1 -> dictionaries[i][k]
        self._groups = groups  # int64 arrays
        self._prefix = prefix

    @classmethod
    def build(cls, columns, lead=None, prefix="qm"):
        """Factorize and pack; None when ``lead`` has negative values or does not fit with one column.

        A column is a list of Python values (NULL as None or NaN) or, already factorized, a tuple ``(uniques,
        codes)``: the distinct values and an integer array of indexes into them, -1 for NULL."""
        n = len(lead) if lead is not None else (len(columns[0]) if columns else 0)
        lead_radix = 1
        if lead is not None:
            lead = np.asarray(lead, dtype=np.int64)
            if n and int(lead.min()) < 0:
                return None
            lead_radix = int(lead.max()) + 1 if n else 1
        codes, dictionaries = [], []
        for values in columns:
            if isinstance(values, tuple):
                uniques, code = values
                code = np.asarray(code, dtype=np.int64)
            else:
                array = np.empty(n, dtype=object)
                array[:] = values
                code, uniques = pd.factorize(array)
            codes.append(code.astype(np.int64) + 1)  # 0: NULL
            dictionaries.append(uniques.tolist() if isinstance(uniques, np.ndarray) else list(uniques))
        # columns into groups of at most _LIMIT combinations; group 0 starts with the lead
        groups = []
        group_members, capacity = [], lead_radix
        for i, uniques in enumerate(dictionaries):
            radix = len(uniques) + 1
            if capacity * radix > _LIMIT:
                if not group_members and not groups:  # the lead and one column do not fit together
                    return None
                groups.append(group_members)
                group_members, capacity = [], 1
            group_members.append(i)
            capacity *= radix
        groups.append(group_members)
        packed, lead_divisor = [], 1
        layout = [None] * len(columns)
        for g, members in enumerate(groups):
            value = lead.copy() if (g == 0 and lead is not None) else np.zeros(n, dtype=np.int64)
            for i in members:
                radix = len(dictionaries[i]) + 1
                value = value * radix + codes[i]
            divisor = 1
            for i in reversed(members):
                radix = len(dictionaries[i]) + 1
                layout[i] = (g, divisor, radix)
                divisor *= radix
            if g == 0:
                lead_divisor = divisor
            packed.append(value)
        return cls(n, lead_divisor, layout, dictionaries, packed, prefix)

    def _group_sql(self, g):
        return "{}_j.value".format(self._prefix) if g == 0 else "{}_g{}.v".format(self._prefix, g)

    @property
    def row_sql(self):
        """The row number 0 .. n-1 in the statement."""
        return "{}_j.key".format(self._prefix)

    def lead_sql(self):
        return "({} / {})".format(self._group_sql(0), self._lead_divisor)

    def code_sql(self, i):
        """The code of column ``i``: 0 for NULL, k + 1 for its k-th distinct value."""
        g, divisor, radix = self._layout[i]
        return "(({} / {}) % {})".format(self._group_sql(g), divisor, radix)

    def value_sql(self, i):
        return "{}_d{}.value".format(self._prefix, i)

    def from_sql(self, lead_join=None):
        """The FROM clause: the JSON array of group 0 (first, as the outer loop: ``CROSS JOIN``), then
        ``lead_join`` (e.g. ``"CROSS JOIN src AS l ON l.fid = " + lead_sql()``), the other groups and the
        dictionaries."""
        p = self._prefix
        parts = ["json_each(:{p}_rows) AS {p}_j".format(p=p)]
        if lead_join:
            parts.append(lead_join)
        for g in range(1, len(self._groups)):
            parts.append("CROSS JOIN temp.{p}_g{g} AS {p}_g{g} ON {p}_g{g}.k = {p}_j.key".format(p=p, g=g))
        for i in range(len(self._layout)):
            parts.append("LEFT JOIN temp.{p}_d{i} AS {p}_d{i} ON {p}_d{i}.code = {c}".format(
                p=p, i=i, c=self.code_sql(i)))
        return " ".join(parts)

    def load(self, con):
        """Create and fill the temporary tables (dictionaries, groups beyond the first); the statement's
        parameters (``{prefix}_rows``) as a dict."""
        p = self._prefix
        for i, uniques in enumerate(self._dictionaries):
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
        for i in range(len(self._dictionaries)):
            con.execute("DROP TABLE IF EXISTS temp.{}_d{}".format(p, i))
        for g in range(1, len(self._groups)):
            con.execute("DROP TABLE IF EXISTS temp.{}_g{}".format(p, g))
