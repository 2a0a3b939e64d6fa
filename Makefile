# The two commands of the README: `make brief` (run on seeds/) and `make test` (what CI runs).
# Both set up everything they need in .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCES := pyproject.toml $(wildcard briefing/*.py prompts/* templates/*)
DATE ?= $(shell date +%F)

.PHONY: brief test lint cassettes bench clean system-packages

# WeasyPrint's system libraries (pango, harfbuzz), fonts covering Latin, accents and Cyrillic
# for the PDF, and pdftoppm (poppler-utils) for the rendered-page test. Debian/Ubuntu, as root
# (or through sudo); packages already installed are skipped, so a rerun runs no apt at all.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-dejavu-core fonts-noto-core poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# A non-editable install, as a user gets: proves the wheel carries prompts/ and templates/.
$(VENV)/.installed: $(SOURCES)
	@$(MAKE) --no-print-directory system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q '.[local,test]'
	touch $@

system-packages:
	@command -v dpkg-query >/dev/null || { echo "not Debian: install $(SYSTEM_PACKAGES) or equivalents"; exit 0; }; \
	missing=$$(for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

brief: $(VENV)/.installed
	$(BIN)/briefing generate seeds/

test: $(VENV)/.installed
	$(BIN)/ruff check briefing tests bench
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check briefing tests bench
	$(BIN)/ruff format --check briefing tests bench

# Re-record every cassette against the real embedded model (about 2 minutes).
cassettes: $(VENV)/.installed
	BRIEFING_RECORD=1 $(BIN)/python -m pytest -m "not embedded" -p no:randomly

clean:
	rm -rf $(VENV) build dist briefings
