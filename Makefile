# The two commands of the README: `make brief` (run on seeds/) and `make test` (what CI runs).
# Both set up everything they need in .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCES := pyproject.toml $(wildcard briefing/*.py prompts/* templates/*)
DATE ?= $(shell date +%F)

.PHONY: brief test lint cassettes bench clean

# A non-editable install, as a user gets: proves the wheel carries prompts/ and templates/.
$(VENV)/.installed: $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q '.[local,test]'
	touch $@

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
