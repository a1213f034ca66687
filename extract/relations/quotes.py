"""Who said what: quotations («…», “…”) and reported speech («قال X إن …»)."""
from __future__ import annotations

import re

from ..arabic import normalize_phrase
from ..entities.mentions import units
from ..model import Doc, EntityType, Quote, Sentence
from ..grammar import WORDS
from ..resources import read_tsv

__all__ = ["QuoteFinder"]

_QUOTED = re.compile(r"«([^»]{3,})»|“([^”]{3,})”|\"([^\"]{3,})\"")


class QuoteFinder:
    """Pipeline component: a :class:`Quote` for each sentence with a speech verb and a speaker."""

    name = "quotes"

    def __init__(self) -> None:
        self.verbs = {normalize_phrase(r["word"]) for r in read_tsv("function_words.tsv") if r["kind"] == "speech"}

    def __call__(self, doc: Doc) -> Doc:
        last_speaker = ""
        for sent in doc.sentences:
            speaker, verb = self._speaker(doc, sent)
            if verb < 0:
                continue
            speaker = speaker or last_speaker
            if not speaker:
                continue
            last_speaker = speaker
            after = sent.text[sent.tokens[verb].end - sent.start:]
            found = _QUOTED.search(after)
            if found:
                g = next(i for i in (1, 2, 3) if found.group(i))
                text = found.group(g).strip()
                start = sent.tokens[verb].end + found.start(g)
                doc.quotes.append(Quote(speaker, text, doc.article.id, sent.index, start,
                                        start + len(found.group(g)), True))
                continue
            comp = next((t for t in sent.tokens if t.start > sent.tokens[verb].start
                         and t.norm in WORDS.complement), None)
            if comp is not None:
                text = sent.text[comp.end - sent.start:].strip(" :،")
                if len(text) > 3:
                    doc.quotes.append(Quote(speaker, text, doc.article.id, sent.index,
                                            comp.end, sent.end, False))
        return doc

    def _speaker(self, doc: Doc, sent: Sentence) -> tuple[str, int]:
        """(speaker key or '', index of the speech verb or -1)."""
        toks = sent.tokens
        for i, tok in enumerate(toks[:12]):
            if tok.norm not in self.verbs and tok.base not in self.verbs and \
                    not (tok.norm[:1] in "وف" and tok.norm[1:] in self.verbs):
                continue
            us = units(doc, sent.index)   # (only for the first speech verb: most sentences have none)
            nxt = next((u for u in us if u.first > i), None)
            if nxt is not None and nxt.first - i <= 3 and nxt.type is not EntityType.TOPIC:
                return nxt.key, i
            prev = next((u for u in reversed(us) if u.last <= i), None)
            if prev is not None and i - prev.last <= 1 and prev.type is not EntityType.TOPIC:
                return prev.key, i
            return "", i
        return "", -1
