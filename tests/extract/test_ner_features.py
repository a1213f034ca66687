"""Tests of rawabit.extract.ner_features."""
from __future__ import annotations

import pytest

from rawabit.extract.ner_features import (
    document_features, load_clusters, load_gazetteer, load_resources, normalize,
    sentence_features, split_affixes, stack_features, word_shape)


@pytest.fixture(scope="module")
def res():
    return load_resources(gazetteer=False, clusters=False)


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


def test_clusters_are_optional_and_become_features(tmp_path):
    assert load_clusters(tmp_path / "absent.tsv") == {}
    (tmp_path / "ner_triggers.tsv").write_text("kind\tword\nproclitic\tو\n", encoding="utf-8")
    (tmp_path / "ner_clusters.tsv").write_text(
        "# made for this test\nn\tبوش\t1\t7\t30\nst\tمصر\t2\t9\t31\n", encoding="utf-8")
    with_cl = load_resources(tmp_path)
    assert with_cl.clusters["n:بوش"] == ("1", "7", "30")
    feats = sentence_features("قال بوش في ومصر".split(), with_cl)
    assert {"c0=1", "c1=7", "c2=30"} <= set(feats[1])
    assert "c1=9" in feats[3]            # found by its stem under the proclitic
    assert "1:c1=7" in feats[0] and "-1:c1=7" in feats[2]


def test_stack_features_read_the_first_pass_of_other_occurrences(res):
    sentences = [["التقى", "دونالد", "رامسفيلد", "أمس"], ["وقال", "رامسفيلد", "إن"]]
    first = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    feats = stack_features(sentences, first, res, confidence=[[1.0] * 4, [0.5] * 3])
    alone = feats[1][1]
    assert "p1=O" in alone and "p1-1=O" in alone
    assert {"dmaj=PERS", "drole=PERSe", "dbefore=PERS", "dent=all", "p1c=lo|O"} <= set(alone)
    assert "p1=I-PERS" in feats[0][2] and "p1c=hi|I-PERS" in feats[0][2]
    assert not any(f.startswith("dbefore") for f in feats[0][2])
    far = stack_features(sentences, first, res, window=0)
    assert not any(f.startswith("dmaj") for f in far[1][1])


def test_organisation_chain_features(res):
    tokens = "أعلنت وزارة الخارجية الأمريكية أن".split()
    feats = sentence_features(tokens, res)
    assert "tr=org" in feats[1] and "otr|+1def=True" in feats[1]
    assert {"wino=وزاره", "och=1", "och|mid", "dc=1"} <= set(feats[2])
    assert {"och=2", "och|end", "dc=2"} <= set(feats[3])
    assert not any(f.startswith("och") for f in feats[4])
