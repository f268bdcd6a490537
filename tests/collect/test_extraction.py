"""Extraction from documents: what ends up as an article's URL, title, date, author and text."""

from __future__ import annotations

import zlib
from datetime import datetime

import pytest

from newsdesk.collect.feeds import parse_feed
from newsdesk.collect.folder import extract_file
from newsdesk.collect.listing import find_article_links
from newsdesk.collect.pages import (
    SHANGHAI,
    date_from_url,
    extract_html,
    parse_datetime,
    stored_html,
    trim_title,
)
from newsdesk.collect.records import CollectError
from newsdesk.collect.urls import canonical_url

from .conftest import COLLECT_FIXTURES, html_page

BODY = "据商务部统计，今年上半年全国网上零售额达到6.3万亿元，同比增长3.1%。\n其中实物商品网上零售额5.45万亿元，同比增长5.6%。"


def test_canonical_url_drops_tracking_parameters_and_fragments():
    url = "HTTP://News.Example.cn:80/a/2022/0628/1.shtml?utm_source=rss&id=7&spm=a21.b&from=timeline#comments"
    assert canonical_url(url) == "http://news.example.cn/a/2022/0628/1.shtml?id=7"
    assert (
        canonical_url("../b.html?utm_medium=x", base="https://x.cn/n/a/index.html") == "https://x.cn/n/b.html"
    )


@pytest.mark.parametrize(
    ("raw", "trimmed"),
    [
        ("商务部：上半年网上零售额增长3.1%_新浪财经_新浪网", "商务部：上半年网上零售额增长3.1%"),
        ("跨境电商综试区再扩容--经济·科技--人民网", "跨境电商综试区再扩容"),
        ("直播电商新规出台 - 中国经济网", "直播电商新规出台"),
        ("即时零售加速崛起|电商报", "即时零售加速崛起"),
        (
            "国务院办公厅印发《关于推进直播电子商务规范健康发展的意见》",
            "国务院办公厅印发《关于推进直播电子商务规范健康发展的意见》",
        ),
        ("稳增长——商务部出台一揽子促消费举措", "稳增长——商务部出台一揽子促消费举措"),
        # a range's dash is not a separator, and a tail with a figure is headline (网上 is no 网)
        ("1—11月全国网上零售额105374亿元", "1—11月全国网上零售额105374亿元"),
        ("1—11月全国网上零售额105374亿元_新浪财经_新浪网", "1—11月全国网上零售额105374亿元"),
        ("数据观察—前5月网上零售额增长5.6%", "数据观察—前5月网上零售额增长5.6%"),
    ],
)
def test_site_suffixes_are_trimmed_from_titles(raw, trimmed):
    assert trim_title(raw) == trimmed


def test_chinese_date_strings_are_beijing_time():
    assert parse_datetime("2022年06月28日 10:21") == datetime(2022, 6, 28, 10, 21, tzinfo=SHANGHAI)
    assert parse_datetime("2022-6-28 9:05:30") == datetime(2022, 6, 28, 9, 5, 30, tzinfo=SHANGHAI)
    assert parse_datetime("2022-06-28T02:21:00Z").utcoffset().total_seconds() == 0
    assert (
        date_from_url("http://www.ce.cn/xwzx/202207/15/t20220715_37865102.shtml").date().isoformat()
        == "2022-07-15"
    )
    assert date_from_url("http://www.news.cn/politics/2022-06/24/c_1128772301.htm").day == 24
    assert date_from_url("http://people.com.cn/n1/2022/0714/c1004-32474701.html").month == 7


def test_page_metadata_date_author_canonical_and_clean_text():
    head = (
        '<link rel="canonical" href="/n1/2022/0628/c1004-1.html?utm_source=wx">'
        '<meta name="author" content="王珂"><meta property="article:published_time" content="2022-06-28T08:00:00+08:00">'
    )
    html = html_page("上半年网上零售额增长3.1%_新浪财经_新浪网", BODY, head=head)
    article = extract_html(html.encode(), "https://finance.example.cn/a.html?from=groupmessage")
    assert article.title == "上半年网上零售额增长3.1%"
    assert article.canonical_url == "https://finance.example.cn/n1/2022/0628/c1004-1.html"
    assert article.published_at == datetime(2022, 6, 28, 8, 0, tzinfo=SHANGHAI)
    assert article.author == "王珂"
    assert article.language == "zh"
    assert article.text.startswith("据商务部统计")  # headline, date line and menus are not text
    assert "首页" not in article.text and "版权所有" not in article.text


def test_date_line_under_the_headline_is_used_without_metadata():
    article = extract_html(
        html_page("商务部召开座谈会", BODY, date="2022年07月05日 15:30").encode(), "http://x.cn/a"
    )
    assert article.published_at == datetime(2022, 7, 5, 15, 30, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("name", "header_charset", "expected"),
    [
        (
            "article_gbk_mislabelled.html",
            "utf-8",
            "实物商品网上零售额",
        ),  # GBK bytes, header and meta say UTF-8
        ("article_gbk_mislabelled.html", None, "实物商品网上零售额"),
        ("article_gb2312.html", "gb2312", "镕字与䶮字"),  # GBK-only characters under a GB2312 label
        ("article_big5.html", None, "臺灣網路購物營收"),
        ("article_big5.html", "iso-8859-1", "臺灣網路購物營收"),
    ],
)
def test_legacy_chinese_encodings_decode_without_mojibake(name, header_charset, expected):
    article = extract_html((COLLECT_FIXTURES / name).read_bytes(), "http://x.cn/a.html", header_charset)
    assert expected in article.text
    assert "\ufffd" not in article.text + article.title


def test_a_date_in_the_site_header_is_not_the_publication_date():
    html = (
        '<html><head><meta charset="utf-8"><title>t</title></head><body>'
        '<div class="topbar">今天是2026年11月26日 星期四</div>'
        f"<div class='main'><div class='article'><p>{BODY}</p><p>{BODY}</p></div></div></body></html>"
    )
    article = extract_html(html.encode(), "http://www.ce.cn/xwzx/202207/15/t20220715_37865102.shtml")
    assert article.published_at == datetime(2022, 7, 15, tzinfo=SHANGHAI)


def test_a_page_without_text_is_an_error():
    with pytest.raises(CollectError, match="empty page"):
        extract_html(b"   \n ", "http://x.cn/a")
    with pytest.raises(CollectError, match="no article text"):
        extract_html(
            b"<html><body><div class='nav'><a href='/'>home</a></div></body></html>", "http://x.cn/a"
        )


def test_kept_html_is_sanitized_before_it_is_shown():
    raw = zlib.compress(
        '<p onclick="steal()">正文<script>alert(1)</script><a href="javascript:x()">链接</a></p>'.encode()
    )
    shown = stored_html(raw)
    assert "正文" in shown and "链接" in shown
    assert "script" not in shown and "onclick" not in shown and "javascript:" not in shown


# -- feeds ------------------------------------------------------------------------------------------

RSS091 = """<?xml version="1.0" encoding="gb2312"?>
<rss version="0.91"><channel><title>中国经济网</title><link>http://www.ce.cn/</link><description>滚动</description>
<item><title>5月份快递业务量同比增长</title><link>http://www.ce.cn/a/t20220617_1.shtml?utm_source=rss</link>
<description>国家邮政局发布数据</description></item></channel></rss>"""

RSS10 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://mofcom.example/"><title>商务部网站</title><link>http://mofcom.example/</link><description>d</description></channel>
<item rdf:about="http://mofcom.example/a/1.shtml"><title>商务部召开座谈会</title><link>http://mofcom.example/a/1.shtml</link>
<dc:date>2022-06-16T18:10:00+08:00</dc:date></item></rdf:RDF>"""

RSS20 = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>人民网</title>
<item><title>商务部：上半年网上零售额6.3万亿元</title><link>http://people.example/n1/2022/0714/c1004-1.html</link>
<pubDate>Thu, 14 Jul 2022 16:32:00 +0800</pubDate><author>罗珊珊</author>
<description>&lt;p&gt;商务部电子商务和信息化司负责人介绍&lt;/p&gt;</description></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>新华网</title>
<id>urn:x</id><updated>2022-06-24T20:12:00+08:00</updated>
<entry><title>国办发文推进直播电商规范健康发展</title><link href="http://xinhua.example/2022-06/24/c_1.htm"/>
<id>urn:1</id><updated>2022-06-24T20:12:00+08:00</updated><author><name>申铖</name></author>
<content type="html">&lt;p&gt;新华社北京6月24日电&lt;/p&gt;</content></entry></feed>"""

JSON_FEED = """{"version": "https://jsonfeed.org/version/1.1", "title": "电商报", "items": [
 {"id": "1", "url": "http://dsb.example/news/2022/06/19/1.html?utm_campaign=x", "title": "京东618累计下单金额3793亿元",
  "date_published": "2022-06-19T09:30:00+08:00", "authors": [{"name": "苏宁宁"}], "content_html": "<p>6月18日晚</p>"}]}"""


@pytest.mark.parametrize(
    ("body", "title", "url", "date"),
    [
        (RSS091.encode("gb2312"), "5月份快递业务量同比增长", "http://www.ce.cn/a/t20220617_1.shtml", None),
        (RSS10.encode(), "商务部召开座谈会", "http://mofcom.example/a/1.shtml", "2022-06-16T18:10:00+08:00"),
        (
            RSS20.encode(),
            "商务部：上半年网上零售额6.3万亿元",
            "http://people.example/n1/2022/0714/c1004-1.html",
            "2022-07-14T16:32:00+08:00",
        ),
        (
            ATOM.encode(),
            "国办发文推进直播电商规范健康发展",
            "http://xinhua.example/2022-06/24/c_1.htm",
            "2022-06-24T20:12:00+08:00",
        ),
        (
            JSON_FEED.encode(),
            "京东618累计下单金额3793亿元",
            "http://dsb.example/news/2022/06/19/1.html",
            "2022-06-19T09:30:00+08:00",
        ),
    ],
    ids=["rss0.91-gb2312", "rss1.0", "rss2.0", "atom", "jsonfeed"],
)
def test_every_feed_format_gives_article_links(body, title, url, date):
    parsed = parse_feed(body, "http://feeds.example/feed")
    assert [link.title for link in parsed.links] == [title]
    assert parsed.links[0].url == url
    published = parsed.links[0].published_at
    assert (published.isoformat() if published else None) == date


def test_a_feed_whose_declared_encoding_is_wrong_is_decoded_right():
    lying = RSS20.encode("gbk")  # GBK bytes under an XML declaration that says UTF-8
    parsed = parse_feed(lying, "http://x", header_charset="iso-8859-1")
    assert parsed.title == "人民网" and parsed.links[0].title == "商务部：上半年网上零售额6.3万亿元"


def test_feed_content_and_author_are_kept_for_fallback():
    link = parse_feed(ATOM.encode(), "http://x").links[0]
    assert link.author == "申铖" and "新华社北京6月24日电" in link.content_html


def test_malformed_feed_and_html_masquerading_as_a_feed_are_clear_errors():
    with pytest.raises(CollectError, match="malformed feed XML"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', "http://x")
    with pytest.raises(CollectError, match="not a feed: the address returns an HTML page"):
        parse_feed(html_page("人民网首页", BODY).encode(), "http://x")
    with pytest.raises(CollectError, match="empty"):
        parse_feed(b"", "http://x")
    with pytest.raises(CollectError, match="malformed JSON Feed"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "http://x")


def test_broken_xml_with_recoverable_entries_is_collected_with_a_warning():
    broken = RSS20.replace("</channel>", "<item><title>半截</ti></channel>")
    parsed = parse_feed(broken.encode(), "http://x")
    assert parsed.links and parsed.warning and "malformed" in parsed.warning


# -- listing pages ------------------------------------------------------------------------------------

LISTING = """<html><head><meta charset="utf-8"><title>滚动新闻-中新网</title></head><body>
<div class="header"><ul class="nav"><li><a href="/gn/">国内新闻频道首页</a></li><li><a href="/cj/">财经频道首页入口</a></li>
<li><a href="/about/2022/0101/intro-page-long-title.shtml">关于我们中国新闻网简介</a></li></ul></div>
<div class="content_list"><ul>
<li><a href="/gn/2022/06-24/9787650.shtml">国办：推进直播电商规范健康发展 鼓励直播加农业</a><span>2022-06-24 21:06</span></li>
<li><a href="/cj/2022/06-19/9783100.shtml?utm_source=list">618落幕：各平台晒成绩单 国货品牌表现亮眼</a><span>2022-06-19 13:20</span></li>
<li><a href="/sh/2022/06-07/9773400.shtml">上海多家电商平台恢复常态化配送</a><span>2022-06-07 10:35</span></li>
</ul></div>
<div class="footer"><a href="/2022/0101/copyright-notice.shtml">版权声明与免责条款全文内容</a>
<a href="https://other.example.com/2022/06-24/1.shtml">友情链接其他网站的一篇文章</a></div></body></html>"""


def test_listing_links_are_discovered_by_url_and_position():
    links = find_article_links(LISTING, "https://www.chinanews.example.cn/scroll-news/news1.html")
    assert [link.url for link in links] == [
        "https://www.chinanews.example.cn/gn/2022/06-24/9787650.shtml",
        "https://www.chinanews.example.cn/cj/2022/06-19/9783100.shtml",
        "https://www.chinanews.example.cn/sh/2022/06-07/9773400.shtml",
    ]
    assert links[0].published_at == datetime(2022, 6, 24, 21, 6, tzinfo=SHANGHAI)


def test_listing_links_follow_a_css_selector_when_given():
    links = find_article_links(LISTING, "https://www.chinanews.example.cn/", css_selector=".footer a")
    assert len(links) == 2
    with pytest.raises(CollectError, match="bad CSS selector"):
        find_article_links(LISTING, "https://x.cn/", css_selector="ul >>> li")


# -- files ----------------------------------------------------------------------------------------------


def test_pdf_docx_and_email_files_become_articles():
    pdf, _raw, content_type = extract_file(str(COLLECT_FIXTURES / "policy.pdf"))
    assert content_type == "application/pdf"
    assert pdf.title == "商务部等部门印发《关于推动电子商务企业绿色发展的通知》"
    assert "绿色包装应用比例" in pdf.text  # a line the page wrapped is joined again

    document, _raw, _type = extract_file(str(COLLECT_FIXTURES / "overseas_warehouse.docx"))
    assert document.title == "跨境电商海外仓建设加快推进"
    assert document.site_name == "中国贸易报" and document.author == "张凡"
    assert document.text.startswith("据商务部介绍")

    mail, _raw, _type = extract_file(str(COLLECT_FIXTURES / "bulletin.eml"))
    assert mail.title == "【商务简报】上半年农村网络零售额约9800亿元"
    assert mail.published_at == datetime(2022, 7, 15, 9, 30, tzinfo=SHANGHAI)
    assert "2600亿元" in mail.text  # GB18030 body decoded


def test_a_pdf_without_text_says_so():
    with pytest.raises(CollectError, match="no text layer"):
        extract_file(str(COLLECT_FIXTURES / "scanned.pdf"))
