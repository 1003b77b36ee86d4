#!/usr/bin/env python3
"""Silver evaluation on converter layout: People's Daily pages printed to PDF and
converted back with pdftotext, as ``scripts/gold/render_pages.py`` does for the gold
pages, but for pages no gold file uses.

The gold set holds about thirty pdftotext pages; this renders a deterministic
sample of the corpus's other ~460 pages (every ``--step``-th; page layout styles
rotated by a hash of the page) and scores headline, kicker, subtitle and paragraph detection against the
corpus's own title lines and paragraphs (``--layout``: the same pages through
``pdftotext -layout``, columns side by side; ``--pdf``: the PDFs themselves, read by
banmian's PDF reader; ``--pdfminer``: pdfminer.six's text boxes).  Silver, not gold: the rendering is
our own, bylines are not checked, and items without a body are rendered as
pictures without a caption.  Rendered text is cached (``--cache``, outside the repository:
the text is People's Daily copyright), so later runs only parse.

    python scripts/eval_rendered.py [--step 4] [--offset 0] [--layout | --pdf | --pdfminer] [--show 10] [--cache DIR]

Needs chromium and pdftotext (Debian: chromium, poppler-utils) for pages not yet cached.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from banmian.evaluation.parse_eval import Score
from banmian.pipeline import parse_source, parse_text
from banmian.stages.read import read_source

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gold"))
sys.path.insert(0, str(ROOT / "scripts"))
import render_pages as rp  # noqa: E402
from eval_crawl import fold, gold_page_keys  # noqa: E402  (the crawl silver's folding and exclusions)

# Page names printed in the folio of inside pages (rotated; the front page has the masthead).
PAGE_NAMES = ["要闻", "综合", "国际", "经济", "社会", "文化", "体育", "评论", "视点"]
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "banmian" / "rendered"


def page_spec(corpus: Path, day: str, page: str) -> rp.Page:
    h = int(hashlib.sha1(f"{day}-{page}".encode()).hexdigest(), 16)
    arts = rp.page_articles(corpus, rp.Page(day, page, None, "news2"))
    photos = tuple(a.aid.split("-")[2] for a in arts if not a.paragraphs and a.headline != "广告")
    if page == "01":
        return rp.Page(day, page, None, "front", photos=photos)
    styles = sorted(s for s in rp.STYLES if s != "front")
    return rp.Page(day, page, PAGE_NAMES[h % len(PAGE_NAMES)], styles[(h // 7) % len(styles)], photos=photos)


def rendered_pdf(corpus: Path, pg: rp.Page, cache: Path) -> Path:
    """The page printed to PDF (cached)."""
    pdf_path = cache / f"rmrb-{pg.date}-{pg.page}-{pg.style}.pdf"
    if not pdf_path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="banmian-render-") as tmp:
            html_path = Path(tmp) / "page.html"
            html_path.write_text(rp.page_html(corpus, pg), encoding="utf-8")
            rp.print_pdf(html_path, pdf_path)
    return pdf_path


def pdfminer_text(pdf_path: Path) -> str:
    """The page as pdfminer.six's ``extract_text`` leaves it (text boxes, blank lines
    between them; not a banmian dependency: ``pip install pdfminer.six`` to use it)."""
    import logging

    from pdfminer.high_level import extract_text

    logging.getLogger("pdfminer").setLevel(logging.ERROR)   # (font-descriptor warnings)
    return extract_text(str(pdf_path))


def rendered_text(corpus: Path, pg: rp.Page, cache: Path, layout: bool = False, converter: str = "pdftotext") -> str:
    """The page as ``pdftotext`` leaves it (reading order), as ``pdftotext -layout``
    does (columns side by side, as on the printed page), or as ``converter`` pdfminer does."""
    stem = f"rmrb-{pg.date}-{pg.page}-{pg.style}"
    if converter == "pdfminer":
        out = cache / f"{stem}.pdfminer.txt"
        if not out.exists():
            out.write_text(pdfminer_text(rendered_pdf(corpus, pg, cache)), encoding="utf-8")
        return out.read_text(encoding="utf-8")
    out = cache / (f"{stem}.layout.txt" if layout else f"{stem}.txt")
    if not out.exists():
        pdf_path = rendered_pdf(corpus, pg, cache)
        args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf_path), "-"]
        out.write_text(subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8"), encoding="utf-8")
    return out.read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=rp.DEFAULT_CORPUS)
    ap.add_argument("--step", type=int, default=4, help="every Nth page of those not in the gold set")
    ap.add_argument("--offset", type=int, default=0, help="start at this page of the sample (a second, disjoint sample)")
    ap.add_argument("--show", type=int, default=0, help="print this many pages with errors")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--layout", action="store_true", help="pdftotext -layout output (columns side by side)")
    mode.add_argument("--pdf", action="store_true", help="the PDFs, read by banmian's PDF reader (stages/read_pdf.py)")
    mode.add_argument("--pdfminer", action="store_true", help="pdfminer.six's extract_text output (pip install pdfminer.six)")
    args = ap.parse_args()
    gold = gold_page_keys()
    keys = sorted({tuple(f.stem.split("-")[:2]) for f in args.corpus.glob("*/*.txt")})
    keys = [k for k in keys if f"{k[0]}-{k[1]}" not in gold][args.offset:: args.step]
    headline, kicker, subtitle, paragraph, shown = Score(), Score(), Score(), Score(), 0
    for day, page in keys:
        pg = page_spec(args.corpus, day, page)
        arts = rp.page_articles(args.corpus, pg)
        if args.pdf:
            parsed = parse_source(read_source(rendered_pdf(args.corpus, pg, args.cache)))
        else:
            text = rendered_text(args.corpus, pg, args.cache, layout=args.layout,
                                 converter="pdfminer" if args.pdfminer else "pdftotext")
            parsed = parse_text(text, f"rmrb-{day}-{page}.txt")
        gold_h = [fold(a.headline) for a in arts if a.headline and a.headline != "广告"]
        gold_k = [(fold(a.headline), fold(a.kicker)) for a in arts if a.kicker and a.headline]
        gold_s = [(fold(a.headline), fold(a.subtitle)) for a in arts if a.subtitle and a.headline]
        pred_h = [fold(a.headline) for a in parsed.articles if a.headline and a.headline != "广告"]
        pred_k = [(fold(a.headline), fold(a.kicker)) for a in parsed.articles if a.kicker and a.headline]
        pred_s = [(fold(a.headline), fold(a.subtitle)) for a in parsed.articles if a.subtitle and a.headline]
        paragraph.add([fold(p) for a in parsed.articles for p in a.paragraphs],
                      [fold(p) for a in arts for p in a.paragraphs])
        headline.add(pred_h, gold_h)
        kicker.add(pred_k, gold_k)
        subtitle.add(pred_s, gold_s)
        if shown < args.show and set(pred_h) != set(gold_h):
            shown += 1
            print(f"{day}-{page} ({pg.style})", "missed:", sorted(set(gold_h) - set(pred_h))[:4],
                  "extra:", sorted(set(pred_h) - set(gold_h))[:4])
    how = ("banmian's PDF reader" if args.pdf else "pdftotext -layout" if args.layout
           else "pdfminer.six extract_text" if args.pdfminer else "pdftotext")
    print(f"{len(keys)} rendered pages, {how}")
    for name, s in (("headline", headline), ("kicker", kicker), ("subtitle", subtitle), ("paragraph", paragraph)):
        print(f"{name:<9} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (gold {s.gold}, pred {s.pred})")


if __name__ == "__main__":
    main()
