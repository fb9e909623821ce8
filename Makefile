# Two commands do everything on a fresh Debian machine (as root): `make serve`, `make test`.
# Elsewhere: create the venv the same way and run `.venv/bin/playwright install chromium`,
# then `CHROMIUM=` (empty) makes the tests use Playwright's own browser.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
# `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000
# Debian packages install as root; elsewhere (a CI runner's user, a developer's laptop) through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Quiet the theme's end-of-life banner in every build log.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint bench offline clean system-packages lock

# requirements*.txt say what the site needs (compatible releases where a newer fix must be
# taken); requirements.lock pins every package, as tested. `make lock` after changing them.
$(BIN)/.installed: requirements.txt requirements-test.txt requirements.lock
	@# Debian's python3 needs the python3-venv package for this; install it if missing.
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c requirements.lock
	touch $@

lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	.venv-lock/bin/pip freeze > requirements.lock
	rm -rf .venv-lock

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

# Debian packages the tests need: chromium (stands in for Playwright's browser download, which
# cannot run here), Java for the Nu HTML checker, npm to fetch that checker, LibreOffice to open
# our CSV exports in a real spreadsheet, poppler-utils to read printed reports back from PDF
# (pdftotext, pdftoppm). Only what is missing is installed.
system-packages:
	@missing=""; \
	if [ -n "$(CHROMIUM)" ] && [ ! -x "$(CHROMIUM)" ]; then missing="chromium"; fi; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian packages:$$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing:$$missing. Install them, or for the browser run '$(BIN)/playwright install chromium' and 'make test CHROMIUM='"; exit 1; \
	  fi; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check macros tests scripts
	$(BIN)/ruff format --check macros tests scripts

# The Nu HTML checker (Java) from npm, pinned in tools/package.json.
VNU_JAR := tools/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tools/package.json | system-packages
	cd tools && npm ci --no-audit --no-fund --silent
	touch $@

test: $(BIN)/.installed system-packages $(VNU_JAR) lint build
	$(BIN)/pytest -q tests

# Without the browser tests: for a quick loop while editing data or macros.
test-fast: $(BIN)/.installed $(VNU_JAR)
	$(BIN)/pytest -q tests --ignore=tests/browser

# A zip of the site that works opened from disk (file://), with search and forms.
offline: $(BIN)/.installed
	rm -rf site-offline && mkdir -p build
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml
	rm -f build/iom-toolkit-offline.zip
	cd site-offline && ../$(BIN)/python -m zipfile -c ../build/iom-toolkit-offline.zip .
	@echo "Offline edition: build/iom-toolkit-offline.zip (unzip, then open index.html)"

# Figures for the budgets in the issues: page weight against a bare mkdocs-material page,
# build cost against the same Markdown without macros, in-browser speed, Lighthouse.
LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): tools/lighthouse/package.json | system-packages
	cd tools/lighthouse && npm ci --no-audit --no-fund --silent
	touch $@

bench: $(BIN)/.installed system-packages $(LIGHTHOUSE)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site site-offline build
