"""Tests of the numpy CRF decoder (rawabit.extract.entities.crf) against crfsuite itself."""
from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from rawabit.errors import ModelError
from rawabit.extract.entities.crf import add_scores, marginals, read_model, side_by_side, viterbi
from rawabit.extract.entities.ner import MODEL_PATH, STACK_PATH

# Our own sentences, tagged by hand, to train small models in the tests.
_TRAIN = [
    ("استقبل الرئيس عبد المجيد تبون في الجزائر وفدا من الاتحاد الأفريقي",
     "O O B-PERS I-PERS I-PERS O B-LOC O O B-ORG I-ORG"),
    ("وزار وزير الخارجية أحمد عطاف تونس أمس",
     "O O O B-PERS I-PERS B-LOC O"),
    ("وقالت منظمة الصحة العالمية إن الوضع في غزة خطير",
     "O B-ORG I-ORG I-ORG O O O B-LOC O"),
    ("والتقى عطاف نظيره الفرنسي في باريس",
     "O B-PERS O O O B-LOC"),
]


def _items(words):
    out = []
    for i, w in enumerate(words):
        f = ["bias", "w=" + w, "p2=" + w[:2], "s2=" + w[-2:]]
        f += ["-1:w=" + words[i - 1]] if i else ["BOS"]
        f += ["+1:w=" + words[i + 1]] if i + 1 < len(words) else ["EOS"]
        out.append(f)
    return out


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("crf") / "small.crfsuite"
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in _TRAIN:
        trainer.append(_items(text.split()), tags.split())
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 60, "feature.possible_transitions": True})
    trainer.train(str(path))
    return path


def _unseen():
    return [s.split() for s in (
        "استقبل الرئيس الفرنسي عطاف في باريس",
        "وقالت منظمة الصحة إن الوضع في تونس هادئ",
        "تبون",
        "وزار وفد من الاتحاد الأفريقي الجزائر والتقى الرئيس تبون ووزير الخارجية أحمد عطاف",
    )]


def test_weights_are_the_ones_crfsuite_reports(small_model):
    for path in (small_model, MODEL_PATH, STACK_PATH):
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        w = read_model(path)
        assert set(w.labels) == set(info.labels)
        state = {(a, w.labels[j]): w.state[i, j] for a, i in w.attributes.items()
                 for j in np.flatnonzero(w.state[i])}
        # info() prints the weights with six decimals
        assert state == pytest.approx(info.state_features, abs=1e-6)
        trans = {(w.labels[i], w.labels[j]): w.transitions[i, j]
                 for i, j in zip(*np.nonzero(w.transitions))}
        assert trans == pytest.approx(info.transitions, abs=1e-6)


def test_viterbi_and_marginals_are_crfsuite_s(small_model):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(small_model))
    w = read_model(small_model)
    sentences = _unseen()
    scores = []
    for words in sentences:
        s = np.zeros((len(words), len(w.labels)))
        add_scores(s, _items(words), w)
        scores.append(s)
    paths = viterbi(scores, w.transitions)
    probs = marginals(scores, w.transitions)
    for words, path, prob in zip(sentences, paths, probs):
        expected = tagger.tag(_items(words))
        assert [w.labels[i] for i in path] == expected
        for t, words_tag in enumerate(expected):
            for j, label in enumerate(w.labels):
                assert prob[t, j] == pytest.approx(tagger.marginal(label, t), abs=1e-9)
        assert prob.sum(axis=1) == pytest.approx(np.ones(len(words)))
    assert any(len(set(p.tolist())) > 1 for p in paths), "the small model tags something"


def test_empty_sequences_decode_to_nothing(small_model):
    w = read_model(small_model)
    assert viterbi([], w.transitions) == [] and marginals([], w.transitions) == []
    empty = np.zeros((0, len(w.labels)))
    one = np.zeros((1, len(w.labels)))
    add_scores(one, _items(["الجزائر"]), w)
    paths = viterbi([empty, one, empty], w.transitions)
    assert [len(p) for p in paths] == [0, 1, 0]
    tagger = pycrfsuite.Tagger()
    tagger.open(str(small_model))
    assert [w.labels[paths[1][0]]] == tagger.tag(_items(["الجزائر"]))
    assert [len(m) for m in marginals([empty, one], w.transitions)] == [0, 1]


def test_side_by_side_scores_every_model_at_once(small_model):
    first, second = read_model(small_model), read_model(STACK_PATH)
    both = side_by_side([first, second])
    item = ["bias", "w=تبون", "n=تبون", "p1=B-PERS", "unknown=شيء"]
    assert both.score(item)[:len(first.labels)] == pytest.approx(first.score(item))
    assert both.score(item)[len(first.labels):] == pytest.approx(second.score(item))
    assert both.labels == first.labels + second.labels


def test_a_file_that_is_no_crfsuite_model_is_a_model_error(tmp_path):
    for data in (b"lCRF" + bytes(60), b"not a model at all", b""):
        bad = tmp_path / "bad.crfsuite"
        bad.write_bytes(data)
        with pytest.raises(ModelError):
            read_model(bad)
    with pytest.raises(ModelError):
        read_model(tmp_path / "absent.crfsuite")
