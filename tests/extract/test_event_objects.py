"""Objects of urging, visits and calls: «إنه حثّ X على», «زيارة له إلى», «اتصالين هاتفيين بـX و Y»."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # «إنه/أنه» + verb: the pronoun is the subject (the speaker), the name after the verb its object
    ("وقال الرئيس الفرنسي إيمانويل ماكرون إنه حثّ نتنياهو على وقف الحرب.",
     {("emmanuel-macron", "urged", "benjamin-netanyahu")}, {("benjamin-netanyahu", "urged", "emmanuel-macron")}),
    ("وأعلنت الرئاسة المصرية أن الرئيس عبد الفتاح السيسي استقبل وزير الخارجية الأمريكي ماركو روبيو.",
     {("abdel-fattah-el-sisi", "met", "marco-rubio")}, set()),
    # «زيارة له/لها إلى X»: the pronoun after «ل» is the visitor, as in «زيارته»
    ("وقال رئيس الوزراء الهندي ناريندرا مودي إنه سعيد، في أول زيارة له إلى الصين منذ سبع سنوات.",
     {("narendra-modi", "visited", "china")}, set()),
    # a dual call noun with coordinated objects
    ("وأجرى ترامب اتصالين هاتفيين بالرئيس الروسي فلاديمير بوتين والرئيس الأوكراني فولوديمير زيلينسكي.",
     {("donald-trump", "phoned", "vladimir-putin"), ("donald-trump", "phoned", "volodymyr-zelensky")}, set()),
    # a comma inside a quotation ends no clause: the threat's target after it still counts
    ("ولوّح الرئيس الأمريكي دونالد ترامب بـ«عقوبات مؤلمة، اقتصادية وسياسية» على إيران وفنزويلا.",
     {("donald-trump", "threatened", "iran"), ("donald-trump", "threatened", "venezuela")}, set()),
])
def test_event_objects(construction_facts, text, expected, absent):
    found = {f[:3] for f in construction_facts(text)}
    assert expected <= found
    assert not absent & found
