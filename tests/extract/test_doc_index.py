"""The index of a Doc's mentions and facts: up to date as components append, and a bounded look-back."""
from __future__ import annotations

import pytest

from rawabit.extract.doc_index import LOOKBACK, index_of
from rawabit.extract.entities.mentions import units
from rawabit.extract.model import Article, EntityType, Fact, Mention, Status
from rawabit.extract.pipeline import Pipeline

TEXT = ("وصل الرئيس الروسي فلاديمير بوتين إلى أنقرة. والتقى بوتين الرئيس التركي رجب طيب أردوغان. "
        "وقال الكرملين إن الاجتماع تناول تبادل الأسرى.")


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default(ner=False)


def test_answers_what_a_scan_of_the_doc_gives(nlp):
    doc = nlp(Article("t", "t.txt", TEXT))
    index = index_of(doc)
    for sent in doc.sentences:
        assert list(index.mentions(sent.index)) == [m for m in doc.mentions if m.sentence == sent.index]
        assert list(index.facts(sent.index)) == [f for f in doc.facts if f.sentence == sent.index]
    assert index.subjects("presidentOf", "russia") == {"vladimir-putin"}
    assert {"vladimir-putin", "recep-tayyip-erdogan"} <= index.people()


def test_takes_in_what_is_appended_and_starts_afresh_when_a_list_is_replaced(nlp):
    doc = nlp(Article("t", "t.txt", TEXT))
    index = index_of(doc)
    before = units(doc, 2)
    kremlin = next(m for m in before if m.key == "kremlin")
    extra = Mention(2, kremlin.last + 1, kremlin.last + 2, 0, 1, "إن", EntityType.PERSON, "someone", "test")
    doc.mentions.append(extra)
    assert extra in index.mentions(2) and "someone" in index.people()
    assert extra in units(doc, 2)  # the sentence's units were computed afresh
    doc.facts = [f for f in doc.facts if f.relation != "presidentOf"]
    assert index.subjects("presidentOf", "russia") == set()
    doc.facts.append(Fact("a", "met", "b", Status.ASSERTED, "t", 1, 0, 1, "", "test"))
    assert [f.subject for f in index.facts(1) if f.rule == "test"] == ["a"]


def test_the_look_back_stops_after_a_window_of_sentences(nlp):
    doc = nlp(Article("t", "t.txt", TEXT))
    far = len(doc.sentences) - 1 + LOOKBACK + 5
    seen = [s for s, _ in zip(range(far, -1, -1), index_of(doc).mentions_back(far))]
    assert len(seen) == LOOKBACK + 1 and seen[-1] == far - LOOKBACK


def test_a_long_article_resolves_a_title_to_the_person_named_at_its_top(nlp):
    filler = " ".join(f"وأعلنت الحكومة في بيانها رقم {n} أن الطقس كان معتدلاً." for n in range(3 * LOOKBACK))
    text = f"وصل الرئيس الروسي فلاديمير بوتين إلى أنقرة. {filler} وانتقد الرئيس الروسي الناتو."
    doc = nlp(Article("t", "t.txt", text))
    assert ("vladimir-putin", "criticized", "nato") in {(f.subject, f.relation, f.object) for f in doc.facts}
