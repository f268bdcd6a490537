"""`newsdesk demo`, the README's first command: the whole job on the bundled samples."""

from pathlib import Path

import pytest


@pytest.mark.both_databases
def test_demo_runs_the_main_job_and_a_second_run_adds_nothing(cli, tmp_path):
    out = tmp_path / "demo-output"
    first = cli("demo", "--output", str(out))
    assert first.exit_code == 0, first.output
    # the archive: eight bundled issues, the newest written in three formats
    assert first.output.count("imported as issue") == 8
    written = sorted(p.name for p in out.iterdir())
    # the newest imported issue in three formats; the new issue, composed from the collected
    # corpus and published, in every format; the archive site
    new_issue = [f"2022年第9期.{fmt}" for fmt in ("atom", "docx", "html", "md", "pdf", "txt")]
    assert written == ["2022年第8期.html", "2022年第8期.md", "2022年第8期.txt", *new_issue, "site"]
    for name in written[:-1]:
        assert str((out / name).resolve()) in first.output
    assert str((out / "site" / "index.html").resolve()) in first.output
    assert "published 2022年第9期 (总第9期)" in first.output
    text = (out / "2022年第8期.txt").read_text(encoding="utf-8")
    assert text.startswith("《电子商务动态》\n2022年第8期\n")
    assert "【行业资讯】" in text and "编选：《电子商务动态》编辑部" in text
    html = (out / "2022年第8期.html").read_text(encoding="utf-8")
    assert "<h2>【数据观察】</h2>" in html
    # collection: the bundled corpus, served on loopback and from a folder
    assert "collected 62 new article(s)" in first.output
    listing = cli("issues").output
    assert "2022年第8期" in listing and "2022年第1期" in listing

    second = cli("demo", "--output", str(out))
    assert second.exit_code == 0, second.output
    assert "imported as issue" not in second.output
    assert second.output.count("already in the archive") == 8
    assert "collected 0 new article(s)" in second.output
    assert "published by an earlier run" in second.output  # one demo issue, not one per run
    assert Path(out).exists()
