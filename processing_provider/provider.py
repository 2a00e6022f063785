"""The ``quartiersmonitor`` Processing provider."""

import glob
import importlib
import inspect
import os
import pkgutil

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON_PATH, MODELS_DIR
from ..translation import tr
from . import algorithms
from .base import QuartiersAlgorithm
from .bundled_model import MODEL_FILE, BundledModel


def algorithm_classes(errors=None):
    """Every algorithm class defined in ``processing_provider/algorithms``, sorted by id.

    A module that fails to import is skipped and reported (in ``errors`` and the QGIS message log): an exception
    escaping ``loadAlgorithms`` would take QGIS down with it.
    """
    classes = []
    for info in pkgutil.iter_modules(algorithms.__path__):
        name = "{}.{}".format(algorithms.__name__, info.name)
        try:
            module = importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 (any import failure: report it, load the others)
            message = tr("Quartiersmonitor could not load the algorithm module {}: {}").format(info.name, error)
            QgsMessageLog.logMessage(message, "Quartiersmonitor", Qgis.MessageLevel.Critical)
            if errors is not None:
                errors.append(message)
            continue
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QuartiersAlgorithm) and obj.__module__ == module.__name__:
                classes.append(obj)
    return sorted(classes, key=lambda cls: cls.ALG_ID)


def bundled_models():
    """Processing models shipped in ``resources/models`` (``*.model3``): the pipeline as a :class:`BundledModel`."""
    models = []
    for path in sorted(glob.glob(os.path.join(MODELS_DIR, "*.model3"))):
        model = BundledModel() if os.path.basename(path) == MODEL_FILE else QgsProcessingModelAlgorithm()
        if model.fromFile(path):
            model.setProvider(None)
            models.append(model.localise() if isinstance(model, BundledModel) else model)
    return models


class QuartiersmonitorProvider(QgsProcessingProvider):
    def id(self):
        return "quartiersmonitor"

    def name(self):
        return tr("Quartiersmonitor")

    def longName(self):  # noqa: N802
        return tr("Quartiersmonitor: social and health planning for quartiers")

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def load(self):
        # A model resolves its child algorithms through the registry when it is read. While QGIS loads this
        # provider it is not registered yet, so our bundled models would see none of our algorithms: load once
        # more as soon as the provider is registered.
        registry = QgsApplication.processingRegistry()
        registry.providerAdded.connect(self._registered)
        return super().load()

    def _registered(self, provider_id):
        if provider_id != self.id():
            return
        try:
            QgsApplication.processingRegistry().providerAdded.disconnect(self._registered)
        except TypeError:
            pass
        self.refreshAlgorithms()

    def loadAlgorithms(self):  # noqa: N802
        # Fresh instances every time (keeping them gives "wrapped C/C++ object has been deleted").
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        for model in bundled_models():
            self.addAlgorithm(model)
