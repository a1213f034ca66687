"""News agencies and outlets are the sources of reports, never participants in facts."""
from __future__ import annotations

import pytest

from rawabit.extract.entities.gazetteer import Gazetteer
from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline
from rawabit.extract.relations.signatures import SignatureFilter


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def facts(nlp, text):
    doc = nlp(Article("o", "o.txt", text))
    return {(f.subject, f.relation, f.object) for f in doc.facts if not f.rule.startswith("role")}


@pytest.mark.parametrize("text, outlet", [
    ("واتهمت وكالة الأنباء الإثيوبية مصر بعرقلة المفاوضات حول سد النهضة.", "ena"),
    ("وانتقدت صحيفة الغارديان رئيس الوزراء البريطاني كير ستارمر.", "the-guardian"),
    ("والتقت وكالة رويترز بالرئيس الأوكراني فولوديمير زيلينسكي في كييف.", "reuters"),
    ("وانتقد الرئيس الروسي فلاديمير بوتين صحيفة فايننشال تايمز.", "financial-times"),
    ("واتهم الكرملين وكالة أنباء بلومبرغ بالتضليل.", "bloomberg"),
])
def test_a_listed_outlet_is_in_no_fact(nlp, text, outlet, monkeypatch):
    assert not any(outlet in (s, o) for s, _, o in facts(nlp, text))
    # the same sentence without the rule gives the outlet a part: the rule is what keeps it out
    monkeypatch.setattr(SignatureFilter, "outlets_in", lambda self, doc: set())
    assert any(outlet in (s, o) for s, _, o in facts(nlp, text))


def test_an_unlisted_agency_named_by_its_head_word_is_in_no_fact(nlp, monkeypatch):
    text = "واتهمت وكالة الأنباء الفيتنامية الصين بانتهاك المياه الإقليمية."
    assert not any(s != "china" for s, _, _ in facts(nlp, text))
    monkeypatch.setattr(SignatureFilter, "outlets_in", lambda self, doc: set())
    assert {o for _, _, o in facts(nlp, text)} == {"china"}   # the agency accused China


def test_outlets_are_recognised_by_list_and_by_head_word():
    rule = SignatureFilter(Gazetteer())
    assert rule.is_outlet("afp") and rule.is_outlet("al-jazeera") and rule.is_outlet("sputnik")
    assert rule.is_outlet("x", "وكالة أنباء فيتنام") and rule.is_outlet("x", "صحيفة لاستامبا")
    assert not rule.is_outlet("un") and not rule.is_outlet("cia")   # agencies that act
    assert not rule.is_outlet("x", "وكالة الطاقة الذرية")
