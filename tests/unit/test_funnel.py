"""indicators.funnel: exact control limits against scipy.stats (the oracle of the test venv), classes by hand."""

import math

import numpy as np
import pytest
from scipy import stats
from scipy.stats.mstats import winsorize

from quartiersmonitor.indicators import funnel


def oracle_limits(distribution, probabilities=funnel.PROBABILITIES):
    """Spiegelhalter's interpolated limits from scipy: r_p = ppf(p), alpha = (cdf(r_p) - p) / pmf(r_p)."""
    out = []
    for p in probabilities:
        r = distribution.ppf(p)
        alpha = (distribution.cdf(r) - p) / distribution.pmf(r)
        out.append(r - alpha)
    return np.array(out)


@pytest.mark.parametrize("n, theta", [(10, 0.3), (57, 0.12), (400, 0.05), (2500, 0.5), (30000, 0.013), (3, 0.9)])
def test_binomial_limits_equal_scipy(n, theta):
    got = funnel.count_limits("share", n, theta)
    assert got == pytest.approx(oracle_limits(stats.binom(n, theta)), abs=1e-6)


@pytest.mark.parametrize("n, theta", [(100, 0.01), (2000, 0.004), (1e5, 0.0007), (350.5, 0.2), (10, 0.05)])
def test_poisson_limits_equal_scipy(n, theta):
    got = funnel.count_limits("rate", n, theta)
    assert got == pytest.approx(oracle_limits(stats.poisson(n * theta)), abs=1e-6)


def test_limits_by_hand_for_a_tiny_binomial():
    # Binomial(2, 0.5): P(0) = 0.25, P(<=1) = 0.75, P(<=2) = 1
    # p = 0.025: r = 0, alpha = (0.25 - 0.025) / 0.25 = 0.9 -> -0.9; p = 0.975: r = 2, alpha = 0.025/0.25 = 0.1
    low998, low95, high95, high998 = funnel.count_limits("share", 2, 0.5)
    assert low95 == pytest.approx(-0.9) and high95 == pytest.approx(1.9)
    assert low998 == pytest.approx(-(0.25 - 0.001) / 0.25) and high998 == pytest.approx(2 - 0.001 / 0.25)


def test_classes_beyond_the_limits():
    # n = 400, theta = 0.05: mean 20; the 95 % and 99.8 % limits from scipy decide the expected class
    limits = oracle_limits(stats.binom(400, 0.05))
    counts = np.arange(0, 60)
    expected = []
    for y in counts:
        if y > limits[3]:
            expected.append("above 99.8 %")
        elif y > limits[2]:
            expected.append("above 95 %")
        elif y < limits[0]:
            expected.append("below 99.8 %")
        elif y < limits[1]:
            expected.append("below 95 %")
        else:
            expected.append("within")
    got = funnel.classify("share", counts, np.full(len(counts), 400.0), 0.05)
    assert got == expected
    assert {"above 99.8 %", "above 95 %", "within", "below 95 %", "below 99.8 %"} == set(got)
    assert got[20] == "within" and got[0] == "below 99.8 %" and got[59] == "above 99.8 %"


def test_missing_inputs_have_no_class():
    got = funnel.classify("rate", [3.0, np.nan, 2.0, 5.0], [100.0, 100.0, 0.0, np.nan], 0.02)
    assert got[1:] == [None, None, None] and got[0] == "within"
    assert funnel.classify("share", [3.0], [10.0], float("nan")) == [None]
    assert funnel.classify("share", [0.0, 0.0], [10.0, 50.0], 0.0) == ["within", "within"]


def test_overdispersion_equals_winsorised_mean_of_squares():
    n = np.array([100, 120, 80, 150, 90, 200, 110, 60, 130, 170, 140], dtype=float)
    y = np.array([10, 30, 2, 12, 20, 5, 11, 15, 40, 17, 9], dtype=float)
    theta = y.sum() / n.sum()
    z = (y / n - theta) / np.sqrt(theta * (1 - theta) / n)
    want = float(np.mean(np.asarray(winsorize(z, limits=(0.1, 0.1))) ** 2))
    assert funnel.overdispersion("share", y, n, theta) == pytest.approx(want, rel=1e-12)
    assert want > 1  # these counts are overdispersed
    # rates: V = theta
    zr = (y / n - theta) / np.sqrt(theta / n)
    want_r = float(np.mean(np.asarray(winsorize(zr, limits=(0.1, 0.1))) ** 2))
    assert funnel.overdispersion("rate", y, n, theta) == pytest.approx(want_r, rel=1e-12)


def test_overdispersion_widens_limits_by_the_square_root_of_phi():
    n, theta, phi = 400.0, 0.05, 4.0
    limits = oracle_limits(stats.binom(400, 0.05))
    centre = n * theta
    widened = centre + 2.0 * (limits - centre)
    y = math.floor(limits[2]) + 1  # above the plain 95 % limit
    assert funnel.classify("share", [y], [n], theta)[0] in ("above 95 %", "above 99.8 %")
    expected = "within" if y <= widened[2] else "above 95 %"
    assert funnel.classify("share", [y], [n], theta, phi=phi)[0] == expected == "within"
    assert funnel.classify("share", [y], [n], theta, phi=0.5) == funnel.classify("share", [y], [n], theta)


def test_bad_arguments():
    with pytest.raises(ValueError):
        funnel.count_limits("share", 0, 0.5)
    with pytest.raises(ValueError):
        funnel.count_limits("mean", 10, 0.5)
    with pytest.raises(ValueError):
        funnel.count_limits("share", 10, 1.5)


def _engine(rows, overdispersion=False):
    import pandas as pd

    from quartiersmonitor.indicators import rates
    from quartiersmonitor.indicators.catalog import load_catalog

    frame = pd.DataFrame(rows, columns=["quartier_id", "pop_total", "pop_u65", "sgb2_u65"])
    return rates.compute(frame, load_catalog(), ["A.1"], min_count=3, min_population=300,
                         funnel_overdispersion=overdispersion).quartiers


def test_engine_classes_published_cells_only_against_the_county():
    rows = [("Q{}".format(i), 1000, 800, count) for i, count in enumerate([40, 80, 120, 60, 2, 75, 90])]
    rows.append(("Q7", 250, 200, 30))  # too few residents: hidden
    q = _engine(rows)
    county = sum(r[3] for r in rows) / sum(r[2] for r in rows)  # every valid quartier, hidden ones included
    for qid, _pop, den, count in rows:
        if q.loc[qid, "A1_flag"] == "ok":
            limits = oracle_limits(stats.binom(den, county))
            want = ("above 99.8 %" if count > limits[3] else "above 95 %" if count > limits[2] else
                    "below 99.8 %" if count < limits[0] else "below 95 %" if count < limits[1] else "within")
            assert q.loc[qid, "A1_funnel"] == want, qid
        else:
            assert q.loc[qid, "A1_funnel"] is None, qid
    assert q.loc["Q4", "A1_funnel"] is None and q.loc["Q7", "A1_funnel"] is None
    assert q.loc["Q0", "A1_funnel"] == "below 99.8 %" and q.loc["Q2", "A1_funnel"] == "above 99.8 %"


def test_engine_gives_no_class_against_a_hidden_county():
    q = _engine([("Q0", 1000, 800, 0), ("Q1", 1000, 800, 0), ("Q2", 1000, 800, 2)])
    assert list(q["A1_funnel"]) == [None, None, None]


def _engine_result(rows, overdispersion=False):
    import pandas as pd

    from quartiersmonitor.indicators import rates
    from quartiersmonitor.indicators.catalog import load_catalog

    frame = pd.DataFrame(rows, columns=["quartier_id", "pop_total", "pop_u65", "sgb2_u65"])
    return rates.compute(frame, load_catalog(), ["A.1"], min_count=3, min_population=300,
                         funnel_overdispersion=overdispersion)


@pytest.mark.parametrize("overdispersion", [False, True])
def test_engine_gives_the_comparisons_parameters(overdispersion):
    # the dock's funnel plot draws its limits from these: the county's totals and phi from the published cells
    rows = [("Q{}".format(i), 1000, 800, count) for i, count in enumerate([40, 80, 120, 60, 2, 75, 90])]
    rows.append(("Q7", 250, 200, 30))  # hidden (residents), counted in the county
    result = _engine_result(rows, overdispersion)
    parameters = result.funnel["A.1"]
    assert parameters["kind"] == "share"
    assert parameters["theta"] == pytest.approx(sum(r[3] for r in rows) / sum(r[2] for r in rows), rel=1e-15)
    if overdispersion:
        theta = parameters["theta"]
        published = [r for r in rows if result.quartiers.loc[r[0], "A1_flag"] == "ok"]
        y = np.array([r[3] for r in published], dtype=float)
        n = np.array([r[2] for r in published], dtype=float)
        z = (y / n - theta) / np.sqrt(theta * (1 - theta) / n)
        assert parameters["phi"] == pytest.approx(np.mean(np.asarray(winsorize(z, limits=(0.1, 0.1))) ** 2)
                                                  if len(z) >= 10 else np.mean(np.clip(
                                                      z, *np.percentile(z, [10, 90])) ** 2), rel=1e-12)
        assert parameters["phi"] > 1  # these quartiers differ far more than chance
    else:
        assert parameters["phi"] == 1.0


def test_engine_gives_no_parameters_against_a_hidden_county():
    result = _engine_result([("Q0", 1000, 800, 0), ("Q1", 1000, 800, 0), ("Q2", 1000, 800, 2)])
    assert "A.1" not in result.funnel
