"""Tests for rawabit.extract.reading.encoding: decoding, binary refusal, normalisation."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from rawabit.errors import InputError
from rawabit.extract.reading.encoding import decode, looks_binary, normalize_text

TEXT = ("التقى وزير الخارجية المصري نظيره الأردني في العاصمة عمّان يوم الأحد.\n"
        "وقال الوزير إن المباحثات كانت مثمرة، وإن اللجنة المشتركة ستجتمع قريباً.")


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "cp1256"])
def test_decodes_without_bom(codec):
    assert decode(TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_decodes_with_bom_and_drops_it(bom, codec):
    assert decode(bom + TEXT.encode(codec)) == TEXT


def test_cp1256_is_not_mistaken_for_another_codepage():
    data = TEXT.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "وزير الخارجية" in decode(data)


def test_declared_hint_is_used_before_guessing():
    data = "Zürich et Genève".encode("latin-1")
    assert decode(data, hint="latin-1") == "Zürich et Genève"


def test_unknown_hint_is_ignored():
    assert decode(TEXT.encode("utf-8"), hint="no-such-codec") == TEXT


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"x" * 40, "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
])
def test_refuses_known_binary_formats(data, kind):
    with pytest.raises(InputError, match=kind):
        decode(data)


def test_refuses_nul_bytes_that_are_not_utf16():
    data = bytes(range(256)) * 8
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_refuses_control_characters():
    data = ("نص " + "\x01\x02\x03\x04\x05" * 20).encode("utf-8")
    with pytest.raises(InputError, match="control characters"):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8])
def test_refuses_empty(data):
    with pytest.raises(InputError, match="empty"):
        decode(data)


def test_invalid_utf8_after_bom_is_a_clear_error():
    with pytest.raises(InputError, match="UTF-8"):
        decode(codecs.BOM_UTF8 + b"abc \xff\xfe\xfd")


def test_looks_binary_accepts_crlf_prose():
    assert not looks_binary("سطر قصير\r\n" * 50)
    assert looks_binary("\x00\x1b\x07" * 10 + "abc")


def test_normalize_newlines_and_spaces():
    assert normalize_text("أ\r\nب\rج\u2029د\t\t هـ  \u00a0و ") == "أ\nب\nج\nد هـ و"


def test_normalize_is_nfc():
    decomposed = "\u0627\u0654\u0645\u0646"  # alef + combining hamza above
    out = normalize_text(decomposed)
    assert out == "\u0623\u0645\u0646" == unicodedata.normalize("NFC", decomposed)


def test_normalize_maps_arabic_letter_presentation_forms_only():
    out = normalize_text("\ufe8d\ufedf\ufeb4\ufefc\ufee1 \ufdfa \u2026 \uff21")
    assert out.startswith("السلام ")
    assert "\ufdfa" in out  # a whole-phrase ligature stays as written
    assert "\u2026" in out and "\uff21" in out  # no NFKC outside Arabic letter forms


def test_normalize_strips_invisible_controls():
    dirty = "\ufeff\u200fوزير\u200b الخارجية\u202b يلتقي\u202c\u2066 نظيره\u2069\u200d\u200c\u200e"
    assert normalize_text(dirty) == "وزير الخارجية يلتقي نظيره"


def test_tatweel_removed_only_between_arabic_letters():
    assert normalize_text("مـــصـر") == "مصر"
    assert normalize_text("صفقة بـ500 مليون") == "صفقة بـ500 مليون"
    assert normalize_text("مشار إليها بـ *") == "مشار إليها بـ *"
