"""What a geocoding run writes per row, from the matcher's result (no QGIS, no Qt)."""

import numpy as np
import pandas as pd

from .matching import UNMATCHED

_TEXT_TYPES = {str, type(None)}


def first_undecodable(values):
    """``(row, value)`` of the first text holding U+FFFD (a character the layer's encoding could not decode), else
    None."""
    for row, value in enumerate(values):
        if isinstance(value, str) and "\ufffd" in value:
            return row, value
    return None


def factorized(values):
    """``(distinct values, codes)`` of an array, as the GeoPackage writers take a column."""
    codes, uniques = pd.factorize(values)
    return uniques.tolist(), codes


def matched_address_texts(result, dcols, in_street):
    """match_address of every row, factorized: ``(texts, codes)``, row i's text ``texts[codes[i]]``, code -1
    (NULL) when unmatched. The text is the directory address used; for a street centroid the street as the
    input spelt it."""
    dstreet, dnumber, dpostcode, dcity = dcols
    status = result["status"].to_numpy()
    dir_index = result["dir_index"].to_numpy().astype(np.int64)
    matched = status != UNMATCHED
    codes = np.full(len(status), -1, dtype=np.int64)
    at_address = matched & (dir_index >= 0)
    used, inverse = np.unique(dir_index[at_address], return_inverse=True)  # each address formatted once
    codes[at_address] = inverse
    idx = used.tolist()
    parts = [[column[k] for k in idx] for column in (dstreet, dnumber, dpostcode, dcity)]
    if all(set(map(type, values)) <= _TEXT_TYPES for values in parts):  # text only: one tight comprehension
        texts = [((s or "") + " " + (n or "")).strip()
                 + (", " + p + " " + c if p and c else ", " + p if p else ", " + c if c else "")
                 for s, n, p, c in zip(*parts)]
    else:
        texts = []
        for s, n, p, c in zip(*parts):
            text = "{} {}".format(s or "", n or "").strip()
            place = " ".join(str(v) for v in (p, c) if v not in (None, ""))
            texts.append(text + (", " + place if place else ""))
    at_street = np.flatnonzero(matched & (dir_index < 0))  # street centroid: the street as spelt
    if len(at_street):
        street_codes, streets = pd.factorize(
            np.asarray([str(in_street[i] or "") for i in at_street.tolist()], dtype=object))
        codes[at_street] = len(texts) + street_codes
        texts.extend(streets.tolist())
    return texts, codes
