# newsgraph — `make demo` builds the example article into out/; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLE := examples/algemeiner-2023-01-05-russian-drone-operators.txt
OUT    ?= out

.PHONY: demo test venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

venv: $(VENV)/.installed-test

demo: $(VENV)/.installed
	$(BIN)/newsgraph build $(EXAMPLE) -o $(OUT)
	@echo "open $(OUT)/graph.html in a browser; load $(OUT)/graph.trig into a triplestore"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(OUT) .pytest_cache
