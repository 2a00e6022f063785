"""Classification: breaks equal to mapclassify's on real data shipped with mapclassify, exact Fisher-Jenks against
brute force, edge cases, legend labels."""

import itertools
import os
import time
import warnings

import numpy as np
import pytest

from quartiersmonitor.indicators import classify

mapclassify = pytest.importorskip("mapclassify")


def calemp():
    """Employment density of California's 58 counties, the CSV shipped inside mapclassify (read directly)."""
    import csv

    path = os.path.join(os.path.dirname(mapclassify.__file__), "datasets", "calemp", "calempdensity.csv")
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("emp/sq km")
    values = np.array([float(r[column]) for r in rows[1:]])
    assert len(values) == 58
    return values


@pytest.mark.parametrize("k", [3, 4, 5, 6, 7])
def test_breaks_equal_mapclassify_on_calemp(k):
    y = calemp()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed"
        fj = mapclassify.FisherJenks(y, k=k).bins
    np.testing.assert_allclose(classify.breaks(y, "jenks", k), fj, rtol=1e-12)
    np.testing.assert_allclose(classify.breaks(y, "quantile", k), mapclassify.Quantiles(y, k=k).bins, rtol=1e-12)
    np.testing.assert_allclose(classify.breaks(y, "equal_interval", k), mapclassify.EqualInterval(y, k=k).bins,
                               rtol=1e-12)


def test_std_dev_equals_mapclassify_stdmean():
    y = calemp()
    np.testing.assert_allclose(classify.breaks(y, "std_dev", 5), mapclassify.StdMean(y).bins, rtol=1e-12)
    np.testing.assert_allclose(classify.breaks(y, "std_dev", 4),
                               mapclassify.StdMean(y, multiples=[-1, 0, 1]).bins, rtol=1e-12)


def test_nan_and_suppressed_values_are_excluded():
    y = calemp()
    with_nan = np.concatenate([[np.nan], y[:20], [np.nan, np.inf], y[20:]])
    for method in ("jenks", "quantile", "equal_interval", "std_dev", "pretty"):
        assert classify.breaks(with_nan, method, 5) == classify.breaks(y, method, 5)
    np.testing.assert_allclose(classify.breaks(with_nan, "jenks", 5), mapclassify.FisherJenks(y, k=5).bins)


def brute_force_jenks_cost(x, k):
    x = np.sort(x)
    best = np.inf
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        bounds = (0,) + cuts + (len(x),)
        cost = sum(((x[a:b] - x[a:b].mean()) ** 2).sum() for a, b in zip(bounds[:-1], bounds[1:]))
        best = min(best, cost)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_jenks_is_the_exact_optimum(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 13))
    k = int(rng.integers(2, 5))
    x = np.round(rng.gamma(1.5, 10, size=n), 1) if seed % 2 else rng.integers(0, 6, size=n).astype(float)
    if len(np.unique(x)) <= k:
        x = x + np.arange(n) * 0.01
    ends = classify.jenks_partition(np.sort(x), k)
    assert len(ends) == k and ends[-1] == n
    assert classify.gvf_cost(x, ends) == pytest.approx(brute_force_jenks_cost(x, k), rel=1e-9, abs=1e-9)


def test_jenks_is_fast_for_ten_thousand_values():
    x = np.random.default_rng(7).lognormal(2, 1, size=10000)
    start = time.perf_counter()
    bounds = classify.breaks(x, "jenks", 7)
    elapsed = time.perf_counter() - start
    assert len(bounds) == 7 and bounds[-1] == x.max()
    assert elapsed < 1.0
    x158 = x[:158]
    start = time.perf_counter()
    classify.breaks(x158, "jenks", 5)
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("method", classify.METHODS)
def test_edge_cases(method):
    assert classify.breaks([], method, 5) == []
    assert classify.breaks([np.nan, np.nan], method, 5) == []
    # fewer distinct values than classes: one class per distinct value, no repeated bounds
    assert classify.breaks([3.0, 1.0, 3.0, 2.0, np.nan], method, 5) == [1.0, 2.0, 3.0]
    assert classify.breaks([4.2] * 6, method, 5) == [4.2]
    # exactly k distinct values
    assert classify.breaks([5, 1, 2, 3, 4, 5], method, 5) == [1.0, 2.0, 3.0, 4.0, 5.0]
    with pytest.raises(ValueError):
        classify.breaks([1, 2, 3], method, 0)


def test_unknown_method():
    with pytest.raises(ValueError, match="unknown classification method"):
        classify.breaks([1, 2, 3], "natural", 3)


def test_pretty_breaks_are_round_and_cover_the_range():
    assert classify.breaks([0.3, 5, 12.0, 23, 31, 47.5], "pretty", 5) == [10.0, 20.0, 30.0, 40.0, 50.0]
    assert classify.breaks([2.1, 2.5, 2.9, 3.3, 3.9, 4.4, 4.8], "pretty", 5) == [2.5, 3.0, 3.5, 4.0, 4.5, 5.0]


def test_class_of_matches_mapclassify_convention():
    y = calemp()
    b = classify.breaks(y, "jenks", 5)
    expected = mapclassify.FisherJenks(y, k=5).yb + 1
    np.testing.assert_array_equal(classify.class_of(y, b), expected)
    np.testing.assert_array_equal(classify.class_of([np.nan, 1.0, 2.0, 2.5, 99.0], [1.0, 2.0, 3.0]),
                                  [0, 1, 2, 3, 3])


def test_number_format_and_labels():
    assert classify.format_number(1234567.891, "de", 2) == "1.234.567,89"
    assert classify.format_number(1234567.891, "en", 2) == "1,234,567.89"
    assert classify.format_number(-0.04, "de", 1) == "0,0"
    assert classify.format_number(float("nan"), "de") == "\u2013"
    assert classify.format_number(12.5, "de", 0) == "12" or classify.format_number(12.5, "de", 0) == "13"
    assert classify.labels(0.13, [12.5, 17.0, 1234.5], "de", 1) == [
        "0,1 \u2013 12,5", "12,5 \u2013 17,0", "17,0 \u2013 1.234,5"]
    assert classify.labels(0.13, [12.5, 1234.5], "en", 1) == ["0.1 \u2013 12.5", "12.5 \u2013 1,234.5"]


@pytest.mark.parametrize("seed", range(5))
def test_jenks_equals_mapclassify_with_many_ties(seed):
    y = np.round(np.random.default_rng(seed).gamma(2, 5, size=80))  # whole numbers: many equal values
    for k in (3, 5, 6):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = mapclassify.FisherJenks(y, k=k).bins
        np.testing.assert_allclose(classify.breaks(y, "jenks", k), expected)
