"""Bidirectional controls, U+2028 line separators and control codes in text from outside."""

from __future__ import annotations

from newsdesk.archive.parse import parse_issue_text
from newsdesk.collect.pages import extract_html_text, normalize_text, trim_title
from newsdesk.text.normalize import clean_text

ATTRIBUTION = "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidirectional_controls_do_not_reach_item_bodies_or_titles():
    text = "\n".join(
        [
            "【行业资讯】",
            "跨境电商\u202e额大增\u202c",
            "　　上半年跨境电商进出口\u20661.1万亿元\u2069，增长28.6%。",
            ATTRIBUTION,
        ]
    )
    (item,) = parse_issue_text(text).items
    assert item.title == "跨境电商额大增"
    assert item.body == "上半年跨境电商进出口1.1万亿元，增长28.6%。"
    assert not any(ch in item.title + item.body for ch in BIDI)


def test_line_separators_are_line_breaks_to_the_parser():
    for separator in ("\u2028", "\u2029", "\x85", "\r", "\r\n", "\v"):
        text = separator.join(["【行业资讯】", "标题一", "　　正文一句。", ATTRIBUTION])
        issue = parse_issue_text(text)
        assert [(i.column, i.title, i.body) for i in issue.items] == [("行业资讯", "标题一", "正文一句。")], (
            repr(separator)
        )


def test_terminal_escapes_and_controls_are_dropped_from_text():
    assert clean_text("标题\x1b[2J\x1b]0;owned\x07正文\x00\t完") == "标题[2J]0;owned正文\t完"
    assert clean_text("a\u2028b\u2029c") == "a\nb\nc"
    assert normalize_text("第一段\u2028第二段\u202e") == "第一段\n第二段"
    assert trim_title("\u202e标题\x1b[31m_新浪财经") == "标题[31m"


def test_a_page_with_bidi_controls_and_line_separators_is_extracted_clean():
    html = (
        "<html><head><title>\u202e平台新规发布</title></head><body><article><h1>平台新规\u2066发布\u2069</h1>"
        "<p>"
        + "商务部发布平台新规，\u202e要求平台公示规则。" * 8
        + "\u2028第二行。</p></article></body></html>"
    )
    article = extract_html_text(html, "https://example.cn/a/1.html")
    assert not any(ch in article.title + article.text for ch in BIDI + "\u2028")
    assert article.title == "平台新规发布"
