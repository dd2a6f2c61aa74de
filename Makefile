# The one interface to Otklik. `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FUZZ_EXAMPLES ?= 100
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help install browser-tools spec-tools lint-specs clients-tools run test chaos lint format migrate openapi clients clients-java clients-ts fuzz demo bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

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

# Java and TypeScript clients of the committed specs (docs/CLIENTS.md). The generator's jar comes
# from PyPI (openapi-generator-cli bundles it) and carries the Jackson the Java client needs
# (Debian has no jackson-datatype-jsr310 of a matching version): its Jackson packages are copied
# into .tools/java/jackson.jar. The multipart and annotation jars are Debian's.
OPENAPI_GENERATOR_VERSION := 7.26.0
TOOLS := $(CURDIR)/.tools
GENERATOR_JAR := $(TOOLS)/openapi-generator-cli/openapi_generator_cli/openapi-generator.jar
JACKSON_JAR := $(TOOLS)/java/jackson.jar
DEBIAN_JARS := httpmime httpclient httpcore jakarta-annotation-api
DEBIAN_JAR_PACKAGES := libhttpmime-java libjakarta-annotation-api-java
SPACE := $(subst ,, )
JAVA_CLASSPATH := $(subst $(SPACE),:,$(JACKSON_JAR) $(DEBIAN_JARS:%=/usr/share/java/%.jar))
JAVA_APIS := plans-api feedback-api reporting-worker
JAVA_OPTIONS := openApiNullable=false,useJakartaEe=true,annotationLibrary=none,hideGenerationTimestamp=true
CLIENTS_BUILD ?= build/clients

clients-tools: $(STAMP) ## Java/TypeScript client tools: PyPI's openapi-generator-cli, Debian's jars, npm's openapi-typescript (.tools/)
	test -f $(GENERATOR_JAR) || $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  --target $(TOOLS)/openapi-generator-cli openapi-generator-cli==$(OPENAPI_GENERATOR_VERSION)
	test -f $(JACKSON_JAR) || ( rm -rf $(TOOLS)/java/jackson && mkdir -p $(TOOLS)/java/jackson && \
	  cd $(TOOLS)/java/jackson && jar xf $(GENERATOR_JAR) com/fasterxml/jackson/core \
	    com/fasterxml/jackson/databind com/fasterxml/jackson/annotation \
	    com/fasterxml/jackson/datatype/jsr310 && jar cf $(JACKSON_JAR) . && rm -rf $(TOOLS)/java/jackson )
	for jar in $(DEBIAN_JARS); do test -f /usr/share/java/$$jar.jar || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends \
	    $(DEBIAN_JAR_PACKAGES) >/dev/null; fi
	cmp -s clients/package-lock.json $(TOOLS)/clients/package-lock.json || ( \
	  mkdir -p $(TOOLS)/clients && cp clients/package.json $(TOOLS)/clients/ && \
	  cp clients/package-lock.json $(TOOLS)/clients/package-lock.json.new && \
	  mv $(TOOLS)/clients/package-lock.json.new $(TOOLS)/clients/package-lock.json && \
	  npm ci --no-audit --no-fund --prefix $(TOOLS)/clients >/dev/null || \
	  { rm -f $(TOOLS)/clients/package-lock.json; exit 1; } )

clients-java: ## Java clients (openapi-generator, library native) of the committed specs, compiled: build/clients/java/*.jar
	for name in $(JAVA_APIS); do \
	  pkg=ru.otklik.$$(echo $$name | tr -d -); out=$(CLIENTS_BUILD)/java/$$name; rm -rf $$out; mkdir -p $$out; \
	  java -jar $(GENERATOR_JAR) generate --input-spec services/$$name/openapi.json \
	    --generator-name java --library native --output $$out \
	    --ignore-file-override clients/java/$$name.openapi-generator-ignore \
	    --invoker-package $$pkg --api-package $$pkg.api --model-package $$pkg.model \
	    --group-id ru.otklik --artifact-id otklik-$$name-client \
	    --additional-properties $(JAVA_OPTIONS) >$$out.log 2>&1 || { cat $$out.log; exit 1; }; \
	  mkdir -p $$out/classes && javac -nowarn -encoding UTF-8 -d $$out/classes -cp $(JAVA_CLASSPATH) \
	    $$(find $$out/src/main/java -name '*.java') || exit 1; \
	  jar cf $(CLIENTS_BUILD)/java/otklik-$$name-client.jar -C $$out/classes . || exit 1; \
	done
	echo "$(JAVA_CLASSPATH)" > $(CLIENTS_BUILD)/java/classpath

clients-ts: ## TypeScript types (openapi-typescript) of the committed specs for openapi-fetch: build/clients/ts/*.ts
	mkdir -p $(CLIENTS_BUILD)/ts
	for name in $(JAVA_APIS); do \
	  $(TOOLS)/clients/node_modules/.bin/openapi-typescript services/$$name/openapi.json \
	    --output $(CLIENTS_BUILD)/ts/$$name.ts --default-non-nullable false --silent || exit 1; \
	done
	ln -sfn $(TOOLS)/clients/node_modules $(CLIENTS_BUILD)/ts/node_modules

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
