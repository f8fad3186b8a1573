#!/usr/bin/env python3
"""Place names must not decide a match (issue 19, ADR 0044): scores texts as they are and with a place appended.

usage: python3 src/eval/area-endings.py [--jar JAR] [--dev DEV] [--examples N] [--seed S]
Residents end texts with where they are ("…，在鼓楼街道孝闻社区", "海曙区月湖街道xx小区3幢"). This takes the dev
set and N labelled examples (drawn by seed S from config/directory/examples/, NONE rows included) and writes each
as it is and with a place said, drawn by the same seed from the real area tree (config/directory/areas.tsv) in one
of several forms: appended, put first, with an estate, a building, unit and room, a road and number, short names.
Each variant is scored by `hotline match --eval` and one summary line printed per set: the ask-the-agent rate,
top-1, top-3, type and NONE F1 should not move; then the number of texts whose answer (`hotline match`: top three
and type) the place changed. Reproducible: same seed, same texts. Run from the repository root
after building the jar (default hotline-gateway/target/hotline.jar). Nothing is written in the repository.
"""
import argparse
import random
import re
import subprocess
import tempfile
from pathlib import Path

AREAS = Path("config/directory/areas.tsv")
EXAMPLES = Path("config/directory/examples")
# estate and road names as residents write them; some carry words a service might read (花园, 公寓, 大厦)
ESTATES = ["锦绣花园", "阳光家园", "南塘新村", "怡江苑", "泰和公寓", "金色水岸", "恒隆大厦", "翠湖名都"]
ROADS = ["中山西路", "解放南路", "丽园北路", "望春路", "柳汀街", "环城西路", "新典路"]


def tree():
    rows = []
    for line in AREAS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            d, s, c = line.split("\t")[:3]
            rows.append((d, s, c))
    return rows


def place(rng, rows):
    d, s, c = rng.choice(rows)
    short_s = re.sub("(街道|镇)$", "", s)
    n = lambda hi: str(rng.randint(1, hi))
    forms = [
        lambda t: f"{t}，在{s}{c}",
        lambda t: f"{t}，{d}{s}{rng.choice(ESTATES)}{n(30)}幢",
        lambda t: f"{t}。地址：{s}{rng.choice(ROADS)}{n(300)}号{n(12)}幢{n(4)}单元{n(18)}0{n(4)}室",
        lambda t: f"{t}（{c}{rng.choice(ESTATES)}{n(20)}-{n(3)}-{n(18)}0{n(2)}）",
        lambda t: f"{t}，我住{c}",
        lambda t: f"{s}{c}的，{t}",
        lambda t: f"{t}，我家在{d}{short_s}这边",
        lambda t: f"{t}，宁波市{d}{s}{c}{rng.choice(ESTATES)}{n(9)}栋{n(3)}单元{n(20)}0{n(3)}",
    ]
    return rng.choice(forms)


def rows_of(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def examples(count, rng):
    rows = []
    for f in sorted(EXAMPLES.glob("*.tsv")):
        rows += [[r[0], r[1], r[2], "example"] for r in rows_of(f) if len(r) >= 3]
    return rng.sample(rows, count)


def score(jar, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as out:
        out.write("text\texpected_codes\trequest_type\tnote\n")
        out.writelines("\t".join(r[:3] + ["-"]) + "\n" for r in rows)
    done = subprocess.run(["java", "-jar", jar, "match", "--eval", out.name], capture_output=True, text=True,
                          check=True)
    Path(out.name).unlink()
    line = " ".join(done.stdout.strip().splitlines()[-3:])
    keep = ("ask-agent", "top1", "top3", "type", "none-f1")
    return " ".join(p for p in line.split() if p.split("=")[0] in keep)


def answers(jar, rows):
    text = "".join(r[0] + "\n" for r in rows)
    done = subprocess.run(["java", "-jar", jar, "match"], input=text, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="hotline-gateway/target/hotline.jar")
    ap.add_argument("--dev", default="../shared/directory/dev-requests.tsv")
    ap.add_argument("--examples", type=int, default=400)
    ap.add_argument("--seed", type=int, default=44)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    areas = tree()
    sets = [("dev", [r[:3] for r in rows_of(Path(a.dev))]), ("examples", examples(a.examples, rng))]
    for name, rows in sets:
        placed = [[place(rng, areas)(r[0])] + r[1:3] for r in rows]
        print(f"{name} ({len(rows)}) as written:   {score(a.jar, rows)}")
        print(f"{name} ({len(rows)}) with a place: {score(a.jar, placed)}")
        changed = sum(1 for x, y in zip(answers(a.jar, rows), answers(a.jar, placed)) if x != y)
        print(f"{name} ({len(rows)}) answers (top three and type) changed by the place: {changed}")


if __name__ == "__main__":
    main()
