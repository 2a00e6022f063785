"""Suppression: hand-checked cases and an adversary that tries every subtraction from the published totals (and,
independently, every linear combination) without recovering a suppressed count."""

import numpy as np
import pandas as pd
import pytest

from quartiersmonitor.indicators import rates
from quartiersmonitor.indicators.catalog import load_catalog

CATALOG = load_catalog()


def table(rows):
    """rows: (quartier, municipality, pop_total, sgb2_u65, pop_u65)"""
    return pd.DataFrame(rows, columns=["quartier_id", "gemeinde", "pop_total", "sgb2_u65", "pop_u65"])


def flags(result, field="A1"):
    return dict(result.quartiers[field + "_flag"])


def test_one_primary_in_a_municipality_hides_the_next_smallest():
    counts = table([
        ("q1", "A", 1000, 2, 800), ("q2", "A", 1000, 5, 800), ("q3", "A", 1000, 9, 800), ("q4", "A", 1000, 20, 800),
        ("q5", "B", 1000, 50, 800), ("q6", "B", 1000, 60, 800),
    ])
    result = rates.compute(counts, CATALOG, ["A.1"], municipality_column="gemeinde")
    assert flags(result) == {"q1": "suppressed", "q2": "suppressed", "q3": "ok", "q4": "ok",
                             "q5": "ok", "q6": "ok"}
    assert list(result.municipalities["A1_flag"]) == ["ok", "ok"]
    assert result.municipalities.loc["A", "A1_num"] == 36  # 2 + 5 + 9 + 20: totals include suppressed quartiers
    assert np.isnan(result.quartiers.loc["q2", "A1_num"]) and np.isnan(result.quartiers.loc["q2", "A1_den"])
    assert np.isnan(result.quartiers.loc["q1", "A1"]) and np.isnan(result.quartiers.loc["q1", "A1_lo"])


def test_hidden_municipality_total_gets_a_partner_at_county_level():
    counts = table([
        ("q1", "A", 200, 10, 150),  # municipality A has 200 residents: its total is suppressed too
        ("q2", "B", 1000, 30, 800), ("q3", "B", 1000, 40, 800),
        ("q4", "C", 1000, 5, 800), ("q5", "C", 1000, 7, 800),
    ])
    result = rates.compute(counts, CATALOG, ["A.1"], municipality_column="gemeinde")
    assert flags(result) == {"q1": "suppressed", "q2": "ok", "q3": "ok", "q4": "suppressed",
                             "q5": "ok"}
    assert dict(result.municipalities["A1_flag"]) == {"A": "suppressed", "B": "ok",
                                                      "C": "suppressed"}
    assert result.county.loc["county", "A1_num"] == 92
    assert result.county.loc["county", "A1_flag"] == "ok"


def test_without_municipalities_the_county_total_protects_a_single_suppressed_quartier():
    counts = table([("q1", "A", 1000, 1, 800), ("q2", "A", 1000, 12, 800), ("q3", "A", 1000, 4, 800)])
    result = rates.compute(counts, CATALOG, ["A.1"])
    assert flags(result) == {"q1": "suppressed", "q2": "ok", "q3": "suppressed"}
    assert result.county.loc["county", "A1_num"] == 17


def test_column_hidden_as_one_numerator_is_not_published_as_another_denominator():
    # D.1 = pop_65plus / pop_u15: quartier q1 has 2 residents aged 65+ -> suppressed; A.4 = gsi_alter / pop_65plus
    counts = pd.DataFrame({
        "quartier_id": ["q1", "q2", "q3", "q4"], "gemeinde": ["A", "A", "A", "A"],
        "pop_total": [500, 900, 900, 900], "pop_65plus": [2, 100, 120, 200], "pop_u15": [80, 150, 150, 150],
        "gsi_alter": [0, 10, 12, 20],
    })
    result = rates.compute(counts, CATALOG, ["D.1", "A.4"], municipality_column="gemeinde")
    q = result.quartiers
    assert q.loc["q1", "D1_flag"] == "suppressed"
    assert np.isnan(q.loc["q1", "A4_den"]) and q.loc["q1", "A4_flag"] == "suppressed"
    published_65 = set(q["D1_num"].dropna()) | set(q["A4_den"].dropna())
    assert 2 not in published_65
    # and the county/municipality totals still let nobody compute it: 2 cells hidden per indicator
    assert (q["A4_flag"] != "ok").sum() >= 2 and (q["D1_flag"] != "ok").sum() >= 2


def random_counts(seed):
    rng = np.random.default_rng(seed)
    rows = []
    n_mun = int(rng.integers(1, 6))
    for m in range(n_mun):
        for j in range(int(rng.integers(1, 7))):
            num = int(rng.choice([0, 1, 2, 2, 3, 5, 8, 15, 40]))
            den = num + int(rng.integers(50, 500))
            pop = int(rng.choice([150, 250, 400, 1000, 3000]))
            rows.append(("m{}q{}".format(m, j), "M{}".format(m), pop, num, den))
    return table(rows)


def attack_by_subtraction(truth_q, muni, published_q, published_m, published_c):
    """Every subtraction: repeatedly solve any published sum with exactly one unknown part (or unknown total)."""
    known_q = {q: v for q, v in published_q.items() if not np.isnan(v)}
    known_m = {m: v for m, v in published_m.items() if not np.isnan(v)}
    known_c = None if np.isnan(published_c) else published_c
    members = {}
    for q, m in muni.items():
        members.setdefault(m, []).append(q)
    changed = True
    while changed:
        changed = False
        for m, qs in members.items():
            unknown = [q for q in qs if q not in known_q]
            if m in known_m and len(unknown) == 1:
                known_q[unknown[0]] = known_m[m] - sum(known_q[q] for q in qs if q in known_q)
                changed = True
            elif m not in known_m and not unknown:
                known_m[m] = sum(known_q[q] for q in qs)
                changed = True
        unknown_m = [m for m in members if m not in known_m]
        if known_c is not None and len(unknown_m) == 1:
            known_m[unknown_m[0]] = known_c - sum(known_m[m] for m in members if m in known_m)
            changed = True
        # county minus every published quartier (across municipalities)
        unknown_q = [q for q in muni if q not in known_q]
        if known_c is not None and len(unknown_q) == 1:
            known_q[unknown_q[0]] = known_c - sum(known_q.values())
            changed = True
    return known_q, known_m


def determined_by_linear_algebra(muni, published_q, published_m, published_c):
    """Hidden quartier cells whose value is fixed by the published sums (any linear combination)."""
    hidden_q = [q for q, v in published_q.items() if np.isnan(v)]
    hidden_m = [m for m, v in published_m.items() if np.isnan(v)]
    unknowns = hidden_q + ["M:" + m for m in hidden_m] + (["C"] if np.isnan(published_c) else [])
    col = {u: i for i, u in enumerate(unknowns)}
    rows = []
    for m in published_m:
        row = np.zeros(len(unknowns))
        if "M:" + m in col:
            row[col["M:" + m]] = -1
        for q, mm in muni.items():
            if mm == m and q in col:
                row[col[q]] = 1
        rows.append(row)
    row = np.zeros(len(unknowns))
    if "C" in col:
        row[col["C"]] = -1
    for m in published_m:
        if "M:" + m in col:
            row[col["M:" + m]] = 1
    rows.append(row)
    a = np.array(rows) if rows else np.zeros((0, len(unknowns)))
    rank = np.linalg.matrix_rank(a) if a.size else 0
    out = []
    for q in hidden_q:
        e = np.zeros(len(unknowns))
        e[col[q]] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            out.append(q)
    return out


@pytest.mark.parametrize("with_municipalities", [True, False])
@pytest.mark.parametrize("seed", range(60))
def test_adversary_recovers_no_suppressed_count(seed, with_municipalities):
    counts = random_counts(seed)
    if not with_municipalities:
        counts["gemeinde"] = "ALL"
    result = rates.compute(counts, CATALOG, ["A.1"], municipality_column="gemeinde")
    q = result.quartiers
    truth = dict(zip(counts["quartier_id"], counts["sgb2_u65"].astype(float)))
    muni = dict(zip(counts["quartier_id"], counts["gemeinde"]))
    published_q = dict(q["A1_num"])
    published_m = dict(result.municipalities["A1_num"])
    published_c = float(result.county["A1_num"].iloc[0])
    # numerators and denominators are hidden together; what is published is the truth
    assert (q["A1_num"].isna() == q["A1_den"].isna()).all()
    for quartier, value in published_q.items():
        if not np.isnan(value):
            assert value == truth[quartier]
            assert not (1 <= value <= 2)
    primary = q.index[q["A1_flag"] == "suppressed"]  # one flag for every hidden cell
    for quartier in q.index:
        pop = counts.set_index("quartier_id").loc[quartier, "pop_total"]
        if pop < 300 or 1 <= truth[quartier] <= 2:
            assert quartier in primary
    known_q, known_m = attack_by_subtraction(truth, muni, published_q, published_m, published_c)
    recovered = [x for x in q.index if np.isnan(published_q[x]) and x in known_q]
    assert recovered == []
    # a suppressed municipality total (primary) is not recovered either
    mflags = result.municipalities["A1_flag"]
    by_m = counts.groupby("gemeinde")[["sgb2_u65", "pop_total"]].sum()
    primary_m = [m for m in mflags.index if 1 <= by_m.loc[m, "sgb2_u65"] <= 2 or by_m.loc[m, "pop_total"] < 300]
    for m in primary_m:
        assert mflags[m] == "suppressed"
        assert m not in known_m
    assert determined_by_linear_algebra(muni, published_q, published_m, published_c) == []


@pytest.mark.parametrize("seed", range(40))
def test_adversary_combining_indicators_that_share_a_column(seed):
    """pop_65plus is D.1's numerator and A.4's denominator: everything published about it, from both indicators,
    must not reveal a suppressed pop_65plus count."""
    rng = np.random.default_rng(1000 + seed)
    rows = []
    for m in range(int(rng.integers(1, 5))):
        for j in range(int(rng.integers(1, 6))):
            old = int(rng.choice([0, 1, 2, 5, 30, 100, 250]))
            gsi = min(old, int(rng.choice([0, 1, 2, 3, 10])))
            rows.append(("m{}q{}".format(m, j), "M{}".format(m), int(rng.choice([200, 500, 2000])), old,
                         int(rng.integers(50, 500)), gsi))
    counts = pd.DataFrame(rows, columns=["quartier_id", "gemeinde", "pop_total", "pop_65plus", "pop_u15", "gsi_alter"])
    result = rates.compute(counts, CATALOG, ["D.1", "A.4"], municipality_column="gemeinde")
    q, mun, county = result.quartiers, result.municipalities, result.county
    muni = dict(zip(counts["quartier_id"], counts["gemeinde"]))

    def merged(a, b):
        return {k: (a[k] if not np.isnan(a[k]) else b[k]) for k in a}

    published_q = merged(dict(q["D1_num"]), dict(q["A4_den"]))
    published_m = merged(dict(mun["D1_num"]), dict(mun["A4_den"]))
    published_c = merged({"c": float(county["D1_num"].iloc[0])}, {"c": float(county["A4_den"].iloc[0])})["c"]
    truth = dict(zip(counts["quartier_id"], counts["pop_65plus"].astype(float)))
    known_q, _ = attack_by_subtraction(truth, muni, published_q, published_m, published_c)
    truth_q = counts.set_index("quartier_id")
    sensitive = [x for x in q.index if 1 <= truth_q.loc[x, "pop_65plus"] <= 2 or truth_q.loc[x, "pop_total"] < 300]
    assert all(q.loc[x, "D1_flag"] == "suppressed" for x in sensitive)
    assert [x for x in sensitive if x in known_q] == []
    for x, v in known_q.items():
        assert v == truth[x]  # the attack is sound: what it derives is right
    leaked = determined_by_linear_algebra(muni, published_q, published_m, published_c)
    assert [x for x in sensitive if x in leaked] == []
