"""The pure packages import, and their modules load, in a Python where qgis and Qt cannot be imported."""

import os
import subprocess
import sys
import textwrap

from testpaths import PLUGIN_IMPORT_DIR, REPO_ROOT

PURE_PACKAGES = ("indicators", "spatial", "addresses")

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
        for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
            importlib.import_module(info.name)
            loaded.append(info.name)
    print("\\n".join(loaded))
""")


def test_pure_packages_import_without_qgis_or_qt():
    packages = [p for p in PURE_PACKAGES if os.path.isdir(os.path.join(REPO_ROOT, p))]
    assert packages
    proc = subprocess.run([sys.executable, "-c", BLOCKER, PLUGIN_IMPORT_DIR] + packages, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    modules = proc.stdout.split()
    assert all(m.startswith("quartiersmonitor.") for m in modules)


def test_blocker_really_blocks_qgis():
    """The guard above would be worthless if the blocker let qgis through."""
    script = BLOCKER + "\nimport qgis.core\n"
    proc = subprocess.run([sys.executable, "-c", script, PLUGIN_IMPORT_DIR], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0
    assert "blocked in this test: qgis" in proc.stderr
