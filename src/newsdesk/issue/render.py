"""Render an issue in the house format: plain text, Markdown, HTML.

The text rendering is also an interchange format: it parses back to the same items
(``newsdesk.archive.parse``), so an editor can keep issues as .txt files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Issue, Item

BOOK_MARKER = "内容简介"
INDENT = "\u3000\u3000"  # two full-width spaces: the Chinese paragraph indent
FORMATS = ("txt", "md", "html")


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


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsdesk.issue", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(attribution_line=attribution_line, paragraphs=paragraphs, book_marker=BOOK_MARKER)
    return env


def render_html(issue: Issue) -> str:
    return _environment().get_template("issue.html.j2").render(issue=issue, masthead=masthead(issue))


RENDERERS: dict[str, Callable[[Issue], str]] = {
    "txt": render_text,
    "md": render_markdown,
    "html": render_html,
}


def render(issue: Issue, fmt: str) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RENDERERS)}") from None
    return renderer(issue)
