"""News datasets read record by record (extract/reading/records.py, through extract/reading/reader.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawabit.errors import InputError
from rawabit.extract.reading.reader import ReadOptions, ReadReport, read_articles, read_file
from rawabit.extract.reading.records import parse_fields

MEETING = "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمّان أمس."
VISIT = "زار الرئيس الجزائري عبد المجيد تبون تونس يوم 15 جويلية 2024، والتقى الرئيس التونسي قيس سعيد."
CALL = "أجرى الرئيس التركي رجب طيب أردوغان اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين."


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_records_become_articles_with_their_metadata(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"title": "لقاء في عمّان", "text": MEETING, "url": "https://alofuq.example/2025/03/20/amman",
         "date": "2025-03-20T08:00:00+02:00", "source": "صحيفة الأفق", "language": "ar"},
        {"text": VISIT, "source": "الشروق"},
    ])
    first, second = read_file(path)
    assert first.title == "لقاء في عمّان" and first.text.startswith("لقاء في عمّان\n")
    assert (first.date, first.url, first.source) == ("2025-03-20T08:00:00+02:00",
                                                     "https://alofuq.example/2025/03/20/amman", "صحيفة الأفق")
    assert (second.part, second.date, second.url, second.source) == (1, "", "", "الشروق")


def test_bad_records_are_skipped_one_by_one_and_the_rest_is_read(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"text": MEETING, "date": "2025-03-20"},
        "{this is not json",
        ["a", "list"],
        {"title": "عنوان بلا نص"},
        {"text": "Leaders met in Geneva.", "language": "en"},
        {"text": VISIT, "date": "قريباً"},
        {"text": {"nested": "object"}},
        {"text": CALL},
    ])
    report = ReadReport()
    articles = list(read_articles([path], report=report))
    assert [a.text for a in articles] == [MEETING, VISIT, CALL]
    assert articles[1].date == ""                      # its date could not be read; its text was
    reasons = {s.path.split(" ", 1)[1]: s.reason for s in report.skipped}
    assert reasons["line 2"].startswith("not valid JSON")
    assert reasons["line 3"] == "not an object but list"
    assert reasons["line 4"].startswith("no text")
    assert reasons["line 5"] == "language 'en', not Arabic"
    assert reasons["line 6"].startswith("date 'قريباً' is not a date")
    assert reasons["line 7"] == "field 'text' is not text but dict"
    summary = report.summary()
    assert "skipped 5 records: " in summary and "news.jsonl line 2 (not valid JSON" in summary
    assert "read in part 1 record: " in summary


def test_news_please_and_trafilatura_names_are_understood(tmp_path):
    path = write_jsonl(tmp_path / "crawl.jsonl", [
        {"maintext": MEETING, "date_publish": "2025-03-20 08:00:00", "source_domain": "alofuq.example",
         "url": "https://alofuq.example/a"},
        {"text": VISIT, "date": "2024-07-16", "source": "https://echorouk.example/2024/07/16/visit",
         "sitename": "الشروق"},
    ])
    first, second = read_file(path)
    assert (first.date, first.source) == ("2025-03-20T08:00:00", "alofuq.example")
    assert (second.url, second.source) == ("https://echorouk.example/2024/07/16/visit", "الشروق")


def test_json_files_hold_one_article_or_a_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": MEETING, "date": "2025-03-20"}, ensure_ascii=False), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": MEETING}, {"text": CALL}], ensure_ascii=False), encoding="utf-8")
    assert [a.date for a in read_file(one)] == ["2025-03-20"]
    assert len(read_file(many)) == 2
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "نص"', encoding="utf-8")
    with pytest.raises(InputError, match="broken.json: not valid JSON"):
        read_file(broken)


def test_csv_needs_a_header_with_a_text_column(tmp_path):
    good = tmp_path / "news.csv"
    good.write_text(f'title,body,published,outlet\nلقاء,"{MEETING}",2025-03-20,الأفق\n'
                    f'زيارة,"{VISIT}",الأسبوع الماضي,الشروق\nناقص\n', encoding="utf-8")
    options = ReadOptions(fields=tuple(parse_fields(["text=body", "date=published", "source=outlet"]).items()))
    problems: list = []
    articles = read_file(good, options=options, problems=problems)
    assert [(a.title, a.date, a.source) for a in articles] == [("لقاء", "2025-03-20", "الأفق"), ("زيارة", "", "الشروق")]
    assert [(p.path, p.kept) for p in problems] == [(f"{good.as_posix()} line 3", True),
                                                    (f"{good.as_posix()} line 4", False)]
    headless = tmp_path / "headless.csv"
    headless.write_text(f'"{MEETING}",2025-03-20\n', encoding="utf-8")
    with pytest.raises(InputError, match="no text column in the CSV header"):
        read_file(headless)


def test_field_options_are_checked():
    assert parse_fields(["text=body", "date = published"]) == {"text": "body", "date": "published"}
    with pytest.raises(InputError, match="NAME=COLUMN"):
        parse_fields(["text"])
    with pytest.raises(InputError, match="'author' is not one of"):
        parse_fields(["author=by"])


def test_records_with_html_give_the_page_date(tmp_path):
    page = ('<html><head><meta property="article:published_time" content="2025-03-20"></head>'
            f"<body><article><h1>لقاء في عمّان</h1><p>{MEETING}</p></article></body></html>")
    path = write_jsonl(tmp_path / "pages.jsonl", [{"html": page, "url": "https://alofuq.example/a"}])
    [article] = read_file(path)
    assert (article.title, article.date, article.url) == ("لقاء في عمّان", "2025-03-20", "https://alofuq.example/a")



def _page(h1: str = "") -> str:
    return f"<html><body><article>{f'<h1>{h1}</h1>' if h1 else ''}<p>{MEETING}</p><p>{VISIT}</p></article></body></html>"


@pytest.mark.parametrize("record, title", [
    # the headline already heads the text, spelled apart only by tatweel, a zero-width joiner or spaces
    ({"title": "لقــاء في عمّان", "text": f"لقاء في عمّان\n{MEETING}"}, "لقاء في عمّان"),
    ({"title": "لقاء\u200c في عمّان", "text": f"لقاء في عمّان\n{MEETING}"}, "لقاء في عمّان"),
    ({"title": "لقاء في عمّان", "text": f"لقاء  في عمّان\n{MEETING}"}, "لقاء في عمّان"),
    # a headline whose words begin the first paragraph is still a line of its own
    ({"title": "التقى وزير الخارجية المصري", "text": MEETING}, "التقى وزير الخارجية المصري"),
    # a page is read as an HTML file is: its own headline first, the record's title where it has none
    ({"title": "لقاء في عمّان | صحيفة الأفق", "html": _page("لقاء في عمّان")}, "لقاء في عمّان"),
    ({"title": "لقاء في عمّان", "html": _page()}, "لقاء في عمّان"),
], ids=["tatweel", "zero-width", "spaces", "first-words", "page-headline", "page-without-headline"])
def test_a_records_headline_heads_its_text_once(tmp_path, record, title):
    [article] = read_file(write_jsonl(tmp_path / "news.jsonl", [record]))
    assert article.title == title
    lines = article.text.split("\n\n")
    assert lines[0] == title and lines[1] == MEETING

def test_plain_files_take_the_date_given_and_pages_keep_their_own(tmp_path):
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-07-16"></head>'
        f"<body><p>{VISIT}</p></body></html>", encoding="utf-8")
    got = {a.path.rsplit("/", 1)[1]: a.date for a in read_articles([tmp_path], options=ReadOptions(date="2025-03-20"))}
    assert got == {"a.txt": "2025-03-20", "b.html": "2024-07-16"}


def test_a_dataset_with_no_readable_record_is_skipped_with_its_reasons(tmp_path):
    path = write_jsonl(tmp_path / "empty.jsonl", [{"title": "بلا نص"}, "{oops"])
    report = ReadReport()
    with pytest.raises(InputError, match="nothing readable"):
        list(read_articles([path], report=report))
    assert "empty.jsonl (no readable record (2 skipped))" in report.summary()
    assert "skipped 2 records" in report.summary()


def test_hostile_and_wrapped_json(tmp_path):
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "\n" + json.dumps({"text": MEETING}, ensure_ascii=False) + "\n", encoding="utf-8")
    problems: list = []
    assert [a.text for a in read_file(deep, problems=problems)] == [MEETING]
    assert problems[0].reason == "not valid JSON (nested too deeply)"
    wrapped = tmp_path / "feed.json"
    wrapped.write_text(json.dumps({"feed": "الأفق", "articles": [{"text": MEETING}, {"text": CALL}]},
                                  ensure_ascii=False), encoding="utf-8")
    assert len(read_file(wrapped)) == 2


def test_long_csv_fields_are_read(tmp_path):
    body = " ".join([MEETING] * 2000)       # about 180 KB, over the csv module's default limit
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{body}"\n', encoding="utf-8")
    [article] = read_file(path)
    assert len(article.text) > 131072
