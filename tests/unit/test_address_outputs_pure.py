"""The pure pieces behind the address algorithms' outputs: coverage columns, the assignment report, the geocoding
output columns. Expected values by hand."""


import numpy as np
import pandas as pd

from quartiersmonitor.addresses.match_output import factorized, first_undecodable, matched_address_texts
from quartiersmonitor.addresses.matching import UNMATCHED
from quartiersmonitor.spatial import pip
from quartiersmonitor.spatial.assignment_report import AssignmentData, build_report, municipality_field
from quartiersmonitor.spatial.coverage import (
    address_columns,
    category_counts,
    category_field_name,
    quartier_columns,
    residents,
)


# -- coverage ----------------------------------------------------------------------------------------------------------
def test_category_field_names_are_ascii_and_unique():
    taken = {"n_offerings"}
    assert category_field_name("Kita / Krippe", taken) == "n_kita_krippe"
    assert category_field_name("Kita  Krippe", taken) == "n_kita_krippe_2"
    assert category_field_name("Familienbüro", taken) == "n_familienbuero"
    assert category_field_name("!!!", taken) == "n_no_category"


def test_residents_reads_numbers_and_reports_the_rest():
    weights, bad = residents([3, 2.5, "4", " 1,5 ", None, "k.A.", -1, float("nan"), True])
    assert weights.tolist() == [3.0, 2.5, 4.0, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert [row for row, _value in bad] == [4, 5, 6, 7, 8]


def test_category_counts_per_quartier():
    # offerings: Kita in q0, Kita in q1, Schule in q1, no category in q0, Kita outside (-1)
    counts = category_counts(["Kita", "Kita", "Schule", " ", "Kita"], [0, 1, 1, 0, -1], 2)
    assert [(name, c.tolist()) for name, c in counts] == [
        ("n_kita", [1, 1]), ("n_schule", [0, 1]), ("n_no_category", [1, 0])]


def test_quartier_columns_with_and_without_coverage():
    coverage = {"pop_total": np.array([2000.0, 0.0]), "pop_far": np.array([500.0, 0.0]),
                "share_within": np.array([75.0, np.nan]), "median_distance": np.array([420.0, np.nan])}
    columns = quartier_columns(np.array([3, 0]), [("n_kita", np.array([2, 0]))], coverage, 50.0)
    assert columns == [[3, 0], [2, 0], [2000.0, 0.0], [500.0, 0.0], [1.5, None], [75.0, None], [420.0, None],
                       [0, None]]
    empty = quartier_columns(np.array([1]), [], None, 50.0)
    assert empty == [[1]] + [[None]] * 6


def test_address_columns():
    dist = np.array([100.0, 2000.0, np.inf, np.nan])
    columns = address_columns(["Q1", "Q2"], np.array([0, 1, -1, -1]), dist, 1000.0)
    assert columns == [["Q1", "Q2", None, None], [100.0, 2000.0, None, None], [1, 0, 0, None]]


# -- assignment report -------------------------------------------------------------------------------------------------
def test_municipality_field_by_usual_names():
    assert municipality_field(["qid", "Gemeinde", "name"]) == "Gemeinde"
    assert municipality_field(["qid", "AGS"]) == "AGS"
    assert municipality_field(["qid", "BEZ"]) is None


def test_report_counts_lists_and_escapes():
    status = np.array([pip.INSIDE, pip.INSIDE, pip.BOUNDARY, pip.OUTSIDE, pip.NO_GEOMETRY])
    data = AssignmentData(
        address_layer="Adressen <2024>", quartier_layer="Quartiere", ids=["Q1", "Q2", "Q3"],
        fids=np.array([10, 11, 12, 13, 14]), x=np.array([1.0, 1.0, 5.0, 99.0, np.nan]),
        y=np.array([1.0, 1.0, 5.0, 99.0, np.nan]), index=np.array([0, 0, 1, -1, -1]), status=status,
        n_interior=np.array([1, 2, 0, 0, 0]), duplicates=np.array([True, True, False, False, False]),
        n_addresses=np.array([2, 1, 0]), municipality_field="gemeinde", municipalities=["A", "A", "B"],
        overlaps=[("Q1", "Q2", 12.5)], invalid=[("Q3", "Self-intersection")])
    page = build_report(data, tr=lambda text: text)
    assert "Adressen &lt;2024&gt;" in page and "<2024>" not in page
    assert "<tr><td>inside</td><td>2</td></tr>" in page
    assert "<tr><td>boundary</td><td>1</td></tr>" in page and "<tr><td>total</td><td>5</td></tr>" in page
    assert "Quartiers without any address: Q3" in page
    # municipality A: quartiers Q1, Q2 -> 2 inside, 1 boundary, 3 in all; B: Q3, nothing
    assert "<tr><td>A</td><td>2</td><td>2</td><td>1</td><td>3</td></tr>" in page
    assert "<tr><td>B</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>" in page
    assert "2 addresses share their location with another address." in page
    assert "1 addresses lie in overlaps; each went to the smallest id." in page
    assert "<tr><td>Q1</td><td>Q2</td><td>12.5</td></tr>" in page
    assert "<tr><td>13</td><td>99.0</td><td>99.0</td></tr>" in page  # the address outside
    assert "Feature ids: 14" in page
    german = build_report(data, tr=lambda text: text.replace("inside", "innen"))
    assert "<tr><td>innen</td><td>2</td></tr>" in german


# -- geocoding output --------------------------------------------------------------------------------------------------
def test_first_undecodable_finds_the_replacement_character():
    assert first_undecodable(["Hauptstraße", None, 3]) is None
    assert first_undecodable(["ok", "Stra\ufffde"]) == (1, "Stra\ufffde")


def test_factorized_codes():
    uniques, codes = factorized(np.array(["exact", "fuzzy", "exact"], dtype=object))
    assert uniques == ["exact", "fuzzy"] and codes.tolist() == [0, 1, 0]


def test_matched_address_texts():
    result = pd.DataFrame({"status": ["exact", UNMATCHED, "street", "exact"], "dir_index": [1, -1, -1, 1]})
    dcols = (["Hauptstr.", "Lindenweg"], ["1", "12a"], ["04109", None], ["Leipzig", "Taucha"])
    texts, codes = matched_address_texts(result, dcols, ["x", "y", "Ahornallee", "z"])
    assert [texts[c] if c >= 0 else None for c in codes.tolist()] == [
        "Lindenweg 12a, Taucha", None, "Ahornallee", "Lindenweg 12a, Taucha"]


def test_read_residents_lists_decimal_commas_and_refuses_ambiguous_separators():
    from quartiersmonitor.spatial.coverage import read_residents

    weights, bad, comma = read_residents(["3,5", "2.5", "1.234", "1,234", "1.234,5", "k.A.", 7, " 4 "])
    assert weights.tolist() == [3.5, 2.5, 0.0, 0.0, 0.0, 0.0, 7.0, 4.0]
    assert [row for row, _value in bad] == [2, 3, 4, 5]
    assert comma == [(0, "3,5")]
