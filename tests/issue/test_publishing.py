"""From the week's clusters to a published issue, as an editor does it on the command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from newsdesk.archive.parse import parse_issue_text
from newsdesk.store.db import open_database
from newsdesk.store.editorial import insert_plain_article

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases

SAMPLE_ISSUES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


@pytest.fixture
def processed(cli, db_url, fixtures_dir):
    """The sample archive imported, and labelled stories collected and processed."""
    assert cli("import", str(SAMPLE_ISSUES)).exit_code == 0
    engine = open_database(db_url)
    rows = [
        json.loads(line)
        for line in (fixtures_dir / "editorial" / "stories.jsonl").read_text("utf-8").splitlines()
    ]
    published = {}
    for n, row in enumerate(rows):
        # 18:30 UTC is the next morning in Beijing: the attribution must print that day
        when = dt.datetime.fromisoformat(row["date"]).replace(hour=18, minute=30, tzinfo=dt.UTC)
        insert_plain_article(
            engine, row["title"], row["body"], row["outlet"], when, f"https://example.invalid/{n}"
        )
        published.setdefault(row["title"], set()).add((when + dt.timedelta(hours=8)).date())
    result = cli("process")
    assert result.exit_code == 0, result.output
    return engine, published


def _candidates(cli, *args):
    result = cli("candidates", "--json", "--limit", "500", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _draft_titles(cli) -> list[str]:
    text = cli("draft", "show", "--text").output
    return [item.title for item in parse_issue_text(text).items]


def test_candidates_show_the_item_they_would_print(cli, processed):
    _, published = processed
    found = _candidates(cli)
    assert len(found) > 10
    relevance = [c["relevance"] for c in found]
    assert relevance == sorted(relevance, reverse=True)  # best first
    for c in found:
        assert c["column"] and c["body"]
        if c["column"] != "悦读电商":  # a book notice has no outlet and no attribution line
            assert c["outlets"]
            # the date of the source report, not the day newsdesk processed it
            days = {f"{d.year} 年 {d.month:02d} 月 {d.day:02d} 日" for d in published[c["title"]]}
            assert any(day in c["attribution"] for day in days)
            assert c["attribution"].startswith("来源：")
    only = _candidates(cli, "--column", "政策法规")
    assert only and {c["column"] for c in only} == {"政策法规"}

    one = found[0]
    shown = cli("candidate", "show", str(one["id"]))
    assert shown.exit_code == 0
    assert one["title"] in shown.output and one["attribution"] in shown.output
    assert "relevance" in shown.output and "outlets" in shown.output
    missing = cli("candidate", "show", "99999")
    assert missing.exit_code == 1 and "no candidate 99999" in missing.output


def test_compose_edit_publish_and_correct(cli, processed, tmp_path, monkeypatch):
    engine, _ = processed
    # quotas as configured: one item in 行业资讯, two in 数据观察
    (tmp_path / "newsdesk.toml").write_text(
        '[publication]\ncolumn_quotas = { "行业资讯" = 1, "数据观察" = 2, "default" = 0 }\nauto_min_relevance = 0\n',
        encoding="utf-8",
    )
    result = cli("compose", "--auto", "--date", "2022-09-30")
    assert result.exit_code == 0, result.output
    assert "2022年第9期" in result.output  # the samples run to 2022年第8期
    assert "总第9期" in result.output
    titles = _draft_titles(cli)
    assert len(titles) == 3
    by_column = {}
    for item in parse_issue_text(cli("draft", "show", "--text").output).items:
        by_column.setdefault(item.column, []).append(item.title)
    assert [len(v) for v in by_column.values()] == [1, 2]

    second = cli("compose", "--auto")
    assert second.exit_code == 1 and "already open" in second.output

    # add a candidate by hand into another column, then reorder and move
    spare = next(c for c in _candidates(cli) if c["title"] not in titles and c["column"] != "悦读电商")
    assert cli("draft", "add", str(spare["id"]), "--column", "专家视点").exit_code == 0
    again = cli("draft", "add", str(spare["id"]))
    assert again.exit_code == 1 and "already in the draft" in again.output
    bogus = cli("draft", "add", str(spare["id"]), "--column", "娱乐新闻")
    assert bogus.exit_code == 2 and "no column" in bogus.output
    assert cli("draft", "move", "3", "--position", "1").exit_code == 0  # last 数据观察 item first
    titles_after = _draft_titles(cli)
    assert titles_after[1] == titles[2] and titles_after[2] == titles[1]
    assert cli("draft", "move", "4", "--column", "行业资讯", "--position", "1").exit_code == 0
    assert _draft_titles(cli)[0] == spare["title"]
    assert cli("draft", "drop", "1").exit_code == 0
    assert spare["title"] not in _draft_titles(cli)
    assert cli("draft", "drop", "9").exit_code == 1

    # edit in $EDITOR: a script stands in for the editor and changes title, body and date
    script = tmp_path / "edit.py"
    script.write_text(
        "import re, sys\n"
        "p = sys.argv[1]\n"
        "t = open(p, encoding='utf-8').read()\n"
        "lines = t.split('\\n')\n"
        "lines[2] = '编辑改过的标题'\n"
        "t = '\\n'.join(lines)\n"
        "t = re.sub(r'\\d{4} 年 \\d{2} 月 \\d{2} 日', '2022 年 09 月 01 日', t)\n"
        "t = t.replace('来源：', '　　编辑补充的一句话。\\n来源：', 1)\n"
        "open(p, 'w', encoding='utf-8').write(t)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    edited = cli("draft", "edit", "1")
    assert edited.exit_code == 0, edited.output
    item = parse_issue_text(cli("draft", "show", "--text").output).items[0]
    assert item.title == "编辑改过的标题"
    assert item.body.endswith("编辑补充的一句话。")
    assert item.attribution.date == dt.date(2022, 9, 1)

    broken = tmp_path / "break.py"
    broken.write_text(
        "import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write('没有栏目也没有来源')\n", encoding="utf-8"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {broken}")
    refused = cli("draft", "edit", "1")
    assert refused.exit_code == 1 and "not saved" in refused.output
    assert _draft_titles(cli)[0] == "编辑改过的标题"  # nothing lost

    draft_text = cli("draft", "show", "--text").output
    published = cli("publish")
    assert published.exit_code == 0, published.output
    assert "published 2022年第9期" in published.output
    shown = cli("show", "2022年第9期").output
    assert [i.title for i in parse_issue_text(shown).items] == [
        i.title for i in parse_issue_text(draft_text).items
    ]
    assert cli("publish").exit_code == 1  # nothing open any more
    # what was published is not offered again
    used = {i.title for i in parse_issue_text(shown).items} - {"编辑改过的标题"}
    assert not used & {c["title"] for c in _candidates(cli)}

    # a correction is revision 2; revision 1 stays readable
    assert cli("draft", "revise", "2022年第9期").exit_code == 0
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    script.write_text(script.read_text("utf-8").replace("编辑改过的标题", "更正后的标题"), encoding="utf-8")
    assert cli("draft", "edit", "1").exit_code == 0
    corrected = cli("publish")
    assert "revision 2" in corrected.output
    assert "更正后的标题" in cli("show", "2022年第9期").output
    first = cli("show", "2022年第9期@1").output
    assert "编辑改过的标题" in first and "更正后的标题" not in first
    assert cli("show", "2022年第9期@3").exit_code == 1
    from newsdesk.store.archive import list_issues

    ninth = [(s.serial, s.revision) for s in list_issues(engine) if s.label == "2022年第9期"]
    assert sorted(ninth) == [(9, 1), (9, 2)]
    assert "修订版" in cli("issues").output

    # the next issue continues the numbering
    assert cli("draft", "revise", "1").exit_code == 1  # an imported issue has no revisions
    accepted = _candidates(cli)[0]
    assert cli("decide", str(accepted["id"])).exit_code == 0
    nxt = cli("compose", "--date", "2022-10-31")
    assert nxt.exit_code == 0, nxt.output
    assert "2022年第10期" in nxt.output and "总第10期" in nxt.output
    assert _draft_titles(cli) == [accepted["title"]]


def test_publishing_an_empty_draft_is_refused_and_keeps_the_draft(cli, processed):
    engine, _ = processed
    assert cli("compose", "--auto", "--date", "2022-09-30").exit_code == 0
    count = len(_draft_titles(cli))
    for _ in range(count):
        assert cli("draft", "drop", "1").exit_code == 0
    refused = cli("publish")
    assert refused.exit_code == 1 and "empty" in refused.output
    assert "draft 2022年第9期" in cli("draft", "show").output
    assert cli("draft", "discard", "--yes").exit_code == 0
    assert "no draft is open" in cli("draft", "show").output


def test_compose_without_accepted_candidates_says_what_to_do(cli, processed):
    result = cli("compose")
    assert result.exit_code == 1
    assert "newsdesk decide" in result.output and "--auto" in result.output


def test_two_editors_saving_one_item_do_not_overwrite_each_other(db_url):
    from newsdesk.issue.model import Attribution, Item, Publication
    from newsdesk.store.drafts import StaleEdit, create_draft, load_draft, update_item

    engine = open_database(db_url)
    item = Item(
        "行业资讯", "标题", "正文。", Attribution(outlet="人民网", outlet_mark="“”", date=dt.date(2022, 6, 1))
    )
    draft_id = create_draft(
        engine,
        Publication(name="测试动态", columns=["行业资讯"]),
        "2022年第1期",
        1,
        None,
        [("行业资讯", item, None)],
    )
    opened = load_draft(engine).items[0]
    mine = Item("行业资讯", "甲改的标题", "正文。", item.attribution)
    theirs = Item("行业资讯", "乙改的标题", "正文。", item.attribution)
    update_item(engine, draft_id, opened.id, opened.version, mine)
    with pytest.raises(StaleEdit, match="changed by someone else"):
        update_item(engine, draft_id, opened.id, opened.version, theirs)
    assert load_draft(engine).items[0].title == "甲改的标题"


def test_render_writes_every_format_and_says_clearly_what_is_wrong(cli, tmp_path):
    assert cli("import", str(SAMPLE_ISSUES / "2022-08.txt")).exit_code == 0
    unknown = cli("render", "latest", "--format", "odt")
    assert unknown.exit_code == 2 and "unknown format 'odt'" in unknown.output
    binary = cli("render", "latest", "--format", "docx")
    assert binary.exit_code == 2 and "-o" in binary.output
    folder = cli("render", "latest", "--format", "html", "-o", str(tmp_path))
    assert folder.exit_code == 2 and "is a folder" in folder.output
    (tmp_path / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    unwritable = cli("render", "latest", "--format", "html", "-o", str(tmp_path / "blocked" / "x.html"))
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.output
    missing = cli("render", "2031年第1期", "--format", "html", "-o", str(tmp_path / "x.html"))
    assert missing.exit_code == 1 and "no issue" in missing.output
    for fmt in ("html", "md", "txt", "atom", "docx"):
        target = tmp_path / "out" / f"issue.{fmt}"
        result = cli("render", "latest", "--format", fmt, "-o", str(target))
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 1000
    text = (tmp_path / "out" / "issue.txt").read_text("utf-8")
    assert [i.title for i in parse_issue_text(text).items] == [
        i.title for i in parse_issue_text(cli("show", "latest").output).items
    ]
