"""The command line: output formats, and one clear line per bad file."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from banmian.cli import cli

from .conftest import EXAMPLE


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_parse_json_markdown_text():
    r = run("parse", EXAMPLE, "--date", "2020-04-28")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["date"] == "2020-04-28" and len(doc["pages"][0]["articles"]) == 6
    md = run("parse", EXAMPLE, "--format", "markdown").stdout
    assert "## 把争当“桥头堡、排头兵”落到实处" in md and "（下转第2版）" in md
    txt = run("parse", EXAMPLE, "--format", "text").stdout
    assert "增强群众幸福感获得感" in txt and "##" not in txt


def test_bad_date_is_a_usage_error():
    r = run("parse", EXAMPLE, "--date", "2020-13-01")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_mixed_folder_reports_each_bad_file_and_keeps_the_good(tmp_path):
    (tmp_path / "good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 40)
    proc = subprocess.run([sys.executable, "-m", "banmian", "parse", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3, proc.stderr
    for name in ("empty.txt", "scan.png", "bad.txt"):
        assert sum(name in e for e in errors) == 1
    assert all(e.startswith("banmian: error: E1") for e in errors)
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    assert len(doc["pages"]) == 2
    assert doc["pages"][0]["articles"] == doc["pages"][1]["articles"] or len(doc["pages"][1]["articles"]) == 6


def test_missing_file_exit_status_and_one_line():
    proc = subprocess.run([sys.executable, "-m", "banmian", "parse", "no/such/page.txt"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "banmian: error: E106 no/such/page.txt: no such file"
    assert proc.stdout == ""


def test_version_and_help():
    assert run("--version").exit_code == 0
    assert "Parse page files" in run("parse", "--help").output


def test_eval_prints_a_table():
    r = run("eval")
    assert r.exit_code == 0, r.output
    assert "headline" in r.stdout and "paragraph" in r.stdout and "gold pages" in r.stdout
