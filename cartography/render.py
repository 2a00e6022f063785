"""Render layers to an image file (PNG) with ``QgsMapRendererParallelJob``: demo, tests, previews."""

from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from ..compat import null_rectangle


def render_image(layers, width=1200, height=900, extent=None, background="#ffffff", crs=None):
    """Render ``layers`` (top first) into a QImage; the extent defaults to the layers' combined extent (+5 %)."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setOutputSize(QSize(int(width), int(height)))
    settings.setBackgroundColor(QColor(background))
    if crs is None and layers:
        crs = layers[0].crs()
    if crs is not None:
        settings.setDestinationCrs(crs)
    if extent is None:
        extent = null_rectangle()
        for layer in layers:
            extent.combineExtentWith(layer.extent())
        extent.scale(1.05)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def render_png(layers, path, width=1200, height=900, extent=None, background="#ffffff"):
    """Render ``layers`` into the PNG ``path``; returns the path. Raises OSError when it cannot be written."""
    image = render_image(layers, width, height, extent, background)
    if image.isNull() or not image.save(path, "PNG"):
        raise OSError("could not write {}".format(path))
    return path
