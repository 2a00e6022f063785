"""quartiersmonitor:geocodeaddresses through processing.run with real layers and files."""

import os

import pytest
from gpkg_testing import write_gpkg
from pytest_qgis.utils import clean_qgis_layer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from quartiersmonitor.processing_provider import gpkg_table

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "geocode")
CSV_LATIN1 = os.path.join(DATA, "offerings_latin1.csv")
DIRECTORY_CSV = os.path.join(DATA, "directory.csv")


def csv_layer(path, encoding="windows-1252", delimiter=";"):
    uri = "file://{}?type=csv&delimiter={}&encoding={}&geomType=none".format(path, delimiter, encoding)
    layer = QgsVectorLayer(uri, os.path.basename(path), "delimitedtext")
    assert layer.isValid()
    return layer


@pytest.fixture()
@clean_qgis_layer  # a GeoPackage layer: deleted through the project at teardown, while QGIS still runs
def directory(tmp_path):
    uri = "file://{}?type=csv&delimiter=,&xField=x&yField=y&crs=EPSG:25832".format(DIRECTORY_CSV)
    layer = QgsVectorLayer(uri, "directory", "delimitedtext")
    assert layer.isValid() and layer.featureCount() == 13
    return write_gpkg(layer, str(tmp_path / "directory.gpkg"), "adressen")


def params(input_layer, directory, **extra):
    base = {
        "INPUT": input_layer,
        "STREET_FIELD": "Straße",
        "HOUSENUMBER_FIELD": "Hausnummer",
        "POSTCODE_FIELD": "PLZ",
        "CITY_FIELD": "Ort",
        "DIRECTORY": directory,
        "DIR_STREET_FIELD": "strasse",
        "DIR_HOUSENUMBER_FIELD": "hausnr",
        "DIR_POSTCODE_FIELD": "plz",
        "DIR_CITY_FIELD": "ort",
        "FUZZY": True,
        "OUTPUT": "memory:",
        "UNMATCHED": "memory:",
    }
    base.update(extra)
    return base


def as_layer(value):
    return value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, "out", "ogr")


def test_latin1_semicolon_csv_tricky_spellings(run_alg, directory):
    offerings = csv_layer(CSV_LATIN1)
    before = [f.attributes() for f in offerings.getFeatures()]
    result = run_alg("geocodeaddresses", params(offerings, directory))
    out = as_layer(result["OUTPUT"])
    assert out.crs().authid() == "EPSG:25832"
    rows = list(out.getFeatures())
    assert len(rows) == 9
    for f in rows:
        # The expectations are written in the CSV itself (columns erwartet, erwartet_x).
        assert f["match_status"] == f["erwartet"], (f["Name"], f["match_status"], f["erwartet"])
        if f["match_status"] == "unmatched":
            assert f.geometry().isNull() and f["match_score"] == 0
        else:
            assert 0 < f["match_score"] <= 100
            if f["erwartet_x"]:
                assert f.geometry().asPoint().x() == pytest.approx(float(f["erwartet_x"]))
    by_name = {f["Name"]: f for f in rows}
    assert by_name["Bäckerei Müller"]["match_address"] == "Hauptstraße 12a, 12345 Musterstadt"
    assert by_name["Kita Sonnenschein"]["match_score"] == 100
    # Street centroid of the five Hauptstraße addresses in 12345: x = (100+110+200+205+220)/5.
    assert by_name["Apotheke"].geometry().asPoint().x() == pytest.approx(167.0)
    assert by_name["Apotheke"]["match_score"] == 50
    unmatched = {f["Name"]: f["unmatched_reason"] for f in as_layer(result["UNMATCHED"]).getFeatures()}
    assert unmatched == {"Seniorentreff": "street_not_found", "Mütterzentrum": "no_street"}
    assert result["MATCHED_COUNT"] == 7 and result["UNMATCHED_COUNT"] == 2
    # The input is unchanged.
    assert [f.attributes() for f in offerings.getFeatures()] == before


def test_csv_path_through_ogr_and_gpkg_output(run_alg, directory, tmp_path):
    # A plain path: OGR's CSV driver detects the semicolon; read as UTF-8, the Latin-1 umlauts are invalid and the
    # field names too ("Stra?e"), so the user gets a clear error about the encoding.
    layer = QgsVectorLayer(CSV_LATIN1, "raw", "ogr")
    street_field = layer.fields().names()[1]
    with pytest.raises(QgsProcessingException) as err:
        run_alg("geocodeaddresses", params(CSV_LATIN1, directory, STREET_FIELD=street_field, POSTCODE_FIELD=None))
    assert "encoding" in str(err.value) and "row 1" in str(err.value) and "Hauptstra" in str(err.value)
    # The same file, UTF-8 encoded with commas, read through OGR directly: numbers arrive as text, still matched.
    utf8 = tmp_path / "offerings.csv"
    with open(CSV_LATIN1, encoding="cp1252") as src:
        utf8.write_text(src.read().replace(";", ","), encoding="utf-8")
    out_path = str(tmp_path / "geocoded.gpkg")
    result = run_alg("geocodeaddresses", params(str(utf8), directory, OUTPUT=out_path, UNMATCHED=None))
    out = QgsVectorLayer(result["OUTPUT"], "geocoded", "ogr")
    assert out.isValid() and out.featureCount() == 9
    assert sorted(f["match_status"] for f in out.getFeatures()) == sorted(
        f["erwartet"] for f in out.getFeatures())
    assert "UNMATCHED" not in result


def test_shapefile_output_and_no_postcode(run_alg, directory, tmp_path):
    offerings = csv_layer(CSV_LATIN1)
    shp = str(tmp_path / "geocoded.shp")
    result = run_alg("geocodeaddresses", params(offerings, directory, POSTCODE_FIELD=None, CITY_FIELD=None,
                                                OUTPUT=shp, UNMATCHED=None))
    out = QgsVectorLayer(result["OUTPUT"], "geocoded", "ogr")
    assert out.isValid() and out.featureCount() == 9
    status_field = [n for n in out.fields().names() if n.startswith("match_st")][0]
    statuses = {f["Name"]: f[status_field] for f in out.getFeatures()}
    # Without postcode and city, "Hauptstraße 1" exists in two places: ambiguous, hence unmatched.
    assert statuses["Kita Sonnenschein"] == "unmatched"
    assert statuses["Grundschule"] == "exact"  # Schulweg 3 exists only once
    assert statuses["Bäckerei Müller"] == "normalized"


def test_bad_inputs_give_clear_errors(run_alg, directory, tmp_path):
    offerings = csv_layer(CSV_LATIN1)
    with pytest.raises(QgsProcessingException, match="Strasse_falsch"):
        run_alg("geocodeaddresses", params(offerings, directory, STREET_FIELD="Strasse_falsch"))
    with pytest.raises(QgsProcessingException, match="hnr"):
        run_alg("geocodeaddresses", params(offerings, directory, DIR_HOUSENUMBER_FIELD="hnr"))
    # An empty directory is meaningless.
    empty_dir = QgsVectorLayer("Point?crs=EPSG:25832&field=strasse:string&field=hausnr:string", "leer", "memory")
    with pytest.raises(QgsProcessingException, match="leer"):
        run_alg("geocodeaddresses", params(offerings, empty_dir, DIR_POSTCODE_FIELD=None, DIR_CITY_FIELD=None))
    # A polygon layer as directory is refused by the parameter's type filter.
    polys = QgsVectorLayer("Polygon?crs=EPSG:25832&field=strasse:string&field=hausnr:string", "flaechen", "memory")
    f = QgsFeature(polys.fields())
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 0))"))
    f.setAttributes(["Hauptstraße", "1"])
    assert polys.dataProvider().addFeatures([f])[0]
    with pytest.raises(QgsProcessingException):
        run_alg("geocodeaddresses", params(offerings, polys, DIR_POSTCODE_FIELD=None, DIR_CITY_FIELD=None))
    # An empty input table gives valid empty outputs.
    empty_in = QgsVectorLayer("None?field=Straße:string&field=Hausnummer:string", "leer_in", "memory")
    result = run_alg("geocodeaddresses", params(empty_in, directory, POSTCODE_FIELD=None, CITY_FIELD=None))
    assert result["OUTPUT"].featureCount() == 0 and result["UNMATCHED"].featureCount() == 0
    assert directory.featureCount() == 13


def test_directory_in_other_crs_and_cancel(run_alg, directory, tmp_path):
    # Output points are in the directory's CRS, whatever it is.
    result = run_alg("native:reprojectlayer", {"INPUT": directory, "TARGET_CRS": "EPSG:3035", "OUTPUT": "memory:"})
    dir3035 = result["OUTPUT"]
    out = run_alg("geocodeaddresses", params(csv_layer(CSV_LATIN1), dir3035))["OUTPUT"]
    assert out.crs() == QgsCoordinateReferenceSystem("EPSG:3035")
    point = [f.geometry().asPoint() for f in out.getFeatures() if f["Name"] == "Kita Sonnenschein"][0]
    expected = [f.geometry().asPoint() for f in dir3035.getFeatures() if f["strasse"] == "Hauptstraße"
                and f["hausnr"] == "1" and f["plz"] == 12345][0]
    assert (point.x(), point.y()) == pytest.approx((expected.x(), expected.y()))
    # Cancelled before the end: an error and no output file.
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out_path = tmp_path / "cancelled.gpkg"
    with pytest.raises(QgsProcessingException):
        run_alg("geocodeaddresses", params(csv_layer(CSV_LATIN1), directory, OUTPUT=str(out_path)),
                feedback=feedback)
    assert not out_path.exists()


def test_demo_offerings_match_rate(run_alg, demo_folder):
    gpkg = os.path.join(demo_folder, "demo.gpkg")
    directory = QgsVectorLayer(gpkg + "|layername=addresses", "addresses", "ogr")
    truth_layer = QgsVectorLayer(gpkg + "|layername=offerings", "offerings", "ogr")
    table = csv_layer(os.path.join(demo_folder, "offerings.csv"), encoding="UTF-8", delimiter=",")
    truth = {f["offering_id"]: f["spelling"] for f in csv_layer(
        os.path.join(demo_folder, "offerings_truth.csv"), encoding="UTF-8", delimiter=",").getFeatures()}
    position = {f["offering_id"]: f.geometry().asPoint() for f in truth_layer.getFeatures()}
    result = run_alg("geocodeaddresses", {
        "INPUT": table, "STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber", "POSTCODE_FIELD": "postcode",
        "CITY_FIELD": "city", "DIRECTORY": directory, "DIR_STREET_FIELD": "street",
        "DIR_HOUSENUMBER_FIELD": "housenumber", "DIR_POSTCODE_FIELD": "postcode", "DIR_CITY_FIELD": "municipality",
        "FUZZY": True, "OUTPUT": "memory:", "UNMATCHED": "memory:",
    })
    rows = list(result["OUTPUT"].getFeatures())
    assert len(rows) == table.featureCount() == len(truth)
    right_place, by_status = 0, {}
    for f in rows:
        by_status[f["match_status"]] = by_status.get(f["match_status"], 0) + 1
        kind = truth[f["offering_id"]]
        if kind == "nonexistent":
            # A phantom street is not found; a real street with a house number that does not exist lands on the
            # street's centroid, flagged as such.
            assert f["match_status"] in ("unmatched", "street"), (f["street"], f["housenumber"])
            continue
        assert f["match_status"] in ("exact", "normalized", "fuzzy"), (kind, f["street"], f["housenumber"])
        assert (f["match_status"] == "exact") == (kind == "exact"), (kind, f["street"], f["housenumber"])
        p = f.geometry().asPoint()
        if p.distance(position[f["offering_id"]]) < 0.01:
            right_place += 1
    existing = sum(1 for k in truth.values() if k != "nonexistent")
    rate = right_place / len(rows)
    print("demo offerings: {} rows, {} spelled differently, {} nonexistent; statuses {}; match rate {:.1%}".format(
        len(rows), sum(1 for k in truth.values() if k not in ("exact", "nonexistent")), len(rows) - existing,
        by_status, rate))
    # Every existing address is found at its true position, whatever its spelling; only the ~2 % phantoms fail.
    assert right_place == existing
    assert rate >= 0.95


class CancelLate(QgsProcessingFeedback):
    """Presses cancel once the progress passes ``at`` percent (while the outputs are being written)."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def isCanceled(self):  # noqa: N802
        if self.progress() > self.at:
            self.cancel()
        return super().isCanceled()


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_cancel_while_writing_leaves_no_file(run_alg, directory, tmp_path, ext):
    out_path = tmp_path / "cancelled.{}".format(ext)
    unmatched = tmp_path / "unmatched.csv"
    with pytest.raises(QgsProcessingException):
        run_alg("geocodeaddresses", params(csv_layer(CSV_LATIN1), directory, OUTPUT=str(out_path),
                                           UNMATCHED=str(unmatched)), feedback=CancelLate(55))
    assert not out_path.exists() and not unmatched.exists()
    assert not list(tmp_path.glob("cancelled.*"))


def test_gpkg_outputs_written_by_gdal_equal_the_qgis_ones(run_alg, directory, tmp_path):
    """A GeoPackage OUTPUT/UNMATCHED (GDAL and SQLite) holds what QGIS writes into memory layers; also from a
    GeoPackage table input (its fid field becomes the output's fid)."""
    def rows(layer, skip=0):
        return [([None if str(v) == "NULL" else v for v in f.attributes()[skip:]], f.geometry().asWkt(3))
                for f in layer.getFeatures()]

    memory = run_alg("geocodeaddresses", params(csv_layer(CSV_LATIN1), directory))
    files = run_alg("geocodeaddresses", params(csv_layer(CSV_LATIN1), directory, OUTPUT=str(tmp_path / "out.gpkg"),
                                               UNMATCHED=str(tmp_path / "unmatched.gpkg")))
    out = QgsVectorLayer(files["OUTPUT"], "out", "ogr")
    unmatched = QgsVectorLayer(files["UNMATCHED"], "unmatched", "ogr")
    assert out.crs().authid() == "EPSG:25832" and out.hasSpatialIndex() == 2  # QgsFeatureSource.SpatialIndexPresent
    assert rows(out, skip=1) == rows(memory["OUTPUT"]) and len(rows(out)) == 9
    assert rows(unmatched, skip=1) == rows(memory["UNMATCHED"]) and len(rows(unmatched)) == 2
    assert files["MATCHED_COUNT"] == 7 and files["UNMATCHED_COUNT"] == 2
    table = write_gpkg(csv_layer(CSV_LATIN1), str(tmp_path / "table.gpkg"), "angebote")
    assert table.fields().names()[0] == "fid"
    again = run_alg("geocodeaddresses", params(table, directory, OUTPUT=str(tmp_path / "out2.gpkg"), UNMATCHED=None))
    out2 = QgsVectorLayer(again["OUTPUT"], "out2", "ogr")
    assert rows(out2) == rows(out) and [f.id() for f in out2.getFeatures()] == [f.id() for f in table.getFeatures()]
    del out, unmatched, out2, table


@pytest.mark.parametrize("ext,json_rows", [("gpkg", True), ("shp", True), ("gpkg", False)])
def test_gpkg_outputs_copied_from_a_file_input_equal_the_qgis_ones(run_alg, directory, tmp_path, ext, json_rows,
                                                                    monkeypatch):
    """From a whole file input (GeoPackage; a shapefile staged into a GeoPackage) the input's attributes are copied
    inside SQLite: OUTPUT and UNMATCHED hold what QGIS writes into memory layers from the same input. The new
    values reach SQLite as JSON arrays (storage.sqlite_bulk) or, where SQLite has no json_each, by executemany."""
    if not json_rows:
        monkeypatch.setattr(gpkg_table, "has_json_each", lambda con: False)
    def rows(layer):
        return [([None if str(v) == "NULL" else v for v in f.attributes()], f.geometry().asWkt(3))
                for f in layer.getFeatures()]

    path = str(tmp_path / "input.{}".format(ext))
    if ext == "gpkg":
        table = write_gpkg(csv_layer(CSV_LATIN1), path, "angebote")
    else:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "ESRI Shapefile"
        options.fileEncoding = "UTF-8"
        result = QgsVectorFileWriter.writeAsVectorFormatV3(csv_layer(CSV_LATIN1), path,
                                                           QgsProject.instance().transformContext(), options)
        assert result[0] == QgsVectorFileWriter.WriterError.NoError, result
        table = QgsVectorLayer(path[:-4] + ".dbf", "angebote", "ogr")  # a table: only the .dbf is written
    assert table.isValid() and table.featureCount() == 9
    memory = run_alg("geocodeaddresses", params(table, directory))
    files = run_alg("geocodeaddresses", params(table, directory, OUTPUT=str(tmp_path / "out.gpkg"),
                                               UNMATCHED=str(tmp_path / "unmatched.gpkg")))
    out = QgsVectorLayer(files["OUTPUT"], "out", "ogr")
    unmatched = QgsVectorLayer(files["UNMATCHED"], "unmatched", "ogr")
    skip = 0 if ext == "gpkg" else 1  # a shapefile has no fid field: the GeoPackage's own comes first
    assert out.hasSpatialIndex() == 2
    assert [(a[skip:], g) for a, g in rows(out)] == rows(memory["OUTPUT"]) and len(rows(out)) == 9
    assert [(a[skip:], g) for a, g in rows(unmatched)] == rows(memory["UNMATCHED"]) and len(rows(unmatched)) == 2
    if ext == "gpkg":
        assert [f.id() for f in out.getFeatures()] == [f.id() for f in table.getFeatures()]
    del out, unmatched, table


@pytest.mark.parametrize("from_file", [False, True])
def test_memory_outputs_staged_in_a_geopackage_equal_the_qgis_ones(run_alg, directory, tmp_path, from_file,
                                                                   monkeypatch):
    """memory: OUTPUT/UNMATCHED are written into a temporary GeoPackage and copied into memory by QGIS
    (outputs.materialize_staged). They hold the same fields (names, types) and rows as the memory layers QGIS
    writes feature by feature (the staging switched off), from a memory table and from a GeoPackage table."""
    from quartiersmonitor.processing_provider import vector_output

    def fields(layer):
        return [(f.name(), f.type(), f.typeName().lower()) for f in layer.fields()]

    def rows(layer):
        return [([None if str(v) == "NULL" else v for v in f.attributes()], f.geometry().asWkt(3))
                for f in layer.getFeatures()]

    table = write_gpkg(csv_layer(CSV_LATIN1), str(tmp_path / "table.gpkg"), "angebote") if from_file \
        else csv_layer(CSV_LATIN1)
    calls = []
    real = vector_output.materialize_staged
    monkeypatch.setattr(vector_output, "materialize_staged", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    staged = run_alg("geocodeaddresses", params(table, directory))
    assert len(calls) == 2 and all(not os.path.exists(path) for path in calls)  # staged, then removed
    for key in ("OUTPUT", "UNMATCHED"):
        assert staged[key].providerType() == "memory"
    monkeypatch.setattr(vector_output, "memory_staging_path", lambda dest, name: None)
    direct = run_alg("geocodeaddresses", params(table, directory))
    for key, n in (("OUTPUT", 9), ("UNMATCHED", 2)):
        assert [(n_, t) for n_, t, _ in fields(staged[key])] == [(n_, t) for n_, t, _ in fields(direct[key])]
        assert rows(staged[key]) == rows(direct[key]) and len(rows(direct[key])) == n
        assert staged[key].crs() == direct[key].crs()
    del table
