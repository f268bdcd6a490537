"""Small things a user notices at the editorial commands."""

from __future__ import annotations

import datetime as dt
import json

from rich.console import Console

import newsdesk.commands.editorial as editorial_commands
from newsdesk.config import load_settings
from newsdesk.store.db import open_database
from newsdesk.store.editorial import insert_plain_article

BODY = (
    "国家统计局日前发布数据显示，2022年上半年全国网上零售额63007亿元，同比增长3.1%。"
    "其中，实物商品网上零售额54493亿元，增长5.6%，占社会消费品零售总额的比重为25.9%。"
    "在实物商品网上零售额中，吃类、穿类和用类商品分别增长16.2%、0.8%和5.4%。"
)


def test_clusters_json_names_an_outlet_once_and_figures_say_why_none(cli, db_url):
    engine = open_database(db_url)
    published = dt.datetime(2022, 7, 15, 8, tzinfo=dt.UTC)
    # one outlet reports the story twice (a morning and an updated afternoon version)
    insert_plain_article(
        engine, "上半年全国网上零售额63007亿元", BODY, "国际商报", published, "https://a.invalid/1"
    )
    insert_plain_article(
        engine,
        "上半年全国网上零售额63007亿元 同比增长3.1%",
        BODY + "业内人士表示，网络零售保持增长。",
        "国际商报",
        published + dt.timedelta(hours=5),
        "https://a.invalid/2",
    )
    insert_plain_article(
        engine, "统计局：上半年网上零售额增长3.1%", BODY, "中国经济网", published, "https://b.invalid/1"
    )
    assert cli("process").exit_code == 0
    clusters = [json.loads(line) for line in cli("clusters", "--json").output.splitlines()]
    biggest = max(clusters, key=lambda c: c["size"])
    assert biggest["size"] == 3
    assert sorted(biggest["outlets"]) == ["中国经济网", "国际商报"]

    # the articles are from 2022: "the last 30 days" has none, and the command says why
    empty = cli("figures", "--since", "30d").output
    assert "no figures in articles published since" in empty
    assert "the newest is from 2022-07-15: try --since 2022-06-15" in empty
    assert "63007亿元" in cli("figures", "--since", "2022-06-15").output


def test_a_second_demo_says_there_was_nothing_new(db_url, monkeypatch):
    out = Console(record=True, width=200)
    monkeypatch.setattr(editorial_commands, "console", out)
    editorial_commands.run_demo_process(load_settings(database_url=db_url))
    text = out.export_text()
    assert "no new articles to process" in text
    assert "0 articles → 0 clusters" not in text
