"""The archive commands with hostile names and labels, the import limits and --replace from
the command line, `issue remove`, and ids no database integer holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.test_archive import issue_text

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


def test_markup_and_escape_codes_in_names_and_labels_are_printed_as_they_are(cli, tmp_path):
    (tmp_path / "[").mkdir()
    path = tmp_path / "[" / "x] \x1b[2Jissue.txt"  # the path holds "[/x]"
    path.write_text(issue_text(2, label="[/x]2022年第7期").replace("栏目0", "[/x]栏目"), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert "[/x] [2Jissue.txt: imported as issue 1" in result.output
    assert "\x1b" not in result.output and "[/x]栏目 1" in result.output
    listing = cli("issues")
    assert listing.exit_code == 0 and "[2Jissue.txt" in listing.output and "\x1b" not in listing.output
    parsed = cli("parse-issue", str(path))
    assert parsed.exit_code == 0 and "[/x]栏目" in parsed.output

    bad = tmp_path / "[" / "x]bad.txt"
    bad.write_text("[/x] no headers [bold]", encoding="utf-8")
    failed = cli("import", str(bad))
    assert failed.exit_code == 1 and "[/x]bad.txt: no column headers" in failed.output


def test_import_says_a_label_is_taken_and_replace_replaces_it(cli, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(issue_text(2), encoding="utf-8")
    second.write_text(issue_text(3, salt="（修订）"), encoding="utf-8")
    assert cli("import", str(first)).exit_code == 0
    again = cli("import", str(second))
    assert again.exit_code == 0
    assert "was already in the archive (issue 1)" in again.output and "--replace" in again.output
    assert "names 2 issues" in cli("show", "2022年第7期").output

    third = tmp_path / "c.txt"
    third.write_text(issue_text(4, salt="（再修订）"), encoding="utf-8")
    replaced = cli("import", "--replace", str(third))
    assert replaced.exit_code == 0, replaced.output
    assert "replaced issue 1, 2" in replaced.output
    shown = cli("show", "2022年第7期")
    assert shown.exit_code == 0 and "（再修订）" in shown.output


def test_the_limits_refuse_an_absurd_issue_in_one_line(cli, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text(issue_text(40), encoding="utf-8")
    refused = cli("import", str(path))
    assert refused.exit_code == 1
    (line,) = [line for line in refused.output.splitlines() if "huge.txt" in line]
    assert "40 different column headers" in line and "archive.max_columns_per_issue" in line
    monkeypatch.setenv("NEWSDESK_ARCHIVE__MAX_COLUMNS_PER_ISSUE", "0")
    assert cli("import", str(path)).exit_code == 0


def test_issue_remove(cli, tmp_path):
    assert cli("import", str(SAMPLES / "2022-01.txt"), str(SAMPLES / "2022-02.txt")).exit_code == 0
    kept = cli("issue", "remove", "2022年第1期", input="n\n")
    assert kept.exit_code == 1 and "Remove issue 1 «2022年第1期» and its 14 items?" in kept.output
    removed = cli("issue", "remove", "2022年第1期", "--yes")
    assert removed.exit_code == 0 and "removed issue 1 «2022年第1期» and its 14 items" in removed.output
    assert "2022年第1期" not in cli("issues").output
    missing = cli("issue", "remove", "1", "--yes")
    assert missing.exit_code == 1 and "no issue '1'" in missing.output


def test_ids_no_database_holds_are_not_found_not_overflow(cli):
    assert cli("import", str(SAMPLES / "2022-01.txt")).exit_code == 0
    for reference in ("100000000000000000000000", "2022年第1期@100000000000000000000000", "²", "１"):
        result = cli("show", reference)
        assert result.exit_code == 1 and "error:" in result.output, (reference, result.output)


def test_a_broken_settings_file_with_markup_in_its_name_is_one_line(cli, tmp_path, monkeypatch):
    config = tmp_path / "[x]newsdesk.toml"
    config.write_text('[publication]\nname = "[/x]\n', encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    result = cli("issues")
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "[x]newsdesk.toml: not valid TOML: Illegal character '\\n' (at line 2, column 13)"
    )
