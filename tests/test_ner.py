"""The PER/ORG/LOC tagger's library API: offsets, determinism, odd input."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.ner import Entity, Tagger, tag
from banmian.ner.tagger import MAX_PIECE, default_model_path, pieces

SAMPLES = [
    "区委副书记、区长、区政协主席曹金海，市委书记徐惠民在港闸区调研江苏赋助智能科技有限公司。",
    "国家主席江泽民今天在北京人民大会堂会见了美国总统克林顿。",
    "新华社北京５月２０日电 中共中央政治局常委、国务院总理朱镕基今天在中南海会见日本客人。",
    "区领导冯斌、王斌、周卫平参加活动，黄卫锋一行考察了众联能创、势航科技和东洲集团等企业。",
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def check_spans(text: str, entities: list[Entity]) -> None:
    last_end = 0
    for e in entities:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= last_end, "entities overlap or are out of order"
        assert e.type in ("PER", "ORG", "LOC")
        assert text[e.start:e.end] == e.text
        last_end = e.end


def test_model_shipped_and_small():
    path = default_model_path()
    assert path.is_file()
    assert path.stat().st_size < 50_000_000


def test_load_is_cached():
    # (how fast it loads is benchmarks/tag.py's to say, not a timed unit test's)
    a = Tagger.load()
    assert Tagger.load() is a


@pytest.mark.parametrize("text", SAMPLES)
def test_offsets_slice_back(tagger, text):
    entities = tagger.tag(text)
    assert entities
    check_spans(text, entities)


def test_finds_the_obvious(tagger):
    found = {(e.text, e.type) for e in tagger.tag(SAMPLES[1])}
    assert ("江泽民", "PER") in found
    assert ("北京", "LOC") in found or ("北京人民大会堂", "LOC") in found
    assert ("克林顿", "PER") in found
    found = {(e.text, e.type) for e in tagger.tag(SAMPLES[0])}
    assert ("曹金海", "PER") in found and ("徐惠民", "PER") in found


def test_module_level_tag_and_dict_shape(tagger):
    entities = tag(SAMPLES[1])
    assert entities == tagger.tag(SAMPLES[1])
    assert set(entities[0].to_dict()) == {"start", "end", "type", "text"}


def test_deterministic_across_instances(tagger):
    fresh = Tagger(default_model_path())  # not the cached one
    for text in SAMPLES:
        assert tagger.tag(text) == tagger.tag(text) == fresh.tag(text)


@pytest.mark.parametrize("text", [
    "", " ", "\n", "\t\r\n", "。。。", "Hello, world! 123", "ＡＢＣ　１２３", "🙂🙂 emoji 中国🙂",
    "\x00\x01\x02", "\ud800 lone surrogate 北京", "a" * 5000, "北" * 3000,
    "Привет мир", "こんにちは東京", "·····", "——“”《》",
])
def test_odd_input_does_not_crash(tagger, text):
    check_spans(text, tagger.tag(text))


def test_very_long_line(tagger):
    text = "".join(SAMPLES) * 60  # ~3,000 characters a sample set, no line breaks inside pieces
    text = text.replace("。", "，")  # one sentence: cut at commas
    entities = tagger.tag(text)
    check_spans(text, entities)
    assert len({e.text for e in entities if e.type == "PER"}) >= 4


def test_non_string_rejected(tagger):
    with pytest.raises(TypeError):
        tagger.tag(b"\xe5\x8c\x97\xe4\xba\xac")  # type: ignore[arg-type]


def test_pieces_cover_text():
    for text in ["", "甲。乙！丙", "，" * 1000, "北" * 1000, "a，" * 700 + "b" * 900, "一。\n二\n\n三"]:
        ps = pieces(text)
        assert "".join(p for _, p in ps) == text
        pos = 0
        for offset, p in ps:
            assert offset == pos and 0 < len(p) <= MAX_PIECE
            pos += len(p)


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
punct = st.sampled_from(list("，。、；：？！“”（）《》·—… 0123456789abcXYZ\n"))
common = st.sampled_from(list("中国北京上海江苏南通港闸区市县镇村委书记长主席王李张刘陈杨曹金海徐惠民公司集团大学"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.one_of(han, punct, common), max_size=300))
def test_property_spans_valid(text):
    check_spans(text, Tagger.load().tag(text))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_property_any_unicode(text):
    check_spans(text, Tagger.load().tag(text))


def test_balance_brackets_takes_in_the_missing_half():
    from banmian.ner.tagger import balance_brackets

    text = "据《时代潮》杂志报道，晋察冀区《晋察冀日报》创刊"
    s1 = text.index("时代潮")
    e1 = text.index("杂志") + 2
    s2 = text.index("晋察冀区")
    e2 = text.index("日报") + 2
    got = balance_brackets(text, [(s1, e1, "ORG"), (s2, e2, "ORG")])
    assert [text[s:e] for s, e, _ in got] == ["《时代潮》杂志", "晋察冀区《晋察冀日报》"]
    # balanced names and names whose missing half belongs to a neighbour stay as they are
    assert balance_brackets("《人民日报》", [(1, 5, "ORG")]) == [(1, 5, "ORG")]
    text = "“青岛”号“世昌”号"
    spans = [(0, 3, "ORG"), (3, 10, "ORG")]
    assert balance_brackets(text, spans)[1] == (3, 10, "ORG")


def test_orgw_features_mark_organization_headed_words():
    from banmian.ner.features import DEFAULT_GROUPS, Featurizer, Lexicon
    from banmian.ner.lexicons import jieba_tags, word_lists

    lists = word_lists()
    feat = Featurizer(Lexicon({c: lists[c] for c in ("O", "S")}), lists["S"], groups=DEFAULT_GROUPS | {"orgw"},
                      word_tags=jieba_tags())
    text = "秦皇岛市土地局，办事处"
    assert feat.words(text) == ["秦皇岛市", "土地局", ",", "办事处"]
    org = [[f for f in fs if f.startswith("o") and not f.startswith("oc")] for fs in feat(text)]  # not orgc
    assert org[:4] == [["oW+1"]] * 4  # the word before a name ending in an organization suffix
    assert org[4:7] == [["oW"]] * 3  # 土地局: a name part, then the suffix 局
    assert org[7] == []  # the comma ends the clause: nothing before 办事处 is marked
    assert org[8:] == [["oX"]] * 3  # a bare suffix word
    # a one-character suffix after a one-character word is no organization (社会)
    assert not any(f.startswith("o") and not f.startswith("oc") for fs in feat("我们在社会上") for f in fs)


def test_orgc_and_wpos_features():
    from banmian.ner.features import DEFAULT_GROUPS, Featurizer, Lexicon
    from banmian.ner.lexicons import jieba_pos, jieba_tags, word_lists

    lists = word_lists()
    feat = Featurizer(Lexicon({c: lists[c] for c in ("O", "S")}), lists["S"],
                      groups=DEFAULT_GROUPS | {"orgc", "wpos"}, word_tags=jieba_tags(), word_pos=jieba_pos())
    text = "秦皇岛市土地局，办事处"
    assert feat.words(text) == ["秦皇岛市", "土地局", ",", "办事处"]
    fs = feat(text)
    org = [[f for f in x if f.startswith("oc")] for x in fs]
    assert org[:4] == [["oc1", "ocns"]] * 4  # a place word right before an organization-headed word
    assert org[4:7] == [["oc0W"]] * 3 and org[7] == [] and org[8:] == [["oc0X"]] * 3
    wp = [sorted(f for f in x if f.startswith("wp")) for x in fs]
    assert wp[0] == ["wp-1=<s>", "wp=ns"] and wp[7] == ["wp+1=n", "wp-1=n", "wp=P"]


def test_jieba_lexicon_categories():
    from banmian.ner.lexicons import word_lists

    lists = word_lists()
    assert "一汽集团" in lists["JT"] and all(len(w) > 1 for w in lists["JS"])
    assert lists["CO"] and "万科集团" in lists["CO"]


def test_stack_features_from_first_stage_tags():
    from banmian.ner.features import stack_features

    text = "日本大藏省官员说"
    words = ["日本", "大藏省", "官员", "说"]
    tags = ["B-LOC", "E-LOC", "B-ORG", "I-ORG", "E-ORG", "O", "O", "O"]
    conf = [0.99, 0.99, 0.6, 0.8, 0.95, 1.0, 1.0, 1.0]
    fs = stack_features(text, words, tags, conf, org_kind=lambda w: "W" if w == "大藏省" else "")
    assert fs[2][:3] == ["y=B-ORG", "y-1=E-LOC", "y+1=I-ORG"]
    assert "t-2=LOC" in fs[3] and "t+4=O" in fs[3] and "t-4=<s>" in fs[3] and "t+4=</s>" in fs[5]
    assert "cf5ORG" in fs[2] and "cf9O" in fs[6]
    # the predicted span 大藏省: its length, first and last character, a place touching it on the left
    assert {"sl=ORG3", "sb=ORG大", "se=ORG省", "sa=LOCORG-"} <= set(fs[3])
    assert "sa=-LOCORG" in fs[0]
    # the word after a predicted place is organization-headed; 官员 follows an organization
    assert "okWLOC" in fs[2] and "pw=ORG" in fs[5] and "nw=O" in fs[5]
    assert not any(f == "cut" for x in fs for f in x)
    cut = stack_features(text, words, ["B-LOC", "E-LOC", "S-ORG", "B-ORG", "E-ORG", "O", "O", "O"])
    assert "cut" in cut[3] and "cut" not in cut[0]
    assert all(not f.startswith("cf") for x in cut for f in x)  # no confidence given


def test_second_stage_is_used_when_the_model_names_one(tmp_path):
    import json
    import shutil

    import pycrfsuite

    shipped = default_model_path()
    for p in shipped.parent.iterdir():
        if p.name.startswith("tagger."):
            shutil.copy(p, tmp_path / p.name)
    text = SAMPLES[1]
    plain = Tagger(tmp_path / shipped.name)
    assert plain._crf2 is None and plain.tag(text)
    # a second stage that learned to tag nothing: the tagger must then find nothing
    trainer = pycrfsuite.Trainer(verbose=False)
    x, _ = plain.featurizer.featurize(text)
    trainer.append([f + ["y=B-PER"] for f in x], ["O"] * len(text))
    trainer.set_params({"max_iterations": 5})
    trainer.train(str(tmp_path / "tagger.stage2.crfsuite"))
    meta = json.loads((tmp_path / "tagger.json").read_text(encoding="utf-8"))
    meta["stage2"] = {"model": "tagger.stage2.crfsuite", "conf": True}
    (tmp_path / "tagger.json").write_text(json.dumps(meta), encoding="utf-8")
    stacked = Tagger(tmp_path / shipped.name)
    assert stacked._crf2 is not None
    assert stacked.tag(text) == []
    assert all(p == 1.0 or 0 <= p <= 1 for *_, p in stacked.scored_spans(text))
