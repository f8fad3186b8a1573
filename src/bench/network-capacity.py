#!/usr/bin/env python3
"""Can the sample provider network take the simulated day at all? A fluid estimate, no hotline involved.

Run from the repository root:  python3 src/bench/network-capacity.py [--requests 60000] [--weekday SUN]
                                                                      [--street-share 0.2] [--scale 1,2]

For every service: the day's requests for it (--requests x its share of the directory's labelled examples,
config/directory/examples/*.tsv, which is how the demo draws them) arrive minute by minute along the demo's day
curve (DayCurve: few at night, peaks at 9-11 and 14-16). Each takes one of the jobs a provider offering the service
can hold at once (its capacity column) while that provider is open (its hours column on --weekday), for as long as
the demo's simulated providers keep a job (Behaviour: partners and volunteers about 1.8 h from accepting to done,
departments about 7.5 h; log-normal means). A request that finds no free job in an open provider is lost (in the
hotline: held for an opening, or 督办). District-wide providers take any request; street-level ones only the web's
share (--street-share: phone and SMS orders carry no street, so dispatch sees only district-wide providers for them),
spread evenly over the 10 streets. --scale multiplies every capacity (e.g. 1,2,4).

It prints the share of the day's requests the network could take and the requests lost per hour: the ceiling the
sample network puts on "offered within 5 minutes" whatever the hotline does.
"""
import argparse
import csv
import glob
import math
import re
from collections import Counter
from pathlib import Path

DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
CURVE = [0.20, 0.12, 0.08, 0.06, 0.07, 0.15, 0.45, 1.00, 1.75, 2.05, 2.00, 1.70,
         1.10, 1.20, 1.65, 1.70, 1.60, 1.40, 1.15, 1.25, 1.20, 0.95, 0.60, 0.35]
# mean hours a job is held (accept + work), from Behaviour's log-normal medians with sigma 0.6: median * e^0.18
HELD = {"DEPARTMENT": 0.25 + 6 * math.exp(0.18), "PARTNER_COMPANY": 0.03 + 1.5 * math.exp(0.18),
        "VOLUNTEER_INDIVIDUAL": 0.04 + 1.5 * math.exp(0.18), "VOLUNTEER_TEAM": 0.04 + 1.5 * math.exp(0.18)}
STREETS = 10


def demand_shares(root):
    counts = Counter()
    for path in glob.glob(str(root / "config/directory/examples/*.tsv")):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                code = (row.get("service_code") or "").strip()
                if code and code != "NONE":
                    counts[code] += 1
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items()}


def providers(root):
    with open(root / "config/providers/providers.csv", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def opening(spec, weekday):
    """The (from, to) hours a provider is open on the weekday."""
    if spec.strip() == "24h":
        return [(0.0, 24.0)]
    spans = []
    for part in spec.split(";"):
        m = re.match(r"([A-Z,\-]+)\s+(.*)", part.strip())
        days = set()
        for d in m.group(1).split(","):
            if "-" in d:
                a, b = d.split("-")
                days |= set(DAYS[DAYS.index(a):DAYS.index(b) + 1])
            else:
                days.add(d)
        if weekday in days:
            for t in m.group(2).split():
                a, b = t.split("-")
                spans.append((int(a[:2]) + int(a[3:]) / 60, int(b[:2]) + int(b[3:]) / 60))
    return spans


def day(shares, network, requests, weekday, street_share, scale):
    weight = [w * 24 / sum(CURVE) for w in CURVE]
    taken = 0.0
    lost = [0.0] * 24
    for code, share in shares.items():
        offering = []
        for p in network:
            if code in p["services"].split(";"):
                wide = p["coverage"].strip() == "海曙区"
                offering.append({"cap": int(p["capacity"]) * scale, "held": HELD[p["kind"]],
                                 "open": opening(p["hours"], weekday), "wide": wide, "busy": 0.0})
        for minute in range(24 * 60):
            hour = minute / 60
            arriving = requests * share * weight[int(hour)] / (24 * 60)
            for p in offering:
                p["busy"] -= p["busy"] / (p["held"] * 60)
            open_now = [p for p in offering if any(a <= hour < b for a, b in p["open"])]
            # the web's share may go to its street's providers first, the rest only district-wide
            street_part = arriving * street_share
            for p in open_now:
                if not p["wide"] and street_part > 0:
                    x = min(street_part / STREETS, max(0.0, p["cap"] - p["busy"]))
                    p["busy"] += x
                    street_part -= x
            rest = arriving * (1 - street_share) + street_part
            for p in open_now:
                if p["wide"] and rest > 0:
                    x = min(rest, max(0.0, p["cap"] - p["busy"]))
                    p["busy"] += x
                    rest -= x
            taken += arriving - rest
            lost[int(hour)] += rest
    return taken, lost


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=60000)
    ap.add_argument("--weekday", default="SUN", choices=DAYS)
    ap.add_argument("--street-share", type=float, default=0.2)
    ap.add_argument("--scale", default="1")
    args = ap.parse_args()
    root = Path(__file__).resolve().parents[2]
    shares = demand_shares(root)
    network = providers(root)
    print(f"{len(network)} providers, {len(shares)} services asked for, {args.requests} requests on a {args.weekday}")
    for scale in [float(s) for s in args.scale.split(",")]:
        taken, lost = day(shares, network, args.requests, args.weekday, args.street_share, scale)
        print(f"capacity x{scale:g}: the network can take {taken:,.0f} of {args.requests:,} "
              f"({100 * taken / args.requests:.1f} %); lost by hour 00-23: " + " ".join(f"{x:.0f}" for x in lost))


if __name__ == "__main__":
    main()
