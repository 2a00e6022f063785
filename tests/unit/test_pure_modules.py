"""The pure packages import, and their modules load, in a Python where qgis and Qt cannot be imported."""

import os
import subprocess
import sys
import textwrap

from testpaths import PLUGIN_IMPORT_DIR, REPO_ROOT

PURE_PACKAGES = ("indicators", "spatial", "addresses", "storage")
# pure modules inside packages that also hold QGIS glue
PURE_MODULES = ("mapsheets.filenames", "mapsheets.profile_cells", "mapsheets.sheet_text", "mapsheets.spine",
                "ui.dock_text")

BLOCKER = textwrap.dedent("""
    import importlib, importlib.abc, pkgutil, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip", "osgeo"):
                raise ImportError("blocked in this test: " + name)
            return None

    sys.meta_path.insert(0, Block())
    sys.path.insert(0, sys.argv[1])
    import quartiersmonitor  # the root __init__ must not need qgis
    loaded = []
    for package in sys.argv[2:]:
        module = importlib.import_module("quartiersmonitor." + package)
        loaded.append(module.__name__)
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), module.__name__ + "."):
            importlib.import_module(info.name)
            loaded.append(info.name)
    print("\\n".join(loaded))
""")


def test_pure_packages_import_without_qgis_or_qt():
    for package in PURE_PACKAGES:
        assert os.path.isfile(os.path.join(REPO_ROOT, package, "__init__.py")), package
    proc = subprocess.run([sys.executable, "-c", BLOCKER, PLUGIN_IMPORT_DIR] + list(PURE_PACKAGES + PURE_MODULES),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    modules = proc.stdout.split()
    assert all(m.startswith("quartiersmonitor.") for m in modules)
    for name in PURE_PACKAGES + PURE_MODULES:
        assert "quartiersmonitor." + name in modules, name
    for package in PURE_PACKAGES:  # every module file of a pure package was imported
        for entry in os.listdir(os.path.join(REPO_ROOT, package)):
            if entry.endswith(".py") and entry != "__init__.py":
                assert "quartiersmonitor.{}.{}".format(package, entry[:-3]) in modules, entry


def test_blocker_really_blocks_qgis():
    """The guard above would be worthless if the blocker let qgis through."""
    script = BLOCKER + "\nimport qgis.core\n"
    proc = subprocess.run([sys.executable, "-c", script, PLUGIN_IMPORT_DIR], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0
    assert "blocked in this test: qgis" in proc.stderr
