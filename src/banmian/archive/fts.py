"""Chinese full-text search with SQLite FTS5, without a C tokenizer.

Python's sqlite3 here cannot load tokenizer extensions and FTS5's ``trigram``
tokenizer never matches two-character queries (区长, 王斌).  So the text is
written into the index as space-separated tokens FTS5's default tokenizer
keeps whole: overlapping character bigrams of each Chinese run (高科技 →
``高科 科技``) and, in separate columns, single characters.  A query of two or
more characters becomes a phrase of its bigrams, which matches exactly where
the string occurs, whatever a word segmenter would have made of it (names
unknown to a dictionary, 曹金海, included); a one-character query searches the
unigram columns.  Latin words and numbers are kept whole (lowercased by FTS5).
This is the CJK bigram indexing of Lucene's CJKAnalyzer.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[0-9A-Za-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _is_latin(run: str) -> bool:
    return run[0] < "\u0100"


def index_tokens(text: str) -> tuple[str, str]:
    """``(bigrams, unigrams)`` token strings for one field."""
    bi: list[str] = []
    uni: list[str] = []
    for run in _RUN.findall(text or ""):
        if _is_latin(run):
            bi.append(run)
            uni.append(run)
            continue
        uni.extend(run)
        if len(run) == 1:
            bi.append(run)
        else:
            bi.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(bi), " ".join(uni)


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query, ``None`` when it has no searchable text.

    Every run of the query must occur (AND); runs of two or more Chinese
    characters are phrases of bigrams, single characters go to the unigram columns.
    """
    parts: list[str] = []
    for run in _RUN.findall(query):
        if _is_latin(run):
            parts.append(f'{{title_bi body_bi}} : "{run}"')
        elif len(run) == 1:
            parts.append(f'{{title_uni body_uni}} : "{run}"')
        else:
            phrase = " ".join(run[i : i + 2] for i in range(len(run) - 1))
            parts.append(f'{{title_bi body_bi}} : "{phrase}"')
    return " AND ".join(parts) if parts else None


def query_terms(query: str) -> list[str]:
    """The runs of a query, for highlighting snippets."""
    return _RUN.findall(query)
