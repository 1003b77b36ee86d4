"""Reflow and segmentation on layouts other than the example: plain pdftotext
output (no markdown), hard wraps, bylines before the body, jump variants."""

from __future__ import annotations

from datetime import date

import pytest

from banmian.pipeline import parse_text
from banmian.stages.markers import dateline_bylines, default_markers, parse_byline_line, trailing_credit


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


P1 = ("记者从市发展改革委获悉，今年前三季度全市完成固定资产投资一千二百亿元，同比增长百分之八点六，"
      "其中工业投资增长百分之十二点三，高于全省平均水平。")
P2 = ("市发展改革委有关负责人介绍，下一步将围绕重大项目建设，强化要素保障，优化审批流程，"
      "推动一批在手在谈项目尽快签约落地、开工建设。")
P3 = "据了解，全市今年共安排省市重点项目三百二十个，目前已开工二百八十六个。"

PLAIN_PAGE = "\n".join([
    "2021年3月9日 星期二 第3版 经济",
    "责任编辑：王小明 美编：李华",
    "",
    "全市前三季度固定资产投资稳步增长——",
    "",
    "重大项目建设跑出加速度",
    "",
    "本报记者 周明 通讯员 陈立",
    wrap(P1, 22),
    wrap(P2, 22),
    wrap(P3, 22),
    "",
    "春耕备耕忙",
    "",
    "3月8日，农民在田间驾驶农机进行春耕作业。",
    "张建国摄",
    "",
    "（上接1版）",
    wrap("会议要求，各地各部门要坚持问题导向，扎实推进各项重点工作，确保全年目标任务圆满完成。", 22),
    "",
    "城市更新行动全面启动 详见第5版",
])


@pytest.fixture(scope="module")
def plain():
    return parse_text(PLAIN_PAGE, "page-3.txt", day=date(2021, 3, 9))


def test_folio_furniture_and_page_facts(plain):
    assert plain.number == 3 and plain.name == "经济"
    assert plain.boilerplate == ["2021年3月9日 星期二 第3版 经济", "责任编辑：王小明 美编：李华"]


def test_plain_headline_kicker_bylines_before_body(plain):
    a = plain.articles[0]
    assert a.kicker == "全市前三季度固定资产投资稳步增长——"
    assert a.headline == "重大项目建设跑出加速度"
    assert [(b.name, b.role) for b in a.bylines] == [("周明", "reporter"), ("陈立", "correspondent")]
    assert a.paragraphs == [P1, P2, P3]


def test_photo_with_credit_line(plain):
    photo = plain.articles[1]
    assert photo.kind == "photo" and photo.headline == "春耕备耕忙"
    assert photo.caption == "3月8日，农民在田间驾驶农机进行春耕作业。"
    assert [(b.name, b.role) for b in photo.bylines] == [("张建国", "photographer")]


def test_continuation_and_inline_teaser(plain):
    cont = plain.articles[2]
    assert cont.continued_from.page == 1 and cont.paragraphs[0].startswith("会议要求")
    teaser = plain.articles[3]
    assert teaser.kind == "teaser" and teaser.refers_to.page == 5
    assert teaser.headline == "城市更新行动全面启动"


@pytest.mark.parametrize("marker,kind,page", [
    ("（下转2版）", "continues_to", 2), ("(转第3版)", "continues_to", 3), ("【下转第十二版】", "continues_to", 12),
    ("（上接第一版）", "continued_from", 1), ("上接2版", "continued_from", 2),
])
def test_jump_marker_variants(marker, kind, page):
    if kind == "continues_to":
        text = "标题一则\n\n" + P1 + "\n" + marker + "\n"
    else:
        text = "标题一则\n\n" + marker + "\n" + P1 + "\n"
    a = parse_text(text, "p.txt").articles[0]
    assert getattr(a, kind).page == page
    assert all(marker not in p for p in a.paragraphs)


def test_inline_jump_at_paragraph_end():
    a = parse_text("标题一则\n\n" + P1 + "（下转第2版）\n", "p.txt").articles[0]
    assert a.continues_to.page == 2 and a.paragraphs == [P1]


def test_blank_gap_inside_sentence_is_joined_but_paragraph_end_kept():
    head, tail = P2[:30], P2[30:]
    page = parse_text("## 标题\n\n" + P1 + "\n\n" + head + "\n\n" + tail + "\n\n" + P3 + "\n", "p.txt")
    assert page.articles[0].paragraphs == [P1, P2, P3]


def test_subheading_inside_body_stays_a_paragraph():
    text = "\n".join(["重大项目建设跑出加速度", "", wrap(P1, 20), "抓项目 强支撑", wrap(P2, 20)])
    page = parse_text(text, "p.txt")
    assert len(page.articles) == 1
    assert page.articles[0].paragraphs == [P1, "抓项目 强支撑", P2]


def test_dateline_reporters_are_bylines_and_text_stays():
    p = "本报北京3月8日电 （记者张三、李四）" + P1
    a = parse_text("标题一则\n\n" + p + "\n", "p.txt").articles[0]
    assert [(b.name, b.role) for b in a.bylines] == [("张三", "reporter"), ("李四", "reporter")]
    assert a.paragraphs == [p]


def test_teaser_block_with_markers():
    text = "\n\n".join(["导读", "春运首日客流平稳", ">>03", "老街换新颜", ">>04", "全民健身热潮涌动"])
    arts = parse_text(text, "p.txt").articles
    teasers = [(a.headline, a.refers_to.page) for a in arts if a.kind == "teaser"]
    assert teasers[0] == ("春运首日客流平稳", 3)
    # "A >>03 B >>04 C": B sits between two markers; it goes with the next one.
    second = [a for a in arts if a.kind == "teaser"][1]
    assert (second.kicker, second.headline, second.refers_to.page) == ("老街换新颜", "全民健身热潮涌动", 4)
    assert len(teasers) == 2


def test_brief_and_notice_kinds():
    text = "\n\n".join(["## 我市举办消防演练", "日前，市消防救援支队在市民广场举办消防安全演练，千余名市民参加。",
                       "## 关于暂停供水的通知", "因管网改造，3月10日8时至18时，城东片区暂停供水，请用户提前储水。"])
    kinds = [a.kind for a in parse_text(text, "p.txt").articles]
    assert kinds == ["brief", "notice"]


@pytest.mark.parametrize("line,expected", [
    ("本报记者 张三 通讯员 李四", [("张三", "reporter"), ("李四", "correspondent")]),
    ("（本报记者赵兵、陈伟光）", [("赵兵", "reporter"), ("陈伟光", "reporter")]),
    ("新华社记者 熊琦 摄", [("熊琦", "photographer")]),
    ("文/张三 图/李四", [("张三", "author"), ("李四", "photographer")]),
    ("方聿 许应田", [("方聿", "unknown"), ("许应田", "unknown")]),
    ("艾力·买买提", [("艾力·买买提", "unknown")]),
    ("勾  犇图  付千也文", [("勾犇", "author"), ("付千也", "author")]),   # a cartoon's credit
    ("曹  一图  于  石文", [("曹一", "author"), ("于石", "author")]),
    ("制图 李前芳", [("李前芳", "unknown")]),
    # county papers: the media centre that publishes them, a photo credit's affiliation
    ("县融媒体中心记者 赵敏 通讯员 孙亮", [("赵敏", "reporter"), ("孙亮", "correspondent")]),
    ("融媒记者 赵敏", [("赵敏", "reporter")]),
    ("文/记者 刘洋 图/通讯员 张敏", [("刘洋", "reporter"), ("张敏", "photographer")]),
    ("摄影 张三 通讯员 李四", [("张三", "photographer"), ("李四", "correspondent")]),
    ("本报特派记者 韩文嘉 实习生 李宝华", [("韩文嘉", "reporter"), ("李宝华", "reporter")]),
])
def test_byline_lines(line, expected):
    got = parse_byline_line(line, default_markers())
    assert [(b.name, b.role) for b in got] == expected


@pytest.mark.parametrize("line", ["区领导陶建参加活动。", "抓项目 强支撑", "本报评论员", "会议要求，", "重大项目建设",
                                  "贺 信", "文化"])
def test_not_byline_lines(line):
    assert parse_byline_line(line, default_markers()) is None


def test_trailing_credits():
    m = default_markers()
    assert trailing_credit("游客在花墙前拍照。 江建华", m)[1][0].name == "江建华"
    assert trailing_credit("图为游客在参观。（新华社记者 熊琦摄）", m)[0] == "图为游客在参观。"
    assert trailing_credit("会议强调，要抓好落实。王某", m) is None  # no space, no 摄: part of the text
    # names and 摄 glued to the caption's last sentence: every name, not only the last
    got = trailing_credit("学生们向老师敬礼，祝福老师节日快乐。王铮 杨东辉 摄", m)
    assert got[0] == "学生们向老师敬礼，祝福老师节日快乐。"
    assert [(b.name, b.role) for b in got[1]] == [("王铮", "photographer"), ("杨东辉", "photographer")]
    # a photo's number before the credit is no part of a name
    got = trailing_credit("花店生意异常火爆。②陈更生 宋洁 摄", m)
    assert [b.name for b in got[1]] == ["陈更生", "宋洁"]


def test_markdown_pictures_part_captions():
    # a markdown export: a picture, its caption with credit, the next picture, its caption
    text = ("# 秋色满园\n\n![](http://img.example.cn/1.jpg)\n\n"
            "10月20日，游客在公园里观赏红叶。近日，园内枫树陆续变红，吸引大批市民前来游玩。 李明 摄\n\n"
            "![](http://img.example.cn/2.jpg)\n\n"
            "10月21日，小学生在老师带领下认识植物。秋季研学活动让孩子们走进自然，了解身边的花草树木。 张华 摄\n")
    page = parse_text(text, "p.md")
    photos = [a for a in page.articles if a.kind == "photo"]
    assert [a.caption for a in photos] == [
        "10月20日，游客在公园里观赏红叶。近日，园内枫树陆续变红，吸引大批市民前来游玩。",
        "10月21日，小学生在老师带领下认识植物。秋季研学活动让孩子们走进自然，了解身边的花草树木。"]
    assert [[b.name for b in a.bylines] for a in photos] == [["李明"], ["张华"]]


# A crawl of web article pages, one after another: each page's <title> (with the
# site after "_"), navigation, the header (kicker, headline), the article's date,
# a caption with a credit, a byline and paragraphs.
# (paragraphs one line each, wider than any printed column: an unwrapped page)
WEB_P1 = ("3月27日上午，新建成的城市书房正式开放，市民可以免费借阅图书、参加读书活动。书房位于老城区的一座旧仓库里，"
          "经过一年多的改造，原来堆放杂物的空间变成了明亮安静的阅览室，书架上摆放着两万多册图书，还设有儿童阅读区和自习区。"
          "开放首日，不少市民带着孩子前来参观。")
WEB_P2 = ("工作人员介绍，书房每天开放十二个小时，节假日不休息。为了方便上班族，书房晚上九点才闭馆，"
          "读者可以用身份证或者借阅卡自助借还图书，每人每次最多可以借五本，借期为一个月，到期后还可以在网上续借一次。"
          "书房还招募了一批志愿者，负责整理图书和引导读者。")
WEB_P3 = ("读者服务热线同步开通，市民可以预约讲座和展览。热线每天早上八点到晚上八点有人接听，"
          "工作人员会记录读者的意见和建议，每周汇总一次，作为改进服务的依据，目前已经收到两百多条建议。"
          "不少读者希望书房增加报刊阅览和电子阅读设备，相关部门表示将逐步落实。")
WEB_CRAWL = "\n".join([
    "城市书房", "正式开放_滨江日报 ",
    "\t\t\t    下一篇>> ", "\t\t\t    返回主页 ",
    "",
    "\t\t\t       阅读空间又添新去处",
    "\t\t\t    \t 城市书房",
    "正式开放 ",
    "",
    "2026-03-28",
    "",
    "\u3000\u3000市民在书房里看书 城市书房供图",
    "",
    "\u3000\u3000记者 王小明",
    "",
    "\u3000\u3000“您好，需要借书吗？”",
    "",
    "\u3000\u3000" + WEB_P1,
    "",
    "\u3000\u3000开放时间",
    "",
    "\u3000\u3000" + WEB_P2,
    "",
    "\u3000\u3000据新华社",
    "",
    "热线同步开通_滨江日报 ",
    "\t\t\t    <<上一篇 ", "\t\t\t    返回主页 ",
    "",
    "\t\t\t    \t 热线同步开通 ",
    "",
    "2026-03-28",
    "",
    "\u3000\u3000" + WEB_P3,
])


@pytest.fixture(scope="module")
def web():
    return parse_text(WEB_CRAWL, "crawl.txt")


def test_web_crawl_title_and_navigation_are_furniture(web):
    assert "正式开放_滨江日报" in web.boilerplate and "城市书房" in web.boilerplate
    assert "下一篇>>" in web.boilerplate and "返回主页" in web.boilerplate and "<<上一篇" in web.boilerplate
    assert "2026-03-28" in web.boilerplate


def test_web_crawl_date_lines_cut_articles(web):
    assert [a.headline for a in web.articles] == ["城市书房正式开放", "热线同步开通"]
    a = web.articles[0]
    assert a.kicker == "阅读空间又添新去处"
    # the caption under the date line is the story's; its credit names no photographer
    assert a.caption == "市民在书房里看书" and a.kind == "news"
    assert [(b.name, b.role) for b in a.bylines] == [("王小明", "reporter")]
    # a title-shaped first line and a subheading stay text: no date line under them
    assert a.paragraphs == ["“您好，需要借书吗？”", WEB_P1, "开放时间", WEB_P2, "据新华社"]
    assert web.articles[1].paragraphs == [WEB_P3]


def test_picture_credits_without_a_photographer():
    m = default_markers()
    assert trailing_credit("市民在书房里看书 城市书房供图", m) == ("市民在书房里看书", [])
    assert trailing_credit("图据“书房”社交账号", m) == ("", [])
    caption, found = trailing_credit("樱花开花率今天将达60%以上 徐青青 摄", m)
    assert caption == "樱花开花率今天将达60%以上" and [(b.name, b.role) for b in found] == [("徐青青", "photographer")]


@pytest.mark.parametrize("lines,expected", [
    # a named person's activity opens the first line: headline + subtitle
    (["习近平会见尼泊尔总统班达里", "两国元首共同宣布建立战略合作伙伴关系"],
     (None, "习近平会见尼泊尔总统班达里", "两国元首共同宣布建立战略合作伙伴关系")),
    # a comma clause longer than the comma-free line above: a subtitle
    (["世界军人运动会今日开幕", "共有109个国家的军人报名参赛，规模创历届之最"],
     (None, "世界军人运动会今日开幕", "共有109个国家的军人报名参赛，规模创历届之最")),
    # no cue: kicker + headline
    (["开花率超过六成", "樱花跑道进入最佳观赏期"], ("开花率超过六成", "樱花跑道进入最佳观赏期", None)),
])
def test_two_title_lines(lines, expected):
    page = "\n".join(["", *lines, "", "\u3000\u3000" + WEB_P1, "", "\u3000\u3000" + WEB_P2, ""])
    a = parse_text(page, "t.txt").articles[0]
    assert (a.kicker, a.headline, a.subtitle) == expected


def test_local_dateline_names_reporters():
    page = "\n".join(["春耕备耕忙", "", "本报讯（记者 林建安 通讯员 黄小依）3月26日，" + P1])
    a = parse_text(page, "t.txt").articles[0]
    assert [(b.name, b.role) for b in a.bylines] == [("林建安", "reporter"), ("黄小依", "correspondent")]


def test_bracket_left_open_joins_next_line_and_column_tag_title_stays_alone():
    page = "\n".join([
        "沈阳、呼和浩特、福州、长沙深入开展第二批主题教育——",
        "",
        "扛起政治责任 不折不扣整改（守初心 担使命 找差距 抓落实·深入开展“不忘初",
        "心、牢记使命”主题教育）",
        wrap(P1, 22), wrap(P2, 22),
        "",
        "一堂厚重隽永的爱国主义教育课（人民论坛）",
        wrap(P3, 22),
    ])
    arts = parse_text(page, "t.txt").articles
    assert arts[0].kicker == "沈阳、呼和浩特、福州、长沙深入开展第二批主题教育——"
    assert arts[0].headline == ("扛起政治责任 不折不扣整改（守初心 担使命 找差距 抓落实·深入开展“不忘初心、牢记使命”"
                                "主题教育）")
    assert arts[-1].headline == "一堂厚重隽永的爱国主义教育课（人民论坛）" and arts[-1].paragraphs == [P3]


def test_crawl_kicker_ending_in_dash_is_not_run_on():
    # one line per paragraph (a crawl): the dash ends a kicker, not a sentence
    head = "为创造更加美好的明天而奋斗（守初心 担使命·深入开展“不忘初心、牢记使命”主题教育）"
    page = "\n".join(["辽宁、浙江、河南扎实开展主题教育——", head, "\u3000\u3000" + WEB_P1, "\u3000\u3000" + WEB_P2])
    a = parse_text(page, "t.txt").articles[0]
    assert (a.kicker, a.headline) == ("辽宁、浙江、河南扎实开展主题教育——", head)


def test_folio_page_number_glued_to_page_name():
    page = parse_text("\n".join(["6要闻", "", "人民日报　2019年10月18日 星期五", "", "春耕备耕忙", "", wrap(P1, 22)]), "t.txt")
    assert page.boilerplate[0] == "6要闻" and page.number == 6 and page.name == "要闻"
    assert page.articles[0].headline == "春耕备耕忙" and page.articles[0].kicker is None


def test_folio_in_one_printed_line_and_web_date_source_lines():
    # a PDF prints the folio as one line; a web page prints its date with time and source
    page = parse_text("\n".join(["13 视点 人民日报 2019年10月2日 星期三", "", "# 春耕备耕忙",
                                  "2010年09月10日09:14来源：大河网-河南日报", "", P1]), "t.txt")
    assert page.boilerplate == ["13 视点 人民日报 2019年10月2日 星期三", "2010年09月10日09:14来源：大河网-河南日报"]
    assert (page.number, page.name) == (13, "视点")
    assert page.articles[0].subtitle is None and page.articles[0].paragraphs[0].startswith(P1[:10])


def test_county_paper_masthead_staff_and_imprint_are_furniture():
    furniture = ["中共青禾县委员会机关报", "青禾县融媒体中心主办", "责任编辑：王敏 版式设计：李娜 校对：赵强",
                 "社址：青禾县人民路88号 邮编：344000 电话：0794-1234567", "印刷：青禾县印务有限公司"]
    page = parse_text("\n".join([*furniture[:3], "", "县委常委会召开会议", "", wrap(P1, 22), "", *furniture[3:]]), "t.txt")
    assert page.boilerplate == furniture
    assert [a.headline for a in page.articles] == ["县委常委会召开会议"]
    # alone under an article, a layout credit is its byline (版式设计：X, as People's Daily prints it)
    page = parse_text("\n".join(["春耕备耕忙", "", wrap(P1, 22), "版式设计：沈亦伶", ""]), "t.txt")
    assert page.boilerplate == [] and [(b.name, b.role) for b in page.articles[0].bylines] == [("沈亦伶", "unknown")]


def test_a_notices_list_items_and_its_issuer_stay_in_it():
    notice = ["干部任前公示", "", "现将拟提拔任用干部有关情况公示如下：", "",
              "张建华，男，汉族，1978年5月生，大学学历，中共党员，现任县发改局副局长，拟任城关镇党委书记。", "",
              "李敏，女，汉族，1982年9月生，研究生学历，中共党员，现任县委办公室副主任，拟任县商务局局长。", "",
              "公示时间：2022年6月10日至6月16日。", "", "中共青禾县委组织部", "2022年6月9日", "",
              "道路交通管制通告", "", "为保障活动顺利进行，决定对以下路段实施交通管制：", "",
              "（一）虎玉路（南复路至虎跑路段）实行机动车东向西单向通行；", "",
              "（二）醉李弄（龙鹤路至龙居寺巷段）实行机动车由西向东单向通行。", ""]
    page = parse_text("\n".join([*notice, wrap(P1, 40)]), "t.txt")
    first, second = page.articles[:2]
    assert (first.kind, first.headline) == ("notice", "干部任前公示")
    assert first.paragraphs[-2:] == ["公示时间：2022年6月10日至6月16日。", "中共青禾县委组织部"]
    assert second.headline == "道路交通管制通告" and [p[:5] for p in second.paragraphs[1:3]] == ["（一）虎玉", "（二）醉李"]


def test_a_crawl_of_title_date_and_text_lines():
    # a crawl storing each article as title / date with weekday / its paragraphs joined by spaces
    # on one line, the byline glued to the text
    body1 = (P1 + " " + P2 + " " + P3)
    body2 = "■ 青禾日报特派记者 韩文嘉 周元春 " + P2 + " 结构优化，发展领先优势更加凸显 " + P1
    text = "\n".join(["城市书房正式开放", "2017年03月04日 星期六", " 青禾日报讯 （记者 林洲璐）" + body1,
                      "阅读空间又添新去处", "2017年03月04日 星期六", body2,
                      "全市重点项目加快建设", "2017年03月04日 星期六", P3 + " " + P1 + P2])
    page = parse_text(text, "t.txt")
    assert [a.headline for a in page.articles] == ["城市书房正式开放", "阅读空间又添新去处", "全市重点项目加快建设"]
    first, second, third = page.articles
    assert third.paragraphs == [P3, P1 + P2]
    assert [p[:8] for p in first.paragraphs] == ["青禾日报讯 （记", P2[:8], P3[:8]]
    assert [(b.name, b.role) for b in first.bylines] == [("林洲璐", "reporter")]
    assert second.paragraphs == [P2, "结构优化，发展领先优势更加凸显", P1]   # a subheading inside the text
    assert [(b.name, b.role) for b in second.bylines] == [("韩文嘉", "reporter"), ("周元春", "reporter")]
    # a masthead's date set apart from the line above is no article's date line
    page = parse_text("\n".join(["青禾日报", "", "春耕备耕忙", "", "2017年03月04日 星期六", "今日8版", "", wrap(P1, 22)]),
                      "t.txt")
    assert page.articles[0].headline == "春耕备耕忙" and page.articles[0].paragraphs[0].startswith(P1[:10])


def test_a_space_after_a_sentence_here_and_there_splits_nothing():
    # People's Daily's own web text has a space after a sentence end in a few long paragraphs
    long_para = P1 + " " + P2
    others = [P1 + P2, P2 + P3 + P1, P3 + P1 + P3, P2 + P1]
    page = parse_text("\n\n".join(["春耕备耕忙", long_para, *others]), "t.txt")
    assert len(page.articles[0].paragraphs) == 5 and page.articles[0].paragraphs[0].startswith(P1)


def test_crawl_header_fragments_form_one_title():
    # v2 crawls strip indentation: a header of three short lines or more keeps
    # a title's <br>s; a kicker is a whole phrase with its comma
    def article(head: list[str], body: str) -> list[str]:
        return [*head, "", "2026-04-04", "", body, ""]
    page = "\n".join(article(["买书，买书", "200多米的巷子", "有6家书摊在卖"], WEB_P1)
                     + article(["富春茶海", "“间株樱花间株茶”", "假期上线"], WEB_P2)
                     + article(["城市书房正式开放"], WEB_P3))
    arts = parse_text(page, "t.txt").articles
    assert [(a.kicker, a.headline, a.subtitle) for a in arts] == [
        ("买书，买书", "200多米的巷子 有6家书摊在卖", None),
        (None, "富春茶海 “间株樱花间株茶” 假期上线", None),
        (None, "城市书房正式开放", None)]


# ------------------------------------------------ web crawls and markdown exports (made-up text)

def test_web_title_names_the_headline_lines_around_it_are_kicker_and_subtitle() -> None:
    # The removed page <title> says which header lines are the headline; lines
    # above it are the kicker, lines below it the subtitle.  Without it, two
    # lines with no cue read as kicker + headline.
    head = ["老街迎来新住客", "整修三年的江边老街下月起陆续开门营业"]
    text = "\n\n".join(["老街迎来新住客_新城晚报", *head, "2025-05-06", P1, P2])
    a = parse_text(text, "p.txt").articles[0]
    assert (a.kicker, a.headline, a.subtitle) == (None, *head)
    text = "\n\n".join(["江边老街迎来新住客_新城晚报", "“终于等到这一天”", "江边老街", "迎来新住客",
                        "整修花了三年，首批商户下月开门", "2025-05-06", P1, P2])
    a = parse_text(text, "p.txt").articles[0]
    assert (a.kicker, a.headline, a.subtitle) == ("“终于等到这一天”", "江边老街 迎来新住客", "整修花了三年，首批商户下月开门")


def test_web_title_in_two_decks_is_read_as_two_title_lines() -> None:
    # The crawled <title> breaks its text over lines, the second deck set in by
    # ideographic spaces; the article header repeats it under template tabs.  The
    # decks are read as any two title lines (here, over a date line, the shorter
    # second one is the subtitle), not as one headline.
    title = ["在老街里寻找童年", "开了四十年的杂货铺", "\u3000\u3000今天最后一天营业_新城晚报 "]
    header = ["\t\t\t    \t 在老街里寻找童年", "开了四十年的杂货铺", "\u3000\u3000今天最后一天营业 "]
    text = "\n".join([*title, "\t\t\t    返回主页 ", "", *header, "", "2025-05-06", "",
                      "\u3000\u3000" + P1, "", "\u3000\u3000" + P2]) + "\n"
    a = parse_text(text, "p.txt").articles[0]
    assert (a.kicker, a.headline, a.subtitle) == (None, "在老街里寻找童年 开了四十年的杂货铺", "今天最后一天营业")


def test_markdown_export_furniture_and_list_numbered_title() -> None:
    # A crawler's markdown export: section heading with page code and name, HTML
    # anchors, a numbered ### <title>, a bold metadata line, a source link, a rule.
    text = "\n".join([
        "## B03 城事新闻", "", '<a id="B03-01"></a>',
        "### 1. 老街迎来新住客_新城晚报", "", "> **作者**: 王小明 | **日期**: 2025-05-06 | **字数**: 300 字", "",
        "老街迎来新住客", "", "整修三年的江边老街下月起陆续开门营业", "", "2025-05-06", "", P1, "", P2, "",
        "[原文链接](https://example.com/a.html)", "", "---", "", "![](https://example.com/p.jpg)", "",
    ])
    page = parse_text(text, "p.txt")
    assert [(a.kicker, a.headline, a.subtitle) for a in page.articles] == [
        (None, "老街迎来新住客", "整修三年的江边老街下月起陆续开门营业")]
    assert page.articles[0].paragraphs == [P1, P2]
    for line in ("## B03 城事新闻", "[原文链接](https://example.com/a.html)", "---",
                 "**字数**"):
        assert any(line.lstrip("# ") in b for b in page.boilerplate), line


def test_whole_line_markdown_emphasis_loses_its_markers() -> None:
    page = parse_text("## 标题一则\n\n" + P1 + "\n\n**老街的新生意**\n\n" + P2 + "\n", "p.txt")
    assert "老街的新生意" in page.articles[0].paragraphs
    assert not any("**" in p for p in page.articles[0].paragraphs)


def test_a_report_title_ending_in_bobao_is_no_paper_name() -> None:
    # 活动播报 ends in 报 like a paper's name; it is a title, not furniture.
    page = parse_text("\n".join(["小记者活动播报", "2025-05-06", P1, P2]), "p.txt")
    assert page.articles[0].headline == "小记者活动播报"


def test_dated_header_with_a_shorter_second_line_is_headline_and_subtitle() -> None:
    text = "\n".join(["江边老街整修三年后迎来首批新住客", "首批商户下月开门", "2025-05-06", P1, P2])
    a = parse_text(text, "p.txt").articles[0]
    assert (a.kicker, a.headline, a.subtitle) == (None, "江边老街整修三年后迎来首批新住客", "首批商户下月开门")


def test_bylines_set_without_spaces() -> None:
    m = default_markers()
    got = parse_byline_line("记者李铮通讯员王飞李永", m)
    assert [(b.name, b.role) for b in got] == [("李铮", "reporter"), ("王飞", "correspondent"), ("李永", "correspondent")]
    got = parse_byline_line("□本报记者张靖本报通讯员郜敏", m)
    assert [(b.name, b.role) for b in got] == [("张靖", "reporter"), ("郜敏", "correspondent")]
    # four characters without a role word are no pair of names; a name with its credit stays whole
    assert parse_byline_line("江南水乡", m) is None
    assert parse_byline_line("◆云南", m) is None  # a bulleted section label
    got = parse_byline_line("新华社记者 王永战摄", m)
    assert [(b.name, b.role) for b in got] == [("王永战", "photographer")]
    got = parse_byline_line("黄传庚 王志昊摄影报道", m)
    assert [(b.name, b.role) for b in got] == [("黄传庚", "photographer"), ("王志昊", "photographer")]
    a = parse_text("标题一则\n\n本报讯（记者李铮通讯员王飞）" + P1 + "\n\n" + P2 + "\n", "p.txt").articles[0]
    assert [(b.name, b.role) for b in a.bylines] == [("李铮", "reporter"), ("王飞", "correspondent")]


@pytest.mark.parametrize("title, body, last", [
    ("习近平致信祝贺博览会开幕",
     "　　值此博览会开幕之际，我谨向博览会的举办表示衷心的祝贺！\n"
     "　　希望大家秉承互信、互助、互利的原则，深化交流合作。\n"
     "　　最后，预祝博览会圆满成功！\n", "最后，预祝博览会圆满成功！"),
    ("习近平给澳门老人回信",            # a closing exclamation right over the signature
     "　　你们好！来信收到了。\n"
     "　　重阳节就要到了，我祝你们、祝全国的老人们健康长寿、生活幸福！\n",
     "重阳节就要到了，我祝你们、祝全国的老人们健康长寿、生活幸福！"),
])
def test_a_letter_signed_with_a_date_keeps_its_closing_line_and_author(title, body, last):
    text = title + "\n\n" + body + "　　习近平\n　　2019年10月6日\n"
    page = parse_text(text, "t.txt", day=date(2019, 10, 8))
    assert [a.headline for a in page.articles] == [title]
    letter = page.articles[0]
    assert letter.paragraphs[-1] == last
    assert [(b.name, b.role) for b in letter.bylines] == [("习近平", "author")]


def test_bare_names_over_an_author_note_are_authors():
    text = ("书写奋斗历程 展现辉煌成就\n\n"
            "　　新中国成立70年来，我国科技事业取得了举世瞩目的成就。\n"
            "　　（作者为中国科学院院长、党组书记）\n"
            "　　白春礼\n")
    page = parse_text(text, "t.txt", day=date(2019, 10, 6))
    assert [(b.name, b.role) for b in page.articles[0].bylines] == [("白春礼", "author")]


CRAWL_PAGE = ("七十年的伟大成就\n"
              "　　砥砺奋进书写恢弘史诗，豪情壮志踏上新的征程。\n"
              "　　大家表示，一定要更加紧密地团结起来。\n"
              "　　（新华社北京10月1日电）\n\n\n\n"
              "为祖国自豪 为祖国祝福\n"
              "——论学习贯彻重要讲话\n"
              "　　这是一部感天动地的奋斗史诗！这是一部彪炳史册的伟大传奇！\n"
              "　　新中国成立70年来，我们取得了举世瞩目的成就。\n\n\n\n"
              "李克强会见2019年度中国政府友谊奖获奖外国专家\n"
              "韩正参加会见\n"
              "　　本报北京9月30日电　（记者赵成）国务院总理李克强30日下午在人民大会堂会见外国专家。\n"
              "　　韩正参加会见。\n")


def test_crawl_titles_end_at_the_first_indented_line_and_keep_a_short_subtitle():
    page = parse_text(CRAWL_PAGE, "t.txt", day=date(2019, 10, 2))
    got = [(a.kicker, a.headline, a.subtitle) for a in page.articles]
    assert got == [(None, "七十年的伟大成就", None),
                   (None, "为祖国自豪 为祖国祝福", "——论学习贯彻重要讲话"),
                   (None, "李克强会见2019年度中国政府友谊奖获奖外国专家", "韩正参加会见")]
    assert page.articles[1].paragraphs[0].startswith("这是一部感天动地")


def test_a_bracketed_closer_over_a_gap_is_not_joined_to_the_next_title():
    text = ("庆祝大会全景纪实\n"
            "　　中国的明天，长风破浪会有时！\n"
            "　　（新华社北京10月1日电　记者张旭东、赵超）\n\n\n\n"
            "“我们是一支不可战胜的力量！”\n"
            "——国庆70周年阅兵纪实\n"
            "　　恢宏激昂的阅兵式号角骤然响起。\n"
            "　　10月1日上午，新中国以一场盛大阅兵庆祝70岁生日。\n")
    page = parse_text(text, "t.txt", day=date(2019, 10, 2))
    assert [(a.headline, a.subtitle) for a in page.articles] == [
        ("庆祝大会全景纪实", None), ("“我们是一支不可战胜的力量！”", "——国庆70周年阅兵纪实")]


def test_crawl_title_decks_at_the_margin_are_not_joined():
    body = "".join(f"　　这是第{n}段正文，记者在田间地头看到了农民们拿起画笔描绘家乡的新面貌和新生活。\n" for n in range(1, 4))
    text = ("江西万安，许多农民拿起了画笔\n"
            "田野有多广袤，画布就有多大\n" + body + "\n\n\n"
            "从武汉到金奈，汇聚中印关系发展正能量\n"
            "——写在中印领导人第二次非正式会晤之际\n" + body)
    page = parse_text(text, "t.txt", day=date(2019, 10, 18))
    assert [(a.kicker, a.headline, a.subtitle) for a in page.articles] == [
        ("江西万安，许多农民拿起了画笔", "田野有多广袤，画布就有多大", None),
        (None, "从武汉到金奈，汇聚中印关系发展正能量", "——写在中印领导人第二次非正式会晤之际")]


def test_a_long_crawl_headline_at_the_margin():
    body = "".join(f"　　这是第{n}段正文，外交部发言人在例行记者会上宣布了有关访问的安排和日程。\n" for n in range(1, 4))
    long_title = ("李克强将出席上合组织成员国政府首脑（总理）理事会第十八次会议并对乌兹别克斯坦进行正式访问、"
                  "出席东亚合作领导人系列会议并对泰国进行正式访问")
    text = "前一篇的标题\n" + body + "\n\n\n" + long_title + "\n\n" + body
    page = parse_text(text, "t.txt", day=date(2019, 10, 26))
    assert [a.headline for a in page.articles] == ["前一篇的标题", long_title]


def test_a_sectioned_page_keeps_its_letter():
    page = parse_text("标题\n\n　　正文在这里。\n", "dskb-20260328-B04.txt")
    assert (page.section, page.number) == ("B", 4)
    assert parse_text("标题\n\n　　正文在这里。\n", "rmrb-20191028-12.txt").section is None


def test_an_outlet_among_the_reporters_of_a_dateline():
    got = dateline_bylines("本报讯（记者 宣涛 富阳微融圈 陈东 季慧）每年清明假期前后，是看樱花的时间。", default_markers())
    assert [(b.name, b.role) for b in got] == [("宣涛", "reporter"), ("陈东", "reporter"), ("季慧", "reporter")]


def _pdf_page(*articles: list[str], width: int = 22) -> str:
    """A pdftotext-like page: each article's title lines, then its body hard-wrapped."""
    out = []
    for lines in articles:
        *titles, body = lines
        out += ["", *titles, wrap(body, width)]
    return "\n".join(out) + "\n"


def test_parallel_title_lines_before_a_column_tag_are_one_headline():
    page = parse_text(_pdf_page(["春潮涌动", "万象更新（走进新时代）", "——记某县的一个春天", P1 + P2]), "p.txt")
    a = page.articles[0]
    assert (a.kicker, a.headline) == (None, "春潮涌动 万象更新（走进新时代）")


def test_parallel_title_lines_are_one_headline():
    # converters split a headline of two parallel phrases at its wide space
    page = parse_text(_pdf_page(["秋收在望", "丰年可期", "——记某县粮食生产一线的农技员们", P1 + P2]), "p.txt")
    a = page.articles[0]
    assert (a.kicker, a.headline, a.subtitle) == (None, "秋收在望 丰年可期", "——记某县粮食生产一线的农技员们")


def test_parallel_title_lines_apart_are_kicker_and_headline():
    # a blank line between two short title lines is a change of type size: kicker over headline
    page = parse_text(_pdf_page(["全国青年篮球联赛", "", "本市男队夺得冠军", P1 + P2]), "p.txt")
    a = page.articles[0]
    assert (a.kicker, a.headline) == ("全国青年篮球联赛", "本市男队夺得冠军")


def test_title_lines_of_unequal_length_are_not_joined():
    page = parse_text(_pdf_page(["本市新增三条夜间公交线路", "方便市民出行", P1 + P2]), "p.txt")
    a = page.articles[0]
    assert a.headline in ("本市新增三条夜间公交线路", "方便市民出行")


def test_long_dash_subtitle_is_not_the_first_paragraph():
    sub = "——全市各级各部门认真学习贯彻全会精神并结合本地实际推动各项工作落地见效的情况综述"
    page = parse_text(_pdf_page(["奋进新征程", sub, P1 + P2]), "p.txt")
    a = page.articles[0]
    assert a.headline == "奋进新征程"
    assert a.subtitle == sub
    assert a.paragraphs[0].startswith("记者从市发展改革委获悉")


def test_dash_line_inside_a_body_stays_body():
    text = "标题一则\n\n" + wrap(P1, 22) + "\n——某位受访者的名字\n" + wrap(P2, 22) + "\n"
    a = parse_text(text, "p.txt").articles[0]
    assert a.subtitle is None
    assert "——某位受访者的名字" in a.paragraphs


def test_standfirst_under_a_column_tagged_headline_is_body():
    lead = "老旧小区改造，既要改好面子，更要改好里子"
    page = parse_text(_pdf_page(["把好事办到群众心坎上（人民时评）", lead, P1 + P2 + P3], width=32), "p.txt")
    a = page.articles[0]
    assert a.headline == "把好事办到群众心坎上（人民时评）"
    assert a.subtitle is None
    assert a.paragraphs[0] == lead
    # the same under a headline marked by type size (a PDF) or by a converter
    a = parse_text("\n".join(["# 把好事办到群众心坎上（人民时评）", lead, "", P1, "", P2]), "p.txt").articles[0]
    assert (a.subtitle, a.paragraphs[0]) == (None, lead)


def test_long_line_over_a_dateline_is_a_title_line():
    # a subtitle listing a meeting's decisions: commas, semicolons, wider than the column,
    # its last words wrapped under it; the dateline below opens the article's text
    sub = "听取全市重点项目推进情况汇报，要求加快项目建设进度；部署做好冬季安全生产工作，确保群众生命财产安全；研究其他事项"
    body = "本报讯 " + P1 + P2
    text = "\n".join(["", "标题一则", P3, "", "市政府召开常务会议", sub[:-6], sub[-6:], "", wrap(body, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则", "市政府召开常务会议"]
    assert arts[1].subtitle == sub
    assert arts[1].paragraphs[0].startswith("本报讯")


def test_title_set_off_above_starts_an_article_on_a_gapless_page():
    # paragraphs follow each other without blank lines; a converter starts a new text
    # block (a blank line) for a headline, while a subheading runs on in its column
    text = "\n".join(["标题一则", wrap(P1, 22), "小标题在栏内", wrap(P2, 22), "", "第二篇的标题",
                      wrap(P3 + P1, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则", "第二篇的标题"]
    assert "小标题在栏内" in arts[0].paragraphs


def test_lone_dash_line_set_off_above_is_not_a_headline():
    text = "\n".join(["标题一则", wrap(P1, 22), "", "——如何把好事办好？", wrap(P2, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则"]


def test_two_line_subheading_set_off_above_stays_in_its_article():
    text = "\n".join(["标题一则", wrap(P1 + P2, 26), "", "结构优化 服务升级", "城乡居民的出行次数成倍增长",
                      wrap(P3 + P1, 26)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则"]
    assert "结构优化 服务升级" in arts[0].paragraphs


def test_dateline_line_is_never_a_title():
    text = "\n".join(["标题一则", wrap(P2, 26), "", "另一篇的标题", "",
                      "新华社北京10月1日电 （记者张三）10月1日至2", wrap("日，" + P1 + P3, 26)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则", "另一篇的标题"]
    assert arts[1].paragraphs[0].startswith("新华社北京10月1日电")


def test_document_title_over_its_bracketed_date():
    title = "市人民代表大会常务委员会关于加强城市公共空间管理促进城市有机更新若干问题的决定"
    note = "（2021年3月8日市第十六届人民代表大会常务委员会第二十次会议通过）"
    text = "\n".join(["标题一则", wrap(P1, 22), "", title[:26], title[26:], note, "同志们：", wrap(P2, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则", title]
    assert arts[1].subtitle == note
    assert arts[1].paragraphs[0] == "同志们："


@pytest.mark.parametrize("line, tagged", [
    ("牧区姑娘 飞上蓝天（点赞新时代）", True),
    ("古城焕新颜（长三角见证高质量发展·江苏篇（上））", True),   # the tag holds its own bracket
    ("何冀平（编剧）", False),                                     # a speaker label
    ("会议强调（一）要抓好落实，（二）要加强领导", False),
])
def test_column_tag_cue(line, tagged):
    assert bool(default_markers().headline_cue.search(line)) is tagged


def test_long_kicker_ending_with_a_dash_over_its_headline():
    kicker = "这个山村过去路难走、水难喝。三年来，干部群众修路架桥、引水种茶，终于——"
    text = "\n".join(["标题一则", wrap(P1, 22), "", kicker, "", "山村换新颜（乡村新貌）", wrap(P2, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "标题一则"), (kicker, "山村换新颜（乡村新貌）")]


def test_title_and_its_date_in_chinese_numerals_are_not_one_line():
    text = "\n".join(["标题一则", wrap(P1, 22), "", "市委市政府关于加快建设现代农业强市的意见", "（二〇二一年三月八日）", "",
                      wrap(P2 + P3, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert arts[1].headline == "市委市政府关于加快建设现代农业强市的意见"
    assert arts[1].subtitle == "（二〇二一年三月八日）"


def test_short_attendance_line_under_a_title_is_its_subtitle_not_its_wrap():
    # alone between blank lines, a long line over a short one is usually one title wrapped;
    # not when the short line reads as a subtitle
    text = "\n".join(["标题一则", wrap(P1, 18), "", "全市民营经济高质量发展推进会召开", "张三、李四出席", "",
                      wrap(P2 + P3, 18)]) + "\n"
    a = parse_text(text, "p.txt").articles[1]
    assert (a.headline, a.subtitle) == ("全市民营经济高质量发展推进会召开", "张三、李四出席")


def test_column_tagged_headline_is_not_joined_to_the_kicker_above_its_gap():
    text = "\n".join(["标题一则", wrap(P1, 18), "", "多部门联合发文加强城乡居民用药保障、降低群众负担", "",
                      "门诊药费可报销超五成？（权威发布）", wrap(P2 + P3, 18)]) + "\n"
    a = parse_text(text, "p.txt").articles[1]
    assert (a.kicker, a.headline) == ("多部门联合发文加强城乡居民用药保障、降低群众负担", "门诊药费可报销超五成？（权威发布）")


def test_coordinator_credit_is_a_byline_line():
    assert [(b.name, b.role) for b in parse_byline_line("本期统筹：杨一帆", default_markers())] == [("杨一帆", "editor")]
    assert parse_byline_line("系统筹划全局", default_markers()) is None


def test_dash_line_after_text_never_starts_an_article():
    # a speaker's or profile subject's name under a quotation, set off like a title
    text = "\n".join(["标题一则", wrap(P1, 22), "", "——张三（某大学教授）", wrap(P2, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则"]
    assert "——张三（某大学教授）" in arts[0].paragraphs


def test_agency_name_alone_is_a_credit_not_a_title():
    text = "\n".join(["标题一则", wrap(P1, 22), "", "人民视觉", "", "第二篇的标题", wrap(P2, 22)]) + "\n"
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["标题一则", "第二篇的标题"]
    assert all("人民视觉" not in p for a in arts for p in a.paragraphs)


def test_short_paragraphs_whose_first_lines_outnumber_full_lines_stay_apart():
    # pdftotext drops the first-line indent: first lines are two characters short of
    # the 24-character column, and so is each paragraph's last line, ending its sentence
    body = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地人和春夏秋冬"
    paras = [body[k:k + 22] + body[:24] + body[k + 2:k + 23] + "。" for k in range(4)]
    lines = [ln for p in paras for ln in (p[:22], p[22:46], p[46:])]
    assert all(len(ln) in (22, 24) for ln in lines)
    a = parse_text("标题一则\n\n" + "\n".join(lines) + "\n", "p.txt").articles[0]
    assert a.paragraphs == paras


def test_short_last_line_after_a_full_line_cut_mid_word_continues_it():
    # a standfirst without a closing stop: its short last line is no subheading
    lead = "假期消费呈现出升级的态势，新兴消费从萌芽到壮大，传统消费提质向前"
    lines = [lead[:22], lead[22:]]          # the first stops mid-word at the column edge
    text = "\n".join(["国庆黄金周里看消费（人民时评）", "", *lines, wrap(P1 + P2, 22)]) + "\n"
    a = parse_text(text, "p.txt").articles[0]
    assert a.paragraphs[0] == lead


def test_text_closed_by_its_source_is_not_run_into_the_next_title() -> None:
    # A crawl closes an article with where it came from, run on after its last sentence
    # (…予以销毁。据新华社); the next line after the gap is the next article's title, even
    # one with commas inside (油菜花、樱花、桃花…), not more of the text.
    text = "\n\n".join(["老街整修三年后迎来首批新住客", "2025-05-06", P1, P2 + "据新华社",
                        "油菜花、樱花、桃花次第开放", "2025-05-06", P1, P2 + "据央视新闻"])
    arts = parse_text(text, "p.txt").articles
    assert [a.headline for a in arts] == ["老街整修三年后迎来首批新住客", "油菜花、樱花、桃花次第开放"]
    assert arts[0].paragraphs[-1].endswith("据新华社")


def test_marked_headline_keeps_its_long_dash_subtitle_and_dated_note() -> None:
    # Headlines marked by a converter (# …, or by type size in a PDF) take the same
    # decks under them as plain title lines do.
    sub = "——" + "记某县广大党员干部群众在新时代新征程上埋头苦干、勇毅前行、奋力谱写高质量发展新篇章的生动实践"
    page = parse_text("\n".join(["# 奋进新征程", sub, "", P1 + P2, "", "# 在全县干部大会上的讲话",
                                 "（2024年3月1日）", "", P1, "", "# 第三篇", "", P2]), "p.txt")
    first, second = page.articles[:2]
    assert (first.headline, first.subtitle) == ("奋进新征程", sub)
    assert (second.headline, second.subtitle) == ("在全县干部大会上的讲话", "（2024年3月1日）")


def test_marked_headlines_in_one_title_run_are_two_items() -> None:
    # A photo's marked title, then the next article's kicker and marked headline (a PDF
    # sets them as blocks of their own): two items, the kicker going with the second.
    page = parse_text("\n".join(["# 江边来了第一批候鸟", "", "王县长强调", "", "# 守护一江清水", "", P1, "",
                                 "# 一个标题", "", "", "# 另一个标题", "", P2]), "p.txt")
    heads = [(a.kicker, a.headline) for a in page.articles]
    assert heads == [(None, "江边来了第一批候鸟"), ("王县长强调", "守护一江清水"), (None, "一个标题"), (None, "另一个标题")]


def test_an_advertisement_label_is_an_item_on_a_marked_page() -> None:
    # Where headlines are marked, other title lines are subheadings, but 广告 alone is a box.
    page = parse_text("\n".join(["# 第一篇", "", P1, "", "广告", "", "# 第二篇", "", P2]), "p.txt")
    assert [(a.headline, a.kind) for a in page.articles][1] == ("广告", "advertisement")


def test_a_file_holding_a_whole_issue_parses_into_its_pages(tmp_path) -> None:
    from banmian.pipeline import parse_files, split_issue

    from .test_archive import WHOLE_ISSUE

    assert len(split_issue(WHOLE_ISSUE)) == 2 and split_issue(P1) == [P1]
    f = tmp_path / "issue.txt"
    f.write_text(WHOLE_ISSUE, encoding="utf-8")
    pages = parse_files([f]).edition.pages
    assert [(p.number, p.name, p.source) for p in pages] == [(1, "要闻", "issue.txt"), (2, "综合", "issue.txt#2")]
    assert [a.headline for p in pages for a in p.articles] == ["区长调研老街改造", "社区开展义诊活动"]


def test_a_source_note_naming_a_magazine_closes_the_text_and_heads_nothing() -> None:
    # 据《环球人物》 says where the text came from, as 据新华社 does: the text's last
    # paragraph, not a kicker over the 广告 box below it.
    text = "\n\n".join(["老街整修三年后迎来首批新住客", "2025-05-06", P1, P2, "据《环球人物》", "广告"])
    arts = parse_text(text, "p.txt").articles
    assert arts[0].paragraphs[-1] == "据《环球人物》"
    assert [(a.kicker, a.headline) for a in arts[1:]] == [(None, "广告")]


def test_a_title_announcing_a_leaders_activity_is_the_headline_over_its_subtitle() -> None:
    # 某某将赴…出席… reports what a named person will do, as 某某出席… does: the
    # headline, and the line under it its subtitle (not kicker + headline).
    page = parse_text("\n".join(["王建国将赴青禾县出席第二届农民丰收节并调研秋粮收购",
                                 "县委办公室举行吹风会介绍有关情况", P1 + P2]), "p.txt")
    a = page.articles[0]
    assert (a.kicker, a.headline, a.subtitle) == (
        None, "王建国将赴青禾县出席第二届农民丰收节并调研秋粮收购", "县委办公室举行吹风会介绍有关情况")



def test_a_crawls_title_lines_indented_by_the_editor_go_on_with_their_deck() -> None:
    # A crawl that keeps the HTML source's tab indent on each title deck (the first
    # line's stripped): a line the editor indented with U+3000 after a <br> goes on with
    # the deck above it; the tab-indented line starts the next deck.
    head = "老街拆迁安置房、学校、菜场等地\n\u3000\u3000拟更名\n\u3000\u3000青禾县清理整治不规范地名\n"
    other = "城东小区楼栋着火\n\u3000\u3000无人员伤亡\n\t\t\t   \t初步排查系电线老化\n"
    third = "药店感冒药销量上升\n\t\t\t    \t 医生提醒：对症用药\n"
    body = "\n\n".join(["\u3000\u3000" + P1, "\u3000\u3000" + P2])
    text = "\n".join([head, "2026-03-29", "", body, "", other, "2026-03-29", "", body, "", third, "2026-03-29", "", body])
    arts = parse_text(text, "p.txt").articles
    heads = [(a.kicker, (a.headline or "").replace(" ", ""), a.subtitle) for a in arts[:2]]
    assert heads == [(None, "老街拆迁安置房、学校、菜场等地拟更名青禾县清理整治不规范地名", None),
                     (None, "城东小区楼栋着火无人员伤亡", "初步排查系电线老化")]


@pytest.mark.parametrize("opening, names", [
    ("（记者冯芸）百年大计，教育为本。", [("冯芸", "reporter")]),
    ("（记者 王强 通讯员 李梅）近日，县里召开会议。", [("王强", "reporter"), ("李梅", "correspondent")]),
    ("（图为会议现场）近日，县里召开会议。", []),
    ("（张三）近日，县里召开会议。", []),
])
def test_reporters_in_brackets_opening_the_text_without_a_dateline(opening, names):
    # Local papers open a report with （记者 X） and no 本报讯: a byline, the text kept.
    page = parse_text("\n\n".join(["青禾县召开秋粮收购工作会议", opening + P1]), "p.txt")
    a = page.articles[0]
    assert [(b.name, b.role) for b in a.bylines] == names
    assert a.paragraphs[0].startswith(opening)


def test_a_papers_own_name_before_the_role_word() -> None:
    # city papers name themselves where People's Daily writes 本报 (海南日报全媒体记者, 深圳晚报讯)
    m = default_markers()
    got = parse_byline_line("■ 海南日报全媒体记者 李艳玫", m)
    assert [(b.name, b.role) for b in got] == [("李艳玫", "reporter")]
    got = parse_byline_line("海南日报全媒体记者张琬茜 通讯员林妙莹", m)
    assert [(b.name, b.role) for b in got] == [("张琬茜", "reporter"), ("林妙莹", "correspondent")]
    text = "\n".join(["“金鹏之夜”盛典昨晚举行", "", "深圳晚报讯 （记者 赵伟君） 昨晚，第十三届中国国际新媒体短片节正式拉开大幕。",
                      "", "本届新媒体短片节由国家广播电视总局、深圳市人民政府主办，于8月29日至9月1日在深圳举办。"])
    a = parse_text(text, "p.txt").articles[0]
    assert [(b.name, b.role) for b in a.bylines] == [("赵伟君", "reporter")]


def test_a_city_papers_datelines() -> None:
    m = default_markers()
    got = dateline_bylines("深圳特区报广州3月2日电（记者 李明 通讯员 岳宗）2日上午，全省农村工作会议召开。", m)
    assert [(b.name, b.role) for b in got] == [("李明", "reporter"), ("岳宗", "correspondent")]
    got = dateline_bylines("又讯 （记者 孙锦）昨日，市经信委等市直部门联合召开会议。", m)
    assert [(b.name, b.role) for b in got] == [("孙锦", "reporter")]


def test_a_county_media_centres_dateline() -> None:
    # county papers are published by the county's media centre: 融媒讯, 县融媒体中心讯
    m = default_markers()
    for opening in ("融媒讯", "县融媒体中心讯"):
        got = dateline_bylines(opening + "（记者 李明 通讯员 王芳）10月15日，县委书记张建国深入乡镇调研。", m)
        assert [(b.name, b.role) for b in got] == [("李明", "reporter"), ("王芳", "correspondent")]


def test_role_words_in_lenticular_brackets() -> None:
    # web pages of southern papers close the text with 【记者】 and 【通讯员】 lines
    m = default_markers()
    got = parse_byline_line("【记者】柳时强 【通讯员】罗瑞娴", m)
    assert [(b.name, b.role) for b in got] == [("柳时强", "reporter"), ("罗瑞娴", "correspondent")]
    assert parse_byline_line("【链接】相关新闻", m) is None


def test_a_closer_naming_reporters_after_its_dateline_gives_bylines():
    # （本报加德满都10月13日电  记者孙广勇、暨佩娟）closing a report: two reporters; a closer
    # with no person (（本报布鲁塞尔10月29日电）) stays a paragraph.
    page = parse_text("\n\n".join(["青禾县召开秋粮收购工作会议", P1, "（本报青禾10月13日电  记者王强、李梅）",
                                   "另一篇报道的标题", P2, "（本报青禾10月13日电）"]), "p.txt")
    first, second = page.articles[:2]
    assert [(b.name, b.role) for b in first.bylines] == [("王强", "reporter"), ("李梅", "reporter")]
    assert second.paragraphs[-1] == "（本报青禾10月13日电）" and not second.bylines


def test_a_documents_title_over_its_date_starts_an_article_on_a_page_set_with_gaps():
    # On a page whose paragraphs are set apart by blank lines, a title line over a
    # bracketed date (…关于…的意见 / （二〇一九年十月二十日）) starts the document, even with
    # text right under it.
    body = wrap(P1, 22)
    text = "\n\n".join(["县委召开全会", body, wrap(P2, 22),
                        "中共青禾县委关于促进乡村振兴的意见\n（二〇一九年十月二十日）\n" + wrap(P1 + P2, 40)])
    page = parse_text(text, "p.txt")
    heads = [(a.headline, a.subtitle) for a in page.articles]
    assert heads == [("县委召开全会", None), ("中共青禾县委关于促进乡村振兴的意见", "（二〇一九年十月二十日）")]


def test_a_first_line_with_figures_after_a_gap_is_no_title():
    # A justified line holding half-width figures (2019…) reads narrower than its column
    # by its characters; cut mid-phrase with the text running on under it, it is the
    # first line of a paragraph, not a title (a real rendered page of the gold set, whose
    # wide document column made the short line look like a title).
    from .conftest import GOLD

    page = parse_text((GOLD / "rmrb-20191027-01.txt").read_text(encoding="utf-8"), "rmrb-20191027-01.txt")
    heads = [a.headline or "" for a in page.articles]
    assert not any(h.startswith("2019世界青年科学家峰会") for h in heads)
    assert "中共中央国务院关于促进中医药传承创新发展的意见" in heads


def test_an_empty_bracket_pair_is_no_byline_and_no_crash():
    # a line that is only （） (a converter dropped what the brackets held)
    assert parse_byline_line("（）", default_markers()) is None
    page = parse_text("\n\n".join(["青禾县召开秋粮收购工作会议", P1, "（）", P2]), "p.txt")
    assert page.articles[0].headline == "青禾县召开秋粮收购工作会议"
