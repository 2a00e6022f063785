"""Direct age standardisation (ESP 2013) and Dobson intervals against hand computation; exact Poisson limits and
count parsing."""

import math

import numpy as np
import pytest

from quartiersmonitor.indicators import ci, parse
from quartiersmonitor.indicators.standardise import ESP2013, U65_BANDS, age_standardised_rate

# Exact Poisson 95 % limits for 11 events from the published tables (chi2 quantiles 10.982/2 and 39.364/2): 5.491, 19.68
D_LO_11, D_HI_11 = 5.491, 19.682


def test_esp2013_weights_as_in_indicators_md():
    assert sum(ESP2013.values()) == 100000
    assert ESP2013["0"] == 1000 and ESP2013["1_4"] == 4000 and ESP2013["95plus"] == 200
    assert [ESP2013[b] for b in ("35_39", "40_44", "45_49", "50_54")] == [7000] * 4
    assert U65_BANDS[0] == "0" and U65_BANDS[-1] == "60_64" and len(U65_BANDS) == 14
    assert sum(ESP2013[b] for b in U65_BANDS) == 80500


def test_direct_standardisation_by_hand():
    deaths = [0] * 14
    pops = [1000] * 14
    deaths[0], pops[0] = 1, 100  # band 0: 1 death of 100 infants
    deaths[-1] = 10  # band 60-64: 10 deaths of 1,000
    rate, lo, hi = age_standardised_rate(deaths, pops)
    # (1000 * 0.01 + 6000 * 0.01) / 80500 * 100000
    assert rate == pytest.approx(70 / 80500 * 1e5, rel=1e-12)
    # Dobson: var = ((1000/100)^2 * 1 + (6000/1000)^2 * 10) / 80500^2, D = 11
    scale = math.sqrt((100 + 360) / 80500 ** 2 / 11)
    assert lo == pytest.approx((70 / 80500 + scale * (D_LO_11 - 11)) * 1e5, rel=1e-3)
    assert hi == pytest.approx((70 / 80500 + scale * (D_HI_11 - 11)) * 1e5, rel=1e-3)


def test_dict_input_and_pooled_years_give_the_same():
    year1 = {b: 0 for b in U65_BANDS}
    year2 = dict(year1)
    year1["60_64"], year2["60_64"] = 4, 6
    year1["0"] = 1
    pop = {b: 500 for b in U65_BANDS}
    pooled_d = {b: year1[b] + year2[b] for b in U65_BANDS}
    pooled_p = {b: 2 * pop[b] for b in U65_BANDS}
    rate, _, _ = age_standardised_rate(pooled_d, pooled_p)
    # (1000 * 1/1000 + 6000 * 10/1000) / 80500 * 1e5
    assert rate == pytest.approx(61 / 80500 * 1e5, rel=1e-12)


def test_zero_deaths_and_bad_bands():
    rate, lo, hi = age_standardised_rate([0] * 14, [1000] * 14)
    assert rate == 0 and lo == 0
    # all 3.689 hypothetical deaths in the band with the largest weight per person (7000 / 1000)
    assert hi == pytest.approx(-math.log(0.025) * 7 / 80500 * 1e5, rel=1e-9)
    rate, lo, hi = age_standardised_rate([1] + [0] * 13, [0] + [1000] * 13)
    assert math.isnan(rate) and math.isnan(lo) and math.isnan(hi)


def test_exact_poisson_limits_against_tables_and_scipy():
    lo, hi = ci.poisson_limits(np.array([0, 1, 11, np.nan]))
    assert lo[0] == 0 and hi[0] == pytest.approx(3.6889, abs=1e-4)
    assert lo[1] == pytest.approx(0.0253, abs=1e-4) and hi[1] == pytest.approx(5.5716, abs=1e-4)
    assert lo[2] == pytest.approx(D_LO_11, abs=1e-3) and hi[2] == pytest.approx(D_HI_11, abs=1e-3)
    assert np.isnan(lo[3]) and np.isnan(hi[3])
    stats = pytest.importorskip("scipy.stats")
    x = np.array([2, 5, 30, 250, 4000, 120000], dtype=float)
    lo, hi = ci.poisson_limits(x)
    np.testing.assert_allclose(lo, stats.chi2.ppf(0.025, 2 * x) / 2, rtol=1e-10)
    np.testing.assert_allclose(hi, stats.chi2.ppf(0.975, 2 * x + 2) / 2, rtol=1e-10)


@pytest.mark.parametrize("cell, value, status", [
    (12, 12.0, "ok"), (12.0, 12.0, "ok"), ("12", 12.0, "ok"), (" 7 ", 7.0, "ok"), ("1.234", 1234.0, "ok"),
    ("k.A.", None, "no_data"), ("", None, "no_data"), (None, None, "no_data"), (float("nan"), None, "no_data"),
    ("-", None, "no_data"), ("3,5", None, "invalid"), ("3.5", None, "invalid"), (3.5, None, "invalid"),
    (-2, None, "invalid"), ("-2", None, "invalid"), ("viele", None, "invalid"), (True, None, "invalid"),
    (float("inf"), None, "invalid"),
])
def test_parse_count(cell, value, status):
    got, got_status, _ = parse.parse_count(cell)
    assert got_status == status
    if value is None:
        assert math.isnan(got)
    else:
        assert got == value
