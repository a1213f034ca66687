"""Verbs coordinated by «و» in one clause share its subject (finder.py, ``_shared_verb_subject``):
«زار X القاهرة أمس والتقى الرئيس المصري Y» — X met Y; the one name after the second verb is its object."""
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
