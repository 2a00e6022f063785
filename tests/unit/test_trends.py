"""indicators.trends: the trend tests against hand computations, scipy.stats and statsmodels (test venv), the
categories, red-red and the confidentiality rule of the window."""

import math

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats

from quartiersmonitor.indicators import trends


def test_cochran_armitage_by_hand():
    # r = 10, 15, 20 of 100 each, x = 0, 1, 2: N = 300, p = 0.15, xbar = 1, T = -10 + 20 = 10,
    # Var = 0.15 * 0.85 * (100 * 5 - 300 * 1) = 25.5, chi2 = 100 / 25.5
    statistic, p_value, sign = trends.cochran_armitage([10, 15, 20], [100, 100, 100])
    assert statistic == pytest.approx(100 / 25.5, rel=1e-12)
    assert p_value == pytest.approx(stats.chi2.sf(100 / 25.5, 1), rel=1e-12)
    assert p_value == pytest.approx(0.04767, abs=1e-5) and sign == 1


@pytest.mark.parametrize("r, n, x", [
    ([12, 9, 7, 4, 3], [210, 190, 205, 180, 200], [2019, 2020, 2021, 2022, 2023]),
    ([40, 44, 39, 51, 60], [400, 410, 395, 420, 430], None),
    ([3, 5, 4], [30, 31, 29], [0, 1, 3]),
])
def test_cochran_armitage_is_n_times_squared_correlation(r, n, x):
    """Independent form: the trend statistic equals N r^2, r the Pearson correlation of the score and the 0/1
    outcome over the individual records (Armitage 1955)."""
    xs = np.arange(len(r), dtype=float) if x is None else np.asarray(x, dtype=float)
    scores = np.concatenate([np.full(ni, xi) for ni, xi in zip(n, xs)])
    outcome = np.concatenate([np.r_[np.ones(ri), np.zeros(ni - ri)] for ri, ni in zip(r, n)])
    corr = np.corrcoef(scores, outcome)[0, 1]
    want = len(scores) * corr ** 2
    statistic, p_value, sign = trends.cochran_armitage(r, n, x)
    assert statistic == pytest.approx(want, rel=1e-9)
    assert p_value == pytest.approx(stats.chi2.sf(want, 1), rel=1e-9)
    assert sign == int(np.sign(corr))


def test_cochran_armitage_undefined():
    assert trends.cochran_armitage([0, 0, 0], [10, 20, 30]) is None
    assert trends.cochran_armitage([10, 20, 30], [10, 20, 30]) is None
    assert trends.cochran_armitage([1, 2], [0, 0]) is None


@pytest.mark.parametrize("y, n, x", [
    ([30, 35, 41, 50, 52], [10000, 10100, 10050, 10200, 10300], [2019, 2020, 2021, 2022, 2023]),
    ([5, 3, 4, 2, 1], [800, 820, 790, 805, 810], None),
    ([12, 0, 7], [500.5, 480.0, 510.25], [0, 1, 2]),
])
def test_poisson_trend_equals_statsmodels(y, n, x):
    xs = np.arange(len(y), dtype=float) if x is None else np.asarray(x, dtype=float)
    offset = np.log(np.asarray(n, dtype=float))
    full = sm.GLM(np.asarray(y, dtype=float), sm.add_constant(xs), family=sm.families.Poisson(),
                  offset=offset).fit()
    null = sm.GLM(np.asarray(y, dtype=float), np.ones((len(y), 1)), family=sm.families.Poisson(),
                  offset=offset).fit()
    lr = 2 * (full.llf - null.llf)
    slope, statistic, p_value, sign = trends.poisson_trend(y, n, x)
    assert slope == pytest.approx(full.params[1], rel=1e-8, abs=1e-12)
    assert statistic == pytest.approx(lr, rel=1e-8, abs=1e-10)
    assert p_value == pytest.approx(stats.chi2.sf(lr, 1), rel=1e-8)
    assert sign == int(np.sign(full.params[1]))


def test_poisson_trend_by_hand_two_years():
    # two years, equal denominators: slope = log(y1 / y0); LR = 2 [y0 log(y0/m) + y1 log(y1/m)], m = mean
    slope, statistic, _p, sign = trends.poisson_trend([10, 40], [1000, 1000])
    m = 25.0
    assert slope == pytest.approx(math.log(4.0))
    assert statistic == pytest.approx(2 * (10 * math.log(10 / m) + 40 * math.log(40 / m)))
    assert sign == 1


def test_poisson_trend_with_every_event_in_one_year_has_a_finite_test():
    slope, statistic, p_value, sign = trends.poisson_trend([9, 0, 0, 0, 0], [100] * 5)
    assert sign == -1 and slope < -3 and p_value < 0.001 and math.isfinite(statistic)
    assert trends.poisson_trend([0, 0, 0], [100, 100, 100]) is None


def test_categories_and_red_red():
    assert trends.category(0.01, 1) == "increasing" and trends.category(0.01, -1) == "decreasing"
    assert trends.category(0.05, 1) == "no significant change"  # significant means p < 0.05
    assert trends.category(None, 0) == "cannot be calculated"
    assert trends.red_red("increasing", 1.0, 1) == "yes"
    assert trends.red_red("decreasing", -1.0, -1) == "yes"  # less of a good thing, and worse than the county
    assert trends.red_red("increasing", -1.0, -1) == "no"
    assert trends.red_red("increasing", 0.0, 1) == "no"
    assert trends.red_red("decreasing", 1.0, 1) == "no"
    assert trends.red_red("increasing", 1.0, 0) is None
    assert trends.red_red("cannot be calculated", 1.0, 1) is None
    assert trends.red_red("increasing", float("nan"), 1) is None


def test_quartier_trends_publish_nothing_from_a_hidden_year():
    years = [2019, 2020, 2021]
    num = np.array([[10, 15, 20], [10, 15, np.nan], [0, 0, 0]], dtype=float)
    den = np.array([[100, 100, 100], [100, 100, np.nan], [50, 50, 50]], dtype=float)
    values = num / den * 100
    published = np.array([[True, True, True], [True, True, False], [True, True, True]])
    out = trends.quartier_trends("share", 1, years, num, den, values, published, np.array([1.0, 1.0, 0.0]))
    assert out["trend"][0] == "increasing" and out["p"][0] == pytest.approx(stats.chi2.sf(100 / 25.5, 1))
    assert out["change"][0] == pytest.approx(10.0) and out["redred"][0] == "yes"
    assert out["trend"][1] == "cannot be calculated"
    assert out["p"][1] is None and out["change"][1] is None and out["redred"][1] is None
    # a share of 0 % in every year: the test is undefined, the change (0) is published
    assert out["trend"][2] == "cannot be calculated" and out["p"][2] is None and out["change"][2] == 0.0
    assert out["redred"][2] is None


def test_window_of_years():
    assert trends.window(["2019", "2021", "2020", "2018", "2022", "2023"], 5) == ["2019", "2020", "2021", "2022",
                                                                                 "2023"]
    assert trends.window([2020, 2021, 2022], 5) == [2020, 2021, 2022]
    with pytest.raises(ValueError):
        trends.window([2020, 2021, 2021], 5)
    assert trends.year_scores(["2020", "2021"]) == [2020.0, 2021.0]
    assert trends.year_scores(["2020a", "b"]) == [0.0, 1.0]


# -- confidentiality: an attacker with the per-year publications and the trend output --------------------------
YEARS = [2020, 2021, 2022, 2023]
TREND_IDS = ["A.1", "G.2", "G.3"]  # a share, a rate, a share whose denominator (pop_total) is always published


def yearly_counts(seed):
    from disclosure_oracle import random_county

    base = random_county(seed, invalid=False)
    rng = np.random.default_rng(seed + 1000)
    years = {}
    for year in YEARS:
        frame = base.copy()
        for column, cap in (("sgb2_u65", "pop_u65"), ("severely_disabled", "pop_total"), ("deaths_u65", None)):
            values = np.maximum(base[column].to_numpy() + rng.integers(-2, 3, len(base)), 0)
            frame[column] = np.minimum(values, base[cap].to_numpy()) if cap else values
        years[year] = frame
    return years


def run_years(years, catalog):
    from quartiersmonitor.indicators import rates

    return {year: rates.compute(frame, catalog, TREND_IDS, municipality_column="gemeinde", min_count=3,
                                 min_population=300) for year, frame in years.items()}


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_trends_give_an_attacker_nothing_beyond_the_per_year_layers(seed):
    """The attacker (integer programming, tests/disclosure_oracle.py) knows every year's publication and the trend
    fields. A trend field constrains the counts of the years it is computed from; every quartier with any trend
    field beyond "cannot be calculated" has its cell published in every year, so those counts are already fixed
    by the per-year publication and the trend adds no constraint on a hidden count: each year's attacker
    intervals are the whole story, and they stay at least MIN_COUNT + 1 values wide."""
    from disclosure_oracle import Attacker, publication_from_result, targets, truth_values

    from quartiersmonitor.indicators.catalog import load_catalog

    catalog = load_catalog()
    years = yearly_counts(seed)
    results = run_years(years, catalog)
    frames = [results[y].quartiers for y in YEARS]
    qids = list(frames[0].index)
    hidden_somewhere = 0
    for ident in TREND_IDS:
        ind = catalog[ident]
        out = trends.from_results(frames, YEARS, ind, qids)
        for i, qid in enumerate(qids):
            flags = [frame.loc[qid, ind.field + "_flag"] for frame in frames]
            if all(flag == "ok" for flag in flags):
                continue
            hidden_somewhere += "suppressed" in flags
            assert out["trend"][i] == "cannot be calculated", (ident, qid, flags)
            assert out["p"][i] is None and out["change"][i] is None and out["redred"][i] is None
        # the output does not move when the hidden cells of the per-year frames hold their true values
        exact = []
        for y in YEARS:
            frame = frames[YEARS.index(y)].copy()
            truth = years[y].set_index("quartier_id")
            hidden = frame[ind.field + "_flag"] != "ok"
            for column, source in ((ind.field + "_num", ind.numerator), (ind.field + "_den", ind.denominator)):
                frame.loc[hidden, column] = truth.loc[frame.index[hidden], source].astype(float).to_numpy()
            exact.append(frame)
        assert trends.from_results(exact, YEARS, ind, qids) == out
    assert hidden_somewhere >= 3
    for y in YEARS:
        counts = years[y]
        result = results[y]
        attacker = Attacker(publication_from_result(result, catalog, counts, municipality_column="gemeinde",
                                                    min_population=300))
        assert attacker.feasible(truth_values(counts, attacker.columns))
        for keys, required, what in targets(result.quartiers, counts, TREND_IDS, catalog):
            low, high = attacker.interval(keys)
            assert high - low >= required, (y, what, low, high)


def test_a_change_over_a_hidden_year_would_give_the_count_away():
    """Why the rule: G.3's denominator (pop_total) is published for every quartier; where the last year's count
    is hidden and the first year's published, a change computed from the exact values (what the rule forbids)
    plus the published first value gives the hidden count exactly."""
    from quartiersmonitor.indicators.catalog import load_catalog

    catalog = load_catalog()
    ind = catalog["G.3"]
    found = 0
    for seed in range(40):
        years = yearly_counts(seed)
        results = run_years(years, catalog)
        first, last = results[YEARS[0]].quartiers, results[YEARS[-1]].quartiers
        for qid in first.index:
            if not (first.loc[qid, "G3_flag"] == "ok" and last.loc[qid, "G3_flag"] == "suppressed"):
                continue
            truth = years[YEARS[-1]].set_index("quartier_id").loc[qid]
            population = float(last.loc[qid, "pop_total"])  # published for every quartier
            if population <= 0 or population > 2000:
                continue
            naive_change = round(100.0 * truth["severely_disabled"] / truth["pop_total"] - first.loc[qid, "G3"], 1)
            derived = (first.loc[qid, "G3"] + naive_change) / 100.0 * population
            candidates = [k for k in range(0, 3) if round(100.0 * k / population - first.loc[qid, "G3"], 1)
                          == naive_change]
            assert round(derived) == truth["severely_disabled"] and len(candidates) == 1
            out = trends.from_results([results[y].quartiers for y in YEARS], YEARS, ind, [qid])
            assert out["change"] == [None] and out["trend"] == ["cannot be calculated"]
            found += 1
        if found >= 3:
            break
    assert found >= 1


def test_missing_years_names_the_quartiers_without_a_row():
    pairs = [("01", "2021"), ("01", "2022"), ("01", "2023"), ("02", "2021"), ("02", "2023"), ("03", "2020")]
    got = trends.missing_years(pairs, ["2021", "2022", "2023"], ["01", "02", "03"])
    assert got == {"02": ["2022"], "03": ["2021", "2022", "2023"]}
