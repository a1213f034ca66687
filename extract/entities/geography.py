"""Where places are: «مدينة إسطنبول التركية», «منطقة أوديسا جنوب أوكرانيا», «العاصمة الروسية موسكو»."""
from __future__ import annotations

from operator import attrgetter

from .gazetteer import Gazetteer
from ..doc_index import index_of
from ..model import Doc, EntityType, Fact, Mention, Sentence, Status
from ..grammar import WORDS, either
from ..resources import word_set

__all__ = ["GeographyFinder"]

_CONTAINED = {EntityType.CITY, EntityType.REGION}
_PLACES = frozenset(t for t in EntityType if t.is_place)
#: Most words between a place and where it lies («الواقعة في أقصى شمال شرق»).
_LOCATING_MAX = 5


def _descriptive(word: str) -> bool:
    """Whether *word* is a definite relative adjective («الساحلية», «الحدودي»), by its pattern."""
    return word.startswith("ال") and len(word) > 5 and word.endswith(("يه", "ي"))


class GeographyFinder:
    """Pipeline component: ``locatedIn`` facts from adjectives, directions and «العاصمة»."""

    name = "geography"

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.directions = word_set("directions.tsv")

    def __call__(self, doc: Doc) -> Doc:
        index = index_of(doc)   # (kept up to date by each look-up: asked for once)
        for sent in doc.sentences:
            ms = sorted((m for m in index.mentions(sent.index) if m.type in _PLACES), key=attrgetter("first"))
            for m in ms:
                if m.type in _CONTAINED:
                    self._after(doc, sent, m, ms)
            self._capital(doc, sent, ms)
        return doc

    def _after(self, doc: Doc, sent: Sentence, m: Mention, ms: list[Mention]) -> None:
        toks = sent.tokens
        j = m.last
        country, after = self.gaz.nisba_at([t.norm for t in toks[j:j + 2]], 0)   # «بوسان الكورية الجنوبية»
        if country:
            known = self.gaz.country_of(m.key)
            ent = self.gaz.entities.get(country)
            if ent is not None and ent.type is EntityType.COUNTRY and known in ("", country):
                self._fact(doc, sent, m, country, m.first, j + after, "locatedIn.adjective")
            return
        if j < len(toks) and _descriptive(toks[j].norm):
            j += 1   # «مدينة البصرة الساحلية جنوبي العراق»: an adjective of the place before where it lies
        wanted = {EntityType.COUNTRY} | ({EntityType.REGION} if m.type is EntityType.CITY else set())
        if (inside := self._headed_in(sent, m, j, ms)) is not None:
            self._fact(doc, sent, m, inside.key, m.first, inside.last, "locatedIn.headed")
            return
        # «أوديسا جنوب أوكرانيا», «رفح الواقعة في أقصى جنوب غزة», «وتقع منطقة خاركيف في شمال شرق أوكرانيا»
        k, cue = j, False
        while k < len(toks) and k - j < _LOCATING_MAX:
            word = toks[k]
            if either(word, self.directions) or either(word, WORDS.locating):
                cue = True
            elif word.norm != "في":
                break
            k += 1
        verb_before = m.first > 0 and (either(toks[m.first - 1], WORDS.locating)
                                       or (m.first > 1 and toks[m.first - 2].norm in WORDS.locating))
        if k > j and (cue or verb_before):
            nxt = next((x for x in ms if x.first == k and x.type in wanted), None)
            if nxt is not None:
                self._fact(doc, sent, m, nxt.key, m.first, nxt.last, "locatedIn.direction")

    @staticmethod
    def _headed_in(sent: Sentence, m: Mention, j: int, ms: list[Mention]) -> Mention | None:
        """Where a place introduced by its kind lies, after «في» or «بـ» and the kind of a larger one:
        «بلدة القصير في محافظة حمص», «بلدة كفرنبل بمحافظة إدلب», «مدينة الفاشر في إقليم دارفور».
        The larger one is a region of another key, or a country for a region; the smaller one must be
        headed (a bare «X في Y» may be where X's people were: «ممثلو دونيتسك في إسطنبول»)."""
        toks = sent.tokens
        if m.first == 0 or not either(toks[m.first - 1], WORDS.place_head) or j >= len(toks) - 1:
            return None
        if toks[j].norm == "في" and either(toks[j + 1], WORDS.place_head):
            at = j + 2                                   # «في محافظة حمص»
        elif toks[j].prefix.endswith("ب") and either(toks[j], WORDS.place_head):
            at = j + 1                                   # «بمحافظة إدلب»
        elif toks[j].norm == "في":
            at = j + 1                                   # «بلدة X في ولاية Y الوسطى»: a region by its name
        else:
            return None
        wanted = {EntityType.REGION} | ({EntityType.COUNTRY} if m.type is EntityType.REGION else set())
        return next((x for x in ms if x.first == at and x.type in wanted and x.key != m.key), None)

    def _capital(self, doc: Doc, sent: Sentence, ms: list[Mention]) -> None:
        """«العاصمة الروسية موسكو»: a city two words after «العاصمة» and a nationality adjective
        (read at each city, not at each word: most sentences name few)."""
        toks, seen = sent.tokens, set()
        for city in ms:   # (by where they start, as the words are read)
            i = city.first - 2
            if city.type is not EntityType.CITY or i < 0 or i in seen:
                continue
            seen.add(i)   # (the first city that starts there)
            country = self.gaz.nisba.get(toks[i + 1].norm)
            if either(toks[i], WORDS.capital) and country:
                self._fact(doc, sent, city, country, i, city.last, "locatedIn.capital")

    def _fact(self, doc: Doc, sent: Sentence, m: Mention, country: str, first: int, last: int, rule: str) -> None:
        if country == m.key:
            return
        toks = sent.tokens
        doc.facts.append(Fact(m.key, "locatedIn", country, Status.ASSERTED, doc.article.id, sent.index,
                              toks[first].start, toks[last - 1].end, sent.text, rule, 0.85))
