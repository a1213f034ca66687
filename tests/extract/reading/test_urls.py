"""Articles named by fsspec URLs: found and read as local folders are."""
from __future__ import annotations

import shutil

import pytest

from rawabit.errors import InputError
from rawabit.extract.reading.reader import ReadReport, find_files, read_articles
from rawabit.extract.reading.urls import is_url

fsspec = pytest.importorskip("fsspec")

_GAZA = "وقال وزير الخارجية المصري إن القاهرة تواصل اتصالاتها مع الأطراف كافة لوقف إطلاق النار في غزة.\n"
_KYIV = "وصل رئيس الوزراء البولندي إلى كييف صباح اليوم في زيارة لم يعلن عنها مسبقا.\n"
_TALKS = ("<html><head><title>محادثات في الرياض</title></head><body><p>التقى وفد أمريكي وفدا روسيا في الرياض "
          "لبحث سبل إنهاء الحرب، بحسب ما أعلنته وزارة الخارجية السعودية.</p></body></html>")


@pytest.fixture
def memory_news():
    """A folder of articles in fsspec's in-memory filesystem (removed afterwards)."""
    fs = fsspec.filesystem("memory")
    fs.pipe({"/news/b.txt": _KYIV.encode(), "/news/a.txt": _GAZA.encode(),
             "/news/2025/talks.html": _TALKS.encode(), "/news/notes.md": "ملاحظات".encode(),
             "/news/.cache/c.txt": _GAZA.encode()})
    yield "memory://news"
    fs.rm("/news", recursive=True)


def test_only_scheme_prefixed_strings_are_urls():
    assert is_url("s3://bucket/news") and is_url("file:///tmp/a.txt")
    assert not is_url("news/a.txt") and not is_url("C:\\news") and not is_url(None)


def test_a_url_folder_is_walked_as_a_local_folder_is(memory_news, tmp_path):
    report = ReadReport()
    found = find_files([memory_news], report=report)
    assert [d for _, d in found] == ["memory://news/a.txt", "memory://news/b.txt", "memory://news/2025/talks.html"]
    assert [s.path for s in report.skipped] == ["memory://news/notes.md"]   # hidden .cache left out
    local = tmp_path / "news"
    fs = fsspec.filesystem("memory")
    fs.get("/news", str(local), recursive=True)
    shutil.rmtree(local / ".cache")
    assert [a.text for a in read_articles([memory_news])] == [a.text for a in read_articles([local])]


def test_articles_read_from_a_url_keep_the_url_as_their_path(memory_news):
    articles = list(read_articles([memory_news + "/2025/talks.html"]))
    assert [a.path for a in articles] == ["memory://news/2025/talks.html"]
    assert articles[0].title == "محادثات في الرياض" and "الرياض" in articles[0].text


@pytest.mark.parametrize("url, message", [("memory://news/missing", "no such file or folder"),
                                          ("memory://news/notes.md", "not a .txt, .html, .jsonl, .json or .csv file"),
                                          ("nosuchscheme://news", "nosuchscheme")])
def test_a_bad_url_is_an_input_error(memory_news, url, message):
    with pytest.raises(InputError, match=message):
        find_files([url])


def test_a_file_url_reads_the_local_file(samples_dir):
    path = sorted(samples_dir.glob("*.txt"))[0]
    by_url = list(read_articles([path.absolute().as_uri()]))
    assert [a.text for a in by_url] == [a.text for a in read_articles([path])]
