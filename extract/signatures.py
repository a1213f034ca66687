"""Pipeline component: keep only facts whose ends fit the relation (``relation_signatures.tsv``).

The rules find subjects and objects by position; this last check drops what
the ontology rules out, e.g. a person that «annexed» a region or a topic that
«met» someone. News agencies and outlets report facts and take part in none:
a gazetteer organization of kind ``outlet``, or a name that begins with a
word of ``outlet_heads.tsv`` («وكالة الأنباء …», «صحيفة …»), is never a
subject or object.
"""
from __future__ import annotations

from .arabic import normalize_phrase
from .gazetteer import Gazetteer
from .model import Doc, EntityType
from .resources import read_tsv, word_set

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


class SignatureFilter:
    """Drop facts whose subject or object has a class the relation does not take."""

    name = "signatures"

    def __init__(self, gazetteer: Gazetteer):
        self.signatures = {r["relation"]: (_types(r["subject"]), _types(r["object"]))
                           for r in read_tsv("relation_signatures.tsv")}
        self._listed = {key: ent.type for key, ent in gazetteer.entities.items()}
        self.outlets = frozenset(gazetteer.outlets)
        self.outlet_heads = tuple(sorted(word_set("outlet_heads.tsv")))

    def is_outlet(self, key: str, label: str = "") -> bool:
        """Whether *key* (named *label*) is a news agency or outlet, a source and no participant."""
        if key in self.outlets:
            return True
        name = normalize_phrase(label)
        return any(name == head or name.startswith(head + " ") for head in self.outlet_heads)

    def __call__(self, doc: Doc) -> Doc:
        found = {key: ent.type for key, ent in doc.entities.items()}
        found.update({m.key: m.type for m in doc.mentions if m.key})

        def type_of(key: str) -> EntityType | None:  # what the article says, else the gazetteer
            return found.get(key) or self._listed.get(key)

        def outlet(key: str) -> bool:
            ent = doc.entities.get(key)
            return self.is_outlet(key, ent.label_ar if ent is not None else "")

        kept = []
        for fact in doc.facts:
            if outlet(fact.subject) or outlet(fact.object):
                continue
            signature = self.signatures.get(fact.relation)
            if signature is None or (type_of(fact.subject) in signature[0]
                                     and type_of(fact.object) in signature[1]):
                kept.append(fact)
        doc.facts = kept
        return doc
