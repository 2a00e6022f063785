"""Paths shared by tests (``from testpaths import REPO_ROOT, DATA_DIR, PLUGIN_IMPORT_DIR``).

The repository root IS the plugin folder, whatever the clone is called. Tests import it as ``quartiersmonitor``
through a symlink in a temporary folder put first on ``sys.path`` (made once per process, on first import).
Nothing here imports qgis.
"""

import os
import sys
import tempfile

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(TESTS_DIR)
DATA_DIR = os.path.join(TESTS_DIR, "data")


def _link_plugin_package():
    link_dir = tempfile.mkdtemp(prefix="qm-import-")
    os.symlink(REPO_ROOT, os.path.join(link_dir, "quartiersmonitor"))
    # The clone's parent folder must not make the clone importable under its own folder name by accident.
    parent = os.path.dirname(REPO_ROOT)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != parent]
    sys.path.insert(0, link_dir)
    return link_dir


PLUGIN_IMPORT_DIR = _link_plugin_package()
