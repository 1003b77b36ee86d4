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
