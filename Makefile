# Two commands matter: `make serve` and `make test`. Both set everything up
# first and are safe to run again (each step is skipped when it is done).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# pyodide-lock needs Python 3.12+; the checker itself runs on 3.11+.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	"$$p" -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
# `make lock` resolves on the oldest Python the venv supports, so that every pin
# installs there and on anything newer.
LOCK_PYTHON ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3; do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
# The test, docs and dev groups of pyproject.toml, pinned with hashes by `make lock`.
LOCK := requirements/lock.txt
LOCK_TOOLS := build/lock-tools
CHROMIUM := /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export NO_MKDOCS_2_WARNING := 1  # Material prints a banner about its successor on every build

.PHONY: help setup lock lock-upgrade browser stage build serve test test-js lint bench eval clean

help:
	@echo "make serve   set up, build and serve the site at http://127.0.0.1:8000/handbook/"
	@echo "make test    set up and run every test (lint, types, unit, site, browser)"
	@echo "make build   build the site into site/"
	@echo "make bench   print speed figures (CPython and headless Chromium)"
	@echo "make eval    print each rule's precision and recall (development, held-out and blind corpora)"

setup: $(VENV)/.installed node_modules/.installed

# Every tool comes from the lock, checked against its hashes; the checker itself
# has no dependencies and is installed editable on top, built with the locked
# setuptools (no build isolation: nothing is fetched unpinned).
$(VENV)/.installed: pyproject.toml $(LOCK)
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (for pyodide-lock)" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Regenerate the lock after changing [dependency-groups] in pyproject.toml: keeps
# the current pins where they still fit. `make lock-upgrade` moves every pin to
# the newest release allowed. pip-tools lives in its own venv, not in .venv.
lock:
	@test -n "$(LOCK_PYTHON)" || { echo "error: make lock needs Python 3.12 (set LOCK_PYTHON)" >&2; exit 2; }
	test -x $(LOCK_TOOLS)/bin/pip-compile || { $(LOCK_PYTHON) -m venv $(LOCK_TOOLS) && \
		$(LOCK_TOOLS)/bin/python -m pip install --quiet "pip-tools==7.7.0"; }
	$(LOCK_TOOLS)/bin/python scripts/lock_inputs.py build/lock-inputs
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes \
		--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_FLAGS) \
		--output-file $(LOCK) build/lock-inputs/test.in build/lock-inputs/docs.in build/lock-inputs/dev.in

lock-upgrade:
	$(MAKE) lock LOCK_FLAGS=--upgrade

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium, driven by Playwright through executable_path.
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) || { echo "error: $(CHROMIUM) could not be installed" >&2; exit 2; }

# The Pyodide runtime, the checker wheel and the site's pyodide-lock.json, staged in
# build/ for the MkDocs hook to copy into the site. Each part has its own stamp: this
# rebuilds only what changed, and nothing when nothing did.
stage: setup
	$(BIN)/python scripts/stage_pyodide.py

build: stage
	$(BIN)/mkdocs build --strict

# Rebuilds on edits to docs/, mkdocs.yml, checker/, hooks/ and overrides/; a checker edit
# also re-stages the browser's wheel (hooks/dev_loop.py).
serve: stage
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: setup browser build lint test-js
	$(BIN)/python -m pytest

# The checker page's pure modules (overrides/assets/checker/), under Node's own runner.
test-js:
	node --test tests/js/

bench: setup browser build
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_files.py
	$(BIN)/python scripts/bench_audit.py
	$(BIN)/python scripts/bench_audit_browser.py

# Precision and recall of each rule on the development corpus (tests/corpus/), then,
# separately, on the held-out and blind corpora written from the handbook alone
# (tests/corpus/heldout/, tests/corpus/blind/); a measuring tool: it fails only when a
# corpus is malformed. EVAL_ARGS=--verbose
eval: setup
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
