"""Render an issue in the house format: text, Markdown, HTML, PDF, DOCX, Atom.

The text rendering is also an interchange format: it parses back to the same items
(``newsdesk.archive.parse``), so an editor can keep issues as .txt files.

HTML and PDF come from the same Jinja2 templates (``templates/``); a folder of overrides
given as ``templates_dir`` wins over the bundled templates of the same name. PDF, DOCX and
Atom live in their own modules, imported only when asked for: WeasyPrint and python-docx
take a second to import, and ``newsdesk --help`` must not pay for them.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.issue.attribution import attribution_line, report_date
from newsdesk.issue.model import Issue, Item

if TYPE_CHECKING:
    from jinja2 import Environment

BOOK_MARKER = "内容简介"
INDENT = "\u3000\u3000"  # two full-width spaces: the Chinese paragraph indent
BINARY_FORMATS = ("pdf", "docx")
HTML_TEMPLATE = "issue.html.j2"
COPYRIGHT_NOTE = "本刊内容选自公开报道，仅供内部参考，版权归原作者所有。"


class RenderError(Exception):
    """An issue could not be rendered; the message is one line, meant for the user."""


def masthead(issue: Issue) -> list[str]:
    lines = [issue.publication.display_name] if issue.publication.name else []
    if issue.label:
        lines.append(issue.label)
    return lines


def paragraphs(item: Item) -> list[str]:
    return [p for p in item.body.split("\n") if p.strip()]


def render_text(issue: Issue) -> str:
    out: list[str] = []
    head = masthead(issue)
    if head:
        out.extend(head)
        out.append("")
    for column, column_items in issue.items_by_column():
        out.extend([f"【{column}】", ""])
        for item in column_items:
            out.append(item.title)
            if item.attribution is None:
                out.append(BOOK_MARKER)
            else:
                out.append("")
            out.extend(INDENT + p for p in paragraphs(item))
            if item.attribution is not None:
                out.append(attribution_line(item.attribution))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_escape(text: str) -> str:
    # Only what would change meaning at the start of a line or inline in CommonMark.
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "#"):
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(issue: Issue) -> str:
    out: list[str] = []
    head = masthead(issue)
    if head:
        out.extend([f"# {_md_escape(' '.join(head))}", ""])
    for column, column_items in issue.items_by_column():
        out.extend([f"## 【{_md_escape(column)}】", ""])
        for item in column_items:
            out.extend([f"### {_md_escape(item.title)}", ""])
            if item.attribution is None:
                out.extend([f"**{BOOK_MARKER}**", ""])
            for p in paragraphs(item):
                out.extend([_md_escape(p), ""])
            if item.attribution is not None:
                out.extend([f"*{_md_escape(attribution_line(item.attribution))}*", ""])
    return "\n".join(out).rstrip("\n") + "\n"


# -- what the published formats print ----------------------------------------------------------


def chinese_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def printed_issue_date(issue: Issue) -> dt.date | None:
    """The date printed for an issue: its own, else the day it was published (China time),
    else its newest item's."""
    if issue.issue_date:
        return issue.issue_date
    if issue.published_at:
        return report_date(issue.published_at, fallback=dt.date.today())
    return issue.newest_item_date()


def revision_note(issue: Issue) -> str | None:
    return f"修订版 第{issue.revision}版" if issue.revision > 1 else None


@dataclass(frozen=True)
class ColumnView:
    anchor: str
    name: str
    items: list[tuple[str, Item]]  # (anchor, item)


@dataclass(frozen=True)
class IssueView:
    """Everything the HTML/PDF templates and the DOCX writer print, worked out once."""

    issue: Issue
    name: str | None  # journal name without 《》
    display_name: str
    office: str | None
    sponsor: str | None
    label: str | None
    serial_line: str | None  # 总第N期
    date_line: str | None
    revision_line: str | None
    title: str  # the document title: 《电子商务动态》 2022年第8期
    columns: list[ColumnView]
    copyright_note: str


def issue_view(issue: Issue) -> IssueView:
    columns = []
    for number, (column, column_items) in enumerate(issue.items_by_column(), start=1):
        anchored = [(f"item-{number}-{i}", item) for i, item in enumerate(column_items, start=1)]
        columns.append(ColumnView(anchor=f"col-{number}", name=column, items=anchored))
    date = printed_issue_date(issue)
    publication = issue.publication
    return IssueView(
        issue=issue,
        name=publication.name,
        display_name=publication.display_name,
        office=publication.office,
        sponsor=publication.sponsor,
        label=issue.label,
        serial_line=f"总第{issue.serial}期" if issue.serial else None,
        date_line=chinese_date(date) if date else None,
        revision_line=revision_note(issue),
        title=" ".join(masthead(issue)) or publication.display_name,
        columns=columns,
        copyright_note=COPYRIGHT_NOTE,
    )


def read_logo(issue: Issue) -> tuple[bytes, str] | None:
    """The logo's bytes and media type, or None when the publication has none."""
    logo = issue.publication.logo
    if not logo:
        return None
    path = Path(logo).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"cannot read the logo {path}: {exc.strerror or exc}") from exc
    if not data:
        raise RenderError(f"cannot read the logo {path}: the file is empty")
    media_type = mimetypes.guess_type(path.name)[0]
    if not media_type or not media_type.startswith("image/"):
        raise RenderError(f"cannot read the logo {path}: not an image file (PNG, JPEG or SVG)")
    return data, media_type


def logo_data_uri(issue: Issue) -> str | None:
    logo = read_logo(issue)
    if logo is None:
        return None
    data, media_type = logo
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


# -- templates -----------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _environment(templates_dir: str | None) -> Environment:
    # Jinja2 is imported here, not at the top: the CLI imports this module for every command.
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

    loaders = [PackageLoader("newsdesk.issue", "templates")]
    if templates_dir is not None:
        loaders.insert(0, FileSystemLoader(templates_dir))
    env = Environment(
        loader=ChoiceLoader(loaders),
        # Collected text is hostile: everything printed into HTML is escaped.
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(attribution_line=attribution_line, paragraphs=paragraphs, book_marker=BOOK_MARKER)
    return env


def _template_error(name: str, exc: Exception, templates_dir: Path | None) -> RenderError:
    """A one-line message naming the template file and line where ``exc`` arose."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    if isinstance(exc, TemplateNotFound):
        if templates_dir:
            return RenderError(f"template {exc.name} not found: neither in {templates_dir} nor bundled")
        return RenderError(f"template {exc.name} not found among the bundled templates")
    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or exc.name or name
        return RenderError(f"template {where}, line {exc.lineno}: {exc.message}")
    # Jinja2 rewrites tracebacks so that template frames carry the template's file and line.
    where = name
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".j2", ".html", ".css")):
            where = f"{frame.filename}, line {frame.lineno}"
            break
    return RenderError(f"template {where}: {type(exc).__name__}: {exc}")


def render_template(name: str, templates_dir: Path | None = None, **context: object) -> str:
    env = _environment(str(templates_dir) if templates_dir is not None else None)
    try:
        return env.get_template(name).render(**context)
    except RenderError:
        raise
    except Exception as exc:  # any error inside a template is the template's, named as such
        raise _template_error(name, exc, templates_dir) from exc


def render_html(
    issue: Issue, *, templates_dir: Path | None = None, paged: bool = False, cjk_font_uri: str | None = None
) -> str:
    """One self-contained page: styles inline, the logo as a data: URI.

    ``paged`` adds the print stylesheet WeasyPrint lays out as A4 pages (running head, page
    numbers, page numbers in the contents); ``cjk_font_uri`` is the Chinese font it embeds.
    """
    return render_template(
        HTML_TEMPLATE,
        templates_dir,
        issue=issue,
        view=issue_view(issue),
        masthead=masthead(issue),
        logo_uri=logo_data_uri(issue),
        paged=paged,
        cjk_font_uri=cjk_font_uri,
    )


# -- the registry ---------------------------------------------------------------------------------


def _html(issue: Issue, templates_dir: Path | None) -> str:
    return render_html(issue, templates_dir=templates_dir)


def _pdf(issue: Issue, templates_dir: Path | None) -> bytes:
    from newsdesk.issue.pdf import render_pdf

    return render_pdf(issue, templates_dir=templates_dir)


def _docx(issue: Issue, templates_dir: Path | None) -> bytes:
    from newsdesk.issue.word import render_docx

    return render_docx(issue)


def _atom(issue: Issue, templates_dir: Path | None) -> str:
    from newsdesk.issue.atom import render_issue_atom

    return render_issue_atom(issue)


RENDERERS: dict[str, Callable[[Issue, Path | None], str | bytes]] = {
    "txt": lambda issue, _templates_dir: render_text(issue),
    "md": lambda issue, _templates_dir: render_markdown(issue),
    "html": _html,
    "pdf": _pdf,
    "docx": _docx,
    "atom": _atom,
}
FORMATS = tuple(RENDERERS)


def render(issue: Issue, fmt: str, *, templates_dir: Path | None = None) -> str | bytes:
    """The issue in ``fmt`` (one of FORMATS): text for txt, md, html and atom, bytes for pdf
    and docx. Raises RenderError with a message for the user when it cannot be done."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(issue, templates_dir)
