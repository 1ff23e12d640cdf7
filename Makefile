# huashu — every target says what it does in `make help`.
SHELL := /bin/bash
PYTHON ?= python3.10
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore

.DEFAULT_GOAL := help
.PHONY: help install train model run test lint format evaluate validate bench screenshots clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# This machine's pip configuration names local wheel folders that may not exist; its
	@# warnings about them are filtered, pip's own exit status still fails the target.
	set -o pipefail; $(PY) -m pip install --quiet -c constraints.txt -e '.[dev]' 2>&1 \
		| { grep -v '^WARNING: Location' || true; }
	touch $@

install: $(VENV)/.installed ## create .venv (Python 3.10) and install the pinned dependencies

train: install ## train a new model into models/ (NLU pipeline + rules)
	$(PY) -m bot train

model: install ## train a model only if models/ has none
	@ls models/*.tar.gz >/dev/null 2>&1 || $(PY) -m bot train

run: model ## serve the API with the demo shop on 127.0.0.1:8000 (sets up and trains if needed)
	$(PY) -m api

test: install ## run the whole test suite (trains a small model once per session)
	$(PY) -m pytest -q

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

validate: install ## rasa data validate (domain, NLU data, rules)
	$(RASA) data validate --fail-on-warnings

evaluate: install ## train on data/ and report on a held-out split and ../shared/eval/dev.tsv
	$(PY) -m bot evaluate

bench: model ## parse and API benchmarks (figures for the README)
	$(PY) bench/bench_parse.py
	$(PY) bench/bench_api.py

screenshots: model ## PNGs of every console page at 1366x768 into docs/screenshots/ (needs chromium)
	$(PY) -m tests.console.screenshots docs/screenshots

clean: ## remove the virtualenv, models and caches
	rm -rf $(VENV) models var reports .pytest_cache .ruff_cache *.egg-info
