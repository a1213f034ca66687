"""The passive participle with its agent (extract/relations/passive.py) and a stance aimed at the doer of a deed."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "triple"), [
    ("في المقابل، أعلنت حركة حماس، المدعومة من إيران، أنها لن تشارك.", ("iran", "supports", "hamas")),
    ("وقال حزب الله المدعوم من قبل إيران إنه يرفض العقوبات.", ("iran", "supports", "hezbollah")),
    ("وقال الحوثيون، المدعومون من إيران، إنهم سيواصلون الهجمات.", ("iran", "supports", "houthis")),
    # «ب» + a deed + its doer: the stance is aimed at the doer
    ("وأشاد أردوغان بجهود قطر في الوساطة.", ("recep-tayyip-erdogan", "praised", "qatar")),
    ("وأشاد ترامب بدور وزير الخارجية الأمريكي ماركو روبيو.", ("donald-trump", "praised", "marco-rubio")),
])
def test_agent_and_described(construction_facts, text, triple):
    assert triple + ("asserted",) in construction_facts(text)


def test_a_passive_participle_without_its_agent_gives_nothing(construction_facts):
    found = construction_facts("وقالت روسيا إن حركة حماس المدعومة ماليا لن تشارك.")
    assert not {f for f in found if f[1] == "supports"}
