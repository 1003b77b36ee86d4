"""Events: who chaired, inspected, visited, led, accompanied — what, where and when.

Reads: articles, ``edition.people`` (with their mentions) and the issue date.
Assigns: ``edition.events`` in the JSON contract's ``event`` shape, and the
organizations/places they target in ``edition.organizations``/``places``.

Per article, clause by clause (split at 。！？；), in paragraphs that name
someone; word lists and patterns are in data/events.yaml (docs/events.md):
- a trigger word names the activity and its type; a clause with triggers of
  several types takes a trip word (乘专机抵达, 国事访问) first, else the highest
  in ``priority``; ``X在Y会议上强调`` is a meeting; triggers in reported speech
  (the rest of a sentence after 说，/指出，/表示，…, a first-person sentence
  after someone spoke, a quotation) or announced for later (还将, 将于) start
  nothing;
- the lead is the official named last before the trigger in the clause — not
  a host who invited (应…邀请), a counterpart (同/与…), or someone named in a
  time phrase (在…之际); with 出席 the first of a list leads and the others
  take part; the counterpart of a reception takes part;
- the date is the clause's first time expression outside its dateline
  (本报北京10月11日电), counted from the dateline's day when there is one;
- activities announced with no named lead (…会议11日在京召开, …揭牌仪式在…举行)
  become events when a later clause attends them (``出席会议``, ``出席并致辞``,
  ``在首发式上的致辞中``), with the announcement's type, name (a target) and date;
- a clause with the same lead and no date (and a type ranked no higher), or the
  same date and type, continues the current activity and adds its targets
  (``黄卫锋一行随后来到…``, ``在新华福里市场场地，黄卫锋现场察看…``); a clause
  without a trigger adds targets only when it names the lead;
- ``区领导陶建参加活动``, ``…陪同``, ``陪同…的有：`` add participants to the
  current activity, or to the next one when they come first.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Article, Edition
from ..resources import compile_pattern, data_path, load_yaml, require
from .dates import DateMention, find_dates

_STOP = re.compile(r"[。！？；]")  # clause ends
_SENTENCE_END = ("。", "！", "？")
_FIRST_PERSON = ("我", "“我", "咱")
_OBJECT = re.compile(r"[^，。；并]*")  # what a verb names, up to the clause's next part
_QUOTED = re.compile(r"“[^“”]*?[。！？][^“”]*”")  # a quotation of whole sentences
_QUOTATION = re.compile(r"“[^“”]*”")
_CLAUSE_BREAK = re.compile(r"[，,：:\s]")
_TOUR = frozenset({"visit", "inspection"})  # one trip: 调研 with 考察, 来到 and 察看 along the way
_HOSTS_TOURS = frozenset({"visit", "inspection", "investment_promotion", "reception"})  # tours go on with these


@dataclass(slots=True)
class EventRules:
    trigger_type: dict[str, str]
    trigger_re: re.Pattern[str]
    trips: frozenset[str]
    meeting_objects: re.Pattern[str]
    ceremony_names: re.Pattern[str]
    signing_objects: re.Pattern[str]
    not_trigger_after: re.Pattern[str]
    not_trigger_before: re.Pattern[str]
    object_modifier: re.Pattern[str]
    same_day: frozenset[str]
    priority: list[str]
    participant_re: re.Pattern[str]
    participants_follow: re.Pattern[str]
    back_ref: re.Pattern[str]
    back_hint: re.Pattern[str]
    attend_verbs: frozenset[str]
    meeting_at: re.Pattern[str]
    meeting_at_then: re.Pattern[str]
    announce_hint: re.Pattern[str]
    announce: list[re.Pattern[str]]
    announce_types: dict[str, str]
    not_lead: list[re.Pattern[str]]
    counterpart: re.Pattern[str]
    future: re.Pattern[str]
    speech: re.Pattern[str]
    speech_not_after: frozenset[str]
    dateline: re.Pattern[str]
    future_before_verb: tuple[str, ...]   # …即将召开: an announcement still to come
    how_trail: re.Pattern[str]              # 现场, 实地…: how a visit went, cut off a target's end
    location_re: re.Pattern[str]
    target_res: list[re.Pattern[str]]
    list_sep: re.Pattern[str]
    organizer_prefix: re.Pattern[str]
    ceremony_suffix: re.Pattern[str]
    not_target: re.Pattern[str]
    # "上", a trigger, a participant cue or a back-reference hint: one search where
    # :func:`_may_act` made four (None unless back_hint is a plain list of words)
    act_hint: re.Pattern[str] | None = None
    area_end: re.Pattern[str] = re.compile("(?!)")   # an area's last words (新区, 街道): see _division_name
    party_goes_on: re.Pattern[str] = re.compile("(?!)")   # 代表团一行…: the current trip going on


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def rules() -> EventRules:
    path = data_path("events.yaml")
    d = load_yaml(path)
    trigger_type: dict[str, str] = {}
    for typ, words in require(d, "triggers", path, dict).items():
        for w in words:
            trigger_type[str(w)] = typ
    trips = [str(w) for w in require(d, "trip_triggers", path, list)]
    for w in trips:
        trigger_type[w] = "visit"
    cues = [str(w) for w in require(d, "participant_cues", path, list)]
    at = require(d, "meeting_at", path, dict)
    pat = lambda key: compile_pattern(require(d, key, path, str), path)  # noqa: E731
    trigger_alt, cue_alt, back_hint = _words(list(trigger_type)), _words(cues), pat("back_reference_hint")
    # one flat alternation of words (a group in it would cost the regex engine its
    # first-character skip), when the hint is a plain list of words
    hint_words = back_hint.pattern.split("|")
    act_hint = re.compile(_words(["上", *trigger_type, *cues, *hint_words])) \
        if all(w and re.escape(w) == w for w in hint_words) else None
    return EventRules(
        trigger_type=trigger_type,
        trigger_re=re.compile(trigger_alt),
        trips=frozenset(trips),
        meeting_objects=pat("meeting_objects"),
        ceremony_names=pat("ceremony_names"),
        signing_objects=pat("signing_objects"),
        not_trigger_after=pat("not_trigger_after"),
        not_trigger_before=pat("not_trigger_before"),
        object_modifier=pat("object_modifier"),
        same_day=frozenset(str(w) for w in require(d, "same_day", path, list)),
        priority=[str(t) for t in require(d, "priority", path, list)],
        participant_re=re.compile(cue_alt),
        participants_follow=pat("participants_follow"),
        back_ref=pat("back_reference"),
        back_hint=back_hint,
        attend_verbs=frozenset(str(w) for w in require(d, "attend_verbs", path, list)),
        meeting_at=compile_pattern(require(at, "at", path, str), path),
        meeting_at_then=compile_pattern(require(at, "then", path, str), path),
        announce_hint=pat("announce_hint"),
        announce=[compile_pattern(p, path) for p in require(d, "announce", path, list)],
        announce_types={str(k): str(v) for k, v in require(d, "announce_types", path, dict).items()},
        not_lead=[compile_pattern(p, path) for p in require(d, "not_lead", path, list)],
        counterpart=pat("counterpart"),
        future=pat("future"),
        speech=pat("speech"),
        speech_not_after=frozenset(str(w) for w in require(d, "speech_not_after", path, list)),
        dateline=pat("dateline"),
        future_before_verb=tuple(str(w) for w in require(d, "future_before_verb", path, list)),
        how_trail=re.compile(f"(?:{_words([str(w) for w in require(d, 'how_words', path, list)])})+$"),
        location_re=pat("location"),
        target_res=[compile_pattern(p, path) for p in require(d, "targets", path, list)],
        list_sep=pat("list_separators"),
        organizer_prefix=pat("organizer_prefix"),
        ceremony_suffix=pat("ceremony_suffix"),
        not_target=pat("not_target"),
        act_hint=act_hint,
        area_end=pat("area_end"),
        party_goes_on=pat("party_goes_on"),
    )


@dataclass
class _Event:
    type: str
    trigger: str
    article: Article
    index: int
    t_start: int
    lead: str | None
    date: DateMention | None
    participants: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, int, int, int]] = field(default_factory=list)  # kind, name, index, start, end
    location: tuple[str, int, int, int] | None = None  # name, index, start, end
    announced: bool = False  # made from an activity the article announced (出席会议)


@dataclass
class _Announced:
    """An activity announced without a named lead, waiting for who attended it."""
    type: str
    name: str | None
    index: int
    start: int
    end: int
    date: DateMention | None


def _hash(prefix: str, *parts: object) -> str:
    return prefix + hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8).hexdigest()


def _people_by_position(edition: Edition) -> dict[str, dict[int | None, list[tuple[int, int, dict]]]]:
    """article id → paragraph index → [(start, end, person)] sorted, officials and others."""
    out: dict[str, dict[int | None, list[tuple[int, int, dict]]]] = {}
    for person in edition.people:
        if person.get("role") == "journalist":
            continue
        for m in person.get("mentions", []):
            if m.get("field") == "paragraph":
                out.setdefault(m["article"], {}).setdefault(m.get("index"), []).append((m["start"], m["end"], person))
    for paras in out.values():
        for v in paras.values():
            v.sort(key=lambda x: x[0])
    return out


@dataclass(slots=True)
class _Trigger:
    type: str
    start: int  # offsets in the clause
    end: int
    text: str
    lead_before: int  # the lead is named before this offset
    meeting: str | None = None  # X在Y会议上: the meeting's name


def _ends_at(rx: re.Pattern[str], text: str, end: int) -> bool:
    """Whether a match of ``rx`` ends right at ``end`` (within eight characters before it)."""
    return any(x.end() == end for x in rx.finditer(text, max(0, end - 8), end))


def _clause_type(clause: str, r: EventRules, led_from: int | None, until: int) -> _Trigger | None:
    """The clause's activity: a trip word first, else its highest-priority trigger,
    preferring one with an official named before it (``led_from``: the first such
    offset); triggers from ``until`` on (reported speech) do not count."""
    found = []
    words = list(r.trigger_re.finditer(clause, 0, until))
    modifiers = [m.span("mod") for m in r.object_modifier.finditer(clause, 0, until)] \
        if len(words) > 1 and "的" in clause else []
    for m in words:
        word = m.group(0)
        typ = r.trigger_type[word]
        if r.not_trigger_after.match(clause, m.end()) or _ends_at(r.not_trigger_before, clause, m.start()) \
                or any(a <= m.start() < b for a, b in modifiers):
            continue
        if word == "签署" and not r.signing_objects.search(clause, m.end(), m.end() + 30):
            continue
        if typ == "meeting":
            if not r.meeting_objects.search(clause, m.end(), m.end() + 30):
                continue
            obj = _OBJECT.match(clause, m.end())
            if obj and r.ceremony_names.search(obj.group(0)):
                typ = "ceremony"  # 出席…开班式, 出席…招待会
        found.append(_Trigger(typ, m.start(), m.end(), word, m.start()))
    if led_from is not None and "上" in clause:
        for m in r.meeting_at.finditer(clause, 0, until):
            opening = m.group(0)[:1] != "在"  # 今年全国两会上，张军…承诺: the speaker follows
            then = r.meeting_at_then.search(clause, m.end()) if opening else r.meeting_at_then.match(clause, m.end())
            name = m.group("meeting")
            if name.count("（") != name.count("）"):
                continue          # 在俄罗斯联邦委员会（议会|上|院）: 上 inside brackets is no 会上
            if then and then.start() <= until and (not opening or len(name) >= 4):
                typ = "ceremony" if r.ceremony_names.search(name) else "meeting"
                found.append(_Trigger(typ, m.start("meeting"), m.end("meeting"), name,
                                      then.start() if opening else m.start(), name))
    if not found:
        return None
    if len(found) > 1:
        # 会见…，并见证签署了合作文件: a signing only witnessed is part of the other activity
        witnessed = [t for t in found if t.type == "signing" and clause[max(0, t.start - 2):t.start] == "见证"]
        if len(witnessed) < len(found):
            found = [t for t in found if t not in witnessed]

    def rank(t: _Trigger) -> tuple:
        return (t.text not in r.trips, led_from is None or t.lead_before <= led_from,
                r.priority.index(t.type) if t.type in r.priority else 99, t.start)
    return min(found, key=rank)


def _clean(name: str, r: EventRules, kind: str) -> str | None:
    """A target's name as the text names it, or None when it is a description."""
    name = r.organizer_prefix.sub("", name.strip()) or name.strip()
    if kind == "one" and "的" in name:
        name = name.rsplit("的", 1)[1]
    if kind == "one":
        if "、" in name:
            return None  # a list is no one name (its members are read one by one)
        verb = r.trigger_re.search(name, 2)
        if verb is not None:
            name = r.how_trail.sub("", name[:verb.start()])  # 西乡食品公司现场检查了…: the place
    if name.startswith("“") and name.count("“") > name.count("”"):
        name = name[1:]
    if name.endswith("”") and name.count("”") > name.count("“"):
        name = name[:-1]
    if name.count("“") != name.count("”"):
        return None  # cut out of a quotation (欢迎来到珠峰脚下、佛祖故里”等标语)
    if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
        return None  # cut inside brackets (在俄罗斯联邦委员会（议会|上|院）…: no meeting 俄罗斯联邦委员会（议会)
    if name[:1].isdigit() or name[:1] in "今去明本上下近前昨当同":
        lead_date = find_dates(name, None)
        if lead_date and lead_date[0].start == 0:
            name = name[lead_date[0].end :]
    if kind == "meeting" and r.ceremony_names.search(name):
        bare = r.ceremony_suffix.sub("", name)  # …研讨班开班式: the 研讨班
        if len(bare) >= 2 and not r.not_target.search(bare):
            name = bare
    if len(name) < 2 or r.not_target.search(name):
        return None
    return name


Target = tuple[str, str, int, int, int]  # (kind, name, paragraph index, start, end)


def _found(kind: str, name: str, raw: str, raw_start: int, idx: int) -> Target:
    s = raw_start + max(raw.find(name), 0)
    return (kind, name, idx, s, s + len(name))


def _targets(clause: str, offset: int, idx: int, r: EventRules, upto: int | None = None) -> list[Target]:
    out: list[Target] = []
    text = clause if upto is None else clause[:upto]
    for rx in r.target_res:
        for m in rx.finditer(text):
            g = m.groupdict()
            if g.get("list"):
                s0 = m.start("list")
                pos = 0
                for part in r.list_sep.split(g["list"]):
                    k = g["list"].find(part, pos)
                    pos = k + len(part)
                    verb = r.trigger_re.search(part, 2)
                    # the last member runs into what was done there, and how (西乡街道现场检查了…)
                    part = r.how_trail.sub("", part[:verb.start()] if verb is not None else part)
                    if len(part) >= 2 and not r.not_target.search(part):
                        out.append(("org", part, idx, offset + s0 + k, offset + s0 + k + len(part)))
            for group, kind in (("one", "org"), ("place", "place"), ("meeting", "meeting")):
                if g.get(group):
                    name = _clean(g[group], r, group)
                    if name:
                        if kind == "org" and _division_name(name, r.area_end):
                            kind = "place"      # 到安徽调研, 来到宁德: where it happened, not what was visited
                        out.append(_found(kind, name, g[group], offset + m.start(group), idx))
    return out


@lru_cache(maxsize=4096)
def _division_name(name: str, area_end: re.Pattern[str]) -> bool:
    """Is ``name`` an administrative division: any level in full (安徽省, 秦灶街道), a
    province, city or county in short (安徽, 宁德), or an area (``area_end``) under one of
    those named with it (河北雄安新区, 苏州工业园区)?"""
    from .gazetteer import gazetteer

    g = gazetteer()
    short = g.stems(("province", "city", "county"))
    if name in g.by_name or name in short:
        return True
    return area_end.search(name) is not None and any(
        name[:k] in g.by_name or name[:k] in short for k in range(2, min(len(name) - 1, 5)))


def _announced(clause: str, c0: int, idx: int, r: EventRules, day) -> _Announced | None:
    """An activity the clause announces (…会议在京召开), its type, name and date."""
    for rx in r.announce:
        m = rx.search(clause)
        if not m:
            continue
        raw = m.group("name")
        verb = m.groupdict().get("verb")
        if verb and raw.endswith(r.future_before_verb):
            continue  # 2017年全国两会即将召开: announced, not held
        name = _clean(raw, r, "meeting")
        whole = raw + (verb or "")
        # the first trigger word not used as a noun (…巡回督导组工作座谈会: no inspection)
        head = next((h for h in r.trigger_re.finditer(whole) if not r.not_trigger_after.match(whole, h.end())), None)
        typ = r.trigger_type[head.group(0)] if head else r.announce_types.get(verb or "", "meeting")
        if typ == "meeting" and r.ceremony_names.search(raw):
            typ = "ceremony"  # …招待会
        dates = find_dates(clause, day.get())
        t = _found("meeting", name, raw, c0 + m.start("name"), idx) if name else None
        return _Announced(typ, name, idx, t[3] if t else 0, t[4] if t else 0, dates[0] if dates else None)
    return None


def _same_span(a: DateMention | None, b: DateMention | None) -> bool:
    return a is not None and b is not None and a.date_start is not None \
        and (a.date_start, a.date_end) == (b.date_start, b.date_end)


def extract_events(edition: Edition) -> None:
    r = rules()
    positions = _people_by_position(edition)
    # articles that name someone who may act: positions' keys
    events: list[_Event] = []
    for page in edition.pages:
        day = page.date or edition.date
        for article in page.articles:
            here = positions.get(article.id)
            if here is not None:
                events += _undated_mentions_merged(_article_events(article, here, r, _ReportDay(article, r, day)))
    _emit(edition, events)


def _undated_mentions_merged(events: list[_Event]) -> list[_Event]:
    """One event per activity: an undated visit of an article by the lead of a dated visit
    of it, naming no target or place the dated one does not, is that
    activity named again (…10月12日至13日对尼泊尔进行国事访问。这是习近平主席首次访问
    尼泊尔…): its participants join the dated one."""
    dated = {(e.type, e.lead): e for e in events if e.date is not None and e.lead is not None and e.type == "visit"}
    if not dated or len(dated) == len(events):
        return events
    out = []
    for e in events:
        same = dated.get((e.type, e.lead)) if e.date is None else None
        if same is None or not {t[1] for t in e.targets} <= {t[1] for t in same.targets} \
                or (e.location and same.location and e.location[0] != same.location[0]):
            out.append(e)     # (a meeting or a reception named again is most often another one)
            continue
        same.participants += [p for p in e.participants if p not in same.participants]
        same.location = same.location or e.location
    return out


class _ReportDay:
    """The day an article was filed, from its dateline (本报杭州10月20日电 at the start,
    （本报布鲁塞尔10月29日电） at the end), else the issue date: 今天 and 25日 in the
    report are counted from it.  Worked out when first needed."""

    __slots__ = ("article", "r", "issue", "_day", "_done")

    def __init__(self, article: Article, r: EventRules, issue) -> None:
        self.article, self.r, self.issue, self._day, self._done = article, r, issue, issue, False

    def get(self):
        if not self._done:
            self._done = True
            paras = self.article.paragraphs
            if self.issue is not None and paras:
                for text in (paras[0], paras[-1].strip("（）() ")):
                    dl = self.r.dateline.match(text) if "电" in text[:40] else None
                    filed = [d for d in find_dates(dl.group(0), self.issue) if d.date_start] if dl else []
                    if filed and filed[0].date_start <= self.issue:
                        self._day = filed[0].date_start
                        break
        return self._day


def _article_events(article: Article, positions, r: EventRules, day) -> list[_Event]:
    """``positions``: paragraph index → the people named there (:func:`_people_by_position`)."""
    events: list[_Event] = []
    current: _Event | None = None
    waiting: list[str] = []  # participants named before the activity they join
    used = (0, 0)  # (paragraph, offset): announcements before this were attended already
    paragraphs = article.paragraphs
    # only paragraphs that name someone (nobody to act or join elsewhere), and those where
    # the touring party goes on (代表团一行先后来到…)
    named = {i for i in positions if type(i) is int and 0 <= i < len(paragraphs)}
    party = {i for i, t in enumerate(paragraphs) if i not in named and "一行" in t}
    for idx in sorted(named | party):
        text = paragraphs[idx]
        if idx in party:
            if current is not None and current.type in _TOUR:
                current.targets += _party_targets(text, idx, r)
            continue
        people_here = positions[idx]
        if not _may_act(text, 0, len(text), r) \
                and (current is None or all(p["id"] != current.lead for _, _, p in people_here)):
            continue  # no activity, nobody joining, no more for the current one
        # the clauses (split at 。！？；) that name people, in text order
        stops = [m.end() for m in _STOP.finditer(text)]
        sentence_ends = [e for e in stops if text[e - 1] in _SENTENCE_END]
        starts = [s for s, _, _ in people_here]
        wanted = sorted({bisect_right(stops, s) for s in starts})
        dl = r.dateline.match(text) if "电" in text[:40] else None
        body_from = dl.end() if dl else 0
        quoted = said = None  # worked out for the first clause that may report something
        for k in wanted:
            c0 = stops[k - 1] if k else 0
            c1 = stops[k] if k < len(stops) else len(text)
            if c0 >= c1:
                continue
            if not _may_act(text, c0, c1, r) and (current is None or not any(
                    p["id"] == current.lead for s, _, p in people_here if c0 <= s < c1)):
                continue  # no trigger, meeting, attendance or cue, and not the current lead: nothing to do
            if said is None:
                quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text else []
                said = [m.start() for m in r.speech.finditer(text, body_from)
                        if not m.start() or text[m.start() - 1] not in r.speech_not_after]
            # reported speech: said earlier in this sentence (曹金海说，…视察港闸时，…), a first-person
            # sentence after someone spoke (我邀请莫迪总理…), or a quotation of whole sentences
            j = bisect_left(said, c0)
            sentence_from = sentence_ends[bisect_right(sentence_ends, c0) - 1] if sentence_ends and \
                sentence_ends[0] <= c0 else 0
            if (j and said[j - 1] >= sentence_from) or (j and text.startswith(_FIRST_PERSON, c0)) \
                    or any(a <= c0 and c1 <= b for a, b in quoted):
                continue
            until = said[j] - c0 if j < len(said) and said[j] < c1 else c1 - c0
            lo, hi = bisect_left(starts, c0), bisect_left(starts, c0 + until)
            if lo == hi:
                continue
            clause = text[c0:c1]
            skip = max(0, body_from - c0)  # the dateline, when the clause holds it
            inside = [(s - c0, e - c0, p) for s, e, p in people_here[lo:hi]]
            current, waiting, used = _clause_events(clause, c0, idx, skip, until, inside, article, r, day,
                                                    current, waiting, used, events)
    return events


def _party_targets(text: str, idx: int, r: EventRules) -> list[Target]:
    """The places named by the clauses that open with the touring party (代表团一行先后来到A、B)."""
    out: list[Target] = []
    c0 = 0
    for stop in [*(m.end() for m in _STOP.finditer(text)), len(text)]:
        if r.party_goes_on.match(text, c0):
            out += _targets(text[c0:stop], c0, idx, r)
        c0 = stop
    return out


def _may_act(text: str, c0: int, c1: int, r: EventRules) -> bool:
    """Whether the clause text[c0:c1] holds anything :func:`_clause_events` acts on
    besides the current activity's lead: a trigger word, ``…上`` (a meeting), an
    attendance word or a participant cue (a quick test; the clause's reported
    speech only narrows it)."""
    if r.act_hint is not None:
        return r.act_hint.search(text, c0, c1) is not None
    return ("上" in text[c0:c1] or r.trigger_re.search(text, c0, c1) is not None
            or r.back_hint.search(text, c0, c1) is not None or r.participant_re.search(text, c0, c1) is not None)


def _last_announced(article: Article, idx: int, upto: int, used: tuple[int, int], r: EventRules,
                    day) -> _Announced | None:
    """The activity announced last before (paragraph ``idx``, offset ``upto``) and
    after ``used`` (…会议11日在京召开), if any."""
    for i in range(idx, used[0] - 1, -1):
        text = article.paragraphs[i]
        end = upto if i == idx else len(text)
        begin = used[1] if i == used[0] else 0
        dl = r.dateline.match(text) if "电" in text[:40] else None
        begin = max(begin, dl.end() if dl else 0)
        if begin >= end or not r.announce_hint.search(text, begin, end):
            continue
        stops = [0] + [m.end() for m in _STOP.finditer(text, begin, end)]
        for c0 in reversed(stops):
            c0 = max(c0, begin)
            if r.announce_hint.search(text, c0, end):
                a = _announced(text[c0:end], c0, i, r, day)
                if a:
                    return a
            end = c0
    return None


def _clause_events(clause, c0, idx, skip, until, inside, article, r: EventRules, day, current, waiting, used,
                   events):
    """One clause naming people: a new event, or more for the current one.
    Returns (current, waiting, used)."""
    blocked = [m.span() for rx in r.not_lead for m in rx.finditer(clause, 0, until)]
    if "“" in clause:  # someone named inside a quotation (“…用习近平新时代…思想…”) does not act in the clause
        blocked += [m.span() for m in _QUOTATION.finditer(clause, 0, until)]
    officials = [(s, e, p) for s, e, p in inside if p.get("role") == "official"
                 and not any(a <= s < b for a, b in blocked)]
    trig = _clause_type(clause, r, officials[0][0] if officials else None, until)
    # attending (or speaking at) an activity announced before: 出席会议, 出席并致辞, 在首发式上的致辞中
    act: _Announced | None = None
    back = None
    used_to = 0
    if trig is not None and trig.meeting and _clean(trig.meeting, r, "meeting") is None:
        # 在首发式上的致辞中, 在研讨会开幕式上: the activity announced before
        act = _last_announced(article, idx, c0 + trig.start, used, r, day)
        used_to = trig.end
    elif trig is None or (trig.text not in r.trips and not trig.meeting and trig.type in ("meeting", "ceremony", "signing")):
        back = r.back_ref.search(clause, 0, until) if r.back_hint.search(clause, 0, until) else None
        act = _last_announced(article, idx, c0 + back.start(), used, r, day) if back else None
        if act is not None and act.date is not None and not _same_day_as(act, clause, skip, until, r, day):
            act = None  # 2015年12月16日，…发表主旨演讲: another day than the one announced, another activity
        if act is None and back is not None and current is not None and (
                current.announced or _same_meeting(clause, skip, until, current, day)):
            # 肖亚庆…等出席开幕式 after 王钦敏 spoke there, 副县长孙晓东、周敏出席会议 after 县长王志刚
            # 主持召开…常务会议: more attendees of the same activity
            named = [p["id"] for s, _, p in inside if s < back.start() and p["id"] != current.lead]
            if named and back.group(0).startswith("主持") and not current.trigger.startswith("主持"):
                _make_lead(current, named, back.group(0))  # 县委书记A出席会议并讲话。县长B主持会议。
                return current, waiting, used
            current.participants += named
            return current, waiting, used
        if act is None:
            back = None
        else:
            ref = back.group("ref")
            trig = _Trigger(r.trigger_type.get(ref, act.type) if ref else act.type, back.start(), back.end(),
                            back.group(0), back.start())
            used_to = back.end()
    cue = r.participant_re.search(clause, 0, until)
    lead_now = current.lead if current else None
    if trig is None:
        if cue:
            named = _cue_people(clause, cue, inside, r, lead_now)
            if current is not None:
                current.participants += named
            else:
                waiting = waiting + named
        elif current is not None and any(p["id"] == current.lead for _, _, p in inside):
            current.targets += _targets(clause, c0, idx, r, until)
        return current, waiting, used
    before = [x for x in officials if x[0] < trig.lead_before]
    # counterparts (同印度总理莫迪举行会晤) take part; they do not lead
    leads = [x for x in before if not r.counterpart.search(clause, _prev_end(before, x), x[0])]
    # 国家主席习近平特使、国家副主席王岐山: someone named inside the next one's title chain does not lead
    in_titles = [x for k, x in enumerate(leads) if k + 1 < len(leads) and _in_titles_of(clause, x, leads[k + 1])]
    leads = [x for x in leads if x not in in_titles]
    if cue and cue.start() < trig.start and not back:
        # 莫迪陪同习近平一一参观, 丁薛祥…等参加会见: joining an activity
        after_cue = [x for x in leads if x[0] > cue.start()]
        if not after_cue or after_cue[-1][2]["id"] == lead_now:
            named = _cue_people(clause, cue, inside, r, lead_now)
            if current is not None:
                current.participants += named
            else:
                waiting = waiting + named
            return current, waiting, used
    if not leads:
        # No official named before the trigger: a description (项目签约落户), or
        # the current activity going on (调研中), which adds targets where the lead is named.
        if current is not None and trig.type in ("visit", "inspection") and \
                any(p["id"] == current.lead for _, _, p in inside):
            current.targets += _targets(clause, c0, idx, r, until)
        return current, waiting, used
    if r.future.search(clause, leads[-1][1], trig.start):
        return current, waiting, used  # 还将对尼泊尔进行国事访问: announced, not reported
    verb = back.group(0)[:2] if back else trig.text
    listed = verb in r.attend_verbs and len(leads) > 1
    lead = (leads[0] if listed else leads[-1])[2]["id"]
    dates = _own_dates(clause, skip, until, day)
    date = dates[0] if dates else None
    issue = day.get()
    if date is not None and issue is not None and date.date_start is not None and date.date_start > issue:
        return current, waiting, used  # 应邀明年春天对日本进行国事访问: planned, not reported
    if act is not None and (date is None or date.text in r.same_day):
        date = act.date or _date_before(article, act.index, act.start, r, day)
    elif date is None and not any(e.article is article for e in events):
        # the article's first activity, in a paragraph that opened with a day no one else
        # acted on (昨日上午，…签署…协议，…。副市长吴以环出席签约仪式): that day
        date = _opening_date(article.paragraphs[idx][:c0], r, day)
    tour = trig.type in _TOUR and current is not None and current.type in _TOUR
    # 还 (王勇还来到…调研 after a ceremony, 还应约会见…): another activity, unless both are the same trip
    also = "还" in clause[leads[-1][1]:trig.start] and not tour
    if also and trig.type in _TOUR:
        earlier = next((e for e in reversed(events) if e.article is article and e.lead == lead and e.type in _TOUR), None)
        if earlier is not None and date is None:
            # 在印尼期间，王岐山还赴梭罗市访问…: more places of the trip reported before
            earlier.targets += [t for t in _targets(clause, c0, idx, r, until) if t[0] != "meeting"]
            return current, waiting, used
    # without a date of its own, the same lead's next clause goes on with the current activity
    # when it is the same kind, or a stop of a trip (考察, 察看 during 调研 or 招商, 参观 during a
    # 会见: the temple toured with the guest); another kind
    # (会见 after 见证签署, 调研 after 出席开幕式) is another activity
    goes_on = trig.type == current.type or tour or (
        trig.type in _TOUR and current.type in _HOSTS_TOURS and _rank(r, trig.type) >= _rank(r, current.type)) \
        if current is not None else False
    if current is not None and lead == current.lead and not also and (
            (date is None and goes_on)
            or (_same_span(date, current.date) and trig.type == current.type)):
        # more places for the same activity (a meeting named here is another one)
        current.targets += [t for t in _targets(clause, c0, idx, r, until) if t[0] != "meeting"]
        if cue:
            current.participants += _cue_people(clause, cue, inside, r, lead)
        return current, waiting, used
    ev = _Event(trig.type, trig.text, article, idx, c0 + trig.start, lead, date)
    parts = [x[2]["id"] for x in leads if x[2]["id"] != lead] if listed else []
    parts += [x[2]["id"] for x in before if x not in leads and x not in in_titles]
    if trig.type == "reception":
        parts += [p["id"] for s, _, p in inside if s >= trig.end]
    if cue:
        parts += _cue_people(clause, cue, inside, r, lead)
    ev.participants = [x for x in parts + waiting if x != lead]
    ev.targets = _targets(clause, c0, idx, r, until)
    if trig.meeting and act is None:
        name = _clean(trig.meeting, r, "meeting")
        if name:
            ev.targets.append(_found("meeting", name, trig.meeting, c0 + trig.start, idx))
    if act is not None:
        ev.announced = True
        if act.name:
            ev.targets.append(("meeting", act.name, act.index, act.start, act.end))
        used = (idx, c0 + used_to)
        if back is not None and not back.group(0).startswith("主持"):
            _chair_leads(ev, clause, back.end(), until, officials, r)
    elif trig.type in ("meeting", "ceremony") and r.announce_hint.search(clause, trig.start, until) \
            and _announced(clause[trig.start:until], c0 + trig.start, idx, r, day):
        # 王志刚主持召开…常务会议: the meeting has its lead; a later 出席会议 joins it
        used = (idx, c0 + until)
    loc = r.location_re.search(clause, 0, until)
    if loc and not loc.group("loc").startswith(("我", "本", "该", "当", "此")):
        ev.location = (loc.group("loc"), idx, c0 + loc.start("loc"), c0 + loc.end("loc"))
    # 位于秦灶街道的…: the place is where, not what.
    places = [t for t in ev.targets if t[0] == "place"]
    if places and ev.location is None:
        ev.location = places[0][1:]
        ev.targets = [t for t in ev.targets if t[0] != "place"]
    events.append(ev)
    return ev, [], used


def _make_lead(ev: _Event, named: list[str], trigger: str) -> None:
    """The first of ``named`` (who chaired) leads ``ev``; its lead so far (who attended and
    spoke) and the others named take part."""
    ev.participants = [x for x in [ev.lead, *ev.participants, *named[1:]] if x != named[0] and x is not None]
    ev.lead = named[0]
    ev.trigger = trigger


def _chair_leads(ev: _Event, clause: str, frm: int, until: int, officials, r: EventRules) -> None:
    """县委书记A出席会议并讲话，县长B主持会议 (one clause): B chaired the activity A attended,
    so B leads it (issue 4: the lead is who 主持)."""
    for m in r.back_ref.finditer(clause, frm, until):
        if m.group(0).startswith("主持"):
            before = [p["id"] for s, _, p in officials if frm <= s < m.start() and p["id"] != ev.lead]
            if before:
                _make_lead(ev, before[-1:], m.group(0))
            return


def _own_dates(clause: str, skip: int, until: int, day) -> list[DateMention]:
    """The time expressions of the clause up to ``until``, its dateline (``skip``) aside."""
    return [d for d in find_dates(clause[:until], day.get()) if d.start >= skip] if until > skip else []


def _same_day_as(act: _Announced, clause: str, skip: int, until: int, r: EventRules, day) -> bool:
    """Whether the clause writes no day of its own, or the announced activity's."""
    dates = _own_dates(clause, skip, until, day)
    return not dates or dates[0].text in r.same_day or _same_span(dates[0], act.date)


def _same_meeting(clause: str, skip: int, until: int, current: _Event, day) -> bool:
    """Whether attending "the meeting" (出席会议, no name of its own) in this clause means the
    meeting or ceremony the article reported last: no other day is written in the clause."""
    if current.type not in ("meeting", "ceremony"):
        return False
    dates = _own_dates(clause, skip, until, day)
    return not dates or _same_span(dates[0], current.date)


def _rank(r: EventRules, typ: str) -> int:
    return r.priority.index(typ) if typ in r.priority else len(r.priority)


def _opening_date(text: str, r: EventRules, day) -> DateMention | None:
    """The time expression opening the paragraph's text (after its dateline), if any."""
    dl = r.dateline.match(text)    # 本报讯 （记者…）, …10月1日电
    rest = text[dl.end() if dl else 0:].lstrip()
    dates = find_dates(rest, day.get())
    return dates[0] if dates and dates[0].start == 0 else None


def _date_before(article: Article, idx: int, upto: int, r: EventRules, day) -> DateMention | None:
    """The last time expression written before (paragraph ``idx``, offset ``upto``),
    datelines aside: the day an announcement without a date of its own refers to
    (…电视节在戛纳开幕。…“聚焦中国”系列活动同日开幕)."""
    for i in range(idx, -1, -1):
        text = article.paragraphs[i][: upto if i == idx else None]
        dl = r.dateline.match(text) if "电" in text[:40] else None
        dates = find_dates(text[dl.end() if dl else 0 :], day.get())
        if dates:
            return dates[-1]
    return None


def _in_titles_of(clause: str, x: tuple[int, int, dict], y: tuple[int, int, dict]) -> bool:
    """Whether person ``x`` is named inside the title chain of ``y`` named next
    (国家主席习近平特使、国家副主席王岐山): the text between them starts right after x
    (not a list's 、: 郭卫民、中国驻摩洛哥大使李立 are two attendees) and is a chain with 、
    that ends with one of y's titles."""
    between = clause[x[1]:y[0]]
    return ("、" in between[1:] and not _CLAUSE_BREAK.search(between) and between[:1] not in ("、", "")
            and any(t.get("title") and between.endswith(t["title"]) for t in y[2].get("titles", ())))


def _prev_end(before: list[tuple[int, int, dict]], x: tuple[int, int, dict]) -> int:
    """Where the text before person ``x`` starts: the end of the person named before."""
    i = before.index(x)
    return before[i - 1][1] if i else 0


def _cue_people(clause: str, cue: re.Match[str], inside: list[tuple[int, int, dict]], r: EventRules,
                lead: str | None) -> list[str]:
    """Participants a cue names: those before it (区领导陶建参加活动), or after
    ``陪同…的有：``."""
    follow = r.participants_follow.search(clause, cue.end())
    if follow:
        chosen = [p for s, _, p in inside if s >= follow.end()]
    else:
        chosen = [p for s, _, p in inside if s < cue.start()]
    return [p["id"] for p in chosen if p["id"] != lead]


def _entity(edition: Edition, bucket: list[dict[str, Any]], prefix: str, name: str, kind: str | None,
            mention: dict[str, Any]) -> str:
    """The id of the organization or place ``name`` (by name or alias, from
    extract.entities), adding the mention; a new one gets the kind its last word gives."""
    from .entities import entity_id, find_entity, kind_of

    e = find_entity(edition, name)
    if e is not None:
        if mention not in e["mentions"]:
            e["mentions"].append(mention)
        return e["id"]
    ent = {"id": entity_id(prefix, edition.paper, name), "name": name,
           "kind": kind or kind_of(name, "org" if prefix == "o" else "place"), "aliases": [], "mentions": [mention]}
    bucket.append(ent)
    return ent["id"]


def _place_gone_to(edition: Edition, article_id: str, para: str, index: int, trigger_at: int,
                   targets: list[str]) -> str | None:
    """A place the sentence says the lead went to before the trigger (市委书记徐惠民带队深入
    港闸企业、社区一线，实地调研 → 港闸), found among the edition's places, else None."""
    from .entities import rules as entity_rules

    go_to = entity_rules().go_to             # 深入, 走进, 来到… (entities.yaml: go_to_words)
    start = max(para.rfind(c, 0, trigger_at) for c in "。；！？") + 1
    for place in edition.places:
        if place["id"] in targets:
            continue
        for m in place["mentions"]:
            if m["article"] == article_id and m.get("index") == index and start <= m["start"] < trigger_at \
                    and para[max(0, m["start"] - 2):m["start"]] in go_to:
                return place["id"]
    return None


def _emit(edition: Edition, events: list[_Event]) -> None:
    out = []
    for ev in events:
        a = ev.article

        def mention(start: int, end: int, index: int = ev.index) -> dict[str, Any]:
            return {"article": a.id, "field": "paragraph", "index": index, "start": start, "end": end,
                    "text": a.paragraphs[index][start:end]}

        targets: list[str] = []
        for kind, name, i, s, e in ev.targets:
            if kind == "meeting":
                targets.append(name)
            elif kind == "place":
                targets.append(_entity(edition, edition.places, "l", name, None, mention(s, e, i)))
            else:
                targets.append(_entity(edition, edition.organizations, "o", name, None, mention(s, e, i)))
        location = None
        if ev.location:
            name, i, s, e = ev.location
            location = _entity(edition, edition.places, "l", name, None, mention(s, e, i))
        else:
            location = _place_gone_to(edition, a.id, a.paragraphs[ev.index], ev.index, ev.t_start, targets)
        actors = ([{"person": ev.lead, "role": "lead"}] if ev.lead else []) + [
            {"person": p, "role": "participant"} for p in dict.fromkeys(ev.participants) if p != ev.lead]
        date = ev.date.to_dict() if ev.date else {"text": None, "start": None, "end": None, "part_of_day": None}
        out.append({
            "id": _hash("v", a.id, ev.index, ev.t_start, ev.type),
            "type": ev.type, "trigger": ev.trigger, "date": date, "actors": actors,
            "targets": list(dict.fromkeys(targets)), "location": location, "article": a.id,
            "evidence": mention(ev.t_start, ev.t_start + len(ev.trigger)),
        })
    edition.events = out
