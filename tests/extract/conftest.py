"""Fixtures of the extraction tests."""
from __future__ import annotations

import pytest

from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline


@pytest.fixture(scope="session")
def construction_facts():
    """``facts(text)``: (subject, relation, object, status) of every fact the default pipeline finds in *text*."""
    nlp = Pipeline.default()

    def facts(text: str) -> set[tuple[str, str, str, str]]:
        return {(f.subject, f.relation, f.object, f.status.value) for f in nlp(Article("t", "t.txt", text)).facts}
    return facts
