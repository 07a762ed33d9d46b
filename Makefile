# forcepages: `make site` builds the site from datapackages/, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test test-unit serve data validate bench snapshots browser-deps clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/python -m compileall -q scripts/forcepages  # bytecode for the editable package, as pip makes for installed ones
	touch $(STAMP)

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch node_modules/.installed

site: $(STAMP)
	$(BIN)/forcepages validate
	$(BIN)/forcepages build

validate: $(STAMP)
	$(BIN)/forcepages validate

serve: $(STAMP)
	$(BIN)/forcepages serve

data: $(STAMP)
	$(BIN)/python -m forcepages.importers

browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  { echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && apt-get install -y -qq chromium) || \
	    (sudo apt-get update -qq && sudo apt-get install -y -qq chromium); }

test: $(STAMP) browser-deps node_modules/.installed
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not serial"
	$(BIN)/python -m pytest -q -m serial

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 -m "unit and not serial"

snapshots: $(STAMP)
	FORCEPAGES_UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q tests/test_golden.py

bench: $(STAMP) browser-deps node_modules/.installed
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf build

translations: $(STAMP)
	$(BIN)/forcepages translations update
