"""Find gazetteer names, topics and nationality adjectives in a tokenized Doc.

Names match in normalized form, the first word with or without a proclitic
(«وموسكو», «للكرملين», «لويتكوف»). A nationality adjective after a word for a
group of agents («القوات الروسية», «مسؤولين روس», «بمسيرات روسية») names the
country as the actor.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from ..reading.clitics import CliticSplitter
from ..doc_index import index_of
from .gazetteer import Gazetteer
from ..grammar import WORDS, either, either_at, norm_of
from ..model import Doc, EntityType, Mention, Sentence
from ..resources import word_set
from ..relations.topic_phrases import split_topics

__all__ = ["GazetteerMatcher", "units"]


class GazetteerMatcher:
    """Pipeline component: add gazetteer, topic and nisba mentions to a Doc."""

    name = "gazetteer"

    def __init__(self, gazetteer: Gazetteer, splitter: CliticSplitter):
        self.gaz = gazetteer
        self.splitter = splitter
        self.agent_nouns = word_set("agent_nouns.tsv")
        self.target_nouns = word_set("target_nouns.tsv")
        self._nouns = self.agent_nouns | self.target_nouns

    def __call__(self, doc: Doc) -> Doc:
        for sent in doc.sentences:
            norms = list(map(norm_of, sent.tokens))
            doc.mentions.extend(self._names(sent, norms, doc))
            doc.mentions.extend(self._topics(sent, norms))
            doc.mentions.extend(self._nisba_agents(sent))
        return doc

    def _scan(self, index, norms: list[str]) -> Iterator[tuple[int, int, str]]:
        """Yield (first token, number of tokens, value) of each longest match, left to right."""
        starts = index.starts(norms, self.splitter.candidates)
        after = 0   # the token after the last match
        for i in compress(range(len(starts)), starts):   # (most words start none)
            if i < after:
                continue
            rest = norms[i + 1:i + index.max_len]
            for reading in starts[i]:
                found = index.match(reading, rest)
                if found:
                    n, value = found
                    yield i, n, value
                    after = i + n
                    break

    def _names(self, sent: Sentence, norms: list[str], doc: Doc) -> list[Mention]:
        out, toks = [], sent.tokens
        for i, n, key in self._scan(self.gaz.names, norms):
            if i > 0 and toks[i - 1].base in WORDS.place_head and " ".join(norms[i:i + n]) in self.gaz.nisba:
                continue  # «العاصمة السعودية الرياض»: an adjective here, not the country
            ent = self.gaz.entities[key]
            doc.entities.setdefault(key, ent)
            out.append(_mention(sent, i, i + n, ent.type, key, "gazetteer", 1.0))
        return out

    def _topics(self, sent: Sentence, norms: list[str]) -> list[Mention]:
        found = [_mention(sent, i, i + n, EntityType.TOPIC, key, "topic", 0.9)
                 for i, n, key in self._scan(self.gaz.topics, norms)]
        taken = {k for m in found for k in range(m.first, m.last)}  # «وقف فوري ودائم لإطلاق النار»
        return found + [_mention(sent, i, j, EntityType.TOPIC, key, "topic", 0.85)
                        for i, j, key in split_topics(sent, taken)]

    def _nisba_agents(self, sent: Sentence) -> list[Mention]:
        """«القوات الروسية والأوكرانية», «بمسيرات روسية» → Russia (and Ukraine) as actors;
        «مواقع حدودية باكستانية» → Pakistan as the place hit."""
        out, toks = [], sent.tokens
        nouns = either_at(toks[:-1], self._nouns)   # one pass for both kinds: most sentences have neither
        if not nouns:
            return out
        agents = [i for i in nouns if either(toks[i], self.agent_nouns)]
        targets = [i for i in nouns if i not in agents]   # (the target nouns)
        for i in nouns:
            tok = toks[i]
            definite = tok.base.startswith("ال")
            j = i + 1
            if i in targets and j + 1 < len(toks) and not self._country(toks[j].norm, definite) and \
                    _plain_adjective(toks[j].norm, definite):
                j += 1  # «مواقع حدودية باكستانية»: one adjective of the place first
            while j < len(toks):
                adj = toks[j].norm[1:] if toks[j].norm.startswith("و") and j > i + 1 else toks[j].norm
                # two words first: «الجنود الكوريين الشماليين»
                n = 2 if j + 1 < len(toks) and self._country(adj + " " + toks[j + 1].norm, definite) else 1
                # an indefinite noun takes an indefinite adjective: «مسيرات روسية», «هجوم روسي»
                country = self._country(adj + " " + toks[j + 1].norm, definite) if n == 2 \
                    else self._country(adj, definite)
                if not country:
                    break
                out.append(_mention(sent, j, j + n, EntityType.COUNTRY, country, "nisba", 0.8))
                j += n
        return out


    def _country(self, adjective: str, definite: bool) -> str | None:
        """The country of a nationality adjective, definite or (after an indefinite noun) not."""
        nisba = self.gaz.nisba
        if definite:
            return nisba.get(adjective)
        return nisba.get(adjective) or nisba.get(" ".join("ال" + w for w in adjective.split()))


def _plain_adjective(word: str, definite: bool) -> bool:
    """Whether *word* reads as an adjective agreeing with a plural or feminine noun («حدودية», «العسكرية»)."""
    return word.startswith("ال") == definite and word.endswith(("يه", "ي")) and len(word) > 4


def _mention(sent: Sentence, first: int, last: int, etype: EntityType, key: str,
             source: str, confidence: float) -> Mention:
    toks = sent.tokens
    start, end = toks[first].start, toks[last - 1].end
    text = sent.text[start - sent.start:end - sent.start]
    return Mention(sent.index, first, last, start, end, text, etype, key, source, confidence)


def units(doc: Doc, sentence: int) -> list[Mention]:
    """The widest non-overlapping mentions of a sentence, in order.

    A title phrase («المتحدث باسم الكرملين ديمتري بيسكوف») wins over the names
    inside it, so it acts as one participant.

    Several components ask this for every sentence (and the one before it), so
    the answer is kept in the Doc's :class:`~..doc_index.DocIndex` until a
    mention is added to that sentence.
    """
    index = index_of(doc)
    index.sync()
    found = index.units.get(sentence)
    if found is None:
        found = index.units[sentence] = _widest(index.mentions(sentence))
    return list(found)


def _widest(mentions) -> tuple[Mention, ...]:
    cands = sorted(mentions, key=lambda m: (-(m.last - m.first), m.first, m.source))
    taken: list[Mention] = []
    used: set[int] = set()
    for m in cands:
        span = set(range(m.first, m.last))
        if span & used:
            continue
        used |= span
        taken.append(m)
    return tuple(sorted(taken, key=lambda m: m.first))
