"""Tests for rawabit.extract.reading.html_text."""
from __future__ import annotations

from pathlib import Path

import pytest

from rawabit.errors import InputError
from rawabit.extract.reading.html_text import declared_charset, extract_html

DATA = Path(__file__).resolve().parents[2] / "data" / "reader"
TITLE = "وزير الخارجية المصري يلتقي نظيره الأردني في عمّان"


@pytest.fixture(scope="module")
def page() -> tuple[str, str]:
    return extract_html((DATA / "page.html").read_text(encoding="utf-8"))


def test_title_is_the_article_h1_not_the_site_logo(page):
    title, text = page
    assert title == TITLE
    assert text.split("\n")[0] == TITLE


@pytest.mark.parametrize("leak", [
    "tracker-script-text", "style-text", "onload", "comment-text", "img-onerror", "alt-text",
    "inline-script-text", "js-link-text", "link-js", "noscript-text", "textarea-text",
    "aside-text", "footer-text", "svg-text", "alert", "موقع الأخبار", "عالم",
])
def test_hostile_and_chrome_text_is_removed(page, leak):
    assert leak not in page[1]


def test_blocks_become_lines_and_entities_are_decoded(page):
    lines = page[1].split("\n")
    assert lines[1].startswith("التقى وزير الخارجية") and "&" in lines[1] and "&amp;" not in lines[1]
    assert any(line.endswith("كانت مثمرة، وإن البلدين اتفقا على عقد اجتماع للجنة العليا المشتركة "
                             "قبل نهاية العام الجاري في القاهرة.") for line in lines)
    assert "ملفات المياه والطاقة" in lines
    assert "تعزيز الربط الكهربائي بين البلدين" in lines
    assert "مشروعات مشتركة لتحلية المياه" in lines


def test_title_tag_used_without_h1():
    title, text = extract_html("<html><head><title>موقع الأخبار - وزير الخارجية يلتقي نظيره الأردني</title>"
                               "</head><body><p>التقى الوزيران في عمّان.</p></body></html>")
    assert title == "وزير الخارجية يلتقي نظيره الأردني"
    assert text == "وزير الخارجية يلتقي نظيره الأردني\nالتقى الوزيران في عمّان."


def test_paragraph_density_picks_the_content_block():
    body = "".join(f"<p>فقرة رقم {i} من نص الخبر الطويل عن اجتماع الوزراء في العاصمة.</p>" for i in range(5))
    title, text = extract_html(f"<body><div class='menu'><p>قائمة</p></div><div>{body}</div></body>")
    assert title == ""
    assert "قائمة" not in text and text.count("فقرة رقم") == 5


def test_form_wrapping_the_whole_page_is_kept():
    _, text = extract_html("<body><form id='aspnet'><article><p>نص الخبر داخل النموذج.</p>"
                           "</article></form></body>")
    assert text == "نص الخبر داخل النموذج."


@pytest.mark.parametrize("markup", [
    "<p>نص <b>مكسور <i>هنا</p></div></span>&nbsp;&copy; &#1575;&bogus; <",
    "<div title='" + "x" * 2_000_000 + "'>نص</div>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>نص</p></body></html>',
    "<div>" * 5000 + "نص" + "</div>" * 5000,
    "<a href='  JaVaScRiPt:alert(1)'>x</a><p>نص</p>",
    "\x00<p>نص\ud800</p>",
])
def test_hostile_markup_does_not_crash(markup):
    title, text = extract_html(markup)
    assert "alert" not in text and "x" * 100 not in text


def test_only_whitespace_is_unreadable():
    with pytest.raises(InputError, match="HTML"):
        extract_html("   ")


def test_declared_charset():
    assert declared_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">') == "UTF-8"
    assert declared_charset(b"<html><body>no meta</body></html>") is None
