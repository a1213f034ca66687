"""The legs of one trip: a later «ثم»/«ومنها»/«و» repeats the preposition of a place verb's object
with the verb left out (finder.py, ``_next_legs``): «توجه إلى باريس …، ثم إلى وارسو»."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "place"), [
    ("توجه المستشار الألماني فريدريش ميرتس إلى لندن حيث التقى رئيس الوزراء البريطاني كير ستارمر، ثم إلى روما.",
     "rome"),
    ("وصل وزير الخارجية التركي هاكان فيدان إلى عمّان ومنها إلى دمشق.", "damascus"),
    ("وصل وزير الخارجية التركي هاكان فيدان إلى عمّان وإلى دمشق في جولة إقليمية.", "damascus"),
])
def test_each_leg_is_a_visit(construction_facts, text, place):
    found = {f[:3] for f in construction_facts(text)}
    visitor = "friedrich-merz" if "ميرتس" in text else "hakan-fidan"
    assert (visitor, "visited", place) in found


def test_a_place_the_traveller_came_from_is_no_leg(construction_facts):
    found = {f[:3] for f in construction_facts(
        "وصل وزير الخارجية التركي هاكان فيدان إلى عمّان قادماً من أنقرة، ثم من هناك إلى دمشق.")}
    assert ("hakan-fidan", "visited", "amman") in found
    assert ("hakan-fidan", "visited", "ankara") not in found
