"""Fixtures of the export tests: the hand-built sample extraction as a dataset."""
from __future__ import annotations


import pytest
from rdflib import Dataset

from rawabit.graph.build import build_dataset

@pytest.fixture(scope="session")
def sample():
    """The module holding ``make_extraction()``."""
    from support import sample_extraction
    return sample_extraction


@pytest.fixture
def dataset(sample) -> Dataset:
    """A fresh dataset built from the sample extraction."""
    return build_dataset(sample.make_extraction())
