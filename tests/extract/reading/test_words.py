"""Tokens with offsets: the same as camel-tools' simple_word_tokenize, found faster."""
from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize

from rawabit.extract.reading import words
from rawabit.extract.reading.words import word_spans

NEWS = ("أعلن الرئيس الفرنسي، مساء الثلاثاء، أن باريس «لن تقبل» بأي اتفاق لا يشمل أوكرانيا!! "
        "وقال المتحدث (نقلاً عن وكالة الأنباء): إن الجولة الثالثة ستبدأ في 12/3/2026 عند الساعة 10:30... "
        "هل تُجرى الانتخابات في موعدها؟ ردّ الوزير: «نعم» 👍🏽 وارتفعت الأسعار 3.5% و٪٧ "
        "في حين كتبت صحيفة Le Monde أن الـ«اتفاق» قريب—ربما #غدا 🇫🇷 1⃣ ‎تقريباً‎")


def test_the_tokens_of_news_text_are_camel_tools_tokens_at_their_offsets():
    spans = list(word_spans(NEWS))
    assert [w for w, _, _ in spans] == simple_word_tokenize(NEWS)
    assert all(NEWS[s:e] == w for w, s, e in spans)
    assert ("«", "لن") == tuple(w for w, _, _ in spans[9:11])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_strings_of_letters_marks_digits_symbols_and_emoji_tokenize_as_camel_tools_does(seed):
    rng = random.Random(seed)
    pool = ([chr(c) for c in range(0x21, 0x2100)] + list("\ufe0f\u20e3\u200d\u200f") + ["😀", "🇸", "🇦", "🏽", "👍"]
            + [" "] * 300 + list("ابتثجحخدذرسشصضطظعغفقكلمنهوءآأإىة") * 40)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
        spans = list(word_spans(text))
        assert [w for w, _, _ in spans] == simple_word_tokenize(text), text
        assert all(text[s:e] == w for w, s, e in spans), text


def test_without_the_shortcut_every_piece_goes_to_camel_tools(monkeypatch):
    words._load()
    calls = []
    monkeypatch.setattr(words, "_cut", None)      # what _load leaves when camel-tools' internals differ
    monkeypatch.setattr(words, "_other", None)
    monkeypatch.setattr(words, "_split", lambda s: calls.append(s) or simple_word_tokenize(s))
    assert [w for w, _, _ in word_spans("قال الوزير: نعم")] == ["قال", "الوزير", ":", "نعم"]
    assert calls == ["قال", "الوزير:", "نعم"]


def test_a_text_without_emoji_is_cut_in_one_pass_like_piece_by_piece():
    words._load()
    text = NEWS.split("👍🏽")[0]
    assert words._other.search(text) is None   # the one-pass path
    assert word_spans(text) == list(words._pieces(text))
    assert words._other.search(NEWS) is not None


def test_only_pieces_with_emoji_go_to_camel_tools(monkeypatch):
    words._load()
    calls = []
    monkeypatch.setattr(words, "_split", lambda s: calls.append(s) or simple_word_tokenize(s))
    text = "التقى الوزيران في «الرياض» عام 2025، ثم غادرا 👍🏽 (مبتسمين)."
    assert [w for w, _, _ in word_spans(text)] == simple_word_tokenize(text)
    assert calls == ["👍🏽"]


@pytest.fixture
def cache(monkeypatch, tmp_path):
    """A user cache directory of the test's own (subprocesses inherit it)."""
    monkeypatch.setenv("RAWABIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_tables_in_use_are_what_the_installed_camel_tools_gives(cache):
    tables, origin = words._tables()
    assert tables == words.char_tables()
    assert origin in ("shipped", "cache", "computed")
    shipped = json.loads(words.TABLES_PATH.read_text(encoding="utf-8"))
    assert set(shipped["key"]) == set(words.table_key()) and set(shipped["versions"]) == set(words.versions())


def test_tables_for_another_key_are_computed_once_then_read_from_the_cache(monkeypatch, tmp_path, cache):
    stale = tmp_path / "tables.json"
    stale.write_text(json.dumps({"key": {"camel-tools": "0.1"}, "versions": {"camel-tools": "0.1"},
                                 "kept": "a-z", "alone": ""}), encoding="utf-8")
    monkeypatch.setattr(words, "TABLES_PATH", stale)
    fresh = words.char_tables()
    assert words._tables() == (fresh, "computed")
    kept = words.cached_tables_path(words.table_key())
    assert kept.parent == cache and kept.is_file()
    assert words._tables() == (fresh, "cache")
    kept.write_text("{not json", encoding="utf-8")   # a damaged cache is computed again
    assert words._tables() == (fresh, "computed")
    stale.write_text("{not json", encoding="utf-8")
    assert words._tables() == (fresh, "cache")


def test_a_regex_release_with_the_same_unicode_data_keeps_the_shipped_tables(monkeypatch, tmp_path, cache):
    shipped = tmp_path / "tables.json"
    words.write_tables(shipped, words.table_key(), words.char_tables())
    monkeypatch.setattr(words, "TABLES_PATH", shipped)
    newer = {**words.versions(), "regex": "2099.1.1"}
    monkeypatch.setattr(words, "versions", lambda: newer)
    assert words._tables() == (words.char_tables(), "shipped")
    assert not cache.exists()   # nothing had to be computed


def test_the_key_changes_with_the_unicode_data_regex_gives(monkeypatch):
    import regex

    real = regex.findall
    monkeypatch.setattr(regex, "findall", lambda p, s: real(p, s) + (["\u0628"] if p == r"\p{S}" else []))
    changed = words.table_key()
    monkeypatch.setattr(regex, "findall", real)
    assert changed["regex-properties"] != words.table_key()["regex-properties"]
    assert {k: v for k, v in changed.items() if k != "regex-properties"} == \
        {k: v for k, v in words.table_key().items() if k != "regex-properties"}


def test_plain_news_text_does_not_import_camel_tools_symbol_sets(cache):
    # whatever the installed releases: the first process may compute the tables
    # (a release the shipped ones were not made for), every later one reads them
    code = ("import sys; from rawabit.extract.reading.words import word_spans, fast_path; "
            "print(len(list(word_spans('قال الوزير: «نرفض ذلك» في 2025.'))), fast_path(), "
            "'camel_tools.utils.charsets' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert first[0] == "10" and first[1] in ("shipped", "computed")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["10", "shipped" if first[1] == "shipped" else "cache", "False"]
