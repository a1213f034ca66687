"""A small hand-built Rawabit dataset in the shape of docs/graph-model.md.

Used by the store, SPARQL, server, command and cookbook tests until
``rawabit.graph.build`` can make one from articles. Import it with
:func:`load_helpers` (tests are not a package).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal

from rawabit.graph.sparql import with_prefixes
from rawabit.graph.store import from_oxigraph

__all__ = ["SAMPLE_TRIG", "ARTICLE_IDS", "ROQET", "sample_dataset", "write_sample", "roqet_select", "canonical"]

ROQET = shutil.which("roqet")
_NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("integer", "decimal", "double", "float", "int", "long")}

ARTICLE_IDS = ("a1b2c3d4e5f6", "b2c3d4e5f6a1")

SAMPLE_TRIG = """\
@prefix rwb: <https://w3id.org/rawabit/ontology#> .
@prefix id: <https://w3id.org/rawabit/id/> .
@prefix article: <https://w3id.org/rawabit/article/> .
@prefix statement: <https://w3id.org/rawabit/statement/> .
@prefix quote: <https://w3id.org/rawabit/quote/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

id:vladimir-putin a rwb:Person ; rdfs:label "فلاديمير بوتين"@ar, "Vladimir Putin"@en ;
    skos:altLabel "بوتين"@ar ; owl:sameAs wd:Q7747 ; rwb:namedInStatements 3 .
id:steve-witkoff a rwb:Person ; rdfs:label "ستيف ويتكوف"@ar, "Steve Witkoff"@en ; skos:altLabel "ويتكوف"@ar ; rwb:namedInStatements 4 .
id:donald-trump a rwb:Person ; rdfs:label "دونالد ترمب"@ar, "Donald Trump"@en ; skos:altLabel "ترامب"@ar ; rwb:namedInStatements 2 .
id:dmitry-peskov a rwb:Person ; rdfs:label "دِمِتري بيسكوف"@ar, "Dmitry Peskov"@en ; rwb:namedInStatements 2 .
id:volodymyr-zelensky a rwb:Person ; rdfs:label "فولوديمير زيلينسكي"@ar, "Volodymyr Zelensky"@en ; rwb:namedInStatements 3 .
id:kremlin a rwb:Organization ; rdfs:label "الكرملين"@ar, "Kremlin"@en ; rwb:namedInStatements 1 .
id:russia a rwb:Country ; rdfs:label "روسيا"@ar, "Russia"@en ; rwb:namedInStatements 1 .
id:ukraine a rwb:Country ; rdfs:label "أوكرانيا"@ar, "Ukraine"@en ; rwb:namedInStatements 1 .
id:united-states a rwb:Country ; rdfs:label "الولايات المتحدة"@ar, "United States"@en ; rwb:namedInStatements 1 .
id:moscow a rwb:City ; rdfs:label "موسكو"@ar, "Moscow"@en ; rwb:namedInStatements 2 .
id:donbas a rwb:Region ; rdfs:label "دونباس"@ar, "Donbas"@en ; rwb:namedInStatements 1 .
id:topic-ceasefire a rwb:Topic ; rdfs:label "وقف إطلاق النار"@ar, "ceasefire"@en ; rwb:namedInStatements 2 .
id:topic-sanctions a rwb:Topic ; rdfs:label "العقوبات"@ar, "sanctions"@en ; rwb:namedInStatements 1 .

article:a1b2c3d4e5f6 a rwb:Article ; dcterms:title "ترمب يشيد بمباحثات مبعوثه"@ar ;
    rwb:sourcePath "news/day1.txt" ; rwb:partIndex 0 ; rwb:published "2025-12-05"^^xsd:date ;
    rwb:source "وكالة الأنباء النموذجية" ; rwb:url "https://wire.example/2025/12/05/envoy"^^xsd:anyURI ;
    rwb:mentions id:vladimir-putin, id:steve-witkoff, id:donald-trump, id:moscow ;
    rwb:statementCount 7 ; rwb:assertedCount 6 .
article:b2c3d4e5f6a1 a rwb:Article ; dcterms:title "الكرملين: لا اتصال مع كييف"@ar ;
    rwb:sourcePath "news/day2.txt" ; rwb:partIndex 0 ;
    rwb:mentions id:dmitry-peskov, id:kremlin, id:volodymyr-zelensky, id:moscow ;
    rwb:statementCount 5 ; rwb:assertedCount 4 .

rwb:Asserted rwb:statementCount 10 .
rwb:Denied rwb:statementCount 1 .
rwb:Planned rwb:statementCount 1 .
<https://w3id.org/rawabit/rule/interaction.phone> a rwb:Rule ; rdfs:label "interaction.phone" ; rwb:statementCount 2 .
<https://w3id.org/rawabit/rule/interaction.verb> a rwb:Rule ; rdfs:label "interaction.verb" ; rwb:statementCount 2 .
<https://w3id.org/rawabit/rule/place.gazetteer> a rwb:Rule ; rdfs:label "place.gazetteer" ; rwb:statementCount 1 .
<https://w3id.org/rawabit/rule/position.demand> a rwb:Rule ; rdfs:label "position.demand" ; rwb:statementCount 1 .
<https://w3id.org/rawabit/rule/position.reject> a rwb:Rule ; rdfs:label "position.reject" ; rwb:statementCount 1 .
<https://w3id.org/rawabit/rule/role.title> a rwb:Rule ; rdfs:label "role.title" ; rwb:statementCount 3 .
<https://w3id.org/rawabit/rule/stance.verb> a rwb:Rule ; rdfs:label "stance.verb" ; rwb:statementCount 2 .

article:a1b2c3d4e5f6 {
    id:vladimir-putin rwb:met id:steve-witkoff .
    id:donald-trump rwb:phoned id:vladimir-putin .
    id:donald-trump rwb:praised id:steve-witkoff .
    id:vladimir-putin rwb:presidentOf id:russia .
    id:steve-witkoff rwb:envoyOf id:united-states .
    id:donbas rwb:locatedIn id:ukraine .

    statement:0000000000000001 a rwb:Statement ; rdf:subject id:vladimir-putin ; rdf:predicate rwb:met ;
        rdf:object id:steve-witkoff ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 1 ; rwb:charStart 40 ; rwb:charEnd 80 ;
        rwb:evidence "التقى ويتكوف بوتين في موسكو."@ar ; rwb:rule "interaction.verb" ; rwb:confidence 0.9 ;
        rwb:date "2025-12-02"^^xsd:date .
    statement:0000000000000002 a rwb:Statement ; rdf:subject id:donald-trump ; rdf:predicate rwb:phoned ;
        rdf:object id:vladimir-putin ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 2 ; rwb:charStart 81 ; rwb:charEnd 130 ;
        rwb:evidence "وأجرى ترمب اتصالا هاتفيا مع بوتين."@ar ; rwb:rule "interaction.phone" ; rwb:confidence 0.85 ;
        rwb:date "2025-12-04"^^xsd:date .
    statement:0000000000000003 a rwb:Statement ; rdf:subject id:donald-trump ; rdf:predicate rwb:praised ;
        rdf:object id:steve-witkoff ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 0 ; rwb:charStart 0 ; rwb:charEnd 39 ;
        rwb:evidence "ترمب يشيد بمباحثات مبعوثه"@ar ; rwb:rule "stance.verb" ; rwb:confidence 0.6 .
    statement:0000000000000004 a rwb:Statement ; rdf:subject id:vladimir-putin ; rdf:predicate rwb:presidentOf ;
        rdf:object id:russia ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 1 ; rwb:charStart 40 ; rwb:charEnd 80 ;
        rwb:evidence "التقى ويتكوف بوتين في موسكو."@ar ; rwb:rule "role.title" ; rwb:confidence 0.95 .
    statement:0000000000000005 a rwb:Statement ; rdf:subject id:steve-witkoff ; rdf:predicate rwb:envoyOf ;
        rdf:object id:united-states ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 1 ; rwb:charStart 40 ; rwb:charEnd 80 ;
        rwb:evidence "التقى ويتكوف بوتين في موسكو."@ar ; rwb:rule "role.title" ; rwb:confidence 0.9 .
    statement:0000000000000006 a rwb:Statement ; rdf:subject id:donbas ; rdf:predicate rwb:locatedIn ;
        rdf:object id:ukraine ; rwb:status rwb:Asserted ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 3 ; rwb:charStart 131 ; rwb:charEnd 170 ;
        rwb:evidence "وتطالب موسكو بانسحاب كييف من دونباس في أوكرانيا."@ar ; rwb:rule "place.gazetteer" ;
        rwb:confidence 1.0 .
    statement:0000000000000007 a rwb:Statement ; rdf:subject id:steve-witkoff ; rdf:predicate rwb:met ;
        rdf:object id:volodymyr-zelensky ; rwb:status rwb:Planned ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 4 ; rwb:charStart 171 ; rwb:charEnd 210 ;
        rwb:evidence "ومن المقرر أن يلتقي ويتكوف زيلينسكي."@ar ; rwb:rule "interaction.verb" ; rwb:confidence 0.7 ;
        rwb:date "2025-12"^^xsd:gYearMonth .
    quote:1000000000000001 a rwb:Quote ; rwb:speaker id:donald-trump ;
        rwb:quoteText "كانت المباحثات جيدة جدا"@ar ; rwb:direct true ; rwb:article article:a1b2c3d4e5f6 ;
        rwb:sentenceIndex 5 ; rwb:charStart 211 ; rwb:charEnd 240 .
}

article:b2c3d4e5f6a1 {
    id:moscow rwb:demands id:topic-sanctions .
    id:dmitry-peskov rwb:spokespersonOf id:kremlin .
    id:moscow rwb:rejects id:topic-ceasefire .
    id:volodymyr-zelensky rwb:supports id:topic-ceasefire .

    statement:0000000000000011 a rwb:Statement ; rdf:subject id:moscow ; rdf:predicate rwb:demands ;
        rdf:object id:topic-sanctions ; rwb:status rwb:Asserted ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 1 ; rwb:charStart 30 ; rwb:charEnd 70 ;
        rwb:evidence "وتطالب موسكو برفع العقوبات."@ar ; rwb:rule "position.demand" ; rwb:confidence 0.8 .
    statement:0000000000000012 a rwb:Statement ; rdf:subject id:dmitry-peskov ; rdf:predicate rwb:spokespersonOf ;
        rdf:object id:kremlin ; rwb:status rwb:Asserted ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 0 ; rwb:charStart 0 ; rwb:charEnd 29 ;
        rwb:evidence "قال المتحدث باسم الكرملين دِمِتري بيسكوف"@ar ; rwb:rule "role.title" ; rwb:confidence 0.95 .
    statement:0000000000000013 a rwb:Statement ; rdf:subject id:moscow ; rdf:predicate rwb:rejects ;
        rdf:object id:topic-ceasefire ; rwb:status rwb:Asserted ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 2 ; rwb:charStart 71 ; rwb:charEnd 110 ;
        rwb:evidence "وترفض موسكو وقف إطلاق النار."@ar ; rwb:rule "position.reject" ; rwb:confidence 0.5 .
    statement:0000000000000014 a rwb:Statement ; rdf:subject id:volodymyr-zelensky ; rdf:predicate rwb:supports ;
        rdf:object id:topic-ceasefire ; rwb:status rwb:Asserted ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 3 ; rwb:charStart 111 ; rwb:charEnd 150 ;
        rwb:evidence "ويدعم زيلينسكي وقف إطلاق النار."@ar ; rwb:rule "stance.verb" ; rwb:confidence 0.75 .
    statement:0000000000000015 a rwb:Statement ; rdf:subject id:dmitry-peskov ; rdf:predicate rwb:phoned ;
        rdf:object id:volodymyr-zelensky ; rwb:status rwb:Denied ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 4 ; rwb:charStart 151 ; rwb:charEnd 190 ;
        rwb:evidence "ونفى بيسكوف أي اتصال هاتفي مع زيلينسكي."@ar ; rwb:rule "interaction.phone" ; rwb:confidence 0.65 .
    quote:1000000000000002 a rwb:Quote ; rwb:speaker id:dmitry-peskov ;
        rwb:quoteText "لا توجد أي اتصالات مع كييف"@ar ; rwb:direct true ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 4 ; rwb:charStart 151 ; rwb:charEnd 190 .
    quote:1000000000000003 a rwb:Quote ; rwb:speaker id:dmitry-peskov ;
        rwb:quoteText "موسكو منفتحة على الحوار"@ar ; rwb:direct false ; rwb:article article:b2c3d4e5f6a1 ;
        rwb:sentenceIndex 5 ; rwb:charStart 191 ; rwb:charEnd 220 .
}
"""


def sample_dataset() -> Dataset:
    """The sample as an rdflib Dataset (entities in the default graph)."""
    dataset = Dataset()
    dataset.parse(data=SAMPLE_TRIG, format="trig")
    return dataset


def write_sample(directory: Path, ext: str = ".trig") -> Path:
    """Write the sample to ``directory/sample<ext>``; ``.ttl``/``.nt`` get the union graph."""
    path = Path(directory) / f"sample{ext}"
    dataset = sample_dataset()
    fmt = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml"}[ext]
    if fmt in ("trig", "nquads", "json-ld"):
        dataset.serialize(destination=str(path), format=fmt, encoding="utf-8")
    else:
        union = Graph()
        for prefix, ns in dataset.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        union.serialize(destination=str(path), format=fmt, encoding="utf-8")
    return path


def roqet_select(data: Path, query: str) -> tuple[tuple[str, ...], list[tuple]]:
    """Run a SELECT in Rasqal's ``roqet`` over a Turtle file; return (variables, rows).

    roqet lists no variables when there are no rows.
    """
    done = subprocess.run([ROQET, "-q", "-i", "sparql", "-r", "xml", "-D", str(data), "-e", with_prefixes(query)],
                          capture_output=True, timeout=120, check=False)
    if done.returncode not in (0, 2) or b"<sparql" not in done.stdout:
        raise AssertionError(f"roqet failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    # roqet writes unbound variables as <unbound/> (old drafts), which the standard parser refuses
    xml = re.sub(rb"<binding name=\"[^\"]*\">\s*<unbound/>\s*</binding>", b"", done.stdout)
    answer = ox.parse_query_results(xml, format=ox.QueryResultsFormat.XML)
    names = tuple(v.value for v in answer.variables)
    rows = [tuple(None if (t := sol[n]) is None else from_oxigraph(t) for n in names) for sol in answer]
    return names, rows


def canonical(rows) -> list[tuple]:
    """Rows comparable across engines: numbers by value, sorted (ties may come in any order)."""
    def term(t):
        if isinstance(t, Literal) and t.datatype and str(t.datatype) in _NUMERIC:
            return ("number", round(float(t), 6))
        if isinstance(t, Literal):
            return ("literal", str(t), t.language or "", str(t.datatype or ""))
        return ("term", str(t) if t is not None else "")
    return sorted((tuple(term(t) for t in row) for row in rows), key=repr)
