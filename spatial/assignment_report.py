"""The HTML report of an address assignment, from plain data (no QGIS, no Qt).

``build_report(data, tr)`` returns the page. ``tr`` translates the report's texts (the caller passes the plugin's
``translation.tr``; the literals below are extracted into the translation file like every ``tr("...")`` call).
"""

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from . import pip

LIST_LIMIT = 200  # rows listed per table

MUNICIPALITY_FIELD_NAMES = ("municipality", "municipality_name", "gemeinde", "gemeindename", "gemeinde_name",
                            "municipality_id", "gemeinde_id", "ags")


def municipality_field(field_names):
    """The quartier layer's municipality field, if it has one by a usual name (case-insensitive), else None."""
    names = {n.lower(): n for n in field_names}
    for candidate in MUNICIPALITY_FIELD_NAMES:
        if candidate in names:
            return names[candidate]
    return None


@dataclass
class AssignmentData:
    """What the report shows. Arrays are aligned with the addresses (``fids``) or the quartiers (``ids``)."""

    address_layer: str
    quartier_layer: str
    ids: Sequence[str]  # quartier ids
    fids: np.ndarray  # address feature ids
    x: np.ndarray
    y: np.ndarray
    index: np.ndarray  # quartier position per address, -1: none
    status: np.ndarray  # pip.INSIDE / BOUNDARY / OUTSIDE / NO_GEOMETRY
    n_interior: np.ndarray  # quartiers whose interior holds the address
    duplicates: np.ndarray  # bool: shares its location with another address
    n_addresses: np.ndarray  # per quartier
    n_multi: int = 0  # multipoint addresses placed by their first point
    municipality_field: Optional[str] = None
    municipalities: Optional[Sequence[str]] = None  # per quartier, with municipality_field
    overlaps: list[tuple[str, str, float]] = field(default_factory=list)
    gaps: list[tuple[int, float, float, float]] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (quartier id, problem)
    gap_width: Optional[float] = None  # strips between quartiers up to this width (metres) were searched as gaps


def _identity(text):
    return text


def _table(headers, body):
    esc = html.escape
    out = ["<table><tr>" + "".join("<th>{}</th>".format(esc(h)) for h in headers) + "</tr>"]
    for row in body:
        out.append("<tr>" + "".join("<td>{}</td>".format(esc(str(c))) for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _p(text):
    return "<p>{}</p>".format(html.escape(text))


def _h(level, text):
    return "<h{0}>{1}</h{0}>".format(level, html.escape(text))


def build_report(data, tr=_identity):
    """The report page (HTML) of ``data`` (:class:`AssignmentData`)."""
    counts = np.bincount(np.asarray(data.status, dtype=np.int64), minlength=4)
    rows = [
        _h(1, tr("Assignment of addresses to quartiers")),
        _p(tr("Addresses: “{}” ({} features). Quartiers: “{}” ({} features).").format(
            data.address_layer, len(data.fids), data.quartier_layer, len(data.ids))),
        _h(2, tr("Addresses per status")),
        _table([tr("Status"), tr("Addresses")], [
            (tr("inside"), int(counts[pip.INSIDE])), (tr("boundary"), int(counts[pip.BOUNDARY])),
            (tr("outside"), int(counts[pip.OUTSIDE])), (tr("no geometry"), int(counts[pip.NO_GEOMETRY])),
            (tr("total"), len(data.fids))]),
    ]
    if data.n_multi:
        rows.append(_p(tr("{} multipoint addresses were placed by their first point.").format(data.n_multi)))
    empty = [data.ids[i] for i in range(len(data.ids)) if data.n_addresses[i] == 0]
    rows.append(_p(tr("Quartiers without any address: {}").format(", ".join(sorted(empty)) if empty else tr("none"))))
    if data.municipality_field and data.municipalities is not None:
        rows += _municipality_section(data, tr)
    rows += _duplicates_section(data, tr)
    rows.append(_h(2, tr("Overlapping quartiers")))
    rows.append(_table([tr("Quartier"), tr("Quartier"), tr("Overlap area")], data.overlaps) if data.overlaps
                else _p(tr("none")))
    n_overlap_points = int((np.asarray(data.n_interior) > 1).sum())
    if n_overlap_points:
        rows.append(_p(tr("{} addresses lie in overlaps; each went to the smallest id.").format(n_overlap_points)))
    rows += _gaps_section(data, counts, tr)
    rows.append(_h(2, tr("Invalid quartier geometries (repaired for the assignment)")))
    rows.append(_table([tr("Quartier"), tr("Problem")], data.invalid) if data.invalid else _p(tr("none")))
    rows += _outside_section(data, tr)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>"
        "body{{font-family:sans-serif}} table{{border-collapse:collapse}} "
        "td,th{{border:1px solid #999;padding:2px 6px}}</style></head><body>\n{}\n</body></html>\n"
    ).format(html.escape(tr("Assignment of addresses to quartiers")), "\n".join(rows))


def _gaps_section(data, counts, tr):
    rows = [_h(2, tr("Gaps between quartiers"))]
    if data.gap_width:
        rows.append(_p(tr("Holes enclosed by quartiers, and strips up to {} m wide between two quartiers.").format(
            "{:g}".format(data.gap_width))))
    rows.append(_table([tr("Gap"), tr("Area"), tr("Centre x"), tr("Centre y")], data.gaps) if data.gaps
                else _p(tr("none")))
    if counts[pip.OUTSIDE]:
        # never a bare "none" while addresses fall outside every quartier: they lie in a gap or beyond the edge
        rows.append(_p(tr("{} addresses lie outside every quartier (listed below): in a gap between quartiers or "
                          "beyond the quartier layer's outer edge.").format(int(counts[pip.OUTSIDE]))))
    return rows


def _municipality_section(data, tr):
    names = [str(n) if n is not None else "" for n in data.municipalities]
    index, status = np.asarray(data.index), np.asarray(data.status)
    body = []
    for name in sorted(set(names)):
        members = np.array([i for i, n in enumerate(names) if n == name], dtype=np.int64)
        mine = np.isin(index, members)
        body.append((name, len(members), int((mine & (status == pip.INSIDE)).sum()),
                     int((mine & (status == pip.BOUNDARY)).sum()), int(mine.sum())))
    return [_h(2, tr("Addresses per municipality (field “{}” of the quartiers)").format(data.municipality_field)),
            _table([tr("Municipality"), tr("Quartiers"), tr("inside"), tr("boundary"), tr("total")], body)]


def _duplicates_section(data, tr):
    rows = [_h(2, tr("Duplicate addresses (same coordinates)"))]
    dup = np.flatnonzero(np.asarray(data.duplicates))
    if not len(dup):
        return rows + [_p(tr("none"))]
    order = dup[np.lexsort((data.y[dup], data.x[dup]))]
    rows.append(_p(tr("{} addresses share their location with another address.").format(len(dup))))
    rows.append(_table([tr("Feature id"), "x", "y"],
                       [(int(data.fids[i]), data.x[i], data.y[i]) for i in order[:LIST_LIMIT]]))
    return rows


def _outside_section(data, tr):
    status = np.asarray(data.status)
    rows = [_h(2, tr("Addresses outside every quartier"))]
    outside = np.flatnonzero(status == pip.OUTSIDE)
    if len(outside):
        if len(outside) > LIST_LIMIT:
            rows.append(_p(tr("The first {} of {}.").format(LIST_LIMIT, len(outside))))
        rows.append(_table([tr("Feature id"), "x", "y"],
                           [(int(data.fids[i]), data.x[i], data.y[i]) for i in outside[:LIST_LIMIT]]))
    else:
        rows.append(_p(tr("none")))
    no_geometry = np.flatnonzero(status == pip.NO_GEOMETRY)
    if len(no_geometry):
        rows.append(_h(2, tr("Addresses without geometry")))
        rows.append(_p(tr("Feature ids: {}").format(", ".join(str(int(data.fids[i]))
                                                              for i in no_geometry[:LIST_LIMIT]))))
    return rows
