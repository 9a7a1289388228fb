# One command sets up and runs the main job; one sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint accuracy

$(BIN)/realpolitik: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(BIN)/realpolitik

setup: $(BIN)/realpolitik

demo: setup
	$(BIN)/realpolitik demo

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q

accuracy: setup
	$(BIN)/python benchmarks/accuracy.py --write docs/accuracy.md
