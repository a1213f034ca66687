"""Clause structure around a cue (extract/relations/clauses.py): phrases set off by commas, «ثم» between names,
the head of a relative pronoun, the sides of a verbal noun, a share of a place."""
from __future__ import annotations

import pytest


def test_a_parenthetical_phrase_between_commas_keeps_the_clause_going(construction_facts):
    found = construction_facts("والتقى بوتين ترامب في ألاسكا. وبحث الرئيسان، في أول اجتماع ثنائي بينهما، "
                               "الرسوم الجمركية.")
    assert {("vladimir-putin", "discussed", "topic-tariffs", "asserted"),
            ("donald-trump", "discussed", "topic-tariffs", "asserted")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    # a date set off by commas between the subject and the object
    ("التقى رئيس الوزراء الهندي ناريندرا مودي، الأحد، الرئيس الصيني شي جين بينغ في تيانجين.",
     {("narendra-modi", "met", "xi-jinping")}),
    # «ثم» between two names joins them; before a verb it opens a clause
    ("واستقبل ترامب، في لقاءين منفصلين، رئيس الوزراء الأرميني نيكول باشينيان ثم الرئيس الأذربيجاني إلهام علييف.",
     {("donald-trump", "met", "nikol-pashinyan"), ("donald-trump", "met", "ilham-aliyev")}),
])
def test_commas_and_then_inside_a_clause(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_then_before_a_verb_opens_a_clause(construction_facts):
    found = construction_facts("والتقى بوتين ترامب ثم زار الرئيس الأمريكي موسكو.")
    assert ("vladimir-putin", "met", "donald-trump", "asserted") in found
    assert not {f for f in found if f[1] == "met" and f[2] == "moscow"}


@pytest.mark.parametrize(("text", "expected"), [
    # «وقّع» (form II of و ق ع) with a topic; its verbal noun «توقيع»
    ("ووقعت روسيا وأوكرانيا اتفاق سلام في إسطنبول.",
     {("russia", "agreedTo", "topic-peace-deal"), ("ukraine", "agreedTo", "topic-peace-deal")}),
    # the sides of a verbal noun given by «بين X و Y», not the subject of the verb it is the object of
    ("ترمب يشهد توقيع «اتفاق كوالالمبور للسلام» بين كمبوديا وتايلاند",
     {("cambodia", "agreedTo", "topic-peace-deal"), ("thailand", "agreedTo", "topic-peace-deal")}),
    # «تبادل الضربات بين X و Y»: each attacked the other
    ("وتبادل الضربات بين إسرائيل وإيران مستمر.", {("israel", "attacked", "iran"), ("iran", "attacked", "israel")}),
])
def test_sides_of_a_verbal_noun(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_a_dual_pronoun_is_a_pair_never_one_of_them(construction_facts):
    found = construction_facts("واستقبل ترمب الرئيسين في البيت الأبيض، ثم شهد توقيعهما اتفاق السلام.")
    assert ("donald-trump", "agreedTo", "topic-peace-deal", "asserted") not in found
    assert not {f for f in found if f[1] == "agreedTo"}
    assert ("russia", "agreedTo", "topic-ceasefire", "asserted") not in construction_facts(
        "ووقع الهجوم على روسيا قبل وقف إطلاق النار.")   # «وقع» (it happened) is no signing


@pytest.mark.parametrize(("text", "expected"), [
    ("ويسيطر المغرب على نحو 80 في المئة من الصحراء الغربية.", {("morocco", "controls", "western-sahara")}),
    ("وتسيطر روسيا على أجزاء من منطقة زابوريجيا.", {("russia", "controls", "zaporizhzhia")}),
])
def test_control_of_a_share_of_a_place(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_a_place_after_min_is_no_share_without_a_quantity(construction_facts):
    found = construction_facts("وتسيطر روسيا على المعابر القادمة من أوكرانيا.")
    assert not {f for f in found if f[1] == "controls"}


@pytest.mark.parametrize(("text", "expected"), [
    # the relative pronoun right before the verb is its subject, standing for the name before it
    ("وكان ترامب قد أشاد بشتاينماير، الذي حض تبون على الإفراج عن الكاتب.",
     {("frank-walter-steinmeier", "urged", "abdelmadjid-tebboune")}),
    ("وأشاد ترامب بشتاينماير، الذي حض الحكومة الجزائرية على الإفراج عن الكاتب.",   # «الحكومة»: no pronoun
     {("frank-walter-steinmeier", "urged", "algeria")}),
    # «دعمهم لأمن إسرائيل»: support for Israel's security is support for Israel
    ("وأكد قادة مجموعة السبع دعمهم لأمن إسرائيل.", {("g7", "supports", "israel")}),
])
def test_relative_head_and_governed_genitive(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_a_resumptive_pronoun_makes_the_head_the_object(construction_facts):
    # «الأراضي التي تسيطر عليها روسيا»: the head is what is held, not who holds it
    found = construction_facts("وقال زيلينسكي إن الأراضي التي تسيطر عليها روسيا ستعود.")
    assert not {f for f in found if f[0] == "volodymyr-zelensky" and f[1] == "controls"}
    assert ("volodymyr-zelensky", "supports", "topic-nato-membership", "asserted") in construction_facts(
        "وأعلن زيلينسكي دعمه لانضمام أوكرانيا إلى الناتو.")   # a topic in the genitive stays the topic


def test_a_circumstance_set_off_by_commas_names_no_object(construction_facts):
    found = construction_facts("وطالبت كمبوديا، خلال جلسة طارئة عقدها مجلس الأمن الدولي بطلب منها، بوقف إطلاق النار.")
    assert ("cambodia", "demands", "topic-ceasefire", "asserted") in found
    found = construction_facts("وحث بوتين، خلال لقاء مع ترامب، أوكرانيا على الانسحاب.")
    assert ("vladimir-putin", "urged", "ukraine", "asserted") in found
    assert ("vladimir-putin", "urged", "donald-trump", "asserted") not in found


def test_a_time_phrase_after_before_or_after_does_not_end_the_clause(construction_facts):
    # «بعد ساعات»: a time phrase between the verb and its object, not «بعد أن» opening a clause
    found = construction_facts("ونجا الرئيس الصومالي حسن شيخ محمود من الهجوم، وتوجّه بعد ساعات إلى مقديشو.")
    assert ("hassan-sheikh-mohamud", "visited", "mogadishu", "asserted") in found


def test_after_that_opens_a_clause_of_its_own(construction_facts):
    # «بعد أن» opens a clause: Beirut is not the object of the verb in it
    found = {f[:3] for f in construction_facts("وزار الرئيس الفرنسي إيمانويل ماكرون الأردن بعد أن زار بيروت.")}
    assert ("emmanuel-macron", "visited", "jordan") in found
