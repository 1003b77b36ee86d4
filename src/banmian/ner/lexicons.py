"""The word lists the tagger's lexicon features match (``banmian/ner/data``; the tried
groups' lists in ``scripts/ner/data``).

Hand-curated lists (``titles.txt``, ``org_suffixes.txt``,
``place_suffixes.txt``) sit next to lists derived from CLUENER2020 by
``scripts/ner/build_lexicons.py`` (``*.cluener.txt``); the surname list is the
parser's ``banmian/data/surnames.txt``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataFileError
from ..resources import load_word_list, surnames

NER_DATA = "banmian.ner.data"
# Lists only the tried feature groups read (``wpos``, ``clus``, the ``CO`` lexicon; none is in the
# shipped model, see its card): kept with the training scripts, out of the installed package.
EXPERIMENT_DATA = Path(__file__).resolve().parents[3] / "scripts" / "ner" / "data"
EXPERIMENT_FILES = frozenset({"jieba_pos.txt", "word_clusters.txt", "org_names.cluener.txt"})

# category -> files (hand-curated first, then derived)
CATEGORIES: dict[str, tuple[str, ...]] = {
    "T": ("titles.txt", "titles.cluener.txt"),
    "O": ("org_suffixes.txt", "org_suffixes.cluener.txt"),
    "P": ("place_suffixes.txt",),
    "CO": ("org_names.cluener.txt",),  # tried, not in the shipped model (see the model card)
}


def ner_data_path(name: str) -> Path:
    """A lexicon file: the package's, or for the tried groups' lists the training scripts'
    (present in a source checkout only)."""
    if name in EXPERIMENT_FILES:
        return EXPERIMENT_DATA / name
    return Path(str(resources.files(NER_DATA).joinpath(name)))


@lru_cache(maxsize=None)
def word_lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, tuple[str, ...]] = {}
    for cat, files in CATEGORIES.items():
        words: list[str] = []
        for name in files:
            path = ner_data_path(name)
            if path.exists():
                words.extend(load_word_list(path))
        lists[cat] = tuple(dict.fromkeys(words))
    lists["S"] = tuple(sorted(surnames()))
    # the jieba dictionary's organization / place / other proper names (two characters or
    # more), matched as substrings wherever jieba cut the text (the pos group sees only its cut)
    for cat, tag in JIEBA_CATEGORIES.items():
        lists[cat] = tuple(w for w, t in jieba_tags().items() if t == tag and len(w) > 1)
    return lists


# lexicon category -> jieba dictionary tag
JIEBA_CATEGORIES = {"JT": "nt", "JS": "ns", "JZ": "nz"}


@lru_cache(maxsize=None)
def translit_chars() -> frozenset[str]:
    return frozenset(load_word_list(ner_data_path("translit_chars.txt")))


def _word_tags(name: str) -> dict[str, str]:
    """word -> tag from a ``word<TAB>tag`` lexicon file (``#`` lines are comments)."""
    out: dict[str, str] = {}
    path = ner_data_path(name)
    if not path.exists():
        raise DataFileError("data file not found (a tried feature group's list: see the model card)",
                            source=str(path))
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, _, tag = line.rstrip("\n").partition("\t")
            out[word] = tag
    return out


@lru_cache(maxsize=None)
def jieba_tags() -> dict[str, str]:
    """word -> nr / ns / nt / nz for the proper-name words of jieba's dictionary."""
    return _word_tags("jieba_tags.txt")


@lru_cache(maxsize=None)
def jieba_pos() -> dict[str, str]:
    """word -> part-of-speech tag for jieba dictionary words that are not nouns, idioms or names
    (the ``wpos`` feature group)."""
    return _word_tags("jieba_pos.txt")


CLUSTERS_NAME = "word_clusters.txt"


def load_word_clusters(path: str | Path) -> dict[str, tuple[str, ...]]:
    """word -> its cluster ids, coarse to fine, from a ``word<TAB>id<TAB>id…`` file (``#`` lines are
    comments; built by ``scripts/ner/build_clusters.py``).  A bad line raises ``DataFileError``
    naming the file and the line."""
    path = Path(path)
    out: dict[str, tuple[str, ...]] = {}
    width = 0
    try:
        f = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("data file not found", source=str(path)) from None
    with f:
        try:
            for number, raw in enumerate(f, start=1):
                if raw.startswith("#") or not raw.strip():
                    continue
                word, *ids = raw.rstrip("\n").split("\t")
                if not word or any(ch.isspace() for ch in word):
                    raise DataFileError(f"line {number}: word {word!r} is empty or contains whitespace",
                                        source=str(path))
                if not ids or not all(i.isdigit() for i in ids) or (width and len(ids) != width):
                    raise DataFileError(f"line {number}: {word!r} needs {width or 'one or more'} numeric "
                                        f"cluster ids, got {ids!r}", source=str(path))
                if word in out:
                    raise DataFileError(f"line {number}: {word!r} listed twice", source=str(path))
                width = len(ids)
                out[word] = tuple(ids)
        except UnicodeDecodeError as e:
            raise DataFileError(f"not UTF-8 ({e.reason})", source=str(path)) from None
    return out


@lru_cache(maxsize=None)
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Distributional clusters of jieba words (64 / 256 / 1024 clusters) for the ``clus`` feature
    group, keyed by the word as the features normalize it (see the model card)."""
    return load_word_clusters(ner_data_path(CLUSTERS_NAME))
