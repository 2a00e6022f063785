"""Scale bars of a map sheet with round segments: 1, 2, 2.5 or 5 × 10^k map units each."""

import math

from qgis.core import Qgis, QgsScaleBarSettings


def segment_size_modes():
    """(fit width, fixed) scale bar segment modes: ``Qgis.ScaleBarSegmentSizeMode`` where scoped (QGIS >= 3.30),
    else ``QgsScaleBarSettings``'s."""
    scoped = getattr(Qgis, "ScaleBarSegmentSizeMode", None)
    if scoped is not None:
        return scoped.FitWidth, scoped.Fixed
    return QgsScaleBarSettings.SegmentSizeFitWidth, QgsScaleBarSettings.SegmentSizeFixed


def nice_segment(low, high):
    """The smallest 1, 2, 2.5 or 5 × 10^k in [low, high] (scale bar units per segment); None if there is none."""
    if not (0 < low <= high) or not math.isfinite(high):
        return None
    magnitude = 10 ** math.floor(math.log10(low))
    for factor in (1, 10):
        for mantissa in (1, 2, 2.5, 5):
            value = mantissa * magnitude * factor
            if low <= value * (1 + 1e-9) and value <= high * (1 + 1e-9):
                return value
    return None


def fit_scale_bars(bars, map_item):
    """Round the segments of the "fit width" scale ``bars`` of ``map_item`` to 1, 2, 2.5 or 5 × 10^k (QGIS's own
    fit gives 900 m or 3,000 m segments), still within each bar's minimum and maximum width; QGIS's fit where none
    is."""
    fit, fixed = segment_size_modes()
    extent, width_mm = map_item.extent(), map_item.rect().width()
    for bar in bars:
        value = None
        if extent.width() > 0 and width_mm > 0 and not map_item.crs().isGeographic():
            segments = bar.numberOfSegments() + (1 if bar.numberOfSegmentsLeft() > 0 else 0)
            per_mm = extent.width() / width_mm / (bar.mapUnitsPerScaleBarUnit() or 1.0) / max(segments, 1)
            value = nice_segment(bar.minimumBarWidth() * per_mm, bar.maximumBarWidth() * per_mm)
        if value is None:
            bar.setSegmentSizeMode(fit)
        else:
            bar.setSegmentSizeMode(fixed)
            bar.setUnitsPerSegment(value)
        bar.resizeToMinimumWidth()
        bar.update()
