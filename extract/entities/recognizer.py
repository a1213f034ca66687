"""Pipeline component: names found by the statistical recogniser (:mod:`.ner`).

The recogniser tags every token of an article in IOB2 (PERS, LOC, ORG, MISC).
Spans that a gazetteer name already covers are left to the gazetteer; the
others become mentions of new entities, typed from the tag; a place is kept
only after a head word that says what it is («مدينة», «منطقة», «بلدة»), and a name
after such a word is a place whatever its tag («منطقة أبو سليم»). Title phrases then
use these spans to know where a name after a title ends.

Span edges are cleaned: words that are never part of a name (nationality
adjectives, titles, function and cue words, :class:`~.names.NameFinder`'s stop
words) are trimmed from both ends («الباكستاني عطا الله تارار», «آبي كان»), and a
leading proclitic «و/ف/ب/ل/ك» is dropped when the article also has the word
without it («دعماً لبولسونارو» beside «بولسونارو»).
"""
from __future__ import annotations

from ..arabic import normalize_phrase, slugify
from ..doc_index import index_of
from .mentions import _mention
from ..model import Doc, Entity, EntityType, Sentence
from .ner import Recognizer
from .ner_mentions import iob_spans
from ..resources import read_tsv

__all__ = ["NerMentions"]

_TYPES = {"PERS": EntityType.PERSON, "ORG": EntityType.ORGANIZATION}
_PROCLITICS = "وفبلك"
_DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}


class NerMentions:
    """Add ``ner`` mentions for names the gazetteer does not list.

    Args:
        recognizer: Any :class:`~rawabit.extract.entities.ner.Recognizer`; by default
            the shipped CRF, loaded when the first article comes (a pipeline
            whose articles all go to worker processes never loads it).
        min_tokens: Shortest span kept for persons (one-word spans are left to titles).
        names: Whose stop words are trimmed from the spans' ends (the default
            pipeline's :class:`~.names.NameFinder`); none, nothing is trimmed.
    """

    name = "ner"

    def __init__(self, recognizer: Recognizer | None = None, *, min_tokens: int = 2, names=None):
        self._recognizer = recognizer
        self.min_tokens = min_tokens
        self.names = names
        self.heads = {normalize_phrase(r["word"]): EntityType(r["type"]) for r in read_tsv("org_heads.tsv")}

    @property
    def recognizer(self) -> Recognizer:
        """The recogniser, loaded on first use.

        Raises:
            ModelError: The shipped model cannot be read.
        """
        if self._recognizer is None:
            from .ner import CRFRecognizer
            self._recognizer = CRFRecognizer.pretrained()
        return self._recognizer

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """Tag a batch of docs at once (the recogniser decodes their sentences together)."""
        tagged = self.recognizer.tag_texts([[[t.text for t in s.tokens] for s in d.sentences] for d in docs])
        for doc, tags in zip(docs, tagged):
            self._add(doc, tags)
        return docs

    def _add(self, doc: Doc, tagged: list[list[str]]) -> None:
        """Add the mentions of *doc*'s new names, from its sentences' tags."""
        words: set[str] | None = None   # the article's words, read when a span starts with a proclitic
        surnames: dict[str, str] = {}   # last word of a person named so far → the person's key ("" if shared)
        for sent, tags in zip(doc.sentences, tagged):
            spans = iob_spans(tags)
            if not spans:
                continue
            taken = {t for m in index_of(doc).mentions(sent.index) for t in range(m.first, m.last)}
            for first, last, label in spans:
                first, last = self._trim(sent, first, last)
                if first >= last:
                    continue
                etype = self._type(sent, first, label)
                if etype is None or taken & set(range(first, last)):
                    continue
                toks = sent.tokens
                if any(t.is_punct for t in toks[first:last]):
                    continue
                text = sent.text[toks[first].start - sent.start:toks[last - 1].end - sent.start]
                if toks[first].prefix:
                    text = text[len(toks[first].prefix):]
                elif toks[first].norm[:1] in _PROCLITICS and len(toks[first].norm) > 3:
                    if words is None:
                        words = {t.norm for s in doc.sentences for t in s.tokens}
                    if toks[first].norm[1:] in words:
                        text = _drop_letter(text)
                if last - first == 1 and normalize_phrase(text.split()[-1]) in surnames:
                    # «دعماً لبولسونارو» after «جايير بولسونارو»: the person again, whatever the tag;
                    # no one when two people named so far share the name («محمد حسين», «خالد حسين»)
                    key = surnames[normalize_phrase(text.split()[-1])]
                    if key:
                        doc.mentions.append(_mention(sent, first, last, EntityType.PERSON, key, "ner", 0.7))
                    continue
                if etype is EntityType.PERSON and last - first < self.min_tokens:
                    continue
                key = slugify(text)
                doc.entities.setdefault(key, Entity(key, etype, text))
                doc.mentions.append(_mention(sent, first, last, etype, key, "ner", 0.7))
                if etype is EntityType.PERSON:
                    surname = normalize_phrase(text.split()[-1])
                    surnames[surname] = key if surnames.get(surname, key) == key else ""

    def _trim(self, sent: Sentence, first: int, last: int) -> tuple[int, int]:
        """The span without the words at its ends that are never part of a name."""
        if self.names is None:
            return first, last
        toks, edge, heads = sent.tokens, self.names.never_in_name, self.heads
        span = first, last
        while first < last and edge(toks[first], leading=True) and toks[first].base not in heads:
            first += 1
        while last > first and edge(toks[last - 1]):
            last -= 1
        if not any(t.norm.isalpha() for t in toks[first:last]):  # «حركة 23 مارس»: keep the span whole
            return span
        return first, last

    def _type(self, sent, first: int, label: str) -> EntityType | None:
        if label not in _TYPES and label != "LOC":
            return None
        if first > 0 and label != "ORG":  # «مدينة سفاتوف», «منطقة أبو سليم»: the head says what it is
            head = self.heads.get(sent.tokens[first - 1].base) or self.heads.get(sent.tokens[first - 1].norm)
            if head in (EntityType.CITY, EntityType.REGION):
                return head
        # a bare place is mostly a listed one, or a continent or area («أوروبا», «الشرق الأوسط»)
        return _TYPES.get(label)


def _drop_letter(text: str) -> str:
    """*text* without its first letter and the marks on it («لبولسونارو» → «بولسونارو»)."""
    rest = text[1:]
    while rest[:1] in _DIACRITICS and rest:
        rest = rest[1:]
    return rest
