"""Accuracy floor of the shipped tagger on 200 sentences of the People's Daily 1998 test split.

Floors are pinned a few points below what the shipped model scores on this
sample (see src/banmian/ner/MODEL_CARD.md for the full-split scores); a drop
below them means the model or its features broke, not noise.
"""

from __future__ import annotations

import pytest

from banmian.ner import Tagger
from banmian.ner.corpus import read_bio, score

from .conftest import ROOT

TEST = ROOT.parent / "shared" / "corpora" / "peoples-daily-1998-ner" / "example.test"

# measured on this sample with the shipped model: see the comment in test_accuracy_floor
FLOORS = {"PER": 0.90, "ORG": 0.80, "LOC": 0.88, "overall": 0.88}


@pytest.mark.skipif(not TEST.is_file(), reason="../shared/corpora/peoples-daily-1998-ner not present")
def test_accuracy_floor():
    sentences = read_bio(TEST)[::23][:200]  # spread over the split
    assert len(sentences) == 200
    result = score(sentences, Tagger.load().spans)
    f1 = {t: c.f1 for t, c in result.by_type.items()} | {"overall": result.overall.f1}
    for kind, floor in FLOORS.items():
        assert f1[kind] >= floor, f"{kind} F1 {f1[kind]:.3f} < floor {floor}\n{result.table()}"
