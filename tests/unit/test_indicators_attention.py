"""Attention index and quartier profile against hand-computed values."""

import math

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.indicators import rates
from quartiersmonitor.indicators.attention import attention_index
from quartiersmonitor.indicators.catalog import load_catalog
from quartiersmonitor.indicators.profile import profile, profile_from_row

R2 = math.sqrt(2)


def frame():
    # a = 1..5 (mean 3, population sd sqrt(2)); b = 5..1 where higher means less need (reversed)
    # q6 has too few residents and extreme values: it must neither be classed nor move the others
    return pd.DataFrame({"a": [1, 2, 3, 4, 5, 100], "b": [5, 4, 3, 2, 1, -100],
                         "ew": [1000, 1000, 1000, 1000, 1000, 120]},
                        index=["q1", "q2", "q3", "q4", "q5", "q6"])


def test_status_index_and_classes_by_hand():
    out = attention_index(frame(), ["a", "b"], reversed_fields=["b"], population="ew")
    # z_a = z_(-b) = (x - 3)/sqrt(2); the sum 2 z_a restandardised is z_a again
    np.testing.assert_allclose(out["status_index"][:5], [-2 / R2, -1 / R2, 0, 1 / R2, 2 / R2], atol=1e-12)
    assert list(out["status_class"][:5]) == [1, 2, 2, 2, 3]  # -1.41 < -1; 1 < 1.41 <= 1.5
    assert list(out["attention"][:5]) == ["no", "no", "no", "no", "yes"]
    assert math.isnan(out.loc["q6", "status_index"]) and math.isnan(out.loc["q6", "status_class"])
    assert pd.isna(out.loc["q6", "attention"])
    assert out["dynamics_index"].isna().all()


def test_thresholds_are_configurable():
    out = attention_index(frame(), ["a", "b"], reversed_fields=["b"], population="ew", thresholds=(-0.5, 0.5, 1.0))
    assert list(out["status_class"][:5]) == [1, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="increasing"):
        attention_index(frame(), ["a"], thresholds=(1, 0, 2))


def test_weights():
    f = frame()
    # without reversing, a and b cancel: every index 0, all class 2
    out = attention_index(f, ["a", "b"], population="ew")
    assert list(out["status_index"][:5]) == [0, 0, 0, 0, 0]
    assert list(out["status_class"][:5]) == [2] * 5
    # weights 3 and 1: 3 z_a - z_a = 2 z_a, restandardised z_a
    out = attention_index(f, ["a", "b"], population="ew", weights={"a": 3, "b": 1})
    np.testing.assert_allclose(out["status_index"][:5], [-2 / R2, -1 / R2, 0, 1 / R2, 2 / R2], atol=1e-12)
    with pytest.raises(ValueError):
        attention_index(f, ["a", "b"], weights=[1])


def test_dynamics_and_attention_rule():
    f = frame()
    previous = f.copy()
    # change of a: q1 -1 (better), q4 +1 (worse); b reversed changes by the opposite amounts
    previous["a"] = f["a"] - [-1, 0, 0, 1, 0, 0]
    previous["b"] = f["b"] + [-1, 0, 0, 1, 0, 0]
    out = attention_index(f, ["a", "b"], reversed_fields=["b"], population="ew", previous=previous)
    # changes -1, 0, 0, 1, 0: mean 0, population sd sqrt(2/5)
    sd = math.sqrt(2 / 5)
    np.testing.assert_allclose(out["dynamics_index"][:5], [-1 / sd, 0, 0, 1 / sd, 0], atol=1e-12)
    assert list(out["dynamics_class"][:5]) == [1, 2, 2, 3, 2]
    # q4: status class 2 with negative dynamics -> attention; q5: status class 3 -> attention
    assert list(out["attention"][:5]) == ["no", "no", "no", "yes", "yes"]
    assert math.isnan(out.loc["q6", "dynamics_class"])


def test_missing_values_leave_a_quartier_unclassed():
    f = frame().drop(index="q6")
    f.loc["q3", "a"] = np.nan
    out = attention_index(f, ["a"], population=None)
    assert math.isnan(out.loc["q3", "status_class"])
    # a over q1, q2, q4, q5 = 1, 2, 4, 5: mean 3, sd sqrt(2.5)
    assert out.loc["q5", "status_index"] == pytest.approx(2 / math.sqrt(2.5))


def profile_result():
    counts = pd.DataFrame({
        "quartier_id": ["q1", "q2", "q3", "q4", "q5"], "gemeinde": ["A", "A", "A", "B", "B"],
        "pop_total": [1000, 1000, 1000, 1000, 1000],
        "sgb2_u65": [10, 90, 60, 1, 50], "pop_u65": [100, 300, 300, 500, 1000],
    })
    return rates.compute(counts, load_catalog(), ["A.1"], municipality_column="gemeinde", decimals=None)


def test_profile_of_a_quartier():
    catalog = load_catalog()
    result = profile_result()
    (row,) = profile(result, "q2", catalog, language="de")
    assert (row.id, row.name, row.unit) == ("A.1", "SGB II-Quote", "%")
    assert row.value == pytest.approx(30.0)
    assert row.municipality == pytest.approx(100 * 160 / 700)
    # q4 (1 case) is suppressed and q5 (the only other in B) secondarily: county 211 / 2200
    assert row.county == pytest.approx(100 * 211 / 2200)
    # published values 10, 30, 20: q2 has the most need
    assert (row.rank, row.n_ranked, row.sig, row.flag, row.display) == (1, 3, 1, "ok", "30,0")
    (row1,) = profile(result, "q1", catalog)
    assert (row1.rank, row1.display) == (3, "10.0")
    (row4,) = profile(result, "q4", catalog, language="de")
    assert row4.flag == "suppressed" and row4.display == "gesperrt" and row4.rank is None
    assert math.isnan(row4.value) and row4.sig is None
    (row5,) = profile(result, "q5", catalog, language="en")
    assert row5.flag == "suppressed" and row5.display == "suppressed"
    # municipality B's total (51 of 1,500) is published: it only reveals the sum of its two hidden quartiers
    assert row5.municipality == pytest.approx(100 * 51 / 1500)
    with pytest.raises(KeyError):
        profile(result, "q9", catalog)


def test_profile_from_layer_attributes():
    catalog = load_catalog()
    rows = [
        {"A1": 30.0, "A1_flag": "ok", "A1_sig": 1, "A1_mun": 22.9, "A1_county": 9.6, "A1_lo": 25.0, "A1_hi": 35.4},
        {"A1": 10.0, "A1_flag": "ok", "A1_sig": 0},
        {"A1": None, "A1_flag": "suppressed_count", "A1_sig": None},
    ]
    out = profile_from_row(rows[0], catalog, language="de", all_rows=rows)
    assert [r.id for r in out] == ["A.1"]
    r = out[0]
    assert (r.value, r.municipality, r.county, r.rank, r.n_ranked, r.sig, r.display) == (
        30.0, 22.9, 9.6, 1, 2, 1, "30,0")
    (s,) = profile_from_row(rows[2], catalog, language="de", all_rows=rows)
    assert s.display == "gesperrt" and s.rank is None and s.sig is None and math.isnan(s.value)
    (t,) = profile_from_row(rows[1], catalog)
    assert t.rank is None and math.isnan(t.county)
