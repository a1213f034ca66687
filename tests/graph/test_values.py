"""The graph's computed values without rdflib are the terms rdflib has always given them."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import XSD, Literal

from rawabit.graph.build import confidence_literal, date_literal
from rawabit.graph.terms import to_oxigraph
from rawabit.graph.values import confidence_text, date_value

_DAYS = ["2025-03-18", "2024-02-29", "2025-02-29", "2025-13-01"]
_TIMES = ["", "T10:00", "T23:59", "T24:00", "T10:00:00", "T10:00:60", "T10:00:59.5", "T10:00:59.1234567"]
_ZONES = ["", "Z", "+03:00", "-05:30", "+00:00"]


@pytest.mark.parametrize("day", _DAYS)
def test_a_date_value_is_the_literal_rdflib_makes(day):
    # rdflib gives a date-time its canonical form (Z as +00:00, seconds added);
    # the streamed files must hold the same literal as the rdflib graph
    for value in [day[:4], day[:7]] + [day + t + z for t in _TIMES for z in (_ZONES if t else [""])]:
        typed = date_literal(value)
        assert date_value(value) == to_oxigraph(typed), value
        if typed.datatype == XSD.dateTime:
            assert date_value(value).value == str(Literal(value, datatype=XSD.dateTime))


def test_a_date_value_is_canonical():
    assert date_value("2025-03-18T10:00Z") == ox.Literal("2025-03-18T10:00:00+00:00",
                                                         datatype=ox.NamedNode(str(XSD.dateTime)))
    assert date_value("2025-03") == ox.Literal("2025-03", datatype=ox.NamedNode(str(XSD.gYearMonth)))
    with pytest.raises(ValueError):
        date_value("18 March 2025")


def test_a_confidence_is_written_as_rdflib_writes_it():
    for hundredths in range(0, 101):
        for value in (hundredths / 100, hundredths / 100 + 0.004, hundredths / 100 + 0.005):
            assert confidence_text(value) == str(confidence_literal(value))
