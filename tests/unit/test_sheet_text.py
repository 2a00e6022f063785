"""The words of a map sheet (pure): title, subtitle, source line, value and rank, PDF properties; the decimals of the
profile table."""

import math
import subprocess
import sys
from types import SimpleNamespace

from test_pure_modules import BLOCKER

from quartiersmonitor.mapsheets.profile_cells import profile_cells
from quartiersmonitor.mapsheets.sheet_text import (
    TITLE_NAME_LENGTH,
    pdf_properties,
    sheet_title,
    short_name,
    source_line,
    subtitle,
    value_line,
)
from testpaths import PLUGIN_IMPORT_DIR


def tr(text):
    return text


def row(**values):
    base = dict(id="A.1", name="SGB II rate", unit="%", value=23.44, municipality=20.0, county=10.26, rank=12,
                n_ranked=158, sig=1, flag="ok", display="23.4")
    base.update(values)
    return SimpleNamespace(**base)


def test_sheet_text_and_profile_cells_import_without_qgis_or_qt():
    proc = subprocess.run([sys.executable, "-c", BLOCKER, PLUGIN_IMPORT_DIR, "mapsheets.sheet_text",
                           "mapsheets.profile_cells"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "quartiersmonitor.mapsheets.sheet_text" in proc.stdout


def test_title_is_id_then_name_without_double_brackets():
    assert sheet_title("0101", "Innenstadt (Lindenau)") == "0101 Innenstadt (Lindenau)"
    assert sheet_title("0101", None) == sheet_title("0101", "  ") == "0101"
    assert sheet_title(7, "Nord\n  Süd") == "7 Nord Süd"
    long = "Z" * 300
    assert sheet_title("0110", long) == "0110 " + "Z" * (TITLE_NAME_LENGTH - 1) + "\u2026"
    # cut at 39 characters ("ab ab … ab "), the blank before "…" dropped
    assert short_name("ab " * 30) == "ab " * 12 + "ab\u2026"


def test_subtitle_joins_the_given_parts():
    assert subtitle("Sozialbericht 2025", "SGB II rate (%)", "2024") == (
        "Sozialbericht 2025 \u00b7 SGB II rate (%) \u00b7 2024")
    assert subtitle("", "SGB II rate (%)", None) == "SGB II rate (%)"


def test_source_line_never_empty_and_date_only_when_known():
    line = source_line(tr, "Jobcenter", "31.12.2024", "2026-11-30")
    assert line == ("Source: Jobcenter \u00b7 Data: 31.12.2024 \u00b7 Quartiersmonitor map sheet of 2026-11-30 \u00b7 "
                    "\u25b2/\u25bc significantly above/below the county")
    assert source_line(tr, None, "", "x").startswith("Source: not stated \u00b7 Quartiersmonitor map sheet of x")


def test_value_line_value_rank_and_suppressed():
    assert value_line(tr, row()) == "SGB II rate: 23.4 %\nRank 12 of 158"
    assert value_line(tr, row(value=1234.56, unit="je 100"), "de", 1) == "SGB II rate: 1.234,6 je 100\nRank 12 of 158"
    assert value_line(tr, row(value=422.06, unit="per 100,000"), "en", 0) == (
        "SGB II rate: 422 per 100,000\nRank 12 of 158")
    hidden = row(value=math.nan, flag="suppressed_count", display="suppressed", rank=None)
    assert value_line(tr, hidden) == "SGB II rate: suppressed"
    # a hidden value is never shown, even if a number were left in the row
    assert value_line(tr, row(value=7.0, flag="suppressed_secondary", display="suppressed", rank=None)) == (
        "SGB II rate: suppressed")
    assert value_line(tr, None) == ""


def test_pdf_properties():
    props = pdf_properties(tr, "Sozialbericht", "SGB II rate (%)", "Jobcenter", "2024", indicator_id="A.1")
    assert props == {"title": "Sozialbericht", "subject": "SGB II rate (%) \u00b7 2024 \u00b7 Source: Jobcenter",
                     "author": "Jobcenter", "keywords": {"Quartiersmonitor": ["A.1", "SGB II rate (%)", "2024"]}}
    one = pdf_properties(tr, "", "SGB II rate (%)", "", "", sheet="0101 Innenstadt")
    assert one["title"] == "0101 Innenstadt \u00b7 Quartiersmonitor" and one["subject"] == "SGB II rate (%)"


def test_profile_cells_use_the_recorded_decimals_for_rates_per_100000():
    g2 = row(id="G.2", name="Premature mortality", unit="per 100,000", value=422.06, municipality=311.84,
             county=296.16, display="422", rank=30, n_ranked=146, sig=0)
    catalog = {"G.2": SimpleNamespace(factor=100000)}
    engine = profile_cells([g2], "en", catalog)
    assert engine == [["G.2 Premature mortality (per 100,000)", "422", "312", "296", "30/146", ""]]
    recorded = profile_cells([g2], "de", catalog, recorded_decimals=1)
    assert recorded == [["G.2 Premature mortality (per 100,000)", "422,1", "311,8", "296,2", "30/146", ""]]
    hidden = row(value=math.nan, flag="suppressed_count", display="suppressed", rank=None, n_ranked=11)
    assert profile_cells([hidden], "en", None, recorded_decimals=2)[0][1] == "suppressed"
