"""A verb whose subject is left unsaid (pro-drop) across sentences (finder.py, ``_dropped_subject``):
a sentence that names no one before its verb, whose first participant after it is the verb's
prepositional object, goes on with who the previous sentence names first outside a prepositional phrase."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل وزير الخارجية التركي هاكان فيدان إلى دمشق مساء السبت. وفي اليوم التالي توجه إلى عمّان "
     "لإجراء محادثات.", ("hakan-fidan", "visited", "amman")),
    # a feminine verb: the woman the previous sentence names, not the city she reached
    ("وصلت رئيسة المفوضية الأوروبية أورسولا فون دير لاين إلى كييف. وفي اليوم التالي توجهت إلى وارسو.",
     ("ursula-von-der-leyen", "visited", "warsaw")),
    ("استقبل الرئيس الأميركي دونالد ترمب نظيره الأوكراني فولوديمير زيلينسكي في البيت الأبيض. "
     "وأشاد بشجاعة الشعب الأوكراني.", None),
])
def test_the_dropped_subject_is_who_the_last_sentence_names(construction_facts, text, expected):
    found = construction_facts(text)
    if expected is None:   # «بشجاعة الشعب»: no participant after the verb's preposition, no fact
        assert not any(f[1] == "praised" for f in found)
    else:
        assert (*expected, "asserted") in found


def test_a_subject_named_after_the_verb_is_its_own(construction_facts):
    found = {f[:3] for f in construction_facts(
        "وصل وزير الخارجية التركي هاكان فيدان إلى دمشق مساء السبت. "
        "وتوجه وزير الخارجية الإيراني عباس عراقجي إلى عمّان.")}
    assert ("abbas-araghchi", "visited", "amman") in found
    assert ("hakan-fidan", "visited", "amman") not in found


def test_a_place_is_no_dropped_subject_of_a_masculine_verb(construction_facts):
    found = {f[:3] for f in construction_facts("وشهدت موسكو احتجاجات واسعة. وفي اليوم التالي توجه إلى كييف.")}
    assert not any(r == "visited" for _, r, _ in found)


def test_a_planned_trip_stays_planned(construction_facts):
    found = construction_facts("وصل وزير الخارجية التركي هاكان فيدان إلى دمشق مساء السبت. "
                               "ومن المقرر أن يتوجه غداً إلى عمّان.")
    assert ("hakan-fidan", "visited", "amman", "planned") in found
    assert ("hakan-fidan", "visited", "amman", "asserted") not in found


ARRIVAL = "وصل وزير الخارجية التركي هاكان فيدان إلى دمشق مساء السبت. "


def test_a_city_right_after_a_verb_of_places_is_its_object(construction_facts):
    # a city visits no one: «زار بيروت» with no name before it goes on with the last sentence's visitor
    found = construction_facts(ARRIVAL + "وبعد أيام زار بيروت.")
    assert ("hakan-fidan", "visited", "beirut", "asserted") in found


def test_the_dropped_subject_carries_through_a_sentence_that_also_dropped_it(construction_facts):
    found = construction_facts(ARRIVAL + "وفي اليوم التالي توجه إلى عمّان حيث التقى وزير الخارجية الأردني "
                               "أيمن الصفدي. وبعد أيام زار بيروت.")
    assert ("hakan-fidan", "visited", "beirut", "asserted") in found
    assert ("ayman-safadi", "visited", "beirut", "asserted") not in found


def test_a_noun_after_the_city_may_be_the_subject(construction_facts):
    # «وزار بيروت وفد من الكونغرس»: object first, then the subject; Fidan did not visit
    found = construction_facts(ARRIVAL + "وزار بيروت وفد من الكونغرس الأميركي.")
    assert ("hakan-fidan", "visited", "beirut", "asserted") not in found


def test_where_the_unsaid_traveller_met_someone(construction_facts):
    # «حيث التقى X»: the clause goes on with the sentence's subject, itself left unsaid
    found = {f[:3] for f in construction_facts(
        "وصل المستشار الألماني فريدريش ميرتس إلى برلين. وفي اليوم التالي توجه إلى لندن حيث التقى رئيس "
        "الوزراء البريطاني كير ستارمر، ثم إلى روما حيث اجتمع برئيسة الوزراء الإيطالية جورجيا ميلوني.")}
    assert {("friedrich-merz", "met", "keir-starmer"), ("friedrich-merz", "met", "giorgia-meloni")} <= found


def test_where_two_names_follow_the_verb_has_its_own_subject(construction_facts):
    found = {f[:3] for f in construction_facts(
        "وصل المستشار الألماني فريدريش ميرتس إلى برلين. وفي اليوم التالي توجه إلى لندن حيث التقى رئيس "
        "الوزراء البريطاني كير ستارمر الرئيس الفرنسي إيمانويل ماكرون.")}
    assert ("friedrich-merz", "met", "keir-starmer") not in found
