"""Page numbers written either way: ``02``, ``2``, ``二``, ``十二``."""

from __future__ import annotations

import cn2an


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
