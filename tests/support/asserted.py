"""The asserted facts the default pipeline finds in a text of a test's own writing."""
from __future__ import annotations

from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline


def asserted(nlp: Pipeline, text: str) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of every asserted fact of *text*, read as one article."""
    doc = nlp(Article("t", "t.txt", text))
    return {(f.subject, f.relation, f.object) for f in doc.facts if f.status.value == "asserted"}
