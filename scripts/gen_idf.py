#!/usr/bin/env python3
"""Regenerate data/idf/de-wordfreq.idf, kernsatz's embedded German background IDF table.

Source: the German 'large' word list of the PyPI package `wordfreq` (version pinned in
scripts/setup-data-venv.sh), by Robyn Speer et al., data licensed CC BY-SA 4.0
(https://github.com/rspeer/wordfreq; it aggregates Wikipedia, subtitles, news, books, web text,
Twitter and Reddit). The derived table is CC BY-SA 4.0 as well.

wordfreq gives each word's share f(w) of all running words. kernsatz needs document frequencies,
so the table models a background corpus of DOCS documents of DOC_LEN words each, in which a word
of frequency f occurs in a document with probability 1 - exp(-f * DOC_LEN) (words drawn
independently, a Poisson approximation). df(w) = round(DOCS * (1 - exp(-f * DOC_LEN))).
Only words with Zipf frequency >= MIN_ZIPF are kept; rarer words get df 0 (the maximum IDF).
The file format is the one `kernsatz idf build` writes, so tables merge by adding counts.

usage: python3 scripts/gen_idf.py > data/idf/de-wordfreq.idf
"""
import math
import sys

import wordfreq
from importlib.metadata import version

DOCS = 10_000_000
DOC_LEN = 350
MIN_ZIPF = 2.0


def keep(word):
    # the same shapes kernsatz's tokenizer makes: letters/digits with inner hyphens or dots
    return word and word[0].isalnum() and all(c.isalnum() or c in "-.+'" for c in word) \
        and "\t" not in word


def main():
    freqs = wordfreq.get_frequency_dict("de", wordlist="large")
    rows = []
    for word, f in freqs.items():
        if f <= 0 or math.log10(f) + 9 < MIN_ZIPF or not keep(word):
            continue
        df = round(DOCS * -math.expm1(-f * DOC_LEN))
        if df > 0:
            rows.append((word.lower(), df))
    merged = {}
    for w, df in rows:
        merged[w] = max(merged.get(w, 0), df)
    out = sys.stdout
    out.write("# kernsatz idf v1\n")
    out.write(f"# source: wordfreq {version('wordfreq')} 'large' German list (CC BY-SA 4.0, Robyn Speer et al.)\n")
    out.write(f"# model: df = docs * (1 - exp(-f * {DOC_LEN})), words with zipf >= {MIN_ZIPF}\n")
    out.write("# licence of this table: CC BY-SA 4.0; regenerate with scripts/gen_idf.py\n")
    out.write(f"# docs: {DOCS}\n")
    for w in sorted(merged, key=lambda s: s.encode("utf-8")):
        out.write(f"{w}\t{merged[w]}\n")


if __name__ == "__main__":
    main()
