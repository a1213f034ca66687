"""Pipeline component: keep only facts whose ends fit the relation (``relation_signatures.tsv``).

The rules find subjects and objects by position; this last check drops what
the ontology rules out, e.g. a person that «annexed» a region or a topic that
«met» someone.
"""
from __future__ import annotations

from .gazetteer import Gazetteer
from .model import Doc, EntityType
from .resources import read_tsv

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

    def __call__(self, doc: Doc) -> Doc:
        found = {key: ent.type for key, ent in doc.entities.items()}
        found.update({m.key: m.type for m in doc.mentions if m.key})

        def type_of(key: str) -> EntityType | None:  # what the article says, else the gazetteer
            return found.get(key) or self._listed.get(key)

        kept = []
        for fact in doc.facts:
            signature = self.signatures.get(fact.relation)
            if signature is None or (type_of(fact.subject) in signature[0]
                                     and type_of(fact.object) in signature[1]):
                kept.append(fact)
        doc.facts = kept
        return doc
