"""indicators.funnel_plot (what the dock's funnel plot draws): points of published cells only, the limit curves
against scipy.stats, axis ranges and the pixel mapping by hand; ui.dock_text.funnel_summary."""

import math

import numpy as np
import pytest
from scipy import stats

from quartiersmonitor.indicators import funnel_plot as fp


def oracle_limit(distribution, p):
    """Spiegelhalter's interpolated limit from scipy: r_p = ppf(p), r_p - (cdf(r_p) - p) / pmf(r_p)."""
    r = distribution.ppf(p)
    return r - (distribution.cdf(r) - p) / distribution.pmf(r)


def _row(value, den, flag="ok", cls="within"):
    return {"A1": value, "A1_den": den, "A1_flag": flag, "A1_funnel": cls}


def test_points_are_the_published_cells_only():
    rows = [
        (1, "0101 A", _row(12.5, 400, cls="above 95 %")),
        (2, "0102 B", _row(None, None, flag="suppressed", cls=None)),  # hidden: no point, not even its den
        (3, "0103 C", _row(3.0, 0, flag="zero_denominator")),
        (4, "0104 D", _row(float("nan"), 300)),
        (5, "0105 E", _row(7.0, 250, cls="something else")),  # an unknown class is no class
        (6, "0106 F", _row(7.0, -5)),
        (7, "0107 G", _row(9.0, 120, flag="no_data")),
        (8, "0108 H", _row("8.5", "90", cls="below 99.8 %")),
    ]
    points = fp.funnel_points(rows, "A1")
    assert [(p.key, p.label, p.value, p.denominator, p.funnel_class) for p in points] == [
        (1, "0101 A", 12.5, 400.0, "above 95 %"), (5, "0105 E", 7.0, 250.0, None),
        (8, "0108 H", 8.5, 90.0, "below 99.8 %")]


@pytest.mark.parametrize("kind,theta,factor", [("share", 0.12, 100), ("rate", 0.004, 1000)])
def test_limit_curves_equal_scipy(kind, theta, factor):
    n, limits = fp.limit_curves(kind, theta, 1.0, factor, 5000)
    assert n[0] == pytest.approx(10.0) and n[-1] == pytest.approx(5000.0)
    assert np.all(np.diff(n) > 0)
    if kind == "share":
        assert np.all(n == np.round(n))
    for i in (0, 7, 30, len(n) // 2, len(n) - 1):
        dist = stats.binom(int(n[i]), theta) if kind == "share" else stats.poisson(n[i] * theta)
        want = [factor * oracle_limit(dist, p) / n[i] for p in (0.001, 0.025, 0.975, 0.999)]
        if kind == "share":
            want = np.clip(want, 0, factor)
        else:
            want = np.maximum(want, 0)
        assert limits[i] == pytest.approx(want, abs=1e-9), n[i]
    # the funnel narrows: the 95 % band is wider at the smallest denominator than at the largest
    assert limits[0, 2] - limits[0, 1] > limits[-1, 2] - limits[-1, 1] > 0


def test_overdispersion_widens_the_curves_around_the_county_value():
    n, plain = fp.limit_curves("rate", 0.02, 1.0, 100, 2000)
    n2, wide = fp.limit_curves("rate", 0.02, 2.25, 100, 2000)
    assert np.array_equal(n, n2)
    county = 100 * 0.02
    inside = plain[:, 1] > 0  # where the plain lower limit is not cut at 0
    assert wide[inside, 2] - county == pytest.approx(1.5 * (plain[inside, 2] - county))
    assert np.all(wide[:, 3] >= plain[:, 3])
    _n, same = fp.limit_curves("rate", 0.02, 0.7, 100, 2000)  # phi <= 1 leaves the limits alone
    assert np.array_equal(same, plain)


def test_no_curves_without_a_county_value():
    n, limits = fp.limit_curves("share", None, 1.0, 100, 500)
    assert len(n) == 0 and limits.shape == (0, 4)
    n, limits = fp.limit_curves("share", float("nan"), 1.0, 100, 500)
    assert len(n) == 0


def test_nice_ranges_by_hand():
    assert fp.nice_range(0.0, 8300.0, 5) == (0.0, 10000.0, 2000.0)
    assert fp.nice_range(2.3, 36.1, 5) == (0.0, 40.0, 10.0)
    assert fp.nice_range(0.0, 1.0, 5) == (0.0, 1.0, 0.2)
    low, high, step = fp.nice_range(5.0, 5.0, 5)  # a single value: a range around it
    assert low < 5.0 < high and step > 0
    assert fp.ticks(0.0, 10000.0, 2000.0) == [0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0]


def test_axis_ranges_cover_points_and_county():
    points = [fp.FunnelPoint(1, "a", 4.0, 800.0, None), fp.FunnelPoint(2, "b", 31.0, 8300.0, None)]
    (x0, x1, xs), (y0, y1, ys) = fp.axis_ranges(points, 12.0, "share", 100)
    assert (x0, x1, xs) == (0.0, 10000.0, 2000.0)
    # values 4 .. 31 padded by 5 % of 27 (1.35): 2.65 .. 32.35 -> steps of 10 (span 29.7 / 5 = 5.94 -> 10)
    assert (y0, y1, ys) == (0.0, 40.0, 10.0)
    # a share near its upper end stays within 0 .. factor: 50 .. 99.9 padded by 2.495 would reach 102.4
    points = [fp.FunnelPoint(1, "a", 99.9, 50.0, None), fp.FunnelPoint(2, "b", 50.0, 60.0, None)]
    (_x, (y0, y1, ys)) = fp.axis_ranges(points, 70.0, "share", 100)
    assert (y0, y1, ys) == (40.0, 100.0, 20.0)  # 47.5 .. 100: span 52.5 / 5 = 10.5 -> step 20


def test_plot_frame_maps_values_to_pixels():
    frame = fp.PlotFrame(0.0, 10000.0, 0.0, 40.0, left=50, top=20, width=200, height=100)
    assert (frame.x(0.0), frame.x(10000.0), frame.x(2500.0)) == (50.0, 250.0, 100.0)
    assert (frame.y(40.0), frame.y(0.0), frame.y(10.0)) == (20.0, 120.0, 95.0)


@pytest.mark.parametrize("cls,polarity,key", [
    ("above 99.8 %", 1, "worse 99.8"), ("above 95 %", 1, "worse 95"), ("below 95 %", 1, "better 95"),
    ("below 99.8 %", 1, "better 99.8"), ("above 99.8 %", -1, "better 99.8"), ("below 95 %", -1, "worse 95"),
    ("within", 1, "within"), ("above 99.8 %", 0, "within"), (None, 1, "unknown"), ("x", -1, "unknown"),
])
def test_point_colours_read_the_class_with_the_polarity(cls, polarity, key):
    assert fp.point_colour_key(cls, polarity) == key
    assert key in fp.POINT_COLOURS


def test_funnel_summary():
    from quartiersmonitor.ui.dock_text import funnel_summary

    def tr(text):
        return text

    assert funnel_summary(tr, 150, 8, 1.0, True, True) == "150 quartiers shown, 8 without a published value."
    assert funnel_summary(tr, 1, 0, 1.0, True, True) == "1 quartier shown."
    assert funnel_summary(tr, 12, 0, 2.345, True, True, "de") == (
        "12 quartiers shown. Limits widened for overdispersion (\u03c6 = 2,35).")
    assert funnel_summary(tr, 12, 0, 1.0, False, True).endswith("(the layer records no funnel comparison).")
    assert funnel_summary(tr, 12, 3, 1.0, False, False).endswith("No county value: no control limits.")
    assert not math.isnan(len(funnel_summary(tr, 0, 0, None, False, False)))
