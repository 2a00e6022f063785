"""The county's tables as plain data (``indicators.table_export``), by hand: published cells and symbols, column
kinds, municipality and county rows, footnotes, sheet names and each indicator's definition."""

import dataclasses

import pytest

from quartiersmonitor.indicators.catalog import catalog_from_entries, load_catalog
from quartiersmonitor.indicators.table_export import (
    NO_VALUE,
    NUMBER,
    SUPPRESSED,
    TEXT,
    ZERO_DENOMINATOR,
    LayerTable,
    Record,
    attention_sheet,
    definition_rows,
    definition_sheets,
    definitions_table,
    published_cell,
    rounded,
    sheet_name,
    total_cell,
    values_sheet,
)

CATALOG = load_catalog()
A1, W1 = CATALOG["A.1"], CATALOG["W.1"]


def tr(text):
    return text


def row(qid, municipality, a1, a1_flag, w1, a1_mun=None, w1_mun=None, pop=1000.0, w1_county=None):
    return {"quartier_id": qid, "name": "Name " + qid, "municipality_id": municipality, "pop_total": pop,
            "A1": a1, "A1_flag": a1_flag, "A1_mun": a1_mun, "A1_county": 12.34,
            "W1": w1, "W1_flag": "ok" if w1 is not None else "no_data", "W1_mun": w1_mun, "W1_county": w1_county}


def table(rows, **extra):
    values = dict(rows=rows, id_field="quartier_id", name_field="name", municipality_field="municipality_id",
                  indicators=[A1, W1], decimals=1)
    values.update(extra)
    return LayerTable(**values)


def test_published_cells_never_show_a_hidden_number():
    assert published_cell(10.04, "ok", 1) == 10.0
    assert published_cell(10.05, None, 0) == 10.0  # no flag (an attention layer's own field): the value
    assert published_cell(0.0, "ok", 1) == 0.0  # a real zero stays a number
    assert published_cell(7.0, "suppressed", 1) == SUPPRESSED  # an edited layer that still holds the value
    assert published_cell(None, "suppressed", 1) == SUPPRESSED
    assert published_cell(None, "zero_denominator", 1) == ZERO_DENOMINATOR
    assert published_cell(None, "no_data", 1) == NO_VALUE
    assert published_cell(None, "invalid", 1) == NO_VALUE
    assert published_cell(3.0, "something new", 1) == SUPPRESSED  # an unknown flag is not published
    assert published_cell(None, "ok", 1) == NO_VALUE
    assert published_cell(float("nan"), " ok ", 1) == NO_VALUE
    assert rounded("2.25", 1) == 2.2 and rounded(2.35, 1) == 2.4  # numpy's rounding, as the engine's
    assert rounded(True, 1) is None and rounded("k.A.", 1) is None


def test_totals_without_a_value_are_hidden_for_confidential_indicators_only():
    assert total_cell(9.96, A1, 1) == 10.0
    assert total_cell(None, A1, 1) == SUPPRESSED
    assert total_cell(None, W1, 1) == NO_VALUE  # public: never hidden, so no valid data


def test_values_sheet_rows_columns_and_footnotes():
    rows = [row("Q1", "M1", 10.04, "ok", 5.0, a1_mun=9.96, w1_mun=4.0, w1_county=5.55),
            row("Q2", "M1", None, "suppressed", 6.0, a1_mun=9.96, w1_mun=4.0, w1_county=5.55),
            row("Q3", "M2", 20.0, "ok", 7.0, a1_mun=None, w1_mun=7.0, w1_county=5.55)]
    sheet = values_sheet(table(rows), tr, "en")
    assert sheet.name == "Values"
    assert sheet.headers == ["Level", "Quartier id", "Name", "Municipality", "Residents", "A.1 SGB II rate (%)",
                             "W.1 Local grocery supply (%)"]
    # A.1 holds a symbol: a text column with the published decimals; W.1 and the residents: numbers
    assert sheet.kinds == [TEXT, TEXT, TEXT, TEXT, NUMBER, TEXT, NUMBER]
    assert sheet.rows[0] == ["Quartier", "Q1", "Name Q1", "M1", 1000.0, "10.0", 5.0]
    assert sheet.rows[1] == ["Quartier", "Q2", "Name Q2", "M1", 1000.0, "•", 6.0]
    assert sheet.rows[2][5:] == ["20.0", 7.0]
    # municipalities (sorted) and the county: M2's A.1 not published (•)
    assert sheet.rows[3] == ["Municipality", "", "", "M1", None, "10.0", 4.0]
    assert sheet.rows[4] == ["Municipality", "", "", "M2", None, "•", 7.0]
    # rounded as the engine rounds (numpy: 5.55 * 10 = 55.5 → 56), not as Python's round (5.5)
    assert sheet.rows[5] == ["County", "", "", "", None, "12.3", 5.6]
    assert sheet.rows[6] == [None] * 7  # an empty row before the footnotes
    notes = [cells[0] for cells in sheet.rows[7:]]
    assert len(notes) == 2  # no "." in the table: no footnote for it
    assert notes[0].startswith("• Not published")
    assert notes[1].startswith("Values rounded to 1 decimal(s)")
    assert all(cells[1:] == [None] * 6 for cells in sheet.rows[7:])


def test_w1_column_with_a_symbol_becomes_text():
    rows = [row("Q1", "M1", 10.0, "ok", 5.0, a1_mun=10.0, w1_mun=None)]
    sheet = values_sheet(table(rows), tr, "en")
    assert sheet.kinds[6] == TEXT
    assert sheet.rows[0][6] == "5.0" and sheet.rows[1][6] == NO_VALUE  # M1 W.1 without data
    assert sheet.rows[2][6] == NO_VALUE  # county W.1 None, public


def test_no_municipality_rows_without_the_field_or_without_values():
    rows = [row("Q1", "M1", 10.0, "ok", 5.0)]
    levels = [cells[0] for cells in values_sheet(table(rows), tr, "en").rows]
    assert "Municipality" not in levels and "County" in levels  # no _mun values: calculated without the field
    rows = [row("Q1", "M1", 10.0, "ok", 5.0, a1_mun=10.0)]
    levels = [cells[0] for cells in values_sheet(table(rows, municipality_field=None), tr, "en").rows]
    assert "Municipality" not in levels


def test_recorded_county_value_where_the_layer_has_no_county_field():
    rows = [row("Q1", "M1", 10.0, "ok", 5.0)]
    for r in rows:
        del r["W1_county"]
    sheet = values_sheet(table(rows, county={"W1": 3.14}), tr, "en")
    county = next(cells for cells in sheet.rows if cells[0] == "County")
    assert county[6] == 3.1


def test_attention_columns():
    rows = [{"quartier_id": "Q1", "status_index": 1.234, "status_class": 3.0, "dynamics_index": None,
             "dynamics_class": None, "attention": "yes"},
            {"quartier_id": "Q2", "status_index": None, "status_class": None, "dynamics_index": None,
             "dynamics_class": None, "attention": None}]
    sheet = values_sheet(table(rows, indicators=[], attention=True, name_field=None, municipality_field=None),
                         tr, "en")
    assert sheet.headers[4:] == ["Status index", "Status class", "Dynamics index", "Dynamics class", "Attention"]
    assert sheet.rows[0] == ["Quartier", "Q1", "", "", "1.23", "3", None, None, "yes"]
    assert sheet.rows[1] == ["Quartier", "Q2", "", "", ".", ".", None, None, "."]
    assert sheet.kinds[4:] == [TEXT, TEXT, NUMBER, NUMBER, TEXT]
    assert any(cells[0].startswith(". No value") for cells in sheet.rows[3:])
    assert attention_sheet(tr, ["Values"]).name == "Attention index"


def test_sheet_names_are_safe_short_and_unique():
    assert sheet_name("A/B: [x]*?\\") == "A-B- -x-"
    assert sheet_name("A.2 Kinder-/Jugendarmut") == "A.2 Kinder-Jugendarmut"
    assert sheet_name("'quoted'") == "quoted"
    long = "X.1 " + "Very long indicator name " * 3
    assert len(sheet_name(long)) == 31
    first = sheet_name(long)
    second = sheet_name(long, [first])
    assert second != first and len(second) <= 31 and second.endswith(" (2)")
    assert sheet_name("values", ["Values"]) == "values (2)"


def test_definition_rows_of_a_share_a_rate_and_a_public_indicator():
    record = Record(min_count=3, min_population=300, decimals=1, source="Jobcenter", year="2024")
    items = dict(definition_rows(A1, record, tr, "de"))
    assert items["Name"] == "SGB II-Quote" and items["Unit"] == "%"
    assert items["Numerator (column of the counts table)"] == "sgb2_u65"
    assert items["Denominator (column of the counts table)"] == "pop_u65"
    assert items["Factor"] == "100" and items["Calculation"] == "numerator / denominator × 100"
    assert "Wilson" in items["Confidence interval"]
    assert items["Minimum count (MIN_COUNT)"] == "3" and items["Minimum population (MIN_POPULATION)"] == "300"
    assert "from 1 to 2" in items["Confidentiality rule"] and "fewer than 300" in items["Confidentiality rule"]
    assert "fewer than 4 possible values" in items["Confidentiality rule"]
    assert items["Source"] == "Jobcenter" and items["Year"] == "2024" and items["Confidential"] == "yes"
    g2 = dict(definition_rows(CATALOG["G.2"], record, tr, "en", standardised=True))
    assert "exact Poisson (Garwood)" in g2["Confidence interval"] and "Dobson" in g2["Confidence interval"]
    assert g2["Factor"] == "100000" and g2["Unit"] == "per 100,000" and g2["Kind"] == "rate"
    d1 = dict(definition_rows(CATALOG["D.1"], record, tr, "en"))
    assert d1["Polarity"].startswith("0") and "Poisson" in d1["Confidence interval"]  # kind rate
    w1 = dict(definition_rows(W1, Record(min_count=3, min_population=0), tr, "en"))
    assert w1["Confidential"] == "no" and "never suppressed" in w1["Confidentiality rule"]
    assert w1["Source"] == "not stated" and w1["Year"] == "not stated"
    off = dict(definition_rows(A1, Record(min_count=5, min_population=0), tr, "en"))
    assert "from 1 to 4" in off["Confidentiality rule"] and "switched off" in off["Confidentiality rule"]
    unknown = dict(definition_rows(A1, Record(), tr, "en"))  # a layer without a record
    assert unknown["Minimum count (MIN_COUNT)"] == "not stated" and unknown["Confidentiality rule"] == "not stated"


def test_custom_indicator_and_definitions_table():
    catalog = catalog_from_entries([{"id": "X.1", "name_en": "Own share", "domain": "poverty",
                                     "numerator": "my_cases", "denominator": "pop_total", "factor": 1000.0}])
    custom = catalog["X.1"]
    assert dataclasses.asdict(custom)["factor"] == 1000
    record = Record(min_count=3, min_population=300)
    sheets = definition_sheets([A1, custom], record, tr, "en", taken=["Values"])
    assert [s.name for s in sheets] == ["A.1 SGB II rate", "X.1 Own share"]
    assert sheets[1].headers == ["Item", "Content"] and sheets[1].kinds == [TEXT, TEXT]
    items = dict(map(tuple, sheets[1].rows))
    assert items["Name"] == "Own share" and items["Factor"] == "1000" and items["Unit"] == "per 1,000"
    headers, rows = definitions_table(sheets)
    assert headers[0] == "Id" and [r[0] for r in rows] == ["A.1", "X.1"]
    assert rows[1][headers.index("Numerator (column of the counts table)")] == "my_cases"
    assert definitions_table([]) == ([], [])


@pytest.mark.parametrize("decimals, expected", [(0, "10"), (2, "10.04")])
def test_text_columns_keep_the_published_decimals(decimals, expected):
    rows = [row("Q1", "M1", 10.04, "ok", 5.0), row("Q2", "M1", None, "suppressed", 5.0)]
    sheet = values_sheet(table(rows, decimals=decimals), tr, "en")
    assert sheet.rows[0][5] == expected
