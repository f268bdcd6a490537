"""The issue as an A4 PDF: the HTML templates plus issue-paged.css, laid out by WeasyPrint.

WeasyPrint is imported inside ``render_pdf`` (it takes about a second to import).
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from newsdesk.issue.model import Issue
from newsdesk.issue.render import RenderError, render_html

CJK_FONT_PACKAGE = "fonts-wqy-microhei"


@lru_cache(maxsize=1)
def cjk_font_families() -> tuple[str, ...]:
    """Font families fontconfig knows that cover Chinese (``fc-list :lang=zh family``)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        listing = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    families = {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}
    return tuple(sorted(families))


def require_cjk_font() -> None:
    """Without a Chinese font WeasyPrint would print every character as an empty box."""
    if not cjk_font_families():
        raise RenderError(
            f"PDF needs a Chinese font and fontconfig lists none: apt-get install {CJK_FONT_PACKAGE}"
        )


def render_pdf(issue: Issue, *, templates_dir: Path | None = None) -> bytes:
    require_cjk_font()
    html = render_html(issue, templates_dir=templates_dir, paged=True)
    from weasyprint import HTML

    # Relative URLs in an override template resolve against its folder.
    base_url = str(templates_dir or Path.cwd()) + "/"
    return HTML(string=html, base_url=base_url).write_pdf()
