# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.duckdb
SAMPLE := src/thucydides/data/sample/articles.jsonl

.PHONY: demo test lint venv browser eval clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	# Bytecode for the package's own modules (an editable install has none, and with
	# PYTHONDONTWRITEBYTECODE set Python never writes it): every CLI start saves ~0.1 s.
	$(BIN)/python -m compileall -q src
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(BIN)/thucydides ingest $(SAMPLE) --db $(DEMO_DB)
	$(BIN)/thucydides stats --db $(DEMO_DB)
	@echo
	@echo "Explore the store:  $(BIN)/thucydides export --db $(DEMO_DB) --format csv | less"
	@echo "                    $(BIN)/thucydides explain \"Turkish police detained 1,879 protesters in Istanbul on Sunday.\""

# The browser tests drive Debian's Chromium (Playwright's own download is not used).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "note: /usr/bin/chromium is missing (sudo apt-get install chromium); browser tests will skip"; fi; \
	fi

test: venv browser lint
	$(BIN)/pytest -q

# Bugs ruff finds and type errors, before any test runs (settings in pyproject.toml).
lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# The dev-gold tables for BENCHMARKS.md: each file's two halves apart (work from
# half a, keep half b unseen), then PETRARCH's unit tests with its own dictionaries.
GOLD := ../shared/gold/dev
REFERENCE := ../shared/reference
eval: venv
	@for half in a b; do \
		echo "### half $$half"; \
		$(BIN)/thucydides eval --format markdown --half $$half $(GOLD)/cameo-manual.jsonl \
			$(GOLD)/conflibert-cameo-class.jsonl $(GOLD)/glocon-sentences.jsonl $(GOLD)/event-location.jsonl \
			tests/data/gold/articles.jsonl; \
	done
	@$(BIN)/thucydides eval --format markdown --dictionaries $(REFERENCE)/petrarch-validate --only-dictionaries \
		$(GOLD)/petrarch-unit.jsonl

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
