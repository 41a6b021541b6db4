#!/usr/bin/env python3
"""Share of cloze vocabulary answers that are hand-labelled key terms.

  python3 scripts/cloze_gold.py [--cmd 'target/release/kernsatz cloze --format json -'] [--show]

For each article of the gold file (default: ../shared/data/vocab/dev-vocab-gold.tsv, 12 dev
articles of 10kGNAD, 20 key terms each), the command reads the article on stdin and prints a
worksheet as JSON; every item of kind "vocab" counts as a hit when its lemma (or its answer)
equals, case-insensitively, a labelled lemma or one of its accepted variants. Prints the share
per article and overall (hits / items), and with --show every item with its verdict.
Plain Python 3; the texts come from --texts (JSONL {"id","text"}).
"""
import argparse, json, os, subprocess, sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared")
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default=os.path.join(here, "..", "target", "release", "kernsatz") + " cloze --format json -")
    ap.add_argument("--gold", default=os.path.join(shared, "data/vocab/dev-vocab-gold.tsv"))
    ap.add_argument("--texts", default=os.path.join(shared, "data/summ/10kgnad-teaser-dev.jsonl"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    gold = {}
    for line in open(a.gold, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
        names = {f[1].lower()} | {v.strip().lower() for v in f[3].split(",") if v.strip()}
        gold.setdefault(f[0], set()).update(names)
    texts = {}
    for line in open(a.texts, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in gold:
            texts[r["id"]] = r["text"]
    hits = total = 0
    rows = []
    for aid in gold:
        if aid not in texts:
            print(f"{aid}: text not found in {a.texts}", file=sys.stderr)
            continue
        p = subprocess.run(a.cmd, shell=True, input=texts[aid], capture_output=True, text=True)
        try:
            items = [i for i in json.loads(p.stdout)["items"] if i.get("kind", "vocab") == "vocab"]
        except Exception:
            print(f"{aid}: no worksheet ({p.stderr.strip()[:200]})", file=sys.stderr)
            items = []
        h = 0
        for i in items:
            ok = i["lemma"].lower() in gold[aid] or i["answer"].lower() in gold[aid]
            h += ok
            if a.show:
                print(f"  {aid} {'+' if ok else '-'} {i['lemma']}")
        rows.append({"id": aid, "items": len(items), "key_terms": h})
        print(f"{aid}: {h}/{len(items)} answers are key terms", file=sys.stderr if a.json else sys.stdout)
        hits += h
        total += len(items)
    share = hits / total if total else 0.0
    if a.json:
        print(json.dumps({"articles": rows, "items": total, "key_terms": hits, "share": share}, indent=2))
    else:
        print(f"all: {hits}/{total} vocabulary answers are labelled key terms ({100 * share:.1f} %)")


if __name__ == "__main__":
    main()
