"""Tests of rawabit.extract.entities.ner_mentions: IOB2 spans and CoNLL reading."""
from __future__ import annotations

import pytest

from rawabit.errors import InputError
from rawabit.extract.entities.ner_mentions import iob_spans, read_conll, read_lines


def test_spans_of_a_plain_sequence():
    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert iob_spans(tags) == [(0, 2, "PERS"), (3, 4, "LOC"), (5, 8, "ORG")]


def test_i_without_b_starts_an_entity():
    assert iob_spans(["O", "I-LOC", "I-LOC", "O"]) == [(1, 3, "LOC")]
    assert iob_spans(["I-PERS"]) == [(0, 1, "PERS")]


def test_adjacent_entities_of_the_same_type_stay_apart():
    assert iob_spans(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]


def test_type_change_inside_i_tags_splits():
    assert iob_spans(["B-PERS", "I-ORG", "I-ORG"]) == [(0, 1, "PERS"), (1, 3, "ORG")]


def test_no_entities():
    assert iob_spans([]) == []
    assert iob_spans(["O", "O"]) == []


def test_read_conll_with_bom_and_extra_blank_lines(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("\ufeffزار B-X\nعمان\n\n\n\nانتهى O\n".encode("utf-8"))
    assert read_conll(path) == [[("زار", "B-X"), ("عمان", "")], [("انتهى", "O")]]


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary", b"\xff\xfe\xfa bad utf-8"])
def test_bad_input_is_an_input_error(tmp_path, content):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(InputError):
        read_lines(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "absent.txt")
