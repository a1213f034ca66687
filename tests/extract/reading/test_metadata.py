"""Publication dates, URLs and outlets from page and dataset metadata (extract/reading/metadata.py)."""
from __future__ import annotations

import pytest

from rawabit.extract.reading.html_text import extract_page
from rawabit.extract.reading.metadata import date_from_url, normalize_published, outlet_of


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-03-18", "2025-03-18"),
    ("2025-03-18T09:30:00+03:00", "2025-03-18T09:30:00+03:00"),
    ("2025-03-18T09:30:00Z", "2025-03-18T09:30:00Z"),
    ("2025-03-18 09:30:00", "2025-03-18T09:30:00"),          # news-please
    ("2025-03-18 00:00:00", "2025-03-18"),                   # a midnight with no zone is a date
    ("2025-03-18T09:30:00+0300", "2025-03-18T09:30:00+03:00"),
    ("Tue, 18 Mar 2025 09:30:00 GMT", "2025-03-18T09:30:00+00:00"),   # RSS
    ("18 مارس 2025", "2025-03-18"),
    ("الثلاثاء 18 آذار/مارس 2025", "2025-03-18"),
])
def test_publication_dates_are_normalised(value, iso):
    assert normalize_published(value) == iso


@pytest.mark.parametrize("value", ["", "قريباً", "2025-02-30", "2025-03-18T25:00:00", "yesterday", "18 مارس",
                                   "في 18 مارس 2025 وقعت أحداث كثيرة في مدن عدة من البلاد"])
def test_what_is_not_a_publication_date_gives_nothing(value):
    assert normalize_published(value) == ""


def test_dates_and_outlets_from_urls():
    assert date_from_url("https://news.example/politics/2025/03/18/talks-resume") == "2025-03-18"
    assert date_from_url("https://news.example/2025-3-8-talks") == "2025-03-08"
    assert date_from_url("https://news.example/article/12345") == ""
    assert date_from_url("https://news.example/2025/13/40/x") == ""
    assert outlet_of("https://www.news.example/a") == "news.example"
    assert outlet_of("not a url") == ""


PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>لقاء في عمّان | صحيفة الأفق</title>
<meta property="og:site_name" content="صحيفة الأفق">
<meta property="og:url" content="https://alofuq.example/news/amman-talks">
{meta}
</head><body><article><h1>عبد العاطي يلتقي الصفدي</h1>
<p>التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمّان أمس.</p>
{body}</article></body></html>"""


@pytest.mark.parametrize(("meta", "body", "iso"), [
    ('<meta property="article:published_time" content="2025-03-20T08:00:00+02:00">', "",
     "2025-03-20T08:00:00+02:00"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
     ' "datePublished": "2025-03-20", "publisher": {"@type": "Organization", "name": "الأفق"}}]}</script>',
     "", "2025-03-20"),
    ("", '<p>نُشر في <time datetime="2025-03-20">20 مارس</time></p>', "2025-03-20"),
    ('<link rel="canonical" href="https://alofuq.example/2025/03/20/amman">', "", "2025-03-20"),
    ("", "", ""),
])
def test_pages_give_their_date_url_and_outlet(meta, body, iso):
    page = PAGE.format(meta=meta, body=body)
    if "canonical" in meta:     # the URL gives the date when nothing else does
        page = page.replace('<meta property="og:url" content="https://alofuq.example/news/amman-talks">', "")
    title, text, found = extract_page(page)
    assert title == "عبد العاطي يلتقي الصفدي"
    assert "أيمن الصفدي" in text
    assert found.date == iso
    assert found.source == "صحيفة الأفق"
    assert found.url.startswith("https://alofuq.example/")


def test_broken_json_ld_is_ignored():
    page = PAGE.format(meta='<script type="application/ld+json">{"datePublished": </script>', body="")
    assert extract_page(page)[2].date == ""
