"""Tests of rawabit.extract.ner_features."""
from __future__ import annotations

import pytest

from rawabit.extract.ner_features import (
    document_features, load_gazetteer, load_resources, normalize, sentence_features,
    split_affixes, word_shape)


@pytest.fixture(scope="module")
def res():
    return load_resources(gazetteer=False)


def test_normalize_dediacritizes_and_unifies_letters():
    assert normalize("إِلى") == "الي"
    assert normalize("مدينةٌ") == "مدينه"
    assert normalize("CNN") == "cnn"


@pytest.mark.parametrize("word, expected", [
    ("والرئيس", ("وال", "رئيس", "")),
    ("بالقاهرة", ("بال", "قاهره", "ه")),
    ("للأمم", ("لل", "امم", "")),
    ("المصري", ("ال", "مصري", "ي")),
    ("ومصر", ("و", "مصر", "")),
    ("في", ("", "في", "")),
    ("Reuters", ("", "reuters", "")),
])
def test_clitic_split(res, word, expected):
    assert split_affixes(normalize(word), res) == expected


def test_features_include_the_clitic_split_and_context(res):
    feats = sentence_features("وصل الرئيس إلى بالقاهرة".split(), res)
    last = feats[3]
    assert "pc=بال" in last and "st=قاهره" in last and "sf=ه" in last
    assert "-2:tr=title" in last and "win=title" in last
    assert "first" in feats[0] and "last" in last
    assert "tr=title" in feats[1]


def test_word_shape():
    assert word_shape("القاهرة") == "arabic"
    assert word_shape("CNN") == "latin"
    assert word_shape("2024") == "digit"
    assert word_shape("،") == "punct"


def test_document_features_borrow_context_of_other_occurrences(res):
    sentences = [["التقى", "دونالد", "رامسفيلد", "أمس"], ["وقال", "رامسفيلد", "إن"]]
    feats = document_features(sentences, res)
    assert "dprev=دونالد" in feats[1][1]
    assert feats[0][2][:5] == sentence_features(sentences[0], res)[2][:5]


def test_gazetteer_is_optional_and_marks_multiword_names(tmp_path, res):
    assert load_gazetteer([tmp_path / "absent.tsv"]) == {}
    gaz = tmp_path / "gazetteer_test.tsv"
    gaz.write_text("key\ttype\tar\nx\tCity\tعمان|عمّان\ny\tPerson\tأيمن الصفدي\n", encoding="utf-8")
    (tmp_path / "ner_triggers.tsv").write_text("kind\tword\nproclitic\tو\n", encoding="utf-8")
    with_gaz = load_resources(tmp_path)
    assert with_gaz.gazetteer[("عمان",)] == "LOC"
    feats = sentence_features("وصل أيمن الصفدي إلى وعمان".split(), with_gaz)
    assert "gz=B-PERS" in feats[1] and "gz=I-PERS" in feats[2] and "gz=B-LOC" in feats[4]
