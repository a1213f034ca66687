"""Print the pins of ``pip freeze`` (stdin) that differ from lock files.

A local version label (``2.13.0+cpu``) is not a difference.

Usage::

    pip freeze | python scripts/lock_diff.py requirements.lock scripts/lock-constraints.txt
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(text: str) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line, names normalized (PEP 503)."""
    return {re.sub(r"[-_.]+", "-", name).lower(): ver for name, ver in _PIN.findall(text)}


def main(*lock_paths: str) -> int:
    locked = {name: v for path in lock_paths for name, v in pins(Path(path).read_text(encoding="utf-8")).items()}
    installed = pins(sys.stdin.read())
    moved = sorted(n for n in installed if n in locked and installed[n].split("+")[0] != locked[n].split("+")[0])
    for name in moved:
        print(f"  {name}: {locked[name]} -> {installed[name]}")
    for name in sorted(set(installed) - set(locked)):
        print(f"  {name}: new, {installed[name]}")
    print(f"  ({len(moved)} moved)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
