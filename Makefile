# arnews-analysis — the README's two commands are `make figures` and `make test`.
# Both create .venv and install the package (pinned) on first use, so they work on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `make figures` runs the notebooks (papermill) with these parameters, all optional; see README.md:
#   CORPUS=path/to/articles (a folder, files, or an archive news.parquet/.jsonl/.csv: docs/INGEST.md)
#   LABELS=ar|en  FROM=YYYY[-MM[-DD]]  TO=YYYY[-MM[-DD]]  TYPES=withdrawal,handover  MIN_SOURCES=N  PLACE=name
#   SKIP_ERRORS=1 (go on without bad files; default: a bad file stops the run)
CORPUS ?=
LABELS ?=
FROM ?=
TO ?=
TYPES ?=
MIN_SOURCES ?=
PLACE ?=
SKIP_ERRORS ?=

.PHONY: help setup figures notebooks test test-fast lab benchmarks clean

help:
	@echo "make figures   run the notebooks in order and regenerate figures/ (CORPUS=, LABELS=en, SKIP_ERRORS=1, ...)"
	@echo "make test      unit tests + nbval on every notebook (+ the JupyterLab browser test)"
	@echo "make lab       open JupyterLab on notebooks/"
	@echo "make benchmarks  speed and memory benchmarks (need ../shared or a corpus path)"

setup: $(STAMP)

# Re-install when the dependency list changes. torch is pinned to the CPU build on this machine's
# disk (an unpinned torch would pull a multi-GB CUDA build).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# analysis.notebooks_run executes the notebooks into a staging folder and replaces notebooks/ and
# figures/ together only when every notebook ran (a bad file, an error or Ctrl-C changes nothing).
figures: $(STAMP)
	@$(BIN)/python -m analysis.notebooks_run --corpus "$(CORPUS)" --labels "$(LABELS)" --from "$(FROM)" \
	  --to "$(TO)" --types "$(TYPES)" --min-sources "$(MIN_SOURCES)" --place "$(PLACE)" --skip-errors "$(SKIP_ERRORS)"

notebooks: figures

test: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks

test-fast: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider -m "not browser" tests

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/ner.py
	$(BIN)/python benchmarks/pipeline.py

clean:
	rm -rf .cache .make-figures build src/*.egg-info .pytest_cache .hypothesis
