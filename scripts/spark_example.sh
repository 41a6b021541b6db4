#!/usr/bin/env bash
# Runs the PySpark job of examples/spark/ in local[2] on a JSONL corpus and checks that its IDF
# table, every summary and every vocabulary list equal what one kernsatz process makes of the
# same corpus; prints the time of each and `identical` at the end, exits non-zero otherwise.
#   bash scripts/spark_example.sh [CORPUS.jsonl]   (default ../shared/data/corpus/10kgnad-test.jsonl)
# Needs Java 17+ and python3 with venv; PyPI pyspark (pinned in examples/spark/requirements.txt,
# ~500 MB installed) goes into a venv in ${KERNSATZ_TOOLS_CACHE:-~/.cache/kernsatz-tools} once.
# Builds kernsatz with --release. Not part of scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(realpath "${1:-$root/../shared/data/corpus/10kgnad-test.jsonl}")
cd "$root"
cache=${KERNSATZ_TOOLS_CACHE:-$HOME/.cache/kernsatz-tools}
venv=$cache/spark-venv
requirements=examples/spark/requirements.txt

if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  echo "spark_example.sh: needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)" >&2
  exit 2
fi
if ! [ -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/.ready"; then
  echo "spark_example.sh: installing pyspark into $venv" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q -r "$requirements" >&2
  cp "$requirements" "$venv/.ready"
fi
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$root/target}/release/kernsatz

stages=summarize,vocab

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
elapsed() { echo "$1 $2" | awk '{printf "%.1f s", $2 - $1}'; }

echo "corpus: $corpus ($(du -h "$corpus" | cut -f1), $(wc -l <"$corpus") articles)"

# One process: the same work as the Spark job
start=$(now)
"$bin" idf build "$corpus" -o "$work/single.idf"
"$bin" summarize --jsonl --idf "$work/single.idf" "$corpus" >"$work/summaries.jsonl" || [ $? -eq 1 ]
if [[ $stages == *vocab* ]]; then
  "$bin" vocab --per-article --format json --idf "$work/single.idf" "$corpus" \
    >"$work/vocab.jsonl" || [ $? -eq 1 ]
fi
single=$(elapsed "$start" "$(now)")
echo "one process: $single"

# The Spark job, as in examples/spark/README.md
start=$(now)
"$venv/bin/python" examples/spark/kernsatz_spark.py --master 'local[2]' --kernsatz "$bin" \
  --stages "$stages" "$corpus" "$work/spark" 2>"$work/spark.log" || {
  tail -n 30 "$work/spark.log" >&2
  exit 1
}
spark=$(elapsed "$start" "$(now)")
echo "spark local[2]: $spark"

same() { # name, file of the single run, file of the Spark run
  if ! cmp -s "$2" "$3"; then
    echo "spark_example.sh: $1 differ:" >&2
    diff "$2" "$3" | head -n 10 >&2
    exit 1
  fi
  echo "$1: $(wc -l <"$2") lines, the same"
}
same "IDF tables" "$work/single.idf" "$work/spark/corpus.idf"
cat "$work"/spark/summaries/part-* >"$work/spark-summaries.jsonl"
same "summaries" "$work/summaries.jsonl" "$work/spark-summaries.jsonl"
if [[ $stages == *vocab* ]]; then
  cat "$work"/spark/vocab/part-* >"$work/spark-vocab.jsonl"
  same "vocabulary lists" "$work/vocab.jsonl" "$work/spark-vocab.jsonl"
fi
echo identical
