"""Where an algorithm's outputs go, and that they appear whole or not at all.

* :func:`ogr_driver_for_path` -- the OGR driver of a destination file;
* :func:`temporary_sibling` / :func:`finish_file_output` -- write into a temporary folder beside the destination and
  move the finished dataset into place; :func:`remove_dataset_files` / :func:`discard_output` clean up after an
  error or cancel, so that no half-written output is left behind;
* :func:`memory_staging_path` / :func:`materialize_staged` -- a ``memory:`` destination written into a temporary
  GeoPackage first (the fast GDAL/SQLite way), then copied into memory by QGIS in C++.
"""

import glob
import os
import shutil
import uuid

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingUtils,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .errors import canceled, could_not_write


def ogr_driver_for_path(path):
    """OGR driver name for a destination file path (by its extension), or None (memory:, database URIs, ...)."""
    if not path or ":" in os.path.basename(path) or path.startswith(("memory:", "postgres", "ogr:", "postgis:")):
        return None
    ext = os.path.splitext(path)[1].lstrip(".").lower()
    if not ext:
        return None
    driver = QgsVectorFileWriter.driverForExtension(ext)
    return driver or None


def dataset_files(path):
    """The files making up a dataset at ``path`` (a shapefile's siblings, a GeoPackage's -wal/-shm)."""
    stem, ext = os.path.splitext(path)
    if ext.lower() == ".shp":
        return [p for p in glob.glob(glob.escape(stem) + ".*")
                if os.path.splitext(p)[1].lower() in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx",
                                                      ".qpj", ".qmd")]
    return [p for p in (path, path + "-wal", path + "-shm", path + "-journal") if os.path.exists(p)]


def remove_dataset_files(path):
    for p in dataset_files(path):
        try:
            os.remove(p)
        except OSError:
            pass


# The PostGIS tables written in this session, by the id of their layer (the value an algorithm returns for them):
# :func:`discard_output` drops such a table again when a later step of the run fails.
_POSTGRES_OUTPUTS = {}


def remember_postgres_output(layer_id, uri):
    """Note that the output returned as ``layer_id`` is the PostGIS table of ``uri`` (QgsDataSourceUri)."""
    _POSTGRES_OUTPUTS[layer_id] = uri


def discard_output(path):
    """Remove a file output written only partly (a cancelled run): the dataset's files; a PostGIS table written by
    this run (:func:`remember_postgres_output`) is dropped; nothing for memory: layers, other database URIs or a
    layer inside a file (``path|layername=...``)."""
    if not path or not isinstance(path, str):
        return
    postgres = _POSTGRES_OUTPUTS.pop(path, None)
    if postgres is not None:
        from .postgis_io import drop_table

        drop_table(postgres)
        return
    if path.startswith("memory:") or "|" in path:
        return
    remove_dataset_files(path)


def memory_staging_path(dest, name):
    """For a ``memory:`` destination, the path of a temporary GeoPackage ``<name>.gpkg`` to write it into first (see
    :func:`materialize_staged`); None for any other destination."""
    if not str(dest or "").startswith("memory:"):
        return None
    return QgsProcessingUtils.generateTempFilename("{}.gpkg".format(name))


def materialize_staged(staging, dest, context, default_name, feedback=None, fields=None):
    """Copy the finished GeoPackage ``staging`` into a memory layer — QGIS copies the features in C++
    (``materialize``), no QgsFeature is built in Python — and register it in ``context`` like a sink of the
    ``memory:`` destination ``dest`` (named as ``dest`` says, else ``default_name``; loaded on completion when
    ``dest`` is). With ``fields`` (the QgsFields the layer is to have), the GeoPackage's own fid field is dropped
    unless it is one of them. ``staging`` is removed. Returns the memory layer's id, or None when QGIS cannot read
    ``staging``. A cancel (``feedback``) is a QgsProcessingException."""
    try:
        staged = QgsVectorLayer(staging, "staged", "ogr")
        if not staged.isValid():
            return None
        memory = staged.materialize(QgsFeatureRequest(), feedback)
        del staged
    finally:
        remove_dataset_files(staging)
    if feedback is not None and feedback.isCanceled():
        raise canceled()
    if memory is None or not memory.isValid():
        return None
    if fields is not None and memory.fields().count() == fields.count() + 1 \
            and fields.lookupField(memory.fields().at(0).name()) < 0:
        memory.dataProvider().deleteAttributes([0])
        memory.updateFields()
    memory.setName(str(dest)[len("memory:"):] or default_name)
    context.temporaryLayerStore().addMapLayer(memory)
    if context.willLoadLayerOnCompletion(dest):
        details = context.layerToLoadOnCompletionDetails(dest)
        context.addLayerToLoadOnCompletion(memory.id(), details)
    return memory.id()


def temporary_sibling(path):
    """A fresh temporary folder next to ``path`` and the path of the same file name inside it."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    tmp_dir = os.path.join(folder, ".qm-tmp-{}".format(uuid.uuid4().hex[:12]))
    os.makedirs(tmp_dir)
    return tmp_dir, os.path.join(tmp_dir, os.path.basename(path))


def finish_file_output(tmp_dir, tmp_path, path):
    """Move a finished dataset from ``tmp_path`` onto ``path`` (replacing an old one) and remove ``tmp_dir``."""
    try:
        remove_dataset_files(path)
        tmp_stem = os.path.splitext(tmp_path)[0]
        dst_stem = os.path.splitext(path)[0]
        for p in dataset_files(tmp_path):
            os.replace(p, dst_stem + p[len(tmp_stem):])
    except OSError as err:  # e.g. a folder of that name, no permission: a clear error, the caller removes the rest
        raise could_not_write(path, err.strerror or err) from err
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def write_text_file(path, text):
    """Write the text file ``path`` (UTF-8) whole or not at all: written beside, then moved into place."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, ".{}.tmp".format(os.path.basename(path)))
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as err:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise could_not_write(path, err) from err
