import datetime as dt

import pytest

from newsdesk.issue.attribution import attribution_line, find_attribution
from newsdesk.issue.model import Attribution

OFFICE = "《电子商务动态》编辑部"


@pytest.mark.parametrize(
    "line, outlet, mark, compiled, office, date",
    [
        (
            "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日",
            "国际商报",
            "《》",
            False,
            OFFICE,
            "2022-06-28",
        ),
        (
            "来源：“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 26 日",
            "人民网",
            "“”",
            False,
            OFFICE,
            "2022-06-26",
        ),
        (
            "来源：“中国经济网”编选：《电子商务动态》编辑部 2022 年 06 月 29 日",
            "中国经济网",
            "“”",
            False,
            OFFICE,
            "2022-06-29",
        ),
        ("来源：《电子商务动态》编辑部整理 2022 年 06 月 21 日", None, None, True, OFFICE, "2022-06-21"),
        ("来源：“新华社”2022 年 06 月 23 日", "新华社", "“”", False, None, "2022-06-23"),
        (
            "来源：人民日报 编选：《数字经济简报》编辑部 2023年1月5日",
            "人民日报",
            None,
            False,
            "《数字经济简报》编辑部",
            "2023-01-05",
        ),
    ],
)
def test_every_printed_variant_parses(line, outlet, mark, compiled, office, date):
    prefix, a = find_attribution(line)
    assert prefix == ""
    assert (a.outlet, a.outlet_mark, a.office_compiled, a.editorial_office) == (
        outlet,
        mark,
        compiled,
        office,
    )
    assert a.date == dt.date.fromisoformat(date)


def test_glued_attribution_is_split_from_the_body():
    prefix, a = find_attribution(
        "中国样本。                来源：“新华社”编选：《电子商务动态》编辑部 2022 年 06 月 28 日 "
    )
    assert prefix == "中国样本。"
    assert a.outlet == "新华社"


@pytest.mark.parametrize(
    "line", ["数据来源：国家统计局。", "据悉，来源：“新华社”的报道称", "来源：国家统计局"]
)
def test_sentences_mentioning_a_source_are_not_attributions(line):
    assert find_attribution(line) is None


def test_house_variants_are_printed():
    d = dt.date(2022, 6, 28)
    assert attribution_line(Attribution("国际商报", "《》", False, OFFICE, d)) == (
        "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
    )
    assert attribution_line(Attribution("人民网", None, False, OFFICE, d)) == (
        "来源：“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
    )
    assert (
        attribution_line(Attribution(None, None, True, OFFICE, d))
        == "来源：《电子商务动态》编辑部整理 2022 年 06 月 28 日"
    )
    assert (
        attribution_line(Attribution("新华社", "“”", False, None, d)) == "来源：“新华社”2022 年 06 月 28 日"
    )


def test_several_outlets_keep_their_own_marks():
    _, a = find_attribution("来源：《经济日报》、“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 28 日")
    assert a.outlet == "经济日报、人民网"
    assert (
        attribution_line(a) == "来源：《经济日报》、“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
    )


def test_the_attribution_date_is_the_reports_day_in_china_not_the_processing_day():
    import datetime as dt

    from newsdesk.issue.attribution import report_date

    processed = dt.date(2022, 7, 20)
    # 2022-06-22 17:30 UTC is already 6月23日 in Beijing
    assert report_date(dt.datetime(2022, 6, 22, 17, 30, tzinfo=dt.UTC), processed) == dt.date(2022, 6, 23)
    assert report_date(dt.datetime(2022, 6, 22, 17, 30), processed) == dt.date(2022, 6, 23)  # naive = UTC
    assert report_date(None, processed) == processed
