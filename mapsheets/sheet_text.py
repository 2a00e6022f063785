"""The words of a map sheet built from plain values (pure Python, no QGIS, no Qt): the title, the subtitle, the source
line, the quartier's own value and rank beside the title, and the PDF's document properties.

Texts for the user are translated by the ``tr`` the caller passes (the plugin's ``translation.tr``); the literals
below are extracted into the translation file like every ``tr("...")`` call. Numbers are formatted by
:func:`mapsheets.profile_cells.format_value` in the sheet's language.
"""

import math

from .profile_cells import MISSING, format_value

SEPARATOR = " \u00b7 "  # " · "
TITLE_NAME_LENGTH = 40  # 40 wide letters of 16 pt bold and the id fit the 190 mm title


def _text(value):
    return "" if value is None else " ".join(str(value).split())


def short_name(name, length=TITLE_NAME_LENGTH):
    """``name`` on one line, shortened with "…" beyond ``length`` characters."""
    text = _text(name)
    return text if len(text) <= length else text[:length - 1].rstrip() + "\u2026"


def sheet_title(quartier_id, name=None, length=TITLE_NAME_LENGTH):
    """"0101 Innenstadt (Lindenau)": the id, then the (shortened) name; the id alone without a name."""
    qid, text = _text(quartier_id), short_name(name, length)
    return "{} {}".format(qid, text).strip() if text else qid


def indicator_heading(name, unit=""):
    """"SGB II rate (%)", "Ageing index (per 100)"; the name alone without a unit."""
    name, unit = _text(name), _text(unit)
    return "{} ({})".format(name, unit) if unit else name


def subtitle(title, heading, date):
    """"Sozialmonitoring 2025 · SGB II rate (%) · 2024": the parts that are given, joined by " · "."""
    return SEPARATOR.join(part for part in (_text(title), _text(heading), _text(date)) if part)


def source_line(tr, source, date, made_on):
    """The footer: source, date of the data (when known), the day the sheet was made, the meaning of ▲/▼."""
    parts = [tr("Source: {source}").format(source=_text(source) or tr("not stated"))]
    if _text(date):
        parts.append(tr("Data: {date}").format(date=_text(date)))
    parts.append(tr("Quartiersmonitor map sheet of {date}").format(date=made_on))
    parts.append(tr("\u25b2/\u25bc significantly above/below the county"))
    return SEPARATOR.join(parts)


def _finite(value):
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def value_line(tr, row, language="en", decimals=1):
    """The quartier's own value and rank beside the title, from its ``ProfileRow`` of the indicator shown:
    "SGB II rate: 23.4 %" and "Rank 12 of 158"; a suppressed value reads as suppressed (the engine's ``display``),
    never as a number; no rank line when the value is not ranked. Two lines joined by a newline."""
    if row is None:
        return ""
    name = _text(row.name)
    if row.flag == "ok" and _finite(row.value):
        unit = _text(row.unit)
        shown = format_value(row.value, language, decimals)
        shown = "{} {}".format(shown, unit) if unit else shown
    else:
        shown = _text(row.display) or MISSING
    lines = [tr("{indicator}: {value}").format(indicator=name, value=shown)]
    if _finite(row.rank) and _finite(row.n_ranked):
        lines.append(tr("Rank {rank} of {n}").format(rank=int(row.rank), n=int(row.n_ranked)))
    return "\n".join(lines)


def pdf_properties(tr, title, heading, source, date, sheet=None, indicator_id=""):
    """Document properties of a sheet PDF: {"title", "subject", "author", "keywords"} (keywords: {group: [words]}).

    ``title`` is the TITLE of the export, ``heading`` the indicator shown with its unit, ``sheet`` the sheet title of
    a one-quartier PDF (None for the multi-page PDF)."""
    document = SEPARATOR.join(part for part in (_text(sheet), _text(title) or "Quartiersmonitor") if part)
    subject = subtitle("", heading, date)
    if _text(source):
        subject = SEPARATOR.join((subject, tr("Source: {source}").format(source=_text(source))))
    words = [w for w in (_text(indicator_id), _text(heading), _text(date)) if w]
    return {"title": document, "subject": subject, "author": _text(source),
            "keywords": {"Quartiersmonitor": words}}
