#!/usr/bin/env bash
# Main text of web pages: `kernsatz extract` and trafilatura (the peer) in the same run, scored by
# the shared score_extract.py (trafilatura's own method: gold snippets that must / must not be in
# the main text) on the 212 German dev pages, and on their tuning (149) and held-out (63) parts.
# The parts are split by site: a page is held out when sha256(site) mod 100 < 25, site = the URL's
# host, lower-cased, without "www." (for a web.archive.org snapshot the archived URL's host; a URL
# without a host is its own site), so no site is in both parts.
#   scripts/eval_html.sh [all|tune|heldout]...      (default: all three)
# Prints one scorer line per set and tool: P, R, F1, pages without text, wall-clock ms per page
# (kernsatz: one process per page; trafilatura: in-process).
# trafilatura runs from $TRAF_PY, or from a venv in the tools cache made on first use
# (pip install trafilatura lxml_html_clean).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
scorer=$shared/tools/html/score_extract.py
bin=$root/target/release/kernsatz
[ -x "$bin" ] || cargo build --release --manifest-path "$root/Cargo.toml" >&2
cache=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}
py=${TRAF_PY:-$cache/traf-venv/bin/python}
if [ ! -x "$py" ]; then
  python3 -m venv "$cache/traf-venv" >&2
  "$cache/traf-venv/bin/pip" install -q trafilatura lxml_html_clean >&2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$shared/data/html/trafilatura-de-dev.jsonl.xz" "$tmp" <<'PY'
import hashlib, json, lzma, re, sys
from urllib.parse import urlsplit
def site(url):
    parts = urlsplit(url)
    host = parts.hostname
    if host == "web.archive.org":
        m = re.match(r"/web/[^/]+/(.*)$", parts.path)
        if m:
            host = urlsplit(m.group(1)).hostname or host
    if not host:
        return url
    host = host.lower()
    return host[4:] if host.startswith("www.") else host
sets = {"all": [], "tune": [], "heldout": []}
with lzma.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        held = int(hashlib.sha256(site(json.loads(line)["url"]).encode()).hexdigest(), 16) % 100 < 25
        sets["all"].append(line)
        sets["heldout" if held else "tune"].append(line)
for name, lines in sets.items():
    with open(f"{sys.argv[2]}/{name}.jsonl", "w", encoding="utf-8") as out:
        out.writelines(lines)
PY
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(all tune heldout)
for set in "${sets[@]}"; do
  printf '%-8s kernsatz     ' "$set"
  python3 "$scorer" --data "$tmp/$set.jsonl" --cmd "$bin extract {}"
  printf '%-8s trafilatura  ' "$set"
  "$py" "$scorer" --data "$tmp/$set.jsonl" --trafilatura
done
