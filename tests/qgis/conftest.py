"""Fixtures for tests that need real QGIS (pytest-qgis)."""

import pytest
from qgis.core import QgsApplication

# Providers registered by the fixture are kept referenced here for the whole session.
_KEEP = []


@pytest.fixture()
def provider(qgis_processing):
    """Processing initialised (native + QGIS algorithms) and our provider registered, as QGIS does for the plugin.

    Looked up anew for every test: a test of the plugin's own unload removes (and so deletes) the provider.
    """
    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("quartiersmonitor")
    if existing is None:
        existing = QuartiersmonitorProvider()
        assert registry.addProvider(existing)
        _KEEP.append(existing)
    return existing


@pytest.fixture()
def run_alg(provider):
    """``run_alg("assignaddresses", {...})`` runs ``quartiersmonitor:<id>`` through ``processing.run``."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def _run(alg_id, params, context=None, feedback=None):
        context = context or QgsProcessingContext()
        feedback = feedback or QgsProcessingFeedback()
        name = alg_id if ":" in alg_id else "quartiersmonitor:" + alg_id
        return processing.run(name, params, context=context, feedback=feedback)

    return _run
