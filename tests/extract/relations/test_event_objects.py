"""Objects of urging, visits and calls: «إنه حثّ X على», «زيارة له إلى», «اتصالين هاتفيين بـX و Y»."""
from __future__ import annotations

import pytest


def _finds(facts, expected, absent):
    """All *expected* (subject, relation, object) triples are among *facts*, none of *absent*."""
    found = {f[:3] for f in facts}
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «إنه/أنه» + verb: the pronoun is the subject (the speaker), the name after the verb its object
    ("وقال الرئيس الفرنسي إيمانويل ماكرون إنه حثّ نتنياهو على وقف الحرب.",
     {("emmanuel-macron", "urged", "benjamin-netanyahu")}, {("benjamin-netanyahu", "urged", "emmanuel-macron")}),
    ("وأعلنت الرئاسة المصرية أن الرئيس عبد الفتاح السيسي استقبل وزير الخارجية الأمريكي ماركو روبيو.",
     {("abdel-fattah-el-sisi", "met", "marco-rubio")}, set()),
    # «زيارة له/لها إلى X»: the pronoun after «ل» is the visitor, as in «زيارته»
    ("وقال رئيس الوزراء الهندي ناريندرا مودي إنه سعيد، في أول زيارة له إلى الصين منذ سبع سنوات.",
     {("narendra-modi", "visited", "china")}, set()),
    # a dual call noun with coordinated objects
    ("وأجرى ترامب اتصالين هاتفيين بالرئيس الروسي فلاديمير بوتين والرئيس الأوكراني فولوديمير زيلينسكي.",
     {("donald-trump", "phoned", "vladimir-putin"), ("donald-trump", "phoned", "volodymyr-zelensky")}, set()),
    # a comma inside a quotation ends no clause: the threat's target after it still counts
    ("ولوّح الرئيس الأمريكي دونالد ترامب بـ«عقوبات مؤلمة، اقتصادية وسياسية» على إيران وفنزويلا.",
     {("donald-trump", "threatened", "iran"), ("donald-trump", "threatened", "venezuela")}, set()),
])
def test_event_objects(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «، و» + a verb with one name after it: the name is its object, the subject the first clause's
    ("وانتقد الرئيس الكولومبي غوستافو بيترو واشنطن بشدة، واتهم الولايات المتحدة بتنفيذ إعدامات.",
     {("gustavo-petro", "accused", "usa")}, {("usa", "accused", "washington")}),
    ("وزار وزير الخارجية الفرنسي جان نويل بارو الجزائر، والتقى الرئيس الجزائري عبد المجيد تبون.",
     {("jean-noel-barrot", "met", "abdelmadjid-tebboune")}, set()),
    # two names after the verb: a new subject and its object
    ("وقصفت روسيا كييف، واتهمت أوكرانيا روسيا بخرق الهدنة.",
     {("ukraine", "accused", "russia")}, {("russia", "accused", "ukraine")}),
])
def test_a_joined_verb_keeps_the_subject(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


def test_a_joined_verb_whose_subject_is_not_named_gives_none(construction_facts):
    # the first clause opens with a time phrase and its subject is no known name: the one name after
    # «واتهم» is still its object, never its subject
    found = {f[:3] for f in construction_facts(
        "فمنذ الضربة الأولى في سبتمبر، انتقد بيترو واشنطن بشدة، واتهم الولايات المتحدة بتنفيذ إعدامات.")}
    assert not {f for f in found if f[0] == "usa" and f[1] == "accused"}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the other side of a war threatened is the one threatened, across a phrase set off by commas
    ("ولوّح وزير الدفاع الباكستاني خواجة آصف، مع انطلاق الجولة، بـ«حرب مفتوحة» مع أفغانستان.",
     {("khawaja-asif", "threatened", "afghanistan")}, set()),
    # «مع» after no war: a meeting's other side, not a target of the threat
    ("ولوّح الرئيس الأمريكي دونالد ترامب بعقوبات خلال لقائه مع الرئيس الصيني شي جين بينغ.",
     set(), {("donald-trump", "threatened", "xi-jinping")}),
])
def test_threatened_with_a_war_with(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «شهد» with a place as its subject: the place the visit after it went to
    ("وكانت العاصمة الفنزويلية كاراكاس قد شهدت في يناير زيارة المبعوث الأمريكي ستيف ويتكوف.",
     {("steve-witkoff", "visited", "caracas")}, set()),
    ("وشهدت موسكو الأسبوع الماضي زيارة الرئيس الصيني شي جين بينغ.", {("xi-jinping", "visited", "moscow")}, set()),
    # a person as the subject of «شهد» is a witness, not a place visited
    ("وشهد الرئيس الصيني شي جين بينغ توقيع الاتفاق في موسكو.", set(),
     {("xi-jinping", "visited", "moscow")}),
])
def test_a_place_that_witnessed_a_visit(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «، و» + a name + the same preposition: the verb is left out, its object is not
    ("وحث الرئيس الفرنسي إيمانويل ماكرون روسيا على وقف الحرب، وأوكرانيا على قبول المفاوضات.",
     {("emmanuel-macron", "urged", "russia"), ("emmanuel-macron", "urged", "ukraine")}, set()),
    ("وقال العاهل المغربي الملك محمد السادس إن القرار تاريخي، داعياً الرئيس الجزائري عبد المجيد تبون إلى "
     "«حوار أخوي» لتجاوز الخلافات، وجبهة البوليساريو إلى «اغتنام الفرصة».",
     {("mohammed-vi", "urged", "abdelmadjid-tebboune"), ("mohammed-vi", "urged", "polisario")}, set()),
    # a new clause with a verb of its own after «، و» is no left-out object
    ("ودعا الرئيس الفرنسي إيمانويل ماكرون روسيا إلى وقف الحرب، وقال إن أوكرانيا إلى جانب أوروبا.",
     {("emmanuel-macron", "urged", "russia")}, {("emmanuel-macron", "urged", "ukraine")}),
])
def test_an_object_of_a_left_out_verb(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «ـها» on a verb of visiting resumes the head of the relative clause, even after a preposition
    ("وتقع كوالالمبور في ماليزيا، التي زارها ترامب مرتين.", {("donald-trump", "visited", "malaysia")},
     {("donald-trump", "visited", "kuala-lumpur")}),
    ("وتحدث الرئيس عن الجزائر التي زارها الرئيس الفرنسي إيمانويل ماكرون العام الماضي.",
     {("emmanuel-macron", "visited", "algeria")}, set()),
])
def test_a_place_resumed_by_the_verbs_pronoun(construction_facts, text, expected, absent):
    _finds(construction_facts(text), expected, absent)


def test_a_participle_after_a_preposition_is_a_verbal_noun(construction_facts):
    # «إلى مطالبة X بـ…» is X's demand, not the speaker «مطالباً X»: the speaker urged no one
    facts = construction_facts("وأضاف الرئيس الفرنسي إيمانويل ماكرون أن الوفد رفض الاقتراح، في إشارة إلى مطالبة "
                               "الرئيس الأمريكي دونالد ترامب بوقف الحرب.")
    _finds(facts, set(), {("emmanuel-macron", "urged", "donald-trump")})
    _finds(construction_facts("وقال الرئيس الفرنسي إيمانويل ماكرون إن الوضع خطير، مطالباً روسيا بوقف الحرب."),
           {("emmanuel-macron", "urged", "russia")}, set())


def test_a_pronoun_in_a_fronted_phrase_is_the_main_clauses_subject(construction_facts):
    # «وفي اليوم التالي للقائه شي، التقى مودي …»: Modi's meeting with Xi, not the one named last before
    found = {f[:3] for f in construction_facts(
        "التقى وزير الخارجية الصيني وانغ يي الرئيس الروسي فلاديمير بوتين. "
        "وفي اليوم التالي للقائه شي، التقى رئيس الوزراء الهندي ناريندرا مودي الرئيس الروسي فلاديمير بوتين.")}
    assert ("narendra-modi", "met", "xi-jinping") in found or ("xi-jinping", "met", "narendra-modi") in found
    assert ("wang-yi", "met", "xi-jinping") not in found and ("xi-jinping", "met", "wang-yi") not in found


def test_a_name_before_the_suffixed_noun_keeps_it(construction_facts):
    found = {f[:3] for f in construction_facts(
        "وقال وزير الخارجية الصيني وانغ يي بعد لقائه بوتين، إن المحادثات مثمرة.")}
    assert ("wang-yi", "met", "vladimir-putin") in found
