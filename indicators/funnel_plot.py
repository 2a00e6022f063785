"""What the dock's funnel plot draws, as numbers: the quartiers' points, the control limits as curves over the
denominator, nice axis ranges and ticks, and the mapping of values to pixels. Pure Python (numpy), no qgis, no Qt:
the widget (``ui.funnel_view``) only paints what this module computes.

A funnel plot (Spiegelhalter 2005) shows each quartier's published value against its denominator, the county value
as a horizontal line and the 95 % and 99.8 % control limits of a quartier *like the county* as curves that narrow
with the denominator (:mod:`indicators.funnel`, in the indicator's unit: ``factor * limit count / n``, widened by
the overdispersion factor the layer recorded). A quartier outside the funnel differs from the county by more than
chance; one with a striking value inside it may be a fluke of small numbers.

Only published cells are points (flag ``ok`` with a value and a denominator): a hidden quartier is not drawn at
all, not even its denominator, and the limits depend on the county's published totals only.
"""

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from . import funnel
from .classify import nice_number
from .output_rows import FUNNEL_SUFFIX

CURVE_POINTS = 90  # denominators per limit curve (spaced geometrically: the funnel bends where n is small)


@dataclass
class FunnelPoint:
    key: object  # the caller's key of the quartier (the layer's feature id)
    label: str  # "0101 Innenstadt"
    value: float  # the published value, in the indicator's unit
    denominator: float
    funnel_class: Optional[str]  # ``funnel.CLASSES`` or None (no class recorded)


def _finite(value):
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def funnel_points(rows, field):
    """The points of indicator ``field`` from ``rows`` (``(key, label, {field name: value})``): every published
    cell (``<F>_flag`` "ok") with a finite value and a positive denominator; hidden, invalid and empty cells give no
    point."""
    out = []
    for key, label, row in rows:
        if row.get(field + "_flag") != "ok":
            continue
        value = _finite(row.get(field))
        den = _finite(row.get(field + "_den"))
        if value is None or den is None or den <= 0:
            continue
        cls = row.get(field + FUNNEL_SUFFIX)
        out.append(FunnelPoint(key, label, value, den, cls if cls in funnel.CLASSES else None))
    return out


def limit_curves(kind, theta, phi, factor, n_max, n_min=None, points=CURVE_POINTS):
    """The four control limits (99.8 % low, 95 % low, 95 % high, 99.8 % high) over the denominator, in the
    indicator's unit: ``(n, limits)`` with ``n`` the denominators (geometric from ``n_min``, default
    ``n_max / 500`` but at least 1, to ``n_max``; whole numbers for a share) and ``limits`` an array ``(len(n), 4)``
    of ``factor * limit count / n`` (:func:`indicators.funnel.count_limits`), moved away from the county value by
    ``sqrt(phi)`` when ``phi > 1`` (the overdispersion adjustment of :func:`indicators.funnel.classify`)."""
    if not (n_max > 0) or theta is None or not math.isfinite(theta):
        return np.zeros(0), np.zeros((0, 4))
    low = max(1.0, n_max / 500.0) if n_min is None else max(n_min, 1e-9)
    if low >= n_max:
        low = n_max / 2.0
    n = np.geomspace(low, n_max, points)
    if kind == "share":
        n = np.unique(np.maximum(1.0, np.round(n)))
    scale = math.sqrt(phi) if phi is not None and phi > 1 else 1.0
    out = np.empty((len(n), 4))
    for i, ni in enumerate(n):
        counts = funnel.count_limits(kind, float(ni), theta)
        centre = ni * theta
        out[i] = factor * (centre + scale * (counts - centre)) / ni
    if kind == "share":
        out = np.clip(out, 0.0, float(factor))
    else:
        out = np.maximum(out, 0.0)
    return n, out


def nice_step(span, count):
    """A step of 1, 2 or 5 times a power of ten giving about ``count`` intervals over ``span``."""
    if not (span > 0) or not math.isfinite(span):
        return 1.0
    return float(nice_number(span / max(1, count), round_up=True))


def nice_range(low, high, count=5):
    """``(low, high, step)``: the range widened to whole steps around ``low`` .. ``high`` (a single value gets a
    range of one step on each side)."""
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = nice_step(high - low, count)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def ticks(low, high, step):
    """The tick values ``low``, ``low + step``, … up to ``high``."""
    n = int(round((high - low) / step))
    return [low + i * step for i in range(n + 1)]


@dataclass
class PlotFrame:
    """The data ranges and the pixel rectangle of the plot area; maps values to pixels (y grows downwards)."""
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    left: float
    top: float
    width: float
    height: float

    def x(self, value):
        return self.left + (value - self.x_min) / (self.x_max - self.x_min) * self.width

    def y(self, value):
        return self.top + (self.y_max - value) / (self.y_max - self.y_min) * self.height


def axis_ranges(points, county, kind=None, factor=None):
    """``((x_min, x_max, x_step), (y_min, y_max, y_step))`` of a plot of ``points`` and the ``county`` value: the
    denominator from 0 to beyond the largest (by 4 % at least); the values around the points and the county value
    (limits reaching further are cut at the plot's edge), a share kept within 0 .. ``factor``."""
    dens = [p.denominator for p in points]
    vals = [p.value for p in points]
    x = nice_range(0.0, max(dens) * 1.04 if dens else 1.0, 5)  # no point on the plot's right edge
    if county is not None and math.isfinite(county):
        vals = vals + [county]
    if not vals:
        return x, nice_range(0.0, 1.0, 5)
    low, high = min(vals), max(vals)
    pad = (high - low) * 0.05
    low, high = low - pad, high + pad
    if kind == "share" and factor:
        low, high = max(0.0, low), min(float(factor), high)
    elif min(vals) >= 0:
        low = max(0.0, low)
    return x, nice_range(low, high, 5)


# point colours by what a funnel class means with the indicator's polarity (as the spine chart's marker colours)
POINT_COLOURS = {
    "worse 99.8": "#c0282c",
    "worse 95": "#eb8e8f",
    "better 99.8": "#1e64aa",
    "better 95": "#8db4de",
    "within": "#9a9a9a",
    "unknown": "#505050",  # drawn hollow: no class recorded
}
COUNTY_COLOUR = "#000000"
LIMIT_95_COLOUR = "#6e6e6e"  # dashed
LIMIT_998_COLOUR = "#303030"  # dotted
SELECTED_COLOUR = "#ffd400"  # the ring around a selected quartier


def point_colour_key(funnel_class, polarity):
    """The key of :data:`POINT_COLOURS` for a ``funnel_class`` read with the indicator's ``polarity`` (high = more
    need for +1): beyond a limit on the side of more need is ``worse``; a context indicator (polarity 0) is never
    worse or better, only ``within``."""
    if funnel_class not in funnel.CLASSES:
        return "unknown"
    if funnel_class == funnel.WITHIN or polarity == 0:
        return "within"
    above = funnel_class in (funnel.ABOVE_95, funnel.ABOVE_998)
    level = "99.8" if funnel_class in (funnel.ABOVE_998, funnel.BELOW_998) else "95"
    worse = above if polarity > 0 else not above
    return "{} {}".format("worse" if worse else "better", level)
