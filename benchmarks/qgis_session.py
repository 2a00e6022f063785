"""QGIS for the benchmarks: headless, Processing initialised and the plugin's provider registered, as the tests'
``provider`` fixture has it. The caller makes the plugin importable as ``quartiersmonitor`` first (``import
conftest`` or ``import testpaths`` from tests/)."""

import os
import sys

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"  # Processing's own Python package


def start_qgis_with_provider():
    """``(app, provider, processing)``: the QgsApplication (keep it alive), our registered provider and the
    ``qgis.processing`` module to run algorithms with."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from processing.core.Processing import Processing
    from qgis import processing

    Processing.initialize()
    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    provider = QuartiersmonitorProvider()
    if not QgsApplication.processingRegistry().addProvider(provider):
        raise SystemExit("cannot register the quartiersmonitor provider")
    return app, provider, processing
