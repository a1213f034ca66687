"""``rawabit explain`` shows mentions and the rule behind each fact."""
from __future__ import annotations

from rawabit.cli import main


def test_explain_shows_tokens_mentions_and_rules(tmp_path, capsys):
    path = tmp_path / "a.txt"
    # «وويتكوف» is joined on to «كوشنر»: a name after «و» is never a verb's first object
    path.write_text("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن بوتين التقى كوشنر وويتكوف لاحقاً.\n", encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "و+ويتكوف" in out                      # the proclitic split is shown
    assert "→ dmitry-peskov (Person, title" in out  # the title phrase and what found it
    assert "dmitry-peskov spokespersonOf kremlin  [asserted]  rule=role.title" in out
    assert out.count("vladimir-putin met steve-witkoff") == 1
    assert "reported: dmitry-peskov:" in out


def test_explain_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["explain", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rawabit: error:") and len(err.strip().splitlines()) == 1


def test_explain_shows_dates(tmp_path, capsys):
    path = tmp_path / "dated.txt"
    path.write_text("الرباط - 28 أكتوبر 2024 (وكالات)\nاستقبل العاهل المغربي الملك محمد السادس الرئيس الفرنسي "
                    "إيمانويل ماكرون أمس.\n", encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "# published 2024-10-28" in out
    assert "mohammed-vi met emmanuel-macron  [asserted]" in out and "date=2024-10-27" in out
