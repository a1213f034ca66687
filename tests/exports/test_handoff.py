"""Serialized blocks handed from a worker to the writer through a file."""
from __future__ import annotations

import errno
import os

import pytest

from rawabit.exports import handoff

_PARTS = ['<http://example.org/بوتين> <http://example.org/met> <http://example.org/ويتكوف> .\n'.encode(),
          b"",
          '<http://example.org/s> <http://example.org/quote> "قال إن «المفاوضات جادة»"@ar .\n'.encode()]


def _copied(tmp_path, files_dir) -> list[bytes]:
    saved = handoff.save(_PARTS, str(tmp_path))
    paths = [files_dir / f"{i}.out" for i in range(len(_PARTS))]
    for p in paths:
        p.write_bytes(b"head\n")
    files = [open(p, "ab") for p in paths]
    try:
        for fh in files:
            fh.write(b"buffered\n")   # not yet flushed: must land before the part
        handoff.copy_into(saved, files)
        for fh in files:
            fh.write(b"tail\n")
    finally:
        for fh in files:
            fh.close()
    assert not os.path.exists(saved[0])
    return [p.read_bytes() for p in paths]


def test_each_part_is_appended_to_its_file_in_order(tmp_path):
    (tmp_path / "out").mkdir()
    got = _copied(tmp_path, tmp_path / "out")
    assert got == [b"head\nbuffered\n" + part + b"tail\n" for part in _PARTS]


def test_without_a_kernel_copy_the_bytes_are_the_same(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    (tmp_path / "out").mkdir()
    assert _copied(tmp_path, tmp_path / "out") == [b"head\nbuffered\n" + part + b"tail\n" for part in _PARTS]


def test_the_saved_file_goes_even_when_a_part_has_no_file(tmp_path):
    saved = handoff.save(_PARTS, str(tmp_path))
    with open(tmp_path / "only.out", "wb") as fh, pytest.raises(ValueError):
        handoff.copy_into(saved, [fh])
    assert not os.path.exists(saved[0])
