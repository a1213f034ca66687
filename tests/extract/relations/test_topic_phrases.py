"""Topic phrases split by a row of adjectives (extract/relations/topic_phrases.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "triple"), [
    ("وقالت إن تايلاند وكمبوديا وافقتا على وقف فوري وغير مشروط لإطلاق النار.",
     ("thailand", "agreedTo", "topic-ceasefire")),
    ("ودعت الأمم المتحدة إلى وقف فوري ودائم وغير مشروط لإطلاق النار.", ("un", "demands", "topic-ceasefire")),
    ("ووافقت روسيا وأوكرانيا على تبادل واسع وشامل للأسرى.", ("ukraine", "agreedTo", "topic-prisoner-exchange")),
])
def test_adjectives_between_head_and_genitive(construction_facts, text, triple):
    assert triple + ("asserted",) in construction_facts(text)


def test_a_clause_boundary_ends_the_phrase(construction_facts):
    # the «لـ» phrase after a comma belongs to another clause
    found = construction_facts("ووافقت روسيا على وقف الهجمات، لإطلاق النار على الأهداف العسكرية فقط.")
    assert not {f for f in found if f[2] == "topic-ceasefire"}


@pytest.mark.parametrize(("text", "triple"), [
    ("اتفقت الولايات المتحدة والصين على خفض متبادل وكبير للرسوم الجمركية.", ("china", "agreedTo", "topic-tariffs")),
    ("وناقش ترامب وزيلينسكي تزويد أوكرانيا بمنظومات دفاع جوي.",
     ("volodymyr-zelensky", "discussed", "topic-military-aid")),
])
def test_an_action_on_a_topic_frames_it(construction_facts, text, triple):
    # «خفض», «تزويد»: what was agreed or discussed is the topic the action is on
    assert triple + ("asserted",) in construction_facts(text)
