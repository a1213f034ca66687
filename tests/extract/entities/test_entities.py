"""Gazetteer matching, titles and appositions, quotes and cross-article linking."""
from __future__ import annotations

import pytest

from rawabit.extract.model import Article, EntityType
from rawabit.extract.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def doc(nlp, text, aid="a"):
    return nlp(Article(aid, f"{aid}.txt", text))


def roles(d):
    return {(f.subject, f.relation, f.object) for f in d.facts if f.rule.startswith("role")}


def test_gazetteer_names_with_clitics_and_variants(nlp):
    d = doc(nlp, "ورحب للكرملين وبموسكو ولزيلنسكي وترامب بالاتفاق.")
    keys = {m.key for m in d.mentions if m.source == "gazetteer"}
    assert {"kremlin", "moscow", "volodymyr-zelensky", "donald-trump"} <= keys


def test_longest_names_win_and_a_name_inside_a_longer_one_is_not_matched_again(nlp):
    d = doc(nlp, "واجتمع مجلس الأمن الدولي في نيويورك، ثم زار الأمين العام للأمم المتحدة موسكو وموسكو.")
    found = [(m.text, m.key) for m in d.mentions if m.source == "gazetteer"]
    assert [k for _, k in found if k in ("moscow", "new-york")] == ["new-york", "moscow", "moscow"]
    assert any(t.startswith("مجلس الأمن") for t, _ in found)
    assert not any(t == "الأمن" for t, _ in found)


def test_phrase_index_starts_are_starting_for_every_word(nlp):
    matcher = next(c for c in nlp.components if c.name == "gazetteer")
    index, readings = matcher.gaz.names, matcher.splitter.candidates
    words = "وصل الرئيس وموسكو للكرملين وواشنطن أمس".split() + ["كلمةلاتعرف"]
    expected = [index.starting(w, readings) for w in words]
    assert index.starts(words, readings) == expected
    assert expected[2] and not expected[0] and not expected[-1]


def test_either_at_finds_words_as_written_or_without_their_proclitics(nlp):
    from rawabit.extract.grammar import either, either_at
    tokens = doc(nlp, "وصلت القوات إلى العاصمة وبالقوات ومسيرات روسية.").sentences[0].tokens
    words = frozenset({"القوات", "مسيرات"})
    assert either_at(tokens, words) == [i for i, t in enumerate(tokens) if either(t, words)]
    assert [tokens[i].text for i in either_at(tokens, words)] == ["القوات", "وبالقوات", "ومسيرات"]


def test_dual_title_gives_two_roles(nlp):
    d = doc(nlp, "وتحدث الرئيسان الروسي فلاديمير بوتين والأميركي دونالد ترمب هاتفياً.")
    assert {("vladimir-putin", "presidentOf", "russia"), ("donald-trump", "presidentOf", "usa")} <= roles(d)


def test_nested_title_gives_advisor_and_president(nlp):
    d = doc(nlp, "وقال مساعد الرئيس الروسي فلاديمير بوتين لشؤون السياسة الخارجية يوري أوشاكوف إن اللقاء مفيد.")
    assert {("yuri-ushakov", "advisorTo", "vladimir-putin"), ("vladimir-putin", "presidentOf", "russia")} <= roles(d)


def test_apposition_after_the_name(nlp):
    d = doc(nlp, "وكان أوليه كيبر حاكم منطقة أوديسا الأوكرانية قد أعلن انقطاع الغاز.")
    people = {m.key: m.text for m in d.mentions if m.type is EntityType.PERSON}
    key = next(k for k, t in people.items() if t == "أوليه كيبر")
    assert (key, "leaderOf", "odesa") in roles(d)


def test_organization_named_in_a_title_is_discovered(nlp):
    d = doc(nlp, "وقال رئيس هيئة الطاقة الذرية الإيرانية محمد إسلامي إن العمل مستمر.")
    orgs = {m.text for m in d.mentions if m.type is EntityType.ORGANIZATION}
    assert any(t.startswith("هيئة الطاقة الذرية") for t in orgs)
    assert any(r == "leaderOf" for _, r, _ in roles(d))


def test_former_office_is_not_a_role(nlp):
    d = doc(nlp, "وقال الرئيس الأميركي السابق جو بايدن إن الحرب طويلة.")
    assert not any(s == "joe-biden" and r == "presidentOf" for s, r, _ in roles(d))


def test_bare_title_resolves_only_when_the_article_names_the_holder(nlp):
    named = doc(nlp, "التقى الرئيس الروسي فلاديمير بوتين ويتكوف.\n\nوقال الرئيس الروسي إن اللقاء مفيد.")
    refs = [m for m in named.mentions if m.source == "title-ref"]
    assert refs and refs[0].key == "vladimir-putin"
    alone = doc(nlp, "وقال الرئيس الروسي إن اللقاء مفيد.")
    assert all(not m.key for m in alone.mentions if m.source == "title-ref")


def test_quotes_and_reported_speech_have_speakers(nlp):
    d = doc(nlp, "وقال بيسكوف: «المحادثات كانت بناءة». وأكد لافروف أن موسكو مستعدة للحوار.")
    found = {(q.speaker, q.direct) for q in d.quotes}
    assert ("dmitry-peskov", True) in found and ("sergey-lavrov", False) in found
    assert any(q.text == "المحادثات كانت بناءة" for q in d.quotes)


def test_linking_across_articles(nlp):
    first = Article("a1", "a1.txt", "وقال حاكم منطقة بيلغورود فياتشيسلاف غلادكوف إن مسيرة سقطت.")
    second = Article("a2", "a2.txt", "وأعلن حاكم منطقة بيلغورود فياتشيسلاف غلادكوف حالة الطوارئ.\n\nوالتقى غلادكوف بوتين.")
    extraction = nlp.corpus([first, second])
    people = [e for e in extraction.entities.values() if e.label_ar == "فياتشيسلاف غلادكوف"]
    assert len(people) == 1
    assert set(extraction.mentions["a1"]) & set(extraction.mentions["a2"]) >= {people[0].key}
    assert all(list(keys) == sorted(set(keys)) for keys in extraction.mentions.values())


def test_a_one_word_spelling_finds_a_topic_but_is_no_label_of_it(nlp):
    d = doc(nlp, "وقال الرئيس إن السلام ممكن، ودعا إلى هدنة في غزة.")
    topics = {m.key for m in d.mentions if m.type is EntityType.TOPIC}
    assert {"topic-peace-deal", "topic-ceasefire"} <= topics
    gazetteer = next(c for c in nlp.components if type(c).__name__ == "GazetteerMatcher").gaz
    for key in topics:
        aliases = gazetteer.entities[key].aliases
        assert aliases and all(" " in alias for alias in aliases)
        assert "السلام" not in aliases and "هدنة" not in aliases


def test_pipe_gives_the_docs_of_one_article_at_a_time(nlp, samples_dir):
    from rawabit.extract.reading.reader import read_articles

    articles = list(read_articles([samples_dir]))
    assert len(articles) >= 5
    one_by_one = [nlp(a) for a in articles]
    for batch_size in (1, 3, len(articles)):
        batched = list(nlp.pipe(articles, batch_size=batch_size))
        assert [d.article.id for d in batched] == [a.id for a in articles]
        for a, b in zip(batched, one_by_one):
            assert (a.mentions, a.facts, a.quotes, a.entities) == (b.mentions, b.facts, b.quotes, b.entities)
    assert any(m.source == "ner" for d in one_by_one for m in d.mentions), "the recogniser took part"


def test_the_recogniser_is_loaded_by_the_first_article_not_by_the_pipeline():
    # A build with workers keeps a pipeline in the parent only to link; it must
    # not pay for (or hold) the model the workers load for themselves.
    pipeline = Pipeline.default()
    ner = next(c for c in pipeline.components if getattr(c, "name", "") == "ner")
    assert ner._recognizer is None
    d = pipeline(Article("a", "a.txt", "وصل الوزير إلى المدينة صباح اليوم."))
    assert ner._recognizer is not None and d.sentences
