#!/usr/bin/env bash
# Creates the Python environment with the official Anki library (PyPI `anki`, pinned with its
# dependencies in tests/anki/requirements.txt) that tests/anki/validate_anki.py runs on, once.
# Prints the path of its python on the last line; re-running is cheap, and a changed
# requirements file is installed on the next run. `--check` only tells (exit status 0) whether
# the environment is ready.
#   PY=$(bash scripts/setup-anki-venv.sh | tail -1)
#   $PY tests/anki/validate_anki.py deck.apkg
#   KERNSATZ_ANKI_PY=$PY cargo test --test anki_validate
set -euo pipefail
requirements=$(cd "$(dirname "$0")/.." && pwd)/tests/anki/requirements.txt
venv=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}/anki-venv
ready() { [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$venv/.ready"; }
if [ "${1:-}" = --check ]; then
  ready
  exit
fi
if ! ready; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q -r "$requirements" >&2
  cp "$requirements" "$venv/.ready"
fi
echo "$venv/bin/python"
