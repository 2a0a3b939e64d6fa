# The two commands of the README: `make brief` (run on seeds/) and `make test` (what CI runs).
# Both set up everything they need in .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCES := pyproject.toml $(wildcard briefing/*.py prompts/* templates/*)
DATE ?= $(shell date +%F)

# llama.cpp's own `llama-server`, a second OpenAI-compatible server for the same GGUF file, built
# from the llama.cpp source vendored in the pinned llama-cpp-python sdist: nothing is downloaded but
# that sdist from the package registry (no curl, no web UI). About 6 minutes on 2 cores, once: the
# binary is kept outside the repository in $(LLAMA_SERVER_DIR), so reruns skip the build. Static
# (BUILD_SHARED_LIBS=OFF) so the one file runs from anywhere. Needs cmake and g++ (installed
# like the system packages below). Serve with
#   $(LLAMA_SERVER) -m <model.gguf> --host 127.0.0.1 --port 8080
LLAMA_CPP_PYTHON := 0.3.36
LLAMA_SERVER_DIR ?= $(HOME)/.cache/briefing/llama-server-$(LLAMA_CPP_PYTHON)
LLAMA_SERVER := $(LLAMA_SERVER_DIR)/llama-server
JOBS ?= 2
# ggml compiled for this CPU (-march=native) uses AMX tiles wherever the CPU reports them, and a
# virtual machine may report AMX without enabling it: the model server then dies with a general
# protection fault on its first matrix product (seen on this project's CI machine). Explicit
# -mno-amx-* beat -march=native; the model is small enough that AVX-512 does as well.
NO_AMX := $(if $(filter x86_64,$(shell uname -m)),-mno-amx-tile -mno-amx-int8 -mno-amx-bf16)
# llama-cpp-python is built without AMX into a wheel folder of our own: pip's wheel cache is keyed
# by the sdist, not by CFLAGS, and would hand back an AMX build made before.
LOCAL_WHEELS := $(HOME)/.cache/briefing/wheels-noamx-$(LLAMA_CPP_PYTHON)

.PHONY: brief test lint cassettes bench clean system-packages llama-server

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
	test -n "$$(ls $(LOCAL_WHEELS)/llama_cpp_python-$(LLAMA_CPP_PYTHON)-*.whl 2>/dev/null)" || \
	  CFLAGS="$(NO_AMX)" CXXFLAGS="$(NO_AMX)" $(BIN)/python -m pip wheel -q --no-cache-dir \
	    --no-deps --no-binary llama-cpp-python -w $(LOCAL_WHEELS) llama-cpp-python==$(LLAMA_CPP_PYTHON)
	$(BIN)/python -m pip install -q --find-links $(LOCAL_WHEELS) '.[local,test]'
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

# Builds llama-server first (about 6 minutes once, then cached outside the repository) so the
# embedded tests also brief on llama.cpp's own server; the replayed cassettes do not need it.
test: $(VENV)/.installed $(LLAMA_SERVER)
	$(BIN)/ruff check briefing tests bench
	BRIEFING_LLAMA_SERVER=$(LLAMA_SERVER) $(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check briefing tests bench
	$(BIN)/ruff format --check briefing tests bench

# Re-record every cassette against the real embedded model (about 6 minutes), and the second
# set (cassettes/llama-server/) against llama-server.
cassettes: $(VENV)/.installed $(LLAMA_SERVER)
	BRIEFING_RECORD=1 BRIEFING_LLAMA_SERVER=$(LLAMA_SERVER) \
	  $(BIN)/python -m pytest -m "not embedded" -p no:randomly

clean:
	rm -rf $(VENV) build dist briefings

llama-server: $(LLAMA_SERVER)

$(LLAMA_SERVER):
	@$(MAKE) --no-print-directory system-packages SYSTEM_PACKAGES="cmake g++"
	rm -rf $(LLAMA_SERVER_DIR)/src && mkdir -p $(LLAMA_SERVER_DIR)/src
	$(PYTHON) -m pip download -q --no-deps --no-binary :all: -d $(LLAMA_SERVER_DIR)/src \
	  llama-cpp-python==$(LLAMA_CPP_PYTHON)
	tar -xzf $(LLAMA_SERVER_DIR)/src/llama_cpp_python-$(LLAMA_CPP_PYTHON).tar.gz -C $(LLAMA_SERVER_DIR)/src
	cmake -S $(LLAMA_SERVER_DIR)/src/llama_cpp_python-$(LLAMA_CPP_PYTHON)/vendor/llama.cpp \
	  -B $(LLAMA_SERVER_DIR)/src/build -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
	  -DCMAKE_C_FLAGS="$(NO_AMX)" -DCMAKE_CXX_FLAGS="$(NO_AMX)" \
	  -DLLAMA_CURL=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
	nice cmake --build $(LLAMA_SERVER_DIR)/src/build --target llama-server -j$(JOBS)
	cp $(LLAMA_SERVER_DIR)/src/build/bin/llama-server $@.tmp && mv $@.tmp $@
	rm -rf $(LLAMA_SERVER_DIR)/src
