"""Titles and appositions: who holds which office, and names not in the gazetteer.

Reads phrases such as

- «الرئيس الروسي فلاديمير بوتين»              title + nationality + name
- «المتحدث باسم الكرملين، ديمتري بيسكوف»        title + organization + name
- «مساعد الرئيس الروسي فلاديمير بوتين لشؤون السياسة الخارجية يوري أوشاكوف»
- «الرئيسين الروسي فلاديمير بوتين والأميركي دونالد ترمب»   dual title
- «ستيف ويتكوف، مبعوث الرئيس الأميركي»          name + title (apposition after it)
- «الرئيس الروسي» alone, resolved to the person who holds that office in the article

and adds person mentions (discovering names after titles), role facts
(presidentOf, ministerOf, spokespersonOf, envoyOf, advisorTo, leaderOf) and
new organizations or regions named in the title («جهاز الاستخبارات الخارجية الروسية»).
The titles, qualifiers and heads are data (``titles.tsv``, ``title_qualifiers.tsv``,
``org_heads.tsv``).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from ..arabic import normalize_phrase, slugify
from ..reading.clitics import CliticSplitter
from ..doc_index import LOOKBACK, index_of
from .gazetteer import Gazetteer, PhraseIndex
from .mentions import _mention
from ..model import Doc, Entity, EntityType, Fact, Mention, Sentence, Status
from .names import NameFinder
from ..grammar import WORDS, base_of, either, norm_of
from ..resources import read_tsv, split_variants, word_set

__all__ = ["TitleParser"]

_COMMA = {"،", ",", "(", ")", "-", "–"}
_COUNTERPART_PROCLITICS = "وفبل"   # «ونظيره», «فنظيره», «بنظيره», «لنظيره»
_HEADS = frozenset({"presidentOf", "leaderOf"})   # offices whose holders send envoys and have advisors


@dataclass
class _Title:
    first: int
    end: int
    relation: str
    dual: bool
    definite: bool
    kinds: frozenset[str] = frozenset({"nisba", "genitive"})
    suffixed: bool = False   # «مبعوثه»: his envoy; the office's object is the pronoun


@dataclass
class _Role:
    """What a title phrase says: the office, its object and where it ends.

    ``relation`` may be ``"presidentOf>leaderOf"``: the first applies when the
    object is a country, the second otherwise («رئيس جهاز …» leads an agency).
    """

    relation: str
    obj: str = ""
    end: int = 0
    former: bool = False
    country: bool = False

    @property
    def office(self) -> str:
        first, _, other = self.relation.partition(">")
        return first if self.country or not other else other


class TitleParser:
    """Pipeline component: role facts, discovered names and title references."""

    name = "titles"

    def __init__(self, gazetteer: Gazetteer, splitter: CliticSplitter, names: NameFinder):
        self.gaz = gazetteer
        self.splitter = splitter
        self.names = names
        self.index = PhraseIndex()
        self.relation: dict[str, str] = {}
        for row in read_tsv("titles.tsv"):
            rel = row.get("relation", "") + ">" + (row.get("relation_other") or row.get("relation", ""))
            rel += ">" + ",".join(split_variants(row.get("object", "")))
            for form in split_variants(row.get("title", "")):
                self._add_title(form, rel, dual=False)
                for dual in _dual_forms(form) + split_variants(row.get("dual", "")):
                    self._add_title(dual, rel, dual=True)
        self.qualifiers = {normalize_phrase(r["word"]): r["effect"] for r in read_tsv("title_qualifiers.tsv")}
        self.heads = {normalize_phrase(r["word"]): EntityType(r["type"]) for r in read_tsv("org_heads.tsv")}
        self.name_ends = word_set("org_name_ends.tsv")
        # words that are no noun of an organization's name («جهاز دعم الاستقرار»)
        self.not_construct = word_set("function_words.tsv") | self.lexicon()
        # a head with the article names an office only before a nationality adjective
        # («الخارجية الإيرانية»); those that are groups of agents («الجيش», «الحكومة») are the
        # country's own (mentions.GazetteerMatcher)
        self.definite_heads = {w for w, t in self.heads.items() if t is EntityType.ORGANIZATION
                               and w.startswith("ال")} - word_set("agent_nouns.tsv")
        self.org_heads = frozenset(w for w, t in self.heads.items() if t is EntityType.ORGANIZATION)
        # «نظيره» as written or after one proclitic («بنظيره»): where :meth:`_at` reads a counterpart
        self.counterparts = WORDS.counterpart | {p + w for p in _COUNTERPART_PROCLITICS for w in WORDS.counterpart}

    def _add_title(self, form: str, relation: str, *, dual: bool) -> None:
        phrase = normalize_phrase(form)
        tag = f"{'2' if dual else '1'}|{relation}"
        self.index.add(phrase, tag)

    def lexicon(self) -> set[str]:
        return self.index.words() | set(self.heads) | set(self.qualifiers)

    # -- component ---------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        pending: list[tuple[Sentence, int, int, _Role]] = []
        readings, counterparts = self.splitter.candidates, self.counterparts
        for sent in doc.sentences:
            norms = list(map(norm_of, sent.tokens))
            starts = self.index.starts(norms, readings)
            if counterparts.isdisjoint(norms):   # (most sentences) the words that start a title
                at = compress(range(len(norms)), starts)
            else:
                at = [i for i, norm in enumerate(norms) if starts[i] or norm in counterparts]
            after = 0   # the token after the last phrase read
            for i in at:
                if i >= after:
                    after = self._at(doc, sent, i, pending)
        for sent in doc.sentences:
            self._headed_organizations(doc, sent)
        for sent, first, end, role in pending:
            # unresolved, the phrase still stands as one participant (key ""), so «ترامب»
            # in «مبعوث ترامب يصل» is not read as the one who arrives
            person = self._holder(doc, role)
            doc.mentions.append(_mention(sent, first, end, EntityType.PERSON, person, "title-ref", 0.8))
        for sent in doc.sentences:
            self._own_country(doc, sent)
        return doc

    # -- parsing -----------------------------------------------------------
    def _title(self, sent: Sentence, i: int) -> _Title | None:
        toks = sent.tokens
        readings = self.index.starting(toks[i].norm, self.splitter.candidates)
        if not readings:   # most words start no title
            return None
        rest = [t.norm for t in toks[i + 1:i + self.index.max_len]]
        for reading in readings:
            found = self.index.match(reading, rest)
            if found:
                n, tag = found
                dual, rel = tag.split("|", 1)
                rel, _, kinds = rel.rpartition(">")
                definite = reading.startswith("ال")
                # «مبعوثه», «وزير خارجيته»: the office's object is a pronoun
                suffixed = not definite and toks[i + n - 1].text.endswith(("ه", "ها"))
                return _Title(i, i + n, rel, dual == "2", definite,
                              frozenset(kinds.split(",")) if kinds else frozenset(), suffixed)
        return None

    def _at(self, doc: Doc, sent: Sentence, i: int, pending: list) -> int:
        toks = sent.tokens
        word = toks[i].norm[1:] if toks[i].norm[:1] in _COUNTERPART_PROCLITICS else toks[i].norm   # «بنظيره»
        if (toks[i].norm in WORDS.counterpart or word in WORDS.counterpart) and i + 1 < len(toks) \
                and toks[i + 1].norm in self.gaz.nisba:
            return self._counterpart(doc, sent, i, pending)
        title = self._title(sent, i)
        if title is None:
            return i + 1
        for k in range(title.first + 1, title.end):  # «رئيس جهاز الاستخبارات…»: a listed name
            unit = self._unit_at(doc, sent, k)       # that starts inside the title phrase wins
            if unit is not None and unit.type is not EntityType.PERSON:
                title.end = k
                break
        if title.suffixed:  # «ومبعوثه الخاص ستيف ويتكوف»: past the qualifiers to the name
            role = _Role(title.relation, self._antecedent(doc, sent, i), title.end)
            role.end = self._skip_qualifiers(sent, title.end, role, doc)
            if title.relation.partition(">")[0] == "ministerOf":  # «وزير خارجيته»: the minister of his country
                role.obj = self._country_of(doc, sent, role.obj)
                role.country = bool(role.obj)
        else:
            role = self._object(doc, sent, title.end, title.relation, title.kinds, depth=0)
        j = role.end
        comma = j < len(toks) and toks[j].text in _COMMA
        # «ناقش الرئيسان تزويد …», «بالزعيمين حثّهما»: a dual with no nationality is no
        # apposition of a new name; its names follow the adjectives («الرئيسين الروسي … والأميركي …»)
        known_only = title.dual and not role.obj
        person, k = self._name(doc, sent, j + comma, after_comma=comma, known_only=known_only)
        if person and not self._may_hold(person, role):
            person, k = "", j  # «لقاء الزعيم الروسي ترامب»: Trump holds no Russian office
        if person and not role.obj and not title.suffixed and not title.dual:
            # «وزيرة الخارجية تيريز كاييكوامبا فاغنر»: the office is said, the gazetteer knows where
            office, obj = self._listed_office(person, role.relation)
            if obj:
                role.relation, role.obj, role.country = office, obj, self._is_country(doc, obj)
        if person:
            self._claim(doc, sent, title.first, k, person, role)
            if title.dual:
                self._second_of_dual(doc, sent, k, title.relation)
            return k
        if title.suffixed and role.obj and not person:  # «مبعوثه» alone: the envoy the article names
            pending.append((sent, title.first, title.end, role))
            return title.end
        if role.obj and role.end > title.end:
            before = self._person_before(doc, sent, title.first) or \
                (self._name_before(doc, sent, title.first) if not title.definite else "")
            if before and (not title.definite or toks[title.first - 1].text in _COMMA):
                self._fact(doc, sent, before, role, title.first, role.end)
            elif role.office:  # «الرئيس الروسي», «مبعوث ترامب»: the holder the article names
                pending.append((sent, title.first, role.end, role))
                if title.dual and (second := self._second_adjective(doc, sent, role)) is not None:
                    pending.append(second)  # «الزعيمان الأرميني والأذربيجاني»: both holders
                    return second[2]
        return max(role.end, i + 1)

    def _second_adjective(self, doc: Doc, sent: Sentence, role: _Role) -> tuple | None:
        """The second office of a dual title with no names, where «و» + a nationality adjective
        follows the first one's («الرئيسان الروسي والأميركي»): a title reference of its own."""
        toks, k = sent.tokens, role.end
        if k >= len(toks) or not toks[k].norm.startswith("و"):
            return None
        country = self.gaz.nisba.get(toks[k].norm[1:])
        if not country or country == role.obj:
            return None
        return sent, k, k + 1, _Role(role.relation, country, k + 1, country=self._is_country(doc, country))

    def _counterpart(self, doc: Doc, sent: Sentence, i: int, pending: list) -> int:
        """«نظيره الإيراني عباس عراقجي»: the same office as the person just named, in another country."""
        country = self.gaz.nisba[sent.tokens[i + 1].norm]
        person, k = self._name(doc, sent, i + 2)
        if not person:
            pending.append((sent, i, i + 2, _Role("*", country, i + 2)))
            return i + 2
        offices = [f.relation for f in index_of(doc).facts(sent.index) if f.rule == "role.title"
                   and f.start < sent.tokens[i].start]
        # «نظيره الفنزويلي نيكولاس مادورو»: else the office the gazetteer lists in that country
        listed = [rel for rel, obj in self.gaz.roles.get(person, ()) if obj == country]
        relation = offices[-1] if offices else (listed[0] if len(set(listed)) == 1 else "")
        self._claim(doc, sent, i, k, person,
                    _Role(relation, country, k, country=self._is_country(doc, country)))
        return k

    def _second_of_dual(self, doc: Doc, sent: Sentence, k: int, relation: str) -> None:
        toks = sent.tokens
        if k < len(toks) and toks[k].text in _COMMA:
            k += 1
        if k >= len(toks) or not toks[k].norm.startswith("و"):
            return
        country = self.gaz.nisba.get(toks[k].norm[1:])
        if not country:
            return
        person, end = self._name(doc, sent, k + 1)
        if person:
            self._claim(doc, sent, k, end, person,
                        _Role(relation, country, k + 1, country=self._is_country(doc, country)))

    def _antecedent(self, doc: Doc, sent: Sentence, i: int) -> str:
        """The person a possessive pronoun at token *i* refers to: the last one named (in this
        sentence or the one before), or in this sentence the last head of state, government or
        body named («أشاد ترامب بوزير خارجيته روبيو ومبعوثه ويتكوف»: Trump's envoy; a minister
        sends none)."""
        index = index_of(doc)
        people = [m for back in (1, 0) for m in index.mentions(sent.index - back)
                  if m.type is EntityType.PERSON and m.key and (back or m.last <= i)]
        if not people:
            return ""
        people.sort(key=lambda m: (m.sentence, m.last))
        heads = [m.key for m in people if m.sentence == sent.index and self._heads(doc, sent, m.key)]
        if heads and not self._heads(doc, sent, people[-1].key):
            return heads[-1]
        return people[-1].key

    def _role_facts(self, doc: Doc, sent: Sentence, person: str) -> list[Fact]:
        """The title facts of *person* in the sentences up to :data:`~..doc_index.LOOKBACK` back."""
        index = index_of(doc)
        return [f for s in range(sent.index, max(sent.index - LOOKBACK, 0) - 1, -1) for f in index.facts(s)
                if f.subject == person and f.rule == "role.title"]

    def _country_of(self, doc: Doc, sent: Sentence, person: str) -> str:
        """The one country *person* heads, by the article's role facts or else the gazetteer, or ''."""
        said = {f.object for f in self._role_facts(doc, sent, person)
                if f.relation in _HEADS and self._is_country(doc, f.object)}
        listed = {obj for rel, obj in self.gaz.roles.get(person, ()) if rel in _HEADS and self._is_country(doc, obj)}
        found = said or listed
        return next(iter(found)) if len(found) == 1 else ""

    def _heads(self, doc: Doc, sent: Sentence, person: str) -> bool:
        """Whether the article or the gazetteer gives *person* the office of a head (presidentOf, leaderOf)."""
        offices = {f.relation for f in self._role_facts(doc, sent, person)}
        offices |= {rel for rel, _ in self.gaz.roles.get(person, ())}
        return bool(offices & _HEADS)

    def _object(self, doc: Doc, sent: Sentence, j: int, relation: str, kinds: frozenset[str],
                depth: int) -> _Role:
        """Parse what follows a title: nationality, organization, region or person."""
        toks = sent.tokens
        role = _Role(relation, end=j)
        j = self._skip_qualifiers(sent, j, role, doc)
        if j >= len(toks):
            role.end = j
            return role
        country, after = self.gaz.nisba_at([t.norm for t in toks[j:j + 2]], 0)
        after += j
        if country:
            role.obj, j = country, after
            role.country = self._is_country(doc, country)
        elif "in" in kinds and toks[j].norm == "في" and (unit := self._unit_at(doc, sent, j + 1)) is not None \
                and unit.type is EntityType.COUNTRY:  # «رئيس المرحلة الانتقالية في مالي»: the country it rules
            role.obj, j, role.country = unit.key, unit.last, True
        else:
            unit = self._unit_at(doc, sent, j)
            if unit is not None and unit.type is EntityType.PERSON and "person" not in kinds:
                return role  # «الرئيس ترامب»: the name, not the office's object
            if unit is not None and unit.type is not EntityType.TOPIC:
                role.obj, j = unit.key, unit.last
                role.country = unit.type is EntityType.COUNTRY
                country = self.gaz.nisba.get(toks[j].norm) if j < len(toks) else None
                if country and unit.type is not EntityType.PERSON:
                    j += 1  # «منطقة أوديسا الأوكرانية»
            elif depth == 0 and "person" in kinds and (inner := self._title(sent, j)) is not None:
                inner_role = self._object(doc, sent, inner.end, inner.relation, inner.kinds, depth + 1)
                person, k = self._name(doc, sent, inner_role.end, known_only=not inner_role.obj)
                if person and not self._holds_other(person, inner_role):
                    self._claim(doc, sent, inner.first, k, person, inner_role)
                    role.obj, j = person, k
                elif person:   # «المبعوث الشخصي للأمين العام للأمم المتحدة ستافان دي ميستورا»: the envoy
                    role.obj = self._holder(doc, inner_role) or inner_role.obj
                    j = inner_role.end
                elif inner_role.obj:
                    # «المبعوثة الخاصة للأمين العام للأمم المتحدة»: the secretary-general the article
                    # names, else an envoy speaks for the body or country itself
                    role.obj = self._holder(doc, inner_role) or \
                        (inner_role.obj if relation.partition(">")[0] == "envoyOf" else "")
                    j = inner_role.end
            elif not (j > 0 and toks[j - 1].norm.startswith("ال") and not toks[j].prefix
                      and not toks[j].norm.startswith("ال")):
                # a title that ends on a definite noun («رئيس الحكومة») takes no bare noun as its
                # genitive: in «اتهم رئيس الحكومة جهاز دعم الاستقرار» the agency is the verb's object
                found = self._headed(doc, sent, j)
                if found:
                    role.obj, j = found
        j = self._skip_qualifiers(sent, j, role, doc)
        if j < len(toks) and toks[j].norm in WORDS.destination:  # «المبعوث الأميركي الخاص إلى الشرق الأوسط»
            unit = self._unit_at(doc, sent, j + 1)
            k = unit.last if unit is not None else j + 1
            while unit is None and k < len(toks) and k - j <= 3 and toks[k].norm.startswith("ال"):
                k += 1
            j = k if k > j + 1 else j
        if role.obj and j < len(toks) and toks[j].text == "(":
            close = next((k for k in range(j + 1, min(j + 5, len(toks))) if toks[k].text == ")"), -1)
            j = close + 1 if close > 0 else j
        if j < len(toks) and toks[j].norm in WORDS.remit:
            j += 1
            while j < len(toks) and toks[j].norm.startswith("ال"):
                j += 1
        role.end = j
        return role

    def _may_hold(self, person: str, role: _Role) -> bool:
        """False when the gazetteer lists this person's offices and none is in the role's country."""
        known = self.gaz.roles.get(person)
        if not known or not role.obj or not role.country:
            return True
        # the envoy of Russia's president is Russia's envoy
        return any(obj == role.obj or any(o == role.obj for _, o in self.gaz.roles.get(obj, ()))
                   for _, obj in known)

    def _holds_other(self, person: str, role: _Role) -> bool:
        """Whether the gazetteer lists *person*'s offices and the office of *role* is not one,
        while another person holds it: the name is not that office's holder."""
        known = self.gaz.roles.get(person)
        return bool(known) and (role.office, role.obj) not in known \
            and bool(self.gaz.holder(role.office, role.obj))

    def _listed_office(self, person: str, relation: str) -> tuple[str, str]:
        """The one (office, object) the gazetteer lists for *person* among *relation*'s
        offices («presidentOf>leaderOf»), or ("", "")."""
        offices = set(relation.split(">")) - {""}
        known = [(rel, obj) for rel, obj in self.gaz.roles.get(person, ()) if rel in offices]
        return known[0] if len(known) == 1 else ("", "")

    def _is_country(self, doc: Doc, key: str) -> bool:
        ent = self.gaz.entities.get(key)
        return ent is not None and ent.type is EntityType.COUNTRY

    def _skip_qualifiers(self, sent: Sentence, j: int, role: _Role, doc: Doc | None = None) -> int:
        """Past the qualifiers at *j* («الخاص», «بالإنابة», «الجنرال»), but not into a listed
        name that begins with one («الأمير محمد بن سلمان»)."""
        toks = sent.tokens
        while j < len(toks) and toks[j].norm in self.qualifiers and not (
                doc is not None and (unit := self._unit_at(doc, sent, j)) is not None
                and unit.type is EntityType.PERSON):
            role.former |= self.qualifiers[toks[j].norm] == "former"
            j += 1
        return j

    def _headed(self, doc: Doc, sent: Sentence, j: int) -> tuple[str, int] | None:
        """«جهاز الاستخبارات الخارجية الروسية», «منطقة بيلغورود», «المنطقة» (the one just named)."""
        toks = sent.tokens
        head = toks[j].base
        etype = self.heads.get(head) or self.heads.get(toks[j].norm) or \
            (self.heads.get(head[2:]) if head.startswith("ال") else None)
        if etype is None:
            return None
        k = j + 1
        if etype is EntityType.ORGANIZATION:
            if not head.startswith("ال") and self._construct(doc, sent, k):
                k += 1   # «جهاز دعم الاستقرار», «حركة تحرير السودان»: a noun of the construct first
            while k < len(toks) and toks[k].norm.startswith("ال") and toks[k].norm not in self.qualifiers \
                    and toks[k].norm not in self.name_ends and toks[k].norm not in WORDS.time \
                    and self._unit_at(doc, sent, k) is None:   # «مجلس النواب | الخميس»
                k += 1   # up to a name of its own: «وكالة الأنباء الفيتنامية | الصين»
            if k == j + 1 and not head.startswith("ال"):
                return None
        else:
            if head.startswith("ال"):  # «حاكم المنطقة»: the region named last
                for ms in index_of(doc).mentions_back(sent.index):
                    named = [m for m in ms if m.type is etype and (m.sentence < sent.index or m.last <= j)]
                    if named:
                        return max(named, key=lambda m: m.last).key, k
                return None
            unit = self._unit_at(doc, sent, k)
            if unit is not None and unit.type.is_place:
                return unit.key, unit.last
            span = self.names.run(sent, k, max_len=2)
            if not span:
                return None
            k = span
        text = sent.text[toks[j].start - sent.start:toks[k - 1].end - sent.start]
        if toks[j].prefix:
            text = text[len(toks[j].prefix):]
        key = self._discover(doc, sent, j, k, text, etype)
        return key, k

    def _construct(self, doc: Doc, sent: Sentence, k: int) -> bool:
        """Whether token *k* is a bare noun inside a head's construct chain: no article,
        no stop word, no name of its own, and a word with the article after it."""
        toks = sent.tokens
        return (k + 1 < len(toks) and toks[k].norm.isalpha() and not toks[k].norm.startswith(("ال", "و"))
                and not toks[k].prefix and not either(toks[k], self.not_construct)
                and toks[k].norm not in self.gaz.nisba and self._unit_at(doc, sent, k) is None
                and toks[k + 1].norm.startswith("ال") and self._unit_at(doc, sent, k + 1) is None)

    def _own_country(self, doc: Doc, sent: Sentence) -> None:
        """«وجدد المستشار الألماني دعم بلاده لكييف»: «بلاده» is the country of the office just named."""
        own = WORDS.own_country
        words = " ".join(map(norm_of, sent.tokens))
        if not any(w in words for w in own):
            return  # (most sentences: no «بلاده», with or without a proclitic)
        for j in [j for j, t in enumerate(sent.tokens) if t.norm in own or t.norm[1:] in own]:
            tok = sent.tokens[j]
            index = index_of(doc)
            offices = [f for f in (*index.facts(sent.index - 1), *index.facts(sent.index))
                       if f.rule == "role.title" and f.start < tok.start and self._is_country(doc, f.object)]
            pending = [m for m in index.mentions(sent.index) if m.source == "title-ref" and m.last <= j]
            country = offices[-1].object if offices else ""
            if not country and pending:  # «المستشار الألماني»: the adjective says which country
                country = self.gaz.nisba.get(sent.tokens[pending[-1].first + 1].norm, "") \
                    if pending[-1].first + 1 < len(sent.tokens) else ""
            if country and self._is_country(doc, country):
                doc.mentions.append(_mention(sent, j, j + 1, EntityType.COUNTRY, country, "coref", 0.8))

    def _headed_organizations(self, doc: Doc, sent: Sentence) -> None:
        """Organizations named by a head word outside titles: «اتهمت وزارة الخارجية الروسية …»."""
        heads, org, toks = self.heads, EntityType.ORGANIZATION, sent.tokens
        if self.org_heads.isdisjoint(map(base_of, toks)):
            return  # (most sentences)
        heads_at = [j for j, t in enumerate(toks) if heads.get(t.base) is org and (
            not t.base.startswith("ال")
            or (t.base in self.definite_heads and j + 1 < len(toks) and toks[j + 1].norm in self.gaz.nisba))]
        if not heads_at:
            return
        taken = {t for m in index_of(doc).mentions(sent.index) for t in range(m.first, m.last)}
        after = 0   # the token after the last organization found
        for j in heads_at:
            if j >= after and j not in taken:
                found = self._headed(doc, sent, j)
                if found and not taken & set(range(j, found[1])):
                    after = found[1]

    def _name(self, doc: Doc, sent: Sentence, j: int, *, known_only: bool = False,
              after_comma: bool = False) -> tuple[str, int]:
        unit = self._unit_at(doc, sent, j)
        if unit is not None:
            return (unit.key, unit.last) if unit.type is EntityType.PERSON else ("", j)
        if known_only:
            return "", j
        end = self.names.person_at(doc, sent, j, after_comma=after_comma)
        if not end:
            return "", j
        text = sent.text[sent.tokens[j].start - sent.start:sent.tokens[end - 1].end - sent.start]
        if sent.tokens[j].prefix:
            text = text[len(sent.tokens[j].prefix):]
        return self._discover(doc, sent, j, end, text, EntityType.PERSON), end

    # -- results -----------------------------------------------------------
    def _discover(self, doc: Doc, sent: Sentence, first: int, last: int, text: str, etype: EntityType) -> str:
        key = slugify(text)
        if key not in doc.entities:
            doc.entities[key] = Entity(key, etype, text)
        doc.mentions.append(_mention(sent, first, last, etype, key, "title-name", 0.85))
        return key

    def _claim(self, doc: Doc, sent: Sentence, first: int, last: int, person: str, role: _Role) -> None:
        doc.mentions.append(_mention(sent, first, last, EntityType.PERSON, person, "title", 0.9))
        self._fact(doc, sent, person, role, first, last)

    def _fact(self, doc: Doc, sent: Sentence, person: str, role: _Role, first: int, last: int) -> None:
        if not role.office or not role.obj or role.former or role.obj == person:
            return
        start, end = sent.tokens[first].start, sent.tokens[last - 1].end
        doc.facts.append(Fact(person, role.office, role.obj, Status.ASSERTED, doc.article.id,
                              sent.index, start, end, sent.text, "role.title", 0.9))

    def _unit_at(self, doc: Doc, sent: Sentence, j: int) -> Mention | None:
        best = None
        for m in index_of(doc).mentions(sent.index):
            if m.first == j and m.source in ("gazetteer", "title-name", "ner", "headed", "description"):
                if best is None or m.last > best.last:
                    best = m
        return best

    def _name_before(self, doc: Doc, sent: Sentence, i: int) -> str:
        """«وكان أوليه كيبر حاكم منطقة أوديسا», «علي أكبر ولايتي، مستشار المرشد»: a name run
        (2–3 words) right before a title, or before a comma before it."""
        if i > 0 and sent.tokens[i - 1].text in _COMMA:
            i -= 1
        k, here = i, index_of(doc).mentions(sent.index)
        while k > 0 and i - k < 3 and self.names._ok(sent.tokens[k - 1], first=True) \
                and not any(m.first <= k - 1 < m.last for m in here):
            k -= 1
        if i - k < 2:
            return ""
        toks = sent.tokens
        text = sent.text[toks[k].start - sent.start:toks[i - 1].end - sent.start]
        return self._discover(doc, sent, k, i, text, EntityType.PERSON)

    def _person_before(self, doc: Doc, sent: Sentence, i: int) -> str:
        k = i - 1
        if k >= 0 and sent.tokens[k].text in _COMMA:
            k -= 1
        for m in index_of(doc).mentions(sent.index):
            if m.last - 1 == k and m.type is EntityType.PERSON:
                return m.key
        return ""

    def _holder(self, doc: Doc, role: _Role) -> str:
        """The one person the article names as holding this office, or ''."""
        if not role.office or not role.obj:
            return ""
        if role.relation == "*":  # «نظيره الأميركي»: whoever holds office there, a president first,
            # a head of government last («دعا شي نظيره الهندي»: the Indian prime minister)
            return (self._holder(doc, _Role("presidentOf", role.obj))
                    or self._holder(doc, _Role("ministerOf", role.obj))
                    or self._holder(doc, _Role("leaderOf", role.obj)))
        index = index_of(doc)
        said = index.subjects(role.office, role.obj)
        if len(said) == 1:
            return next(iter(said))
        if said:
            return ""
        named = index.people()
        known = [p for p in self.gaz.holder(role.office, role.obj) if p in named]
        return known[0] if len(known) == 1 else ""


def _dual_forms(form: str) -> list[str]:
    """«الرئيس» → «الرئيسين», «الرئيسان»; «وزير الخارجية» → «وزيرا الخارجية», «وزيري الخارجية»."""
    words = normalize_phrase(form).split()
    if not words:
        return []
    head, rest = words[0], words[1:]
    if head.endswith("ه"):
        stems = [head[:-1] + "ت"]
    else:
        stems = [head]
    ends = ("ين", "ان") if not rest else ("ا", "ي", "ين", "ان")
    return [" ".join([s + e, *rest]) for s in stems for e in ends]
