"""Checking a graph against the SHACL shapes of ``ontology/shapes.ttl``.

Example:
    >>> report = validate(graph)
    >>> report.conforms
    True
    >>> print(report.text())
    The graph conforms to the Rawabit shapes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from rawabit.ontology import SHAPES_TTL

from .build import bind_prefixes, union_graph

__all__ = ["Violation", "ValidationReport", "validate", "shapes_graph"]

_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in words.

    Attributes:
        focus: IRI (or literal text) of the node that fails.
        label: The focus node's label (Arabic first), or its prefixed name.
        path: Prefixed name of the property at fault, or ``""``.
        message: What is wrong.
        value: The offending value in prefixed or literal form, or ``""``.
        severity: ``violation``, ``warning`` or ``info``.
        shape: Prefixed name of the shape that fails, or ``""`` when blank.
    """

    focus: str
    label: str
    path: str
    message: str
    value: str = ""
    severity: str = "violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.label} <{self.focus}>" if self.label != self.focus else f"<{self.focus}>"
        path = f" {self.path}:" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}{path} {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes:
        conforms: True when no result has severity ``violation``.
        violations: Every result, sorted by focus node, path and message.
    """

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def __bool__(self) -> bool:
        return self.conforms

    def __len__(self) -> int:
        return len(self.violations)

    def text(self) -> str:
        """Return the report as lines meant for people."""
        if not self.violations:
            return "The graph conforms to the Rawabit shapes."
        head = f"{len(self.violations)} problem(s) found:"
        return "\n".join([head, *(f"  {v}" for v in self.violations)])


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    g = Graph()
    g.parse(SHAPES_TTL, format="turtle")
    return g


def shapes_graph() -> Graph:
    """Return a copy of the parsed SHACL shapes."""
    out = Graph()
    for triple in _shapes():
        out.add(triple)
    return out


def _show(data: Graph, node) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        return node.n3(data.namespace_manager) if node.datatype else str(node)
    if isinstance(node, URIRef):
        try:
            return data.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - any IRI rdflib cannot shorten is shown whole
            return f"<{node}>"
    return ""


def _label(data: Graph, node) -> str:
    labels = [lab for lab in data.objects(node, RDFS.label) if isinstance(lab, Literal)]
    for lang in ("ar", "en", None):
        for lab in sorted(labels):
            if lab.language == lang:
                return str(lab)
    return _show(data, node) or str(node)


def _message(results: Graph, result) -> str:
    messages = sorted(results.objects(result, SH.resultMessage), key=lambda m: (m.language != "en", str(m)))
    return str(messages[0]) if messages else "does not conform"


def _violations(data: Graph, results: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        out.append(Violation(
            focus=str(focus),
            label=_label(data, focus),
            path=_show(data, path) if isinstance(path, URIRef) else "",
            message=_message(results, result),
            value=_show(data, results.value(result, SH.value)),
            severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
            shape=_show(data, shape) if isinstance(shape, URIRef) else "",
        ))
    return sorted(set(out), key=lambda v: (v.focus, v.path, v.message, v.value))


def validate(graph: Graph | Dataset) -> ValidationReport:
    """Validate *graph* against ``ontology/shapes.ttl``.

    Args:
        graph: A graph, or a dataset whose graphs are validated as one union.

    Returns:
        The report: whether the graph conforms, and each result in words.
    """
    import pyshacl  # slow to import: only when validating

    data = union_graph(graph)
    bind_prefixes(data)
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=_shapes(), inference="none", abort_on_first=False,
        allow_warnings=True, advanced=True, meta_shacl=False)
    violations = _violations(data, results)
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations))
