#!/usr/bin/env bash
# Cost of the learner commands relative to `summarize` on the 10kGNAD test corpus (issue 13:
# `vocab --per-article` within 5 x `summarize`), and whether two binaries give the same bytes.
# Prints a markdown table (paste it into BENCHMARKS.md, "Vocabulary", "Speed").
#
#   scripts/bench_vocab.sh OLD_BIN NEW_BIN       # both binaries, one run, same load
#   ARTICLES=100 scripts/bench_vocab.sh OLD NEW  # instructions on the first 100 articles
#   SKIP_CALLGRIND=1 scripts/bench_vocab.sh OLD NEW
#
# 1. CPU time (user + sys, /usr/bin/time) and peak RSS of `summarize --jsonl`, `vocab
#    --per-article --format json`, `cloze --format json --seed 1`, `study --format json` and
#    `deck -o X.txt` on all 1,028 articles, one thread (RAYON_NUM_THREADS=1: with two, rayon's
#    idle spinning counts as CPU time), the two binaries alternately; the ratio to `summarize`.
# 2. Instructions (valgrind callgrind, one thread) of `summarize` and `vocab --per-article` on
#    the first ARTICLES (default 300) articles: stable on a loaded machine.
# 3. The outputs of the two binaries compared byte for byte (`cmp`); the script exits 1 if any
#    differ.
set -euo pipefail
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000 RAYON_NUM_THREADS=1
[ $# = 2 ] || { sed -n 2,9p "$0" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
corpus=$shared/data/corpus/10kgnad-test.jsonl
articles=${ARTICLES:-300}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "missing $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$articles" "$corpus" > "$work/head.jsonl"

# run BIN SIDE CMD INPUT: output into $work/SIDE-CMD.out, sets CPU (s) and RSS (MB)
run() {
  local bin=$1 side=$2 cmd=$3 in=$4 out=$work/$2-$3.out args
  case $cmd in
    summarize) args=(summarize --jsonl "$in") ;;
    vocab) args=(vocab --per-article --format json "$in") ;;
    cloze) args=(cloze --format json --seed 1 "$in") ;;
    study) args=(study --format json "$in") ;;
    deck) args=(deck -q "$in" -o "$work/$side-deck.txt" --force) ;;
  esac
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$bin" "${args[@]}" > "$out" 2>/dev/null
  read -r user sys rss_kb < <(tail -1 "$work/time")
  CPU=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.2f}')" "$user" "$sys")
  RSS=$((rss_kb / 1024))
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 0.01):.1f}')" "$1" "$2"; }

echo "$(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); old $("$old" --version | head -1), new $("$new" --version | head -1)"
echo
echo "| command, 1,028 articles, 1 thread | old CPU s | new CPU s | old × summarize | new × summarize | old / new peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
declare -A cpu rss
for cmd in summarize vocab cloze study deck; do
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    run "$bin" "$side" "$cmd" "$corpus"
    cpu[$side-$cmd]=$CPU rss[$side-$cmd]=$RSS
  done
  echo "| \`$cmd\` | ${cpu[old-$cmd]} | ${cpu[new-$cmd]} | $(ratio "${cpu[old-$cmd]}" "${cpu[old-summarize]}") | $(ratio "${cpu[new-$cmd]}" "${cpu[new-summarize]}") | ${rss[old-$cmd]} / ${rss[new-$cmd]} |"
done

if [ -z "${SKIP_CALLGRIND:-}" ] && command -v valgrind > /dev/null; then
  echo
  echo "| first $articles articles, 1 thread | old instructions | new instructions | old × summarize | new × summarize |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  declare -A ir
  for cmd in summarize vocab; do
    for side in old new; do
      bin=$old; [ $side = new ] && bin=$new
      case $cmd in
        summarize) args=(summarize --jsonl "$work/head.jsonl") ;;
        vocab) args=(vocab --per-article --format json "$work/head.jsonl") ;;
      esac
      ir[$side-$cmd]=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "${args[@]}" 2>&1 > /dev/null \
        | sed -n 's/.*I *refs: *//p' | tr -d ,)
    done
    m() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6:,.1f} M')" "$1"; }
    echo "| \`$cmd\` | $(m "${ir[old-$cmd]}") | $(m "${ir[new-$cmd]}") | $(ratio "${ir[old-$cmd]}" "${ir[old-summarize]}") | $(ratio "${ir[new-$cmd]}" "${ir[new-summarize]}") |"
  done
fi

echo
same=0
for cmd in summarize vocab cloze study; do
  if cmp -s "$work/old-$cmd.out" "$work/new-$cmd.out"; then echo "- \`$cmd\`: identical"; else echo "- \`$cmd\`: **differs**"; same=1; fi
done
if cmp -s "$work/old-deck.txt" "$work/new-deck.txt"; then echo "- \`deck\`: identical"; else echo "- \`deck\`: **differs**"; same=1; fi
exit $same
