from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_9a99bd5b1aa98cff.txt"
GOLD = ROOT / "tests" / "gold"
SCHEMA = ROOT / "spec" / "edition.schema.json"
SHARED_SCHEMA = ROOT.parent / "shared" / "spec" / "edition.schema.json"


@pytest.fixture(scope="session")
def example_edition():
    from datetime import date

    from banmian.pipeline import parse_files

    result = parse_files([EXAMPLE], day=date(2020, 4, 28))
    assert not result.errors
    return result.edition


@pytest.fixture(scope="session")
def fixture_pages(tmp_path_factory):
    from .archive_fixtures import write_pages

    return write_pages(tmp_path_factory.mktemp("pages"))


@pytest.fixture(scope="session")
def archive(tmp_path_factory, fixture_pages):
    """A read-only archive of the fixture pages, shared by store, CLI and API tests."""
    from banmian.archive.db import open_archive
    from banmian.archive.ingest import ingest

    db = tmp_path_factory.mktemp("archive") / "fixture.db"
    engine = open_archive(db)
    report = ingest(engine, [fixture_pages], paper="港闸报")
    assert report.failed == 0 and report.pages == 4
    return engine
