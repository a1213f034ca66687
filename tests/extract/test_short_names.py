"""A person named in full once, then by one name, on sentences written for these tests."""
from __future__ import annotations

import pytest

from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline
from support.asserted import asserted


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def short(nlp: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = nlp(Article("t", "t.txt", text))
    return [(m.text, m.key) for m in doc.mentions if m.source == "short-name"]


def test_the_family_name_alone_is_the_person_named_before(nlp):
    text = ("قال الرئيس الكولومبي غوستافو بيترو إن بلاده لن تتراجع. "
            "وانتقد بيترو واشنطن بشدة، ثم هدد بيترو بمقاضاة ترمب.")
    found = short(nlp, text)
    assert found and {key for _, key in found} == {"ar-gwstAfw-bytrw"}
    assert ("ar-gwstAfw-bytrw", "criticized", "washington") in asserted(nlp, text)


def test_a_name_with_a_proclitic_is_found_too(nlp):
    text = "وصلت المبعوثة الأممية هانا تيتيه إلى طرابلس. والتقى الدبيبة بتيتيه في مكتبه."
    assert ("بتيتيه", "ar-hAnA-tytyh") in short(nlp, text)


def test_a_name_two_people_share_and_a_common_first_name_are_no_one(nlp):
    text = ("التقى وزير الخارجية المصري محمد حسين نظيره الأردني خالد حسين في عمان. "
            "وقال حسين إن اللقاء كان مثمراً، وأضاف محمد أن التعاون سيستمر.")
    assert short(nlp, text) == []


def test_a_name_before_the_full_one_is_not_taken_up(nlp):
    assert short(nlp, "وانتقد بيترو واشنطن. وقال الرئيس الكولومبي غوستافو بيترو إن بلاده لن تتراجع.") == []
