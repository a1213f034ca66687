"""Articles from news datasets: JSON Lines, JSON and CSV files with one article per record.

Each record gives the article's ``text`` (or its ``html`` page), and maybe its
``title``, ``url``, publication ``date``, ``source`` (the outlet) and
``language``. The usual names of scrapers and datasets are understood
(news-please's ``maintext``/``date_publish``/``source_domain``, trafilatura's
``sitename``…); :func:`parse_fields` lets the user name other columns
(``--field text=body``). A record that cannot be read is skipped with a
message saying where it is and why; one whose date cannot be read keeps its
text and loses its date, with a message too; the other records are read.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rawabit.errors import InputError

from .metadata import date_from_url, normalize_published, outlet_of

__all__ = ["RECORD_SUFFIXES", "FIELDS", "Record", "Problem", "parse_fields", "read_records", "record_values"]

RECORD_SUFFIXES = frozenset({".jsonl", ".json", ".csv"})
#: What a record can give, and the names it is looked up under when the user names none.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "article_text"),
    "html": ("html", "raw_html", "content_html", "page"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": ("date", "date_publish", "published", "published_at", "publication_date", "datePublished",
             "pubDate", "publish_date", "datetime"),
    "source": ("source", "outlet", "source_domain", "sitename", "site_name", "publisher", "hostname"),
    "language": ("language", "lang"),
}
_ARABIC = ("ar", "ara", "arabic", "العربية", "عربي")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one record: *where* it is (``line 4``), *what*, and
    whether the record was still read (*kept*: only its date is lost)."""

    where: str
    message: str
    kept: bool = False


@dataclass(slots=True)
class Record:
    """One article's values, read and checked.

    Attributes:
        where: Where the record is in its file, for messages (``line 4``).
        index: Its position among the file's records, from 0.
        text, html, title, url, date, source: The values; ``date`` in ISO form.
        problems: What was wrong but did not stop the record being read.
    """

    where: str
    index: int
    text: str = ""
    html: str = ""
    title: str = ""
    url: str = ""
    date: str = ""
    source: str = ""
    problems: list[Problem] = field(default_factory=list)


def parse_fields(specs: Iterable[str]) -> dict[str, str]:
    """Read ``--field`` options: ``text=body`` names the column that holds the text.

    Raises:
        InputError: A spec is not ``NAME=COLUMN`` or names no known field.
    """
    out: dict[str, str] = {}
    for spec in specs:
        name, sep, column = spec.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not column:
            raise InputError(f"--field {spec!r}: write it as NAME=COLUMN, e.g. text=body")
        if name not in FIELDS:
            raise InputError(f"--field {spec!r}: {name!r} is not one of {', '.join(FIELDS)}")
        out[name] = column
    return out


def read_records(text: str, suffix: str, *, fields: Mapping[str, str] | None = None
                 ) -> Iterator[Record | Problem]:
    """The records of a dataset file, in order, or a :class:`Problem` for each one unreadable.

    Args:
        text: The decoded file.
        suffix: ``.jsonl``, ``.json`` or ``.csv``.
        fields: Column names the user gave (see :func:`parse_fields`).

    Raises:
        InputError: The file as a whole cannot be read: a JSON file that does
            not parse, a CSV file without a header naming a text column.
    """
    fields = dict(fields or {})
    if suffix == ".csv":
        yield from _csv(text, fields)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(f"not valid JSON ({exc})") from None
        except RecursionError:
            raise InputError("not valid JSON (nested too deeply)") from None
        items = data if isinstance(data, list) else _wrapped(data)
        for n, item in enumerate(items):
            yield record_values(item, f"record {n + 1}", n, fields)
    else:
        n = 0
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                yield Problem(f"line {number}", f"not valid JSON ({exc.args[0].split(':')[0]})")
            except RecursionError:
                yield Problem(f"line {number}", "not valid JSON (nested too deeply)")
            else:
                yield record_values(item, f"line {number}", n, fields)
            n += 1


def _wrapped(data: object) -> list:
    """The records of a JSON object: itself, or the one list of objects it holds (``{"articles": [...]}``)."""
    if isinstance(data, dict) and not any(k in data for names in (FIELDS["text"], FIELDS["html"]) for k in names):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        if len(lists) == 1:
            return lists[0]
    return [data]


def _csv(text: str, fields: dict[str, str]) -> Iterator[Record | Problem]:
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))   # an article is longer than 128 KB at times
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = reader.fieldnames or []
    wanted = [fields.get(k) for k in ("text", "html") if k in fields] or [*FIELDS["text"], *FIELDS["html"]]
    if not any(name in header for name in wanted):
        shown = ", ".join(header[:8]) or "none"
        raise InputError(f"no text column in the CSV header (columns: {shown}); "
                         "name it with --field text=COLUMN")
    try:
        for n, row in enumerate(reader):
            if None in row:
                yield Problem(f"line {reader.line_num}", f"{len(row[None])} more cells than the header has")
                continue
            yield record_values({k: v for k, v in row.items() if v is not None}, f"line {reader.line_num}",
                                n, fields)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV at line {reader.line_num} ({exc})") from None


def record_values(item: object, where: str, index: int, fields: Mapping[str, str]) -> Record | Problem:
    """Check one record's values; a :class:`Problem` if it gives no article to read."""
    if not isinstance(item, dict):
        return Problem(where, f"not an object but {type(item).__name__}")
    values: dict[str, str] = {}
    for name, names in FIELDS.items():
        for key in [fields[name]] if name in fields else [k for k in names if item.get(k) not in (None, "")]:
            value = item.get(key)
            if value is None or value == "":
                continue
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                return Problem(where, f"field {key!r} is not text but {type(value).__name__}")
            value = str(value).strip()
            if name == "source" and value.startswith(("http://", "https://")):
                values.setdefault("page", value)    # trafilatura's "source" is the page's URL
                continue
            values[name] = value
            break
    if not values.get("text") and not values.get("html"):
        looked = fields.get("text") or " or ".join(repr(n) for n in FIELDS["text"][:3])
        return Problem(where, f"no text (no {looked} field, and no html)")
    language = values.get("language", "").lower()
    if language and not language.startswith(_ARABIC):
        return Problem(where, f"language {values['language']!r}, not Arabic")
    record = Record(where, index, values.get("text", ""), values.get("html", ""), values.get("title", ""))
    record.url = values.get("url") or values.get("page", "")
    record.source = values.get("source") or outlet_of(record.url)
    if "date" in values:
        record.date = normalize_published(values["date"])
        if not record.date:
            record.problems.append(Problem(where, f"date {values['date'][:40]!r} is not a date; "
                                                  "read without one", kept=True))
    record.date = record.date or date_from_url(record.url)
    return record
