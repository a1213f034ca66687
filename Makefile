# make sample : set up .venv and build the graph of the bundled sample corpus into out/
# make test   : set up .venv (and, as root, the Debian test tools) and run the whole test suite
# make quality: build and score the seeds, the samples and dev-broad (groups a, b, d and whole)
# make model  : retrain the named-entity model from ../shared/data
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup sample test model seeds docs quality

setup:
	bash scripts/setup.sh

sample: setup
	$(VENV)/bin/rawabit build samples -o out/sample.ttl -o out/sample.html

test: setup
	bash scripts/system-deps.sh
	$(PY) -m pytest -q

model: setup
	$(PY) scripts/train_ner.py

seeds: setup
	$(VENV)/bin/rawabit build ../shared/corpus/seeds -o out/seeds.ttl -o out/seeds.html
	$(PY) ../shared/eval/score.py --gold ../shared/eval/gold-dev --graph out/seeds.ttl --show 30

quality: setup
	$(PY) scripts/quality.py $(QUALITY_ARGS)

# regenerate the README's cookbook section, docs/cookbook.md and the screenshot from the samples
docs: setup
	$(VENV)/bin/rawabit build samples -q -o out/sample.ttl -o out/sample-focus.html --html-focus "فلاديمير بوتين"
	$(PY) scripts/cookbook.py out/sample.ttl --readme README.md --max-rows 8
	$(PY) scripts/cookbook.py out/sample.ttl
	$(PY) scripts/screenshot.py out/sample-focus.html docs/screenshot.png
