"""The PDF rendering read back with poppler: fonts, text, pages, page numbers, contents."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from newsdesk.archive.importer import parse_issue_file
from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Issue, Publication
from newsdesk.issue.pdf import cjk_font_families, font_file, subset_font_uri
from newsdesk.issue.render import paragraphs, render
from tests.issue.test_render_html import OFFICE, SAMPLE, sample_issue, tiny_png

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_pdf_tools = pytest.mark.skipif(
    not (POPPLER and cjk_font_families()),
    reason="needs a Chinese font (apt-get install fonts-wqy-microhei) and poppler-utils (pdftotext, pdffonts)",
)

# A4 in points and the page margins of issue-paged.css (24 mm top, 22 mm bottom).
A4_WIDTH, A4_HEIGHT = 595, 842
TOP, BOTTOM = 68, 62


def poppler(tool: str, *args: str) -> str:
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text as compared: compatibility forms folded, no whitespace at all (line breaks,
    the paragraph indent and the spaces of justified lines are layout, not text)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def issue_text(issue: Issue) -> str:
    """Column headings, titles, bodies and attribution lines, in the order printed."""
    parts = []
    for column, items in issue.items_by_column():
        parts.append(f"【{column}】")
        for item in items:
            parts.append(item.title)
            if item.attribution is None:
                parts.append("内容简介")
            parts.extend(paragraphs(item))
            if item.attribution is not None:
                parts.append(attribution_line(item.attribution))
    return "".join(parts)


def long_issue(count: int = 50) -> Issue:
    """A full issue of ``count`` items taken from all the bundled sample issues."""
    items, titles = [], set()
    for path in sorted(SAMPLE.parent.glob("*.txt")):
        for item in parse_issue_file(path)[0].items:  # the samples come in several encodings
            if item.title not in titles:
                titles.add(item.title)
                items.append(item)
    columns = ["行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商"]
    chosen = sorted(items[:count], key=lambda i: columns.index(i.column) if i.column in columns else 99)
    assert len(chosen) == count
    return Issue(items=chosen, publication=Publication("电子商务动态", OFFICE, columns), label="2022年第12期")


def write_pdf(issue: Issue, path: Path) -> Path:
    data = render(issue, "pdf")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> tuple[Issue, Path]:
    issue = sample_issue(revision=2)
    return issue, write_pdf(issue, tmp_path_factory.mktemp("pdf") / "issue.pdf")


def pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))


def body_text(pdf: Path) -> str:
    """The text inside the page margins: no running heads, no page numbers."""
    return poppler(
        "pdftotext",
        "-x",
        "0",
        "-y",
        str(TOP),
        "-W",
        str(A4_WIDTH),
        "-H",
        str(A4_HEIGHT - TOP - BOTTOM),
        str(pdf),
        "-",
    )


@needs_pdf_tools
def test_is_an_a4_pdf_with_the_chinese_font_embedded(sample_pdf):
    _, pdf = sample_pdf
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "595.276 x 841.89 pts (A4)" in poppler("pdfinfo", str(pdf))
    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    embedded_cjk = [f for f in fonts if "WenQuanYi" in f and f.split()[-5] == "yes"]
    assert embedded_cjk, fonts
    assert all(f.split()[-5] == "yes" for f in fonts)  # nothing left to the reader's fonts


@needs_pdf_tools
def test_text_is_the_issues_text_in_order(sample_pdf):
    issue, pdf = sample_pdf
    text = squeeze(body_text(pdf))
    assert squeeze(issue_text(issue)) in text
    assert "□" not in text and "\ufffd" not in text


@needs_pdf_tools
def test_masthead_contents_and_colophon_are_printed(sample_pdf):
    issue, pdf = sample_pdf
    first_page = squeeze(poppler("pdftotext", "-f", "1", "-l", "1", str(pdf), "-"))
    for part in (
        "电子商务动态",
        "2022年第8期",
        "总第128期",
        "2022年8月31日",
        "中国国际电子商务中心",
        "修订版第2版",
        "目录",
    ):
        assert part in first_page
    last_page = squeeze(poppler("pdftotext", "-f", str(pages(pdf)), "-l", str(pages(pdf)), str(pdf), "-"))
    assert "本刊内容选自公开报道" in last_page


@needs_pdf_tools
def test_pages_are_numbered_and_carry_the_running_head(sample_pdf):
    _, pdf = sample_pdf
    count = pages(pdf)
    assert count >= 3
    for number in range(1, count + 1):
        footer = page_area(pdf, number, A4_HEIGHT - BOTTOM, BOTTOM)
        assert squeeze(footer) == f"—{number}—"
        head = squeeze(page_area(pdf, number, 0, TOP))
        if number == 1:  # the front page has the masthead instead
            assert head == ""
        else:
            assert head.startswith("《电子商务动态》2022年第8期【")  # and the column the page opens in


def page_area(pdf: Path, number: int, top: int, height: int) -> str:
    return poppler(
        "pdftotext", "-f", str(number), "-l", str(number), "-x", "0", "-W", str(A4_WIDTH),
        "-y", str(top), "-H", str(height), str(pdf), "-",
    )  # fmt: skip


@needs_pdf_tools
def test_contents_give_the_page_each_item_starts_on(sample_pdf):
    issue, pdf = sample_pdf
    contents = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-")
    page_of_title = {}
    for line in contents.splitlines():
        match = re.match(r"\s*(.+?)\s*[·.\s]*\s(\d+)\s*$", line)
        if match:
            page_of_title[squeeze(match.group(1).rstrip("·"))] = int(match.group(2))
    titles = [item.title for _, items in issue.items_by_column() for item in items]
    assert {squeeze(t) for t in titles} <= set(page_of_title)
    for title in titles:
        number = page_of_title[squeeze(title)]
        page_text = squeeze(page_area(pdf, number, TOP, A4_HEIGHT - TOP - BOTTOM))
        assert squeeze(title) in page_text, (title, number)
    assert max(page_of_title.values()) > 1


@needs_pdf_tools
def test_a_long_issue_runs_to_many_pages_with_all_its_text(tmp_path):
    issue = long_issue(50)
    pdf = write_pdf(issue, tmp_path / "long.pdf")
    assert pages(pdf) >= 15
    # the font goes in cut down to the issue's characters, not the whole 5 MB collection
    assert pdf.stat().st_size < 600_000
    assert squeeze(issue_text(issue)) in squeeze(body_text(pdf))


def test_a_family_that_is_not_installed_is_left_to_weasyprint():
    assert font_file("No Such Family 无此字体") is None
    assert subset_font_uri("No Such Family 无此字体", "电子商务") is None


def test_without_a_chinese_font_the_error_says_what_to_install(tmp_path):
    # fontconfig reading a configuration with no font folders: the machine has no fonts at all.
    (tmp_path / "fonts.conf").write_text(
        f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>\n'
    )
    if not shutil.which("fc-list"):
        pytest.skip("fc-list (fontconfig) is not installed")
    script = (
        "from newsdesk.issue.render import render, RenderError\n"
        "from tests.issue.test_render_html import sample_issue\n"
        "try:\n    render(sample_issue(), 'pdf')\nexcept RenderError as exc:\n    print('RenderError:', exc)\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
        check=True,
    )
    assert result.stdout.strip() == (
        "RenderError: PDF needs a Chinese font and fontconfig lists none: apt-get install fonts-wqy-microhei"
    )


@needs_pdf_tools
def test_the_pdf_uses_the_override_templates_and_the_logo(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "issue-paged.css").write_text(
        '@page { size: A4; margin: 24mm 20mm 22mm; @bottom-center { content: "第 " counter(page) " 页"; } }\n'
    )
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    issue = sample_issue()
    issue.publication.logo = str(logo)
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(render(issue, "pdf", templates_dir=templates))
    assert squeeze(page_area(pdf, 2, A4_HEIGHT - BOTTOM, BOTTOM)) == "第2页"
    images = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(images) == 1 and images[0].split()[3:5] == ["1", "1"]  # the 1×1 logo, page 1
