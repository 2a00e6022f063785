"""The German translation loads when the QGIS locale is German (full locale first, then the language)."""

import importlib.util
import os

from testpaths import REPO_ROOT


def test_qm_is_built_and_found_for_full_locale_and_language():
    from quartiersmonitor.translation import translation_file

    qm = os.path.join(REPO_ROOT, "i18n", "quartiersmonitor_de.qm")
    assert os.path.exists(qm), "run make translations"
    assert os.path.realpath(translation_file("de_DE")) == os.path.realpath(qm)
    assert os.path.realpath(translation_file("de")) == os.path.realpath(qm)
    assert translation_file("fr_FR") is None


def test_plugin_speaks_german_when_qgis_does(german_locale, qgis_iface):
    import quartiersmonitor
    from quartiersmonitor.processing_provider.base import group_name
    from quartiersmonitor.translation import tr

    assert tr("2 Indicators") == "2 Indicators"
    plugin = quartiersmonitor.classFactory(qgis_iface)
    try:
        assert plugin.translator is not None
        assert tr("2 Indicators") == "2 Indikatoren"
        assert group_name("addresses") == "1 Adressen und Angebote"
    finally:
        plugin.unload()
    assert tr("2 Indicators") == "2 Indicators"


def test_every_ts_message_has_a_german_translation():
    """The .ts in git is complete: every tr() literal in the plugin's code has a German translation."""
    spec = importlib.util.spec_from_file_location("update_ts", os.path.join(REPO_ROOT, "scripts", "update_ts.py"))
    update_ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_ts)
    sources = update_ts.collect(REPO_ROOT)
    translations = update_ts.existing_translations(os.path.join(REPO_ROOT, "i18n", "quartiersmonitor_de.ts"))
    assert len(sources) >= 8
    missing = sorted(s for s in sources if s not in translations)
    assert not missing, "untranslated strings (run make update-ts and translate): {}".format(missing[:20])


def test_translations_keep_every_placeholder():
    """A translation that drops or renames a {placeholder} would break str.format() at run time."""
    import re

    spec = importlib.util.spec_from_file_location("update_ts", os.path.join(REPO_ROOT, "scripts", "update_ts.py"))
    update_ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_ts)
    translations = update_ts.existing_translations(os.path.join(REPO_ROOT, "i18n", "quartiersmonitor_de.ts"))
    assert translations
    placeholder = re.compile(r"\{[^{}]*\}")
    broken = [source for source, text in translations.items()
              if sorted(placeholder.findall(source)) != sorted(placeholder.findall(text))]
    assert broken == []
