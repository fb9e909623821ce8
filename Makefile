# Two commands do everything on a fresh Debian machine (as root): `make serve`, `make test`.
# Elsewhere: create the venv the same way and run `.venv/bin/playwright install chromium`,
# then `CHROMIUM=` (empty) makes the tests use Playwright's own browser.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
# Quiet the theme's end-of-life banner in every build log.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint bench offline clean chromium

$(BIN)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

# Debian's chromium stands in for Playwright's browser download, which cannot run here.
chromium:
	@if [ -n "$(CHROMIUM)" ] && [ ! -x "$(CHROMIUM)" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "No $(CHROMIUM) and no apt-get: run '$(BIN)/playwright install chromium' and 'make test CHROMIUM='"; exit 1; \
	  fi; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check macros tests scripts
	$(BIN)/ruff format --check macros tests scripts

test: $(BIN)/.installed chromium lint build
	$(BIN)/pytest -q tests

# Without the browser tests: for a quick loop while editing data or macros.
test-fast: $(BIN)/.installed
	$(BIN)/pytest -q tests --ignore=tests/browser

# A zip of the site that works opened from disk (file://), with search and forms.
offline: $(BIN)/.installed
	rm -rf site-offline && mkdir -p build
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml
	rm -f build/iom-toolkit-offline.zip
	cd site-offline && ../$(BIN)/python -m zipfile -c ../build/iom-toolkit-offline.zip .
	@echo "Offline edition: build/iom-toolkit-offline.zip (unzip, then open index.html)"

clean:
	rm -rf site site-offline build
