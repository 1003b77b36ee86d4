"""People with their titles (issue 3, rule-based part): the example page's
officials and journalists, title chains, name boundaries, organizations,
offsets that slice back, the lexicon data files, and the people eval gate."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.errors import DataFileError
from banmian.extract import extract_people
from banmian.extract.lexicon import load_cues, load_titles
from banmian.model import Article, Byline, Edition, Page
from banmian.resources import data_path

from .conftest import EXAMPLE, GOLD
from .floors import assert_not_below, load_floors

OFFICIALS = {
    "曹金海": [("区委副书记", "港闸区委"), ("区长", "港闸区政府"), ("区政协主席", "港闸区政协")],
    "黄卫锋": [("区委书记", "港闸区委")],
    "徐惠民": [("市委书记", None)],
    "冯斌": [("区领导", None)],
    "王斌": [("区领导", None)],
    "周卫平": [("区领导", None)],
    "陶建": [("区领导", None)],
}
JOURNALISTS = {"方聿", "许应田", "言武旭", "江建华"}


def people_of(*paragraphs: str, paper: str | None = None, bylines=(), headline: str | None = None):
    art = Article(id="a1", headline=headline, paragraphs=list(paragraphs), bylines=list(bylines))
    edition = Edition(paper=paper, pages=[Page(source="t.txt", articles=[art])])
    extract_people(edition)
    return {p["name"]: p for p in edition.people}, edition


def titles(person) -> list[tuple[str, str | None]]:
    return [(t["title"], t["organization"]) for t in person["titles"]]


def assert_mentions_slice_back(edition: Edition) -> None:
    articles = {a.id: a for a in edition.articles()}
    for p in edition.people:
        for m in p["mentions"]:
            base = articles[m["article"]].field_text(m["field"], m.get("index"))
            assert base is not None and base[m["start"]:m["end"]] == m["text"], (p["name"], m)
            assert m["text"] == p["name"] or ("·" in p["name"] and p["name"].endswith("·" + m["text"]))
            assert ("index" in m) == (m["field"] == "paragraph")


# --- the example page ----------------------------------------------------------------


@pytest.fixture(scope="module")
def example_people(example_edition):
    return {p["name"]: p for p in example_edition.people}


def test_example_officials_with_all_their_titles(example_people):
    officials = {n: titles(p) for n, p in example_people.items() if p["role"] == "official"}
    assert officials == OFFICIALS


def test_example_journalists_never_officials(example_people):
    assert {n for n, p in example_people.items() if p["role"] == "journalist"} == JOURNALISTS
    for name in JOURNALISTS:
        assert example_people[name]["titles"] == []


def test_example_has_no_one_else(example_people):
    assert set(example_people) == set(OFFICIALS) | JOURNALISTS


def test_example_mentions_slice_back(example_edition):
    assert_mentions_slice_back(example_edition)


def test_example_mentions_of_every_form(example_edition, example_people):
    """市委书记徐惠民, 徐惠民书记 and bare 徐惠民 are one person; 黄卫锋一行 is 黄卫锋."""
    articles = {a.id: a for a in example_edition.articles()}

    def contexts(name: str) -> list[str]:
        out = []
        for m in example_people[name]["mentions"]:
            text = articles[m["article"]].field_text(m["field"], m.get("index"))
            out.append(text[max(0, m["start"] - 4):m["end"] + 2])
        return out

    xu = contexts("徐惠民")
    assert any("市委书记徐惠民" in c for c in xu)
    assert any("徐惠民书记" in c for c in xu)
    assert any("学习徐惠民在" in c for c in xu)
    assert len(xu) == 8
    assert any("黄卫锋一行" in c for c in contexts("黄卫锋"))
    assert len(contexts("陶建")) == 1 and len(contexts("王斌")) == 2


def test_example_ids_are_stable():
    from banmian.pipeline import parse_files

    runs = [parse_files([EXAMPLE], day=date(2020, 4, 28)).edition.people for _ in range(2)]
    assert [p["id"] for p in runs[0]] == [p["id"] for p in runs[1]]
    assert len({p["id"] for p in runs[0]}) == len(runs[0])
    assert all(p["id"].startswith("p") and len(p["id"]) == 17 for p in runs[0])


def test_paper_names_the_jurisdiction(tmp_path):
    """--paper 港闸报 resolves 区委 even where the text never writes 港闸区."""
    people, _ = people_of("近日，区委书记黄卫锋带队调研。", paper="港闸报")
    assert titles(people["黄卫锋"]) == [("区委书记", "港闸区委")]


# --- chains, lists, boundaries ----------------------------------------------------------


def test_a_title_chain_is_one_person():
    people, ed = people_of("24日下午，区委副书记、区长、区政协主席曹金海主持召开区政府常务会议。")
    assert list(people) == ["曹金海"]
    assert [t for t, _ in titles(people["曹金海"])] == ["区委副书记", "区长", "区政协主席"]
    assert_mentions_slice_back(ed)


def test_a_collective_title_gives_every_listed_name():
    people, _ = people_of("上周，区领导冯斌、王斌、周卫平参加活动。")
    assert {n: titles(p) for n, p in people.items()} == {n: [("区领导", None)] for n in ("冯斌", "王斌", "周卫平")}


def test_name_ends_before_a_following_word():
    people, _ = people_of("区领导陶建参加活动。", "区领导王斌出席会议。", "区长胡健找到他。")
    assert set(people) == {"陶建", "王斌", "胡健"}


def test_titles_written_after_a_name_join_the_person():
    people, ed = people_of("市委书记徐惠民带队调研。", "徐惠民书记在讲话中提出要求。", "会议传达徐惠民讲话精神。")
    assert list(people) == ["徐惠民"]
    assert titles(people["徐惠民"]) == [("市委书记", None)]      # 书记 is the tail of 市委书记
    assert len(people["徐惠民"]["mentions"]) == 3
    assert_mentions_slice_back(ed)


def test_a_title_after_a_name_alone_is_kept():
    people, _ = people_of("学习贯彻习近平总书记重要讲话精神。")
    assert titles(people["习近平"]) == [("总书记", None)]


def test_a_party_of_people_is_its_leader():
    people, _ = people_of("区委书记黄卫锋带队调研。", "黄卫锋一行还前往东洲集团进行调研。")
    assert [m["text"] for m in people["黄卫锋"]["mentions"]] == ["黄卫锋", "黄卫锋"]


def test_bodies_named_in_the_chain_resolve_abbreviations():
    people, _ = people_of("“我们将进一步丰富活动形式。”泰兴市纪委书记、市监委主任周焕祥信心满满。", paper="人民日报")
    assert titles(people["周焕祥"]) == [("泰兴市纪委书记", "泰兴市纪委"), ("市监委主任", "泰兴市监委")]


@pytest.mark.parametrize("paper,org", [(None, "港闸区委"), ("人民日报", None)])
def test_a_national_paper_has_no_jurisdiction(paper, org):
    """The edition's most frequent district resolves 区委 in another article, unless the
    paper is national (人民日报); then only the article's own text can."""
    arts = [Article(id="a1", paragraphs=["港闸区召开会议。港闸区各界参加。"]),
            Article(id="a2", paragraphs=["区委书记黄卫锋出席。"])]
    edition = Edition(paper=paper, pages=[Page(source="t.txt", articles=arts)])
    extract_people(edition)
    assert [titles(p) for p in edition.people] == [[("区委书记", org)]]


def test_district_paper_bodies():
    people, _ = people_of("昨天，区委常委、常务副区长张建国主持会议。区人大常委会主任王立新、副主任赵小红出席。",
                          "区委常委、宣传部部长周丽华带队检查。幸福街道党工委副书记、办事处主任许志强汇报了工作。",
                          "秦灶街道党工委书记吴刚、副书记钱芳陪同。",
                          paper="港闸报")
    assert {n: titles(p) for n, p in people.items()} == {
        "张建国": [("区委常委", "港闸区委"), ("常务副区长", "港闸区政府")],
        "王立新": [("区人大常委会主任", "港闸区人大常委会")],
        "赵小红": [("副主任", "港闸区人大常委会")],
        "周丽华": [("区委常委", "港闸区委"), ("宣传部部长", "港闸区委宣传部")],
        "许志强": [("幸福街道党工委副书记", "幸福街道党工委"), ("办事处主任", "幸福街道办事处")],
        "吴刚": [("秦灶街道党工委书记", "秦灶街道党工委")],
        "钱芳": [("副书记", "秦灶街道党工委")],
    }


def test_party_group_posts_share_their_body():
    people, _ = people_of("河南省人大常委会原党组书记、副主任秦玉海喜欢摄影。")
    assert titles(people["秦玉海"]) == [("河南省人大常委会原党组书记", "河南省人大常委会党组"),
                                       ("副主任", "河南省人大常委会")]


def test_foreign_titles_read_transliterated_names():
    people, _ = people_of("尼泊尔总统班达里偕女儿乌莎在舷梯旁热情迎接。",
                          "10月10日，习近平致电古共中央第一书记劳尔·卡斯特罗和古巴新任国家主席迪亚斯—卡内尔。")
    assert titles(people["班达里"]) == [("尼泊尔总统", "尼泊尔")]
    assert titles(people["劳尔·卡斯特罗"]) == [("古共中央第一书记", "古共中央")]
    assert titles(people["迪亚斯—卡内尔"]) == [("古巴新任国家主席", "古巴")]
    assert people["乌莎"]["role"] == "other"
    people, _ = people_of("古共中央第一书记劳尔·卡斯特罗致电。", "卡斯特罗表示感谢。")
    assert [m["text"] for m in people["劳尔·卡斯特罗"]["mentions"]] == ["劳尔·卡斯特罗", "卡斯特罗"]
    assert set(people) == {"劳尔·卡斯特罗"}


def test_appointment_notices():
    people, _ = people_of("一、免去殷立贤（女）的中华人民共和国驻北马其顿共和国特命全权大使职务；",
                          "任命张佐为中华人民共和国驻北马其顿共和国特命全权大使。")
    expected = [("中华人民共和国驻北马其顿共和国特命全权大使", "中华人民共和国驻北马其顿共和国大使馆")]
    assert titles(people["殷立贤"]) == expected and titles(people["张佐"]) == expected


def test_bylines_are_journalists_even_with_a_title_in_the_body():
    people, ed = people_of("区领导王斌参加活动。", bylines=[Byline("王斌", "reporter")])
    assert people["王斌"]["role"] == "journalist" and people["王斌"]["titles"] == []
    assert [m["text"] for m in people["王斌"]["mentions"]] == ["王斌"]
    assert_mentions_slice_back(ed)


def test_an_author_byline_is_no_journalist():
    people, _ = people_of("国家主席习近平发表署名文章。", bylines=[Byline("习近平", "author")])
    assert people["习近平"]["role"] == "official"


def test_other_people_need_strong_evidence():
    people, _ = people_of("“这是我们老唐的规矩。”唐康林说。", "村民魏长江高兴地说：“好。”",
                          "区委、区政府召开会议。市领导对港闸工作提出新要求。文章指出，形势向好。")
    assert {n: p["role"] for n, p in people.items()} == {"唐康林": "other", "魏长江": "other"}


def test_weak_surnames_need_a_title():
    people, _ = people_of("“用数字技术解决民生问题。”桐乡市市长于会游说。", "当地学生和群众夹道欢迎。")
    assert titles(people["于会游"]) == [("桐乡市市长", "桐乡市政府")]
    assert set(people) == {"于会游"}


# --- offsets always slice back ------------------------------------------------------------

_HAN_SAMPLE = (
    "的一是在了和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通"
    "并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
)
_FILLER = st.text(alphabet=_HAN_SAMPLE,
                  min_size=0, max_size=12)
_INSERT = st.sampled_from(["区委书记黄卫锋", "区领导冯斌、王斌、周卫平", "徐惠民书记", "区委副书记、区长曹金海",
                           "市委书记徐惠民", "陶建参加", "尼泊尔总统班达里", "“唐康林说", "黄卫锋一行",
                           "中国驻印度大使孙卫东", "任命张佐为外交部部长", "，", "。", "、", "（", "——", " "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_FILLER, _INSERT), min_size=1, max_size=8), st.sampled_from([None, "港闸报", "人民日报"]))
def test_offsets_always_slice_back(pieces, paper):
    text = "".join(a + b for a, b in pieces)
    people, edition = people_of(text, text[::-1], paper=paper, headline=text[:30] or None)
    assert_mentions_slice_back(edition)
    for p in edition.people:
        assert p["role"] in ("official", "journalist", "other")
        assert (p["role"] == "official") == bool(p["titles"])
        assert p["mentions"], p


# --- the lexicons ------------------------------------------------------------------------------


def test_shipped_lexicons_load():
    lex, cue = load_titles(), load_cues()
    assert {"书记", "副书记", "区长", "主席", "调研员", "巡视员", "董事长"} <= set(lex.posts)
    assert {"区领导", "市领导", "县领导"} <= lex.collective
    assert lex.local_bodies["区委"] == "区" and lex.local_bodies["街道党工委"] == "街道"
    assert "说" in cue.stop_chars


@pytest.mark.parametrize("body,line", [
    ("posts:\n  - 书记\n  - '书 记'\n", 3),
    ("posts:\n  - 书记\n  - 书记\n", 3),
    ("posts:\n  - 书记\n  - {post: 区长, boddy: 区政府}\n", 3),
])
def test_bad_title_entry_names_file_and_line(tmp_path, body, line):
    rest = ("after_name: []\ncollective: []\nmodifiers: [原]\nsub_bodies: [书记处]\nparty_groups: [党组]\n"
            "national_bodies: []\n"
            "local_bodies: {}\nforeign_bodies: []\n")
    f = tmp_path / "titles.yaml"
    f.write_text(body + rest, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_titles(f)
    assert f"line {line}" in str(info.value) and str(f) in str(info.value)


def test_after_name_posts_must_be_posts(tmp_path):
    f = tmp_path / "titles.yaml"
    f.write_text("posts: [书记]\nafter_name:\n  - 书记\n  - 总统\ncollective: []\nmodifiers: [原]\n"
                 "sub_bodies: [书记处]\nparty_groups: [党组]\nnational_bodies: []\nlocal_bodies: {区: [县委]}\n"
                 "foreign_bodies: []\n",
                 encoding="utf-8")
    with pytest.raises(DataFileError, match="line 4"):
        load_titles(f)


def test_bad_cue_entry_names_file_and_line(tmp_path):
    shipped = data_path("people.yaml").read_text(encoding="utf-8")
    bad = shipped.replace("stop_chars: [说,", "stop_chars: [说说,", 1)
    f = tmp_path / "people.yaml"
    f.write_text(bad, encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.splitlines(), start=1) if "stop_chars: [说说," in ln)
    with pytest.raises(DataFileError) as info:
        load_cues(f)
    assert f"line {line}" in str(info.value) and str(f) in str(info.value)


# --- the people eval gate ----------------------------------------------------------------------

PEOPLE_FLOORS = load_floors("people_floors.json")


@pytest.fixture(scope="module")
def people_report():
    from banmian.evaluation.people_eval import evaluate_people

    return evaluate_people(GOLD, split="dev")


def test_people_gold_set_size(people_report):
    assert len(people_report.pages) >= PEOPLE_FLOORS["min_gold_pages"]


@pytest.mark.parametrize("metric", ["person", "official", "title", "organization"])
def test_people_f1_not_below_floor(people_report, metric):
    assert_not_below(people_report.total[metric], PEOPLE_FLOORS["f1"][metric], f"people {metric}",
                     "banmian eval people --errors")


def test_no_journalist_marked_official(people_report):
    assert people_report.journalists_as_official == 0


@pytest.mark.parametrize("split", sorted(PEOPLE_FLOORS.get("splits", {})))
def test_people_held_out_split_not_below_its_floors(split):
    """Held-out pages annotated blind are scored apart, against their own floors."""
    from banmian.evaluation.people_eval import evaluate_people

    floors = PEOPLE_FLOORS["splits"][split]
    rep = evaluate_people(GOLD, split=split)
    assert len(rep.pages) >= floors["min_gold_pages"], split
    assert rep.journalists_as_official == 0
    for metric, floor in floors["f1"].items():
        assert_not_below(rep.total[metric], floor, f"people {metric} ({split})",
                         f"banmian eval people --split {split}")


def test_people_scorer_items():
    from banmian.evaluation.people_eval import people_items

    items = people_items([{"name": "曹 金海", "role": "official", "titles": [{"title": "区长", "organization": "港闸区政府"}]},
                          {"name": "方聿", "role": "journalist", "titles": []}])
    assert items["person"] == [("曹金海", "official"), ("方聿", "journalist")]
    assert items["official"] == ["曹金海"]
    assert items["title"] == [("曹金海", "区长")]
    assert items["organization"] == [("曹金海", "区长", "港闸区政府")]


def test_eval_people_command_prints_a_table():
    from banmian.cli import cli

    result = CliRunner().invoke(cli, ["eval-people", "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["metric", "prec", "recall", "F1", "gold", "pred"]
    assert "journalists marked official: 0" in result.output


def test_gold_people_are_checked(tmp_path):
    from banmian.errors import GoldFileError
    from banmian.evaluation.people_eval import check_gold_people

    check_gold_people([{"name": "黄卫锋", "role": "official", "titles": [{"title": "区委书记", "organization": None}]}], "x")
    with pytest.raises(GoldFileError, match="role"):
        check_gold_people([{"name": "黄卫锋", "role": "leader", "titles": []}], "x")


# --- WordFinder, WordGroups: what the forward regexes find ------------------------------

def _forward(words, text):
    import re

    from banmian.extract.lexicon import _alternation
    return [(m.start(), m.end(), m.group()) for m in re.compile(_alternation(words)).finditer(text)]


@contextmanager
def _scans(dfa: bool):
    """Word scans by ahocorasick-rs's DFA where it is installed (``dfa``), else by the regexes."""
    from banmian.extract import lexicon
    saved = lexicon._acrs
    if not dfa:
        lexicon._acrs = None
    try:
        yield
    finally:
        lexicon._acrs = saved


BOTH_SCANS = pytest.mark.parametrize("dfa", [True, False], ids=["dfa", "regex"])


@BOTH_SCANS
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(alphabet="书记副主任长委员会", min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
       text=st.text(alphabet="书记副主任长委员会王，\n", max_size=60))
def test_word_finder_same_as_forward_regex(dfa, words, text):
    # nested and overlapping words (书记, 副书记, 书记处书记; 委员, 委员会) in every arrangement
    from banmian.extract.lexicon import WordFinder
    with _scans(dfa):
        assert WordFinder(words).spans(text) == _forward(words, text)


@BOTH_SCANS
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(alphabet="书记副主任长委员会", min_size=1, max_size=4), min_size=1, max_size=10, unique=True),
       groups=st.integers(1, 3), text=st.text(alphabet="书记副主任长委员会王，\n", max_size=60))
def test_word_groups_same_as_each_groups_regex(dfa, words, groups, text):
    # words grouped by first character (as the province and city names are): a group's
    # matches never overlap, another group's may
    from banmian.extract.lexicon import WordGroups
    grouped = [g for g in ([w for w in words if ord(w[0]) % groups == k] for k in range(groups)) if g]
    with _scans(dfa):
        assert WordGroups(grouped).matches(text) == [_forward(g, text) for g in grouped]


def test_word_finder_shorter_word_inside_a_longer_one():
    # 书记处书记 ends where 处书记 and 书记 end; after 副书记 (taken first) only 处书记's
    # suffix 书记 starts late enough to be the next match
    from banmian.extract.lexicon import WordFinder
    words = ["副书记", "记处书记", "书记"]
    text = "副书记处书记"
    assert _forward(words, text) == [(0, 3, "副书记"), (4, 6, "书记")]
    assert WordFinder(words).spans(text) == _forward(words, text)


def test_word_finder_on_gold_text_with_shipped_lexicons():
    from banmian.extract.lexicon import WordFinder
    lex, cue = load_titles(), load_cues()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    heads = list(lex.posts) + list(lex.collective)
    for words in (heads, list(lex.after_name), list(cue.role_nouns)):
        found = WordFinder(words).spans(text)
        assert found == _forward(words, text)
        assert len(found) > 100


@BOTH_SCANS
def test_one_scan_for_several_lists_gives_each_lists_matches(dfa):
    from banmian.extract.lexicon import WordFinder
    lex, cue = load_titles(), load_cues()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("rmrb-*.txt")))
    lists = [list(lex.posts) + list(lex.collective), list(cue.role_nouns), list(cue.speech_words), list(cue.after_nouns)]
    with _scans(dfa):
        union = WordFinder([w for words in lists for w in words])
    occurrences = union.occurrences(text)
    for words in lists:
        chosen = WordFinder.choose([o for o in occurrences if o[2] in set(words)])
        assert chosen == _forward(words, text)


# --- the faster paths give what the plain ones give ----------------------------------------

def test_names_found_by_aho_corasick_as_by_str_find(monkeypatch):
    # every occurrence of every name, overlapping ones too (王小王小明: 王小 twice)
    from banmian.extract import people as P
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    forms = ["王小", "王小明", "小明", "习近平", "莫迪", "劳尔·卡斯特罗", "卡斯特罗", ""]
    fast = P._occurrences(forms, text + "王小王小明")
    monkeypatch.setattr(P, "_ahocorasick", None)
    plain = P._occurrences(forms, text + "王小王小明")
    assert fast == plain == sorted(plain, key=lambda x: (x[0], -x[1]))     # by start, the longest first
    assert len(plain) > 20 and (len(text) + 2, len(text) + 4, "王小") in plain
    assert P._occurrences([], text) == [] and P._occurrences([""], text) == []


def test_journalist_after_a_space_and_in_a_list():
    people, _ = people_of("本报记者 王小明报道", "（记者李锋、暨佩娟）", "通讯员张三说，区长李四出席。")
    assert {n for n, p in people.items() if p["role"] == "journalist"} == {"王小明", "李锋", "暨佩娟", "张三"}
    assert people["李四"]["role"] == "official"


def test_post_before_a_stop_character_or_speech_gives_no_name_but_a_surname_does():
    # 书记在/主任说: skipped before the chain is read; 区长于… is still tried (于 is a surname)
    people, _ = people_of("区委书记在会上说，区长说，市长王强出席。")
    assert set(people) == {"王强"}
    people, _ = people_of("区委书记于晓明主持会议。")
    assert titles(people["于晓明"]) == [("区委书记", None)]


def test_valid_name_cache_gives_the_uncached_answer():
    from banmian.extract.people import _rules
    r = _rules()
    for name in ("曹金海", "和平", "于晓明", "书记", "王", "欧阳淞", "李某某", "张三丰丰"):
        for weak in (False, True):
            assert r.valid_name(name, weak) == r._valid_name(name, weak)
            assert r.valid_name(name, weak) == r._valid_name(name, weak)   # from the cache


@BOTH_SCANS
def test_word_scans_read_past_a_lone_surrogate(dfa):
    # text decoded with surrogateescape may hold one; offsets are the text's
    from banmian.extract.lexicon import WordFinder, WordGroups
    words, text = ["书记", "副书记", "区长"], "副书记\udcff区长书记"
    with _scans(dfa):
        assert WordFinder(words).spans(text) == _forward(words, text) == [(0, 3, "副书记"), (4, 6, "区长"),
                                                                         (6, 8, "书记")]
        assert WordGroups([words[:2], words[2:]]).matches(text) == [_forward(words[:2], text), _forward(words[2:], text)]


@BOTH_SCANS
def test_word_finder_occurrences_come_by_start_the_longest_first(dfa):
    # cue_hits picks each list's matches from them in this order
    from banmian.extract.lexicon import WordFinder
    lex, cue = load_titles(), load_cues()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("rmrb-*.txt")))
    with _scans(dfa):
        found = WordFinder(list(lex.posts) + list(cue.speech_words)).occurrences(text)
    assert found == sorted(found, key=lambda x: (x[0], -x[1])) and len(found) > 100
    assert any(a[0] == b[0] for a, b in zip(found, found[1:]))      # nested words at one start


@BOTH_SCANS
def test_shipped_name_and_suffix_scans_on_gold_text(dfa):
    # the province, city and country names (seven groups) and the reversed suffix words
    from banmian.extract import entities
    from banmian.extract.lexicon import WordGroups
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    stems = entities._province_city_stems().names
    with _scans(dfa):
        names = WordGroups(stems.groups).matches(text)
        suffixes = WordGroups(entities.rules().suffix_rev.groups).matches(text[::-1])
    assert names == [_forward(g, text) for g in stems.groups] and sum(map(len, names)) > 100
    assert suffixes == [_forward(g, text[::-1]) for g in entities.rules().suffix_rev.groups]
    assert len(stems.groups) == 7


# --- names without a known surname -------------------------------------------------


@pytest.mark.parametrize("text, word", [
    ("创造了经济快速发展和社会长期稳定的奇迹。", "期稳定"),        # 会长 + 长期
    ("2016年12月25日，习近平签署主席令颁布《中华人民共和国中医药法》。", "令颁布"),
    ("表示习近平主席同总统阁下多次会面，达成一系列重要共识。", "阁下"),
    ("在担任欧美同学会会长期间，他坚持民主办会。", "期间"),
    ("贯彻军委主席负责制，不忘初心、牢记使命。", "负责制"),
    ("如何打消农民顾虑？我们抓住稳定土地承包关系这个关键。", "顾虑"),      # after a role noun
    ("香港理工大学教师因发表言论遭学生包围并被暂停教职。", "包围"),
    ("去年9月，23岁的四川内江村民陈阳背上行囊来到成都。", "陈阳背"),
])
def test_a_word_after_a_title_or_role_noun_is_no_name(text, word):
    people, _ = people_of(text)
    assert word not in people


@pytest.mark.parametrize("text, name", [
    ("日前成功连任的印度尼西亚总统佐科，在雅加达会见了代表团。", "佐科"),
    ("捷克总统泽曼，出席开幕式并致辞。", "泽曼"),
])
def test_a_name_without_a_listed_surname_is_still_read(text, name):
    people, edition = people_of(text)
    assert name in people
    assert_mentions_slice_back(edition)


def test_common_words_list_matches_its_generator():
    import subprocess
    import sys

    from .conftest import ROOT
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_common_words.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_transliterated_journalist_name_is_whole():
    people, edition = people_of("埃及《金字塔报》记者穆罕默德·萨阿德·德亚布在报道中写道，中国发展令人惊叹。")
    assert "穆罕默德·萨阿德·德亚布" in people and people["穆罕默德·萨阿德·德亚布"]["role"] == "journalist"
    assert_mentions_slice_back(edition)


def test_a_name_after_a_role_noun_is_still_read():
    people, edition = people_of("北京邮电大学学生李健掏出手机，对同伴说了几句。")
    assert "李健" in people and people["李健"]["role"] == "other"
    assert_mentions_slice_back(edition)


# --- session 6: what the held-out pages taught ------------------------------------------


def test_a_titled_list_goes_on_past_names_no_surname_rule_reads():
    # 白玛赤林 (Tibetan) and 艾力更·依明巴海 (Uyghur) have no surname the rules know: the
    # list of names after the title does not stop at them.
    found, edition = people_of("全国人大常委会副委员长王晨、白玛赤林、艾力更·依明巴海、万鄂湘、陈竺，秘书长杨振武出席会议。")
    for name in ("王晨", "白玛赤林", "艾力更·依明巴海", "万鄂湘", "陈竺"):
        assert titles(found[name]) == [("全国人大常委会副委员长", "全国人大常委会")], name
    assert "杨振武" in found
    assert_mentions_slice_back(edition)


@pytest.mark.parametrize("text, name, title", [
    ("中央军委委员、国务委员兼国防部长魏凤和致开幕辞。", "魏凤和", "国防部长"),      # 和 before 致开幕辞
    ("中国佛教协会副会长演觉法师在开幕式上致辞。", "演觉", "中国佛教协会副会长"),    # 法师 follows the name
    ("尼共国际部门负责人贾吉埃尔表示，两国关系很好。", "贾吉埃尔", "尼共国际部门负责人"),  # a transliteration
    ("浙江泰隆商业银行行长王官明满是信心。", "王官明", "浙江泰隆商业银行行长"),
    ("《廓尔喀日报》执行总编辑什勒斯塔说，这是好事。", "什勒斯塔", "《廓尔喀日报》执行总编辑"),
])
def test_names_and_titles_read_on_held_out_pages(text, name, title):
    found, edition = people_of(text)
    assert name in found, sorted(found)
    assert title in [t for t, _ in titles(found[name])]
    assert_mentions_slice_back(edition)


def test_name_before_a_post_after_a_verb_or_a_conjunction():
    found, _ = people_of("习近平同尼泊尔总理奥利和莫迪总理通电话。特朗普总统请刘鹤副总理转达问候。")
    assert "莫迪" in found and "和莫迪" not in found
    assert titles(found["刘鹤"]) == [("副总理", None)]


def test_a_title_set_apart_by_a_space_names_no_one_inside_a_clause():
    # 任命李纪恒为民政部部长 习近平签署主席令: the post is 李纪恒's, not the next name's.
    found, _ = people_of("人大常委会第十四次会议在京闭幕 决定任命李纪恒为民政部部长 习近平签署主席令予以公布")
    assert titles(found["李纪恒"]) == [("民政部部长", "民政部")]
    assert "民政部部长" not in [t for t, _ in titles(found.get("习近平", {"titles": []}))]


def test_removal_from_an_audit_post_names_its_holder():
    found, _ = people_of("任命陈健为审计署副审计长。免去孙宝厚的审计署副审计长职务；免去陈健的审计署总审计师职务。")
    assert [t for t, _ in titles(found["孙宝厚"])] == ["审计署副审计长"]
    assert sorted(t for t, _ in titles(found["陈健"])) == ["审计署副审计长", "审计署总审计师"]


def test_a_player_named_after_his_role_is_another_person():
    found, _ = people_of("10月10日，中国队球员武磊在比赛中倒钩射门。")
    assert found["武磊"]["role"] == "other"


@pytest.mark.parametrize("text, junk", [
    ("共有76个官方代表团、23国国防部长出席。", "国国防"),                      # a word-like surname and a word
    ("乐队一片年轻的面庞中，有一位白发老人专注地吹奏大管，他叫张三。", "位白发"),   # a count
    ("病重期间和逝世后，中央有关领导同志以不同方式表示慰问。", "关领导"),         # a role word as given name
    ("其中受伤就是其中一例。孩子母亲李女士向20户人家致歉。", "母亲李"),          # an unnamed 李女士
    ("雷忠义的儿子雷鹏仍记得那个夜晚。", "雷鹏仍"),                            # past 仍
    ("曹建明与朝鲜驻华大使池在龙出席招待会并致辞。", "鲜驻华"),                  # a country ends inside it
    ("市对外友协会见了卡塔尔新任驻华大使杜希米。", "任驻华"),                    # 驻华: the post's body
    ("菲律宾财政部长多明格斯表示欢迎。", "宾财政"),
    ("24年前本报记者曾经探访山两边，两个村子变化很大。", "曾经探"),             # words after 记者
    ("4700余名中外记者和直播技术人员参与采访报道。", "和直播"),
])
def test_junk_read_off_the_corpus_pages_is_no_name(text, junk):
    found, _ = people_of(text)
    assert junk not in found, sorted(found)



def test_river_chiefs_are_titles_but_not_a_long_river():
    people, _ = people_of("县委书记、县总河长韩伟带队督查河长制工作。", "吴江区区长、太浦河区级河长李铭参加。",
                          "要确保黄河长治久安。")
    assert {n: [t for t, _ in titles(p)] for n, p in people.items()} == {
        "韩伟": ["县委书记", "县总河长"], "李铭": ["吴江区区长", "太浦河区级河长"]}


def test_a_name_ends_before_the_verbs_local_papers_write():
    people, _ = people_of("会上，省委常委林少春总结全省工作。", "县长李四宣读了表彰决定。")
    assert {n: [t for t, _ in titles(p)] for n, p in people.items()} == {"林少春": ["省委常委"], "李四": ["县长"]}


def test_a_name_may_end_in_a_character_that_rarely_does_before_punctuation():
    people, _ = people_of("华为总裁任正非说，要领先世界。", "深圳大学党委书记刘洪一：在我看来，成效显著。",
                          "区委书记黄卫锋一行来到东洲集团。", "县长张三非常重视。")
    assert sorted(people) == ["任正非", "刘洪一", "张三", "黄卫锋"]


def test_jia_may_open_a_given_name_but_no_place_name():
    people, _ = people_of("市人大常委会副主任、市总工会主席乔家华出席活动。", "浙江省委副书记、省长袁家军说。",
                          "李家村党支部书记王五说，张家港市发展很快。")
    assert {n: [t for t, _ in titles(p)] for n, p in people.items()} == {
        "乔家华": ["市人大常委会副主任", "市总工会主席"], "袁家军": ["浙江省委副书记", "省长"], "王五": ["李家村党支部书记"]}


def test_a_city_papers_jurisdiction_and_its_local_bodies():
    # 深圳特区报 is Shenzhen's paper; a county paper's court, procuratorate and bureaus are its own
    people, _ = people_of("市人大常委会副主任乔家华出席活动。", "深圳市委书记许勤说。", paper="深圳特区报")
    assert titles(people["乔家华"]) == [("市人大常委会副主任", "深圳市人大常委会")]
    people, _ = people_of("青禾县委书记韩伟说。县法院院长郑立、县发改局局长钱文华出席会议。县委书记韩伟讲话。",
                          paper="青禾报")
    assert titles(people["郑立"]) == [("县法院院长", "青禾县法院")]
    assert titles(people["钱文华"]) == [("县发改局局长", "青禾县发改局")]


def test_a_cadre_notice_gives_the_post_held_not_the_one_proposed():
    people, _ = people_of("现将拟提拔任用干部有关情况公示如下：张建华，男，汉族，1978年5月生，大学学历，中共党员，"
                          "现任县发改局副局长，拟任城关镇党委书记。",
                          "李敏，女，汉族，1982年9月生，研究生学历，现任县委办公室副主任，拟任县商务局局长。",
                          paper="青禾报")
    assert {n: titles(p) for n, p in people.items()} == {
        "张建华": [("县发改局副局长", "青禾县发改局")], "李敏": [("县委办公室副主任", "青禾县委办公室")]}


def test_a_quoted_term_is_no_post_and_name():
    people, _ = people_of("人民大会堂北大厅的“部长通道”是全国两会期间一条重要的“新闻热线”。部长王五说。")
    assert sorted(people) == ["王五"]
