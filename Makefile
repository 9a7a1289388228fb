# One command sets up and runs the main job; one sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/realpolitik/web/static/vendor
FRONTEND := src/realpolitik/web/frontend

.PHONY: setup demo test lint accuracy

$(BIN)/realpolitik: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(BIN)/realpolitik

# The web app's chart and graph libraries come from npm at build time and are
# shipped inside the package; nothing is fetched from a CDN at run time.
$(VENDOR)/vega.min.js: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	sh $(FRONTEND)/build.sh

setup: $(BIN)/realpolitik $(VENDOR)/vega.min.js

demo: setup
	$(BIN)/realpolitik demo

test: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

accuracy: setup
	$(BIN)/python benchmarks/accuracy.py --write docs/accuracy.md
