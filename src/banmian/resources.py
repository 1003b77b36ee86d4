"""Loaders for the data files under ``banmian/data``.

Patterns, marker words and lexicons live in data files, not code.  A bad entry
is reported with its file and line (as jieba's dictionary loader does), so a
user editing a pattern list learns exactly what to fix.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

DATA_PACKAGE = "banmian.data"


class LineStr(str):
    """A string from a YAML file that remembers the line it came from."""

    line: int = 0


def _construct(node: yaml.Node, path: str) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":str") or node.style in ("'", '"'):
            s = LineStr(node.value)
            s.line = node.start_mark.line + 1
            return s
        return yaml.safe_load(node.value) if node.value else None
    if isinstance(node, yaml.SequenceNode):
        return [_construct(n, path) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            out[str(key_node.value)] = _construct(value_node, path)
        return out
    raise DataFileError(f"unsupported YAML node at line {node.start_mark.line + 1}", source=path)


def data_path(name: str) -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def load_yaml(path: str | Path) -> dict[str, Any]:
    """Load a YAML data file; every string value is a :class:`LineStr`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
    except FileNotFoundError:
        raise DataFileError("data file not found", source=str(path)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise DataFileError(f"{where}not valid YAML ({getattr(e, 'problem', e)})", source=str(path)) from None
    if node is None:
        return {}
    data = _construct(node, str(path))
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping at the top level", source=str(path))
    return data


def compile_pattern(pattern: Any, path: str | Path, flags: int = 0) -> re.Pattern[str]:
    """Compile one regex entry, naming file and line when it is bad."""
    line = getattr(pattern, "line", "?")
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(f"line {line}: expected a non-empty pattern string, got {pattern!r}", source=str(path))
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise DataFileError(f"line {line}: bad pattern {pattern!r}: {e}", source=str(path)) from None


def require(data: dict[str, Any], key: str, path: str | Path, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise DataFileError(f"missing key {key!r}", source=str(path))
    value = data[key]
    if not isinstance(value, kind):
        raise DataFileError(f"key {key!r} should be {getattr(kind, '__name__', kind)}", source=str(path))
    return value


def load_word_list(path: str | Path) -> list[str]:
    """A line-based list: one entry a line, ``#`` comments, no spaces inside."""
    path = Path(path)
    words: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError("data file not found", source=str(path)) from None
    except UnicodeDecodeError as e:
        raise DataFileError(f"not UTF-8 ({e.reason})", source=str(path)) from None
    for number, raw in enumerate(lines, start=1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        if any(ch.isspace() for ch in entry):
            raise DataFileError(f"line {number}: entry {entry!r} contains whitespace", source=str(path))
        words.append(entry)
    return words


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(load_word_list(data_path("surnames.txt")))


@lru_cache(maxsize=None)
def surname_ranks() -> dict[str, int]:
    """Each surname's rank in ``surnames.txt`` (ordered by frequency: 王 0, 李 1…)."""
    return {s: k for k, s in enumerate(load_word_list(data_path("surnames.txt")))}


@lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    """Common two-character words that are no personal names (generated from jieba's
    dictionary by ``scripts/build_common_words.py``)."""
    return frozenset(load_word_list(data_path("common_words.txt")))


@lru_cache(maxsize=None)
def common_nouns() -> frozenset[str]:
    """The nouns among :func:`common_words` (贸易, 旅游, 环保)."""
    return frozenset(load_word_list(data_path("common_nouns.txt")))


def load_char_map(path: str | Path) -> dict[str, str]:
    """A TSV of ``char<TAB>replacement[<TAB>note]`` rows; one character each side."""
    path = Path(path)
    table: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 2 or len(cols[0]) != 1 or len(cols[1]) != 1:
            raise DataFileError(f"line {number}: expected 'char<TAB>char', got {raw!r}", source=str(path))
        table[cols[0]] = cols[1]
    return table
