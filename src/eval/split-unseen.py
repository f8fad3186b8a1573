#!/usr/bin/env python3
"""Splits a demoted unseen set into two fixed halves (issue 19).

A set that has been reported as unseen once becomes a tuning set. To keep a check against overfitting, it is
split by a fixed seed: half A may be read for kinds of misses, half B is only ever scored, never read.

- unseen-requests.tsv (demoted in the fourth matcher session) -> unseen-a.tsv / unseen-b.tsv, seed 19
- unseen-3.tsv (demoted in the fifth matcher session)          -> unseen-3a.tsv / unseen-3b.tsv, seed 19
- unseen-4.tsv (demoted in the sixth matcher session)          -> unseen-4a.tsv / unseen-4b.tsv, seed 19
- unseen-5.tsv (demoted in the seventh matcher session)        -> unseen-5a.tsv / unseen-5b.tsv, seed 19
- unseen-6.tsv (demoted in the eighth matcher session)         -> unseen-6a.tsv / unseen-6b.tsv, seed 19
- unseen-7.tsv (demoted in the ninth matcher session)          -> unseen-7a.tsv / unseen-7b.tsv, seed 19
- unseen-8.tsv (demoted in the tenth matcher session)          -> unseen-8a.tsv / unseen-8b.tsv, seed 19
- unseen-9.tsv (demoted in the eleventh matcher session)       -> unseen-9a.tsv / unseen-9b.tsv, seed 19

Run from the repository root: python3 src/eval/split-unseen.py (rewrites all sixteen halves, byte for byte the same).
"""
import random
from pathlib import Path

SEED = 19
HERE = Path(__file__).resolve().parent
SPLITS = (
    ("unseen-requests.tsv", "unseen-a.tsv", "unseen-b.tsv"),
    ("unseen-3.tsv", "unseen-3a.tsv", "unseen-3b.tsv"),
    ("unseen-4.tsv", "unseen-4a.tsv", "unseen-4b.tsv"),
    ("unseen-5.tsv", "unseen-5a.tsv", "unseen-5b.tsv"),
    ("unseen-6.tsv", "unseen-6a.tsv", "unseen-6b.tsv"),
    ("unseen-7.tsv", "unseen-7a.tsv", "unseen-7b.tsv"),
    ("unseen-8.tsv", "unseen-8a.tsv", "unseen-8b.tsv"),
    ("unseen-9.tsv", "unseen-9a.tsv", "unseen-9b.tsv"),
)


def split(source: str, half_a: str, half_b: str) -> None:
    lines = (HERE / source).read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], [line for line in lines[1:] if line.strip()]
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    half = set(order[: len(rows) // 2])
    for name, keep in ((half_a, lambda i: i in half), (half_b, lambda i: i not in half)):
        chosen = [rows[i] for i in range(len(rows)) if keep(i)]
        (HERE / name).write_text("\n".join([header, *chosen]) + "\n", encoding="utf-8")


for source, a, b in SPLITS:
    split(source, a, b)
