"""Export of the map sheets of a :class:`mapsheets.layout.SheetLayout`: one multi-page PDF, one PDF or one PNG per
quartier, written into a temporary folder and moved into place only when every sheet succeeded.

Layout export must run on the main thread; callers (the Processing algorithm ``exportmapsheets``) declare so.
"""

import os
import shutil
import tempfile
from contextlib import contextmanager

from qgis.core import QgsLayoutExporter, QgsProjectMetadata

from ..translation import tr
from .errors import CanceledError, SheetError
from .filenames import document_stem, path_inside

FORMATS = ("pdf_single", "pdf_per_quartier", "png")


def pdf_settings(layout):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = layout.renderContext().dpi() or 300
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    try:
        from qgis.core import Qgis

        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    except AttributeError:  # pragma: no cover - QGIS < 3.22
        from qgis.core import QgsRenderContext

        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    return settings


@contextmanager
def document_properties(project, properties):
    """The PDF's title, subject, author and keywords for the exports inside this block.

    QGIS writes the document properties of a layout PDF from its project's metadata
    (``PdfExportSettings.exportMetadata``, QGIS 3.22 … 3.44); the project gets a copy of its metadata with ours for
    the export and its own back afterwards, unchanged and not marked modified by it. The author stays the
    project's where it has one."""
    if project is None or not properties:
        yield
        return
    previous = QgsProjectMetadata(project.metadata())
    dirty = project.isDirty()
    set_document_properties(project, previous, properties)
    try:
        yield
    finally:
        project.setMetadata(previous)
        if not dirty:
            project.setDirty(False)


def keyword_text(keywords):
    """QGIS's spelling of keywords in a PDF: "group: word,word;group: word"."""
    return ";".join("{}: {}".format(group, ",".join(words)) for group, words in keywords.items())


def write_pdf_properties(path, properties):
    """Write the document properties into the PDF at ``path`` (an incremental update by GDAL's PDF driver, as QGIS
    itself georeferences its PDFs): QGIS 3.22 writes none into a multi-page atlas PDF. Creator: Quartiersmonitor
    with the QGIS version. Returns False where GDAL cannot update the file (the PDF stays as QGIS wrote it)."""
    if not properties:
        return False
    try:
        from osgeo import gdal
        from qgis.core import Qgis

        dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_UPDATE, allowed_drivers=["PDF"])
        if dataset is None:
            return False
        items = {"TITLE": properties.get("title", ""), "SUBJECT": properties.get("subject", ""),
                 "AUTHOR": properties.get("author", "") or "Quartiersmonitor",
                 "KEYWORDS": keyword_text(properties.get("keywords", {})),
                 "CREATOR": "Quartiersmonitor (QGIS {})".format(Qgis.version().split("-")[0])}
        for key, value in items.items():
            dataset.SetMetadataItem(key, value)
        dataset = None  # noqa: F841 - closing writes the update
        return True
    except (ImportError, RuntimeError, AttributeError):
        return False


def set_document_properties(project, base, properties):
    metadata = QgsProjectMetadata(base)
    metadata.setTitle(properties.get("title", ""))
    metadata.setAbstract(properties.get("subject", ""))
    if not base.author():
        metadata.setAuthor(properties.get("author") or "Quartiersmonitor")
    metadata.setKeywords(properties.get("keywords", {}))
    project.setMetadata(metadata)


def image_settings(dpi=150):
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    return settings


EXPORT_ERRORS = {
    QgsLayoutExporter.FileError: "file",
    QgsLayoutExporter.MemoryError: "memory",
    QgsLayoutExporter.PrintError: "print",
    QgsLayoutExporter.SvgLayerError: "svg",
    QgsLayoutExporter.IteratorError: "iterator",
    QgsLayoutExporter.Canceled: "canceled",
}


def _export_error(result, path, detail=""):
    if result == QgsLayoutExporter.Canceled:
        return SheetError(tr("Canceled by the user."))
    if result == QgsLayoutExporter.FileError:
        return SheetError(tr("QGIS could not write the file {path} (is the folder writable, the disk full, or the "
                             "file open in another program?). {detail}").format(path=path, detail=detail).strip())
    if result == QgsLayoutExporter.MemoryError:
        return SheetError(tr("Not enough memory to export {path}.").format(path=path))
    return SheetError(tr("The layout export failed for {path} ({kind}). {detail}").format(
        path=path, kind=EXPORT_ERRORS.get(result, str(result)), detail=detail).strip())


def export_sheets(sheet, fmt, folder, title="", feedback=None, dpi=None):
    """Export every atlas page of ``sheet`` (a :class:`SheetLayout`) into ``folder``; returns the file paths.

    Files are written to a temporary folder inside ``folder`` and moved in only when every page succeeded, so that a
    failure or cancel leaves nothing behind. Raises :class:`SheetError` with a translated message.
    """
    if fmt not in FORMATS:
        raise SheetError(tr("Unknown format {fmt}: use one of {formats}.").format(fmt=fmt, formats=", ".join(FORMATS)))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        message = tr("Cannot create the output folder {folder}: {error}").format(
            folder=folder, error=error.strerror or error)
        raise SheetError(message) from error
    if not os.path.isdir(folder):
        raise SheetError(tr("The output folder {folder} is not a folder.").format(folder=folder))
    try:
        work = tempfile.mkdtemp(prefix=".quartiersmonitor-", dir=folder)
    except OSError as error:
        raise SheetError(tr("Cannot write into the output folder {folder}: {error}").format(
            folder=folder, error=error.strerror or error)) from error
    owner = sheet.layout.project()
    was_dirty = owner.isDirty() if owner is not None else True
    try:
        project = owner if fmt != "png" else None
        properties = sheet.pdf_properties() if hasattr(sheet, "pdf_properties") else None
        with document_properties(project, properties):
            names = _export_into(sheet, fmt, work, title, feedback, dpi)
        targets = [path_inside(folder, name) for name in names]
        for target in targets:
            if os.path.isdir(target):
                raise SheetError(tr("{path} exists and is a folder.").format(path=target))
        for name, target in zip(names, targets):
            try:
                os.replace(os.path.join(work, name), target)
            except OSError as error:
                raise SheetError(tr("Cannot write {path} (open in another program?): {error}").format(
                    path=target, error=error.strerror or error)) from error
        return targets
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not was_dirty:  # moving the atlas changes the layout, not the user's project
            owner.setDirty(False)


def _check_cancel(feedback):
    if feedback is not None and feedback.isCanceled():
        raise CanceledError(tr("Canceled by the user."))


def _export_into(sheet, fmt, work, title, feedback, dpi):
    layout = sheet.layout
    count = sheet.begin()
    sheet.page_count = count
    if count == 0:
        sheet.atlas.endRender()
        raise SheetError(tr("No quartier to export: the layer is empty or the filter matches no quartier."))
    try:
        if fmt == "pdf_single":
            name = document_stem(title) + ".pdf"
            path = os.path.join(work, name)
            sheet.atlas.endRender()
            settings = pdf_settings(layout)
            if dpi:
                settings.dpi = dpi
            result, error = QgsLayoutExporter.exportToPdf(sheet.atlas, path, settings, feedback)
            sheet.check_error()
            _check_cancel(feedback)
            if result != QgsLayoutExporter.Success:
                raise _export_error(result, path, error)
            if not os.path.isfile(path):
                raise SheetError(tr("The layout exporter reported success but wrote no file {path}.").format(
                    path=path))
            if hasattr(sheet, "pdf_properties"):
                write_pdf_properties(path, sheet.pdf_properties())
            return [name]
        names = []
        seen = set()
        exporter = QgsLayoutExporter(layout)
        settings = pdf_settings(layout) if fmt == "pdf_per_quartier" else image_settings(dpi or 150)
        if dpi and fmt == "pdf_per_quartier":
            settings.dpi = dpi
        extension = ".pdf" if fmt == "pdf_per_quartier" else ".png"
        for index in range(count):
            _check_cancel(feedback)
            if not sheet.atlas.seekTo(index):
                raise SheetError(tr("The atlas could not move to sheet {n}.").format(n=index + 1))
            sheet.check_error()
            stem = sheet.current_stem()
            candidate, number = stem, 1
            while candidate.lower() in seen:
                number += 1
                candidate = "{}_{}".format(stem, number)
            seen.add(candidate.lower())
            name = candidate + extension
            path = os.path.join(work, name)
            properties = None
            if fmt == "pdf_per_quartier":
                if hasattr(sheet, "pdf_properties"):
                    properties = sheet.pdf_properties(sheet.current_title())
                    project = layout.project()
                    set_document_properties(project, project.metadata(), properties)
                result = exporter.exportToPdf(path, settings)
            else:
                result = exporter.exportToImage(path, settings)
            if result != QgsLayoutExporter.Success:
                raise _export_error(result, exporter.errorFile() or path)
            if not os.path.isfile(path):
                raise SheetError(tr("The layout exporter reported success but wrote no file {path}.").format(
                    path=path))
            if properties is not None:
                write_pdf_properties(path, properties)
            names.append(name)
            if feedback is not None:
                feedback.setProgress(100.0 * (index + 1) / count)
        return names
    finally:
        if sheet.atlas.layout() is not None:
            sheet.atlas.endRender()
