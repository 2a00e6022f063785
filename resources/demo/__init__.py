"""Synthetic demo county for Quartiersmonitor (see ``generate.py``).

``generate(seed, scale)`` builds it in memory, ``write(data, folder)`` writes demo.gpkg and the CSVs.

Nothing here imports qgis, Qt or GDAL at import time.
"""

from .generate import DemoData, generate, write, write_csvs  # noqa: F401
