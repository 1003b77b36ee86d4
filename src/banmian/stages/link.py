"""Link: give articles stable ids and join jumps across the pages of an edition.

Reads: pages with articles.  Assigns: ``Article.id`` (content-derived, so
re-parsing the same input gives the same ids) and the ``article`` of
``continues_to`` / ``continued_from`` / ``refers_to`` when the target page is
in the edition.
"""

from __future__ import annotations

import hashlib
from datetime import date as Date

from ..model import Article, Page


def article_id(paper: str | None, day: Date | None, page: int | str | None, a: Article) -> str:
    first = a.paragraphs[0][:80] if a.paragraphs else (a.caption or "")[:80]
    key = "\x1f".join([paper or "", day.isoformat() if day else "", str(page or ""), a.kind,
                       a.kicker or "", a.headline or "", first])
    return "a" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def assign_ids(page: Page, paper: str | None, day: Date | None) -> None:
    seen: dict[str, int] = {}
    for a in page.articles:
        # (a sectioned page's letter goes with its number: A4 and B4 are two pages)
        base = article_id(paper, day, f"{page.section}{page.number}" if page.section else page.number, a)
        count = seen.get(base, 0)
        seen[base] = count + 1
        a.id = base if count == 0 else f"{base}-{count + 1}"


def _similar(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return False
    return x == y or x in y or y in x


def link_pages(pages: list[Page]) -> None:
    """Connect 下转N版 parts with their 上接 continuations, and teasers with their targets."""
    # (section, number): a jump on a sectioned paper's page stays in its section (A04 下转2版 → A02)
    by_number: dict[tuple[str | None, int], Page] = {(p.section, p.number): p for p in pages if p.number is not None}
    for page in pages:
        for a in page.articles:
            ref = a.continues_to
            if ref and (page.section, ref.page) in by_number:
                target = by_number[(page.section, ref.page)]
                candidates = [b for b in target.articles
                              if b.continued_from and b.continued_from.page in (page.number, None)]
                match = [b for b in candidates if _similar(b.headline, a.headline)] or (
                    candidates if len(candidates) == 1 else [])
                if match:
                    ref.article = match[0].id
                    match[0].continued_from.article = a.id  # type: ignore[union-attr]
            ref = a.refers_to
            if ref and (page.section, ref.page) in by_number:
                match = [b for b in by_number[(page.section, ref.page)].articles
                         if b.kind != "teaser" and _similar(b.headline, a.headline)]
                if len(match) == 1:
                    ref.article = match[0].id
