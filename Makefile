# Two commands do everything on a fresh Debian machine (root or sudo): `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_PACKAGES ?=
TEST_SYSTEM_PACKAGES := icecast2 systemd logrotate chromium chromium-driver faketime

.PHONY: demo test lint system venv clean bench

demo: venv
	$(BIN)/broadcaster demo

test: SYSTEM_PACKAGES := $(TEST_SYSTEM_PACKAGES)
test: venv
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: venv
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

system:
	tools/setup-system.sh $(SYSTEM_PACKAGES)

venv: system $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) var scripts/*/ audio_out/*/ .pytest_cache
