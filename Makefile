# Faro. `make demo` runs it, `make test` tests it; both set up everything they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
NLU_VENV := nlu/.venv
SERVICE_STAMP := $(VENV)/.faro-installed
NLU_STAMP := $(NLU_VENV)/.faro-installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help demo test setup service-env nlu-env model database browser lint format \
        nlu-report bench locales-extract locales-init locales-check clean

help:
	@echo "make demo        set up everything and run Faro on http://$(HOST):$(PORT)"
	@echo "make test        set up everything and run the whole test suite"
	@echo "make lint        ruff (lint + format check) and mypy"
	@echo "make nlu-report  held-out NLU evaluation into nlu/reports/"
	@echo "make bench       throughput and latency benchmark (prints figures)"
	@echo "make locales-extract  refresh the gettext catalogues; make locales-check  every string in every language"

# -- environments ---------------------------------------------------------------------

$(SERVICE_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

service-env: $(SERVICE_STAMP)

$(NLU_STAMP): nlu/requirements.lock scripts/find-python310.sh
	@py310=$$(scripts/find-python310.sh) || exit 1; \
	  test -x $(NLU_VENV)/bin/python || "$$py310" -m venv $(NLU_VENV)
	$(NLU_VENV)/bin/python -m pip install --quiet --upgrade 'pip<24.1'
	$(NLU_VENV)/bin/python -m pip install --quiet -r nlu/requirements.lock
	touch $@

nlu-env: $(NLU_STAMP)

setup: service-env nlu-env

# Trains only when nlu/config.yml or content/examples/ changed since the last model.
model: setup
	$(PY) -m bot train

database: service-env
	$(PY) -m bot db upgrade
	$(PY) -m bot content load

browser:
	@scripts/ensure-chromium.sh >/dev/null

# -- the two quick-start commands -----------------------------------------------------

# Demo staff accounts (one per role) are made once; their passwords are printed then only.
demo: model database
	$(PY) -m bot users demo
	$(PY) -m bot serve --host $(HOST) --port $(PORT)

test: model browser
	@$(PY) -m bot content validate
	@set +e; $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	  exit $$status

# -- the rest -------------------------------------------------------------------------

lint: service-env
	$(VENV)/bin/ruff check bot tests bench nlu/tools
	$(VENV)/bin/ruff format --check bot tests bench nlu/tools
	$(VENV)/bin/mypy bot tests bench

format: service-env
	$(VENV)/bin/ruff check --fix bot tests bench nlu/tools
	$(VENV)/bin/ruff format bot tests bench nlu/tools

nlu-report: model
	$(PY) nlu/tools/report.py
	$(PY) nlu/tools/protective.py
	$(PY) nlu/tools/multineed.py
	$(PY) nlu/tools/foreign.py

# Extra arguments reach the bench either way: `make bench ARGS="--postgres --soak 100000"`
# or `make bench -- --postgres --soak 100000` (the words after `bench` are taken as its
# arguments, and made into targets that do nothing). Write `--soak 100000`, not
# `--soak=100000`: make reads a word with "=" as a variable.
ifeq (bench,$(firstword $(MAKECMDGOALS)))
BENCH_ARGS := $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
$(eval $(BENCH_ARGS):;@:)
endif

bench: model
	$(PY) bench/webhook_bench.py $(BENCH_ARGS) $(ARGS)

locales-extract: service-env
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location --sort-output \
	  --project Faro --copyright-holder Faro -o locales/faro.pot bot
	$(VENV)/bin/pybabel update -D faro -i locales/faro.pot -d locales --no-fuzzy-matching
	$(VENV)/bin/pybabel extract -F bot/web/desk/babel.cfg --no-default-keywords -k M_ \
	  -k MN_:1,2 -k _ -k gettext -k ngettext:1,2 --no-location --sort-output \
	  --project Faro --copyright-holder Faro -o locales/desk.pot .
	$(VENV)/bin/pybabel update -D desk -i locales/desk.pot -d locales --no-fuzzy-matching

# A new language's catalogues, from the templates: `make locales-init LANGUAGE=qu`; then
# translate them (README, "Adding a language").
locales-init: service-env
	test -n "$(LANGUAGE)" || (echo "usage: make locales-init LANGUAGE=<code>" >&2; exit 2)
	$(VENV)/bin/pybabel init -D faro -i locales/faro.pot -d locales -l $(LANGUAGE)
	$(VENV)/bin/pybabel init -D desk -i locales/desk.pot -d locales -l $(LANGUAGE)

# Every supported language has every fixed string (the people's and the staff's catalogues).
locales-check: service-env
	$(PY) -m pytest -q -p no:cacheprovider tests/core/test_i18n.py tests/web/test_desk.py \
	  -k "translat or missing or catalogue"

clean:
	rm -rf var nlu/models nlu/results .pytest_cache .mypy_cache .ruff_cache
