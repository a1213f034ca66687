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


PAIR = ("التقى الرئيس الأمريكي دونالد ترامب رئيس الوزراء الهندي ناريندرا مودي الأسبوع الماضي، وتبادل مودي "
        "ورئيس الوزراء الباكستاني شهباز شريف الاتهامات. ")


def test_the_subject_of_the_clause_is_no_member_of_its_object_group(nlp):
    # Trump was named before, but he makes the calls: «الزعيمين» are the two others; the date set off
    # by commas does not end the clause
    found = asserted(nlp, PAIR + "وكان ترامب قد أجرى، الأحد، اتصالين هاتفيين بالزعيمين.")
    assert {("donald-trump", "phoned", "narendra-modi"), ("donald-trump", "phoned", "shehbaz-sharif")} <= found
    assert ("donald-trump", "phoned", "donald-trump") not in found


def test_a_comma_that_ends_a_clause_still_ends_it(nlp):
    # after «، ثم» a new clause: Trump (named before it) may be one of the two
    found = asserted(nlp, "وصل الرئيس الأمريكي دونالد ترامب إلى الرياض، واستقبله ولي العهد السعودي محمد بن سلمان. "
                          "وأشاد رئيس الوزراء الهندي ناريندرا مودي بالزعيمين.")
    assert {("narendra-modi", "praised", "donald-trump"), ("narendra-modi", "praised", "mohammed-bin-salman")} <= found


REGIONS = "وضمت روسيا أربع مناطق أوكرانية هي لوغانسك ودونيتسك وخيرسون وزابوريجيا. "


def test_the_other_three_regions_are_the_ones_the_sentence_did_not_name(nlp):
    found = asserted(nlp, REGIONS + "وقالت موسكو إنها أحكمت سيطرتها على لوغانسك بأكملها، "
                                    "وتسيطر على أجزاء من المناطق الثلاث الأخرى.")
    assert {("moscow", "controls", key) for key in ("donetsk", "kherson", "zaporizhzhia")} <= found


def test_three_cities_are_the_last_three_cities_not_regions(nlp):
    found = asserted(nlp, "وقصفت روسيا منطقة خاركيف. وتعرضت بيروت ودمشق وعمّان لموجة حر شديدة. "
                          "وزار الرئيس الفرنسي إيمانويل ماكرون المدن الثلاث.")
    assert {("emmanuel-macron", "visited", key) for key in ("beirut", "damascus", "amman")} <= found
    assert ("emmanuel-macron", "visited", "kharkiv") not in found


def test_too_few_places_named_no_group(nlp):
    found = asserted(nlp, "وقصفت روسيا خاركيف. وزار الرئيس الأوكراني فولوديمير زيلينسكي المدن الثلاث.")
    assert not {f for f in found if f[1] == "visited"}


def test_a_minister_is_no_member_of_the_three_leaders(nlp):
    found = asserted(nlp, "التقى الرئيس الروسي فلاديمير بوتين الرئيس الإيراني مسعود بزشكيان والرئيس التركي رجب طيب "
                          "أردوغان في طهران، بحضور وزير الخارجية الإيراني عباس عراقجي. "
                          "وانتقد الرئيس الأمريكي دونالد ترامب القادة الثلاثة بشدة.")
    assert {("donald-trump", "criticized", key)
            for key in ("vladimir-putin", "masoud-pezeshkian", "recep-tayyip-erdogan")} <= found
    assert ("donald-trump", "criticized", "abbas-araghchi") not in found
