"""Hedged, planned and claimed statements keep their status, on sentences written for these tests."""
from __future__ import annotations

import pytest

from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def statuses(nlp: Pipeline, text: str) -> dict[tuple[str, str, str], str]:
    doc = nlp(Article("t", "t.txt", text))
    return {(f.subject, f.relation, f.object): f.status.value for f in doc.facts}


@pytest.mark.parametrize("text, fact, status", [
    ("فيما يُنتظر أن يتوجه ترمب لاحقاً إلى اليابان.", ("donald-trump", "visited", "japan"), "planned"),
    ("ومن المرجح أن يزور الرئيس الفرنسي إيمانويل ماكرون بكين الشهر المقبل.",
     ("emmanuel-macron", "visited", "beijing"), "possible"),
    ("وزعمت موسكو أن كييف قصفت محطة زابوريجيا النووية.", ("kyiv", "attacked", "zaporizhzhia"), "possible"),
    # what an accusation says was done is the accuser's claim; the accusation itself is a fact
    ("واتهمت موسكو كييف بقصف محطة زابوريجيا النووية.", ("kyiv", "attacked", "zaporizhzhia"), "possible"),
    ("واتهمت موسكو كييف بقصف محطة زابوريجيا النووية.", ("moscow", "accused", "kyiv"), "asserted"),
    # a clause of its own after the accusation is asserted
    ("واتهمت كييف موسكو باستهداف المدنيين، وقصفت روسيا خاركيف مجدداً.", ("russia", "attacked", "kharkiv"),
     "asserted"),
    ("وقال الكرملين إن بوتين التقى ويتكوف.", ("vladimir-putin", "met", "steve-witkoff"), "asserted"),
])
def test_status(nlp, text, fact, status):
    assert statuses(nlp, text).get(fact) == status
