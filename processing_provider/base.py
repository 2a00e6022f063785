"""Shared base of every Quartiersmonitor Processing algorithm."""

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputDefinition,
)
from qgis.PyQt.QtGui import QIcon

from ..compat import (
    FLAG_ADVANCED,
    parameter_as_strings,
)
from ..paths import ICON_PATH
from ..translation import tr
from . import errors

# Parameter types of QGIS 3.22 ... 4 (scoped enums moved to ``Qgis`` in later versions).

# Stable group ids (never translated) and their translated names.
GROUP_ADDRESSES = "addresses"
GROUP_INDICATORS = "indicators"
GROUP_MAPS = "maps"


def group_name(group_id):
    names = {
        GROUP_ADDRESSES: tr("1 Addresses and offerings"),
        GROUP_INDICATORS: tr("2 Indicators"),
        GROUP_MAPS: tr("3 Maps"),
    }
    return names[group_id]


class QuartiersAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``ALG_ID`` and ``GROUP_ID`` and implement
    ``displayName``, ``shortHelpString``, ``initAlgorithm`` and ``processAlgorithm``.

    Subclasses are found by the provider in ``processing_provider/algorithms``.
    """

    ALG_ID = ""
    GROUP_ID = ""

    # parameter names most algorithms share (the others are class attributes of each algorithm)
    INPUT = "INPUT"
    QUARTIERS = "QUARTIERS"
    QUARTIER_ID = "QUARTIER_ID"
    OUTPUT = "OUTPUT"

    def tr(self, message):
        return tr(message)

    def name(self):
        return self.ALG_ID

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def createInstance(self):  # noqa: N802
        return type(self)()

    def _add(self, definition, help_text=None, advanced=False):
        """Add a parameter (with its help text, among the advanced ones) or an output definition; False from QGIS
        means a duplicate name: a programming error."""
        if advanced:
            definition.setFlags(definition.flags() | FLAG_ADVANCED)
        if help_text and hasattr(definition, "setHelp"):
            definition.setHelp(help_text)
        added = self.addOutput(definition) if isinstance(definition, QgsProcessingOutputDefinition) else \
            self.addParameter(definition)
        if not added:
            raise RuntimeError("cannot add {} to {}".format(definition.name(), self.ALG_ID))

    def required_source(self, parameters, name, context):
        """The feature source of parameter ``name``; Processing's own error when it cannot be opened."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def field_name(self, parameters, name, context):
        """The one field chosen in field parameter ``name`` ("" when none)."""
        values = parameter_as_strings(self, parameters, name, context)
        return values[0] if values else ""

    @staticmethod
    def check_canceled(feedback):
        """Raise when the user pressed cancel, so no partial output is written."""
        errors.check_canceled(feedback)


class LayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Base of the post-processors that style a loaded output: ``create(settings)`` keeps the last 20 of each kind
    alive until QGIS has run them (QGIS holds only a pointer); subclasses implement ``postProcessLayer``."""

    _alive = {}

    def __init__(self, settings):
        super().__init__()
        self.settings = settings

    @classmethod
    def create(cls, settings):
        instance = cls(settings)
        alive = LayerPostProcessor._alive.setdefault(cls, [])
        alive.append(instance)
        del alive[:-20]
        return instance
