"""Data files: a bad entry is named by file and line; generated data matches its source."""

from __future__ import annotations

import subprocess
import sys

import pytest

from banmian.errors import DataFileError
from banmian.resources import load_char_map, load_word_list
from banmian.stages.furniture import load_furniture
from banmian.stages.markers import load_markers

from .conftest import ROOT


def test_shipped_data_files_load():
    load_furniture()
    load_markers()


def test_bad_pattern_names_file_and_line(tmp_path):
    f = tmp_path / "furniture.yaml"
    f.write_text("labels:\n  - '官方微信'\n  - '(unclosed'\nfolio_tokens:\n  anchors: []\n  others: []\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_furniture(f)
    assert "line 3" in str(info.value) and str(f) in str(info.value)


def test_bad_yaml_names_line(tmp_path):
    f = tmp_path / "markers.yaml"
    f.write_text("sentence_final: '。'\nteasers: [\n  - x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line"):
        load_markers(f)


def test_missing_key_is_named(tmp_path):
    f = tmp_path / "furniture.yaml"
    f.write_text("labels: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="folio_tokens"):
        load_furniture(f)


def test_word_list_rejects_entries_with_spaces(tmp_path):
    f = tmp_path / "surnames.txt"
    f.write_text("# comment\n王\n李 四\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 3"):
        load_word_list(f)


def test_char_map_rejects_bad_rows(tmp_path):
    f = tmp_path / "map.tsv"
    f.write_text("# x\n⼈\t人\tNFKC\n⼈⼈\t人\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 3"):
        load_char_map(f)


def test_radicals_table_matches_its_generator():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_radicals.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_short_county_entry_is_checked(tmp_path):
    from banmian.extract.entities import load_rules
    from banmian.resources import data_path

    text = data_path("entities.yaml").read_text(encoding="utf-8")
    bad = text.replace("verb_ends: {任: 担出聘", "verb_ends: {任任: 担出聘")
    assert bad != text
    f = tmp_path / "entities.yaml"
    f.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError, match="short_county.verb_ends.*entities.yaml|entities.yaml.*short_county"):
        load_rules(f)
