import datetime as dt

from newsdesk.editorial.pipeline import attribution_for, merged_attribution
from newsdesk.editorial.relevance import ArchiveText, RelevanceModel

ARCHIVE = [
    ArchiveText(
        "上半年跨境电商进出口增长28.6%", "海关总署发布数据，跨境电商进出口规模持续扩大，海外仓建设加快。"
    ),
    ArchiveText("抖音电商推出助农专场", "抖音电商联合地方政府开展直播带货，帮助农产品上行。"),
    ArchiveText("网上零售额同比增长", "国家统计局数据显示，全国网上零售额增长，实物商品网上零售额占比提高。"),
    ArchiveText("快递业务量稳步回升", "国家邮政局数据显示，快递业务量回升，电商物流保持畅通。"),
]


def test_on_beat_stories_score_higher_and_keywords_count():
    model = RelevanceModel(include=["跨境电商"], exclude=["足球"]).fit(ARCHIVE)
    on_beat = model.score(
        "跨境电商出口保持较快增长", "跨境电商出口增长较快，海外仓数量持续增加，电商平台加快布局。"
    )
    off_beat = model.score("中超联赛：山东泰山主场获胜", "山东泰山队主场2比1战胜对手，足球迷热情高涨。")
    assert on_beat.score > off_beat.score
    plain = (
        RelevanceModel()
        .fit(ARCHIVE)
        .score("中超联赛：山东泰山主场获胜", "山东泰山队主场2比1战胜对手，足球迷热情高涨。")
    )
    assert off_beat.score <= plain.score - 0.4  # the exclude keyword pushes it down
    assert any("include keywords: 跨境电商" in r for r in on_beat.reasons)
    assert any("exclude keywords: 足球" in r for r in off_beat.reasons)
    assert any(r.startswith("like past item") for r in on_beat.reasons)


def test_without_an_archive_relevance_is_neutral_and_says_why():
    result = RelevanceModel().fit([]).score("标题", "正文")
    assert result.score == 0.5
    assert "no archive" in result.reasons[0]


def test_attribution_lines_in_the_house_variants():
    day = dt.date(2022, 6, 28)
    office = "《电子商务动态》编辑部"
    _, newspaper = attribution_for("国际商报", office, day)
    assert newspaper == "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
    _, website = attribution_for("人民网", office, day)
    assert website == "来源：“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
    _, configured = attribution_for("工信微报", office, day, {"工信微报": "“”"})
    assert configured.startswith("来源：“工信微报”")
    assert (
        merged_attribution(office, dt.date(2022, 6, 21))
        == "来源：《电子商务动态》编辑部整理 2022 年 06 月 21 日"
    )
