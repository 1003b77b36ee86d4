"""Serialize an Edition: JSON (the contract), markdown (a clean reading copy), plain text."""

from __future__ import annotations

import json

from .model import Article, Edition

ROLE_LABEL = {
    "reporter": "记者",
    "correspondent": "通讯员",
    "photographer": "摄影",
    "editor": "编辑",
    "author": "作者",
    "unknown": "",
}
KIND_LABEL = {"photo": "图片", "teaser": "导读", "brief": "简讯", "notice": "公告", "advertisement": "广告"}


def to_json(edition: Edition, indent: int | None = 2) -> str:
    return json.dumps(edition.to_dict(), ensure_ascii=False, indent=indent)


def _byline_text(a: Article) -> str:
    groups: dict[str, list[str]] = {}
    for b in a.bylines:
        groups.setdefault(b.role, []).append(b.name)
    return "  ".join((ROLE_LABEL[r] + " " if ROLE_LABEL[r] else "") + " ".join(names) for r, names in groups.items())


def _edition_title(edition: Edition, page) -> str:
    parts = [edition.paper or "", edition.date.isoformat() if edition.date else ""]
    if page.number is not None:
        parts.append(f"第{page.number}版" + (f" {page.name}" if page.name else ""))
    return " · ".join(p for p in parts if p) or page.source


def to_markdown(edition: Edition) -> str:
    out: list[str] = []
    for page in edition.pages:
        out.append(f"# {_edition_title(edition, page)}\n")
        for a in page.articles:
            label = KIND_LABEL.get(a.kind)
            if a.kind == "teaser":
                where = f"（见第{a.refers_to.page}版）" if a.refers_to and a.refers_to.page else ""
                title = " ".join(x for x in (a.kicker, a.headline) if x)
                out.append(f"> **导读** {title}{where}\n")
                continue
            if a.kicker:
                out.append(f"*{a.kicker}*\n")
            heading = a.headline or (label or "")
            if heading:
                out.append(f"## {heading}\n")
            if a.subtitle:
                out.append(f"**{a.subtitle}**\n")
            if a.continued_from and a.continued_from.page:
                out.append(f"*（上接第{a.continued_from.page}版）*\n")
            if a.bylines:
                out.append(f"{_byline_text(a)}\n")
            for p in a.paragraphs:
                out.append(p + "\n")
            if a.caption:
                out.append(f"> 图：{a.caption}\n")
            if a.continues_to and a.continues_to.page:
                out.append(f"*（下转第{a.continues_to.page}版）*\n")
            out.append("---\n")
    return "\n".join(out).rstrip("-\n") + "\n"


def to_text(edition: Edition) -> str:
    out: list[str] = []
    for page in edition.pages:
        for a in page.articles:
            lines = [x for x in (a.kicker, a.headline, a.subtitle) if x]
            if a.bylines:
                lines.append(_byline_text(a))
            lines.extend(a.paragraphs)
            if a.caption:
                lines.append(a.caption)
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


RENDERERS = {"json": to_json, "markdown": to_markdown, "text": to_text}
