"""Text cells of a quartier's profile table (dock and map sheet). Pure Python: the numbers come from the indicator
engine's ``ProfileRow`` objects (``indicators.profile``); this module only lays them out as text.
"""

import math

SIG_MARKS = {1: "\u25b2", -1: "\u25bc", 0: ""}  # ▲ significantly above the county, ▼ below
MISSING = "\u2013"  # –


def _missing(value):
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def format_value(value, language="en", decimals=1):
    """A number as text in the user's language (``12,5`` in German), ``–`` for missing values."""
    if _missing(value):
        return MISSING
    try:
        from ..indicators.classify import format_number
    except ImportError:  # pragma: no cover - engine older than its API contract
        format_number = None
    if format_number is not None:
        return format_number(float(value), language, decimals)
    text = "{:,.{}f}".format(float(value), decimals)
    if language == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def sig_mark(sig):
    if _missing(sig):
        return ""
    return SIG_MARKS.get(int(sig), "")


def rank_text(rank, n_ranked):
    if _missing(rank):
        return MISSING
    if _missing(n_ranked):
        return "{}".format(int(rank))
    return "{}/{}".format(int(rank), int(n_ranked))


def _decimals(row, catalog, default, recorded=None):
    """Decimals of an indicator's numbers: the layer's recorded DECIMALS (``quartiersmonitor/decimals``, what
    ``calculateindicators`` rounded the values to) when given, else as the engine uses them (none for rates per
    100,000)."""
    if recorded is not None:
        try:
            return max(0, int(recorded))
        except (TypeError, ValueError):
            pass
    if catalog is None:
        return default
    try:
        from ..indicators.profile import decimals_for

        return decimals_for(catalog[row.id])
    except (ImportError, KeyError):
        return default


def decimals_of(row, catalog=None, decimals=1, recorded_decimals=None):
    """The decimals :func:`profile_cells` formats ``row``'s numbers with."""
    return _decimals(row, catalog, decimals, recorded_decimals)


def profile_cells(rows, language="en", catalog=None, decimals=1, recorded_decimals=None):
    """One list of six strings per ``ProfileRow``: indicator, quartier, municipality, county, rank, significance.

    The quartier cell is the engine's ``display`` text, so a suppressed value reads "suppressed" / "gesperrt"
    and never shows a number, nor a significance mark. ``recorded_decimals`` (the layer's recorded DECIMALS) sets
    the decimals of every number, rates per 100,000 included; without it the engine's decimals apply.
    """
    cells = []
    for row in rows:
        label = "{} {}".format(row.id, row.name)
        unit = getattr(row, "unit", "") or ""
        if unit:
            label = "{} ({})".format(label, unit)
        places = _decimals(row, catalog, decimals, recorded_decimals)
        published = getattr(row, "flag", "ok") == "ok" and not _missing(row.value)
        if recorded_decimals is not None and published:
            display = format_value(row.value, language, places)
        else:
            display = row.display if row.display not in (None, "") else format_value(row.value, language, places)
        cells.append([
            label,
            display,
            format_value(row.municipality, language, places),
            format_value(row.county, language, places),
            rank_text(row.rank, row.n_ranked),
            sig_mark(row.sig) if getattr(row, "flag", "ok") == "ok" else "",  # a hidden value: not even its side
        ])
    return cells
