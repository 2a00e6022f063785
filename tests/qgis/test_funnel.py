"""calculateindicators' funnel class (<F>_funnel) on the fixture GeoPackage, against limits from scipy.stats
computed from the fixture's counts (tests/data/indicators_alg/build.py), independently of the plugin."""

import numpy as np
import pytest
from indicators_alg_testing import build, calculate_params
from layer_testing import is_null
from qgis.core import QgsVectorLayer
from scipy import stats

IDS = ["A.1", "A.2", "D.1"]  # two shares (A.2 with an unreadable cell in Q05), one rate (D.1, per 100)
COLUMNS = {"A.1": ("sgb2_u65", "pop_u65", "share"), "A.2": ("sgb2_u15", "pop_u15", "share"),
           "D.1": ("pop_65plus", "pop_u15", "rate")}


def column(name):
    j = build.COLUMNS.index(name)
    return {row[0]: row[j] for row in build.ROWS}


def oracle_class(kind, y, n, theta, phi=1.0):
    dist = stats.binom(int(n), theta) if kind == "share" else stats.poisson(n * theta)
    limits = []
    for p in (0.001, 0.025, 0.975, 0.999):
        r = dist.ppf(p)
        limits.append(r - (dist.cdf(r) - p) / dist.pmf(r))
    centre = n * theta
    scale = np.sqrt(phi) if phi > 1 else 1.0
    low998, low95, high95, high998 = [centre + scale * (limit - centre) for limit in limits]
    if y > high998:
        return "above 99.8 %"
    if y > high95:
        return "above 95 %"
    if y < low998:
        return "below 99.8 %"
    if y < low95:
        return "below 95 %"
    return "within"


def run(run_alg, tmp_path, name, **extra):
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    result = run_alg("calculateindicators", calculate_params(q, c, str(tmp_path / name), IDS, **extra))
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid()
    return layer, {f["quartier_id"]: f for f in layer.getFeatures()}


def expected_classes(feats, ident, overdispersion):
    num_col, den_col, kind = COLUMNS[ident]
    nums, dens = column(num_col), column(den_col)
    valid = [qid for qid in nums if isinstance(nums[qid], int) and isinstance(dens[qid], int)]
    theta = sum(nums[q] for q in valid) / sum(dens[q] for q in valid)  # the county: every valid quartier
    f = ident.replace(".", "")
    published = [qid for qid in valid if feats[qid][f + "_flag"] == "ok"]
    phi = 1.0
    if overdispersion:
        y = np.array([nums[q] for q in published], dtype=float)
        n = np.array([dens[q] for q in published], dtype=float)
        variance = theta * (1 - theta) if kind == "share" else theta
        z = (y / n - theta) / np.sqrt(variance / n)
        low, high = np.percentile(z, [10, 90])  # Spiegelhalter: z beyond the 10th / 90th percentile set to it
        phi = float(np.mean(np.clip(z, low, high) ** 2))
    return {qid: oracle_class(kind, nums[qid], dens[qid], theta, phi) for qid in published}, phi


@pytest.mark.parametrize("overdispersion", [False, True])
def test_funnel_classes_equal_scipy_limits_and_hidden_cells_have_none(run_alg, tmp_path, overdispersion):
    layer, feats = run(run_alg, tmp_path, "out.gpkg", FUNNEL_OVERDISPERSION=overdispersion)
    names = layer.fields().names()
    for ident in IDS:
        f = ident.replace(".", "")
        assert names.index(f + "_funnel") == names.index(f + "_county") + 1
        expected, phi = expected_classes(feats, ident, overdispersion)
        assert len(expected) >= 6
        for qid, feature in feats.items():
            if qid in expected:
                assert feature[f + "_funnel"] == expected[qid], (ident, qid, phi)
            else:
                assert is_null(feature[f + "_funnel"]), (ident, qid)
    # the hidden cells of the fixture: Q03 A.1 (2 < 3), Q04 everything (250 residents), Q05 A.2 unreadable
    assert is_null(feats["Q03"]["A1_funnel"]) and feats["Q03"]["A1_flag"] == "suppressed"
    assert all(is_null(feats["Q04"][f + "_funnel"]) for f in ("A1", "A2", "D1"))
    assert is_null(feats["Q05"]["A2_funnel"])
    # the fixture's quartiers differ far more than chance: some are outside the plain limits
    classes = {feats[q]["A1_funnel"] for q in feats} - {None}
    if not overdispersion:
        assert "above 99.8 %" in classes and "below 99.8 %" in classes


def test_overdispersion_moves_quartiers_inside(run_alg, tmp_path):
    _layer, plain = run(run_alg, tmp_path, "plain.gpkg")
    _layer, adjusted = run(run_alg, tmp_path, "adjusted.gpkg", FUNNEL_OVERDISPERSION=True)
    order = ["below 99.8 %", "below 95 %", "within", "above 95 %", "above 99.8 %"]
    moved = 0
    for qid in plain:
        a, b = plain[qid]["A1_funnel"], adjusted[qid]["A1_funnel"]
        if is_null(a):
            assert is_null(b)
            continue
        # widened limits: never further from "within" than without the adjustment
        assert abs(order.index(b) - 2) <= abs(order.index(a) - 2)
        moved += a != b
    assert moved >= 1


@pytest.mark.parametrize("overdispersion", [False, True])
def test_the_layer_records_the_comparison_and_keeps_it_in_its_geopackage(run_alg, tmp_path, overdispersion):
    """The dock's funnel plot draws the limits the classes were made with: theta (the county's totals) and phi,
    recorded on the layer and read back from the GeoPackage's default style by a new layer."""
    from quartiersmonitor.cartography.layer_record import recorded_funnel

    layer, feats = run(run_alg, tmp_path, "rec.gpkg", FUNNEL_OVERDISPERSION=overdispersion)
    for ident in IDS:
        num_col, den_col, kind = COLUMNS[ident]
        nums, dens = column(num_col), column(den_col)
        valid = [q for q in nums if isinstance(nums[q], int) and isinstance(dens[q], int)]
        _expected, phi = expected_classes(feats, ident, overdispersion)
        recorded = recorded_funnel(layer, ident.replace(".", ""))
        assert recorded["kind"] == kind
        assert recorded["theta"] == pytest.approx(sum(nums[q] for q in valid) / sum(dens[q] for q in valid),
                                                  rel=1e-12)
        assert recorded["phi"] == pytest.approx(phi, rel=1e-9)
        assert (recorded["phi"] > 1) == overdispersion
    reopened = QgsVectorLayer(layer.source(), "again", "ogr")
    assert recorded_funnel(reopened, "A1") == recorded_funnel(layer, "A1")
    assert recorded_funnel(reopened, "X9") is None
