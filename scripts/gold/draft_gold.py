#!/usr/bin/env python3
"""Draft gold annotations for the rendered pages (tests/gold/rmrb-*.txt).

This is the first step of annotation only: it reads the source articles, applies the
byline/kind conventions of tests/gold/README.md with simple rules, lists the page
furniture found in the rendered text, and writes ``<name>.gold.json``. Every draft was
then checked by hand against the source file and the rendered .txt and corrected; the
corrections are kept in OVERRIDES below, so that a re-draft reproduces the reviewed gold.
Existing gold files are never overwritten without --force; a forced re-draft keeps an
existing file's hand-annotated ``people`` and ``events`` lists.

Usage: python3 scripts/gold/draft_gold.py [--force] [NAME ...]   (NAME like rmrb-20191012-04)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render_pages as R  # noqa: E402

WS = re.compile(r"\s+")
NAME = r"[\u4e00-\u9fff·]{2,6}"


def norm(s: str) -> str:
    """Strip, and turn every run of whitespace (U+3000, NBSP, ...) into one ASCII space."""
    return WS.sub(" ", s).strip()


def split_names(s: str) -> list[str]:
    """'黄传庚  王志昊' -> two names; '龙  涛' / '李 舸 翁奇羽' -> padded 2-char names joined."""
    out: list[str] = []
    for part in re.split(r"[、，,]", s):
        toks = [t for t in WS.split(part.strip()) if t]
        i = 0
        while i < len(toks):
            if len(toks[i]) == 1 and i + 1 < len(toks) and len(toks[i + 1]) == 1:
                out.append(toks[i] + toks[i + 1])
                i += 2
            else:
                out.append(toks[i])
                i += 1
    return [n for n in out if n]


def byline_of(p: str) -> list[dict] | None:
    """Bylines if paragraph p is only a byline/credit, else None."""
    t = norm(p)
    m = re.fullmatch(r"（(?:本报)?(?:记者)?(.+?)(?:采访整理|参与采写)?）", t)
    if m and re.fullmatch(rf"{NAME}(、{NAME})*", m.group(1)):
        return [{"name": n, "role": "reporter"} for n in split_names(m.group(1))]
    m = re.fullmatch(r"(?:本报|新华社)?(记者|通讯员) (.+)", t)
    if m:
        role = "reporter" if m.group(1) == "记者" else "correspondent"
        return [{"name": n, "role": role} for n in split_names(m.group(2))]
    m = re.fullmatch(r"(.+?) ?摄(?:影报道|影)?(?:（[^）]*）)?", t)
    if m and all(re.fullmatch(NAME, n) for n in split_names(m.group(1))):
        return [{"name": n, "role": "photographer"} for n in split_names(m.group(1))]
    m = re.fullmatch(r"作词：(.+)", t)
    if m:
        return [{"name": n, "role": "author"} for n in split_names(m.group(1))]
    m = re.fullmatch(r"本版摄影：(.+)", t)
    if m:
        return [{"name": n, "role": "photographer"} for n in split_names(m.group(1))]
    m = re.fullmatch(r"本版文字由(.+)整理", t)
    if m:
        return [{"name": n, "role": "editor"} for n in split_names(m.group(1))]
    m = re.fullmatch(r"版式设计：(.+)", t)
    if m:
        return [{"name": n, "role": "unknown"} for n in split_names(m.group(1))]
    return None


def dateline_bylines(p: str) -> list[dict]:
    m = re.match(r"(?:据)?(?:本报|新华社)\S+?\d+月\d+日电 ?（(?:记者)?([^）]+)）", norm(p))
    if m and re.fullmatch(rf"{NAME}(、{NAME})*", m.group(1)):
        return [{"name": n, "role": "reporter"} for n in split_names(m.group(1))]
    return []


# Reviewed corrections: (article id) -> "kind"; "author_lines" (paragraphs that are a
# bare author name line -> that author); "byline_lines" (paragraphs that are a byline or
# credit the rules above misread -> [(name, role), ...]).
OVERRIDES: dict[str, dict] = {
    "20191012-01-04": {"author_lines": {"中华人民共和国主席 习近平": "习近平"}},
    "20191004-08-02": {"kind": "other"},      # song lyrics, one paragraph per line
    "20191004-08-03": {"author_lines": {"陈 涛": "陈涛", "王晓岭": "王晓岭", "孟庆云": "孟庆云",
                                        "何沐阳": "何沐阳"}},
    "20191012-01-06": {"kind": "brief"},
    "20191012-01-07": {"kind": "brief"},
    "20191013-01-04": {"kind": "notice"},
    "20191013-01-05": {"kind": "news"},
    "20191021-09-04": {"kind": "other"},
    # heldout2
    "20191014-05-02": {"byline_lines": {"（本报记者 刘成友整理）": [("刘成友", "reporter")]}},
    "20191014-05-04": {"byline_lines": {"曹 一图 于 石文": [("曹一", "author"), ("于石", "author")]}},
    "20191026-04-06": {"byline_lines": {"新华社记者 刘诗平摄": [("刘诗平", "photographer")]}},
    "20191026-04-07": {"kind": "notice"},     # appointments
    "20191031-11-05": {"byline_lines": {"本报记者 张武军摄影报道": [("张武军", "photographer")]}},
    # dev pages added for the events gold
    "20191014-04-05": {"byline_lines": {"新华社记者 詹 彦摄": [("詹彦", "photographer")]}},
    # heldout6
    "20191001-04-06": {"kind": "notice"},     # appointments
    "20191001-04-10": {"byline_lines": {"本报记者 范昊天摄": [("范昊天", "photographer")]}},
    # a dateline closer naming the reporters is their byline (one without a person stays)
    "20191014-03-01": {"byline_lines": {"（本报加德满都10月13日电 记者孙广勇、暨佩娟、王慧、赵益普、林芮）": [
        ("孙广勇", "reporter"), ("暨佩娟", "reporter"), ("王慧", "reporter"), ("赵益普", "reporter"),
        ("林芮", "reporter")]}},
    "20191014-03-06": {"byline_lines": {"新华社发": []}},     # agency credit: not caption, no person
    "20191028-05-05": {"byline_lines": {"勾 犇图 苏 砥文": [("勾犇", "author"), ("苏砥", "author")]}},
    "20191011-12-03": {"byline_lines": {"新华社记者 曹 灿摄": [("曹灿", "photographer")]}},
    # heldout7
    "20191017-02-02": {"byline_lines": {
        "（本报北京、罗马、首尔、墨西哥城、华沙、马德里、莫斯科、约翰内斯堡、柏林、华盛顿10月16日电 记者颜欢、韩硕、"
        "叶琦、马菲、刘旭霞、于洋、姜波、屈佩、李滢嫣、冯雪珺、吴乐珺）": [
            (n, "reporter") for n in ("颜欢", "韩硕", "叶琦", "马菲", "刘旭霞", "于洋", "姜波", "屈佩", "李滢嫣",
                                      "冯雪珺", "吴乐珺")]}},
}

BRIEF_MAX = 260   # body characters: a news item this short is a brief


def draft_article(art: R.Article, photos: tuple[str, ...]) -> dict:
    aa = art.aid.split("-")[2]
    ov = OVERRIDES.get(art.aid, {})
    bylines: list[dict] = []
    paras: list[str] = []
    authors = ov.get("author_lines", {})
    credits = ov.get("byline_lines", {})
    for p in art.paragraphs:
        t = norm(p)
        if not t:
            continue
        if t in authors:
            bylines.append({"name": authors[t], "role": "author"})
            continue
        if t in credits:
            bylines.extend({"name": n, "role": r} for n, r in credits[t])
            continue
        b = byline_of(t)
        if b is not None:
            bylines.extend(b)
            continue
        bylines.extend(dateline_bylines(t))
        paras.append(t)
    kind = "news"
    caption = None
    if not art.paragraphs and art.headline == "广告":
        kind = "advertisement"
    elif not art.paragraphs and art.headline == "启事":
        kind = "notice"
    elif aa in photos or (not art.paragraphs and art.headline.startswith("图片报道")):
        kind = "photo"
        caption = "\n".join(paras) if paras else None
        paras = []
    elif sum(len(p) for p in paras) <= BRIEF_MAX:
        kind = "brief"
    kind = ov.get("kind", kind)
    return {
        "kind": kind,
        "kicker": norm(art.kicker) or None,
        "headline": norm(art.headline),
        "subtitle": norm(art.subtitle) or None,
        "bylines": bylines,
        "paragraphs": paras,
        "caption": caption,
        "continues_to": None, "continued_from": None, "refers_to": None,
    }


def furniture(txt: str, arts: list[R.Article]) -> list[str]:
    flat = "".join(WS.sub("", x) for a in arts
                   for x in [a.kicker, a.headline, a.subtitle] + a.paragraphs)
    out = []
    for line in txt.split("\n"):
        t = line.strip().lstrip("\f").strip()
        if t and WS.sub("", t.lstrip("#")) not in flat:      # '# headline' is article text
            out.append(t)
    return out


# The first held-out split (20191015-13, 20191022-19, 20191029-11, 20191030-17) was
# looked at while tuning the parser on 2026-11-25 and is now part of dev.
HELDOUT: set[str] = set()
# The second held-out split (20191006-06, 20191014-05, 20191023-17, 20191024-01, 20191026-04,
# 20191031-11) was scored, reported, and then joined dev on 2026-11-25 (session 3).
HELDOUT2: set[str] = set()
# The fifth held-out split (20191010-01, 20191016-09, 20191008-11, with six 都市快报 pages of
# crawl_pages.py) was scored, reported, and then joined dev in session 6.
HELDOUT5: set[str] = set()
# The sixth held-out split: five fresh pages of the rendered-silver sample --offset 3 (the
# least-seen one), drafted and reviewed by hand before the parser was run on them.
HELDOUT6: set[str] = {"rmrb-20191027-01", "rmrb-20191001-04", "rmrb-20191014-03",
                      "rmrb-20191028-05", "rmrb-20191011-12"}
# The seventh held-out split: five more fresh pages of that sample (a front page, three 要闻
# pages and a local page, chosen for leaders' activities and titled people), drafted and
# reviewed by hand, and given people, events, organizations and places by hand, blind.
HELDOUT7: set[str] = {"rmrb-20191014-01", "rmrb-20191017-02", "rmrb-20191015-04",
                      "rmrb-20191018-02", "rmrb-20191029-16"}
# The eighth held-out split: five local pages of 深圳特区报 (a city party paper), crawled text
# (scripts/gold/crawl_pages.py SZTQB_PAGES), annotated entirely by hand and blind. This script
# never drafts them (they are no rmrb pages); the set records the split.
HELDOUT8: set[str] = {"sztqb-20170303-A01", "sztqb-20170303-x", "sztqb-20170304-x",
                      "sztqb-20170307-x", "sztqb-20170307-y"}


def split_of(page: str) -> str:
    """Split of a page (``rmrb-YYYYMMDD-PP``, both layouts): heldout, heldout2, heldout5,
    heldout6, heldout7, heldout8 or dev."""
    if page in HELDOUT:
        return "heldout"
    if page in HELDOUT2:
        return "heldout2"
    if page in HELDOUT5:
        return "heldout5"
    if page in HELDOUT6:
        return "heldout6"
    if page in HELDOUT7:
        return "heldout7"
    if page in HELDOUT8:
        return "heldout8"
    return "dev"


HAND_KEYS = ("people", "events", "organizations", "places")   # annotated by hand, in this order after "articles"


def keep_hand(path: Path) -> dict:
    """The hand-annotated ``people``, ``events``, ``organizations`` and ``places`` lists of an existing gold file (kept by
    --force), in HAND_KEYS order; keys the file does not have are left out."""
    if not path.exists():
        return {}
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(old, dict):
        return {}
    return {k: old[k] for k in HAND_KEYS if old.get(k) is not None}


def keep_variants(path: Path) -> dict | None:
    """The ``variants`` map (e.g. ``{"pdf": "rmrb-….pdf"}``) of an existing gold file, kept by
    --force: the PDF of a page is kept by hand (``render_pages.py --keep-pdf``), not drafted."""
    if not path.exists():
        return None
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return old.get("variants") if isinstance(old, dict) else None


def keep_people(path: Path) -> list | None:
    """The hand-annotated ``people`` list of an existing gold file (kept by --force)."""
    return keep_hand(path).get("people")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--corpus", type=Path, default=R.DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    for pg in R.PAGES:
        arts = R.page_articles(args.corpus, pg)
        for suffix, layout in [("", "pdftotext"), ("-md", "markdownify")]:
            if suffix and not pg.markdown:
                continue
            name = f"rmrb-{pg.date}-{pg.page}{suffix}"
            if args.names and name not in args.names:
                continue
            txt_path = R.OUT_DIR / f"{name}.txt"
            out = R.OUT_DIR / f"{name}.gold.json"
            if out.exists() and not args.force:
                print(f"{out.name}: exists, kept")
                continue
            d = pg.date
            variants = keep_variants(out)
            gold = {
                "input": txt_path.name,
                **({"variants": variants} if variants else {}),
                "source": (f"People's Daily {d[:4]}-{d[4:6]}-{d[6:]} page {int(pg.page)}, articles "
                           f"{arts[0].aid}..{arts[-1].aid.split('-')[2]} from ../shared/corpora/rmrb-2019-10 "
                           "(copyright People's Daily; evaluation use only), rendered by "
                           "scripts/gold/render_pages.py"),
                "layout": layout,
                # Held-out pages are scored but not looked at while tuning the parser.
                "split": split_of(f"rmrb-{pg.date}-{pg.page}"),
                "paper": "人民日报",
                "date": f"{d[:4]}-{d[4:6]}-{d[6:]}",
                "page": int(pg.page),
                "page_name": pg.page_name,
                "boilerplate": furniture(txt_path.read_text(encoding="utf-8"), arts),
                "articles": [draft_article(a, pg.photos) for a in arts],
            }
            # people and events are annotated by hand (tests/gold/README.md), never drafted
            gold.update(keep_hand(out))
            out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{out.name}: drafted, {len(gold['articles'])} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
