# Erfa: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell scripts/find-python)

.PHONY: run test cluster-test install install-test lint messages clean-db screenshots

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Erfa needs Python 3.12 or newer, and none was found."; \
		echo "Install it (for example: pyenv install 3.12, or apt-get install python3.12 python3.12-venv) and run make again."; \
		exit 1; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet ".[test]"
	touch $@ $(VENV)/.installed

## make run: a development server with demo content on http://127.0.0.1:8000 (another port: make run PORT=8124)
PORT ?= 8000
run: export DJANGO_DEBUG ?= 1
# Links in e-mails and calendar files point at the server started here (setup_site keeps the site in step).
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(PY) manage.py compile_translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_site
	$(PY) manage.py setup_roles
	$(PY) manage.py create_demo_users
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: the whole suite against a throwaway PostgreSQL and OpenSearch
# One pytest worker per core (pytest-xdist), each with its own test database. `--dist load` hands the
# tests out in pytest-django's order (database tests, then transactional ones, then the rest), so no
# worker runs a test that needs the migrations' data after a transactional test has flushed its database;
# `--dist loadfile` would send a file's transactional tests along with its others. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: export ERFA_TESTING = 1
test: $(VENV)/.installed-test
	$(PY) manage.py compile_translations
	$(PY) -m ruff check .
	$(PY) scripts/run_tests.py -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

## make cluster-test: Erfa as on several machines (docs/deploy.md), on loopback ports: nginx, two app
## servers, a task worker, PostgreSQL, two OpenSearch nodes, Redis and an SMTP sink, under 60 s of load
cluster-test: export ERFA_TESTING = 1
cluster-test: $(VENV)/.installed-test
	$(PY) manage.py compile_translations
	$(PY) scripts/cluster_test.py

lint: $(VENV)/.installed-test
	$(PY) -m ruff check .

## make messages: collect new interface strings into the .po files of all four translations,
## and new Wagtail admin strings into portal/wagtail_locale/
messages: install
	cd $(CURDIR) && $(PY) manage.py makemessages --locale sv --locale nb --locale da --locale nl --ignore ".venv/*" --ignore "scripts/*" --no-obsolete
	$(PY) manage.py update_admin_catalogues

## make screenshots: desktop and mobile screenshots of the main pages in English and Swedish, from a
## throwaway SQLite database with the demo content, into docs/screenshots/ (needs Debian's chromium)
screenshots: $(VENV)/.installed-test
	$(PY) scripts/screenshots.py $(SCREENSHOTS_ARGS)
