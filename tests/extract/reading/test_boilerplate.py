"""Tests for rawabit.extract.reading.boilerplate: line rules and article splitting."""
from __future__ import annotations

from pathlib import Path

import pytest

from rawabit.extract.reading.boilerplate import classify, load_rules, normalize_line, split_articles

DATA = Path(__file__).resolve().parents[2] / "data" / "reader"
P1 = ("التقى وزير الخارجية المصري نظيره الأردني في العاصمة عمّان يوم الأحد، وبحث الجانبان سبل "
      "تعزيز التعاون الاقتصادي بين البلدين وتطورات الأوضاع في المنطقة.")
P2 = ("وقال الوزير الأردني في مؤتمر صحفي مشترك إن المباحثات كانت مثمرة، وإن البلدين اتفقا على عقد "
      "اجتماع للجنة العليا المشتركة قبل نهاية العام الجاري في القاهرة.")
P3 = ("وأضاف أن الجانبين ناقشا كذلك ملف المياه والطاقة، مشيراً إلى أن فرق العمل الفنية ستواصل "
      "اجتماعاتها خلال الأسابيع المقبلة لوضع خطة تنفيذية واضحة.")
TITLE = "وزير الخارجية المصري يلتقي نظيره الأردني في عمّان"
BULLETS = ["  • وزير الداخلية يعلن خطة جديدة لتنظيم حركة المرور",
           "  • افتتاح معرض الكتاب الدولي في الشارقة بمشاركة واسعة",
           "  • ارتفاع أسعار الذهب في الأسواق المحلية خلال الأسبوع"]


@pytest.mark.parametrize("line", [
    "Sorry, you need to enable JavaScript to visit this website.",
    "اترك تعليقاً", "اترك تعليقك", "أضف تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "شارك المقال", "شاركها.", "Exit mobile version", "المصدر: وكالة الأنباء العربية",
    "إعلان", "المزيد من دوليات", "|", "—", "اخر الاخبار", "آخر الأخبار",
    "اقرأ أيضاً: وزير الداخلية يعلن خطة جديدة لتنظيم حركة المرور", "طباعة",
])
def test_boilerplate_lines_are_dropped(line):
    assert classify(line) == "drop"


@pytest.mark.parametrize("line", [
    "إقرأ أيضاً:", "اقرأ أيضا", "اقرأ المزيد", "مقالات مشابهة", "مقالات ذات صلة",
    "يحتوي هذا القسم على المقالات ذات صلة", "يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)",
])
def test_related_markers_end_the_article(line):
    assert classify(line) == "end"


@pytest.mark.parametrize("line", [
    TITLE, P1,
    "المزيد من القوات الأمنية انتشرت في محيط مقر الاجتماع منذ ساعات الصباح الأولى.",
    "المصدر الدبلوماسي الذي تحدث للصحيفة أكد أن الزيارة ستتم في موعدها المحدد الأسبوع المقبل.",
    "شارك في الاجتماع وزراء المالية والاقتصاد والتخطيط.",
])
def test_real_sentences_are_kept(line):
    assert classify(line) == "keep"


def test_normalize_line_unifies_spellings():
    assert normalize_line("إقرأ أيضاً:") == normalize_line("اقرأ ايضا") == "اقرا ايضا"
    assert normalize_line("  مكتبة   الجامعة. ") == "مكتبه الجامعه"


def test_related_headlines_are_dropped_and_title_found():
    text = "\n\n".join([TITLE, P1, P2, "مقالات مشابهة", *BULLETS])
    [article] = split_articles(text)
    assert article.title == TITLE
    assert article.lines == (TITLE, P1, P2)
    assert article.text == "\n\n".join([TITLE, P1, P2])


def test_marker_followed_by_plain_short_headlines_is_dropped():
    headlines = [b.replace("•", "").strip() for b in BULLETS]
    [article] = split_articles("\n".join([TITLE, P1, "اقرأ أيضا", *headlines]))
    assert article.lines == (TITLE, P1)


def test_trailing_bullet_list_without_marker_is_dropped():
    [article] = split_articles("\n".join([TITLE, P1, P2, *BULLETS]))
    assert article.lines == (TITLE, P1, P2)


def test_bullet_list_introduced_by_a_colon_is_kept():
    items = ["• تعزيز الربط الكهربائي بين البلدين", "• مشروعات مشتركة لتحلية المياه"]
    [article] = split_articles("\n".join([TITLE, P1, "وتشمل الاتفاقات ما يلي:", *items]))
    assert article.lines[-2:] == tuple(items)


def test_marker_headline_and_long_paragraph_start_a_new_article():
    second = "رئيس الوزراء المغربي يستقبل وفداً اقتصادياً من تونس"
    text = "\n\n".join([TITLE, P1, "المصدر: وكالة الأنباء", "إقرأ أيضاً:", second, P3, "إعلان",
                        "مقالات ذات صلة", *BULLETS])
    first, other = split_articles(text)
    assert first.lines == (TITLE, P1)
    assert other.title == second and other.lines == (second, P3)


def test_marker_then_paragraphs_without_headline_is_a_dropped_block():
    text = "\n\n".join([TITLE, P1, P2, "اقرأ المزيد", "يحتوي هذا القسم على المقالات ذات صلة", P3, P1,
                        "المزيد من دوليات"])
    [article] = split_articles(text)
    assert article.lines == (TITLE, P1, P2)


def test_repeated_long_paragraph_is_dropped():
    [article] = split_articles("\n".join([TITLE, P1, P2, P1]))
    assert article.lines == (TITLE, P1, P2)


def test_no_title_when_first_line_is_a_paragraph():
    [article] = split_articles("\n".join([P1, P2]))
    assert article.title == "" and article.lines == (P1, P2)


def test_known_title_is_used_even_when_long():
    long_title = " ".join(["عنوان"] * 20)
    [article] = split_articles("\n".join([long_title, P1]), title=long_title)
    assert article.title == long_title


def test_only_boilerplate_gives_nothing():
    assert split_articles("اترك تعليقاً\n|\nExit mobile version\n\n") == []


def test_file_fixture_keeps_body_and_drops_boilerplate():
    [article] = split_articles((DATA / "boilerplate.txt").read_text(encoding="utf-8"))
    assert article.title == TITLE
    assert len(article.lines) == 4
    assert article.lines[1] == P1 and article.lines[2] == P2
    assert article.lines[3].startswith("المزيد من القوات الأمنية")


def test_custom_rules_file(tmp_path):
    rules_file = tmp_path / "rules.tsv"
    rules_file.write_text("# comment\ndrop\tline\t-\tنشرة الظهيرة\nend\tprefix\t5\tروابط\n", encoding="utf-8")
    rules = load_rules(rules_file)
    assert [r.action for r in rules] == ["drop", "end"]
    assert classify("نشرة الظهيرة", rules) == "drop"
    assert classify("روابط مفيدة", rules) == "end"
    assert classify("اترك تعليقاً", rules) == "keep"


def test_bad_rules_row_is_reported(tmp_path):
    rules_file = tmp_path / "rules.tsv"
    rules_file.write_text("remove\tline\t-\tشيء\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rules.tsv:1"):
        load_rules(rules_file)


def test_bundled_rules_are_all_valid():
    rules = load_rules()
    assert len(rules) > 40
    assert all(rule.pattern for rule in rules)
