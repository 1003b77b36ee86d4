"""``banmian tag`` and ``banmian eval ner``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from banmian.cli import cli
from banmian.errors import BanmianError

from .conftest import ROOT

PD = ROOT.parent / "shared" / "corpora" / "peoples-daily-1998-ner"


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


def test_tag_stdin_json_lines():
    text = "市委书记徐惠民在港闸区调研。\n\nHello world\n国家主席江泽民会见克林顿"
    result = run(["tag"], input=text)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 4
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == text.split("\n")
    for r in records:
        assert set(r) == {"text", "entities"}
        for e in r["entities"]:
            assert set(e) == {"start", "end", "type", "text"}
            assert e["type"] in ("PER", "ORG", "LOC")
            assert r["text"][e["start"]:e["end"]] == e["text"]
    assert records[1]["entities"] == [] and records[2]["entities"] == []
    assert {"text": "徐惠民", "type": "PER"}.items() <= records[0]["entities"][0].items() or any(
        e["text"] == "徐惠民" and e["type"] == "PER" for e in records[0]["entities"])


def test_tag_dash_and_file_agree(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes("\ufeff国务院总理朱镕基在北京会见日本客人。\r\n第二行，上海市\r\n".encode())
    from_file = run(["tag", str(f)]).output
    from_dash = run(["tag", "-"], input=f.read_text(encoding="utf-8-sig")).output
    assert from_file == from_dash
    first = json.loads(from_file.splitlines()[0])
    assert first["text"].startswith("国务院")  # BOM and CR are not part of the text


def test_tag_bad_utf8_does_not_crash(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("北京".encode() + b"\xff\xfe\xfa" + "上海".encode("gb18030") + b"\n")
    result = run(["tag", str(f)])
    assert result.exit_code == 0
    rec = json.loads(result.output)
    assert rec["text"].startswith("北京")


def test_tag_subprocess_stdout_is_only_json():
    """jieba's logger must not write to stdout (nor, silenced, to stderr)."""
    p = subprocess.run([sys.executable, "-m", "banmian", "tag"], input="江苏省南通市港闸区\n",
                       capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert p.returncode == 0, p.stderr
    assert [json.loads(line) for line in p.stdout.splitlines()][0]["text"] == "江苏省南通市港闸区"
    assert "Building prefix dict" not in p.stderr and "Loading model" not in p.stderr


def test_eval_ner_missing_corpus_is_one_line(tmp_path):
    with pytest.raises(BanmianError, match="not found"):
        CliRunner().invoke(cli, ["eval", "ner", "--corpus", str(tmp_path)], catch_exceptions=False)
    p = subprocess.run([sys.executable, "-m", "banmian", "eval", "ner", "--corpus", str(tmp_path / "nowhere")],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode != 0
    assert len(p.stderr.strip().splitlines()) == 1 and "not found" in p.stderr


@pytest.mark.skipif(not PD.is_dir(), reason="../shared/corpora/peoples-daily-1998-ner not present")
def test_eval_ner_table_on_small_corpus(tmp_path):
    # the first 100 sentences of dev, as a corpus of its own (fast)
    lines, sentences = [], 0
    for line in (PD / "example.dev").read_text(encoding="utf-8").splitlines():
        lines.append(line)
        if not line.strip():
            sentences += 1
            if sentences == 100:
                break
    (tmp_path / "example.dev").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(["eval", "ner", "--split", "dev", "--corpus", str(tmp_path)])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[2:]}
    assert {"PER", "ORG", "LOC", "overall"} <= set(rows)
    assert float(rows["overall"][-1]) > 0.5
    js = json.loads(run(["eval", "ner", "--split", "dev", "--corpus", str(tmp_path), "--format", "json"]).output)
    assert js["sentences"] == 100 and 0.5 < js["overall"]["f1"] <= 1
