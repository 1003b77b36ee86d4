"""Relative and partial dates resolved against the issue date: every form, month and year boundaries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.extract.dates import find_dates

ISSUE = date(2020, 4, 28)  # a Tuesday


def one(text, issue=ISSUE):
    (d,) = find_dates(text, issue)
    return d


@pytest.mark.parametrize("text,start,end,part", [
    ("25日，区委书记黄卫锋主持召开会议", date(2020, 4, 25), date(2020, 4, 25), None),
    ("24日下午，曹金海主持召开会议", date(2020, 4, 24), date(2020, 4, 24), "下午"),
    ("20日至22日，曹金海带队赴上海", date(2020, 4, 20), date(2020, 4, 22), None),
    ("4月28日", date(2020, 4, 28), date(2020, 4, 28), None),
    ("4月20日至5月2日", date(2020, 4, 20), date(2020, 5, 2), None),
    ("2019年10月1日至7日", date(2019, 10, 1), date(2019, 10, 7), None),
    ("二〇二〇年四月二十五日", date(2020, 4, 25), date(2020, 4, 25), None),
    ("二十六日晚", date(2020, 4, 26), date(2020, 4, 26), "晚"),
    ("上周，市委书记徐惠民带队", date(2020, 4, 20), date(2020, 4, 26), None),
    ("本周", date(2020, 4, 27), date(2020, 5, 3), None),
    ("下周", date(2020, 5, 4), date(2020, 5, 10), None),
    ("上月", date(2020, 3, 1), date(2020, 3, 31), None),
    ("本月", date(2020, 4, 1), date(2020, 4, 30), None),
    ("去年", date(2019, 1, 1), date(2019, 12, 31), None),
    ("今年", date(2020, 1, 1), date(2020, 12, 31), None),
    ("昨天", date(2020, 4, 27), date(2020, 4, 27), None),
    ("昨日上午", date(2020, 4, 27), date(2020, 4, 27), "上午"),
    ("今天", ISSUE, ISSUE, None),
    ("3月份", date(2020, 3, 1), date(2020, 3, 31), None),
    ("去年11月，习近平主席访问文莱", date(2019, 11, 1), date(2019, 11, 30), None),
    ("今年4月1日", date(2020, 4, 1), date(2020, 4, 1), None),
    ("前年3月5日下午", date(2018, 3, 5), date(2018, 3, 5), "下午"),
    ("明年1月", date(2021, 1, 1), date(2021, 1, 31), None),
    # a day of a week, a month named relatively, a part of a month
    ("本周一，县委书记张三主持召开会议", date(2020, 4, 27), date(2020, 4, 27), None),
    ("上周五下午", date(2020, 4, 24), date(2020, 4, 24), "下午"),
    ("下星期三", date(2020, 5, 6), date(2020, 5, 6), None),
    ("周日上午，县长李四调研", date(2020, 4, 26), date(2020, 4, 26), "上午"),
    ("星期二", ISSUE, ISSUE, None),
    ("本月12日", date(2020, 4, 12), date(2020, 4, 12), None),
    ("上月30日", date(2020, 3, 30), date(2020, 3, 30), None),
    ("10月下旬", date(2019, 10, 21), date(2019, 10, 31), None),
    ("2月下旬", date(2020, 2, 21), date(2020, 2, 29), None),
    ("3月初", date(2020, 3, 1), date(2020, 3, 10), None),
    ("去年12月底", date(2019, 12, 21), date(2019, 12, 31), None),
    ("大前天", date(2020, 4, 25), date(2020, 4, 25), None),
])
def test_forms(text, start, end, part):
    d = one(text)
    assert (d.date_start, d.date_end, d.part_of_day) == (start, end, part)
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize("word", ["近日", "日前", "前不久", "近期"])
def test_vague_words_keep_text_only(word):
    d = one(f"{word}，区委书记调研")
    assert d.text == word and d.date_start is None and d.date_end is None


def test_day_after_issue_day_is_last_month():
    assert one("30日，会议", date(2020, 6, 2)).date_start == date(2020, 5, 30)
    assert one("31日", date(2020, 3, 2)).date_start == date(2020, 1, 31)  # February has no 31st


def test_weekdays_that_are_no_dates():
    assert find_dates("每周一召开例会", ISSUE) == [] and find_dates("一周一次", ISSUE) == []
    assert [d.text for d in find_dates("纪念建党一百周年", ISSUE)] == []


def test_a_weekday_still_to_come():
    assert one("将于周五举行").date_start == date(2020, 5, 1)


def test_future_marker_keeps_this_month():
    assert one("将于30日开幕").date_start == date(2020, 4, 30)


def test_year_boundary():
    assert one("12月30日", date(2020, 1, 3)).date_start == date(2019, 12, 30)
    assert one("30日", date(2020, 1, 3)).date_start == date(2019, 12, 30)
    d = one("上周", date(2020, 1, 1))  # a Wednesday
    assert (d.date_start, d.date_end) == (date(2019, 12, 23), date(2019, 12, 29))
    assert one("上月", date(2020, 1, 15)).date_end == date(2019, 12, 31)
    assert one("28日至3日", date(2020, 1, 5)).date_end == date(2020, 1, 3)


def test_month_boundary_range_and_leap_year():
    d = one("28日至2日", date(2020, 3, 5))
    assert (d.date_start, d.date_end) == (date(2020, 2, 28), date(2020, 3, 2))
    assert one("29日", date(2020, 3, 1)).date_start == date(2020, 2, 29)
    assert one("上月", date(2021, 3, 10)).date_end == date(2021, 2, 28)


def test_no_issue_date_keeps_text():
    d = one("25日", None)
    assert d.text == "25日" and d.date_start is None


def test_numbers_that_are_not_dates():
    assert find_dates("预计实现100万套以上产能，增长13%", ISSUE) == []
    assert find_dates("第45日", ISSUE) == []  # no month has a 45th
    # a number with 号 before a noun is a thing (隧道, 楼, 线), unless a month or a part of day says day
    assert find_dates("考察雅万高铁1号隧道，乘坐地铁2号线", ISSUE) == []
    assert one("10月1号起施行").date_start == date(2019, 10, 1)
    assert one("1号上午").date_start == date(2020, 4, 1)
    assert one("26号，").date_start == date(2020, 4, 26)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789一二三十日号月年至到上下本周今昨天前午晚，。的会"), max_size=40),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_never_crashes_and_offsets_slice(text, issue):
    for d in find_dates(text, issue):
        assert text[d.start : d.end] == d.text
        if d.date_start and d.date_end and not any(j in d.text for j in "至到"):
            assert d.date_start <= d.date_end  # only an explicit range can be written backwards


def test_hint_is_in_every_time_expression():
    # find_dates returns nothing without 日, 号, 月 or a relative word, having searched once
    from banmian.extract.dates import date_words

    from .conftest import GOLD
    w = date_words()
    texts = [line for p in sorted(GOLD.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    texts += ["上周", "本周三", "去年", "近日", "前不久", "下午", "十月份", "二〇一九年", "会议", ""]
    with_dates = 0
    for text in texts:
        matches = [m for m in w.pattern.finditer(text) if m.group(0) and m.group(0) != (m.group("part") or None)]
        if matches:
            with_dates += 1
            assert w.hint.search(text), text
        else:
            assert find_dates(text, ISSUE) == []
    assert with_dates > 50
    assert find_dates("会议下午召开", ISSUE) == [] and one("上周").date_start is not None
