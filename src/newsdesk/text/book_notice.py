"""Is an article a book notice (悦读电商: 内容简介, 本书, 出版社 …)?

A cue of the kind of text, used by the column choice and by the same-story decision (two
notices of different books share the wording of notices, not a story).
"""

from __future__ import annotations

import re

_BOOK = re.compile(r"(?:内容简介|本书|作者简介|全书|该书|书中|出版社|著者|编著|适合[^。]{0,20}阅读)")


def book_notice_signals(title: str, body: str) -> list[str]:
    """What shows a book notice (内容简介, 本书, 出版社 …), or nothing: it needs 内容简介 near
    the top or two mentions of such words."""
    head = title + "\n" + body[:300]
    found = _BOOK.findall(head + body[:600])
    if "内容简介" in head or len(found) >= 2:
        return list(dict.fromkeys(found)) or ["内容简介"]
    return []
