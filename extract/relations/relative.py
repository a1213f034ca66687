"""The relative clause whose verb takes its head as object: «وقف إطلاق النار الذي وافقت عليه روسيا وأوكرانيا».

Arabic marks the head of a relative clause inside the clause when it is not the
subject: a resumptive pronoun on the verb («الحكومة التي يرأسها X») or on the
preposition the verb governs («الهدنة التي اتفق عليها الطرفان»). The pronoun
agrees with the relative pronoun (الذي ↔ ـه, التي ↔ ـها, الذين ↔ ـهم, the duals
↔ ـهما). Then the head before the relative pronoun is the verb's object, and the
subject follows the verb: (Russia, agreedTo, ceasefire), (Ukraine, agreedTo, ceasefire).
"""
from __future__ import annotations

from ..arabic import dediac, normalize
from .clauses import head_before
from ..grammar import WORDS
from ..model import Mention, Sentence
from .participants import skippable

__all__ = ["resumed_head", "resumptive"]

_LATER = 6   # tokens after the verb within which the pronoun may stand (after the subject)

#: The pronoun that resumes the head of each relative pronoun (normalized relative → suffixes).
_AGREES = {
    normalize("الذي"): ("ه",),
    normalize("التي"): ("ها",),   # also a non-human plural: «المناطق التي تسيطر عليها»
    normalize("الذين"): ("هم",),
    normalize("اللذان"): ("هما",), normalize("اللذين"): ("هما",),
    normalize("اللتان"): ("هما",), normalize("اللتين"): ("هما",),
}


def resumptive(word: str, suffixes: tuple[str, ...]) -> str:
    """The part of *word* (letters, no diacritics) before one of *suffixes*, or '' («عليها» → «علي»)."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[:-len(suffix)]
    return ""


def _resumed_later(toks, c1: int, suffixes: tuple[str, ...], markers: frozenset[str]) -> bool:
    """Whether the pronoun stands after the verb's subject, on a marker or on a share after one:
    «الاتفاق الذي وقعت روسيا عليه», «دونيتسك التي تسيطر روسيا على معظمها»."""
    for k in range(c1 + 1, min(c1 + _LATER, len(toks))):
        if toks[k].is_punct or toks[k].norm in WORDS.clause_start:
            return False
        stem = normalize(resumptive(dediac(toks[k].text), suffixes))
        if stem and (stem in markers or (stem in WORDS.partitive and toks[k - 1].norm in markers)):
            return True
    return False


def resumed_head(sent: Sentence, us: list[Mention], left: int, c0: int, c1: int,
                 markers: frozenset[str]) -> Mention | None:
    """The head of the relative clause opening at *left* when the verb at *c0*–*c1* takes it as object.

    The verb must open the clause, right after the relative pronoun; its object must be a pronoun
    agreeing with the relative pronoun, on the verb itself (for a verb with a direct object) or on
    the one preposition among *markers* that follows it. The head is the name that ends right
    before the relative pronoun, or before a comma before it («حكومة الوحدة، التي يرأسها …»).
    """
    toks = sent.tokens
    suffixes = _AGREES.get(toks[left - 1].norm) if left > 0 else None
    if suffixes is None or not all(skippable(t) for t in toks[left:c0]):
        return None
    verb = dediac(toks[c0].text) if c1 - c0 == 1 else ""   # the letters: «ـها», not a folded «ة»
    on_verb = "direct" in markers and bool(resumptive(verb, suffixes))
    stem = resumptive(dediac(toks[c1].text), suffixes) if c1 < len(toks) else ""
    on_preposition = bool(stem) and normalize(stem) in markers   # «عليه», «به», «إليها»
    if not (on_verb or on_preposition or _resumed_later(toks, c1, suffixes, markers)):
        return None
    k = left - 2 if left >= 2 and toks[left - 2].text in ("،", ",") else left - 1
    head = head_before(sent, us, k)
    if head is None or head.source == "nisba":
        return None
    return head
