"""Role facts from the phrases that state an office (extract/entities/titles.py, extract/relations/led_by.py):
an apposition after the name, a title with its holder's body or country, a rank between
title and name, and «بقيادة/برئاسة» after a body."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # an apposition after the name: the head of an agency named by its head noun
    ("قُتل سالم المبروك، رئيس جهاز الأمن الداخلي، في اشتباكات بطرابلس.",
     ("ar-sAlm-Almbrwk", "leaderOf", "ar-jhAz-AlAmn-AldAxly")),
    # the same before the name
    ("وقال رئيس جهاز الاستخبارات الخارجية الروسية سيرغي ناريشكين إن الغرب يخطط لهجوم.",
     ("sergey-naryshkin", "leaderOf", "svr")),
    # an advisor in apposition after the name, the adviser's principal named with his title
    ("وقال يوسف النعيمي، مستشار الرئيس التونسي قيس سعيد، إن المحادثات ستستمر.",
     ("ar-ywsf-AlnEymy", "advisorTo", "kais-saied")),
    # «كبير مستشاري X للشؤون …»: the remit between the principal and the name
    ("وأكد كبير مستشاري ماكرون للشؤون الأفريقية جان دوبون أن باريس تدعم الحوار.",
     ("ar-jAn-dwbwn", "advisorTo", "emmanuel-macron")),
    # a transitional head of state, his country after «في», a rank before the name
    ("والتقى رئيس المرحلة الانتقالية في بوركينا فاسو النقيب إبراهيم تراوري نظيره الروسي في موسكو.",
     ("ibrahim-traore", "presidentOf", "burkina-faso")),
    ("وقال رئيس السلطة الانتقالية في غينيا الجنرال مامادي دومبويا إن الانتخابات ستجرى العام المقبل.",
     ("mamadi-doumbouya", "presidentOf", "guinea")),
])
def test_role_phrase_states_the_office(construction_facts, text, expected):
    assert expected in {f[:3] for f in construction_facts(text)}


def test_a_participle_after_an_agency_name_is_not_part_of_it(construction_facts):
    found = {f[:3] for f in construction_facts(
        "إثر مقتل فؤاد حسين، رئيس جهاز المخابرات المعروف بلقب «أبو علي»، داخل معسكر.")}
    assert ("fuad-hussein", "leaderOf", "ar-jhAz-AlmxAbrAt") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("وتقدمت قوات الدعم السريع بقيادة محمد حمدان دقلو نحو الفاشر.",
     ("mohamed-hamdan-dagalo", "leaderOf", "rsf")),
    ("وأعلن حزب العمال، بزعامة كير ستارمر، فوزه في الانتخابات.",
     ("keir-starmer", "leaderOf", "ar-Hzb-AlEmAl")),
])
def test_led_by_after_a_body_gives_its_leader(construction_facts, text, expected):
    assert expected in {f[:3] for f in construction_facts(text)}


@pytest.mark.parametrize("text", [
    "ووصل وفد روسي برئاسة سيرغي لافروف إلى أنقرة.",      # a delegation is no body with an office
    "وشن التحالف بقيادة السعودية غارات على صنعاء.",        # a state leads no office
])
def test_led_by_without_a_body_and_a_person_states_no_office(construction_facts, text):
    assert not {f for f in construction_facts(text) if f[1] == "leaderOf"}


@pytest.mark.parametrize("text", [
    # «ومبعوثه» after a minister: the pronoun is the head of state's, the one who sends envoys
    "كما أشاد بوتين بدور وزير الخارجية الروسي سيرغي لافروف ومبعوثه الخاص كيريل دميترييف.",
    # a qualifier between the suffixed title and the name
    "واستقبل بوتين في الكرملين مبعوثه الخاص كيريل دميترييف.",
])
def test_his_envoy_is_the_envoy_of_the_head_named_in_the_sentence(construction_facts, text):
    found = {f[:3] for f in construction_facts(text)}
    assert ("kirill-dmitriev", "envoyOf", "vladimir-putin") in found
    assert ("kirill-dmitriev", "envoyOf", "sergey-lavrov") not in found


def test_his_foreign_minister_is_the_minister_of_the_country_he_heads(construction_facts):
    found = {f[:3] for f in construction_facts(
        "ورافق الرئيس الغاني جون ماهاما وزير خارجيته صامويل أبلاكوا في الزيارة.")}
    assert ("ar-SAmwyl-AblAkwA", "ministerOf", "ghana") in found
    assert not {f for f in found if f[1] == "ministerOf" and f[2] == "john-mahama"}


@pytest.mark.parametrize(("text", "expected"), [
    # no secretary-general named in the article: the envoy speaks for the organization
    ("وقالت ماريا سميث، المبعوثة الخاصة للأمين العام للأمم المتحدة إلى ليبيا، إن الوضع خطير.",
     ("ar-mAryA-smyv", "envoyOf", "un")),
    # the secretary-general named: his envoy
    ("والتقى غوتيريش في نيويورك ماريا سميث، المبعوثة الخاصة للأمين العام للأمم المتحدة إلى ليبيا.",
     ("ar-mAryA-smyv", "envoyOf", "antonio-guterres")),
    # the chairman of a company's board leads it
    ("وقال خالد الزين، رئيس مجلس إدارة شركة النفط الوطنية، إن الإنتاج ارتفع.",
     ("ar-xAld-Alzyn", "leaderOf", "ar-crkh-AlnfT-AlwTnyh")),
])
def test_an_apposition_names_the_office_of_a_body(construction_facts, text, expected):
    assert expected in {f[:3] for f in construction_facts(text)}


# -- a dual title with two nationality adjectives and no names: both office holders named before

def test_a_dual_title_with_two_adjectives_stands_for_both_holders(construction_facts):
    found = {f[:3] for f in construction_facts(
        "التقى الرئيس الروسي فلاديمير بوتين الرئيس الأميركي دونالد ترمب في ألاسكا. "
        "وأشاد الرئيسان الروسي والأميركي بالوساطة التركية، وشكرا الرئيس التركي رجب طيب أردوغان.")}
    assert {("vladimir-putin", "praised", "recep-tayyip-erdogan"),
            ("donald-trump", "praised", "recep-tayyip-erdogan")} <= found


def test_the_second_adjective_names_no_one_the_article_did_not_name(construction_facts):
    # no French president is named: «والفرنسي» stands for no one, and Putin is not taken for him
    found = {f[:3] for f in construction_facts(
        "وصل الرئيس الروسي فلاديمير بوتين إلى أنقرة. وشكر الرئيسان الروسي والفرنسي الرئيس التركي "
        "رجب طيب أردوغان.")}
    assert ("vladimir-putin", "praised", "recep-tayyip-erdogan") in found
    assert all(s in ("vladimir-putin", "recep-tayyip-erdogan") for s, _, _ in found)


def test_a_counterpart_may_be_a_head_of_government(construction_facts):
    # no Indian president or minister is named: «نظيره الهندي» is the prime minister the article names
    found = {f[:3] for f in construction_facts(
        "التقى الرئيس الصيني شي جين بينغ رئيس الوزراء الهندي ناريندرا مودي في تيانجين. "
        "ودعا شي نظيره الهندي إلى تعزيز الثقة المتبادلة.")}
    assert ("xi-jinping", "urged", "narendra-modi") in found


def test_a_counterpart_no_one_named_holds_stays_unknown(construction_facts):
    found = {f[:3] for f in construction_facts("ودعا الرئيس الصيني شي جين بينغ نظيره الهندي إلى تعزيز الثقة.")}
    assert not any(r == "urged" for _, r, _ in found)
