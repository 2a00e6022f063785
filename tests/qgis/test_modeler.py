"""Every algorithm of the provider in the Graphical Modeler.

For each algorithm a ``QgsProcessingModelAlgorithm`` is built in code the way the modeler builds it: one model
parameter per input parameter of the algorithm (a clone of its definition, same name, so a field parameter keeps its
parent layer parameter), the child's inputs fed from these model parameters, the child's destination parameters as
model outputs. Checked: the modeler's own validation, a parameter widget of the modeler for every input, the round
trip through ``toVariant`` / ``loadVariant`` and through a ``.model3`` file, and (for assignaddresses,
aggregatecounts and calculateindicators) a real run with ``processing.run(model, params)``.

Each model is built twice: as the modeler of this QGIS builds it (from QGIS 3.26 the model outputs are named after
their descriptions, "Counts per quartier" -> ``counts_per_quartier``) and with the classic names ``alg:OUTPUT`` that
QGIS 3.22 gives and our bundled model keeps on every version (``compat.classic_model_output_names``).

Fixtures return paths only: a layer object alive when QGIS exits segfaults the process.
"""

import importlib.util
import os

import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsVectorLayer,
)
from test_assign_addresses import address_rows, native_expected, quartier_rows, write_gpkg

from quartiersmonitor.compat import classic_model_output_names

NAMINGS = ["modeler", "classic"]
ALG_IDS = ["assignaddresses", "geocodeaddresses", "aggregatecounts", "offeringcoverage", "calculateindicators",
           "attentionindex", "exportmapsheets", "exporttable", "indicatortrends",
           "hotspots", "accessibility", "siteofferings"]
CHILD_ID = "alg"

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(os.path.dirname(HERE), "data", "indicators_alg", "build.py")


def _load_build():
    spec = importlib.util.spec_from_file_location("indicators_alg_build_modeler", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _optional(definition):
    return bool(definition.flags() & definition.FlagOptional)


def _algorithm(alg_id):
    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:" + alg_id)
    assert alg is not None, alg_id
    return alg


def build_model(alg_id, unset=(), naming="modeler"):
    """A model with a single child ``alg`` running ``quartiersmonitor:<alg_id>``, built like the modeler does (the
    child inputs named in ``unset`` left without a source); ``naming="classic"``: outputs named ``alg:<NAME>``."""
    alg = _algorithm(alg_id)
    model = QgsProcessingModelAlgorithm("test_{}".format(alg_id), "tests")
    child = QgsProcessingModelChildAlgorithm(alg.id())
    child.setChildId(CHILD_ID)
    child.setDescription(alg.displayName())
    assert child.algorithm() is not None
    outputs = {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if definition.isDestination():
            output = QgsProcessingModelOutput(name, definition.description())
            output.setChildId(CHILD_ID)
            output.setChildOutputName(name)
            output.setMandatory(not _optional(definition))
            outputs[name] = output
        else:
            model.addModelParameter(definition.clone(), QgsProcessingModelParameter(name))
            if name not in unset:
                child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(name)])
    child.setModelOutputs(outputs)
    model.addChildAlgorithm(child)
    model.updateDestinationParameters()
    if naming == "classic":
        classic_model_output_names(model)
    return model


def output_name(model, child_output, naming):
    """The model parameter (and result key) of the child output ``child_output``: ``alg:<NAME>`` for classic names
    and on QGIS < 3.26, else the name the modeler derived from the output's description."""
    find = getattr(model, "modelParameterFromChildIdAndOutputName", None)  # QGIS >= 3.26
    name = find(CHILD_ID, child_output).name() if find is not None else "{}:{}".format(CHILD_ID, child_output)
    if naming == "classic" or find is None:
        assert name == "{}:{}".format(CHILD_ID, child_output)
    else:
        assert ":" not in name and name == name.lower(), name  # the modeler's friendly name
    return name


def _sources(model):
    return {child_id: {name: [(s.source(), s.parameterName(), s.staticValue()) for s in sources]
                       for name, sources in child.parameterSources().items()}
            for child_id, child in model.childAlgorithms().items()}


def _definitions(definitions, saved=False):
    """{name: variant map}; ``saved``: without what saving a model loses: the help text, which QGIS 3.22 writes but
    does not read back (``QgsProcessingParameterDefinition::fromVariantMap``)."""
    maps = {d.name(): d.toVariantMap() for d in definitions}
    if saved:  # and a NULL string (a file parameter's extension or filter) is read back from .model3 as ""
        for value in maps.values():
            value.pop("help", None)
            value.update({k: None for k, v in value.items() if v == ""})
    return maps


# ---------------------------------------------------------------------------------------------------------------------
# every algorithm
# ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("alg_id", ALG_IDS)
def test_model_of_each_algorithm_is_valid(provider, alg_id, naming):
    alg = _algorithm(alg_id)
    model = build_model(alg_id, naming=naming)
    ok, issues = model.validate()
    assert ok, issues
    ok, issues = model.validateChildAlgorithm(CHILD_ID)
    assert ok, issues
    # the model's parameters: every input of the algorithm, with its parent layer parameter present in the model
    inputs = [d for d in alg.parameterDefinitions() if not d.isDestination()]
    assert sorted(p.parameterName() for p in model.parameterComponents().values()) == \
        sorted(d.name() for d in inputs)
    for definition in inputs:
        mine = model.parameterDefinition(definition.name())
        assert mine is not None and mine.type() == definition.type(), definition.name()
        for parent in mine.dependsOnOtherParameters():
            assert model.parameterDefinition(parent) is not None, (definition.name(), parent)
    # the model's outputs: every destination parameter of the algorithm, mandatory where the algorithm's is
    destinations = {d.name(): d for d in alg.destinationParameterDefinitions()}
    model_destinations = {d.name(): d for d in model.destinationParameterDefinitions()}
    assert set(model_destinations) == {output_name(model, n, naming) for n in destinations}
    for name, definition in destinations.items():
        mine = model_destinations[output_name(model, name, naming)]
        assert mine.type() == definition.type()
        assert _optional(mine) == _optional(definition), name
    # an empty model run is refused like the algorithm refuses it: every mandatory input is reported missing
    ok, message = model.checkParameterValues({}, QgsProcessingContext())
    mandatory = [d for d in inputs if not _optional(d) and d.defaultValue() is None]
    assert ok == (not mandatory), message


@pytest.mark.parametrize("alg_id", ALG_IDS)
def test_missing_mandatory_source_is_reported_by_validation(provider, alg_id):
    alg = _algorithm(alg_id)
    mandatory = [d.name() for d in alg.parameterDefinitions()
                 if not d.isDestination() and not _optional(d) and d.defaultValue() is None]
    assert mandatory, alg_id
    model = build_model(alg_id, unset=mandatory[:1])
    ok, issues = model.validateChildAlgorithm(CHILD_ID)
    assert not ok
    assert any(mandatory[0] in issue or alg.parameterDefinition(mandatory[0]).description() in issue
               for issue in issues), issues


@pytest.mark.parametrize("alg_id", ALG_IDS)
def test_every_input_has_a_modeler_widget(provider, alg_id):
    """The modeler dialog of a child edits each input with a widget from the processing GUI registry; it gives back
    the model parameter source it was set to."""
    from qgis.gui import QgsGui
    from qgis.PyQt import sip

    model = build_model(alg_id)
    context = QgsProcessingContext()
    registry = QgsGui.processingGuiRegistry()
    for definition in _algorithm(alg_id).parameterDefinitions():
        if definition.isDestination():
            continue
        widget = registry.createModelerParameterWidget(model, CHILD_ID, definition, context)
        assert widget is not None, definition.name()
        try:
            source = QgsProcessingModelChildParameterSource.fromModelParameter(definition.name())
            widget.setWidgetValue(source)
            value = widget.value()
            value = value[0] if isinstance(value, list) else value
            assert value.source() == source.source() and value.parameterName() == definition.name(), \
                definition.name()
        finally:
            sip.delete(widget)


@pytest.mark.parametrize("naming", NAMINGS)
@pytest.mark.parametrize("alg_id", ALG_IDS)
def test_model_survives_variant_and_file_round_trip(provider, alg_id, naming, tmp_path):
    alg = _algorithm(alg_id)
    model = build_model(alg_id, naming=naming)
    copy = QgsProcessingModelAlgorithm()
    assert copy.loadVariant(model.toVariant())
    path = str(tmp_path / "{}.model3".format(alg_id))
    assert model.toFile(path)
    from_file = QgsProcessingModelAlgorithm()
    assert from_file.fromFile(path)
    for loaded in (copy, from_file):
        assert loaded.childAlgorithms().keys() == model.childAlgorithms().keys()
        child = loaded.childAlgorithm(CHILD_ID)
        assert child.algorithmId() == alg.id()
        assert child.algorithm() is not None  # re-attached to the provider's algorithm
        assert _sources(loaded) == _sources(model)
        assert sorted(child.modelOutputs()) == sorted(model.childAlgorithm(CHILD_ID).modelOutputs())
        assert sorted(d.name() for d in loaded.destinationParameterDefinitions()) == \
            sorted(d.name() for d in model.destinationParameterDefinitions())
        # the algorithm's parameter definitions, as the model's parameters, survive unchanged
        assert _definitions(loaded.parameterDefinitions(), saved=True) == \
            _definitions(model.parameterDefinitions(), saved=True)
        inputs = [d for d in alg.parameterDefinitions() if not d.isDestination()]
        assert _definitions([loaded.parameterDefinition(d.name()) for d in inputs], saved=True) == \
            _definitions(inputs, saved=True)
        assert _definitions(child.algorithm().parameterDefinitions()) == _definitions(alg.parameterDefinitions())
        ok, issues = loaded.validate()
        assert ok, issues


# ---------------------------------------------------------------------------------------------------------------------
# models run
# ---------------------------------------------------------------------------------------------------------------------
@pytest.fixture()
def assign_case(tmp_path):
    q = write_gpkg(str(tmp_path / "quartiers.gpkg"), "quartiers", ogr.wkbMultiPolygon,
                   [("qid", ogr.OFTString), ("name", ogr.OFTString), ("municipality", ogr.OFTString)],
                   [dict(r, geom=ogr.ForceToMultiPolygon(r["geom"])) for r in quartier_rows()])
    a = write_gpkg(str(tmp_path / "addresses.gpkg"), "addresses", ogr.wkbPoint,
                   [("adr", ogr.OFTInteger), ("residents", ogr.OFTInteger)], address_rows())
    return {"quartiers": q, "addresses": a}


def _run(model, params):
    from qgis import processing

    context = QgsProcessingContext()
    ok, message = model.checkParameterValues(params, context)
    assert ok, message
    return processing.run(model, params, context=context, feedback=QgsProcessingFeedback())


@pytest.mark.parametrize("naming", NAMINGS)
def test_assignaddresses_model_runs_like_the_native_join(provider, assign_case, naming, tmp_path):
    out = str(tmp_path / "assigned.gpkg")
    summary = str(tmp_path / "summary.gpkg")
    report = str(tmp_path / "report.html")
    model = build_model("assignaddresses", naming=naming)
    names = {n: output_name(model, n, naming) for n in ("OUTPUT", "SUMMARY", "REPORT")}
    result = _run(model, {
        "INPUT": assign_case["addresses"], "QUARTIERS": assign_case["quartiers"], "QUARTIER_ID": "qid",
        "SUM_FIELDS": ["residents"], names["OUTPUT"]: out, names["SUMMARY"]: summary, names["REPORT"]: report})
    expected = native_expected(QgsVectorLayer(assign_case["addresses"], "a", "ogr"),
                               QgsVectorLayer(assign_case["quartiers"], "q", "ogr"))
    assert (result[names["OUTPUT"]], result[names["SUMMARY"]], result[names["REPORT"]]) == (out, summary, report)
    assigned = QgsVectorLayer(result[names["OUTPUT"]], "out", "ogr")
    assert assigned.isValid()
    got = {}
    for f in assigned.getFeatures():
        value = f["quartier_id"]
        got[f["adr"]] = (None if value is None or str(value) == "NULL" else value, f["assign_status"])
    assert got == expected
    rows = {f["qid"]: f for f in QgsVectorLayer(result[names["SUMMARY"]], "s", "ogr").getFeatures()}
    assert len(rows) == len(quartier_rows())
    residents = {r["adr"]: r["residents"] for r in address_rows()}
    for qid in rows:
        mine = [k for k, (q, _s) in expected.items() if q == qid]
        assert rows[qid]["n_addresses"] == len(mine), qid
        assert rows[qid]["sum_residents"] == pytest.approx(sum(residents[k] or 0 for k in mine)), qid
    assert os.path.getsize(result[names["REPORT"]]) > 0


@pytest.mark.parametrize("naming", NAMINGS)
def test_aggregatecounts_model_counts_a_table_by_input_id_field(provider, naming, tmp_path):
    path = str(tmp_path / "people.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer("people", None, ogr.wkbNone)
    lyr.CreateField(ogr.FieldDefn("bezirk", ogr.OFTString))
    for qid in ("A", "A", "B", "A", None):
        f = ogr.Feature(lyr.GetLayerDefn())
        if qid:
            f["bezirk"] = qid
        lyr.CreateFeature(f)
    ds = None
    out = str(tmp_path / "counts.gpkg")
    model = build_model("aggregatecounts", naming=naming)
    name = output_name(model, "OUTPUT", naming)
    result = _run(model, {"INPUT": path, "INPUT_ID_FIELD": "bezirk", name: out})
    counts = {f["bezirk"]: f["total"] for f in QgsVectorLayer(result[name], "c", "ogr").getFeatures()}
    assert counts == {"A": 3, "B": 1}


@pytest.mark.parametrize("naming", NAMINGS)
def test_calculateindicators_model_computes_rates(provider, naming, tmp_path):
    from quartiersmonitor.indicators.catalog import load_catalog

    build = _load_build()
    q, c = build.write_gpkg(str(tmp_path / "input.gpkg"))
    order = load_catalog().ids()
    out = str(tmp_path / "indicators.gpkg")
    model = build_model("calculateindicators", naming=naming)
    name = output_name(model, "OUTPUT", naming)
    result = _run(model, {
        "QUARTIERS": q, "QUARTIER_ID": "quartier_id", "DATA": c, "DATA_ID": "quartier_id",
        "INDICATORS": [order.index("A.1"), order.index("A.4")], "MUNICIPALITY_FIELD": "municipality_id",
        name: out})
    feats = {f["quartier_id"]: f for f in QgsVectorLayer(result[name], "i", "ogr").getFeatures()}
    assert sorted(feats) == ["Q0{}".format(i) for i in range(1, 10)]
    assert feats["Q01"]["A1"] == pytest.approx(10.0)  # 100 of 1000
    assert feats["Q06"]["A1"] == pytest.approx(20.0)  # 500 of 2500
    assert feats["Q03"]["A1_flag"] == "suppressed"
    assert feats["Q04"]["A1_flag"] == "suppressed"
    assert feats["Q08"]["A4"] == 0.0 and feats["Q08"]["A4_flag"] == "ok"
    nums = sum(r[3] for r in build.ROWS)
    dens = sum(r[2] for r in build.ROWS)
    assert feats["Q01"]["A1_county"] == pytest.approx(round(100.0 * nums / dens, 1))
