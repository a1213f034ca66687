#!/usr/bin/env bash
# Run the test suite against the newest releases of every dependency, in a venv of its own
# (.venv-latest), so that upgrading is a decision and not a surprise. Not part of CI.
# torch stays at the pin of scripts/lock-constraints.txt (a newer one would be a multi-GB download).
# Passing: `UPGRADE=1 make lock` and commit the new lock. Failing: the report says what moved.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv-latest
rm -rf "$VENV"
"$PY" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip)
"${PIP[@]}" install -q --upgrade pip
"${PIP[@]}" install -q -r scripts/lock-constraints.txt
EXTRAS=$("$VENV/bin/python" -c 'import tomllib; print(",".join(tomllib.load(open("pyproject.toml", "rb"))["project"].get("optional-dependencies", {})))')
"${PIP[@]}" install -q --upgrade --upgrade-strategy eager -c scripts/lock-constraints.txt -e ".[$EXTRAS]"
echo "test-latest: releases that differ from requirements.lock:"
"${PIP[@]}" freeze --exclude-editable | "$VENV/bin/python" scripts/lock_diff.py requirements.lock scripts/lock-constraints.txt || true
"$VENV/bin/python" -m pytest -q "$@"
