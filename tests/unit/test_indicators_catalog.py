"""Catalog: every indicator of INDICATORS.md against hand-computed values; user JSON files, good and malformed."""

import json

import pytest

from quartiersmonitor.indicators import rates
from quartiersmonitor.indicators.catalog import DOMAINS, CatalogError, load_catalog

# Two quartiers; every count chosen so that values are easy to compute by hand.
# Each entry: id -> (numerator column, q1 num, q1 den, q2 num, q2 den, denominator column)
TABLE = {
    "A.1": ("sgb2_u65", 120, 800, 80, 1200, "pop_u65"),
    "A.2": ("sgb2_u15", 30, 150, 10, 250, "pop_u15"),
    "A.3": ("gsi_em", 12, 600, 18, 1400, "pop_18_64"),
    "A.4": ("gsi_alter", 10, 200, 20, 300, "pop_65plus"),
    "B.1": ("seu_delayed", 4, 16, 6, 34, "seu_examined"),
    "B.2": ("hh_single_parent", 9, 60, 21, 140, "hh_children"),
    "D.2": ("pop_80plus", 50, 250, 100, 350, "pop_60plus"),
    "D.3": ("births", 12, 240, 18, 360, "women_15_44"),
    "E.1": ("elb_employed", 20, 80, 30, 120, "elb"),
    "E.2": ("ltu", 30, 625, 20, 1375, "pop_15_64"),
    "G.1": ("seu_overweight", 3, 16, 7, 34, "seu_examined"),
    "G.2": ("deaths_u65", 4, 800, 6, 1200, "pop_u65"),
    "G.3": ("severely_disabled", 95, 1000, 205, 2000, "pop_total"),
    "W.1": ("pop_far_grocery", 250, 1000, 350, 2000, "pop_total"),
    "W.2": ("pop_far_stop", 0, 1000, 300, 2000, "pop_total"),
    "W.3": ("pop_poor_housing", 40, 1000, 20, 2000, "pop_total"),
}

# id -> (quartier 01 value, quartier 02 value, county value), computed by hand
EXPECTED = {
    "A.1": (15.0, 100 * 80 / 1200, 10.0),  # county 200/2000
    "A.2": (20.0, 4.0, 10.0),  # 40/400
    "A.3": (2.0, 100 * 18 / 1400, 1.5),  # 30/2000
    "A.4": (5.0, 100 * 20 / 300, 6.0),  # 30/500
    "B.1": (25.0, 100 * 6 / 34, 20.0),  # 10/50
    "B.2": (15.0, 15.0, 15.0),  # 30/200
    "D.1": (400 / 3, 120.0, 125.0),  # pop_65plus/pop_u15: 200/150, 300/250, 500/400
    "D.2": (20.0, 100 * 100 / 350, 25.0),  # 150/600
    "D.3": (50.0, 50.0, 50.0),  # per 1,000 women: 30/600
    "E.1": (25.0, 25.0, 25.0),  # 50/200
    "E.2": (4.8, 100 * 20 / 1375, 2.5),  # 50/2000
    "G.1": (18.75, 100 * 7 / 34, 20.0),  # 10/50
    "G.2": (500.0, 500.0, 500.0),  # per 100,000: 10/2000
    "G.3": (9.5, 10.25, 10.0),  # 300/3000
    "W.1": (25.0, 17.5, 20.0),  # 600/3000
    "W.2": (0.0, 15.0, 10.0),  # 300/3000
    "W.3": (4.0, 1.0, 2.0),  # 60/3000
}

ALL_IDS = ["A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "D.1", "D.2", "D.3", "E.1", "E.2", "G.1", "G.2", "G.3", "W.1",
           "W.2", "W.3"]


def counts_table():
    import pandas as pd

    cols = {"quartier_id": ["01", "02"]}
    for num_col, n1, d1, n2, d2, den_col in TABLE.values():
        cols[num_col] = [n1, n2]
        cols.setdefault(den_col, [d1, d2])
        assert cols[den_col] == [d1, d2], den_col  # shared denominators must agree in the table above
    return pd.DataFrame(cols)


def test_catalog_holds_exactly_the_documented_indicators():
    catalog = load_catalog()
    assert catalog.ids() == ALL_IDS
    assert list(DOMAINS) == ["poverty", "education", "demography", "employment", "health", "housing"]
    assert [DOMAINS[k]["de"] for k in DOMAINS] == ["Armutslagen", "Bildung und Erziehung", "Demografie",
                                                   "Erwerbsarbeit", "Gesundheit und Wohlergehen", "Wohnen"]
    a1 = catalog["A.1"]
    assert (a1.field, a1.numerator, a1.denominator, a1.factor, a1.unit, a1.polarity, a1.kind) == (
        "A1", "sgb2_u65", "pop_u65", 100, "%", 1, "share")
    assert catalog.by_field("G2").id == "G.2"
    assert catalog["G.2"].factor == 100000 and catalog["G.2"].unit == "per 100,000"
    assert catalog["D.3"].factor == 1000 and catalog["D.3"].kind == "rate"
    assert catalog["D.1"].kind == "rate" and catalog["D.1"].polarity == 0  # 65+ is not a subset of under 15
    assert {catalog[i].domain for i in ALL_IDS} == set(DOMAINS)
    assert catalog["W.1"].numerator == "pop_far_grocery" and catalog["W.2"].numerator == "pop_far_stop"
    assert catalog["A.1"].name("de") == "SGB II-Quote" and catalog["A.1"].name("en") == "SGB II rate"
    for ind in catalog.values():
        assert ind.name_de and ind.name_en and ind.description_de and ind.description_en


@pytest.mark.parametrize("ident", ALL_IDS)
def test_every_indicator_against_hand_computed_values(ident):
    catalog = load_catalog()
    result = rates.compute(counts_table(), catalog, [ident], min_population=300, decimals=None)
    f = catalog[ident].field
    q1, q2, county = EXPECTED[ident]
    assert result.quartiers.loc["01", f] == pytest.approx(q1, rel=1e-12)
    assert result.quartiers.loc["02", f] == pytest.approx(q2, rel=1e-12)
    assert result.county.loc["county", f] == pytest.approx(county, rel=1e-12)
    assert list(result.quartiers[f + "_flag"]) == ["ok", "ok"]


def test_all_indicators_at_once_match_one_by_one():
    catalog = load_catalog()
    result = rates.compute(counts_table(), catalog, ALL_IDS, decimals=None)
    for ident in ALL_IDS:
        f = catalog[ident].field
        assert result.quartiers.loc["01", f] == pytest.approx(EXPECTED[ident][0], rel=1e-12)


def write(tmp_path, content):
    path = tmp_path / "catalog.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_user_file_adds_and_overrides(tmp_path):
    path = write(tmp_path, {"indicators": [
        {"id": "X.1", "name_de": "Pflegequote", "domain": "Gesundheit und Wohlergehen", "numerator": "care",
         "denominator": "pop_65plus", "factor": 1000},
        {"id": "A.1", "numerator": "sgb2_all"},
    ]})
    catalog = load_catalog(path)
    assert catalog.ids()[-1] == "X.1"
    x1 = catalog["X.1"]
    assert (x1.domain, x1.factor, x1.unit, x1.kind, x1.polarity, x1.field) == (
        "health", 1000, "per 1,000", "rate", 1, "X1")
    assert x1.name("en") == "Pflegequote"  # falls back to the German name
    assert catalog["A.1"].numerator == "sgb2_all"
    assert catalog["A.1"].denominator == "pop_u65"  # kept from the built-in entry
    assert load_catalog()["A.1"].numerator == "sgb2_u65"  # built-in unchanged


@pytest.mark.parametrize("content, expected", [
    ('{"indicators": [ {"id": "X.1", ', "not valid JSON at line 1"),
    ({"foo": []}, "\"indicators\""),
    ([{"name_de": "ohne id"}], "entry 1: missing \"id\""),
    ([{"id": "X.1", "name_de": "x", "domain": "health", "numerator": "a"}],
     "entry 1 (\"X.1\"): missing \"denominator\""),
    ([{"id": "A.1"}, {"id": "X.2", "name_de": "x", "domain": "health", "numerator": "a", "denominator": "b",
                      "factor": "100"}], "entry 2 (\"X.2\"): factor must be a positive number"),
    ([{"id": "X.1", "name_de": "x", "domain": "Sport", "numerator": "a", "denominator": "b"}], "domain 'Sport'"),
    ([{"id": "X.1", "name_de": "x", "domain": "health", "numerator": "a", "denominator": "b", "polarity": 2}],
     "polarity must be"),
    ([{"id": "A.1", "numertor": "x"}], "unknown key(s) 'numertor'"),
    ([{"id": "A.1", "factor": -5}], "(\"A.1\"): factor must be a positive number"),
    ([{"id": "X.1", "numerator": "a", "denominator": "b", "domain": "health"}], "missing \"name_de\" or \"name_en\""),
    ([{"id": "bad id!", "name_de": "x"}], "id 'bad id!' is not valid"),
    ([{"id": "A.1", "kind": "ratio"}], "kind must be"),
    ([{"id": "X.1", "name_de": "x", "domain": "health", "numerator": "a", "denominator": "a"}], "same column"),
    ([{"id": "X.1", "name_de": "x", "domain": "health", "numerator": "", "denominator": "b"}], "numerator must be"),
    ([{"id": "A.1"}, {"id": "A.1"}], "id given twice"),
    ([{"id": "A1", "name_de": "x", "domain": "health", "numerator": "a", "denominator": "b"}], "clashes with"),
    (["A.1"], "entry 1: expected an object"),
    ('"just text"', "expected a list"),
])
def test_malformed_catalog_file_names_entry_and_problem(tmp_path, content, expected):
    path = write(tmp_path, content)
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    assert expected in str(info.value)
    assert "catalog.json" in str(info.value)


def test_missing_and_non_utf8_catalog_file(tmp_path):
    with pytest.raises(CatalogError, match="cannot be read"):
        load_catalog(str(tmp_path / "nope.json"))
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"id": "A.1", "name_de": "Gr\u00fc\u00dfe"}]'.encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_catalog(str(path))
