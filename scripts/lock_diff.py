"""Print the pins of ``pip freeze`` (stdin) that differ from a lock file.

Usage::

    pip freeze | python scripts/lock_diff.py requirements.lock
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(text: str) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line, names normalized (PEP 503)."""
    return {re.sub(r"[-_.]+", "-", name).lower(): ver for name, ver in _PIN.findall(text)}


def main(lock_path: str) -> int:
    locked, installed = pins(Path(lock_path).read_text(encoding="utf-8")), pins(sys.stdin.read())
    moved = sorted(n for n in installed if n in locked and installed[n] != locked[n])
    for name in moved:
        print(f"  {name}: {locked[name]} -> {installed[name]}")
    for name in sorted(set(installed) - set(locked)):
        print(f"  {name}: new, {installed[name]}")
    print(f"  ({len(moved)} moved)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
