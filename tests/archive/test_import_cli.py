"""`newsdesk import` / `parse-issue` / `issues` / `show` / `render` as a user runs them."""

import json
import os
import shutil
from pathlib import Path

import pytest

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "archive"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


def test_import_reports_columns_and_is_idempotent(cli, real_excerpt):
    first = cli("import", str(real_excerpt))
    assert first.exit_code == 0, first.output
    assert "imported as issue 1" in first.output
    assert "行业资讯 3" in first.output and "悦读电商 1" in first.output
    again = cli("import", str(real_excerpt))
    assert again.exit_code == 0
    assert "already in the archive as issue 1" in again.output
    listing = cli("issues")
    assert listing.output.count("issue_excerpt") == 1
    assert "8" in listing.output


def test_import_of_a_bundled_sample_reports_columns_and_is_idempotent(cli):
    """The same as above on the project's own sample, so a clone without ../shared covers it."""
    first = cli("import", str(SAMPLES / "2022-01.txt"))
    assert first.exit_code == 0, first.output
    assert "imported as issue 1" in first.output
    assert "14 items" in first.output and "行业资讯 7" in first.output and "悦读电商 1" in first.output
    again = cli("import", str(SAMPLES / "2022-01.txt"))
    assert again.exit_code == 0
    assert "already in the archive as issue 1" in again.output
    assert cli("issues").output.count("2022年第1期") == 1


def test_bad_files_get_one_line_errors_and_the_batch_goes_on(cli, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-empty.txt").write_bytes(b"")
    (batch / "b-junk.txt").write_bytes(b"\x00\x01\x02\x03" + os.urandom(3000))
    (batch / "c-no-headers.txt").write_text(
        "京东物流启用新仓\n来源：“电商报” 2022 年 06 月 02 日\n", encoding="utf-8"
    )
    (batch / "d-no-attribution.txt").write_text(
        "【行业资讯】\n京东物流启用新仓\n正文一句。\n", encoding="utf-8"
    )
    for name in ("scanned.pdf", "encrypted.pdf", "corrupt.pdf"):
        shutil.copy(FIXTURES / name, batch / name)
    shutil.copy(SAMPLES / "2022-01.txt", batch / "z-good.txt")

    result = cli("import", str(batch))
    assert result.exit_code == 1
    out = result.output
    expectations = {
        "a-empty.txt": "empty file",
        "b-junk.txt": "binary content",
        "c-no-headers.txt": "no column headers",
        "d-no-attribution.txt": "no attribution lines",
        "scanned.pdf": "needs OCR",
        "encrypted.pdf": "needs a password",
        "corrupt.pdf": "corrupt or unreadable PDF",
    }
    for name, reason in expectations.items():
        lines = [line for line in out.splitlines() if name in line]
        assert lines and reason in lines[0], (name, out)
    assert "z-good.txt: imported as issue 1" in out
    assert "1 new issues" in out and "7 failed" in out


def test_unplaced_text_is_reported_with_line_numbers(cli, tmp_path):
    path = tmp_path / "issue.txt"
    path.write_text(
        "【行业资讯】\n京东物流启用新仓\n　　京东物流在西安启用智能仓。\n"
        "来源：“电商报” 编选：《电子商务动态》编辑部 2022 年 06 月 02 日\n"
        "孤立的一段文字，\n没有来源行。\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.exit_code == 0
    assert "lines 5–6: not placed in an item (no attribution line closes this text)" in result.output


def test_parse_issue_json_is_the_public_shape_and_writes_nothing(cli, real_excerpt, tmp_path):
    result = cli("parse-issue", str(real_excerpt), "--json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert len(items) == 8
    assert set(items[0]) == {
        "column",
        "title",
        "body",
        "outlet",
        "office_compiled",
        "editorial_office",
        "date",
    }
    assert items[0]["outlet"] == "人民网" and items[0]["date"] == "2022-06-26"
    assert items[2]["outlet"] is None and items[2]["office_compiled"] is True
    assert "archive is empty" in cli("issues").output


def test_parse_issue_json_of_a_bundled_sample(cli):
    result = cli("parse-issue", str(SAMPLES / "2022-01.txt"), "--json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert len(items) == 14
    assert items[0]["outlet"] == "商务部网站" and items[0]["date"] == "2022-01-11"
    assert items[6]["outlet"] is None and items[6]["office_compiled"] is True
    assert "archive is empty" in cli("issues").output


def test_render_formats_in_house_order(cli, tmp_path):
    assert cli("import", str(SAMPLES / "2022-01.txt")).exit_code == 0
    out_html = tmp_path / "out" / "issue.html"
    result = cli("render", "2022年第1期", "--format", "html", "-o", str(out_html))
    assert result.exit_code == 0, result.output
    html = out_html.read_text(encoding="utf-8")
    positions = [
        html.index(f"<h2>【{c}】</h2>") for c in ("行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商")
    ]
    assert positions == sorted(positions)
    assert "编选：《电子商务动态》编辑部" in html
    md = cli("render", "1", "--format", "md").stdout
    assert md.startswith("# 《电子商务动态》 2022年第1期") and "## 【政策法规】" in md
    txt = cli("show", "latest").stdout
    assert txt.splitlines()[:2] == ["《电子商务动态》", "2022年第1期"]
    missing = cli("render", "2030年第1期")
    assert missing.exit_code == 1 and "no issue" in missing.output
