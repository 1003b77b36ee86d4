"""The HTML reader: invented e-paper article pages in the two common templates
(``tests/fixtures/html/``: People's Daily's h3/h1/h2 + #ozoom, and a Founder
数字报 page in GB2312 with its enpproperty comment), malformed and empty pages,
and a property on generated pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.errors import EmptyInput
from banmian.pipeline import parse_files, parse_source
from banmian.stages.read import SourceText, read_source
from banmian.stages.read_html import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def text_lines(markup: str) -> list[str]:
    """The reader's non-blank lines of a page."""
    return [ln for ln in html_to_text(markup).splitlines() if ln.strip()]


def test_peoples_daily_template_decks_text_and_folio():
    src = read_source(FIXTURES / "rmrb-style-20240514-04.htm")
    assert "# 清溪镇：老茶园焕发新生机" in src.text.splitlines()
    for chrome in ("登录", "分享到", "版权所有", "pageId", "第01版"):
        assert chrome not in src.text          # scripts, navigation, share bar, footer
    page = parse_source(src)
    assert (page.number, page.name, page.date) == (4, "乡村", date(2024, 5, 14))
    [a] = page.articles
    assert (a.kicker, a.headline, a.subtitle) == ("做强特色产业 助力乡村振兴", "清溪镇：老茶园焕发新生机", "今年春茶产值预计突破三千万元")
    assert [(b.name, b.role) for b in a.bylines] == [("唐晓岚", "reporter"), ("邹明", "correspondent")]
    assert len(a.paragraphs) == 3 and a.paragraphs[2].startswith("镇党委书记杨春林介绍")


def test_founder_template_in_gb2312_uses_its_article_properties():
    src = read_source(FIXTURES / "founder-style-20240514-01.htm")
    assert src.encoding == "gb18030"
    page = parse_source(src)
    assert (page.number, page.name, page.date) == (1, "要闻", date(2024, 5, 14))
    [a] = page.articles
    assert (a.kicker, a.headline, a.subtitle) == ("聚焦民生实事", "县领导调研农村人居环境整治工作", "要求补齐短板建设宜居乡村")
    assert [(b.name, b.role) for b in a.bylines] == [("孟思远", "reporter")]
    # the decks printed again in a table above the text are not paragraphs; <BR> splits one
    assert [p[:6] for p in a.paragraphs] == ["本报讯 5月", "方立军一行先", "方立军强调，"]


def test_officials_and_events_from_an_html_page():
    edition = parse_files([FIXTURES / "founder-style-20240514-01.htm"]).edition
    people = {p["name"]: p for p in edition.people}
    assert [t["title"] for t in people["方立军"]["titles"]] == ["县委副书记", "县长"]
    assert people["孟思远"]["role"] == "journalist"
    assert any(e["type"] == "inspection" and e["date"]["start"] == "2024-05-13" for e in edition.events)


def test_malformed_and_deeply_nested_markup_is_read():
    text = html_to_text("<html><body><div><p>第一段文字，没有闭合<p>第二段文字<div><h1>标题在后</div></table></span>")
    assert "第一段文字，没有闭合" in text and "第二段文字" in text and "# 标题在后" in text
    deep = "<html><body>" + "<div>" * 20000 + "<p>很深的一段文字。</p>" + "</div>" * 20000 + "</body></html>"
    assert "很深的一段文字。" in html_to_text(deep)


def test_page_with_no_text_is_one_named_error(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<html><head><title>首页</title><script>var x;</script></head>"
                 "<body><nav><a href='/'>首页</a></nav><div class='footer'>版权所有</div></body></html>",
                 encoding="utf-8")
    with pytest.raises(EmptyInput, match="no text"):
        read_source(f)


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes((FIXTURES / "rmrb-style-20240514-04.htm").read_bytes())
    assert "# 清溪镇：老茶园焕发新生机" in read_source(f).text


_han = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(_han, min_size=1, max_size=6), _han)
def test_every_paragraph_comes_through_once_and_in_order(paragraphs, title):
    markup = ("<html><head><title>x</title></head><body><div class='nav'>导航</div><h1>" + title + "</h1>"
              + "".join(f"<p>　　{p}，</p>" for p in paragraphs) + "</body></html>")
    text = html_to_text(markup)
    assert text == html_to_text(markup)
    lines = [ln.strip("\u3000") for ln in text.splitlines() if ln.strip()]
    assert lines == ["# " + title] + [p + "，" for p in paragraphs]


def test_blocks_made_of_links_are_navigation_not_text():
    # A Founder page without its article properties, in a table layout with no class
    # names: the list of the page's other articles is links, the text is not.
    markup = ("<html><head><title>全县春耕生产有序推进_青禾日报</title></head><body><table><tr><td>"
              "<a href='c1.htm'>县领导调研农村人居环境整治工作</a><br><a href='c2.htm'>县图书馆新馆开放</a></td></tr>"
              "<tr><td><p>全县春耕生产有序推进</p><p>　　本报讯 连日来，全县各地抢抓农时，"
              "<a href='/t'>春耕</a>生产有序推进。</p></td></tr></table></body></html>")
    lines = text_lines(markup)
    assert lines == ["# 全县春耕生产有序推进", "　　本报讯 连日来，全县各地抢抓农时，春耕生产有序推进。"]


def test_page_index_is_named_as_such(tmp_path):
    # an e-paper page's index: the page picture's map and a list of its articles, no text
    f = tmp_path / "node_2.htm"
    f.write_text("<html><body><img usemap='#m'><map name='m'>"
                 + "".join(f"<area coords='0,0,9,9' href='content_{k}.htm'>" for k in range(4))
                 + "</map><ul>" + "".join(f"<li><a href='content_{k}.htm'>第{k}篇文章的标题</a></li>" for k in range(4))
                 + "</ul></body></html>", encoding="utf-8")
    with pytest.raises(EmptyInput, match="only 8 links: an e-paper page's index"):
        read_source(f)


def test_header_holding_the_headline_is_kept_and_site_header_dropped():
    markup = ("<html><body><header class='site-header'><div>青禾日报 首页 | 要闻 | 社会</div></header>"
              "<article><header class='article-header'><h1>老街改造完成</h1></header>"
              "<p>　　本报讯 历时两年的老街改造工程日前完工。</p></article>"
              "<footer>青禾日报社 版权所有</footer></body></html>")
    lines = text_lines(markup)
    assert lines == ["# 老街改造完成", "　　本报讯 历时两年的老街改造工程日前完工。"]


def test_site_logo_heading_is_no_headline():
    markup = ("<html><head><title>老街改造完成_青禾日报</title></head><body><h1 class='logo'>青禾日报</h1>"
              "<div class='content'><h2>老街改造完成</h2><p>　　本报讯 历时两年的老街改造工程日前完工。</p></div></body></html>")
    lines = text_lines(markup)
    assert lines == ["# 老街改造完成", "　　本报讯 历时两年的老街改造工程日前完工。"]


def test_founder_page_without_properties_takes_its_title_from_the_table_above():
    # <founder-content> holds the text; the headline sits in the title table above it
    markup = ("<html><head><title>县图书馆新馆开放_青禾日报</title></head><body>"
              "<table><tr><td class=font02>县图书馆新馆开放</td></tr></table>"
              "<founder-content><p>　　本报讯 近日，县图书馆新馆正式向市民开放。</p></founder-content>"
              "<div>青禾日报社版权所有 未经书面授权禁止使用</div></body></html>")
    page = parse_source(SourceText("p.htm", html_to_text(markup), "utf-8"))
    assert [(a.headline, a.paragraphs) for a in page.articles] == [
        ("县图书馆新馆开放", ["本报讯 近日，县图书馆新馆正式向市民开放。"])]


def test_title_article_part_is_read_by_the_furniture_pattern():
    from banmian.stages.read_html import _article_title

    assert _article_title("清溪镇：老茶园焕发新生机--青禾日报") == "清溪镇：老茶园焕发新生机"
    assert _article_title("老街改造完成_青禾日报") == "老街改造完成"
    assert _article_title("首页") == "首页"


def test_picture_caption_above_the_text_box_stays_with_the_article():
    # People's Daily's template: pictures and their captions sit in #ozoom before the
    # <!--enpcontent--> text; the decks and folio are in the article properties
    markup = ("<html><head><title>清溪镇：老茶园焕发新生机</title></head><body><div class='article'>"
              "<h3>做强特色产业 助力乡村振兴</h3><h1>清溪镇：老茶园焕发新生机</h1><h2></h2>"
              "<div id='ozoom'><table><tr><td><img src='../../../pic/1.jpg'></td></tr>"
              "<tr><td>茶农在清溪镇茶园采摘春茶。　　本报记者 唐晓岚摄</td></tr></table>"
              "<!--enpcontent--><p>　　本报清溪5月13日电 （记者唐晓岚）清溪镇万亩老茶园迎来春茶采摘季。</p>"
              "<p>　　今年春茶产值预计突破三千万元。</p><!--/enpcontent--></div></div>"
              "<!--enpproperty <articleid>30035541</articleid><date>2024-05-14 00:00:00:0</date><author>唐晓岚</author>"
              "<title>清溪镇：老茶园焕发新生机</title><subtitle></subtitle><introtitle>做强特色产业 助力乡村振兴"
              "</introtitle><nodename>第04版：乡村</nodename>/enpproperty--></body></html>")
    page = parse_source(SourceText("p.htm", html_to_text(markup), "utf-8"))
    assert (page.number, page.name, page.date) == (4, "乡村", date(2024, 5, 14))
    [a] = page.articles
    assert (a.kicker, a.headline, a.caption) == ("做强特色产业 助力乡村振兴", "清溪镇：老茶园焕发新生机", "茶农在清溪镇茶园采摘春茶。")
    assert a.paragraphs == ["本报清溪5月13日电 （记者唐晓岚）清溪镇万亩老茶园迎来春茶采摘季。", "今年春茶产值预计突破三千万元。"]
    assert ("唐晓岚", "photographer") in [(b.name, b.role) for b in a.bylines]


def test_other_e_paper_systems_text_box_beside_the_page_map():
    # an article page of a non-Founder e-paper system: the page picture's map and a
    # calendar on the left, the article in #zoom on the right (furniture.yaml
    # html_text_boxes); the map does not make it a page's index
    markup = ("<html><head><title>青禾日报数字报</title></head><body><div class='left'><img usemap='#m'>"
              "<map name='m'>" + "".join(f"<area coords='0,0,9,9' href='Articel01{k:03d}NR.htm'>" for k in range(4))
              + "</map><table class='rili'><tr>" + "".join(f"<td>{d}</td>" for d in "日一二三四五六") + "</tr></table></div>"
              "<div class='right'><h1>老街改造完成</h1><div id='zoom'><p>　　本报讯 历时两年的老街改造工程日前完工。</p>"
              "<p>　　改造后的老街恢复了青石板路面。</p></div></div></body></html>")
    lines = text_lines(markup)
    assert lines == ["# 老街改造完成", "　　本报讯 历时两年的老街改造工程日前完工。", "　　改造后的老街恢复了青石板路面。"]


def test_a_news_sites_map_of_app_links_and_icons_leave_its_article_alone():
    # a news site's article page (not an e-paper's): its image map links apps and licences
    # (rectangles, not an e-paper page's polygon outlines of articles), and an icon beside
    # the date line is no picture with a caption
    markup = ("<html><head><title>老街改造完成_青禾网</title></head><body><h1>老街改造完成</h1>"
              "<div class='info'><img src='clock.png'>2024-05-14 09:25 来源：青禾网</div>"
              "<p>　　本报讯 历时两年的老街改造工程日前完工。</p><p>　　改造后的老街恢复了青石板路面。</p>"
              "<img src='app.png' usemap='#m'><map name='m'>"
              + "".join(f"<area shape='rect' coords='0,0,9,9' href='https://app.example.com/{k}'>" for k in range(4))
              + "</map></body></html>")
    lines = text_lines(markup)
    assert lines == ["# 老街改造完成", "2024-05-14 09:25 来源：青禾网", "　　本报讯 历时两年的老街改造工程日前完工。",
                     "　　改造后的老街恢复了青石板路面。"]


def test_founder_web_page_with_a_column_for_nodename_and_bracketed_bylines():
    # a Founder CMS news page (南方网's layout): the properties' nodename is a column, no
    # page; the date line above the text dates it; the text closes with 【记者】 lines
    markup = ("<html><head><title>广州南沙审议通过干部任命，谢明任副区长</title></head><body><div class='m-article'>"
              "<h2 id='article_title'>广州南沙审议通过干部任命，谢明任副区长</h2><div class='meta'>"
              "<span class='pub_time'>2019-07-06 08:00</span><span>来源：南方网</span></div><div class='content' id='content'>"
              "<!--enpproperty <articleid>188221793</articleid><date>2019-07-06 08:00:24.0</date><author></author>"
              "<title>广州南沙审议通过干部任命，谢明任副区长</title><subtitle></subtitle><introtitle></introtitle>"
              "<nodename>广州新闻</nodename>/enpproperty--><!--enpcontent--><!--enpcontent-->"
              "<p>　　7月2日，南沙区三届人大第36次常委会议举行。</p><p>　　会议审议通过任命谢明为区人民政府副区长的职务任命报告。</p>"
              "<p>　　【记者】柳时强</p><p>　　【通讯员】罗瑞娴</p><!--/enpcontent--><!--/enpcontent--></div>"
              "<div class='m-editor'>编辑：林双英</div></div></body></html>")
    text = html_to_text(markup)
    assert "广州新闻" not in text
    page = parse_source(SourceText("p.htm", text, "utf-8"))
    assert page.date == date(2019, 7, 6)
    [a] = page.articles
    assert a.headline == "广州南沙审议通过干部任命，谢明任副区长"
    assert a.paragraphs == ["7月2日，南沙区三届人大第36次常委会议举行。", "会议审议通过任命谢明为区人民政府副区长的职务任命报告。"]
    assert [(b.name, b.role) for b in a.bylines] == [("柳时强", "reporter"), ("罗瑞娴", "correspondent")]
