"""The whole chain on the city-shaped test county (tests/city_county.py; issue 18): assignaddresses with the districts
in ``BEZ``, aggregatecounts, offeringcoverage with one offerings layer of three categories (each category's measures
equal a run on that category alone) and calculateindicators with a small custom catalog."""

import json
import time

import numpy as np
import pytest
from city_county import CATEGORIES, generate, write_gpkg
from indicators_alg_testing import RecordingFeedback
from qgis.core import QgsFeature, QgsField, QgsFields, QgsProcessingContext, QgsVectorLayer

from quartiersmonitor.compat import T_DOUBLE, T_STRING, plain_value

SLUGS = {"Kita": "kita", "Apotheke": "apotheke", "Jugendzentrum": "jugendzentrum"}
MEASURES = ("pop_far", "offerings_per_1000", "share_within_distance", "median_distance_m", "white_spot")
DISTANCE = 500.0


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    folder = tmp_path_factory.mktemp("city")
    started = time.perf_counter()
    data = generate(seed=18)
    path = write_gpkg(data, str(folder / "city.gpkg"))
    assert time.perf_counter() - started < 5.0
    assert len(data.areas) >= 500 and sum(data.is_strip(k) for k in range(len(data.areas))) >= 100
    return {"data": data, "path": path, "folder": folder}


def layer(city, name):
    lyr = QgsVectorLayer("{}|layername={}".format(city["path"], name), name, "ogr")
    assert lyr.isValid(), name
    return lyr


def value(feature, name):
    return plain_value(feature[name])


@pytest.fixture(scope="module")
def chain(city, qgis_processing, provider_module):
    """assignaddresses → aggregatecounts → offeringcoverage, run once for the module."""
    from qgis import processing

    context = QgsProcessingContext()
    folder = city["folder"]
    log = RecordingFeedback()
    assign = processing.run("quartiersmonitor:assignaddresses", {
        "INPUT": layer(city, "addresses"), "QUARTIERS": layer(city, "areas"), "QUARTIER_ID": "qid",
        "MUNICIPALITY_FIELD": "BEZ", "OUTPUT": str(folder / "assigned.gpkg"), "REPORT": str(folder / "report.html"),
    }, context=context, feedback=log)
    assigned = QgsVectorLayer(assign["OUTPUT"], "assigned", "ogr")
    counts = processing.run("quartiersmonitor:aggregatecounts", {
        "INPUT": assigned, "QUARTIER_ID": "quartier_id", "WEIGHT_FIELD": "residents", "OUTPUT": "memory:",
    }, context=context)["OUTPUT"]
    coverage = processing.run("quartiersmonitor:offeringcoverage", {
        "OFFERINGS": layer(city, "offerings"), "CATEGORY_FIELD": "kategorie", "QUARTIERS": layer(city, "areas"),
        "QUARTIER_ID": "qid", "ADDRESSES": layer(city, "addresses"), "POPULATION_FIELD": "residents",
        "DISTANCE": DISTANCE, "OUTPUT": "memory:", "ADDRESS_OUTPUT": str(folder / "coverage_addresses.gpkg"),
    }, context=context)
    return {"assign": assign, "assigned": assigned, "log": log, "counts": counts, "coverage": coverage,
            "context": context}


@pytest.fixture(scope="module")
def provider_module(qgis_processing):
    from qgis.core import QgsApplication

    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("quartiersmonitor") is None:
        provider = QuartiersmonitorProvider()
        assert registry.addProvider(provider)
        _KEEP.append(provider)
    return registry.providerById("quartiersmonitor")


_KEEP = []


def test_assignment_replaces_the_stale_id_and_reports_the_districts_of_bez(city, chain):
    data = city["data"]
    lyr = chain["assigned"]
    assert "quartier_id_2" not in lyr.fields().names()
    assert [n for n in lyr.fields().names() if n != "fid"] == ["adr_id", "quartier_id", "residents", "assign_status"]
    truth = {i + 1: (data.areas[k]["qid"] if k >= 0 else None) for i, k in enumerate(data.addresses["area"])}
    got = {value(f, "adr_id"): value(f, "quartier_id") for f in lyr.getFeatures()}
    assert got == truth
    assert any("“quartier_id”" in m and "replaced by the new assignment" in m for m in chain["log"].infos)
    assert chain["assign"]["N_OUTSIDE"] == 3 and chain["assign"]["N_BOUNDARY"] == 0
    with open(chain["assign"]["REPORT"], encoding="utf-8") as handle:
        report = handle.read()
    assert "BEZ" in report
    area = data.addresses["area"]
    for district in sorted({a["BEZ"] for a in data.areas}):
        members = [k for k, a in enumerate(data.areas) if a["BEZ"] == district]
        n_addresses = int(np.isin(area, members).sum())
        row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>0</td><td>{}</td></tr>".format(
            district, len(members), n_addresses, n_addresses)
        assert row in report, district


def test_aggregated_residents_per_area(city, chain):
    pop = city["data"].residents_per_area()
    got = {value(f, "quartier_id"): value(f, "total") for f in chain["counts"].getFeatures()}
    expected = {a["qid"]: float(p) for a, p in zip(city["data"].areas, pop)}
    assert {k: v for k, v in got.items() if k is not None} == pytest.approx(expected)


def _brute_force(city, category):
    """Per area: residents farther than DISTANCE from the nearest offering of ``category`` (None: any), by brute
    force, and each address's distance."""
    data = city["data"]
    a, o = data.addresses, data.offerings
    mask = np.array([category is None or k == category for k in o["kategorie"]])
    d = np.hypot(a["x"][:, None] - o["x"][mask][None, :], a["y"][:, None] - o["y"][mask][None, :]).min(axis=1)
    inside = a["area"] >= 0
    far = np.bincount(a["area"][inside], weights=(a["residents"] * (d > DISTANCE))[inside],
                      minlength=len(data.areas))
    return far, d


def test_coverage_per_category_against_brute_force(city, chain):
    rows = {value(f, "qid"): f for f in chain["coverage"]["OUTPUT"].getFeatures()}
    pop = city["data"].residents_per_area()
    shares = {}
    for category in list(CATEGORIES) + [None]:
        suffix = "" if category is None else "_" + SLUGS[category]
        far, _d = _brute_force(city, category)
        got = np.array([value(rows[a["qid"]], "pop_far" + suffix) for a in city["data"].areas])
        np.testing.assert_allclose(got, far)
        shares[category] = 100.0 * (1.0 - far.sum() / pop.sum())
    # the city's figures differ by category, and "any kind" covers more than each one (issue 18.3)
    assert shares[None] > max(shares[c] for c in CATEGORIES)
    assert shares["Kita"] > shares["Apotheke"] > shares["Jugendzentrum"]
    addresses = QgsVectorLayer(chain["coverage"]["ADDRESS_OUTPUT"], "a", "ogr")
    _far, d_youth = _brute_force(city, "Jugendzentrum")
    got = {value(f, "adr_id"): value(f, "nearest_distance_m_jugendzentrum") for f in addresses.getFeatures()}
    np.testing.assert_allclose([got[i + 1] for i in range(len(d_youth))], d_youth, rtol=1e-9)
    assert "quartier_id_2" not in addresses.fields().names()


@pytest.mark.parametrize("category", list(CATEGORIES))
def test_category_measures_equal_a_run_on_that_category_alone(city, chain, category):
    from qgis import processing

    offerings = layer(city, "offerings")
    assert offerings.setSubsetString("\"kategorie\" = '{}'".format(category))
    alone = processing.run("quartiersmonitor:offeringcoverage", {
        "OFFERINGS": offerings, "QUARTIERS": layer(city, "areas"), "QUARTIER_ID": "qid",
        "ADDRESSES": layer(city, "addresses"), "POPULATION_FIELD": "residents", "DISTANCE": DISTANCE,
        "OUTPUT": "memory:", "ADDRESS_OUTPUT": "memory:",
    }, context=QgsProcessingContext())
    slug = SLUGS[category]
    together = {value(f, "qid"): f for f in chain["coverage"]["OUTPUT"].getFeatures()}
    for f in alone["OUTPUT"].getFeatures():
        t = together[value(f, "qid")]
        assert value(t, "n_" + slug) == value(f, "n_offerings")
        for measure in MEASURES:
            a, b = value(f, measure), value(t, "{}_{}".format(measure, slug))
            assert (a is None and b is None) or b == pytest.approx(a), (measure, value(f, "qid"))
    addresses = {value(f, "adr_id"): f for f in QgsVectorLayer(
        chain["coverage"]["ADDRESS_OUTPUT"], "a", "ogr").getFeatures()}
    for f in alone["ADDRESS_OUTPUT"].getFeatures():
        t = addresses[value(f, "adr_id")]
        assert value(t, "nearest_distance_m_" + slug) == pytest.approx(value(f, "nearest_distance_m"))
        assert value(t, "within_distance_" + slug) == value(f, "within_distance")


def _counts_table(city, chain):
    """The counts table of calculateindicators: the city's counts, the residents from aggregatecounts and the
    per-category pop_far from offeringcoverage."""
    total = {value(f, "quartier_id"): value(f, "total") for f in chain["counts"].getFeatures()}
    far = {value(f, "qid"): f for f in chain["coverage"]["OUTPUT"].getFeatures()}
    fields = QgsFields()
    fields.append(QgsField("quartier_id", T_STRING))
    for name in ("pop_total", "severely_disabled", "pop_far_kita", "pop_far_apotheke", "pop_far_jugendzentrum"):
        fields.append(QgsField(name, T_DOUBLE))
    table = QgsVectorLayer("None", "counts", "memory")
    table.dataProvider().addAttributes(fields.toList())
    table.updateFields()
    features = []
    data = city["data"]
    for qid, disabled in zip(data.counts["quartier_id"], data.counts["severely_disabled"]):
        f = QgsFeature(table.fields())
        f.setAttributes([qid, total.get(qid, 0.0), float(disabled)] + [
            value(far[qid], "pop_far_" + s) for s in ("kita", "apotheke", "jugendzentrum")])
        features.append(f)
    assert table.dataProvider().addFeatures(features)[0]
    return table


def test_indicators_with_a_custom_catalog_over_the_chain(city, chain):
    from qgis import processing

    from quartiersmonitor.indicators.catalog import load_catalog

    catalog = city["folder"] / "catalog.json"
    catalog.write_text(json.dumps({"indicators": [
        {"id": "K.1", "name_de": "Kita weiter als 500 m", "domain": "housing", "numerator": "pop_far_kita",
         "denominator": "pop_total", "confidential": False},
        {"id": "K.3", "name_de": "Jugendzentrum weiter als 500 m", "domain": "Wohnen",
         "numerator": "pop_far_jugendzentrum", "denominator": "pop_total"},
        {"id": "W.1", "numerator": "pop_far_apotheke"},
    ]}), encoding="utf-8")
    order = load_catalog().ids()
    table = _counts_table(city, chain)
    min_population = 100
    result = processing.run("quartiersmonitor:calculateindicators", {
        "QUARTIERS": layer(city, "areas"), "QUARTIER_ID": "qid", "DATA": table, "DATA_ID": "quartier_id",
        "INDICATORS": [order.index("G.3"), order.index("W.1")], "MIN_POPULATION": min_population,
        "CATALOG": str(catalog), "EXTRA_INDICATORS": "K.1,K.3", "OUTPUT": "memory:",
    }, context=QgsProcessingContext())
    out = result["OUTPUT"]
    if isinstance(out, str):
        out = chain["context"].getMapLayer(out) or QgsVectorLayer(out, "ind", "ogr")
    counts = {value(f, "quartier_id"): f for f in table.getFeatures()}
    shown = {}
    # public (coverage of public offerings: K.1 by its catalog entry, W.1 built in) and confidential side by side
    public = {"K1", "W1"}
    for field, numerator in (("K1", "pop_far_kita"), ("K3", "pop_far_jugendzentrum"), ("W1", "pop_far_apotheke"),
                             ("G3", "severely_disabled")):
        assert field in out.fields().names(), field
        n_shown = n_big = 0
        for f in out.getFeatures():
            c = counts[value(f, "qid")]
            pop, num = value(c, "pop_total"), value(c, numerator)
            rate = value(f, field)
            assert value(f, "pop_total") == pop  # the residents, published for every area (issue 18.5)
            if field in public:  # never suppressed: small areas and small counts (1, 2) are shown, flag ok
                if pop > 0:
                    assert value(f, field + "_flag") == "ok" and value(f, field + "_num") == num, (field, c)
                    assert rate == pytest.approx(round(100.0 * num / pop, 1), abs=0.051)
            if pop < min_population:
                if field not in public:
                    assert rate is None, (field, value(f, "qid"))  # the MIN_POPULATION rule
                continue
            n_big += 1
            if rate is not None:  # shown values are the rate of the chain's counts, rounded to one decimal
                n_shown += 1
                assert rate == pytest.approx(round(100.0 * num / pop, 1), abs=0.051), (field, value(f, "qid"))
        shown[field] = (n_shown, n_big)
        assert n_big > 350
    # coverage rates are mostly far from the small-count rules: most of them are shown
    assert shown["K3"][0] > 0.5 * shown["K3"][1] and shown["K1"][0] > 0
