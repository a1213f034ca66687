"""Coordinated and dual subjects, «البلدان/الجانبان» bound to the two sides, and circumstantial
participles said by the clause's subject (implicit.py, stance.py, participants.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # a dual verb after coordinated subjects
    ("وقالت الخارجية إن روسيا وأوكرانيا تتفقان على تبادل الأسرى.",
     {("russia", "agreedTo", "topic-prisoner-exchange"), ("ukraine", "agreedTo", "topic-prisoner-exchange")}),
    # «البلدان»: the countries of the two ministers who met
    ("والتقى وزير الخارجية التركي هاكان فيدان نظيره الإيراني عباس عراقجي في أنقرة، "
     "واتفق البلدان على تبادل الأسرى.",
     {("turkey", "agreedTo", "topic-prisoner-exchange"), ("iran", "agreedTo", "topic-prisoner-exchange")}),
    # «الجانبان» after a meeting: the two people
    ("واستقبل أردوغان الرئيس الإيراني مسعود بزشكيان، وبحث الجانبان العقوبات.",
     {("recep-tayyip-erdogan", "discussed", "topic-sanctions"), ("masoud-pezeshkian", "discussed", "topic-sanctions")}),
    # «الرئيسان» holding a stance after a light verb
    ("وزار الرئيس الصيني شي جين بينغ موسكو حيث التقى بوتين، وأكد الرئيسان دعمهما لوقف إطلاق النار.",
     {("xi-jinping", "supports", "topic-ceasefire"), ("vladimir-putin", "supports", "topic-ceasefire")}),
    # «كلاً من X و Y»: both are the object
    ("وحثّت الأمم المتحدة كلاً من ألمانيا وروسيا على ضبط النفس.",
     {("un", "urged", "germany"), ("un", "urged", "russia")}),
    # circumstantial participles; «إياها» is the one named before
    ("وقال وزير الداخلية الفرنسي برونو روتايو إن الجزائر ترفض استقبال مواطنيها، متهماً إياها بخرق الاتفاق.",
     {("ar-brwnw-rwtAyw", "accused", "algeria")}),
    ("من جهته، وصف رئيس الوزراء الكمبودي هون مانيت الاجتماع بأنه مثمر، شاكراً الصين على جهودها.",
     {("hun-manet", "praised", "china")}),
    ("وفي مؤتمرها الصحافي الأسبوعي، قالت المتحدثة باسم الخارجية الصينية ماو نينغ إن الرسوم مرفوضة، "
     "منتقدةً واشنطن.", {("mao-ning", "criticized", "washington")}),
    ("وأبدت الأمم المتحدة قلقها من التصعيد، داعيةً إلى وقف إطلاق النار.", {("un", "demands", "topic-ceasefire")}),
])
def test_the_subject_the_grammar_gives(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_a_possessive_is_no_participle(construction_facts):
    # «مطالبه» is «his demands»; the participle is written «مطالبةً»
    found = construction_facts("وقال بوتين إنه يريد السلام، لكن مطالبه لإنهاء الحرب واضحة.")
    assert not {f for f in found if f[1] == "demands"}


def test_countries_only_when_the_text_gives_them(construction_facts):
    # the two who met hold no office the text names: «البلدان» binds to nothing
    found = construction_facts("والتقى بوتين مودي في موسكو، واتفق البلدان على تبادل الأسرى.")
    assert not {f for f in found if f[1] == "agreedTo"}


def test_a_name_joined_by_wa_right_after_the_verb_is_no_object(construction_facts):
    # «ترفض والجزائر تراقب»: «و» has nothing to join the name to; it opens a clause
    found = construction_facts("الرباط تحتفي والبوليساريو ترفض والجزائر تراقب")
    assert not {f for f in found if f[1] == "rejects"}


def test_both_sides_discussing_is_no_second_meeting(construction_facts):
    # «وناقش الجانبان …» after a meeting: what they discussed, not a talkedWith of its own
    found = construction_facts("والتقى بوتين بترامب في ألاسكا، وناقش الجانبان تبادل الأسرى.")
    assert ("vladimir-putin", "discussed", "topic-prisoner-exchange", "asserted") in found
    assert not {f for f in found if f[1] == "talkedWith"}


def test_a_dual_right_after_the_verb_is_its_subject_not_a_name_after_it(construction_facts):
    found = {f[:3] for f in construction_facts(
        "والتقى ترمب الرئيس الأوكراني فولوديمير زيلينسكي، وناقش الرئيسان تزويد أوكرانيا بمنظومات دفاع جوي.")}
    assert {("donald-trump", "discussed", "topic-military-aid"),
            ("volodymyr-zelensky", "discussed", "topic-military-aid")} <= found
    assert ("ukraine", "discussed", "topic-military-aid") not in found


def test_a_dual_with_no_meeting_before_it_names_no_one(construction_facts):
    found = {f[:3] for f in construction_facts("وناقش الرئيسان تزويد أوكرانيا بمنظومات دفاع جوي.")}
    assert not any(r == "discussed" for _, r, _ in found)
