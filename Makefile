# The two commands of README: `make demo` (run the main job on the embedded default) and
# `make test` (install what the tests need and run them). Both set up .venv on first use.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: install demo desk test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/newsdesk demo

# the editor's desk on the demo data (after `make demo`): http://127.0.0.1:8000/login;
# make an account first: .venv/bin/newsdesk user add NAME --role admin
desk: install
	$(VENV)/bin/newsdesk serve

# Python packages come from .venv; the system tools some tests use cannot, so say which
# are missing in one line (those tests skip) rather than run a package manager from make.
test: install
	@missing=""; command -v pdftotext >/dev/null 2>&1 || missing=" poppler-utils"; \
	fc-list :lang=zh family 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	[ -n "$${NEWSDESK_TEST_POSTGRES:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		|| command -v initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -z "$$missing" ] || echo "make test: some tests will skip (PDF, PostgreSQL); install:$$missing (Debian/Ubuntu: sudo apt-get install$$missing)"
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

bench: install
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf newsdesk-data demo-output .pytest_cache
