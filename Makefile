# The two commands of the README contract: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export PORT
MANAGE := $(PY) manage.py
# The pinned npm tools the browser tests use, when npm is there (CI installs it).
NODE_TOOLS := $(if $(shell command -v npm),node_modules/.package-lock.json)

.PHONY: help install install-dev run setup serve demo test test-browser screenshots docs-screenshots audit lint format lock messages bench clean backup restore

help:
	@echo "make run    set up everything and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test   install the test tools and run the whole suite"
	@echo "make lint   import rules + ruff + djlint + hadolint;  make format   fix formatting"
	@echo "make messages   extract and compile the template translations"
	@echo "make test-browser   the browser journeys, axe and keyboard checks alone (Debian's chromium)"
	@echo "make screenshots   every page type at 390 and 1280 px in both languages (test-artifacts/site/)"
	@echo "make audit   Lighthouse on the main pages in both languages (phone preset)"
	@echo "make bench   load test: uncached, cold, warm, floor, nginx, after a publish, long tail, sustained (bench/README.md)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(PY)
	$(PIP) install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt | $(PY)
	$(PIP) install --quiet -r requirements/dev.txt
	touch $@ $(VENV)/.base-installed

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

# Migrate (always --noinput: wagtail_modeltranslation adds Page's translation
# columns outside Django's migrations and would otherwise ask), fill the
# translation columns, collect static files, load the demo content and build
# the search index.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo_content
	$(MANAGE) update_search_documents

# gunicorn in the foreground and, beside it, the worker (background jobs and the
# scheduler: e-mails, search documents, share images, scheduled publishing),
# stopped with it (Ctrl+C, or gunicorn exiting for any reason).
serve: install
	@echo ""
	@echo "  OswegO is served on http://127.0.0.1:$(PORT)/  (French: /fr/, English: /en/, admin: /admin/)"
	@echo "  with a worker for background jobs and scheduled publishing beside it"
	@echo "  Mail the site sends (review requests, approvals, leads) is written to $${EMAIL_FILE_PATH:-$(CURDIR)/var/mail}/"
	@echo ""
	@$(MANAGE) worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config gunicorn.conf.py oswego_site.wsgi

run: setup serve

demo: install
	$(MANAGE) load_demo_content

test: install-dev $(NODE_TOOLS)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Real Chromium (/usr/bin/chromium, Debian's package) against gunicorn and
# PostgreSQL; make test runs them too.
test-browser: install-dev $(NODE_TOOLS)
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

# Every page type at 390 and 1280 px in French and English (SCREENSHOTS_OUT, default test-artifacts/site/),
# taken by the browser tests on a fresh site; they also check the header's height and sideways overflow.
SCREENSHOTS_OUT ?= $(CURDIR)/test-artifacts/site
screenshots: install-dev
	SITE_SCREENSHOTS_DIR=$(SCREENSHOTS_OUT) $(VENV)/bin/pytest -m browser tests/browser/test_site_screenshots.py -k fits
	@echo "Screenshots in $(SCREENSHOTS_OUT)"

# The editor's guide's pictures (docs/images/), taken by the browser tests.
docs-screenshots: install-dev $(NODE_TOOLS)
	DOCS_SCREENSHOTS_DIR=$(CURDIR)/docs/images $(VENV)/bin/pytest -m browser tests/browser/test_editor_guide_screenshots.py

# Pinned npm tools (axe-core, Lighthouse), installed from package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Lighthouse, phone preset, on the main pages in both languages: fails below
# 100 in Accessibility, Best Practices or SEO (Performance is only printed).
audit: install-dev node_modules/.package-lock.json
	$(PY) -m tests.browser.live_site -- node tests/browser/audit.mjs

lint: install-dev
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/hadolint Dockerfile

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat --quiet || true

messages: install-dev
	$(MANAGE) makemessages --locale fr --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(MANAGE) compilemessages --locale fr --ignore '.venv/*'

lock: install-dev
	$(PIP) install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.txt pyproject.toml

# Load test on this machine, a few minutes (bench/README.md): gunicorn against
# PostgreSQL and Redis, wrk and nginx from Debian (installed when missing). Not in CI.
bench: install
	$(PY) bench/run.py

# A PostgreSQL dump of DATABASE_URL and an archive of the media, in var/backups/<timestamp>/.
backup:
	bin/backup

# Into an empty database and media folder: make restore BACKUP=var/backups/<timestamp>
restore:
	bin/restore "$(BACKUP)"

clean:
	rm -rf $(VENV) var
