"""What the indicator algorithms write per quartier (``indicators.output_rows``), by hand."""

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd

from quartiersmonitor.indicators.output_rows import (
    ATTENTION_FIELDS,
    attention_count,
    attention_rows,
    classify_indicators,
    indicator_fields,
    indicator_rows,
    int_or_none,
    number_frame,
    number_or_none,
    output_field_names,
    status_counts,
    unclassed,
)

CATALOG = {"A.1": SimpleNamespace(field="A1"), "G.2": SimpleNamespace(field="G2")}


def result():
    """Engine output for four quartiers: A1 = 0, 10, 20, 30 (Q4 suppressed: NaN) and G2 with standardised
    columns; municipalities M1 and M2; the county."""
    quartiers = pd.DataFrame(
        {
            "A1": [0.0, 10.0, 20.0, np.nan], "A1_num": [0.0, 1.0, 2.0, np.nan], "A1_den": [10.0, 10.0, 10.0, 2.0],
            "A1_lo": [0.0, 1.5, 5.0, np.nan], "A1_hi": [3.0, 40.0, 50.0, np.nan], "A1_z": [-1.0, 0.0, 1.0, np.nan],
            "A1_flag": ["ok", "ok", "ok", "suppressed_count"], "A1_sig": [-1.0, 0.0, 1.0, np.nan],
            "G2": [30.0, 30.0, 30.0, 30.0], "G2_std": [1.0, 2.0, 3.0, np.nan],
        },
        index=["Q1", "Q2", "Q3", "Q4"],
    )
    municipalities = pd.DataFrame({"A1": [5.0, 20.0], "G2": [30.0, 30.0]}, index=["M1", "M2"])
    county = pd.DataFrame({"A1": [12.5], "G2": [30.0]})
    return SimpleNamespace(quartiers=quartiers, municipalities=municipalities, county=county)


def test_numbers_for_the_layer_never_turn_missing_into_zero():
    assert number_or_none(None) is None and number_or_none(float("nan")) is None and number_or_none("x") is None
    assert number_or_none("2.5") == 2.5 and number_or_none(np.int64(3)) == 3.0
    assert int_or_none(2.6) == 3 and int_or_none(np.nan) is None and int_or_none(-1.0) == -1


def test_field_names_and_kinds():
    assert output_field_names("A1") == ["A1", "A1_num", "A1_den", "A1_lo", "A1_hi", "A1_z", "A1_class", "A1_flag",
                                        "A1_sig", "A1_mun", "A1_county"]
    fields = indicator_fields(result().quartiers, CATALOG, ["G.2", "A.1"])
    assert fields[:11] == [(name, "int" if name.endswith(("_class", "_sig")) else
                            "string" if name.endswith("_flag") else "double") for name in output_field_names("G2")]
    assert fields[11] == ("G2_std", "double")  # only the standardised column the engine gave
    assert [name for name, _kind in fields[12:]] == output_field_names("A1")
    assert [name for name, _kind in ATTENTION_FIELDS] == ["status_index", "status_class", "dynamics_index",
                                                          "dynamics_class", "attention"]


def test_classify_indicators_by_hand():
    classes = classify_indicators(result(), CATALOG, ["A.1", "G.2"], "equal_interval", 2)
    # A1: 0, 10, 20 (Q4 NaN left out): min 0, max 20, two classes of width 10
    assert classes.breaks == {"A.1": [10.0, 20.0], "G.2": [30.0]}  # G2: one distinct value, one class
    assert classes.classes["A.1"] == {"Q1": 1, "Q2": 1, "Q3": 2, "Q4": 0}  # v in class i when b[i-1] < v <= b[i]
    assert classes.classes["G.2"] == {"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 1}
    assert classes.county == {"A.1": 12.5, "G.2": 30.0}


def test_classes_equal_intervals():
    res = result()
    res.quartiers.loc["Q4", "A1"] = 30.0
    classes = classify_indicators(res, CATALOG, ["A.1"], "equal_interval", 2)
    assert classes.breaks["A.1"] == [15.0, 30.0]  # min 0, max 30, two classes of width 15
    assert classes.classes["A.1"] == {"Q1": 1, "Q2": 1, "Q3": 2, "Q4": 2}


def test_indicator_without_any_value_has_no_breaks_and_no_classes():
    res = result()
    res.quartiers["A1"] = np.nan
    classes = classify_indicators(res, CATALOG, ["A.1"], "quantile", 5)
    assert classes.breaks == {"A.1": []} and classes.classes == {"A.1": {}}


def test_indicator_rows_by_hand():
    res = result()
    res.quartiers.loc["Q4", "A1"] = 30.0  # Q4: a value but flagged (the class follows the value)
    classes = classify_indicators(res, CATALOG, ["A.1", "G.2"], "equal_interval", 2)
    rows = indicator_rows(res, CATALOG, ["A.1", "G.2"], ["Q1", "Q4", "Q5"], {"Q1": "M1", "Q4": "M9"}, classes)
    assert rows["Q1"][:11] == [0.0, 0.0, 10.0, 0.0, 3.0, -1.0, 1, "ok", -1, 5.0, 12.5]
    assert rows["Q1"][11:] == [30.0, None, None, None, None, None, 1, None, None, 30.0, 30.0, 1.0]
    # Q4: NaN parts are NULL; municipality M9 unknown to the engine: no municipal value
    assert rows["Q4"][:11] == [30.0, None, 2.0, None, None, None, 2, "suppressed_count", None, None, 12.5]
    assert rows["Q4"][-1] is None  # G2_std NaN
    # Q5: no row in the counts table
    assert rows["Q5"] == ([None] * 7 + ["no_data", None, None, 12.5]) + ([None] * 7 + ["no_data", None, None, 30.0]
                                                                         + [None])
    assert all(len(values) == len(indicator_fields(res.quartiers, CATALOG, ["A.1", "G.2"])) for values in
               rows.values())


def test_a_class_0_or_a_missing_value_gives_no_class():
    res = result()
    classes = classify_indicators(res, CATALOG, ["A.1"], "equal_interval", 5)
    rows = indicator_rows(res, CATALOG, ["A.1"], ["Q4"], {}, classes)
    assert rows["Q4"][6] is None and rows["Q4"][9] is None  # no class, no municipality


def test_number_frame():
    table = pd.DataFrame({"x": [1, None, "2.5", "a"], "y": ["0", 3, 4, 5]}, index=list("abcd"), dtype=object)
    frame = number_frame(table, ["x"])
    assert list(frame.columns) == ["x"] and list(frame.index) == list("abcd")
    assert frame["x"].dtype == float
    assert frame["x"].tolist()[0] == 1.0 and frame["x"].tolist()[2] == 2.5
    assert math.isnan(frame["x"].tolist()[1]) and math.isnan(frame["x"].tolist()[3])


def test_attention_rows_and_summaries():
    res = pd.DataFrame(
        {"status_index": [-1.2, 0.3, np.nan], "status_class": [1.0, 3.0, np.nan],
         "dynamics_index": [np.nan, 1.4, np.nan], "dynamics_class": [np.nan, 3.0, np.nan],
         "attention": ["no", "yes", np.nan]},
        index=["Q1", "Q2", "Q3"],
    )
    assert attention_rows(res) == {
        "Q1": [-1.2, 1, None, None, "no"],
        "Q2": [0.3, 3, 1.4, 3, "yes"],
        "Q3": [None, None, None, None, None],
    }
    assert unclassed(res) == ["Q3"]
    assert status_counts(res) == "1: 1, 3: 1"
    assert attention_count(res) == 1
