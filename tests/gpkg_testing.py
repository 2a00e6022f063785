"""Writing test layers into GeoPackages with QGIS's own writer (import only from QGIS tests)."""

import os

from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer


def write_gpkg(layer, path, name=None):
    """Write ``layer`` into the GeoPackage ``path`` as layer ``name`` (default: the layer's name; an existing layer
    of that name is replaced, others are kept). Returns the written layer, checked valid."""
    name = name or layer.name()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    if os.path.exists(path):
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    assert result[0] == QgsVectorFileWriter.WriterError.NoError, result
    written = QgsVectorLayer("{}|layername={}".format(path, name), name, "ogr")
    assert written.isValid()
    return written
