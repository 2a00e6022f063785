"""Safe map-sheet file names (pure, no QGIS)."""

import os
import re

import pytest

from quartiersmonitor.mapsheets.filenames import (
    MAX_STEM,
    document_stem,
    path_inside,
    safe_component,
    sheet_stem,
    unique_stems,
)

SAFE = re.compile(r"^[A-Za-z0-9_-]+$")

HOSTILE = [
    ("01", "Nord/Süd"),
    ("02", "..\\..\\Windows\\system32"),
    ("03", "../../etc/passwd"),
    ("04", "C:\\temp\\x"),
    ("05", ".."),
    ("06", "."),
    ("07", "Straße: Ölmühle * ? < > |"),
    ("08", "x" * 300),
    ("09", "\x00\x01\n\t"),
    ("10", "CON"),
    ("11", "  "),
    ("12", None),
    ("13", "日本語の地区"),
    ("../14", "Äußere Neustadt"),
]


@pytest.mark.parametrize("qid,name", HOSTILE)
def test_sheet_stem_is_safe(qid, name):
    stem = sheet_stem(qid, name)
    assert SAFE.match(stem), stem
    assert 0 < len(stem) <= MAX_STEM
    assert ".." not in stem and "/" not in stem and "\\" not in stem


def test_umlauts_are_transliterated():
    assert sheet_stem("0101", "Nord/Süd") == "0101_Nord_Sued"
    assert safe_component("Äußere Straße") == "Aeussere_Strasse"
    assert safe_component("Café Noël") == "Cafe_Noel"


def test_reserved_and_empty_names():
    assert safe_component("CON") == "_CON"
    assert safe_component("..") == ""
    assert sheet_stem(None, None) == "quartier"
    assert sheet_stem("07", "07") == "07"


def test_long_names_keep_their_difference():
    a = sheet_stem("1", "y" * 299 + "a")
    b = sheet_stem("1", "y" * 299 + "b")
    assert len(a) == len(b) == MAX_STEM
    assert a != b


def test_unique_stems_case_insensitive():
    assert unique_stems(["a", "A", "a", "b"]) == ["a", "A_2", "a_3", "b"]


def test_document_stem():
    assert document_stem("Sozialmonitoring 2025 / Kreis") == "Sozialmonitoring_2025_Kreis"
    assert document_stem("../..") == "map_sheets"
    assert len(document_stem("z" * 400)) == MAX_STEM


def test_path_inside(tmp_path):
    folder = str(tmp_path)
    for qid, name in HOSTILE:
        path = path_inside(folder, sheet_stem(qid, name) + ".pdf")
        assert os.path.dirname(path) == os.path.realpath(folder)
    for bad in ("../x.pdf", "a/b.pdf", "..", "", "/etc/passwd"):
        with pytest.raises(ValueError):
            path_inside(folder, bad)
