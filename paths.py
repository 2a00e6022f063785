"""Paths of the files the plugin ships (pure: no QGIS)."""

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "quartiersmonitor.svg")
MODELS_DIR = os.path.join(PLUGIN_DIR, "resources", "models")
DEFAULT_TEMPLATE = os.path.join(PLUGIN_DIR, "resources", "layouts", "quartier_sheet_a4.qpt")
