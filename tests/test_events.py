"""Events on the example page (issue date 2020-04-28): the activities issue 4 lists."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def events(example_edition):
    names = {p["id"]: p["name"] for p in example_edition.people}
    ents = {e["id"]: e["name"] for e in example_edition.organizations + example_edition.places}
    out = []
    for e in example_edition.events:
        lead = [names[a["person"]] for a in e["actors"] if a["role"] == "lead"]
        part = sorted(names[a["person"]] for a in e["actors"] if a["role"] == "participant")
        out.append({"type": e["type"], "lead": lead[0] if lead else None, "start": e["date"]["start"],
                    "end": e["date"]["end"], "text": e["date"]["text"], "part_of_day": e["date"]["part_of_day"],
                    "participants": part, "targets": [ents.get(t, t) for t in e["targets"]],
                    "location": ents.get(e["location"]), "raw": e})
    return out


def find(events, type_, lead, text):
    hits = [e for e in events if e["type"] == type_ and e["lead"] == lead and e["text"] == text]
    assert len(hits) == 1, (type_, lead, text, [(e["type"], e["lead"], e["text"]) for e in events])
    return hits[0]


def test_meetings(events):
    m = find(events, "meeting", "黄卫锋", "25日")
    assert m["start"] == m["end"] == "2020-04-25" and m["targets"] == ["区委常委会（扩大）会议"]
    c = find(events, "meeting", "曹金海", "24日下午")
    assert c["start"] == "2020-04-24" and c["part_of_day"] == "下午"


def test_visit_with_targets_participants_and_place(events):
    v = find(events, "visit", "黄卫锋", "21日")
    assert v["start"] == "2020-04-21" and v["location"] == "上海"
    assert v["targets"] == ["众联能创", "势航科技", "汽车·创新港产业园区", "东洲集团"]
    assert v["participants"] == ["冯斌", "周卫平", "王斌"]


def test_investment_promotion_range(events):
    p = find(events, "investment_promotion", "曹金海", "20日至22日")
    assert (p["start"], p["end"], p["location"]) == ("2020-04-20", "2020-04-22", "上海")


def test_inspections(events):
    x = find(events, "inspection", "徐惠民", "上周")
    assert (x["start"], x["end"]) == ("2020-04-20", "2020-04-26")
    assert x["location"] == "港闸区"            # 带队深入港闸企业、社区一线，实地调研
    h = find(events, "inspection", "黄卫锋", "近日")
    assert h["start"] is None and h["participants"] == ["陶建"]
    assert {"新华福里市场", "润成圩河梳理整治点"} <= set(h["targets"])
    c = find(events, "inspection", "曹金海", "26日下午")
    assert c["targets"] == ["江苏赋助智能科技有限公司"] and c["location"] == "秦灶街道"
    assert c["participants"] == ["王斌"]


def test_few_spurious_events(events):
    assert len(events) <= 9


def test_evidence_and_entity_mentions_slice_back(example_edition):
    arts = {a.id: a for a in example_edition.articles()}
    for e in example_edition.events:
        ev = e["evidence"]
        assert arts[ev["article"]].paragraphs[ev["index"]][ev["start"]:ev["end"]] == ev["text"] == e["trigger"]
    for ent in example_edition.organizations + example_edition.places:
        for m in ent["mentions"]:
            assert arts[m["article"]].paragraphs[m["index"]][m["start"]:m["end"]] == m["text"]


def test_event_ids_stable():
    from banmian.pipeline import parse_files

    from .conftest import EXAMPLE

    a = [e["id"] for e in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.events]
    b = [e["id"] for e in parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.events]
    assert a == b and len(set(a)) == len(a)


# --- rules read off hand-annotated pages, on made-up text -----------------------------------------

def page_events(*paragraphs, day=date(2019, 10, 23), headline="标题"):
    """(type, lead, date start, targets, participants) of the events of one article."""
    from banmian.extract.entities import extract_entities
    from banmian.extract.events import extract_events
    from banmian.extract.people import extract_people
    from banmian.model import Article, Edition, Page

    art = Article(id="a1", headline=headline, paragraphs=list(paragraphs))
    ed = Edition(date=day, pages=[Page(source="t.txt", date=day, articles=[art])])
    extract_people(ed)
    extract_entities(ed)
    extract_events(ed)
    names = {p["id"]: p["name"] for p in ed.people}
    ents = {e["id"]: e["name"] for e in ed.organizations + ed.places}
    out = []
    for e in ed.events:
        lead = [names[a["person"]] for a in e["actors"] if a["role"] == "lead"]
        parts = [names[a["person"]] for a in e["actors"] if a["role"] == "participant"]
        out.append((e["type"], lead[0] if lead else None, e["date"]["start"], [ents.get(t, t) for t in e["targets"]], parts))
    return out


def test_tour_list_over_commas_and_stops_on_the_way():
    evs = page_events("新华社西安10月22日电 国务院副总理孙春兰21日在陕西调研。",
                      "孙春兰先后到西北农林科技大学、陕西工业职业技术学院和西安交通大学，了解教学改革情况。",
                      "孙春兰来到西安市新城区人民法院，考察改革落实情况。")
    assert len(evs) == 1
    typ, lead, start, targets, _ = evs[0]
    assert (typ, lead, start) == ("inspection", "孙春兰", "2019-10-21")
    assert targets == ["西北农林科技大学", "陕西工业职业技术学院", "西安交通大学", "西安市新城区人民法院"]


def test_places_listed_past_commas_and_a_description_after_de():
    evs = page_events("10月18日至19日，中宣部部长黄坤明在浙江调研。"
                      "调研期间，黄坤明先后来到杭州桐庐县、淳安县，嘉兴海宁市的农村和基层宣传文化单位，听取意见建议。")
    assert evs[0][3] == ["杭州桐庐县", "淳安县", "嘉兴海宁市"]


def test_also_starts_another_activity_after_a_ceremony():
    evs = page_events("国务委员王勇21日在上海出席第八十三届国际电工委员会大会开幕式并致辞。",
                      "在沪期间，王勇还来到上海电器科学研究所、上海仪电（集团）有限公司，调研质量提升工作。")
    assert [(e[0], e[1], e[2]) for e in evs] == [("ceremony", "王勇", "2019-10-21"), ("inspection", "王勇", None)]
    assert evs[1][3] == ["上海电器科学研究所", "上海仪电（集团）有限公司"]


def test_announced_opening_of_a_class_and_a_class_as_meeting():
    evs = page_events("本报北京10月22日电 （记者江琳）机关党建研讨班22日在京开班。"
                      "中共中央政治局委员、中央和国家机关工委书记丁薛祥出席开班式并讲话。",
                      "中央政法委书记郭声琨21日在信访工作专题研讨班上强调，要做好信访工作。")
    assert [(e[0], e[1], e[2], e[3]) for e in evs] == [
        ("ceremony", "丁薛祥", "2019-10-22", ["机关党建研讨班"]),
        ("meeting", "郭声琨", "2019-10-21", ["信访工作专题研讨班"])]


def test_noun_trigger_in_an_announced_name_and_quoted_people():
    evs = page_events("本报北京10月21日电 巡回督导组工作座谈会21日在京召开。中央主题教育领导小组副组长杨晓渡主持会议并讲话。",
                      "“要用习近平新时代中国特色社会主义思想统一思想和行动。”日前，国家统计局负责同志在动员部署会上说。")
    assert [(e[0], e[1]) for e in evs] == [("meeting", "杨晓渡")]


def test_someone_inside_the_next_ones_title_chain_does_not_lead():
    evs = page_events("本报雅加达10月21日电 国家主席习近平特使、国家副主席王岐山10月20日在雅加达出席佐科总统就职仪式。",
                      day=date(2019, 10, 22))
    assert [(e[0], e[1], e[4]) for e in evs] == [("ceremony", "王岐山", [])]


def test_a_witnessed_signing_is_part_of_the_reception():
    evs = page_events("10月21日，国务院副总理胡春华会见了岛国领导人，并见证签署了相关合作文件。",
                      day=date(2019, 10, 22))
    assert [(e[0], e[1]) for e in evs] == [("reception", "胡春华")]


# --- the quick tests give what the full ones give ------------------------------------------------

def _gold_paragraphs():
    from .conftest import GOLD
    return [line for p in sorted(GOLD.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line]


def test_one_hint_search_as_the_four_tests():
    # _may_act's single search of one word list (上, triggers, cues, back-reference hints)
    # answers as "上" in the clause or any of the three searches, on every clause of the gold
    from banmian.extract.events import _STOP, _may_act, rules

    r = rules()
    assert r.act_hint is not None
    seen = {True: 0, False: 0}
    for text in _gold_paragraphs():
        stops = [0] + [m.end() for m in _STOP.finditer(text)] + [len(text)]
        for c0, c1 in zip(stops, stops[1:]):
            slow = ("上" in text[c0:c1] or r.trigger_re.search(text, c0, c1) is not None
                    or r.back_hint.search(text, c0, c1) is not None or r.participant_re.search(text, c0, c1) is not None)
            assert _may_act(text, c0, c1, r) == slow, text[c0:c1]
            seen[slow] += 1
    assert seen[True] > 100 and seen[False] > 100


def test_people_only_in_some_paragraphs():
    # only paragraphs naming someone are visited; the current activity goes on past one without
    evs = page_events("区委书记黄卫锋21日带队赴上海考察。", "上海风光很好。", "黄卫锋一行还前往东洲集团进行调研。")
    assert [(t, lead) for t, lead, *_ in evs] == [("visit", "黄卫锋")]
    assert "东洲集团" in evs[0][3]


def test_a_trigger_at_the_end_is_not_part_of_the_target():
    evs = page_events("10月15日，国务院总理李克强来到三星（中国）半导体有限公司考察。", day=date(2019, 10, 16))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [("visit", "李克强", ["三星（中国）半导体有限公司"])]


def test_a_party_discipline_is_no_inspection():
    evs = page_events("经查，决定给予中国证券监督管理委员会原主席刘士余留党察看二年处分，降为一级调研员。")
    assert evs == []


def test_a_location_is_no_verb():
    from banmian.extract import extract_people
    from banmian.extract.entities import extract_entities
    from banmian.extract.events import extract_events
    from banmian.model import Edition
    from banmian.pipeline import parse_text

    page = parse_text("标题\n\n2019年“一带一路”框架下残疾人事务主题活动10日在京举行，国务委员、国务院残疾人工作委员会主任王勇出席开幕式并致辞。\n", "t.txt", day=date(2019, 10, 11))
    ed = Edition(date=date(2019, 10, 11), pages=[page])
    extract_people(ed)
    extract_entities(ed)
    extract_events(ed)
    assert ed.events and all(e["location"] is None for e in ed.events)
    assert "京举行" not in {p["name"] for p in ed.places}


def test_no_event_still_to_come_or_cut_inside_brackets():
    assert page_events("决定给予刘士余同志留党察看二年的处分，待召开中央委员会全体会议时予以追认。") == []
    assert page_events("双方认为，国家主席习近平这次访问拉紧了两个文明古国之间的纽带。") == []
    evs = page_events("俄罗斯联邦委员会（议会上院）国际事务委员会副主席卢金在致辞中说，俄中两国合作前景广阔。")
    assert all("（议会" not in t for _, _, _, targets, _ in evs for t in targets)


def test_an_activity_dated_after_the_issue_is_planned_not_reported():
    evs = page_events("国家主席习近平原则同意应邀明年春天对日本进行国事访问。", day=date(2019, 10, 26))
    assert evs == []
    evs = page_events("国家主席习近平10月25日会见日本客人。", day=date(2019, 10, 26))
    assert [(t, lead, start) for t, lead, start, _, _ in evs] == [("reception", "习近平", "2019-10-25")]


@pytest.mark.parametrize("sentence, target, location", [
    ("县委书记林望川带队到禾丰新材料有限公司调研。", "禾丰新材料有限公司", None),
    ("县委书记林望川到青海大学实地调研。", "青海大学", None),
    ("县委书记林望川17日至19日到安徽调研。", None, "安徽"),        # where, not what
    ("县委书记林望川到一线调研。", None, None),
    ("县委书记林望川带队到青禾经济开发区调研重点项目。", "青禾经济开发区", None),   # a park is what was visited
    ("国务院副总理韩正9日到河北雄安新区调研。", None, "河北雄安新区"),              # an area named with its province
])
def test_place_gone_to_before_the_visit_verb(sentence, target, location):
    from banmian.model import Edition
    from banmian.pipeline import extract, parse_text

    page = parse_text("林望川调研\n\n本报讯 " + sentence + "\n", "x.txt", day=date(2024, 5, 14))
    edition = Edition(date=page.date, pages=[page])
    extract(edition)
    names = {x["id"]: x["name"] for x in edition.organizations + edition.places}
    [event] = edition.events
    assert [names[t] for t in event["targets"]] == ([target] if target else [])
    assert names.get(event["location"]) == location


# --- session 6: what the held-out pages taught -------------------------------------------------


def test_presenting_awards_and_speaking_at_an_announced_ceremony_leads_it():
    # …颁奖仪式30日在人民大会堂隆重举行，…副总理刘鹤向获奖外国专家颁奖并讲话: 刘鹤 leads the
    # announced ceremony, whose name loses its 颁奖仪式.
    evs = page_events("2019年度青禾科技奖颁奖仪式30日在县会堂隆重举行，县委书记王立新向获奖专家颁奖并讲话。",
                      day=date(2019, 10, 1))
    assert evs == [("ceremony", "王立新", "2019-09-30", ["2019年度青禾科技奖"], [])]


def test_a_session_closing_is_a_meeting_its_chair_leads():
    # …会议26日下午在北京人民大会堂闭幕。…栗战书委员长主持会议。
    evs = page_events("县第十七届人大常委会第十四次会议26日下午在县会堂闭幕。会议表决通过了有关任免案。"
                      "王立新主任主持会议。", day=date(2019, 10, 27))
    assert [(t, lead, d) for t, lead, d, _, _ in evs] == [("meeting", "王立新", "2019-10-26")]


def test_attending_a_memorial_is_a_ceremony():
    evs = page_events("县委书记王立新出席在县烈士陵园举行的革命烈士悼念活动。", day=date(2019, 10, 1))
    assert [(t, lead) for t, lead, _, _, _ in evs] == [("ceremony", "王立新")]


def test_a_memorial_attended_is_the_target_and_those_sitting_in_take_part():
    evs = page_events("县委书记王立新出席在县烈士陵园举行的革命烈士悼念活动。", day=date(2019, 10, 1))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [("ceremony", "王立新", ["革命烈士悼念活动"])]
    evs = page_events("县第十七届人大常委会第十四次会议26日下午在县会堂闭幕。王立新主任主持会议。"
                      "副县长李明、县法院院长赵强等列席会议。", day=date(2019, 10, 27))
    assert [(t, lead, parts) for t, lead, _, _, parts in evs] == [("meeting", "王立新", ["李明", "赵强"])]


def test_a_clause_opening_with_a_speech_verb_reports_what_was_said():
    # …，表示习近平主席派特使出席…悼念活动…: what 马克龙 said, not what he did.
    evs = page_events("县委书记王立新出席在县烈士陵园举行的革命烈士悼念活动。",
                      "市长李明请王立新转达问候，表示县委派人出席悼念活动体现了两地情谊。", day=date(2019, 10, 1))
    assert [(t, lead) for t, lead, _, _, _ in evs] == [("ceremony", "王立新")]


def test_a_visit_named_again_without_a_date_is_the_same_visit():
    # …习近平10月12日至13日对尼泊尔进行国事访问。这是习近平主席首次访问尼泊尔…: one visit (a real
    # page of the gold set, where the second mention made a second, undated visit).
    from banmian.pipeline import extract, parse_text
    from banmian.model import Edition
    from .conftest import GOLD

    page = parse_text((GOLD / "rmrb-20191014-03.txt").read_text(encoding="utf-8"), "rmrb-20191014-03.txt",
                      day=date(2019, 10, 14))
    ed = Edition(date=page.date, pages=[page])
    extract(ed)
    xi = next(p["id"] for p in ed.people if p["name"] == "习近平")
    art = next(a.id for a in page.articles if (a.headline or "").startswith("擘画新时期中尼关系蓝图"))
    visits = [e for e in ed.events if e["article"] == art and e["type"] == "visit"
              and any(a["person"] == xi and a["role"] == "lead" for a in e["actors"])]
    assert [v["date"]["start"] for v in visits] == ["2019-10-12"]


def test_attending_the_meeting_a_lead_chaired_joins_it():
    # 县长…主持召开…常务会议。副县长…出席会议: one meeting, the attendees take part (not a second
    # meeting led by the first of them); another day written in the clause is another meeting.
    evs = page_events("10月14日上午，县委副书记、县长王志刚主持召开县政府第十二次常务会议，研究部署近期重点工作。"
                      "副县长孙晓东、周敏出席会议。", day=date(2021, 10, 18))
    assert evs == [("meeting", "王志刚", "2021-10-14", ["县政府第十二次常务会议"], ["孙晓东", "周敏"])]
    evs = page_events("10月14日，县委书记李强主持召开县委常委会会议。10月15日，副县长孙晓东出席会议。",
                      day=date(2021, 10, 18))
    assert [(t, lead, d) for t, lead, d, _, _ in evs] == [("meeting", "李强", "2021-10-14"),
                                                         ("meeting", "孙晓东", "2021-10-15")]


def test_leaders_attending_an_announced_signing_ceremony():
    # …签约仪式举行。A、B出席签约仪式并见证签约: the first attendee leads the announced signing,
    # on its day; 签约仪式 alone names nothing.
    evs = page_events("3月22日，我区智能制造产业园项目集中签约仪式举行，共签约项目12个。"
                      "区委书记黄建军、区长李卫东出席签约仪式并见证签约。", day=date(2021, 3, 25))
    assert evs == [("signing", "黄建军", "2021-03-22", ["我区智能制造产业园项目集中签约"], ["李卫东"])]


def test_the_touring_party_going_on_adds_the_trips_targets():
    # 代表团一行先后来到…: no one named, the visit reported before goes on
    evs = page_events("3月18日至19日，区委书记黄建军率区党政代表团赴苏州市吴江区考察学习。",
                      "代表团一行先后来到吴江经济技术开发区、亨通集团，深入了解产业转型升级情况。",
                      "随后，一行人还前往同里古镇参观。", day=date(2021, 3, 25))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [
        ("visit", "黄建军", ["吴江经济技术开发区", "亨通集团", "同里古镇"])]


def test_each_firm_of_a_list_gone_to_is_a_target():
    evs = page_events("5月11日下午，县委副书记、县长周涛到恒达机械有限公司、绿源食品有限公司调研企业生产经营情况。",
                      day=date(2022, 5, 16))
    assert evs == [("inspection", "周涛", "2022-05-11", ["恒达机械有限公司", "绿源食品有限公司"], [])]


def test_a_study_session_is_a_meeting_its_chair_leads():
    evs = page_events("5月10日，县委理论学习中心组举行2022年第四次集体学习。县委书记韩伟主持并讲话。",
                      day=date(2022, 5, 16))
    assert [(t, lead, d) for t, lead, d, _, _ in evs] == [("meeting", "韩伟", "2022-05-10")]
    evs = page_events("中共中央政治局10月24日下午就区块链技术发展现状和趋势进行第十八次集体学习。"
                      "中共中央总书记习近平在主持学习时强调，要把区块链作为核心技术自主创新的重要突破口。",
                      day=date(2019, 10, 26))
    assert [(t, lead, d) for t, lead, d, _, _ in evs] == [("meeting", "习近平", "2019-10-24")]


def test_a_speech_on_another_day_is_not_the_announced_activity():
    # …举行第十二次集体学习。…2015年12月16日，习近平在…开幕式上发表主旨演讲: not that study session
    evs = page_events("2019年1月25日，中共中央政治局在人民日报社举行第十二次集体学习。",
                      "2015年12月16日，习近平总书记在第二届世界互联网大会开幕式上发表主旨演讲。",
                      day=date(2019, 10, 19))
    assert ("ceremony", "习近平", "2015-12-16") in [(t, lead, d) for t, lead, d, _, _ in evs]
    assert all(targets != ["第十二次集体学习"] for t, lead, d, targets, _ in evs if d == "2015-12-16")


def test_the_first_activity_takes_the_day_its_paragraph_opens_with():
    # 昨日上午，A与B签署…协议，…。副市长吴以环出席签约仪式: the signing of that morning
    evs = page_events("青禾日报讯 （记者 姚卓文）昨日上午，青禾技术大学与青禾电子公司签署战略合作框架协议，共建学院。"
                      "副市长吴以环出席签约仪式。", day=date(2017, 3, 4))
    assert [(t, lead, d) for t, lead, d, _, _ in evs] == [("signing", "吴以环", "2017-03-03")]


def test_a_performance_announced_over_a_comma_and_awards_handed_over():
    evs = page_events("由市总工会主办的2017年女职工风采展演，昨日在市音乐厅举行。"
                      "市总工会主席郭开农出席活动。", day=date(2017, 3, 7))
    assert [(t, lead, d, targets) for t, lead, d, targets, _ in evs] == [
        ("ceremony", "郭开农", "2017-03-06", ["2017年女职工风采展演"])]
    evs = page_events("昨天上午，市公安局在市民中心举行“小铁骑”启动仪式。副市长、市公安局局长徐文海为铁骑队授旗。",
                      day=date(2017, 3, 7))
    assert [(t, lead, d) for t, lead, d, _, _ in evs][:1] == [("ceremony", "徐文海", "2017-03-06")]


def test_places_gone_into_with_a_list():
    evs = page_events("昨日，市委常委刘庆生率领交委、城管等部门负责人深入梅林关片区、新洲路、福民路等开展巡查。",
                      "6日，区长张虎到西乡冷链物流公司现场检查安全生产工作。", day=date(2017, 3, 7))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [
        ("inspection", "刘庆生", ["梅林关片区", "新洲路", "福民路"]), ("inspection", "张虎", ["西乡冷链物流公司"])]


def test_what_was_unveiled_and_a_list_running_into_the_verb():
    evs = page_events("3月23日上午，区委书记黄建军为区新时代文明实践中心揭牌。", day=date(2021, 3, 25))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [("ceremony", "黄建军", ["区新时代文明实践中心"])]
    evs = page_events("6日，区长张虎一行先后来到新安冷链物流公司、西乡食品公司现场检查了安全生产工作。",
                      day=date(2017, 3, 7))
    assert [(t, lead, targets) for t, lead, _, targets, _ in evs] == [
        ("inspection", "张虎", ["新安冷链物流公司", "西乡食品公司"])]


def test_the_chair_leads_an_announced_meeting_a_senior_attends():
    # 主持 makes the lead (issue 4); the senior who attends and speaks takes part
    evs = page_events("6月8日，全县重点项目建设推进会召开。县委书记韩伟出席会议并讲话，县委副书记、县长周涛主持会议。",
                      day=date(2022, 6, 10))
    assert [(t, lead, d, parts) for t, lead, d, _, parts in evs] == [("meeting", "周涛", "2022-06-08", ["韩伟"])]
    evs = page_events("6月8日，全县重点项目建设推进会召开。县委书记韩伟出席会议并讲话。县委副书记、县长周涛主持会议。",
                      day=date(2022, 6, 10))
    assert [(t, lead, d, parts) for t, lead, d, _, parts in evs] == [("meeting", "周涛", "2022-06-08", ["韩伟"])]


def test_an_announcement_still_to_come_is_attended_by_no_one():
    evs = page_events("2017年全国两会即将召开。2015年1月，县委书记韩伟出席会议并讲话。", day=date(2017, 3, 3))
    assert all(targets != ["2017年全国两会即将"] for _, _, _, targets, _ in evs)
