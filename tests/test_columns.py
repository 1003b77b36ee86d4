"""Side-by-side columns (``pdftotext -layout``) unfolded into one column after another."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.pipeline import parse_text
from banmian.stages.columns import is_side_by_side, unfold_columns

P1 = ("记者从市发展改革委获悉，今年前三季度全市完成固定资产投资一千二百亿元，同比增长百分之八点六，"
      "其中工业投资增长百分之十二点三，高于全省平均水平。")
P2 = ("市发展改革委有关负责人介绍，下一步将围绕重大项目建设，强化要素保障，优化审批流程，"
      "推动一批在手在谈项目尽快签约落地、开工建设。")
P3 = "据了解，全市今年共安排省市重点项目三百二十个，目前已开工二百八十六个。"
P4 = ("今年以来，全市上下坚持项目为王，一手抓招商引资，一手抓项目建设，重点项目完成投资额同比增长两成，"
      "新开工项目数量创历年新高，为全年经济稳增长提供了有力支撑。")

WIDTH = 16      # characters per column line
GUTTER = " " * 6


def column_lines(paragraphs: list[str], width: int = WIDTH) -> list[str]:
    """Paragraphs hard-wrapped at ``width``, each first line indented two cells as
    ``pdftotext -layout`` keeps it (the indent takes two characters' room)."""
    out = []
    for p in paragraphs:
        first = width - 2
        out.append("  " + p[:first])
        rest = p[first:]
        out.extend(rest[k:k + width] for k in range(0, len(rest), width))
    return out


def side_by_side(*columns: list[str], width: int = WIDTH) -> list[str]:
    rows = max(len(c) for c in columns)
    out = []
    for r in range(rows):
        cells = []
        for c in columns:
            text = c[r] if r < len(c) else ""
            cells.append(text.ljust(width))
        out.append(GUTTER.join(cells).rstrip())
    return out


def layout_page() -> str:
    left = column_lines([P1, P2])
    right = column_lines([P3, P4])
    head = " " * 12 + "全市重大项目建设跑出加速度"
    return "\n".join([head, "", *side_by_side(left, right)]) + "\n"


def test_two_columns_come_out_one_after_the_other():
    text = layout_page()
    assert is_side_by_side(text.split("\n"))
    out = unfold_columns(text)
    lines = out.split("\n")
    assert lines[0] == "全市重大项目建设跑出加速度"
    left, right = column_lines([P1, P2]), column_lines([P3, P4])
    body = [ln for ln in lines[1:] if ln]
    assert body == left + right


def test_a_layout_page_parses_into_its_paragraphs():
    page = parse_text(layout_page(), "p.txt")
    assert [a.headline for a in page.articles] == ["全市重大项目建设跑出加速度"]
    assert page.articles[0].paragraphs == [P1, P2, P3, P4]


def test_headline_over_the_middle_column_of_the_next_story_is_detached():
    # the next story's centred headline starts on the middle column's edge
    cols = [column_lines([P1]), column_lines([P2]), column_lines([P3])]
    rows = side_by_side(*cols)
    middle = len(cols[0][0]) + len(GUTTER) + 2  # about the second column's edge
    head = " " * (middle - 2) + "第二篇的标题"
    next_story = ["  " + P4[:40], P4[40:80], P4[80:]]
    text = "\n".join(["第一篇的标题", "", *rows, "", head, *next_story]) + "\n"
    out = unfold_columns(text)
    assert out.index("第二篇的标题") > out.index(cols[2][-1])
    page = parse_text(text, "p.txt")
    assert [a.headline for a in page.articles] == ["第一篇的标题", "第二篇的标题"]


def test_text_not_laid_out_in_columns_is_unchanged():
    text = "标题一则\n\n" + P1 + "\n" + P2 + "\n本报记者  张三\n"
    assert unfold_columns(text) == text


_han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_piece = st.text(alphabet=st.one_of(_han, st.sampled_from("，。、“”（）0123456789")), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_piece, min_size=1, max_size=4), min_size=1, max_size=25))
def test_unfolding_keeps_every_character(rows):
    """Whatever the rows, unfolding only moves text: no character is lost or made up."""
    text = "\n".join(GUTTER.join(cells) for cells in rows) + "\n"
    out = unfold_columns(text)
    assert Counter(out.replace(" ", "").replace("\n", "")) == Counter(text.replace(" ", "").replace("\n", ""))
    assert unfold_columns(text) == out  # deterministic
