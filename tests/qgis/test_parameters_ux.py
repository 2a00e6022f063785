"""Parameters as the user meets them: the quartier id (street, house number) field preselected in the real
Processing widget, the likely field suggested when the chosen one is missing, whole numbers without six decimals."""

import pytest
from qgis import processing
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsGui, QgsProcessingContextGenerator, QgsProcessingGui, QgsProcessingParameterWidgetContext
from qgis.PyQt import sip

SQUARE = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"


def layer(geometry, fields, name="layer", wkt=None, values=None):
    spec = "{}?crs=EPSG:25833&{}".format(geometry, "&".join("field={}:string".format(f) for f in fields))
    result = QgsVectorLayer(spec, name, "memory")
    assert result.isValid()
    if wkt:
        feature = QgsFeature(result.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(values or ["x"] * len(fields))
        result.dataProvider().addFeature(feature)
    return result


class _Generator(QgsProcessingContextGenerator):
    def __init__(self, context):
        super().__init__()
        self.context = context

    def processingContext(self):  # noqa: N802
        return self.context


@pytest.fixture()
def project_layers():
    added = []

    def add(lyr):
        assert QgsProject.instance().addMapLayer(lyr) is not None
        added.append(lyr.id())
        return lyr

    yield add
    for layer_id in added:
        QgsProject.instance().removeMapLayer(layer_id)


def widget_choice(alg_id, field_param, layer_param, lyr):
    """The field the real standard-dialog widget of ``field_param`` shows once its parent ``layer_param`` is set to
    ``lyr`` (as the algorithm dialog wires them)."""
    alg = QgsApplication.processingRegistry().algorithmById("quartiersmonitor:" + alg_id)
    registry = QgsGui.processingGuiRegistry()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    generator = _Generator(context)
    widget_context = QgsProcessingParameterWidgetContext()
    widget_context.setProject(QgsProject.instance())
    wrappers, widgets = [], []
    for name in (layer_param, field_param):
        wrapper = registry.createParameterWidgetWrapper(alg.parameterDefinition(name), QgsProcessingGui.Standard)
        wrapper.setWidgetContext(widget_context)
        wrapper.registerProcessingContextGenerator(generator)
        widgets.append(wrapper.createWrappedWidget(context))
        wrappers.append(wrapper)
    try:
        wrappers[0].setWidgetValue(lyr.id(), context)
        wrappers[1].setParentLayerWrapperValue(wrappers[0])
        value = wrappers[1].parameterValue()
        return None if value is None or str(value) in ("", "NULL") else value
    finally:
        for widget in widgets:
            sip.delete(widget)


@pytest.mark.parametrize("alg_id, layer_param", [
    ("assignaddresses", "QUARTIERS"), ("offeringcoverage", "QUARTIERS"), ("calculateindicators", "QUARTIERS"),
])
def test_quartier_id_widget_preselects_quartier_id_not_the_first_field(provider, project_layers, alg_id,
                                                                       layer_param):
    lyr = project_layers(layer("Polygon", ["fid_text", "name", "quartier_id"], "quartiers"))
    assert widget_choice(alg_id, "QUARTIER_ID", layer_param, lyr) == "quartier_id"
    # QGIS 3.22 … 3.44 take one default name only: without it the widget stays empty rather than offering fid_text
    other = project_layers(layer("Polygon", ["fid_text", "name", "qid"], "quartiers_qid"))
    assert widget_choice(alg_id, "QUARTIER_ID", layer_param, other) != "fid_text"


def test_geocode_widgets_preselect_street_and_house_number(provider, project_layers):
    table = project_layers(layer("Point", ["id", "street", "housenumber", "postcode"], "offerings"))
    assert widget_choice("geocodeaddresses", "STREET_FIELD", "INPUT", table) == "street"
    assert widget_choice("geocodeaddresses", "HOUSENUMBER_FIELD", "INPUT", table) == "housenumber"
    directory = project_layers(layer("Point", ["adr_id", "STREET", "HOUSENUMBER"], "directory"))
    assert widget_choice("geocodeaddresses", "DIR_STREET_FIELD", "DIRECTORY", directory) == "STREET"
    assert widget_choice("geocodeaddresses", "DIR_HOUSENUMBER_FIELD", "DIRECTORY", directory) == "HOUSENUMBER"


def test_missing_quartier_id_suggests_the_likely_field(provider, project_layers):
    quartiers = project_layers(layer("Polygon", ["fid_text", "qid"], "bezirke", SQUARE, ["a", "Q1"]))
    addresses = project_layers(layer("Point", ["residents"], "adressen", "POINT(50 50)", ["3"]))
    params = {"INPUT": addresses.id(), "QUARTIERS": quartiers.id(), "OUTPUT": "TEMPORARY_OUTPUT"}
    # left out: the default quartier_id is not there; qid is suggested
    with pytest.raises(QgsProcessingException) as error:
        processing.run("quartiersmonitor:assignaddresses", params)
    message = str(error.value)
    assert "“quartier_id”" in message and "bezirke" in message and "QUARTIER_ID" in message
    assert "Did you mean field “qid”?" in message
    # a wrong name: the same suggestion
    with pytest.raises(QgsProcessingException, match="Did you mean field “qid”"):
        processing.run("quartiersmonitor:assignaddresses", dict(params, QUARTIER_ID="bezirk"))
    # the suggested field runs
    result = processing.run("quartiersmonitor:assignaddresses", dict(params, QUARTIER_ID="qid"))
    output = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert [f["quartier_id"] for f in output.getFeatures()] == ["Q1"]


def test_check_parameter_values_names_the_likely_field_for_an_empty_choice(provider, project_layers):
    quartiers = project_layers(layer("Polygon", ["fid_text", "sozialraum"], "sozialraeume", SQUARE, ["a", "S1"]))
    addresses = project_layers(layer("Point", ["residents"], "adressen", "POINT(50 50)", ["3"]))
    alg = QgsApplication.processingRegistry().createAlgorithmById("quartiersmonitor:offeringcoverage")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    ok, message = alg.checkParameterValues(
        {"OFFERINGS": addresses.id(), "QUARTIERS": quartiers.id(), "QUARTIER_ID": None,
         "OUTPUT": "TEMPORARY_OUTPUT"}, context)
    assert not ok
    assert "“sozialraum”" in message and "QUARTIER_ID" in message and "sozialraeume" in message
    # a field the layer has is accepted; a layer without a likely field is left to the algorithm's own check
    ok, message = alg.checkParameterValues(
        {"OFFERINGS": addresses.id(), "QUARTIERS": quartiers.id(), "QUARTIER_ID": "fid_text",
         "OUTPUT": "TEMPORARY_OUTPUT"}, context)
    assert ok, message
    plain = project_layers(layer("Polygon", ["a", "b"], "plain", SQUARE, ["a", "b"]))
    ok, message = alg.checkParameterValues(
        {"OFFERINGS": addresses.id(), "QUARTIERS": plain.id(), "QUARTIER_ID": "b", "OUTPUT": "TEMPORARY_OUTPUT"},
        context)
    assert ok, message
    ok, message = alg.checkParameterValues(
        {"OFFERINGS": addresses.id(), "QUARTIERS": plain.id(), "QUARTIER_ID": "c", "OUTPUT": "TEMPORARY_OUTPUT"},
        context)
    assert ok and message == ""  # no likely field: the algorithm's own error (with the layer's fields) follows


def test_whole_numbers_show_without_six_decimals(provider):
    """The number widgets of QGIS read ``widget_wrapper/decimals``: distances in whole metres, percents with one
    decimal; every other decimal number of the provider shows at most two."""
    registry = QgsApplication.processingRegistry()
    expected = {("offeringcoverage", "DISTANCE"): 0, ("offeringcoverage", "WHITE_SPOT_SHARE"): 1,
                ("geocodeaddresses", "FUZZY_THRESHOLD"): 1}
    for (alg_id, name), decimals in expected.items():
        definition = registry.algorithmById("quartiersmonitor:" + alg_id).parameterDefinition(name)
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(definition, QgsProcessingGui.Standard)
        widget = wrapper.createWrappedWidget(QgsProcessingContext())
        try:
            spins = [w for w in [widget] + widget.findChildren(object) if hasattr(w, "decimals")]
            assert spins, (alg_id, name)
            assert spins[0].decimals() == decimals, (alg_id, name)
        finally:
            sip.delete(widget)
    for alg in registry.algorithms():
        if alg.provider().id() != "quartiersmonitor":
            continue
        for definition in alg.parameterDefinitions():
            if definition.type() == "number":
                decimals = definition.metadata().get("widget_wrapper", {}).get("decimals")
                assert decimals is None or decimals <= 2, (alg.id(), definition.name())


def test_an_optional_field_left_out_is_not_questioned(provider, project_layers):
    """attentionindex's optional POPULATION_FIELD defaults to pop_total; a layer without it but with a likely
    residents field ("EW") is not refused: the algorithm decides what a missing default means."""
    layer_ = project_layers(layer("Polygon", ["quartier_id", "A1", "EW"], "indikatoren", SQUARE, ["q", "1", "5"]))
    alg = QgsApplication.processingRegistry().createAlgorithmById("quartiersmonitor:attentionindex")
    assert alg.parameterDefinition("POPULATION_FIELD").defaultValue() == "pop_total"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    hints = alg.field_hints({"INPUT": layer_.id(), "QUARTIER_ID": "quartier_id"}, context)
    assert not [h for h in hints if "POPULATION_FIELD" in h]
    # named explicitly but missing: the likely field is suggested
    hints = alg.field_hints({"INPUT": layer_.id(), "QUARTIER_ID": "quartier_id", "POPULATION_FIELD": "pop"}, context)
    assert any("POPULATION_FIELD" in h and "“EW”" in h for h in hints), hints
