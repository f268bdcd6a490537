"""The HTML rendering read back as a browser would: masthead, contents, items, colophon."""

from __future__ import annotations

import base64
import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsdesk.archive.parse import parse_issue_text
from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Attribution, Issue, Item, Publication
from newsdesk.issue.render import FORMATS, RenderError, paragraphs, render

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues" / "2022-08.txt"
OFFICE = "《电子商务动态》编辑部"


def tiny_png() -> bytes:
    """A real 1×1 PNG, written out rather than checked in."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xb0\x17\x1f"))
        + chunk(b"IEND", b"")
    )


def sample_issue(**changes) -> Issue:
    issue = parse_issue_text(SAMPLE.read_text(encoding="utf-8"))
    issue.publication.office = issue.publication.office or OFFICE
    issue.publication.sponsor = "中国国际电子商务中心"
    issue.serial = 128
    issue.issue_date = dt.date(2022, 8, 31)
    for name, value in changes.items():
        setattr(issue, name, value)
    return issue


def page(issue: Issue, **kwargs):
    text = render(issue, "html", **kwargs)
    assert isinstance(text, str)
    return text, lxml_html.document_fromstring(text)


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def test_every_format_is_registered():
    assert set(FORMATS) == {"txt", "md", "html", "pdf", "docx", "atom"}
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        render(sample_issue(), "rtf")


def test_masthead_names_publication_sponsor_office_label_serial_date_and_revision():
    _, tree = page(sample_issue(revision=2))
    head = tree.xpath("//header[@class='masthead']")[0]
    assert texts(head, ".//h1") == ["电子商务动态"]
    assert texts(head, ".//*[@class='issue-line']") == ["2022年第8期 总第128期 2022年8月31日"]
    makers = texts(head, ".//*[@class='makers']")[0]
    assert "主办：中国国际电子商务中心" in makers and f"编辑：{OFFICE}" in makers
    assert texts(head, ".//*[@class='revision']") == ["修订版 第2版"]
    assert tree.xpath("//title")[0].text == "《电子商务动态》 2022年第8期（修订版 第2版）"


def test_first_revision_without_serial_prints_neither():
    issue = sample_issue(revision=1, serial=None)
    issue.publication.sponsor = None
    text, tree = page(issue)
    assert "总第" not in text and "修订版" not in text and "主办" not in text
    assert tree.xpath("//*[@class='revision']") == []


def test_contents_lists_every_item_by_column_and_links_to_it():
    issue = sample_issue()
    _, tree = page(issue)
    nav = tree.xpath("//nav[@class='contents']")[0]
    columns = [c for c, _ in issue.items_by_column()]
    assert texts(nav, ".//a[@class='contents-column']") == [f"【{c}】" for c in columns]
    item_links = nav.xpath(".//ol[@class='contents-items']//a")
    assert [" ".join(a.text_content().split()) for a in item_links] == [
        " ".join(i.title.split()) for _, items in issue.items_by_column() for i in items
    ]
    for link in nav.xpath(".//a"):
        target = tree.get_element_by_id(link.get("href").removeprefix("#"))
        assert target.tag in ("section", "article")
    # styled as part of the page, not as default links
    assert "nav.contents a { color: inherit; text-decoration: none; }" in tree.xpath("//style")[0].text


def test_items_print_title_body_and_attribution_in_the_issues_order():
    issue = sample_issue()
    _, tree = page(issue)
    articles = tree.xpath("//article[@class='item']")
    ordered = [i for _, items in issue.items_by_column() for i in items]
    assert len(articles) == len(ordered) == len(issue.items)
    for article, item in zip(articles, ordered, strict=True):
        assert texts(article, "./h3") == [" ".join(item.title.split())]
        body = texts(article, "./p[not(@class)]")
        assert body == [" ".join(p.split()) for p in paragraphs(item)]
        if item.attribution is None:
            assert texts(article, "./p[@class='book-marker']") == ["内容简介"]
        else:
            assert texts(article, "./p[@class='attribution']") == [
                " ".join(attribution_line(item.attribution).split())
            ]


def test_colophon_closes_the_page():
    _, tree = page(sample_issue(revision=3))
    colophon = tree.xpath("//footer[@class='colophon']")[0]
    assert colophon.getparent().getchildren()[-1] is colophon
    text = " ".join(colophon.text_content().split())
    for part in (
        "《电子商务动态》",
        "2022年第8期（总第128期）",
        "中国国际电子商务中心",
        OFFICE,
        "2022年8月31日",
        "修订版 第3版",
    ):
        assert part in text
    assert "本刊内容选自公开报道" in text and "版权归原作者所有" in text


def test_page_is_self_contained_responsive_and_has_a_print_stylesheet():
    text, tree = page(sample_issue())
    assert (
        tree.xpath("//link[@rel='stylesheet'] | //script | //*[@src and not(starts-with(@src, 'data:'))]")
        == []
    )
    assert tree.xpath("//meta[@name='viewport']")
    style = tree.xpath("//style")[0].text
    assert "@media print" in style and "@media screen and (max-width: 40em)" in style
    assert "@page" not in style  # the A4 pages are the PDF's, not the browser's


def test_collected_text_is_escaped():
    hostile = Item(
        column="行业资讯",
        title='<script>alert("标题")</script>',
        body='正文<img src=x onerror="alert(1)">\n第二段 & </p><p class="attribution">假来源',
        attribution=Attribution(
            outlet="<b>网</b>", outlet_mark="“”", editorial_office=OFFICE, date=dt.date(2022, 8, 1)
        ),
    )
    issue = Issue(
        items=[hostile], publication=Publication("电子<i>商务</i>", OFFICE, ["行业资讯"]), label="<x>"
    )
    text, tree = page(issue)
    assert tree.xpath("//script | //img | //b | //i | //x") == []
    assert "&lt;script&gt;alert(&#34;标题&#34;)&lt;/script&gt;" in text
    article = tree.xpath("//article")[0]
    assert texts(article, "./h3") == ['<script>alert("标题")</script>']
    assert len(article.xpath("./p[@class='attribution']")) == 1
    assert texts(article, "./p[not(@class)]")[1] == '第二段 & </p><p class="attribution">假来源'


def test_logo_is_inlined_as_a_data_uri(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    issue = sample_issue()
    issue.publication.logo = str(logo)
    _, tree = page(issue)
    src = tree.xpath("//header[@class='masthead']/img[@class='logo']")[0].get("src")
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == logo.read_bytes()


def test_unreadable_logo_is_a_render_error(tmp_path):
    issue = sample_issue()
    issue.publication.logo = str(tmp_path / "missing.png")
    with pytest.raises(RenderError, match="cannot read the logo .*missing.png"):
        render(issue, "html")
    (tmp_path / "notes.txt").write_text("not a picture")
    issue.publication.logo = str(tmp_path / "notes.txt")
    with pytest.raises(RenderError, match="not an image"):
        render(issue, "html")


def test_templates_in_the_override_folder_win(tmp_path):
    (tmp_path / "issue.html.j2").write_text(
        "<p>{{ view.display_name }} {{ view.label }} {{ view.columns | length }}</p>\n"
    )
    assert render(sample_issue(), "html", templates_dir=tmp_path) == "<p>《电子商务动态》 2022年第8期 5</p>"


def test_an_override_of_the_stylesheet_alone_keeps_the_bundled_page(tmp_path):
    (tmp_path / "issue.css").write_text("body { color: rebeccapurple; }\n")
    text, tree = page(sample_issue(), templates_dir=tmp_path)
    assert "rebeccapurple" in text and "var(--desk)" not in text
    assert tree.xpath("//nav[@class='contents']")


def test_a_missing_template_is_named(tmp_path):
    (tmp_path / "issue.html.j2").write_text('<style>{% include "house.css" %}</style>\n')
    with pytest.raises(RenderError, match=r"^template house\.css not found"):
        render(sample_issue(), "html", templates_dir=tmp_path)


def test_a_broken_template_is_named_with_its_line(tmp_path):
    (tmp_path / "issue.html.j2").write_text(
        "<h1>{{ view.name }}</h1>\n<ol>\n{% for c in view.columns %}\n<li>{{ c.name }</li>\n"
    )
    with pytest.raises(RenderError) as caught:
        render(sample_issue(), "html", templates_dir=tmp_path)
    message = str(caught.value)
    assert "issue.html.j2" in message and "line 4" in message and "\n" not in message


def test_an_error_while_rendering_names_the_template_line(tmp_path):
    (tmp_path / "issue.html.j2").write_text("<h1>{{ view.name }}</h1>\n\n{{ view.nothing.deeper }}\n")
    with pytest.raises(RenderError) as caught:
        render(sample_issue(), "html", templates_dir=tmp_path)
    message = str(caught.value)
    assert "issue.html.j2, line 3" in message and "nothing" in message


def test_text_and_markdown_are_unchanged_by_the_published_formats():
    issue = sample_issue(revision=2)
    text = render(issue, "txt")
    original = parse_issue_text(SAMPLE.read_text(encoding="utf-8")).items
    assert [i.as_public_dict() for i in parse_issue_text(text).items] == [
        i.as_public_dict() for i in original
    ]
    assert render(issue, "md").startswith("# 《电子商务动态》 2022年第8期\n")
