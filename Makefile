# arnews-analysis — the README's two commands are `make figures` and `make test`.
# Both create .venv and install the package (pinned) on first use, so they work on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# `make figures CORPUS=path/to/articles` runs the notebooks on another corpus, a folder or an archive
# (news.parquet/.jsonl/.csv, its columns in news.parquet.columns.json: docs/INGEST.md) (it sets $ANALYSIS_CORPUS;
# default: $ANALYSIS_CORPUS, else seeds/, as decided by analysis.paths for every entry point).
CORPUS ?=

.PHONY: help setup figures notebooks test test-fast lab benchmarks clean

help:
	@echo "make figures   run the notebooks in order (in place) and regenerate figures/"
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

figures: $(STAMP)
	@for nb in $(NOTEBOOKS); do \
	  echo "executing $$nb"; \
	  $(if $(CORPUS),ANALYSIS_CORPUS=$(abspath $(CORPUS))) $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=1800 \
	    --ExecutePreprocessor.record_timing=False --log-level=WARN "$$nb" || exit 1; \
	done
	@echo "figures/ regenerated:"; ls figures

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
	rm -rf .cache build src/*.egg-info .pytest_cache .hypothesis
