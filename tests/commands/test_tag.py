"""Tests of ``rawabit tag``."""
from __future__ import annotations

import pytest

from rawabit.cli import main
from rawabit.commands import tag as tag_cmd

CONLL = """\
التقى\tX
وزير
الخارجية
الأردني
أيمن
الصفدي
نظيره
المصري
في
القاهرة
.


وقال
الصفدي
إن
المحادثات
كانت
مثمرة
.
"""


def _rows(text):
    return [line.split() for line in text.splitlines()]


def test_round_trip_keeps_tokens_and_sentence_breaks(tmp_path):
    src = tmp_path / "in.conll"
    src.write_bytes(b"\xef\xbb\xbf" + CONLL.encode("utf-8"))
    out = tmp_path / "out.conll"
    assert main(["tag", str(src), "-o", str(out)]) == 0
    rows, gold = _rows(out.read_text(encoding="utf-8")), _rows(CONLL)
    assert len(rows) == len(gold)
    for got, want in zip(rows, gold):
        if not want:
            assert got == []
            continue
        assert len(got) == 2 and got[0] == want[0]
        assert got[1] == "O" or got[1][:2] in ("B-", "I-") and got[1][2:] in {"PERS", "LOC", "ORG", "MISC"}
    tags = dict((r[0], r[1]) for r in rows if r)
    assert tags["القاهرة"] == "B-LOC"


def test_writes_to_stdout_without_output(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("زار\nالرئيس\nعمان\n", encoding="utf-8")
    assert main(["tag", str(src)]) == 0
    assert [r[0] for r in _rows(capsys.readouterr().out)] == ["زار", "الرئيس", "عمان"]


def test_tag_lines_preserves_blank_line_runs():
    class Fake:
        def tag_sentences(self, sentences):
            return [["O"] * len(s) for s in sentences]
    lines = ["", "أ", "ب", "", "", "ج x y", ""]
    assert tag_cmd.tag_lines(lines, Fake()) == ["", "أ O", "ب O", "", "", "ج O", ""]


@pytest.mark.parametrize("content", [None, b"\x00\x01binary\x00", b"   \n\n"])
def test_bad_input_is_a_one_line_input_error(tmp_path, capsys, content):
    src = tmp_path / "in.bin"
    if content is not None:
        src.write_bytes(content)
    assert main(["tag", str(src)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rawabit: error: ") and "\n" not in err
