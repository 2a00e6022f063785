# Quartiersmonitor developer tasks. `make test` and `make demo` are the only commands a newcomer needs:
# both run `setup` first (idempotent), which installs QGIS from apt when missing and builds .venv.

SHELL := /bin/bash
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
SYSPY := /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
BUILD := $(ROOT)/build
DEMO_DATA := $(BUILD)/demo
DEMO_OUT := $(ROOT)/demo-output
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

APT_PACKAGES := qgis python3-qgis qgis-providers python3-numpy python3-pandas python3-gdal python3-venv python3-pip \
	qttools5-dev-tools poppler-utils postgresql postgresql-postgis

.PHONY: all setup apt venv test test-unit demo lint package translations clean bench

all: translations

setup: apt venv translations

apt:
	@if ! $(SYSPY) -c "import qgis.core, numpy, pandas" >/dev/null 2>&1 \
	   || ! command -v pdfinfo >/dev/null 2>&1 || ! $(SYSPY) -c "import venv, ensurepip" >/dev/null 2>&1 \
	   || ! command -v qgis_process >/dev/null 2>&1 \
	   || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	   || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then \
	  echo "Installing QGIS and tools with apt-get"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi

# The venv sees Debian's PyQGIS, numpy and pandas; the constraints file pins numpy/pandas to Debian's versions so
# that pip never replaces them (numpy 2 would break Debian's compiled packages).
$(VENV)/.stamp: requirements-dev.txt
	$(SYSPY) -m venv --system-site-packages $(VENV)
	$(SYSPY) -c "import numpy, pandas; print('numpy==' + numpy.__version__); print('pandas==' + pandas.__version__)" > $(VENV)/constraints.txt
	$(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/constraints.txt -r requirements-dev.txt
	touch $@

venv: apt $(VENV)/.stamp

# The pure tests run first with pytest-qgis switched off (no QgsApplication: they must not need QGIS), then the
# QGIS tests with real layers, Processing and layouts.
test: setup
	cd $(ROOT) && $(PY) -m pytest tests/unit -p no:pytest_qgis
	cd $(ROOT) && $(PY) -m pytest tests/qgis

test-unit: setup
	cd $(ROOT) && $(PY) -m pytest tests/unit -p no:pytest_qgis

demo: setup
	$(PY) $(ROOT)/scripts/demo.py --data $(DEMO_DATA) --output $(DEMO_OUT)

lint: setup
	$(PY) -m ruff check $(ROOT)
	$(PY) -m flake8 --select=QGS --extend-ignore=QGS105,QGS202 --exclude=.venv,build,demo-output $(ROOT)
	$(PY) $(ROOT)/scripts/qgis4_scan.py $(ROOT)

translations: $(ROOT)/i18n/quartiersmonitor_de.qm

$(ROOT)/i18n/quartiersmonitor_de.qm: $(ROOT)/i18n/quartiersmonitor_de.ts
	@LRELEASE=$$(command -v lrelease || command -v lrelease-qt5 || ls /usr/lib/qt5/bin/lrelease /usr/lib/qt6/bin/lrelease 2>/dev/null | head -n1); \
	if [ -z "$$LRELEASE" ]; then $(MAKE) apt; LRELEASE=$$(command -v lrelease || ls /usr/lib/qt5/bin/lrelease | head -n1); fi; \
	$$LRELEASE -silent $< -qm $@

# Refresh the .ts from the tr("...") literals in the code (keeps existing translations).
update-ts: venv
	$(PY) $(ROOT)/scripts/update_ts.py $(ROOT) $(ROOT)/i18n/quartiersmonitor_de.ts

package: translations
	rm -rf $(BUILD)/package && mkdir -p $(BUILD)/package/quartiersmonitor
	cd $(ROOT) && git ls-files -co --exclude-standard \
	  | grep -vE '^(tests/|benchmarks/|docs/|scripts/|resources/demo/|resources/models/.*\.py$$|\.ci/|\.github/|Makefile$$|pyproject\.toml$$|requirements-dev\.txt$$|README\.md$$|\.gitignore$$)' \
	  | while read -r f; do [ -f "$$f" ] && install -D -m 644 "$$f" "$(BUILD)/package/quartiersmonitor/$$f"; done
	cp $(ROOT)/i18n/*.qm $(BUILD)/package/quartiersmonitor/i18n/
	rm -f $(ROOT)/quartiersmonitor.zip
	cd $(BUILD)/package && $(SYSPY) -c "import shutil; shutil.make_archive('$(ROOT)/quartiersmonitor', 'zip', '.', 'quartiersmonitor')"
	@echo "Wrote $(ROOT)/quartiersmonitor.zip"

bench: setup
	$(PY) -m pip install -q -c $(VENV)/constraints.txt -r benchmarks/requirements.txt
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(BUILD) $(DEMO_OUT) quartiersmonitor.zip i18n/*.qm .pytest_cache .ruff_cache
