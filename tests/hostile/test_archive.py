"""Hostile input to `import`: bombs and broken files in a batch, thousands of column headers,
absurdly large issues, a label imported twice; removing an issue."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from newsdesk.archive.importer import import_issue_file
from newsdesk.archive.reading import expand_paths
from newsdesk.config import ArchiveSettings
from newsdesk.store.archive import (
    IssueNotFound,
    list_issues,
    load_publication,
    merge_columns,
    remove_issue,
    resolve_issue,
)
from newsdesk.store.db import open_database
from newsdesk.store.schema import drafts, issue_sends, issues, items, publications
from tests.hostile.pdfs import inflating_pdf, unsupported_filter_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"
ATTRIBUTION = "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"


def issue_text(columns: int, items_per_column: int = 1, label: str = "2022年第7期", salt: str = "") -> str:
    lines = ["《电子商务动态》", label, ""]
    for c in range(columns):
        lines.append(f"【栏目{c}】")
        for i in range(items_per_column):
            lines += [f"标题{c}-{i}{salt}", f"　　正文第{c}栏第{i}条{salt}。", ATTRIBUTION, ""]
    return "\n".join(lines)


@pytest.fixture
def engine(tmp_path):
    return open_database(f"sqlite:///{tmp_path / 'archive.db'}")


# -- one bad file, the batch goes on -----------------------------------------------------------


def test_bombs_and_broken_pdfs_are_one_line_each_and_the_batch_goes_on(cli, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-bomb.pdf").write_bytes(inflating_pdf())
    (batch / "b-filter.pdf").write_bytes(unsupported_filter_pdf())
    (batch / "c-dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    for n, sample in enumerate(sorted(SAMPLES.glob("*.txt"))):
        (batch / f"z{n}-{sample.name}").write_bytes(sample.read_bytes())
    good = len(list(SAMPLES.glob("*.txt")))

    result = cli("import", str(batch))
    assert result.exit_code == 1
    out = result.output
    assert "Traceback" not in out
    expectations = {
        "a-bomb.pdf": "PDF stream too large to decompress",
        "b-filter.pdf": "Unsupported filter",
        "c-dangling.txt": "broken symbolic link",
    }
    for name, reason in expectations.items():
        lines = [line for line in out.splitlines() if name in line]
        assert len(lines) == 1 and reason in lines[0], (name, out)
    assert f"{good} new issues" in out and "3 failed" in out
    assert out.count("imported as issue") == good


def test_an_unreadable_file_is_one_line_not_a_traceback(engine, tmp_path):
    # A path that cannot be opened as a file (root reads any file whatever its mode, so a
    # directory under an issue's name stands in for an unreadable one).
    unreadable = tmp_path / "2022-07.pdf"
    unreadable.mkdir()
    outcome = import_issue_file(engine, unreadable)
    assert not outcome.ok and outcome.error.startswith("cannot read"), outcome.error
    assert import_issue_file(engine, SAMPLES / "2022-01.txt").created


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_file_without_read_permission_is_one_line(cli, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    locked = batch / "a-locked.txt"
    locked.write_text(issue_text(2), encoding="utf-8")
    locked.chmod(0)
    (batch / "b-good.txt").write_bytes((SAMPLES / "2022-01.txt").read_bytes())
    try:
        result = cli("import", str(batch))
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "a-locked.txt" in line)
    assert "cannot read" in line and "Permission denied" in line
    assert "b-good.txt: imported as issue" in result.output


def test_a_parser_crash_on_one_file_is_reported_and_the_next_file_imports(engine, tmp_path, monkeypatch):
    import newsdesk.archive.importer as importer

    real = importer.parse_issue_text

    def choke(text, publication=None):
        if "栏目0" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, publication)

    monkeypatch.setattr(importer, "parse_issue_text", choke)
    bad = tmp_path / "bad.txt"
    bad.write_text(issue_text(2), encoding="utf-8")
    outcome = import_issue_file(engine, bad)
    assert outcome.error == "cannot read: RecursionError: maximum recursion depth exceeded"
    assert import_issue_file(engine, SAMPLES / "2022-01.txt").created


def test_broken_links_given_or_found_are_problems_not_crashes(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "gone.pdf").symlink_to(tmp_path / "missing.pdf")
    (folder / "ok.txt").write_text("x", encoding="utf-8")
    files, problems = expand_paths([folder, tmp_path / "gone-too.txt"])
    assert files == [folder / "ok.txt"]
    reasons = {path.name: reason for path, reason in problems}
    assert "broken symbolic link" in reasons["gone.pdf"]
    assert reasons["gone-too.txt"] == "no such file or folder"


# -- thousands of column headers ---------------------------------------------------------------


def _merge_as_before(columns: list[str], seen: list[str]) -> list[str]:
    # The quadratic original, kept as the reference for the order it learned.
    columns = list(columns)
    for i, column in enumerate(seen):
        if column in columns:
            continue
        anchor = max((columns.index(c) for c in seen[:i] if c in columns), default=-1)
        columns.insert(anchor + 1, column)
    return columns


def test_merging_columns_keeps_the_learned_order():
    import random

    rng = random.Random(7)
    pool = list("ABCDEFGHIJKL")
    for _ in range(3000):
        known = rng.sample(pool, rng.randint(0, 7))
        seen = rng.sample(pool, rng.randint(0, 9))
        assert merge_columns(known, seen) == _merge_as_before(known, seen), (known, seen)
    assert merge_columns(["A", "B", "C"], ["A", "X", "C", "Y"]) == ["A", "X", "B", "C", "Y"]


def test_merging_ten_thousand_new_columns_is_one_pass():
    """The merge looks each column up in a dict: no list.index, no insert into the middle."""
    known = [f"k{i}" for i in range(5)]
    seen = ["k0", *[f"n{i}" for i in range(10_000)], "k4"]
    merged = merge_columns(known, seen)
    assert (
        merged[:2] == ["k0", "n0"] and merged[10_000] == "n9999" and merged[-4:] == ["k1", "k2", "k3", "k4"]
    )


def test_a_file_of_ten_thousand_column_headers_is_refused_in_one_line(engine, tmp_path):
    assert import_issue_file(engine, SAMPLES / "2022-01.txt").created
    before = load_publication(engine).columns
    path = tmp_path / "headers.txt"
    path.write_text(issue_text(10_000), encoding="utf-8")
    outcome = import_issue_file(engine, path, load_publication(engine))
    assert not outcome.ok
    assert "different column headers" in outcome.error and "archive.max_columns_per_issue" in outcome.error
    assert "\n" not in outcome.error
    assert load_publication(engine).columns == before  # nothing learned from it


def test_lifting_the_column_limit_imports_thousands_of_headers_in_order(engine, tmp_path):
    assert import_issue_file(engine, SAMPLES / "2022-01.txt").created
    known = load_publication(engine)
    path = tmp_path / "headers.txt"
    path.write_text(issue_text(2_000), encoding="utf-8")
    outcome = import_issue_file(
        engine, path, known, limits=ArchiveSettings(max_columns_per_issue=0, max_items_per_issue=0)
    )
    assert outcome.created, outcome.error
    columns = load_publication(engine).columns
    assert columns[: len(known.columns)] == known.columns
    assert columns[len(known.columns) :] == [f"栏目{i}" for i in range(2_000)]
    assert [c for c, _ in outcome.column_counts] == [f"栏目{i}" for i in range(2_000)]


# -- absurdly large issues ---------------------------------------------------------------------


def test_an_issue_with_more_items_than_the_limit_is_refused(engine, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(issue_text(5, items_per_column=120), encoding="utf-8")
    outcome = import_issue_file(engine, path)
    assert not outcome.ok
    assert outcome.error.startswith("600 items") and "archive.max_items_per_issue" in outcome.error
    assert list_issues(engine) == []
    raised = import_issue_file(engine, path, limits=ArchiveSettings(max_items_per_issue=600))
    assert raised.created and sum(n for _, n in raised.column_counts) == 600


def test_the_limits_are_settings(monkeypatch):
    from newsdesk.config import load_settings

    monkeypatch.setenv("NEWSDESK_ARCHIVE__MAX_ITEMS_PER_ISSUE", "80")
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    settings = load_settings()
    assert settings.archive.max_items_per_issue == 80
    assert settings.archive.max_columns_per_issue == ArchiveSettings().max_columns_per_issue


# -- the same label twice ----------------------------------------------------------------------


def test_the_same_label_with_other_text_is_said_at_import(engine, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(issue_text(2), encoding="utf-8")
    second.write_text(issue_text(2, salt="（修订）"), encoding="utf-8")
    one = import_issue_file(engine, first)
    assert one.created and one.same_label == [] and one.notice is None
    two = import_issue_file(engine, second)
    assert two.created and two.same_label == [one.issue_id]
    assert "2022年第7期" in two.notice and "--replace" in two.notice


def test_replace_swaps_the_issue_of_that_label_in_one_transaction(engine, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(issue_text(2), encoding="utf-8")
    second.write_text(issue_text(3, salt="（修订）"), encoding="utf-8")
    one = import_issue_file(engine, first)
    two = import_issue_file(engine, second, replace=True)
    assert two.created and two.replaced == [one.issue_id] and two.same_label == []
    assert "replaced issue" in two.notice
    assert resolve_issue(engine, "2022年第7期") == two.issue_id
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(issues)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(items)).scalar() == 3
        titles = conn.execute(select(items.c.title)).scalars().all()
    assert all("（修订）" in title for title in titles)  # only the new text is left


def test_replace_rolls_back_when_the_new_issue_cannot_be_stored(engine, tmp_path, monkeypatch):
    import newsdesk.store.archive as store

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(issue_text(2), encoding="utf-8")
    second.write_text(issue_text(3, salt="（修订）"), encoding="utf-8")
    one = import_issue_file(engine, first)

    def broken_row(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store, "_item_row", broken_row)
    with pytest.raises(RuntimeError):
        import_issue_file(engine, second, replace=True)
    assert resolve_issue(engine, "2022年第7期") == one.issue_id
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(items.c.issue_id == one.issue_id)).scalar() == 2


def test_replace_never_removes_a_published_issue(engine, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(issue_text(2), encoding="utf-8")
    second.write_text(issue_text(2, salt="改"), encoding="utf-8")
    one = import_issue_file(engine, first)
    with engine.begin() as conn:
        conn.execute(
            issues.update().where(issues.c.id == one.issue_id).values(published_at=dt.datetime.now(dt.UTC))
        )
    refused = import_issue_file(engine, second, replace=True)
    assert not refused.ok and "published issue" in refused.error
    assert [s.id for s in list_issues(engine)] == [one.issue_id]


# -- removing an issue -------------------------------------------------------------------------


def test_remove_issue_takes_its_items_and_deliveries_and_unhooks_drafts(engine, tmp_path):
    keep = import_issue_file(engine, SAMPLES / "2022-01.txt")
    gone = import_issue_file(engine, SAMPLES / "2022-02.txt")
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        publication_id = conn.execute(select(publications.c.id)).scalar()
        conn.execute(
            insert(issue_sends),
            [
                {"issue_id": gone.issue_id, "email": "a@example.org", "status": "sent", "updated_at": now},
                {"issue_id": keep.issue_id, "email": "a@example.org", "status": "sent", "updated_at": now},
            ],
        )
        draft_id = conn.execute(
            insert(drafts).values(
                publication_id=publication_id,
                label="2022年第2期",
                revises_issue_id=gone.issue_id,
                published_issue_id=gone.issue_id,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        conn.execute(issues.update().where(issues.c.id == keep.issue_id).values(revision_of=gone.issue_id))

    removed = remove_issue(engine, gone.issue_id)
    assert removed.id == gone.issue_id and removed.item_count == sum(n for _, n in gone.column_counts)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(items.c.issue_id == gone.issue_id)).scalar() == 0
        assert conn.execute(select(issue_sends.c.issue_id)).scalars().all() == [keep.issue_id]
        draft = conn.execute(select(drafts).where(drafts.c.id == draft_id)).mappings().one()
        assert draft["revises_issue_id"] is None and draft["published_issue_id"] is None
        assert conn.execute(select(issues.c.revision_of).where(issues.c.id == keep.issue_id)).scalar() is None
        assert conn.execute(select(func.count()).where(items.c.issue_id == keep.issue_id)).scalar() > 0
    assert [s.id for s in list_issues(engine)] == [keep.issue_id]
    with pytest.raises(IssueNotFound):
        remove_issue(engine, gone.issue_id)
    # the same file can be imported again afterwards
    assert import_issue_file(engine, SAMPLES / "2022-02.txt").created
