"""The editorial stage as a user meets it: import the archive, collect, process, look."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

from newsdesk.store.db import open_database
from newsdesk.store.editorial import candidate_rows, insert_plain_article

SAMPLE_ISSUES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


def _stories(fixtures_dir):
    return [
        json.loads(line)
        for line in (fixtures_dir / "editorial" / "stories.jsonl").read_text("utf-8").splitlines()
    ]


def _insert(engine, row, n):
    published = dt.datetime.fromisoformat(row["date"]).replace(hour=8, tzinfo=dt.UTC)
    return insert_plain_article(
        engine, row["title"], row["body"], row["outlet"] or None, published, f"https://example.invalid/{n}"
    )


def test_process_clusters_classifies_condenses_and_exports(cli, db_url, fixtures_dir, tmp_path):
    assert cli("import", str(SAMPLE_ISSUES)).exit_code == 0
    engine = open_database(db_url)
    rows = _stories(fixtures_dir)
    # the first version of every story arrives first; the other outlets follow a run later
    first_ids: dict[str, int] = {}
    later = []
    for n, row in enumerate(rows):
        if row["story"] in first_ids:
            later.append((n, row))
        else:
            first_ids[row["story"]] = _insert(engine, row, n)

    result = cli("process")
    assert result.exit_code == 0, result.output
    assert f"processed {len(first_ids)} articles" in result.output

    for n, row in later:
        _insert(engine, row, n)
    result = cli("process")
    assert f"processed {len(later)} articles" in result.output

    clusters = [json.loads(line) for line in cli("clusters", "--json", "--limit", "100").output.splitlines()]
    assert len(clusters) == len(first_ids)  # every story is one cluster, none split or merged
    jd = next(c for c in clusters if "嘉定" in c["title"])
    assert jd["size"] == 3
    assert set(jd["outlets"]) == {"东方网", "新浪财经", "解放日报"}
    assert "clusters" in cli("clusters", "--min-size", "2").output

    candidates = {c["title"]: c for c in candidate_rows(engine)}
    policy = next(c for t, c in candidates.items() if "账号信息管理规定" in t)
    assert policy["column_name"] == "政策法规"
    assert policy["column_reasons"]
    assert policy["relevance_reasons"]
    assert policy["attribution_line"].startswith("来源：")
    assert "编选：《电子商务动态》编辑部" in policy["attribution_line"]
    book = next(c for t, c in candidates.items() if t == "跨境电商运营实务")
    assert book["column_name"] == "悦读电商"
    assert book["attribution_line"] == ""
    for c in candidates.values():
        assert len(c["body"]) <= 800
        assert "责任编辑" not in c["body"]

    exported = cli("figures", "--since", "2022-01-01", "--csv").output
    table = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    assert any(r["text"] == "8867亿元" and r["unit"] == "元" and r["period"] for r in table)
    assert {"subject", "sentence", "outlet"} <= set(table[0])

    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps(
            {
                "title": "商务部印发《直播电商服务规范》",
                "body": "商务部日前印发《直播电商服务规范》，自2022年9月1日起施行。",
            },
            ensure_ascii=False,
        )
        + "\n"
        + json.dumps(
            {"title": "元宇宙营销", "body": "内容简介\n本书介绍了元宇宙营销的方法，适合从业者阅读。"},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    answers = [json.loads(line) for line in cli("classify", str(queries)).output.splitlines()]
    assert [a["column"] for a in answers] == ["政策法规", "悦读电商"]
    assert all(0 < a["confidence"] <= 1 and a["reasons"] for a in answers)

    # the editor merges the reports of a cluster into one item: the office is credited
    data_item = next(c for t, c in candidates.items() if "8867亿元" in c["body"])
    merged = cli("decide", str(data_item["id"]), "--merged")
    assert "来源：《电子商务动态》编辑部整理 " in merged.output
    assert candidate_rows(engine, status="accepted")[0]["office_compiled"] is True

    # the editor files one item elsewhere; training learns from it and reports its accuracy
    assert cli("decide", str(policy["id"]), "--column", "行业资讯").exit_code == 0
    trained = cli("train")
    assert trained.exit_code == 0, trained.output
    assert "cross-validated accuracy" in trained.output


def test_classify_rejects_lines_that_are_not_json(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = cli("classify", str(bad))
    assert result.exit_code == 2


def test_process_with_nothing_new(cli):
    assert "nothing new" in cli("process").output
