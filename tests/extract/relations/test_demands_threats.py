"""Necessity and conditions as demands, ultimatums and warnings as threats."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "triple"), [
    ("وقال بوتين إنه يجب وقف إطلاق النار فوراً.", ("vladimir-putin", "demands", "topic-ceasefire")),
    ("وقال الرئيس الأوكراني فولوديمير زيلينسكي إنه لا بد من ضمانات أمنية قبل أي اتفاق.",
     ("volodymyr-zelensky", "demands", "topic-security-guarantees")),
    ("وأكد ماكرون أنه ينبغي التوصل إلى اتفاق سلام.", ("emmanuel-macron", "demands", "topic-peace-deal")),
    ("واشترطت موسكو انسحاب القوات الأوكرانية من دونيتسك.", ("moscow", "demands", "donetsk")),
    ("وأمهل ترامب إيران أسبوعين للرد، وإلا ستواجه عقوبات قاسية.", ("donald-trump", "threatened", "iran")),
    ("وتوعّد خامنئي الولايات المتحدة بالرد.", ("ali-khamenei", "threatened", "usa")),
    ("وحذّرت الصين اليابان من عواقب تدخلها في تايوان.", ("china", "threatened", "japan")),
])
def test_demand_or_threat(construction_facts, text, triple):
    assert triple + ("asserted",) in construction_facts(text)


def test_a_denied_necessity_is_no_demand(construction_facts):
    found = construction_facts("وقالت روسيا إنه لا يجب رفع العقوبات.")
    assert not {f for f in found if f[1] == "demands" and f[3] == "asserted"}


@pytest.mark.parametrize(("text", "triple"), [
    ("وكان بوتين قد هدد بمقاضاة ترمب أمام المحاكم.", ("vladimir-putin", "threatened", "donald-trump")),
    ("وهدد ترامب بفرض عقوبات على روسيا.", ("donald-trump", "threatened", "russia")),
])
def test_a_threat_aims_at_whom_the_threatened_deed_would_hit(construction_facts, text, triple):
    assert triple + ("asserted",) in construction_facts(text)


def test_an_agreed_future_meeting_is_planned(construction_facts):
    # «على أن + imperfect»: what the sides agreed will happen has not happened yet
    found = construction_facts("واتفق الجانبان على أن يعقد بوتين وترامب اجتماعاً في موسكو.")
    assert ("vladimir-putin", "met", "donald-trump", "planned") in found
    assert ("vladimir-putin", "met", "donald-trump", "asserted") not in found


def test_a_verbal_noun_after_a_necessity_word_is_the_speakers(construction_facts):
    found = construction_facts("بدوره، قال وزير الخارجية الأوكراني أندريه سيبيها، الاثنين: “يجب زيادة الضغط على روسيا”")
    assert ("andrii-sybiha", "urged", "russia", "asserted") in found
