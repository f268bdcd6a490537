"""classify, decide, clusters and figures with hostile input: bodies of the wrong type, a GBK
file, deep nesting, huge integers, raw U+2028, lines without title or body; a column the
publication does not have; numbers no database integer holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.config import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"
GOOD = {
    "title": "商务部印发《直播电商服务规范》",
    "body": "商务部日前印发《直播电商服务规范》，自2022年9月1日起施行。",
}


@pytest.fixture
def archive(cli):
    for sample in sorted(SAMPLES.glob("*.txt")):
        assert cli("import", str(sample)).exit_code == 0
    return cli


def test_classify_reports_bad_lines_by_number_and_prints_the_good_ones(archive, tmp_path):
    lines = [
        json.dumps(GOOD, ensure_ascii=False),
        '{"title": "数字", "body": 42}',
        '{"title": "列表", "body": ["a"]}',
        '{"title": null, "body": "正文"}',
        "[" * 100_000 + "]" * 100_000,
        '{"title": "大数", "n": ' + "9" * 5000 + "}",
        json.dumps({"headline": "没有标题和正文"}, ensure_ascii=False),
        '{"title": "行分隔符\u2028在字符串里", "body": "正文\u2029同样"}',
        "[1, 2]",
        "not json",
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = archive("classify", str(path))
    assert result.exit_code == 1
    printed = [json.loads(line) for line in result.stdout.split("\n") if line.startswith("{")]
    assert [p["title"] for p in printed] == [GOOD["title"], "行分隔符\u2028在字符串里"]
    errors = result.stderr
    for number, reason in [
        (2, "body is a number, not a string"),
        (3, "body is a list"),
        (4, "title is null"),
        (5, "not usable JSON: nested too deeply"),
        (6, "not usable JSON"),
        (7, "no title or body (keys: headline)"),
        (9, "expected an object with title and body, not a list"),
        (10, "not JSON"),
    ]:
        assert f"items.jsonl:{number}: {reason}" in errors, (number, errors)
    assert "8 line(s) skipped, 2 classified" in errors
    assert "Traceback" not in result.output


def test_classify_strict_stops_at_the_first_bad_line(archive, tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text('{"body": 1}\n' + json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = archive("classify", "--strict", str(path))
    assert result.exit_code == 2 and "items.jsonl:1: body is a number" in result.stderr
    assert result.stdout == ""


def test_classify_reads_a_gbk_file(archive, tmp_path):
    path = tmp_path / "gbk.jsonl"
    path.write_bytes((json.dumps(GOOD, ensure_ascii=False) + "\n").encode("gbk"))
    result = archive("classify", str(path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == GOOD["title"]


def test_decide_refuses_a_column_the_publication_does_not_have(archive):
    result = archive("decide", "1", "--column", "[/x]假栏目")
    assert result.exit_code == 2
    assert "'[/x]假栏目' is not a column of the publication" in result.output and "行业资讯" in result.output


def test_a_column_model_belongs_to_its_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    one = load_settings(database_url=f"sqlite:///{tmp_path / 'a.db'}")
    two = load_settings(database_url=f"sqlite:///{tmp_path / 'b.db'}")
    assert one.editorial_model_path != two.editorial_model_path
    assert one.editorial_model_path.parent == two.editorial_model_path.parent == one.data_dir / "models"
    assert load_settings().editorial_model_path == load_settings().data_dir / "models" / "columns.pkl"


@pytest.mark.parametrize(
    "args",
    [
        ["decide", "100000000000000000000000"],
        ["clusters", "--min-size", "100000000000000000000000"],
        ["clusters", "--limit", "100000000000000000000000"],
    ],
)
def test_numbers_no_database_holds_are_clear_errors(cli, args):
    result = cli(*args)
    assert result.exit_code == 2 and "Invalid value" in result.output, result.output


def test_figures_since_before_the_calendar_begins_is_everything(cli):
    result = cli("figures", "--since", "99999999d")
    assert result.exit_code == 0, result.output
    assert "no figures yet" in result.output
