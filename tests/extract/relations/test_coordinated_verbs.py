"""Coordination: verbs joined by «و» in one clause share its subject (finder.py, ``_shared_verb_subject``:
«زار X القاهرة أمس والتقى الرئيس المصري Y» — X met Y; the one name after the second verb is its object),
and a second conjunct may open with a title no list holds («والتركي Y», participants.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # visit, then a meeting: the name after «والتقى» is the one met, not who met
    ("زار وزير الخارجية البريطاني ديفيد لامي القاهرة يوم الأحد والتقى الرئيس المصري عبد الفتاح السيسي.",
     ("david-lammy", "met", "abdel-fattah-el-sisi")),
    # a stance, then an accusation, with no comma between the clauses
    ("وانتقد الرئيس البرازيلي لولا دا سيلفا واشنطن بشدة واتهم الولايات المتحدة بالتدخل في شؤون بلاده.",
     ("lula-da-silva", "accused", "usa")),
    # inside reported speech: the subject of the reported clause, not the speaker
    ("وقال ماكرون إن لامي زار القاهرة والتقى السيسي.", ("david-lammy", "met", "abdel-fattah-el-sisi")),
    ("وقصفت روسيا مدينة خاركيف ليلاً وهاجمت أوديسا.", ("russia", "attacked", "odesa")),
])
def test_a_coordinated_verb_keeps_the_subject(construction_facts, text, expected):
    assert (*expected, "asserted") in construction_facts(text)


def test_a_place_before_the_verb_is_no_subject(construction_facts):
    # «القاهرة» ends the first clause: it is where Lammy went, it meets no one
    found = {f[:3] for f in construction_facts("وقال ماكرون إن لامي زار القاهرة والتقى السيسي.")}
    assert ("cairo", "met", "abdel-fattah-el-sisi") not in found


def test_two_names_after_the_verb_are_its_own_subject_and_object(construction_facts):
    found = {f[:3] for f in construction_facts(
        "زار وزير الخارجية البريطاني ديفيد لامي القاهرة يوم الأحد والتقى الرئيس المصري عبد الفتاح السيسي "
        "وزير الخارجية الإيراني عباس عراقجي.")}
    assert ("abdel-fattah-el-sisi", "met", "abbas-araghchi") in found
    assert ("david-lammy", "met", "abbas-araghchi") not in found


def test_a_planned_visit_keeps_its_second_verb_planned(construction_facts):
    found = construction_facts("ومن المقرر أن يزور وزير الخارجية البريطاني ديفيد لامي القاهرة الأحد "
                               "ويلتقي الرئيس المصري عبد الفتاح السيسي.")
    assert ("david-lammy", "met", "abdel-fattah-el-sisi", "asserted") not in found
    assert ("david-lammy", "met", "abdel-fattah-el-sisi", "planned") in found


# -- a second conjunct whose title no list holds, ending in a nationality adjective (participants.py)

@pytest.mark.parametrize(("text", "expected"), [
    # «نظيريه المصري X والتركي Y»: the title of the second is elided to its adjective
    ("استقبل الرئيس الفرنسي إيمانويل ماكرون نظيريه المصري عبد الفتاح السيسي والتركي رجب طيب أردوغان في باريس.",
     {("emmanuel-macron", "met", "abdel-fattah-el-sisi"), ("emmanuel-macron", "met", "recep-tayyip-erdogan")}),
    # «والممثل التجاري الأميركي X»: a title no list holds joins a second subject
    ("والتقى وزير الخارجية الأميركي ماركو روبيو والممثل التجاري الأميركي جيميسون غرير الرئيس الهندي "
     "ناريندرا مودي في نيودلهي.",
     {("marco-rubio", "met", "narendra-modi"), ("ar-jymyswn-gryr", "met", "narendra-modi")}),
])
def test_a_titled_second_conjunct_is_coordinated(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_an_adjective_of_the_subject_does_not_join_the_object(construction_facts):
    # «الزعيمان الأرميني والأذربيجاني»: both adjectives qualify the subject; «بالرئيس …» is the one praised
    found = {f[:3] for f in construction_facts(
        "والتقى رئيس الوزراء الأرميني نيكول باشينيان نظيره الأذربيجاني إلهام علييف في واشنطن. "
        "وأشاد الزعيمان الأرميني والأذربيجاني بالرئيس الأميركي دونالد ترمب.")}
    assert ("nikol-pashinyan", "praised", "donald-trump") in found
    assert ("nikol-pashinyan", "praised", "nikol-pashinyan") not in found
    assert not any(s == "donald-trump" and r == "praised" for s, r, _ in found)


def test_after_a_long_opener_the_verb_before_gives_the_subject(construction_facts):
    # the opening phrase is too long to tell the sentence's subject; the verb before «، واتهم» has one
    found = construction_facts("ومنذ بدء الضربات الجوية الأولى على القوارب في منتصف سبتمبر الماضي، انتقد الرئيس "
                               "الكولومبي غوستافو بيترو واشنطن بشدة، واتهم الولايات المتحدة بانتهاك القانون الدولي.")
    assert ("gustavo-petro", "accused", "usa", "asserted") in found


def test_his_counterpart_joined_by_wa_is_a_second_subject(construction_facts):
    # «ونظيره»: «و» + «نظيره», so the counterpart joins the name before it
    found = {f[:3] for f in construction_facts(
        "وبحث الرئيس الجزائري عبد المجيد تبون ونظيره الفرنسي إيمانويل ماكرون ملف الهجرة.")}
    assert ("abdelmadjid-tebboune", "talkedWith", "emmanuel-macron") in found


def test_a_joined_verb_with_a_prepositional_object_keeps_the_reported_subject(construction_facts):
    # «، وتسيطر على …»: no name after the verb can be its subject; the subject is the reported
    # clause's (the Russian forces), not the speaker who opens the sentence
    found = {f[:3] for f in construction_facts(
        "وقال الكرملين إن القوات الروسية أحكمت سيطرتها على لوغانسك، وتسيطر على أجزاء من دونيتسك وخيرسون.")}
    assert {("russia", "controls", "donetsk"), ("russia", "controls", "kherson")} <= found
    assert not any(s == "kremlin" and r == "controls" for s, r, _ in found)


def test_a_dual_verb_takes_no_single_subject_from_the_verb_before(construction_facts):
    # «وبحثا»: the two who met, not Erdogan alone, talked of negotiations with Russia
    found = {f[:3] for f in construction_facts(
        "استقبل الرئيس التركي رجب طيب أردوغان الرئيس الأوكراني فولوديمير زيلينسكي في أنقرة اليوم، "
        "وبحثا مسار المفاوضات مع روسيا.")}
    assert ("recep-tayyip-erdogan", "talkedWith", "russia") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("وزار الرئيس الفرنسي إيمانويل ماكرون بيروت، ودعا إلى وقف إطلاق النار.",
     ("emmanuel-macron", "demands", "topic-ceasefire")),
    # the visitor was left unsaid in his own sentence too
    ("وصل وزير الخارجية التركي هاكان فيدان إلى دمشق مساء السبت. وبعد أيام زار بيروت، "
     "وطالب من هناك بوقف غير مشروط لإطلاق النار.", ("hakan-fidan", "demands", "topic-ceasefire")),
])
def test_a_joined_verb_with_a_topic_keeps_the_subject_of_the_verb_before(construction_facts, text, expected):
    assert (*expected, "asserted") in construction_facts(text)


def test_a_joined_verb_after_a_non_cue_verb_takes_no_speaker(construction_facts):
    # «ترفض» agrees with Russia, not with Putin who speaks: no cue verb before it says whose it is
    found = construction_facts("وقال بوتين إن روسيا تريد السلام، وترفض العقوبات الغربية.")
    assert ("vladimir-putin", "rejects", "topic-sanctions", "asserted") not in found


def test_a_title_after_coordinated_subjects_is_an_object_not_a_mutual_meeting(construction_facts):
    # «نائب وزير الخارجية الصيني …» opens the one they met, whom no list holds: Rubio and Bessent
    # did not meet each other
    found = {f[:3] for f in construction_facts(
        "والتقى وزير الخارجية الأميركي ماركو روبيو ووزير الخزانة الأميركي سكوت بيسنت نائب وزير الخارجية "
        "الصيني ما تشاو شيوي في جنيف.")}
    assert ("marco-rubio", "met", "scott-bessent") not in found
    found = {f[:3] for f in construction_facts(
        "والتقى وزير الخارجية الأميركي ماركو روبيو ووزير الخزانة الأميركي سكوت بيسنت في جنيف.")}
    assert ("marco-rubio", "met", "scott-bessent") in found


def test_the_object_of_the_last_clause_is_no_subject_of_the_next_verb(construction_facts):
    # «اقتحمت القوات مقار الحركة وأحكمت سيطرتها على …»: the movement, named right before «و» + verb,
    # is what was stormed, not who took control
    found = {f[:3] for f in construction_facts(
        "وقالت مصادر أمنية إن القوات اقتحمت مقار حركة حماس وأحكمت سيطرتها على مدينة رفح.")}
    assert ("hamas", "controls", "rafah") not in found
