"""``rawabit build`` on news datasets and pages with metadata: dates, URLs and outlets in the graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import XSD
from rdflib.namespace import DCTERMS

from rawabit.cli import main
from rawabit.graph.namespace import RWB

RECORDS = [
    {"title": "عبد العاطي يلتقي الصفدي في عمّان",
     "text": "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمّان أمس.\n"
             "ومن المقرر أن يزور الصفدي القاهرة الأحد المقبل.",
     "url": "https://alofuq.example/2025/03/20/amman", "date": "2025-03-20", "source": "صحيفة الأفق"},
    "{broken",
    {"title": "أردوغان وبوتين", "text": "أجرى الرئيس التركي رجب طيب أردوغان اتصالاً هاتفياً مع الرئيس الروسي "
                                        "فلاديمير بوتين الثلاثاء الماضي.", "date": "2025-06-12", "source": "وكالة السهل"},
]


def build(tmp_path: Path, *inputs: str, extra: tuple[str, ...] = ()) -> rdflib.Graph:
    out = tmp_path / "g.ttl"
    assert main(["build", *inputs, "-o", str(out), "-j", "1", *extra]) == 0
    return rdflib.Graph().parse(out)


def article_by_title(g: rdflib.Graph, title: str):
    [node] = [s for s, o in g.subject_objects(DCTERMS.title) if str(o) == title]
    return node


def statement_dates(g: rdflib.Graph) -> dict[tuple[str, str, str], rdflib.Literal]:
    out = {}
    for stmt, when in g.subject_objects(RWB.date):
        key = tuple(str(g.value(stmt, p)).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
                    for p in (rdflib.RDF.subject, rdflib.RDF.predicate, rdflib.RDF.object))
        out[key] = when
    return out


@pytest.fixture
def jsonl(tmp_path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in RECORDS),
                    encoding="utf-8")
    return path


def test_jsonl_articles_carry_their_metadata_and_facts_their_dates(tmp_path, jsonl, capsys):
    g = build(tmp_path, str(jsonl))
    node = article_by_title(g, "عبد العاطي يلتقي الصفدي في عمّان")
    assert g.value(node, RWB.published) == rdflib.Literal("2025-03-20", datatype=XSD.date)
    assert g.value(node, RWB.url) == rdflib.Literal("https://alofuq.example/2025/03/20/amman", datatype=XSD.anyURI)
    assert str(g.value(node, RWB.source)) == "صحيفة الأفق"
    dates = statement_dates(g)
    assert dates[("badr-abdelatty", "met", "ayman-safadi")] == rdflib.Literal("2025-03-19", datatype=XSD.date)
    assert dates[("ayman-safadi", "visited", "cairo")] == rdflib.Literal("2025-03-23", datatype=XSD.date)
    assert dates[("recep-tayyip-erdogan", "phoned", "vladimir-putin")] == rdflib.Literal("2025-06-10",
                                                                                          datatype=XSD.date)
    assert not any(k[1] == "ministerOf" for k in dates)
    assert "skipped 1 record: " in capsys.readouterr().err


def test_workers_read_datasets_the_same(tmp_path, jsonl):
    one = tmp_path / "one.ttl"
    two = tmp_path / "two.ttl"
    assert main(["build", str(jsonl), "-q", "-j", "1", "-o", str(one)]) == 0
    assert main(["build", str(jsonl), "-q", "-j", "2", "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_csv_with_named_columns(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("headline;body;published;outlet\n"
                    "زيارة تبون;زار الرئيس الجزائري عبد المجيد تبون تونس في 15 جويلية 2024.;2024-07-16;الشروق\n",
                    encoding="utf-8")
    g = build(tmp_path, str(path), extra=("-q", "--field", "text=body", "--field", "title=headline",
                                          "--field", "date=published", "--field", "source=outlet"))
    node = article_by_title(g, "زيارة تبون")
    assert g.value(node, RWB.published) == rdflib.Literal("2024-07-16", datatype=XSD.date)
    assert str(g.value(node, RWB.source)) == "الشروق"
    assert statement_dates(g)[("abdelmadjid-tebboune", "visited", "tunisia")] == rdflib.Literal(
        "2024-07-15", datatype=XSD.date)


def test_html_page_metadata_and_the_date_option_for_plain_files(tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><meta property="article:published_time" content="2025-03-20T08:00:00+02:00">'
        '<meta property="og:site_name" content="صحيفة الأفق"></head><body><article><h1>لقاء عمّان</h1>'
        "<p>التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمّان أمس.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("زيارة أنقرة\n\nاستقبل الرئيس التركي رجب طيب أردوغان الرئيس الأوكراني "
                                        "فولوديمير زيلينسكي في أنقرة اليوم.", encoding="utf-8")
    g = build(tmp_path, str(tmp_path / "page.html"), str(tmp_path / "plain.txt"),
              extra=("-q", "--date", "2025-06-12"))
    page = article_by_title(g, "لقاء عمّان")
    assert g.value(page, RWB.published) == rdflib.Literal("2025-03-20T08:00:00+02:00", datatype=XSD.dateTime)
    assert str(g.value(page, RWB.source)) == "صحيفة الأفق"
    plain = article_by_title(g, "زيارة أنقرة")
    assert g.value(plain, RWB.published) == rdflib.Literal("2025-06-12", datatype=XSD.date)
    dates = statement_dates(g)
    assert dates[("badr-abdelatty", "met", "ayman-safadi")] == rdflib.Literal("2025-03-19", datatype=XSD.date)
    assert dates[("recep-tayyip-erdogan", "met", "volodymyr-zelensky")] == rdflib.Literal("2025-06-12",
                                                                                          datatype=XSD.date)


@pytest.mark.parametrize("value", ["tomorrow", "3/4/2025", "2025-02-30"])   # 3/4: which is the month?
def test_a_bad_date_option_is_refused(tmp_path, capsys, value):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.ttl"), "--date", value])
    assert "not a date" in capsys.readouterr().err


def test_a_bad_field_option_is_an_error(tmp_path, jsonl, capsys):
    assert main(["build", str(jsonl), "-o", str(tmp_path / "g.ttl"), "--field", "body"]) == 2
    assert "NAME=COLUMN" in capsys.readouterr().err
