"""The issue as an A4 PDF: the HTML templates plus issue-paged.css, laid out by WeasyPrint.

WeasyPrint and fontTools are imported inside the functions that use them (WeasyPrint takes
about a second to import).

The Chinese font is WenQuanYi Micro Hei (Debian's fonts-wqy-microhei), handed to
WeasyPrint already cut down to the characters of the issue. WeasyPrint subsets every font
it embeds with HarfBuzz, and the HarfBuzz of Debian 12 (6.0) fails on WenQuanYi Micro Hei
past about 900 distinct characters, which any full issue has: WeasyPrint then embeds the
whole 5 MB collection (a 2.4 MB PDF for 50 items, a second spent compressing it).
Subsetting it first with fontTools costs about as long and gives a 190 KB PDF.
"""

from __future__ import annotations

import base64
import io
import logging
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from newsdesk.issue.model import Issue
from newsdesk.issue.render import RenderError, render_html

CJK_FONT_PACKAGE = "fonts-wqy-microhei"
PDF_FONT_FAMILY = "WenQuanYi Micro Hei"
# Characters the PDF prints that are not in the page's source: page numbers.
GENERATED_TEXT = "0123456789"

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def cjk_font_families() -> tuple[str, ...]:
    """Font families fontconfig knows that cover Chinese (``fc-list :lang=zh family``)."""
    listing = _fontconfig("fc-list", ":lang=zh", "family")
    families = {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}
    return tuple(sorted(families))


def require_cjk_font() -> None:
    """Without a Chinese font WeasyPrint would print every character as an empty box."""
    if not cjk_font_families():
        raise RenderError(
            f"PDF needs a Chinese font and fontconfig lists none: apt-get install {CJK_FONT_PACKAGE}"
        )


@lru_cache(maxsize=4)
def font_file(family: str) -> tuple[str, int] | None:
    """(path, index in a collection) of an installed font family, or None."""
    answer = _fontconfig("fc-match", "-f", "%{family}\n%{file}\n%{index}", f"{family}:lang=zh").split("\n")
    if len(answer) != 3 or family not in [name.strip() for name in answer[0].split(",")]:
        return None  # fc-match answered with a fallback, not the family asked for
    return answer[1], int(answer[2] or 0)


def subset_font_uri(family: str, text: str) -> str | None:
    """The installed ``family`` cut down to the characters of ``text``, as a data: URI;
    None when the family is not installed or fontTools cannot cut it (WeasyPrint then
    embeds the installed font itself)."""
    found = font_file(family)
    if found is None:
        return None
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, index = found
    options = subset.Options()
    options.hinting = True  # keeps each glyph's bytes as they are: no decompiling
    options.notdef_outline = True
    options.recalc_bounds = False
    options.layout_features = []  # no vertical or alternate forms in a horizontal page
    options.drop_tables += ["EBDT", "EBLC", "EBSC", "FFTM", "GSUB", "GPOS", "GDEF"]
    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    except Exception as exc:  # a font fontTools cannot read is no reason to print nothing
        log.warning("could not subset %s (%s): %s; embedding it whole", family, path, exc)
        return None
    return "data:font/ttf;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def render_pdf(issue: Issue, *, templates_dir: Path | None = None) -> bytes:
    require_cjk_font()
    html = render_html(issue, templates_dir=templates_dir, paged=True)
    font_uri = subset_font_uri(PDF_FONT_FAMILY, html + GENERATED_TEXT)
    if font_uri:
        html = render_html(issue, templates_dir=templates_dir, paged=True, cjk_font_uri=font_uri)
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    # Relative URLs in an override template resolve against its folder.
    base_url = str(templates_dir or Path.cwd()) + "/"
    return HTML(string=html, base_url=base_url).write_pdf(font_config=FontConfiguration())


def _fontconfig(*command: str) -> str:
    executable = shutil.which(command[0])
    if executable is None:
        return ""
    try:
        return subprocess.run(
            [executable, *command[1:]], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
