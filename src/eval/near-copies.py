#!/usr/bin/env python3
"""Checks new labelled examples against the eval sets (issue 19): character-bigram Jaccard similarity.

usage: python3 src/eval/near-copies.py NOTE [THRESHOLD]
  NOTE: the note prefix of the new examples in config/directory/examples/*.tsv (e.g. s8)
Prints, for the read sets (dev, held-out-2, the A halves), every pair at or above THRESHOLD (default 0.6) and the
pairs of 0.45 or more to be read; for the B halves (scored only) the count of new examples at or above THRESHOLD,
never the rows. Run from the repository root.
"""
import re
import sys
from pathlib import Path

NOTE = sys.argv[1]
THRESHOLD = float(sys.argv[2]) if len(sys.argv) > 2 else 0.6
EVAL = Path("src/eval")
READ = [Path("../shared/directory/dev-requests.tsv"), EVAL / "heldout-2.tsv"] + sorted(EVAL.glob("unseen-*a.tsv"))
SCORED = sorted(EVAL.glob("unseen-*b.tsv"))


def bigrams(text):
    t = re.sub(r"[\s\W_]+", "", text.lower())
    return {t[i:i + 2] for i in range(len(t) - 1)} or {t}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a and b else 0.0


def texts(path):
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [r.split("\t")[0] for r in rows if r.strip()]


new = []
for f in sorted(Path("config/directory/examples").glob("*.tsv")):
    for line in f.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 4 and cols[3].startswith(NOTE + " "):
            new.append(cols[0])
print(f"{len(new)} examples with note {NOTE}")
grams = [(t, bigrams(t)) for t in new]
for path in READ:
    for row in texts(path):
        rb = bigrams(row)
        for t, g in grams:
            s = jaccard(g, rb)
            if s >= 0.45:
                print(f"{'NEAR' if s >= THRESHOLD else 'read'} {s:.2f} {path.name}: {row}  <->  {t}")
for path in SCORED:
    rows = [bigrams(r) for r in texts(path)]
    hits = sum(1 for _, g in grams if any(jaccard(g, rb) >= THRESHOLD for rb in rows))
    print(f"{path.name}: {hits} new examples at {THRESHOLD} or more (rows not shown)")
