"""The HTML reader on real e-paper pages (``tests/fixtures/html/real/``, sources in its
SOURCE.md): what a reader must get right on each, written from the page itself.

Each page is copied under a neutral file name first, so that the issue date and page
come from the page and not from the fixture's name."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from banmian.errors import EmptyInput
from banmian.pipeline import parse_source
from banmian.stages.read import read_source

REAL = Path(__file__).parent / "fixtures" / "html" / "real"


def _read(name: str, tmp_path: Path):
    f = tmp_path / "page.htm"
    shutil.copyfile(REAL / name, f)
    return read_source(f)


def test_founder_tqpaper_article_page_of_a_city_evening_paper(tmp_path):
    # 深圳晚报 2024-08-30 A02: title block (h3, subtitle, 版次 line) above <founder-content>,
    # the text in <!--enpcontent--> holding an <html> of its own, the decks and author in
    # <!--enpproperty <date>… /enpproperty-->.
    src = _read("szwb-20240830-A02.htm", tmp_path)
    page = parse_source(src)
    assert (page.number, page.date) == (2, date(2024, 8, 30))
    [a] = page.articles
    assert (a.kicker, a.headline, a.subtitle) == (None, "“金鹏之夜”盛典昨晚举行", "一年一度中国国际新媒体短片节开幕")
    assert [(b.name, b.role) for b in a.bylines] == [("赵伟君", "reporter")]
    assert len(a.paragraphs) == 4 and a.paragraphs[0].startswith("深圳晚报讯 （记者 赵伟君） 昨晚，随着“金鹏之夜”盛典")
    assert a.paragraphs[-1].endswith("赋能千行百业的丰富场景和新锐力量。")
    assert not any("版次" in p or "作者：" in p for p in a.paragraphs)


def test_founder_classic_page_with_its_lead_article(tmp_path):
    # 山西经济日报 2024-11-06 01版: the Founder classic template (tplimg/, title table with
    # td.font02 kicker over td.font01 headline, #ozoom > <founder-content>), properties as
    # <founder-title>, <founder-introtitle>, <founder-pagenum>; the page's own folio
    # 第01版：要闻 names the page.
    src = _read("sxjjrb-20241106-01.htm", tmp_path)
    page = parse_source(src)
    assert (page.number, page.name, page.date) == (1, "要闻", date(2024, 11, 6))
    [a] = page.articles
    assert (a.kicker, a.headline, a.subtitle) == (
        "学习运用“千万工程”经验 谱写三晋乡村振兴新篇章", "本报重磅推出《“千万工程”看山西》摄影特刊", None)
    assert [(b.name, b.role) for b in a.bylines] == [("翟步庭", "reporter")]
    assert len(a.paragraphs) == 6 and a.paragraphs[0].startswith("本报太原11月5日讯（记者 翟步庭）“千村示范、万村整治”工程")
    for chrome in ("下一篇", "放大", "标题导航", "ICP", "知网"):
        assert chrome not in src.text


@pytest.mark.parametrize("name, why", [
    ("srrb-20240101-01-node.htm", "founder-type 2"),      # 上饶日报: Founder's page properties
    ("lswb-20240819-A01-node.htm", "map of 7 links"),     # 辽沈晚报: page picture, calendar, page list
    ("ahrbncb-20240920-01-node.htm", "map of 6 links"),   # 安徽日报农村版: titles with their leads
])
def test_a_pages_index_is_named_as_such_not_read_as_an_article(name, why, tmp_path):
    with pytest.raises(EmptyInput, match=f"{why}.*an e-paper page's index"):
        _read(name, tmp_path)


def test_founder_classic_page_without_its_properties_reads_its_title_table(tmp_path):
    # the same page with its <!--enpproperty--> comment cut out (as some saves and
    # crawls leave it): the title table (td.font02 kicker over td.font01 headline)
    # gives the decks, the page's own lines the date (2024年11月6日 星期 三) and page
    markup = (REAL / "sxjjrb-20241106-01.htm").read_text(encoding="utf-8-sig")
    f = tmp_path / "page.htm"
    f.write_text(re.sub(r"<!--enpproperty.*?/enpproperty-->", "", markup, flags=re.S), encoding="utf-8")
    page = parse_source(read_source(f))
    assert (page.number, page.name, page.date) == (1, "要闻", date(2024, 11, 6))
    [a] = page.articles
    assert (a.kicker, a.headline, a.subtitle) == (
        "学习运用“千万工程”经验 谱写三晋乡村振兴新篇章", "本报重磅推出《“千万工程”看山西》摄影特刊", None)
    assert len(a.paragraphs) == 6
