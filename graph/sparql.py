"""SPARQL over a graph file or a store, with results as tables, CSV, TSV or JSON.

Two engines answer the same queries: pyoxigraph (the default, fast) and rdflib.
Both query the union of the default and the named graphs, and both see the
Rawabit prefixes (:data:`rawabit.graph.namespace.PREFIXES`) predeclared; a
``PREFIX`` in the query wins over a predeclared one.

Over named graphs (a store, TriG, N-Quads) Oxigraph's union default graph is a
bag, not a set: a plain fact that two articles assert matches once per article
graph, where the Turtle export (and rdflib) has it once. Queries over plain
fact triples say ``DISTINCT`` when that matters.

>>> result = run_query("graph.ttl", "SELECT ?p WHERE { ?p a rwb:Person }")  # doctest: +SKIP
>>> print(result.format("table"))                                         # doctest: +SKIP
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from rawabit.errors import FormatError, InputError, QueryError

from .namespace import PREFIXES
from .store import GraphStore, from_oxigraph, to_oxigraph

__all__ = [
    "ENGINES", "FORMATS", "GRAPH_FILE_EXTENSIONS", "Result", "run_query", "load_file", "graph_file_format",
    "with_prefixes", "is_update", "format_result", "display_width", "shorten",
]

ENGINES: tuple[str, ...] = ("auto", "oxigraph", "rdflib")
#: Output formats: the first four for SELECT and ASK, ``turtle``/``nt``/``json`` for CONSTRUCT.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "nt")
#: Graph file extension -> (rdflib parser name, pyoxigraph format).
GRAPH_FILE_EXTENSIONS: dict[str, tuple[str, ox.RdfFormat]] = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
    ".json": ("json-ld", ox.RdfFormat.JSON_LD),
    ".rdf": ("xml", ox.RdfFormat.RDF_XML),
    ".xml": ("xml", ox.RdfFormat.RDF_XML),
    ".owl": ("xml", ox.RdfFormat.RDF_XML),
    ".n3": ("n3", ox.RdfFormat.N3),
}

_XSD = PREFIXES["xsd"]
_BARE_DATATYPES = {_XSD + t for t in ("integer", "decimal", "double", "boolean")}
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^\s*#.*$", re.MULTILINE)
_PROLOGUE = r"(?:\s*(?:PREFIX\s+[\w.-]*\s*:\s*<[^>]*>|BASE\s*<[^>]*>))*"
_UPDATE = re.compile(_PROLOGUE + r"\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SELECT_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)
_LOCAL_NAME = re.compile(r"[\w][\w.-]*(?<!\.)\Z|\Z")

Source = str | Path | GraphStore | Graph | ox.Store


@dataclass(frozen=True, slots=True)
class Result:
    """The answer to a query, engine-independent (terms are rdflib terms).

    Attributes:
        kind: ``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE).
        variables: SELECT variable names, in projection order.
        rows: SELECT solutions; an unbound variable is None.
        boolean: The ASK answer.
        graph: The CONSTRUCT/DESCRIBE triples.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        if self.kind == "graph":
            return len(self.graph or ())
        return len(self.rows) if self.kind == "select" else 1

    def bindings(self) -> list[dict[str, Node]]:
        """The SELECT solutions as dicts of the bound variables."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def __iter__(self) -> Iterator[Any]:
        """The SELECT rows, the CONSTRUCT/DESCRIBE triples, or the ASK answer alone."""
        if self.kind == "graph":
            return iter(self.graph or ())
        return iter(self.rows) if self.kind == "select" else iter((bool(self.boolean),))

    def to_pandas(self) -> Any:
        """The SELECT rows as a :class:`pandas.DataFrame`, one column per variable.

        IRIs are shortened as in the table format (``id:vladimir-putin``),
        literals become Python values (numbers as ``int`` or ``float``, text
        as ``str``), unbound variables ``None``.

        Raises:
            QueryError: The result is not a SELECT result.
            ImportError: pandas is not installed (``pip install pandas``).
        """
        if self.kind != "select":
            raise QueryError(f"only a SELECT result is a table; this is a{'n' if self.kind == 'ask' else ''} "
                             f"{self.kind.upper()} result")
        try:
            import pandas
        except ImportError as exc:
            raise ImportError("Result.to_pandas() needs pandas: pip install pandas") from exc
        return pandas.DataFrame([[_python_value(t) for t in row] for row in self.rows], columns=list(self.variables))

    def format(self, fmt: str = "table") -> str:
        """Shorthand for :func:`format_result`."""
        return format_result(self, fmt)


def run_query(source: Source, sparql: str, *, engine: str = "auto") -> Result:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over *source*.

    Args:
        source: A graph file (``.ttl .nt .nq .trig .jsonld .rdf``), a store
            directory, a :class:`GraphStore`, an rdflib graph or dataset, or a
            :class:`pyoxigraph.Store`.
        sparql: The query; Rawabit prefixes need not be declared.
        engine: ``oxigraph``, ``rdflib`` or ``auto`` (oxigraph).

    Returns:
        The :class:`Result`.

    Raises:
        QueryError: The query is malformed, an update, or fails.
        InputError: A graph file is missing or unreadable.
        StoreError: A store directory cannot be opened.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if is_update(sparql):
        raise QueryError("SPARQL updates are not allowed; the graph is read-only")
    engine = "oxigraph" if engine == "auto" else engine
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        with GraphStore.open(source, read_only=True) as store:
            return run_query(store, sparql, engine=engine)
    if isinstance(source, (str, Path)):
        source = load_file(source, engine=engine)
    if engine == "oxigraph":
        return _run_oxigraph(_as_oxigraph(source), sparql)
    return _run_rdflib(_as_rdflib(source), sparql)


def graph_file_format(path: Path) -> tuple[str, ox.RdfFormat]:
    """The rdflib and pyoxigraph formats of graph file *path*, by its extension.

    Raises:
        InputError: The file is missing.
        FormatError: The extension is not a known RDF format.
    """
    if not path.is_file():
        raise InputError(f"no graph file at {path}")
    try:
        return GRAPH_FILE_EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = " ".join(GRAPH_FILE_EXTENSIONS)
        raise FormatError(f"cannot tell the RDF format of {path.name}; use one of {known}") from None


def load_file(path: str | Path, *, engine: str = "oxigraph") -> ox.Store | Dataset:
    """Read a graph file into an in-memory store (oxigraph) or dataset (rdflib).

    Raises:
        InputError: The file is missing or is not valid RDF.
        FormatError: The extension is not a known RDF format.
    """
    path = Path(path)
    rdflib_format, ox_format = graph_file_format(path)
    try:
        if engine == "rdflib":
            dataset = Dataset(default_union=True)
            dataset.parse(str(path), format=rdflib_format)
            return dataset
        store = ox.Store()
        store.load(path=str(path), format=ox_format)
        return store
    except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path} as {rdflib_format}: {_one_line(exc)}") from None
    except Exception as exc:  # rdflib parsers raise their own exception types
        raise InputError(f"cannot read {path} as {rdflib_format}: {_one_line(exc)}") from None


def with_prefixes(sparql: str) -> str:
    """Prepend the Rawabit prefixes that *sparql* does not declare itself."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(_COMMENT_LINE.sub("", sparql))}
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    return "\n".join([*missing, sparql]) if missing else sparql


def is_update(sparql: str) -> bool:
    """Whether *sparql* is a SPARQL Update request (INSERT, DELETE, LOAD, DROP…)."""
    return bool(_UPDATE.match(_COMMENT_LINE.sub("", sparql)))


def format_result(result: Result, fmt: str = "table") -> str:
    """Write *result* as text.

    Args:
        result: A query result.
        fmt: ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 Query Results
            JSON) for SELECT and ASK; for CONSTRUCT ``turtle`` (also given for
            ``table``), ``nt`` or ``json`` (JSON-LD).

    Raises:
        FormatError: *fmt* is unknown or does not fit the kind of result.
    """
    if fmt not in FORMATS:
        raise FormatError(f"unknown result format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        rdf_format = {"table": "turtle", "turtle": "turtle", "nt": "nt", "json": "json-ld"}.get(fmt)
        if rdf_format is None:
            raise FormatError(f"a CONSTRUCT or DESCRIBE result cannot be written as {fmt}; use turtle, nt or json")
        return result.graph.serialize(format=rdf_format)
    if fmt in ("turtle", "nt"):
        raise FormatError(f"a {result.kind.upper()} result cannot be written as {fmt}; use table, csv, tsv or json")
    if fmt == "json":
        return _json(result)
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + ("\r\n" if fmt == "csv" else "\n")
    return {"table": _table, "csv": _csv, "tsv": _tsv}[fmt](result)


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: wide East Asian characters count 2,
    combining marks (Arabic harakat) and format characters 0, the rest 1."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def shorten(term: Node | None) -> str:
    """A term as shown in a table: ``prefix:local`` for IRIs when possible,
    ``<iri>`` otherwise, a literal's text as-is, ``_:id`` for blank nodes."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max((iri for iri in PREFIXES.values() if term.startswith(iri)), key=len, default=None)
        if best is not None:
            local = term[len(best):]
            if _LOCAL_NAME.match(local):
                name = next(n for n, iri in PREFIXES.items() if iri == best)
                return f"{name}:{local}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if any(c in str(term) for c in "\n\r\t") else str(term)


# -- engines ---------------------------------------------------------------

def _run_oxigraph(store: ox.Store, sparql: str) -> Result:
    try:
        answer = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return Result("ask", boolean=bool(answer))
        term = _TermCache()
        if isinstance(answer, ox.QueryTriples):
            graph = _new_graph()
            for t in answer:
                graph.add((term(t.subject), term(t.predicate), term(t.object)))
            return Result("graph", graph=graph)
        order = [v.value for v in answer.variables]
        names = _projection(sparql, order)
        columns = [order.index(n) for n in names]
        rows = tuple(tuple(None if (t := sol[i]) is None else term(t) for i in columns) for sol in answer)
        return Result("select", variables=names, rows=rows)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_one_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None


class _TermCache(dict):
    """pyoxigraph term -> rdflib term, each distinct term converted once.

    Rows repeat the same entities, relations, statuses and numbers, and making
    an rdflib literal (above all a typed one) costs ten times a dict lookup.
    """

    def __call__(self, term: object) -> Node:
        node = self.get(term)
        if node is None:
            node = self[term] = from_oxigraph(term)
        return node


def _run_rdflib(graph: Graph, sparql: str) -> Result:
    union = getattr(graph, "default_union", None)
    if union is False:
        graph.default_union = True
    try:
        answer = graph.query(sparql, initNs=PREFIXES)
        if answer.type == "ASK":
            return Result("ask", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            result = _new_graph()
            for triple in answer.graph or ():
                result.add(triple)
            return Result("graph", graph=result)
        names = _projection(sparql, [str(v) for v in answer.vars or ()])
        rows = tuple(tuple(row.get(n) if hasattr(row, "get") else row[n] for n in names) for row in answer)
        return Result("select", variables=names, rows=rows)
    except QueryError:
        raise
    except Exception as exc:  # pyparsing.ParseException and evaluation errors
        kind = "malformed query" if type(exc).__name__ == "ParseException" else "query failed"
        raise QueryError(f"{kind}: {_one_line(exc)}") from None
    finally:
        if union is False:
            graph.default_union = False


def _as_oxigraph(source: Source) -> ox.Store:
    if isinstance(source, GraphStore):
        return source.oxigraph
    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    quads = source.quads((None, None, None, None)) if isinstance(source, Dataset) else (
        (s, p, o, None) for s, p, o in source)
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o),
                         ox.DefaultGraph() if g is None or str(g).startswith("urn:x-rdflib:") else to_oxigraph(g))
                 for s, p, o, g in quads)
    return store


def _as_rdflib(source: Source) -> Graph:
    if isinstance(source, GraphStore):
        return source.to_dataset()
    if isinstance(source, ox.Store):
        dataset = Dataset(default_union=True)
        data = source.dump(format=ox.RdfFormat.N_QUADS)
        if data:
            dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset
    return source


def _new_graph() -> Graph:
    graph = Graph()
    for name, iri in PREFIXES.items():
        graph.bind(name, iri, override=True)
    return graph


def _projection(sparql: str, names: list[str]) -> tuple[str, ...]:
    """Variables in projection order; for ``SELECT *`` the order of first use in the text."""
    if _SELECT_STAR.search(sparql):
        text = _COMMENT_LINE.sub("", sparql)
        names = sorted(names, key=lambda n: (m.start() if (m := re.search(
            r"[?$]" + re.escape(n) + r"\b", text)) else len(text)))
    return tuple(names)


# -- formats -----------------------------------------------------------------

def _table(result: Result) -> str:
    rows = [list(result.variables)] + [[shorten(t) for t in row] for row in result.rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(result.variables))]
    rule = ["-" * w for w in widths]
    lines = []
    for row in [rows[0], rule, *rows[1:]]:
        cells = [cell + " " * (w - display_width(cell)) for cell, w in zip(row, widths)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


def _tsv(result: Result) -> str:
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join(_turtle_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _turtle_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    if term.datatype and str(term.datatype) in _BARE_DATATYPES and _bare_ok(term):
        return str(term)
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\r", "\\r").replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    return f'"{text}"^^<{term.datatype}>' if term.datatype else f'"{text}"'


def _bare_ok(term: Literal) -> bool:
    kind = str(term.datatype)[len(_XSD):]
    patterns = {"integer": r"[+-]?\d+", "decimal": r"[+-]?\d*\.\d+", "double": r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+",
                "boolean": r"true|false"}
    return re.fullmatch(patterns[kind], str(term)) is not None


def _json(result: Result) -> str:
    if result.kind == "ask":
        data: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows]
        data = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _python_value(term: Node | None) -> Any:
    """*term* as a DataFrame cell: a shortened IRI, a literal's Python value, or None."""
    if term is None or not isinstance(term, Literal):
        return None if term is None else shorten(term)
    value = term.toPython()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, (int, float, bool, str, date)) else str(term)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
