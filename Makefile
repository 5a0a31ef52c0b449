# Every target sets itself up: a fresh machine with Python 3.11 needs nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | $(PYTHON) -c "import sys,hashlib;print(hashlib.sha1(sys.stdin.buffer.read()).hexdigest()[:12])")

.PHONY: run test test-fast bench fuzz clean ocr

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test,export,dask,ocr]'
	rm -f $(VENV)/.installed-*; touch $(STAMP)

# the OCR extra alone, into any environment: make ocr PIP=/path/to/pip (default: this venv)
PIP ?= $(BIN)/python -m pip
ocr: $(BIN)/python
	$(PIP) install -q -e '.[ocr]'

run: $(STAMP)
	$(BIN)/plan-extract extract corpus/ -o outputs/

test: $(STAMP)
	$(BIN)/python -m pytest

# the inner loop: everything but the tests marked slow (whole batch processes, large inputs)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -x

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(VENV) outputs/*.json
