"""Spine charts of a quartier's profile (as England's Fingertips draws them). Pure Python (numpy only): the
geometry in normalised positions 0..1 along a horizontal bar, and the SVG text of a stack of spines; the dock
paints the same geometry with QPainter.

Per indicator the bar spans the published values of all quartiers, scaled symmetrically around the county value
(the centre line at 0.5; the half-width is the larger distance of the two extremes from the county value), so
the worst end is always on the left: for polarity +1 (high = more need) the axis is flipped, for polarity -1 and
for context indicators (polarity 0, neutral colours) the low end is left. The band spans the 25th to the 75th
percentile (numpy's linear interpolation). The quartier is a marker coloured by its significance against the
county, read with the polarity: ``worse`` (red), ``better`` (blue), ``similar`` (grey: not significant, or a
context indicator), ``unknown`` (no significance known: hollow). A value that is not published (suppressed, no
data, ...) has no marker at all: not even its position is computed.
"""

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

COLOURS = {
    "worse": "#c0282c",
    "better": "#1e64aa",
    "similar": "#9a9a9a",
    "unknown": "#505050",  # drawn hollow
}
BAR_COLOUR = "#dcdcdc"  # the range of the quartiers
BAND_COLOUR = "#9c9c9c"  # 25th-75th percentile, darker than the bar
NEUTRAL_BAR_COLOUR = "#dde3ea"  # context indicators (polarity 0)
NEUTRAL_BAND_COLOUR = "#97a6b8"
CENTRE_COLOUR = "#000000"


@dataclass
class Spine:
    left: float  # the range's left end (worst, or lowest for context indicators)
    band_left: float
    band_right: float
    right: float
    centre: float  # the county value: 0.5 unless all published values are on one side and equal to it
    marker: Optional[float]  # None: the quartier's value is not published, draw nothing
    colour: Optional[str]  # key of COLOURS; None with marker None
    neutral: bool  # context indicator: neutral colours, low end left


def _f(value):
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


def colour_key(sig, polarity):
    """``worse`` / ``better`` / ``similar`` / ``unknown`` for a significance (+1 above, -1 below, 0 not
    significant, None unknown) read with the indicator's polarity; context indicators are always ``similar``."""
    s = _f(sig)
    if not math.isfinite(s):
        return "unknown"
    if polarity == 0 or int(s) == 0:
        return "similar"
    return "worse" if int(s) * polarity > 0 else "better"


def spine_geometry(value, published, county, polarity, sig=None, shown=True):
    """The :class:`Spine` of one indicator, or None when there is nothing to draw (no published value or no
    county value).

    ``published``: the published finite values of all quartiers (``indicators.profile.published_values``);
    ``value``: the quartier's value, ``shown``: whether it is published (its flag is "ok") - a hidden value never
    gives a marker."""
    vals = np.asarray(published, dtype=float)
    vals = vals[np.isfinite(vals)]
    c = _f(county)
    if not len(vals) or not math.isfinite(c):
        return None
    lo, hi = float(vals.min()), float(vals.max())
    p25, p75 = (float(x) for x in np.percentile(vals, [25, 75]))
    half = max(abs(lo - c), abs(hi - c))
    sign = -1.0 if polarity > 0 else 1.0  # high = worse: high values to the left

    def pos(x):
        if half == 0:
            return 0.5
        return min(1.0, max(0.0, 0.5 + sign * (x - c) / (2.0 * half)))

    a, b = sorted((pos(lo), pos(hi)))
    band_a, band_b = sorted((pos(p25), pos(p75)))
    v = _f(value)
    marker = colour = None
    if shown and math.isfinite(v):
        marker = pos(v)
        colour = colour_key(sig, polarity)
    return Spine(left=a, band_left=band_a, band_right=band_b, right=b, centre=0.5, marker=marker, colour=colour,
                 neutral=polarity == 0)


def profile_spines(profile, catalog, rank_values):
    """One :class:`Spine` (or None) per ``ProfileRow`` of ``profile``; ``rank_values``: the
    ``published_values`` of the layer, keyed by indicator field."""
    out = []
    for row in profile:
        ind = catalog[row.id]
        published = rank_values.get(ind.field, ()) if rank_values is not None else ()
        out.append(spine_geometry(row.value, published, row.county, ind.polarity, row.sig,
                                  shown=getattr(row, "flag", "ok") == "ok"))
    return out


def _n(x):
    return "{:.2f}".format(x)


def spine_svg(spines, width, row_heights, bar_fraction=0.5, marker_fraction=0.32, margin=2.0, row_gap=0.0,
              bar_height=None, marker_radius=None):
    """The SVG text of ``spines`` stacked top to bottom, row ``i`` ``row_heights[i]`` high (same units as
    ``width``, e.g. mm) and ``row_gap`` between two rows (a table's grid line); the bar ``bar_fraction`` of the
    row high (or ``bar_height``), the marker's radius ``marker_fraction`` of the row height (or ``marker_radius``);
    ``margin`` left and right of the bar. With ``bar_height`` the centre line overhangs the bar a little instead of
    spanning the row. A None spine leaves its row empty."""
    height = float(sum(row_heights)) + row_gap * max(0, len(row_heights) - 1)
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}">'.format(
        w=_n(width), h=_n(height))]
    inner = max(0.0, width - 2 * margin)
    y = 0.0
    for spine, rh in zip(spines, row_heights):
        if spine is not None:
            bh = min(rh, bar_height) if bar_height is not None else rh * bar_fraction
            top = y + (rh - bh) / 2.0
            if bar_height is not None:
                overhang = min(bh * 0.3, (rh - bh) / 2.0)
                line_top, line_bottom = top - overhang, top + bh + overhang
            else:
                line_top, line_bottom = y + rh * 0.1, y + rh * 0.9

            def x(p):
                return margin + p * inner

            bar = NEUTRAL_BAR_COLOUR if spine.neutral else BAR_COLOUR
            band = NEUTRAL_BAND_COLOUR if spine.neutral else BAND_COLOUR
            parts.append('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'.format(
                _n(x(spine.left)), _n(top), _n(max(0.2, x(spine.right) - x(spine.left))), _n(bh), bar))
            parts.append('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'.format(
                _n(x(spine.band_left)), _n(top), _n(max(0.2, x(spine.band_right) - x(spine.band_left))), _n(bh),
                band))
            parts.append('<line x1="{c}" y1="{t}" x2="{c}" y2="{b}" stroke="{k}" stroke-width="0.3"/>'.format(
                c=_n(x(spine.centre)), t=_n(line_top), b=_n(line_bottom), k=CENTRE_COLOUR))
            if spine.marker is not None:
                r = marker_radius if marker_radius is not None else rh * marker_fraction
                colour = COLOURS[spine.colour]
                fill = "none" if spine.colour == "unknown" else colour
                parts.append('<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="0.25"/>'.format(
                    _n(x(spine.marker)), _n(y + rh / 2.0), _n(r), fill, colour))
        y += rh + row_gap
    parts.append("</svg>")
    return "\n".join(parts)


# -- the spine column beside a QGIS manual table (pure arithmetic; mapsheets.layout applies it) ------------------
#
# QGIS (QgsLayoutTable::render and drawHorizontalGridLines, 3.22 ... 3.44) draws a table inside its frame from the
# top left: a grid line (gridStrokeWidth, where the grid and its horizontal / vertical lines are shown), then per
# row a cell of ``row height + 2 * cellMargin`` and another grid line (each line centred half a stroke above the
# next cell); columns likewise with ``column width + 2 * cellMargin``; the frame is exactly as wide as the table.
# A manual table's preset row height (setRowHeights, > 0) replaces the height QGIS would compute from the text
# (QgsLayoutItemManualTable::calculateMaxRowHeights), except for the header row, whose height QGIS always
# measures from the header font: the sheet therefore shows no QGIS header but writes the headings as the first,
# bold content row, so that every row's height is the sheet's own, and draws the spine column (its cells, grid
# lines and heading) as one picture right beside the table.


def wrapped_lines(text, width, measure):
    """The number of lines a greedy word wrap of ``text`` into ``width`` needs, ``measure(s)`` giving the width
    of a string (a word longer than ``width`` takes a line of its own)."""
    lines = 0
    for paragraph in str(text).split("\n"):
        words = paragraph.split()
        lines += 1
        current = ""
        for word in words:
            candidate = word if not current else current + " " + word
            if current and measure(candidate) > width:
                lines += 1
                current = word
            else:
                current = candidate
    return max(1, lines)


def row_text_heights(rows, widths, measures, line_height, min_height=0.0, fill=0.97, max_lines=3):
    """The text height of each table row (a list of cell strings): the most lines any of its cells needs when
    wrapped into ``fill`` × its column's width (a margin for QGIS's own measuring), at most ``max_lines``, times
    ``line_height``; at least ``min_height``. ``measures``: one width function per row (e.g. bold for the
    headings)."""
    out = []
    for row, measure in zip(rows, measures):
        lines = 1
        for text, w in zip(row, widths):
            if text:
                lines = max(lines, wrapped_lines(text, w * fill, measure))
        out.append(max(min_height, min(lines, max_lines) * line_height))
    return out


def cell_tops(row_heights, cell_margin, grid):
    """The top of each row's cell (from the table's top edge) and the cell's height: QGIS starts with a grid line
    and puts one after each row."""
    tops, y = [], grid
    for h in row_heights:
        tops.append(y)
        y += h + 2 * cell_margin + grid
    return tops, [h + 2 * cell_margin for h in row_heights]


def rows_in_frame(row_heights, cell_margin, grid, frame_height):
    """How many rows (from the first) QGIS shows in a frame ``frame_height`` high (QgsLayoutTable::rowsVisible,
    no header: the first grid line, then rows while their cumulated heights stay below the frame's)."""
    available = frame_height - grid
    count, used = 0, 0.0
    for h in row_heights:
        used += h + 2 * cell_margin + grid
        if used >= available - 1e-9:
            break
        count += 1
    return count


def _escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def spine_column_svg(spines, heading, width, row_heights, cell_margin, grid_y, grid_x, font_family="Sans Serif",
                     font_size=2.3, text_colour="#1e1e1e", grid_colour="#000000", bar_height=2.0, marker_radius=0.95,
                     padding=0.8):
    """The SVG text (mm) of a table column drawn beside a QGIS table whose rows have the text heights
    ``row_heights`` (the headings' row first): the grid lines continued from the table (:func:`cell_tops`), the
    right border, ``heading`` in the first row (bold, ``font_size`` mm) and one spine per following row (``spines``,
    None: an empty cell). ``width``: the cells' width plus the right grid line. Its height: the table's, down to
    the last row's grid line."""
    tops, cells = cell_tops(row_heights, cell_margin, grid_y)
    height = (tops[-1] + cells[-1] + grid_y) if tops else grid_y
    cell_width = width - grid_x
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}">'.format(
        w=_n(width), h=_n(height))]
    if grid_y > 0:  # horizontal lines, centred half a stroke above each cell and below the last one
        for y in [t - grid_y / 2.0 for t in tops] + [height - grid_y / 2.0]:
            parts.append('<line x1="0" y1="{y}" x2="{x}" y2="{y}" stroke="{k}" stroke-width="{s}"/>'.format(
                y=_n(y), x=_n(width), k=grid_colour, s=_n(grid_y)))
    if grid_x > 0:  # the right border
        parts.append('<line x1="{x}" y1="0" x2="{x}" y2="{h}" stroke="{k}" stroke-width="{s}"/>'.format(
            x=_n(width - grid_x / 2.0), h=_n(height), k=grid_colour, s=_n(grid_x)))
    if tops:
        baseline = tops[0] + cells[0] / 2.0 + font_size * 0.35
        parts.append('<text x="{x}" y="{y}" font-family="{f}" font-size="{s}" font-weight="bold" fill="{c}">{t}'
                     '</text>'.format(x=_n(cell_margin), y=_n(baseline), f=_escape(font_family), s=_n(font_size),
                                      c=text_colour, t=_escape(heading)))
    if len(tops) > 1:
        body = spine_svg(spines[:len(tops) - 1], cell_width, cells[1:], margin=cell_margin + padding, row_gap=grid_y,
                         bar_height=bar_height, marker_radius=marker_radius)
        inner = body.split("\n")[1:-1]  # the elements, without the <svg> wrapper
        parts.append('<g transform="translate(0,{})">'.format(_n(tops[1])))
        parts.extend(inner)
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
