#!/usr/bin/env python3
"""Splits the demoted unseen set into two fixed halves (issue 19, fourth matcher session).

unseen-requests.tsv was reported as unseen once and is now a tuning set. To keep a check against overfitting, it is
split by a fixed seed: half A (unseen-a.tsv) may be read for kinds of misses, half B (unseen-b.tsv) is only ever
scored, never read. Run from the repository root: python3 src/eval/split-unseen.py
"""
import random
from pathlib import Path

SEED = 19
HERE = Path(__file__).resolve().parent

lines = (HERE / "unseen-requests.tsv").read_text(encoding="utf-8").splitlines()
header, rows = lines[0], [line for line in lines[1:] if line.strip()]
order = list(range(len(rows)))
random.Random(SEED).shuffle(order)
half = set(order[: len(rows) // 2])
for name, keep in (("unseen-a.tsv", lambda i: i in half), ("unseen-b.tsv", lambda i: i not in half)):
    chosen = [rows[i] for i in range(len(rows)) if keep(i)]
    (HERE / name).write_text("\n".join([header, *chosen]) + "\n", encoding="utf-8")
