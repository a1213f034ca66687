"""A meeting that brings its sides together (extract/relations/gathering.py, gathering_verbs.tsv)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # «لقاء جمعهما»: the pronoun is the pair named before the noun
    ("وقال الأمين العام لحلف الناتو مارك روته والرئيس الأمريكي دونالد ترامب، في لقاء جمعهما الأربعاء، "
     "إن الحلف قوي.", {("mark-rutte", "met", "donald-trump")}),
    # «اجتماع استضافه X، وجمع Y و Z»: the host and the two sides all met
    ("وجاء ذلك إثر اجتماع استضافه رئيس الوزراء الماليزي أنور إبراهيم، وجمع الرئيس الروسي فلاديمير بوتين "
     "والرئيس الأوكراني فولوديمير زيلينسكي.",
     {("anwar-ibrahim", "met", "vladimir-putin"), ("anwar-ibrahim", "met", "volodymyr-zelensky"),
      ("vladimir-putin", "met", "volodymyr-zelensky")}),
    # «وجمع لقاء في أنقرة X و Y»: the event noun is the verb's subject, the place after «في» no side
    ("وجمع لقاء في أنقرة الرئيس الروسي فلاديمير بوتين والرئيس الأوكراني فولوديمير زيلينسكي.",
     {("vladimir-putin", "met", "volodymyr-zelensky")}),
])
def test_a_meeting_that_brought_them_together(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_gathering_without_a_meeting_is_no_meeting(construction_facts):
    found = construction_facts("وجمعت الحكومة المصرية تبرعات من السعودية والإمارات.")
    assert not {f for f in found if f[1] == "met"}


def test_the_maker_of_a_call_is_the_subject_of_its_light_verb(construction_facts):
    # «كان X قد أجرى، السبت، اتصالين بـ…»: X made both calls; the two called did not call each other
    found = {f[:3] for f in construction_facts(
        "وكان ترامب قد أجرى، السبت، اتصالين هاتفيين بالرئيس الروسي فلاديمير بوتين "
        "والرئيس الأوكراني فولوديمير زيلينسكي.")}
    assert {("donald-trump", "phoned", "vladimir-putin"), ("donald-trump", "phoned", "volodymyr-zelensky")} <= found
    assert ("vladimir-putin", "phoned", "volodymyr-zelensky") not in found


def test_their_meeting_after_a_sentence_naming_two_people(construction_facts):
    found = construction_facts("وأشاد الأمين العام للأمم المتحدة أنطونيو غوتيريش بالرئيس الفرنسي إيمانويل ماكرون. "
                               "وفي لقاء جمعهما مساء الخميس، أكد غوتيريش دعم المنظمة للمبادرة.")
    assert ("antonio-guterres", "met", "emmanuel-macron", "asserted") in found or \
        ("emmanuel-macron", "met", "antonio-guterres", "asserted") in found


def test_their_meeting_after_a_sentence_naming_three_people_is_unknown(construction_facts):
    found = construction_facts("وأشاد الرئيس الفرنسي إيمانويل ماكرون بالمستشار الألماني فريدريش ميرتس "
                               "ورئيس الوزراء البريطاني كير ستارمر. وفي لقاء جمعهما مساء الخميس، أكد ماكرون دعمه.")
    assert not any(f[1] == "met" for f in found)
