#!/usr/bin/env bash
# Regenerate requirements.lock from pyproject.toml: every runtime dependency and every
# extra (test, and any an engineer adds), each at an exact version with its hashes.
#   make lock            fold new or changed dependencies in, keeping every other pin
#   UPGRADE=1 make lock  move every pin to the newest release that fits (then run make test)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${VENV:-.venv}/bin/python
[ -x "$PY" ] || { echo "lock: no $PY; run make setup first" >&2; exit 1; }
"$PY" -m pip install -q "pip-tools>=7.4"
"$PY" -m piptools compile --quiet --all-extras --generate-hashes --allow-unsafe --strip-extras \
    --no-emit-index-url --no-emit-find-links ${UPGRADE:+--upgrade} \
    --constraint scripts/lock-constraints.txt --output-file requirements.lock pyproject.toml
"$PY" scripts/lock_torch.py requirements.lock
echo "lock: wrote requirements.lock ($(grep -c '^[A-Za-z0-9].*==' requirements.lock) pins); commit it with the pyproject.toml change"
