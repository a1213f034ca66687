"""Tests of rawabit.graph.admission: the short and the long lane of the SPARQL endpoint."""
from __future__ import annotations

import time

from rawabit.graph.admission import Lanes, SlowShapes, query_shape

CHEAP = "ASK { id:moscow rwb:rejects ?x }"
YEARLY = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c FILTER(?o = "%s" && ?c > %d) }'


class FakePool:
    """Answers 200, or None (outlived the limit) for queries containing a slow word."""

    def __init__(self, slow_words: tuple[str, ...] = ()) -> None:
        self.slow_words, self.jobs = slow_words, []

    def run(self, job, give_up=None):
        if give_up is not None and give_up():
            return None
        self.jobs.append(job[0])
        if any(word in job[0] for word in self.slow_words):
            return None
        return 200, "text/plain", b"ok"


def test_shapes_blank_literals_and_numbers_but_keep_variables_and_names() -> None:
    assert query_shape(YEARLY % ("بوتين", 2024)) == query_shape(YEARLY % ("ترامب", 2025))
    assert query_shape("SELECT ?x1 WHERE { ?x1 rwb:met id:n2 }\n LIMIT   5") == \
        "SELECT ?x1 WHERE { ?x1 rwb:met id:n2 } LIMIT 0"
    assert query_shape(CHEAP) != query_shape("ASK { id:moscow rwb:demands ?x }")


def test_a_cheap_query_stays_in_the_short_lane() -> None:
    short, long = FakePool(), FakePool()
    lanes = Lanes(long, short, (503, "text/plain", b"limit"))
    assert lanes.run((CHEAP,))[0] == 200
    assert short.jobs == [CHEAP] and long.jobs == []


class SlowPool(FakePool):
    """Takes *seconds* over every query."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def run(self, job, give_up=None):
        time.sleep(self.seconds)
        return super().run(job, give_up)


def test_a_query_outliving_the_short_limit_moves_to_the_long_lane_and_its_shape_is_remembered() -> None:
    short, long = FakePool(slow_words=("COUNT",)), SlowPool(0.05)
    lanes = Lanes(long, short, (503, "text/plain", b"limit"), short_limit=0.01)
    first, second = YEARLY % ("بوتين", 2024), YEARLY % ("ترامب", 2025)
    assert lanes.run((first,))[0] == 200
    assert short.jobs == [first] and long.jobs == [first]
    assert lanes.run((second,))[0] == 200   # same shape: straight to the long lane
    assert short.jobs == [first] and long.jobs == [first, second]
    assert lanes.run((CHEAP,))[0] == 200 and short.jobs[-1] == CHEAP


def test_a_shape_that_ends_quickly_in_the_long_lane_gets_the_short_lane_back() -> None:
    short, long = FakePool(slow_words=("2024",)), FakePool()   # slow once: a busy moment
    lanes = Lanes(long, short, (503, "text/plain", b"limit"), short_limit=1.0)
    assert lanes.run((YEARLY % ("x", 2024),))[0] == 200
    assert query_shape(YEARLY % ("x", 0)) not in lanes.slow
    assert lanes.run((YEARLY % ("x", 2025),))[0] == 200 and short.jobs[-1] == YEARLY % ("x", 2025)


def test_a_query_waiting_for_the_short_lane_leaves_it_when_its_shape_is_found_slow() -> None:
    short, long = FakePool(), FakePool()
    lanes = Lanes(long, short, (503, "text/plain", b"limit"))
    query = YEARLY % ("x", 1)
    original = short.run
    short.run = lambda job, give_up=None: (lanes.slow.add(query_shape(query)), original(job, give_up))[1]
    assert lanes.run((query,))[0] == 200   # found slow by another request meanwhile
    assert short.jobs == [] and long.jobs == [query]


def test_a_query_outliving_both_limits_gets_the_limit_reply() -> None:
    lanes = Lanes(FakePool(slow_words=("COUNT",)), FakePool(slow_words=("COUNT",)), (503, "text/plain", b"limit"))
    assert lanes.run((YEARLY % ("x", 1),)) == (503, "text/plain", b"limit")


def test_without_a_short_lane_everything_runs_in_the_long_one() -> None:
    long = FakePool()
    assert Lanes(long, None, (503, "", b"")).run((CHEAP,))[0] == 200 and long.jobs == [CHEAP]


def test_slow_shapes_forget_the_oldest_beyond_their_size() -> None:
    shapes = SlowShapes(size=2)
    for shape in ("a", "b", "a", "c"):
        shapes.add(shape)
    assert "a" in shapes and "c" in shapes and "b" not in shapes and len(shapes) == 2
