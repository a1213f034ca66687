"""Relations stated by verbs and verbal nouns: met, phoned, visited, demands, …

For each cue word (``relation_cues.tsv``) the finder reads the cue's clause:

- the **subject** is the participant right after a clause-initial verb (VSO),
  the genitive after a verbal noun («زيارة ويتكوف», «الحرب الروسية»), the
  pronoun of a suffixed noun («اجتماعه» → the person just named), or the
  nearest participant before the cue (SVO);
- the **object** is the first participant after it introduced by one of the
  cue's markers (a preposition, or none for a direct object) and of a fitting
  class; a topic may sit anywhere later in the clause;
- coordination («بوتين وترمب», «دونيتسك ولوغانسك وزابوريجيا») multiplies
  either side; «بين X و Y» gives both sides of a symmetric relation;
- when the clause names no subject, :mod:`.implicit` finds the one the text
  leaves implicit (a fronted purpose noun, a circumstantial participle,
  «حيث»/«أما», «الجانبان», «الاجتماع ركز على …»); a verb joined on by «و» shares
  the subject of the cue verb before it («زار X القاهرة والتقى Y»), and a
  sentence whose verb names no subject before its prepositional object goes on
  with the previous sentence's («… . وفي اليوم التالي توجه إلى عمّان»).

The cue words are read from ``relation_cues.tsv`` (phrases, nouns) and
generated from root and form (``cue_lemmas.tsv``, :mod:`.cue_forms`). Named
constructions have modules of their own: nisba adjectives naming the sides of
an event (:mod:`.nisba_parties`), light-verb stance phrases and the doers of
events (:mod:`.stance`), the passive participle (:mod:`.passive`), a guest or
host taken up as the other side of a meeting (:mod:`.partners`), and the
clause structure around a cue (:mod:`.clauses`).

The status (denied, planned, …) comes from :class:`ModalityTagger`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


from ..arabic import dediac, normalize, normalize_phrase
from .clauses import (OBJECT_SUFFIXES, fronted_with, imperfect_like, parenthetical, partitive, relative_head,
                      sides_between)
from ..reading.clitics import CliticSplitter
from .cue_forms import table_cues
from ..doc_index import index_of
from .gathering import gathered, gathering_words
from ..grammar import WORDS, either
from .implicit import (SYMMETRIC, both_sides, carried_subject, companions, deed_doer, each_other, event_sides,
                       fronted_agent, including, main_subject, meeting_sides, sides_here)
from ..entities.mentions import _mention, units
from .led_by import led_by_facts, led_by_words
from .modality import ModalityTagger
from ..model import Doc, EntityType, Fact, Mention, Sentence
from .nisba_parties import nisba_parties
from .participants import (PUNCT_BOUNDARY, antecedent, coordinated, coordinated_back, marker,
                           pronoun_suffix, skippable)
from .partners import partner
from .passive import passive_sides
from .relative import resumed_head
from ..resources import read_tsv, split_variants, word_set
from .stance import event_doer, event_holder, holder, light_verb, witness_place
from .venues import is_dateline, parties_only

__all__ = ["RelationFinder", "SYMMETRIC"]


_OBJECT_SUFFIXES = OBJECT_SUFFIXES
_SUFFIX_ENDS = frozenset(x[-1] for x in _OBJECT_SUFFIXES)
_QUOTES = frozenset('"«»“”\'')
_STARTS_LIMIT = 200_000   # words whose cue-starting readings are remembered
_APPOSITION_TAIL = 4      # words of a title phrase after its office's object («للمهمات الخاصة»)
_AFTER_DOER = 4           # tokens between an event's doer in a relative clause and the event's object
_FRONTED_PHRASE = 6       # tokens from a fronted noun to the comma closing its phrase («للقائه شي،»)
_OWN = {"له": "ه", "لها": "ها", "لهما": "هما"}   # «زيارة له»: the pronoun of a noun, after «ل»
_PLACES = {EntityType.COUNTRY, EntityType.CITY, EntityType.REGION}
_KIND = {
    "agent": {EntityType.PERSON, EntityType.ORGANIZATION, *_PLACES},
    "place": _PLACES,
    "region": {EntityType.REGION, EntityType.CITY},
    "organization": {EntityType.ORGANIZATION},
    "topic": {EntityType.TOPIC},
}


def _reserved() -> frozenset[str]:
    """Function words no generated cue form may be («قبل» is «before», not «accepted»)."""
    return word_set("function_words.tsv") | WORDS.boundary | WORDS.relative | WORDS.complement | \
        WORDS.preposition | WORDS.place_head


@dataclass(frozen=True)
class Cue:
    """A row of ``relation_cues.tsv``."""

    relation: str
    pos: str
    markers: frozenset[str]
    objects: frozenset[EntityType]
    through: bool
    confidence: float
    needs: frozenset[str] = frozenset()   # one of these must follow in the clause («حذّر … من عواقب»)




def _inner_tokens(us: list[Mention]) -> set[int]:
    """The tokens of the participants *us* after their first: a clause boundary is never read there."""
    return {t for u in us for t in range(u.first + 1, u.last)}


def _lone_object(sent: Sentence, c0: int, after: list[Mention]) -> Mention | None:
    """The object of the verb at *c0* when no name after it can be its subject: the one unmarked
    name right after it (None when a second follows right after that one: then the first is VSO,
    the verb's own subject), or else a first participant after it introduced by a preposition
    («، وتسيطر على أجزاء من X»)."""
    if after and marker(sent, after[0]) and after[0].type is not EntityType.TOPIC:
        return after[0]
    plain = [u for u in after if not marker(sent, u) and u.type is not EntityType.TOPIC]
    if not plain or plain[0].first != c0 + 1 or (len(plain) > 1 and plain[1].first - plain[0].last <= 1):
        return None
    return plain[0]


def _next_legs(sent: Sentence, us: list[Mention], last: Mention) -> list[Mention]:
    """Places a later «ثم»/«و» repeats the preposition of *last* for, the verb left out: the legs of
    one trip («توجه إلى باريس حيث التقى ماكرون، ثم إلى وارسو», «وصل إلى عمّان ومنها إلى دمشق»)."""
    toks, prep, out = sent.tokens, marker(sent, last), []
    k = last.last
    while k < len(toks) - 1 and not (toks[k].text in PUNCT_BOUNDARY and toks[k].text != "،"):
        tok = toks[k]
        joined = tok.prefix.startswith("و")
        if tok.norm in WORDS.then or either(tok, WORDS.then_from) or (joined and tok.base == prep):
            at = k + 2 if toks[k + 1].norm == prep else k + 1   # «ثم إلى X», «ومنها إلى X»; «وإلى X»
            place = next((u for u in us if u.first == at and u.type in _PLACES), None)
            if place is not None and marker(sent, place) == prep:
                out.append(place)
                k = place.last
                continue
        k += 1
    return out


def _place_object(sent: Sentence, c1: int, after: list[Mention], cue) -> bool:
    """Whether the first participant after a verb of places ending at *c1* is a city or region right
    after it, the clause going on with no noun after it: its object, as a city visits no one."""
    first, toks = after[0], sent.tokens
    nxt = toks[first.last] if first.last < len(toks) else None
    # «وزار بيروت وفد من …»: a noun after the place may be the subject (object first): then no saying
    ends = nxt is None or nxt.is_punct or nxt.norm in WORDS.preposition or nxt.norm in WORDS.time or \
        nxt.norm in WORDS.clause_start or skippable(nxt)
    return cue.objects <= _PLACES and "direct" in cue.markers and first.first == c1 and ends and \
        first.type in (EntityType.CITY, EntityType.REGION)


def _unsaid_subject(doc: Doc, sent: Sentence, us: list[Mention], c0: int) -> list[Mention]:
    """The subject of the first fact a cue verb of *sent* stated before token *c0*, when the sentence
    left it unsaid there too (pro-drop): a mention of it on the verb at *c0*; [] otherwise."""
    start = sent.tokens[c0].start
    first = next((f for f in index_of(doc).facts(sent.index) if f.rule.endswith(".verb") and f.start < start), None)
    if first is None or any(u.key == first.subject for u in us):
        return []   # (a subject the sentence names is the main subject's business)
    named = next((m for ms in index_of(doc).mentions_back(sent.index) for m in ms if m.key == first.subject), None)
    return [_mention(sent, c0, c0 + 1, named.type, first.subject, "dropped", 0.7)] if named is not None else []


def _fronted_possessor(sent: Sentence, us: list[Mention], c0: int, c1: int) -> Mention | None:
    """Whose «ـه» a noun in a phrase fronted before the main clause means: the person that clause's
    verb names right after it («وفي اليوم التالي للقائه شي، التقى مودي بوتين»: Modi's meeting), when
    the sentence names no one before the noun. The phrase ends at the first comma after the noun."""
    toks = sent.tokens
    if any(u.first < c0 for u in us):
        return None
    comma = next((k for k in range(c1, min(c1 + _FRONTED_PHRASE, len(toks))) if toks[k].text in ("،", ",")), -1)
    if comma < 0 or comma + 2 >= len(toks) or toks[comma + 1].is_punct:
        return None
    agent = next((u for u in us if u.first == comma + 2), None)   # «، التقى مودي»: verb, then its subject
    return agent if agent is not None and agent.type is EntityType.PERSON and not marker(sent, agent) else None


def _previous_verb_subject(doc: Doc, sent: Sentence, us: list[Mention], c0: int) -> list[Mention]:
    """The subjects of the last cue verb before token *c0* of *sent* that stated facts (all of a
    coordinated subject: «وأشاد الرئيسان …، وشكرا …»), or []."""
    start, last, keys = sent.tokens[c0].start, None, []
    for f in reversed(doc.facts):   # this sentence's facts come last (bounded by the sentence)
        if f.sentence != sent.index:
            break
        if not f.rule.endswith(".verb") or f.end > start:
            continue
        if last is None:
            last = (f.start, f.end, f.rule)
        if (f.start, f.end, f.rule) == last and f.subject not in keys:
            keys.append(f.subject)
    heads = []
    for key in reversed(keys):   # (in the order the sentence names them)
        head = [u for u in us if u.key == key and u.last <= c0 and u.type is not EntityType.TOPIC]
        heads += head[-1:]
    return sorted(heads, key=lambda u: u.first)


class RelationFinder:
    """Pipeline component: facts from relation cue words."""

    name = "relations"

    def __init__(self, splitter: CliticSplitter, modality: ModalityTagger | None = None, *,
                 nisba: Mapping[str, str] | None = None):
        self.splitter = splitter
        self.nisba = nisba or {}   # adjective → country, for «المحادثات الأمريكية الصينية»
        self.modality = modality or ModalityTagger()
        self.negative = word_set("negative_verbs.tsv")
        self.agent_nouns = word_set("agent_nouns.tsv")
        self.patient_verbs = word_set("patient_verbs.tsv")
        self.target_nouns = word_set("target_nouns.tsv")
        self.title_heads = frozenset(normalize(r["title"].split()[0]) for r in read_tsv("titles.tsv") if r["title"].strip())
        members = read_tsv("member_nouns.tsv")
        self.members = frozenset(normalize(r["word"]) for r in members if r["kind"] == "member")
        self.counts = frozenset(normalize(r["word"]) for r in members if r["kind"] == "count")
        self._found: dict[tuple[int, int], tuple[int, list[Cue]] | None] = {}  # cues of the Doc being read
        self._doc: Doc | None = None
        self.cues: dict[tuple[str, ...], list[Cue]] = {}
        self.max_len = 1
        listed = [(row, row["pos"], split_variants(row["forms"])) for row in read_tsv("relation_cues.tsv")]
        for row, pos, forms in listed + table_cues(read_tsv("cue_lemmas.tsv"), _reserved()):
            cue = Cue(row["relation"], pos,
                      frozenset(m if m in ("direct", "between") else normalize(m)
                                for m in split_variants(row["markers"].replace(",", "|"))),
                      frozenset(t for kind in row["objects"].split(",") for t in _KIND[kind.strip()]),
                      row.get("through") == "yes", float(row.get("confidence") or 0.8),
                      frozenset(normalize(w) for w in split_variants(row.get("needs", ""))))
            for form in forms:
                words = tuple(normalize_phrase(form).split())
                same = self.cues.setdefault(words, [])
                if all((c.relation, c.pos) != (cue.relation, cue.pos) for c in same):
                    same.append(cue)
                self.max_len = max(self.max_len, len(words))
        self._firsts = frozenset(words[0] for words in self.cues)
        self._starts: dict[str, tuple[str, ...]] = {}
        self._spans: dict[str, set[int]] = {}   # first word → the lengths of its cues
        for words in self.cues:
            self._spans.setdefault(words[0], set()).add(len(words))
        self._tries: dict[str, tuple[int, ...]] = {}   # reading → the lengths _match_cue tries
        self._led_by, self._gathering = led_by_words(), gathering_words()

    def lexicon(self) -> set[str]:
        """Every normalized word of every cue."""
        return {w for words in self.cues for w in words}

    def __call__(self, doc: Doc) -> Doc:
        self._found = {}
        self._doc = doc
        for sent in doc.sentences:
            us = [u for u in units(doc, sent.index) if not is_dateline(sent, u)]  # «واشنطن - استقبل …»
            if not us:
                continue
            words = {t.norm for t in sent.tokens}   # (two rules below need words few sentences have)
            if not words.isdisjoint(self._led_by):
                doc.facts.extend(led_by_facts(doc, sent, us))  # «قوات الدعم السريع بقيادة دقلو»
            covered = {t for u in us for t in range(u.first, u.last)}
            after = 0   # the token after the last cue
            last: list[Cue] = []   # the rows of that cue
            for i in [i for i, t in enumerate(sent.tokens) if i not in covered and self._starting(t.norm)]:
                found = self._cue_at(sent, i) if i >= after else None
                if found and self._cognate(sent, i, after, last, found[1]):
                    after = i + found[0]
                    continue  # «ترفض رفضاً قاطعاً»: the verb's own noun repeats it
                if found:
                    n, cues = found
                    last = cues
                    for cue in cues:  # a venue is no party: «وفي واشنطن، اتهم …» (:mod:`.venues`)
                        doc.facts.extend(parties_only(doc, sent, self._facts(doc, sent, us, i, i + n, cue)))
                    after = i + n
            for n0, n1, sides in (gathered(sent, us, self._interaction, units(doc, sent.index - 1)
                                           if sent.index else ())   # «لقاء جمعهما», «اجتماع جمع X و Y»
                                  if not words.isdisjoint(self._gathering) else ()):
                cue = next(c for c in self._cue_at(sent, n0)[1] if c.relation in SYMMETRIC)
                doc.facts.extend(self._stated(doc, sent, n0, n1, cue, [
                    (a, b) for m, a in enumerate(sides) for b in sides[m + 1:]], cue.relation))
        return doc

    # -- cue matching ------------------------------------------------------
    def _cognate(self, sent: Sentence, i: int, after: int, last: list[Cue], cues: list[Cue]) -> bool:
        """Whether the cue at *i* is the absolute object of the verb cue *last* ending at *after*
        (an accusative of the same relation, with only quotation marks between)."""
        toks = sent.tokens
        if not (0 < after <= i and all(toks[k].text in _QUOTES for k in range(after, i))):
            return False   # (most cues: not right after the last one)
        verbs = {c.relation for c in last if c.pos == "verb"}
        return bool(verbs) and toks[i].norm.endswith("ا") and {c.relation for c in cues} <= verbs

    def _cue_at(self, sent: Sentence, i: int) -> tuple[int, list[Cue]] | None:
        """The cue starting at token *i* (its length in tokens and its rows), or None.

        Rules ask again about tokens already read («هل في الجملة مكالمة؟»), so
        answers are kept for the Doc being read.
        """
        key = (sent.index, i)
        if key not in self._found:
            found = self._match_cue(sent, i)
            if found and any(c.pos != "noun" for c in found[1]) and \
                    light_verb(sent, i, units(self._doc, sent.index) if self._doc else ()) is not None:
                nouns = [c for c in found[1] if c.pos == "noun"]  # «أكد رفض بلاده للعقوبات»: a noun here
                found = (found[0], nouns) if nouns else None
            self._found[key] = found
        return self._found[key]

    def _match_cue(self, sent: Sentence, i: int) -> tuple[int, list[Cue]] | None:
        toks = sent.tokens
        rest = [t.norm for t in toks[i + 1:i + self.max_len]]
        for reading in self._starting(toks[i].norm):
            for n in self._cue_lengths(reading):
                if n > len(toks) - i:
                    continue
                words = (reading, *rest[:n - 1])
                found = self.cues.get(words)
                if found is not None:
                    return n, found
                if n == 1 and (verbs := self._verb_with_object(
                        reading, person=not (i > 0 and toks[i - 1].norm in WORDS.relative))):
                    return 1, verbs  # «استقبله», «هددها»; «الحكومة التي يرأسها»: the object a pronoun
                if reading.startswith("ال") and len(reading) > 4:  # «الغارات», «المدعومة»: nouns only
                    nouns = [c for c in self.cues.get((reading[2:], *words[1:]), [])
                             if c.pos in ("noun", "passive_participle")]
                    if nouns:
                        return n, nouns
        return None

    def _cue_lengths(self, reading: str) -> tuple[int, ...]:
        """The lengths, longest first, :meth:`_match_cue` tries for a cue starting with *reading*:
        those of the cues it starts or, for a definite noun, its word without «ال» starts, and 1 (a
        verb with an object pronoun). Remembered per reading (readings that start a cue are few)."""
        found = self._tries.get(reading)
        if found is None:
            spans = {1, *self._spans.get(reading, ())}
            if reading.startswith("ال") and len(reading) > 4:
                spans.update(self._spans.get(reading[2:], ()))
            found = self._tries[reading] = tuple(sorted(spans, reverse=True))
        return found

    def _starting(self, word: str) -> tuple[str, ...]:
        """The readings of *word* that may start a cue; remembered per word, as most start none."""
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) >= _STARTS_LIMIT:
                self._starts.clear()
            firsts = self._firsts
            found = self._starts[word] = tuple(
                r for r in self.splitter.candidates(word)
                if r in firsts or (r.startswith("ال") and r[2:] in firsts) or self._verb_with_object(r, person=False))
        return found

    def _verb_with_object(self, word: str, *, person: bool = True) -> list[Cue]:
        """Verb cues taking a direct person object (any direct object, unless *person*) that *word*
        is, plus an object pronoun; or a verb of place relations with «ها» (the city or country it
        refers to)."""
        if word[-1:] not in _SUFFIX_ENDS or (word,) in self.cues:
            return []
        for suffix in _OBJECT_SUFFIXES:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2:  # «حثه», «ضمها»: a doubled root in two letters
                found = [c for c in self.cues.get((stem,), ()) if c.pos == "verb" and (
                    "direct" in c.markers and (EntityType.PERSON in c.objects or not person)  # «استقبله»
                    or c.objects <= _PLACES and suffix == "ها")]  # «كوالالمبور، التي وصلها ترمب»
                if found:
                    return found
        return []

    def _object_pronoun(self, tok, cue: Cue) -> str:
        """The object pronoun on a verb cue («استقبله» → «ه»), or ''."""
        if cue.pos != "verb":
            return ""
        word = tok.base or tok.norm
        for suffix in _OBJECT_SUFFIXES:
            if word.endswith(suffix) and cue in self._verb_with_object(word):
                return suffix
        return ""

    # -- arguments ---------------------------------------------------------
    def _facts(self, doc: Doc, sent: Sentence, us: list[Mention], c0: int, c1: int, cue: Cue) -> list[Fact]:
        toks = sent.tokens
        inner = _inner_tokens(us)   # (both ends of the clause read a name as one word)
        left = self._left(sent, c0, inner)
        right = self._right(sent, c1, us, inner, cue.through)
        if cue.needs and not any(t.norm in cue.needs or t.base in cue.needs or t.norm[2:] in cue.needs
                                 for t in toks[c1:right]):
            return []  # «حذّر X من عواقب …» is a threat; «حذّر من أن …» is not
        inside = [u for u in us if left <= u.first and u.last <= right]
        before = [u for u in inside if u.last <= c0]
        after = [u for u in inside if u.first >= c1]
        between = [u for u in after if u.first - c1 <= 3 and marker(sent, u) == "بين"]
        event_only = cue.pos == "verb" and (toks[c0].base or toks[c0].norm) in WORDS.event_verb
        resumed = resumed_head(sent, us, left, c0, c1, cue.markers) if cue.pos == "verb" else None
        pronoun = self._object_pronoun(toks[c0], cue)  # «استقبله»: the verb's object is a pronoun
        if not pronoun and cue.pos in ("verb", "participle") and c1 < len(toks) and \
                toks[c1].norm in WORDS.object_pronoun and "direct" in cue.markers:
            pronoun = "ها" if toks[c1].norm.endswith("ها") else "ه"   # «متهماً إياها بـ…»
        if cue.relation in SYMMETRIC and cue.pos == "noun" and \
                len(sides := self._nisba_sides(sent, us, c0, c1)) > 1:  # «المحادثات الأمريكية الصينية»
            end = max(c1, sides[-1].last if sides[-1].source == "nisba" else sides[-2].last)
            return self._stated(doc, sent, c0, end, cue,  # «المفاوضات الروسية الأوكرانية المرتقبة»: planned
                                [(a, b) for n, a in enumerate(sides) for b in sides[n + 1:]], cue.relation)
        if cue.pos == "verb" and c1 < len(toks) and toks[c1].norm in WORDS.in_event and \
                not self._dual(toks[c0], cue) and (inside := self._inside_event(doc, sent, us, c0, c1, cue, pronoun)) is not None:
            return self._stated(doc, sent, c0, c1, cue, inside, cue.relation)  # «اتصالاً بـX حثّه فيه على …»
        if cue.pos == "noun" and (agent := self._manner_agent(sent, us, c0, c1, left, before, after, cue)):
            return self._stated(doc, sent, c0, c1, cue, [(agent, o) for o in coordinated(sent, us, after[0])],
                                cue.relation)  # «ورد ترمب باتهام بيترو بـ…»: Trump accuses Petro
        if cue.pos == "passive_participle":  # «جبهة البوليساريو، المدعومة من الجزائر»
            subjects, objects = passive_sides(sent, us, c0, c1)
            return self._stated(doc, sent, c0, c1, cue, [(s, o) for s in subjects for o in objects], cue.relation)
        if cue.pos == "modal":  # «وقال بوتين إنه يجب وقف إطلاق النار»: the speaker demands it
            subjects, rest = main_subject(sent, us, c0), after
            objects = [u for u in rest if u.type is EntityType.TOPIC][:1]
            return self._stated(doc, sent, c0, c1, cue, [(s, o) for s in subjects for o in objects], cue.relation)
        if cue.pos == "participle" and dediac(toks[c0].text).endswith("ه"):
            return []  # «مطالبه» (his demands), not the participle «مطالبةً»: the letters tell them apart
        if cue.pos == "participle" and (c0 > 0 and toks[c0 - 1].norm in WORDS.preposition
                                        or toks[c0].prefix.lstrip("وف")[:1] in ("ب", "ل")):
            return []  # «في إشارة إلى مطالبة إسلام آباد بـ…»: after a preposition a verbal noun, no «حال»
        if cue.pos == "participle":  # «…، داعياً إسرائيل إلى فتح المعابر»: said by the main clause's subject
            subjects, rest = main_subject(sent, us, c0), after
        elif cue.pos == "verb" and not before and not pronoun and \
                (carried := carried_subject(sent, us, c0, left)):
            subjects, rest = carried, after  # «زار روته أنقرة، حيث التقى إردوغان», «أما فيدان فقد دعا …، وحث روسيا»
        elif cue.pos == "verb" and not before and not pronoun and left > 0 and \
                toks[left - 1].norm in WORDS.same_subject and _lone_object(sent, c0, after) is not None and \
                (carried := _unsaid_subject(doc, sent, us, c0)):
            subjects, rest = carried, after  # «توجه إلى باريس حيث التقى ماكرون» (the traveller named before)
        elif cue.pos == "verb" and not before and not pronoun and \
                (carried := self._joined_verb_subject(doc, sent, us, c0, after)) is not None and \
                (len(carried) == 2 or not self._dual(toks[c0], cue)):  # (a dual verb agrees with two)
            subjects, rest = carried, after  # «انتقد X واشنطن بشدة، واتهم الولايات المتحدة بـ…»: X accuses
        elif cue.pos == "verb" and before and not pronoun and \
                (carried := self._shared_verb_subject(doc, sent, us, c0, after)) and \
                (len(carried) == 2 or not self._dual(toks[c0], cue)):
            subjects, rest = carried, after  # «زار X القاهرة أمس والتقى الرئيس المصري»: X met him
        elif cue.pos == "verb" and not before and not pronoun and after and not marker(sent, after[0]) and \
                (dropped := self._dropped_subject(doc, sent, us, c0, c1, cue, after)) is not None:
            subjects, rest = [dropped], after  # «وبعد أيام زار كييف»: who the last sentence told of
        elif cue.pos == "verb" and c1 < len(toks) and either(toks[c1], WORDS.both_sides) and \
                not any(u.first <= c1 < u.last for u in us):
            # «وناقش الرئيسان تزويد أوكرانيا بـ…»: the dual is the subject, never a name after it; «بحث
            # الرئيسان» is no second meeting of the two (the one named before says they met)
            subjects, rest = (both_sides(doc, sent, c0, c1) if cue.relation not in SYMMETRIC else []), after
        elif event_only:  # «الاجتماع ركز على …»: only a meeting or call is said to focus on something
            subjects, rest = event_sides(doc, sent, c0, c1, self._interaction), after
        elif cue.relation in SYMMETRIC and cue.pos == "noun" and between:
            subjects, rest = coordinated(sent, us, between[0]), []  # «قمة بين ترمب وبوتين»
        elif cue.pos == "noun" and (pair := sides_between(sent, us, after)):
            subjects, rest = pair, after  # «ترمب يشهد توقيع اتفاق السلام بين كمبوديا وتايلاند»: theirs
        else:
            subjects, rest = self._subject(doc, sent, us, before, after, c0, c1, left, cue, pronoun,
                                           resumed=resumed is not None)
        subjects = [s for s in subjects if s.type is not EntityType.TOPIC]
        if not subjects and cue.relation in SYMMETRIC and "بين" in cue.markers:
            between = [u for u in after if marker(sent, u) == "بين"]
            subjects = coordinated(sent, us, between[0]) if between else []
            rest = []
        if cue.relation in SYMMETRIC:  # «التقى … بالرياض»: a city after «ب» is where, not whom
            rest = [u for u in rest if not (u.type in (EntityType.CITY, EntityType.REGION)
                                            and marker(sent, u) in ("ب", "في"))]
        if not subjects and cue.pos == "noun":  # «دعماً لأوكرانيا، أعلنت هولندا …»
            subjects, rest = fronted_agent(sent, us, c0, right), after
        if not subjects and cue.relation == "discussed" and cue.pos == "verb" and not event_only:
            subjects, rest = event_sides(doc, sent, c0, c1, self._interaction), after  # «تناول الاجتماع …»
        if not subjects and (cue.pos == "noun" or cue.pos == "verb" and cue.relation not in SYMMETRIC):
            # «وبحث الجانبان العقوبات», «أجرى الرئيسان مكالمة هاتفية»; but «بحث الرئيسان» is no
            # second meeting of the two: the one named before already says they met or called
            subjects, rest = both_sides(doc, sent, c0, c1), after
        if not subjects and cue.pos == "verb" and c1 + 1 < len(toks) and toks[c1].norm == "من" and \
                toks[c1 + 1].norm in WORDS.own_part:  # «وتطالب من جهتها بسحب القوات»: the one just named
            ante = antecedent(doc, sent, us, c0, feminine=toks[c1 + 1].norm.endswith("ها"))
            subjects, rest = ([ante] if ante is not None else []), after
        if not subjects and cue.pos == "verb" and not pronoun and not resumed and \
                (dropped := self._dropped_subject(doc, sent, us, c0, c1, cue, after)) is not None:
            subjects, rest = [dropped], after  # «وبعد أيام زار كييف»: the verb's person is the one named before
        if not subjects and cue.pos == "verb" and cue.relation not in SYMMETRIC and self._dual(toks[c0], cue):
            subjects, rest = meeting_sides(doc, sent, c0, c1), after  # «… أجراها مع ترمب، تطرقا فيها إلى …»
        if not subjects and cue.relation == "discussed" and (toks[c0].prefix.endswith("ل")
                                                             or toks[c0].norm.startswith("ل")):
            subjects, rest = sides_here(doc, sent, c0), after  # «التقى X Y … لمناقشة الحرب»
        if not subjects:
            return []
        if cue.relation == "discussed":  # «ناقش بوتين مع ترامب سبل …»: both discussed it
            subjects = subjects + [u for u in rest if marker(sent, u) == "مع" and u.type is not EntityType.TOPIC]
        anchor = max([c1] + [s.last for s in subjects if s.first >= c1])
        if resumed is not None and resumed.type in cue.objects and all(s.first >= c1 for s in subjects) \
                and resumed.key not in {s.key for s in subjects}:
            objects = [resumed]  # «وقف إطلاق النار الذي وافقت عليه روسيا وأوكرانيا»: the head is the object
        elif pronoun:  # «… ويتكوف إلى موسكو حيث استقبله في المطار دميترييف»: him = the one named before
            ante = antecedent(doc, sent, [u for u in us if u not in subjects], c0, feminine=pronoun == "ها")
            objects = [ante] if ante is not None and ante.key not in {s.key for s in subjects} else []
        else:
            objects = self._object(sent, us, rest, c0, c1, anchor, cue)
        if objects and cue.pos in ("verb", "participle") and EntityType.PERSON in cue.objects:
            objects = objects + self._gapped_objects(sent, us, objects[-1].last)
        elif objects and cue.objects <= _PLACES and marker(sent, objects[0]):
            objects = objects + _next_legs(sent, us, objects[-1])  # «توجه إلى باريس … ثم إلى وارسو»
        if not objects and cue.pos == "noun" and cue.objects <= _PLACES:
            objects = witness_place(sent, us, c0)  # «وشهدت كاراكاس زيارة غرينيل»: where the visit went
        if not objects and EntityType.PERSON in cue.objects and len(subjects) == 1 and anchor < len(toks) and \
                (host := next((p for m in cue.markers if m == "direct" or len(m) == 1
                               if (p := partner(doc, sent, anchor, subjects[0], "" if m == "direct" else m))),
                              None)):
            objects = [host]  # «وأشاد ترمب بضيفه»: the one he met
        if not objects and EntityType.PERSON in cue.objects:  # «وندد الكرملين بهذه التهديدات»
            objects = deed_doer(doc, sent, anchor)
        if cue.objects & _PLACES and all(o.source == "nisba" for o in objects):
            # «تسيطر روسيا على خُمس الأراضي الأوكرانية، بما في ذلك لوغانسك»: the adjective is no place
            # a place named only by an adjective is a target of an attack, never a place held, annexed or visited
            objects = including(sent, us, right, cue.objects) or ([] if cue.objects <= _PLACES else objects)
        pairs: list[tuple[Mention, Mention]] = []
        if objects:
            pairs = [(s, o) for s in subjects for o in objects]
        elif cue.relation in SYMMETRIC and len(subjects) > 1 and not all(s.source == "event" for s in subjects) \
                and not (anchor < len(toks) and either(toks[anchor], self.title_heads)):
            # (the two sides of a meeting named before, «وبحث الجانبان …», are that meeting, not another;
            # a title right after the subjects opens an object no list holds: «التقى X و Y نائب رئيس …»)
            pairs = [(a, b) for n, a in enumerate(subjects) for b in subjects[n + 1:]]
        elif len(subjects) == 2 and (each_other(sent, anchor) or any(  # «اتهم الجانبان بعضهما البعض»
                {t.base, t.norm, t.norm[1:] if t.norm.startswith("و") else ""} & WORDS.exchange
                for t in toks[left:c0])):
            pairs = [(subjects[0], subjects[1]), (subjects[1], subjects[0])]  # «تبادلت القوات الروسية والأوكرانية القصف»
        if cue.relation in SYMMETRIC and objects:  # «التقت فون دير لاين زيلينسكي، برفقة كوستا»
            taken = {m.key for m in subjects + objects}
            pairs += [(c, o) for c in companions(sent, us, c1) if c.key not in taken for o in objects]
        relation = cue.relation
        if relation == "talkedWith" and self._by_phone(sent):
            relation = "phoned"  # «في مكالمة هاتفية …، ناقش بوتين مع ترامب …»
        if cue.through and objects and all(o.type is EntityType.TOPIC for o in objects) and \
                not toks[objects[0].first].prefix.startswith("و") and \
                any(either(t, self.negative) for t in toks[c1:objects[0].first]):
            # (a topic joined on by «و» is a demand of its own: «بسحب القوات وبضمانات أمنية»)
            relation = "rejects"  # «تشترط موسكو أن تتوقف أوكرانيا عن تلقي أسلحة غربية»
            more = self._more_given_up(sent, us, objects[-1].last)  # «…، وتتخلى عن طموحاتها للانضمام إلى الناتو»
            pairs += [(s, o) for s in subjects for o in more]
        return self._stated(doc, sent, c0, c1, cue, pairs, relation)

    def _stated(self, doc: Doc, sent: Sentence, c0: int, c1: int, cue: Cue,
                pairs: list[tuple[Mention, Mention]], relation: str) -> list[Fact]:
        """The facts of *pairs*, with the status the cue's clause gives them and their evidence span."""
        if not pairs:
            return []   # (many cues relate no one: their clause's status is not worked out)
        toks = sent.tokens
        us = units(doc, sent.index)
        status = self.modality.status(sent, c0, self._left(sent, c0, _inner_tokens(us), complements=False),
                                      noun_end=c1 if cue.pos == "noun" else -1)
        start = min([toks[c0].start] + [m.start for p in pairs for m in p])
        end = max([toks[c1 - 1].end] + [m.end for p in pairs for m in p])
        rule = f"{cue.relation}.{cue.pos}" + ({"rejects": ".stop", "phoned": ".phone"}[relation]
                                               if relation != cue.relation else "")
        return [Fact(s.key, relation, o.key, status, doc.article.id, sent.index, start, end,
                     sent.text, rule, cue.confidence)
                for s, o in pairs if s.key != o.key and s.key and o.key]

    def _appositions(self, doc: Doc, sent: Sentence, us: list[Mention]) -> dict[int, Mention]:
        """The comma closing each title phrase set off after a name → that name
        («جون سميث، مبعوث ترامب للمهمات الخاصة،»)."""
        toks, found = sent.tokens, {}
        for f in index_of(doc).facts(sent.index):
            if f.rule != "role.title":
                continue
            named = next((u for u in us if u.key == f.subject and u.last + 1 < len(toks)
                          and toks[u.last].text == "،" and toks[u.last + 1].start == f.start), None)
            if named is None:
                continue
            end = next((k for k, t in enumerate(toks) if t.start >= f.end), len(toks))
            close = next((k for k in range(end, min(end + _APPOSITION_TAIL, len(toks)))
                          if toks[k].text in PUNCT_BOUNDARY or toks[k].norm in WORDS.clause_start), -1)
            if close >= 0 and toks[close].text == "،":
                found[close] = named
        return found

    def _nisba_sides(self, sent: Sentence, us: list[Mention], c0: int, c1: int) -> list[Mention]:
        """The parties of an event noun named by nationality adjectives, and a party after «مع»."""
        tok = sent.tokens[c0]
        sides = nisba_parties(sent, c1, self.nisba, definite=(tok.base or tok.norm).startswith("ال"))
        if len(sides) == 1:  # «المحادثات الأمريكية مع الصين»
            other = next((u for u in us if u.first >= sides[0].last), None)
            if other is not None and other.first - sides[0].last <= 1 and marker(sent, other) == "مع" \
                    and other.type is not EntityType.TOPIC:
                sides.append(other)
        return sides

    def _more_given_up(self, sent: Sentence, us: list[Mention], k: int) -> list[Mention]:
        """Topics in clauses joined on by «، و» + a verb of giving up, after token *k*."""
        toks, out = sent.tokens, []
        while k < len(toks) - 2:
            if toks[k].text != "،":
                if toks[k].text in PUNCT_BOUNDARY:  # a boundary other than a comma ends the search
                    break
                k += 1
                continue
            nxt = toks[k + 1]
            if not (nxt.prefix.startswith("و") or nxt.norm.startswith("و")):
                k += 1
                continue
            verb = toks[k + 2] if nxt.text == "و" else nxt
            if not {verb.base, verb.norm, verb.norm[1:]} & self.negative:
                break
            topic = next((u for u in us if u.first > k + 1 and u.type is EntityType.TOPIC), None)
            end = next((j for j in range(k + 2, len(toks)) if toks[j].text in PUNCT_BOUNDARY), len(toks))
            if topic is None or topic.first >= end:
                break
            out.append(topic)
            k = topic.last
        return out

    def _interaction(self, sent: Sentence, i: int) -> int:
        """Length of the meeting, call or talks noun starting at token *i* («الاجتماع», «المكالمة»), or 0."""
        found = self._cue_at(sent, i)
        if found and any(c.pos != "verb" and c.relation in SYMMETRIC for c in found[1]):
            return found[0]
        return 0

    def _by_phone(self, sent: Sentence) -> bool:
        """Whether the sentence names a phone call («مكالمة هاتفية», «اتصال هاتفي»)."""
        for i, tok in enumerate(sent.tokens):
            found = self._cue_at(sent, i) if self._starting(tok.norm) else None
            if found and any(c.relation == "phoned" and c.pos != "verb" for c in found[1]):
                return True
        return False

    def _dual(self, tok, cue: Cue) -> bool:
        """Whether *tok* is the dual of a verb cue: «تطرقا», «بحثا» beside a listed «تطرق», «بحث»."""
        word = tok.base or tok.norm
        return len(word) > 3 and word.endswith("ا") and cue in self.cues.get((word[:-1],), ())

    def _left(self, sent: Sentence, c0: int, inside: set[int], *, complements: bool = True) -> int:
        """The first token of the clause of the cue at *c0*; *inside*: :func:`_inner_tokens` of the participants."""
        for k in range(c0 - 1, -1, -1):
            tok = sent.tokens[k]
            if k in inside:
                continue
            if tok.text in PUNCT_BOUNDARY or tok.norm in WORDS.clause_start or \
                    (complements and tok.norm in WORDS.complement):
                return k + 1
        return 0

    def _right(self, sent: Sentence, c1: int, us: list[Mention], inside: set[int], through: bool) -> int:
        """The token that ends the clause of the cue ending at *c1* (or the sentence's length); *inside*:
        :func:`_inner_tokens` of *us*."""
        closing = -1   # the comma that closes a parenthetical phrase
        quoted = 0     # open «…» quotations: a comma inside one ends no clause («بـ«عقوبات قاسية، مالية» على X»)
        for k in range(c1, len(sent.tokens)):
            tok = sent.tokens[k]
            if k in inside:
                continue
            quoted += (tok.text == "«") - (tok.text == "»" and quoted > 0)
            if quoted and tok.text == "،":
                continue
            if tok.norm in WORDS.boundary and k + 1 < len(sent.tokens) and sent.tokens[k + 1].norm in WORDS.time_unit:
                continue  # «وتوجّه بعد ساعات إلى …»: a time phrase, the clause goes on
            if tok.text in PUNCT_BOUNDARY or tok.norm in WORDS.clause_start:
                if tok.norm in WORDS.then and any(u.first == k + 1 for u in us) and \
                        any(u.last == k for u in us):
                    continue  # «استقبل باشينيان ثم علييف»: «ثم» joins two names, it opens no clause
                if tok.text == "،" and self._enumeration_goes_on(sent, k, us):
                    continue
                if tok.text == "،" and k + 2 < len(sent.tokens) and sent.tokens[k + 1].norm in WORDS.time:
                    if sent.tokens[k + 2].text == "،":
                        closing = k + 2  # «التقى مودي، الأحد، الرئيس الصيني»
                    continue  # «وصل المبعوث، ستيف ويتكوف، الخميس إلى موسكو»: a date, then the clause goes on
                if tok.text == "،" and k > closing and parenthetical(sent, k):
                    closing = next(j for j in range(k + 1, len(sent.tokens)) if sent.tokens[j].text == "،")
                    continue  # «وبحث الرئيسان، في أول اجتماع بينهما، الرسوم الجمركية»
                if k <= closing:
                    continue
                if through and tok.norm in WORDS.relative:
                    continue  # «بانسحاب القوات من الأجزاء التي تسيطر عليها من منطقة دونيتسك»
                return k
            if tok.norm in WORDS.complement and not through:
                return k
        return len(sent.tokens)

    def _enumeration_goes_on(self, sent: Sentence, k: int, us: list[Mention]) -> bool:
        """«دونيتسك ولوغانسك وخيرسون، فضلاً عن القرم»: a comma inside a list of places."""
        nxt = next((u for u in us if u.first > k), None)
        prev = next((u for u in reversed(us) if u.last <= k), None)
        return bool(nxt and prev and prev.last == k and nxt.first - k <= 3
                    and nxt.type is prev.type and prev.type in _PLACES)

    def _subject(self, doc, sent, us, before, after, c0, c1, left, cue, pronoun, *, resumed=False):
        toks = sent.tokens
        # a suffixed verbal noun: «اجتماعه مع» → the person named just before
        suffix = pronoun_suffix(toks[c0].text) if cue.pos == "noun" else ""
        if cue.pos == "noun" and cue.relation in SYMMETRIC and \
                (held := fronted_with(sent, us, before, left, c0, self._appositions(doc, sent, us))):
            return [held[0]], [held[1]] + after  # «أجرى لافروف مع روبيو محادثات»
        if cue.pos == "noun" and not suffix and c1 < len(toks) and toks[c1].text in _OWN:
            suffix = _OWN[toks[c1].text]  # «في أول زيارة له إلى الصين»: his visit, as «زيارته»
        if suffix and (lv := light_verb(sent, c0, us)) is not None:
            held = both_sides(doc, sent, lv.index, lv.index + 1) or holder(sent, us, lv, c0)
            if held:
                return held, after  # «أكد كيم دعمه لموسكو», «…، معرباً عن امتنانه لـ…», «وأكد الرئيسان دعمهما»
            ante = antecedent(doc, sent, us, c0, feminine=suffix == "ها")
            between = toks[lv.index + 1:c0 - 1 if toks[c0 - 1].norm in WORDS.particle_of_light_verb else c0]
            named = not lv.participle and any(not (skippable(t) or t.norm in WORDS.time or t.norm.endswith("ا"))
                                              for t in between)
            opens = all(skippable(t) or t.norm in WORDS.boundary for t in toks[:lv.index])
            # a subject the text names but no list holds («وأكد كيم دعمه»): not the one named before;
            # an implicit one is the antecedent in this sentence, or before it if the clause opens the
            # sentence («لكنه أعرب عن غضبه من …»)
            fits = ante is not None and not named and (ante.sentence == sent.index or opens)
            return ([ante] if fits else []), after
        if cue.pos == "noun" and not suffix and cue.objects <= _PLACES and \
                (lv := light_verb(sent, c0, us)) is not None and not lv.participle and \
                (held := holder(sent, us, lv, c0)):
            return held, after  # «أعلنت روسيا ضمّ دونيتسك»: the light verb's subject; the genitive is the place
        if cue.pos == "noun" and self._after_necessity(sent, c0) and (speaker := main_subject(sent, us, c0)):
            return speaker, after  # «قال X: "يجب زيادة الضغط على روسيا"»: the pressure X calls for
        if cue.pos == "noun" and cue.relation in SYMMETRIC and not suffix and (made := event_holder(sent, us, c0)):
            return made, [u for u in after if u.first >= max(c1, made[0].last)]  # «كان ترامب قد أجرى اتصالاً بـ…»
        if cue.pos == "noun" and (doers := event_doer(doc, sent, us, c1)) is not None:
            end = doers[0].last if doers and doers[0].first > c1 else c1  # «زيارة يقوم بها مودي إلى …»
            return doers, [u for u in us if end <= u.first <= end + _AFTER_DOER]
        if suffix == "هما":  # «توقيعهما», «لقائهما»: the pair named last, never one of them alone
            named = [u for u in us if u.last <= c0 and u.type is not EntityType.TOPIC and u.source != "nisba"]
            pair = coordinated_back(sent, us, named[-1]) if named else []
            return (pair if len(pair) == 2 else []), after
        if suffix == "ه" and (ahead := _fronted_possessor(sent, us, c0, c1)) is not None:
            return [ahead], [u for u in after if u.last <= ahead.first]  # «وفي اليوم التالي للقائه شي، التقى مودي …»
        if suffix:
            ante = antecedent(doc, sent, us, c0, feminine=suffix == "ها")
            if ante is not None:
                return [ante], after
        if cue.pos != "noun" and c0 > 0 and toks[c0 - 1].norm in WORDS.impersonal:
            return [], after  # «تم بحث الحرب»: no agent is named
        clause_initial = all(skippable(t) for t in toks[left:c0])
        if cue.pos == "verb" and clause_initial and left > 0 and toks[left - 1].norm in WORDS.pronoun_subject \
                and (speaker := self._speaker(sent, us, left)):
            return speaker, after  # «قال ماكرون إنه حثّ نتنياهو على …»: «ـه» is the subject, Netanyahu the object
        if cue.pos == "verb" and clause_initial and not pronoun and not resumed and \
                (head := relative_head(sent, us, left, c0, c1, self._appositions(doc, sent, us))):
            return [head], after  # «شتاينماير، الذي حضّ تبون على …»: the relative clause's subject is its head
        if cue.pos == "verb" and not pronoun and (group := self._member_agent(sent, us, c1)) is not None:
            return [group], [u for u in after if u.first >= group.last]  # «هاجم مئات المسلحين من X …»
        first = after[0] if after else None
        gap_after = 0 if cue.pos == "noun" else 4 if pronoun else 2
        if cue.pos == "noun" and first is not None and first.first - c1 == 1 and not marker(sent, first) and \
                either(toks[c1], WORDS.carry_out):
            return [first], after[1:]  # «غارات شنتها إسرائيل على …»: who carried them out
        if cue.pos == "noun" and first is not None and first.source == "nisba" and first.first - c1 <= 2:
            return [first], after[1:]  # «ضربات بصواريخ أوكرانية», «لهجوم روسي»: whose strikes
        if cue.pos == "noun" and first is not None and first.first == c1 and marker(sent, first) == "ل" \
                and first.type not in cue.objects:
            return [first], after[1:]  # «زيارة لويتكوف إلى روسيا»: the visitor, by «ل»
        next_to = first is not None and not marker(sent, first) and first.first - c1 <= gap_after
        last = before[-1] if before and not marker(sent, before[-1]) else None
        if last is not None and cue.pos == "verb" and last.last == c0 and toks[c0].prefix.startswith("و"):
            last = None   # «هاجمت مقار الجهاز وأحكمت …»: a name right before «و» + verb ends the last clause
        close_before = last is not None and c0 - last.last <= 1
        with_other = any(marker(sent, u) == "مع" for u in after[1:])
        if next_to and cue.pos == "noun" and cue.relation in SYMMETRIC and last is not None \
                and c0 - last.last <= 2 and not with_other:  # «بمباحثات مبعوثه مع بوتين»: the genitive talks
            return [last], after  # «يرغب ترامب في لقاء بوتين»: the genitive is the other side
        if next_to and (clause_initial or cue.pos == "noun" or not close_before):
            group = coordinated(sent, us, first)
            return group, [u for u in after if u.first >= group[-1].last]
        if last is not None and c0 - last.last <= (1 if cue.pos == "noun" else 4):
            return coordinated_back(sent, us, last), after
        if cue.relation in SYMMETRIC and cue.pos == "noun" and any(marker(sent, u) == "مع" for u in after):
            people = [u for u in us if u.last <= c0 and u.type is EntityType.PERSON and not marker(sent, u)]
            if people:  # «محادثة هاتفية أجراها مع ترمب»: the one who made the call was named before
                return people[-1:], after
        if left > 0 and toks[left - 1].norm in WORDS.pronoun_subject or toks[left].norm in WORDS.pronoun_subject:
            # «أعلن الجيش الإسرائيلي أنه قصف …»: the subject of the clause that reports it
            return self._speaker(sent, us, left), after
        return [], after

    @staticmethod
    def _speaker(sent: Sentence, us: list[Mention], left: int) -> list[Mention]:
        """The subject of the clause that reports the one opening at *left*, if named."""
        speaker = [u for u in us if u.last <= left and u.type is not EntityType.TOPIC and not marker(sent, u)]
        return speaker[:1]

    def _object(self, sent, us, rest, c0, c1, anchor, cue) -> list[Mention]:
        """The object group: after *anchor* (the cue or its subject), by marker and class."""
        toks = sent.tokens
        if anchor < len(toks) and either(toks[anchor], WORDS.both_sides):
            anchor += 1  # «وبحث الرئيسان، …»
        if anchor < len(toks) and toks[anchor].text == "،" and parenthetical(sent, anchor):
            anchor = next(j for j in range(anchor + 1, len(toks)) if toks[j].text == "،") + 1
            rest = [u for u in rest if u.first >= anchor]  # what the parenthesis names is no object
        if "between" in cue.markers or "بين" in cue.markers:
            for u in rest:
                if marker(sent, u) == "بين":  # normalized «بين» is unchanged
                    return coordinated(sent, us, u) if len(coordinated(sent, us, u)) > 1 else []
        complement = next((k for k in range(c1, min(c1 + 2, len(toks))) if toks[k].norm in WORDS.complement), -1)
        previous = None
        for u in rest:
            if previous is not None and previous.type is EntityType.TOPIC and u.first - previous.last <= 1 \
                    and marker(sent, u) in WORDS.against and u.type is not EntityType.TOPIC:
                if EntityType.TOPIC in cue.objects:  # «وافق على الحزمة من العقوبات على روسيا»
                    return [previous]
                if marker(sent, u) in cue.markers and u.type in cue.objects:
                    return coordinated(sent, us, u)  # «لوّح بعقوبات على إيران»: whom they would hit
                previous = u
                continue  # «العقوبات على روسيا»: Russia belongs to the topic, not to the verb
            previous = u
            if cue.through and u.type in _PLACES and marker(sent, u) in ("من", "عن") and \
                    any(either(t, self.negative) for t in toks[c1:u.first]):
                return coordinated(sent, us, u)  # «تطالب موسكو بانسحاب القوات من دونيتسك»
            if complement >= 0 and u.first > complement and u.type is not EntityType.TOPIC \
                    and not marker(sent, u):
                anchor = u.last
                continue  # «تطالب موسكو بأن تتخلى كييف …»: Kyiv is the complement's subject
            mark = marker(sent, u)
            kind_ok = u.type in cue.objects
            if mark == "مع" and kind_ok and cue.relation == "threatened" and u.type is not EntityType.TOPIC and \
                    any(either(t, WORDS.conflict) for t in toks[max(anchor, u.first - 5):u.first]):
                return coordinated(sent, us, u)  # «لوّح بـ«حرب مفتوحة» مع أفغانستان»: the other side of the war
            if mark and mark in cue.markers and kind_ok:
                return coordinated(sent, us, u)
            if mark == "من" and kind_ok and cue.objects & _PLACES and partitive(sent, cue.markers, anchor, u):
                return coordinated(sent, us, u)  # «يسيطر المغرب على نحو 80 في المئة من الصحراء الغربية»
            if not mark and kind_ok and u.type is not EntityType.TOPIC and anchor <= u.first - 1 <= anchor + 1 \
                    and toks[u.first - 1].prefix[-1:] in cue.markers and not toks[u.first - 1].is_punct:
                return coordinated(sent, us, u)  # «ندد بإعلان ترامب», «أشاد بجهود قطر»: whose deed it is
            if not mark and u.first == anchor and toks[u.first].prefix.startswith("و") and \
                    u.last < len(toks) and imperfect_like(toks[u.last].norm):
                break  # «البوليساريو ترفض والجزائر تراقب»: «و» + a name + a verb: a clause of its own
            if not mark and "direct" in cue.markers and kind_ok and u.first - anchor <= 4 \
                    and not (u.source == "nisba" and u.first - anchor > 1 and not self._target(sent, anchor, u)) \
                    and not toks[u.first].prefix.startswith("و"):
                # «بانسحاب القوات الأوكرانية» is no object; «هاجمت مواقع حدودية باكستانية» is; a name
                # joined on by «و» goes with the subject: «وتتهم باماكو وواغادوغو ونيامي …»
                return coordinated(sent, us, u)
            if u.type is EntityType.TOPIC and EntityType.TOPIC in cue.objects and mark not in ("في",):
                framed = any(either(t, WORDS.topic_frame) for t in toks[anchor:u.first])
                if u.first - anchor <= (6 if framed else 3) or (mark and mark in cue.markers):
                    return [u]  # «ركز على جوانب مختلفة من التسوية»: the aspects are of the topic
            if mark in cue.markers or u.type is EntityType.TOPIC:
                anchor = u.last
        patient = next((k for k in range(max(c0 - 4, 0), c0)
                        if toks[k].base in self.patient_verbs or toks[k].norm[1:] in self.patient_verbs), -1)
        if patient >= 0:  # «تعرضت مدينة أوديسا لهجوم روسي»: the one exposed to it
            exposed = [u for u in us if patient < u.first < c0 and u.type in cue.objects]
            if exposed:
                return exposed[:1]
        word = dediac(toks[c0].text) if c1 - c0 == 1 else ""  # surface: «ـها», not a folded «ة»
        if word.endswith(_OBJECT_SUFFIXES) and (cue.objects & _PLACES):
            return self._pronoun_places(sent, us, c0, c1)
        if c1 < len(toks) and toks[c1].norm in WORDS.demonstrative and EntityType.TOPIC in cue.objects:
            topics = [u for u in us if u.last <= c0 and u.type is EntityType.TOPIC]
            return topics[-1:]
        return []

    @staticmethod
    def _joined_verb_subject(doc: Doc, sent: Sentence, us: list[Mention], c0: int, after: list[Mention]
                             ) -> list[Mention] | None:
        """The subject a verb joined on by «، و» keeps from the sentence's first clause (or, with none
        found there, from the cue verb before it), when the one name after the verb is its object (a
        second one right after it would be VSO: a new subject). None when the verb is not such a
        one; [] when its subject is not named in the sentence."""
        toks = sent.tokens
        if c0 < 2 or not toks[c0].prefix.startswith("و") or toks[c0 - 1].text != "،":
            return None
        if after and after[0].type is EntityType.TOPIC and c0 + 1 < len(toks) and (
                after[0].first == c0 + 1 or toks[c0 + 1].norm in WORDS.preposition or skippable(toks[c0 + 1])):
            # «زار كييف، وطالب من هناك بوقف إطلاق النار»: no noun between the verb and the topic, and
            # only the cue verb before it says whose clause goes on (not the speaker of «قال X إن روسيا
            # …، وترفض …»; «، وناقش الجانبان …» has a subject of its own)
            return (_previous_verb_subject(doc, sent, us, c0) or _unsaid_subject(doc, sent, us, c0)) or None
        if (obj := _lone_object(sent, c0, after)) is None:
            return None
        subject = _previous_verb_subject(doc, sent, us, c0) or main_subject(sent, us, c0)
        return subject if subject and all(s.last <= c0 and s.key != obj.key for s in subject) else []

    @staticmethod
    def _shared_verb_subject(doc: Doc, sent: Sentence, us: list[Mention], c0: int, after: list[Mention]
                             ) -> list[Mention]:
        """The subject of the cue verb before, for a verb joined on by «و» with no comma whose one
        name after it is its object: «زار X القاهرة أمس والتقى الرئيس المصري Y» (X met Y). Verbs
        coordinated in one clause share their subject; a second name right after the first would be
        VSO (a subject of its own). [] when no verb before it in the sentence stated a fact."""
        toks = sent.tokens
        if c0 < 2 or not toks[c0].prefix.startswith("و") or toks[c0 - 1].text in PUNCT_BOUNDARY:
            return []  # (a name right before «و» + verb is the last clause's object, never this verb's subject)
        if (obj := _lone_object(sent, c0, after)) is None:
            return []
        head = _previous_verb_subject(doc, sent, us, c0)
        return head if head and head[0].key != obj.key else []

    def _dropped_subject(self, doc: Doc, sent: Sentence, us: list[Mention], c0: int, c1: int, cue: Cue,
                         after: list[Mention]) -> Mention | None:
        """The subject a verb leaves unsaid, its person ending its only trace: a sentence that names no
        one before the verb, and whose first participant after it is introduced by one of the verb's
        prepositions («وفي اليوم التالي توجه إلى باريس»), or is a city or region right after a verb of
        places («وبعد أيام زار كييف»: a city visits no one), so no name after it is its subject. The
        one meant is the subject of the first fact a verb of the previous sentence stated, or else who
        that sentence names first outside a prepositional phrase (a person for «توجه»; for «توجهت» a
        woman, a country, a city or a body)."""
        toks = sent.tokens
        if sent.index == 0 or any(u.first < c0 for u in us) or not after or after[0].type is EntityType.TOPIC:
            return None
        if not (marker(sent, after[0]) in cue.markers if marker(sent, after[0]) else _place_object(sent, c1, after, cue)):
            return None
        word = toks[c0].base or toks[c0].norm
        feminine = word.endswith("ت") and (word[:-1],) in self.cues
        prev = doc.sentences[sent.index - 1]
        fits = (lambda u: u.type is not EntityType.TOPIC) if feminine else (lambda u: u.type is EntityType.PERSON)
        index = index_of(doc)
        subject = next((f.subject for f in index.facts(prev.index) if f.rule.endswith(".verb")), "")
        if subject:   # (itself maybe left unsaid there: «توجه إلى باريس …. وبعد أيام زار كييف»)
            named = next((m for ms in index.mentions_back(prev.index) for m in ms if m.key == subject), None)
            if named is not None and fits(named):
                return _mention(sent, c0, c0 + 1, named.type, subject, "dropped", 0.7)
            return None
        return next((u for u in units(doc, prev.index) if not marker(prev, u) and u.source != "nisba" and fits(u)),
                    None)

    def _inside_event(self, doc: Doc, sent: Sentence, us: list[Mention], c0: int, c1: int, cue: Cue,
                      pronoun: str) -> list[tuple[Mention, Mention]] | None:
        """The pairs of a verb in a clause describing an event noun, «فيه/خلاله» right after it and no
        subject of its own: who made the meeting or call (the last one this sentence stated before the
        verb) is its subject; a pronoun on the verb is the other side («أجرى ترمب اتصالين بالزعيمين
        حثّهما فيهما على …»: Trump urged both). None when no such event comes before it."""
        toks = sent.tokens
        if c1 + 1 < len(toks) and any(u.first == c1 + 1 and not marker(sent, u) for u in us):
            return None  # «أشاد خلاله الرئيس الروسي بـ…»: a subject of its own
        start = toks[c0].start
        event = []
        for f in reversed(doc.facts):   # this sentence's facts come last
            if f.sentence != sent.index:
                break
            if f.relation in SYMMETRIC and f.end <= start and (not event or f.subject == event[0].subject):
                event.append(f)
        if not event:
            return None
        subject = next((u for u in us if u.key == event[0].subject and u.last <= c0), None)
        if subject is None:
            return None
        if pronoun:
            others = {f.object for f in event}
            objects = [u for u in us if u.key in others and u.last <= c0][-1:]
        else:
            objects = self._object(sent, us, [u for u in us if u.first > c1], c0, c1, c1 + 1, cue)
        return [(subject, o) for o in objects]

    def _manner_agent(self, sent: Sentence, us: list[Mention], c0: int, c1: int, left: int,
                      before: list[Mention], after: list[Mention], cue: Cue) -> Mention | None:
        """The agent of a verbal noun after «بـ» that says how the subject of a clause-initial verb
        acted, the verb itself no cue: «ورد ترمب باتهام بيترو بـ…» (Trump accuses Petro). The
        subject stands right before «بـ»; the genitive right after the noun is its object. A cue verb
        makes the noun its object instead («ندد الكرملين باتهام كييف لموسكو»: Kyiv accuses)."""
        toks = sent.tokens
        if not toks[c0].prefix.endswith("ب") or not before or not after:
            return None
        agent, obj = before[-1], after[0]
        if agent.last != c0 or marker(sent, agent) or agent.type is EntityType.TOPIC or obj.first != c1 or \
                marker(sent, obj) or obj.type not in cue.objects or agent.first - 1 < left:
            return None
        verb = agent.first - 1
        if any(not skippable(t) for t in toks[left:verb]) or toks[verb].is_punct or \
                toks[verb].norm in WORDS.preposition or self._starting(toks[verb].norm):
            return None
        return agent

    def _member_agent(self, sent: Sentence, us: list[Mention], c1: int) -> Mention | None:
        """The group whose members act, named after a verb ending at *c1*: «مئات المسلحين من X»,
        «مقاتلو X», «عناصر من X» (``member_nouns.tsv``)."""
        toks, k, member = sent.tokens, c1, False
        while k < min(c1 + 6, len(toks)) and (toks[k].norm in self.counts or toks[k].norm in self.members
                                              or toks[k].text in _QUOTES):
            member = member or toks[k].norm in self.members
            k += 1
        if not member:
            return None
        group = next((u for u in us if u.first == k), None)
        if group is None or group.type not in (EntityType.ORGANIZATION, EntityType.COUNTRY):
            return None
        return group

    @staticmethod
    def _gapped_objects(sent: Sentence, us: list[Mention], end: int) -> list[Mention]:
        """Objects of the same verb left out of a later clause: «داعياً تبون إلى الحوار، والبوليساريو
        إلى اغتنام الفرصة»: «، و» + a name + the preposition that followed the first object."""
        toks = sent.tokens
        if end >= len(toks) or toks[end].norm not in WORDS.preposition:
            return []
        prep, out = toks[end].norm, []
        for k in range(end + 1, len(toks) - 1):
            if toks[k].text in PUNCT_BOUNDARY and toks[k].text != "،":
                break
            if toks[k].text != "،":
                continue
            nxt = next((u for u in us if u.first in (k + 1, k + 2)), None)
            if nxt is None or nxt.type is EntityType.TOPIC or marker(sent, nxt) or \
                    not (toks[nxt.first].prefix.startswith("و") or toks[k + 1].text == "و"):
                continue
            if nxt.last < len(toks) and toks[nxt.last].norm == prep:
                out.append(nxt)
        return out

    def _target(self, sent: Sentence, anchor: int, u: Mention) -> bool:
        """Whether nisba *u* qualifies a place that is hit, right after *anchor* («مواقع حدودية باكستانية»)."""
        return any(either(t, self.target_nouns) for t in sent.tokens[anchor:u.first])

    def _after_necessity(self, sent: Sentence, c0: int) -> bool:
        """Whether a necessity word («يجب», «لا بد من») stands up to two words before token *c0*."""
        toks = sent.tokens
        for k in range(c0 - 1, max(c0 - 3, -1), -1):
            found = self._cue_at(sent, k) if self._starting(toks[k].norm) else None
            if found and any(c.pos == "modal" for c in found[1]):
                return True
        return False

    def _pronoun_places(self, sent, us, c0, c1) -> list[Mention]:
        """«أربع مناطق يحتلها الجيش الروسي هي دونيتسك ولوغانسك», «القرم التي ضمتها روسيا»."""
        toks = sent.tokens
        for k in range(c1, len(toks)):
            if toks[k].norm in WORDS.enum_intro:
                nxt = next((u for u in us if u.first > k), None)
                if nxt is not None and nxt.first <= k + 2 and nxt.type in _PLACES:
                    return coordinated(sent, us, nxt)
            if toks[k].text in PUNCT_BOUNDARY and toks[k].text != "،":
                break
        prev = [u for u in us if u.last <= c0 and u.type in _PLACES]
        if prev and c0 - prev[-1].last <= 2:
            return coordinated_back(sent, us, prev[-1])
        return []
