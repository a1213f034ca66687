"""An article's publication date, URL and outlet, from the metadata that comes with it.

Web pages carry them in ``<meta property="article:published_time">`` and its
kin, in JSON-LD (``datePublished``, ``url``, ``publisher``), in
``<time datetime>`` and in the URL itself (``/2025/03/18/``); news datasets
carry them in columns. :func:`normalize_published` turns what they give (ISO
8601, RFC 2822 as in RSS, ``2025-03-18 10:00:00`` as news-please writes, or
an Arabic date «18 مارس 2025») into an ISO ``xsd:date`` or ``xsd:dateTime``
lexical form.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

__all__ = ["PageMeta", "normalize_published", "date_from_url", "page_metadata", "outlet_of"]

_META_DATES = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
               "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
_META_URLS = ("og:url", "twitter:url")
_META_SITES = ("og:site_name", "application-name", "publisher", "dc.publisher")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?)?$")
_YEARS = (1900, 2100)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page says about itself; ``""`` where it says nothing."""

    date: str = ""
    url: str = ""
    source: str = ""


def normalize_published(value: str) -> str:
    """The ISO form of a publication date, or ``""`` if *value* is not one.

    Args:
        value: ``2025-03-18``, ``2025-03-18T10:00:00+03:00``, ``2025-03-18 10:00``,
            ``Tue, 18 Mar 2025 10:00:00 GMT``, «18 مارس 2025»…

    Returns:
        ``YYYY-MM-DD``, or ``YYYY-MM-DDThh:mm:ss`` with its zone when the value
        gives a time (a midnight with no zone is kept as the date alone).
    """
    value = " ".join(str(value).split())
    if not value:
        return ""
    m = _ISO.match(value)
    if m:
        y, mo, d, hh, mi, ss, zone = m.groups()
        if not _valid(int(y), int(mo), int(d)):
            return ""
        day = f"{y}-{mo}-{d}"
        if hh is None or (hh == mi == "00" and ss in (None, "00") and not zone):
            return day
        if int(hh) > 23 or int(mi) > 59 or int(ss or 0) > 59:
            return ""
        zone = "" if zone is None else ("Z" if zone == "Z" else (zone if ":" in zone else zone[:3] + ":" + zone[3:]))
        return f"{day}T{hh}:{mi}:{ss or '00'}{zone}"
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if isinstance(stamp, datetime) and _YEARS[0] <= stamp.year <= _YEARS[1]:
        return stamp.isoformat()
    from ..time.dates import find_dates, precision
    found = [m for m in find_dates(value) if m.absolute and precision(m.value) == "day"]
    if len(found) == 1 and len(found[0].text) >= len(value) - 12:
        return found[0].value
    return ""


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        return _YEARS[0] <= date(y, mo, d).year <= _YEARS[1]
    except ValueError:
        return False


def date_from_url(url: str) -> str:
    """The date in a URL's path (``/2025/03/18/``, ``/2025-03-18-slug``), or ``""``."""
    m = _URL_DATE.search(urlsplit(url).path if "://" in url else url)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return ""


def outlet_of(url: str) -> str:
    """The host of a URL without ``www.``, as an outlet's name of last resort."""
    host = (urlsplit(url).hostname or "") if "://" in url else ""
    return host[4:] if host.startswith("www.") else host


def page_metadata(root) -> PageMeta:
    """Read a parsed page's metadata (an lxml HTML root, before any element is dropped).

    The date is the first of: the ``<meta>`` dates, JSON-LD ``datePublished``,
    the first ``<time datetime>``, the date in the page's URL.
    """
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(root)
    url = next((metas[k] for k in _META_URLS if k in metas), "")
    if not url:
        canonical = root.xpath("//link[@rel='canonical']/@href")
        url = str(canonical[0]).strip() if canonical else ""
    url = url or ld.get("url", "")
    source = next((metas[k] for k in _META_SITES if k in metas), "") or ld.get("publisher", "")
    candidates = [metas[k] for k in _META_DATES if k in metas]
    candidates += [ld["datePublished"]] if "datePublished" in ld else []
    candidates += [str(t) for t in root.xpath("//time/@datetime")[:1]]
    published = next((d for d in map(normalize_published, candidates) if d), "") or date_from_url(url)
    return PageMeta(published, url, source)


def _json_ld(root) -> dict[str, str]:
    """``datePublished``, ``url`` and the publisher's name from the page's JSON-LD, where given."""
    out: dict[str, str] = {}
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _ld_items(data):
            if "datePublished" in item and "datePublished" not in out:
                out["datePublished"] = str(item["datePublished"])
            if isinstance(item.get("url"), str) and "url" not in out and "datePublished" in item:
                out["url"] = item["url"]
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and "publisher" not in out:
                out["publisher"] = publisher["name"]
    return out


def _ld_items(data) -> list[dict]:
    if isinstance(data, list):
        return [i for d in data for i in _ld_items(d)]
    if isinstance(data, dict):
        return [data] + _ld_items(data.get("@graph", []))
    return []
