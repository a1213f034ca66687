#!/usr/bin/env bash
# Create .venv and install Rawabit with its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# camel-tools depends on torch; a CPU build is enough (Rawabit never runs a neural model by default).
# Where pip can find the CPU wheel (as on our CI machines) take it; otherwise pip picks one below.
.venv/bin/python -m pip install -q "torch==2.13.0" >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[test]"
