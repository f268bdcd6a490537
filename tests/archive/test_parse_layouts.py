"""Parsing details: layouts without pdftotext's signals, unplaced text, format errors."""

from pathlib import Path

import pytest

from newsdesk.archive.importer import parse_issue_file
from newsdesk.archive.parse import IssueFormatError, parse_issue_text

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "archive"


def test_wrapped_title_in_plain_wrapped_text_is_joined():
    text = (
        "【政策法规】\n"
        "工信部等部门联合发布《数字化助力消费品工业“三品”\n"
        "行动方案》\n"
        "近日，工业和信息化部等五部门联合发布了行动方案，提出数字化助力增品种、提品质、创品\n"
        "牌三个方面的任务，并以专栏形式设置六大工程。\n"
        "行动方案提出，到2025年，消费品工业领域数字技术融合应用能力明显增强，培育一批新品，\n"
        "打造一批知名品牌，形成一批示范企业，企业数字化研发设计工具普及率达到较高的水平。\n"
        "来源：“工信微报” 编选：《电子商务动态》编辑部 2022 年 07 月 04 日\n"
    )
    (item,) = parse_issue_text(text).items
    assert item.title == "工信部等部门联合发布《数字化助力消费品工业“三品”行动方案》"
    assert item.body.startswith("近日，工业和信息化部")
    assert item.body.count("\n") == 1  # two paragraphs


def test_text_outside_items_is_reported_with_line_numbers():
    text = (
        "内部资料 注意保存\n"
        "【行业资讯】\n"
        "京东物流启用新仓\n"
        "　　京东物流在西安启用智能仓。\n"
        "来源：“电商报” 编选：《电子商务动态》编辑部 2022 年 06 月 02 日\n"
        "这一段文字后面没有来源行，\n"
        "不能归入任何条目。\n"
    )
    issue = parse_issue_text(text)
    assert [i.title for i in issue.items] == ["京东物流启用新仓"]
    assert [(u.first_line, u.last_line, u.reason) for u in issue.unplaced] == [
        (1, 1, "text before the first column header"),
        (6, 7, "no attribution line closes this text"),
    ]


def test_no_column_headers_is_an_error():
    with pytest.raises(IssueFormatError, match="column headers"):
        parse_issue_text("京东物流启用新仓\n来源：“电商报” 2022 年 06 月 02 日\n")


def test_no_attribution_lines_is_an_error():
    with pytest.raises(IssueFormatError, match="attribution"):
        parse_issue_text("【行业资讯】\n京东物流启用新仓\n京东物流在西安启用智能仓。\n")


def test_table_of_contents_does_not_open_columns():
    text = (
        "目录\n【行业资讯】\n京东物流启用新仓……………………1\n【数据观察】\n快递业务量突破千亿件…………2\n"
        "【行业资讯】\n京东物流启用新仓\n　　京东物流在西安启用智能仓。\n"
        "来源：“电商报” 编选：《电子商务动态》编辑部 2022 年 06 月 02 日\n"
        "【数据观察】\n快递业务量突破千亿件\n　　全年快递业务量完成1083亿件。\n"
        "来源：《电子商务动态》编辑部整理 2022 年 06 月 03 日\n"
    )
    issue = parse_issue_text(text)
    assert [(i.column, i.title) for i in issue.items] == [
        ("行业资讯", "京东物流启用新仓"),
        ("数据观察", "快递业务量突破千亿件"),
    ]
    assert [u.reason for u in issue.unplaced] == ["table of contents"]


@pytest.mark.parametrize("name", ["2022-03.txt", "2022-05.txt"])
def test_gb18030_and_utf16_sample_files_read_right(name):
    raw = (SAMPLES / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # really not UTF-8
    issue, _ = parse_issue_file(SAMPLES / name)
    assert len(issue.items) >= 10
    assert all("\ufffd" not in i.title + i.body for i in issue.items)
    assert issue.publication.name == "电子商务动态"


def test_pdf_issue_parses_to_the_same_items_as_its_text():
    from_text, _ = parse_issue_file(SAMPLES / "2022-01.txt")
    from_pdf, _ = parse_issue_file(FIXTURES / "issue-2022-01.pdf")
    assert from_pdf.unplaced == []  # running heads and page numbers are dropped
    assert len(from_pdf.items) == len(from_text.items)
    for pdf_item, text_item in zip(from_pdf.items, from_text.items, strict=True):
        a, b = pdf_item.as_public_dict(), text_item.as_public_dict()
        # PDF text extraction may lose a space inside a line; the words must all be there.
        assert "".join(a.pop("body").split()) == "".join(b.pop("body").split())
        assert a == b
        assert pdf_item.body.count("\n") == text_item.body.count("\n")  # same paragraphs


def test_pdftotext_layout_of_the_pdf_issue(tmp_path):
    """poppler's pdftotext lays the same PDF out differently (titles split at their space,
    no indentation, page numbers and running heads between lines); items still come out."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed (.ci/run installs it)")
    out = tmp_path / "issue.txt"
    subprocess.run(["pdftotext", str(FIXTURES / "issue-2022-01.pdf"), str(out)], check=True)
    from_text, _ = parse_issue_file(SAMPLES / "2022-01.txt")
    from_pdf, _ = parse_issue_file(out)
    assert from_pdf.unplaced == []
    key = [(i.column, i.attribution) for i in from_text.items]
    assert [(i.column, i.attribution) for i in from_pdf.items] == key
    same_titles = [a.title == b.title for a, b in zip(from_pdf.items, from_text.items, strict=True)]
    # One title's second part falls right before a page break, where nothing tells it from
    # the body's first line; every other title comes out whole, spaced parts joined.
    assert sum(same_titles) >= len(same_titles) - 1
    assert "春节“不打烊” 多家快递企业公布假期服务安排" in [i.title for i in from_pdf.items]
    for pdf_item, text_item in zip(from_pdf.items, from_text.items, strict=True):
        assert "".join(text_item.body.split()) in "".join((pdf_item.title + pdf_item.body).split()) or (
            "".join(pdf_item.body.split()) in "".join(text_item.body.split())
        )


def _same_items(parsed, expected):
    assert parsed.unplaced == []
    assert len(parsed.items) == len(expected.items)
    for got, want in zip(parsed.items, expected.items, strict=True):
        a, b = got.as_public_dict(), want.as_public_dict()
        assert "".join(a.pop("body").split()) == "".join(b.pop("body").split())
        assert a == b
        assert got.body.count("\n") == want.body.count("\n")


def test_word_exported_pdf_parses_to_the_items_of_its_text(tmp_path):
    """A Word document exported to PDF (LibreOffice): no indentation or gaps survive
    extraction, paragraphs are rebuilt from line widths; titles, outlets, dates exact."""
    import shutil
    import subprocess

    expected, _ = parse_issue_file(SAMPLES / "2022-02.txt")
    _same_items(parse_issue_file(FIXTURES / "issue-2022-02-word.pdf")[0], expected)
    if shutil.which("pdftotext"):
        out = tmp_path / "word.txt"
        subprocess.run(["pdftotext", str(FIXTURES / "issue-2022-02-word.pdf"), str(out)], check=True)
        _same_items(parse_issue_file(out)[0], expected)
