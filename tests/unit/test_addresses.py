"""German address normalisation and staged matching (pure: no QGIS)."""

import random

import numpy as np
import pytest

from quartiersmonitor.addresses import (
    AMBIGUOUS,
    HOUSENUMBER_NOT_FOUND,
    NO_STREET,
    STREET_NOT_FOUND,
    Canceled,
    Directory,
    city_key,
    geocode,
    housenumber_parts,
    postcode_key,
    split_street_housenumber,
    street_key,
    summary,
)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Hauptstraße", "Hauptstrasse", "Hauptstr.", "Hauptstr", "HAUPTSTRASSE", "Haupt-Straße", "Haupt Str.",
         " hauptstraße ", "Hauptstraße"],
        ["Sankt-Georg-Straße", "St.-Georg-Str.", "St. Georg Strasse", "Sankt Georg Str", "st georg-straße"],
        ["Karl-Marx-Straße", "Karl Marx Str.", "Karlmarxstraße", "KARL-MARX-STR"],
        ["Am Mühlbach", "Am Muehlbach", "am mühlbach", "Am  Mühlbach", "AM MÜHLBACH"],
        ["Straße des 17. Juni", "Strasse des 17 Juni", "Str. des 17. Juni"],
        ["Frédéric-Joliot-Curie-Straße", "Frederic-Joliot-Curie-Str."],
        ["Große Straße", "Grosse Strasse", "Große Str.", "GROSSE STRASSE"],
    ],
)
def test_street_spellings_share_one_key(spellings):
    keys = {street_key(s) for s in spellings}
    assert len(keys) == 1, keys


def test_street_key_values_and_distinctions():
    assert street_key("Hauptstraße") == "hauptstr"
    assert street_key("St.-Georg-Str.") == "sanktgeorgstr"
    assert street_key("Ölmühlenweg") == "oelmuehlenweg"
    assert street_key(None) == "" and street_key("  ") == ""
    # Different streets stay different.
    assert street_key("Am Ring") != street_key("Am Rain")
    assert street_key("Hauptstraße") != street_key("Hauptweg")
    assert street_key("Lindenstraße") != street_key("Lindenplatz")
    assert city_key("St. Ingbert") == city_key("Sankt-Ingbert") == "sanktingbert"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("12", ("12", "12")),
        ("12a", ("12a", "12")),
        ("12 A", ("12a", "12")),
        ("12 a", ("12a", "12")),
        ("12-a", ("12a", "12")),
        ("012", ("12", "12")),
        ("12-14", ("12-14", "12")),
        ("12 - 14", ("12-14", "12")),
        ("12/1", ("12/1", "12")),
        (12, ("12", "12")),
        (12.0, ("12", "12")),
        ("o. Nr.", ("", "")),
        ("", ("", "")),
        (None, ("", "")),
        (float("nan"), ("", "")),
    ],
)
def test_housenumber_parts(raw, expected):
    assert housenumber_parts(raw) == expected


def test_postcode_and_split():
    assert postcode_key(1067) == postcode_key("01067") == postcode_key("D-01067") == postcode_key(1067.0) == "01067"
    assert postcode_key(None) == "" and postcode_key("k.A.") == ""
    assert split_street_housenumber("Hauptstr. 12a") == ("Hauptstr.", "12a")
    assert split_street_housenumber("Bahnhofstraße 12-14") == ("Bahnhofstraße", "12-14")
    assert split_street_housenumber("Hauptstraße") == ("Hauptstraße", "")
    assert split_street_housenumber("Straße des 17. Juni") == ("Straße des 17. Juni", "")


# A small directory: two places with a "Hauptstraße 1" each.
DIRECTORY = [
    # postcode, city, street, number, x, y
    ("12345", "Musterstadt", "Hauptstraße", "1", 100.0, 0.0),
    ("12345", "Musterstadt", "Hauptstraße", "2", 110.0, 0.0),
    ("12345", "Musterstadt", "Hauptstraße", "12", 200.0, 0.0),
    ("12345", "Musterstadt", "Hauptstraße", "12a", 205.0, 0.0),
    ("12345", "Musterstadt", "Hauptstraße", "14", 220.0, 0.0),
    ("12345", "Musterstadt", "Sankt-Georg-Straße", "3", 300.0, 30.0),
    ("12345", "Musterstadt", "Karl-Marx-Straße", "7", 400.0, 40.0),
    ("12345", "Musterstadt", "Am Mühlbach", "5", 500.0, 50.0),
    ("12345", "Musterstadt", "Bahnhofstraße", "10", 600.0, 60.0),
    ("12345", "Musterstadt", "Schillerstraße", "20", 700.0, 70.0),
    ("12345", "Musterstadt", "Schillerstraße", "22", 720.0, 70.0),
    ("12346", "Nachbardorf", "Hauptstraße", "1", 5000.0, 0.0),
    ("12346", "Nachbardorf", "Schulweg", "3", 5100.0, 10.0),
]


def make_directory(with_postcode=True, with_city=True):
    cols = list(zip(*DIRECTORY))
    return Directory(cols[2], cols[3], cols[4], cols[5], postcode=cols[0] if with_postcode else None,
                     city=cols[1] if with_city else None)


# input street, number, postcode, city  → expected status, directory row (or centroid x), score
TRICKY = [
    ("Hauptstraße", "1", "12345", "Musterstadt", "exact", 0, 100),
    ("Hauptstr.", "1", "12345", "Musterstadt", "normalized", 0, 95),
    ("HAUPTSTRASSE", "12 A", "12345", "Musterstadt", "normalized", 3, 95),
    ("Haupt-Straße", "12a", 12345, "musterstadt", "normalized", 3, 95),
    ("Hauptstrasse", "12-14", "12345", None, "normalized", 2, 90),  # a range: its first number
    ("Hauptstraße", "2 b", "12345", None, "normalized", 1, 90),  # suffix unknown: the plain number
    ("St.-Georg-Str.", "3", "12345", None, "normalized", 5, 95),
    ("Sankt Georg Strasse", "003", "12345", None, "normalized", 5, 95),
    ("Karl Marx Str", "7", "12345", None, "normalized", 6, 95),
    ("Am Muehlbach", "5", "12345", None, "normalized", 7, 95),
    ("Bahnhofstr. 10", None, "12345", None, "normalized", 8, 95),  # number written into the street field
    ("Schilerstraße", "20", "12345", None, "fuzzy", 9, round(90 * 20 / 21)),  # typo: one letter missing
    ("Hauptstraße", "99", "12345", None, "street", "centroid", 50),
    ("Schulweg", "3", "12345", "Nachbardorf", "normalized", 12, 90),  # wrong postcode, right city: -5
    ("Schulweg", "3", "99999", None, "normalized", 12, 85),  # unknown postcode: whole directory, -10
]


def test_tricky_spellings_match_as_expected():
    rows = list(zip(*TRICKY))
    result = geocode(make_directory(), rows[0], rows[1], postcode=rows[2], city=rows[3])
    street_x = np.mean([r[4] for r in DIRECTORY if r[0] == "12345" and r[2] == "Hauptstraße"])
    for i, (street, number, _pc, _city, status, row, score) in enumerate(TRICKY):
        got = result.iloc[i]
        assert got["status"] == status, (street, number, got.to_dict())
        assert got["score"] == score, (street, number, got.to_dict())
        assert got["reason"] == ""
        if row == "centroid":
            assert got["x"] == pytest.approx(street_x) and got["dir_index"] == -1
        else:
            assert got["dir_index"] == row
            assert (got["x"], got["y"]) == (DIRECTORY[row][4], DIRECTORY[row][5])


def test_unmatched_reasons():
    inputs = [
        ("", "5", "12345"),  # no street
        (None, None, None),  # nothing at all
        ("Nichtexistenzweg", "1", "12345"),  # street nowhere
        ("Hauptstraße", "1", None),  # no postcode: Hauptstraße 1 exists in two places
        ("Am Ring", "1", "12345"),  # not similar enough to anything
    ]
    cols = list(zip(*inputs))
    result = geocode(make_directory(with_city=False), cols[0], cols[1], postcode=cols[2])
    assert list(result["status"]) == ["unmatched"] * 5
    assert list(result["reason"]) == [NO_STREET, NO_STREET, STREET_NOT_FOUND, AMBIGUOUS, STREET_NOT_FOUND]
    assert list(result["score"]) == [0] * 5
    assert result["x"].isna().all()


def test_street_fallback_off_and_fuzzy_off():
    d = make_directory()
    result = geocode(d, ["Hauptstraße", "Schilerstraße"], ["99", "20"], postcode=["12345", "12345"],
                     street_fallback=False)
    assert list(result["status"]) == ["unmatched", "fuzzy"]
    assert result["reason"][0] == HOUSENUMBER_NOT_FOUND
    result = geocode(d, ["Schilerstraße"], ["20"], postcode=["12345"], fuzzy=False)
    assert result["status"][0] == "unmatched" and result["reason"][0] == STREET_NOT_FOUND
    # A high threshold refuses the typo.
    result = geocode(d, ["Schilerstraße"], ["20"], postcode=["12345"], threshold=0.99)
    assert result["reason"][0] == STREET_NOT_FOUND


def test_fuzzy_tie_is_ambiguous():
    d = Directory(["Ahornweg", "Ahornwen"], ["1", "1"], [0, 10], [0, 0], postcode=["1", "1"])
    result = geocode(d, ["Ahornwex"], ["1"], postcode=["00001"])
    assert result["status"][0] == "unmatched" and result["reason"][0] == AMBIGUOUS


def test_summary_and_cancel():
    d = make_directory()
    result = geocode(d, ["Hauptstraße", "Foo"], ["1", "1"], postcode=["12345", "12345"])
    assert summary(result) == {"exact": 1, "normalized": 0, "fuzzy": 0, "street": 0, "unmatched": 1}
    with pytest.raises(Canceled):
        geocode(d, ["Hauptstraße"], ["1"], is_canceled=lambda: True)


def test_empty_inputs():
    result = geocode(make_directory(), [], [], postcode=[])
    assert len(result) == 0
    empty = Directory([], [], [], [])
    result = geocode(empty, ["Hauptstraße"], ["1"])
    assert result["reason"][0] == STREET_NOT_FOUND


def _respell(street, rng):
    """An independent re-spelling of a street name built from "…straße"."""
    choices = [
        lambda s: s.replace("straße", "str."),
        lambda s: s.replace("straße", "strasse").upper(),
        lambda s: s.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"),
        lambda s: s[:-6] + " Straße",
        lambda s: s.lower(),
    ]
    return rng.choice(choices)(street)


def test_random_respellings_find_the_right_address():
    rng = random.Random(7)
    stems = ["Linden", "Birken", "Mühlen", "Schul", "Kirch", "Garten", "Wald", "Berg", "Rosen", "Tannen",
             "Bäcker", "Schützen", "Blumen", "Wiesen", "Brunnen", "Höhen", "Feld", "Markt", "Post", "Turm"]
    streets, numbers, postcodes, xs = [], [], [], []
    for p, pc in enumerate(["10001", "10002", "10003"]):
        for s, stem in enumerate(stems):
            for n in range(1, 9):
                streets.append(stem + "straße")
                numbers.append(str(n) + ("a" if n == 8 else ""))
                postcodes.append(pc)
                xs.append(p * 100000 + s * 1000 + n)
    d = Directory(streets, numbers, xs, np.zeros(len(xs)), postcode=postcodes)
    picks = [rng.randrange(len(xs)) for _ in range(300)]
    in_streets = [_respell(streets[i], rng) for i in picks]
    in_numbers = [numbers[i].replace("a", " A") for i in picks]
    result = geocode(d, in_streets, in_numbers, postcode=[int(postcodes[i]) for i in picks])
    assert set(result["status"]) <= {"normalized", "exact"}
    assert list(result["dir_index"]) == picks
