"""Fixtures for tests that need real QGIS (pytest-qgis)."""

import gc

import pytest
from postgis_server import postgis  # noqa: F401  (the session's throwaway PostGIS server: tests/postgis_server.py)
from qgis.core import QgsApplication, QgsMapLayer, QgsMapLayerStore, QgsProcessingContext, QgsProject
from qgis.PyQt import sip

# Providers registered by the fixture are kept referenced here for the whole session.
_KEEP = []

# Python-owned QGIS objects that must not outlive QgsApplication.exitQgis(): destroying an OGR layer (directly, or
# through the context / store / project that owns it) after exitQgis segfaults in GDALClose.
_RELEASE_BEFORE_EXIT = (QgsProcessingContext, QgsProject, QgsMapLayerStore, QgsMapLayer)


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory):
    """The demo county, written once for the session (seed 42; a quarter of the addresses: the geometry is the
    same at every scale and the joins stay fast). Tests only read it."""
    from quartiersmonitor.resources.demo.generate import generate, write

    folder = str(tmp_path_factory.mktemp("demo"))
    summary = write(generate(seed=42, scale=0.25), folder)
    assert summary["quartiers"] == 158
    return folder


@pytest.fixture(autouse=True, scope="session")
def _release_qgis_objects_before_exit(qgis_app):
    """Destroys the QGIS objects Python still owns at session end, before pytest-qgis calls ``exitQgis()``.

    Requesting ``qgis_app`` makes this teardown run before pytest-qgis's. Two kinds of objects are still alive then:

    * QGIS 3.22 leaks every ``QgsProcessingException`` raised in a Python ``processAlgorithm``: its
      ``processing_exception_handler`` (python/core/core.sip.in) calls ``PyErr_Fetch`` and never releases the
      exception and traceback, so all frames of the call stack, including the test function and ``run_alg``,
      stay alive with their locals (layers, result dicts, ``QgsProcessingContext`` with its temporary layers)
      until the interpreter shuts down, after ``exitQgis()``.
    * The fixture values of the session's last test: pytest drops them only after the session fixtures'
      teardown (file-based layer fixtures should use ``pytest_qgis.utils.clean_qgis_layer``).
    """
    yield
    gc.collect()
    alive = [obj for obj in gc.get_objects() if issubclass(type(obj), _RELEASE_BEFORE_EXIT)]
    # Owners first (a context, store or project deletes its layers), then the layers Python owns.
    alive.sort(key=lambda obj: isinstance(obj, QgsMapLayer))
    project = QgsProject.instance()
    for obj in alive:
        if obj is not project and not sip.isdeleted(obj) and sip.ispyowned(obj):
            sip.delete(obj)
    del alive


@pytest.fixture(autouse=True, scope="session")
def _real_layer_tree_view(qgis_iface, qgis_parent):
    """``iface.layerTreeView()`` as the desktop has it: a real view over the project's layer tree.

    From QGIS 3.44 Processing hands it to C++ when it loads results (``processing.runAndLoadResults``,
    ``QgsProcessingGuiUtils.addResultLayers``); pytest-qgis's stand-in iface would answer with a MagicMock.
    """
    from qgis.core import QgsLayerTreeModel
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView(qgis_parent)
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    qgis_iface.layerTreeView = lambda: view
    yield view


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


def _qgis_locale(code):
    """QGIS speaking ``code`` ("de_DE", "en_US") through its locale settings, restored afterwards (a fixture's
    body: whatever locale an earlier test left in the settings)."""
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings()
    old = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", code)
    yield
    for key, value in old.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture()
def german_locale():
    """QGIS running in German (the plugin's translator and the catalog's names and units follow it)."""
    yield from _qgis_locale("de_DE")


@pytest.fixture()
def english_locale():
    """QGIS running in English."""
    yield from _qgis_locale("en_US")
