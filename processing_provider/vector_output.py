"""The one way a layer output of our algorithms is written: :func:`write_vector_output`.

An algorithm describes *what* the output holds (:class:`LayerContent`: the input's rows and attributes, new columns,
a geometry); this module decides *how* it is written, in one place:

1. a GeoPackage destination (also a ``memory:`` one, written into a temporary GeoPackage first and then copied into
   memory by QGIS in C++, :func:`outputs.materialize_staged`) is written by GDAL and SQLite
   (:mod:`.gpkg_join`, :mod:`.gpkg_table`); when the input is a whole OGR file its attributes (and geometry) are
   copied inside SQLite, else its values are read once and sent;
2. another OGR file format is written by GDAL from a whole OGR input (:func:`gpkg_join.write_gpkg_join`);
3. a PostGIS destination (``postgres://…`` as "Save to Database Table" gives, or ``postgis:…``) is written into a
   temporary GeoPackage by tier 1 (else by a QGIS sink) and copied into the database by GDAL with ``COPY``
   (:mod:`.postgis_io`); a PostGIS input table is read by GDAL too (:func:`ogr_arrow.ogr_file_source`) and, where
   its attributes are copied, staged into a temporary GeoPackage with its fids;
4. everything else (any QGIS source, other database URIs, any format QGIS writes) goes through a QGIS feature
   sink, feature by feature.

File outputs appear whole or not at all (written beside and moved into place, removed after an error or cancel);
:class:`OutputSet` removes the outputs an algorithm already wrote when a later step fails, so that a run writes
all its outputs or none.
"""

import contextlib
import os
import shutil
import tempfile

import numpy as np
import pandas as pd
from qgis.core import QgsFeature, QgsFeatureRequest, QgsFields, QgsGeometry, QgsPointXY, QgsProcessingUtils

from ..compat import FAST_INSERT, REQUEST_NO_GEOMETRY, WKT_PREFERRED_GDAL
from ..storage.field_names import replaced_fields
from ..translation import tr
from .errors import check_canceled, could_not_write
from .gpkg_join import write_gpkg_join
from .gpkg_table import gpkg_copy_source, gpkg_field_definitions, write_gpkg_table
from .ogr_arrow import ogr_file_source
from .outputs import (
    discard_output,
    finish_file_output,
    materialize_staged,
    memory_staging_path,
    ogr_driver_for_path,
    remember_postgres_output,
    remove_dataset_files,
    temporary_sibling,
)
from .postgis_io import DRIVER as POSTGRES_DRIVER
from .postgis_io import (
    check_connection,
    copy_to_postgres,
    join_in_database,
    postgres_destination,
    postgres_layer,
    same_database,
    stage_source,
    table_label,
)
from .readers import python_values, read_attribute_table

_BATCH = 10_000


def unique_name(name, taken):
    """``name``, or ``name_2``, ``name_3`` ... when a field of that name exists already (case-insensitive)."""
    lower = {t.lower() for t in taken}
    if name.lower() not in lower:
        return name
    k = 2
    while "{}_{}".format(name, k).lower() in lower:
        k += 1
    return "{}_{}".format(name, k)


def output_fields(input_fields, new_fields):
    """The fields of an output that copies the input's (``input_fields``) and adds ``new_fields`` (QgsFields): an
    input field that a new field replaces (same name, case-insensitive, or its shapefile cut: see
    :func:`storage.field_names.replaced_fields`) gives its place in the field list to the new field (with the new
    type); the other new fields follow at the end. Returns ``(fields, positions, replaced)``: the QgsFields, the
    position of each new field among them (for :class:`LayerContent`) and the names of the input fields replaced."""
    new_list = [new_fields.at(k) for k in range(new_fields.count())]
    replaced = replaced_fields(input_fields.names(), [f.name() for f in new_list])
    fields = QgsFields()
    positions = [None] * len(new_list)
    for i in range(input_fields.count()):
        if i in replaced:
            positions[replaced[i]] = fields.count()
            fields.append(new_list[replaced[i]])
        else:
            fields.append(input_fields.at(i))
    for k, field in enumerate(new_list):
        if positions[k] is None:
            positions[k] = fields.count()
            fields.append(field)
    return fields, positions, [input_fields.at(i).name() for i in sorted(replaced)]


def expand_column(column):
    """A new column as a list of Python values (a ``(distinct values, codes)`` pair expanded, code -1 = NULL)."""
    if not isinstance(column, tuple):
        return list(column)
    uniques, codes = column
    table = (uniques.tolist() if isinstance(uniques, np.ndarray) else list(uniques)) + [None]
    return [table[k] for k in np.asarray(codes).tolist()]


class LayerContent:
    """What one layer output holds, one row per input feature in ``fids`` (in that order).

    * ``source`` / ``layer`` / ``whole``: the input (processing source, its vector layer or None, and whether the
      parameter means the whole layer): every row starts with the input feature's attributes;
    * ``fids``: the input's feature ids, one per row; ``subset``: the rows are a selection of the input's features
      (a feature not in ``fids`` is left out; otherwise it gets NULL new values);
    * ``fields``: the output's QgsFields (the input's, then the new ones);
    * ``columns``: the new values, one column per new field, aligned with ``fids``: a list of Python values (None =
      NULL) or ``(distinct values, codes)`` (code -1 = NULL);
    * ``geometry``: ``"source"`` (the input feature's own geometry, in the input's CRS), ``("points", x, y)``
      (x, y arrays aligned with ``fids``, NaN = no geometry, in ``crs``) or None (a table);
    * ``wkb_type`` / ``crs``: of the output layer; ``bounds``: for ``"source"`` point geometry, ``(fids, minx, maxx,
      miny, maxy)`` of the input points when known (the spatial index is then bulk-loaded);
    * ``table``: the input's attributes already read (:func:`readers.read_attribute_table`), used instead of reading
      them again where they must be sent (not copied from the input's file);
    * ``positions``: the position of each new column's field in ``fields`` (:func:`output_fields`); by default the
      last fields. A new field at the position of an input field (``position < source.fields().count()``)
      replaces that input field: the input's value is not written.
    """

    def __init__(self, source, layer, whole, fids, fields, columns, geometry, wkb_type, crs, subset=False,
                 bounds=None, table=None, positions=None):
        self.source, self.layer, self.whole, self.table = source, layer, whole, table
        self.fids = np.asarray(fids, dtype=np.int64)
        self.fields, self.columns, self.geometry = fields, list(columns), geometry
        self.wkb_type, self.crs, self.subset, self.bounds = wkb_type, crs, subset, bounds
        if positions is None:
            positions = range(fields.count() - len(self.columns), fields.count())
        self.positions = [int(p) for p in positions]

    @property
    def new_count(self):
        return len(self.columns)

    @property
    def replaced(self):
        """``{input field name: new field name}`` of the input fields that new fields replace."""
        n_input = self.source.fields().count()
        return {self.source.fields().at(p).name(): self.fields.at(p).name() for p in self.positions if p < n_input}

    def in_field_order(self, input_columns):
        """``input_columns`` (one per input field) with the new columns put in their places: one column per field of
        ``fields``."""
        columns = list(input_columns) + [None] * (self.fields.count() - len(input_columns))
        for position, column in zip(self.positions, self.columns):
            columns[position] = column
        return columns


class OutputSet:
    """The outputs of one run: ``with OutputSet() as written: written.add(path)`` removes every output added so far
    when the block ends with an exception (a failed REPORT leaves no OUTPUT behind)."""

    def __init__(self):
        self.paths = []

    def add(self, value):
        self.paths.append(value)
        return value

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            for path in self.paths:
                discard_output(path)
        return False


class _Feedback:
    """The algorithm's feedback, asked for a cancel, with the progress of this step shown on ``steps``."""

    def __init__(self, feedback, steps):
        self.feedback, self.steps = feedback, steps or feedback

    def isCanceled(self):  # noqa: N802
        return self.feedback.isCanceled() or self.steps.isCanceled()

    def setProgress(self, value):  # noqa: N802
        self.steps.setProgress(value)

    def pushInfo(self, text):  # noqa: N802
        self.feedback.pushInfo(text)


def write_vector_output(algorithm, parameters, name, context, feedback, content, default_name, steps=None):
    """Write the output parameter ``name`` of ``algorithm`` with ``content`` (see module docs); returns the value
    for the results map (a file path or a layer id). ``default_name``: the layer name of a ``memory:`` output
    given without one (translated); ``steps``: a multi-step feedback showing this step's progress (``feedback``,
    the algorithm's own, is asked for a cancel)."""
    feedback = _Feedback(feedback, steps)
    check_canceled(feedback)
    dest = algorithm.parameterAsOutputLayer(parameters, name, context)
    postgres = postgres_destination(dest)
    if postgres is not None:
        return _write_postgres(postgres, dest, name, content, context, feedback, default_name)
    staging = memory_staging_path(dest, "qm_{}".format(name.lower()))
    target = staging or dest
    written = _write_with_gdal(target, content, feedback, spatial_index=staging is None and not _temporary(dest))
    if written and staging is not None:
        check_canceled(feedback)
        layer_id = materialize_staged(staging, dest, context, default_name, feedback.steps, fields=content.fields)
        check_canceled(feedback)
        if layer_id is None:
            raise could_not_write(dest, tr("QGIS could not copy the staged layer into memory."))
        return layer_id
    if written:
        return dest
    return _write_with_qgis(dest, content, context, feedback)


def _write_postgres(uri, dest, name, content, context, feedback, default_name):
    """Tier 3: a PostGIS table, written into a temporary GeoPackage first (GDAL/SQLite, else a QGIS sink), then
    copied into the database by GDAL (:func:`postgis_io.copy_to_postgres`). Returns the new layer's id (the layer is
    in the context's temporary store, loaded on completion when ``dest`` is)."""
    if _join_in_database(uri, content, feedback):
        return _register_postgres(uri, dest, context, default_name, True)
    folder = tempfile.mkdtemp(prefix="qm-pgout-")
    staging = os.path.join(folder, "qm_{}.gpkg".format(name.lower()))
    try:
        if not _write_with_gdal(staging, content, feedback, spatial_index=False):
            _write_with_qgis(staging, content, context, feedback)
        check_canceled(feedback)
        feedback.pushInfo(tr("Copying into the PostGIS table {} with GDAL…").format(table_label(uri)))
        has_geometry = copy_to_postgres(staging, uri, feedback.steps)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _register_postgres(uri, dest, context, default_name, has_geometry)


def _join_in_database(uri, content, feedback):
    """The input's own PostGIS table copied with the new (categorical text) columns inside the same database
    (:func:`postgis_io.join_in_database`); False when that does not apply (nothing written)."""
    if content.geometry != "source" or content.subset or any(not isinstance(c, tuple) for c in content.columns):
        return False
    info = input_file(content.source, content.layer, content.whole, content.geometry)
    if info is None or info["driver"] != POSTGRES_DRIVER or not same_database(info["uri"], uri):
        return False
    check_connection(uri)
    feedback.pushInfo(tr("Writing the PostGIS table {} inside the database…").format(table_label(uri)))
    new_names = [content.fields.at(p).name() for p in content.positions]
    return join_in_database(info, uri, content.fids, dict(zip(new_names, content.columns)), content.replaced,
                            feedback)


def _register_postgres(uri, dest, context, default_name, has_geometry):
    """The table written for ``dest`` as a layer in the context's temporary store (loaded on completion when
    ``dest`` is); returns its id."""
    layer_name = default_name
    if context.willLoadLayerOnCompletion(dest):
        layer_name = context.layerToLoadOnCompletionDetails(dest).name or default_name
    layer = postgres_layer(uri, layer_name, has_geometry)
    if layer is None:
        raise could_not_write(table_label(uri), tr("QGIS could not open the table written."))
    context.temporaryLayerStore().addMapLayer(layer)
    remember_postgres_output(layer.id(), uri)
    if context.willLoadLayerOnCompletion(dest):
        context.addLayerToLoadOnCompletion(layer.id(), context.layerToLoadOnCompletionDetails(dest))
    return layer.id()


@contextlib.contextmanager
def _copy_source(info, fids, feedback):
    """:func:`gpkg_table.gpkg_copy_source`; a PostGIS input is staged with its own fids (GDAL reads a database table
    in no fixed order)."""
    if info["driver"] != POSTGRES_DRIVER:
        with gpkg_copy_source(info, fids, feedback) as copy_source:
            yield copy_source
        return
    staged = stage_source(info, feedback)
    if staged is None:
        yield None
        return
    try:
        yield staged[0], np.asarray(fids, dtype=np.int64)
    finally:
        shutil.rmtree(staged[1], ignore_errors=True)


def _temporary(dest):
    """True for a file in the Processing temporary folder (TEMPORARY_OUTPUT): no spatial index is built there."""
    try:
        return os.path.abspath(dest).startswith(os.path.abspath(QgsProcessingUtils.tempFolder()))
    except (TypeError, ValueError):
        return False


def input_file(source, layer, whole, geometry=None):
    """The input's file that :func:`write_vector_output` copies attributes (and with ``geometry="source"`` the
    geometry) from inside GDAL/SQLite (see :func:`ogr_arrow.ogr_file_source`), or None: then the attributes are
    sent from Python, and an algorithm that reads the input anyway should read them all at once."""
    if not whole or layer is None or layer.crs() != source.sourceCrs():
        return None
    if geometry == "source":
        return ogr_file_source(layer)
    return ogr_file_source(layer, tables=True, text=True)


def _write_with_gdal(target, content, feedback, spatial_index):
    """The GDAL/SQLite tiers (1 and 2 of the module docs); False when they do not apply (nothing written)."""
    driver = ogr_driver_for_path(target)
    if driver is None:
        return False
    info = input_file(content.source, content.layer, content.whole, content.geometry)
    if content.geometry == "source":
        if info is None or content.subset or any(not isinstance(c, tuple) for c in content.columns):
            return False
        return _write_join(info, target, driver, content, feedback, spatial_index)
    if driver != "GPKG" or gpkg_field_definitions(content.fields) is None:
        return False
    points, srs_wkt = None, ""
    if isinstance(content.geometry, tuple):
        points = (np.asarray(content.geometry[1], float), np.asarray(content.geometry[2], float))
        srs_wkt = content.crs.toWkt(WKT_PREFERRED_GDAL) if content.crs.isValid() else ""
    feedback.pushInfo(tr("Writing “{}” with GDAL…").format(target))
    check_canceled(feedback)
    if info is not None:
        with _copy_source(info, content.fids, feedback) as copy_source:
            if copy_source is not None and write_gpkg_table(
                    target, content.fields, content.columns, feedback, points=points, srs_wkt=srs_wkt,
                    copy_from=copy_source, spatial_index=spatial_index, new_positions=content.positions):
                return True
    values = _input_values(content, feedback)
    if values is None:
        return False
    return write_gpkg_table(target, content.fields, content.in_field_order(values), feedback, points=points,
                            srs_wkt=srs_wkt, spatial_index=spatial_index)


def _input_values(content, feedback):
    """The input's attribute values as lists aligned with ``content.fids``; None when the input changed meanwhile
    (its features are no longer those of ``fids``)."""
    source = content.source
    table = content.table
    if table is None or any(name not in table.columns for name in source.fields().names()):
        table = read_attribute_table(source, source.fields().names(), feedback, layer=content.layer,
                                     whole=content.whole)
    position = pd.Index(table["fid"].to_numpy()).get_indexer(content.fids)
    if (position < 0).any():
        return None
    values = [python_values(table[f.name()], f) for f in source.fields()]
    if np.array_equal(position, np.arange(len(table))):
        return values
    rows = position.tolist()
    return [[column[i] for i in rows] for column in values]


def _write_join(info, target, driver, content, feedback, spatial_index):
    """The input file copied with the new (categorical text) columns by :func:`gpkg_join.write_gpkg_join`."""
    new_names = [content.fields.at(p).name() for p in content.positions]
    columns = dict(zip(new_names, content.columns))
    feedback.pushInfo(tr("Writing “{}” with GDAL…").format(target))
    with _copy_source(info, content.fids, feedback) as copy_source:
        if copy_source is None:
            return False
        copy_info, copy_fids = copy_source
        bounds = content.bounds
        if copy_info is not info:
            feedback.pushInfo(tr("“{}” was copied into a temporary GeoPackage first.").format(
                content.source.sourceName()))
            if bounds is not None:
                position = pd.Index(content.fids).get_indexer(bounds[0])
                bounds = (copy_fids[position],) + tuple(bounds[1:])
        write_gpkg_join(copy_info, target, driver, copy_fids, columns, feedback, spatial_index=spatial_index,
                        bounds=bounds, replace=content.replaced)
    return True


def _write_with_qgis(dest, content, context, feedback):
    """Tier 3: a QGIS feature sink, feature by feature; a file is written beside and moved into place."""
    file_output = ogr_driver_for_path(dest) is not None
    tmp_dir, target = temporary_sibling(dest) if file_output else (None, dest)
    if file_output and target.lower().endswith(".dbf"):  # QGIS would write "x.dbf.dbf": a shapefile's table
        target = target[:-4] + ".shp"
    try:
        sink, dest_id = QgsProcessingUtils.createFeatureSink(target, context, content.fields, content.wkb_type,
                                                             content.crs)
        if sink is None:
            raise could_not_write(dest)
        _fill_sink(sink, dest, content, feedback)
        del sink
    except BaseException:
        if file_output:
            remove_dataset_files(target)
            shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    if file_output:
        finish_file_output(tmp_dir, target, dest)
        return dest
    if context.willLoadLayerOnCompletion(dest):
        context.addLayerToLoadOnCompletion(dest_id, context.layerToLoadOnCompletionDetails(dest))
    return dest_id


def _fill_sink(sink, dest, content, feedback):
    columns = [expand_column(c) for c in content.columns]
    position = {int(f): i for i, f in enumerate(content.fids.tolist())}
    request = QgsFeatureRequest()
    if content.geometry != "source":
        request.setFlags(REQUEST_NO_GEOMETRY)
    points = content.geometry if isinstance(content.geometry, tuple) else None
    n_input = content.source.fields().count()
    n_extra = content.fields.count() - n_input
    total = max(content.source.featureCount(), 1)
    batch = []
    for k, feature in enumerate(content.source.getFeatures(request)):
        i = position.get(feature.id())
        if i is None and content.subset:
            continue
        out = QgsFeature(content.fields)
        if content.geometry == "source":
            out.setGeometry(feature.geometry())
        elif points is not None and i is not None and np.isfinite(points[1][i]) and np.isfinite(points[2][i]):
            out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(points[1][i]), float(points[2][i]))))
        attributes = list(feature.attributes())[:n_input] + [None] * n_extra
        for place, column in zip(content.positions, columns):
            attributes[place] = column[i] if i is not None else None
        out.setAttributes(attributes)
        batch.append(out)
        if len(batch) >= _BATCH:
            check_canceled(feedback)
            _flush(sink, batch, dest)
            feedback.setProgress(100.0 * k / total)
    check_canceled(feedback)
    _flush(sink, batch, dest)


def _flush(sink, batch, dest):
    if batch and not sink.addFeatures(batch, FAST_INSERT):
        raise could_not_write(dest, sink.lastError())
    del batch[:]
