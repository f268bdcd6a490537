"""Local folders of HTML, TXT, PDF, DOCX and .eml files; new files are picked up on each run."""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsdesk.collect.pages import (
    SHANGHAI,
    TEXT_DATE,
    author_from_text,
    date_from_url,
    datetime_from_match,
    extract_html,
    normalize_language,
    normalize_text,
    parse_datetime,
    strip_heading_lines,
    text_from_fragment,
)
from newsdesk.collect.records import CollectError, ExtractedArticle
from newsdesk.text.encoding import NotTextError, decode_bytes

FOLDER_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".eml": "message/rfc822",
}
_PARAGRAPH_ENDS = ("。", "！", "？", "：", "；", "”", "」", "》", ".", "!", "?", ":")
_OUTLET_LINE = re.compile(r"^\s*(?:来源|稿源|出处)\s*[:：]\s*(\S{2,30})")


@dataclass
class FolderFile:
    path: Path
    relative: str
    size: int
    mtime: float

    @property
    def fingerprint(self) -> list[float]:
        return [self.size, self.mtime]


def scan_folder(folder: Path, problems: list[str] | None = None) -> list[FolderFile]:
    """Files of known kinds under ``folder``, oldest first so that a run reads in arrival order.

    A file that vanishes or cannot be looked at while the folder is read is left out (and
    named in ``problems``): the next run sees it again.
    """
    if not folder.is_dir():
        raise CollectError(f"folder not found: {folder}")
    found = []
    for path in folder.rglob("*"):
        if path.suffix.lower() not in FOLDER_SUFFIXES or path.name.startswith("."):
            continue
        relative = path.relative_to(folder).as_posix()
        try:
            if not path.is_file():
                if path.is_symlink() and problems is not None:
                    problems.append(f"{relative}: broken symbolic link, skipped")
                continue
            stat = path.stat()
        except OSError as exc:
            if problems is not None:
                problems.append(f"{relative}: cannot read ({exc.strerror or exc}), skipped")
            continue
        found.append(FolderFile(path, relative, stat.st_size, stat.st_mtime))
    found.sort(key=lambda f: (f.mtime, f.relative))
    return found


def extract_file(path: str) -> tuple[ExtractedArticle, bytes, str]:
    """Extract one file (in a worker process): the article, the compressed bytes, the content type.

    The kind is the name's (a link named ``a.txt`` is read as text wherever it points); a
    file that cannot be read raises :class:`CollectError`.
    """
    named = Path(path)
    content_type = FOLDER_SUFFIXES.get(named.suffix.lower())
    if content_type is None:
        raise CollectError(f"not a kind of file newsdesk reads: {named.name}")
    try:
        file = named.resolve()
        data = file.read_bytes()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        raise CollectError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    article, raw = extract_document(data, named.absolute().as_uri(), content_type)
    return article, raw, content_type


def extract_document(
    data: bytes, url: str, content_type: str, charset: str | None = None
) -> tuple[ExtractedArticle, bytes]:
    """Extract the article of a document of any supported type; also returns the body compressed.

    Runs in a worker process: compression happens here too, off the event loop.
    """
    try:
        return _extract_document(data, url, content_type, charset)
    except CollectError:
        raise
    except Exception as exc:  # a parser choking on one document must not end the source's run
        raise CollectError(f"extraction failed: {type(exc).__name__}: {exc}") from None


def _extract_document(
    data: bytes, url: str, content_type: str, charset: str | None
) -> tuple[ExtractedArticle, bytes]:
    if not data.strip():
        raise CollectError("empty document")
    name = Path(url.split("?", 1)[0])
    if content_type in ("text/html", "application/xhtml+xml") or not content_type:
        article = extract_html(data, url, charset)
        article.site_name = article.site_name or _outlet_in(article.text)
    elif content_type == "text/plain":
        try:
            text = decode_bytes(data, [charset]).text
        except NotTextError as exc:
            raise CollectError(f"not a text file: {exc}") from exc
        article = _from_plain_text(text, name)
    elif content_type == "application/pdf":
        article = _from_plain_text(_pdf_text(data), name)
    elif content_type == FOLDER_SUFFIXES[".docx"]:
        article = _from_docx(data, name)
    elif content_type == "message/rfc822":
        article = _from_email(data, name)
    else:
        raise CollectError(f"not an article: content type {content_type}")
    return article, zlib.compress(data, 6)


def _from_plain_text(text: str, file: Path, title: str | None = None) -> ExtractedArticle:
    text = normalize_text(text)
    if not text:
        raise CollectError("no text in the file")
    lines = text.split("\n")
    if title is None:
        title, lines = lines[0], lines[1:]
    head = "\n".join(lines[:4])
    body = strip_heading_lines("\n".join(lines).strip(), [title]) or title
    date_match = TEXT_DATE.search(head)
    published = (datetime_from_match(date_match) if date_match else None) or date_from_url(file.as_posix())
    return ExtractedArticle(
        title=title.strip(),
        text=body,
        published_at=published,
        author=author_from_text(head) or author_from_text(body),
        language=normalize_language(None, body),
        site_name=_outlet_in(head),
    )


def _outlet_in(text: str) -> str | None:
    for line in text.split("\n")[:6]:
        match = _OUTLET_LINE.match(line)
        if match:
            return match.group(1).split()[0].strip("，,。")
    return None


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise CollectError("the PDF is encrypted")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise CollectError(f"unreadable PDF: {exc}") from exc
    if not text.strip():
        raise CollectError("the PDF has no text layer (a scan?): nothing to extract")
    return _join_wrapped_lines(text)


def _join_wrapped_lines(text: str) -> str:
    """PDF text breaks lines where the page did; a paragraph ends only after closing punctuation."""
    paragraphs: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if paragraphs and not paragraphs[-1].endswith(_PARAGRAPH_ENDS):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


def _from_docx(data: bytes, file: Path) -> ExtractedArticle:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CollectError(f"unreadable DOCX: {exc}") from exc
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    if not paragraphs:
        raise CollectError("the DOCX has no text")
    title = (document.core_properties.title or "").strip() or None
    if title and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    article = _from_plain_text("\n".join(paragraphs), file, title=title)
    if document.core_properties.author and not article.author:
        article.author = document.core_properties.author
    return article


def _from_email(data: bytes, file: Path) -> ExtractedArticle:
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("subject") or "").strip()
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise CollectError("the e-mail has no text part")
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):
        payload = part.get_payload(decode=True) or b""
        content = decode_bytes(payload, [part.get_content_charset()]).text
    text = text_from_fragment(content) if part.get_content_subtype() == "html" else content
    article = _from_plain_text(text, file, title=subject or None)
    date_header = message.get("date")
    if date_header:
        try:
            sent = email.utils.parsedate_to_datetime(str(date_header))
            article.published_at = sent if sent.tzinfo else sent.replace(tzinfo=SHANGHAI)
        except (TypeError, ValueError):
            article.published_at = article.published_at or parse_datetime(str(date_header))
    sender = message.get("from")
    if sender is not None and not article.author:
        name, _address = email.utils.parseaddr(str(sender))
        article.author = name or None
    return article
