"""One item as the house text and back: what ``newsdesk draft edit`` hands to $EDITOR.

The editor sees exactly what will print (column header, title, indented paragraphs, the
attribution line) and the parser of issues reads the edit back, so every variant of the
attribution line an issue may carry is understood here too.
"""

from __future__ import annotations

from newsdesk.archive.parse import IssueFormatError, parse_issue_text
from newsdesk.issue.model import Issue, Item
from newsdesk.issue.render import render_text


class ItemTextError(ValueError):
    """The edited text is not one item in the house format; the message says what is wrong."""


def item_house_text(item: Item) -> str:
    return render_text(Issue(items=[item]))


def item_from_house_text(text: str, source_url: str | None = None) -> Item:
    try:
        issue = parse_issue_text(text)
    except IssueFormatError as exc:
        raise ItemTextError(str(exc)) from exc
    if issue.unplaced:
        u = issue.unplaced[0]
        raise ItemTextError(f"line {u.first_line}: {u.reason}: {u.text[:40]}")
    if len(issue.items) != 1:
        raise ItemTextError(f"expected one item, found {len(issue.items)}")
    item = issue.items[0]
    item.source_url = source_url
    item.first_line = item.last_line = None
    return item
