#!/usr/bin/env python3
"""Print the test fixture ``tests/fixtures/pdf/qinghe-20240514-01.pdf``: an invented
county-paper front page (青禾日报: every name, place and text below is made up) set
as e-paper PDFs set it — masthead and folio, kicker / headline / subtitle in their type
sizes, text in two columns broken mid-sentence, bylines, a jump marker, a photo caption
with its photographer, a second article under a one-deck headline; and
``vertical-title.pdf``, a brief under a headline set vertically (竖排) in two columns.

    python scripts/make_pdf_fixture.py [--out PATH]    (the vertical-title page goes next to it)

Needs headless Chromium and a CJK font (Debian: chromium, fonts-noto-cjk), as the gold
renderer (scripts/gold/render_pages.py) does.  The tests read the committed PDF; run this
only to change the page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gold"))
from render_pages import print_pdf  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "pdf" / "qinghe-20240514-01.pdf"
# A brief under a headline set vertically (竖排), long enough to wrap into two columns.
VERTICAL_OUT = OUT.with_name("vertical-title.pdf")
VERTICAL_HTML = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: "Noto Sans CJK SC"; font-size: 10pt; }
.vertical { writing-mode: vertical-rl; font-size: 22pt; float: left; height: 45mm; margin-right: 4mm; }
</style></head><body>
<div class="vertical">春回大地万物生</div>
<p>本报讯 近日，全县各地气温回升，田间地头一派繁忙景象。县农业农村局组织农技人员深入田间，指导农户做好春耕春播。</p>
</body></html>"""

PARAGRAPHS_1 = [
    "本报讯 13日上午，县委书记林望川带队到青禾经济开发区调研重点项目建设，察看了禾丰新材料有限公司年产五万吨环保涂料项目和县物流园二期工地，"
    "详细了解项目进度、用工保障和存在的困难。",
    "林望川强调，项目建设是稳增长的主抓手，各部门要主动靠前服务，把问题解决在一线，确保项目早建成、早投产、早见效。",
    "县委常委、常务副县长苏明远，县发改委、县自然资源局负责同志参加调研。",
]
PARAGRAPHS_2 = [
    "本报讯 近日，县图书馆新馆正式向市民开放。新馆建筑面积一万二千平方米，设有少儿阅览区、地方文献区和二十四小时自助借阅室，"
    "藏书量达到四十万册。开馆当天，不少家长带着孩子前来借书，馆内座无虚席。",
    "县文化和旅游局负责人介绍，新馆将与各镇街分馆实现通借通还，让群众在家门口就能读到好书。（下转2版）",
]
CAPTION = "5月12日，青禾县东湖湿地公园游人如织，市民在花海中休闲赏景。"


def page_html() -> str:
    body1 = "".join(f"<p>{p}</p>" for p in PARAGRAPHS_1)
    body2 = "".join(f"<p>{p}</p>" for p in PARAGRAPHS_2)
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: 210mm 297mm; margin: 12mm; }}
body {{ font-family: "Noto Sans CJK SC"; font-size: 10pt; line-height: 1.55; }}
.masthead {{ font-size: 40pt; font-weight: 900; }}
.folio {{ font-family: "Noto Sans CJK SC"; font-size: 8.5pt; border-bottom: 1px solid #000; margin-bottom: 6mm; }}
.kicker {{ font-family: "Noto Sans CJK SC"; font-size: 13pt; text-align: center; }}
h1 {{ font-family: "Noto Sans CJK SC"; font-size: 26pt; text-align: center; margin: 1mm 0; }}
h2 {{ font-family: "Noto Sans CJK SC"; font-size: 20pt; text-align: center; margin: 6mm 0 2mm 0; }}
.subtitle {{ font-family: "Noto Sans CJK SC"; font-size: 13pt; text-align: center; margin-bottom: 3mm; }}
.cols {{ column-count: 2; column-gap: 8mm; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
.byline {{ font-family: "Noto Sans CJK SC"; font-size: 9pt; text-align: right; margin-top: 1mm; }}
.photo {{ height: 35mm; background: #ccc; margin-top: 6mm; }}
.caption {{ font-family: "Noto Sans CJK SC"; font-size: 9pt; margin-top: 1mm; }}
</style></head><body>
<div class="masthead">青禾日报</div>
<div class="folio">2024年5月14日 星期二 第1版 要闻 责任编辑：吴晓雨</div>
<div class="kicker">聚焦项目一线 助力经济攀升</div>
<h1>林望川调研重点项目建设</h1>
<div class="subtitle">——要求主动靠前服务确保项目早见效</div>
<div class="cols">{body1}</div>
<div class="byline">记者 何清源 通讯员 刘佳</div>
<h2>县图书馆新馆开放</h2>
<div class="cols">{body2}</div>
<div class="byline">记者 周若溪</div>
<div class="photo"></div>
<div class="caption">{CAPTION} 陈立衡 摄</div>
</body></html>"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for html, out in ((page_html(), args.out), (VERTICAL_HTML, args.out.with_name(VERTICAL_OUT.name))):
        with tempfile.TemporaryDirectory(prefix="banmian-fixture-") as tmp:
            html_path = Path(tmp) / "page.html"
            html_path.write_text(html, encoding="utf-8")
            print_pdf(html_path, out)
        print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
