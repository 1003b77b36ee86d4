"""One fixture archive shared by the store, CLI (and later API/browser) tests.

Pages: the bundled example (港闸, 2020-04-28) and three small pages written
here in plain converter style, so that dates, pages and bylines vary.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import EXAMPLE

PAGES = {
    "gangzha-2020-04-28-01.txt": None,  # the example page
    "gangzha-2020-05-06-01.txt": "\n".join([
        "2020年5月6日 星期三 第1版 要闻",
        "",
        "区政府召开常务会议",
        "",
        "本报记者 王小明",
        "5日，区委副书记、区长曹金海主持召开区政府常务会议，研究部署高科技产业项目建设。",
        "区领导王斌参加会议。",
    ]),
    "gangzha-2020-05-06-02.txt": "\n".join([
        "2020年5月6日 星期三 第2版 综合",
        "",
        "港闸街道开展垃圾分类宣传",
        "",
        "近日，港闸街道组织志愿者走进社区，宣传垃圾分类知识，发放宣传资料两千余份。",
        "李华",
    ]),
    "gangzha-2020-06-01-03.txt": "\n".join([
        "2020年6月1日 星期一 第3版 民生",
        "",
        "港口物流园区扩建工程开工",
        "",
        "本报讯 港口物流园区扩建工程日前开工，计划明年建成，将新增仓储面积五万平方米。",
    ]),
}


def write_pages(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        if text is None:
            shutil.copy(EXAMPLE, folder / name)
        else:
            (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder
