"""The issue as a Word document (DOCX) an office can restyle.

Every paragraph carries a named style (Masthead, Issue Line, Column Heading, Item Title,
Item Body, Attribution, Book Marker, …): an office changes the look of every issue by
changing the styles, not the paragraphs. Column headings and item titles are outline
levels 1 and 2, built on Heading 1 and 2, so the contents field (TOC \\o "1-2") and Word's
navigation pane find them. python-docx is imported inside the functions that use it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Issue
from newsdesk.issue.render import BOOK_MARKER, IssueView, RenderError, issue_view, paragraphs, read_logo

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

# Fonts every Chinese Windows and macOS Office has; elsewhere the reader's fallback applies.
SONG = "宋体"  # body text
HEI = "黑体"  # headings
LATIN_SERIF = "Times New Roman"
LATIN_SANS = "Arial"
RED = "B0171F"
MUTED = "5C5C5C"

# Chinese type sizes: 小初 36 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt.
MASTHEAD_PT = 36
COLUMN_PT = 16
TITLE_PT = 14
BODY_PT = 10.5
SMALL_PT = 9

TOC_INSTRUCTION = r'TOC \o "1-2" \h \z \u'
TOC_PLACEHOLDER = "（目录：打开文档时更新；或右键单击此处，选择“更新域”）"

# Characters XML 1.0 cannot carry (control codes, lone surrogates, U+FFFE/U+FFFF): lxml
# refuses the whole document for one of them in a collected text.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The order WordprocessingML requires of a paragraph's properties (CT_PPr).
_PPR_ORDER = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange"
).split()


@dataclass(frozen=True)
class StyleSpec:
    name: str
    base: str
    east_asian: str
    latin: str
    size_pt: float
    bold: bool = False
    color: str | None = None
    align: str = "left"  # left | center | right | justify
    space_before_pt: float = 0
    space_after_pt: float = 0
    line_spacing: float | None = None
    first_line_chars: int = 0  # first-line indent in characters (Chinese: 2)
    outline_level: int | None = None  # 0 = level 1
    keep_with_next: bool = False
    border: str | None = None  # "top" or "bottom": a red rule
    border_style: str = "double"
    left_indent_chars: int = 0


STYLES = (
    StyleSpec(
        "Masthead",
        "Normal",
        HEI,
        LATIN_SANS,
        MASTHEAD_PT,
        bold=True,
        color=RED,
        align="center",
        space_after_pt=6,
    ),
    StyleSpec("Issue Line", "Normal", SONG, LATIN_SERIF, 12, align="center", space_after_pt=2),
    StyleSpec("Masthead Rule", "Normal", SONG, LATIN_SERIF, 6, space_after_pt=12, border="bottom"),
    StyleSpec(
        "Contents Heading",
        "Normal",
        HEI,
        LATIN_SANS,
        COLUMN_PT,
        color=RED,
        align="center",
        space_before_pt=6,
        space_after_pt=6,
    ),
    StyleSpec(
        "Column Heading",
        "Heading 1",
        HEI,
        LATIN_SANS,
        COLUMN_PT,
        bold=True,
        color=RED,
        space_before_pt=18,
        space_after_pt=10,
        outline_level=0,
        keep_with_next=True,
    ),
    StyleSpec(
        "Item Title",
        "Heading 2",
        HEI,
        LATIN_SANS,
        TITLE_PT,
        align="center",
        space_before_pt=12,
        space_after_pt=8,
        outline_level=1,
        keep_with_next=True,
    ),
    StyleSpec(
        "Book Marker",
        "Normal",
        HEI,
        LATIN_SANS,
        BODY_PT,
        bold=True,
        color=RED,
        space_after_pt=2,
        keep_with_next=True,
    ),
    StyleSpec(
        "Item Body",
        "Normal",
        SONG,
        LATIN_SERIF,
        BODY_PT,
        align="justify",
        space_after_pt=3,
        line_spacing=1.5,
        first_line_chars=2,
    ),
    StyleSpec(
        "Attribution",
        "Normal",
        SONG,
        LATIN_SERIF,
        SMALL_PT,
        color=MUTED,
        align="right",
        space_before_pt=4,
        space_after_pt=12,
    ),
    StyleSpec("Colophon", "Normal", SONG, LATIN_SERIF, SMALL_PT, color=MUTED, space_after_pt=2),
    StyleSpec(
        "Colophon Title",
        "Normal",
        HEI,
        LATIN_SANS,
        BODY_PT,
        bold=True,
        space_before_pt=24,
        space_after_pt=4,
        border="top",
    ),
    # Word's own names for the contents entries: the TOC field fills paragraphs of these.
    StyleSpec("toc 1", "Normal", HEI, LATIN_SANS, BODY_PT, color=RED, space_before_pt=4, space_after_pt=0),
    StyleSpec("toc 2", "Normal", SONG, LATIN_SERIF, BODY_PT, space_after_pt=0, left_indent_chars=2),
    StyleSpec(
        "Running Head",
        "Header",
        SONG,
        LATIN_SERIF,
        SMALL_PT,
        color=MUTED,
        border="bottom",
        border_style="single",
    ),
    StyleSpec("Page Number", "Footer", SONG, LATIN_SERIF, SMALL_PT, align="center"),
)


def render_docx(issue: Issue) -> bytes:
    from docx import Document

    logo = read_logo(issue)
    document = Document()
    _page_setup(document)
    _define_styles(document)
    add = _paragraph_writer(document)
    view = issue_view(issue)

    if logo is not None:
        _logo(add, *logo, issue.publication.logo or "")
    add(view.name or view.display_name, "Masthead")
    issue_line = "　　".join(x for x in (view.label, view.serial_line, view.date_line) if x)
    if issue_line:
        add(issue_line, "Issue Line")
    makers = "　　".join(x for x in (_labelled("主办", view.sponsor), _labelled("编辑", view.office)) if x)
    if makers:
        add(makers, "Issue Line")
    if view.revision_line:
        add(f"【{view.revision_line}】", "Issue Line")
    add("", "Masthead Rule")

    add("目　录", "Contents Heading")
    _contents_field(add, view)

    for column in view.columns:
        add(f"【{column.name}】", "Column Heading")
        for _anchor, item in column.items:
            add(item.title, "Item Title")
            if item.attribution is None:
                add(BOOK_MARKER, "Book Marker")
            body = [add(text.strip(), "Item Body") for text in paragraphs(item)]
            if item.attribution is not None:
                if body:  # the attribution never starts a page alone
                    body[-1].paragraph_format.keep_with_next = True
                add(attribution_line(item.attribution), "Attribution")

    add(view.display_name, "Colophon Title")
    issue_number = f"{view.label}（{view.serial_line}）" if view.label and view.serial_line else view.label
    for line in (
        _labelled("期号", issue_number),
        _labelled("主办", view.sponsor),
        _labelled("编辑", view.office),
        _labelled("出版日期", view.date_line),
        _labelled("版次", view.revision_line),
        view.copyright_note,
    ):
        if line:
            add(line, "Colophon")

    _running_head_and_page_numbers(document, " ".join(x for x in (view.display_name, view.label) if x))
    _update_fields_on_open(document)
    _drop_template_thumbnail(document)
    document.core_properties.title = _xml_text(view.title)
    document.core_properties.author = _xml_text(view.office or view.display_name)
    document.core_properties.language = "zh-CN"

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


AddParagraph = Callable[[str, str], "Paragraph"]


def _paragraph_writer(document: Document) -> AddParagraph:
    """``add(text, style name)``: a paragraph at the end of the body.

    The style id is looked up once per style: python-docx's ``style=`` argument compares
    the style with the default one by scanning every style in the document, for every
    paragraph (0.8 s of a 50-item issue).
    """
    style_ids = {style.name: style.style_id for style in document.styles}

    def add(text: str, style: str) -> Paragraph:
        paragraph = document.add_paragraph(_xml_text(text))
        paragraph._p.style = style_ids[style]
        return paragraph

    return add


def _labelled(label: str, value: str | None) -> str | None:
    return f"{label}：{value}" if value else None


# -- page, styles -------------------------------------------------------------------------------


def _page_setup(document: Document) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.left_margin = section.right_margin = Mm(22)
        section.header_distance = section.footer_distance = Mm(12)


def _define_styles(document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    # The document defaults name theme fonts and a US English East Asian language: replace
    # them, or Chinese text falls back to whatever the theme says.
    defaults = styles.element.find(_qn("w:docDefaults"))
    default_rpr = defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    _set_fonts(default_rpr, SONG, LATIN_SERIF)
    language = default_rpr.find(_qn("w:lang"))
    if language is not None:
        language.set(_qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), SONG, LATIN_SERIF)
    normal.font.size = _pt(BODY_PT)
    for heading in ("Heading 1", "Heading 2"):
        _set_fonts(styles[heading].element.get_or_add_rPr(), HEI, LATIN_SANS)

    for spec in STYLES:
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[spec.base]
        style.quick_style = True
        _apply(style, spec)
    for name in ("Item Title", "Book Marker"):
        styles[name].next_paragraph_style = styles["Item Body"]


def _apply(style, spec: StyleSpec) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    font = style.font
    font.size = _pt(spec.size_pt)
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor.from_string(spec.color or "000000")
    _set_fonts(style.element.get_or_add_rPr(), spec.east_asian, spec.latin)

    fmt = style.paragraph_format
    fmt.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[spec.align]
    fmt.space_before = _pt(spec.space_before_pt)
    fmt.space_after = _pt(spec.space_after_pt)
    fmt.keep_with_next = spec.keep_with_next
    if spec.line_spacing:
        fmt.line_spacing = spec.line_spacing
    ppr = style.element.get_or_add_pPr()
    if spec.first_line_chars:
        # firstLineChars indents by characters of the paragraph's own size; firstLine (twips)
        # is for readers that ignore it.
        fmt.first_line_indent = _pt(spec.first_line_chars * spec.size_pt)
        ppr.find(_qn("w:ind")).set(_qn("w:firstLineChars"), str(spec.first_line_chars * 100))
    if spec.left_indent_chars:
        fmt.left_indent = _pt(spec.left_indent_chars * spec.size_pt)
        ppr.find(_qn("w:ind")).set(_qn("w:leftChars"), str(spec.left_indent_chars * 100))
    if spec.outline_level is not None:
        _set_ppr_child(ppr, "w:outlineLvl", val=str(spec.outline_level))
    if spec.border:
        border = _element("w:pBdr")
        border.append(
            _element(
                f"w:{spec.border}",
                val=spec.border_style,
                sz="12" if spec.border_style == "double" else "6",
                space="4",
                color=RED,
            )
        )
        _set_ppr_child(ppr, border)


def _set_fonts(rpr: BaseOxmlElement, east_asian: str, latin: str) -> None:
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(theme), None)
    fonts.set(_qn("w:ascii"), latin)
    fonts.set(_qn("w:hAnsi"), latin)
    fonts.set(_qn("w:eastAsia"), east_asian)
    fonts.set(_qn("w:cs"), latin)


def _set_ppr_child(ppr: BaseOxmlElement, child: BaseOxmlElement | str, **attributes: str) -> None:
    """Put ``child`` into paragraph properties at the place the schema requires."""
    element = _element(child, **attributes) if isinstance(child, str) else child
    tag = element.tag
    existing = ppr.find(tag)
    if existing is not None:
        ppr.remove(existing)
    successors = _PPR_ORDER[_PPR_ORDER.index(_prefixed(tag)) + 1 :]
    ppr.insert_element_before(element, *successors)


# -- fields: contents, page numbers ---------------------------------------------------------------


def _contents_field(add: AddParagraph, view: IssueView) -> None:
    """A TOC field over outline levels 1–2; Word fills in the page numbers when the document
    opens (updateFields). Until then, and in readers that never update fields, it shows the
    columns and titles it will list."""
    entries = []
    for column in view.columns:
        entries.append(("toc 1", f"【{column.name}】"))
        entries.extend(("toc 2", item.title) for _anchor, item in column.items)
    if not entries:
        entries = [("toc 1", TOC_PLACEHOLDER)]
    first = add("", entries[0][0])
    _field_start(first, TOC_INSTRUCTION)
    first.add_run(_xml_text(entries[0][1]))
    last = first
    for style, text in entries[1:]:
        last = add(text, style)
    _field_end(last)


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    _field_start(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_end(paragraph)


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="begin", dirty="true"))
    instr = _element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))


def _field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def _running_head_and_page_numbers(document: Document, running_head: str) -> None:
    for section in document.sections:
        # The front page has the masthead instead of a running head; every page has its number.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.text = _xml_text(running_head)
        header.style = document.styles["Running Head"]
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.style = document.styles["Page Number"]
            paragraph.add_run("— ")
            _field(paragraph, "PAGE", "1")
            paragraph.add_run(" —")


def _update_fields_on_open(document: Document) -> None:
    settings = document.settings.element
    existing = settings.find(_qn("w:updateFields"))
    if existing is None:
        settings.append(_element("w:updateFields", val="true"))


def _drop_template_thumbnail(document: Document) -> None:
    """python-docx's default template carries a preview picture of some other document."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[rel_id]


# -- the logo ------------------------------------------------------------------------------------


def _logo(add: AddParagraph, data: bytes, media_type: str, path: str) -> None:
    from docx.image.exceptions import UnrecognizedImageError
    from docx.shared import Mm

    paragraph = add("", "Issue Line")
    try:
        paragraph.add_run().add_picture(io.BytesIO(data), height=Mm(16))
    except UnrecognizedImageError as exc:
        raise RenderError(
            f"cannot use the logo {path} in DOCX: Word documents take PNG, JPEG, GIF or BMP ({media_type} given)"
        ) from exc


def _xml_text(text: str) -> str:
    return _XML_INCOMPATIBLE.sub("", text)


# -- small helpers ---------------------------------------------------------------------------------


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _prefixed(clark: str) -> str:
    return "w:" + clark.rsplit("}", 1)[1]


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), value)
    return element


def _pt(points: float):
    from docx.shared import Pt

    return Pt(points)
