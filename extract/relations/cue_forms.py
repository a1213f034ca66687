"""Surface forms of a cue word generated from its root and verb form (وزن).

A row of ``cue_lemmas.tsv`` names a verb by its root and its form (I–X); this
module spells out what Arabic news writes of it, unvocalized and normalized
(:func:`~rawabit.extract.arabic.normalize`):

- the **perfect** in the persons news uses (3rd person m./f., singular, dual
  and plural; 1st person; «اتهم، اتهمت، اتهما، اتهمتا، اتهموا، اتهمنا»);
- the **imperfect** with its four prefixes and its number suffixes, and the
  subjunctive/jussive endings («يتهم، تتهمان، يتهمون، لن يتهموا»);
- the **passive** where its spelling differs from the active («نوقش»);
- the **active participle** in the accusative of a circumstantial «حال»
  («متهماً، متهمةً، متهمين»), and the **passive participle** («مدعوم»);
- the **verbal noun** (مصدر) bare, in the accusative and with a possessive
  pronoun («اتهام، اتهاماً، اتهامه، اتهامها»; «زيارة» → «زيارته»).

Sound, doubled (A = L: «ضم، حث»), hollow (A = و/ي: «زار، أشاد») and
defective (L = و/ي: «دعا، التقى») roots are derived by rule; form VIII
assimilates its «ت» («اتهم، اتفق، اضطر»). A word the rules cannot spell
(a quadriliteral «سيطر», an irregular verbal noun) is given in the table.

>>> sorted(verb_forms(lemma("ت ه م", "VIII")))[:4]
['اتهم', 'اتهما', 'اتهمت', 'اتهمتا']
"""
from __future__ import annotations

from dataclasses import dataclass

from ..arabic import normalize

__all__ = ["Lemma", "lemma", "verb_forms", "passive_forms", "participle_forms", "passive_participle_forms",
           "noun_forms"]

_WEAK = "وي"
#: (perfect, imperfect stem after its prefix, active participle, passive participle), sound roots.
_SOUND = {
    "I": ("FAL", "FAL", "FاAL", "مFAوL"),
    "II": ("FAL", "FAL", "مFAL", "مFAL"),
    "III": ("FاAL", "FاAL", "مFاAL", "مFاAL"),
    "IV": ("اFAL", "FAL", "مFAL", "مFAL"),
    "V": ("تFAL", "تFAL", "متFAL", "متFAL"),
    "VI": ("تFاAL", "تFاAL", "متFاAL", "متFاAL"),
    "VII": ("انFAL", "نFAL", "منFAL", "منFAL"),
    "VIII": ("اFتAL", "FتAL", "مFتAL", "مFتAL"),
    "X": ("استFAL", "ستFAL", "مستFAL", "مستFAL"),
}
#: Verbal nouns of the derived forms (form I's are not predictable: the table gives them).
_MASDAR = {"II": "تFAيL", "III": "مFاALة", "IV": "اFAاL", "V": "تFAL", "VI": "تFاAL", "VII": "انFAاL",
           "VIII": "اFتAاL", "X": "استFAاL"}
#: Hollow roots (A = و/ي): (perfect, its short stem before a consonant suffix, imperfect, participle, masdar).
_HOLLOW = {
    "I": ("FاL", "FL", "FAL", "FائL", ""),
    "IV": ("اFاL", "اFL", "FيL", "مFيL", "اFاLة"),
    "VIII": ("اFتاL", "اFتL", "FتاL", "مFتاL", "اFتياL"),
    "X": ("استFاL", "استFL", "ستFيL", "مستFيL", "استFاLة"),
}
#: Defective roots (L = و/ي) of the derived forms end their verbal noun in «اء».
_DEFECTIVE_MASDAR = {"IV": "اFAاء", "VIII": "اFتAاء", "X": "استFAاء"}
_PERFECT = ("", "ت", "ا", "تا", "وا", "نا", "تم")
_PREFIXES = ("ي", "ت", "ن")
_IMPERFECT = ("", "ان", "ون", "ين", "ا", "وا", "ن")
_PARTICIPLE = ("ا", "ة", "ين", "ان", "ون", "تين")
_POSSESSIVE = ("ه", "ها", "هما", "هم")


@dataclass(frozen=True)
class Lemma:
    """A verb by its stems (unnormalized letters), as :func:`lemma` derives them."""

    perfect: str          # 3rd person masculine singular: «اتهم»
    imperfect: str        # the stem after the prefix: «تهم» (يتهم)
    participle: str       # «متهم»
    passive_participle: str
    masdar: str           # «اتهام»; '' when unknown
    kind: str             # sound | doubled | hollow | defective
    short: str = ""       # hollow perfect before a consonant suffix: «زر» (زرت)
    passive: str = ""     # a passive perfect spelled apart from the active: «نوقش»


def _fill(template: str, f: str, a: str, l: str) -> str:
    return template.replace("F", f).replace("A", a).replace("L", l)


def lemma(root: str, form: str = "I", *, masdar: str = "", stems: str = "") -> Lemma:
    """The stems of the verb of *root* («ت ه م», hamza as «ء») in *form* (I–X).

    Args:
        root: Three radicals separated by spaces.
        form: The verb form, a Roman numeral.
        masdar: The verbal noun, when the form's pattern does not give it (form I).
        stems: ``perfect/imperfect/participle``, for a verb the rules cannot spell.

    Raises:
        ValueError: For a root that is not three letters or an unknown form.
    """
    if stems:
        perfect, imperfect, participle = (stems.split("/") + ["", ""])[:3]
        return Lemma(perfect, imperfect, participle, "", masdar, "sound")
    letters = root.split()
    if len(letters) != 3 or form not in _SOUND:
        raise ValueError(f"cannot derive root {root!r} in form {form!r}")
    f, a, l = letters
    infix = ""   # form VIII's «ت» assimilates: «اتّهم» (و ه م), «اتّبع», «اضطرّ», «اطّلع»
    if form == "VIII" and f in "وت":
        infix = "ت"
    elif form == "VIII" and f in "صضطظ":
        infix = f + "ط" if f != "ط" else "ط"
    fa = "ا" if f == "ء" else f  # the hamza's seat: «أيّد» but «يؤيّد»
    if infix:
        f = fa = "\u200c"
    if a in _WEAK and form in _HOLLOW and l not in _WEAK:
        per, short, imp, part, mas = (_fill(t, fa, a, l) for t in _HOLLOW[form])
        return _clean(Lemma(per, imp, part, _fill("مFوL", fa, a, l), masdar or mas, "hollow", short), infix)
    per, imp, part, ppart = (_fill(t, fa, a, l) for t in _SOUND[form])
    if f == "ء" and form in ("II", "III"):
        imp = "و" + imp[1:]
    mas = masdar or _fill(_MASDAR.get(form, ""), fa, a, l)
    passive = _fill("FوAL", fa, a, l) if form == "III" else ""
    if l in _WEAK and form != "I":  # «التقى/يلتقي», «أبدى/يبدي»
        mas = masdar or _fill(_DEFECTIVE_MASDAR.get(form, ""), fa, a, l) or mas
        return _clean(Lemma(per[:-1] + "ى", imp[:-1] + "ي", part[:-1] + "ي", ppart[:-1] + "ى", mas, "defective"), infix)
    if l in _WEAK:  # «دعا/يدعو», «رمى/يرمي»
        end = "ا" if l == "و" else "ى"
        ppart = ppart[:-1] if l == "و" else ppart[:-2] + "ي"  # «مدعو», «مرمي»
        return _clean(Lemma(per[:-1] + end, imp[:-1] + l, part[:-1] + "ي", ppart, mas, "defective"), infix)
    if a == l and form in ("I", "IV", "VII", "VIII", "X"):  # «ضمّ/يضمّ», «احتلّ/يحتلّ»
        return _clean(Lemma(_double(per), _double(imp), _double(part), _double(ppart), mas, "doubled"), infix)
    return _clean(Lemma(per, imp, part, ppart, mas, "sound", passive=passive), infix)


def _double(stem: str) -> str:
    """Write a doubled consonant once at the stem's end: «ضمم» → «ضم»."""
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem


def _clean(lem: Lemma, infix: str) -> Lemma:
    def fix(s: str) -> str:
        return s.replace("\u200cت", infix)
    return Lemma(*(fix(v) for v in (lem.perfect, lem.imperfect, lem.participle, lem.passive_participle,
                                    lem.masdar)), lem.kind, fix(lem.short), fix(lem.passive))


def _norm(forms) -> set[str]:
    return {normalize(f) for f in forms if f}


def verb_forms(lem: Lemma) -> set[str]:
    """The perfect and imperfect of *lem* in every person, gender and number news writes."""
    out: list[str] = []
    per = lem.perfect
    if lem.kind == "defective":  # «دعا، دعت، دعوا، دعوت»; «التقى، التقت، التقيا، التقوا، التقينا»
        base, glide = per[:-1], ("و" if per.endswith("ا") else "ي")
        out += [per, base + "ت", base + "تا", base + "وا", base + glide + "ا", base + glide + "ت", base + glide + "نا"]
    elif lem.kind == "hollow":  # «زار، زارت، زاروا» but «زرت، زرنا»
        out += [per + s for s in ("", "ت", "ا", "تا", "وا")] + [lem.short + s for s in ("ت", "نا", "تم")]
    elif lem.kind == "doubled":  # «حثّ، حثّت، حثّا، حثّوا»
        out += [per + s for s in ("", "ت", "ا", "تا", "وا")]
    else:
        out += [per + s for s in _PERFECT]
    imp = lem.imperfect
    if not imp:
        return _norm(out)
    out.append("ا" + imp)  # the 1st person singular: «أتهم»
    for prefix in _PREFIXES:
        if lem.kind == "defective":  # «يدعو، يدعون، يدعوان»; «يلتقي، يلتقون، يلتقيان، لم يلتق»
            base = imp[:-1]
            out += [prefix + imp, prefix + base + "ون", prefix + imp + "ان", prefix + base + "ين",
                    prefix + base + "وا", prefix + imp + "ا"]
            if len(base) >= 3:  # the jussive of a derived form; form I's («يدع») is another verb
                out.append(prefix + base)
        else:  # a doubled root reopens before «ن»: «يضممن», so «يضمن» is another verb
            out += [prefix + imp + s for s in _IMPERFECT if not (s == "ن" and lem.kind == "doubled")]
    return _norm(out)


def passive_forms(lem: Lemma) -> set[str]:
    """The passive perfect where its spelling differs from the active («نوقش، نوقشت»)."""
    return _norm(lem.passive + s for s in ("", "ت", "ا", "تا", "وا")) if lem.passive else set()


def participle_forms(lem: Lemma) -> set[str]:
    """The active participle as a circumstantial accusative: «متهماً، متهمةً، متهمين»."""
    if not lem.participle:
        return set()
    return _norm(lem.participle + s for s in _PARTICIPLE)


def passive_participle_forms(lem: Lemma) -> set[str]:
    """The passive participle: «مدعوم، مدعومة، مدعومين، مدعومون»."""
    if not lem.passive_participle:
        return set()
    return _norm(lem.passive_participle + s for s in ("", "ة", "ين", "ون", "ان"))


def noun_forms(masdar: str) -> set[str]:
    """A verbal noun bare, accusative and with a possessive pronoun.

    The article and proclitics are the matcher's to strip («الزيارة»,
    «وبزيارته»). Several nouns may be given, ``|``-separated (a plural:
    «اتهام|اتهامات»).
    """
    out: list[str] = []
    for noun in (n.strip() for n in masdar.split("|")):
        if not noun:
            continue
        stem = noun[:-1] + "ت" if noun.endswith(("ة", "ه")) else noun
        out += [noun] + [stem + p for p in _POSSESSIVE]
        if not noun.endswith(("ة", "ه", "ات")):
            out.append(noun + "ا")  # «دعماً»
    return _norm(out)


def table_cues(rows, reserved: frozenset[str] = frozenset()) -> list[tuple[dict[str, str], str, set[str]]]:
    """(row, part of speech, forms) for each row of ``cue_lemmas.tsv``.

    A generated form that is one of the *reserved* words (function words,
    «مدينة» beside the participle «مُدينة») is left out: the spelling belongs
    to the other word far more often.

    A verb row gives its finite forms (pos ``verb``, with the passive spelled
    apart), and with ``participle = yes`` its circumstantial participles (pos
    ``participle``); a noun row its verbal noun; a ``passive_participle`` row
    the passive participle.
    """
    out = []
    for row in rows:
        lem = lemma(row["root"], row["form"], masdar=row.get("masdar", ""), stems=row.get("stems", ""))
        pos = row["pos"]
        if pos == "verb":
            out.append((row, "verb", verb_forms(lem) | passive_forms(lem)))
            if row.get("participle") == "yes":
                out.append((row, "participle", participle_forms(lem)))
        elif pos == "noun":
            out.append((row, "noun", noun_forms(lem.masdar)))
        elif pos == "passive_participle":
            out.append((row, pos, passive_participle_forms(lem)))
        else:
            raise ValueError(f"cue_lemmas.tsv: unknown pos {pos!r}")
    return [(row, pos, forms - reserved) for row, pos, forms in out]
