"""The spool that keeps a big corpus's facts on disk."""
from __future__ import annotations

import pickle
from dataclasses import replace

from rawabit.extract.linking.linker import Linker, Summary
from rawabit.extract.model import Article, Entity, EntityType, Fact, Status
from rawabit.extract.spool import Spool


def test_small_spool_stays_in_memory_and_behaves_like_a_list():
    s = Spool(["بوتين", "ويتكوف"], limit=5)
    assert not s.spilled
    assert len(s) == 2 and s[0] == "بوتين" and s[-1] == "ويتكوف" and s == ["بوتين", "ويتكوف"]


def test_spilled_spool_keeps_order_length_and_indexing():
    s = Spool(limit=10, chunk=3)
    s.extend(f"خبر {i}" for i in range(25))
    assert s.spilled
    assert len(s) == 25
    assert list(s) == [f"خبر {i}" for i in range(25)]
    assert s[0] == "خبر 0" and s[11] == "خبر 11" and s[-1] == "خبر 24"
    assert s[4:7] == ["خبر 4", "خبر 5", "خبر 6"]
    assert list(s) == list(s)  # walked twice, read back twice


def test_items_appended_after_spilling_are_kept_in_order():
    s = Spool(range(12), limit=4, chunk=4)
    s.append(12)
    s.extend([13, 14])
    assert list(s) == list(range(15)) and s[13] == 13


def test_spool_pickles_with_its_items():
    s = Spool(range(30), limit=5, chunk=7)
    back = pickle.loads(pickle.dumps(s))
    assert back == s and list(back) == list(range(30))


def test_close_deletes_the_temporary_file():
    s = Spool(range(30), limit=5)
    handle = s._file
    s.close()
    assert handle.closed and len(s) == 0 and list(s) == []


def _summary(i: int) -> Summary:
    article = Article(id=f"a{i}", path=f"news/{i}.txt", text="", title=f"لقاء في موسكو {i}")
    people = (Entity("vladimir-putin", EntityType.PERSON, "فلاديمير بوتين"),
              Entity("ar-wytkwf", EntityType.PERSON, "ستيف ويتكوف"),
              Entity("ar-wytkwf-only", EntityType.PERSON, "ويتكوف"))
    fact = Fact(subject="vladimir-putin", relation="met", object="ar-wytkwf-only", article=f"a{i}",
                sentence=0, start=0, end=60, evidence="التقى الرئيس الروسي فلاديمير بوتين المبعوث ويتكوف في موسكو.",
                rule="interaction.verb", confidence=0.9, status=Status.ASSERTED)
    return Summary(article, ("vladimir-putin", "ar-wytkwf", "ar-wytkwf-only"), people, (fact,), ())


def test_linking_a_spilled_corpus_gives_what_linking_in_memory_gives():
    summaries = [_summary(i) for i in range(40)]
    in_memory = Linker().link(summaries)
    spilled = Linker(spool_limit=7).link(summaries)
    assert not in_memory.facts.spilled and spilled.facts.spilled and spilled.articles.spilled
    assert spilled.facts == in_memory.facts and list(spilled.articles) == list(in_memory.articles)
    assert spilled.entities == in_memory.entities and spilled.mentions == in_memory.mentions
    # the lone surname «ويتكوف» joined the full name in every article
    assert {f.object for f in spilled.facts} == {"ar-wytkwf"}
    assert replace(spilled.facts[39], article="a0") == spilled.facts[0]
