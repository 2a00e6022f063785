"""Confidentiality through real ``calculateindicators`` runs: an integer-programming attacker (scipy's milp) reads
only the published layer (exact numerators / denominators of published cells, flags, the rounded ``_mun`` and
``_county`` values) plus the documented rules, and must not narrow a small hidden count below MIN_COUNT + 1 values
nor determine a count of a quartier under MIN_POPULATION: on 200 random counties and on the demo county with all
17 indicators."""

import math

import pandas as pd
import pytest
from disclosure_oracle import Attacker, IndicatorView, Publication, random_county, targets, truth_values
from indicators_alg_testing import RecordingFeedback, enum_indexes
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer

from quartiersmonitor.compat import T_INT, T_STRING, plain_value
from quartiersmonitor.indicators.catalog import load_catalog

pytest.importorskip("scipy.optimize")
CATALOG = load_catalog()
SHARED = ["A.1", "G.2", "D.1", "A.4", "A.2", "B.1", "G.1", "G.3"]


def layers(counts):
    """Quartier squares (quartier_id, municipality_id) and the counts table as memory layers."""
    quartiers = QgsVectorLayer("Polygon?crs=EPSG:25832", "quartiers", "memory")
    provider = quartiers.dataProvider()
    provider.addAttributes([QgsField("quartier_id", T_STRING), QgsField("municipality_id", T_STRING)])
    quartiers.updateFields()
    features = []
    for i, (qid, muni) in enumerate(zip(counts["quartier_id"], counts["gemeinde"])):
        f = QgsFeature(quartiers.fields())
        x, y = 1000.0 * (i % 10), 1000.0 * (i // 10)
        ring = [QgsPointXY(x, y), QgsPointXY(x + 900, y), QgsPointXY(x + 900, y + 900), QgsPointXY(x, y + 900),
                QgsPointXY(x, y)]
        f.setGeometry(QgsGeometry.fromPolygonXY([ring]))
        f.setAttributes([qid, muni])
        features.append(f)
    provider.addFeatures(features)
    table = QgsVectorLayer("None", "counts", "memory")
    tp = table.dataProvider()
    columns = [c for c in counts.columns if c != "gemeinde"]
    tp.addAttributes([QgsField(c, T_STRING if c == "quartier_id" or counts[c].dtype == object else T_INT)
                      for c in columns])
    table.updateFields()
    rows = []
    for _, row in counts.iterrows():
        f = QgsFeature(table.fields())
        f.setAttributes([row[c] if isinstance(row[c], str) else int(row[c]) for c in columns])
        rows.append(f)
    tp.addFeatures(rows)
    return quartiers, table


def published(result_layer, ids, counts, decimals=1, min_population=300):
    """The attacker's view of the published layer, made stronger: for every municipality or county value the layer
    shows (rounded), the attacker gets the exact sums of numerator and denominator behind it (taken from the true
    counts over the quartiers the totals count). Exact sums imply the rounded value, so an attacker with them
    narrows at least as much as one with the layer alone (and the integer program stays small and exact)."""
    truth = counts.set_index("quartier_id")
    feats = {str(f["quartier_id"]): {k: plain_value(f[k]) for k in f.fields().names()}
             for f in result_layer.getFeatures()}
    quartiers = sorted(feats)
    municipality = {q: str(feats[q]["municipality_id"]) for q in quartiers}

    def num(v):
        return math.nan if v is None else float(v)

    views = []
    for ident in ids:
        ind = CATALOG[ident]
        f = ind.field
        view = IndicatorView(field=f, numerator=ind.numerator, denominator=ind.denominator,
                             share=ind.kind == "share", factor=float(ind.factor),
                             flags={q: feats[q][f + "_flag"] for q in quartiers},
                             num={q: num(feats[q][f + "_num"]) for q in quartiers},
                             den={q: num(feats[q][f + "_den"]) for q in quartiers},
                             confidential=ind.confidential)
        counted = [q for q in quartiers if view.flags[q] in ("ok", "zero_denominator", "suppressed")]

        def exact(members, ind=ind):
            return ("exact", float(sum(float(truth.loc[q, ind.numerator]) for q in members)),
                    float(sum(float(truth.loc[q, ind.denominator]) for q in members)))

        for q in quartiers:
            if feats[q][f + "_mun"] is not None:
                g = municipality[q]
                view.group_totals[g] = exact([x for x in counted if municipality[x] == g])
        if feats[quartiers[0]][f + "_county"] is not None:
            view.county_total = exact(counted)
        views.append(view)
    frame = pd.DataFrame({CATALOG[i].field + "_flag": [feats[q][CATALOG[i].field + "_flag"] for q in quartiers]
                          for i in ids}, index=quartiers)
    known = {(q, "pop_total"): float(feats[q]["pop_total"]) for q in quartiers
             if feats[q].get("pop_total") is not None}  # the residents, published for every quartier
    return Publication(quartiers=quartiers, municipality=municipality, indicators=views, decimals=decimals,
                       min_population=min_population, known=known), frame


def attack_run(run_alg, counts, ids, **extra):
    quartiers, table = layers(counts)
    feedback = RecordingFeedback()
    result = run_alg("calculateindicators", dict({
        "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id", "DATA": table, "DATA_ID": "quartier_id",
        "INDICATORS": enum_indexes(ids), "MUNICIPALITY_FIELD": "municipality_id", "OUTPUT": "TEMPORARY_OUTPUT",
    }, **extra), feedback=feedback)
    layer = result["OUTPUT"]
    pub, frame = published(layer, ids, counts)
    attacker = Attacker(pub)
    assert attacker.feasible(truth_values(counts, attacker.columns))
    failures = []
    for keys, required, what in targets(frame, counts, ids, CATALOG):
        lo, hi = attacker.interval(keys)
        if hi - lo < required:
            failures.append((what, lo, hi))
    return result, feedback, layer, failures


@pytest.mark.slow
def test_adversary_on_200_random_counties(run_alg):
    for seed in range(200):
        _, _, _, failures = attack_run(run_alg, random_county(seed), SHARED)
        assert failures == [], seed


def demo_counts():
    from quartiersmonitor.resources.demo.generate import generate

    data = generate(seed=42, scale=1.0)
    counts = data.counts[max(data.counts)].copy()
    counts["quartier_id"] = counts["quartier_id"].astype(str)
    return counts.rename(columns={"municipality": "gemeinde"}).drop(columns=["year"], errors="ignore")


@pytest.mark.slow
def test_adversary_on_the_demo_county_with_all_17_indicators(run_alg):
    counts = demo_counts()
    result, feedback, layer, failures = attack_run(run_alg, counts, list(CATALOG.ids()))
    assert failures == []
    assert result["AUDIT_CELLS"] > 0 and result["AUDIT_NARROWEST"] >= 4
    assert any(i.startswith("Confidentiality audit:") for i in feedback.infos)
    flags = set()
    for f in layer.getFeatures():
        for ident in CATALOG.ids():
            flags.add(f[CATALOG[ident].field + "_flag"])
    assert "suppressed" in flags and not any(str(x).startswith("suppressed_") for x in flags)


def test_hidden_cells_publish_no_derived_value_and_rates_are_rounded(run_alg):
    counts = random_county(3)
    _, _, layer, _ = attack_run(run_alg, counts, ["A.1", "B.1"], DECIMALS=2)
    for f in layer.getFeatures():
        for field in ("A1", "B1"):
            if f[field + "_flag"] == "suppressed":
                for suffix in ("", "_num", "_den", "_lo", "_hi", "_z", "_class", "_sig"):
                    assert plain_value(f[field + suffix]) is None, (field + suffix)
            for suffix in ("", "_lo", "_hi", "_mun", "_county"):
                v = plain_value(f[field + suffix])
                if v is not None:
                    assert v == pytest.approx(round(v, 2), abs=1e-9)


def test_pooled_years_warn_that_single_years_can_be_subtracted(run_alg):
    counts = random_county(4)
    quartiers, _ = layers(counts)
    both = pd.concat([counts.assign(year=2023), counts.assign(year=2024)], ignore_index=True)
    _, table = layers(both)
    feedback = RecordingFeedback()
    run_alg("calculateindicators", {
        "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id", "DATA": table, "DATA_ID": "quartier_id",
        "INDICATORS": enum_indexes(["A.1"]), "MUNICIPALITY_FIELD": "municipality_id", "YEAR_FIELD": "year",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }, feedback=feedback)
    assert any("pooled" in w and "subtract" in w for w in feedback.warnings)
