# The one interface to Otklik. `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FUZZ_EXAMPLES ?= 100
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help install browser-tools spec-tools lint-specs run test chaos lint format migrate openapi clients fuzz demo bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Otklik needs Python 3.11+")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP) ## create .venv and install the locked dependencies

AXE_CORE_VERSION := 4.10.2
browser-tools: ## axe-core from npm into .tools/ (git-ignored) for the citizen pages' accessibility tests
	test -f .tools/node_modules/axe-core/axe.min.js || \
	  npm install --no-save --no-audit --no-fund --prefix .tools axe-core@$(AXE_CORE_VERSION)

REDOCLY_VERSION := 1.34.20
REDOCLY := .tools/redocly/node_modules/.bin/redocly
SPECS := services/plans-api/openapi.json services/feedback-api/openapi.json services/reporting-worker/openapi.json
spec-tools: ## Redocly CLI from npm into .tools/redocly (git-ignored) for `make lint-specs`
	test -x $(REDOCLY) || \
	  npm install --no-save --no-audit --no-fund --prefix .tools/redocly @redocly/cli@$(REDOCLY_VERSION)

lint-specs: spec-tools ## Redocly's recommended rules over the committed specs (exceptions: .redocly.lint-ignore.yaml)
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true $(REDOCLY) lint --format stylish $(SPECS)

run: $(STAMP) ## the whole system: DB, Redis, migrations, three APIs and the worker (Ctrl-C stops)
	$(BIN)/otklik run

test: $(STAMP) ## the test suite against real PostgreSQL and Redis, the fault tests included
	$(BIN)/pytest -m "not kill_window"

chaos: $(STAMP) ## every fault test: real processes, signals, outages; prints each test's figures
	$(BIN)/pytest tests/chaos -m chaos -s

lint: $(STAMP) ## the pre-commit hooks over every file (ruff, ruff format --check, file sizes), mypy --strict
	$(BIN)/pre-commit run --all-files --show-diff-on-failure
	$(BIN)/mypy

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrate: $(STAMP) ## apply every schema's migrations to DATABASE_URL
	$(BIN)/otklik migrate

openapi: $(STAMP) ## write services/<name>/openapi.json from the code
	$(BIN)/otklik openapi

CLIENTS_OUT ?= build/clients
CLIENT_APIS := plans-api feedback-api reporting-worker

clients: $(STAMP) ## Python client packages of the three APIs from the committed specs: wheels in build/clients/dist
	mkdir -p $(CLIENTS_OUT)/dist
	for name in $(CLIENT_APIS); do \
	  $(BIN)/openapi-python-client generate --path services/$$name/openapi.json --meta setup \
	    --output-path $(CLIENTS_OUT)/$$name --overwrite \
	    --config services/openapi-python-client.yaml || exit 1; \
	  $(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation \
	    --wheel-dir $(CLIENTS_OUT)/dist $(CLIENTS_OUT)/$$name || exit 1; \
	done

fuzz: $(STAMP) ## schemathesis over every operation of the three specs (FUZZ_EXAMPLES per operation)
	OTKLIK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) OTKLIK_FUZZ_RANDOM=1 $(BIN)/pytest tests/test_fuzz.py -q

DEMO_FEEDBACK ?= 300000
demo: $(STAMP) ## fill the running `make run` with a demo region and its reports (DEMO_FEEDBACK=300000)
	$(BIN)/otklik demo --feedback $(DEMO_FEEDBACK)

bench: $(STAMP) ## benchmarks against same-run references -> docs/BENCHMARKS.md (BENCH_ARGS="--help")
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

lock: ## re-pin requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean: ## remove the venv, local data (.otklik) and built client packages (build)
	rm -rf $(VENV) .otklik .mypy_cache .ruff_cache .pytest_cache .hypothesis build
