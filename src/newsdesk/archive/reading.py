"""Read a past issue from a file: PDF (text layer) or text in any common encoding."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

from newsdesk.text.encoding import NotTextError, decode_bytes
from newsdesk.text.normalize import undo_letter_spacing

log = logging.getLogger(__name__)

ISSUE_SUFFIXES = {".pdf", ".txt", ".text"}
# A digest issue is tens of pages; anything far larger is not one and would only stall us.
MAX_FILE_BYTES = 200 * 1024 * 1024


class IssueFileError(Exception):
    """The file cannot be read as an issue; the message says why, in one line."""


@dataclass(frozen=True)
class IssueText:
    path: Path
    text: str
    kind: str  # "pdf" or "text"
    encoding: str | None
    pages: int | None = None


def read_issue_file(path: Path) -> IssueText:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IssueFileError(f"cannot read: {exc.strerror}") from exc
    if size == 0:
        raise IssueFileError("empty file")
    if size > MAX_FILE_BYTES:
        raise IssueFileError(f"too large for an issue ({size // 1_048_576} MB)")
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
        if head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf":
            return _read_pdf(path)
        data = path.read_bytes()
    except OSError as exc:
        raise IssueFileError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        raise IssueFileError(f"{exc}; expected a PDF or a text file") from exc
    if not decoded.text.strip():
        raise IssueFileError("empty file (only whitespace)")
    return IssueText(path, decoded.text, "text", decoded.encoding)


def _read_pdf(path: Path) -> IssueText:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to restrict printing.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise IssueFileError(f"encrypted PDF that cannot be opened ({exc})") from exc
            if not opened:
                raise IssueFileError("encrypted PDF: it needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IssueFileError:
        raise
    except LimitReachedError as exc:
        # A stream that inflates past pypdf's limit: a decompression bomb, or far more than
        # an issue holds. pypdf stops it; the file is refused.
        raise IssueFileError(f"PDF stream too large to decompress ({_one_line(exc)})") from exc
    except NotImplementedError as exc:
        raise IssueFileError(f"PDF uses something pypdf cannot read ({_one_line(exc)})") from exc
    except (PermissionError, FileNotFoundError, IsADirectoryError) as exc:
        raise IssueFileError(f"cannot read: {exc.strerror or exc}") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, IndexError) as exc:
        raise IssueFileError(
            f"corrupt or unreadable PDF ({exc.__class__.__name__}: {_one_line(exc)})"
        ) from exc
    except (RecursionError, AttributeError, AssertionError, ZeroDivisionError) as exc:
        # pypdf's own failures on malformed object trees
        raise IssueFileError(
            f"corrupt or unreadable PDF ({exc.__class__.__name__}: {_one_line(exc)})"
        ) from exc
    text = undo_letter_spacing("\n".join(pages))
    if not text.strip():
        raise IssueFileError(f"PDF has no text layer ({len(pages)} pages of images?): it needs OCR first")
    log.debug("%s: %d pages, %d characters of text", path, len(pages), len(text))
    return IssueText(path, text, "pdf", None, pages=len(pages))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "…"


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to import from files and folders (recursively), and paths that cannot be used."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            found, broken = [], []
            for p in sorted(path.rglob("*")):
                if p.suffix.lower() not in ISSUE_SUFFIXES:
                    continue
                if p.is_file():
                    found.append(p)
                elif p.is_symlink():
                    broken.append((p, "broken symbolic link: its target does not exist"))
            if not found and not broken:
                problems.append((path, "folder holds no .pdf or .txt files"))
            files.extend(found)
            problems.extend(broken)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            problems.append((path, "broken symbolic link: its target does not exist"))
        elif path.exists():
            problems.append((path, "not a regular file or folder"))
        else:
            problems.append((path, "no such file or folder"))
    return files, problems
