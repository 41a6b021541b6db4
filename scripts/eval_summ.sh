#!/usr/bin/env bash
# ROUGE of `kernsatz summarize --jsonl` on the shared dev sets, scored by the shared rouge_eval.py
# (--stem). Extra arguments go to kernsatz (e.g. --position-weight 0.8).
#   scripts/eval_summ.sh [kernsatz flags…]
# Prints one line per set and length: R1 R2 RL (F1 × 100).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KERNSATZ_SHARED:-$root/../shared}
PY=$(bash "$shared/tools/summ/setup.sh" | tail -1)
bin=$root/target/release/kernsatz
[ -x "$bin" ] || cargo build --release --manifest-path "$root/Cargo.toml" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # set n [flags]
  local set=$1 n=$2
  shift 2
  "$bin" summarize --jsonl -n "$n" "$@" < "$shared/data/summ/$set.jsonl" > "$tmp/pred.jsonl" || true
  printf '%-20s n=%s  ' "$set" "$n"
  "$PY" "$shared/tools/summ/rouge_eval.py" --stem --refs "$shared/data/summ/$set.jsonl" \
     --preds "$tmp/pred.jsonl" 2>/dev/null | grep -o 'R1=[0-9.]*.*RL=[0-9.]*'
}
shift_args=("$@")
for n in 1 3; do run 10kgnad-teaser-dev $n "${shift_args[@]}"; done
run klexikon-val 3 "${shift_args[@]}"
