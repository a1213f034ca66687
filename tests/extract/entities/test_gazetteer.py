"""Tests of rawabit.extract.entities.gazetteer's phrase index."""
from __future__ import annotations

from rawabit.extract.entities.gazetteer import PhraseIndex


def _index() -> PhraseIndex:
    index = PhraseIndex()
    for phrase, value in [("الأمم المتحدة", "un"), ("الأمم المتحدة للطفولة", "unicef"),
                          ("مجلس الأمن الدولي", "unsc"), ("الأمم", "nations"), ("غزة", "gaza")]:
        index.add(phrase, value)
    return index


def test_the_longest_phrase_at_a_word_wins():
    index = _index()
    assert index.match("الامم", ["المتحده", "للطفوله", "اليوم"]) == (3, "unicef")
    assert index.match("الامم", ["المتحده", "اليوم"]) == (2, "un")
    assert index.match("الامم", ["المتحده"]) == (2, "un")
    assert index.match("الامم", []) == (1, "nations")
    assert index.match("غزه", ["الامم", "المتحده"]) == (1, "gaza")


def test_the_leading_words_of_a_phrase_alone_match_nothing():
    index = _index()
    assert index.match("مجلس", ["الامن", "اليوم"]) is None
    assert index.match("مجلس", ["الامن", "الدولي", "اليوم"]) == (3, "unsc")
    assert index.match("القاهره", ["الامم"]) is None


def test_a_phrase_added_later_is_found_too():
    index = _index()
    index.add("مجلس الأمن", "security-council")
    assert index.match("مجلس", ["الامن", "اليوم"]) == (2, "security-council")
    assert index.max_len == 3
