#!/usr/bin/env bash
# The test command: sets up what the interop tests need beyond the Rust toolchain, then runs
# `cargo test`. Re-running is cheap (the Python environments are cached in
# ${KERNSATZ_TOOLS_CACHE:-~/.cache/kernsatz-tools}).
#   - the official Anki library (PyPI `anki`), to import the decks kernsatz writes;
#   - german-nouns + wordfreq, to check that the embedded data files are current;
#   - Debian's chromium and npm playwright-core, to test the HTML worksheet in a headless browser.
# Expects the project's shared/ folder beside the checkout (../shared), as CI lays it out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
cd "$root"

export KERNSATZ_ANKI_PY=${KERNSATZ_ANKI_PY:-$(bash "$shared/tools/anki/setup.sh" | tail -1)}
export KERNSATZ_ANKI_VALIDATOR=${KERNSATZ_ANKI_VALIDATOR:-$shared/tools/anki/validate_apkg.py}
export KERNSATZ_DATA_PY=${KERNSATZ_DATA_PY:-$(bash scripts/setup-data-venv.sh | tail -1)}
if [ -z "${KERNSATZ_CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "installing Debian chromium for the worksheet browser test" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  fi
  export KERNSATZ_CHROMIUM=$(command -v chromium)
fi

# playwright-core (pinned in tests/browser/package-lock.json) drives chromium for the worksheet test
npm ci --prefix tests/browser --no-audit --no-fund >&2

cargo test "$@"
