#!/usr/bin/env bash
# Creates the Python environment that regenerates the lexicon data (data/lexicon/), once.
# Pinned: german-nouns 1.2.5 (Wiktionary nouns, CC BY-SA 4.0) and wordfreq 3.1.1
# (word frequencies, data CC BY-SA 4.0). Prints the path of its python on the last line;
# re-running is cheap. `--check` only tells (exit status 0) whether the environment is ready.
#   PY=$(bash scripts/setup-data-venv.sh | tail -1)
#   $PY scripts/gen_nouns.py data/lexicon && $PY scripts/gen_freq.py data/lexicon
#   KERNSATZ_DATA_PY=$PY cargo test --test lexicon data_is_current
set -euo pipefail
venv=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}/data-venv
ready() { [ -x "$venv/bin/python" ] && [ -f "$venv/.ready" ]; }
if [ "${1:-}" = --check ]; then
  ready
  exit
fi
if ! ready; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q "german-nouns==1.2.5" "wordfreq==3.1.1" >&2
  touch "$venv/.ready"
fi
echo "$venv/bin/python"
