"""Normalization, sentence splitting, tokenization and proclitics."""
from __future__ import annotations

from rawabit.extract.arabic import normalize, normalize_phrase, slugify
from rawabit.extract.reading.clitics import CliticSplitter
from rawabit.extract.reading.sentences import split_sentences, tokenize


def test_normalize_folds_spelling_variants():
    assert normalize("بُوتِين") == normalize("بوتين")
    assert normalize("إسطنبول") == normalize("اسطنبول")
    assert normalize("الهدنة") == normalize("الهدنه")
    assert normalize("على") == normalize("علي")
    assert normalize("مسؤول") == "مسوول"
    assert normalize_phrase("وقفُ إطلاقِ النار!") == "وقف اطلاق النار"


def test_slugs_are_iri_safe_and_stable():
    assert slugify("Vladimir Putin") == "vladimir-putin"
    slug = slugify("إيفان فيدوروف")
    assert slug.startswith("ar-") and slug == slugify("إيفان فيدوروف")
    assert all(ch.isalnum() or ch == "-" for ch in slug)


def test_sentences_end_at_arabic_marks_but_not_inside_quotes():
    text = ("قال بيسكوف: «سيتم الاتصال الاثنين. الرئيسان هما من يقرر». وأضاف أن اللقاء ممكن؟ "
            "نعم، قال ذلك.\nسطر جديد")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[0] == "قال بيسكوف: «سيتم الاتصال الاثنين. الرئيسان هما من يقرر»."
    assert spans[1] == "وأضاف أن اللقاء ممكن؟"
    assert spans[2] == "نعم، قال ذلك."
    assert spans[3] == "سطر جديد"


def test_decimal_points_do_not_split():
    assert len(split_sentences("ارتفع السعر 3.5 في المئة أمس.")) == 1


def test_tokens_keep_offsets_into_the_article():
    text = "مقدمة. وقال ترمب، إن «السلام» قريب."
    start = text.index("وقال")
    sent = tokenize(text[start:], start, 1)
    for tok in sent.tokens:
        assert text[tok.start:tok.end] == tok.text
    assert [t.text for t in sent.tokens][:4] == ["وقال", "ترمب", "،", "إن"]


def test_proclitics_split_only_before_known_words():
    split = CliticSplitter({"ويتكوف", "الكرملين", "موسكو", "بوتين"}).split
    assert split("وويتكوف") == ("و", "ويتكوف")
    assert split("للكرملين") == ("لل", "الكرملين")
    assert split("وموسكو") == ("و", "موسكو")
    assert split("بوتين") == ("", "بوتين")        # not ب + وتين
    assert split("ويتكوف") == ("", "ويتكوف")
    assert split("وزارة") == ("", "وزارة")        # unknown rest: no split
