import datetime as dt

from newsdesk.issue.compose import Candidate, fill_columns, next_numbering, rank


def _candidate(n, column, relevance, outlets=1, status="suggested"):
    return Candidate(
        id=n,
        cluster_id=n,
        column=column,
        title=f"t{n}",
        body="b",
        confidence=0.9,
        column_reasons=[],
        relevance=relevance,
        relevance_reasons=[],
        outlets=[f"o{i}" for i in range(outlets)],
        size=outlets,
        attribution=None,
        attribution_line="",
        status=status,
    )


def test_numbering_continues_the_archive():
    labels = ["2022年第7期", "2022年第8期", "2021年第12期", "2022-03"]
    assert next_numbering(labels, [None] * 4, dt.date(2022, 9, 30)) == ("2022年第9期", 5)
    # a new year starts at 第1期; the serial goes on from the highest printed one
    assert next_numbering(["2022年第12期"], [120], dt.date(2023, 1, 20)) == ("2023年第1期", 121)
    # revisions share a label and are one issue
    assert next_numbering(["2022年第9期", "2022年第9期"], [None, None], dt.date(2022, 10, 1)) == (
        "2022年第10期",
        2,
    )
    assert next_numbering([], [], dt.date(2022, 1, 5)) == ("2022年第1期", 1)


def test_auto_fill_takes_the_best_of_each_column_up_to_its_quota():
    candidates = [
        _candidate(1, "行业资讯", 0.6),
        _candidate(2, "行业资讯", 0.9),
        _candidate(3, "行业资讯", 0.9, outlets=3),
        _candidate(4, "数据观察", 0.95, status="rejected"),
        _candidate(5, "数据观察", 0.7),
        _candidate(6, "数据观察", 0.4),
        _candidate(7, "娱乐", 0.99),  # not a column of this publication
        _candidate(8, "政策法规", 0.8, status="published"),
    ]
    chosen = fill_columns(
        candidates, ["行业资讯", "政策法规", "数据观察"], {"行业资讯": 2, "default": 5}, 0.5
    )
    assert [(column, c.id) for column, c in chosen] == [("行业资讯", 3), ("行业资讯", 2), ("数据观察", 5)]
    assert [c.id for c in rank(candidates)][:3] == [7, 4, 3]
