"""Every layer-writing algorithm with PostGIS inputs and outputs on a real, throwaway PostgreSQL/PostGIS server
(tests/postgis_server.py), compared value by value with the same run on the demo county's GeoPackage.

The demo county (scale 0.25) is copied into the server by GDAL: addresses and offerings in ``public`` (geometry
column ``geom``), the quartiers in the schema ``county`` with the geometry column ``the_geom``, the counts as a
table without geometry. Outputs go to the schema ``results`` (geometry column ``shape``). Also: an independent count
of addresses per quartier by PostGIS itself (``ST_Intersects``), a view without a primary key, a connection through a
QGIS authentication configuration (``authcfg``) and a server that refuses the connection.
"""

import os

import pytest
from indicators_alg_testing import RecordingFeedback, enum_indexes
from postgis_server import free_port
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsProcessingContext,
    QgsProcessingException,
    QgsVectorLayer,
)

from quartiersmonitor.compat import plain_value

ALL_INDICATORS = ["A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "D.1", "D.2", "D.3", "E.1", "E.2", "G.1", "G.2", "G.3",
                  "W.1", "W.2", "W.3"]


@pytest.fixture(scope="module")
def demo_small(tmp_path_factory):
    """The demo county at scale 0.05 (158 quartiers, some 7,500 addresses): every value is compared."""
    from quartiersmonitor.resources.demo.generate import generate, write

    folder = str(tmp_path_factory.mktemp("demo_small"))
    write(generate(seed=42, scale=0.05), folder)
    return folder


@pytest.fixture(scope="module")
def county(postgis, demo_small):
    """The demo county in PostGIS (see module docs); returns the server."""
    from osgeo import gdal

    demo_folder = demo_small
    gdal.UseExceptions()
    gpkg = os.path.join(demo_folder, "demo.gpkg")
    postgis.sql("CREATE SCHEMA IF NOT EXISTS county AUTHORIZATION {0}; CREATE SCHEMA IF NOT EXISTS results "
                "AUTHORIZATION {0}".format(postgis.user))
    connection = "PG:" + postgis.connection()
    for name, schema, geometry in (("addresses", "public", "geom"), ("offerings", "public", "geom"),
                                   ("quartiers", "county", "the_geom"), ("counts_2024", "public", None)):
        lco = ["FID=fid", "SCHEMA={}".format(schema), "LAUNDER=NO"]
        if geometry:
            lco.append("GEOMETRY_NAME={}".format(geometry))
        gdal.VectorTranslate(connection, gpkg, options=gdal.VectorTranslateOptions(
            layers=[name], layerCreationOptions=lco, accessMode="overwrite"))
    postgis.sql("CREATE VIEW public.addresses_view AS SELECT * FROM public.addresses", user=postgis.user)
    return postgis


def pg_layer(server, table, schema="public", geometry="geom", key="fid", name=None):
    layer = QgsVectorLayer(server.uri(table, schema, geometry, key), name or table, "postgres")
    assert layer.isValid(), table
    return layer


def gpkg_layer(demo_folder, name):
    layer = QgsVectorLayer("{}|layername={}".format(os.path.join(demo_folder, "demo.gpkg"), name), name, "ogr")
    assert layer.isValid(), name
    return layer


def inputs(kind, server, demo_folder):
    """The demo layers from PostGIS (``kind`` "pg") or from the GeoPackage ("gpkg")."""
    if kind == "pg":
        return {"addresses": pg_layer(server, "addresses"), "offerings": pg_layer(server, "offerings"),
                "quartiers": pg_layer(server, "quartiers", "county", "the_geom"),
                "counts": pg_layer(server, "counts_2024", geometry=None)}
    return {name: gpkg_layer(demo_folder, table) for name, table in (
        ("addresses", "addresses"), ("offerings", "offerings"), ("quartiers", "quartiers"),
        ("counts", "counts_2024"))}


def rows(layer):
    """The layer's features as sorted tuples of (field name, value) without the fid, numbers rounded, and the
    geometry as WKT: equal for equal content whatever the format."""
    names = [n for n in layer.fields().names() if n != "fid"]
    out = []
    for feature in layer.getFeatures():
        values = []
        for n in names:
            v = plain_value(feature[n])
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = round(float(v), 6)
            values.append((n, v))
        geometry = feature.geometry()
        values.append(("geometry", geometry.asWkt(2) if not geometry.isNull() else None))
        out.append(tuple(values))
    return sorted(out, key=repr)


def field_names(layer):
    return [n for n in layer.fields().names() if n != "fid"]


def field_kinds(layer):
    """"int", "real" or "text" per field (without the fid): the same for the same kinds of values whatever the
    format (a GeoPackage's INTEGER and PostgreSQL's int4 or int8 are both "int")."""
    integers = (2, 3, 4, 5)  # the QVariant / QMetaType numbers of Int, UInt, LongLong, ULongLong
    return [("int" if int(getattr(f.type(), "value", f.type())) in integers else "real" if f.isNumeric() else "text")
            for f in layer.fields() if f.name() != "fid"]


def run_chain(run_alg, kind, server, demo_folder, tmp_path):
    """All six layer-writing algorithms, inputs and outputs in PostGIS ("pg") or in GeoPackages ("gpkg")."""
    layers = inputs(kind, server, demo_folder)
    context = QgsProcessingContext()
    log = RecordingFeedback()

    def out(name, geometry="shape"):
        if kind == "pg":
            return server.destination(name, schema="results", geometry=geometry)
        return str(tmp_path / "{}.gpkg".format(name))

    def run(alg, params):
        return run_alg(alg, params, context=context, feedback=log)

    results = {}
    results["assign"] = run("assignaddresses", {
        "INPUT": layers["addresses"], "QUARTIERS": layers["quartiers"], "QUARTIER_ID": "quartier_id",
        "SUM_FIELDS": ["residents"], "OUTPUT": out("assigned"), "SUMMARY": out("summary")})
    results["geocode"] = run("geocodeaddresses", {
        "INPUT": layers["offerings"], "STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber",
        "POSTCODE_FIELD": "postcode", "CITY_FIELD": None, "DIRECTORY": layers["addresses"],
        "DIR_STREET_FIELD": "street", "DIR_HOUSENUMBER_FIELD": "housenumber", "DIR_POSTCODE_FIELD": "postcode",
        "DIR_CITY_FIELD": None, "OUTPUT": out("geocoded"), "UNMATCHED": out("unmatched")})
    results["coverage"] = run("offeringcoverage", {
        "OFFERINGS": layers["offerings"], "CATEGORY_FIELD": "category", "QUARTIERS": layers["quartiers"],
        "QUARTIER_ID": "quartier_id", "ADDRESSES": layers["addresses"], "POPULATION_FIELD": "residents",
        "DISTANCE": 500.0, "OUTPUT": out("coverage"), "ADDRESS_OUTPUT": out("coverage_addresses")})
    results["counts"] = run("aggregatecounts", {
        "INPUT": as_layer(results["assign"]["OUTPUT"], context, "assigned"), "QUARTIERS": layers["quartiers"],
        "QUARTIER_ID": "quartier_id", "INPUT_ID_FIELD": "quartier_id", "WEIGHT_FIELD": "residents",
        "OUTPUT": out("counts", None)})
    results["indicators"] = run("calculateindicators", {
        "QUARTIERS": layers["quartiers"], "QUARTIER_ID": "quartier_id", "DATA": layers["counts"],
        "DATA_ID": "quartier_id", "INDICATORS": enum_indexes(ALL_INDICATORS), "MUNICIPALITY_FIELD": "municipality_id",
        "OUTPUT": out("indicators")})
    results["attention"] = run("attentionindex", {
        "INPUT": as_layer(results["indicators"]["OUTPUT"], context, "indicators"), "QUARTIER_ID": "quartier_id",
        "INDICATORS": [i.replace(".", "") for i in ALL_INDICATORS if not i.startswith("D")],
        "OUTPUT": out("attention")})
    return results, log, context


OUTPUTS = [("assign", "OUTPUT"), ("assign", "SUMMARY"), ("geocode", "OUTPUT"), ("geocode", "UNMATCHED"),
           ("coverage", "OUTPUT"), ("coverage", "ADDRESS_OUTPUT"), ("counts", "OUTPUT"), ("indicators", "OUTPUT"),
           ("attention", "OUTPUT")]


def as_layer(value, context, name):
    if isinstance(value, QgsVectorLayer):
        return value
    from qgis.core import QgsProcessingUtils

    layer = QgsProcessingUtils.mapLayerFromString(value, context) if value else None
    if layer is None:
        layer = QgsVectorLayer(value, name, "ogr")
    assert layer is not None and layer.isValid(), (name, value)
    return layer


@pytest.fixture(scope="module")
def chains(county, demo_small, tmp_path_factory, qgis_processing):
    """The chain run once on PostGIS and once on the GeoPackage."""
    from qgis import processing

    from quartiersmonitor.processing_provider.provider import QuartiersmonitorProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("quartiersmonitor")
    if provider is None:
        provider = QuartiersmonitorProvider()
        assert registry.addProvider(provider)

    def run_alg(alg_id, params, context=None, feedback=None):
        return processing.run("quartiersmonitor:" + alg_id, params, context=context, feedback=feedback)

    folder = tmp_path_factory.mktemp("pgchain")
    pg = run_chain(run_alg, "pg", county, demo_small, folder)
    gpkg = run_chain(run_alg, "gpkg", county, demo_small, folder)
    return {"pg": pg, "gpkg": gpkg, "provider": provider}


@pytest.mark.parametrize("step,output", OUTPUTS, ids=["{}-{}".format(s, o) for s, o in OUTPUTS])
def test_postgis_output_equals_geopackage_output(chains, step, output):
    pg_results, _log, pg_context = chains["pg"]
    gpkg_results, _glog, gpkg_context = chains["gpkg"]
    pg = as_layer(pg_results[step][output], pg_context, output)
    gpkg = as_layer(gpkg_results[step][output], gpkg_context, output)
    assert pg.providerType() == "postgres"
    assert field_names(pg) == field_names(gpkg)
    assert field_kinds(pg) == field_kinds(gpkg)  # integers stay integers, text stays text
    assert pg.featureCount() == gpkg.featureCount()
    assert pg.featureCount() > 0 or output == "UNMATCHED"  # every offering of the demo is found
    pg_rows, gpkg_rows = rows(pg), rows(gpkg)
    differ = [(a, b) for a, b in zip(pg_rows, gpkg_rows) if a != b]
    assert not differ, [[(x, y) for x, y in zip(a, b) if x != y] for a, b in differ[:3]]


def test_postgis_tables_are_written_by_gdal_into_the_named_schema(chains, county):
    _results, log, _context = chains["pg"]
    copies = [m for m in log.infos if m.startswith("Copying into the PostGIS table")]
    inside = [m for m in log.infos if m.startswith("Writing the PostGIS table")]
    # every output is written through vector_output.write_vector_output (none through a QGIS feature sink)
    assert len(copies) + len(inside) == len(OUTPUTS)
    # the addresses with their quartier: a copy of the input table made inside the database (the input was read by
    # GDAL with its own fids, the new values sent as arrays)
    assert inside == ['Writing the PostGIS table "results"."assigned" inside the database…']
    # the tables are where the destinations said: schema results, geometry column shape, key fid, a GiST index
    tables = county.sql("SELECT f_table_name || ':' || f_geometry_column || ':' || srid FROM geometry_columns "
                        "WHERE f_table_schema = 'results' ORDER BY 1").splitlines()
    assert "assigned:shape:25832" in tables and "summary:shape:25832" in tables
    assert county.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'results' AND tablename = 'assigned' "
                      "AND indexdef LIKE '%USING gist (shape)%'") == "1"
    assert county.sql("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
                      "a.attnum = ANY(i.indkey) WHERE i.indrelid = 'results.assigned'::regclass AND "
                      "i.indisprimary") == "fid"
    assert ['Copying into the PostGIS table "results"."{}" with GDAL…'.format(name) in copies
            for name in ("counts", "indicators", "attention")] == [True] * 3
    # no message holds the password (a QGIS feature sink's destination, postgres://… with it, is no result any more)
    assert not [m for m in log.infos + log.warnings if county.password in m]


@pytest.mark.parametrize("step,output", OUTPUTS, ids=["{}-{}".format(s, o) for s, o in OUTPUTS])
def test_postgis_result_value_holds_no_password(chains, county, step, output):
    results, _log, context = chains["pg"]
    value = results[step][output]
    text = value.id() if isinstance(value, QgsVectorLayer) else str(value)
    assert county.password not in text and not text.startswith(("postgres://", "postgis:")), text
    layer = as_layer(value, context, output)  # the result is the written table's layer, loadable by its id
    assert layer.providerType() == "postgres" and 'table="results".' in layer.source().replace(" ", "")


def test_postgis_indicator_zeros_stay_zeros_and_nulls_stay_nulls(chains, county):
    """The values QGIS 3.22's PostGIS feature sink turned into NULL (quartier 0103: G2, G2_num, D3_sig) are 0 in
    the table, as in the GeoPackage; every NULL of the GeoPackage is NULL in the table, column by column (read by
    PostgreSQL itself, not through QGIS)."""
    gpkg_results, _glog, gpkg_context = chains["gpkg"]
    for step, table in (("indicators", "indicators"), ("attention", "attention"), ("counts", "counts")):
        gpkg = as_layer(gpkg_results[step]["OUTPUT"], gpkg_context, table)
        names = field_names(gpkg)
        expected = {}
        for feature in gpkg.getFeatures():
            expected[str(feature["quartier_id"])] = ["N" if plain_value(feature[n]) is None else
                                                     "0" if plain_value(feature[n]) == 0 else "v" for n in names]
        select = ", ".join("CASE WHEN \"{0}\" IS NULL THEN 'N' WHEN \"{0}\"::text IN ('0', '0.0') THEN '0' "
                           "ELSE 'v' END".format(n) for n in names)
        written = {}
        for line in county.sql("SELECT quartier_id, {} FROM results.{}".format(select, table)).splitlines():
            parts = line.split("|")
            written[parts[0]] = parts[1:]
        assert written == expected, step
        if step != "counts":  # the demo's weighted counts have neither (every quartier has residents)
            zeros = sum(row.count("0") for row in expected.values())
            nulls = sum(row.count("N") for row in expected.values())
            assert zeros > 0 and nulls > 0, (step, zeros, nulls)
    row = dict(zip(["G2", "G2_num", "D3_sig"], county.sql(
        "SELECT \"G2\", \"G2_num\", \"D3_sig\" FROM results.indicators WHERE quartier_id = '0103'").split("|")))
    assert row == {"G2": "0", "G2_num": "0", "D3_sig": "0"}, row


def test_postgis_summary_counts_agree_with_postgis_itself(chains, county):
    """n_addresses per quartier against PostGIS's own point-in-polygon count (an independent oracle; the demo
    addresses lie inside their cells, none on a border)."""
    oracle = dict(line.split("|") for line in county.sql(
        "SELECT q.quartier_id, count(a.fid) FROM county.quartiers q LEFT JOIN public.addresses a "
        "ON ST_Intersects(q.the_geom, a.geom) GROUP BY q.quartier_id").splitlines())
    written = dict(line.split("|") for line in county.sql(
        "SELECT quartier_id, n_addresses FROM results.summary").splitlines())
    assert written == oracle
    assert sum(int(v) for v in written.values()) == int(county.sql("SELECT count(*) FROM public.addresses"))


def _assign(run_alg, addresses, quartiers, out, feedback=None):
    return run_alg("assignaddresses", {"INPUT": addresses, "QUARTIERS": quartiers, "QUARTIER_ID": "quartier_id",
                                       "OUTPUT": out}, feedback=feedback)


def test_view_with_a_key_column_gives_the_table_results(run_alg, county):
    view = pg_layer(county, "addresses_view", key="fid")
    quartiers = pg_layer(county, "quartiers", "county", "the_geom")
    result = _assign(run_alg, view, quartiers, "memory:")["OUTPUT"]
    table = _assign(run_alg, pg_layer(county, "addresses"), quartiers, "memory:")["OUTPUT"]
    assert rows(result) == rows(table)


def test_view_without_a_key_column_is_a_clear_error(run_alg, county):
    view = QgsVectorLayer(county.uri("addresses_view", key=None), "addresses_view", "postgres")
    quartiers = pg_layer(county, "quartiers", "county", "the_geom")
    assert not view.isValid()  # QGIS needs a key column for a view
    with pytest.raises(QgsProcessingException) as info:
        _assign(run_alg, view, quartiers, "memory:")
    message = str(info.value)
    assert "addresses_view" in message and "not valid" in message and "Traceback" not in message


@pytest.fixture()
def auth_config(county):
    """A QGIS authentication configuration (Basic: user and password of the test server) in the test profile."""
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("qm-master-pw", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("quartiersmonitor test")
    config.setConfig("username", county.user)
    config.setConfig("password", county.password)
    assert manager.storeAuthenticationConfig(config)
    assert config.id()
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


def test_authcfg_connection_reads_and_writes(run_alg, county, auth_config):
    def uri(table, schema, geometry):
        u = QgsDataSourceUri("dbname='{}' host={} port={} authcfg={} sslmode=disable".format(
            county.dbname, county.host, county.port, auth_config))
        u.setDataSource(schema, table, geometry, "", "fid")
        return u.uri(False)

    addresses = QgsVectorLayer(uri("addresses", "public", "geom"), "addresses", "postgres")
    quartiers = QgsVectorLayer(uri("quartiers", "county", "the_geom"), "quartiers", "postgres")
    assert addresses.isValid() and quartiers.isValid()
    assert "password" not in addresses.source()
    log = RecordingFeedback()
    result = _assign(run_alg, addresses, quartiers, "postgres://" + uri("assigned_auth", "results", "geom"), log)
    written = result["OUTPUT"]
    assert written.providerType() == "postgres" and "authcfg=" + auth_config in written.source()
    assert county.password not in written.source()
    assert county.sql("SELECT count(*), count(quartier_id) FROM results.assigned_auth") == "{0}|{0}".format(
        county.sql("SELECT count(*) FROM public.addresses"))
    assert 'Writing the PostGIS table "results"."assigned_auth" inside the database…' in log.infos
    assert not [m for m in log.infos + log.warnings if county.password in m]


def test_refused_connection_as_input_is_a_clear_error(run_alg, county):
    port = free_port()
    refused = QgsVectorLayer("dbname='qm' host=127.0.0.1 port={} user='{}' password='{}' sslmode=disable key='fid' "
                             "table=\"public\".\"addresses\" (geom)".format(port, county.user, county.password),
                             "address register", "postgres")
    assert not refused.isValid()
    quartiers = pg_layer(county, "quartiers", "county", "the_geom")
    with pytest.raises(QgsProcessingException) as info:
        _assign(run_alg, refused, quartiers, "memory:")
    message = str(info.value)
    assert "address register" in message and "not valid" in message and "INPUT" in message
    assert "Unknown" not in message and "Traceback" not in message and county.password not in message


def test_refused_connection_as_destination_is_a_clear_error_naming_it(run_alg, county):
    port = free_port()
    destination = "postgres://dbname='qm' host=127.0.0.1 port={} user='{}' password='{}' sslmode=disable " \
                  "key='fid' table=\"results\".\"never\" (geom)".format(port, county.user, county.password)
    with pytest.raises(QgsProcessingException) as info:
        _assign(run_alg, pg_layer(county, "addresses"), pg_layer(county, "quartiers", "county", "the_geom"),
                destination)
    message = str(info.value)
    assert "host=127.0.0.1 port={} dbname=qm".format(port) in message, message
    assert county.password not in message and "Traceback" not in message


def test_postgis_points_and_numbers_read_by_the_server_equal_qgis_reading(county):
    """readers on a whole PostGIS table (values packed by the server, postgis_io.read_numbers) against values
    written by hand: a NULL geometry, an empty point, NULL numbers, a key that is not 1..n."""
    from quartiersmonitor.processing_provider import postgis_io
    from quartiersmonitor.processing_provider.readers import read_attribute_table, read_points_with_attributes

    county.sql("CREATE TABLE county.few (id integer PRIMARY KEY, n integer, share double precision, "
               "pos geometry(Point, 25832))", user=county.user)
    county.sql("INSERT INTO county.few VALUES (7, 3, 0.5, ST_SetSRID(ST_MakePoint(450000.25, 5750000.5), 25832)), "
               "(2, NULL, NULL, NULL), (40, -1, 2.25, ST_SetSRID('POINT EMPTY'::geometry, 25832)), "
               "(11, 0, 0.0, ST_SetSRID(ST_MakePoint(1.5, -2), 25832))", user=county.user)
    layer = pg_layer(county, "few", "county", "pos", key="id")
    info = postgis_io.postgres_source(layer)
    assert info is not None and info["fid_column"] == "id"
    assert postgis_io.read_numbers(info, True, [("n", True)]) is not None
    source = layer  # a QgsVectorLayer is a feature source
    fid, x, y, n_points, table = read_points_with_attributes(source, layer.crs(), QgsProcessingContext(),
                                                             ["n", "share"], layer=layer, whole=True)
    order = fid.argsort()
    assert fid[order].tolist() == [2, 7, 11, 40]
    assert x[order].tolist()[1:3] == [450000.25, 1.5] and y[order].tolist()[1:3] == [5750000.5, -2.0]
    assert [v != v for v in x[order].tolist()] == [True, False, False, True]  # NaN: no point
    assert n_points[order].tolist() == [0, 1, 1, 0]
    by_fid = table.set_index("fid")
    assert [v if v == v else None for v in by_fid.loc[[2, 7, 11, 40], "n"].tolist()] == [None, 3, 0, -1]
    assert [v if v == v else None for v in by_fid.loc[[2, 7, 11, 40], "share"].tolist()] == [None, 0.5, 0.0, 2.25]
    attributes = read_attribute_table(source, ["share"], layer=layer, whole=True).set_index("fid")
    assert attributes.loc[[7, 40], "share"].tolist() == [0.5, 2.25]
    # the same as QGIS's own reading of the layer
    qgis = read_points_with_attributes(source, layer.crs(), QgsProcessingContext(), ["n", "share"], layer=layer,
                                       whole=False)
    qgis_order = qgis[0].argsort()
    assert qgis[0][qgis_order].tolist() == fid[order].tolist()
    assert qgis[3][qgis_order].tolist() == n_points[order].tolist()


def test_postgis_output_is_dropped_when_a_later_output_fails(run_alg, county, tmp_path):
    """A run writes all its outputs or none: the PostGIS table written first is dropped when the REPORT (a file in
    a folder that does not exist) cannot be written."""
    log = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as info:
        run_alg("assignaddresses", {
            "INPUT": pg_layer(county, "addresses"), "QUARTIERS": pg_layer(county, "quartiers", "county", "the_geom"),
            "QUARTIER_ID": "quartier_id",
            # the form older QGIS dialogs write ("Save to PostGIS Table": postgis:<uri>, geometry geom, no key)
            "OUTPUT": "postgis:" + county.uri("dropped", "results", "geom", key=None),
            "REPORT": str(tmp_path / "missing" / "report.html")}, feedback=log)
    assert "report.html" in str(info.value)
    assert 'Writing the PostGIS table "results"."dropped" inside the database…' in log.infos  # it was written
    assert county.sql("SELECT to_regclass('results.dropped') IS NULL") == "t"


QUARTIERS_ONLY = {"QUARTIERS": "quartiers", "QUARTIER_ID": "quartier_id"}
# every algorithm that takes layers, with the layer parameter that gets the refused layer; the other values are
# valid ("addr", "quartiers" and "counts" are PostGIS layers of the server)
REFUSED_CASES = [
    ("assignaddresses", "INPUT", dict(QUARTIERS_ONLY, OUTPUT="memory:")),
    ("assignaddresses", "QUARTIERS", {"INPUT": "addr", "QUARTIER_ID": "quartier_id", "OUTPUT": "memory:"}),
    ("geocodeaddresses", "INPUT", {"STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber", "DIRECTORY": "addr",
                                   "DIR_STREET_FIELD": "street", "DIR_HOUSENUMBER_FIELD": "housenumber",
                                   "POSTCODE_FIELD": None, "CITY_FIELD": None, "DIR_POSTCODE_FIELD": None,
                                   "DIR_CITY_FIELD": None, "OUTPUT": "memory:", "UNMATCHED": None}),
    ("geocodeaddresses", "DIRECTORY", {"STREET_FIELD": "street", "HOUSENUMBER_FIELD": "housenumber",
                                       "INPUT": "offerings", "DIR_STREET_FIELD": "street",
                                       "DIR_HOUSENUMBER_FIELD": "housenumber", "POSTCODE_FIELD": None,
                                       "CITY_FIELD": None, "DIR_POSTCODE_FIELD": None, "DIR_CITY_FIELD": None,
                                       "OUTPUT": "memory:", "UNMATCHED": None}),
    ("offeringcoverage", "OFFERINGS", dict(QUARTIERS_ONLY, OUTPUT="memory:")),
    ("accessibility", "OFFERINGS", dict(QUARTIERS_ONLY, ADDRESSES="addr", OUTPUT="memory:")),
    ("aggregatecounts", "INPUT", dict(QUARTIERS_ONLY, OUTPUT="memory:")),
    ("aggregatecounts", "QUARTIERS", {"INPUT": "addr", "QUARTIER_ID": "quartier_id", "OUTPUT": "memory:"}),
    ("hotspots", "INPUT", {"QUARTIER_ID": "quartier_id", "FIELD": "quartier_id", "OUTPUT": "memory:"}),
    ("calculateindicators", "DATA", {"QUARTIERS": "quartiers", "QUARTIER_ID": "quartier_id", "DATA_ID": "quartier_id",
                                     "INDICATORS": [0], "OUTPUT": "memory:"}),
    ("calculateindicators", "QUARTIERS", {"DATA": "counts", "QUARTIER_ID": "quartier_id", "DATA_ID": "quartier_id",
                                          "INDICATORS": [0], "OUTPUT": "memory:"}),
    ("attentionindex", "INPUT", {"QUARTIER_ID": "quartier_id", "INDICATORS": ["A1"], "OUTPUT": "memory:"}),
    ("indicatortrends", "DATA", {"QUARTIERS": "quartiers", "QUARTIER_ID": "quartier_id", "DATA_ID": "quartier_id",
                                 "YEAR_FIELD": "year", "INDICATORS": [0], "OUTPUT": "memory:"}),
    ("exportmapsheets", "INPUT", {"QUARTIER_ID": "quartier_id", "OUTPUT_FOLDER": "sheets"}),
    ("exporttable", "INPUT", {"FORMAT": 0, "OUTPUT": "table.xlsx"}),
]
# the algorithms that read the refused layer through QuartiersAlgorithm.required_source (or check it as
# aggregatecounts does): their message also names the connection (host, port, database, user) and the table
NAMES_CONNECTION = {"assignaddresses", "geocodeaddresses", "offeringcoverage", "accessibility", "aggregatecounts",
                    "hotspots", "calculateindicators", "attentionindex", "indicatortrends", "exportmapsheets",
                    "exporttable"}


@pytest.mark.parametrize("alg,param,params", REFUSED_CASES, ids=["{}-{}".format(c[0], c[1]) for c in REFUSED_CASES])
def test_refused_connection_as_input_of_every_algorithm(run_alg, county, tmp_path, alg, param, params):
    port = free_port()
    refused = QgsVectorLayer("dbname='qm' host=127.0.0.1 port={} user='{}' password='{}' sslmode=disable key='fid' "
                             "table=\"public\".\"addresses\" (geom)".format(port, county.user, county.password),
                             "county register", "postgres")
    layers = {"addr": pg_layer(county, "addresses"), "offerings": pg_layer(county, "offerings"),
              "quartiers": pg_layer(county, "quartiers", "county", "the_geom"),
              "counts": pg_layer(county, "counts_2024", geometry=None)}
    values = {k: layers.get(v, v) if isinstance(v, str) else v for k, v in params.items()}
    for key in ("OUTPUT", "OUTPUT_FOLDER"):
        if isinstance(values.get(key), str) and values[key] != "memory:":
            values[key] = str(tmp_path / values[key])
    values[param] = refused
    with pytest.raises(QgsProcessingException) as info:
        run_alg(alg, values)
    message = str(info.value)
    assert "county register" in message and "not valid" in message, message
    assert county.password not in message and "Traceback" not in message
    if alg in NAMES_CONNECTION:
        assert param in message, message
        assert "host=127.0.0.1 port={} dbname=qm user={}".format(port, county.user) in message, message
        assert '"public"."addresses"' in message, message
    if alg == "aggregatecounts":
        assert "quartier id field" not in message, message
