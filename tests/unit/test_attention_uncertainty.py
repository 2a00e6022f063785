"""Status certainty by simulation, drivers and base-year z-scores (issue 16 part 3): hand computations and an exact
binomial oracle."""

import math

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.indicators.attention import attention_index, composite, status_class
from quartiersmonitor.indicators.attention_uncertainty import (
    BaseTableError,
    certainty_class,
    drivers,
    parse_base,
    status_certainty,
)

T = (-1.0, 1.0, 1.5)


def _one_field(values, num, den, poisson=False, seed=7, draws=1000, mask=None):
    values = np.asarray(values, dtype=float)[:, None]
    mask = np.ones(len(values), dtype=bool) if mask is None else np.asarray(mask)
    return status_certainty(values, np.asarray(num, dtype=float)[:, None], np.asarray(den, dtype=float)[:, None],
                            [poisson], mask, np.array([1.0]), np.array([1.0]), T, draws=draws, seed=seed)


def test_far_from_every_threshold_is_certain():
    # shares of 1,000,000 residents: the sampling sd of a share (< 0.05 points) is nothing beside the spacing
    shares = np.array([10.0, 10.0, 10.0, 10.0, 30.0, 30.0, 30.0, 50.0, 50.0, 90.0])
    den = np.full(10, 1e6)
    num = shares / 100 * den
    cert = _one_field(shares, num, den)
    assert cert.tolist() == [1.0] * 10
    cert = _one_field(shares, num, den, poisson=True)
    assert cert.tolist() == [1.0] * 10


def test_cells_without_counts_are_fixed_and_hidden_quartiers_never_drawn():
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    nan = [np.nan] * 5
    assert _one_field(values, nan, nan).tolist() == [1.0] * 5
    # quartier 5 left out (hidden value): NaN, and its counts (still present) change nothing for the others
    values = [10.0, 20.0, 30.0, 40.0, np.nan]
    num = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    den = np.full(5, 10.0)
    mask = [True, True, True, True, False]
    with_counts = _one_field(values, num, den, mask=mask)
    without = _one_field(values, np.append(num[:4], np.nan), den, mask=mask)
    assert np.isnan(with_counts[4]) and np.isnan(without[4])
    np.testing.assert_array_equal(with_counts[:4], without[:4])


def _hand_class(x, others):
    """Class of the first of (x, *others) by the population z-score (one field: the index is its z-score)."""
    v = np.array([x] + list(others), dtype=float)
    z = (v[0] - v.mean()) / math.sqrt(((v - v.mean()) ** 2).mean())
    return 1 if z < -1 else 2 if z <= 1 else 3 if z <= 1.5 else 4


def test_certainty_equals_the_exact_binomial_probability():
    # only quartier 0 has counts (12 of 40 = 30 %); the others are fixed; its class under every possible count k is
    # computed by hand and weighted with the binomial pmf: the simulated share must be within 4 sd of it
    others = [10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0]
    n, k0 = 40, 12
    observed = _hand_class(100.0 * k0 / n, others)
    p = k0 / n
    exact = sum(math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1)
                if _hand_class(100.0 * k / n, others) == observed)
    assert 0.2 < exact < 0.999  # a quartier near a threshold: the test means something
    values = [100.0 * k0 / n] + others
    num = [k0] + [np.nan] * 7
    den = [n] + [np.nan] * 7
    cert = _one_field(values, num, den, draws=4000, seed=11)
    sd = math.sqrt(exact * (1 - exact) / 4000)
    assert abs(cert[0] - exact) < 4 * sd


def test_poisson_equals_the_exact_probability():
    others = [10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0]
    k0, d = 9, 30.0
    observed = _hand_class(100.0 * k0 / d, others)
    exact = sum(math.exp(-k0) * k0 ** k / math.factorial(k) for k in range(80)
                if _hand_class(100.0 * k / d, others) == observed)
    assert 0.2 < exact < 0.999
    cert = _one_field([100.0 * k0 / d] + others, [k0] + [np.nan] * 7, [d] + [np.nan] * 7, poisson=True,
                      draws=4000, seed=3)
    assert abs(cert[0] - exact) < 4 * math.sqrt(exact * (1 - exact) / 4000)


def test_same_seed_same_values_other_seed_close():
    rng = np.random.default_rng(0)
    den = rng.integers(20, 200, size=30).astype(float)
    num = np.floor(den * rng.uniform(0.05, 0.5, size=30))
    values = 100 * num / den
    a = _one_field(values, num, den, seed=5)
    b = _one_field(values, num, den, seed=5)
    c = _one_field(values, num, den, seed=6)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.max(np.abs(a - c)) < 0.1  # 1,000 draws: sd of a share <= 0.016, of a difference <= 0.023
    assert (a < 1).any()  # some quartiers are uncertain


def test_certainty_classes():
    assert [certainty_class(x) for x in (1.0, 0.9, 0.89, 0.6, 0.59, 0.0)] == [
        "sure", "sure", "likely", "likely", "uncertain", "uncertain"]
    assert certainty_class(float("nan")) is None


def test_drivers_by_hand():
    # weights 1, 2, 1; oriented z of three quartiers
    z = np.array([[1.0, 0.5, 2.0],     # contributions 1, 1, 2: C then A (tie A/B: first in field order)
                  [-1.0, -0.1, 0.3],   # index < 0: the negative ones: A (-1) then B (-0.2)
                  [0.5, -1.0, -1.0],   # index >= 0 but only A pushes up: A alone
                  [0.0, 0.0, 0.0]])
    index = np.array([1.2, -0.8, 0.1, np.nan])
    assert drivers(z, [1.0, 2.0, 1.0], index, ["A.1", "B.2", "C.3"]) == ["C.3, A.1", "A.1, B.2", "A.1", None]
    assert drivers(z, [1.0, 2.0, 1.0], index, ["A.1", "B.2", "C.3"], top=1)[0] == "C.3"


def test_base_year_z_scores_by_hand():
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0]}, index=["a", "b", "c"])
    # z = (x - 2) / 0.5 = -2, 0, 2; the weighted sum restandardised this year: / sqrt(8/3)
    out = attention_index(frame, ["x"], base={"x": (2.0, 0.5)})
    expected = np.array([-2.0, 0.0, 2.0]) / math.sqrt(8 / 3)
    np.testing.assert_allclose(out["status_index"].to_numpy(), expected)
    # with the base year's statistics of the weighted sum too (mean 0, sd 2): -1, 0, 1 → classes 2, 2, 2
    out = attention_index(frame, ["x"], base={"x": (2.0, 0.5), "status_index": (0.0, 2.0)})
    np.testing.assert_allclose(out["status_index"].to_numpy(), [-1.0, 0.0, 1.0])
    assert out["status_class"].tolist() == [2.0, 2.0, 2.0]
    # two fields, one reversed: z_x = (x - 1) / 1, z_y = -(y - 10) / 5
    frame["y"] = [20.0, 10.0, 0.0]
    index, z = composite(frame[["x", "y"]].to_numpy(), np.ones(3, dtype=bool), np.array([1.0, -1.0]),
                         np.array([1.0, 1.0]), [(1.0, 1.0), (10.0, 5.0)], (0.0, 1.0))
    np.testing.assert_allclose(z, [[0.0, -2.0], [1.0, 0.0], [2.0, 2.0]])
    np.testing.assert_allclose(index, [-2.0, 1.0, 4.0])
    assert status_class(index, T).tolist() == [1.0, 2.0, 4.0]
    with pytest.raises(ValueError, match="lack field"):
        attention_index(frame, ["x", "y"], base={"x": (2.0, 0.5)})
    with pytest.raises(ValueError, match="sd must be > 0"):
        attention_index(frame, ["x"], base={"x": (2.0, 0.0)})
    # without a base the engine is unchanged: this year's mean and sd
    plain = attention_index(frame, ["x"])
    np.testing.assert_allclose(plain["status_index"].to_numpy(), [-math.sqrt(1.5), 0.0, math.sqrt(1.5)])


def test_base_draws_use_the_base_statistics():
    # with a base the draws are standardised by it: a quartier far above the base mean stays class 4 in every draw
    values = np.array([[10.0], [50.0], [90.0]])
    den = np.full((3, 1), 1e6)
    cert = status_certainty(values, values / 100 * den, den, [False], np.ones(3, dtype=bool), np.array([1.0]),
                            np.array([1.0]), T, base=[(50.0, 20.0)], index_base=(0.0, 1.0), draws=200, seed=1)
    assert cert.tolist() == [1.0, 1.0, 1.0]


def test_parse_base():
    table = pd.DataFrame({"Field": ["A1", "a2", "status_index", "other"], "MEAN": ["10,5", 3, 0, "x"],
                          "sd": [2.0, "1.5", 1.2, "y"]})
    assert parse_base(table, ["A1", "A2"]) == {"A1": (10.5, 2.0), "A2": (3.0, 1.5), "status_index": (0.0, 1.2)}
    with pytest.raises(BaseTableError) as info:
        parse_base(table, ["A1", "B1"])
    assert info.value.key == "missing_fields" and "B1" in str(info.value)
    with pytest.raises(BaseTableError) as info:
        parse_base(table.rename(columns={"sd": "std"}), ["A1"])
    assert info.value.key == "missing_columns" and "sd" in str(info.value)
    bad_sd = pd.DataFrame({"field": ["A1"], "mean": [1.0], "sd": [0.0]})
    with pytest.raises(BaseTableError) as info:
        parse_base(bad_sd, ["A1"])
    assert info.value.key == "sd_not_positive"
    text = pd.DataFrame({"field": ["A1"], "mean": ["ten"], "sd": [1.0]})
    with pytest.raises(BaseTableError) as info:
        parse_base(text, ["A1"])
    assert info.value.key == "not_numeric" and "ten" in str(info.value)
    twice = pd.DataFrame({"field": ["A1", "a1"], "mean": [1.0, 2.0], "sd": [1.0, 1.0]})
    with pytest.raises(BaseTableError) as info:
        parse_base(twice, ["A1"])
    assert info.value.key == "duplicate"
