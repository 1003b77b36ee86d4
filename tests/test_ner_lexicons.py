"""The tagger's data files: shipped derived lists match what their scripts build from the corpora."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from banmian.ner import gazetteer
from banmian.ner.corpus import read_bio
from banmian.errors import DataFileError
from banmian.ner.lexicons import load_word_clusters, translit_chars, word_clusters, word_lists
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


def test_word_clusters_load():
    clusters = word_clusters()
    assert len(clusters) > 10_000
    assert {len(ids) for ids in clusters.values()} == {3}
    # nested granularities: a word's 1024-cluster lies inside one 256-cluster, which lies in one 64
    fine_to_mid = {}
    for a, b, c in clusters.values():
        assert fine_to_mid.setdefault(c, (a, b)) == (a, b)
    assert clusters["北京"][2] == clusters["上海"][2]


def test_word_cluster_loader_names_file_and_line(tmp_path):
    bad = tmp_path / "clusters.txt"
    bad.write_text("# comment\n北京\t1\t2\t3\n上海\t1\tx\t3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"clusters\.txt.*line 3"):
        load_word_clusters(bad)
    bad.write_text("北京\t1\t2\t3\n北京\t1\t2\t3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2.*twice"):
        load_word_clusters(bad)
    bad.write_text("北京\t1\t2\t3\n上海\t1\t2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        load_word_clusters(bad)


@needs_shared
def test_word_clusters_match_their_script():
    """The shipped clusters are what scripts/ner/build_clusters.py builds (needs the `train` extra)."""
    for mod in ("numpy", "scipy", "sklearn"):
        pytest.importorskip(mod)
    if not (CORPORA / "rmrb-2019-10").is_dir():
        pytest.skip("../shared/corpora/rmrb-2019-10 not present")
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "ner" / "build_clusters.py"), "--check",
                        "--corpora", str(CORPORA)], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
