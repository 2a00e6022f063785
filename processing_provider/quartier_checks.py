"""Checks of a quartier layer's geometry as a whole (QGIS geometry): overlapping quartiers and gaps between them."""

from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsSpatialIndex, QgsUnitTypes

from ..compat import GEOMETRY_POLYGON, METERS
from ..translation import tr
from .errors import check_canceled


def overlaps_and_gaps(quartiers, feedback):
    """Pairs of overlapping quartiers with the overlap area, and the gaps with number, area and centre, from
    ``quartiers`` as :func:`readers.read_quartiers` returns them: the holes of their union, then the strips up to
    :data:`GAP_WIDTH_M` wide between two quartiers that open to the outside (a gap reaching the layer's edge)."""
    geoms = quartiers["geometries"]
    ids = quartiers["ids"]
    index = QgsSpatialIndex()
    for i, g in enumerate(geoms):
        if not g.isNull() and not g.isEmpty():
            feature = QgsFeature(i)
            feature.setGeometry(g)
            if not index.addFeature(feature):
                raise QgsProcessingException(tr("Quartier “{}”: its geometry cannot be indexed.").format(ids[i]))
    overlaps = []
    for i, g in enumerate(geoms):
        check_canceled(feedback)
        if g.isNull() or g.isEmpty():
            continue
        for j in index.intersects(g.boundingBox()):
            if j <= i:
                continue
            inter = g.intersection(geoms[j])
            area = inter.area() if not inter.isNull() else 0.0
            if area > 0:
                a, b = sorted((ids[i], ids[j]))
                overlaps.append((a, b, round(area, 2)))
    overlaps.sort()
    gaps = []
    union = QgsGeometry.unaryUnion([g for g in geoms if not g.isNull() and not g.isEmpty()])
    if union is not None and not union.isNull():
        polygons = union.asMultiPolygon() if union.isMultipart() else [union.asPolygon()]
        holes = []
        for polygon in polygons:
            for ring in polygon[1:]:
                hole = QgsGeometry.fromPolygonXY([ring]).difference(union)  # less islands inside it
                if hole.isNull() or hole.area() <= 0:
                    continue
                holes.append(hole)
                _add_gap(gaps, hole)
        for piece in _open_gaps(union, holes, geoms, index, quartiers.get("crs"), feedback):
            _add_gap(gaps, piece)
    return overlaps, gaps


# Gaps open to the outside of the quartier layer (a strip between two quartiers that reaches its outer edge) are found
# up to this width: the union is closed (buffered out and back in by half of it) and what the closing adds between two
# or more quartiers is a gap.
GAP_WIDTH_M = 500.0
_SEGMENTS = 8


def _add_gap(gaps, geometry):
    centre = geometry.pointOnSurface().asPoint()
    gaps.append((len(gaps) + 1, round(geometry.area(), 2), round(centre.x(), 2), round(centre.y(), 2)))


def _open_gaps(union, holes, geoms, index, crs, feedback):
    """The parts of the union's closing by :data:`GAP_WIDTH_M` that are no hole and touch two quartiers or more."""
    if crs is None or not crs.isValid():
        return []
    half = GAP_WIDTH_M / 2.0 * QgsUnitTypes.fromUnitToUnitFactor(METERS, crs.mapUnits())
    if not half > 0:
        return []
    closed = union.buffer(half, _SEGMENTS).buffer(-half, _SEGMENTS)
    if closed is None or closed.isNull():
        return []
    added = closed.difference(union)
    for hole in holes:
        added = added.difference(hole)
    if added is None or added.isNull() or added.isEmpty():
        return []
    tolerance = half * 1e-3
    pieces = []
    for part in (added.asGeometryCollection() if added.isMultipart() else [added]):
        check_canceled(feedback)
        if part.type() != GEOMETRY_POLYGON or part.area() <= tolerance * tolerance:
            continue
        near = part.buffer(tolerance, 2)
        touched = [j for j in index.intersects(near.boundingBox()) if near.intersects(geoms[j])]
        if len(touched) >= 2:
            pieces.append(part)
    return pieces
