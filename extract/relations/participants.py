"""Who takes part in a clause: prepositions, coordination and pronouns.

The function words these read are data: :data:`~rawabit.extract.grammar.WORDS`.
"""
from __future__ import annotations

from ..arabic import dediac
from ..grammar import WORDS, either
from ..entities.gazetteer import nisba_adjectives
from ..entities.mentions import units
from ..model import Doc, EntityType, Mention, Sentence

__all__ = ["PUNCT_BOUNDARY", "marker", "skippable", "coordinated", "coordinated_back",
           "pronoun_suffix", "antecedent"]

#: Punctuation that ends a clause; quotation marks do not, they often wrap the object itself.
PUNCT_BOUNDARY = frozenset("،؛;:.!؟?()[]")
#: Most words of a title no list holds, before the name of a second conjunct («والممثل التجاري الأميركي»).
_TITLE_WORDS = 4


def skippable(tok) -> bool:
    """Whether a token may stand between a verb and its subject or object (punctuation, «قد», «أيضاً» …)."""
    return tok.is_punct or either(tok, WORDS.skip)


def marker(sent: Sentence, u: Mention) -> str:
    """The preposition that introduces participant *u* (normalized), or ''.

    Rules ask this of the same participants again and again: the answers for the
    sentence asked about last are kept (they depend on its tokens, where *u*
    starts and whether it is a nationality adjective).
    """
    toks = sent.tokens
    if toks is not _MARKERS.tokens:
        _MARKERS.tokens, _MARKERS.found = toks, {}
    key = (u.first, u.source == "nisba")
    found = _MARKERS.found.get(key)
    if found is None:
        found = _MARKERS.found[key] = _marker(toks, u)
    return found


class _Markers:
    __slots__ = ("tokens", "found")

    def __init__(self) -> None:
        self.tokens: tuple | None = None
        self.found: dict[tuple[int, bool], str] = {}


_MARKERS = _Markers()


def _marker(toks, u: Mention) -> str:
    prefix = toks[u.first].prefix.lstrip("وف")
    if prefix[:1] in ("ب", "ل", "ك"):
        return prefix[:1]
    if u.source == "nisba" and u.first > 0:  # «للجانب الأميركي»: the head noun carries it
        head = toks[u.first - 1].prefix.lstrip("وف")
        if head[:1] in ("ب", "ل", "ك"):
            return head[:1]
        # «على مناطق تايلاندية», «على مواقع حدودية باكستانية»: «على/ضد» before the head noun
        for back in (2, 3):
            k = u.first - back
            if k >= 0 and toks[k].norm in WORDS.against:
                if back == 2 or toks[u.first - 1].norm.endswith(("يه", "ي")):
                    return toks[k].norm
            if k < 0 or toks[k].is_punct or toks[k].norm in WORDS.preposition:
                break
    if u.first > 1 and toks[u.first - 1].norm in WORDS.enum_intro:
        for k in range(u.first - 2, max(u.first - 9, -1), -1):  # «عن أربع مناطق يحتلها الجيش هي دونيتسك»
            if toks[k].norm in WORDS.preposition:
                return toks[k].norm
            if toks[k].text in PUNCT_BOUNDARY:
                break
    for back in (1, 2):  # «من منطقة دونيتسك», «إلى العاصمة السعودية الرياض»
        if u.first > back and toks[u.first - back].base in WORDS.place_head and \
                (back == 1 or toks[u.first - 1].norm.startswith("ال")):
            head, before = toks[u.first - back], toks[u.first - back - 1]
            if head.prefix.lstrip("وف")[:1] in ("ب", "ل"):
                return head.prefix.lstrip("وف")[:1]
            if before.norm in WORDS.preposition:
                return before.norm
    if u.first > 0:
        prev = toks[u.first - 1].norm
        if prev == "من" and u.first > 1 and either(toks[u.first - 2], WORDS.each_of):
            return ""  # «حثّ كلاً من الحكومة والبرلمان»: both are the verb's object
        if prev in WORDS.preposition:
            return prev
        if prev[:1] == "و" and prev[1:] in WORDS.preposition:
            return prev[1:]
    return ""


def coordinated(sent: Sentence, us: list[Mention], first: Mention) -> list[Mention]:
    """*first* and the participants joined to it by «و» (or a comma in a list)."""
    group = [first]
    for u in us:
        if u.first <= group[-1].first:
            continue
        gap = sent.tokens[group[-1].last:u.first]
        joined = (not gap and sent.tokens[u.first].prefix.startswith("و")) or \
                 (len(gap) == 1 and (gap[0].text in ("و", "،", ",") or gap[0].norm in WORDS.then)) or \
                 (u.type is EntityType.PERSON is group[0].type and not sent.tokens[u.first].prefix
                  and _titled_conjunct(gap))  # «X ثم Y»; «السيسي والتركي أردوغان», not «… والأذربيجاني بالرئيس»
        topical = (u.type is EntityType.TOPIC) != (group[0].type is EntityType.TOPIC)
        if not joined or topical or u.type.is_place != group[0].type.is_place and u.type is not group[0].type:
            break
        group.append(u)
    return group


def _titled_conjunct(gap) -> bool:
    """Whether the words *gap* between two people open a second conjunct with a title no list holds,
    ending in a nationality adjective: «نظيريه المصري X والتركي Y», «X والممثل التجاري الأميركي Y»."""
    if not 0 < len(gap) <= _TITLE_WORDS or not (gap[0].text == "و" or gap[0].prefix.startswith("و")) or \
            any(t.is_punct or t.norm in WORDS.preposition for t in gap):
        return False
    last = gap[-1]
    return (last.base or last.norm) in nisba_adjectives() or last.norm in nisba_adjectives()


def coordinated_back(sent: Sentence, us: list[Mention], last: Mention) -> list[Mention]:
    """*last* and the participants before it joined by «و»."""
    group = [last]
    for u in reversed(us):
        if u.last > group[0].first:
            continue
        gap = sent.tokens[u.last:group[0].first]
        if not ((not gap and sent.tokens[group[0].first].prefix.startswith("و")) or
                (len(gap) == 1 and gap[0].text in ("و", "،"))):
            break
        group.insert(0, u)
    return group


def pronoun_suffix(word: str) -> str:
    """«اجتماعه» → «ه», «امتنانها» → «ها», «لقائهما» → «هما»; '' for none (not «ة»)."""
    word = dediac(word)
    for suffix in ("هما", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return suffix
    return ""


def antecedent(doc: Doc, sent: Sentence, us: list[Mention], k: int, *,
               feminine: bool = False) -> Mention | None:
    """What a pronoun at token *k* refers to.

    The last person named before it (for «ها»: the last country, city or
    organization, which are grammatically feminine), skipping those inside a
    prepositional phrase; for «ها» with none, a person who is the sentence's
    subject; else the first fitting participant of the previous sentence.
    """
    wanted = ({EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.REGION}
              if feminine else {EntityType.PERSON})
    unmarked = [u for u in us if u.last <= k and not marker(sent, u) and u.type is not EntityType.TOPIC
                and u.source != "nisba"]  # «جهود الوساطة الأميركية»: an adjective is no antecedent
    found = [u for u in unmarked if u.type in wanted]
    if found:  # «تعرب عن امتنانها لواشنطن»
        return found[-1]
    if feminine and unmarked and unmarked[0].type is EntityType.PERSON:
        return unmarked[0]  # «وصلت فون دير لاين … من بولندا، في زيارتها»
    if not feminine:  # «أعرب الكرملين عن امتنانه»: a body with a masculine name
        bodies = [u for u in unmarked if u.type is EntityType.ORGANIZATION]
        if bodies:
            return bodies[-1]
    if sent.index > 0:
        prev = [m for m in units(doc, sent.index - 1) if m.type in wanted]
        if prev:
            return prev[0]
    return None
