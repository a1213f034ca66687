"""CamelBertRecognizer, run on a tiny BERT that the test builds itself.

camel_tools reads its data catalogue when ``camel_tools.ner`` is imported,
so the loading code runs in a child process whose ``CAMELTOOLS_DATA`` is a
temporary camel_data install: a catalogue naming one NER model, and that
model (2 layers, a 30-word vocabulary, random weights).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rawabit.errors import ModelError
from rawabit.extract.entities.ner import CamelBertRecognizer, get_recognizer

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["التقى", "وزير", "الخارجية", "أيمن", "الصفدي", "في", "عمان", "##ة", "##ال", "ال"]

_CHILD = """
import json, sys
from rawabit.extract.entities.ner import CamelBertRecognizer
tokens = sys.argv[2].split()
by_path = CamelBertRecognizer(sys.argv[1])
installed = CamelBertRecognizer.pretrained()
print(json.dumps({"path": by_path.tag(tokens), "installed": installed.tag(tokens),
                  "many": by_path.tag_sentences([tokens, [], tokens[:2]])}))
"""


def _tiny_bert(path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    path.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + WORDS + list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأى")
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=256, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={k: i for i, k in enumerate(LABELS)})
    transformers.BertForTokenClassification(config).save_pretrained(path)
    transformers.BertTokenizer(str(path / "vocab.txt"), do_lower_case=False).save_pretrained(path)


def test_loads_a_bert_model_by_path_and_from_camel_data(tmp_path):
    data = tmp_path / "camel_data"
    _tiny_bert(data / "data" / "ner" / "tiny")
    catalogue = {"version": "test", "packages": {}, "components": {"NamedEntityRecognition": {
        "default": "tiny", "datasets": {"tiny": {"path": "ner/tiny"}}}}}
    (data / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    env = dict(os.environ, CAMELTOOLS_DATA=str(data), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    tokens = "التقى وزير الخارجية أيمن الصفدي في عمان"
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(data / "data" / "ner" / "tiny"), tokens],
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(out["path"]) == 7 and set(out["path"]) <= set(LABELS)
    assert out["installed"] == out["path"]
    assert [len(t) for t in out["many"]] == [7, 0, 2]
    assert out["many"][0] == out["path"]


def test_missing_model_directory_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="config.json missing"):
        CamelBertRecognizer(tmp_path / "no-model")
    with pytest.raises(ModelError):
        get_recognizer("camelbert", tmp_path)


def test_unknown_backend_is_a_model_error():
    with pytest.raises(ModelError, match="unknown NER backend"):
        get_recognizer("nonesuch")
