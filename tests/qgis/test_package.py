"""`make package` builds a zip that QGIS's plugin loader installs and starts, without tests or tooling."""

import os
import subprocess
import textwrap
import zipfile

import pytest

from testpaths import REPO_ROOT


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("pkg")
    build = subprocess.run(["make", "-s", "package", "BUILD={}".format(out / "build")], cwd=REPO_ROOT,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    path = os.path.join(REPO_ROOT, "quartiersmonitor.zip")
    assert os.path.exists(path)
    return path


def test_zip_holds_one_plugin_folder_without_tests_or_tooling(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert names and all(n.startswith("quartiersmonitor/") for n in names)
    for required in ("metadata.txt", "__init__.py", "plugin.py", "translation.py", "processing_provider/provider.py",
                     "resources/icons/quartiersmonitor.svg", "i18n/quartiersmonitor_de.qm",
                     "resources/models/quartiersmonitor_pipeline.model3", "resources/layouts/quartier_sheet_a4.qpt"):
        assert "quartiersmonitor/" + required in names, required
    forbidden = ("tests/", "benchmarks/", ".ci/", "scripts/", "docs/", "Makefile", "pyproject.toml", ".git",
                 "__pycache__", ".pyc", ".venv", "README.md", "requirements-dev.txt", "demo-output", "build/",
                 "resources/demo/", "resources/models/build_pipeline_model.py", "resources/models/pipeline.py")
    offending = [n for n in names if any(part in n[len("quartiersmonitor/"):] for part in forbidden)]
    assert offending == []


def test_zip_installs_into_a_plugins_folder_and_loads(plugin_zip, tmp_path):
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    script = textwrap.dedent("""
        import os, sys
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        import qgis.utils
        sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
        from processing.core.Processing import Processing
        Processing.initialize()
        plugins = sys.argv[1]
        sys.path.insert(0, plugins)
        qgis.utils.plugin_paths = [plugins]
        qgis.utils.updateAvailablePlugins()
        assert "quartiersmonitor" in qgis.utils.available_plugins, qgis.utils.available_plugins
        assert qgis.utils.loadPlugin("quartiersmonitor")
        assert qgis.utils.startProcessingPlugin("quartiersmonitor") or qgis.utils.startPlugin("quartiersmonitor")
        import quartiersmonitor
        location = os.path.realpath(quartiersmonitor.__file__)
        assert location.startswith(os.path.realpath(plugins)), location
        provider = QgsApplication.processingRegistry().providerById("quartiersmonitor")
        assert provider is not None
        print("ALGORITHMS", len(provider.algorithms()))
        qgis.utils.unloadPlugin("quartiersmonitor")
        assert QgsApplication.processingRegistry().providerById("quartiersmonitor") is None
        print("OK")
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3", "-c", script, str(plugins)], capture_output=True, text=True, env=env,
                          cwd=str(tmp_path), timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK" in proc.stdout
