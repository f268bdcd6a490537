"""The labelled blind rounds' reports as the process stage prepares them, for tests that
decide pairs of them."""

import datetime as dt
import json
from pathlib import Path

from newsdesk.cluster.samestory import StoryFeatures, story_features
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.text.script import to_simplified

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "editorial"


def _labelled(round_number: int) -> list[tuple[str, StoryFeatures]]:
    """Each report of a labelled round with its headline as written, in the file's order."""
    reports = []
    for line in (
        (FIXTURES / f"real_stories_blind{round_number}.jsonl").read_text(encoding="utf-8").splitlines()
    ):
        row = json.loads(line)
        published = dt.datetime.fromisoformat(row["date"]).replace(tzinfo=dt.UTC) if row["date"] else None
        text = strip_boilerplate(to_simplified(row["body"])).text
        reports.append((row["title"], story_features(to_simplified(row["title"]), text, published)))
    return reports


def round_reports(round_number: int) -> list[StoryFeatures]:
    """Every report of a labelled round, in the file's order."""
    return [features for _, features in _labelled(round_number)]


def report(round_number: int, title_start: str) -> StoryFeatures:
    """The report of a labelled round whose headline, as written, starts so."""
    for title, features in _labelled(round_number):
        if title.startswith(title_start):
            return features
    raise LookupError(title_start)
