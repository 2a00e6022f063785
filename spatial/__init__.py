"""Spatial kernels in numpy (no QGIS, no Qt): point-in-polygon assignment (:mod:`.pip`), nearest distances and
coverage (:mod:`.nearest`), counting records per quartier (:mod:`.counting`, :mod:`.aggregate`), and the values and
report the address algorithms write (:mod:`.coverage`, :mod:`.assignment_report`)."""
