"""«الأخير»: the person named last, taken up as «the latter» (linking/latter.py)."""
from __future__ import annotations

from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline


def test_the_latter_is_the_last_person_named(construction_facts):
    found = construction_facts(
        "وزار وزير الخارجية الفرنسي جان نويل بارو الجزائر والتقى الرئيس الجزائري عبد المجيد تبون، "
        "إثر اتصال هاتفي بين الأخير ونظيره الفرنسي إيمانويل ماكرون.")
    assert ("abdelmadjid-tebboune", "phoned", "emmanuel-macron", "asserted") in found


def test_the_latter_reaches_back_to_the_sentence_before(construction_facts):
    found = construction_facts("التقى الرئيس الأميركي دونالد ترمب رئيس الوزراء الهندي ناريندرا مودي. "
                               "وأشاد الأخير بالرئيس الروسي فلاديمير بوتين.")
    assert ("narendra-modi", "praised", "vladimir-putin", "asserted") in found


def test_an_adjective_after_a_definite_noun_is_no_one(construction_facts):
    # «المقترح الأخير»: the latest proposal; Trump, named just before, agreed to nothing here
    found = construction_facts("وقال الرئيس الأميركي دونالد ترمب إن حركة حماس وافقت على المقترح الأخير "
                               "لوقف إطلاق النار.")
    assert ("donald-trump", "agreedTo", "topic-ceasefire", "asserted") not in found


def test_no_person_named_no_mention():
    doc = Pipeline.default()(Article("t", "t.txt", "وكان الأخير قد وصل إلى موسكو."))
    assert not [m for m in doc.mentions if m.source == "latter"]
