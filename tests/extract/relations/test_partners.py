"""«ضيفه», «مضيفه»: a person taken up as the other side of the meeting told before (relations/partners.py)."""
from __future__ import annotations

MEETING = "استقبل الرئيس الأميركي دونالد ترمب المستشار الألماني فريدريش ميرتس في البيت الأبيض. "


def test_the_guest_is_the_one_the_host_received(construction_facts):
    found = construction_facts(MEETING + "وأشاد ترمب بضيفه، واصفاً إياه بأنه صديق.")
    assert ("donald-trump", "praised", "friedrich-merz", "asserted") in found


def test_the_host_is_the_one_the_guest_met(construction_facts):
    found = construction_facts(MEETING + "وحثّ ميرتس مضيفه على زيادة الضغط على روسيا.")
    assert ("friedrich-merz", "urged", "donald-trump", "asserted") in found


def test_a_participle_takes_up_the_guest_of_the_sentence_subject(construction_facts):
    found = construction_facts("استقبل الرئيس الأميركي دونالد ترمب رئيسة المفوضية الأوروبية أورسولا فون دير لاين "
                               "في اسكتلندا، مشيداً بضيفته.")
    assert ("donald-trump", "praised", "ursula-von-der-leyen", "asserted") in found


def test_no_meeting_told_means_no_guest(construction_facts):
    assert not any(f[1] == "praised" for f in construction_facts("وأشاد الرئيس الأميركي دونالد ترمب بضيفه."))


def test_two_people_met_leave_the_guest_unknown(construction_facts):
    found = construction_facts("استقبل الرئيس الأميركي دونالد ترمب المستشار الألماني فريدريش ميرتس والرئيس "
                               "الفرنسي إيمانويل ماكرون في البيت الأبيض. وأشاد ترمب بضيفه.")
    assert not any(f[1] == "praised" for f in found)


def test_a_guest_without_a_pronoun_is_no_one(construction_facts):
    # «ضيفة» (a guest, written with «ة») carries no pronoun: it names no side of the meeting
    found = construction_facts(MEETING + "وأشاد ترمب بضيفة البرنامج.")
    assert not any(f[1] == "praised" for f in found)
