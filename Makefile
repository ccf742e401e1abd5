# unlib — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= $(abspath ../shared)
export UNLIB_SHARED_DATA ?= $(SHARED)/data
DEMO_DATA ?= demo-data
# Browser tests: Debian's Chromium (never a browser downloaded by a test tool) and axe-core.
CHROMIUM    ?= /usr/bin/chromium
BROWSER_DIR := tests/browser
AXE         := $(BROWSER_DIR)/node_modules/axe-core/axe.min.js
export UNLIB_CHROMIUM ?= $(CHROMIUM)

.PHONY: install browser-deps test lint typecheck pytest demo bench bench-web bench-votes bench-symbols bench-vocab bench-xl bench-ask bench-subjects bench-sdg clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

browser-deps: $(AXE)
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y --no-install-recommends chromium; \
	fi

$(AXE): $(BROWSER_DIR)/package.json $(BROWSER_DIR)/package-lock.json
	cd $(BROWSER_DIR) && npm ci --no-audit --no-fund
	touch $(AXE)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser-deps
	$(BIN)/pytest -n 2 --dist loadgroup

test: lint typecheck pytest

demo: $(STAMP)
	$(BIN)/python -m unlib.demo --data $(DEMO_DATA) --shared "$(UNLIB_SHARED_DATA)"

bench: $(STAMP)
	$(BIN)/python bench/ingest_search.py

# wrk (Debian) is the load generator whose own cost does not distort the figures.
bench-web: $(STAMP)
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends wrk; }
	$(BIN)/python bench/web.py

bench-votes: $(STAMP)
	$(BIN)/python bench/votes_speeches.py

bench-symbols: $(STAMP)
	$(BIN)/python bench/symbols_eval.py

bench-xl: $(STAMP)
	$(BIN)/python bench/crosslingual.py --shared "$(UNLIB_SHARED_DATA)"
	$(BIN)/python bench/vector_search.py

bench-vocab: $(STAMP)
	$(BIN)/python bench/vocab.py

bench-subjects: $(STAMP)
	$(BIN)/python bench/subjects.py --shared "$(UNLIB_SHARED_DATA)"

bench-sdg: $(STAMP)
	$(BIN)/python bench/sdg_eval.py --shared "$(UNLIB_SHARED_DATA)"

bench-ask: $(STAMP)
	$(BIN)/python bench/faq_eval.py
	$(BIN)/python bench/ask_latency.py

clean:
	rm -rf $(VENV) $(DEMO_DATA) .pytest_cache .mypy_cache .ruff_cache artifacts $(BROWSER_DIR)/node_modules
