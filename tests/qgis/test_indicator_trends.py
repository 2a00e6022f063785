"""quartiersmonitor:indicatortrends on a real GeoPackage with five years of counts.

Expected values: the per-year layers of calculateindicators (what is published each year) and independent
oracles (the Cochran–Armitage hand formula with scipy's chi-squared, statsmodels' Poisson GLM); the attacker checks
that the trend output publishes nothing about a hidden count: the concrete leak (change + published first year →
hidden last year) is closed, and two tables that differ only in hidden counts (the same per-year layers) give the
same trend output.
"""

import numpy as np
import pytest
import statsmodels.api as sm
from indicators_alg_testing import build, calculate_params, enum_indexes
from layer_testing import is_null
from qgis.core import QgsProcessingException, QgsVectorLayer
from scipy import stats

YEARS = [2019, 2020, 2021, 2022, 2023]
COLUMNS = ("quartier_id", "year", "pop_total", "pop_u65", "sgb2_u65", "pop_u15", "pop_65plus")
IDS = ["A.1", "D.1"]


def counts_rows(q03_last=2, q04_count=20):
    rows = []
    for t, year in enumerate(YEARS):
        rows += [
            ("Q01", year, 1200, 1000, 100 + 30 * t, 150, 200 + 10 * t),
            ("Q02", year, 2500, 2000, 300, 300, 500),
            ("Q03", year, 800, 700, [10, 9, 8, 7, q03_last][t], 100, 100),
            ("Q04", year, 250 if year == 2023 else 350, 200, q04_count, 40, 50),  # small in 2023 only
            ("Q05", year, 1500, 1200, 60 - 5 * t, 200, 300),
            ("Q06", year, 3000, 2500, 500 - 40 * t, 400, 500 - 30 * t),
            ("Q07", year, 1800, 1500, 150, 250, 300),
            ("Q08", year, 900, 800, 40, 120, 100),
            ("Q09", year, 2200, 1800, 90 + t, 300, 400),
        ]
    return rows


def features(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return layer, {f["quartier_id"]: f for f in layer.getFeatures()}


def write_inputs(tmp_path, name, rows):
    path = str(tmp_path / (name + ".gpkg"))
    q = build.write_layer(build.quartier_layer(), path, "quartiers")
    c = build.write_layer(build.counts_layer(rows, COLUMNS), path, "counts")
    return q, c


def trend_params(q, c, out, **extra):
    params = {"QUARTIERS": q, "QUARTIER_ID": "quartier_id", "DATA": c, "DATA_ID": "quartier_id",
              "YEAR_FIELD": "year", "INDICATORS": enum_indexes(IDS), "MUNICIPALITY_FIELD": "municipality_id",
              "OUTPUT": out}
    params.update(extra)
    return params


def per_year_layers(run_alg, q, c, tmp_path, prefix):
    """calculateindicators for each year alone with the same settings: what a reader also has."""
    out = {}
    for year in YEARS:
        result = run_alg("calculateindicators", calculate_params(
            q, c, str(tmp_path / "{}_{}.gpkg".format(prefix, year)), IDS, YEAR_FIELD="year", YEAR=str(year)))
        out[year] = features(result["OUTPUT"])[1]
    return out


def published_attributes(feats, fields):
    return {qid: tuple(None if is_null(f[name]) else f[name] for name in fields) for qid, f in feats.items()}


@pytest.fixture()
def runs(run_alg, tmp_path):
    q, c = write_inputs(tmp_path, "input", counts_rows())
    result = run_alg("indicatortrends", trend_params(q, c, str(tmp_path / "trends.gpkg")))
    layer, feats = features(result["OUTPUT"])
    return result, layer, feats, per_year_layers(run_alg, q, c, tmp_path, "year"), (q, c)


@pytest.mark.filterwarnings("ignore:Perfect separation")
def test_trends_equal_the_oracles_over_the_published_years(runs):
    result, layer, feats, years, _inputs = runs
    assert result["YEARS_USED"] == "2019, 2020, 2021, 2022, 2023"
    names = layer.fields().names()
    for f in ("A1", "D1"):
        assert [n for n in names if n.startswith(f + "_")] == [f + "_trend", f + "_trend_p", f + "_change",
                                                              f + "_redred"]
    x = np.array(YEARS, dtype=float)
    checked = 0
    for qid, feature in feats.items():
        cells = [years[y][qid] for y in YEARS]
        if not all(cell["A1_flag"] == "ok" for cell in cells):
            continue
        r = np.array([cell["A1_num"] for cell in cells], dtype=float)
        n = np.array([cell["A1_den"] for cell in cells], dtype=float)
        # Cochran–Armitage by the hand formula over the published counts
        p = r.sum() / n.sum()
        xbar = (n * x).sum() / n.sum()
        t = (r * (x - xbar)).sum()
        chi2 = t * t / (p * (1 - p) * ((n * x * x).sum() - n.sum() * xbar ** 2))
        want_p = stats.chi2.sf(chi2, 1)
        assert feature["A1_trend_p"] == pytest.approx(want_p, rel=1e-9), qid
        want = ("increasing" if t > 0 else "decreasing") if want_p < 0.05 else "no significant change"
        assert feature["A1_trend"] == want, qid
        assert feature["A1_change"] == pytest.approx(round(cells[-1]["A1"] - cells[0]["A1"], 1)), qid
        worse = cells[-1]["A1_sig"] == 1
        assert feature["A1_redred"] == ("yes" if worse and want == "increasing" else "no"), qid
        checked += 1
    assert checked >= 6
    assert feats["Q01"]["A1_trend"] == "increasing" and feats["Q06"]["A1_trend"] == "decreasing"
    assert feats["Q02"]["A1_trend"] == "no significant change" and feats["Q02"]["A1_change"] == pytest.approx(0.0)
    assert feats["Q01"]["A1_change"] == pytest.approx(22.0 - 10.0)
    assert feats["Q01"]["A1_redred"] == "yes"  # 22 % against a county of about 10 %, increasing
    # D.1 (a rate, per 100): Poisson log-linear regression, likelihood-ratio test (statsmodels as the oracle)
    for qid in ("Q01", "Q06", "Q07"):
        cells = [years[y][qid] for y in YEARS]
        y = np.array([cell["D1_num"] for cell in cells], dtype=float)
        n = np.array([cell["D1_den"] for cell in cells], dtype=float)
        full = sm.GLM(y, sm.add_constant(x - x.mean()), family=sm.families.Poisson(), offset=np.log(n)).fit()
        null = sm.GLM(y, np.ones((5, 1)), family=sm.families.Poisson(), offset=np.log(n)).fit()
        assert feats[qid]["D1_trend_p"] == pytest.approx(stats.chi2.sf(2 * (full.llf - null.llf), 1), rel=1e-7)
        assert is_null(feats[qid]["D1_redred"])  # a context indicator: no "worse"
    assert feats["Q06"]["D1_trend"] == "decreasing" and feats["Q07"]["D1_trend"] == "no significant change"


def test_a_hidden_year_publishes_no_trend_no_p_and_no_change(runs):
    _result, _layer, feats, years, _inputs = runs
    # the concrete leak: Q03's 2023 count (2) is hidden, 2019 is published (10 of 700); a published change would
    # give 2023's rate and, with its published denominator, the hidden count
    assert years[2023]["Q03"]["A1_flag"] == "suppressed" and years[2019]["Q03"]["A1_flag"] == "ok"
    assert is_null(years[2023]["Q03"]["A1_den"])
    for qid, feature in feats.items():
        for f in ("A1", "D1"):
            if all(years[y][qid][f + "_flag"] == "ok" for y in YEARS):
                continue
            assert feature[f + "_trend"] == "cannot be calculated", (qid, f)
            for suffix in ("_trend_p", "_change", "_redred"):
                assert is_null(feature[f + suffix]), (qid, f + suffix)
    assert feats["Q03"]["A1_trend"] == "cannot be calculated" and is_null(feats["Q03"]["A1_change"])
    assert feats["Q04"]["A1_trend"] == "cannot be calculated" and is_null(feats["Q04"]["A1_change"])


def test_hidden_counts_cannot_be_told_apart_by_the_trends(run_alg, tmp_path, runs):
    """An attacker holding the per-year layers and the trend layer: a second table with other hidden counts
    (Q03 2023: 1 instead of 2, Q04: 21 instead of 20 in 2023 — the county and municipality totals unchanged) gives
    the same per-year layers; the trend layer must be the same too, so it narrows no hidden count."""
    _result, layer, feats, years, _inputs = runs
    rows = [row if not (row[0] in ("Q03", "Q04") and row[1] == 2023) else
            row[:4] + ((1,) if row[0] == "Q03" else (21,)) + row[5:] for row in counts_rows()]
    q, c = write_inputs(tmp_path, "witness", rows)
    other_years = per_year_layers(run_alg, q, c, tmp_path, "witness")
    fields = [name for name in next(iter(years[2023].values())).fields().names() if name[:2] in ("A1", "D1")]
    for year in YEARS:
        assert published_attributes(other_years[year], fields) == published_attributes(years[year], fields), year
    result = run_alg("indicatortrends", trend_params(q, c, str(tmp_path / "witness_trends.gpkg")))
    _layer, other = features(result["OUTPUT"])
    trend_fields = [n for n in layer.fields().names() if n.endswith(("_trend", "_trend_p", "_change", "_redred"))]
    assert published_attributes(other, trend_fields) == published_attributes(feats, trend_fields)


def test_periods_and_too_few_years(run_alg, tmp_path):
    q, c = write_inputs(tmp_path, "three", counts_rows())
    result = run_alg("indicatortrends", trend_params(q, c, str(tmp_path / "p3.gpkg"), PERIODS=3))
    assert result["YEARS_USED"] == "2021, 2022, 2023"
    _layer, feats = features(result["OUTPUT"])
    # Q01 over 2021-2023 only: 160, 190, 220 of 1000
    r, n, x = np.array([160, 190, 220.0]), np.array([1000, 1000, 1000.0]), np.array([2021, 2022, 2023.0])
    p, xbar = r.sum() / n.sum(), 2022.0
    t = (r * (x - xbar)).sum()
    chi2 = t * t / (p * (1 - p) * ((n * x * x).sum() - n.sum() * xbar ** 2))
    assert feats["Q01"]["A1_trend_p"] == pytest.approx(stats.chi2.sf(chi2, 1), rel=1e-9)
    assert feats["Q01"]["A1_change"] == pytest.approx(6.0)
    # the file output carries its style: the first indicator's trend as categories, worse red, better blue
    assert (tmp_path / "p3.qml").exists()
    again = QgsVectorLayer(result["OUTPUT"], "again", "ogr")  # kept: the renderer belongs to it
    renderer = again.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "A1_trend"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert set(colours) == {"increasing", "decreasing", "no significant change", "cannot be calculated"}
    assert colours["increasing"] == "#d7301f" and colours["decreasing"] == "#2b8cbe"  # A.1: more = more need
    rows = [row for row in counts_rows() if row[1] in (2022, 2023)]
    q, c = write_inputs(tmp_path, "two", rows)
    with pytest.raises(QgsProcessingException, match="year"):
        run_alg("indicatortrends", trend_params(q, c, str(tmp_path / "two_out.gpkg")))
    assert not (tmp_path / "two_out.gpkg").exists()
