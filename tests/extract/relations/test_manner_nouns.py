"""A verbal noun after «بـ» saying how the subject of a clause-initial verb acted (finder.py,
``_manner_agent``): «ورد ترمب باتهام بيترو بـ…» — the verb's subject is the noun's agent and the
genitive after it its object; after a cue verb the noun is that verb's object instead."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("ورد ترمب باتهام الرئيس البرازيلي لولا دا سيلفا بدعم المعارضة.",
     ("donald-trump", "accused", "lula-da-silva")),
    ("وانتقد الرئيس الكولومبي غوستافو بيترو الضربات الأميركية. "
     "ورد الرئيس الأميركي دونالد ترمب باتهام نظيره الكولومبي بدعم تجار المخدرات.",
     ("donald-trump", "accused", "gustavo-petro")),
    ("واكتفى وزير الخارجية الفرنسي جان نويل بارو بانتقاد إسرائيل في بيان مقتضب.",
     ("jean-noel-barrot", "criticized", "israel")),
])
def test_the_verbs_subject_is_the_nouns_agent(construction_facts, text, expected):
    assert (*expected, "asserted") in construction_facts(text)


def test_after_a_cue_verb_the_genitive_is_the_agent(construction_facts):
    found = {f[:3] for f in construction_facts("وندد الكرملين باتهام كييف لموسكو بقصف المستشفى.")}
    assert ("kyiv", "accused", "moscow") in found
    assert ("kremlin", "accused", "kyiv") not in found


def test_a_name_after_a_preposition_is_no_agent(construction_facts):
    found = {f[:3] for f in construction_facts("وفي واشنطن باتهام روسيا بخرق الهدنة بدأ المؤتمر.")}
    assert ("washington", "accused", "russia") not in found
