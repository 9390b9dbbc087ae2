# Two commands matter: `make serve` and `make test`. Both set everything up
# first and are safe to run again (each step is skipped when it is done).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# pyodide-lock needs Python 3.12+; the checker itself runs on 3.11+.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	"$$p" -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export NO_MKDOCS_2_WARNING := 1  # Material prints a banner about its successor on every build

.PHONY: help setup browser stage build serve test lint bench eval clean

help:
	@echo "make serve   set up, build and serve the site at http://127.0.0.1:8000/handbook/"
	@echo "make test    set up and run every test (lint, types, unit, site, browser)"
	@echo "make build   build the site into site/"
	@echo "make bench   print speed figures (CPython and headless Chromium)"
	@echo "make eval    print each rule's precision and recall on the development corpus"

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (for pyodide-lock)" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e . --group test --group docs --group dev
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium, driven by Playwright through executable_path.
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) || { echo "error: $(CHROMIUM) could not be installed" >&2; exit 2; }

# The Pyodide runtime, the checker wheel and the site's pyodide-lock.json,
# staged in build/ for the MkDocs hook to copy into the site.
stage: setup
	$(BIN)/python scripts/stage_pyodide.py

build: stage
	$(BIN)/mkdocs build --strict

serve: stage
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: setup browser build lint
	$(BIN)/python -m pytest

bench: setup browser build
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_audit.py

# Precision and recall of each rule on the development corpus (tests/corpus/);
# a measuring tool: it fails only when the corpus is malformed. EVAL_ARGS=--verbose
eval: setup
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
