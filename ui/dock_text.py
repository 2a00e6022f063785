"""Texts the dock shows, built from plain values (no qgis, no Qt; the caller passes ``tr`` for the words)."""


def quartier_label(quartier_id, name, municipality):
    """"0101 · Innenstadt (Lindenau)": id and name, the municipality in brackets only when the name does not
    contain it already ("0102 · Altstadt (Adorf)")."""
    quartier_id = "" if quartier_id is None else str(quartier_id).strip()
    name = "" if name is None else str(name).strip()
    municipality = "" if municipality is None else str(municipality).strip()
    text = " \u00b7 ".join(part for part in (quartier_id, name) if part)
    if municipality and municipality.casefold() not in name.casefold():
        text = "{} ({})".format(text, municipality) if text else municipality
    return text


def export_summary(tr, fmt, sheets, files, folder):
    """What an export wrote: "3 map sheets in 1 PDF file written to …" and the like, by format
    (``pdf_single``, ``pdf_per_quartier``, ``png``)."""
    if fmt == "pdf_single":
        if sheets == 1:
            return tr("1 map sheet in 1 PDF file written to {folder}").format(folder=folder)
        return tr("{sheets} map sheets in 1 PDF file written to {folder}").format(sheets=sheets, folder=folder)
    if fmt == "png":
        if files == 1:
            return tr("1 map sheet as 1 PNG file written to {folder}").format(folder=folder)
        return tr("{sheets} map sheets as {files} PNG files written to {folder}").format(
            sheets=sheets, files=files, folder=folder)
    if files == 1:
        return tr("1 map sheet as 1 PDF file written to {folder}").format(folder=folder)
    return tr("{sheets} map sheets as {files} PDF files written to {folder}").format(
        sheets=sheets, files=files, folder=folder)


def selection_summary(tr, selected, hidden):
    """The line under the list: how many quartiers are selected and how many of them the search hides."""
    if selected == 0:
        return tr("No quartier selected")
    if hidden == 0:
        return tr("1 quartier selected") if selected == 1 else tr("{n} quartiers selected").format(n=selected)
    if selected == 1:
        return tr("1 quartier selected, hidden by the search")
    return tr("{n} quartiers selected, {hidden} of them hidden by the search").format(n=selected, hidden=hidden)


def funnel_summary(tr, shown, not_shown, phi, recorded, has_county, language="en"):
    """The line above the funnel plot: how many quartiers it shows, how many it leaves out and why, and how the
    limits were made (overdispersion, a layer without the recorded comparison, no county value)."""
    from ..indicators.classify import format_number

    if not_shown:
        text = tr("{n} quartiers shown, {hidden} without a published value.").format(n=shown, hidden=not_shown)
    elif shown == 1:
        text = tr("1 quartier shown.")
    else:
        text = tr("{n} quartiers shown.").format(n=shown)
    if not has_county:
        return text + " " + tr("No county value: no control limits.")
    if not recorded:
        text += " " + tr("Limits from the rounded county value (the layer records no funnel comparison).")
    elif phi is not None and phi > 1:
        text += " " + tr("Limits widened for overdispersion (\u03c6 = {phi}).").format(
            phi=format_number(phi, language, 2))
    return text
