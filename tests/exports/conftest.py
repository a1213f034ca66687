"""Fixtures of the export tests: the hand-built sample extraction as a dataset."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from rawabit.graph.build import build_dataset

_SAMPLE = Path(__file__).resolve().parents[1] / "graph" / "sample_extraction.py"


def load_sample():
    """Import tests/graph/sample_extraction.py (tests are not a package)."""
    name = "rawabit_test_sample_extraction"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _SAMPLE)
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def sample():
    """The module holding ``make_extraction()``."""
    return load_sample()


@pytest.fixture
def dataset(sample) -> Dataset:
    """A fresh dataset built from the sample extraction."""
    return build_dataset(sample.make_extraction())
