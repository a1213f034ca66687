"""Read user paths into :class:`~rawabit.extract.model.Article` objects.

Paths may be files or folders; folders are walked recursively in sorted
order, taking ``.txt``, ``.html`` and ``.htm`` files and the news datasets of
:mod:`~.records` (``.jsonl``, ``.json``, ``.csv``, one article per record), and
skipping others (hidden files and folders are ignored silently). A path of the
form ``scheme://…`` (``s3://``, ``file://``…) is a file or folder read through
fsspec (:mod:`~.urls`). A record that cannot be read is skipped with its own
reason, the rest of its file is read. A file that cannot be read
(binary, empty, too large, undecodable) is skipped with a reason recorded in
a :class:`ReadReport`; only when no article at all can be read is that an
:class:`~rawabit.errors.InputError`.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath, PurePosixPath
from typing import BinaryIO

from rawabit.errors import InputError

from .boilerplate import split_articles
from .encoding import DEFAULT_MAX_BYTES, decode, normalize_text
from .html_text import declared_charset, extract_page
from .metadata import PageMeta
from ..model import Article
from .records import RECORD_SUFFIXES, Problem, Record, read_records
from .urls import find_url_files, is_url, open_url

__all__ = ["TEXT_SUFFIXES", "HTML_SUFFIXES", "RECORD_SUFFIXES", "Skipped", "ReadReport", "ReadOptions",
           "find_files", "read_file", "read_text", "read_files", "read_articles", "article_id", "ArticleFilter"]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
_SHOWN = 5
_OTHER_TYPE = "not .txt, .html, .jsonl, .json or .csv"
#: A dataset file may be this many times as large as an article file.
RECORD_FILE_FACTOR = 25


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs beyond their own content.

    Attributes:
        fields: ``(field, column)`` pairs naming dataset columns (``("text", "body")``).
        date: ISO publication date of the plain files (.txt, and pages without one).
    """

    fields: tuple[tuple[str, str], ...] = ()
    date: str = ""
_HTML_STARTS = ("<!doctype html", "<html")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file, or part of one, that was not read, and why.

    Attributes:
        path: The file as displayed; for a record, with where it is (``news.jsonl line 4``).
        reason: Why.
        record: One record of a dataset file, not a whole file.
        kept: The record was read all the same, without what *reason* names.
    """

    path: str
    reason: str
    record: bool = False
    kept: bool = False


@dataclass(slots=True)
class ReadReport:
    """What a call to :func:`read_articles` read and skipped.

    Attributes:
        files: Files that gave at least one article, as displayed paths.
        skipped: Files or parts left out, with a short reason each.
        articles: Number of articles yielded.
    """

    files: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    articles: int = 0

    def summary(self) -> str:
        """One line for people, e.g. ``skipped 2 files: x (binary), y (empty)``; ``""`` if none.

        Files of other types found in folders (notes, images) are only counted:
        ``ignored 3 files that are not .txt, .html, .jsonl, .json or .csv``.
        Records of dataset files come after: ``skipped 1 record: news.jsonl
        line 4 (not valid JSON)``, and ``read in part 1 record: …`` for those
        read without a date that could not be read.
        """
        other = [s for s in self.skipped if s.reason == _OTHER_TYPE]
        bad = [s for s in self.skipped if s.reason != _OTHER_TYPE and not s.record]
        parts = [line for line in (_listed("skipped", "file", bad),
                                   _listed("skipped", "record", [s for s in self.skipped if s.record and not s.kept]),
                                   _listed("read in part", "record", [s for s in self.skipped if s.kept])) if line]
        if other:
            parts.append(f"ignored {len(other)} {'file' if len(other) == 1 else 'files'} that "
                         f"{'is' if len(other) == 1 else 'are'} {_OTHER_TYPE}")
        return "; ".join(parts)


def _listed(verb: str, noun: str, items: list[Skipped]) -> str:
    """``skipped 2 records: a (why), b (why)``, at most :data:`_SHOWN` named; ``""`` for none."""
    if not items:
        return ""
    shown = [f"{s.path} ({s.reason})" for s in items[:_SHOWN]]
    if len(items) > _SHOWN:
        shown.append(f"and {len(items) - _SHOWN} more")
    return f"{verb} {len(items)} {noun}{'' if len(items) == 1 else 's'}: " + ", ".join(shown)


def article_id(text: str) -> str:
    """Stable id of an article: the first 12 hex digits of SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def find_files(paths: Iterable[str | os.PathLike[str]], *,
               report: ReadReport | None = None) -> list[tuple[Path | str, str]]:
    """Resolve files and folders to the article files to read.

    Args:
        paths: Files or folders, as given by the user.
        report: Receives the files skipped inside folders for their type.

    Returns:
        ``(path, display)`` pairs in input order, folders expanded in sorted
        order, each file once; ``display`` is the posix path as given. A
        URL's files come as URL strings.

    Raises:
        InputError: A path is missing, a file named explicitly is not
            ``.txt``/``.html``/``.htm``, or no such file is found.
    """
    found: list[tuple[Path | str, str]] = []
    seen: set[tuple[int, int] | str] = set()
    given = [p if is_url(p) else PurePath(p)
             for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if not given:
        raise InputError("no input path given")
    for raw in given:
        candidates = _walk_url(raw, report) if isinstance(raw, str) else _local(raw, report)
        for file, display, key in candidates:   # key: (device, inode) or URL, the file however it is named
            if key not in seen:
                seen.add(key)
                found.append((file, display))
    if not found:
        names = ", ".join(_posix(p) for p in given[:_SHOWN])
        raise InputError(f"no .txt, .html, .jsonl, .json or .csv file found in {names}")
    return found


def read_file(path: str | os.PathLike[str], *, display: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None,
              problems: list[Skipped] | None = None) -> list[Article]:
    """Read the articles of one file.

    Args:
        path: The file.
        display: The path to record in :attr:`Article.path`; ``path`` as
            posix when omitted.
        max_bytes: Largest file size accepted (a dataset file may be
            :data:`RECORD_FILE_FACTOR` times as large).
        options: Dataset columns and the plain files' date.
        problems: Receives the records of a dataset file that were skipped or
            read in part, with the reason.

    Returns:
        The file's articles in order, ``part`` counting from 0 (a dataset
        file's: the record's position). A ``.txt`` file that starts with
        ``<!DOCTYPE html`` or ``<html`` is read as HTML. Articles carry the
        date, URL and outlet their page or record gives.

    Raises:
        InputError: The file is unreadable, too large, binary, empty or holds
            nothing but boilerplate (a dataset file: no record readable).
    """
    url = is_url(path)
    path = path if url else Path(path)
    options = options or ReadOptions()
    shown = display if display is not None else _posix(path)
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in RECORD_SUFFIXES:
        max_bytes *= RECORD_FILE_FACTOR
    try:
        size, opened = open_url(path) if url else (path.stat().st_size, None)
        if size is not None and size > max_bytes:
            raise InputError(f"{shown}: too large ({_mb(size)} > {_mb(max_bytes)} limit)")
        with opened or path.open("rb") as handle:
            data = _read_up_to(handle, max_bytes + 1, size)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{shown}: too large (over {_mb(max_bytes)} limit)")
    try:
        is_html = suffix in HTML_SUFFIXES
        text = decode(data, hint=declared_charset(data) if is_html else None)
        if suffix in RECORD_SUFFIXES:
            return _read_records(text, suffix, shown, options,
                                 [] if problems is None else problems)
        meta = PageMeta()
        if is_html or text.lstrip("\ufeff \t\r\n")[:14].lower().startswith(_HTML_STARTS):
            title, text, meta = extract_page(text)
        else:
            title = ""
    except InputError as exc:
        raise InputError(f"{shown}: {exc}") from None
    return read_text(text, path=shown, title=title,
                     date=meta.date or options.date, url=meta.url, source=meta.source)


def read_text(text: str, *, path: str = "<text>", title: str = "", date: str = "",
              url: str = "", source: str = "") -> list[Article]:
    """Read the articles of one decoded text, as :func:`read_file` reads a file's.

    Args:
        text: The text, one paragraph per line.
        path: What to record in :attr:`Article.path`.
        title: A headline already known for the first article; it becomes
            the text's first line if it is not already.
        date, url, source: The publication date (ISO), address and outlet,
            when known, given to every article of the text.

    Returns:
        The articles in order, ``part`` counting from 0; the text is
        normalised and web boilerplate removed.

    Raises:
        InputError: Nothing but blank space or boilerplate is left.
    """
    articles = _articles(text, path=path, title=title, date=date, url=url, source=source)
    if not articles:
        raise InputError(f"{path}: no article text (empty or only boilerplate)")
    return articles


def _articles(text: str, *, path: str, title: str, date: str, url: str, source: str) -> list[Article]:
    """:func:`read_text`'s articles, ``[]`` where it raises: the text normalised,
    the known *title* put first unless its first line already is that title,
    boilerplate removed and the text cut into articles."""
    title, text = normalize_text(title).strip(), normalize_text(text)
    if title and text.lstrip().partition("\n")[0].strip() != title:
        text = f"{title}\n{text}"
    return [Article(id=article_id(seg.text), path=path, text=seg.text, title=seg.title, part=n,
                    date=date, url=url, source=source)
            for n, seg in enumerate(split_articles(text, title=title))]


def _read_records(text: str, suffix: str, shown: str, options: ReadOptions,
                  problems: list[Skipped]) -> list[Article]:
    """The articles of a dataset file, one per readable record; the others go to *problems*."""
    articles = []
    skipped = 0
    for record in read_records(text, suffix, fields=dict(options.fields)):
        if isinstance(record, Record):
            article = _record_article(record, shown)
            if article is None:
                record = Problem(record.where, "no article text (empty or only boilerplate)")
            else:
                articles.append(article)
                problems.extend(Skipped(f"{shown} {p.where}", p.message, True, p.kept) for p in record.problems)
                continue
        skipped += 1
        problems.append(Skipped(f"{shown} {record.where}", record.message, record=True))
    if not articles:
        raise InputError("no readable record" + (f" ({skipped} skipped)" if skipped else " (empty)"))
    return articles


def _record_article(record: Record, shown: str) -> Article | None:
    """The article of a dataset record, its text read as :func:`read_text` reads a file's.

    A record without text gives its page, read as an HTML file is: the page's
    headline first, the record's title only where the page has none. Only the
    first article cut from a record is kept; ``None`` when none is left.
    """
    text, title, meta = record.text, record.title, PageMeta()
    if not text:
        page_title, text, meta = extract_page(record.html)
        title = page_title or title
    articles = _articles(text, path=shown, title=title, date=record.date or meta.date,
                         url=record.url or meta.url, source=record.source or meta.source)
    return replace(articles[0], part=record.index) if articles else None


def read_articles(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  report: ReadReport | None = None, options: ReadOptions | None = None) -> Iterator[Article]:
    """Read every article under the given paths.

    Path errors are raised by the call itself; file errors while iterating
    are recorded in ``report`` and the file skipped. An article whose text
    equals one already read is skipped as a duplicate.

    Args:
        paths: Files or folders, as given by the user.
        max_bytes: Largest file size accepted (default 20 MB).
        report: Filled with the files read and skipped.
        options: Dataset columns and the plain files' date.

    Returns:
        An iterator of articles, in file order then part order.

    Raises:
        InputError: See :func:`find_files`; also, when iteration ends, if no
            article could be read, with the reasons.
    """
    report = ReadReport() if report is None else report
    files = find_files(paths, report=report)
    return read_files(files, max_bytes=max_bytes, report=report, options=options)


def read_files(files: list[tuple[Path | str, str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
               report: ReadReport | None = None, options: ReadOptions | None = None) -> Iterator[Article]:
    """Read the articles of files that :func:`find_files` found (see :func:`read_articles`)."""
    return _iter_articles(files, max_bytes, ReadReport() if report is None else report, options)


def _iter_articles(files: list[tuple[Path | str, str]], max_bytes: int, report: ReadReport,
                   options: ReadOptions | None) -> Iterator[Article]:
    keep = ArticleFilter(report)
    for path, display in files:
        problems: list[Skipped] = []
        try:
            articles = read_file(path, display=display, max_bytes=max_bytes, options=options, problems=problems)
        except InputError as exc:
            keep.failed(display, str(exc))
            keep.report.skipped.extend(problems)
            continue
        keep.report.skipped.extend(problems)
        for k in keep.accept(display, articles):
            yield articles[k]
    keep.finish()


class ArticleFilter:
    """Keep the first copy of each article text, and record what was read and skipped.

    Fed file by file in input order (by :func:`read_articles`, or by worker
    processes that read the files themselves), it fills *report* the same way.

    Args:
        report: Receives the files read, the ones skipped and the articles kept.
    """

    def __init__(self, report: ReadReport):
        self.report = report
        self._ids: dict[str, str] = {}

    def failed(self, display: str, message: str) -> None:
        """Record that file *display* could not be read (*message* from its InputError)."""
        self.report.skipped.append(Skipped(display, _reason(message, display)))

    def accept(self, display: str, articles: Iterable[Article]) -> list[int]:
        """The positions among *articles*, the articles of file *display*, of those to keep."""
        fresh = []
        for k, article in enumerate(articles):
            if article.id in self._ids:
                self.report.skipped.append(Skipped(f"{display}#{article.part}",
                                                   f"duplicate of {self._ids[article.id]}"))
            else:
                self._ids[article.id] = display if article.part == 0 else f"{display}#{article.part}"
                fresh.append(k)
        if fresh:
            self.report.files.append(display)
        self.report.articles += len(fresh)
        return fresh

    def finish(self) -> None:
        """Raise InputError, with the reasons, when no article at all was kept."""
        if not self.report.articles:
            detail = self.report.summary() or "no article text"
            raise InputError(f"nothing readable: {detail}")


def _walk(root: Path, given: PurePath, report: ReadReport | None) -> list[tuple[Path, str, tuple[int, int]]]:
    """The article files under *root*: files in sorted order, then each sorted
    subfolder in turn; hidden names and symlinked folders are left out.

    Uses the directory entries' cached types and inode numbers, so a folder
    of many thousands of files costs one system call per folder, not several
    per file.
    """
    found: list[tuple[Path, str, tuple[int, int]]] = []
    prefix = given.as_posix()
    prefix = "" if prefix == "." else prefix.rstrip("/") + "/"

    def visit(folder: str, rel: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
            device = os.stat(folder).st_dev
        except OSError:
            return
        subfolders = []
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():
                    subfolders.append(entry)
                continue
            display = prefix + rel + entry.name
            if os.path.splitext(entry.name)[1].lower() not in _SUFFIXES:
                reason = _OTHER_TYPE
            elif not entry.is_file():
                reason = "not a regular file"
            else:
                found.append((Path(entry.path), display, _file_key(entry, device)))
                continue
            if report is not None:
                report.skipped.append(Skipped(display, reason))
        for entry in subfolders:
            visit(entry.path, rel + entry.name + "/")

    visit(os.fspath(root), "")
    return found


def _local(given: PurePath, report: ReadReport | None) -> list[tuple[Path, str, tuple[int, int]]]:
    """The article files of a local path as given: a folder's (:func:`_walk`), or the file itself."""
    path = Path(given)
    if path.is_dir():
        return _walk(path, given, report)
    if path.is_file():
        if path.suffix.lower() not in _SUFFIXES:
            raise InputError(f"{given.as_posix()}: not a .txt, .html, .jsonl, .json or .csv file")
        st = path.stat()
        return [(path, given.as_posix(), (st.st_dev, st.st_ino))]
    if path.exists():
        raise InputError(f"{given.as_posix()}: not a regular file or folder")
    raise InputError(f"{given.as_posix()}: no such file or folder")


def _walk_url(url: str, report: ReadReport | None) -> list[tuple[str, str, str]]:
    """:func:`_walk` for a URL; a file's key is its URL."""
    files, others = find_url_files(url, _SUFFIXES)
    if report is not None:
        report.skipped.extend(Skipped(display, _OTHER_TYPE) for display in others)
    return [(file, display, file) for file, display in files]


def _read_up_to(handle: BinaryIO, limit: int, size: int | None) -> bytes:
    """At most *limit* bytes of *handle*, for a file of *size* bytes as last seen (None: unknown).

    The read asks for the size and one byte more, then, if the file has grown,
    for the rest up to *limit*: a read of *limit* bytes at once would allocate
    that much (20 MB) for every file, however small.
    """
    if size is None or size >= limit:
        return handle.read(limit)
    data = handle.read(size + 1)
    if len(data) > size:
        data += handle.read(limit - len(data))
    return data


def _posix(path: PurePath | str) -> str:
    return path if isinstance(path, str) else path.as_posix()


def _file_key(entry: os.DirEntry, device: int) -> tuple[int, int]:
    """(device, inode) of the file an entry names, following a symlink."""
    if entry.is_symlink():
        st = os.stat(entry.path)
        return st.st_dev, st.st_ino
    return device, entry.inode()


def _reason(message: str, display: str) -> str:
    prefix = f"{display}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"
