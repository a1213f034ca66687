"""The relative clause whose verb takes its head as object (extract/relations/relative.py): a resumptive
pronoun on the verb or on its preposition, agreeing with the relative pronoun."""
from __future__ import annotations

import pytest

from rawabit.extract.relations.relative import resumptive


@pytest.mark.parametrize(("text", "expected"), [
    # the pronoun on the preposition the verb governs; coordinated subjects after the verb
    ("ودخل وقف إطلاق النار الذي وافقت عليه روسيا وأوكرانيا حيز التنفيذ صباح الأحد.",
     {("russia", "agreedTo", "topic-ceasefire"), ("ukraine", "agreedTo", "topic-ceasefire")}),
    # a place held: «التي تسيطر عليها» after a place name with its head noun
    ("وزار المبعوث مدينة حلب التي تسيطر عليها الحكومة السورية منذ سنوات.",
     {("syria", "controls", "aleppo")}),
    # the pronoun after the subject: on the preposition, or on a share after it
    ("وانهار وقف إطلاق النار الذي وافقت روسيا عليه الشهر الماضي.",
     {("russia", "agreedTo", "topic-ceasefire")}),
    ("وتراجعت حدة القتال في دونيتسك التي تسيطر روسيا على معظمها.",
     {("russia", "controls", "donetsk")}),
    # a person as head, the pronoun on the verb
    ("وردّ ترامب، الذي اتهمه مادورو بالتآمر، بفرض عقوبات.",
     {("nicolas-maduro", "accused", "donald-trump")}),
    # a verb of arrival, its place the pronoun on the verb
    ("وتجمع المحتجون في العاصمة الأردنية عمان، التي وصلها ماكرون صباح الأحد.",
     {("emmanuel-macron", "visited", "amman")}),
    # the pronoun on the verb itself, a comma before the relative pronoun: who heads the body
    ("وأعلنت وزارة الدفاع في حكومة الوفاق الوطني، التي يرأسها سالم المبروك، نجاح العملية.",
     {("ar-sAlm-Almbrwk", "leaderOf", "ar-Hkwmh-AlwfAq-AlwTny")}),
])
def test_relative_clause_with_resumptive_pronoun_makes_its_head_the_object(construction_facts, text, expected):
    assert expected <= {f[:3] for f in construction_facts(text)}


def test_a_relative_clause_without_resumptive_pronoun_keeps_its_head_as_subject(construction_facts):
    found = {f[:3] for f in construction_facts("ورحب الوسطاء بموقف أوكرانيا، التي وافقت على وقف إطلاق النار.")}
    assert ("ukraine", "agreedTo", "topic-ceasefire") in found


def test_a_resumed_head_is_never_the_subject(construction_facts):
    found = {f[:3] for f in construction_facts("وتراجعت حدة القتال في دونيتسك التي تسيطر روسيا على معظمها.")}
    assert not {f for f in found if f[0] == "donetsk"}


def test_a_pronoun_that_does_not_agree_with_the_relative_resumes_nothing(construction_facts):
    # «عليها» (feminine) cannot resume «الذي»: the ceasefire is not what was agreed here
    found = construction_facts("وخرق وقف إطلاق النار الذي وافقت عليها روسيا المدينة.")
    assert not {f for f in found if f[1] == "agreedTo" and f[2] == "topic-ceasefire"}


def test_the_verb_of_heading_a_body_gives_its_leader(construction_facts):
    found = {f[:3] for f in construction_facts("ويرأس فؤاد حسين جهاز الأمن الوطني منذ عامين.")}
    assert ("fuad-hussein", "leaderOf", "ar-jhAz-AlAmn-AlwTny") in found
    # chairing a meeting names no body that the chair leads
    assert not {f for f in construction_facts("وترأس الرئيس الروسي اجتماعاً لمجلس الأمن.")
                if f[1] == "leaderOf"}


@pytest.mark.parametrize(("word", "stem"), [("عليها", "علي"), ("به", "ب"), ("يرأسها", "يرأس"), ("ها", "")])
def test_resumptive_splits_the_pronoun_off(word, stem):
    assert resumptive(word, ("ها", "ه")) == stem


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("وكانت بغداد قد شهدت زيارة جون سميث، مبعوث ترامب للمهمات الخاصة، الذي التقى رئيس الوزراء العراقي "
     "محمد شياع السوداني.",
     ("ar-jwn-smyv", "met", "mohammed-shia-al-sudani"), ("donald-trump", "met", "mohammed-shia-al-sudani")),
    ("وقال يوسف النعيمي، مستشار الرئيس التونسي قيس سعيد، الذي التقى ماكرون أمس، إن المحادثات ستستمر.",
     ("ar-ywsf-AlnEymy", "met", "emmanuel-macron"), ("kais-saied", "met", "emmanuel-macron")),
])
def test_the_head_of_a_relative_after_an_apposition_is_the_named_person(construction_facts, text, expected, wrong):
    # «X، مبعوث Y، الذي التقى Z»: X met Z; Y is only named in X's title
    found = {f[:3] for f in construction_facts(text)}
    assert expected in found and wrong not in found


def test_the_head_of_a_relative_may_stand_before_a_quote_and_an_adjective(construction_facts):
    # «حركة «النصر» المسلحة التي تسيطر …»: the adjective and the quotation mark stand between
    found = {f[:3] for f in construction_facts(
        "وتتهم بغداد حركة «النصر» المسلحة التي تسيطر على مدينة حلب.")}
    assert ("ar-AlnSr", "controls", "aleppo") in found


def test_a_time_phrase_and_a_share_before_a_dual_place_head(construction_facts):
    # «منذ مطلع العام» before the marker; «مساحات واسعة من محافظتي X و Y»: both are held
    found = {f[:3] for f in construction_facts(
        "وتتهم بغداد حركة «النصر» المسلحة التي تسيطر منذ مطلع العام على مساحات واسعة من محافظتي حلب وإدلب.")}
    assert {("ar-AlnSr", "controls", "aleppo"), ("ar-AlnSr", "controls", "idlib")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("وأجرى لافروف مع روبيو محادثات في الرياض.", ("sergey-lavrov", "talkedWith", "marco-rubio")),
    ("وكان لافروف قد أجرى مع روبيو محادثات في الرياض.", ("sergey-lavrov", "talkedWith", "marco-rubio")),
    ("وعقد أردوغان مع بوتين اجتماعاً مغلقاً في سوتشي.", ("recep-tayyip-erdogan", "met", "vladimir-putin")),
    # a title phrase as the holder counts as one word
    ("وعقد وزير الخارجية التركي هاكان فيدان مع نظيره الروسي سيرغي لافروف محادثات.",
     ("hakan-fidan", "talkedWith", "sergey-lavrov")),
    # the holder is the head of the relative clause, past «كان قد»
    ("ورافق بوتين سيرغي لافروف، الذي كان قد أجرى مع روبيو محادثات في الرياض.",
     ("sergey-lavrov", "talkedWith", "marco-rubio")),
])
def test_a_fronted_with_phrase_before_a_meeting_noun(construction_facts, text, expected):
    # «أجرى X مع Y محادثات»: X holds the talks, Y is the other side
    assert expected in {f[:3] for f in construction_facts(text)}


def test_still_holding_is_asserted_inside_and_outside_a_relative_clause(construction_facts):
    # «لا تزال» is «still», not a negation; «لا تسيطر» is one
    assert ("russia", "controls", "crimea", "asserted") in construction_facts(
        "وتطالب كييف باستعادة القرم التي لا تزال تسيطر عليها روسيا.")
    assert ("russia", "controls", "crimea", "asserted") in construction_facts("ولا تزال روسيا تسيطر على القرم.")
    assert ("russia", "controls", "crimea", "denied") in construction_facts("ولا تسيطر روسيا على القرم.")
