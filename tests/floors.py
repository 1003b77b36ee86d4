"""The eval gates' shared pieces: pinned floors from tests/gold/*floors.json and the
one check every gate makes (a score may not fall below its floor)."""

from __future__ import annotations

import json

from .conftest import GOLD

# Held-out splits annotated blind and not yet scored. No gate scores them (not even inside the
# all-pages totals) until the lead has scored each once, set its floors (``splits`` in the
# *floors.json files) and removed it from here.
AWAITING_FIRST_SCORING: frozenset[str] = frozenset()


def load_floors(name: str) -> dict:
    """tests/gold/<name> (floors.json, people_floors.json, …)."""
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def assert_not_below(score, floor: float, what: str, hint: str, measure: str = "f1") -> None:
    """``score.<measure>`` (f1 or recall) >= ``floor``, else one line naming the score,
    its floor and the command that shows why."""
    got = getattr(score, measure)
    assert got >= floor, (f"{what} {measure} {got:.3f} fell below its floor {floor} "
                          f"(P {score.precision:.3f} R {score.recall:.3f}); run `{hint}`")
