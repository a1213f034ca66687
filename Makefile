# make sample : set up .venv and build the graph of the bundled sample corpus into out/
# make test   : set up .venv (and, as root, the Debian test tools) and run the whole test suite
# make model  : retrain the named-entity model from ../shared/data
# make lock   : regenerate requirements.lock from pyproject.toml (UPGRADE=1: newest releases)
# make test-latest : the suite against the newest releases, in .venv-latest (not in CI)
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup sample test model seeds docs lock test-latest

setup:
	bash scripts/setup.sh

sample: setup
	$(VENV)/bin/rawabit build samples -o out/sample.ttl -o out/sample.html

test: setup
	bash scripts/system-deps.sh
	$(PY) -m pytest -q

lock:
	bash scripts/lock.sh

test-latest:
	bash scripts/test-latest.sh

model: setup
	$(PY) scripts/train_ner.py

seeds: setup
	$(VENV)/bin/rawabit build ../shared/corpus/seeds -o out/seeds.ttl -o out/seeds.html
	$(PY) ../shared/eval/score.py --gold ../shared/eval/gold-dev --graph out/seeds.ttl --show 30

# regenerate the README's cookbook section, docs/cookbook.md and the screenshot from the samples
docs: setup
	$(VENV)/bin/rawabit build samples -q -o out/sample.ttl -o out/sample-focus.html --html-focus "فلاديمير بوتين"
	$(PY) scripts/cookbook.py out/sample.ttl --readme README.md --max-rows 8
	$(PY) scripts/cookbook.py out/sample.ttl
	$(PY) scripts/screenshot.py out/sample-focus.html docs/screenshot.png
