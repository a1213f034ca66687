"""A meeting or call named before and taken up by a noun in a later sentence: «وركّز الاتصال على …»."""
from __future__ import annotations

import pytest

from rawabit.extract.pipeline import Pipeline
from support.asserted import asserted

CALL = "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع الرئيس التركي رجب طيب أردوغان."
MEETING = "التقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان في سوتشي."
SIDES = ("vladimir-putin", "recep-tayyip-erdogan")


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


@pytest.mark.parametrize("first, later, topic", [
    (CALL, "وركّز الاتصال على وقف إطلاق النار.", "topic-ceasefire"),
    (CALL, "وقال الكرملين إن الاتصال تناول تبادل الأسرى.", "topic-prisoner-exchange"),
    (MEETING, "وتناولت الجلسة العقوبات الغربية.", "topic-sanctions"),
    (MEETING, "واستمر الاجتماع ثلاث ساعات. وتطرق اللقاء إلى العقوبات الغربية.", "topic-sanctions"),
])
def test_both_sides_of_the_event_discussed_what_it_took_up(nlp, first, later, topic):
    found = asserted(nlp, f"{first} {later}")
    assert {(side, "discussed", topic) for side in SIDES} <= found


def test_without_an_event_before_the_noun_gives_no_one(nlp):
    found = asserted(nlp, "أعلن الكرملين جدول أعمال الأسبوع. وركّز الاتصال على وقف إطلاق النار.")
    assert not {f for f in found if f[1] == "discussed"}
