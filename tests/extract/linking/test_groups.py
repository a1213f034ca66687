"""«القادة الثلاثة», «بالزعيمين»: a group taken up by a plural or dual noun, on sentences of our own."""
from __future__ import annotations

import pytest

from rawabit.extract.pipeline import Pipeline
from support.asserted import asserted

SUMMIT = ("وصل الرئيس الروسي فلاديمير بوتين والرئيس الإيراني مسعود بزشكيان والرئيس التركي رجب طيب أردوغان "
          "إلى طهران لعقد قمة ثلاثية.")


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def test_the_three_leaders_are_the_last_three_named(nlp):
    found = asserted(nlp, SUMMIT + " وفي واشنطن، انتقد الرئيس الأمريكي دونالد ترامب القادة الثلاثة بشدة.")
    assert {("donald-trump", "criticized", key)
            for key in ("vladimir-putin", "masoud-pezeshkian", "recep-tayyip-erdogan")} <= found
    assert ("donald-trump", "criticized", "donald-trump") not in found


def test_without_as_many_people_named_the_group_is_no_one(nlp):
    found = asserted(nlp, "وانتقد الرئيس الأمريكي دونالد ترامب القادة الثلاثة بشدة.")
    assert not {f for f in found if f[1] == "criticized"}


def test_a_member_named_in_the_same_sentence_keeps_its_own_facts(nlp):
    text = ("التقى الرئيس الأمريكي دونالد ترامب رئيس الوزراء الأرميني نيكول باشينيان والرئيس الأذربيجاني "
            "إلهام علييف، قبل أن يوقّع القادة الثلاثة الوثيقة.")
    found = asserted(nlp, text)
    assert {f for f in found if f[1] == "presidentOf"} == {("donald-trump", "presidentOf", "usa"),
                                                           ("ilham-aliyev", "presidentOf", "azerbaijan")}
