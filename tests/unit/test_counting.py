"""The counting logic of aggregatecounts (pure, no QGIS): id fields, placing points, groups, weights, notes."""

import math

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.spatial.counting import (
    ASSIGNED_ID_FIELD,
    INFO,
    WARNING,
    CountFields,
    CountingError,
    Note,
    age_bands,
    align_rows,
    attribute_names,
    combine_groups,
    count_records,
    group_labels,
    missing_id_parameter,
    place_points,
    table_id_field,
    table_ids,
)


def fields(**chosen):
    values = dict(id="qid", input_id=None, group=None, age=None, weight=None, bands_text="")
    values.update(chosen)
    return CountFields(**values)


def test_missing_id_parameter():
    assert missing_id_parameter("qid", True, None) is None
    assert missing_id_parameter("qid", False, "") is None
    assert missing_id_parameter("", True, "bezirk") == "quartier_id_missing"
    assert missing_id_parameter("", False, "") == "id_fields_missing"
    assert missing_id_parameter("", False, "bezirk") is None


def test_age_bands_error_carries_key_text_and_reason():
    assert age_bands("0-17,18-") == [("age_0_17", 0, 17), ("age_18plus", 18, None)]
    with pytest.raises(CountingError) as info:
        age_bands("10-5")
    assert info.value.key == "bad_age_bands"
    assert info.value.params == ("10-5", "age band '10-5' ends before it starts")


def test_table_id_field_order_of_choice():
    has = {"qid", "bezirk", ASSIGNED_ID_FIELD}.__contains__
    names = ["fid", "bezirk"]
    assert table_id_field(fields(input_id="bezirk"), has, names, False, "people") == ("bezirk", [])
    assert table_id_field(fields(), has, names, False, "people") == ("qid", [])
    field, notes = table_id_field(fields(), {ASSIGNED_ID_FIELD}.__contains__, names, True, "assigned")
    assert field == "quartier_id"
    assert notes == [Note("assigned_id_field", ("assigned", "qid", "quartier_id"), INFO)]


def test_table_id_field_errors():
    none = set().__contains__
    with pytest.raises(CountingError) as info:
        table_id_field(fields(), none, ["fid", "adr"], True, "addresses")
    assert (info.value.key, info.value.params) == ("points_without_quartiers", ("addresses", "qid"))
    with pytest.raises(CountingError) as info:
        table_id_field(fields(id="nope"), none, ["fid", "qid", "sex"], False, "people")
    assert (info.value.key, info.value.params) == ("table_without_id", ("people", "nope", "fid, qid, sex"))


def test_attribute_names_once_each_in_order():
    assert attribute_names(fields(group="sex", age="age", weight="age"), "qid") == ["sex", "age", "qid"]
    assert attribute_names(fields()) == []


def square(x0, y0, size=1.0):
    return [[(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]]


def test_place_points_border_goes_to_the_smallest_id():
    # "0102" is listed first but "0101" wins the shared border x = 1 (smallest id).
    rings = [square(0, 0), square(1, 0)]
    ids = ["0102", "0101"]
    px = np.array([0.5, 1.0, 1.5, 5.0, np.nan])
    py = np.array([0.5, 0.5, 0.5, 5.0, np.nan])
    seen = []
    record_ids, notes = place_points(px, py, rings, ids, progress=seen.append)
    assert record_ids.tolist() == ["0102", "0101", "0101", None, None]
    assert notes == [Note("outside", (1,), WARNING), Note("no_geometry", (1,), WARNING)]
    assert seen and seen[-1] == 1.0


def test_place_points_all_inside_has_no_notes():
    record_ids, notes = place_points(np.array([0.25]), np.array([0.75]), [square(0, 0)], ["7"])
    assert record_ids.tolist() == ["7"] and notes == []


def test_align_rows_follows_the_fids():
    table = pd.DataFrame({"fid": [10, 11, 12], "w": [1.0, 2.0, 3.0]})
    assert align_rows(table, np.array([12, 10, 11]))["w"].tolist() == [3.0, 1.0, 2.0]
    assert align_rows(None, np.array([1])) is None


def test_table_ids_as_trimmed_text():
    table = pd.DataFrame({"q": pd.Series([101, 101.0, " 0101 ", None, float("nan"), ""], dtype=object)})
    assert table_ids(table, "q").tolist() == ["101", "101", "0101", None, None, None]


def test_group_labels_and_combined_bands():
    groups, n_missing = group_labels(["w", None, float("nan"), "", "15-64 J.", 2.0])
    assert groups.tolist() == ["n_w", None, None, None, "n_15_64_J", "n_2"]
    assert n_missing == 3
    ages = np.array(["age_0_14", "age_65plus", "age_0_14", None, None, "age_0_14"], dtype=object)
    combined, order = combine_groups(groups, ages, ["age_0_14", "age_65plus"])
    assert combined.tolist() == ["n_w_age_0_14", None, None, None, None, "n_2_age_0_14"]
    assert order == ["n_15_64_J_age_0_14", "n_15_64_J_age_65plus", "n_2_age_0_14", "n_2_age_65plus",
                     "n_w_age_0_14", "n_w_age_65plus"]


PEOPLE = pd.DataFrame({  # one row per record, in the order of RECORD_IDS
    "sex": pd.Series(["w", "m", "w", None, "m", "w"], dtype=object),
    "age": [3.0, 40.0, 70.0, 20.0, float("nan"), 15.0],
    "weight": [1.0, 2.0, 0.5, 1.0, 3.0, float("nan")],
})
RECORD_IDS = ["a", "a", "b", "b", "x", None]


def test_count_records_unweighted_with_groups():
    counts = count_records(RECORD_IDS, PEOPLE, fields(group="sex"), quartier_ids=["a", "b", "c"],
                           layer_name="quartiers")
    # a: w, m; b: w, (no sex); c: nothing; "x" unknown, None without id
    assert counts.columns == ["total", "n_m", "n_w"]
    assert counts.rows() == [["a", 2, 1, 1], ["b", 2, 0, 1], ["c", 0, 0, 0]]
    assert all(isinstance(v, int) for row in counts.rows() for v in row[1:])
    assert (counts.n_counted, counts.n_without) == (4, 2)
    assert counts.notes == [
        Note("no_quartier_id", (1,), WARNING),
        Note("unknown_ids", (1, "quartiers", "\u201cx\u201d", "\u201ca\u201d, \u201cb\u201d, \u201cc\u201d"), WARNING),
        Note("no_group", (1, "sex"), WARNING),
    ]


def test_count_records_weighted_age_bands_and_groups():
    chosen = fields(group="sex", age="age", weight="weight", bands_text="0-14,15-")
    counts = count_records(RECORD_IDS, PEOPLE, chosen, age_bands("0-14,15-"), quartier_ids=["a", "b"])
    assert counts.weighted
    assert counts.columns == ["total", "n_m_age_0_14", "n_m_age_15plus", "n_w_age_0_14", "n_w_age_15plus"]
    # a: w 3 y (1.0), m 40 y (2.0); b: w 70 y (0.5), no sex 20 y (1.0)
    assert counts.rows() == [["a", 3.0, 0.0, 2.0, 1.0, 0.0], ["b", 1.5, 0.0, 0.0, 0.0, 0.5]]
    assert all(isinstance(v, float) for row in counts.rows() for v in row[1:])
    keys = [(note.key, note.params) for note in counts.notes]
    assert keys[2:] == [("no_group", (1, "sex")), ("no_age", (1, "0-14,15-")), ("no_weight", (1, "weight"))]


def test_count_records_placed_points_without_quartiers_layer():
    counts = count_records(np.array(["b", None, "a", "b"], dtype=object), None, fields(id="total"), placed=True)
    assert counts.quartier_ids == ["a", "b"]  # the ids found, sorted
    assert counts.columns == ["total_2"]  # unique beside the id field
    assert counts.rows() == [["a", 1], ["b", 2]]
    assert counts.notes == []  # placing the points already noted those without quartier
    assert (counts.n_counted, counts.n_without) == (3, 1)


def test_count_records_weights_missing_count_as_zero():
    table = pd.DataFrame({"weight": [2.5, float("nan"), 1.5]})
    counts = count_records(["a", "a", "a"], table, fields(weight="weight"), quartier_ids=["a"])
    assert counts.rows() == [["a", 4.0]]
    assert not math.isnan(counts.rows()[0][1])
    assert counts.notes == [Note("no_weight", (1, "weight"), WARNING)]
