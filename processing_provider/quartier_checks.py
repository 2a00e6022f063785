"""Checks of a quartier layer's geometry as a whole (QGIS geometry): overlapping quartiers and gaps between them."""

from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsSpatialIndex

from ..translation import tr
from .errors import check_canceled


def overlaps_and_gaps(quartiers, feedback):
    """Pairs of overlapping quartiers with the overlap area, and the gaps (holes of their union) with area and centre,
    from ``quartiers`` as :func:`readers.read_quartiers` returns them."""
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
        k = 0
        for polygon in polygons:
            for ring in polygon[1:]:
                hole = QgsGeometry.fromPolygonXY([ring]).difference(union)  # less islands inside it
                if hole.isNull() or hole.area() <= 0:
                    continue
                k += 1
                centre = hole.pointOnSurface().asPoint()
                gaps.append((k, round(hole.area(), 2), round(centre.x(), 2), round(centre.y(), 2)))
    return overlaps, gaps
