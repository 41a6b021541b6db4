#!/usr/bin/env python3
"""Lists the words that kernsatz's vocabulary lists show without an English gloss: the
candidates for data/lexicon/glosses.tsv (hand-written English glosses of general news words).

    python3 scripts/gloss_candidates.py --bin target/release/kernsatz TEXT... > candidates.tsv
    python3 scripts/gloss_candidates.py --jsonl ../shared/data/corpus/10kgnad-test.jsonl

Runs `kernsatz vocab --format json` on every text (or `vocab --per-article` on a JSONL corpus),
counts the entries that have no `gloss`, and prints `lemma<TAB>pos<TAB>count<TAB>Wiktionary
senses` for those listed at least `--min` times, most frequent first, with the German Wiktionary
senses of the lemma (from data/lexicon/wikt_defs.tsv) as a reminder of the senses to cover.
The table itself is written by hand (see its header); this script only says which words to
write next. glosses.tsv was started from 10kGNAD test ids 0200-0699 (`--min 2`: 1,782 words).
"""

import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def entries_of_texts(binary, paths):
    for path in paths:
        out = subprocess.run(
            [binary, "vocab", "--format", "json", path],
            capture_output=True, check=False,
        )
        if out.returncode != 0:
            print(f"{path}: {out.stderr.decode(errors='replace').strip()}", file=sys.stderr)
            continue
        yield from json.loads(out.stdout)


def entries_of_jsonl(binary, path):
    out = subprocess.run(
        [binary, "vocab", "--per-article", "--format", "json", path],
        capture_output=True, check=False,
    )
    for line in out.stdout.decode().splitlines():
        if line.strip():
            yield from json.loads(line)["entries"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", nargs="*", help="plain-text articles")
    ap.add_argument("--jsonl", help="a JSONL corpus instead of texts")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "kernsatz"))
    ap.add_argument("--min", type=int, default=2, help="least number of lists (default 2)")
    a = ap.parse_args()
    if not a.texts and not a.jsonl:
        ap.error("give texts or --jsonl")
    entries = entries_of_jsonl(a.bin, a.jsonl) if a.jsonl else entries_of_texts(a.bin, a.texts)
    counts = collections.Counter(
        (e["lemma"], e["pos"]) for e in entries if not e.get("gloss")
    )
    senses = collections.defaultdict(list)
    with open(os.path.join(ROOT, "data", "lexicon", "wikt_defs.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 3 or len(senses[cols[0]]) >= 4:
                continue
            senses[cols[0]].append(cols[2][:110])
    print("# lemma\tpos\tcount\tWiktionary senses (German, first 4, truncated)")
    for (lemma, pos), n in counts.most_common():
        if n < a.min:
            break
        shown = " || ".join(f"[{i + 1}] {d}" for i, d in enumerate(senses.get(lemma, [])))
        print(f"{lemma}\t{pos}\t{n}\t{shown}")


if __name__ == "__main__":
    main()
