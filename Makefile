# make sample : set up .venv and build the graph of the bundled sample corpus into out/
# make test   : set up .venv (and, as root, the Debian test tools) and run the whole test suite
# make quality: build and score the seeds, the samples and dev-broad (groups a, b, d and whole)
# make model  : retrain the named-entity model from ../shared/data
# make apidocs: the Python API reference from the docstrings (pdoc) into out/apidocs/
# make lock   : regenerate requirements.lock from pyproject.toml (UPGRADE=1: newest releases)
# make test-latest : the suite against the newest releases, in .venv-latest (not in CI)
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup sample test model seeds docs apidocs lock test-latest quality

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

quality: setup
	$(PY) scripts/quality.py $(QUALITY_ARGS)

# regenerate the README's cookbook section, docs/cookbook.md and the screenshot from the samples,
# and the API reference (apidocs)
docs: setup apidocs
	$(VENV)/bin/rawabit build samples -q -o out/sample.ttl -o out/sample-focus.html --html-focus "فلاديمير بوتين"
	$(PY) scripts/cookbook.py out/sample.ttl --readme README.md --max-rows 8
	$(PY) scripts/cookbook.py out/sample.ttl
	$(PY) scripts/screenshot.py out/sample-focus.html docs/screenshot.png

# the API reference of the public Python API, from the docstrings (not committed)
APIDOC_MODULES := rawabit rawabit.knowledge_graph rawabit.api rawabit.errors rawabit.extract.model \
	rawabit.graph.sparql rawabit.exports rawabit.notebook
apidocs: setup
	$(PY) -m pdoc --docformat google -o out/apidocs $(APIDOC_MODULES)
	@echo "open out/apidocs/index.html"
