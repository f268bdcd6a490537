"""The DOCX rendering opened again with python-docx: styles, order, contents and page fields."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.render import RenderError, paragraphs, render
from tests.issue.test_render_html import OFFICE, sample_issue, tiny_png

ITEM_STYLES = ("Column Heading", "Item Title", "Book Marker", "Item Body", "Attribution")


def open_docx(issue):
    data = render(issue, "docx")
    assert isinstance(data, bytes) and data.startswith(b"PK")
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def issue():
    return sample_issue(revision=2)


@pytest.fixture(scope="module")
def document(issue):
    return open_docx(issue)


def instructions(element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(qn("w:instrText"))]


def test_items_come_in_order_with_their_named_styles(issue, document):
    expected = []
    for column, items in issue.items_by_column():
        expected.append(("Column Heading", f"【{column}】"))
        for item in items:
            expected.append(("Item Title", item.title))
            if item.attribution is None:
                expected.append(("Book Marker", "内容简介"))
            expected.extend(("Item Body", p.strip()) for p in paragraphs(item))
            if item.attribution is not None:
                expected.append(("Attribution", attribution_line(item.attribution)))
    found = [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ITEM_STYLES]
    assert found == expected


def test_masthead_and_colophon(document):
    by_style = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Masthead"] == ["电子商务动态"]
    issue_lines = " ".join(by_style["Issue Line"])
    for part in (
        "2022年第8期",
        "总第128期",
        "2022年8月31日",
        "主办：中国国际电子商务中心",
        f"编辑：{OFFICE}",
        "修订版 第2版",
    ):
        assert part in issue_lines
    colophon = by_style["Colophon Title"] + by_style["Colophon"]
    assert colophon[0] == "《电子商务动态》"
    assert any("本刊内容选自公开报道" in line for line in colophon)
    assert document.paragraphs[-1].style.name == "Colophon"


def test_styles_are_real_restylable_styles(document):
    styles = document.styles
    for name in (
        "Masthead",
        "Issue Line",
        "Column Heading",
        "Item Title",
        "Item Body",
        "Attribution",
        "Book Marker",
    ):
        style = styles[name]
        assert style.type == 1 and not style.builtin  # a paragraph style of the document's own
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体")
    assert styles["Item Body"].base_style.name == "Normal"
    assert styles["Column Heading"].base_style.name == "Heading 1"
    assert styles["Item Title"].base_style.name == "Heading 2"
    indent = styles["Item Body"].element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"  # two characters
    levels = {
        name: styles[name].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val"))
        for name in ("Column Heading", "Item Title")
    }
    assert levels == {"Column Heading": "0", "Item Title": "1"}
    # the document defaults no longer point Chinese text at the theme's fonts
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsiaTheme")) is None


def test_contents_field_lists_the_outline_and_updates_when_opened(issue, document):
    body = document.element.body
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions(body)
    entries = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert entries[0] == "【行业资讯】" and entries[1] == issue.items_by_column()[0][1][0].title
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_page_numbers_in_the_footer_running_head_and_a4(document):
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    for footer in (section.footer, section.first_page_footer):
        assert "PAGE" in instructions(footer._element)
    assert section.header.paragraphs[0].text == "《电子商务动态》 2022年第8期"
    assert section.different_first_page_header_footer


def test_logo_is_embedded(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    issue = sample_issue()
    issue.publication.logo = str(logo)
    document = open_docx(issue)
    assert len(document.inline_shapes) == 1
    images = [p.blob for p in document.part.package.parts if p.content_type.startswith("image/")]
    assert images == [logo.read_bytes()]
    assert document.paragraphs[1].style.name == "Masthead"  # the logo stands above the name


def test_a_logo_word_cannot_take_is_a_render_error(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    issue = sample_issue()
    issue.publication.logo = str(logo)
    with pytest.raises(RenderError, match="logo .*logo.svg.*PNG"):
        render(issue, "docx")
    issue.publication.logo = str(tmp_path / "gone.png")
    with pytest.raises(RenderError, match="cannot read the logo"):
        render(issue, "docx")


def test_characters_xml_cannot_carry_are_dropped_not_fatal():
    issue = sample_issue()
    first = issue.items_by_column()[0][1][0]
    first.title = "标题\x0b带\x00控制符"
    first.body = "正文\x1f一段\ud800。"
    document = open_docx(issue)
    texts = [p.text for p in document.paragraphs]
    assert "标题带控制符" in texts and "正文一段。" in texts
    issue.publication.name = "电子\x01商务动态"
    issue.publication.office = "编辑部\x02"
    assert open_docx(issue).sections[0].header.paragraphs[0].text.startswith("《电子商务动态》")
