# pp-desktop: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_VAULT      ?= .demo-vault
DEMO_PASSPHRASE := resources/demo/passphrase.txt

.PHONY: run run-deps test check lint typecheck contracts pytest system-deps bench demo screenshots clean translations ts

# The environment: created (or refreshed when pyproject.toml changes) on first use.
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pp-desktop needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Translations: .ts sources (Qt Linguist) in resources/translations, compiled to .qm here
# (build outputs, git-ignored); tests/ui/test_translations.py fails on unfinished Russian.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(VENV)/.installed $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease $< -qm $@

# Refresh the .ts sources from the code (after adding or changing texts), then translate.
ts: $(VENV)/.installed
	$(BIN)/python -m pp_desktop.ui.service_texts_extract
	$(BIN)/pyside6-lupdate $$(find pp_desktop/ui -name '*.py' | sort) -ts $(TS_FILES)

# Start the application on a demo vault (made on first run; passphrase in the README).
run: run-deps $(VENV)/.installed translations
	@test -f $(DEMO_VAULT)/vault.key || $(BIN)/pp-desktop demo --vault $(DEMO_VAULT) --passphrase-file $(DEMO_PASSPHRASE)
	$(BIN)/pp-desktop gui --vault $(DEMO_VAULT)

# Everything CI checks: system packages, lint, types, layer contracts, the whole test suite.
test: system-deps $(VENV)/.installed check pytest

check: lint typecheck contracts

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy

contracts: $(VENV)/.installed
	$(BIN)/lint-imports

pytest: $(VENV)/.installed translations
	$(BIN)/python -m pytest

system-deps:
	@bash scripts/system_deps.sh

run-deps:
	@bash scripts/system_deps.sh run

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

demo: $(VENV)/.installed
	$(BIN)/pp-desktop demo --vault $(DEMO_VAULT) --passphrase-file $(DEMO_PASSPHRASE)

# Regenerate docs/screenshots from the demo vault (offscreen: no display needed).
screenshots: $(VENV)/.installed translations
	@test -f $(DEMO_VAULT)/vault.key || $(BIN)/pp-desktop demo --vault $(DEMO_VAULT) --passphrase-file $(DEMO_PASSPHRASE)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pp_desktop.ui.screenshots --vault $(DEMO_VAULT) --passphrase-file $(DEMO_PASSPHRASE) --out docs/screenshots

clean:
	rm -rf $(VENV) $(DEMO_VAULT) .pytest_cache .mypy_cache .ruff_cache build dist
