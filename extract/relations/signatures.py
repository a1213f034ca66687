"""Pipeline component: keep only facts whose ends fit the relation (``relation_signatures.tsv``).

The rules find subjects and objects by position; this last check drops what
the ontology rules out, e.g. a person that «annexed» a region or a topic that
«met» someone. News agencies and outlets report facts and take part in none:
a gazetteer organization of kind ``outlet``, or a name that begins with a
word of ``outlet_heads.tsv`` («وكالة الأنباء …», «صحيفة …»), is never a
subject or object.
"""
from __future__ import annotations

from ..arabic import normalize_phrase
from ..entities.gazetteer import Gazetteer
from ..model import Doc, EntityType
from ..resources import read_tsv, word_set

__all__ = ["SignatureFilter"]

_GROUPS = {
    "agent": {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.CITY, EntityType.REGION},
    "place": {EntityType.COUNTRY, EntityType.CITY, EntityType.REGION},
}


def _types(cell: str) -> frozenset[EntityType]:
    out: set[EntityType] = set()
    for part in cell.split(","):
        part = part.strip()
        out |= _GROUPS.get(part) or {EntityType(part)}
    return frozenset(out)


_REMEMBERED = 100_000   # names and words whose answers are kept


class SignatureFilter:
    """Drop facts whose subject or object has a class the relation does not take."""

    name = "signatures"

    def __init__(self, gazetteer: Gazetteer):
        self.signatures = {r["relation"]: (_types(r["subject"]), _types(r["object"]))
                           for r in read_tsv("relation_signatures.tsv")}
        self._listed = {key: ent.type for key, ent in gazetteer.entities.items()}
        self.outlets = frozenset(gazetteer.outlets)
        self.outlet_heads = word_set("outlet_heads.tsv")   # of one or two words
        self._head_starts = frozenset(head.split()[0] for head in self.outlet_heads)
        self._labels: dict[str, str] = {}
        self._heads: dict[str, bool] = {}

    def is_outlet(self, key: str, label: str = "") -> bool:
        """Whether *key* (named *label*) is a news agency or outlet, a source and no participant."""
        return key in self.outlets or self._headed(self._normalized(label))

    def _normalized(self, label: str) -> str:
        """*label* normalized; remembered, as the same names come back in every article."""
        found = self._labels.get(label)
        if found is None:
            if len(self._labels) > _REMEMBERED:
                self._labels.clear()
            found = self._labels[label] = normalize_phrase(label)
        return found

    def _headed(self, name: str) -> bool:
        """Whether the normalized *name* begins with an outlet's head word (one or two words)."""
        found = self._heads.get(name)
        if found is None:
            if len(self._heads) > _REMEMBERED:
                self._heads.clear()
            words = name.split(maxsplit=2)
            found = self._heads[name] = bool(words) and (
                words[0] in self.outlet_heads or " ".join(words[:2]) in self.outlet_heads)
        return found

    def outlets_in(self, doc: Doc) -> set[str]:
        """The keys of *doc*'s outlets: listed ones, names that begin with an outlet's head
        word, and names right after one («صحيفة لاستامبا»)."""
        found = {key for key, ent in doc.entities.items() if self.is_outlet(key, ent.label_ar)}
        starts = self._head_starts
        for m in doc.mentions:
            if m.key and m.key not in found and m.first > 0:
                toks = doc.sentences[m.sentence].tokens
                if toks[m.first - 1].base not in starts and (m.first < 2 or toks[m.first - 2].base not in starts):
                    continue   # (neither word before it begins a head: most names; a token has no space)
                before = [t.base for t in toks[max(0, m.first - 2):m.first]]
                if self._headed(before[-1]) or (len(before) == 2 and self._headed(" ".join(before))):
                    found.add(m.key)
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = {key: ent.type for key, ent in doc.entities.items()}
        found.update({m.key: m.type for m in doc.mentions if m.key})

        def type_of(key: str) -> EntityType | None:  # what the article says, else the gazetteer
            return found.get(key) or self._listed.get(key)

        outlets = self.outlets_in(doc)
        kept = []
        for fact in doc.facts:
            if fact.subject in outlets or fact.object in outlets:
                continue
            signature = self.signatures.get(fact.relation)
            if signature is None or (type_of(fact.subject) in signature[0]
                                     and type_of(fact.object) in signature[1]):
                kept.append(fact)
        doc.facts = kept
        return doc
