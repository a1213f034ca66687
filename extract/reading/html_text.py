"""Article text and headline from an HTML page, with lxml.

Scripts, styles, navigation, headers, footers, asides, forms, frames, SVG,
comments and ``javascript:`` links are removed; the main block is the largest
``<article>``, else ``<main>``, else the element holding most paragraph text,
else ``<body>``. Block elements become line breaks, so each paragraph,
heading and list item is one line. The headline is the first ``<h1>`` (inside
the main block first), else the longest part of ``<title>``.
"""
from __future__ import annotations

import re

from lxml import etree, html

from rawabit.errors import InputError

from .metadata import PageMeta, page_metadata

__all__ = ["extract_html", "extract_page", "declared_charset"]

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "frame", "frameset", "svg", "math", "template", "object", "embed", "canvas", "video",
         "audio", "button", "select", "textarea", "input", "dialog", "map", "head")
_BLOCK = frozenset((
    "address", "article", "blockquote", "body", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "caption", "summary", "details", "center",
))
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»«]\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_PARA_SHARE = 0.5
_PAGE_H1 = ("//h1[not(ancestor::nav or ancestor::footer or ancestor::aside"
            " or ancestor::header[not(ancestor::article or ancestor::main)])]")


def declared_charset(data: bytes) -> str | None:
    """The encoding named by a ``<meta>`` tag in the first 4 KB, if any.

    Args:
        data: The raw page.

    Returns:
        The declared name as written (e.g. ``windows-1256``), or None.
    """
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(markup: str) -> tuple[str, str]:
    """Extract the headline and article text from a page.

    Args:
        markup: The decoded HTML.

    Returns:
        ``(title, text)``: the headline or ``""``, and the text with one
        paragraph per line, headline first when found.

    Raises:
        InputError: The markup cannot be parsed at all.
    """
    title, text, _ = extract_page(markup)
    return title, text


def extract_page(markup: str) -> tuple[str, str, PageMeta]:
    """:func:`extract_html`, and the page's publication date, URL and outlet
    (:func:`~.metadata.page_metadata`)."""
    root = _parse(markup)
    meta = page_metadata(root)
    page_title = _page_title(root)
    for link in root.xpath("//a[starts-with(translate(normalize-space(@href),"
                           " 'JAVSCRIPT', 'javscript'), 'javascript:')]"):
        link.drop_tree()
    main = _main_block(root)
    title = _first_text(main, ".//h1") or _first_text(root, _PAGE_H1) or page_title
    keep = {main, *main.iterancestors()}
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        if element not in keep and element.getparent() is not None:
            element.drop_tree()
    lines = [line for line in (" ".join(raw.split()) for raw in _block_text(main).split("\n")) if line]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return title, "\n".join(lines), meta


def _parse(markup: str) -> html.HtmlElement:
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                             no_network=True, recover=True)
    try:
        root = html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"unreadable HTML ({exc})") from None
    if root is None:
        raise InputError("unreadable HTML (no document)")
    return root


def _page_title(root: html.HtmlElement) -> str:
    title = _first_text(root, "//title")
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part]
    return max(parts, key=len) if parts else ""


def _first_text(root: html.HtmlElement, path: str) -> str:
    for element in root.xpath(path):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


def _main_block(root: html.HtmlElement) -> html.HtmlElement:
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda el: len(el.text_content()))
    mains = root.xpath("//main|//*[@role='main']")
    if mains:
        return mains[0]
    body = root.find("body")
    body = root if body is None else body
    credit: dict[html.HtmlElement, int] = {}
    for para in body.iter("p"):
        parent = para.getparent()
        if parent is not None:
            credit[parent] = credit.get(parent, 0) + len(para.text_content().strip())
    total = sum(credit.values())
    if total:
        best = max(credit, key=credit.__getitem__)
        if credit[best] >= _PARA_SHARE * total:
            return best
    return body


def _block_text(root: html.HtmlElement) -> str:
    out: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag.lower() in _BLOCK:
                out.append("\n")
            if element.text and tag:
                out.append(element.text)
        else:
            if tag.lower() in _BLOCK:
                out.append("\n")
            if element.tail and element is not root:
                out.append(element.tail)
    return "".join(out)
