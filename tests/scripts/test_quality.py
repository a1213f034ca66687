"""``scripts/quality.py``: the sets it builds, skipping without ``../shared``, its printed tables."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "scripts" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quality", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_sets_that_need_shared_are_skipped_with_a_reason(tmp_path):
    sets = {es.name: es for es in _quality().eval_sets(tmp_path / "no-shared")}
    assert set(sets) == {"seeds", "samples", "dev-broad a", "dev-broad b", "dev-broad d", "dev-broad"}
    for name in ("seeds", "dev-broad a", "dev-broad"):
        assert "absent" in sets[name].skip
    assert not sets["samples"].skip and sets["samples"].gold == ROOT / "samples"


def test_without_shared_the_samples_are_still_built_and_counted(tmp_path, capsys):
    assert _quality().main(["--shared", str(tmp_path / "no-shared")]) == 0
    out = capsys.readouterr().out
    assert "seeds          skipped:" in out and "dev-broad      skipped:" in out
    samples = next(line for line in out.splitlines() if line.startswith("samples"))
    assert "no scorer" in samples and int(samples.split()[2]) > 50  # facts built


@pytest.mark.shared
def test_groups_are_scored_on_their_own_files(shared_dir, tmp_path, capsys):
    q = _quality()
    groups = [es for es in q.eval_sets(shared_dir) if es.name.startswith("dev-broad ")]
    assert all(es.docs and all(d.startswith(es.name[-1]) for d in es.docs) for es in groups)
    assert q.main(["--shared", str(shared_dir), "--sets", "samples", "--json", str(tmp_path / "q.json")]) == 0
    out = capsys.readouterr().out
    assert "per relation: correct/gold/system F1" in out and "presidentOf" in out
    line = next(x for x in out.splitlines() if x.startswith("samples"))
    precision = float(line.split()[5])
    assert 0.8 <= precision <= 1.0
