"""The bad-input matrix: every algorithm against every row of ../shared/BAD_INPUTS.md and docs/BAD_INPUTS_MORE.md
that applies to it, on real files (GeoPackage, shapefile, CSV) written by GDAL in ``tmp_path``.

Each case names its row and expects one outcome class:

* ``Error(words)``: a ``QgsProcessingException`` whose message holds every word (the layer, the field, the feature or
  value, the CRS …), and no output file left behind;
* ``Result(check)``: the run succeeds and ``check`` asserts the documented result (help text / BAD_INPUTS row).

Either way every input file is byte-identical afterwards. ``test_matrix_size`` states the size and the counts.
Rows not run here and where they are tested: calculateindicators / attentionindex tables (CSV encodings, XLSX,
counts as text, suppression): tests/qgis/test_indicators_bad_inputs.py; hostile quartier names, unwritable folders
and cancel of map sheets: tests/qgis/test_export_map_sheets.py; cancel and 1,000,000 addresses: test_assign_addresses.py
and benchmarks/; PostGIS: no server in the tests.
"""

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

import bad_inputs_data as bd
import pytest
from indicators_alg_testing import RecordingFeedback, build, enum_indexes
from osgeo import ogr
from qgis.core import QgsExpression, QgsProcessingContext, QgsProcessingException

ASSIGN, AGGREGATE, COVERAGE = "assignaddresses", "aggregatecounts", "offeringcoverage"
GEOCODE, SHEETS, INDICATORS = "geocodeaddresses", "exportmapsheets", "calculateindicators"
ALGORITHMS = (ASSIGN, AGGREGATE, COVERAGE, GEOCODE, SHEETS, INDICATORS)
POINT_ALGS = (ASSIGN, AGGREGATE, COVERAGE)  # addresses placed in quartiers
QUARTIER_ALGS = (ASSIGN, AGGREGATE, COVERAGE, SHEETS, INDICATORS)  # a quartier layer with ids


# ---------------------------------------------------------------------------------------------------------------------
# outcome classes
# ---------------------------------------------------------------------------------------------------------------------
@dataclass
class Error:
    words: tuple


@dataclass
class Result:
    check: Optional[Callable] = None  # check(run) with run.result, run.out, run.feedback, run.base(...)


BAD_FILTER = '"quartier_id" = '
# the parser's own message, whatever this QGIS version calls it ("syntax error", "Incomplete expression. …")
BAD_FILTER_MESSAGE = QgsExpression(BAD_FILTER).parserErrorString().strip()
assert BAD_FILTER_MESSAGE


def error(*words):
    return Error(words)


@dataclass
class Case:
    id: str
    row: str  # the row of BAD_INPUTS.md (B), BAD_INPUTS_MORE.md (M) or of issue 12 (I)
    algs: tuple
    expect: object  # Error, Result, or {alg: Error/Result}
    quartiers: dict = field(default_factory=dict)  # variants of the builders in bad_inputs_data
    addresses: dict = field(default_factory=dict)
    offerings: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)  # parameters replaced ({alg: {...}} or {...})
    setup: Optional[Callable] = None  # setup(inp, out, params, alg) for anything else

    def expected(self, alg):
        return self.expect[alg] if isinstance(self.expect, dict) else self.expect


# ---------------------------------------------------------------------------------------------------------------------
# inputs and parameters
# ---------------------------------------------------------------------------------------------------------------------
def counts_table(folder, ids):
    """The counts of calculateindicators for the quartier ids given (the fixture's first rows, re-keyed)."""
    rows = [(None, [qid] + list(row[1:])) for qid, row in zip(ids, build.ROWS)]
    fields = [(build.COLUMNS[0], ogr.OFTString)] + [
        (name, ogr.OFTString if any(isinstance(r[j], str) for r in build.ROWS) else ogr.OFTInteger)
        for j, name in enumerate(build.COLUMNS) if j]
    rows = [(None, [v if not isinstance(v, int) or fields[j][1] == ogr.OFTInteger else str(v)
                    for j, v in enumerate(values)]) for _w, values in rows]
    return bd.write_layer(os.path.join(folder, "zahlen.gpkg"), "zahlen", ogr.wkbNone, fields, rows, epsg=None)


def make_params(alg, case, inp, out):
    q = lambda: bd.quartiers(inp, **case.quartiers)  # noqa: E731
    a = lambda: bd.addresses(inp, **case.addresses)  # noqa: E731
    o = os.path.join
    if alg == ASSIGN:
        params = {"INPUT": a(), "QUARTIERS": q(), "QUARTIER_ID": "quartier_id", "SUM_FIELDS": ["ew"],
                  "OUTPUT": o(out, "assigned.gpkg"), "SUMMARY": o(out, "summary.gpkg"), "REPORT": o(out, "report.html")}
    elif alg == AGGREGATE:
        params = {"INPUT": a(), "QUARTIERS": q(), "QUARTIER_ID": "quartier_id", "OUTPUT": o(out, "counts.gpkg")}
    elif alg == COVERAGE:
        params = {"OFFERINGS": bd.offerings(inp, **case.offerings), "CATEGORY_FIELD": "kategorie", "QUARTIERS": q(),
                  "QUARTIER_ID": "quartier_id", "ADDRESSES": a(), "POPULATION_FIELD": "ew", "DISTANCE": 500.0,
                  "OUTPUT": o(out, "coverage.gpkg"), "ADDRESS_OUTPUT": o(out, "coverage_addresses.gpkg")}
    elif alg == GEOCODE:
        params = {"INPUT": bd.geocode_table(inp), "STREET_FIELD": "strasse", "HOUSENUMBER_FIELD": "hnr",
                  "DIRECTORY": a(), "DIR_STREET_FIELD": "strasse", "DIR_HOUSENUMBER_FIELD": "hnr",
                  "OUTPUT": o(out, "geocoded.gpkg"), "UNMATCHED": o(out, "unmatched.gpkg")}
    elif alg == SHEETS:
        params = {"INPUT": bd.indicator_layer(inp, ids=case.quartiers.get("ids"),
                                              geometry=case.quartiers.get("geometry", "polygon"),
                                              empty=case.quartiers.get("empty", False)),
                  "QUARTIER_ID": "quartier_id", "QUARTIER_NAME": "name", "FORMAT": 2,
                  "OUTPUT_FOLDER": o(out, "sheets")}
    else:
        quartiers = q()
        params = {"QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id",
                  "DATA": counts_table(inp, [x[0] for x in bd.QUARTIERS]), "DATA_ID": "quartier_id",
                  "INDICATORS": enum_indexes(["A.1"]), "MUNICIPALITY_FIELD": "municipality",
                  "OUTPUT": o(out, "indicators.gpkg")}
    extra = case.extra.get(alg, {}) if any(k in ALGORITHMS for k in case.extra) else case.extra
    params.update(extra)
    if case.setup is not None:
        case.setup(inp, out, params, alg)
    return params


def digests(folder):
    """SHA-256 of every file in ``folder`` (the inputs), by name."""
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not name.endswith(("-wal", "-shm", "-journal")):
            with open(path, "rb") as handle:
                out[name] = hashlib.sha256(handle.read()).hexdigest()
    return out


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder)
                  for root, _dirs, names in os.walk(folder) for name in names)


class Run:
    """One run of an algorithm on a case; ``base()`` runs the same algorithm on the unspoilt inputs."""

    def __init__(self, run_alg, alg, case, tmp_path):
        self.run_alg, self.alg, self.case, self.tmp_path = run_alg, alg, case, tmp_path
        self.inp, self.out = str(tmp_path / "in"), str(tmp_path / "out")
        os.makedirs(self.inp)
        os.makedirs(self.out)
        self.params = make_params(alg, case, self.inp, self.out)
        self.feedback = RecordingFeedback()
        self.result = None

    def execute(self):
        self.result = self.run_alg(self.alg, self.params, context=QgsProcessingContext(), feedback=self.feedback)
        return self.result

    def log(self):
        return "\n".join(self.feedback.warnings + self.feedback.infos)

    def base(self):
        other = Run(self.run_alg, self.alg, Case("base", "", (self.alg,), Result()), self.tmp_path / "base")
        other.execute()
        return other


def rows(path, key="adr"):
    """The features of the single-layer GeoPackage ``path`` as {key: {field: value, "wkt": …}}."""
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    out = {}
    for feature in lyr:
        values = feature.items()
        geom = feature.GetGeometryRef()
        values["wkt"] = geom.ExportToWkt() if geom is not None else None
        out[feature.GetFID() if key is None else values[key]] = values
    return out


# ---------------------------------------------------------------------------------------------------------------------
# documented results
# ---------------------------------------------------------------------------------------------------------------------
BASE_ASSIGNED = {1: ("01", "inside"), 2: ("01", "inside"), 3: ("02", "inside"), 4: ("02", "inside"),
                 5: ("03", "inside"), 6: ("04", "inside"), 7: ("01", "boundary"), 8: (None, "outside")}


def assigned(run):
    return {adr: (r["quartier_id"], r["assign_status"]) for adr, r in rows(run.result["OUTPUT"]).items()}


def same_as_base(run):
    """The result equals the run on the unspoilt inputs (reprojected or 2D inputs: BAD_INPUTS "identical")."""
    base = run.base()
    if run.alg == ASSIGN:
        assert assigned(run) == BASE_ASSIGNED == assigned(base)
        assert {k: run.result[k] for k in ("N_INSIDE", "N_BOUNDARY", "N_OUTSIDE", "N_NO_GEOMETRY")} == \
            {k: base.result[k] for k in ("N_INSIDE", "N_BOUNDARY", "N_OUTSIDE", "N_NO_GEOMETRY")}
    elif run.alg == AGGREGATE:
        got = {k: v["total"] for k, v in rows(run.result["OUTPUT"], "quartier_id").items()}
        assert got == {k: v["total"] for k, v in rows(base.result["OUTPUT"], "quartier_id").items()}
        assert got == {"01": 3, "02": 2, "03": 1, "04": 1}
    elif run.alg == COVERAGE:
        fields = ("n_offerings", "pop_total", "pop_far", "share_within_distance")
        got = {k: tuple(round(v[f] or 0, 3) for f in fields) for k, v in rows(run.result["OUTPUT"],
                                                                                "quartier_id").items()}
        assert got == {k: tuple(round(v[f] or 0, 3) for f in fields)
                       for k, v in rows(base.result["OUTPUT"], "quartier_id").items()}
    elif run.alg == GEOCODE:
        def status(r):
            return {k: (v["match_status"], v["match_score"]) for k, v in rows(r.result["OUTPUT"], None).items()}

        assert status(run) == status(base)


def logged(*words):
    def check(run):
        text = run.log()
        for word in words:
            assert word in text, (word, text)
    return check


def both(*checks):
    def check(run):
        for c in checks:
            c(run)
    return check


def no_geometry_counted(run):
    if run.alg == ASSIGN:
        got = assigned(run)
        assert got[2] == (None, "no_geometry") and got[3] == (None, "no_geometry")
        assert run.result["N_NO_GEOMETRY"] == 2
    elif run.alg == AGGREGATE:
        assert run.result["N_WITHOUT_QUARTIER"] == 3  # 2 without geometry, 1 outside
        assert "2 records have no geometry" in run.log()
    else:
        assert "2 address(es) without geometry" in run.log()


def empty_addresses(run):
    if run.alg == ASSIGN:
        assert run.result["N_INSIDE"] == 0 and rows(run.result["OUTPUT"]) == {}
        assert {r["n_addresses"] for r in rows(run.result["SUMMARY"], "quartier_id").values()} == {0}
    elif run.alg == AGGREGATE:
        assert {k: r["total"] for k, r in rows(run.result["OUTPUT"], "quartier_id").items()} == \
            {"01": 0, "02": 0, "03": 0, "04": 0}
    else:
        assert {r["pop_total"] for r in rows(run.result["OUTPUT"], "quartier_id").values()} == {0.0}


def border_point_to_smallest_id(run):
    assert assigned(run)[7] == ("01", "boundary")
    if run.alg == ASSIGN:
        assert run.result["N_BOUNDARY"] == 1


def gap_reported(run):
    text = open(run.result["REPORT"], encoding="utf-8").read()
    section = text.split("Gaps between quartiers")[1].split("<h2>")[0]
    areas = [float(a) for a in re.findall(r"<tr><td>\d+</td><td>([0-9.]+)</td>", section)]
    # the strip 200 m x 2000 m, its open ends rounded by the closing
    assert any(abs(a - bd.GAP * 2000) < 0.03 * bd.GAP * 2000 for a in areas), section
    assert "2 addresses lie outside every quartier" in section
    assert assigned(run)[7] == (None, "outside")  # moved 100 m east: in the strip


def overlap_reported(run):
    text = open(run.result["REPORT"], encoding="utf-8").read()
    assert "<td>01</td><td>02</td><td>100000.0</td>" in text
    # on 01's border and in 02's interior: the interior wins (help text), deterministic whatever the feature order
    assert assigned(run)[7] == ("02", "inside")


def residents_read(expected_01, *words):
    def check(run):
        got = rows(run.result["OUTPUT"], "quartier_id")
        assert got["01"]["pop_total"] == pytest.approx(expected_01)
        logged(*words)(run)
    return check


def integer_ids(run):
    assert assigned(run) == {k: (None if v[0] is None else str(int(v[0])), v[1]) for k, v in BASE_ASSIGNED.items()}


def unknown_ids_reported(*examples):
    def check(run):
        assert {r["total"] for r in rows(run.result["OUTPUT"], "quartier_id").values()} == {0}
        logged("quartiere", "not counted", *examples)(run)
    return check


def empty_geocode_output(run):
    assert rows(run.result["OUTPUT"], None) == {}


def geocoded(run):
    got = {r["strasse"]: r["match_status"] for r in rows(run.result["OUTPUT"], None).values()}
    assert got["Hauptstraße"] == "exact" and got["Unbekannter Weg"] == "unmatched"


def unwritable(name):
    """A folder where the output file ``name`` should go: writing it fails."""
    def setup(inp, out, params, alg):
        os.makedirs(os.path.join(out, name))
    return setup


def table_input(kind):
    def setup(inp, out, params, alg):
        if kind == "title_row":
            params["INPUT"] = bd.csv_with_title_row(inp)
        elif kind == "dates":
            params["INPUT"] = bd.id_table(inp, ["2024-01-01", "2024-02-01"], ogr.OFTDate)
        elif kind == "integers":
            params["INPUT"] = bd.id_table(inp, [1, 2], ogr.OFTInteger)
        if alg == GEOCODE:
            params["INPUT"] = bd.csv_with_title_row(inp)
    return setup


def shapefile_addresses(inp, out, params, alg):
    uri = bd.addresses(inp, driver="ESRI Shapefile", name="adressen_shp")
    os.remove(os.path.join(inp, "adressen_shp.prj"))
    params["ADDRESSES" if alg == COVERAGE else "INPUT"] = uri


# ---------------------------------------------------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------------------------------------------------
CASES = [
    Case("invalid_polygon", "B: quartier with a self-intersecting polygon", POINT_ALGS,
         Result(logged("04")), quartiers={"invalid": True}),
    Case("overlap", "B: quartiers that overlap", (ASSIGN,), Result(overlap_reported), quartiers={"overlap": True}),
    Case("gap_200m", "I: a 200 m gap leaves addresses outside every quartier", (ASSIGN,), Result(gap_reported),
         quartiers={"gap": True}, addresses={"shift": (100, 0)}),
    Case("null_ids", "B: NULL quartier ids", QUARTIER_ALGS, error("quartiere", "quartier_id"),
         quartiers={"ids": ["01", None, "03", "04"]}),
    Case("duplicate_ids", "B: duplicate quartier ids", QUARTIER_ALGS, error("quartiere", "quartier_id", "02"),
         quartiers={"ids": ["01", "02", "02", "04"]}),
    Case("integer_vs_leading_zeros", "B: id integer in one table, text with leading zeros in another", (AGGREGATE,),
         Result(unknown_ids_reported("1", "01")), setup=table_input("integers")),
    Case("points_4326", "B: points in EPSG:4326, quartiers in EPSG:25832", POINT_ALGS + (GEOCODE,),
         Result(same_as_base), addresses={"epsg": 4326}, offerings={"epsg": 4326}),
    Case("border_point_25833", "I: a border point in another CRS (EPSG:25833)", (ASSIGN,),
         Result(border_point_to_smallest_id), addresses={"epsg": 25833}),
    Case("border_point_3857", "I: a border point in another CRS (EPSG:3857)", (ASSIGN,),
         Result(both(border_point_to_smallest_id, same_as_base)), addresses={"epsg": 3857}),
    Case("addresses_srs0", "B: addresses in GeoPackage srs_id 0 'Undefined geographic SRS'", POINT_ALGS,
         error("adressen", "Undefined geographic SRS"), addresses={"srs_id": 0}),
    Case("addresses_srs-1", "B: addresses in GeoPackage srs_id -1 'Undefined Cartesian SRS'", POINT_ALGS,
         error("adressen", "Undefined Cartesian SRS"), addresses={"srs_id": -1}),
    Case("quartiers_srs0", "B: quartiers in GeoPackage srs_id 0", POINT_ALGS,
         error("quartiere", "Undefined geographic SRS"), quartiers={"srs_id": 0}),
    Case("offerings_srs0", "B: offerings in GeoPackage srs_id 0", (COVERAGE,),
         error("angebote", "Undefined geographic SRS"), offerings={"srs_id": 0}),
    Case("addresses_no_crs", "M: a shapefile without .prj beside a GeoPackage", POINT_ALGS,
         error("adressen_shp", "no CRS"), setup=shapefile_addresses),
    Case("shared_unknown_crs", "M: both layers in the same unknown CRS", POINT_ALGS,
         {ASSIGN: Result(same_as_base), AGGREGATE: Result(same_as_base),
          COVERAGE: error("quartiere", "unknown CRS", "distances in metres")},
         quartiers={"srs_id": 0}, addresses={"srs_id": 0}, offerings={"srs_id": 0}),
    Case("directory_srs0", "B: an unknown CRS where no other layer meets it", (GEOCODE,), Result(geocoded),
         addresses={"srs_id": 0}),
    Case("quartiers_4326", "M: quartier layer in EPSG:4326 (distances would be degrees)", POINT_ALGS,
         {ASSIGN: Result(same_as_base), AGGREGATE: Result(same_as_base),
          COVERAGE: error("quartiere", "geographic", "EPSG:4326")},
         quartiers={"epsg": 4326}),
    Case("null_empty_geometries", "B: NULL / empty geometries among the points", POINT_ALGS,
         Result(no_geometry_counted), addresses={"null_geometries": True}),
    Case("multipoint", "B/M: multipoint addresses", POINT_ALGS + (GEOCODE,), Result(same_as_base),
         addresses={"geometry": "multipoint"}),
    Case("point_zm", "B/M: addresses with Z and M", POINT_ALGS + (GEOCODE,), Result(same_as_base),
         addresses={"geometry": "pointzm"}),
    Case("quartiers_z", "M: quartier polygons with Z", POINT_ALGS, Result(same_as_base), quartiers={"z": True}),
    Case("addresses_as_polygons", "B: polygon layer where points are expected", (ASSIGN, COVERAGE, GEOCODE),
         error("adressen", "Polygon", "Point"), addresses={"geometry": "polygon"}),
    Case("quartiers_as_points", "B/I: point layer where quartier polygons are expected", QUARTIER_ALGS,
         error("quartiere", "Point", "Polygon"), quartiers={"geometry": "point"}),
    Case("empty_addresses", "B: empty address layer", POINT_ALGS, Result(empty_addresses), addresses={"empty": True}),
    Case("empty_quartiers", "B/I: empty quartier layer", QUARTIER_ALGS, error("quartiere"),
         quartiers={"empty": True}),
    Case("empty_offerings", "B: empty offering layer", (COVERAGE,), Result(logged("angebote", "no offering")),
         offerings={"empty": True}),
    Case("empty_directory", "B: empty address directory", (GEOCODE,), error("adressen", "empty"),
         addresses={"empty": True}),
    Case("empty_geocode_table", "B: empty table to geocode", (GEOCODE,), Result(empty_geocode_output),
         setup=lambda inp, out, params, alg: params.update(INPUT=bd.geocode_table(inp, empty=True, name="leer"))),
    Case("residents_decimal_comma", "B: residents as text '3,5'", (COVERAGE,),
         Result(residents_read(3.5 + 5 + 2, "decimal comma", "ew_text", "3,5")),
         addresses={"residents_text": {1: "3,5"}}, extra={"POPULATION_FIELD": "ew_text"}),
    Case("residents_k_a", "B: residents as text 'k.A.'", (COVERAGE,),
         Result(residents_read(5 + 2, "ew_text", "k.A.", "counted as 0")),
         addresses={"residents_text": {1: "k.A."}}, extra={"POPULATION_FIELD": "ew_text"}),
    Case("residents_thousands", "M: residents '1.234' (decimal or thousands separator?)", (COVERAGE,),
         Result(residents_read(5 + 2, "ew_text", "1.234", "counted as 0")),
         addresses={"residents_text": {1: "1.234"}}, extra={"POPULATION_FIELD": "ew_text"}),
    Case("text_field_summed", "B: count column holding text", (ASSIGN, AGGREGATE),
         error("ew_text", "adressen", "numeric"),
         extra={ASSIGN: {"SUM_FIELDS": ["ew_text"]}, AGGREGATE: {"WEIGHT_FIELD": "ew_text"}}),
    Case("filter_syntax_error", "B: an invalid FILTER expression", (SHEETS,),
         error("indikatoren", "FILTER", BAD_FILTER_MESSAGE), extra={"FILTER": BAD_FILTER}),
    Case("filter_unknown_field", "M: a FILTER naming a field the layer lacks", (SHEETS,),
         error("indikatoren", "gemeinde", "FILTER"), extra={"FILTER": "\"gemeinde\" = 'Müllheim'"}),
    Case("filter_eval_error", "M: a FILTER failing on a feature", (SHEETS,),
         error("indikatoren", "FILTER", "feature"), extra={"FILTER": "to_int(\"name\") > 1"}),
    Case("report_unwritable", "B: one of several outputs cannot be written (REPORT)", (ASSIGN,),
         error("report.html"), setup=unwritable("report.html")),
    Case("second_output_unwritable", "B: one of several outputs cannot be written", (COVERAGE, GEOCODE),
         error(), setup=lambda inp, out, params, alg: unwritable(
             "coverage_addresses.gpkg" if alg == COVERAGE else "unmatched.gpkg")(inp, out, params, alg)),
    Case("title_row", "M: a table with a title row above the header", (AGGREGATE, GEOCODE),
         {AGGREGATE: error("einwohner", "quartier_id"), GEOCODE: error("einwohner", "strasse")},
         setup=table_input("title_row")),
    Case("excel_dates_as_ids", "M: Excel turned the ids into dates", (AGGREGATE,),
         Result(unknown_ids_reported("2024-01-01")), setup=table_input("dates")),
    Case("integer_quartier_ids", "M: quartier ids as integers", (ASSIGN,), Result(integer_ids),
         quartiers={"ids": [1, 2, 3, 4], "id_type": ogr.OFTInteger}),
]

MATRIX = [(alg, case) for case in CASES for alg in case.algs]


@pytest.mark.parametrize("alg,case", MATRIX, ids=["{}-{}".format(a, c.id) for a, c in MATRIX])
def test_bad_input(run_alg, qgis_new_project, tmp_path, alg, case):
    run = Run(run_alg, alg, case, tmp_path)
    before = digests(run.inp)
    expected = case.expected(alg)
    if isinstance(expected, Error):
        with pytest.raises(QgsProcessingException) as info:
            run.execute()
        message = str(info.value)
        assert "Traceback" not in message and "Error" not in message.split(":")[0], message
        for word in expected.words:
            # the quartier layer of exportmapsheets is the indicator layer
            word = "indikatoren" if alg == SHEETS and word == "quartiere" else word
            assert word in message, (word, message)
        assert files_under(run.out) == [], "partial output: {}".format(files_under(run.out))
    else:
        run.execute()
        if expected.check is not None:
            expected.check(run)
    assert digests(run.inp) == before


def test_matrix_size():
    """algorithms x cases, and the outcome counts (the note of issue 12 quotes them)."""
    errors = sum(isinstance(case.expected(alg), Error) for alg, case in MATRIX)
    assert len(ALGORITHMS) == 6 and len(CASES) == 40
    assert len(MATRIX) == 90 and errors == 49 and len(MATRIX) - errors == 41
