"""The tagger's data files: shipped derived lists match what their scripts build from the corpora."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from banmian.ner import gazetteer
from banmian.ner.corpus import read_bio
from banmian.ner.lexicons import translit_chars, word_lists
from banmian.ner.tagger import default_model_path

from .conftest import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"
needs_shared = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora not present")


def meta() -> dict:
    return json.loads(default_model_path().with_suffix(".json").read_text(encoding="utf-8"))


def test_word_lists_load():
    lists = word_lists()
    assert {"T", "O", "P", "S"} <= set(lists)
    assert "书记" in lists["T"] and "公司" in lists["O"] and "街道" in lists["P"] and "曹" in lists["S"]
    assert "斯" in translit_chars()


def test_model_settings_name_existing_lexicons():
    m = meta()
    known = set(word_lists()) | set(gazetteer.CATEGORY.values())
    assert set(m["lexicons"]) <= known
    if m.get("gazetteer"):
        names = gazetteer.read(default_model_path().parent / m["gazetteer"])
        for kind in m["training"]["gazetteer_types"].split(","):
            assert names[kind], f"gazetteer holds no {kind} names"


@needs_shared
def test_cluener_lexicons_match_their_script():
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "ner" / "build_lexicons.py"), "--check",
                        "--corpora", str(CORPORA)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr


@needs_shared
def test_gazetteer_matches_training_text():
    m = meta()
    if not m.get("gazetteer"):
        pytest.skip("model has no gazetteer")
    msra = CORPORA / "msra-ner" / "train.bio"
    names = gazetteer.select(gazetteer.count_names(read_bio(msra)),
                             min_count=m["training"]["gazetteer_min_count"],
                             types=m["training"]["gazetteer_types"].split(","))
    shipped = (default_model_path().parent / m["gazetteer"]).read_text(encoding="utf-8")
    assert shipped == gazetteer.render(names)


@needs_shared
def test_model_trained_on_these_corpora():
    """The model's recorded training files are the ones in ../shared (same bytes)."""
    for rel, digest in meta()["training"]["sources"].items():
        assert hashlib.sha256((CORPORA / rel).read_bytes()).hexdigest() == digest, rel
    assert not any("peoples-daily" in rel for rel in meta()["training"]["sources"])
