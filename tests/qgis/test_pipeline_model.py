"""The bundled model quartiersmonitor:quartiersmonitor_pipeline on the demo county: processing.run, qgis_process.

The demo county is generated small (scale 0.25: all 158 quartiers, a quarter of the residents and addresses).
Expected values are computed by hand from the demo's counts tables; the attention rule is checked field by field.
"""

import os
import shutil
import subprocess

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

MODEL_ID = "quartiersmonitor:quartiersmonitor_pipeline"


PUBLIC_OUTPUTS = ["assign:assignment_report", "attention:attention", "indicators:indicators"]


def _needs_chain():
    """Every algorithm of the chain is loaded (the provider logs and drops a module that fails to import)."""
    registry = QgsApplication.processingRegistry()
    missing = [a for a in ("quartiersmonitor:assignaddresses", "quartiersmonitor:aggregatecounts",
                           "quartiersmonitor:calculateindicators", "quartiersmonitor:attentionindex")
               if registry.algorithmById(a) is None]
    assert not missing, "algorithms of the chain not loaded: {}".format(", ".join(missing))


def counts_by_id(demo_gpkg, table):
    layer = QgsVectorLayer("{}|layername={}".format(demo_gpkg, table), table, "ogr")
    return {f["quartier_id"]: f for f in layer.getFeatures()}


def test_model_is_listed_and_valid(provider):
    model = QgsApplication.processingRegistry().algorithmById(MODEL_ID)
    assert model is not None
    assert model.provider().id() == "quartiersmonitor"
    outputs = [d.name() for d in model.destinationParameterDefinitions()]
    assert sorted(outputs) == PUBLIC_OUTPUTS
    _needs_chain()
    ok, errors = model.validate()
    assert ok, errors


@pytest.fixture()
def german():
    """QGIS speaking German: the locale setting (read by the catalog's labels) and the plugin's translator."""
    from qgis.PyQt.QtCore import QSettings

    from quartiersmonitor.translation import install_translator, remove_translator

    settings = QSettings()
    old = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    translator = install_translator("de_DE")
    assert translator is not None
    yield
    remove_translator(translator)
    for key, value in old.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _inputs(model):
    return [d for d in model.parameterDefinitions() if not d.isDestination()]


def _check_model_as_shown(model, calculate):
    """What the toolbox and the dialog show of the model, against calculateindicators' own texts."""
    assert model.name() == "quartiersmonitor_pipeline"
    assert model.groupId() == calculate.groupId() == "indicators"
    assert model.group() == calculate.group()
    assert model.displayName() != model.name()
    names = [d.name() for d in _inputs(model)]
    assert names[:2] == ["quartiers", "quartier_id"]
    assert names.index("quartiers") < names.index("addresses") < names.index("counts")
    # choices as calculateindicators labels them, never the raw values
    assert model.parameterDefinition("classification").options() == \
        calculate.parameterDefinition("CLASSIFICATION").options()
    assert model.parameterDefinition("indicators").options() == calculate.parameterDefinition("INDICATORS").options()
    assert "quantile" not in model.parameterDefinition("classification").options()
    assert model.parameterDefinition("quartier_id").description() == \
        calculate.parameterDefinition("QUARTIER_ID").description()
    assert model.parameterDefinition("min_count").description() == \
        calculate.parameterDefinition("MIN_COUNT").description()


def test_model_is_shown_in_the_indicators_group_in_english(provider, english_locale):
    from quartiersmonitor.processing_provider.provider import bundled_models

    registry = QgsApplication.processingRegistry()
    calculate = registry.createAlgorithmById("quartiersmonitor:calculateindicators")
    listed = registry.algorithmById(MODEL_ID)
    assert (listed.groupId(), listed.group(), listed.displayName()) == \
        ("indicators", calculate.group(), "Quartiersmonitor pipeline")
    # a model as the dialog and processing.run create it (texts of the language QGIS speaks now)
    for model in (registry.createAlgorithmById(MODEL_ID), bundled_models()[0]):
        _check_model_as_shown(model, calculate)
        assert model.displayName() == "Quartiersmonitor pipeline"
        assert model.group() == "2 Indicators"
        assert model.parameterDefinition("classification").options()[0] == "Quantiles"
        assert model.parameterDefinition("indicators").options()[0].startswith("A.1 ")
        assert model.parameterDefinition("quartiers").description() == "Quartiers"
        assert model.parameterDefinition("indicators:indicators").description() == "Indicators"
    # the dialog order is that of the .model3 itself (QGIS reads "parameterOrder"), not only of our class
    plain = bundled_models()[0]
    assert [d.name() for d in _inputs(plain)][:4] == ["quartiers", "quartier_id", "municipality_field", "addresses"]


def test_model_is_shown_in_german(provider, german):
    from quartiersmonitor.indicators.catalog import load_catalog
    from quartiersmonitor.processing_provider.provider import bundled_models
    from quartiersmonitor.translation import tr

    calculate = QgsApplication.processingRegistry().createAlgorithmById("quartiersmonitor:calculateindicators")
    model = bundled_models()[0]
    _check_model_as_shown(model, calculate)
    assert model.group() == "2 Indikatoren"
    assert model.displayName() == tr("Quartiersmonitor pipeline")
    assert model.parameterDefinition("quartiers").description() == "Quartiere"
    assert model.parameterDefinition("classification").options()[0] == "Quantile"
    assert model.parameterDefinition("min_count").description() == "Mindestfallzahl (kleinere Zähler werden gesperrt)"
    catalog = load_catalog()
    first = catalog.ids()[0]
    assert model.parameterDefinition("indicators").options()[0] == "{} {}".format(first, catalog[first].name("de"))
    assert catalog[first].name("de") != catalog[first].name("en")
    assert model.parameterDefinition("attention:attention").description() == "Quartiere mit Aufmerksamkeitsbedarf"


def test_model_builder_gives_the_bundled_model_on_this_qgis(provider):
    """``build_pipeline_model.py`` run on this QGIS version makes the model we ship: the same public output names
    (QGIS >= 3.26 would name outputs after their descriptions and drop ``indicators``, whose new name clashed with
    the input of that name), the same inputs and the same child algorithms wired the same way."""
    import importlib.util

    from testpaths import REPO_ROOT

    spec = importlib.util.spec_from_file_location(
        "build_pipeline_model", os.path.join(REPO_ROOT, "resources", "models", "build_pipeline_model.py"))
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    built = builder.build()
    bundled = QgsApplication.processingRegistry().algorithmById(MODEL_ID)
    assert sorted(d.name() for d in built.destinationParameterDefinitions()) == PUBLIC_OUTPUTS
    # the same inputs, asked in the same order
    assert [d.name() for d in built.parameterDefinitions() if not d.isDestination()] == \
        [d.name() for d in bundled.parameterDefinitions() if not d.isDestination()]
    ok, errors = built.validate()
    assert ok, errors

    def wiring(model):
        return {cid: (child.algorithmId(), sorted(child.parameterSources()), sorted(child.modelOutputs()))
                for cid, child in model.childAlgorithms().items()}

    assert wiring(built) == wiring(bundled)


def test_model_runs_on_demo_data(provider, demo_folder, tmp_path):
    _needs_chain()
    from qgis.PyQt.QtGui import QImage

    from quartiersmonitor.cartography.indicator_style import renderer_class_ranges
    from quartiersmonitor.resources.models.pipeline import render_maps, run_demo

    demo_gpkg = os.path.join(demo_folder, "demo.gpkg")
    outputs = run_demo(demo_gpkg, str(tmp_path))
    indicators = QgsVectorLayer(outputs["indicators"], "indicators", "ogr")
    attention = QgsVectorLayer(outputs["attention"], "attention", "ogr")
    assert indicators.featureCount() == 158 and attention.featureCount() == 158
    assert os.path.getsize(outputs["report"]) > 0
    names = indicators.fields().names()
    for field in ("A1", "A1_num", "A1_den", "A1_lo", "A1_hi", "A1_z", "A1_class", "A1_flag", "W3", "W3_flag"):
        assert field in names

    # by hand from counts_2024: A.1 = sgb2_u65 / pop_u65 * 100 where published
    counts = counts_by_id(demo_gpkg, "counts_2024")
    published = 0
    for feature in indicators.getFeatures():
        row = counts[feature["quartier_id"]]
        if feature["A1_flag"] == "ok":
            published += 1
            assert feature["A1"] == pytest.approx(round(100.0 * row["sgb2_u65"] / row["pop_u65"], 1))
        else:
            assert feature["A1"] is None or str(feature["A1"]) == "NULL"
    assert published >= 50  # at scale 0.25 many quartiers fall under 300 residents
    # the tiny quartiers (< 300 residents in the address directory) are suppressed by population
    flags = {f["quartier_id"]: f["A1_flag"] for f in indicators.getFeatures()}
    tiny = [q for q, row in counts.items() if row["pop_total"] < 200]
    assert tiny and all(flags[q] == "suppressed" for q in tiny)

    # attention rule, feature by feature; dynamics from 2023
    classes = set()
    with_dynamics = 0
    for feature in attention.getFeatures():
        sc, dc, flag = feature["status_class"], feature["dynamics_class"], feature["attention"]
        if sc is None or str(sc) == "NULL":
            assert flag is None or str(flag) == "NULL"
            continue
        classes.add(sc)
        if dc is not None and str(dc) != "NULL":
            with_dynamics += 1
        expected = "yes" if sc in (3, 4) or (sc == 2 and dc == 3) else "no"
        assert flag == expected
    assert classes <= {1, 2, 3, 4} and len(classes) >= 3
    assert with_dynamics >= 50

    # styled in the GeoPackage: the reopened layers carry their renderers
    assert indicators.renderer().type() == "graduatedSymbol"
    assert len(renderer_class_ranges(indicators.renderer())) == 5
    assert attention.renderer().type() == "categorizedSymbol"

    # the rendered PNG is not blank and shows more than one class colour
    pngs = render_maps(outputs, str(tmp_path), 400, 330)
    image = QImage(pngs["indicators"])
    seen = {}
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            name = image.pixelColor(x, y).name()
            seen[name] = seen.get(name, 0) + 1
    class_colours = [r.symbol().color().name() for r in renderer_class_ranges(indicators.renderer())]
    assert sum(1 for c in class_colours if seen.get(c, 0) > 20) >= 3


def _qgis_process():
    for name in ("qgis_process.bin", "qgis_process"):  # Debian's wrapper passes an option 3.22 does not know
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("qgis_process not installed")


@pytest.mark.slow
def test_model_runs_with_qgis_process(provider, demo_folder, tmp_path):
    _needs_chain()
    from quartiersmonitor.resources.models.pipeline import qgis_process_command

    executable = _qgis_process()
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    os.symlink(repo, str(plugins / "quartiersmonitor"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"), PYTHONDONTWRITEBYTECODE="1")
    enable = subprocess.run([executable, "plugins", "enable", "quartiersmonitor"], env=env, capture_output=True,
                            text=True, timeout=300)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    output = str(tmp_path / "headless.gpkg")
    command = qgis_process_command(os.path.join(demo_folder, "demo.gpkg"), output, executable)
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    indicators = QgsVectorLayer(output + "|layername=indicators", "i", "ogr")
    attention = QgsVectorLayer(output + "|layername=attention", "a", "ogr")
    assert indicators.featureCount() == 158 and attention.featureCount() == 158
    assert sum(1 for f in attention.getFeatures() if f["attention"] == "yes") > 0
