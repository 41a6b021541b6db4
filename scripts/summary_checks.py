#!/usr/bin/env python3
"""Checks of summaries that ROUGE does not see: lead copies, repeats and residue.

Reads `kernsatz summarize --jsonl` output (one `{"id","summary","sentences":[{"index","text"}]}`
line per article) and counts, over the summaries of at least --n sentences:

- lead: summaries that are exactly the article's first n sentences (indices 0..n-1);
- restating pair: two sentences of which the shorter one (by distinct content words) has more
  than half of its content words, and at least 3, in the other (issue 17's definition);
- covered: a sentence with more than half of its content words, and at least 3, in the other
  sentences of the summary together (a restatement spread over two sentences; every restating
  pair is also one of these);
- byline / cross-reference: a sentence ending in an author or agency credit with a date
  (`(APA, 24.9.2015)`), or holding `siehe`, `vgl.`, `Hauptartikel` or a wiki section link
  (`Gartenbohne#Sorten`).

Content words are computed independently of kernsatz, the way its tokenizer does: runs of
letters and digits (inner `-`/`+` between alphanumerics, `.`/`,` between digits, apostrophes
between letters kept), lower-cased, words with a letter only, at least two characters, not in
kernsatz's stop word lists (stopwords/de.txt, stopwords/de-extra.txt), Snowball German stems
(package `snowballstemmer`, the algorithm kernsatz uses; it is in the ROUGE venv of
../shared/tools/summ/setup.sh).

usage:
  kernsatz summarize --jsonl -n 3 < articles.jsonl > preds.jsonl
  PY=$(bash ../shared/tools/summ/setup.sh | tail -1)
  $PY scripts/summary_checks.py preds.jsonl [--n 3] [--half even|odd] [--show]
--half keeps the articles whose id number (the digits between dashes, `10kgnad-test-0042-…`) is
even or odd; ids without one count by their line number in the file.
"""
import argparse
import json
import os
import re
import sys

import snowballstemmer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARE, MIN_SHARED = 0.5, 3

WORD = re.compile(
    r"[^\W_]+(?:(?:[-\u2011+][^\W_]+)|(?:(?<=\d)[.,]\d+)|(?:(?<=[^\W\d_])['\u2019][^\W\d_]+))*"
)
CROSS_REF = re.compile(r"(?i)\b(?:siehe|vgl|hauptartikel)\b|[^\W\d_]#[^\W\d_]|^\W*[→↑⇒]")
BYLINE = re.compile(
    r"\((?:[^()]{0,120}?[,;/–\- ])?\s*\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\)\.?\s*$"
)
STEM = snowballstemmer.stemmer("german")


def stopwords():
    words = set()
    for name in ("de.txt", "de-extra.txt"):
        with open(os.path.join(ROOT, "stopwords", name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line)
    return words


STOP = stopwords()


def content(text):
    out = set()
    for m in WORD.finditer(text):
        w = m.group().lower()
        if not re.search(r"[^\W\d_]", w) or len(w) < 2 or w in STOP:
            continue
        out.add(STEM.stemWord(w))
    return out


def restating(shared, of):
    return shared >= MIN_SHARED and shared > SHARE * of


def half_of(rid, line):
    m = re.search(r"-(\d+)-", rid)
    return (int(m.group(1)) if m else line) % 2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", help="kernsatz summarize --jsonl output")
    ap.add_argument("--n", type=int, default=3, help="summary length asked for (default 3)")
    ap.add_argument("--half", choices=["even", "odd"], help="only the articles of this half")
    ap.add_argument("--show", action="store_true", help="print each finding")
    args = ap.parse_args()

    counts = dict(summaries=0, lead=0, restating_pair=0, covered=0, byline=0, cross_reference=0)
    with open(args.preds, encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            if not line.strip():
                continue
            r = json.loads(line)
            if args.half and half_of(r["id"], line_no) != ("even", "odd").index(args.half):
                continue
            sents = r.get("sentences") or []
            findings = []
            if any(BYLINE.search(s["text"]) for s in sents):
                counts["byline"] += 1
                findings.append("byline")
            if any(CROSS_REF.search(s["text"]) for s in sents):
                counts["cross_reference"] += 1
                findings.append("cross-reference")
            if len(sents) < args.n:
                if args.show and findings:
                    print(f"{r['id']}: {', '.join(findings)}")
                continue
            counts["summaries"] += 1
            if [s["index"] for s in sents] == list(range(args.n)):
                counts["lead"] += 1
            terms = [content(s["text"]) for s in sents]
            pair = any(
                restating(len(a & b), min(len(a), len(b)))
                for i, a in enumerate(terms)
                for b in terms[i + 1:]
            )
            covered = any(
                restating(len(a & set().union(*(b for j, b in enumerate(terms) if j != i))), len(a))
                for i, a in enumerate(terms)
            )
            counts["restating_pair"] += pair
            counts["covered"] += covered
            if pair:
                findings.append("restating pair")
            elif covered:
                findings.append("covered")
            if args.show and findings:
                print(f"{r['id']}: {', '.join(findings)}")
                for s in sents:
                    print(f"  [{s['index']}] {s['text']}")
    n = counts["summaries"]
    print(
        f"summaries of {args.n}+ sentences: {n}; exactly the first {args.n}: {counts['lead']}; "
        f"with a restating pair: {counts['restating_pair']}; with a sentence covered by the others: "
        f"{counts['covered']}; with a byline: {counts['byline']}; with a cross-reference: "
        f"{counts['cross_reference']}"
    )


if __name__ == "__main__":
    sys.exit(main())
