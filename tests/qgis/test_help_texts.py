"""The help of every algorithm as QGIS shows it: text in angle brackets (``sum_<field>``, ``n_<value>``) survives.

QGIS renders shortHelpString (one paragraph per line), shortDescription and a parameter's tooltip as HTML; a raw
``<field>`` would be read as an unknown tag and vanish. The expected strings are written here by hand, not taken from
the code under test.
"""

import re

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QTextDocument

from quartiersmonitor.processing_provider.base import QuartiersAlgorithm, help_html

ANGLE = re.compile(r"<[A-Za-z_]+>")


def shown(help_text):
    """The help as the algorithm dialog shows it: each line a paragraph of HTML, read back as plain text."""
    html = "".join("<p>{}</p>".format(line) for line in help_text.split("\n"))
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def as_plain(html):
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def provider_algorithms():
    return [a for a in QgsApplication.processingRegistry().algorithms() if a.provider().id() == "quartiersmonitor"]


@pytest.mark.parametrize("alg_id, expected", [
    ("assignaddresses", ["sum_<field>"]),
    ("aggregatecounts", ["n_<value>", "age_<from>_<to>"]),
    ("offeringcoverage", ["n_<category>", "pop_far_<category>", "white_spot_<category>"]),
])
def test_angle_brackets_survive_in_the_help_pane(provider, alg_id, expected):
    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:" + alg_id)
    text = shown(alg.shortHelpString())
    for item in expected:
        assert item in text, (alg_id, item)
    assert "sum_ " not in text and "age__" not in text


def test_every_algorithm_shows_its_help_text_whole(provider):
    """For every algorithm of the provider (the model too): each ``<word>`` of the help is visible in the pane, no
    raw tag is left in the HTML, and the lines stay lines."""
    algorithms = provider_algorithms()
    assert len(algorithms) >= 8
    for alg in algorithms:
        help_text = alg.shortHelpString()
        assert help_text, alg.id()
        assert not ANGLE.search(help_text), (alg.id(), ANGLE.search(help_text).group())
        text = shown(help_text)
        raw = help_text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        for word in ANGLE.findall(raw):
            assert word in text, (alg.id(), word)
        lines = [line for line in help_text.split("\n") if line.strip()]
        assert len([line for line in text.split("\n") if line.strip()]) == len(lines), alg.id()
        description = alg.shortDescription()
        assert not ANGLE.search(description or ""), alg.id()


def test_parameter_tooltips_keep_angle_brackets(provider):
    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:assignaddresses")
    tooltip = as_plain(alg.parameterDefinition("SUMMARY").toolTip())
    assert "n_addresses and sum_<field>" in tooltip


def test_a_subclass_calling_super_is_escaped_once():
    class Parent(QuartiersAlgorithm):
        def shortHelpString(self):
            return "a <b> & c"

    class Child(Parent):
        def shortHelpString(self):
            return super().shortHelpString() + "\nd <e>"

    assert Parent().shortHelpString() == "a &lt;b&gt; &amp; c"
    assert Child().shortHelpString() == "a &lt;b&gt; &amp; c\nd &lt;e&gt;"
    assert shown(Child().shortHelpString()) == "a <b> & c\nd <e>"
    assert help_html("") == "" and help_html(None) is None
