"""How many statements carry a date, whether each is a valid literal, and how often it is right.

    .venv/bin/python benchmarks/dates.py /tmp/21.ttl       # coverage and validity of a built graph
    .venv/bin/python benchmarks/dates.py --sample          # accuracy on tests/data/dated

The sample is a few articles of our own writing with their dates worked out by
hand (``tests/data/dated/expected.tsv``): of the dates the pipeline gives, the
share that are right (a date on a statement that must stay undated is wrong),
and of the hand-written dates, the share the pipeline finds.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "dated"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_FORMS = {"date": re.compile(r"^\d{4}-\d\d-\d\d$"), "gYearMonth": re.compile(r"^\d{4}-\d\d$"),
          "gYear": re.compile(r"^\d{4}$")}


def valid_date_literal(value: str, datatype: str) -> bool:
    """Whether *value* is a valid lexical form of ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``
    (*datatype* as a full IRI), without a time zone."""
    name = datatype[len(_XSD):] if datatype.startswith(_XSD) else ""
    form = _FORMS.get(name)
    if form is None or not form.match(value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def graph_coverage(path: str | Path) -> tuple[int, int, list[str]]:
    """(statements, dated statements, invalid date literals) of a built Turtle graph."""
    import pyoxigraph as ox
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    rwb = "https://w3id.org/rawabit/ontology#"
    statements = sum(1 for _ in store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(rwb + "Statement")))
    dated, invalid = 0, []
    for quad in store.quads_for_pattern(None, ox.NamedNode(rwb + "date"), None):
        dated += 1
        lit = quad.object
        if not isinstance(lit, ox.Literal) or not valid_date_literal(lit.value, lit.datatype.value):
            invalid.append(str(lit))
    return statements, dated, invalid


def expected_dates(folder: Path = SAMPLE) -> dict[tuple[str, str, str, str], str]:
    """(title, subject, relation, object) -> the hand-written date, ``""`` for must-stay-undated."""
    with (folder / "expected.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {(r["title"], r["subject"], r["relation"], r["object"]): "" if r["date"] == "-" else r["date"]
                for r in rows}


def sample_accuracy(folder: Path = SAMPLE) -> dict[str, object]:
    """Run the pipeline over the sample and compare its dates with the hand-written ones.

    Returns:
        ``given`` (dates the pipeline gave), ``right`` (of those, equal to the
        hand-written date), ``expected`` (hand-written dates), ``found`` (of
        those, given right) and ``wrong`` (the wrong ones, for reading).
    """
    from rawabit.extract.pipeline import Pipeline
    from rawabit.extract.reading.reader import read_articles
    expected = expected_dates(folder)
    given = right = 0
    found: set[tuple] = set()
    wrong = []
    for doc in Pipeline.default().pipe(read_articles([folder / "news.jsonl"])):
        for fact in doc.facts:
            key = (doc.article.title, fact.subject, fact.relation, fact.object)
            if not fact.date:
                continue
            given += 1
            if expected.get(key) == fact.date:
                right += 1
                found.add(key)
            else:
                wrong.append((key, fact.date, expected.get(key)))
    return {"given": given, "right": right, "expected": sum(1 for v in expected.values() if v),
            "found": len(found), "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graph", nargs="?", help="a Turtle graph built by rawabit")
    parser.add_argument("--sample", action="store_true", help="accuracy on tests/data/dated")
    args = parser.parse_args(argv)
    if args.graph:
        statements, dated, invalid = graph_coverage(args.graph)
        share = dated / statements if statements else 0.0
        print(f"{args.graph}: {dated} of {statements} statements dated ({share:.1%}); "
              f"{len(invalid)} invalid date literals")
        for lit in invalid[:10]:
            print(f"  invalid: {lit}")
    if args.sample or not args.graph:
        result = sample_accuracy()
        given, right = result["given"], result["right"]
        print(f"dated sample: {right} of {given} dates given are right "
              f"({right / given if given else 0:.1%}); {result['found']} of {result['expected']} "
              "hand-written dates found")
        for key, got, want in result["wrong"]:
            print(f"  wrong: {' '.join(key)}: {got} (expected {want or 'no date'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
