# Two commands on a fresh machine with Python 3.11+: `make app` and `make test`.
# Each bootstraps .venv from uv.lock (uv itself is installed into .tools/ with pip).
PYTHON ?= python3
UV := .tools/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: app test test-fast lint bench env clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --locked --compile-bytecode --python $(PYTHON)
	touch $@

env: $(VENV)/.synced

## app: start the Streamlit app on the bundled data (listens on $(HOST):$(PORT) only)
app: env
	$(VENV)/bin/streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

## test: the whole suite (lint, unit, property, CLI, charts, notebooks, app, browser)
test: env
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest

## test-fast: the edit loop: everything but subprocesses, notebooks, AppTest and the browser (see pyproject.toml markers)
test-fast: env
	$(VENV)/bin/python -m pytest -m "not slow and not browser"

lint: env
	$(VENV)/bin/ruff check .

## bench: print the benchmark figures
bench: env
	for f in benchmarks/bench_*.py; do echo "== $$f"; $(VENV)/bin/python $$f || exit 1; done

clean:
	rm -rf $(VENV) .tools
