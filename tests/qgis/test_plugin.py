"""The plugin loads through classFactory, registers its provider and action, and unload undoes all of it."""

import configparser
import os
from unittest import mock

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QToolBar

from testpaths import REPO_ROOT

# Providers re-registered after a test are kept referenced: a provider whose Python object is collected loses its
# Python side, and the registry can then no longer remove it.
_RESTORED = []


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _our_toolbars(iface):
    return [t for t in iface.mainWindow().findChildren(QToolBar) if t.objectName() == "QuartiersmonitorToolbar"]


@pytest.fixture()
def loaded_plugin(qgis_iface, qgis_processing):
    import quartiersmonitor

    registry = QgsApplication.processingRegistry()
    # Another test may have registered the provider in this session: start clean, restore afterwards.
    previous = registry.providerById("quartiersmonitor")
    if previous is not None:
        registry.removeProvider(previous)
    with mock.patch.object(qgis_iface, "addPluginToMenu", wraps=qgis_iface.addPluginToMenu) as add_menu, \
            mock.patch.object(qgis_iface, "removePluginMenu") as remove_menu:
        plugin = quartiersmonitor.classFactory(qgis_iface)
        plugin.initGui()
        yield plugin, add_menu, remove_menu
        if plugin.provider is not None:
            plugin.unload()
    _flush_deletes()
    if previous is not None:
        from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

        _RESTORED.append(QuartiersmonitorProvider())
        registry.addProvider(_RESTORED[-1])


def test_init_gui_registers_provider_and_action(loaded_plugin, qgis_iface):
    plugin, add_menu, _ = loaded_plugin
    provider = QgsApplication.processingRegistry().providerById("quartiersmonitor")
    assert provider is not None
    assert provider.name() in ("Quartiersmonitor",)
    assert os.path.exists(provider.svgIconPath())
    toolbars = _our_toolbars(qgis_iface)
    assert len(toolbars) == 1
    assert plugin.action in toolbars[0].actions()
    assert add_menu.call_count == 1
    assert add_menu.call_args[0][1] is plugin.action


def test_unload_leaves_nothing_behind(loaded_plugin, qgis_iface):
    plugin, add_menu, remove_menu = loaded_plugin
    action = plugin.action
    plugin.unload()
    _flush_deletes()
    assert QgsApplication.processingRegistry().providerById("quartiersmonitor") is None
    assert _our_toolbars(qgis_iface) == []
    assert remove_menu.call_count == 1
    assert remove_menu.call_args[0][1] is action
    assert remove_menu.call_args[0][0] == add_menu.call_args[0][0]


def test_headless_registers_provider(qgis_processing):
    """Under qgis_process there is no iface: classFactory(None) + initProcessing must still register the provider."""
    import quartiersmonitor

    registry = QgsApplication.processingRegistry()
    previous = registry.providerById("quartiersmonitor")
    if previous is not None:
        registry.removeProvider(previous)
    plugin = quartiersmonitor.classFactory(None)
    plugin.initProcessing()
    plugin.initGui()  # QGIS also calls initGui without a GUI in some contexts: must not fail
    try:
        assert registry.providerById("quartiersmonitor") is not None
        assert plugin.action is None
    finally:
        plugin.unload()
        from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

        if previous is not None:
            _RESTORED.append(QuartiersmonitorProvider())
            registry.addProvider(_RESTORED[-1])
    assert plugin.provider is None


def test_metadata_matches_running_qgis():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(REPO_ROOT, "metadata.txt"), encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version", "author",
                "email", "repository", "tracker", "icon", "category", "tags", "experimental", "changelog"):
        assert general.get(key), key
    assert general["name"] == "Quartiersmonitor"
    assert general["hasProcessingProvider"] == "yes"
    assert general["supportsQt6"] == "True"
    assert os.path.exists(os.path.join(REPO_ROOT, general["icon"]))

    def version_tuple(text):
        return tuple(int(part) for part in text.split(".")[:2])

    running = (Qgis.QGIS_VERSION_INT // 10000, Qgis.QGIS_VERSION_INT // 100 % 100)
    assert version_tuple(general["qgisMinimumVersion"]) <= running <= version_tuple(general["qgisMaximumVersion"])


def test_imported_through_symlink_whatever_the_clone_is_called():
    import quartiersmonitor

    package_dir = os.path.dirname(quartiersmonitor.__file__)
    assert os.path.basename(package_dir) == "quartiersmonitor"
    assert os.path.realpath(package_dir) == os.path.realpath(REPO_ROOT)


DESIGN_ALGORITHMS = {
    "assignaddresses": "addresses", "geocodeaddresses": "addresses", "aggregatecounts": "addresses",
    "offeringcoverage": "addresses", "calculateindicators": "indicators", "attentionindex": "indicators",
    "exportmapsheets": "maps", "exporttable": "indicators", "indicatortrends": "indicators",
    "hotspots": "indicators", "accessibility": "addresses",
    "siteofferings": "addresses",
}


def test_provider_lists_the_contract_algorithms_and_the_model(provider):
    algs = {alg.name(): alg for alg in provider.algorithms()}
    for alg_id, group in DESIGN_ALGORITHMS.items():
        assert alg_id in algs, alg_id
        alg = algs[alg_id]
        assert alg.groupId() == group
        assert alg.shortHelpString().strip(), alg_id
        assert alg.displayName().strip() and alg.displayName() != alg_id
    assert "quartiersmonitor_pipeline" in algs
    model = algs["quartiersmonitor_pipeline"]
    children = {child.algorithmId() for child in model.childAlgorithms().values()}
    assert {"quartiersmonitor:assignaddresses", "quartiersmonitor:aggregatecounts",
            "quartiersmonitor:calculateindicators", "quartiersmonitor:attentionindex"} <= children


def test_a_broken_algorithm_module_is_reported_not_fatal(monkeypatch):
    """An exception escaping loadAlgorithms would abort QGIS: a module that fails to import is skipped and logged."""
    import pkgutil

    from quartiersmonitor.processing_provider import provider as provider_module

    real = pkgutil.iter_modules

    def with_a_broken_one(path):
        yield from real(path)
        yield pkgutil.ModuleInfo(None, "no_such_algorithm_module", False)

    monkeypatch.setattr(provider_module.pkgutil, "iter_modules", with_a_broken_one)
    errors = []
    classes = provider_module.algorithm_classes(errors)
    assert {cls.ALG_ID for cls in classes} == set(DESIGN_ALGORITHMS)
    assert len(errors) == 1 and "no_such_algorithm_module" in errors[0]
