"""Nisba adjectives naming the parties of an event noun (extract/relations/nisba_parties.py)."""
from __future__ import annotations

import pytest




@pytest.mark.parametrize(("text", "expected"), [
    ("وفي ختام المحادثات الأمريكية الصينية في جنيف، أعلن المسؤولون خفض الرسوم.",
     {("usa", "talkedWith", "china", "asserted")}),
    ("وعقدت مباحثات مصرية سودانية في القاهرة أمس.",            # indefinite noun, indefinite adjectives
     {("egypt", "talkedWith", "sudan", "asserted")}),
    ("وانطلقت القمة الثلاثية التركية الروسية الإيرانية في طهران.",   # a qualifier, then three sides
     {("turkey", "met", "russia", "asserted"), ("turkey", "met", "iran", "asserted"),
      ("russia", "met", "iran", "asserted")}),
    ("وأجريت المحادثات الأمريكية مع الصين في لندن.",             # one adjective, the other side after «مع»
     {("usa", "talkedWith", "china", "asserted")}),
    ("وتستضيف أنقرة المفاوضات الروسية الأوكرانية المرتقبة الأسبوع المقبل.",  # upcoming: planned
     {("russia", "talkedWith", "ukraine", "planned")}),
])
def test_nisba_adjectives_name_the_sides(construction_facts, text, expected):
    assert expected <= construction_facts(text)


@pytest.mark.parametrize("text", [
    "وقال إن القوات الروسية والأوكرانية تبادلت القصف قرب خاركيف.",   # a group of agents, not an event
    "وتناولت المحادثات الأمريكية ملف الرسوم الجمركية.",              # one side only: nothing to pair
])
def test_no_sides_without_an_event_noun_and_two_parties(construction_facts, text):
    assert not {f for f in construction_facts(text) if f[1] in ("met", "talkedWith", "phoned")}
