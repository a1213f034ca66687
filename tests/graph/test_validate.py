"""Tests of rawabit.graph.validate and the ``rawabit validate`` command."""
from __future__ import annotations


import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal

from rawabit.cli import main
from rawabit.graph.build import build_dataset, union_graph
from rawabit.graph.namespace import ID, RWB
from rawabit.graph.validate import ValidationReport, Violation, shapes_graph, validate


from support import sample_extraction as sample  # noqa: E402  (tests/support, see conftest.py)


@pytest.fixture
def good() -> Graph:
    return union_graph(build_dataset(sample.make_extraction()))


def _statement(graph: Graph, status):
    return next(iter(graph.subjects(RWB.status, status)))


def _problems(graph: Graph) -> set[tuple[str, str]]:
    report = validate(graph)
    assert not report.conforms
    return {(v.focus, v.message) for v in report.violations}


def test_a_built_graph_conforms(good):
    report = validate(good)
    assert report.conforms, report.text()
    assert report.violations == ()
    assert "conforms" in report.text()


def test_a_dataset_is_validated_as_its_union():
    assert validate(build_dataset(sample.make_extraction())).conforms


def test_missing_arabic_label_is_reported_with_the_node(good):
    good.remove((ID["kyiv"], RDFS.label, Literal("كييف", lang="ar")))
    report = validate(good)
    assert not report.conforms
    (v,) = report.violations
    assert v.focus == str(ID["kyiv"])
    assert v.label == "Kyiv"  # the English label stands in when the Arabic one is missing
    assert v.path == "rdfs:label"
    assert "Arabic rdfs:label" in v.message
    assert "Kyiv" in str(v) and "rdfs:label" in report.text()


def test_bad_range_is_reported(good):
    good.add((ID["vladimir-putin"], RWB.presidentOf, ID["moscow"]))
    assert (str(ID["moscow"]), "the object of rwb:presidentOf must be a Country") in _problems(good)


def test_bad_domain_is_reported(good):
    good.add((ID["russia"], RWB.advisorTo, ID["vladimir-putin"]))
    assert (str(ID["russia"]), "the subject of rwb:advisorTo must be a Person") in _problems(good)


def test_two_classes_are_reported(good):
    good.add((ID["kyiv"], RDF.type, RWB.Region))
    assert any("exactly one class" in m for _, m in _problems(good))


def test_untyped_relation_end_is_reported(good):
    good.add((ID["vladimir-putin"], RWB.met, ID["nobody"]))
    problems = {m for f, m in _problems(good) if f == str(ID["nobody"])}
    assert "the object of rwb:met must be an agent (Person, Organization, Country, City or Region)" in problems


def test_statement_provenance_is_checked(good):
    planned = _statement(good, RWB.Planned)
    good.set((planned, RWB.charStart, Literal(10_000)))
    good.set((planned, RWB.confidence, Literal("1.5", datatype=XSD.decimal)))
    good.remove((planned, RWB.rule, None))
    messages = {m for f, m in _problems(good) if f == str(planned)}
    assert "rwb:charStart must not exceed rwb:charEnd" in messages
    assert "a statement needs exactly one rwb:confidence, a decimal in [0, 1]" in messages
    assert "a statement needs its rwb:rule, a string" in messages


def test_plain_triple_of_a_denied_statement_is_reported(good):
    denied = _statement(good, RWB.Denied)
    good.add((ID["vladimir-putin"], RWB.met, ID["volodymyr-zelensky"]))
    messages = {m for f, m in _problems(good) if f == str(denied)}
    assert any("not asserted" in m for m in messages)


def test_asserted_statement_without_plain_triple_is_reported(good):
    good.remove((ID["steve-witkoff"], RWB.met, ID["vladimir-putin"]))
    assert any("plain triple is missing" in m for _, m in _problems(good))


def test_shapes_graph_is_a_copy():
    g = shapes_graph()
    g.remove((None, None, None))
    assert len(shapes_graph()) > 0


def test_report_text_lists_problems():
    report = ValidationReport(False, (Violation("x", "س", "rdfs:label", "bad"),))
    assert not report and len(report) == 1
    assert report.text().splitlines() == ["1 problem(s) found:", "  violation: س <x> rdfs:label: bad"]


def test_validate_command_exit_codes(good, tmp_path, capsys):
    ok = tmp_path / "ok.ttl"
    good.serialize(destination=str(ok), format="turtle", encoding="utf-8")
    assert main(["validate", str(ok)]) == 0
    assert "conforms" in capsys.readouterr().out

    good.remove((ID["kyiv"], RDFS.label, None))
    bad = tmp_path / "bad.trig"
    bad_ds = build_dataset(sample.make_extraction())
    bad_ds.remove((ID["kyiv"], RDFS.label, None, None))
    bad_ds.serialize(destination=str(bad), format="trig")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "كييف" not in out and "id:kyiv" in out and "Arabic rdfs:label" in out
    assert "does not conform" in out


def test_validate_command_reports_unreadable_input(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    (tmp_path / "x.pdf").write_text("x")
    assert main(["validate", str(tmp_path / "x.pdf")]) == 2
    (tmp_path / "broken.ttl").write_text("this is not turtle")
    assert main(["validate", str(tmp_path / "broken.ttl")]) == 2
    assert "rawabit: error:" in capsys.readouterr().err


def test_dates_must_be_dates_months_or_years(good):
    stmt = _statement(good, RWB.Asserted)
    good.add((stmt, RWB.date, Literal("2025-03", datatype=XSD.gYearMonth)))
    assert validate(good).conforms
    good.add((stmt, RWB.date, Literal("18 مارس 2025")))
    assert (str(stmt), "a statement has at most one rwb:date, an xsd:date, xsd:gYearMonth or xsd:gYear") \
        in _problems(good)


def test_an_article_date_must_be_a_date_or_date_time(good):
    article = next(iter(good.subjects(RDF.type, RWB.Article)))
    good.add((article, RWB.published, Literal("2025-03-18T09:30:00+02:00", datatype=XSD.dateTime)))
    good.add((article, RWB.source, Literal("صحيفة الأفق")))
    assert validate(good).conforms
    good.set((article, RWB.published, Literal("yesterday")))
    assert (str(article), "an article has at most one rwb:published, an xsd:date or xsd:dateTime") in _problems(good)
