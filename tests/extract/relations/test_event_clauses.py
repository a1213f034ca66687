"""A verb in a clause describing an event noun, «فيه/خلاله» right after it (finder.py, ``_inside_event``):
«أجرى ترمب اتصالين هاتفيين بالزعيمين حثّهما فيهما على …» — who made the call is the subject, the
pronoun on the verb the other side. Verbs of doubled roots with a pronoun («حثّه», «ضمّها») are read too."""
from __future__ import annotations

CALL = "وأجرى الرئيس الفرنسي إيمانويل ماكرون اتصالاً هاتفياً بالرئيس الإيراني مسعود بزشكيان "


def test_the_caller_urges_the_one_called(construction_facts):
    found = construction_facts(CALL + "حثّه فيه على ضبط النفس.")
    assert ("emmanuel-macron", "urged", "masoud-pezeshkian", "asserted") in found


def test_a_dual_pronoun_is_both_called(construction_facts):
    found = {f[:3] for f in construction_facts(
        "التقى الرئيس الأمريكي دونالد ترامب رئيس الوزراء الهندي ناريندرا مودي الأسبوع الماضي، وتبادل مودي "
        "ورئيس الوزراء الباكستاني شهباز شريف الاتهامات. وكان ترامب قد أجرى، الأحد، اتصالين هاتفيين "
        "بالزعيمين حثّهما فيهما على التهدئة.")}
    assert {("donald-trump", "urged", "narendra-modi"), ("donald-trump", "urged", "shehbaz-sharif")} <= found


def test_a_subject_after_the_resumptive_is_its_own(construction_facts):
    found = {f[:3] for f in construction_facts(
        "وعقد الرئيس الروسي فلاديمير بوتين لقاء مع الرئيس الصيني شي جين بينغ أشاد خلاله الرئيس الصيني "
        "بالرئيس البرازيلي لولا دا سيلفا.")}
    assert ("vladimir-putin", "praised", "lula-da-silva") not in found


def test_no_event_before_the_verb_no_fact(construction_facts):
    found = construction_facts("وقال الرئيس الفرنسي إيمانويل ماكرون إن البيان حثّه فيه على ضبط النفس.")
    assert not any(f[1] == "urged" for f in found)


def test_a_dual_verb_names_both_sides_of_the_call(construction_facts):
    found = {f[:3] for f in construction_facts(CALL + "تطرقا فيه إلى العقوبات.")}
    assert {("emmanuel-macron", "discussed", "topic-sanctions"),
            ("masoud-pezeshkian", "discussed", "topic-sanctions")} <= found
