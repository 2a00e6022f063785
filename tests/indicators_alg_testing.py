"""Helpers shared by the QGIS tests of the indicator algorithms (import only from tests/qgis: needs QGIS).

``build`` is ``tests/data/indicators_alg/build.py`` (the hand-checkable fixture tables), loaded once.
"""

import importlib.util
import os

from qgis.core import QgsProcessingFeedback

from testpaths import DATA_DIR

_spec = importlib.util.spec_from_file_location("indicators_alg_build",
                                               os.path.join(DATA_DIR, "indicators_alg", "build.py"))
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


class RecordingFeedback(QgsProcessingFeedback):
    """Feedback that keeps the warnings and infos an algorithm pushed."""

    def __init__(self):
        super().__init__()
        self.warnings = []
        self.infos = []

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):
        self.infos.append(info)
        super().pushInfo(info)


def enum_indexes(ids):
    """Option indexes of the INDICATORS enum parameter for catalog ids."""
    from quartiersmonitor.indicators.catalog import load_catalog

    order = load_catalog().ids()
    return [order.index(i) for i in ids]


def calculate_params(quartiers, counts, out, ids, **extra):
    """Parameters of calculateindicators on the fixture tables."""
    params = {
        "QUARTIERS": quartiers,
        "QUARTIER_ID": "quartier_id",
        "DATA": counts,
        "DATA_ID": "quartier_id",
        "INDICATORS": enum_indexes(ids),
        "MUNICIPALITY_FIELD": "municipality_id",
        "OUTPUT": out,
    }
    params.update(extra)
    return params
