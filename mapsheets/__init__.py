"""Map sheets of quartiers: safe file names (pure) and the atlas layout builder/exporter (QGIS, ``layout``).

``mapsheets.filenames`` imports nothing from QGIS; ``mapsheets.layout`` needs PyQGIS.
"""
