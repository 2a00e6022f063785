"""The bad-input matrix: every algorithm against every row of ../shared/BAD_INPUTS.md and docs/BAD_INPUTS_MORE.md
that applies to it, on real files (GeoPackage, shapefile, CSV) written by GDAL in ``tmp_path``.

Eleven algorithms: assignaddresses, aggregatecounts, offeringcoverage, geocodeaddresses, exportmapsheets,
calculateindicators, and the newer hotspots, accessibility, siteofferings, indicatortrends and exporttable. Each case
names its row (B: BAD_INPUTS.md, M / N: BAD_INPUTS_MORE.md, N the rows of the newer algorithms, I: issue 12) and
expects one outcome class:

* ``Error(words)``: a ``QgsProcessingException`` whose message holds every word (the layer, the field, the feature or
  value, the CRS …), and no output file left behind;
* ``Result(check)``: the run succeeds and ``check`` asserts the documented result (help text / BAD_INPUTS row),
  against values computed by hand (the Gi* z-scores, the E2SFCA figures, the covering sites and the trends of the
  unspoilt inputs are worked out beside the cases) or against a second run on the unspoilt inputs.

Either way every input file is byte-identical afterwards. ``test_matrix_size`` states the size and the counts.

Where the rows run:

* quartier layer (invalid polygon, NULL / duplicate ids, srs_id 0, EPSG:4326, PolygonZ, points instead of polygons,
  empty, a quartier without geometry): the six first algorithms as before, and hotspots, accessibility,
  siteofferings, indicatortrends (ids and geometry type; the invalid polygon and the missing geometry where the
  geometry is used: hotspots, accessibility, siteofferings) and exporttable (its indicator layer: ids, empty);
* addresses (CRS 4326 / srs_id 0 / -1 / no .prj, NULL and empty geometries, multipoint, ZM, polygons, empty, residents
  as text "3,5" / "k.A." / "1.234"): assign, aggregate, coverage (and geocode where it applies), accessibility and
  siteofferings (the demand field);
* outputs that cannot be written (the first, a second one, the REPORT): every algorithm with files, the newer ones
  included;
* the newer algorithms' own rows (N): hot spots on an island, 2 quartiers, a field all NULL / constant / text,
  numerator > denominator, every quartier neighbouring every other, K not below the number of quartiers, a distance
  band below every distance, of 0 or in degrees; accessibility with 0 or negative places, an offering outside every
  quartier or without geometry, a distance of 0; siteofferings with demand outside every quartier and a need field,
  a candidates layer empty, in srs_id 0 or with a site without geometry, an existing offering without geometry, a
  distance of 0; a network in another CRS, far from every point or empty (accessibility, siteofferings);
  indicatortrends with 2 years, school years as text, NULL years, a year missing for one quartier, a count "k.A."
  and integer ids against "01"; exporttable on a layer that is no indicator layer and to a path with another
  extension.

Rows not run here and where they are tested: calculateindicators / attentionindex tables (CSV encodings, XLSX,
counts as text, suppression): tests/qgis/test_indicators_bad_inputs.py; hostile quartier names, unwritable folders
and cancel of map sheets: tests/qgis/test_export_map_sheets.py; cancel and 1,000,000 addresses: test_assign_addresses.py
and benchmarks/; cancel of the newer algorithms: their own test files (test_hotspots.py, test_export_table.py …);
PostGIS: no server in the tests.
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
HOTSPOTS, ACCESS, SITING, TRENDS, TABLE = "hotspots", "accessibility", "siteofferings", "indicatortrends", "exporttable"
ALGORITHMS = (ASSIGN, AGGREGATE, COVERAGE, GEOCODE, SHEETS, INDICATORS, HOTSPOTS, ACCESS, SITING, TRENDS, TABLE)
POINT_ALGS = (ASSIGN, AGGREGATE, COVERAGE)  # addresses placed in quartiers
QUARTIER_ALGS = (ASSIGN, AGGREGATE, COVERAGE, SHEETS, INDICATORS)  # a quartier layer with ids
DEMAND_ALGS = (ACCESS, SITING)  # addresses as demand within metres of offerings / sites
NEW_QUARTIER_ALGS = (HOTSPOTS, ACCESS, SITING, TRENDS)  # the newer algorithms with a quartier layer and its ids


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
    candidates: dict = field(default_factory=dict)
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


# hot spot values of the quartiers 01..04 (and the island 05): rook neighbours 01-02, 01-03, 02-04, 03-04
HOT_VALUES = {"wert": (ogr.OFTReal, [4.0, 9.0, 2.0, 7.0, 5.0]),
              "faelle": (ogr.OFTInteger, [40, 90, 20, 70, 50]),
              "einwohner": (ogr.OFTInteger, [1000, 1000, 1000, 1000, 1000])}
# counts per quartier and year for indicatortrends (A.1 = sgb2_u65 / pop_u65): 01 rising, 02 falling, 03 steady
TREND_ROWS = [(qid, year, 1000, 800, count) for year, counts in ((2021, (40, 80, 50, 30)), (2022, (60, 60, 50, 31)),
                                                                  (2023, (80, 40, 50, 30)))
              for qid, count in zip(("01", "02", "03", "04"), counts)]


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
    elif alg == INDICATORS:
        quartiers = q()
        params = {"QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id",
                  "DATA": counts_table(inp, [x[0] for x in bd.QUARTIERS]), "DATA_ID": "quartier_id",
                  "INDICATORS": enum_indexes(["A.1"]), "MUNICIPALITY_FIELD": "municipality",
                  "OUTPUT": o(out, "indicators.gpkg")}
    elif alg == HOTSPOTS:
        params = {"INPUT": bd.quartiers(inp, **dict({"values": HOT_VALUES}, **case.quartiers)),
                  "QUARTIER_ID": "quartier_id", "FIELD": "wert", "METHOD": 0, "WEIGHTS": 1, "PERMUTATIONS": 99,
                  "SEED": 7, "OUTPUT": o(out, "hotspots.gpkg")}
    elif alg == ACCESS:
        params = {"OFFERINGS": bd.offerings(inp, **dict({"capacity": [10.0, 20.0]}, **case.offerings)),
                  "CAPACITY_FIELD": "plaetze", "ADDRESSES": a(), "DEMAND_FIELD": "ew", "QUARTIERS": q(),
                  "QUARTIER_ID": "quartier_id", "DISTANCE": 500.0, "DECAY": 0, "OUTPUT": o(out, "access.gpkg"),
                  "ADDRESS_OUTPUT": o(out, "access_addresses.gpkg")}
    elif alg == SITING:
        params = {"CANDIDATES": bd.candidates(inp, **case.candidates),
                  "OFFERINGS": bd.offerings(inp, **case.offerings), "ADDRESSES": a(), "DEMAND_FIELD": "ew",
                  "QUARTIERS": q(), "QUARTIER_ID": "quartier_id", "DISTANCE": 500.0, "COUNT": 1,
                  "OUTPUT": o(out, "sites.gpkg"), "REPORT": o(out, "sites.html")}
    elif alg == TRENDS:
        params = {"QUARTIERS": q(), "QUARTIER_ID": "quartier_id", "DATA": bd.trend_table(inp, TREND_ROWS),
                  "DATA_ID": "quartier_id", "YEAR_FIELD": "year", "INDICATORS": enum_indexes(["A.1"]),
                  "MUNICIPALITY_FIELD": "municipality", "OUTPUT": o(out, "trends.gpkg")}
    else:
        params = {"INPUT": bd.indicator_layer(inp, ids=case.quartiers.get("ids"),
                                              empty=case.quartiers.get("empty", False), flags=True),
                  "FORMAT": 2, "OUTPUT": o(out, "tabelle.csv")}
    extra = case.extra.get(alg, {}) if any(k in ALGORITHMS for k in case.extra) else case.extra
    params.update(extra)
    for name in [k for k, v in params.items() if v is None]:  # a parameter left out
        del params[name]
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
    if run.alg in (HOTSPOTS, ACCESS, SITING, TRENDS, TABLE):
        return same_as_base_new(run)
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


def hot_z(run):
    return {k: (v["hs_z"], v["hs_class"]) for k, v in rows(run.result["OUTPUT"], "quartier_id").items()}


def access_figures(run):
    return {k: (v["demand"], v["access_index"], v["supply_reached"])
            for k, v in rows(run.result["OUTPUT"], "quartier_id").items()}


def sites(run):
    return [(v["rank"], v["name"], v["gain"], v["covered_total"], v["quartier_id"])
            for v in sorted(rows(run.result["OUTPUT"], None).values(), key=lambda r: r["rank"])]


def sites_without_offerings(run):
    assert sites(run) == [(1, "K3", 9.0, 9.0, None)]


def trends_of(run):
    return {k: v["A1_trend"] for k, v in rows(run.result["OUTPUT"], "quartier_id").items()}


# Gi* by hand on the rook neighbours of the 2 x 2 grid (the quartier itself included, W_i = 3, n = 4): x 4, 9, 2, 7,
# mean 5.5, s = sqrt(150 / 4 - 5.5²); z_i = (sum of the 3 values - 3 x 5.5) / s (the variance term is 1)
_S = (150 / 4 - 5.5 ** 2) ** 0.5
HOT_Z = {"01": (15 - 16.5) / _S, "02": (20 - 16.5) / _S, "03": (13 - 16.5) / _S, "04": (18 - 16.5) / _S}
# E2SFCA by hand, 500 m without decay: offering A (10 places) reaches addresses 1, 2 (3 + 5 residents), B (20) reaches
# 6 (6): R_A = 1.25, R_B = 3.33; 01 holds 1, 2, 7 (demand 10, index (8 x 1250) / 10), 02: 3, 4; 03: 5; 04: 6
BASE_ACCESS = {"01": (10.0, 1000.0, 10.0), "02": (6.0, 0.0, 0.0), "03": (1.0, 0.0, 0.0),
               "04": (6.0, 20000.0 / 6, 20.0)}
# maximal covering by hand, 500 m: the offerings cover addresses 1, 2, 6 (14); K1 would add 3 and 7 (4), K2 3 and 4
# (6), K3 the address 8 outside every quartier (9): K3, covering 23 of 32 in all
BASE_SITES = [(1, "K3", 9.0, 23.0, None)]
BASE_TRENDS = {"01": "increasing", "02": "decreasing", "03": "no significant change", "04": "no significant change"}


def same_as_base_new(run):
    """The newer algorithms: the hand-computed result of the unspoilt inputs (reprojected, 2D …: "identical")."""
    if run.alg == HOTSPOTS:
        got = hot_z(run)
        assert {k: v[0] for k, v in got.items()} == pytest.approx(HOT_Z)
        assert got["03"][1] == "cold spot" and got["01"][1] == "not significant"
    elif run.alg == ACCESS:
        got = access_figures(run)
        assert set(got) == set(BASE_ACCESS)
        for k, v in BASE_ACCESS.items():
            assert got[k] == pytest.approx(v), k
    elif run.alg == SITING:
        assert sites(run) == BASE_SITES
    elif run.alg == TRENDS:
        assert trends_of(run) == BASE_TRENDS
    else:
        table = open(run.result["OUTPUT"], encoding="utf-8-sig").read()
        assert all('Quartier,"{}"'.format(q[0]) in table for q in bd.QUARTIERS), table


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
    elif run.alg == ACCESS:
        # addresses 2 and 3 are nowhere: A's 10 places go to address 1 alone (3 residents); 01: demand 3 + 2 (7)
        got = access_figures(run)
        assert got["01"] == pytest.approx((5.0, 3 * 10000 / 3 / 5, 10.0)) and got["02"] == (4.0, 0.0, 0.0)
        assert "2 address(es) without geometry" in run.log()
    elif run.alg == SITING:
        assert sites(run) == [(1, "K3", 9.0, 3 + 6 + 9.0, None)]  # 5 and 2 residents of 2 and 3 are nowhere
        assert "2 address(es) without geometry" in run.log()
    else:
        assert "2 address(es) without geometry" in run.log()


def empty_addresses(run):
    if run.alg == ASSIGN:
        assert run.result["N_INSIDE"] == 0 and rows(run.result["OUTPUT"]) == {}
        assert {r["n_addresses"] for r in rows(run.result["SUMMARY"], "quartier_id").values()} == {0}
    elif run.alg == AGGREGATE:
        assert {k: r["total"] for k, r in rows(run.result["OUTPUT"], "quartier_id").items()} == \
            {"01": 0, "02": 0, "03": 0, "04": 0}
    elif run.alg == ACCESS:  # no demand: no index (NULL), nothing reached, and the log says why
        assert access_figures(run) == {q[0]: (0.0, None, 0.0) for q in bd.QUARTIERS}
        logged("adressen", "no address with a location")(run)
    elif run.alg == SITING:
        assert sites(run) == []
        logged("Only 0 site(s)")(run)
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
    """The residents of quartier 01 (addresses 1, 2, 7) as read: coverage's pop_total, accessibility's demand; for
    siteofferings the demand covered in all (01's addresses 1 and 2 by offering A, 6 by B, 8 by the site K3)."""
    def check(run):
        if run.alg == SITING:
            assert sites(run)[0][3] == pytest.approx(expected_01 - 2 + 6 + 9)
        else:
            got = rows(run.result["OUTPUT"], "quartier_id")
            assert got["01"]["demand" if run.alg == ACCESS else "pop_total"] == pytest.approx(expected_01)
        logged(*words)(run)
    return check


DEMAND_TEXT = {COVERAGE: {"POPULATION_FIELD": "ew_text"}, ACCESS: {"DEMAND_FIELD": "ew_text"},
               SITING: {"DEMAND_FIELD": "ew_text"}}


def access_all_zero(run):
    assert {k: v[1:] for k, v in access_figures(run).items()} == {q[0]: (0.0, 0.0) for q in bd.QUARTIERS}


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


def hot_island(run):
    got = hot_z(run)
    assert got["05"] == (None, None) and all(got[q[0]][0] is not None for q in bd.QUARTIERS)
    logged("'05'", "no neighbour")(run)


def hot_numerator_over_denominator(run):
    """1200 among 1000 in quartier 02: a ratio (as the ageing index) is analysed, a share would be a data error;
    either way the log names the quartier and both fields, and every quartier gets its result."""
    got = hot_z(run)
    assert all(got[q][0] is not None for q in ("01", "02", "03", "04")), got
    logged("'02'", "faelle", "einwohner", "greater than", "analysed")(run)


def quartier_no_geometry(run):
    """Quartier 04 without geometry: named in the log; hot spots leave it out (and 01, then a neighbour of both
    others, gets no result); no address falls into it (address 6 lies outside every quartier)."""
    logged("04", "no geometry")(run)
    if run.alg == HOTSPOTS:
        got = hot_z(run)
        assert got["04"] == got["01"] == (None, None) and got["02"][0] is not None and got["03"][0] is not None
        # Gi* by hand on 01, 02, 03 (x 4, 9, 2; 02 and 03 each with 01 and itself: W_i = 2, n = 3)
        mean, s = 5.0, ((16 + 81 + 4) / 3 - 25.0) ** 0.5
        var = (2 * (3 - 2) / (3 - 1)) ** 0.5
        assert got["02"][0] == pytest.approx((13 - 2 * mean) / (s * var))
        assert got["03"][0] == pytest.approx((6 - 2 * mean) / (s * var))
    elif run.alg == ACCESS:
        assert access_figures(run) == dict(BASE_ACCESS, **{"04": (0.0, None, 0.0)})
    else:
        assert sites(run) == BASE_SITES


def access_zero_capacity(run):
    got = access_figures(run)
    assert got["01"] == (10.0, 0.0, 0.0) and got["04"] == pytest.approx(BASE_ACCESS["04"])


def siting_need_outside(run):
    """The outside address 8 counts 0 with a need field: K2 (addresses 3, 4: 6) instead of K3; said in the log."""
    assert sites(run) == [(1, "K2", 6.0, 20.0, "02")]
    logged("1 address(es) lie outside every quartier")(run)


def with_network(**variant):
    def setup(inp, out, params, alg):
        params["NETWORK"] = bd.network(inp, **variant)
    return setup


# Along the network by hand (500 m): A (200, 200) joins y = 100 after 100 m and reaches address 1 (200 m) but not
# 2 (100 + 300 + 400 m); B (1800, 1800) joins x = 1520 after 280 m and reaches 6 only after 280 + 300 + 20 m: 01 as
# in a straight line, 04 nothing. Sites: K1 (1200, 350) joins y = 500 after 150 m: address 7 at 350 m, 3 at 450 m
# (4); K2 (1750, 250) joins y = 100 after 150 m: 4 at 300 m, 3 only after 800 m (4); K3 reaches nothing: a tie of
# 4, the smaller index K1; covered before: address 1 (3).
NETWORK_ACCESS = dict(BASE_ACCESS, **{"04": (6.0, 0.0, 0.0)})
NETWORK_SITES = [(1, "K1", 4.0, 7.0, "02")]


def same_as_network_25832(run):
    """The network in EPSG:25833 gives what the same network in the quartiers' EPSG:25832 gives, as by hand."""
    other = Run(run.run_alg, run.alg, Case("net", "", (run.alg,), Result(), setup=with_network()),
                run.tmp_path / "same_crs")
    other.execute()
    if run.alg == ACCESS:
        got, want = access_figures(run), access_figures(other)
        assert set(got) == set(want) == set(NETWORK_ACCESS)
        for k in want:
            assert got[k] == pytest.approx(want[k], abs=1e-6) == NETWORK_ACCESS[k], k
    else:
        assert sites(run) == sites(other) == NETWORK_SITES


def network_far(run):
    logged("wege", "farther than")(run)
    if run.alg == ACCESS:
        access_all_zero(run)
    else:
        assert sites(run) == []


def trend_table(rows, **kind):
    def setup(inp, out, params, alg):
        os.remove(os.path.join(inp, "zeitreihe.gpkg"))  # the table of make_params, replaced
        params["DATA"] = bd.trend_table(inp, rows, **kind)
    return setup


def trend_school_years(run):
    assert trends_of(run) == BASE_TRENDS
    assert run.result["YEARS_USED"] == "2021/22, 2022/23, 2023/24"


def trend_null_year(run):
    assert trends_of(run) == BASE_TRENDS
    logged("zeitreihe", "year", "1 row")(run)


def trend_year_missing(run):
    """04 has no row for 2022: no trend (its cell is not published in every year of the window)."""
    assert trends_of(run) == dict(BASE_TRENDS, **{"04": "cannot be calculated"})
    logged("zeitreihe", "1 quartier(s) have no row", "'04' (2022)")(run)


def trend_counts_text(run):
    """02's 2022 count "k.A." is no data that year: no trend for 02 (flagged, reported), never read as 0."""
    assert trends_of(run) == dict(BASE_TRENDS, **{"02": "cannot be calculated"})
    logged("zeitreihe", "sgb2_u65", "02", "no_data")(run)


def table_other_extension(run):
    """The format decides the extension (help text): "tabelle.txt" becomes "tabelle.txt.csv", nothing else."""
    assert files_under(run.out) == ["tabelle.txt.csv", "tabelle.txt_indicators.csv"]
    assert run.result["OUTPUT"] == os.path.join(run.out, "tabelle.txt.csv")


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
    params["ADDRESSES" if alg in (COVERAGE, ACCESS, SITING) else "INPUT"] = uri


# ---------------------------------------------------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------------------------------------------------
CASES = [
    Case("invalid_polygon", "B: quartier with a self-intersecting polygon", POINT_ALGS + (HOTSPOTS,) + DEMAND_ALGS,
         dict({alg: Result(logged("04")) for alg in POINT_ALGS},
              **{alg: Result(logged("“04”", "invalid geometry", "repaired")) for alg in (HOTSPOTS,) + DEMAND_ALGS}),
         quartiers={"invalid": True}),
    Case("overlap", "B: quartiers that overlap", (ASSIGN,), Result(overlap_reported), quartiers={"overlap": True}),
    Case("gap_200m", "I: a 200 m gap leaves addresses outside every quartier", (ASSIGN,), Result(gap_reported),
         quartiers={"gap": True}, addresses={"shift": (100, 0)}),
    Case("null_ids", "B: NULL quartier ids", QUARTIER_ALGS + NEW_QUARTIER_ALGS + (TABLE,),
         error("quartiere", "quartier_id"),
         quartiers={"ids": ["01", None, "03", "04"]}),
    Case("duplicate_ids", "B: duplicate quartier ids", QUARTIER_ALGS + NEW_QUARTIER_ALGS + (TABLE,),
         error("quartiere", "quartier_id", "02"),
         quartiers={"ids": ["01", "02", "02", "04"]}),
    Case("integer_vs_leading_zeros", "B: id integer in one table, text with leading zeros in another", (AGGREGATE,),
         Result(unknown_ids_reported("1", "01")), setup=table_input("integers")),
    Case("points_4326", "B: points in EPSG:4326, quartiers in EPSG:25832", POINT_ALGS + (GEOCODE,) + DEMAND_ALGS,
         Result(same_as_base), addresses={"epsg": 4326}, offerings={"epsg": 4326}),
    Case("border_point_25833", "I: a border point in another CRS (EPSG:25833)", (ASSIGN,),
         Result(border_point_to_smallest_id), addresses={"epsg": 25833}),
    Case("border_point_3857", "I: a border point in another CRS (EPSG:3857)", (ASSIGN,),
         Result(both(border_point_to_smallest_id, same_as_base)), addresses={"epsg": 3857}),
    Case("addresses_srs0", "B: addresses in GeoPackage srs_id 0 'Undefined geographic SRS'", POINT_ALGS + DEMAND_ALGS,
         error("adressen", "Undefined geographic SRS"), addresses={"srs_id": 0}),
    Case("addresses_srs-1", "B: addresses in GeoPackage srs_id -1 'Undefined Cartesian SRS'",
         POINT_ALGS + DEMAND_ALGS,
         error("adressen", "Undefined Cartesian SRS"), addresses={"srs_id": -1}),
    Case("quartiers_srs0", "B: quartiers in GeoPackage srs_id 0", POINT_ALGS + DEMAND_ALGS + (HOTSPOTS, TRENDS),
         dict({alg: error("quartiere", "Undefined geographic SRS") for alg in POINT_ALGS + DEMAND_ALGS},
              **{HOTSPOTS: Result(same_as_base), TRENDS: Result(same_as_base)}),  # no other layer, no distance
         quartiers={"srs_id": 0}),
    Case("offerings_srs0", "B: offerings in GeoPackage srs_id 0", (COVERAGE,) + DEMAND_ALGS,
         error("angebote", "Undefined geographic SRS"), offerings={"srs_id": 0}),
    Case("addresses_no_crs", "M: a shapefile without .prj beside a GeoPackage", POINT_ALGS + DEMAND_ALGS,
         error("adressen_shp", "no CRS"), setup=shapefile_addresses),
    Case("shared_unknown_crs", "M: both layers in the same unknown CRS", POINT_ALGS + DEMAND_ALGS,
         {ASSIGN: Result(same_as_base), AGGREGATE: Result(same_as_base),
          COVERAGE: error("quartiere", "unknown CRS", "distances in metres"),
          ACCESS: error("quartiere", "unknown CRS", "distances in metres"),
          SITING: error("quartiere", "unknown CRS", "distances in metres")},
         quartiers={"srs_id": 0}, addresses={"srs_id": 0}, offerings={"srs_id": 0}),
    Case("directory_srs0", "B: an unknown CRS where no other layer meets it", (GEOCODE,), Result(geocoded),
         addresses={"srs_id": 0}),
    Case("quartiers_4326", "M: quartier layer in EPSG:4326 (distances would be degrees)",
         POINT_ALGS + DEMAND_ALGS + (HOTSPOTS,),
         {ASSIGN: Result(same_as_base), AGGREGATE: Result(same_as_base), HOTSPOTS: Result(same_as_base),
          COVERAGE: error("quartiere", "geographic", "EPSG:4326"),
          ACCESS: error("quartiere", "geographic", "EPSG:4326"), SITING: error("quartiere", "geographic", "EPSG:4326")},
         quartiers={"epsg": 4326}),
    Case("null_empty_geometries", "B: NULL / empty geometries among the points", POINT_ALGS + DEMAND_ALGS,
         Result(no_geometry_counted), addresses={"null_geometries": True}),
    Case("multipoint", "B/M: multipoint addresses", POINT_ALGS + (GEOCODE,) + DEMAND_ALGS, Result(same_as_base),
         addresses={"geometry": "multipoint"}),
    Case("point_zm", "B/M: addresses with Z and M", POINT_ALGS + (GEOCODE,) + DEMAND_ALGS, Result(same_as_base),
         addresses={"geometry": "pointzm"}),
    Case("quartiers_z", "M: quartier polygons with Z", POINT_ALGS + DEMAND_ALGS + (HOTSPOTS,), Result(same_as_base),
         quartiers={"z": True}),
    Case("addresses_as_polygons", "B: polygon layer where points are expected",
         (ASSIGN, COVERAGE, GEOCODE) + DEMAND_ALGS,
         error("adressen", "Polygon", "Point"), addresses={"geometry": "polygon"}),
    Case("quartiers_as_points", "B/I: point layer where quartier polygons are expected",
         QUARTIER_ALGS + NEW_QUARTIER_ALGS,
         error("quartiere", "Point", "Polygon"), quartiers={"geometry": "point"}),
    Case("empty_addresses", "B: empty address layer", POINT_ALGS + DEMAND_ALGS, Result(empty_addresses),
         addresses={"empty": True}),
    Case("empty_quartiers", "B/I: empty quartier layer", QUARTIER_ALGS + NEW_QUARTIER_ALGS + (TABLE,),
         error("quartiere"),
         quartiers={"empty": True}),
    Case("empty_offerings", "B: empty offering layer", (COVERAGE,) + DEMAND_ALGS,
         {COVERAGE: Result(logged("angebote", "no offering")),
          ACCESS: Result(both(logged("angebote", "no offering"), access_all_zero)),
          SITING: Result(both(logged("angebote", "no offering with a location"), sites_without_offerings))},
         offerings={"empty": True}),
    Case("empty_directory", "B: empty address directory", (GEOCODE,), error("adressen", "empty"),
         addresses={"empty": True}),
    Case("empty_geocode_table", "B: empty table to geocode", (GEOCODE,), Result(empty_geocode_output),
         setup=lambda inp, out, params, alg: params.update(INPUT=bd.geocode_table(inp, empty=True, name="leer"))),
    Case("residents_decimal_comma", "B: residents as text '3,5'", (COVERAGE, ACCESS, SITING),
         Result(residents_read(3.5 + 5 + 2, "decimal comma", "ew_text", "3,5")),
         addresses={"residents_text": {1: "3,5"}}, extra=DEMAND_TEXT),
    Case("residents_k_a", "B: residents as text 'k.A.'", (COVERAGE, ACCESS, SITING),
         Result(residents_read(5 + 2, "ew_text", "k.A.", "as 0")),
         addresses={"residents_text": {1: "k.A."}}, extra=DEMAND_TEXT),
    Case("residents_thousands", "M: residents '1.234' (decimal or thousands separator?)", (COVERAGE, ACCESS, SITING),
         Result(residents_read(5 + 2, "ew_text", "1.234", "as 0")),
         addresses={"residents_text": {1: "1.234"}}, extra=DEMAND_TEXT),
    Case("text_field_summed", "B: count column holding text", (ASSIGN, AGGREGATE),
         error("ew_text", "adressen", "numeric"),
         extra={ASSIGN: {"SUM_FIELDS": ["ew_text"]}, AGGREGATE: {"WEIGHT_FIELD": "ew_text"}}),
    Case("filter_syntax_error", "B: an invalid FILTER expression", (SHEETS,),
         error("indikatoren", "FILTER", BAD_FILTER_MESSAGE), extra={"FILTER": BAD_FILTER}),
    Case("filter_unknown_field", "M: a FILTER naming a field the layer lacks", (SHEETS,),
         error("indikatoren", "gemeinde", "FILTER"), extra={"FILTER": "\"gemeinde\" = 'Müllheim'"}),
    Case("filter_eval_error", "M: a FILTER failing on a feature", (SHEETS,),
         error("indikatoren", "FILTER", "feature"), extra={"FILTER": "to_int(\"name\") > 1"}),
    Case("report_unwritable", "B: one of several outputs cannot be written (REPORT)", (ASSIGN, SITING),
         {ASSIGN: error("report.html"), SITING: error("sites.html")},
         setup=lambda inp, out, params, alg: unwritable(
             "sites.html" if alg == SITING else "report.html")(inp, out, params, alg)),
    Case("second_output_unwritable", "B: one of several outputs cannot be written", (COVERAGE, GEOCODE, ACCESS),
         error(), setup=lambda inp, out, params, alg: unwritable(
             {COVERAGE: "coverage_addresses.gpkg", GEOCODE: "unmatched.gpkg",
              ACCESS: "access_addresses.gpkg"}[alg])(inp, out, params, alg)),
    Case("title_row", "M: a table with a title row above the header", (AGGREGATE, GEOCODE),
         {AGGREGATE: error("einwohner", "quartier_id"), GEOCODE: error("einwohner", "strasse")},
         setup=table_input("title_row")),
    Case("excel_dates_as_ids", "M: Excel turned the ids into dates", (AGGREGATE,),
         Result(unknown_ids_reported("2024-01-01")), setup=table_input("dates")),
    Case("integer_quartier_ids", "M: quartier ids as integers", (ASSIGN,), Result(integer_ids),
         quartiers={"ids": [1, 2, 3, 4], "id_type": ogr.OFTInteger}),
    # -- the newer algorithms' own bad inputs -------------------------------------------------------------------
    Case("output_unwritable", "B: the output cannot be written (a folder of its name)", (HOTSPOTS, TRENDS, TABLE),
         {HOTSPOTS: error("hotspots.gpkg"), TRENDS: error("trends.gpkg"), TABLE: error("tabelle.csv")},
         setup=lambda inp, out, params, alg: unwritable(
             {HOTSPOTS: "hotspots.gpkg", TRENDS: "trends.gpkg", TABLE: "tabelle.csv"}[alg])(inp, out, params, alg)),
    Case("hot_island", "N: a quartier without neighbours (an island)", (HOTSPOTS,), Result(hot_island),
         quartiers={"island": True}),
    Case("hot_two_quartiers", "N: a quartier layer with 2 features", (HOTSPOTS,),
         error("quartiere", "wert", "only 2", "at least 3"), quartiers={"ids": ["01", "02"]}),
    Case("hot_all_null", "N: the value field all NULL", (HOTSPOTS,),
         error("quartiere", "wert", "only 0", "at least 3"),
         quartiers={"values": {"wert": (ogr.OFTReal, [None] * 4)}}),
    Case("hot_constant", "N: the value field constant", (HOTSPOTS,), error("quartiere", "wert", "all 4 values"),
         quartiers={"values": {"wert": (ogr.OFTReal, [3.0] * 4)}}),
    Case("hot_text_field", "B: a text field as the value field", (HOTSPOTS,), error("quartiere", "name", "numeric"),
         extra={"FIELD": "name"}),
    Case("hot_numerator_over_denominator", "B: numerator > denominator (EB rates)", (HOTSPOTS,),
         Result(hot_numerator_over_denominator),
         quartiers={"values": {"faelle": (ogr.OFTInteger, [40, 1200, 20, 70]),
                               "einwohner": (ogr.OFTInteger, [1000, 1000, 1000, 1000])}},
         extra={"FIELD": None, "NUMERATOR": "faelle", "DENOMINATOR": "einwohner"}),
    Case("hot_all_neighbours", "N: every quartier neighbours every other (queen, 2 x 2)", (HOTSPOTS,),
         error("quartiere", "neighbour"), extra={"WEIGHTS": 0}),
    Case("hot_distance_too_small", "N: a distance band smaller than any distance between centroids", (HOTSPOTS,),
         error("quartiere", "(distance band 10)", "1000 apart"), extra={"WEIGHTS": 3, "DISTANCE": 10.0}),
    Case("hot_distance_4326", "B: a distance band on quartiers in EPSG:4326", (HOTSPOTS,),
         error("quartiere", "geographic", "EPSG:4326"), quartiers={"epsg": 4326}, extra={"WEIGHTS": 3}),
    Case("hot_knn_too_many", "N: K nearest neighbours with K (6) not below the number of quartiers (4)", (HOTSPOTS,),
         error("quartiere", "K = 6", "(4)"), extra={"WEIGHTS": 2, "K": 6}),
    Case("distance_zero", "N: a distance of 0", (HOTSPOTS,) + DEMAND_ALGS,
         {HOTSPOTS: error("distance band", "greater than 0"), ACCESS: error("DISTANCE", "greater than 0"),
          SITING: error("DISTANCE", "greater than 0")},
         extra={HOTSPOTS: {"WEIGHTS": 3, "DISTANCE": 0.0}, ACCESS: {"DISTANCE": 0.0}, SITING: {"DISTANCE": 0.0}}),
    Case("offerings_null_geometry", "B: an offering without geometry", DEMAND_ALGS,
         Result(both(same_as_base, logged("angebote", "1 offering(s) without geometry"))),
         offerings={"null_geometry": True}),
    Case("candidates_null_geometry", "B: a candidate site without geometry", (SITING,),
         Result(both(same_as_base, logged("standorte", "1 candidate(s) without geometry"))),
         candidates={"null_geometry": True}),
    Case("quartier_no_geometry", "B: a quartier without geometry", (HOTSPOTS,) + DEMAND_ALGS,
         Result(quartier_no_geometry), quartiers={"no_geometry": True}),
    Case("capacity_negative", "B: a negative capacity", (ACCESS,),
         Result(both(access_zero_capacity, logged("angebote", "plaetze", "-10", "as 0"))),
         offerings={"capacity": [-10.0, 20.0]}),
    Case("access_zero_capacity", "N: an offering with 0 places", (ACCESS,), Result(access_zero_capacity),
         offerings={"capacity": [0.0, 20.0]}),
    Case("offerings_outside", "N: an offering outside every quartier", (ACCESS,), Result(same_as_base),
         offerings={"shift": (0.0, -300.0)}),
    Case("siting_need_outside", "N: demand outside every quartier with a need field", (SITING,),
         Result(siting_need_outside), quartiers={"values": {"bedarf": (ogr.OFTReal, [1.0] * 4)}},
         extra={"NEED_FIELD": "bedarf"}),
    Case("network_25833", "B: a network layer in another CRS (EPSG:25833)", DEMAND_ALGS,
         Result(same_as_network_25832), setup=with_network(epsg=25833)),
    Case("network_far", "N: a network with no line near the points", DEMAND_ALGS, Result(network_far),
         setup=with_network(shift=(50000.0, 0.0))),
    Case("network_empty", "B: an empty network layer", DEMAND_ALGS, error("wege"), setup=with_network(empty=True)),
    Case("candidates_empty", "B: an empty candidates layer", (SITING,), error("standorte"),
         candidates={"empty": True}),
    Case("candidates_srs0", "B: candidates in GeoPackage srs_id 0", (SITING,),
         error("standorte", "Undefined geographic SRS"), candidates={"srs_id": 0}),
    Case("trend_two_years", "N: fewer than 3 years", (TRENDS,), error("zeitreihe", "year", "at least 3"),
         setup=trend_table([r for r in TREND_ROWS if r[1] != 2021])),
    Case("trend_school_years", "N: years as text ('2021/22')", (TRENDS,), Result(trend_school_years),
         setup=trend_table([(r[0], "{}/{}".format(r[1], r[1] % 100 + 1)) + r[2:] for r in TREND_ROWS],
                           year_type=ogr.OFTString)),
    Case("trend_null_year", "N: a year field with NULL", (TRENDS,), Result(trend_null_year),
         setup=trend_table(TREND_ROWS + [("01", None, 1000, 800, 500)])),
    Case("trend_year_missing", "N: a year present for only some quartiers", (TRENDS,), Result(trend_year_missing),
         setup=trend_table([r for r in TREND_ROWS if not (r[0] == "04" and r[1] == 2022)])),
    Case("trend_counts_text", "B: a count column holding text ('k.A.')", (TRENDS,), Result(trend_counts_text),
         setup=trend_table([r if (r[0], r[1]) != ("02", 2022) else r[:4] + ("k.A.",) for r in TREND_ROWS])),
    Case("trend_integer_ids", "B: ids integer in the table, text with leading zeros in the quartiers", (TRENDS,),
         error("zeitreihe", "quartier_id", "01", "1"),
         setup=trend_table([(int(r[0]),) + r[1:] for r in TREND_ROWS], id_type=ogr.OFTInteger)),
    Case("table_not_indicator_layer", "N: a layer that is not an indicator layer", (TABLE,),
         error("'quartiere'", "indicator layer"),
         setup=lambda inp, out, params, alg: params.update(INPUT=bd.quartiers(inp))),
    Case("table_other_extension", "N: an output path with an unsupported extension", (TABLE,),
         Result(table_other_extension), extra={"OUTPUT": None},
         setup=lambda inp, out, params, alg: params.update(OUTPUT=os.path.join(out, "tabelle.txt"))),
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
            # the quartier layer of exportmapsheets and exporttable is the indicator layer
            word = "indikatoren" if alg in (SHEETS, TABLE) and word == "quartiere" else word
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
    assert len(ALGORITHMS) == 11 and len(CASES) == 72
    assert len(MATRIX) == 196 and errors == 107 and len(MATRIX) - errors == 89
    # of which the five newer algorithms (hotspots … exporttable): 106 cases, 58 errors, 48 results
    newer = [(alg, case) for alg, case in MATRIX if alg in (HOTSPOTS, ACCESS, SITING, TRENDS, TABLE)]
    assert len(newer) == 106 and sum(isinstance(case.expected(alg), Error) for alg, case in newer) == 58
