"""Where places lie (entities/geography.py): a place introduced by its kind inside a larger one
introduced the same way («بلدة X بمحافظة Y», «مدينة X في إقليم Y»), and a descriptive adjective
between a place and the direction of where it lies («مدينة X الساحلية جنوبي Y»)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("ووقع الهجوم في مدينة خان شيخون بمحافظة إدلب.", ("ar-xAn-cyxwn", "locatedIn", "idlib")),
    ("وتقدم الجيش نحو بلدة خان شيخون في إدلب.", ("ar-xAn-cyxwn", "locatedIn", "idlib")),
    ("وأعلنت السلطات حظر التجول في مدينة البصرة الساحلية جنوبي العراق.", ("basra", "locatedIn", "iraq")),
])
def test_where_a_place_lies(construction_facts, text, expected):
    assert (*expected, "asserted") in construction_facts(text)


def test_a_place_named_bare_after_another_is_no_container(construction_facts):
    # «ممثلو دونيتسك في إسطنبول»: where the representatives are, not where Donetsk lies
    found = {f[:3] for f in construction_facts("وقال ممثلو دونيتسك في إسطنبول إن المحادثات مستمرة.")}
    assert not any(r == "locatedIn" for _, r, _ in found)


def test_a_city_is_no_container_of_a_town(construction_facts):
    found = {f[:3] for f in construction_facts("ووصل الوفد إلى مدينة حلب في مدينة دمشق.")}
    assert ("aleppo", "locatedIn", "damascus") not in found
