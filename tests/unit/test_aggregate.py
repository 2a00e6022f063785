"""Counting per quartier and group (pure, no QGIS): age bands, column names, zero-filled tables."""

import numpy as np
import pytest

from quartiersmonitor.spatial.aggregate import (
    BandError,
    band_labels,
    count_table,
    parse_age_bands,
    safe_column,
    unique_columns,
    unmatched,
)


def test_parse_age_bands():
    assert parse_age_bands("0-14,15-64,65-") == [("age_0_14", 0, 14), ("age_15_64", 15, 64), ("age_65plus", 65, None)]
    assert parse_age_bands(" 0 – 5 ; 6+ ") == [("age_0_5", 0, 5), ("age_6plus", 6, None)]
    for bad in ("", "a-b", "10-5", "0-14,10-20", "65-,70-80"):
        with pytest.raises(BandError):
            parse_age_bands(bad)


def test_band_labels_whole_years_and_nulls():
    bands = parse_age_bands("0-14,15-64,65-")
    got = band_labels([0, 14, 14.9, 15, 64, 65, 102, None, "x", -1], bands)
    assert got.tolist() == ["age_0_14", "age_0_14", "age_0_14", "age_15_64", "age_15_64", "age_65plus",
                            "age_65plus", None, None, None]


def test_safe_and_unique_columns():
    assert safe_column("15-64 J.") == "n_15_64_J"
    assert safe_column("Größe ü") == "n_Groesse_ue"
    assert safe_column("") == "n_empty"
    assert unique_columns(["a", "A", "b"], taken=["b"]) == ["a", "A_2", "b_2"]


def test_count_table_zero_filled_grouped_weighted():
    quartiers = ["0101", "0102", "0103"]
    records = ["0102", "0102", None, "0101", "9999", "0102"]
    groups = ["m", "w", "w", None, "m", "m"]
    table = count_table(quartiers, records, groups)
    assert table.index.tolist() == quartiers
    assert table.columns.tolist() == ["total", "m", "w"]
    assert table.loc["0101"].tolist() == [1, 0, 0]
    assert table.loc["0102"].tolist() == [3, 2, 1]
    assert table.loc["0103"].tolist() == [0, 0, 0]
    weighted = count_table(quartiers, records, groups, weights=[1.5, 2, 9, np.nan, 4, "x"])
    assert weighted.loc["0102"].tolist() == [3.5, 1.5, 2.0]
    ordered = count_table(quartiers, records, groups, group_order=["w", "m", "d"])
    assert ordered.columns.tolist() == ["total", "w", "m", "d"]
    assert ordered["d"].tolist() == [0, 0, 0]
    assert unmatched(quartiers, records) == (1, 1, ["9999"])
