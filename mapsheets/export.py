"""Export of the map sheets of a :class:`mapsheets.layout.SheetLayout`: one multi-page PDF, one PDF or one PNG per
quartier, written into a temporary folder and moved into place only when every sheet succeeded.

Layout export must run on the main thread; callers (the Processing algorithm ``exportmapsheets``) declare so.
"""

import os
import shutil
import tempfile

from qgis.core import QgsLayoutExporter

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
    try:
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


def _check_cancel(feedback):
    if feedback is not None and feedback.isCanceled():
        raise CanceledError(tr("Canceled by the user."))


def _export_into(sheet, fmt, work, title, feedback, dpi):
    layout = sheet.layout
    count = sheet.begin()
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
            if fmt == "pdf_per_quartier":
                result = exporter.exportToPdf(path, settings)
            else:
                result = exporter.exportToImage(path, settings)
            if result != QgsLayoutExporter.Success:
                raise _export_error(result, exporter.errorFile() or path)
            if not os.path.isfile(path):
                raise SheetError(tr("The layout exporter reported success but wrote no file {path}.").format(
                    path=path))
            names.append(name)
            if feedback is not None:
                feedback.setProgress(100.0 * (index + 1) / count)
        return names
    finally:
        if sheet.atlas.layout() is not None:
            sheet.atlas.endRender()
