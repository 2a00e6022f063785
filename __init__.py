"""Quartiersmonitor QGIS plugin.

Nothing from qgis is imported at module level, so that the pure packages
(``indicators``, ``spatial``, ``addresses``) import in a Python without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point)
    """Return the plugin instance; QGIS calls this when it loads the plugin."""
    from .plugin import QuartiersmonitorPlugin

    return QuartiersmonitorPlugin(iface)
