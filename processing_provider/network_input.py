"""The NETWORK input (a line layer of paths and roads) of ``offeringcoverage`` and ``accessibility``: its parameter,
its checks, its lines read into a :class:`spatial.network.Network` in the quartiers' CRS, and the log lines about
points far from it."""

import numpy as np
from qgis.core import QgsFeatureRequest, QgsProcessingParameterFeatureSource, QgsWkbTypes

from ..compat import GEOMETRY_LINE, SOURCE_LINE
from ..spatial.network import ACCESS_LIMIT_M, SNAP_M, build_network
from ..translation import tr
from .errors import canceled, empty_layer
from .inputs import check_crs_pair, require_geometry, source_name


def network_parameter(name):
    """The optional NETWORK parameter (lines)."""
    return QgsProcessingParameterFeatureSource(
        name, tr("Network of paths and roads (lines; empty: straight-line distances)"), [SOURCE_LINE],
        optional=True)


def network_source(algorithm, parameters, name, context, quartiers, q_label):
    """The network source and its label (None, "" when not given), checked: lines, a CRS that relates to the
    quartiers'."""
    if parameters.get(name) in (None, ""):
        return None, ""
    source = algorithm.required_source(parameters, name, context)
    label = source_name(parameters, name, source)
    require_geometry(source, GEOMETRY_LINE, label, name)
    check_crs_pair(source, quartiers, label, q_label)
    return source, label


def _parts(geometry):
    if geometry is None or geometry.isEmpty():
        return []
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = geometry.__class__(geometry.constGet().segmentize())
    return geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]


def read_network(source, label, param_name, crs, to_metres, context, feedback=None):
    """The :class:`spatial.network.Network` of the lines of ``source`` in ``crs`` (reprojected by QGIS with the
    project's transform context); vertices within :data:`SNAP_M` metres are one node. An error when it holds no
    line."""
    request = QgsFeatureRequest().setNoAttributes()
    request.setDestinationCrs(crs, context.transformContext())
    xs, ys, starts = [], [], [0]
    total = max(source.featureCount(), 1)
    for i, feature in enumerate(source.getFeatures(request)):
        if i % 5000 == 0 and feedback is not None:
            if feedback.isCanceled():
                raise canceled()
        for part in _parts(feature.geometry()):
            if len(part) < 2:
                continue
            xs.extend(p.x() for p in part)
            ys.extend(p.y() for p in part)
            starts.append(len(xs))
        if feedback is not None and i % 5000 == 0:
            feedback.setProgress(100.0 * i / total)
    net = build_network(np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64),
                        np.asarray(starts, dtype=np.int64), SNAP_M / to_metres)
    if net.n_segments == 0:
        raise empty_layer(label, param_name)
    return net


def log_network_join(feedback, net_label, what, access_m):
    """Log how many points of ``what`` (translated, e.g. "address(es)") lie farther than :data:`ACCESS_LIMIT_M`
    from the network (their straight connection counts)."""
    far = np.isfinite(access_m) & (access_m > ACCESS_LIMIT_M)
    if far.any():
        feedback.pushWarning(
            tr("{} {} lie farther than {:.0f} m from the network “{}” (up to {:.0f} m): the straight connection "
               "to the nearest path is counted in their distances. Is the network complete?").format(
                int(far.sum()), what, ACCESS_LIMIT_M, net_label, float(access_m[far].max())))
