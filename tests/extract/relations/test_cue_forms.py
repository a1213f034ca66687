"""Cue words generated from root and form (extract/relations/cue_forms.py, cue_lemmas.tsv)."""
from __future__ import annotations

import pytest

from rawabit.extract.arabic import normalize
from rawabit.extract.relations.cue_forms import (lemma, noun_forms, participle_forms, passive_forms,
                                                 passive_participle_forms, table_cues, verb_forms)
from rawabit.extract.resources import read_tsv


def _n(*words: str) -> set[str]:
    return {normalize(w) for w in words}


@pytest.mark.parametrize(("root", "form", "perfect", "imperfect", "kind"), [
    ("ت ه م", "VIII", "اتهم", "تهم", "sound"),        # assimilated «ت» of form VIII
    ("و ف ق", "VIII", "اتفق", "تفق", "sound"),
    ("ش ي د", "IV", "اشاد", "شيد", "hollow"),
    ("ز و ر", "I", "زار", "زور", "hollow"),
    ("د ع و", "I", "دعا", "دعو", "defective"),
    ("ل ق ي", "VIII", "التقى", "لتقي", "defective"),
    ("ح ث ث", "I", "حث", "حث", "doubled"),
    ("ح ل ل", "VIII", "احتل", "حتل", "doubled"),
    ("ق ب ل", "X", "استقبل", "ستقبل", "sound"),
    ("ه د د", "II", "هدد", "هدد", "sound"),            # form II keeps both «د»
])
def test_stems_follow_the_pattern(root, form, perfect, imperfect, kind):
    lem = lemma(root, form)
    assert (lem.perfect, lem.imperfect, lem.kind) == (perfect, imperfect, kind)


def test_perfect_and_imperfect_in_every_person_gender_and_number():
    forms = verb_forms(lemma("ت ه م", "VIII"))
    assert _n("اتهم", "اتهمت", "اتهما", "اتهمتا", "اتهموا", "اتهمنا") <= forms
    assert _n("يتهم", "تتهم", "نتهم", "أتهم", "يتهمان", "تتهمان", "يتهمون", "يتهمن", "يتهموا") <= forms


def test_weak_roots_inflect_by_their_own_rules():
    assert _n("التقى", "التقت", "التقيا", "التقوا", "يلتقي", "يلتقيان", "يلتقون", "لم يلتق".split()[-1]) \
        <= verb_forms(lemma("ل ق ي", "VIII"))
    assert _n("دعا", "دعت", "دعوا", "يدعو", "تدعوان") <= verb_forms(lemma("د ع و", "I"))
    assert _n("أشاد", "أشادت", "يشيد", "تشيدان") <= verb_forms(lemma("ش ي د", "IV"))
    assert _n("حث", "حثت", "حثوا", "يحثون") <= verb_forms(lemma("ح ث ث", "I"))
    # a doubled root reopens before «ن» («يضممن»): «يضمن» and «تضمن» are another verb
    assert not _n("يضمن", "تضمن") & verb_forms(lemma("ض م م", "I"))
    # «يدع» is the jussive of «دعا» but far more often «يدع» (to leave): form I has no bare jussive
    assert "يدع" not in verb_forms(lemma("د ع و", "I"))


def test_passive_participles_and_verbal_nouns():
    assert _n("نوقش", "نوقشت") <= passive_forms(lemma("ن ق ش", "III"))
    assert not passive_forms(lemma("ت ه م", "VIII"))      # spelled as the active: nothing apart
    assert _n("متهماً", "متهمةً", "متهمين") <= participle_forms(lemma("ت ه م", "VIII"))
    assert _n("داعياً", "داعيةً") <= participle_forms(lemma("د ع و", "I"))
    assert _n("مدعوم", "المدعومة"[2:]) <= passive_participle_forms(lemma("د ع م", "I"))
    assert _n("زيارة", "زيارته", "زيارتها") <= noun_forms(lemma("ز و ر", "I", masdar="زيارة").masdar)
    assert _n("تأييد", "تأييداً", "تأييده") <= noun_forms(lemma("ء ي د", "II").masdar)
    assert _n("يؤيد", "تؤيد") <= verb_forms(lemma("ء ي د", "II"))   # the hamza's seat moves


def test_a_verb_the_rules_cannot_spell_is_given_by_its_stems():
    lem = lemma("س ي ط", "I", stems="سيطر/سيطر/مسيطر")
    assert _n("سيطر", "سيطرت", "يسيطر", "تسيطر", "يسيطرون") <= verb_forms(lem)


def test_bad_rows_are_refused():
    with pytest.raises(ValueError):
        lemma("ت ه", "VIII")
    with pytest.raises(ValueError):
        lemma("ت ه م", "XI")


def test_reserved_words_are_no_generated_cue():
    rows = [{"relation": "criticized", "pos": "verb", "root": "د ي ن", "form": "IV", "participle": "yes"}]
    found = {pos: forms for _, pos, forms in table_cues(rows, frozenset({normalize("مدينة")}))}
    assert normalize("مدينة") not in found["participle"] and normalize("مديناً") in found["participle"]



@pytest.mark.parametrize(("text", "triple"), [
    # forms no surface list held: the dual imperfect, a plural perfect, a 1st-person report
    ("وقال البيان إن روسيا وأوكرانيا تتبادلان الاتهامات، وإن الصين تتهم اليابان بالتصعيد.",
     ("china", "accused", "japan")),
    ("وتناشد قطر إيران ضبط النفس.", ("qatar", "urged", "iran")),
    ("وحضّت ألمانيا روسيا على الانسحاب.", ("germany", "urged", "russia")),
    ("وتستهدف روسيا مدينة خاركيف بالمسيرات.", ("russia", "attacked", "kharkiv")),
    ("وقال أردوغان إن المحادثات جرت في أنقرة، شاكراً قطر على وساطتها.", ("recep-tayyip-erdogan", "praised", "qatar")),
    ("ولوّح ترمب بعقوبات جديدة على إيران.", ("donald-trump", "threatened", "iran")),
    ("وحذر بوتين أوكرانيا من عواقب الهجوم.", ("vladimir-putin", "threatened", "ukraine")),
    ("وحمّلت الصين الولايات المتحدة المسؤولية عن التصعيد.", ("china", "accused", "usa")),
])
def test_generated_cues_find_facts(construction_facts, text, triple):
    assert triple in {f[:3] for f in construction_facts(text)}


def test_a_warning_without_consequences_is_no_threat(construction_facts):
    assert not {f for f in construction_facts("وحذر بوتين أوكرانيا من أن الشتاء سيكون قاسياً.") if f[1] == "threatened"}
