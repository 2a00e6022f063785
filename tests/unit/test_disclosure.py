"""The disclosure audit and secondary suppression against an integer-programming attacker (scipy's milp as the
oracle): on random counties with indicators sharing columns, small counts and small quartiers, no hidden small
count can be narrowed below the protection rule, and the audit's certified intervals lie inside the oracle's."""

import math

import numpy as np
import pandas as pd
import pytest
from disclosure_oracle import Attacker, publication_from_result, random_county, truth_values
from disclosure_oracle import targets as oracle_targets

from quartiersmonitor.indicators import rates
from quartiersmonitor.indicators.catalog import load_catalog
from quartiersmonitor.indicators.disclosure import COUNT, POPULATION

pytest.importorskip("scipy.optimize", minversion=None)
CATALOG = load_catalog()
SHARED = ["A.1", "G.2", "D.1", "A.4", "A.2", "B.1", "G.1", "G.3"]
MIN_COUNT = 3
MIN_POPULATION = 300


def targets(result, counts, ids):
    return oracle_targets(result.quartiers, counts, ids, CATALOG, MIN_COUNT, MIN_POPULATION)


def run(counts, ids=SHARED, **kwargs):
    return rates.compute(counts, CATALOG, ids, municipality_column="gemeinde", min_count=MIN_COUNT,
                         min_population=MIN_POPULATION, **kwargs)


def attack(counts, result, ids=SHARED, exact=True):
    pub = publication_from_result(result, CATALOG, counts, municipality_column="gemeinde", exact=exact,
                                  min_population=MIN_POPULATION)
    attacker = Attacker(pub)
    columns = attacker.columns
    assert attacker.feasible(truth_values(counts, columns)), "the true table must satisfy the attacker's model"
    return attacker


def check_county(counts, ids=SHARED, exact=True):
    result = run(counts, ids)
    assert result.audit.passed, result.audit.result.failures
    attacker = attack(counts, result, ids, exact)
    failures = []
    for keys, required, what in targets(result, counts, ids):
        lo, hi = attacker.interval(keys)
        if hi - lo < required:
            failures.append((what, lo, hi))
    assert failures == []
    return result, attacker


@pytest.mark.parametrize("block", range(4))
def test_adversary_on_random_counties(block):
    """The integer-programming attacker with the exact municipality and county sums (more than the layer shows)
    narrows no small count below MIN_COUNT + 1 values and determines no count of a small quartier (the same 200
    counties through real calculateindicators runs, with the layer's rounded values: tests/qgis/
    test_confidentiality.py)."""
    for seed in range(block * 15, block * 15 + 15):
        check_county(random_county(seed))


@pytest.mark.parametrize("seed", range(12))
def test_audit_intervals_lie_inside_the_oracles(seed):
    counts = random_county(500 + seed)
    result = run(counts)
    attacker = attack(counts, result)
    ids = list(result.quartiers.index)
    audit = result.audit.result
    for item, (lo, hi) in zip(audit.items, audit.intervals):
        if item.quartier >= 0:
            keys = [(ids[item.quartier], item.column)]
        else:
            f = CATALOG[SHARED[item.indicator]].field
            counted = [x for x in ids if result.quartiers.loc[x, f + "_flag"] in ("ok", "suppressed",
                                                                                   "zero_denominator")]
            if not item.county:
                counted = [x for x in counted if counts.set_index("quartier_id").loc[x, "gemeinde"] == item.group]
            keys = [(x, item.column) for x in counted]
        o_lo, o_hi = attacker.interval(keys)
        assert o_lo <= lo + 1e-9 and min(hi, 1e6) <= o_hi + 1e-9, (item, (lo, hi), (o_lo, o_hi))


@pytest.mark.parametrize("seed", range(12))
def test_audit_equals_the_oracle_for_a_single_rate(seed):
    """D.1 alone (a rate: no share bound, no population column among the unknowns): the certified interval of
    every audited count is exactly the attacker's."""
    counts = random_county(900 + seed, invalid=False)
    result = run(counts, ["D.1"])
    attacker = attack(counts, result, ["D.1"])
    ids = list(result.quartiers.index)
    for item, (lo, hi) in zip(result.audit.result.items, result.audit.result.intervals):
        if item.quartier >= 0:
            assert attacker.interval([(ids[item.quartier], item.column)]) == (lo, min(hi, 1e6))


@pytest.mark.slow
def test_demo_county_all_17_indicators():
    """The demo county (158 quartiers, 17 indicators): the attacker with the exact sums gets no small count."""
    from quartiersmonitor.resources.demo.generate import generate

    data = generate(seed=42, scale=1.0)
    counts = data.counts[max(data.counts)].copy()
    counts["quartier_id"] = counts["quartier_id"].astype(str)
    counts = counts.rename(columns={"municipality": "gemeinde"})
    result, _ = check_county(counts, list(CATALOG.ids()))
    assert result.audit.seconds < 2.0


# -- the attacks of issue 10, one by one ---------------------------------------------------------------------------
def county(rows, columns):
    return pd.DataFrame(rows, columns=["quartier_id", "gemeinde"] + columns)


def test_flags_no_longer_tell_small_from_secondary_cells():
    """A pair of hidden counts summing to 2 in a municipality whose pop_u65 is published by G.2: the flags were
    suppressed_count / suppressed_secondary; now every hidden cell says 'suppressed' and a third cell joins."""
    counts = county([
        ("q1", "A", 1000, 800, 1, 12), ("q2", "A", 1000, 800, 1, 9), ("q3", "A", 1000, 800, 30, 11),
        ("q4", "A", 1000, 800, 40, 15), ("q5", "B", 1000, 800, 50, 13), ("q6", "B", 1000, 800, 60, 14),
    ], ["pop_total", "pop_u65", "sgb2_u65", "deaths_u65"])
    result = run(counts, ["A.1", "G.2"])
    flags = set(result.quartiers["A1_flag"]) | set(result.quartiers["G2_flag"])
    assert flags <= {"ok", "suppressed"}
    assert (result.quartiers["A1_flag"] == "suppressed").sum() >= 3
    attacker = attack(counts, result, ["A.1", "G.2"], exact=True)
    for x in ("q1", "q2"):
        lo, hi = attacker.interval([(x, "sgb2_u65")])
        assert hi - lo >= MIN_COUNT


def test_a_hidden_cell_publishes_no_rate_and_published_rates_are_rounded():
    counts = county([("q1", "A", 1000, 97, 14), ("q2", "A", 1000, 800, 2), ("q3", "A", 1000, 700, 9),
                     ("q4", "A", 1000, 650, 33)], ["pop_total", "pop_u65", "sgb2_u65"])
    result = rates.compute(counts, CATALOG, ["A.1"], municipality_column="gemeinde", decimals=1)
    q = result.quartiers
    hidden = q["A1_flag"] == "suppressed"
    for suffix in ("", "_num", "_den", "_lo", "_hi", "_z", "_sig"):
        assert q.loc[hidden, "A1" + suffix].isna().all()
    shown = q.loc[~hidden, ["A1", "A1_lo", "A1_hi"]].to_numpy(dtype=float)
    assert np.allclose(shown, np.round(shown, 1))
    assert q.loc["q1", "A1"] == 14.4  # 14/97 = 14.43…: a rounded rate no longer pins the fraction
    m = result.municipalities.loc["A", "A1"]
    assert m == round(m, 1)
    two = rates.compute(counts, CATALOG, ["A.1"], municipality_column="gemeinde", decimals=2)
    assert two.quartiers.loc["q1", "A1"] == 14.43


def test_shared_column_with_a_quartier_invalid_for_one_indicator():
    """pop_65plus is D.1's numerator and A.4's denominator; q1 is invalid for A.4 only, so the two indicators'
    totals of pop_65plus differ by exactly q1's hidden count unless a total is hidden too."""
    counts = county([
        ("q1", "A", 1000, 2, 80, "x"), ("q2", "A", 1000, 100, 150, 10), ("q3", "A", 1000, 120, 150, 12),
        ("q4", "A", 1000, 200, 150, 20), ("q5", "B", 1000, 90, 150, 8), ("q6", "B", 1000, 80, 150, 7),
    ], ["pop_total", "pop_65plus", "pop_u15", "gsi_alter"])
    result, attacker = check_county(counts, ["D.1", "A.4"])
    lo, hi = attacker.interval([("q1", "pop_65plus")])
    assert hi - lo >= MIN_COUNT


def test_county_minus_published_municipalities():
    """A municipality with one quartier of 2 cases: its total is a small count too; county minus the other
    municipalities must not give it."""
    counts = county([
        ("q1", "A", 1000, 800, 2), ("q2", "B", 1000, 800, 30), ("q3", "B", 1000, 800, 40),
        ("q4", "C", 1000, 800, 5), ("q5", "C", 1000, 800, 7),
    ], ["pop_total", "pop_u65", "sgb2_u65"])
    result, attacker = check_county(counts, ["A.1"])
    assert result.municipalities.loc["A", "A1_flag"] == "suppressed"
    lo, hi = attacker.interval([("q1", "sgb2_u65")])
    assert hi - lo >= MIN_COUNT


def test_pair_summing_to_four_in_school_entry_cells():
    """B.1 / G.1 share seu_examined; two hidden counts 2 + 2 with a published total were solved exactly."""
    counts = county([
        ("q1", "A", 1000, 20, 2, 2), ("q2", "A", 1000, 25, 2, 5), ("q3", "A", 1000, 30, 9, 6),
        ("q4", "A", 1000, 28, 12, 8), ("q5", "B", 1000, 40, 10, 9), ("q6", "B", 1000, 35, 11, 7),
    ], ["pop_total", "seu_examined", "seu_delayed", "seu_overweight"])
    check_county(counts, ["B.1", "G.1"])


def test_reasons_are_only_counted():
    counts = random_county(7)
    result = run(counts)
    flags = set()
    for ident in SHARED:
        flags |= set(result.quartiers[CATALOG[ident].field + "_flag"])
    assert not any(f.startswith("suppressed_") for f in flags)
    audit = result.audit
    assert audit.small_count_cells + audit.small_population_cells == audit.primary_cells
    assert any(m.startswith("Confidentiality audit:") for m in result.messages)
    assert audit.narrowest is None or audit.narrowest >= MIN_COUNT
    assert {it.reason for it in audit.result.items} <= {COUNT, POPULATION}
    assert math.isfinite(audit.seconds)


def test_attention_index_never_uses_a_hidden_value():
    from quartiersmonitor.indicators.output_rows import number_frame, published_only

    table = pd.DataFrame({"A1": [10.0, 20.0, 30.0], "A1_z": [-1.0, 0.0, 1.0],
                          "A1_flag": ["ok", "suppressed", "suppressed_count"], "X": [1.0, 2.0, 3.0]},
                         index=["q1", "q2", "q3"])
    frame = published_only(number_frame(table, ["A1", "A1_z", "X"]), table, ["A1", "A1_z", "X"])
    assert frame.loc["q1", "A1"] == 10.0 and frame.loc["q1", "A1_z"] == -1.0
    assert frame.loc[["q2", "q3"], ["A1", "A1_z"]].isna().all().all()
    assert list(frame["X"]) == [1.0, 2.0, 3.0]
