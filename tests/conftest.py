"""Test set-up shared by all tests.

The repository root IS the plugin folder, whatever the clone is called. Tests import it as ``quartiersmonitor``
through a symlink in a temporary folder put first on ``sys.path``. Nothing here imports qgis, so the pure tests
(``tests/unit``) run in a Python without QGIS too.
"""

import os
import sys
import tempfile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_DIR = os.path.join(REPO_ROOT, "tests")
DATA_DIR = os.path.join(TESTS_DIR, "data")


def _link_plugin_package():
    link_dir = tempfile.mkdtemp(prefix="qm-import-")
    os.symlink(REPO_ROOT, os.path.join(link_dir, "quartiersmonitor"))
    sys.path.insert(0, link_dir)
    # The clone's own folder must not be importable under its own name by accident.
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != os.path.dirname(REPO_ROOT)]
    return link_dir


PLUGIN_IMPORT_DIR = _link_plugin_package()
if TESTS_DIR not in sys.path:
    sys.path.insert(1, TESTS_DIR)
