"""Counting records per quartier: the logic of ``quartiersmonitor:aggregatecounts`` (numpy/pandas only, no QGIS).

The algorithm reads the layers and writes the table; this module decides everything in between: which field of a
table holds the quartier id, the quartier of each point, each record's group and age band, the weights, the
zero-filled counts and what the log says about the records that were not counted.

Problems are raised as :class:`CountingError`, remarks for the log returned as :class:`Note`; both carry a stable
``key`` and its ``params``. The algorithm turns them into translated text whose ``{}`` placeholders ``params`` fill
in order, so that this module needs no Qt.
"""

from collections import namedtuple

import numpy as np
import pandas as pd

from ..indicators.counts_table import id_text
from . import aggregate, pip

ASSIGNED_ID_FIELD = "quartier_id"  # the field assignaddresses writes
INFO, WARNING = "info", "warning"

#: The fields chosen for a count: ``id`` names the output's id column (QUARTIER_ID, or INPUT_ID_FIELD for a table
#: alone), ``input_id`` the table's id field (INPUT_ID_FIELD), ``group``, ``age`` and ``weight`` the optional
#: fields of INPUT (None when not given), ``bands_text`` the AGE_BANDS text.
CountFields = namedtuple("CountFields", "id input_id group age weight bands_text")

#: A remark for the log: ``level`` is :data:`INFO` or :data:`WARNING`.
Note = namedtuple("Note", "key params level")


class CountingError(ValueError):
    """Inputs that cannot be counted: ``key`` names the problem, ``params`` fill its message in order."""

    def __init__(self, key, *params):
        super().__init__(key, *params)
        self.key = key
        self.params = params


def _warning(key, *params):
    return Note(key, params, WARNING)


def _quoted(values):
    return ", ".join("\u201c{}\u201d".format(value) for value in values)


def missing_id_parameter(quartier_id, with_quartiers, input_id_field):
    """The key of the missing id parameter, or None. QUARTIER_ID may be left out only for a table without
    QUARTIERS that gives INPUT_ID_FIELD instead."""
    if quartier_id:
        return None
    if with_quartiers:
        return "quartier_id_missing"
    if not input_id_field:
        return "id_fields_missing"
    return None


def age_bands(text):
    """The bands of an AGE_BANDS text (:func:`aggregate.parse_age_bands`); :class:`CountingError`
    ``bad_age_bands`` (text, reason) when it cannot be read."""
    try:
        return aggregate.parse_age_bands(text)
    except aggregate.BandError as error:
        raise CountingError("bad_age_bands", text, str(error)) from error


def table_id_field(fields, has_field, field_names, is_points, layer_name):
    """``(field, notes)``: the field of a table INPUT that holds the quartier id.

    INPUT_ID_FIELD when given, else the field named like QUARTIER_ID, else ``quartier_id`` (written by
    assignaddresses; a note says so). ``has_field(name)`` tells whether the layer has a field; ``field_names``
    are listed when none fits. Raises :class:`CountingError` ``points_without_quartiers`` (layer, field) or
    ``table_without_id`` (layer, field, available fields).
    """
    if fields.input_id:
        return fields.input_id, []
    if has_field(fields.id):
        return fields.id, []
    if has_field(ASSIGNED_ID_FIELD):
        return ASSIGNED_ID_FIELD, [Note("assigned_id_field", (layer_name, fields.id, ASSIGNED_ID_FIELD), INFO)]
    if is_points:
        raise CountingError("points_without_quartiers", layer_name, fields.id)
    raise CountingError("table_without_id", layer_name, fields.id, ", ".join(field_names))


def attribute_names(fields, table_id=None):
    """The fields of INPUT to read: group, age, weight and the table's id field, each once."""
    return list(dict.fromkeys(f for f in (fields.group, fields.age, fields.weight, table_id) if f))


def place_points(px, py, rings, ids, progress=None, tolerance=0.0):
    """``(record_ids, notes)``: the quartier id of each point (object array; None outside every quartier or without
    geometry) and the notes on the points not placed.

    ``rings``: the rings of each quartier, ``ids`` their ids (both as ``readers.read_quartiers`` gives them). A
    point on the border of two quartiers goes to the smallest id, as in assignaddresses; ``tolerance``: the border's
    width for reprojected points (:func:`pip.snap_to_boundary`).
    """
    index, status, _n = pip.assign_by_id(px, py, rings, ids, progress=progress, tolerance=tolerance)
    ids_array = np.asarray(list(ids) + [None], dtype=object)
    record_ids = ids_array[np.where(index >= 0, index, len(ids))]
    notes = []
    n_outside = int((status == pip.OUTSIDE).sum())
    n_no_geometry = int((status == pip.NO_GEOMETRY).sum())
    if n_outside:
        notes.append(_warning("outside", n_outside))
    if n_no_geometry:
        notes.append(_warning("no_geometry", n_no_geometry))
    return record_ids, notes


def align_rows(table, fids):
    """``table`` (with column ``fid``) in the order of the feature ids ``fids``; None stays None."""
    if table is None:
        return None
    position = pd.Index(table["fid"].to_numpy()).get_indexer(fids)
    return table.iloc[position].reset_index(drop=True)


def table_ids(table, field):
    """The quartier id of each row of ``table`` from ``field``, as trimmed text (None for NULL or empty)."""
    return np.array([id_text(v) for v in table[field].tolist()], dtype=object)


def group_labels(values):
    """``(groups, n_missing)``: a column name per group value (``n_<value>``; None for NULL or empty) and the
    number of records without a value."""
    labels = [id_text(v) for v in values]
    groups = np.array([aggregate.safe_column(v) if v is not None else None for v in labels], dtype=object)
    return groups, sum(1 for v in labels if v is None)


def combine_groups(groups, age_labels, band_order):
    """``(labels, order)``: group and age band together (``n_w_age_0_14``; None when either is missing) and the
    column order: each group present with every band."""
    combined = np.array([None if g is None or a is None else "{}_{}".format(g, a)
                         for g, a in zip(groups.tolist(), age_labels.tolist())], dtype=object)
    present = sorted({g for g in groups.tolist() if g is not None})
    return combined, ["{}_{}".format(g, a) for g in present for a in band_order]


def _groups(table, fields, bands, notes):
    """The group label of each record and the column order (None, None without groups or bands)."""
    groups, order = None, None
    if fields.group:
        groups, n_missing = group_labels(table[fields.group].tolist())
        if n_missing:
            notes.append(_warning("no_group", n_missing, fields.group))
    if bands is not None:
        ages = aggregate.band_labels(table[fields.age].to_numpy(), bands)
        n_no_age = int(sum(1 for v in ages if v is None))
        if n_no_age:
            notes.append(_warning("no_age", n_no_age, fields.bands_text))
        band_order = [b[0] for b in bands]
        groups, order = (ages, band_order) if groups is None else combine_groups(groups, ages, band_order)
    return groups, order


class Counts:
    """What :func:`count_records` found: ``table`` (one row per quartier of ``quartier_ids``, column ``total`` and
    one per group), ``columns`` (its column names made unique beside the id field), ``weighted``, ``n_counted``,
    ``n_without`` (records without a quartier) and the ``notes`` for the log."""

    def __init__(self, quartier_ids, table, columns, weighted, n_counted, n_without, notes):
        self.quartier_ids = quartier_ids
        self.table = table
        self.columns = columns
        self.weighted = weighted
        self.n_counted = n_counted
        self.n_without = n_without
        self.notes = notes

    def rows(self):
        """One list per quartier: its id, then its value in each column (float when weighted, else int)."""
        cast = float if self.weighted else int
        return [[qid] + [cast(v) for v in row] for qid, row in zip(self.quartier_ids, self.table.to_numpy())]


def count_records(record_ids, table, fields, bands=None, quartier_ids=None, placed=False, layer_name=""):
    """Count (or sum the weights of) the records per quartier and group.

    ``record_ids``: the quartier id of each record (text or None); ``table``: the records' attributes in the same
    order (the fields of ``fields``; None when none is read); ``bands``: the parsed AGE_BANDS (None: no age
    bands); ``quartier_ids``: every quartier, each gets a row (None: the ids found in ``record_ids``, sorted);
    ``placed``: the ids come from :func:`place_points` (which noted the records without quartier itself);
    ``layer_name``: the layer whose ids the records' ids are looked up in, for the note on unknown ids.
    """
    record_ids = list(record_ids)
    if quartier_ids is None:
        quartier_ids = sorted({r for r in record_ids if r is not None})
    quartier_ids = list(quartier_ids)
    notes = []
    n_null, n_unknown, examples = aggregate.unmatched(quartier_ids, record_ids)
    if n_null and not placed:
        notes.append(_warning("no_quartier_id", n_null))
    if n_unknown:
        notes.append(_warning("unknown_ids", n_unknown, layer_name, _quoted(examples), _quoted(quartier_ids[:3])))
    groups, group_order = _groups(table, fields, bands, notes)
    weights = table[fields.weight].to_numpy() if fields.weight else None
    if weights is not None:
        n_null_weights = int(np.isnan(np.asarray(weights, dtype=np.float64)).sum())
        if n_null_weights:
            notes.append(_warning("no_weight", n_null_weights, fields.weight))
    counts = aggregate.count_table(quartier_ids, record_ids, groups, weights, group_order)
    columns = aggregate.unique_columns(list(counts.columns), taken=[fields.id])
    return Counts(quartier_ids, counts, columns, bool(fields.weight), int(len(record_ids) - n_null - n_unknown),
                  int(n_null + n_unknown), notes)
