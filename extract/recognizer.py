"""Pipeline component: names found by the statistical recogniser (:mod:`.ner`).

The recogniser tags every token of an article in IOB2 (PERS, LOC, ORG, MISC).
Spans that a gazetteer name already covers are left to the gazetteer; the
others become mentions of new entities, typed from the tag; a place is kept
only after a head word that says what it is («مدينة», «منطقة»). Title phrases then use these
spans to know where a name after a title ends.
"""
from __future__ import annotations

from .arabic import normalize_phrase, slugify
from .doc_index import index_of
from .mentions import _mention
from .model import Doc, Entity, EntityType
from .ner import Recognizer
from .ner_mentions import iob_spans
from .resources import read_tsv

__all__ = ["NerMentions"]

_TYPES = {"PERS": EntityType.PERSON, "ORG": EntityType.ORGANIZATION}


class NerMentions:
    """Add ``ner`` mentions for names the gazetteer does not list.

    Args:
        recognizer: Any :class:`~rawabit.extract.ner.Recognizer`; by default
            the shipped CRF, loaded when the first article comes (a pipeline
            whose articles all go to worker processes never loads it).
        min_tokens: Shortest span kept for persons (one-word spans are left to titles).
    """

    name = "ner"

    def __init__(self, recognizer: Recognizer | None = None, *, min_tokens: int = 2):
        self._recognizer = recognizer
        self.min_tokens = min_tokens
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
        for sent, tags in zip(doc.sentences, tagged):
            taken = {t for m in index_of(doc).mentions(sent.index) for t in range(m.first, m.last)}
            for first, last, label in iob_spans(tags):
                etype = self._type(sent, first, label)
                if etype is None or taken & set(range(first, last)):
                    continue
                if etype is EntityType.PERSON and last - first < self.min_tokens:
                    continue
                toks = sent.tokens
                if any(t.is_punct for t in toks[first:last]):
                    continue
                text = sent.text[toks[first].start - sent.start:toks[last - 1].end - sent.start]
                if toks[first].prefix:
                    text = text[len(toks[first].prefix):]
                key = slugify(text)
                doc.entities.setdefault(key, Entity(key, etype, text))
                doc.mentions.append(_mention(sent, first, last, etype, key, "ner", 0.7))

    def _type(self, sent, first: int, label: str) -> EntityType | None:
        if label in _TYPES:
            return _TYPES[label]
        if label != "LOC":
            return None
        if first > 0:  # «مدينة سفاتوف», «منطقة بيلغورود»; bare places are mostly listed ones,
            head = self.heads.get(sent.tokens[first - 1].base) or self.heads.get(sent.tokens[first - 1].norm)
            if head in (EntityType.CITY, EntityType.REGION):
                return head
        return None  # or continents and areas («أوروبا», «الشرق الأوسط») that are no Region
