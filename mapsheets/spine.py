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


def spine_svg(spines, width, row_heights, bar_fraction=0.5, marker_fraction=0.32, margin=2.0):
    """The SVG text of ``spines`` stacked top to bottom, row ``i`` ``row_heights[i]`` high (same units as
    ``width``, e.g. mm), the bar ``bar_fraction`` of the row high, the marker's radius ``marker_fraction`` of the
    row height; ``margin`` left and right of the bar. A None spine leaves its row empty."""
    height = float(sum(row_heights))
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}">'.format(
        w=_n(width), h=_n(height))]
    inner = max(0.0, width - 2 * margin)
    y = 0.0
    for spine, rh in zip(spines, row_heights):
        if spine is not None:
            bh = rh * bar_fraction
            top = y + (rh - bh) / 2.0

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
                c=_n(x(spine.centre)), t=_n(y + rh * 0.1), b=_n(y + rh * 0.9), k=CENTRE_COLOUR))
            if spine.marker is not None:
                r = rh * marker_fraction
                colour = COLOURS[spine.colour]
                fill = "none" if spine.colour == "unknown" else colour
                parts.append('<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="0.25"/>'.format(
                    _n(x(spine.marker)), _n(y + rh / 2.0), _n(r), fill, colour))
        y += rh
    parts.append("</svg>")
    return "\n".join(parts)
