"""Rates: aggregates from sums, intervals, significance, z-scores, long tables, column mapping, bad inputs."""

import math

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.indicators import rates
from quartiersmonitor.indicators.catalog import load_catalog
from quartiersmonitor.indicators.rates import IndicatorError

CATALOG = load_catalog()
Z = 1.959963984540054


def three_quartiers():
    return pd.DataFrame({
        "quartier_id": ["q1", "q2", "q3"], "gemeinde": ["A", "A", "B"], "pop_total": [1000, 1000, 2000],
        "sgb2_u65": [10, 90, 50], "pop_u65": [100, 300, 1000],
    })


def test_aggregates_are_recomputed_from_sums_not_averaged():
    result = rates.compute(three_quartiers(), CATALOG, ["A.1"], municipality_column="gemeinde", decimals=None)
    m = result.municipalities
    # municipality A: (10 + 90) / (100 + 300) = 25 %; the mean of the rates 10 % and 30 % would be 20 %
    assert m.loc["A", "A1"] == pytest.approx(25.0)
    assert (m.loc["A", "A1_num"], m.loc["A", "A1_den"]) == (100, 400)
    assert m.loc["B", "A1"] == pytest.approx(5.0)
    # county: 150 / 1400 = 10.714 %; the mean of the three rates would be 15 %, of the municipalities 15 %
    assert result.county.loc["county", "A1"] == pytest.approx(100 * 150 / 1400)
    assert result.county.loc["county", "A1_den"] == 1400


def test_intervals_significance_and_z_scores():
    result = rates.compute(three_quartiers(), CATALOG, ["A.1"], municipality_column="gemeinde", decimals=None)
    q = result.quartiers
    # Wilson for 10 of 100 by hand: centre (0.1 + z^2/200) / (1 + z^2/100), half z*sqrt(0.0009 + z^2/40000)/(...)
    centre = (0.1 + Z * Z / 200) / (1 + Z * Z / 100)
    half = Z * math.sqrt(0.1 * 0.9 / 100 + Z * Z / 40000) / (1 + Z * Z / 100)
    assert q.loc["q1", "A1_lo"] == pytest.approx(100 * (centre - half), rel=1e-12)
    assert q.loc["q1", "A1_hi"] == pytest.approx(100 * (centre + half), rel=1e-12)
    assert q.loc["q1", "A1_lo"] == pytest.approx(5.522, abs=1e-3)  # 5.52 % .. 17.44 % (Wilson tables)
    # county 10.71 %: q1 (5.5 .. 17.4) not different, q2 (30 %) above, q3 (5 %) below
    assert list(q["A1_sig"]) == [0, 1, -1]
    # z over the published rates 10, 30, 5: mean 15, population sd sqrt(350/3)
    sd = math.sqrt(350 / 3)
    np.testing.assert_allclose(q["A1_z"], [-5 / sd, 15 / sd, -10 / sd], rtol=1e-12)
    # municipality intervals exist too
    assert result.municipalities.loc["A", "A1_lo"] < 25 < result.municipalities.loc["A", "A1_hi"]


def test_intervals_against_scipy():
    stats = pytest.importorskip("scipy.stats")
    counts = pd.DataFrame({
        "quartier_id": ["a", "b", "c"], "pop_total": [5000, 5000, 5000],
        "seu_delayed": [0, 7, 20], "seu_examined": [10, 20, 20], "deaths_u65": [0, 4, 37],
        "pop_u65": [900, 1800, 4000],
    })
    result = rates.compute(counts, CATALOG, ["B.1", "G.2"], min_count=1, decimals=None)
    q = result.quartiers
    for i, (x, n) in enumerate([(0, 10), (7, 20), (20, 20)]):
        if x == 0:
            continue  # 0 of 10 is checked by hand below
        ci = stats.binomtest(x, n).proportion_ci(method="wilson")
        assert q.iloc[i]["B1_lo"] == pytest.approx(100 * ci.low, rel=1e-9)
        assert q.iloc[i]["B1_hi"] == pytest.approx(100 * ci.high, rel=1e-9)
    # Wilson upper bound for 0 of 10 by hand: z^2 / (n + z^2)
    assert q.loc["a", "B1_lo"] == 0 and q.loc["a", "B1_hi"] == pytest.approx(100 * Z * Z / (10 + Z * Z))
    for i, (x, n) in enumerate([(0, 900), (4, 1800), (37, 4000)]):
        lo = stats.chi2.ppf(0.025, 2 * x) / 2 if x else 0.0
        hi = stats.chi2.ppf(0.975, 2 * x + 2) / 2
        assert q.iloc[i]["G2_lo"] == pytest.approx(lo / n * 1e5, rel=1e-9, abs=1e-12)
        assert q.iloc[i]["G2_hi"] == pytest.approx(hi / n * 1e5, rel=1e-9)
    # exact Poisson upper limit for 0 events is -ln(0.025) = 3.6889
    assert q.loc["a", "G2_hi"] == pytest.approx(-math.log(0.025) / 900 * 1e5, rel=1e-9)


def test_long_format_sums_years_per_quartier():
    long = pd.DataFrame({
        "quartier_id": ["q1", "q1", "q2", "q2"], "jahr": [2022, 2023, 2022, 2023],
        "pop_total": [1000, 1100, 400, 300], "deaths_u65": [2, 3, 4, 6], "pop_u65": [800, 900, 300, 200],
    })
    result = rates.compute(long, CATALOG, ["G.2"], year_column="jahr", decimals=None)
    q = result.quartiers
    assert q.loc["q1", "G2_num"] == 5 and q.loc["q1", "G2_den"] == 1700
    assert q.loc["q1", "G2"] == pytest.approx(5 / 1700 * 1e5)
    # q2: mean population (400 + 300) / 2 = 350 >= 300 -> shown, 10 deaths over 500 person-years
    assert q.loc["q2", "G2"] == pytest.approx(10 / 500 * 1e5)
    assert result.county.loc["county", "G2"] == pytest.approx(15 / 2200 * 1e5)
    dup = pd.concat([long, long.iloc[[0]]])
    with pytest.raises(IndicatorError, match=r"q1 \(2022\)"):
        rates.compute(dup, CATALOG, ["G.2"], year_column="jahr")


def test_column_mapping_and_ids_as_text():
    counts = pd.DataFrame({"QID": [101, 102, " 0103 "], "EW": [1000, 1000, 1000], "SGB2 u65": [10, 20, 30],
                           "EW u65": [100, 200, 300]})
    result = rates.compute(counts, CATALOG, ["A.1"], id_column="QID",
                           mapping={"sgb2_u65": "SGB2 u65", "pop_u65": "EW u65", "pop_total": "EW"})
    assert list(result.quartiers.index) == ["101", "102", "0103"]
    assert list(result.quartiers["A1"]) == [10.0, 10.0, 10.0]
    with pytest.raises(IndicatorError, match="'SGB II' .*'sgb2_u65'"):
        rates.compute(counts, CATALOG, ["A.1"], id_column="QID", mapping={"sgb2_u65": "SGB II"})


def test_missing_columns_duplicate_and_empty_ids_are_clear_errors():
    counts = three_quartiers()
    with pytest.raises(IndicatorError, match=r"A\.4: .*numerator column 'gsi_alter'"):
        rates.compute(counts, CATALOG, ["A.4"])
    with pytest.raises(IndicatorError, match="'pop_total'"):
        rates.compute(counts.drop(columns="pop_total"), CATALOG, ["A.1"])
    no_pop = rates.compute(counts.drop(columns="pop_total"), CATALOG, ["A.1"], min_population=0)
    assert list(no_pop.quartiers["A1_flag"]) == ["ok", "ok", "ok"]
    with pytest.raises(IndicatorError, match="Duplicate quartier id.*q2"):
        rates.compute(counts.assign(quartier_id=["q1", "q2", "q2"]), CATALOG, ["A.1"])
    with pytest.raises(IndicatorError, match="Empty .*row\\(s\\) 2"):
        rates.compute(counts.assign(quartier_id=["q1", None, "q3"]), CATALOG, ["A.1"])
    with pytest.raises(IndicatorError, match="Unknown indicator"):
        rates.compute(counts, CATALOG, ["Z.9"])
    with pytest.raises(IndicatorError, match="'kennung'"):
        rates.compute(counts, CATALOG, ["A.1"], id_column="kennung")


def test_bad_cells_are_flagged_never_silently_used():
    counts = pd.DataFrame({
        "quartier_id": ["ok", "ka", "empty", "comma", "neg", "over", "text", "zero", "grouped"],
        "pop_total": [1000] * 9,
        "sgb2_u65": [50, "k.A.", "", "3,5", -4, 120, "viele", 0, "1.234"],
        "pop_u65": [500, 500, 500, 500, 500, 100, 500, 0, "2.000"],
    })
    result = rates.compute(counts, CATALOG, ["A.1"])
    q = result.quartiers
    assert dict(q["A1_flag"]) == {"ok": "ok", "ka": "no_data", "empty": "no_data", "comma": "invalid",
                                  "neg": "invalid", "over": "invalid", "text": "invalid", "zero": "zero_denominator",
                                  "grouped": "ok"}
    bad = ["ka", "empty", "comma", "neg", "over", "text"]
    assert q.loc[bad, ["A1", "A1_num", "A1_den", "A1_lo", "A1_hi", "A1_z"]].isna().all().all()
    assert np.isnan(q.loc["zero", "A1"]) and q.loc["zero", "A1_num"] == 0
    assert q.loc["grouped", "A1"] == pytest.approx(100 * 1234 / 2000)
    # totals use only quartiers with valid data: 50 + 0 + 1234 of 500 + 0 + 2000
    assert result.county.loc["county", "A1_num"] == 1284 and result.county.loc["county", "A1_den"] == 2500
    text = "\n".join(map(str, result.messages))
    assert "'3,5'" in text and "decimal comma" in text and "comma" in text
    assert "neg" in text and "negative" in text
    assert "over (120 > 100)" in text
    assert "leave out the quartiers without valid data: A.1: 6 quartiers" in text
    assert "grouped ('1.234' = 1234)" in text


def test_numerator_above_denominator_is_fine_for_a_ratio():
    counts = pd.DataFrame({"quartier_id": ["a", "b"], "pop_total": [1000, 1000], "pop_65plus": [300, 100],
                           "pop_u15": [100, 200]})
    result = rates.compute(counts, CATALOG, ["D.1"])
    assert list(result.quartiers["D1"]) == [300.0, 50.0]
    assert list(result.quartiers["D1_flag"]) == ["ok", "ok"]


def test_population_rule_uses_pop_total_not_the_denominator():
    counts = pd.DataFrame({"quartier_id": ["big", "small", "big2"], "pop_total": [2000, 299, 5000],
                           "seu_delayed": [12, 40, 9], "seu_examined": [20, 100, 30]})
    result = rates.compute(counts, CATALOG, ["B.1"], decimals=None)
    flags = dict(result.quartiers["B1_flag"])
    assert flags["big"] == "ok"  # 20 examined children are enough: pop_total counts
    assert flags["small"] == "suppressed"
    assert flags["big2"] == "suppressed"  # else 61 - 12 - 9 would give the small quartier's 40
    assert result.quartiers.loc["big", "B1"] == 60.0


def test_age_standardised_g2_from_band_columns():
    from quartiersmonitor.indicators.standardise import U65_BANDS

    row = {"quartier_id": "q1", "pop_total": 20000, "deaths_u65": 11, "pop_u65": 13000}
    for band in U65_BANDS:
        row["deaths_" + band] = 0
        row["pop_" + band] = 1000
    row["deaths_0"] = 1
    row["pop_0"] = 100
    row["deaths_60_64"] = 10
    other = dict(row, quartier_id="q2")
    result = rates.compute(pd.DataFrame([row, other]), CATALOG, ["G.2"], decimals=None)
    # by hand: (1000 * 1/100 + 6000 * 10/1000) / 80500 * 100000 = 70 / 80500 * 1e5
    assert result.quartiers.loc["q1", "G2_std"] == pytest.approx(70 / 80500 * 1e5, rel=1e-12)
    assert result.county.loc["county", "G2_std"] == pytest.approx(70 / 80500 * 1e5, rel=1e-12)
    assert result.quartiers.loc["q1", "G2_std_lo"] < result.quartiers.loc["q1", "G2_std"]


def test_nullable_and_float_columns_with_missing_values():
    counts = pd.DataFrame({
        "quartier_id": ["a", "b", "c"], "pop_total": pd.array([1000, 1000, 1000], dtype="Int64"),
        "sgb2_u65": pd.array([10, None, 30], dtype="Int64"), "pop_u65": [100.0, 200.0, np.nan],
    })
    result = rates.compute(counts, CATALOG, ["A.1"], min_population=0)
    assert list(result.quartiers["A1_flag"]) == ["ok", "no_data", "no_data"]
    assert result.quartiers.loc["a", "A1"] == 10.0
    assert result.county.loc["county", "A1_num"] == 10  # only quartier a has both counts


def test_age_standardised_g2_with_pooled_years():
    from quartiersmonitor.indicators.standardise import U65_BANDS

    rows = []
    for year, infant_deaths, old_deaths in ((2022, 1, 4), (2023, 0, 6)):
        row = {"quartier_id": "q1", "jahr": year, "pop_total": 20000, "deaths_u65": infant_deaths + old_deaths,
               "pop_u65": 14000}
        for band in U65_BANDS:
            row["deaths_" + band] = 0
            row["pop_" + band] = 1000
        row["deaths_0"] = infant_deaths
        row["deaths_60_64"] = old_deaths
        rows.append(row)
    result = rates.compute(pd.DataFrame(rows), CATALOG, ["G.2"], year_column="jahr", decimals=None)
    # pooled: band 0 1 death / 2000, band 60-64 10 deaths / 2000 person-years
    expected = (1000 * 1 / 2000 + 6000 * 10 / 2000) / 80500 * 1e5
    assert result.quartiers.loc["q1", "G2_std"] == pytest.approx(expected, rel=1e-12)
    assert result.quartiers.loc["q1", "G2"] == pytest.approx(11 / 28000 * 1e5, rel=1e-12)


def test_bad_cell_in_one_year_flags_the_pooled_value():
    long = pd.DataFrame({"quartier_id": ["q1", "q1", "q2", "q2"], "jahr": [2022, 2023, 2022, 2023],
                         "pop_total": [1000, 1100, 1000, 1000], "deaths_u65": [2, "3,5", 4, 5],
                         "pop_u65": [800, 900, 800, 800]})
    result = rates.compute(long, CATALOG, ["G.2"], year_column="jahr", decimals=None)
    assert list(result.quartiers["G2_flag"]) == ["invalid", "ok"]
    assert np.isnan(result.quartiers.loc["q1", "G2"])
    assert "q1 ('3,5'" in "\n".join(map(str, result.messages))
    assert result.county.loc["county", "G2_num"] == 9  # q2 only
