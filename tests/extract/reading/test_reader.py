"""Tests for rawabit.extract.reading.reader: paths to Article objects."""
from __future__ import annotations

import codecs
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from rawabit.errors import InputError
from rawabit.extract.reading.boilerplate import classify
from rawabit.extract.model import Article
from rawabit.extract.reading.reader import ReadReport, Skipped, article_id, find_files, read_articles, read_file

DATA = Path(__file__).resolve().parents[2] / "data" / "reader"
TITLE = "وزير الخارجية المصري يلتقي نظيره الأردني في عمّان"
BODY = ("التقى وزير الخارجية المصري نظيره الأردني في العاصمة عمّان يوم الأحد، وبحث الجانبان سبل "
        "تعزيز التعاون الاقتصادي بين البلدين وتطورات الأوضاع في المنطقة.")
ARTICLE = f"{TITLE}\n\n{BODY}"
OTHER = ("استقبل رئيس الحكومة المغربية في الرباط وفداً اقتصادياً تونسياً رفيع المستوى يضم رجال أعمال "
         "ومسؤولين في قطاعي الصناعة والسياحة، وفق بيان رسمي صدر مساء الاثنين.")


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data", [
    ("utf8.txt", ARTICLE.encode("utf-8")),
    ("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
    ("le.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
    ("be.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
    ("le-nobom.txt", ARTICLE.encode("utf-16-le")),
    ("cp1256.txt", ARTICLE.encode("cp1256")),
    ("crlf.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
])
def test_every_encoding_gives_the_same_article(tmp_path, name, data):
    [article] = read_file(_write(tmp_path / name, data))
    assert isinstance(article, Article)
    assert article.text == ARTICLE
    assert article.title == TITLE
    assert article.id == article_id(ARTICLE) == hashlib.sha256(ARTICLE.encode()).hexdigest()[:12]
    assert len(article.id) == 12 and article.part == 0


def test_ids_are_stable_and_independent_of_path(tmp_path):
    first = read_file(_write(tmp_path / "a" / "x.txt", ARTICLE))
    second = read_file(_write(tmp_path / "b" / "renamed.txt", codecs.BOM_UTF8 + ARTICLE.encode()))
    assert first[0].id == second[0].id
    assert first[0].path != second[0].path


def test_path_is_recorded_as_given(tmp_path, monkeypatch):
    _write(tmp_path / "news" / "day1" / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    [article] = read_articles(["news"])
    assert article.path == "news/day1/a.txt"
    [article] = read_articles([Path("news/day1/a.txt")])
    assert article.path == "news/day1/a.txt"


def test_two_article_file_is_split():
    first, second = read_file(DATA / "two_articles.txt")
    assert (first.part, second.part) == (0, 1)
    assert first.id != second.id
    assert first.title == TITLE
    assert second.title == "رئيس الوزراء المغربي يستقبل وفداً اقتصادياً من تونس"
    assert second.text.startswith(second.title + "\n\n")
    assert "مقالات ذات صلة" not in second.text and "•" not in second.text
    assert "وزير الداخلية يعلن" not in first.text + second.text
    assert "المصدر" not in first.text and "إعلان" not in second.text
    assert all(a.path.endswith("tests/data/reader/two_articles.txt") for a in (first, second))


def test_html_file_is_read():
    [article] = read_file(DATA / "page.html")
    assert article.title == TITLE
    assert article.text.startswith(TITLE + "\n\n")
    assert "alert" not in article.text and "شارك المقال" not in article.text
    assert "اترك تعليقاً" not in article.text and "الأكثر قراءة" not in article.text


def test_txt_file_holding_a_saved_page_is_read_as_html(tmp_path):
    page = f"\n<!DOCTYPE html><html><body><script>alert(1)</script><h1>{TITLE}</h1><p>{BODY}</p></body></html>"
    [article] = read_file(_write(tmp_path / "saved.txt", page))
    assert article.text == ARTICLE and article.title == TITLE


def test_html_windows_1256_meta(tmp_path):
    page = f'<html><head><meta charset="windows-1256"></head><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>'
    [article] = read_file(_write(tmp_path / "old.htm", page.encode("cp1256")))
    assert article.text == ARTICLE


def test_folder_is_walked_recursively_in_sorted_order(tmp_path):
    _write(tmp_path / "b.txt", ARTICLE)
    _write(tmp_path / "a.html", f"<h1>عنوان الصفحة عن الوزير</h1><p>{OTHER}</p>")
    _write(tmp_path / "sub" / "c.TXT", f"وفد مغربي في تونس\n\n{OTHER} وتابع.")
    _write(tmp_path / "sub" / "notes.docx", b"PK\x03\x04")
    _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n")
    _write(tmp_path / ".hidden" / "z.txt", ARTICLE + " مخفي")
    _write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    (tmp_path / "sub" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report))
    names = [Path(a.path).relative_to(tmp_path).as_posix() for a in articles]
    assert names == ["a.html", "b.txt", "sub/c.TXT"]
    skipped = {Path(s.path).relative_to(tmp_path).as_posix(): s.reason for s in report.skipped}
    assert skipped == {"image.png": "not .txt, .html, .jsonl, .json or .csv", "sub/notes.docx": "not .txt, .html, .jsonl, .json or .csv",
                       "sub/gone.txt": "not a regular file"}
    assert report.articles == 3 and len(report.files) == 3


def test_bad_files_among_good_ones_are_skipped_with_reasons(tmp_path):
    _write(tmp_path / "good.txt", ARTICLE)
    _write(tmp_path / "binary.txt", b"%PDF-1.4\n%\xe2\xe3")
    _write(tmp_path / "empty.txt", b"")
    _write(tmp_path / "junk.txt", "اترك تعليقاً\n|\nExit mobile version\n")
    _write(tmp_path / "big.txt", ARTICLE * 50)
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report, max_bytes=2000))
    assert [Path(a.path).name for a in articles] == ["good.txt"]
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(reasons) == {"binary.txt", "empty.txt", "junk.txt", "big.txt"}
    assert "PDF" in reasons["binary.txt"] and reasons["empty.txt"] == "empty file"
    assert "boilerplate" in reasons["junk.txt"] and "too large" in reasons["big.txt"]
    summary = report.summary()
    assert summary.startswith("skipped 4 files: ")
    assert f"{(tmp_path / 'binary.txt').as_posix()} (binary file (a PDF document), not text)" in summary
    assert "\n" not in summary


def test_only_bad_files_is_an_input_error_at_the_end(tmp_path):
    _write(tmp_path / "binary.txt", b"\x00\x01\x02\x03" * 100)
    _write(tmp_path / "empty.html", b"  \n")
    articles = read_articles([tmp_path])
    with pytest.raises(InputError, match=r"nothing readable: skipped 2 files: .*binary.*empty"):
        list(articles)


def test_too_large_single_file_is_a_clear_error(tmp_path):
    path = _write(tmp_path / "huge.txt", ARTICLE * 100)
    with pytest.raises(InputError, match=r"huge.txt: too large \(0\.0 MB > 0\.0 MB limit\)"):
        read_file(path, max_bytes=1000)


def test_missing_path_raises_immediately(tmp_path):
    _write(tmp_path / "good.txt", ARTICLE)
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope.txt: no such file or folder$"):
        read_articles([tmp_path, missing])


def test_explicit_unknown_extension_is_an_error(tmp_path):
    path = _write(tmp_path / "report.pdf", b"%PDF-1.4")
    with pytest.raises(InputError, match="report.pdf: not a .txt, .html, .jsonl, .json or .csv file"):
        find_files([path])


def test_folder_without_articles_is_an_error(tmp_path):
    _write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    with pytest.raises(InputError, match="no .txt, .html, .jsonl, .json or .csv file found in"):
        find_files([tmp_path])
    with pytest.raises(InputError, match="no input path"):
        find_files([])


def test_same_file_twice_is_read_once_and_duplicates_are_reported(tmp_path):
    good = _write(tmp_path / "good.txt", ARTICLE)
    _write(tmp_path / "copy.txt", ARTICLE)
    assert [p.name for p, _ in find_files([good, tmp_path])] == ["good.txt", "copy.txt"]
    report = ReadReport()
    articles = list(read_articles([good, tmp_path], report=report))
    assert len(articles) == 1
    assert report.skipped == [Skipped(f"{(tmp_path / 'copy.txt').as_posix()}#0",
                                      f"duplicate of {good.as_posix()}")]


def test_a_single_string_path_is_accepted(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    assert [a.text for a in read_articles(str(path))] == [ARTICLE]


@pytest.mark.shared
def test_real_seeds(shared_dir, tmp_path):
    seeds = shared_dir / "corpus" / "seeds"
    report = ReadReport()
    articles = list(read_articles([seeds], report=report))
    assert not report.skipped
    by_file: dict[str, list[Article]] = {}
    for article in articles:
        by_file.setdefault(Path(article.path).name[:3], []).append(article)
    assert sorted(by_file) == ["000", "001", "002", "003", "004"]
    assert len(by_file["002"]) == 2 and len({a.id for a in by_file["002"]}) == 2
    assert all(len(by_file[k]) == 1 for k in ("000", "001", "003", "004"))
    leftovers = ["اترك تعليق", "لن يتم نشر", "شارك", "Exit mobile", "JavaScript", "مقالات مشابهة",
                 "إقرأ أيضاً", "اقرأ المزيد", "يحتوي هذا القسم", "المزيد من", "اخر الاخبار", "•"]
    for article in articles:
        for line in article.text.split("\n\n"):
            assert classify(line) == "keep", (article.path, line)
            assert line.strip() not in ("|", "إعلان", "المصدر: مأرب برس")
        for text in leftovers:
            assert text not in article.text, (article.path, text)
    # Copying a seed elsewhere keeps its ids.
    copy = shutil.copy(seeds / Path(by_file["002"][0].path).name, tmp_path / "copy.txt")
    assert [a.id for a in read_file(copy)] == [a.id for a in by_file["002"]]


def test_summary_counts_other_file_types_and_names_bad_files(tmp_path):
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "table.tsv").write_text("a\tb", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "news.txt").write_text("التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.", encoding="utf-8")
    report = ReadReport()
    articles = list(read_articles([tmp_path], report=report))
    assert len(articles) == 1
    summary = report.summary()
    assert "ignored 2 files that are not .txt, .html, .jsonl, .json or .csv" in summary
    assert "empty.txt" in summary and "notes.md" not in summary


def test_a_file_reached_by_a_symlink_or_a_hard_link_is_found_once(tmp_path):
    good = _write(tmp_path / "news" / "a.txt", ARTICLE)
    (tmp_path / "news" / "b.txt").symlink_to(good)
    os.link(good, tmp_path / "news" / "c.txt")
    _write(tmp_path / "news" / "d.txt", OTHER)
    found = [display for _, display in find_files([tmp_path / "news", good])]
    assert found == [(tmp_path / "news" / name).as_posix() for name in ("a.txt", "d.txt")]
