"""Test set-up shared by all tests: makes the plugin importable as ``quartiersmonitor`` (see testpaths.py).

Nothing here imports qgis, so the pure tests (``tests/unit``) also run in a Python without QGIS
(``make test-unit`` runs them with the pytest-qgis plugin switched off).
"""

import os
import sys

_TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

import testpaths  # noqa: E402,F401  (creates the quartiersmonitor symlink on sys.path)
