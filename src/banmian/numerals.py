"""Page numbers written either way: ``02``, ``2``, ``二``, ``十二``; and the characters that
write a count (三十, 两, 几)."""

from __future__ import annotations

import cn2an

# Characters a count is written with (一位, 两局, 几十家, 数百人): no name or organization starts
# with a run of them (see extract.people, extract.entities).
COUNT_CHARS = "一二三四五六七八九十百千两几数多"


def page_number(text: str | None) -> int | None:
    """Arabic or Chinese numeral → int, ``None`` when it is neither."""
    if not text:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return int(value) if value == int(value) and value > 0 else None
