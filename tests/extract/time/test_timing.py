"""Statements dated by their sentence (extract/time/timing.py), and the hand-dated sample set."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rawabit.extract.time.dates import DateMention
from rawabit.extract.model import Article
from rawabit.extract.pipeline import Pipeline
from rawabit.extract.reading.reader import article_id
from rawabit.extract.time.timing import LASTING_RELATIONS, date_of

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


def facts(nlp: Pipeline, text: str, published: str = "2025-03-20") -> dict[tuple[str, str, str], str]:
    doc = nlp(Article(article_id(text), "t.txt", text, date=published))
    return {(f.subject, f.relation, f.object): f.date for f in doc.facts}


def test_an_event_takes_its_sentence_date_and_a_role_none(nlp):
    got = facts(nlp, "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمّان أمس.")
    assert got[("badr-abdelatty", "met", "ayman-safadi")] == "2025-03-19"
    assert got[("badr-abdelatty", "ministerOf", "egypt")] == ""
    assert {"ministerOf", "presidentOf", "locatedIn"} <= LASTING_RELATIONS


def test_a_planned_statement_gets_its_future_date(nlp):
    got = facts(nlp, "ومن المقرر أن يزور وزير الخارجية التركي هاكان فيدان بغداد الاثنين.")   # a Thursday article
    assert got[("hakan-fidan", "visited", "baghdad")] == "2025-03-24"


def test_a_sentence_without_a_date_leaves_the_statement_undated(nlp):
    got = facts(nlp, "استقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس الأوكراني فولوديمير زيلينسكي في باريس.")
    assert got[("emmanuel-macron", "met", "volodymyr-zelensky")] == ""


def test_a_bound_is_not_the_date_of_the_statement(nlp):
    got = facts(nlp, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأميركي ماركو روبيو في الرياض، "
                     "في أول اجتماع بين البلدين منذ عام 2021.", published="")
    assert got[("sergey-lavrov", "met", "marco-rubio")] == ""


def test_each_statement_takes_the_date_nearest_it(nlp):
    got = facts(nlp, "وكان الرئيس الروسي فلاديمير بوتين قد انتقد الرئيس الأوكراني فولوديمير زيلينسكي الأحد، "
                     "قبل أن يستقبل الرئيس التركي رجب طيب أردوغان في موسكو الثلاثاء الماضي.")
    assert got[("vladimir-putin", "criticized", "volodymyr-zelensky")] == "2025-03-16"


def _mention(start: int, value: str) -> DateMention:
    return DateMention(start, start + 5, "x" * 5, value, value)


def test_two_dates_as_near_leave_the_statement_undated():
    assert date_of(20, 40, [_mention(10, "2025-03-16"), _mention(42, "2025-03-18")]) == ""
    assert date_of(20, 40, [_mention(10, "2025-03-16"), _mention(90, "2025-03-18")]) == "2025-03-16"
    assert date_of(20, 40, [_mention(200, "2025-03-16")]) == ""          # another clause, too far


def test_without_any_publication_date_only_stated_dates_count(nlp):
    got = facts(nlp, "زار الرئيس الجزائري عبد المجيد تبون تونس يوم 15 جويلية 2024.", published="")
    assert got[("abdelmadjid-tebboune", "visited", "tunisia")] == "2024-07-15"
    got = facts(nlp, "زار الرئيس الجزائري عبد المجيد تبون تونس الأحد.", published="")
    assert got[("abdelmadjid-tebboune", "visited", "tunisia")] == ""


def test_a_dateline_becomes_the_article_date(nlp):
    text = "الرباط - 28 أكتوبر 2024 (وكالات)\nاستقبل العاهل المغربي الملك محمد السادس الرئيس الفرنسي إيمانويل ماكرون أمس."
    doc = nlp(Article(article_id(text), "t.txt", text))
    assert doc.article.date == "2024-10-28"
    assert {f.date for f in doc.facts if f.relation == "met"} == {"2024-10-27"}


def _benchmark():
    spec = importlib.util.spec_from_file_location("dates_benchmark", ROOT / "benchmarks" / "dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hand_dated_sample_is_dated_right():
    result = _benchmark().sample_accuracy()
    assert result["given"] >= 15
    assert result["right"] / result["given"] >= 0.95, result["wrong"]
    assert result["found"] / result["expected"] >= 0.8


def test_date_literal_check_refuses_malformed_values():
    check = _benchmark().valid_date_literal
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert check("2025-03-18", xsd + "date") and check("2025-03", xsd + "gYearMonth") and check("2025", xsd + "gYear")
    assert not check("2025-02-30", xsd + "date")
    assert not check("2025-13", xsd + "gYearMonth")
    assert not check("2025-03", xsd + "date")
    assert not check("2025-03-18", xsd + "dateTime")


@pytest.mark.shared
def test_dev_broad_dates_are_valid_literals(shared_dir, tmp_path):
    from rawabit.cli import main
    out = tmp_path / "g.ttl"
    assert main(["build", str(shared_dir / "eval" / "dev-broad"), "-q", "-j", "1", "-o", str(out)]) == 0
    statements, dated, invalid = _benchmark().graph_coverage(out)
    assert statements > 100
    assert dated > 0 and invalid == []



def test_a_possible_statement_takes_no_date_from_another_clause(nlp):
    got = facts(nlp, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي ماركو روبيو في جنيف الخميس، "
                     "في إطار التحضير لقمة محتملة بين بوتين وترمب.")
    assert got[("sergey-lavrov", "met", "marco-rubio")] == "2025-03-20"
    assert got[("vladimir-putin", "met", "donald-trump")] == ""


def test_a_date_in_a_relative_clause_after_the_statement_is_not_its_date(nlp):
    got = facts(nlp, "وتطالب روسيا بأن تتخلى أوكرانيا عن إقليم دونباس، فضلاً عن شبه جزيرة القرم "
                     "التي ضمتها روسيا عام 2014.")
    assert got[("russia", "demands", "donbas")] == ""
