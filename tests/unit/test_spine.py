"""Spine chart geometry (mapsheets/spine.py), expected positions computed by hand."""

import xml.etree.ElementTree as ET

import pytest

from quartiersmonitor.mapsheets.spine import (
    COLOURS,
    Spine,
    cell_tops,
    colour_key,
    row_text_heights,
    rows_in_frame,
    spine_column_svg,
    spine_geometry,
    spine_svg,
    wrapped_lines,
)

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


def test_svg_with_grid_gaps_and_fixed_bar():
    """Rows 4 and 6 high with a 0.1 grid line between them: the second row starts at 4.1; a fixed 2.0 bar is
    centred in its row (y = 4.1 + (6 - 2) / 2 = 6.1), the centre line overhangs it by 0.3 * 2 = 0.6."""
    shown = Spine(0.0, 0.25, 0.75, 1.0, 0.5, 1.0, "better", False)
    svg = spine_svg([None, shown], width=20, row_heights=[4, 6], margin=1.0, row_gap=0.1, bar_height=2.0,
                    marker_radius=0.9)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("viewBox") == "0 0 20.00 10.10"
    bar = root.findall(ns + "rect")[0]
    assert float(bar.get("y")) == pytest.approx(6.1) and float(bar.get("height")) == pytest.approx(2.0)
    line = root.find(ns + "line")
    assert float(line.get("x1")) == pytest.approx(10.0)  # 1 + 0.5 * 18
    assert (float(line.get("y1")), float(line.get("y2"))) == pytest.approx((5.5, 8.7))
    circle = root.find(ns + "circle")
    assert (float(circle.get("cx")), float(circle.get("cy")), float(circle.get("r"))) == pytest.approx(
        (19.0, 7.1, 0.9))
    assert circle.get("fill") == COLOURS["better"]


def _chars(text):
    return float(len(text))  # one unit per character


def test_wrapped_lines_greedy_by_words():
    assert wrapped_lines("", 10, _chars) == 1
    assert wrapped_lines("abc def", 7, _chars) == 1  # exactly fits
    assert wrapped_lines("abc def", 6, _chars) == 2
    assert wrapped_lines("abc def ghi", 7, _chars) == 2  # "abc def" / "ghi"
    assert wrapped_lines("abcdefghijkl xy", 5, _chars) == 2  # a long word has its own line, not split
    assert wrapped_lines("a\nb", 10, _chars) == 2


def test_row_text_heights_take_the_longest_cell_and_the_minimum():
    rows = [["Indicator", "Quartier"], ["abc def ghi", "1"], ["x", "1234567 1234567"],
            ["aaaaaa bbbbbb cccccc dddddd", ""]]
    widths = [10, 8]
    # fill 1.0: headings 1 line (3.0 minimum), "abc def ghi" (11 > 10) 2 lines, the second cell of row 2
    # 2 lines, row 3 one word per line (4 lines) -> at most 3
    heights = row_text_heights(rows, widths, [_chars] * 4, line_height=2.5, min_height=3.0, fill=1.0)
    assert heights == [3.0, 5.0, 5.0, 7.5]
    # with fill 0.9 the first column is 9 wide: "Indicator" (9) still fits
    assert row_text_heights(rows[:1], widths, [_chars], 2.5, fill=0.9) == [2.5]


def test_cells_of_a_qgis_table_by_hand():
    """Grid 0.1, margin 0.8: the first cell starts after the grid line (0.1), each row takes h + 1.6 + 0.1."""
    tops, heights = cell_tops([2.9, 5.0, 2.9], 0.8, 0.1)
    assert tops == pytest.approx([0.1, 4.7, 11.4]) and heights == pytest.approx([4.5, 6.6, 4.5])


def test_rows_in_frame_like_qgis_rows_visible():
    # rows of 4.6 each (2.9 + 1.6 + 0.1) in a frame 14 high: 14 - 0.1 = 13.9 available, 3 rows need 13.8 < 13.9
    assert rows_in_frame([2.9] * 5, 0.8, 0.1, 14.0) == 3
    assert rows_in_frame([2.9] * 5, 0.8, 0.1, 13.9) == 2  # 13.8 < 13.8 fails: QGIS stops at a full frame
    assert rows_in_frame([2.9] * 2, 0.8, 0.1, 100.0) == 2


def test_spine_column_continues_the_table_grid():
    """Rows of text height 2.9, 5.0 and 2.9 (headings first), margin 0.8, grid 0.1, a column 27.7 wide: cells at
    0.1, 4.7 and 11.4 (4.5, 6.6 and 4.5 high); horizontal lines centred 0.05 above each cell and below the last
    (15.95), the SVG 16.0 high; the right border at 27.65; spines in the body rows only."""
    ns = "{http://www.w3.org/2000/svg}"
    worse = Spine(0.0, 0.25, 0.75, 1.0, 0.5, 0.25, "worse", False)
    svg = spine_column_svg([worse, None], "Spine & more", 27.7, [2.9, 5.0, 2.9], 0.8, 0.1, 0.1, font_size=2.0)
    root = ET.fromstring(svg)
    assert root.get("viewBox") == "0 0 27.70 16.00"
    lines = root.findall(ns + "line")
    horizontal = sorted(float(x.get("y1")) for x in lines if x.get("y1") == x.get("y2"))
    assert horizontal == pytest.approx([0.05, 4.65, 11.35, 15.95])
    vertical = [x for x in lines if x.get("x1") == x.get("x2")]
    assert len(vertical) == 1 and float(vertical[0].get("x1")) == pytest.approx(27.65)
    text = root.find(ns + "text")
    assert text.text == "Spine & more" and text.get("font-weight") == "bold"
    # baseline: middle of the headings' cell (0.1 + 2.25) + 0.35 * 2.0
    assert float(text.get("y")) == pytest.approx(3.05)
    group = root.find(ns + "g")
    assert group.get("transform") == "translate(0,4.70)"
    circles = group.findall(ns + "circle")
    # the marker: margin 0.8 + padding 0.8, then 0.25 of (27.6 - 3.2); in the middle of the first body row (6.6)
    assert len(circles) == 1
    assert float(circles[0].get("cx")) == pytest.approx(1.6 + 0.25 * 24.4, abs=0.01)
    assert float(circles[0].get("cy")) == pytest.approx(3.3)
    # no grid: no lines but the spine's centre line
    bare = ET.fromstring(spine_column_svg([worse], "S", 20, [2.9, 2.9], 0.8, 0.0, 0.0))
    assert len(bare.findall(".//" + ns + "line")) == 1
