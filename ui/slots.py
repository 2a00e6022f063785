"""Slots run from C++: an exception escaping one would abort QGIS. :func:`safe_slot` logs it instead."""

import functools
import traceback

from qgis.core import Qgis, QgsMessageLog

from ..translation import tr


def safe_slot(method):
    """Wrap a slot method: an exception it raises is logged (Quartiersmonitor tab, critical) and None returned."""

    @functools.wraps(method)
    def wrapper(self, *args):
        try:
            return method(self, *args)
        except Exception:  # noqa: BLE001
            QgsMessageLog.logMessage(traceback.format_exc(), tr("Quartiersmonitor"), Qgis.Critical)
            return None

    return wrapper
