"""Dates in news text, resolved against the issue date.

Reads: text and the issue date.  Assigns: ``DateMention`` spans with their
resolved start/end (``None`` where the expression names no defined span).

- ``25日`` is the 25th of the issue's month, or of the month before when the
  issue date is earlier (news reports what happened), unless a future marker
  (将于, 定于) precedes it; ``4月28日`` likewise picks the issue's year or the
  year before.  Years, months and days may be written in Chinese numerals.
- ``20日至22日``, ``4月20日至5月2日`` are ranges; ``24日下午`` keeps
  ``part_of_day``.
- ``本周一``/``上周五`` are that day of that week; a bare ``周三`` the last
  Wednesday up to the issue date; ``本月12日`` that day of that month; ``10月下旬``
  the 21st to the month's end.
- ``上周``/``本周`` are Monday–Sunday weeks, ``上月`` a calendar month,
  ``去年`` a calendar year, ``昨天`` one day; ``近日``/``日前``/``前不久``
  stay unresolved (their text is kept).
Calendar arithmetic is dateutil's ``relativedelta``; the word lists live in
``data/dates.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

import cn2an
from dateutil.relativedelta import MO, relativedelta

from ..resources import data_path, load_yaml, require

NUM = r"[0-9０-９〇零一二两三四五六七八九十廿卅]{1,4}"


@dataclass(slots=True)
class DateMention:
    text: str
    start: int  # offsets into the text searched
    end: int
    date_start: Date | None
    date_end: Date | None
    part_of_day: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.date_start.isoformat() if self.date_start else None,
                "end": self.date_end.isoformat() if self.date_end else None, "part_of_day": self.part_of_day}


@dataclass(slots=True)
class DateWords:
    days: dict[str, int]
    weeks: dict[str, int]
    months: dict[str, int]
    years: dict[str, int]
    vague: list[str]
    parts: list[str]
    future: list[str]
    weekdays: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    pattern: re.Pattern[str]
    hint: re.Pattern[str]  # found in every time expression: 日, 号, 月 or a relative word


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    path = data_path("dates.yaml")
    d = load_yaml(path)
    days = {str(k): int(v) for k, v in require(d, "relative_days", path, dict).items()}
    weeks = {str(k): int(v) for k, v in require(d, "relative_weeks", path, dict).items()}
    months = {str(k): int(v) for k, v in require(d, "relative_months", path, dict).items()}
    years = {str(k): int(v) for k, v in require(d, "relative_years", path, dict).items()}
    vague = [str(w) for w in require(d, "vague", path, list)]
    parts = [str(w) for w in require(d, "parts_of_day", path, list)]
    future = [str(w) for w in require(d, "future_markers", path, list)]
    joiners = [str(w) for w in require(d, "range_joiners", path, list)]
    weekdays = {str(k): int(v) for k, v in require(d, "weekdays", path, dict).items()}
    weekday_words = [str(w) for w in require(d, "weekday_words", path, list)]
    not_before_weekday = "".join(str(w) for w in require(d, "not_before_weekday", path, list))
    month_parts = {str(k): (int(v[0]), int(v[1])) for k, v in require(d, "month_parts", path, dict).items()}
    # a year written as a number (2018年) or relative to the issue's (去年11月, 今年4月1日)
    yrs = _alt(years)
    # a day of a month relative to the issue's (本月12日, 上月28日)
    absolute = (rf"(?:(?P<ry1>{yrs})(?={NUM}月)|(?P<y1>{NUM})年)?(?:(?P<m1>{NUM})月|(?P<rm1>{_alt(months)}))?"
                rf"(?P<d1>{NUM})[日号]"
                rf"(?:(?:{_alt(joiners)})(?:(?:(?P<y2>{NUM})年)?(?P<m2>{NUM})月)?(?P<d2>{NUM})[日号])?")
    month_only = (rf"(?:(?P<ry3>{yrs})|(?P<y3>{NUM})年)?(?P<m3>{NUM})月(?:份)?(?P<mp>{_alt(month_parts)})?"
                  rf"(?![0-9０-９〇零一二两三四五六七八九十廿卅日号])")
    wd = f"[{''.join(weekdays)}]"
    weekday = (rf"(?P<wk>{_alt(weeks)})(?P<wd>{wd})"
               rf"|(?<![{re.escape(not_before_weekday)}])(?:{_alt(weekday_words)})(?P<wd2>{wd})")
    relative = _alt(list(days) + list(weeks) + list(months) + list(years) + vague)
    pattern = re.compile(rf"(?:(?P<abs>{absolute})|(?P<mon>{month_only})|(?P<day>{weekday})|(?P<rel>{relative}))"
                         rf"(?P<part>{_alt(parts)})?")
    # a time expression holds 日/号 (absolute), 月 (month), a weekday word or a relative word:
    # a text with none of them holds none, and one search with a first-character skip says so
    hint = re.compile(rf"[日号月]|{_alt(weekday_words)}|{relative}")
    return DateWords(days, weeks, months, years, vague, parts, future, weekdays, month_parts, pattern, hint)


_FULLWIDTH_DIGITS = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９ -> 0-9


def _num(text: str | None) -> int | None:
    if not text:
        return None
    text = text.translate(_FULLWIDTH_DIGITS)
    if text.isdigit():
        return int(text)
    if re.fullmatch("[〇零一二三四五六七八九]{4}", text):  # 二〇二〇: digit by digit
        return int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in text))
    try:
        return int(cn2an.cn2an(text.replace("两", "二").replace("廿", "二十").replace("卅", "三十"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _safe(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _anchor(year: int | None, month: int | None, day: int, issue: Date, future: bool) -> Date | None:
    """The date a partial (year?, month?, day) names as seen from the issue date."""
    if year is not None:
        if year < 100:
            year += 2000
        return _safe(year, month or issue.month, day)
    if month is not None:
        d = _safe(issue.year, month, day)
        if d is not None and d > issue and not future:
            d = _safe(issue.year - 1, month, day)
        return d
    d = _safe(issue.year, issue.month, day)
    back = 0
    while (d is None or d > issue) and not future and back < 2:
        # A day past the issue's is last month's (the 31st: the last month that has one).
        back += 1
        prev = issue + relativedelta(months=-back)
        d = _safe(prev.year, prev.month, day)
    return d


def _numbered_thing(text: str, m: re.Match[str]) -> bool:
    """``1号隧道``, ``3号楼``, ``2号线``: a number with 号 and no month before a noun
    names a thing, not a day (``1号上午``, ``10月1号``, ``1号至3号`` stay dates)."""
    g = m.groupdict()
    return (not g["m1"] and not g["y1"] and not g["d2"] and not g["part"] and m.group(0).endswith("号")
            and "\u4e00" <= text[m.end():m.end() + 1] <= "\u9fff")


def find_dates(text: str, issue: Date | None) -> list[DateMention]:
    """Every time expression in ``text``; resolved when ``issue`` is known."""
    w = date_words()
    out: list[DateMention] = []
    if w.hint.search(text) is None:
        return out
    for m in w.pattern.finditer(text):
        if not m.group(0) or (m.group("part") and m.group(0) == m.group("part")):
            continue
        g = m.groupdict()
        part = g["part"]
        start = end = None
        before = text[max(0, m.start() - 4) : m.start()]
        future = any(before.endswith(f) for f in w.future)
        if issue is not None:
            if g["abs"]:
                if _numbered_thing(text, m):
                    continue
                y1, m1, d1 = _num(g["y1"]), _num(g["m1"]), _num(g["d1"])
                if g["ry1"]:
                    y1 = issue.year + w.years[g["ry1"]]
                if g["rm1"]:
                    month = issue.replace(day=1) + relativedelta(months=w.months[g["rm1"]])
                    y1, m1 = month.year, month.month
                if d1 is None or not 1 <= d1 <= 31 or (m1 is not None and not 1 <= m1 <= 12):
                    continue
                start = _anchor(y1, m1, d1, issue, future)
                end = start
                if g["d2"]:
                    y2, m2, d2 = _num(g["y2"]), _num(g["m2"]), _num(g["d2"])
                    if start is not None and d2 is not None:
                        end = _safe(y2 or start.year, m2 or start.month, d2)
                        if end is not None and end < start and m2 is None:
                            nxt = start + relativedelta(months=1)
                            end = _safe(nxt.year, nxt.month, d2)
            elif g["mon"]:
                y3, m3 = _num(g["y3"]), _num(g["m3"])
                if g["ry3"]:
                    y3 = issue.year + w.years[g["ry3"]]
                if m3 is None or not 1 <= m3 <= 12:
                    continue
                first = _anchor(y3, m3, 1, issue, future)
                if first is not None:
                    start, end = first, first + relativedelta(months=1, days=-1)
                    if g["mp"]:
                        lo, hi = w.month_parts[g["mp"]]
                        start, end = first.replace(day=lo), min(end, first + timedelta(days=hi - 1))
            elif g["day"]:
                dow = w.weekdays[g["wd"] or g["wd2"]]
                if g["wk"]:
                    start = issue + relativedelta(weekday=MO(-1)) + timedelta(weeks=w.weeks[g["wk"]], days=dow)
                else:
                    # a bare weekday: the last one up to the issue date (the next one when still to come)
                    back = (issue.weekday() - dow) % 7
                    start = issue + timedelta(days=(7 - back) % 7) if future else issue - timedelta(days=back)
                end = start
            else:
                word = g["rel"]
                if word in w.days:
                    start = end = issue + timedelta(days=w.days[word])
                elif word in w.weeks:
                    monday = issue + relativedelta(weekday=MO(-1)) + timedelta(weeks=w.weeks[word])
                    start, end = monday, monday + timedelta(days=6)
                elif word in w.months:
                    first = issue.replace(day=1) + relativedelta(months=w.months[word])
                    start, end = first, first + relativedelta(months=1, days=-1)
                elif word in w.years:
                    start, end = Date(issue.year + w.years[word], 1, 1), Date(issue.year + w.years[word], 12, 31)
        elif g["abs"] and (_num(g["d1"]) is None or _numbered_thing(text, m)):
            continue
        out.append(DateMention(m.group(0), m.start(), m.end(), start, end, part))
    return out
