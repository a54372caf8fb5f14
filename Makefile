# The README's two set-up commands: `make seeds` and `make test`.
# Both create the virtual environment $(VENV) if it is missing.
VENV ?= .venv
PY = $(VENV)/bin/python

.PHONY: install install-test seeds test lint

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	$(PY) -m pip install -q -e .

install-test: $(PY)
	@if [ -x scripts/install_system_deps.sh ]; then scripts/install_system_deps.sh; fi
	$(PY) -m pip install -q -e ".[test]"

# Install, then repair the bundled seeds into out/seeds with their change logs.
seeds: install
	@mkdir -p out/seeds
	@for f in seeds/*.txt; do \
		b=$$(basename $$f .txt); \
		$(VENV)/bin/textrepair "$$f" -o "out/seeds/$$b.txt" --log "out/seeds/$$b.log.jsonl" \
			--stats 2> "out/seeds/$$b.stats.json" || exit 1; \
		echo "$$f -> out/seeds/$$b.txt ($$(($$(wc -l < out/seeds/$$b.log.jsonl) - 1)) changes)"; \
	done

lint: $(PY)
	$(VENV)/bin/ruff check textrepair tests scripts
	$(VENV)/bin/mypy

# Install with the test extras, then lint, type-check and run the tests.
test: install-test lint
	$(PY) -m pytest -p no:cacheprovider tests
