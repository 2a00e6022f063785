"""The likely field of a kind (quartier id, street …) among a layer's field names."""

import pytest

from quartiersmonitor.indicators.field_guess import CANDIDATES, CANONICAL, likely_field, normalized


@pytest.mark.parametrize("names, kind, expected", [
    (["fid", "name", "qid"], "quartier_id", "qid"),
    (["fid", "Quartier-ID", "qid"], "quartier_id", "Quartier-ID"),  # the canonical name wins over qid
    (["OBJECTID", "SOZIALRAUM", "NAME"], "quartier_id", "SOZIALRAUM"),
    (["fid", "QUARTIER_I"], "quartier_id", "QUARTIER_I"),  # cut by a shapefile
    (["fid", "name", "area"], "quartier_id", None),
    (["id", "Straße", "Hausnummer", "PLZ", "Ort"], "street", "Straße"),
    (["id", "Straße", "Hausnummer", "PLZ", "Ort"], "housenumber", "Hausnummer"),
    (["id", "Straße", "Hausnummer", "PLZ", "Ort"], "postcode", "PLZ"),
    (["id", "Straße", "Hausnummer", "PLZ", "Ort"], "city", "Ort"),
    (["str", "hnr"], "housenumber", "hnr"),
    (["adr_id", "EW"], "residents", "EW"),
])
def test_likely_field(names, kind, expected):
    assert likely_field(names, kind) == expected


def test_candidate_order_decides_not_field_order():
    # "nr" is a weaker guess than "hausnummer" even when it comes first in the layer
    assert likely_field(["nr", "hausnummer"], "housenumber") == "hausnummer"
    assert likely_field(["b", "a"], ["a", "b"]) == "a"


def test_normalized_spells_out_umlauts_and_drops_separators():
    assert normalized("Straße") == "strasse"
    assert normalized(" Quartier-ID ") == "quartierid"
    assert normalized("Größe_Ü") == "groesseue"
    assert normalized("café") == "cafe"


def test_every_canonical_name_is_its_own_first_candidate():
    for kind, name in CANONICAL.items():
        assert CANDIDATES[kind][0] == name
        assert likely_field(["x", name.upper()], kind) == name.upper()
