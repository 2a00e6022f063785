"""Spatial kernels in numpy (no QGIS, no Qt): point-in-polygon assignment and nearest distances."""
