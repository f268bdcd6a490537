"""Property: the house text rendering parses back to the same items."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.archive.parse import parse_issue_text
from newsdesk.issue.model import Attribution, Issue, Item, Publication
from newsdesk.issue.render import render_text
from newsdesk.text.normalize import tidy_spaces

COLUMNS = ["行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商"]
OFFICE = "《电子商务动态》编辑部"
HANZI = "电子商务平台企业数字经济发展消费市场网络直播物流快递跨境农村监管政策规范服务数据增长亿元同比国务院商务部京东淘宝"
PUNCT = "，、；：“”《》（）"
LATIN = "ABCDEFGeBayiPhone0123456789.% "

text_chars = st.sampled_from(HANZI * 4 + PUNCT + LATIN)
phrase = st.text(text_chars, min_size=4, max_size=60).map(tidy_spaces).filter(lambda s: len(s) >= 4)
sentence_end = st.sampled_from(["。", "！", "？", "”。", ""])
paragraph = st.builds(lambda p, end: p + end, phrase, sentence_end)
outlets = st.sampled_from(["人民网", "新华社", "国际商报", "中国经济网", "电商报", "经济日报", "澎湃新闻"])
dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def attributions(draw):
    variant = draw(st.sampled_from(["selected", "compiled", "outlet-only"]))
    date = draw(dates)
    if variant == "compiled":
        return Attribution(office_compiled=True, editorial_office=OFFICE, date=date)
    outlet = draw(outlets)
    mark = "《》" if outlet.endswith("报") else "“”"
    office = OFFICE if variant == "selected" else None
    return Attribution(outlet=outlet, outlet_mark=mark, editorial_office=office, date=date)


@st.composite
def issues(draw):
    columns = sorted(draw(st.sets(st.sampled_from(COLUMNS), min_size=1)), key=COLUMNS.index)
    # Titles and paragraphs are distinct within an issue, as in real ones: a short line
    # repeated on three pages is taken for a running head.
    titles = iter(draw(st.lists(phrase, min_size=40, max_size=40, unique=True)))
    texts = iter(draw(st.lists(paragraph, min_size=160, max_size=160, unique=True)))
    items = []
    for column in columns:
        for _ in range(draw(st.integers(1, 4))):
            body = "\n".join(next(texts) for _ in range(draw(st.integers(1, 4))))
            attribution = None if column == "悦读电商" else draw(attributions())
            items.append(Item(column=column, title=next(titles), body=body, attribution=attribution))
    return Issue(items=items, publication=Publication("电子商务动态", OFFICE, COLUMNS), label="2022年第7期")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_rendered_text_parses_back_to_the_same_items(issue):
    parsed = parse_issue_text(render_text(issue))
    assert parsed.unplaced == []
    assert [i.as_public_dict() for i in parsed.items] == [i.as_public_dict() for i in issue.items]
    assert parsed.label == issue.label
    assert parsed.publication.name == "电子商务动态"
