"""Take torch out of a pip-compile lock file; ``scripts/setup.sh`` installs it first.

torch's CPU wheel (``2.13.0+cpu``, in the find-links directory of our CI
machines) and PyPI's ``2.13.0`` are different files with different hashes,
so a hashed pin of one fails where only the other is at hand. The exact pin
stays in ``scripts/lock-constraints.txt``; setup installs it from there (the
CPU wheel where pip can find it, never a multi-GB CUDA build on CI), then the
rest of the lock with ``--no-deps`` and its hashes.

Usage::

    python scripts/lock_torch.py requirements.lock
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_BLOCK = re.compile(r"^torch==[^\n]*\n(?:[ \t]+[^\n]*\n)*", re.MULTILINE)
_NOTE = ("# torch is not in this file: scripts/setup.sh installs it first at the pin of\n"
         "# scripts/lock-constraints.txt (see scripts/lock_torch.py).\n")


def main(path: str) -> int:
    lock = Path(path)
    lines = _BLOCK.sub("", lock.read_text(encoding="utf-8")).replace(_NOTE, "").splitlines(keepends=True)
    header = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    lock.write_text("".join(lines[:header]) + _NOTE + "".join(lines[header:]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
