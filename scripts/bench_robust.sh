#!/usr/bin/env bash
# Peak RSS and wall time of every command on pathological inputs (issue 16): prints a markdown
# table (paste it into BENCHMARKS.md, "Robustness").
#
#   scripts/bench_robust.sh                         # release build, all inputs, 200 MB JSONL
#   JSONL_MB=20 scripts/bench_robust.sh             # a smaller corpus
#   KERNSATZ_BIN=/path/to/kernsatz scripts/bench_robust.sh   # measure this binary, no build
#   INPUTS="word jsonl" COMMANDS="summarize deck" scripts/bench_robust.sh   # a subset
#   TIMEOUT=600 scripts/bench_robust.sh             # seconds per run before it is killed
#   MEM_LIMIT_MB=8192 scripts/bench_robust.sh       # address-space limit per run (ulimit -v)
#
# Inputs (built once into $BENCH_DIR, default /tmp/kernsatz-bench-robust, never in the repo):
#   line       50 MB on one line, no sentence punctuation, words of the corpus
#   word       a short article with one 1 MB word ("Wirtschaft" 100,000 times) in a sentence
#   sentences  1,000,000 one-word sentences ("Wort." with words of the corpus)
#   jsonl      ../shared/data/corpus/10kgnad-test.jsonl repeated to JSONL_MB MB (10^6 bytes),
#              each copy's ids suffixed with "-rN" so that no two records share an id
# Commands: summarize, segment, vocab, cloze, study (files into a directory; `--format json`
# for the JSONL, one directory per record would be ~100k directories), deck (.apkg), quiz
# (stdin empty), extract, idf build, idf count; outputs go to /dev/null or a scratch directory.
# Each run: /usr/bin/time (peak RSS = max resident set size, wall = elapsed), killed after
# TIMEOUT s (shown as "> TIMEOUT s") and limited to MEM_LIMIT_MB MB of address space, so that a
# command whose memory explodes fails alone instead of taking the machine down (an allocation
# failure aborts it: exit 134, shown as "> MEM_LIMIT_MB MB"). "× summarize" is the ratio to `summarize` on the same input
# (CPU = user + sys time, steadier than wall time on a shared machine).
# The limits of issue 16: peak RSS ≤ 1 GB (marked ✗ beyond) and time ≤ 5 × summarize + a
# constant.
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
corpus=$shared/data/corpus/10kgnad-test.jsonl
data=${BENCH_DIR:-/tmp/kernsatz-bench-robust}
jsonl_mb=${JSONL_MB:-200}
timeout_s=${TIMEOUT:-900}
mem_limit_mb=${MEM_LIMIT_MB:-8192}
inputs=${INPUTS:-line word sentences jsonl}
commands=${COMMANDS:-summarize segment vocab cloze study deck quiz extract idf-build idf-count}

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "missing $corpus" >&2; exit 2; }
case $data in "$root"/*) echo "BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${KERNSATZ_BIN:-}" ]; then
  cp "$KERNSATZ_BIN" "$work/kernsatz"
else
  (cd "$root" && cargo build --release --quiet)
  cp "${CARGO_TARGET_DIR:-$root/target}/release/kernsatz" "$work/kernsatz"
fi
K=$work/kernsatz

# --- inputs ---------------------------------------------------------------------------------
build_inputs() {
  python3 - "$corpus" "$data" "$jsonl_mb" <<'EOF'
import json, os, re, sys
corpus, data, jsonl_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts, lines = [], []
with open(corpus, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            lines.append(json.loads(line))
            texts.append(lines[-1]["text"])
words = [w for w in re.sub(r"[.!?:;…]", " ", " ".join(texts)).split() if w.isalpha()]

def write(name, make):
    path = os.path.join(data, name)
    if not os.path.exists(path):
        tmp = path + ".part"
        with open(tmp, "w", encoding="utf-8") as out:
            make(out)
        os.replace(tmp, path)

def line(out):
    size, i = 0, 0
    while size < 50_000_000:
        w = words[i % len(words)] + " "
        out.write(w)
        size += len(w.encode())
        i += 1
    out.write("\n")

def word(out):
    out.write("Die Regierung plant eine Reform der Steuern. Der Begriff "
              + "Wirtschaft" * 100_000
              + " steht in keinem Wörterbuch. Die Opposition kritisiert den Plan scharf.\n")

def sentences(out):
    for i in range(1_000_000):
        out.write(words[i % len(words)].capitalize() + ".")
        out.write("\n" if i % 20 == 19 else " ")

def jsonl(out):
    size, copy = 0, 0
    while size < jsonl_mb * 1_000_000:
        for rec in lines:
            r = dict(rec, id=f"{rec['id']}-r{copy}")
            s = json.dumps(r, ensure_ascii=False) + "\n"
            out.write(s)
            size += len(s.encode())
        copy += 1

write("line.txt", line)
write("word.txt", word)
write("sentences.txt", sentences)
write(f"corpus-{jsonl_mb}mb.jsonl", jsonl)
EOF
}
build_inputs
input_path() {
  case $1 in
    jsonl) echo "$data/corpus-${jsonl_mb}mb.jsonl" ;;
    *) echo "$data/$1.txt" ;;
  esac
}
input_label() {
  case $1 in
    line) echo "50 MB one line" ;;
    word) echo "1 MB word" ;;
    sentences) echo "1M tiny sentences" ;;
    jsonl) echo "${jsonl_mb} MB JSONL" ;;
  esac
}

# --- runs -----------------------------------------------------------------------------------
# measure CMD INPUT: runs it, sets WALL (s, or "> TIMEOUT"), CPU (user + sys s), RSS (MB), RC.
measure() {
  local cmd=$1 in=$2 jsonl=0
  case $in in *.jsonl) jsonl=1 ;; esac
  rm -rf "$work/out" && mkdir -p "$work/out"
  local args
  case $cmd in
    summarize | segment | vocab | cloze | extract) args=("$cmd" "$in") ;;
    study)
      if [ $jsonl = 1 ]; then args=(study --format json "$in"); else args=(study -o "$work/out/study" "$in"); fi ;;
    deck) args=(deck "$in" -o "$work/out/deck.apkg") ;;
    quiz) args=(quiz "$in") ;;
    idf-build) args=(idf build "$in" -o "$work/out/table.idf") ;;
    idf-count) args=(idf count "$in") ;;
  esac
  set +e
  (
    ulimit -v $((mem_limit_mb * 1024))
    exec timeout "$timeout_s" /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$K" "${args[@]}" \
      </dev/null >/dev/null 2>"$work/stderr"
  )
  RC=$?
  set -e
  if [ $RC = 124 ] || [ ! -s "$work/time" ]; then
    WALL="> $timeout_s"
    CPU="?"
    RSS="?"
    RC=killed
  elif [ $RC = 134 ] && grep -q "memory allocation" "$work/stderr"; then
    WALL="–"
    CPU="–"
    RSS="> $mem_limit_mb"
    RC=abort
  else
    read -r WALL RSS_KB USER_S SYS_S < <(tail -1 "$work/time")
    RSS=$((RSS_KB / 1024))
    CPU=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.2f}')" "$USER_S" "$SYS_S")
  fi
  rm -f "$work/time"
}

ratio() { # ratio A B: A / B with one decimal, or "–"
  python3 -c "import sys
try: print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 0.01):.1f}')
except ValueError: print('–')" "$1" "$2"
}

echo "kernsatz $("$K" --version | head -1 | awk '{print $2}') ($(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')), $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| input | command | exit | wall s | CPU s | CPU × summarize | peak RSS MB | × summarize | ≤ 1 GB |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
for i in $inputs; do
  in=$(input_path "$i")
  label=$(input_label "$i")
  base_wall="" base_cpu="" base_rss=""
  for c in summarize $commands; do
    if [ "$c" = summarize ] && [ -n "$base_wall" ]; then continue; fi
    measure "$c" "$in"
    if [ "$c" = summarize ]; then base_wall=$WALL base_cpu=$CPU base_rss=$RSS; fi
    ok="✓"
    case $RSS in
      [0-9]*) if [ "$RSS" -gt 1024 ]; then ok="✗"; fi ;;
      *) ok="✗" ;;
    esac
    echo "| $label | ${c/-/ } | $RC | $WALL | $CPU | $(ratio "$CPU" "$base_cpu") | $RSS | $(ratio "$RSS" "$base_rss") | $ok |"
  done
done
