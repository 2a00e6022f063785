"""Spine chart geometry (mapsheets/spine.py), expected positions computed by hand."""

import xml.etree.ElementTree as ET

import pytest

from quartiersmonitor.mapsheets.spine import COLOURS, Spine, colour_key, spine_geometry, spine_svg

# published values 1, 2, 3, 4, 10; county 4: half-width = max(|1-4|, |10-4|) = 6, the bar 12 wide;
# 25th percentile (linear, position 0.25*4 = 1) = 2, 75th (position 3) = 4
VALUES = [10, 1, 3, 2, 4]


def test_low_is_worse_low_end_left():
    s = spine_geometry(2, VALUES, 4, polarity=-1, sig=-1)
    # pos(x) = 0.5 + (x - 4) / 12
    assert s.left == pytest.approx(0.25)  # 1
    assert s.right == pytest.approx(1.0)  # 10
    assert s.band_left == pytest.approx(0.5 - 2 / 12)  # 2
    assert s.band_right == pytest.approx(0.5)  # 4
    assert s.centre == 0.5
    assert s.marker == pytest.approx(0.5 - 2 / 12)
    assert s.colour == "worse"  # significantly below, and low is worse
    assert not s.neutral


def test_high_is_worse_flips_the_axis():
    s = spine_geometry(2, VALUES, 4, polarity=1, sig=-1)
    # pos(x) = 0.5 - (x - 4) / 12: 10 -> 0, 1 -> 0.75
    assert s.left == pytest.approx(0.0)
    assert s.right == pytest.approx(0.75)
    assert s.band_left == pytest.approx(0.5)  # 4
    assert s.band_right == pytest.approx(0.5 + 2 / 12)  # 2
    assert s.marker == pytest.approx(0.5 + 2 / 12)
    assert s.colour == "better"
    assert spine_geometry(10, VALUES, 4, polarity=1, sig=1).marker == pytest.approx(0.0)
    assert spine_geometry(10, VALUES, 4, polarity=1, sig=1).colour == "worse"


def test_context_indicator_is_neutral_low_left_and_grey():
    s = spine_geometry(10, VALUES, 4, polarity=0, sig=1)
    assert s.neutral
    assert s.left == pytest.approx(0.25) and s.right == pytest.approx(1.0)
    assert s.marker == pytest.approx(1.0)
    assert s.colour == "similar"


@pytest.mark.parametrize("sig,polarity,key", [
    (0, 1, "similar"), (0, -1, "similar"), (None, 1, "unknown"), (float("nan"), -1, "unknown"),
    (1, 1, "worse"), (1, -1, "better"), (-1, 1, "better"), (-1, -1, "worse"), (-1, 0, "similar")])
def test_colour_key(sig, polarity, key):
    assert colour_key(sig, polarity) == key


def test_hidden_value_has_no_marker():
    s = spine_geometry(2, VALUES, 4, polarity=1, sig=1, shown=False)
    assert s.marker is None and s.colour is None
    assert s.left == pytest.approx(0.0)  # the bar is still drawn
    assert spine_geometry(float("nan"), VALUES, 4, polarity=1, sig=None).marker is None


def test_single_quartier():
    # one value 5, county 3: half-width 2, pos(5) = 0.5 + 2 / 4 = 1 (low end left)
    s = spine_geometry(5, [5], 3, polarity=-1, sig=0)
    assert (s.left, s.band_left, s.band_right, s.right, s.marker) == pytest.approx((1.0, 1.0, 1.0, 1.0, 1.0))
    # high is worse: the same value on the left
    s = spine_geometry(5, [5], 3, polarity=1, sig=1)
    assert (s.left, s.right, s.marker) == pytest.approx((0.0, 0.0, 0.0))


def test_all_values_equal_to_the_county():
    s = spine_geometry(2, [2, 2, 2], 2, polarity=1, sig=0)
    assert (s.left, s.band_left, s.band_right, s.right, s.centre, s.marker) == (0.5,) * 6


def test_nothing_to_draw_without_values_or_county():
    assert spine_geometry(1, [], 4, polarity=1) is None
    assert spine_geometry(1, [float("nan")], 4, polarity=1) is None
    assert spine_geometry(1, [1, 2], None, polarity=1) is None


def test_svg_stacks_rows_and_omits_hidden_markers():
    shown = Spine(0.0, 0.25, 0.75, 1.0, 0.5, 0.25, "worse", False)
    hidden = Spine(0.0, 0.25, 0.75, 1.0, 0.5, None, None, False)
    svg = spine_svg([shown, None, hidden], width=24, row_heights=[4, 5, 6], margin=2)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("viewBox") == "0 0 24.00 15.00"
    circles = root.findall(ns + "circle")
    assert len(circles) == 1  # the None row and the hidden value draw no marker
    c = circles[0]
    # x = margin + 0.25 * (24 - 2 * 2) = 7; centre of the first row (4 high) at y = 2
    assert float(c.get("cx")) == pytest.approx(7.0) and float(c.get("cy")) == pytest.approx(2.0)
    assert c.get("fill") == COLOURS["worse"]
    rects = root.findall(ns + "rect")
    assert len(rects) == 4  # bar + band of the two drawn spines
    # the hidden row's bar starts at y = 4 + 5 + (6 - 3) / 2 = 10.5
    assert float(rects[2].get("y")) == pytest.approx(10.5)
    assert float(rects[2].get("width")) == pytest.approx(20.0)
