#!/usr/bin/env python3
"""Generates providers.csv: the sample provider network of a Ningbo-like district (海曙区).

Run from the repository root:  python3 config/providers/generate_providers.py [path/to/services.tsv]
(default: ../shared/directory/services.tsv). Deterministic (fixed seed): re-running gives the same file.
All phone numbers use the unassigned 199-0574 range, all webhooks the reserved .example domain, and the
secrets are sample values: replace them before production.
"""
import csv
import hashlib
import random
import sys
from pathlib import Path

SEED = 81890
DISTRICT = "海曙区"
STREETS = {
    "鼓楼街道": ["中山社区", "孝闻社区", "公园社区", "秀水社区"],
    "西门街道": ["新芝社区", "西门社区", "常青藤社区", "望春桥社区", "翠柏社区"],
    "月湖街道": ["郡庙社区", "天一社区", "青石社区", "平桥社区"],
    "南门街道": ["柳西社区", "尹江社区", "紫鹃社区", "新星社区", "南都社区"],
    "江厦街道": ["海晏社区", "和义社区", "东渡社区", "江厦社区"],
    "白云街道": ["安丰社区", "白云社区", "万安社区", "华兴社区"],
    "段塘街道": ["段塘社区", "新典社区", "南苑社区", "锦苑社区"],
    "望春街道": ["望春社区", "清风社区", "丽园社区", "联丰社区"],
    "石碶街道": ["石碶社区", "栎社社区", "雅戈尔社区", "星光社区"],
    "古林镇": ["古林社区", "蜃蛟社区", "布政社区", "西洋港社区"],
}
DEPARTMENTS = [
    ("DEP-WATER", "海曙区水务服务中心（自来水）", "UT-01 UT-02 UT-07 UT-08"),
    ("DEP-POWER", "国网宁波市海曙区供电公司", "UT-03 UT-07 UT-08"),
    ("DEP-GAS", "海曙区燃气服务中心", "UT-04 UT-07"),
    ("DEP-CITYMGMT", "海曙区综合行政执法局（城管）", "MC-02 MC-03 MC-04 MC-05 MC-07 MC-10"),
    ("DEP-MUNICIPAL", "海曙区市政设施管理中心", "MC-01 MC-06 MC-08 UT-09 UT-10"),
    ("DEP-HOUSING", "海曙区住房和城乡建设局", "RE-03 RE-08 MC-01"),
    ("DEP-CIVIL", "海曙区民政局", "CA-03 CA-04 CW-05 EC-01 EC-08 EC-09 ER-06 FB-08"),
    ("DEP-HRSS", "海曙区人力资源和社会保障局", "CA-01 JB-01 JB-03 JB-04 JB-06 JB-07 JB-08 JB-09 JB-10 LW-04"),
    ("DEP-MARKET", "海曙区市场监督管理局", "SH-10 FB-07 LW-05"),
    ("DEP-TRANSPORT", "海曙区交通运输局", "TT-01 TT-02 TT-03 TT-04 TT-06"),
    ("DEP-ECOENV", "宁波市生态环境局海曙分局", "MC-09 MC-04"),
    ("DEP-HEALTH", "海曙区卫生健康局", "MH-01 MH-02 CA-05"),
    ("DEP-EDU", "海曙区教育局", "ED-07 ED-08"),
    ("DEP-POLICE", "宁波市公安局海曙分局（非紧急警务）", "CA-02 CA-07 ER-04 MC-04"),
    ("DEP-EMERGENCY", "海曙区应急管理局", "ER-01 ER-04 ER-10"),
    ("DEP-NATRES", "宁波市自然资源和规划局海曙分局", "RE-07"),
    ("DEP-MEDINS", "海曙区医疗保障局", "MH-08"),
    ("DEP-JUSTICE", "海曙区司法局", "LW-02 LW-03 LW-06"),
    ("DEP-VETERANS", "海曙区退役军人事务局", "CA-09"),
    ("DEP-DISABLED", "海曙区残疾人联合会", "CA-06"),
    ("DEP-HOUSINGFUND", "宁波市住房公积金管理中心海曙分中心", "CA-08"),
    ("DEP-CULTURE", "海曙区文化和广电旅游体育局", "CT-03 CT-05 CT-10"),
    ("DEP-GOVSERVICE", "海曙区政务服务办公室", "CA-10 IT-08 IT-09"),
    ("DEP-VOLUNTEER", "共青团海曙区委（区志愿者联合会）", "VL-10"),
]
FIRM_PREFIXES = ["甬城", "四明", "天一", "月湖", "鼓楼", "三江", "明州", "宁兴", "和义", "镇明", "江厦", "永丰",
                 "日新", "恒信", "安家", "惠民", "邻里", "好帮手", "望京", "南塘", "老外滩", "樟溪", "鄞江", "它山"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰德胜海燕文斌晓东雪梅春花立新宏亮"
FIRM_HOURS = ["MON-SUN 08:00-20:00", "MON-FRI 08:30-17:30; SAT-SUN 09:00-17:00", "MON-SAT 08:00-18:00", "24h",
              "MON-SUN 07:00-22:00"]
VOLUNTEER_HOURS = ["SAT-SUN 09:00-17:00", "MON-FRI 18:30-21:00; SAT 09:00-12:00", "MON-SUN 09:00-11:30 14:00-17:00",
                   "TUE,THU 14:00-17:00", "MON-FRI 09:00-16:00"]
COLUMNS = ["id", "kind", "name", "services", "coverage", "hours", "capacity", "webhook_url", "webhook_secret", "sms",
           "portal_login", "status", "rating"]


def secret(provider_id):
    return "sample-" + hashlib.sha256(f"{SEED}:{provider_id}".encode()).hexdigest()[:32]


def phone(n):
    return f"1990574{n:04d}"


def read_services(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def departments(services):
    government = {s["service_code"] for s in services if s["provider_kind"] == "government"}
    covered = {code for _, _, codes in DEPARTMENTS for code in codes.split()}
    missing, unknown = government - covered, covered - government
    if missing or unknown:
        sys.exit(f"department mapping is off: missing {sorted(missing)}, not government {sorted(unknown)}")
    for i, (pid, name, codes) in enumerate(DEPARTMENTS, start=1):
        yield [pid, "DEPARTMENT", name, ";".join(codes.split()), DISTRICT, "24h", 500, "", "", phone(i),
               pid.lower().replace("dep-", "dept."), "ACTIVE", "4.0"]


def streets_text(rng, count):
    return ";".join(f"{DISTRICT}/{s}" for s in sorted(rng.sample(sorted(STREETS), count)))


def companies(services, rng):
    by_category = {}
    for s in services:
        if s["provider_kind"] == "partner":
            by_category.setdefault((s["category_code"], s["category_zh"]), []).append(s["service_code"])
    number = 0
    for (category, category_zh), codes in sorted(by_category.items()):
        firms = 4 if len(codes) <= 6 else 5
        prefixes = rng.sample(FIRM_PREFIXES, firms)
        for j in range(firms):
            number += 1
            pid = f"P-{number:04d}"
            offered = [c for k, c in enumerate(codes) if k % 2 == j % 2 or k == j % len(codes)]
            coverage = DISTRICT if j == 0 else streets_text(rng, rng.randint(2, 5))
            status = "SUSPENDED" if number % 37 == 0 else "ACTIVE"
            yield [pid, "PARTNER_COMPANY", f"宁波{prefixes[j]}{category_zh}有限公司", ";".join(offered), coverage,
                   rng.choice(FIRM_HOURS), rng.randint(3, 20), f"https://{pid.lower()}.partners.example/hotline/webhook",
                   secret(pid), phone(100 + number), f"p{number:04d}", status, f"{rng.uniform(3.4, 4.9):.1f}"]


def volunteers(services, rng, count=160):
    codes = [s["service_code"] for s in services if s["provider_kind"] == "volunteer"]
    names = {s["service_code"]: s["service_zh"] for s in services}
    for n in range(1, count + 1):
        pid = f"V-{n:04d}"
        street = sorted(STREETS)[n % len(STREETS)]
        first = codes[n % len(codes)]
        offered = [first] + [c for c in rng.sample(codes, rng.randint(0, 2)) if c != first]
        team = n % 3 == 0
        if team:
            name = f"{street}{names[first]}志愿服务队"
            coverage, capacity = f"{DISTRICT}/{street}", rng.randint(3, 8)
        else:
            name = f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}"
            community = rng.choice(STREETS[street])
            coverage, capacity = f"{DISTRICT}/{street}/{community}", rng.randint(1, 2)
        yield [pid, "VOLUNTEER_TEAM" if team else "VOLUNTEER_INDIVIDUAL", name, ";".join(offered), coverage,
               rng.choice(VOLUNTEER_HOURS), capacity, "", "", phone(500 + n), f"v{n:04d}", "ACTIVE",
               f"{rng.uniform(4.0, 5.0):.1f}"]


def district_network(services, rng):
    """Providers serving the whole district: a caller who phones or texts names no street, so each service needs one.

    Per partner category two firms that take every service of it in all of 海曙区 (a chain with many technicians,
    capacity 80-150): one by day every day, the other round the clock in every second category (on call) and by day
    six days a week otherwise.
    Per volunteer service one district volunteer corps, by day. Appended after the street-level network (its own
    random stream), so the rows above keep their values.
    """
    by_category = {}
    for s in services:
        if s["provider_kind"] == "partner":
            by_category.setdefault((s["category_code"], s["category_zh"]), []).append(s["service_code"])
    number = 100
    for index, ((category, category_zh), codes) in enumerate(sorted(by_category.items())):
        for hours in ["MON-SUN 08:00-20:00", "24h" if index % 2 == 0 else "MON-SAT 08:30-18:00"]:
            number += 1
            pid = f"P-{number:04d}"
            name = f"宁波{rng.choice(FIRM_PREFIXES)}{category_zh}连锁服务有限公司（海曙区域{number - 100}）"
            yield [pid, "PARTNER_COMPANY", name, ";".join(codes), DISTRICT, hours, rng.randint(80, 150),
                   f"https://{pid.lower()}.partners.example/hotline/webhook", secret(pid), phone(300 + number - 100),
                   f"p{number:04d}", "ACTIVE", f"{rng.uniform(3.6, 4.8):.1f}"]
    volunteer = [s for s in services if s["provider_kind"] == "volunteer"]
    for n, s in enumerate(volunteer, start=1):
        pid = f"V-{900 + n:04d}"
        yield [pid, "VOLUNTEER_TEAM", f"{DISTRICT}{s['service_zh']}志愿服务总队", s["service_code"], DISTRICT,
               "MON-SUN 08:00-20:00", rng.randint(30, 50), "", "", phone(900 + n), f"v{900 + n:04d}", "ACTIVE",
               f"{rng.uniform(4.2, 5.0):.1f}"]


def main():
    root = Path(__file__).resolve().parents[2]
    tsv = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "directory" / "services.tsv"
    services = read_services(tsv)
    rng = random.Random(SEED)
    out = Path(__file__).resolve().parent / "providers.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("# Sample provider network for a Ningbo-like district (海曙区, 10 streets): every service has a provider\n")
        f.write("# for the whole district (some by day only) and street-level ones. Generated by\n")
        f.write("# config/providers/generate_providers.py; columns documented in partner-network/README.md.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in [*departments(services), *companies(services, rng), *volunteers(services, rng),
                    *district_network(services, random.Random(SEED + 1))]:
            writer.writerow(row)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
