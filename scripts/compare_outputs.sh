#!/usr/bin/env bash
# Runs every command of two kernsatz binaries on the same articles and compares the outputs byte
# for byte: the check that a refactoring changed no behaviour.
#
#   scripts/compare_outputs.sh OLD_BIN NEW_BIN [WORKDIR]
#
# Articles: examples/*.txt, the HTML fixtures (tests/fixtures/html/*.html), the article fixtures
# (tests/fixtures/articles/*.txt) and, when ../shared is beside the checkout, the 12 dev articles
# with hand-labelled vocabulary. Anki packages are compared as SQL dumps of their collection
# (the zip's timestamps aside, SOURCE_DATE_EPOCH fixes the notes' times). Prints one line per
# differing output and exits 1 if there is any; `identical` and exit 0 otherwise.
# Extra arguments for one command can be given as OLD_ARGS_<cmd>/NEW_ARGS_<cmd> environment
# variables (e.g. NEW_ARGS_cloze="--idf x.idf").
set -euo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
work=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$work/in"
cp "$root"/examples/*.txt "$root"/tests/fixtures/html/*.html "$root"/tests/fixtures/articles/*.txt "$work/in/"
if [ -f "$shared/data/vocab/dev-vocab-gold.tsv" ]; then
  python3 - "$shared" "$work/in" <<'PY'
import json, sys
shared, out = sys.argv[1], sys.argv[2]
ids = {l.split("\t")[0] for l in open(f"{shared}/data/vocab/dev-vocab-gold.tsv") if not l.startswith("#")}
for line in open(f"{shared}/data/summ/10kgnad-teaser-dev.jsonl", encoding="utf-8"):
    r = json.loads(line)
    if r["id"] in ids:
        open(f"{out}/{r['id']}.txt", "w", encoding="utf-8").write(r["text"])
PY
fi

# run LABEL BIN SIDE: every command on every article into $work/SIDE/
run() {
  local bin=$1 side=$2 out=$work/$2
  rm -rf "$out"; mkdir -p "$out"
  for f in "$work"/in/*; do
    local b; b=$(basename "$f")
    (
      cd "$out"
      "$bin" summarize "$f" > "$b.summ.txt" 2>&1 || echo "rc=$?" >> "$b.summ.txt"
      "$bin" summarize -n 5 --format markdown --explain "$f" > "$b.summ.md" 2>&1 || echo "rc=$?" >> "$b.summ.md"
      "$bin" summarize --format json --explain "$f" > "$b.summ.json" 2>&1 || echo "rc=$?" >> "$b.summ.json"
      "$bin" segment "$f" > "$b.seg" 2>&1 || echo "rc=$?" >> "$b.seg"
      "$bin" segment --raw "$f" > "$b.segraw" 2>&1 || echo "rc=$?" >> "$b.segraw"
      for fmt in table markdown tsv csv json; do
        "$bin" vocab --format $fmt "$f" > "$b.vocab.$fmt" 2>&1 || echo "rc=$?" >> "$b.vocab.$fmt"
      done
      "$bin" vocab --all --limit 0 --format json "$f" > "$b.vocab.all" 2>&1 || echo "rc=$?" >> "$b.vocab.all"
      for fmt in text markdown json html; do
        "$bin" cloze --seed 7 --format $fmt "$f" > "$b.cloze.$fmt" 2>&1 || echo "rc=$?" >> "$b.cloze.$fmt"
      done
      "$bin" cloze --choices 0 --hint all --gaps 2 --format json "$f" > "$b.cloze.typed" 2>&1 || echo "rc=$?" >> "$b.cloze.typed"
      "$bin" study --format json "$f" > "$b.study.json" 2>&1 || echo "rc=$?" >> "$b.study.json"
      "$bin" study -o "study-$b" "$f" > "$b.study.out" 2>&1 || echo "rc=$?" >> "$b.study.out"
      if [ -f "study-$b/deck.apkg" ]; then
        mkdir -p "study-$b/x" && (cd "study-$b/x" && unzip -q ../deck.apkg && sqlite3 collection.anki2 .dump > ../deck.sql && rm -f collection.anki2) && rm -rf "study-$b/x" "study-$b/deck.apkg"
      fi
      "$bin" deck -o "$b.deck.txt" "$f" > /dev/null 2>&1 || echo "rc=$?" > "$b.deck.txt.rc"
      printf 'Gipfel\nKeineAhnung\nq\n' | "$bin" quiz --seed 3 --choices 0 "$f" > "$b.quiz" 2>&1 || echo "rc=$?" >> "$b.quiz"
    )
  done
  (
    cd "$out"
    "$bin" summarize --jsonl "$work"/in/*.txt > all.jsonl 2>&1 || echo "rc=$?" >> all.jsonl
    "$bin" vocab --format json "$work"/in/*.txt > all.vocab.json 2>&1 || echo "rc=$?" >> all.vocab.json
    "$bin" deck -o all.apkg "$work"/in/*.txt > /dev/null 2>&1 || echo "rc=$?" > all.apkg.rc
    if [ -f all.apkg ]; then
      mkdir -p x && (cd x && unzip -q ../all.apkg && sqlite3 collection.anki2 .dump > ../all.sql) && rm -rf x all.apkg
    fi
    "$bin" idf build "$work"/in -o corpus.idf --min-df 1 > /dev/null 2>&1 || echo "rc=$?" > corpus.idf.rc
  )
}

command -v sqlite3 >/dev/null || { echo "compare_outputs.sh needs sqlite3 (apt-get install sqlite3)" >&2; exit 2; }
run "$old" old
run "$new" new
if diff -r -q "$work/old" "$work/new"; then
  echo identical
else
  echo "outputs differ (see diff -r $work/old $work/new)"
  exit 1
fi
