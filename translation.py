"""Translation helpers: ``tr()`` and loading the translator from the QGIS locale.

All user-facing strings of the plugin go through :func:`tr` with a literal
string, so that ``scripts/update_ts.py`` can extract them into
``i18n/quartiersmonitor_<lang>.ts``. The context is always ``Quartiersmonitor``.
"""

import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "Quartiersmonitor"
I18N_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "i18n")


def tr(message, disambiguation=None, n=-1):
    """Translate ``message`` in the plugin's context."""
    return QCoreApplication.translate(CONTEXT, message, disambiguation, n)


def qgis_locale():
    """The locale QGIS runs in: the user's override, else the system locale."""
    settings = QSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    locale = settings.value("locale/userLocale", "", type=str) if override else ""
    if not locale:
        locale = settings.value("locale/globalLocale", "", type=str) or QLocale.system().name()
    return locale or "en"


def translation_file(locale):
    """The ``.qm`` file for ``locale``: full locale first ("de_AT"), then language ("de")."""
    candidates = [locale, locale.split("_")[0]] if locale else []
    for candidate in candidates:
        path = os.path.join(I18N_DIR, "quartiersmonitor_{}.qm".format(candidate))
        if os.path.exists(path):
            return path
    return None


def install_translator(locale=None):
    """Install the plugin's translator for ``locale`` (default: QGIS locale).

    Returns the installed ``QTranslator`` (to be removed on unload) or None.
    """
    path = translation_file(locale or qgis_locale())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator):
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def current_language(locale=None):
    """The language of generated text (legends, labels): "de" when the QGIS locale is German, else "en"."""
    locale = locale or qgis_locale()
    return "de" if locale.lower().startswith("de") else "en"
