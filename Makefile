# Set-up, demo and tests. Everything goes into .venv; torch's CPU wheel is installed first,
# because a bare torch requirement (from sentence-transformers) would pull a CUDA build.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench train clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The showcase is dated by the last commit that touched the seeds, so a rerun rewrites it unchanged.
demo: setup
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct -- seeds 2>/dev/null || echo 0) \
	$(BIN)/checker run seeds/ --out reports/seeds --store claims/

test: setup
	$(BIN)/ruff check checker
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

# Refit the pair model (checker/group/pair_model.json) from the answer keys in ../shared and training/keys.
train: setup
	$(BIN)/python training/fit_pair_model.py

bench: setup
	$(BIN)/python benchmarks/ecb_events.py
	$(BIN)/python benchmarks/equate_compare.py
	$(BIN)/python benchmarks/scale.py --quality

clean:
	rm -rf $(VENV) .pytest_cache
