"""Shared base of every Quartiersmonitor Processing algorithm."""

import functools
import html

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtGui import QIcon

from ..compat import (
    FLAG_ADVANCED,
    FLAG_OPTIONAL,
    NUMBER_DOUBLE,
    parameter_as_strings,
)
from ..indicators import field_guess
from ..paths import ICON_PATH
from ..translation import tr
from . import errors

# Parameter types of QGIS 3.22 ... 4 (scoped enums moved to ``Qgis`` in later versions).

# Stable group ids (never translated) and their translated names.
GROUP_ADDRESSES = "addresses"
GROUP_INDICATORS = "indicators"
GROUP_MAPS = "maps"


# The texts QGIS shows as HTML (the help pane, the toolbox tooltip, a parameter's tooltip): written as plain text by
# the algorithms, escaped here once, for every algorithm (see QuartiersAlgorithm.__init_subclass__).
HELP_METHODS = ("shortHelpString", "helpString", "shortDescription")


def help_html(text):
    """Plain help ``text`` as the HTML QGIS renders it: ``<``, ``>`` and ``&`` escaped (``n_<value>`` stays
    visible), line breaks kept (QGIS makes each line of a help string a paragraph). Unchanged in ``qgis_process``,
    which prints the help as it is, as text."""
    if not text or QgsApplication.platform() == "qgis_process":
        return text
    return html.escape(text, quote=False)


def _escaping(method):
    """``method`` (one of :data:`HELP_METHODS` of a subclass) returning its text escaped by :func:`help_html`; a
    subclass's override that calls ``super()`` gets the raw text of the parent, so nothing is escaped twice."""

    @functools.wraps(method)
    def escaped(self):
        if getattr(self, "_raw_help", False):
            return method(self)
        self._raw_help = True
        try:
            text = method(self)
        finally:
            self._raw_help = False
        return help_html(text)

    escaped.escapes_help = True
    return escaped


# What the field parameters of the algorithms hold, by parameter name (the same names in every algorithm): a
# mandatory one asks for the canonical name by default (the field widget preselects it when the layer has it), and a
# field the layer lacks gets the likely one suggested (QuartiersAlgorithm.checkParameterValues).
FIELD_KINDS = {
    "QUARTIER_ID": field_guess.QUARTIER_ID,
    "DATA_ID": field_guess.QUARTIER_ID,
    "INPUT_ID_FIELD": field_guess.QUARTIER_ID,
    "STREET_FIELD": field_guess.STREET,
    "DIR_STREET_FIELD": field_guess.STREET,
    "HOUSENUMBER_FIELD": field_guess.HOUSENUMBER,
    "DIR_HOUSENUMBER_FIELD": field_guess.HOUSENUMBER,
    "POSTCODE_FIELD": field_guess.POSTCODE,
    "DIR_POSTCODE_FIELD": field_guess.POSTCODE,
    "CITY_FIELD": field_guess.CITY,
    "DIR_CITY_FIELD": field_guess.CITY,
    "WEIGHT_FIELD": field_guess.RESIDENTS,
    "POPULATION_FIELD": field_guess.RESIDENTS,
    "MUNICIPALITY_FIELD": field_guess.MUNICIPALITY,
}

# decimals a number widget shows unless a parameter sets its own (QGIS shows 6: "85.000000")
DEFAULT_DECIMALS = 2


def default_field(name):
    """The field a mandatory field parameter ``name`` asks for by default (None: no canonical name)."""
    kind = FIELD_KINDS.get(name)
    return field_guess.CANONICAL[kind] if kind else None


def set_decimals(definition, decimals):
    """Have the number widget of ``definition`` show ``decimals`` decimals (widget metadata, read by QGIS's numeric
    widget since 3.x: "1000" instead of "1000.000000")."""
    metadata = dict(definition.metadata() or {})
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper["decimals"] = decimals
    metadata["widget_wrapper"] = wrapper
    definition.setMetadata(metadata)
    return definition


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

    def __init_subclass__(cls, **kwargs):
        """Every help text a subclass defines (:data:`HELP_METHODS`) is escaped for QGIS's HTML views."""
        super().__init_subclass__(**kwargs)
        for name in HELP_METHODS:
            method = cls.__dict__.get(name)
            if method is not None and not getattr(method, "escapes_help", False):
                setattr(cls, name, _escaping(method))

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
        if isinstance(definition, QgsProcessingParameterNumber) and definition.dataType() == NUMBER_DOUBLE and \
                "decimals" not in (definition.metadata() or {}).get("widget_wrapper", {}):
            set_decimals(definition, DEFAULT_DECIMALS)
        if help_text and hasattr(definition, "setHelp"):
            definition.setHelp(help_html(help_text))  # shown in the parameter's tooltip, as HTML
        added = self.addOutput(definition) if isinstance(definition, QgsProcessingOutputDefinition) else \
            self.addParameter(definition)
        if not added:
            raise RuntimeError("cannot add {} to {}".format(definition.name(), self.ALG_ID))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's checks, then: a field parameter naming a field its layer lacks, where the layer has a field that
        likely holds the same thing (``qid`` for the quartier id), is refused with that field suggested; an empty
        mandatory field parameter gets the same suggestion added to QGIS's message."""
        ok, message = super().checkParameterValues(parameters, context)
        hints = self.field_hints(parameters, context, missing_only=ok)
        if not hints:
            return ok, message
        return False, " ".join(([message] if not ok and message else []) + hints)

    def field_hints(self, parameters, context, missing_only=False):
        """The suggestions of :meth:`checkParameterValues` (``missing_only``: only for fields named but missing)."""
        hints = []
        for definition in self.parameterDefinitions():
            kind = FIELD_KINDS.get(definition.name())
            if kind is None or not isinstance(definition, QgsProcessingParameterField) or definition.allowMultiple():
                continue
            layer = self._parent_layer(parameters, definition.parentLayerParameterName(), context)
            if layer is None:
                continue
            names = layer.fields().names()
            likely = field_guess.likely_field(names, kind)
            value = self.field_name(parameters, definition.name(), context)
            optional = bool(definition.flags() & FLAG_OPTIONAL)
            if likely is None or (value and layer.fields().lookupField(value) >= 0):
                continue
            if optional and parameters.get(definition.name()) in (None, ""):
                continue  # an optional field left out: its default may be missing (the algorithm decides)
            if value:
                hints.append(errors.no_field(layer.name(), value, definition.name(), names).args[0] + " " +
                             tr("Did you mean field “{}”?").format(likely))
            elif not missing_only and not optional:
                hints.append(tr("Choose the field of layer “{}” for “{}” (parameter {}): probably “{}”.").format(
                    layer.name(), definition.description(), definition.name(), likely))
        return hints

    def _parent_layer(self, parameters, name, context):
        """The vector layer of parameter ``name`` (None when it is not given or cannot be read)."""
        if not name or parameters.get(name) in (None, ""):
            return None
        try:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        except Exception:  # noqa: BLE001 (whatever QGIS raises here, the algorithm reports it itself)
            return None
        return layer if layer is not None and layer.isValid() else None

    def required_source(self, parameters, name, context):
        """The feature source of parameter ``name``; a layer QGIS could not open is named (a PostGIS layer with its
        connection and table, :func:`inputs.require_valid_layer`), else Processing's own error when it cannot be
        opened."""
        from .inputs import require_valid_layer

        require_valid_layer(self.parameterAsVectorLayer(parameters, name, context), name)
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
