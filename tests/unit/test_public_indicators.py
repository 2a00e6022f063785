"""Public indicators beside confidential ones (issue 18.4), the published population (18.5) and the engine's
messages as keys (issue 13.8).

The integer-programming attacker (tests/disclosure_oracle.py, scipy's milp) sees every public cell exactly (W.1 with
``pop_total`` as denominator, shared with the confidential G.3; a public Kita count per 1,000 children over
``pop_u15``, shared with the confidential A.2) and the population of every quartier, and still narrows no hidden
confidential count below the rule; the public cells are shown with their small counts and in small quartiers."""

import ast
import math
import os

import numpy as np
import pandas as pd
import pytest
from disclosure_oracle import Attacker, publication_from_result, random_county, truth_values
from disclosure_oracle import targets as oracle_targets

from quartiersmonitor.indicators import engine_messages, parse, rates
from quartiersmonitor.indicators.catalog import (
    BUILTIN,
    CatalogError,
    catalog_from_entries,
    catalog_from_json,
    catalog_to_json,
    default_fields_present,
    load_catalog,
    need_fields,
)
from quartiersmonitor.indicators.counts_table import IndicatorError
from testpaths import REPO_ROOT

pytest.importorskip("scipy.optimize")
MIN_COUNT = 3
MIN_POPULATION = 300
KITA = {"id": "K.1", "name_en": "Kitas per 1,000 children", "domain": "education", "numerator": "kitas",
        "denominator": "pop_u15", "factor": 1000, "kind": "rate", "confidential": False}
CATALOG = catalog_from_entries([KITA])
CONFIDENTIAL = ["A.1", "G.2", "D.1", "A.4", "A.2", "B.1", "G.1", "G.3"]
PUBLIC = ["W.1", "K.1"]


def county_with_public_counts(seed):
    """random_county plus public counts: residents far from a grocery (often 1 or 2) and Kitas (0–4)."""
    counts = random_county(seed)
    rng = np.random.default_rng(10_000 + seed)
    counts["pop_far_grocery"] = [int(min(p, rng.choice([0, 1, 2, 2, 5, 40, p // 2]))) for p in counts["pop_total"]]
    counts["kitas"] = rng.choice([0, 1, 1, 2, 3, 4], size=len(counts))
    return counts


def run(counts, ids, catalog=CATALOG, **kwargs):
    return rates.compute(counts, catalog, ids, municipality_column="gemeinde", min_count=MIN_COUNT,
                         min_population=MIN_POPULATION, **kwargs)


# -- the catalog -----------------------------------------------------------------------------------------------------
def test_builtin_confidentiality_and_the_json_key():
    assert [ind.id for ind in BUILTIN if not ind.confidential] == ["W.1", "W.2"]
    assert load_catalog()["W.3"].confidential  # a user-defined count of residents: confidential by default
    entries = [{"id": "X.1", "name_de": "Apotheken", "domain": "health", "numerator": "apotheken",
                "denominator": "pop_total", "confidential": False},
               {"id": "X.2", "name_de": "Eigene Quote", "domain": "health", "numerator": "faelle",
                "denominator": "pop_total"},
               {"id": "W.1", "confidential": True}]
    catalog = catalog_from_entries(entries)
    assert (catalog["X.1"].confidential, catalog["X.2"].confidential, catalog["W.1"].confidential) == (
        False, True, True)
    # what a layer records (cartography/layer_record.py) comes back the same
    again = catalog_from_json(catalog_to_json(catalog, ["X.1", "X.2", "W.1", "W.2"]))
    assert [again[i].confidential for i in ("X.1", "X.2", "W.1", "W.2")] == [False, True, True, False]
    with pytest.raises(CatalogError, match="confidential must be true or false, got 'no'"):
        catalog_from_entries([{"id": "W.2", "confidential": "no"}])


def test_need_fields_and_the_default_left_alone():
    fields = need_fields(load_catalog())
    assert fields[:2] == ["A1", "A2"] and "D1" not in fields and "W3" in fields and len(fields) == 14
    assert default_fields_present(list(reversed(fields)), fields, ["qid", "a1", "G3", "A1_num"]) == ["a1", "G3"]
    assert default_fields_present(["A1", "G3"], fields, ["A1", "G3"]) is None  # chosen by the user: as given


# -- suppression and the audit ---------------------------------------------------------------------------------------
def ceiling(keys, q, truth, ids):
    """What public numbers fix anyway (the protection rule asks for no more): a count of a confidential share whose
    denominator is published (pop_total, or a column of a public indicator shown at that quartier) lies in
    [0, denominator]; for a total the sum, when every quartier of it is so bounded."""
    total = 0.0
    for x, column in keys:
        bound = math.inf
        for ident in ids:
            ind = CATALOG[ident]
            if not (ind.confidential and ind.kind == "share" and ind.numerator == column):
                continue
            if q.loc[x, ind.field + "_flag"] not in ("ok", "zero_denominator", "suppressed"):
                continue
            public = ind.denominator == "pop_total" or any(
                not CATALOG[j].confidential and ind.denominator in (CATALOG[j].numerator, CATALOG[j].denominator)
                and q.loc[x, CATALOG[j].field + "_flag"] in ("ok", "zero_denominator") for j in ids)
            if public:
                bound = min(bound, float(truth.loc[x, ind.denominator]))
        total += bound
    return total


def check_public_beside_confidential(seed):
    counts = county_with_public_counts(seed)
    ids = CONFIDENTIAL + PUBLIC
    result = run(counts, ids)
    assert result.audit.passed, result.audit.result.failures
    q = result.quartiers
    truth = counts.set_index("quartier_id")
    # public cells: every valid one shown exactly, small counts and small quartiers included, flag ok
    for ident in PUBLIC:
        ind = CATALOG[ident]
        f = ind.field
        for x in q.index:
            num, den = truth.loc[x, ind.numerator], truth.loc[x, ind.denominator]
            assert q.loc[x, f + "_flag"] == ("ok" if den > 0 else "zero_denominator"), (seed, f, x)
            assert q.loc[x, f + "_num"] == num and q.loc[x, f + "_den"] == den
        assert result.county.iloc[0][f + "_flag"] in ("ok", "zero_denominator")
        assert result.municipalities[f + "_flag"].isin(["ok", "zero_denominator"]).all()
    # the population of every quartier, small ones too
    assert dict(q["pop_total"]) == {x: float(v) for x, v in truth["pop_total"].items()}
    # the attacker with everything public, the population and the exact totals narrows no hidden count
    pub = publication_from_result(result, CATALOG, counts, municipality_column="gemeinde", exact=True,
                                  min_population=MIN_POPULATION)
    attacker = Attacker(pub)
    assert attacker.feasible(truth_values(counts, attacker.columns)), "the true table satisfies the model"
    failures = []
    for keys, required, what in oracle_targets(q, counts, ids, CATALOG, MIN_COUNT, MIN_POPULATION):
        required = min(required, ceiling(keys, q, truth, ids))
        lo, hi = attacker.interval(keys)
        if hi - lo < required:
            failures.append((what, lo, hi))
    assert failures == [], seed
    small_public = sum(int(((q[CATALOG[i].field + "_num"] >= 1) & (q[CATALOG[i].field + "_num"] < MIN_COUNT)).sum())
                       for i in PUBLIC)
    small_quartiers = int((truth["pop_total"] < MIN_POPULATION).sum())
    return small_public, small_quartiers


@pytest.mark.parametrize("block", range(3))
def test_hidden_confidential_counts_stay_protected_beside_public_ones(block):
    """20 random counties each: W.1 (denominator pop_total, shared with G.3) and a public Kita rate over pop_u15
    (shared with A.2) published in full, pop_total published for every quartier."""
    small_public = small_quartiers = 0
    for seed in range(block * 20, block * 20 + 20):
        a, b = check_public_beside_confidential(seed)
        small_public += a
        small_quartiers += b
    assert small_public > 20 and small_quartiers > 5  # the cases of the issue occur


def test_public_alone_is_published_in_full_even_in_a_small_quartier():
    counts = pd.DataFrame({"quartier_id": ["a", "b", "c"], "gemeinde": ["M", "M", "M"], "pop_total": [120, 900, 2000],
                           "pop_far_grocery": [2, 1, 0], "severely_disabled": [1, 2, 40]})
    result = run(counts, ["W.1", "G.3"], catalog=load_catalog())
    q = result.quartiers
    assert list(q["W1_flag"]) == ["ok", "ok", "ok"] and list(q["W1_num"]) == [2, 1, 0]
    assert list(q["W1"]) == [round(100 * 2 / 120, 1), round(100 * 1 / 900, 1), 0.0]
    assert list(q["G3_flag"]) == ["suppressed", "suppressed", "ok"]  # 120 residents; a count of 2 (and a partner)
    assert list(q["pop_total"]) == [120, 900, 2000]
    assert [m.key for m in result.messages if m.key == "public"] == ["public"]


def test_a_confidential_numerator_published_by_a_public_indicator_is_refused():
    own = catalog_from_entries([{"id": "X.1", "name_de": "Versorgungslücke", "domain": "housing",
                                 "numerator": "pop_far_grocery", "denominator": "pop_u65"},
                                {"id": "X.2", "name_de": "Einwohner", "domain": "demography",
                                 "numerator": "pop_total", "denominator": "hh_children", "kind": "rate"}])
    counts = pd.DataFrame({"quartier_id": ["a", "b"], "pop_total": [500, 900], "pop_far_grocery": [2, 1],
                           "pop_u65": [400, 700], "hh_children": [50, 80]})
    with pytest.raises(IndicatorError, match="X.1 is confidential.*'pop_far_grocery'.*W.1") as info:
        rates.compute(counts, own, ["X.1", "W.1"])
    assert info.value.key == "numerator_public" and info.value.params["indicator"] == "X.1"
    with pytest.raises(IndicatorError) as info:
        rates.compute(counts, own, ["X.2"])
    assert info.value.key == "numerator_population"
    assert rates.compute(counts, own, ["X.1"]).audit.passed  # alone it is an ordinary confidential indicator


def test_population_column_published_as_the_mean_of_pooled_years_and_absent_without_it():
    long = pd.DataFrame({"quartier_id": ["a", "a", "b", "b"], "jahr": [2023, 2024, 2023, 2024],
                         "pop_total": [1000, 1101, 250, 251], "pop_far_grocery": [10, 12, 1, 1]})
    result = rates.compute(long, load_catalog(), ["W.1"], year_column="jahr")
    assert list(result.quartiers["pop_total"]) == [1050.5, 250.5]
    assert list(result.quartiers["W1_num"]) == [22, 2]  # summed like every count; shown although 2 < 3
    no_pop = pd.DataFrame({"quartier_id": ["a"], "pop_u65": [100], "sgb2_u65": [10]})
    result = rates.compute(no_pop, load_catalog(), ["A.1"], min_population=0)
    assert "pop_total" not in result.quartiers.columns


# -- messages --------------------------------------------------------------------------------------------------------
def test_per_indicator_notes_come_as_one_summarised_message():
    counts = random_county(7)
    result = run(counts, CONFIDENTIAL, catalog=load_catalog())
    keys = [m.key for m in result.messages]
    assert keys.count("suppressed") == 1
    suppressed = next(m for m in result.messages if m.key == "suppressed")
    q = result.quartiers
    expected = [{"indicator": i, "n": int((q[load_catalog()[i].field + "_flag"] == "suppressed").sum())}
                for i in CONFIDENTIAL]
    assert suppressed.params["items"] == [item for item in expected if item["n"]]
    assert suppressed.level == engine_messages.INFO
    assert str(suppressed).startswith("Suppressed for confidentiality: A.1 in ")
    assert all(isinstance(m, engine_messages.Message) for m in result.messages)


def _dict_literal(function_name, path):
    """{key: text} of the dict of ``tr("…")`` literals returned by ``function_name`` in ``path``."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    function = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function_name)
    returned = next(n for n in ast.walk(function) if isinstance(n, ast.Return))
    out = {}
    for key, value in zip(returned.value.keys, returned.value.values):
        if isinstance(value, ast.Call):
            value = value.args[0]
        out[key.value] = ast.literal_eval(value)
    return out


def test_every_engine_key_has_one_translated_text_with_the_same_english_source():
    path = os.path.join(REPO_ROOT, "processing_provider", "algorithms", "calculate_indicators.py")
    assert _dict_literal("engine_texts", path) == engine_messages.ENGLISH
    assert _dict_literal("engine_item_texts", path) == engine_messages.ENGLISH_ITEMS
    tree = ast.parse(open(path, encoding="utf-8").read())
    function = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "parse_reasons")
    literals = [c.args[0].value for c in ast.walk(function) if isinstance(c, ast.Call)
                and getattr(c.func, "id", "") == "tr"]
    assert tuple(literals) == parse.REASONS


def test_parse_reasons_are_all_listed():
    cells = [True, float("inf"), -3, 2.5, "abc", "3,5", "3.5", "-2", object()]
    found = {parse.parse_count(c)[2] for c in cells}
    assert found <= set(parse.REASONS) and len(found) >= 6


def test_render_translates_labels_items_and_reasons():
    message = engine_messages.Message("invalid_count", engine_messages.WARNING, column="sgb2_u65",
                                      indicators=["A.1", "G.2"], cells=[("q1", "3,5", "decimal comma: a count "
                                                                                       "must be a whole number")])
    texts = dict(engine_messages.ENGLISH, invalid_count="Spalte '{column}': {ex} ({indicators})")
    text = message.text(texts, None, None, {"decimal comma: a count must be a whole number": "Dezimalkomma"})
    assert text == "Spalte 'sgb2_u65': q1 ('3,5': Dezimalkomma) (A.1, G.2)"
    summary = engine_messages.Message("suppressed", engine_messages.INFO, items=[
        {"indicator": "A.1", "n": 4}, {"indicator": "A.2", "n": 6}])
    assert str(summary) == "Suppressed for confidentiality: A.1 in 4 quartiers; A.2 in 6 quartiers."
    error = IndicatorError("numerator_missing", indicator="A.4", column="gsi_alter", columns="a, b")
    assert error.key == "numerator_missing" and "'gsi_alter'" in str(error)
    assert engine_messages.render("numerator_missing", error.params, indicator=lambda i: i + " (Altersarmut)") \
        .startswith("Indicator A.4 (Altersarmut): the numerator")
    assert math.isclose(len(engine_messages.examples(range(12))), len("0, 1, 2, 3, 4, … (12)"))
