"""Conflict and territory cues (cue_lemmas.tsv, light_verbs.tsv) and nisba targets (target_nouns.tsv)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "triple"), [
    # «اقتحم» and «استهدف»: the place stormed or aimed at is the direct object
    ("واقتحمت حركة الشباب بلدة جوهر الأحد الماضي.", ("al-shabaab", "attacked", "ar-jwhr")),
    ("واستهدفت حركة الشباب مدينة جوهر بقذائف الهاون.", ("al-shabaab", "attacked", "ar-jwhr")),
    # «أطلق» is an attack only with what is fired («صواريخ», «قذائف», «النار») and «على» its target
    ("وأطلق الجيش الروسي صواريخ على مدينة خاركيف ليلاً.", ("russia", "attacked", "kharkiv")),
])
def test_attack_verbs(construction_facts, text, triple):
    assert triple in {f[:3] for f in construction_facts(text)}


def test_launching_without_a_weapon_is_no_attack(construction_facts):
    found = {f[:3] for f in construction_facts("وأطلقت الحكومة المصرية مبادرة جديدة على مستوى القارة مع إثيوبيا.")}
    assert not {f for f in found if f[1] == "attacked"}


@pytest.mark.parametrize(("text", "triple"), [
    # the nationality adjective of the forces is the attacker; of the places hit, the target
    ("وأطلقت القوات الكمبودية صواريخ على مناطق تايلاندية.", ("cambodia", "attacked", "thailand")),
    ("وهاجمت قوات طالبان مواقع حدودية باكستانية.", ("taliban", "attacked", "pakistan")),
    # «داخل» introduces the place struck
    ("وقصفت مقاتلات تايلاندية أهدافاً عسكرية داخل كمبوديا.", ("thailand", "attacked", "cambodia")),
])
def test_nisba_attacker_and_target(construction_facts, text, triple):
    assert triple in {f[:3] for f in construction_facts(text)}


def test_a_nisba_after_a_non_place_noun_is_no_target(construction_facts):
    # «الرسوم الصينية» are China's tariffs, not a place China that was hit
    found = {f[:3] for f in construction_facts("وهاجم الرئيس الأمريكي دونالد ترامب الرسوم الصينية.")}
    assert ("donald-trump", "attacked", "china") not in found


@pytest.mark.parametrize(("text", "triple"), [
    ("وسيطرت حركة الشباب على مدينة جوهر.", ("al-shabaab", "controls", "ar-jwhr")),
    ("واستولت حركة الشباب على مدينة جوهر بعد معارك عنيفة.", ("al-shabaab", "controls", "ar-jwhr")),
    # light verbs with the verbal noun of control: «أحكم سيطرته», «بسط سيطرته», «استعاد السيطرة»
    ("وأحكمت حركة الشباب سيطرتها على مدينة جوهر.", ("al-shabaab", "controls", "ar-jwhr")),
    ("وبسطت حركة الشباب سيطرتها على مدينة جوهر.", ("al-shabaab", "controls", "ar-jwhr")),
    ("واستعادت أذربيجان السيطرة على ناغورنو كاراباخ.", ("azerbaijan", "controls", "nagorno-karabakh")),
])
def test_control_cues(construction_facts, text, triple):
    assert triple in {f[:3] for f in construction_facts(text)}


def test_annexation_after_a_light_verb(construction_facts):
    # «أعلن X ضمّ Y»: the light verb's subject annexes, the genitive is the place annexed
    found = {f[:3] for f in construction_facts("وأعلنت روسيا ضم دونيتسك ولوغانسك.")}
    assert {("russia", "annexed", "donetsk"), ("russia", "annexed", "luhansk")} <= found
    assert ("donetsk", "annexed", "russia") not in found


def test_a_place_named_by_an_adjective_is_never_held_or_annexed(construction_facts):
    # «مناطق أوكرانية» may be a target of a strike, but Ukraine is not the region annexed
    found = {f[:3] for f in construction_facts("وأعلنت روسيا ضم أربع مناطق أوكرانية.")}
    assert ("russia", "annexed", "ukraine") not in found


@pytest.mark.parametrize("text", [
    # the members of a group (with a count and the partitive «من») act for it
    "وهاجم مئات المسلحين من حركة الشباب بلدة جوهر.",
    "واقتحم عناصر من حركة الشباب بلدة جوهر.",
    "واستهدف مقاتلو حركة الشباب مدينة جوهر.",
    # «بلدة» heads the place after «على»
    "وشن مقاتلو حركة الشباب هجوماً على بلدة جوهر.",
])
def test_members_of_a_group_act_for_it(construction_facts, text):
    assert ("al-shabaab", "attacked", "ar-jwhr") in {f[:3] for f in construction_facts(text)}


def test_members_as_an_object_are_no_subject(construction_facts):
    found = {f[:3] for f in construction_facts("والتقى الرئيس الأمريكي دونالد ترامب عشرات المسلحين من حركة الشباب.")}
    assert not {f for f in found if f[0] == "al-shabaab"}
