"""Safe file names for map sheets, whatever the quartier is called. Pure Python (stdlib only).

A quartier named ``../../etc/passwd``, ``Nord/Süd``, ``C:\\temp``, ``CON`` or 300 characters long must give a
short, portable file name that stays inside the chosen output folder. Names are built from id and name,
German umlauts are transliterated (ä → ae, ß → ss), everything else outside ``[A-Za-z0-9_-]`` becomes ``_``.
"""

import hashlib
import os
import re
import unicodedata

#: Longest stem (file name without extension) we produce; well below the 255 bytes of common file systems and
#: short enough for Windows' 260-character paths with a reasonable folder.
MAX_STEM = 80

_TRANSLIT = {
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
    "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_RUNS = re.compile(r"_{2,}")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    "{}{}".format(prefix, i) for prefix in ("COM", "LPT") for i in range(1, 10)
}


def _text(value):
    if value is None:
        return ""
    text = str(value)
    return "" if text in ("NULL", "None", "nan") else text


def safe_component(value, max_length=MAX_STEM):
    """``value`` as a safe file name part: ASCII letters, digits, ``-`` and ``_`` only, no leading/trailing ``_``.

    Never contains a path separator, a dot, a control character or a drive colon; may be empty.
    """
    text = unicodedata.normalize("NFC", _text(value))
    text = "".join(_TRANSLIT.get(char, char) for char in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _UNSAFE.sub("_", text)
    text = _RUNS.sub("_", text).strip("_-")
    if max_length is not None and len(text) > max_length:
        text = text[:max_length].rstrip("_-")
    if text.upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def _digest(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def sheet_stem(quartier_id, name=None, max_length=MAX_STEM):
    """File stem of one quartier's sheet: ``<id>_<name>``, safe and at most ``max_length`` characters.

    When id or name had to be shortened, a short hash of the full original text is appended so that two
    long names sharing their beginning still differ. Never empty (``quartier`` as a last resort).
    """
    raw_id, raw_name = _text(quartier_id).strip(), _text(name).strip()
    safe_id = safe_component(raw_id, None)
    safe_name = safe_component(raw_name, None) if raw_name != raw_id else ""
    stem = "_".join(part for part in (safe_id, safe_name) if part) or "quartier"
    if len(stem) > max_length:
        suffix = "_" + _digest(raw_id + "\x00" + raw_name)
        stem = stem[: max_length - len(suffix)].rstrip("_-") + suffix
    return stem


def unique_stems(stems):
    """The same stems made unique case-insensitively (``a``, ``A`` → ``a``, ``A_2``), order kept."""
    seen = set()
    result = []
    for stem in stems:
        candidate, number = stem, 1
        while candidate.lower() in seen:
            number += 1
            candidate = "{}_{}".format(stem, number)
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def document_stem(title, default="map_sheets", max_length=MAX_STEM):
    """Stem of the one multi-page PDF, from the sheets' title."""
    stem = safe_component(title, None)
    if len(stem) > max_length:
        suffix = "_" + _digest(_text(title))
        stem = stem[: max_length - len(suffix)].rstrip("_-") + suffix
    return stem or default


def path_inside(folder, file_name):
    """``folder/file_name``, raising ``ValueError`` if the result would not lie directly inside ``folder``."""
    if not file_name or os.path.basename(file_name) != file_name or file_name in (".", ".."):
        raise ValueError("unsafe file name: {!r}".format(file_name))
    base = os.path.realpath(folder)
    path = os.path.realpath(os.path.join(base, file_name))
    if os.path.dirname(path) != base:
        raise ValueError("file name leaves the folder: {!r}".format(file_name))
    return path
