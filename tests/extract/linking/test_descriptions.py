"""A later «الحلف», «المجلس», «الحركة» bound to the one organisation named before that fits it."""
from __future__ import annotations

import pytest

from rawabit.extract.doc_index import LOOKBACK
from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline
from support.asserted import asserted


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def bound(nlp: Pipeline, text: str) -> list[str]:
    return [m.key for m in nlp(Article("t", "t.txt", text)).mentions if m.source == "description"]


def test_the_alliance_named_before_is_the_object(nlp):
    text = "يعقد حلف شمال الأطلسي قمته في لاهاي. وانتقد زيلينسكي الحلف لتأخره في إرسال المساعدات."
    assert ("volodymyr-zelensky", "criticized", "nato") in asserted(nlp, text)


def test_the_council_named_before_is_the_subject(nlp):
    text = ("أعرب مجلس الأمن الدولي عن قلقه من تصاعد القتال في شرق الكونغو. "
            "وفي جلسة مغلقة، انتقد المجلس رواندا بسبب دعمها للمتمردين.")
    assert ("un-security-council", "criticized", "rwanda") in asserted(nlp, text)


def test_an_adjective_the_name_lacks_names_another_body(nlp):
    assert bound(nlp, "عقد مجلس الأمن الدولي جلسة طارئة. وأعلن المجلس العسكري في النيجر رفضه للعقوبات.") == []


def test_two_bodies_that_fit_leave_the_description_unbound(nlp):
    text = "اجتمع مجلس الأمن الدولي والمجلس الأوروبي في نيويورك. وانتقد المجلس روسيا."
    assert bound(nlp, text) == []
    assert not {f for f in asserted(nlp, text) if f[1] == "criticized"}


def test_a_body_named_long_before_is_not_taken_up(nlp):
    filler = " ".join(f"وأعلنت الحكومة في بيانها رقم {n} أن الطقس كان معتدلاً." for n in range(LOOKBACK + 2))
    text = f"يعقد حلف شمال الأطلسي قمته في لاهاي. {filler} وانتقد زيلينسكي الحلف."
    assert "nato" not in bound(nlp, text)


def test_a_bare_title_is_the_one_person_introduced_by_it(nlp):
    text = ("قالت المبعوثة الأممية إلى ليبيا إنغريد هولمبرغ إن الوضع في طرابلس هش. "
            "وبعد ذلك انتقدت المبعوثة بشدة روسيا وتركيا.")
    assert bound(nlp, text) == ["ar-Angryd-hwlmbrg"]
    assert ("ar-Angryd-hwlmbrg", "criticized", "russia") in asserted(nlp, text)


def test_a_title_word_as_an_adjective_or_with_its_country_is_not_taken_up(nlp):
    text = ("وصل الرئيس الأوكراني فولوديمير زيلينسكي إلى برلين. "
            "وانقطعت الإمدادات بعد الأضرار التي لحقت بخط الأنابيب الرئيس في المنطقة.")
    assert bound(nlp, text) == []


def test_a_body_taken_up_inside_a_title_gives_the_office(nlp):
    text = ("يعقد حلف شمال الأطلسي قمته في لاهاي. "
            "وأشاد الأمين العام للحلف مارك روته بالرئيس الأميركي دونالد ترمب.")
    found = asserted(nlp, text)
    assert {("mark-rutte", "leaderOf", "nato"), ("mark-rutte", "praised", "donald-trump")} <= found
