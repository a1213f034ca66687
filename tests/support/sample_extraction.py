"""A small Extraction written by hand, shared by tests/graph and tests/exports.

Loaded by path from both conftest.py files (tests are not a package).
"""
from __future__ import annotations

from rawabit.extract.model import Article, Entity, EntityType, Extraction, Fact, Quote, Status

__all__ = ["make_extraction", "ARTICLE_ID", "EVIDENCE"]

ARTICLE_ID = "a1b2c3d4e5f6"
TEXT = ("التقى المبعوث الأميركي ستيف ويتكوف الرئيس الروسي فلاديمير بوتين في موسكو. "
        "ولم يلتق بوتين زيلينسكي. ومن المقرر أن يزور ويتكوف كييف. "
        "وقال بوتين: «نحن مستعدون لوقف إطلاق النار».")
EVIDENCE = "التقى المبعوث الأميركي ستيف ويتكوف الرئيس الروسي فلاديمير بوتين في موسكو."


def make_extraction() -> Extraction:
    """Return the sample: an asserted, a denied and a planned fact, roles and a quote."""
    ents = [
        Entity("vladimir-putin", EntityType.PERSON, "فلاديمير بوتين", "Vladimir Putin",
               aliases=("بوتين", "فلاديمير بوتين"), wikidata="Q7747"),
        Entity("steve-witkoff", EntityType.PERSON, "ستيف ويتكوف", "Steve Witkoff", aliases=("ويتكوف",)),
        Entity("volodymyr-zelensky", EntityType.PERSON, "فولوديمير زيلينسكي", "Volodymyr Zelensky",
               aliases=("زيلينسكي",), wikidata="Q3874799"),
        Entity("moscow", EntityType.CITY, "موسكو", "Moscow", wikidata="Q649"),
        Entity("kyiv", EntityType.CITY, "كييف", "Kyiv"),
        Entity("russia", EntityType.COUNTRY, "روسيا", "Russia", wikidata="Q159"),
        Entity("united-states", EntityType.COUNTRY, "الولايات المتحدة", "United States", wikidata="Q30"),
        Entity("kremlin", EntityType.ORGANIZATION, "الكرملين", "Kremlin"),
        Entity("ar-krym", EntityType.REGION, "القرم"),
        Entity("topic-ceasefire", EntityType.TOPIC, "وقف إطلاق النار", "ceasefire", aliases=("هدنة",)),
    ]
    article = Article(ARTICLE_ID, "news/day1.txt", TEXT, title="ويتكوف يلتقي بوتين", part=0)
    second = Article("0f0e0d0c0b0a", "news/day1.txt", "ترمب يشيد بمباحثات مبعوثه.", part=1)

    def fact(s, r, o, status, sentence=0, start=0, end=len(EVIDENCE), conf=0.9, rule="interaction.verb"):
        return Fact(s, r, o, status, ARTICLE_ID, sentence, start, end, EVIDENCE, rule, conf)

    facts = [
        fact("steve-witkoff", "met", "vladimir-putin", Status.ASSERTED),
        fact("vladimir-putin", "presidentOf", "russia", Status.ASSERTED, rule="role.title", conf=0.95),
        fact("steve-witkoff", "envoyOf", "united-states", Status.ASSERTED, rule="role.title", conf=1.0),
        fact("vladimir-putin", "met", "volodymyr-zelensky", Status.DENIED, sentence=1, start=76, end=99, conf=0.7),
        fact("steve-witkoff", "visited", "kyiv", Status.PLANNED, sentence=2, start=100, end=131, conf=0.666),
        fact("moscow", "locatedIn", "russia", Status.ASSERTED, rule="geo.adjective", conf=0.8),
        fact("vladimir-putin", "supports", "topic-ceasefire", Status.ASSERTED, sentence=3, start=132, end=175,
             rule="stance.verb", conf=0.6),
    ]
    quote = Quote("vladimir-putin", "نحن مستعدون لوقف إطلاق النار", ARTICLE_ID, 3, 146, 174, direct=True)
    return Extraction(
        articles=[article, second],
        entities={e.key: e for e in ents},
        facts=facts,
        quotes=[quote],
        mentions={ARTICLE_ID: {"vladimir-putin", "steve-witkoff", "volodymyr-zelensky", "moscow", "kyiv",
                               "russia", "united-states", "topic-ceasefire"}},
    )
