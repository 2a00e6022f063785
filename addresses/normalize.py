"""Normalisation of German street names, house numbers, postcodes and city names.

Pure Python (stdlib only). Every function takes one value and returns a canonical key; the matcher calls them once per
*distinct* value (see :mod:`addresses.matching`), so they may be written for clarity rather than speed.

Rules (street):
- case folded; umlauts spelled out (ä → ae, ö → oe, ü → ue, ß → ss), other accents dropped (é → e);
- "Straße", "Strasse", "Str.", "str" (also as a separate word: "Bahnhof Str.") → "str";
- "St." / "St" / "Sankt" as a word → "sankt" ("St.-Georg-Str." = "Sankt-Georg-Straße");
- spaces, hyphens, dots, commas, slashes and apostrophes dropped, so "Karl-Marx-Str." = "Karl Marx Straße" =
  "Karlmarxstraße" → "karlmarxstr".

Rules (house number): "12a", "12 A", "12 a", "12-a" → "12a"; "012" → "12"; "12-14" / "12 - 14" → "12-14" (a range:
its first number "12" is tried as well); "12/1" → "12/1"; anything without a digit → "" (no house number).
"""

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—./,;:'’`´\"()]+")
_STREET_SUFFIX = re.compile(r"(strasse|strase|strsse|str)$")
_SANKT_WORDS = {"st", "sankt", "skt"}
_HN_PATTERN = re.compile(r"^0*(\d+)\s*[-/]?\s*([a-z]{0,2})?\s*(?:([-/])\s*0*(\d+)\s*([a-z]?))?$")


def _is_missing(value):
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    # QGIS NULL (QVariant) arrives as None in PyQGIS >= 3.x, but be tolerant of objects that say so.
    is_null = getattr(value, "isNull", None)
    if callable(is_null):
        try:
            return bool(is_null())
        except TypeError:
            return False
    return False


def fold(text):
    """Lower case ASCII spelling: umlauts spelled out, ß → ss, other accents removed, Unicode normalised."""
    if _is_missing(text):
        return ""
    text = unicodedata.normalize("NFC", str(text)).translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def street_words(street):
    """The normalised words of a street name, before they are joined into a key."""
    words = [w for w in _SEPARATORS.split(fold(street)) if w]
    out = []
    for word in words:
        if word in _SANKT_WORDS:
            out.append("sankt")
        elif word in ("str", "strasse", "strase"):
            out.append("str")
        else:
            out.append(_STREET_SUFFIX.sub("str", word))
    return out


def street_key(street):
    """Canonical key of a street name ("" when empty)."""
    return "".join(street_words(street))


def city_key(city):
    """Canonical key of a city name: folded, separators dropped, "St."/"Sankt" unified."""
    words = [w for w in _SEPARATORS.split(fold(city)) if w]
    return "".join("sankt" if w in _SANKT_WORDS else w for w in words)


def postcode_key(postcode):
    """Five-digit German postcode as text ("1067", 1067, "D-01067", "01067 " → "01067"); "" when none."""
    if _is_missing(postcode):
        return ""
    if isinstance(postcode, float) and postcode.is_integer():
        postcode = int(postcode)
    digits = "".join(ch for ch in str(postcode) if ch.isdigit())
    if not digits:
        return ""
    return digits.zfill(5) if len(digits) <= 5 else digits


def housenumber_parts(housenumber):
    """``(key, base)``: the canonical house number and its plain first number.

    ``("12a", "12")`` for "12 A", ``("12-14", "12")`` for "12-14", ``("12", "12")`` for "12", ``("", "")`` when the
    value holds no number. Unparseable values with a digit are kept folded and without separators.
    """
    if _is_missing(housenumber):
        return "", ""
    if isinstance(housenumber, float) and housenumber.is_integer():
        housenumber = int(housenumber)
    text = fold(housenumber).strip()
    if not any(ch.isdigit() for ch in text):
        return "", ""
    match = _HN_PATTERN.match(text)
    if match is None:
        digits = re.match(r"\D*0*(\d+)", text)
        key = re.sub(r"\s+", " ", text.replace(".", " ")).strip()
        return key, digits.group(1) if digits else key
    first, suffix, sep, second, suffix2 = match.groups()
    suffix = suffix or ""
    key = first + suffix
    if second is not None:
        key = "{}{}{}{}".format(first, suffix, "-" if sep == "-" else "/", str(int(second)) + (suffix2 or ""))
    return key, first


def housenumber_key(housenumber):
    return housenumber_parts(housenumber)[0]
