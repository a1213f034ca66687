#!/usr/bin/env bash
# Create .venv and install Rawabit with its test tools at the versions of
# requirements.lock (hashes checked), whatever the registry released since. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip)
"${PIP[@]}" install -q "pip>=24"
# camel-tools depends on torch; a CPU build is enough (Rawabit runs no neural model by default).
# Its pin is in scripts/lock-constraints.txt: pip takes the CPU wheel where it can find one (as on
# our CI machines, /opt/wheels), so a fresh machine does not download a multi-GB CUDA build.
"${PIP[@]}" install -q -r scripts/lock-constraints.txt
# Everything else exactly as locked; --no-deps: the lock already holds every dependency.
"${PIP[@]}" install -q --no-deps --require-hashes -r requirements.lock
"${PIP[@]}" install -q --no-deps --no-build-isolation -e .
"${PIP[@]}" check
