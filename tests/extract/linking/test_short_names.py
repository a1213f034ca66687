"""A person named in full once, then by one name, on sentences written for these tests."""
from __future__ import annotations

import pytest

from rawabit.extract.model import Article, EntityType
from rawabit.extract.pipeline import Pipeline
from support.asserted import asserted


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def short(nlp: Pipeline, text: str) -> list[tuple[str, str]]:
    """One-word mentions of a person named in full in the text, whichever component linked them
    (this module, or the recogniser's own reading of a family name)."""
    doc = nlp(Article("t", "t.txt", text))
    full = {m.key for m in doc.mentions if m.type is EntityType.PERSON and len(m.text.split()) > 1}
    return [(m.text, m.key) for m in doc.mentions
            if m.type is EntityType.PERSON and len(m.text.split()) == 1 and m.key in full]


def test_the_family_name_alone_is_the_person_named_before(nlp):
    text = ("قال وزير الزراعة الكولومبي خوليو راميريث إن بلاده لن تتراجع. "
            "وانتقد راميريث واشنطن بشدة، ثم هدد راميريث بمقاضاة ترمب.")
    found = short(nlp, text)
    assert found and {key for _, key in found} == {"ar-xwlyw-rAmyryv"}
    assert ("ar-xwlyw-rAmyryv", "criticized", "washington") in asserted(nlp, text)


def test_a_name_with_a_proclitic_is_found_too(nlp):
    text = "وصلت المبعوثة الأممية إنغريد هولمبرغ إلى طرابلس. والتقى الدبيبة بهولمبرغ في مكتبه."
    assert ("بهولمبرغ", "ar-Angryd-hwlmbrg") in short(nlp, text)


def test_a_name_two_people_share_and_a_common_first_name_are_no_one(nlp):
    text = ("التقى وزير الخارجية المصري محمد حسين نظيره الأردني خالد حسين في عمان. "
            "وقال حسين إن اللقاء كان مثمراً، وأضاف محمد أن التعاون سيستمر.")
    assert short(nlp, text) == []


def test_a_name_before_the_full_one_is_not_taken_up(nlp):
    assert short(nlp, "وانتقد بيترو واشنطن. وقال الرئيس الكولومبي غوستافو بيترو إن بلاده لن تتراجع.") == []


def test_the_first_name_of_a_shorter_listed_spelling_is_taken_up(nlp):
    # the list spells the Brazilian president in full and as «لولا دا سيلفا»: «لولا» alone is him
    text = ("وقال الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا إن بلاده ترفض الرسوم. "
            "ووصل لولا إلى الأرجنتين مساء الإثنين.")
    assert ("لولا", "lula-da-silva") in short(nlp, text)
    assert ("lula-da-silva", "visited", "argentina") in asserted(nlp, text)


def test_a_particle_spelt_like_a_short_name_is_no_one_without_the_full_name(nlp):
    doc = nlp(Article("t", "t.txt", "وقال محللون إنه لولا الدعم الغربي لما صمدت أوكرانيا."))
    assert all(m.key != "lula-da-silva" for m in doc.mentions)


def test_a_place_the_recogniser_found_once_is_found_again(nlp):
    # «مدينة سراقب» is found by its kind; later «سراقب» alone, with no kind noun, is the same town
    text = "وسقطت قذائف على مدينة سراقب بمحافظة إدلب. ووصل وزير الخارجية التركي هاكان فيدان إلى سراقب صباح الأحد."
    doc = nlp(Article("t", "t.txt", text))
    again = [m for m in doc.mentions if m.source == "repeated"]
    assert again and again[0].sentence == 1 and again[0].type is not EntityType.PERSON
    assert ("hakan-fidan", "visited", again[0].key) in asserted(nlp, text)


def test_a_name_before_the_one_recognised_is_not_taken(nlp):
    doc = nlp(Article("t", "t.txt", "ووصل الوفد إلى سراقب صباح الأحد. وسقطت قذائف على مدينة سراقب بمحافظة إدلب."))
    assert not [m for m in doc.mentions if m.source == "repeated"]


def test_a_family_name_written_first_is_taken_even_if_a_given_name_elsewhere(nlp):
    # Korean names come family name first: «كيم» alone is Kim Jong Un here
    text = "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى موسكو. والتقى بوتين كيم في الكرملين."
    assert ("كيم", "kim-jong-un") in short(nlp, text)
    assert ("vladimir-putin", "met", "kim-jong-un") in asserted(nlp, text)


def test_a_common_first_name_of_someone_else_stays_no_one(nlp):
    # a Western «كيم» is a given name: alone it is nobody the article named in full
    text = "وقالت المغنية الأميركية كيم وايلد إن الحفل ناجح. وانتقد كيم الرئيس الأميركي دونالد ترمب."
    doc = nlp(Article("t", "t.txt", text))
    assert not [m for m in doc.mentions if m.source == "short-name" and m.text == "كيم"]
