"""Spreadsheets as agencies deliver them (``indicators.table_input``, ``indicators.parse``): the header below title
rows, ids whose leading zeros were dropped, numbers stored as German text. Expectations computed by hand."""

import math

import pandas as pd
import pytest

from quartiersmonitor.indicators.parse import INVALID, NO_DATA, OK, parse_number, parse_numbers
from quartiersmonitor.indicators.table_input import (
    SPREADSHEET,
    InputError,
    Note,
    apply_header_row,
    header_spelling,
    match_ids,
    padding_examples,
    sheet_row_offset,
    zero_padding,
)


def sheet(rows, columns=None):
    """A table as GDAL reads a sheet without a header it recognised: columns Field1, Field2, …, cells as text."""
    width = max(len(r) for r in rows)
    columns = columns or ["Field{}".format(i + 1) for i in range(width)]
    return pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], columns=columns, dtype=object)


# -- the header row -----------------------------------------------------------------------------------------------
def test_two_title_rows_are_skipped_and_the_header_names_the_columns():
    frame = sheet([["SGB II, Dezember 2024"], ["Quelle: Jobcenter"], ["Quartier", "Einwohner", "SGB2"],
                   ["101", "1.234", "k.A."], ["0102", "500", "12"]])
    frame.attrs[SPREADSHEET] = True
    header = apply_header_row(frame, ["quartier", "sgb2"])  # names compared trimmed and case-insensitive
    assert (header.row, header.skipped) == (3, 2)
    assert list(header.frame.columns) == ["Quartier", "Einwohner", "SGB2"]
    assert header.frame["Quartier"].tolist() == ["101", "0102"]
    assert header.frame["SGB2"].tolist() == ["k.A.", "12"]
    assert list(header.frame.index) == [3, 4]  # index + 1 = the row of the sheet, for messages
    assert header.frame.attrs[SPREADSHEET] is True


def test_gdal_took_the_title_row_as_header():
    # OGR_XLSX_HEADERS=FORCE, or a title row filled across: the title's cells are the field names
    frame = sheet([["Quartier", "Einwohner"], ["0101", "10"]], columns=["Tabelle 3", "Field2"])
    assert sheet_row_offset(frame.columns) == 1
    header = apply_header_row(frame, ["Quartier"])
    assert (header.row, header.skipped) == (2, 1)  # the header is the sheet's row 2, row 1 (the title) skipped
    assert header.frame.to_dict("list") == {"Quartier": ["0101"], "Einwohner": ["10"]}


def test_an_all_text_sheet_without_title_has_its_header_in_the_first_row():
    # every cell text (numbers stored as text): GDAL finds no header, the column names are the first row of data
    header = apply_header_row(sheet([["Quartier", "Einwohner"], ["0101", "1.234"]]), ["Quartier"])
    assert (header.row, header.skipped) == (1, 0)
    assert header.frame.to_dict("list") == {"Quartier": ["0101"], "Einwohner": ["1.234"]}


def test_header_cells_numbers_empty_and_repeated():
    frame = sheet([["Titel"], ["Quartier", 2024.0, None, "quartier", "Wert"], ["0101", 5, 6, "x", "7"]])
    header = apply_header_row(frame, ["Quartier"])
    # a number cell 2024.0 → "2024"; an empty cell keeps GDAL's name; a repeated name (any case) gets "_2"
    assert list(header.frame.columns) == ["Quartier", "2024", "Field3", "quartier_2", "Wert"]


def test_nothing_changes_when_the_columns_hold_the_id_or_no_row_does():
    frame = sheet([["0101", "5"]], columns=["quartier_id", "n"])
    header = apply_header_row(frame, ["Quartier_ID"])
    assert header.frame is frame and (header.row, header.skipped) == (None, 0)
    titles = [["Titel {}".format(i)] for i in range(20)]
    frame = sheet(titles + [["Quartier", "n"], ["0101", "5"]])  # the header in row 21: beyond the search
    assert apply_header_row(frame, ["Quartier"]).skipped == 0
    assert apply_header_row(frame, ["Quartier"], max_rows=21).row == 21
    assert apply_header_row(frame, []).skipped == 0


def test_header_spelling_finds_the_name_in_the_header_row():
    frame = sheet([["Titel"], ["Quartier", "Jahr ", "Einwohner"], ["0101", "2024", "5"]])
    assert header_spelling(frame, "quartier", "JAHR") == "Jahr"
    assert header_spelling(frame, "quartier", "Quartier") == "Quartier"
    assert header_spelling(frame, "quartier", "Fläche") is None
    assert header_spelling(frame, "Gemeinde", "Jahr") is None  # no row holds the id column's name


# -- leading zeros ------------------------------------------------------------------------------------------------
QIDS = ["0101", "0102", "0103"]


def test_zero_padding_when_unambiguous():
    assert zero_padding(["101", "102", "0103", "999", None], QIDS) == {"101": "0101", "102": "0102"}
    assert zero_padding(["0101"], QIDS) == {}


def test_zero_padding_refuses_what_is_ambiguous():
    assert zero_padding(["101"], ["0101", "10101"]) == {}  # quartier ids of two lengths
    assert zero_padding(["101"], ["A101", "0101"]) == {}  # not only digits
    assert zero_padding(["101", "0101"], QIDS) == {}  # both in a table of one row per quartier
    assert zero_padding(["101", "0101"], QIDS, records=True) == {"101": "0101"}  # records: many rows per quartier
    assert zero_padding(["1A"], QIDS) == {}


def test_padding_examples_lists_three():
    padding = {"101": "0101", "102": "0102", "103": "0103", "104": "0104"}
    assert padding_examples(padding) == "'101' → '0101', '102' → '0102', '103' → '0103', …"


def counts(ids, spreadsheet):
    frame = pd.DataFrame({"qid": ids, "n": list(range(len(ids)))})
    if spreadsheet:
        frame.attrs[SPREADSHEET] = True
    return frame


def test_match_ids_pads_a_spreadsheets_ids_and_notes_it():
    matched, notes = match_ids(counts(["101", "102", "0103"], True), "qid", QIDS)
    assert matched["qid"].tolist() == ["0101", "0102", "0103"]
    assert notes == [Note("ids_padded", field="qid", n=2, ex="'101' → '0101', '102' → '0102'")]


def test_match_ids_does_not_pad_other_tables():
    with pytest.raises(InputError) as info:
        match_ids(counts(["101", "102"], False), "qid", QIDS)
    assert info.value.key == "no_id_matches" and "spreadsheet" not in info.value.params
    matched, notes = match_ids(counts(["101", "0103"], True), "qid", QIDS, pad=False)
    assert matched["qid"].tolist() == ["0103"]
    assert notes[0].params["spreadsheet"] is True and notes[0].params["leading_zeros"] == "'101' / '0101'"


def test_match_ids_explains_ambiguous_zeros_of_a_spreadsheet():
    matched, notes = match_ids(counts(["101", "0101", "0102"], True), "qid", QIDS)
    assert matched["qid"].tolist() == ["0101", "0102"]
    assert notes[0] == Note("ids_left_out", field="qid", n=1, ex="'101'", leading_zeros="'101' / '0101'",
                            spreadsheet=True)


# -- numbers stored as text ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, expected", [
    ("3,5", 3.5), ("1.234", 1234.0), ("1.234,5", 1234.5), (" 12 ", 12.0), ("3.5", 3.5), ("-2,5", -2.5),
    ("1 234", 1234.0), ("1\u00a0234,25", 1234.25), ("12.50", 12.5), ("+3", 3.0), (7, 7.0), (2.25, 2.25),
    ("-1.234", -1234.0),
])
def test_parse_number_reads_german_text(cell, expected):
    value, status, _reason = parse_number(cell)
    assert status == OK and value == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["k.A.", "*", "-", ".", "x", "", "  ", None, float("nan"), "keine Angabe"])
def test_suppressed_and_empty_cells_are_no_data_never_zero(cell):
    value, status, _reason = parse_number(cell)
    assert status == NO_DATA and math.isnan(value)


@pytest.mark.parametrize("cell", ["viele", "1,2,3", "3 Personen", True, float("inf")])
def test_other_text_is_invalid(cell):
    value, status, _reason = parse_number(cell)
    assert status == INVALID and math.isnan(value)


def test_parse_numbers_column():
    values, status, _reasons = parse_numbers(["1,5", "k.A.", 2, None, "1,5", float("nan")])
    assert values[0] == 1.5 and math.isnan(values[1]) and values[2] == 2.0 and values[4] == 1.5
    assert status.tolist() == [OK, NO_DATA, OK, NO_DATA, OK, NO_DATA]
    values, status, _reasons = parse_numbers([1, True, 1.0])  # True is not the count 1
    assert values[0] == 1.0 and math.isnan(values[1]) and values[2] == 1.0
    assert status.tolist() == [OK, INVALID, OK]
    assert [len(a) for a in parse_numbers([])] == [0, 0, 0]
