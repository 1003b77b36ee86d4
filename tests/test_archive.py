"""The archive: idempotent ingest, Chinese full-text search, export, faults."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pyarrow.parquet as pq
import pytest

from banmian.archive.db import open_archive
from banmian.archive.export import export
from banmian.archive.fts import index_tokens, match_query
from banmian.archive.ingest import FAULT_SLEEP_ENV, ingest
from banmian.archive.search import counts, get_article, search

from .archive_fixtures import write_pages


def fresh(tmp_path, name="a.db"):
    return open_archive(tmp_path / name)


def test_fixture_archive_counts(archive):
    c = counts(archive)
    assert c["editions"] == 3 and c["pages"] == 4 and c["articles"] == 9


def test_reingest_adds_nothing(tmp_path, fixture_pages):
    engine = fresh(tmp_path)
    ingest(engine, [fixture_pages], paper="港闸报")
    before = counts(engine)
    report = ingest(engine, [fixture_pages], paper="港闸报")
    assert report.pages == 0 and report.skipped == 4
    assert counts(engine) == before


def test_changed_file_replaces_its_page(tmp_path):
    pages = write_pages(tmp_path / "pages")
    engine = fresh(tmp_path)
    ingest(engine, [pages], paper="港闸报")
    before = counts(engine)
    f = pages / "gangzha-2020-06-01-03.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("五万平方米", "八万平方米"), encoding="utf-8")
    report = ingest(engine, [pages], paper="港闸报")
    assert (report.pages, report.replaced, report.skipped) == (1, 1, 3)
    assert counts(engine) == before
    assert search(engine, "八万平方米") and not search(engine, "五万平方米")


@pytest.mark.parametrize("files, paper, query, rows", [
    # 都市快报 A04 and B04: page 4 of two sections
    (["dskb-20260328-A04.txt", "dskb-20260328-B04.txt"], "都市快报",
     "SELECT section, number FROM pages ORDER BY section", [("A", 4), ("B", 4)]),
    # no paper given or found: page 1 of two papers of one day
    (["xian-2020-04-28-01.txt", "shi-2020-04-28-01.txt"], None, "SELECT count(*) FROM pages", [(2,)]),
    # the folders give the dates: 2020-04-28/01.txt and 2020-04-29/01.txt
    (["2020-04-28/01.txt", "2020-04-29/01.txt"], None,
     "SELECT e.date FROM pages p JOIN editions e ON e.id = p.edition_id ORDER BY 1", [("2020-04-28",), ("2020-04-29",)]),
])
def test_two_pages_alike_in_name_are_both_kept(tmp_path, files, paper, query, rows):
    """Two pages that share a number or a file name never replace each other."""
    from sqlalchemy import text

    pages = tmp_path / "pages"
    for name, head in zip(files, ("县里召开春耕生产会议", "市里开展安全生产检查")):
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_text(f"{head}\n\n　　本报讯　这是{head}的正文，记者在现场看到了很多情况。\n",
                                  encoding="utf-8")
    engine = fresh(tmp_path)
    report = ingest(engine, [pages], paper=paper)
    assert (report.pages, report.replaced) == (2, 0)
    with engine.connect() as conn:
        assert [tuple(str(x) if hasattr(x, "isoformat") else x for x in r) for r in conn.execute(text(query))] == rows
    assert ingest(engine, [pages], paper=paper).skipped == 2


def test_ingesting_the_archives_own_folder_skips_the_archive(tmp_path, monkeypatch):
    """`banmian ingest .` next to banmian.db: the database and its journal are no input."""
    from click.testing import CliRunner

    from banmian.cli import cli

    (tmp_path / "2020-04-28-01.txt").write_text("县里召开春耕生产会议\n\n　　本报讯　正文在这里，记者看到了很多情况。\n",
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        res = CliRunner().invoke(cli, ["ingest", "."])
        assert res.exit_code == 0, res.output
    assert "banmian.db" not in res.output and "0 failed" in res.output


def substring_hits(engine, terms):
    """Articles containing every term, by brute force over the stored text."""
    from sqlalchemy import text

    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, coalesce(kicker,'')||coalesce(headline,'')||coalesce(subtitle,'')"
                                 "||'\n'||body||'\n'||coalesce(caption,'') FROM articles")).all()
    return {i for i, t in rows if all(term in t for term in terms)}


@pytest.mark.parametrize("query", ["港", "王斌", "曹金海", "高科技产业", "区长 常务会议", "VR", "桥头堡"])
def test_search_one_to_four_characters(archive, query):
    hits = search(archive, query, limit=100)
    assert {h.id for h in hits} == substring_hits(archive, query.split())
    assert hits and all(h.score > 0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_matches_strings_not_scattered_characters(archive):
    # Every character of 曹金海区长 occurs in the example page, the string does not.
    assert search(archive, "区长曹金海主持")
    assert not search(archive, "曹金海区长") and not substring_hits(archive, ["曹金海区长"])


def test_search_filters_and_snippet(archive):
    hits = search(archive, "曹金海", date_from=date(2020, 5, 1))
    assert [h.date for h in hits] == [date(2020, 5, 6)]
    assert "【曹金海】" in hits[0].snippet
    assert search(archive, "宣传", page=2)[0].page == 2
    assert search(archive, "曹金海", byline="王小明")[0].headline == "区政府召开常务会议"
    assert not search(archive, "曹金海", paper="别的报")
    assert search(archive, "！？，") == []


def test_show_has_provenance(archive):
    hit = search(archive, "垃圾分类")[0]
    art = get_article(archive, hit.id)
    assert art["source"]["file"] == "gangzha-2020-05-06-02.txt"
    assert len(art["source"]["sha256"]) == 64 and art["source"]["parser_version"]
    assert art["bylines"] == [{"name": "李华", "role": "reporter"}]


def test_tokens_and_queries():
    assert index_tokens("高科技产业 VR技术") == ("高科 科技 技产 产业 VR 技术", "高 科 技 产 业 VR 技 术")
    assert match_query("王斌") == '{title_bi body_bi} : "王斌"'
    assert match_query("港") == '{title_uni body_uni} : "港"'
    assert match_query("“”") is None


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_formats(archive, tmp_path, fmt):
    files = export(archive, tmp_path / fmt, fmt)
    assert set(files) == {"editions", "pages", "articles", "paragraphs", "bylines", "people", "titles",
                          "organizations", "places", "events", "event_actors", "event_targets", "mentions"}
    if fmt == "parquet":
        articles = pq.read_table(files["articles"])
        paragraphs = pq.read_table(files["paragraphs"])
        assert str(articles.schema.field("date").type) == "date32[day]"
        joined = paragraphs.join(articles.select(["id", "headline"]), keys="article_id", right_keys="id")
        assert joined.num_rows == paragraphs.num_rows
        titles, people = pq.read_table(files["titles"]), pq.read_table(files["people"])
        assert str(titles.schema.field("first_seen").type) == "date32[day]"
        assert titles.join(people, keys="person_id", right_keys="id").num_rows == titles.num_rows > 0
        actors, events = pq.read_table(files["event_actors"]), pq.read_table(files["events"])
        assert actors.join(events, keys="event_id", right_keys="id").num_rows == actors.num_rows > 0
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in files["articles"].read_text(encoding="utf-8").splitlines()]
        assert len(rows) == 9 and {"id", "date", "headline"} <= set(rows[0])
    else:
        assert files["bylines"].read_text(encoding="utf-8").splitlines()[0] == "article_id,idx,name,role"


def test_bad_files_are_reported_and_skipped(tmp_path):
    pages = write_pages(tmp_path / "pages")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    engine = fresh(tmp_path)
    report = ingest(engine, [pages], paper="港闸报")
    assert report.failed == 2 and report.pages == 4
    assert any("empty.txt" in e for e in report.errors) and any("scan.png" in e for e in report.errors)


def run_cli(*args, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "banmian", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, **kw)


def test_sigkill_mid_edition_leaves_archive_intact(tmp_path):
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "k.db"
    first = run_cli("ingest", pages / "gangzha-2020-04-28-01.txt", "--db", db, "--paper", "港闸报")
    assert first.returncode == 0, first.stderr
    engine = open_archive(db)
    before = counts(engine)
    proc = subprocess.Popen([sys.executable, "-m", "banmian", "ingest", str(pages), "--db", str(db),
                             "--paper", "港闸报"], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, FAULT_SLEEP_ENV: "30"})
    deadline = time.time() + 60
    line = ""
    while "fault-injection" not in line and time.time() < deadline:
        line = proc.stderr.readline()
    assert "fault-injection" in line
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert counts(engine) == before
    rerun = run_cli("ingest", pages, "--db", db, "--paper", "港闸报")
    assert rerun.returncode == 0, rerun.stderr
    assert counts(engine)["pages"] == 4
    again = run_cli("ingest", pages, "--db", db, "--paper", "港闸报")
    assert "0 pages" in again.stderr and counts(engine)["pages"] == 4


def test_two_concurrent_ingests(tmp_path):
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "c.db"
    open_archive(db)
    procs = [subprocess.Popen([sys.executable, "-m", "banmian", "ingest", str(pages), "--db", str(db),
                               "--paper", "港闸报"], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    engine = open_archive(db)
    c = counts(engine)
    assert c["pages"] == 4 and c["articles"] == 9
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_search_json_and_missing_article(tmp_path, fixture_pages):
    db = tmp_path / "cli.db"
    assert run_cli("ingest", fixture_pages, "--db", db, "--paper", "港闸报").returncode == 0
    out = run_cli("search", "王斌", "--db", db, "--format", "json")
    hits = json.loads(out.stdout)
    assert {"id", "headline", "paper", "date", "page", "snippet", "score"} <= set(hits[0])
    missing = run_cli("show", "nope", "--db", db)
    assert missing.returncode != 0 and missing.stderr.startswith("banmian: error:")
    assert "Traceback" not in missing.stderr


def test_people_title_timeline(tmp_path, fixture_pages):
    """Person records across issues: one official, titles dated by the issues they appear in."""
    from banmian.archive import ingest as ing
    from banmian.archive.people import list_people

    def fake_people(page):
        out = []
        for a in page.articles:
            for i, p in enumerate(a.paragraphs):
                k = p.find("曹金海")
                if k >= 0:
                    out.append({"id": "p-test", "name": "曹金海", "role": "official",
                                "titles": [{"title": "区长", "organization": "港闸区政府"}],
                                "mentions": [{"article": a.id, "field": "paragraph", "index": i,
                                              "start": k, "end": k + 3, "text": "曹金海"}]})
                    break
        return out

    engine = fresh(tmp_path)
    orig = ing.parse_one

    def parse_with_people(*args):
        out = orig(*args)
        for parsed in out:
            if parsed.page is not None:
                parsed.people = fake_people(parsed.page)
        return out

    ing.parse_one = parse_with_people
    try:
        ingest(engine, [fixture_pages], paper="港闸报")
        ingest(engine, [fixture_pages], paper="港闸报")  # idempotent for people too
    finally:
        ing.parse_one = orig
    people = list_people(engine, role="official")
    assert [p["name"] for p in people] == ["曹金海"]
    (title,) = people[0]["titles"]
    assert (title["title"], title["organization"]) == ("区长", "港闸区政府")
    assert (title["first_seen"], title["last_seen"]) == ("2020-04-28", "2020-05-06")
    assert people[0]["scope"] == "港闸区"
    from sqlalchemy import text
    with engine.connect() as conn:
        for art, field, idx, start, end, txt in conn.execute(text(
                "SELECT article_id, field, idx, start, \"end\", text FROM mentions")):
            assert get_article(engine, art)["paragraphs"][idx][start:end] == txt


def test_broad_queries_rank_their_latest_ingested_matches(archive, monkeypatch):
    import banmian.archive.search as srch

    monkeypatch.setattr(srch, "BROAD_QUERY_MATCHES", 2)
    all_hits = search(archive, "港", limit=100)
    assert {h.id for h in all_hits} == substring_hits(archive, ["港"])
    newest = search(archive, "港", limit=2)
    assert len(newest) == 2 and all(h.date == date(2020, 6, 1) or h.date == date(2020, 5, 6) for h in newest)


WHOLE_ISSUE = "\f".join([
    "2020年5月6日 星期三 第1版 要闻\n\n区长调研老街改造\n\n本报讯 5日上午，区长曹金海到老街改造工地调研，察看工程进度。\n",
    "……老街改造工程计划年底前完工。\n",            # the story runs over onto a second printed page
    "2020年5月6日 星期三 第2版 综合\n\n社区开展义诊活动\n\n本报讯 日前，秦灶街道组织医生走进社区，为居民义诊。\n",
])


def test_whole_issue_in_one_file_is_its_pages(tmp_path):
    # A whole issue printed to one PDF (here its text, form feeds between printed pages):
    # each folio starts a page; a printed page without one runs on from the page before.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "issue.txt").write_text(WHOLE_ISSUE, encoding="utf-8")
    engine = fresh(tmp_path)
    report = ingest(engine, [folder], paper="港闸报")
    assert (report.pages, report.failed) == (2, 0)
    c = counts(engine)
    assert c["pages"] == 2 and c["articles"] == 2
    hits = search(engine, "老街")
    assert {h.page for h in hits} == {1}
    assert {h.page for h in search(engine, "义诊")} == {2}
    again = ingest(engine, [folder], paper="港闸报")
    assert (again.pages, again.skipped) == (0, 2) and counts(engine) == c
