# The two commands of README: `make demo` (run the main job on the embedded default) and
# `make test` (install what the tests need and run them). Both set up .venv on first use.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: install demo test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/newsdesk demo

test: install
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

bench: install
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf newsdesk-data demo-output .pytest_cache
