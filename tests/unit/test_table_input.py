"""The indicator algorithms' input checks (``indicators.table_input``) against hand-computed expectations."""

import ast
import os

import pandas as pd
import pytest

from quartiersmonitor.indicators import table_input
from quartiersmonitor.indicators.catalog import load_catalog
from quartiersmonitor.indicators.table_input import (
    InputError,
    Note,
    check_reversed,
    clean_counts,
    describe_years,
    encoding_note,
    examples,
    expected_columns,
    header_row,
    leading_zero_pairs,
    match_ids,
    match_previous,
    municipality_of,
    parse_mapping,
    parse_thresholds,
    parse_weights,
    parse_years,
    select_indicators,
    select_years,
    split_ids,
    undecodable_text,
)
from testpaths import REPO_ROOT


def raises(key, function, *args):
    """The parameters of the InputError ``key`` that ``function(*args)`` raises."""
    with pytest.raises(InputError) as info:
        function(*args)
    assert info.value.key == key
    return info.value.params


# -- diagnostics --------------------------------------------------------------------------------------------------
def test_examples_quotes_the_first_five_and_marks_more():
    assert examples([]) == ""
    assert examples([3, 7]) == "'3', '7'"
    assert examples("abcdef") == "'a', 'b', 'c', 'd', 'e', …"
    assert examples(["x", "y", "z"], 2) == "'x', 'y', …"


def test_leading_zero_pairs():
    assert leading_zero_pairs(["101", "102", "999", "0103"], ["0101", "0102", "0103"]) == [
        "'101' / '0101'", "'102' / '0102'"]  # "0103" is equal, not a pair; "999" has no partner
    assert leading_zero_pairs(["101"], ["101"]) == []


def test_undecodable_text_finds_the_replacement_character_in_names_and_values():
    assert undecodable_text(pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})) is None
    assert undecodable_text(pd.DataFrame({"Gemeinde": ["Weißenbürg", "M\ufffdllheim"]})) == (
        "Gemeinde", "M\ufffdllheim")
    assert undecodable_text(pd.DataFrame({"Fl\ufffdche": [1.0]})) == ("Fl\ufffdche", "Fl\ufffdche")


def test_header_row_finds_the_header_pushed_into_the_data():
    rows = [["Fallzahlen 2024", None, None], ["quartier_id", " POP_TOTAL ", "x"], ["Q01", 100, 5]]
    assert header_row(rows, ["quartier_id", None, "pop_total", "sgb2_u65"]) == (2, ["quartier_id", "pop_total"])
    assert header_row([["Q01", 100]], ["quartier_id"]) is None
    assert header_row([["a", "a", "b"]], ["b", "a"]) == (1, ["a", "b"])  # each name once, in row order


# -- text parameters ----------------------------------------------------------------------------------------------
def test_parse_mapping():
    assert parse_mapping("pop_total=EW_gesamt; sgb2_u65 = SGB2_u65\n;a=b=c") == {
        "pop_total": "EW_gesamt", "sgb2_u65": "SGB2_u65", "a": "b=c"}
    assert parse_mapping(None) == {} and parse_mapping(" ; ") == {}
    for bad in ("pop_total", "=EW", "pop_total="):
        assert raises("mapping_form", parse_mapping, "x=y;" + bad) == {"part": bad}


def test_select_indicators_adds_the_extra_ids_once():
    known = ["A.1", "A.2", "X.1"]
    assert split_ids(" X.1; A.2 ,, ") == ["X.1", "A.2"]
    assert select_indicators(["A.1", "A.2"], "X.1; A.2", known) == ["A.1", "A.2", "X.1"]
    assert select_indicators([], "X.1", known) == ["X.1"]
    assert raises("unknown_indicator", select_indicators, ["A.1"], "X.2", known) == {
        "id": "X.2", "known": "A.1, A.2, X.1"}
    assert raises("no_indicator", select_indicators, [], " ", known) == {}


def test_expected_columns_of_a_counts_table():
    catalog = load_catalog()
    a1 = catalog["A.1"]
    columns = expected_columns(catalog, ["A.1"], {a1.numerator: "SGB2"}, "qid", "jahr")
    assert columns == ["qid", "jahr", "pop_total", "SGB2", a1.denominator]


def test_years():
    assert parse_years("2022, 2023;2024,") == {"2022", "2023", "2024"}
    counts = pd.DataFrame({"year": [2023.0, 2024.0, 2024.0, None], "n": [1, 2, 3, 4]})
    assert describe_years(counts, "year") == "2023, 2024"
    assert describe_years(pd.DataFrame({"Jahr": [2024, 2024]})) == "2024"  # one year: named
    assert describe_years(pd.DataFrame({"Jahr": [2023, 2024]})) is None  # several years without a year field
    assert describe_years(pd.DataFrame({"n": [1]})) is None
    assert list(select_years(counts, "year", "2024").index) == [1, 2]
    assert select_years(counts, None, "2024") is counts and select_years(counts, "year", "") is counts
    assert raises("no_rows_for_years", select_years, counts, "year", "2020") == {
        "field": "year", "years": "2020", "found": "'2023', '2024'"}


def test_parse_thresholds():
    assert parse_thresholds("") == (-1.0, 1.0, 1.5) and parse_thresholds(None) == (-1.0, 1.0, 1.5)
    assert parse_thresholds("-1,1,1.5") == (-1.0, 1.0, 1.5)
    assert parse_thresholds(" -1; 0 ;1,5 ") == (-1.0, 0.0, 1.5)  # ";" lists may use decimal commas
    for bad in ("1,0,2", "1,1,2", "-1,1", "a,b,c", "-1;1;zwei", "1,2,3,4"):
        assert raises("thresholds", parse_thresholds, bad) == {"text": bad}


def test_parse_weights():
    fields = ["x", "y"]
    assert parse_weights("", fields) is None
    assert parse_weights("1, 2", fields) == {"x": 1.0, "y": 2.0}
    assert parse_weights("1,5;2", fields) == {"x": 1.5, "y": 2.0}
    assert parse_weights("y = 2; x=0.5", fields) == {"y": 2.0, "x": 0.5}
    assert raises("weights_count", parse_weights, "1,2,3", fields) == {
        "text": "1,2,3", "n": 3, "m": 2, "fields": "x, y"}
    assert raises("weights_numbers", parse_weights, "1,zwei", fields) == {"text": "1,zwei"}
    assert raises("weights_form", parse_weights, "x=eins", fields) == {"part": "x=eins"}
    assert raises("weights_unknown_field", parse_weights, "z=2", fields) == {"name": "z", "fields": "x, y"}


def test_check_reversed():
    check_reversed(["x", "y"], ["y"])
    assert raises("reversed_not_chosen", check_reversed, ["x"], ["y", "z"]) == {"fields": "y, z"}


# -- quartiers and the counts table -------------------------------------------------------------------------------
def test_municipality_of_needs_one_for_every_quartier():
    assert municipality_of(["Q1", "Q2"], [1.0, " M2 "]) == {"Q1": "1", "Q2": "M2"}
    assert raises("no_municipality", municipality_of, ["Q1", "Q2", "Q3"], ["M1", None, " "]) == {
        "ex": "'Q2', 'Q3'"}


def test_clean_counts_drops_empty_rows_and_reads_ids_as_text():
    counts = pd.DataFrame({"fid": [1, 2, 3, 4], "qid": [101, None, " Q3 ", 104.0], "n": [5, None, 7, None]},
                          dtype=object)
    cleaned = clean_counts(counts, "qid")
    assert list(cleaned.index) == [0, 2, 3]  # row 2 holds nothing but its fid
    assert list(cleaned["qid"]) == ["101", "Q3", "104"]
    assert list(counts["qid"])[0] == 101  # the input is not changed
    empty = pd.DataFrame({"fid": [1], "qid": [None], "n": [None]}, dtype=object)
    assert raises("table_no_rows", clean_counts, empty, "qid") == {}
    no_id = pd.DataFrame({"qid": ["Q1", None, "Q3", "  "], "n": [1, 2, 3, 4]}, dtype=object)
    assert raises("table_null_ids", clean_counts, no_id, "qid") == {"field": "qid", "n": 2, "ex": "'2', '4'"}


def test_encoding_note():
    assert encoding_note(pd.DataFrame({"a": ["ok"]})) is None
    assert encoding_note(pd.DataFrame({"a": ["M\ufffdllheim"]})) == Note("encoding", field="a", value="M\ufffdllheim")


def test_match_ids_keeps_the_quartiers_rows_and_notes_the_others():
    counts = pd.DataFrame({"qid": ["Q1", "Q2", "Q9", "Q2"], "n": [1, 2, 3, 4]})
    matched, notes = match_ids(counts, "qid", ["Q1", "Q2", "Q3"])
    assert list(matched["n"]) == [1, 2, 4]
    assert notes == [Note("ids_left_out", field="qid", n=1, ex="'Q9'", leading_zeros=""),
                     Note("quartiers_without_row", n=1, ex="'Q3'")]
    matched, notes = match_ids(counts, "qid", ["Q9", "Q2", "Q1"])
    assert len(matched) == 4 and notes == []


def test_no_id_matching_is_an_error_naming_both_sides_and_leading_zeros():
    counts = pd.DataFrame({"qid": ["101", "102"], "n": [1, 2]})
    params = raises("no_id_matches", match_ids, counts, "qid", ["0101", "0102"])
    assert params.pop("leading_zeros") == "'101' / '0101', '102' / '0102'"  # each pair quoted once
    assert params == {"field": "qid", "table_ids": "'101', '102'", "quartier_ids": "'0101', '0102'"}


def test_match_previous():
    assert match_previous(["Q1", "Q2", "Q3"], ["Q1", "Q2", "Q3", "Q4"]) == []
    assert match_previous(["Q1", "Q3", "Q2"], ["Q2"]) == [Note("previous_unmatched", n=2, ex="'Q1', 'Q3'")]
    assert raises("previous_no_match", match_previous, ["Q1", "Q2"], ["X1"]) == {
        "prev": "'X1'", "current": "'Q1', 'Q2'"}


def test_input_error_is_a_value_error_that_names_its_key():
    error = InputError("thresholds", text="1,0")
    assert isinstance(error, ValueError)
    assert str(error) == "thresholds (text='1,0')"
    assert repr(Note("x", n=1)) == "Note('x', {'n': 1})"


# -- every key has its text in the glue's message table -----------------------------------------------------------
def _keys_used(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("InputError", "Note")
            and node.args and isinstance(node.args[0], ast.Constant)}


def _message_keys():
    """The keys of the dict returned by ``messages`` in processing_provider/indicator_inputs.py (read, not
    imported: it needs QGIS)."""
    path = os.path.join(REPO_ROOT, "processing_provider", "indicator_inputs.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "messages")
    table = next(n.value for n in ast.walk(function) if isinstance(n, ast.Return))
    return {key.value for key in table.keys}


def test_every_message_key_has_a_text():
    used = _keys_used(table_input.__file__)
    assert {"mapping_form", "no_id_matches", "weights_count", "previous_unmatched"} <= used
    assert used <= _message_keys()
