#!/usr/bin/env bash
# The test command: sets up what the interoperability tests need beyond the Rust toolchain, runs
# `cargo test "$@"`, then says which suites were skipped.
#   - the official Anki library (PyPI `anki`, pinned in tests/anki/requirements.txt), to import
#     the decks kernsatz writes (scripts/setup-anki-venv.sh);
#   - german-nouns + wordfreq, to check that the embedded data files are current
#     (scripts/setup-data-venv.sh);
#   - Debian's chromium and npm playwright-core (tests/browser), to test the HTML worksheet in a
#     headless browser.
# The Python environments are cached in ${KERNSATZ_TOOLS_CACHE:-~/.cache/kernsatz-tools}, so
# re-running is cheap. What installation prints goes to target/test-setup.log; stderr gets one
# line saying what is installed. Missing Debian packages (chromium, python3-venv, npm) are
# installed when running as root, as CI does on a fresh machine; otherwise the script stops and
# names them. KERNSATZ_SKIP_ANKI=1, KERNSATZ_SKIP_DATA_CHECK=1 and KERNSATZ_SKIP_BROWSER=1 skip
# a suite and its setup; the summary at the end lists each skipped suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
log=$target/test-setup.log
cache=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}

# The suites a KERNSATZ_SKIP_* variable turns off, as the tests read it (only "1" skips).
suites=(
  "KERNSATZ_SKIP_ANKI|the official Anki importer on the decks (tests/anki_validate.rs, cli_deck.rs, cli_study.rs)"
  "KERNSATZ_SKIP_DATA_CHECK|the check that the embedded data is current (tests/data_current.rs, lexicon.rs data_is_current)"
  "KERNSATZ_SKIP_BROWSER|the HTML worksheet in headless chromium (tests/worksheet_browser.rs)"
)
skips() { [ "${!1:-}" = 1 ]; }

# What is missing: Debian packages, and what gets installed (for the one line on stderr).
debian=()
installs=()
anki_venv=false data_venv=false npm_modules=false
if ! skips KERNSATZ_SKIP_ANKI && [ -z "${KERNSATZ_ANKI_PY:-}" ] &&
  ! bash scripts/setup-anki-venv.sh --check; then
  anki_venv=true
  installs+=("the Anki library (PyPI anki) into $cache/anki-venv")
fi
if ! skips KERNSATZ_SKIP_DATA_CHECK && [ -z "${KERNSATZ_DATA_PY:-}" ] &&
  ! bash scripts/setup-data-venv.sh --check; then
  data_venv=true
  installs+=("german-nouns and wordfreq (PyPI) into $cache/data-venv")
fi
if { $anki_venv || $data_venv; } && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  debian+=(python3-venv)
fi
if ! skips KERNSATZ_SKIP_BROWSER; then
  if [ -z "${KERNSATZ_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
    debian+=(chromium)
  fi
  command -v node >/dev/null || debian+=(nodejs)
  # npm ci leaves node_modules/.package-lock.json, newer than the lock file it installed
  modules=tests/browser/node_modules
  if [ ! -d "$modules/playwright-core" ] ||
    [ ! "$modules/.package-lock.json" -nt tests/browser/package-lock.json ]; then
    npm_modules=true
    installs+=("npm playwright-core into $modules")
    command -v npm >/dev/null || debian+=(npm)
  fi
fi

if [ ${#debian[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
  {
    echo "scripts/test.sh: missing Debian packages: ${debian[*]}. Install them with"
    echo "    sudo apt-get install ${debian[*]}"
    echo "and run scripts/test.sh again. To leave a suite out instead, set its variable:"
    for p in "${debian[@]}"; do
      case $p in
        chromium | nodejs | npm) echo "    $p: KERNSATZ_SKIP_BROWSER=1 (the worksheet test in chromium)" ;;
        python3-venv) echo "    python3-venv: KERNSATZ_SKIP_ANKI=1 and KERNSATZ_SKIP_DATA_CHECK=1 (the Python checks)" ;;
      esac
    done
  } >&2
  exit 1
fi
if [ ${#debian[@]} -gt 0 ]; then
  installs=("Debian ${debian[*]}" "${installs[@]}")
fi

# Runs a setup step with its output in the log; on failure, shows the log's end and stops.
step() {
  if ! "$@" >>"$log" 2>&1; then
    echo "scripts/test.sh: setup failed: $*; the end of ${log#"$root"/}:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
}
mkdir -p "$target"
if [ ${#installs[@]} -gt 0 ]; then
  : >"$log"
  summary=$(printf '%s; ' "${installs[@]}")
  echo "scripts/test.sh: installing ${summary%; } (output in ${log#"$root"/})" >&2
fi
if [ ${#debian[@]} -gt 0 ]; then
  step apt-get update
  step env DEBIAN_FRONTEND=noninteractive apt-get install -y "${debian[@]}"
fi
if ! skips KERNSATZ_SKIP_ANKI && [ -z "${KERNSATZ_ANKI_PY:-}" ]; then
  if $anki_venv; then step bash scripts/setup-anki-venv.sh; fi
  KERNSATZ_ANKI_PY=$(bash scripts/setup-anki-venv.sh | tail -1)
  export KERNSATZ_ANKI_PY
fi
if ! skips KERNSATZ_SKIP_DATA_CHECK && [ -z "${KERNSATZ_DATA_PY:-}" ]; then
  if $data_venv; then step bash scripts/setup-data-venv.sh; fi
  KERNSATZ_DATA_PY=$(bash scripts/setup-data-venv.sh | tail -1)
  export KERNSATZ_DATA_PY
fi
if ! skips KERNSATZ_SKIP_BROWSER; then
  # playwright-core (pinned in tests/browser/package-lock.json) drives chromium
  if $npm_modules; then step npm ci --prefix tests/browser --no-audit --no-fund; fi
  if [ -z "${KERNSATZ_CHROMIUM:-}" ] && ! KERNSATZ_CHROMIUM=$(command -v chromium); then
    echo "scripts/test.sh: chromium is installed but not on PATH; set KERNSATZ_CHROMIUM" >&2
    exit 1
  fi
  export KERNSATZ_CHROMIUM
fi

status=0
cargo test "$@" || status=$?

if [ $status -eq 0 ]; then
  outcome="cargo test passed"
else
  outcome="cargo test failed (exit status $status)"
fi
skipped=()
for suite in "${suites[@]}"; do
  skips "${suite%%|*}" && skipped+=("$suite")
done
if [ ${#skipped[@]} -eq 0 ]; then
  echo "scripts/test.sh: $outcome; no suite skipped" >&2
else
  echo "scripts/test.sh: $outcome; skipped:" >&2
  for suite in "${skipped[@]}"; do
    echo "  ${suite%%|*}=1: ${suite#*|}" >&2
  done
fi
exit $status
