"""Shared base of every Quartiersmonitor Processing algorithm."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

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

    def tr(self, message):
        return tr(message)

    def name(self):
        return self.ALG_ID

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def icon(self):
        from .provider import ICON_PATH

        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        from .provider import ICON_PATH

        return ICON_PATH

    def createInstance(self):  # noqa: N802
        return type(self)()

    @staticmethod
    def check_canceled(feedback):
        """Raise when the user pressed cancel, so no partial output is written."""
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled by the user."))
