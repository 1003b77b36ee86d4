"""The PDF reader: an invented e-paper page printed by Chromium
(``tests/fixtures/pdf/qinghe-20240514-01.pdf``, made by ``scripts/make_pdf_fixture.py``),
broken PDFs, and the line-text property."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banmian.errors import BrokenDocument, EmptyInput, UndecodableInput
from banmian.pipeline import parse_files, parse_source
from banmian.stages.read import read_source
from banmian.stages.read_pdf import INFERRED_SPACE, PrintedLine, _check_mapped, pdf_to_text

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "qinghe-20240514-01.pdf"

FIRST_PARAGRAPH = ("本报讯 13日上午，县委书记林望川带队到青禾经济开发区调研重点项目建设，察看了禾丰新材料有限公司"
                   "年产五万吨环保涂料项目和县物流园二期工地，详细了解项目进度、用工保障和存在的困难。")


def test_headlines_are_marked_by_type_size_and_decks_stay_plain():
    src = read_source(FIXTURE)
    assert src.encoding == "pdf"
    lines = src.text.splitlines()
    assert "# 林望川调研重点项目建设" in lines
    assert "# 县图书馆新馆开放" in lines
    # kicker and subtitle are display type, but smaller than the headline: plain lines
    assert "聚焦项目一线 助力经济攀升" in lines
    assert "——要求主动靠前服务确保项目早见效" in lines
    # body text is never marked, and lines follow the printed columns
    assert not any(ln.startswith("# ") and "本报讯" in ln for ln in lines)


def test_pdf_page_parses_into_its_articles():
    page = parse_source(read_source(FIXTURE))
    assert page.date == date(2024, 5, 14) and page.number == 1
    news, library, photo = page.articles
    assert (news.kicker, news.headline, news.subtitle) == (
        "聚焦项目一线 助力经济攀升", "林望川调研重点项目建设", "——要求主动靠前服务确保项目早见效")
    # paragraphs broken at the column edge are joined again; the three paragraphs stay three
    assert news.paragraphs[0].replace(" ", "") == FIRST_PARAGRAPH.replace(" ", "")
    assert len(news.paragraphs) == 3
    assert [(b.name, b.role) for b in news.bylines] == [("何清源", "reporter"), ("刘佳", "correspondent")]
    assert library.headline == "县图书馆新馆开放" and library.kicker is None
    assert library.continues_to is not None and library.continues_to.page == 2
    assert [b.name for b in library.bylines] == ["周若溪"]   # the byline under the jump marker
    assert photo.kind == "photo" and photo.caption.startswith("5月12日，青禾县东湖湿地公园")
    assert [(b.name, b.role) for b in photo.bylines] == [("陈立衡", "photographer")]


def test_truncated_pdf_is_one_named_error(tmp_path):
    data = FIXTURE.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(BrokenDocument, match="cannot open the PDF .*PDFium"):
        read_source(broken)


def test_pdf_without_text_layer_is_named(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(EmptyInput, match="no text layer"):
        pdf_to_text(buf.getvalue(), source="scan.pdf")


def test_text_named_pdf_is_refused(tmp_path):
    f = tmp_path / "page.pdf"
    f.write_text("不是PDF的文字", encoding="utf-8")
    with pytest.raises(BrokenDocument, match="no PDF"):
        read_source(f)


def test_broken_pdf_in_a_folder_is_one_line_and_the_rest_is_parsed(tmp_path):
    (tmp_path / "01.pdf").write_bytes(FIXTURE.read_bytes())
    (tmp_path / "02.pdf").write_bytes(FIXTURE.read_bytes()[:5000])
    proc = subprocess.run([sys.executable, "-m", "banmian", "parse", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("banmian: error: E107 ") and "02.pdf" in errors[0]
    doc = json.loads(proc.stdout)
    assert [a["headline"] for a in doc["pages"][0]["articles"]][:2] == ["林望川调研重点项目建设", "县图书馆新馆开放"]


def test_people_and_events_are_found_on_a_pdf_page():
    edition = parse_files([FIXTURE]).edition
    names = {p["name"]: p for p in edition.people}
    assert "林望川" in names and names["林望川"]["role"] == "official"
    assert names["何清源"]["role"] == "journalist"
    leads = [(e["type"], e["date"]["start"]) for e in edition.events for a in e["actors"]
             if a["role"] == "lead" and a["person"] == names["林望川"]["id"]]
    assert ("inspection", "2024-05-13") in leads   # 13日上午, against the folio's issue date


_chars = st.lists(st.sampled_from(list("林望川调研重点项目建设县图书馆新馆开放AB12，。") + [INFERRED_SPACE, " "]),
                  max_size=40)


@given(_chars)
def test_line_text_keeps_every_printed_character(chars):
    line = PrintedLine(chars=chars)
    printed = "".join(c for c in chars if c not in (INFERRED_SPACE, " "))
    assert "".join(line.text.split()) == printed
    assert INFERRED_SPACE not in line.text


def test_vertical_headline_is_one_line_and_the_headline():
    # 春回大地万物生 set vertically wraps into two columns (春回大地万 / 物生): PDFium gives
    # one character per line; stacked single characters are joined back into one line.
    src = read_source(FIXTURE.with_name("vertical-title.pdf"))
    assert src.text.splitlines()[0] == "# 春回大地万物生"
    [a] = parse_source(src).articles
    assert a.headline == "春回大地万物生" and a.paragraphs[0].startswith("本报讯 近日，全县各地气温回升")


def test_fonts_without_unicode_map_are_refused():
    garbled = [PrintedLine(chars=list("\ue001\ue002\ue003\ue004第一版"), sizes=[10.0] * 7)]
    with pytest.raises(UndecodableInput, match="unmapped"):
        _check_mapped([garbled], "x.pdf")
    _check_mapped([[PrintedLine(chars=list("县委书记调研\ue001"), sizes=[10.0] * 7)]], "x.pdf")   # a stray one is fine


def _line(text: str, size: float, top: float) -> PrintedLine:
    return PrintedLine(chars=list(text), sizes=[size] * len(text), left=0.0, right=size * len(text),
                       top=top, bottom=top - size)


def test_headline_wrapped_onto_one_character_is_one_headline_and_a_lone_giant_letter_is_none():
    from banmian.stages.read_pdf import _display_run

    wrapped = [_line("把区块链作为核心技术自主创新重要突破口加快推动产业创新发", 30.0, 800.0), _line("展", 30.0, 765.0)]
    assert _display_run(wrapped, 10.0) == ["# 把区块链作为核心技术自主创新重要突破口加快推动产业创新发展"]
    masthead = [_line("人", 72.0, 900.0), _line("报社新闻", 40.0, 820.0)]
    assert _display_run(masthead, 10.0) == ["人", "报社新闻"]
