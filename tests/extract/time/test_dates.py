"""Arabic date expressions found and normalised (extract/time/dates.py), on our own sentences."""
from __future__ import annotations

from datetime import date

import pytest

from rawabit.extract.time.dates import Anchor, article_anchor, find_dates, precision

# Tuesday 18 March 2025
TUESDAY = Anchor(date(2025, 3, 18))


def values(text: str, anchor: Anchor = TUESDAY) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    # absolute, Egyptian and wire names
    ("وقّع الطرفان الاتفاق في 18 مارس 2025 بالقاهرة.", "18 مارس 2025", "2025-03-18"),
    ("عقدت القمة يوم 2 يناير 2024 في الرياض.", "يوم 2 يناير 2024", "2024-01-02"),
    ("وصل الوفد الثلاثاء 18 آذار/مارس إلى عمّان.", "الثلاثاء 18 آذار/مارس", "2025-03-18"),
    ("أعلنت الحكومة في الرابع من أبريل عن خطة جديدة.", "الرابع من أبريل", "2025-04-04"),
    ("انتهت المفاوضات في الحادي والعشرين من يونيو 2023.", "الحادي والعشرين من يونيو 2023", "2023-06-21"),
    ("بلغت الصادرات ذروتها في أكتوبر 2022.", "أكتوبر 2022", "2022-10"),
    ("بدأت الأزمة عام 2011 في درعا.", "عام 2011", "2011"),
    # Levantine and Iraqi month names
    ("زار الوزير بغداد في 5 نيسان 2024.", "5 نيسان 2024", "2024-04-05"),
    ("افتُتح المعبر في تموز 2023.", "تموز 2023", "2023-07"),
    ("جرت الانتخابات في 10 تشرين الأول 2021.", "10 تشرين الأول 2021", "2021-10-10"),
    ("تسلّم الرئيس مهامه في 9 كانون الثاني 2025.", "9 كانون الثاني 2025", "2025-01-09"),
    ("عقد البرلمان جلسته في آب/أغسطس 2020.", "آب/أغسطس 2020", "2020-08"),
    # Maghrebi month names
    ("انطلقت الحملة الانتخابية يوم 7 جانفي 2024.", "يوم 7 جانفي 2024", "2024-01-07"),
    ("صادق البرلمان على القانون في فيفري 2023.", "فيفري 2023", "2023-02"),
    ("عاد السفير إلى باريس في 12 أفريل 2024.", "12 أفريل 2024", "2024-04-12"),
    ("اجتمع المجلس الوزاري في 3 جوان 2022.", "3 جوان 2022", "2022-06-03"),
    ("أُعلنت النتائج في 20 جويلية 2019.", "20 جويلية 2019", "2019-07-20"),
    ("احتفلت البلاد بعيد الاستقلال في 5 أوت 2024.", "5 أوت 2024", "2024-08-05"),
    ("جرى الاقتراع في ماي 2021.", "ماي 2021", "2021-05"),
    # Hijri dates, converted by the Umm al-Qura calendar
    ("أعلنت الرئاسة ذلك في 5 رمضان 1446 هـ.", "5 رمضان 1446 هـ", "2025-03-05"),
    ("بدأ الموسم في الأول من محرم 1446 هـ.", "الأول من محرم 1446 هـ", "2024-07-07"),
])
def test_absolute_dates(sentence, expression, value):
    assert (expression, value) in values(sentence)


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("التقى الوزير نظيره أمس في جنيف.", "أمس", "2025-03-17"),
    ("وصل المبعوث إلى بيروت أول أمس.", "أول أمس", "2025-03-16"),
    ("يلقي الرئيس خطاباً مساء اليوم.", "مساء اليوم", "2025-03-18"),
    ("ويزور الوفد دمشق غداً.", "غداً", "2025-03-19"),
    ("انتقد المتحدث القرار الثلاثاء الماضي.", "الثلاثاء الماضي", "2025-03-11"),
    ("أعلن الجيش الأحد الماضي انسحابه.", "الأحد الماضي", "2025-03-16"),
    ("يلتقي الزعيمان الخميس المقبل في أنقرة.", "الخميس المقبل", "2025-03-20"),
    ("قال الوزير الجمعة إن المحادثات متواصلة.", "الجمعة", "2025-03-14"),
    ("تستأنف المفاوضات الأسبوع المقبل.", "الأسبوع المقبل", "2025-03"),
    ("أجرى الوزيران اتصالاً الأسبوع الماضي.", "الأسبوع الماضي", "2025-03"),
    ("زار الرئيس موسكو الشهر الماضي.", "الشهر الماضي", "2025-02"),
    ("تُعقد القمة الشهر المقبل.", "الشهر المقبل", "2025-04"),
    ("شهد مطلع العام تصعيداً كبيراً.", "مطلع العام", "2025"),
    ("وقّعت الدولتان الاتفاق العام الماضي.", "العام الماضي", "2024"),
    ("تجري الانتخابات العام المقبل.", "العام المقبل", "2026"),
    ("تنتهي المهلة نهاية الشهر الجاري.", "نهاية الشهر الجاري", "2025-03"),
    ("زار الوزير القاهرة في شباط/فبراير الماضي.", "شباط/فبراير الماضي", "2025-02"),
    ("يزور الرئيس الصين في نيسان/أبريل المقبل.", "نيسان/أبريل المقبل", "2025-04"),
    ("عاد السفير في أوت الماضي.", "أوت الماضي", "2024-08"),
])
def test_relative_expressions_count_from_the_article_date(sentence, expression, value):
    assert (expression, value) in values(sentence)


def test_a_bare_weekday_is_the_last_one_or_for_what_is_to_come_the_next_one():
    [m] = find_dates("ومن المقرر أن يلتقي الرئيسان الاثنين في الدوحة.", TUESDAY)
    assert (m.value, m.ahead) == ("2025-03-17", "2025-03-24")
    [today] = find_dates("وصل الوفد الثلاثاء إلى الرباط.", TUESDAY)   # the article's own day
    assert today.value == today.ahead == "2025-03-18"


def test_back_references_take_the_last_day_named():
    text = "وصل الرئيس إلى باريس في 3 مايو 2024. وفي اليوم التالي التقى نظيره، ثم غادر مساء اليوم نفسه."
    assert values(text, Anchor()) == [("3 مايو 2024", "2024-05-03"), ("اليوم التالي", "2024-05-04"),
                                      ("مساء اليوم نفسه", "2024-05-04")]


@pytest.mark.parametrize(("sentence", "why"), [
    ("الرئيس الذي مارس ضغوطاً كبيرة على الحكومة", "مارس is a verb here, not March"),
    ("قال المسؤول إن اليوم الأول من المؤتمر كان ناجحاً", "the first day of a conference is not today"),
    ("تتواصل المشاورات خلال الأيام المقبلة", "the coming days name no date"),
    ("التقى الوزيران في الأسابيع الماضية", "past weeks name no date"),
    ("شارك الأمين العام في الاجتماع", "العام is an adjective here"),
    ("بلغ عدد الضحايا 2025 شخصاً", "a count is not a year"),
])
def test_words_that_look_like_dates_but_are_not(sentence, why):
    assert [m for m in find_dates(sentence, TUESDAY) if m.value] == [], why


@pytest.mark.parametrize(("sentence", "anchor"), [
    ("التقى الوزير نظيره أمس.", Anchor()),                        # no date to count from
    ("انتقد المتحدث القرار الثلاثاء الماضي.", Anchor()),
    ("زار الرئيس موسكو الشهر الماضي.", Anchor(year=2025)),        # which month of 2025?
    ("يزور الرئيس الصين في أبريل المقبل.", Anchor(year=2025)),    # this April or the next?
    ("وقّع الاتفاق في 18 مارس.", Anchor()),                       # no year anywhere
    ("احتفل المسلمون في شهر رمضان.", Anchor(year=2025)),          # Ramadan 1446 or 1447?
])
def test_ambiguous_expressions_are_left_unresolved(sentence, anchor):
    assert all(m.value == "" for m in find_dates(sentence, anchor))


def test_with_only_a_year_known_relative_days_keep_the_year():
    assert values("التقى الوزير نظيره الأحد في جنيف.", Anchor(year=2025)) == [("الأحد", "2025")]
    assert values("تجري الانتخابات العام المقبل.", Anchor(year=2025)) == [("العام المقبل", "2026")]


@pytest.mark.parametrize(("sentence", "expression"), [
    ("هذا أول لقاء بين الزعيمين منذ عام 2019.", "عام 2019"),
    ("تعهدت الدول برفع الإنفاق بحلول عام 2035.", "عام 2035"),
    ("تستمر الهدنة حتى نهاية الشهر المقبل.", "نهاية الشهر المقبل"),
    ("لم يلتق الطرفان منذ عودة الحركة إلى الحكم عام 2021.", "عام 2021"),
])
def test_limits_are_marked_as_bounds(sentence, expression):
    [m] = [m for m in find_dates(sentence, TUESDAY) if m.text == expression]
    assert m.bound


def test_diacritics_tatweel_and_eastern_digits_are_read():
    assert values("وقّعا الاتفاقَ في ١٨ مـارس ٢٠٢٥.", Anchor()) == [("١٨ مـارس ٢٠٢٥", "2025-03-18")]


def test_invalid_days_give_nothing():
    assert values("في 31 فبراير 2025", Anchor()) == [("31 فبراير 2025", "")]


def test_precision_names_the_form():
    assert [precision(v) for v in ("2025-03-18", "2025-03", "2025")] == ["day", "month", "year"]


def test_the_anchor_is_the_publication_date_then_the_dateline_then_a_stated_year():
    assert article_anchor("أي نص", "2025-03-18T09:00:00Z") == (TUESDAY, "")
    text = "عنوان الخبر\n\nالقاهرة - 18 مارس (أ ف ب)\n\nأعلنت الحكومة في 2 مارس 2025 خطة جديدة."
    assert article_anchor(text) == (TUESDAY, "2025-03-18")
    dateline = "الرباط - 28 أكتوبر 2024 (وكالات)\nاستقبل الملك الرئيس الفرنسي."
    assert article_anchor(dateline) == (Anchor(date(2024, 10, 28)), "2024-10-28")
    stated = "قال الوزير الأحد إن الاتفاق الموقع في 29 يناير 2025 ما زال سارياً، خلافاً لاتفاق عام 2019."
    assert article_anchor(stated) == (Anchor(year=2025), "")
    assert article_anchor("قال الوزير الأحد إن الاتفاق سارٍ منذ عام 2019.") == (Anchor(), "")


@pytest.mark.parametrize(("sentence", "value"), [
    ("صدر القرار بتاريخ 18/3/2025 عن مجلس الوزراء.", "2025-03-18"),
    ("نُشر البيان في 2025-03-18 على موقع الوزارة.", "2025-03-18"),
    ("وقّع المرسوم في 18.03.2025.", "2025-03-18"),
    ("عُقدت الجلسة في 4/4/2025.", "2025-04-04"),
    ("عُقدت الجلسة في 3/4/2025.", ""),          # 3 April or March 4: left undated
])
def test_numeric_dates_day_first_and_ambiguous_ones_undated(sentence, value):
    [m] = find_dates(sentence, Anchor())
    assert m.value == value


def test_scores_and_ranges_are_not_numeric_dates():
    assert find_dates("فاز الفريق 2-1 في مباراة الموسم 2024 - 2025.", Anchor()) == []


def test_hijri_months_without_a_year_take_the_one_nearest_the_article_date():
    assert values("صام المسلمون في شهر رمضان.") == [("رمضان", "2025-03")]          # 1–29 March 2025
    assert values("يحل عيد الأضحى في العاشر من ذي الحجة.") == [("العاشر من ذي الحجة", "2025-06-06")]
    assert values("بدأت المهلة في شهر شوال.") == [("شوال", "2025")]                 # 30 March – 28 April: a year
    assert values("التقى الوزير بعد رجب طيب أردوغان.") == []                           # a name, not the month
    assert values("صام المسلمون في شهر رمضان.", Anchor(year=2025)) == [("رمضان", "")]


def test_sentences_without_a_date_word_are_skipped_and_nothing_else_changes():
    """Only sentences with a number or an opening word are tokenized; the expressions found
    (with their offsets) are those of the whole text's tokens, across sentence marks too."""
    from rawabit.extract.time.date_grammar import expressions, scan_tokens, tokens

    text = ("أكد الوزير أن بلاده ماضية في الإصلاحات. واستقبل الرئيس نظيره الفرنسي الثلاثاء الماضي."
            " وقال المتحدث إن الحوار مستمر! ووُقّع الاتفاق في 18.3.2025 بعد مفاوضات طويلة."
            " هل يتغير الموقف؟ منذ 2019 لم تنعقد القمة. وسيعقد الاجتماع المقبل في الرابع من أبريل")

    def found(toks):
        return [(toks[a].start, toks[b - 1].end, when) for a, b, when in expressions(toks)]

    kept = scan_tokens(text)
    assert found(kept) == found(tokens(text))
    assert [text[s:e] for s, e, _ in found(kept)] == [
        "الثلاثاء الماضي", "18.3.2025", "2019", "الرابع من أبريل"]
    words = {t.norm for t in kept}
    assert "الاصلاحات" not in words and "الحوار" not in words   # dateless sentences were never tokenized
