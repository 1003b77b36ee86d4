#!/usr/bin/env python3
"""Validate the gold annotations tests/gold/*.gold.json (format: tests/gold/README.md).

Checks per file: JSON shape and value conventions; that ``input`` exists; that every
kicker, headline, subtitle, paragraph, caption line, byline name and boilerplate line can
be found in the input text once all whitespace is removed from both; and that the
articles' texts (captions apart) occur in the input in the gold's order. The optional key ``people``
(tests/gold/README.md) is checked too: its shape, roles, that every name and title occurs
in the input, and that journalists carry no titles; and so is the optional key ``events``
(after ``people``, or last): each event's shape and type, that its names, targets,
location and date text occur in the input, that its dates are valid (start <= end, both
or neither), that its headline is one of the page's, and that its lead and participants
are in ``people`` when the page has that list. Prints one line per file and exits 1 if
any file fails.

Usage: python3 scripts/gold/check_gold.py [FILE.gold.json ...]   (default: all)
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold"
WS = re.compile(r"\s+")
KINDS = {"news", "photo", "teaser", "brief", "notice", "advertisement", "other"}
ROLES = {"reporter", "correspondent", "photographer", "editor", "author", "unknown"}
SPLITS = {"dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"}
TOP_KEYS = ["input", "source", "layout", "split", "paper", "date", "page", "page_name",
            "boilerplate", "articles"]
PEOPLE_ROLES = {"official", "journalist", "other"}
EVENT_KEYS = ["type", "lead", "participants", "date", "targets", "location", "headline"]
EVENT_TYPES = {"meeting", "inspection", "visit", "investment_promotion", "reception", "signing",
               "ceremony", "other"}
ART_KEYS = ["kind", "kicker", "headline", "subtitle", "bylines", "paragraphs", "caption",
            "continues_to", "continued_from", "refers_to"]


def squash(s: str) -> str:
    return WS.sub("", s)


def fold(s: str) -> str:
    """Whitespace-free NFKC form, plus U+2015 -> U+2014: converters that fold full-width
    punctuation or emit Kangxi radicals still match (such matches are counted apart)."""
    return squash(unicodedata.normalize("NFKC", s).replace("\u2015", "\u2014"))


def is_norm(s: str) -> bool:
    """Stripped, no whitespace other than single ASCII spaces."""
    return s == s.strip() and not re.search(r"[^\S ]| {2}", s)


def check(path: Path) -> tuple[list[str], str]:
    errs: list[str] = []
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"cannot read JSON: {e}"], ""
    if not isinstance(g, dict):
        return ["top level is not an object"], ""
    keys = list(g.keys())
    if keys[-2:] == ["organizations", "places"]:      # optional, last: see tests/gold/README.md
        keys = keys[:-2]
    if keys[1:2] == ["variants"]:                     # optional, right after input
        keys = keys[:1] + keys[2:]
        variants = g["variants"]
        if not isinstance(variants, dict) or not all(
                isinstance(v, str) and (GOLD_DIR / v).is_file() for v in variants.values()):
            errs.append(f"variants {variants!r}: not a {{format: file}} map of files in the gold folder")
    if keys not in (TOP_KEYS, TOP_KEYS + ["people"], TOP_KEYS + ["events"], TOP_KEYS + ["people", "events"]):
        errs.append(f"top-level keys {list(g.keys())} != {TOP_KEYS} (+ optional 'variants' after 'input', "
                    "'people', then 'events', then 'organizations' and 'places')")
    inp = GOLD_DIR / str(g.get("input", ""))
    if not g.get("input") or not inp.is_file():
        return errs + [f"input {g.get('input')!r} not found"], ""
    text = inp.read_text(encoding="utf-8")
    flat = squash(text)
    ffl = fold(text)
    rmrb = g["input"].startswith("rmrb-")
    if g.get("split") not in SPLITS:
        errs.append(f"split {g.get('split')!r} not one of {sorted(SPLITS)}")
    if not isinstance(g.get("layout"), str) or not g.get("layout"):
        errs.append("layout must be a non-empty string")
    for key in ("paper", "page_name"):
        if g.get(key) is not None and not (isinstance(g.get(key), str) and g.get(key)):
            errs.append(f"{key} must be a non-empty string or null")
    if g.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(g.get("date"))):
        errs.append("date must be YYYY-MM-DD or null")
    if g.get("page") is not None and (not isinstance(g.get("page"), int) or isinstance(g.get("page"), bool)):
        errs.append("page must be an int or null")
    if not isinstance(g.get("source"), str) or not g.get("source"):
        errs.append("source must be a non-empty string")
    if rmrb:   # the rmrb-YYYYMMDD-PP files of render_pages.py
        if g.get("paper") != "人民日报" or "People's Daily" not in str(g.get("source")):
            errs.append("rmrb pages: paper 人民日报 and a source naming People's Daily")
        if not g["input"].startswith(f"rmrb-{str(g.get('date')).replace('-', '')}-{g.get('page') or 0:02d}"):
            errs.append("rmrb pages: input name must carry date and page")
        if g.get("layout") not in ("pdftotext", "markdownify"):
            errs.append("rmrb pages: layout pdftotext or markdownify")
    bp = g.get("boilerplate")
    if not isinstance(bp, list) or not all(isinstance(x, str) and x for x in bp):
        errs.append("boilerplate must be a list of non-empty strings")
    else:
        for x in bp:
            if x not in text:
                errs.append(f"boilerplate line not in input verbatim: {x!r}")
    arts = g.get("articles")
    if not isinstance(arts, list) or not arts:
        return errs + ["articles must be a non-empty list"], ""
    pos = fpos = 0
    folded = 0
    counts: dict[str, int] = {}
    for i, a in enumerate(arts):
        where = f"article {i + 1}"
        if not isinstance(a, dict) or list(a.keys()) != ART_KEYS:
            errs.append(f"{where}: keys {list(a) if isinstance(a, dict) else a!r} != {ART_KEYS}")
            continue
        kind = a["kind"]
        counts[kind] = counts.get(kind, 0) + 1
        if kind not in KINDS:
            errs.append(f"{where}: kind {kind!r}")
        if a["headline"] is None and kind in ("news", "brief"):
            errs.append(f"{where}: {kind} needs a headline")
        for key in ("kicker", "headline", "subtitle"):
            v = a[key]
            if v is None:
                continue
            if not isinstance(v, str) or not v or not is_norm(v):
                errs.append(f"{where}: {key} {v!r} not a whitespace-normalized string (or null)")
        paras = a["paragraphs"]
        if not isinstance(paras, list) or not all(isinstance(p, str) and p for p in paras):
            errs.append(f"{where}: paragraphs must be a list of non-empty strings")
            paras = []
        for p in paras:
            if p != p.strip() or "\u3000" in p or "\n" in p:
                errs.append(f"{where}: paragraph not stripped / contains U+3000 or newline: {p[:30]!r}")
        cap = a["caption"]
        if cap is not None and (not isinstance(cap, str) or not cap.strip()):
            errs.append(f"{where}: caption must be a non-empty string or null")
            cap = None
        if kind == "photo" and paras:
            errs.append(f"{where}: photo items have paragraphs == []")
        if kind in ("news", "brief") and not paras:
            errs.append(f"{where}: {kind} without paragraphs")
        for key in ("continues_to", "continued_from", "refers_to"):
            v = a[key]
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
                errs.append(f"{where}: {key} must be a page number or null")
        if kind == "teaser" and a["refers_to"] is None:
            errs.append(f"{where}: teaser needs refers_to")
        bys = a["bylines"]
        if not isinstance(bys, list):
            errs.append(f"{where}: bylines must be a list")
            bys = []
        for b in bys:
            if not isinstance(b, dict) or set(b) != {"name", "role"}:
                errs.append(f"{where}: byline {b!r} must be {{name, role}}")
                continue
            if b["role"] not in ROLES:
                errs.append(f"{where}: byline role {b['role']!r}")
            if not isinstance(b["name"], str) or not b["name"] or WS.search(b["name"]):
                errs.append(f"{where}: byline name {b['name']!r} empty or with spaces")
            elif b["name"] in ("新华社", "人民视觉", "影像中国"):
                errs.append(f"{where}: agency {b['name']} is not a person")
            elif b["name"] not in flat and fold(b["name"]) not in ffl:
                errs.append(f"{where}: byline name {b['name']} not in input")
        # the article's texts, in order, must occur in the input
        pieces = [a[k] for k in ("kicker", "headline", "subtitle") if a[k]] + paras
        if cap:   # a caption may stand before the body (web crawls) or after it: not ordered
            for ln in cap.split("\n"):
                if ln.strip() and squash(ln) not in flat and fold(ln) not in ffl:
                    errs.append(f"{where}: caption not found in input: {ln[:30]!r}")
        for piece in pieces:
            q, fq = squash(piece), fold(piece)
            j = flat.find(q, pos)
            if j >= 0:
                pos = j + len(q)
                fpos = max(fpos, ffl.find(fq, fpos) + len(fq)) if fq in ffl else fpos
                continue
            j = ffl.find(fq, fpos)
            if j >= 0:           # matches only after NFKC folding
                folded += 1
                fpos = j + len(fq)
                continue
            if q in flat or fq in ffl:
                errs.append(f"{where}: out of reading order: {piece[:30]!r}")
            else:
                errs.append(f"{where}: not found in input: {piece[:30]!r}")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    note = f"; {folded} text(s) matched only after NFKC folding" if folded else ""
    if "people" in g:
        perrs, pnote = check_people(g["people"], flat, ffl)
        errs += perrs
        note += f"; {pnote}"
    if "events" in g:
        names = {p["name"] for p in g["people"] if isinstance(p, dict) and "name" in p} \
            if isinstance(g.get("people"), list) else None
        heads = {a.get("headline") for a in arts if isinstance(a, dict)}
        eerrs, enote = check_events(g["events"], flat, ffl, names, heads)
        errs += eerrs
        note += f"; {enote}"
    if "organizations" in g or "places" in g:
        try:
            from banmian.errors import GoldFileError
            from banmian.evaluation.entities_eval import check_gold_entities
        except ImportError:       # banmian not installed: shapes unchecked
            check_gold_entities = None
        for key in ("organizations", "places"):
            try:
                if check_gold_entities is not None:
                    check_gold_entities(g.get(key), key, path.name)
            except GoldFileError as e:
                errs.append(str(e))
        note += f"; {len(g.get('organizations') or [])} organizations, {len(g.get('places') or [])} places"
    return errs, f"{g.get('layout')}, {len(arts)} articles ({summary}){note}"


def check_people(people: object, flat: str, ffl: str) -> tuple[list[str], str]:
    """The optional ``people`` list: [{name, role, titles: [{title, organization}]}]."""
    errs: list[str] = []
    if not isinstance(people, list):
        return ["people must be a list"], ""
    seen: set[str] = set()
    roles: dict[str, int] = {}
    for i, p in enumerate(people):
        where = f"people[{i}]"
        if not isinstance(p, dict) or list(p.keys()) != ["name", "role", "titles"]:
            errs.append(f"{where}: keys {list(p) if isinstance(p, dict) else p!r} != ['name', 'role', 'titles']")
            continue
        name, role, titles = p["name"], p["role"], p["titles"]
        if not isinstance(name, str) or not name or WS.search(name):
            errs.append(f"{where}: name {name!r} empty or with spaces")
            continue
        where = f"people[{i}] {name}"
        if name in seen:
            errs.append(f"{where}: listed twice")
        seen.add(name)
        if name not in flat and fold(name) not in ffl:
            errs.append(f"{where}: name not in input")
        if role not in PEOPLE_ROLES:
            errs.append(f"{where}: role {role!r} not one of {sorted(PEOPLE_ROLES)}")
        roles[role] = roles.get(role, 0) + 1
        if not isinstance(titles, list):
            errs.append(f"{where}: titles must be a list")
            continue
        if role == "journalist" and titles:
            errs.append(f"{where}: a journalist has no titles")
        if role == "official" and not titles:
            errs.append(f"{where}: an official has at least one title")
        if role == "other" and titles:
            errs.append(f"{where}: someone with titles is an official")
        for t in titles:
            if not isinstance(t, dict) or list(t.keys()) != ["title", "organization"]:
                errs.append(f"{where}: title {t!r} must be {{title, organization}}")
                continue
            title, org = t["title"], t["organization"]
            if not isinstance(title, str) or not title or squash(title) not in flat:
                errs.append(f"{where}: title {title!r} not in input")
            if org is not None and (not isinstance(org, str) or not org or WS.search(org)):
                errs.append(f"{where}: organization {org!r} must be a word or null")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(roles.items()))
    return errs, f"{len(people)} people ({summary})"


def _in_text(s: object, flat: str, ffl: str) -> bool:
    return isinstance(s, str) and bool(squash(s)) and (squash(s) in flat or fold(s) in ffl)


def _iso(s: object) -> bool:
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        date.fromisoformat(s)
    except ValueError:
        return False
    return True


def check_events(events: object, flat: str, ffl: str, people: set[str] | None,
                 headlines: set[object]) -> tuple[list[str], str]:
    """The optional ``events`` list: [{type, lead, participants, date: {text, start, end},
    targets, location, headline}] (tests/gold/README.md)."""
    errs: list[str] = []
    if not isinstance(events, list):
        return ["events must be a list"], ""
    types: dict[str, int] = {}
    for i, e in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(e, dict) or list(e.keys()) != EVENT_KEYS:
            errs.append(f"{where}: keys {list(e) if isinstance(e, dict) else e!r} != {EVENT_KEYS}")
            continue
        if e["type"] not in EVENT_TYPES:
            errs.append(f"{where}: type {e['type']!r} not one of {sorted(EVENT_TYPES)}")
        types[str(e["type"])] = types.get(str(e["type"]), 0) + 1
        lead, parts = e["lead"], e["participants"]
        if not isinstance(lead, str) or not lead or WS.search(lead) or not _in_text(lead, flat, ffl):
            errs.append(f"{where}: lead {lead!r} must be a name that occurs in the input")
        where = f"events[{i}] {e['type']} {lead}"
        if not isinstance(parts, list):
            errs.append(f"{where}: participants must be a list")
            parts = []
        for n in parts:
            if not isinstance(n, str) or not n or WS.search(n) or not _in_text(n, flat, ffl):
                errs.append(f"{where}: participant {n!r} must be a name that occurs in the input")
        if len(set(map(str, parts))) != len(parts) or lead in parts:
            errs.append(f"{where}: participants repeat a name or the lead")
        if people is not None:
            for n in [lead] + parts:
                if isinstance(n, str) and n not in people:
                    errs.append(f"{where}: {n} is not in the page's people")
        d = e["date"]
        if not isinstance(d, dict) or list(d.keys()) != ["text", "start", "end"]:
            errs.append(f"{where}: date {d!r} must be {{text, start, end}}")
        else:
            if d["text"] is not None and not _in_text(d["text"], flat, ffl):
                errs.append(f"{where}: date text {d['text']!r} not in input (or not null)")
            for k in ("start", "end"):
                if d[k] is not None and not _iso(d[k]):
                    errs.append(f"{where}: date {k} {d[k]!r} must be a YYYY-MM-DD date or null")
            if (d["start"] is None) != (d["end"] is None):
                errs.append(f"{where}: date start and end are both set or both null")
            elif d["start"] is not None and _iso(d["start"]) and _iso(d["end"]) and d["start"] > d["end"]:
                errs.append(f"{where}: date start after end")
            if d["text"] is None and d["start"] is not None:
                errs.append(f"{where}: a resolved date needs its text")
        targets = e["targets"]
        if not isinstance(targets, list):
            errs.append(f"{where}: targets must be a list")
            targets = []
        for t in targets:
            if not _in_text(t, flat, ffl):
                errs.append(f"{where}: target {t!r} not in input")
        if len(set(map(str, targets))) != len(targets):
            errs.append(f"{where}: a target is listed twice")
        if e["location"] is not None and not _in_text(e["location"], flat, ffl):
            errs.append(f"{where}: location {e['location']!r} not in input (or not null)")
        if e["headline"] not in headlines or e["headline"] is None:
            errs.append(f"{where}: headline {e['headline']!r} is not one of the page's articles")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(types.items()))
    return errs, f"{len(events)} events" + (f" ({summary})" if summary else "")


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(GOLD_DIR.glob("*.gold.json"))
    if not files:
        print("no gold files")
        return 1
    bad = 0
    for f in files:
        errs, summary = check(f)
        if errs:
            bad += 1
            print(f"FAIL {f.name}: {len(errs)} problem(s); {summary}")
            for e in errs[:20]:
                print(f"     - {e}")
        else:
            print(f"ok   {f.name}: {summary}")
    print(f"{len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
