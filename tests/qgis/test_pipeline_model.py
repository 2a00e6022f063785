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
    assert sorted(d.name() for d in built.parameterDefinitions() if not d.isDestination()) == \
        sorted(d.name() for d in bundled.parameterDefinitions() if not d.isDestination())
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
