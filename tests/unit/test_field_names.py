"""Output field names: which input fields the new ones replace, and names within 63 characters (pure)."""

import numpy as np

from quartiersmonitor.spatial.coverage import address_columns, category_masks, category_measure_names, quartier_columns
from quartiersmonitor.storage.field_names import bounded_name, replaced_fields

NEW = ["quartier_id", "nearest_distance_m", "within_distance", "nearest_distance_m_kita", "within_distance_kita"]


def test_same_name_any_case_is_replaced():
    assert replaced_fields(["adr", "QUARTIER_ID", "ew"], NEW) == {1: 0}
    assert replaced_fields(["within_distance_kita", "Nearest_Distance_M"], NEW) == {0: 4, 1: 1}
    assert replaced_fields(["adr", "ew"], NEW) == {}


def test_shapefile_cut_replaced_only_when_it_stands_for_one_new_field():
    # quartier_i is the cut of quartier_id alone; nearest_di and within_dis are cuts of several new names
    assert replaced_fields(["quartier_i", "nearest_di", "within_dis"], NEW) == {0: 0}
    assert replaced_fields(["quartier_i", "assign_sta"], ["quartier_id", "assign_status"]) == {0: 0, 1: 1}
    # an exact name wins over the cut one
    assert replaced_fields(["quartier_i", "quartier_id"], ["quartier_id"]) == {1: 0}


def test_an_input_field_is_replaced_once():
    assert replaced_fields(["a", "A"], ["a"]) == {0: 0}


def test_bounded_name_cuts_and_numbers_within_the_limit():
    taken = set()
    slug = "x" * 60
    first = bounded_name("share_within_distance_", slug, taken)
    second = bounded_name("share_within_distance_", slug, taken)
    assert len(first) == 63 and len(second) == 63 and first != second and second.endswith("_2")
    assert bounded_name("pop_far_", "kita", taken) == "pop_far_kita"
    assert {first.lower(), second.lower(), "pop_far_kita"} <= taken


def test_category_measure_names_follow_the_count_names():
    masks = category_masks(["Kita", "Apotheke", None, "KITA ", "Jugendzentrum", "kita"])
    assert [(v, n) for v, n, _m in masks] == [("Apotheke", "n_apotheke"), ("Jugendzentrum", "n_jugendzentrum"),
                                               ("KITA", "n_kita"), ("Kita", "n_kita_2"), ("kita", "n_kita_3"),
                                               (None, "n_no_category")]
    assert masks[3][2].tolist() == [True, False, False, False, False, False]
    names = category_measure_names([n for v, n, _m in masks if v is not None])
    assert names[0] == (["pop_far_apotheke", "offerings_per_1000_apotheke", "share_within_distance_apotheke",
                         "median_distance_m_apotheke", "white_spot_apotheke"],
                        ["nearest_distance_m_apotheke", "within_distance_apotheke"])
    assert names[3][0][0] == "pop_far_kita_2"
    long = category_measure_names(["n_" + "a" * 40, "n_" + "a" * 40 + "_2"])
    every = [name for q, a in long for name in q + a]
    assert max(len(n) for n in every) <= 63 and len(set(every)) == len(every)


def test_columns_per_category_by_hand():
    coverage = {"pop_total": np.array([10.0, 0.0]), "pop_far": np.array([4.0, 0.0]),
                "share_within": np.array([60.0, np.nan]), "median_distance": np.array([250.0, np.nan])}
    category = {"pop_total": np.array([10.0, 0.0]), "pop_far": np.array([10.0, 0.0]),
                "share_within": np.array([0.0, np.nan]), "median_distance": np.array([np.inf, np.nan])}
    columns = quartier_columns(np.array([3, 0]), [("n_kita", np.array([1, 0]))], coverage, 50.0,
                               [(np.array([1, 0]), category)])
    assert columns[-5:] == [[10.0, 0.0], [100.0, None], [0.0, None], [None, None], [1, None]]
    assert columns[2:8] == [[10.0, 0.0], [4.0, 0.0], [300.0, None], [60.0, None], [250.0, None], [0, None]]
    empty = quartier_columns(np.array([3, 0]), [("n_kita", np.array([1, 0]))], None, 50.0, [(np.array([1, 0]), None)])
    assert empty[-5:] == [[None, None]] * 5
    cols = address_columns(["A"], np.array([0, -1]), np.array([100.0, np.nan]), 300.0, [np.array([np.inf, 500.0])])
    assert cols == [["A", None], [100.0, None], [1, None], [None, 500.0], [0, 0]]
