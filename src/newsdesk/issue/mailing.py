"""E-mail an issue to its readers: one message each, text and HTML, over SMTP.

The pieces, in the order ``newsdesk send`` uses them:

* :func:`read_readers` reads the readers file (CSV with ``email`` and optional ``name``),
  skipping bad lines with their line numbers;
* :func:`prepare_issue_mail` renders the issue once (house text and HTML) and checks the
  mail settings; :func:`build_message` makes each reader's message from it, with their own
  unsubscribe link (an HMAC token) and a Message-ID that is the same on every run;
* :func:`deliver_issue` records the readers in ``issue_sends`` and sends to each one not
  yet served, over one SMTP connection reused for ``messages_per_connection`` messages,
  reconnecting with backoff when the connection drops. Its docstring states the guarantee.
"""

from __future__ import annotations

import base64
import csv
import fcntl
import hashlib
import hmac
import io
import os
import secrets
import smtplib
import ssl
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from html import escape
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from sqlalchemy import Engine

from newsdesk.config import MailSettings
from newsdesk.issue.model import Issue
from newsdesk.store import sends
from newsdesk.text.encoding import NotTextError, decode_bytes

SECRET_FILE = "mail-secret"
# Header names accepted for the two columns (Excel users in China often write them in Chinese).
EMAIL_COLUMNS = ("email", "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件地址")
NAME_COLUMNS = ("name", "姓名", "名字", "称呼")
NAME_MAX = 200  # issue_sends.name
SECURITY_MODES = ("none", "starttls", "ssl")
# readers in a row refused for now (4xx) before the run stops: then the server is the trouble
DEFERRALS_BEFORE_STOPPING = 3


class ReaderFileError(ValueError):
    """The readers file cannot be used at all (unreadable, not text, no email column)."""


class MailSetupError(ValueError):
    """The mail settings cannot work (bad sender address, unsubscribe URL, security mode)."""


class DeliveryStopped(RuntimeError):
    """Sending cannot go on (server unreachable, login or sender refused); a rerun resumes."""

    def __init__(self, reason: str, report: DeliveryReport):
        super().__init__(reason)
        self.reason = reason
        self.report = report


class SendInProgress(RuntimeError):
    """Another ``newsdesk send`` of the same issue holds the lock."""


# --- the readers file ---------------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    email: str  # mailbox as given, domain lower-case ASCII (IDNA)
    name: str | None
    line: int  # in the readers file, for messages


@dataclass(frozen=True)
class SkippedLine:
    line: int
    reason: str


@dataclass
class ReaderList:
    readers: list[Reader]
    skipped: list[SkippedLine]


def read_readers(path: Path) -> ReaderList:
    """Readers from a CSV file with a header row: ``email`` (required) and ``name``.

    UTF-8 with or without BOM, GB18030/GBK (Excel in China) and UTF-16 are recognised. A line
    without a usable address, or repeating an earlier one, is skipped and reported.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderFileError(f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise ReaderFileError("empty file")
    try:
        text = decode_bytes(data).text
    except NotTextError as exc:
        raise ReaderFileError(str(exc)) from exc
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(rows, [])
    except csv.Error as exc:
        raise ReaderFileError(f"line 1: not CSV: {exc}") from exc
    columns = [cell.strip().lower() for cell in header]
    email_at = next((columns.index(c) for c in EMAIL_COLUMNS if c in columns), None)
    name_at = next((columns.index(c) for c in NAME_COLUMNS if c in columns), None)
    if email_at is None:
        found = ", ".join(repr(c) for c in columns if c) or "nothing"
        raise ReaderFileError(f"no 'email' column in the header row (found {found})")

    readers: list[Reader] = []
    skipped: list[SkippedLine] = []
    first_seen: dict[str, int] = {}
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            skipped.append(SkippedLine(rows.line_num, f"not CSV: {exc}"))
            continue
        line = rows.line_num
        if not row:  # a blank line
            continue
        raw = row[email_at] if email_at < len(row) else ""
        try:
            email, name_in_cell = normalize_address(raw)
        except ValueError as exc:
            skipped.append(SkippedLine(line, str(exc)))
            continue
        key = sends.address_key(email)
        if key in first_seen:
            skipped.append(SkippedLine(line, f"{email} repeats line {first_seen[key]}"))
            continue
        first_seen[key] = line
        name = clean_name(row[name_at] if name_at is not None and name_at < len(row) else "") or clean_name(
            name_in_cell
        )
        readers.append(Reader(email=email, name=name, line=line))
    return ReaderList(readers, skipped)


def normalize_address(raw: str, *, dotted_domain: bool = True) -> tuple[str, str]:
    """The mailbox in a cell (``a@b.cn`` or ``张三 <a@b.cn>``) and any display name with it.

    Raises ValueError with the reason when the cell is not exactly one usable address.
    ``dotted_domain=False`` also accepts a bare host name (``newsdesk@localhost``).
    """
    cell = raw.strip()
    if not cell:
        raise ValueError("no e-mail address")
    if any(unicodedata.category(ch) == "Cc" for ch in cell):
        raise ValueError(f"control characters in the address {cell!r}")
    name, addr = parseaddr(cell)
    # parseaddr quietly takes the first of several addresses and drops what it cannot read;
    # only a bare address or one "name <address>" is accepted.
    if not addr or not (cell == addr or cell.endswith(f"<{addr}>") and cell.count("<") == 1):
        raise ValueError(f"not an e-mail address: {cell!r}")
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or "@" in local.strip('"'):
        raise ValueError(f"not an e-mail address: {cell!r}")
    if not local.isascii():
        raise ValueError(f"{cell!r}: non-ASCII mailbox names are not supported")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError(f"{cell!r}: not a valid domain") from None
    labels = ascii_domain.split(".")
    if len(labels) < (2 if dotted_domain else 1) or not all(labels) or domain.startswith("["):
        raise ValueError(f"{cell!r}: not a valid domain")
    try:
        checked = Address(addr_spec=f"{local}@{ascii_domain}")
    except (ValueError, IndexError) as exc:  # HeaderParseError is a ValueError
        raise ValueError(f"not an e-mail address: {cell!r}") from exc
    return checked.addr_spec, name


def clean_name(raw: str | None) -> str | None:
    """A display name safe for a header: no control characters (CR/LF), spaces collapsed."""
    if not raw:
        return None
    printable = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in raw)
    name = " ".join(printable.split())[:NAME_MAX]
    return name or None


# --- tokens and identities ----------------------------------------------------------------


def mail_secret(data_dir: Path, *, create: bool = True) -> bytes:
    """The key of the unsubscribe tokens: ``data_dir/mail-secret``, made (mode 0600) on first use.

    With ``create=False`` (a dry run) a missing file is not made; a throwaway key is used.
    """
    path = data_dir / SECRET_FILE
    if not path.exists():
        if not create:
            return secrets.token_bytes(32)
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{SECRET_FILE}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            # link() fails if the file exists: two first runs at once still share one secret.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    secret = path.read_bytes().strip()
    if not secret:
        raise MailSetupError(f"{path}: empty; delete it to make a new secret")
    return secret


def unsubscribe_token(secret: bytes, issue_id: int, email: str) -> str:
    """The token in a reader's unsubscribe link: it proves the link was ours, for that address."""
    digest = hmac.new(secret, f"{issue_id}\n{sends.address_key(email)}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def check_unsubscribe_token(secret: bytes, issue_id: int, email: str, token: str) -> bool:
    return hmac.compare_digest(unsubscribe_token(secret, issue_id, email), token)


def message_id(issue_id: int, email: str, domain: str) -> str:
    """The same Message-ID for (issue, reader) on every run, so a duplicate can be recognised."""
    digest = hashlib.sha256(f"{issue_id}\n{sends.address_key(email)}".encode()).hexdigest()[:24]
    return f"<issue{issue_id}.{digest}@{domain}>"


# --- messages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueMail:
    """What every reader's message of one issue shares; made once by :func:`prepare_issue_mail`."""

    issue_id: int
    subject: str
    publication: str
    sender: Address
    reply_to: Address | None
    text: str  # the house text
    html: str
    text_body: EncodedBody  # the house text, then each reader's footer
    html_body: EncodedBody  # the HTML, with each reader's footer before </body>
    frame: tuple[bytes, bytes, bytes]  # shared headers and structure around the two bodies
    unsubscribe_url: str  # absolute, with {email} and {token} still to fill
    site_url: str | None
    envelope_from: str


def issue_subject(issue: Issue) -> str:
    """《电子商务动态》2022年第9期, with （总第123期） when the issue has a serial number."""
    label = issue.label or (issue.issue_date.isoformat() if issue.issue_date else "")
    subject = f"{issue.publication.display_name}{label}"
    if issue.serial:
        subject += f"（总第{issue.serial}期）"
    return subject


def prepare_issue_mail(issue: Issue, mail: MailSettings, site_url: str | None = None) -> IssueMail:
    """Render the issue (text and HTML) and check the settings the messages need."""
    from newsdesk.issue.render import render

    if issue.id is None:
        raise MailSetupError("only an issue in the archive can be sent")
    if mail.security not in SECURITY_MODES:
        raise MailSetupError(f"mail.security is {mail.security!r}; use one of {', '.join(SECURITY_MODES)}")
    try:
        from_address, _ = normalize_address(mail.from_address, dotted_domain=False)
    except ValueError as exc:
        raise MailSetupError(f"mail.from_address: {exc}") from exc
    reply_to = None
    if mail.reply_to:
        try:
            reply_address, reply_name = normalize_address(mail.reply_to, dotted_domain=False)
        except ValueError as exc:
            raise MailSetupError(f"mail.reply_to: {exc}") from exc
        reply_to = Address(display_name=clean_name(reply_name) or "", addr_spec=reply_address)
    url = mail.unsubscribe_url.strip()
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        if not site_url:
            raise MailSetupError(
                f"mail.unsubscribe_url {url!r} is relative and publication.site_url is not set"
            )
        url = urljoin(site_url.rstrip("/") + "/", url)
        scheme = urlsplit(url).scheme.lower()
    if scheme not in ("https", "http", "mailto"):
        raise MailSetupError(f"mail.unsubscribe_url must be an https: or mailto: URL, not {url!r}")
    name = clean_name(mail.from_name) or clean_name(issue.publication.name) or ""
    text, html = render(issue, "txt"), render(issue, "html")
    sender = Address(display_name=name, addr_spec=from_address)
    subject = issue_subject(issue)
    return IssueMail(
        issue_id=issue.id,
        subject=subject,
        publication=issue.publication.display_name,
        sender=sender,
        reply_to=reply_to,
        text=text,
        html=html,
        text_body=EncodedBody.around_footer(text),
        html_body=EncodedBody.around_footer(*html_around_footer(html)),
        frame=_message_frame(subject, sender, reply_to),
        unsubscribe_url=url,
        site_url=site_url,
        envelope_from=from_address,
    )


def reader_unsubscribe_url(prepared: IssueMail, email: str, token: str) -> str:
    # replace(), not format(): the URL may hold other braces
    return prepared.unsubscribe_url.replace("{email}", quote(email, safe="@")).replace("{token}", token)


def text_footer(prepared: IssueMail, email: str, url: str) -> str:
    lines = ["", "——", f"本邮件发给 {email}，因为您订阅了{prepared.publication}。", f"退订：{url}"]
    if prepared.site_url:
        lines.append(f"往期：{prepared.site_url}")
    return "\n".join(lines) + "\n"


def html_footer(prepared: IssueMail, email: str, url: str) -> str:
    archive = ""
    if prepared.site_url:
        archive = f' · <a href="{escape(prepared.site_url)}">往期</a>'
    return (
        '<footer style="max-width:46em;margin:1em auto 2em;font-size:13px;color:#666;text-align:center">'
        f"本邮件发给 {escape(email)}，因为您订阅了{escape(prepared.publication)}。"
        f'<a href="{escape(url)}">退订</a>{archive}</footer>\n'
    )


def html_around_footer(html: str) -> tuple[str, str]:
    """The HTML before and after the place of the footer: the end of the body."""
    end = html.lower().rfind("</body>")
    return (html, "") if end < 0 else (html[:end], html[end:])


def _crlf(text: str) -> str:
    # text/* bodies travel in canonical form, lines ending in CRLF (RFC 2046)
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


@dataclass(frozen=True)
class EncodedBody:
    """A body in base64, cut where each reader's footer goes, so most of it is encoded once.

    base64 turns each 57 bytes into one 76-character line, independently of what follows;
    the lines of the whole 57-byte groups before the footer are therefore the same in
    every reader's message. Only the remainder, the footer and what follows it (the HTML's
    ``</body></html>``) are encoded per reader: the result is byte for byte what encoding
    the whole body would give.
    """

    head: bytes  # base64 lines, CRLF-terminated
    rest: bytes  # the bytes after the last whole group, before the footer
    after: bytes  # the bytes after the footer

    @classmethod
    def around_footer(cls, before: str, after: str = "") -> EncodedBody:
        data = _crlf(before).encode("utf-8")
        cut = len(data) - len(data) % 57
        head = base64.encodebytes(data[:cut]).replace(b"\n", b"\r\n")
        return cls(head, data[cut:], _crlf(after).encode("utf-8"))

    def with_footer(self, footer: str) -> bytes:
        tail = base64.encodebytes(self.rest + _crlf(footer).encode("utf-8") + self.after)
        # without the last line end: the generator writes the one before the boundary
        return self.head + tail.replace(b"\n", b"\r\n")[:-2]


def _message_frame(subject: str, sender: Address, reply_to: Address | None) -> tuple[bytes, bytes, bytes]:
    """The headers every reader's message shares and its MIME structure, cut where the bodies go."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = sender
    if reply_to:
        msg["Reply-To"] = reply_to
    msg.set_content("", cte="base64")
    msg.add_alternative("", subtype="html", cte="base64")
    # The markers are ASCII words found nowhere else, and base64 bodies cannot contain the
    # generator's "===============" boundaries.
    marker = secrets.token_hex(16)
    text_marker, html_marker = f"NEWSDESK-TEXT-{marker}", f"NEWSDESK-HTML-{marker}"
    text_part, html_part = msg.iter_parts()
    text_part.set_payload(text_marker)
    html_part.set_payload(html_marker)
    before_text, rest = msg.as_bytes().split(text_marker.encode())
    between, after_html = rest.split(html_marker.encode())
    return before_text, between, after_html


def build_message(prepared: IssueMail, reader: Reader, secret: bytes) -> bytes:
    """One reader's message as sent: multipart/alternative (house text, HTML), each with the footer.

    The email package writes every header and the MIME structure. What all readers share
    (subject, sender, structure, most of the base64 bodies) was written once by
    :func:`prepare_issue_mail`; here only the reader's own headers are written and their
    footers encoded. Writing it all for each reader cost several times the SMTP exchange.
    """
    token = unsubscribe_token(secret, prepared.issue_id, reader.email)
    url = reader_unsubscribe_url(prepared, reader.email, token)
    own = EmailMessage(policy=policy.SMTP)
    # Address() refuses CR/LF; names were cleaned when read, this is the second lock.
    own["To"] = Address(display_name=reader.name or "", addr_spec=reader.email)
    own["Date"] = formatdate(localtime=True)
    own["Message-ID"] = message_id(prepared.issue_id, reader.email, prepared.sender.domain)
    if urlsplit(url).scheme.lower() == "mailto":
        own["List-Unsubscribe"] = f"<{url}>"
    else:
        own["List-Unsubscribe"] = f"<{url}>, <mailto:{prepared.envelope_from}?subject=unsubscribe>"
        if url.lower().startswith("https:"):
            # RFC 8058 one-click: mail clients POST to the https URL without asking again
            own["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    own_headers = own.as_bytes()[: -len(b"\r\n")]  # without the blank line ending the headers
    before_text, between, after_html = prepared.frame
    return b"".join(
        (
            own_headers,
            before_text,
            prepared.text_body.with_footer(text_footer(prepared, reader.email, url)),
            between,
            prepared.html_body.with_footer(html_footer(prepared, reader.email, url)),
            after_html,
        )
    )


# --- delivery -----------------------------------------------------------------------------


@dataclass
class DeliveryReport:
    total: int  # readers in the list
    sent_before: int = 0  # served by an earlier run, skipped
    failed_before: int = 0  # refused for good by an earlier run, skipped
    sent: int = 0  # accepted by the server in this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reply) refused for good now
    deferred: list[tuple[str, str]] = field(default_factory=list)  # refused for now: still pending
    pending_not_listed: int = 0  # pending from an earlier run, not in this list: left alone

    @property
    def sent_total(self) -> int:
        return self.sent_before + self.sent


@contextmanager
def send_lock(data_dir: Path, database_url: str, issue_id: int) -> Iterator[None]:
    """One ``newsdesk send`` per issue at a time: two at once would both take the pending rows.

    A lock file in ``data_dir``, named after the database and the issue; it guards the
    runs on this machine (a database shared by several machines needs them to agree).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    database = hashlib.sha256(database_url.encode()).hexdigest()[:12]
    path = data_dir / f"send-{database}-{issue_id}.lock"
    with path.open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SendInProgress(f"another `newsdesk send` of issue {issue_id} is running") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {' '.join(text.split())}"


class _Connection:
    """One SMTP connection at a time, reopened after ``per_connection`` messages or a drop."""

    def __init__(self, mail: MailSettings):
        self.mail = mail
        self.smtp: smtplib.SMTP | None = None
        self.count = 0
        # made once: loading the system's certificates takes tens of milliseconds
        self.context = ssl.create_default_context() if mail.security != "none" else None

    def _open(self) -> smtplib.SMTP:
        mail, context = self.mail, self.context
        if mail.security == "ssl":
            smtp = smtplib.SMTP_SSL(mail.host, mail.port, timeout=mail.timeout_seconds, context=context)
        else:
            smtp = smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout_seconds)
        try:
            if mail.security == "starttls":
                smtp.starttls(context=context)
            if mail.username:
                smtp.login(mail.username, mail.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def sendmail(self, sender: str, recipient: str, data: bytes) -> None:
        if self.smtp is not None and (
            self.smtp.sock is None or self.count >= self.mail.messages_per_connection
        ):
            self.close()  # smtplib closes the socket itself after a 421
        if self.smtp is None:
            self.smtp = self._open()
            self.count = 0
        self.count += 1
        self.smtp.sendmail(sender, [recipient], data)

    def drop(self) -> None:
        if self.smtp is not None:
            self.smtp.close()
            self.smtp = None

    def close(self) -> None:
        if self.smtp is None:
            return
        try:
            if self.smtp.sock is not None:
                self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            self.smtp.close()
            self.smtp = None


# What to do after an SMTP error: give the recipient up, try them again, or stop the run.
_FAIL, _RETRY, _RECONNECT, _STOP = "fail", "retry", "reconnect", "stop"


def _judge(exc: Exception, mail: MailSettings) -> tuple[str, str]:
    server = f"{mail.host}:{mail.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return (
            _STOP,
            f"{server} refused the login of {mail.username!r}: {_reply_text(exc.smtp_code, exc.smtp_error)}",
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()))
        return (_FAIL if code >= 500 else _RECONNECT if code == 421 else _RETRY), _reply_text(code, reply)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        text = _reply_text(exc.smtp_code, exc.smtp_error)
        if exc.smtp_code >= 500:
            return _STOP, f"{server} refuses the sender {exc.sender}: {text}"
        return (_RECONNECT if exc.smtp_code == 421 else _RETRY), text
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return _STOP, f"{server}: {exc}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _RECONNECT, f"{server} closed the connection"
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPHeloError):
        return _RECONNECT, f"{server} refused the session: {_reply_text(exc.smtp_code, exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPResponseException):  # SMTPDataError and the rest
        text = _reply_text(exc.smtp_code, exc.smtp_error)
        return (_FAIL if exc.smtp_code >= 500 else _RECONNECT if exc.smtp_code == 421 else _RETRY), text
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _STOP, f"{server}: {exc.verify_message or exc}"
    if isinstance(exc, smtplib.SMTPException):
        return _RECONNECT, f"{server}: {exc}"
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _RECONNECT, f"cannot reach {server}: {reason}"


def deliver_issue(
    engine: Engine,
    prepared: IssueMail,
    readers: Sequence[Reader],
    mail: MailSettings,
    secret: bytes,
    *,
    retries: int = 4,
    backoff_seconds: float = 1.0,
    progress: Callable[[str], None] | None = None,
    started: Callable[[DeliveryReport, int], None] | None = None,
) -> DeliveryReport:
    """Send the issue to every reader not yet served; returns what happened.

    The readers are first recorded in ``issue_sends`` as ``pending`` (addresses already
    there are kept as they are), then each pending one is sent its message and marked
    ``sent`` in a transaction of its own, right after the server's 250 reply to the message
    data. A 5xx refusal marks the reader ``failed`` with the server's reply; a 4xx reply
    leaves them pending (the rerun tries again). A lost connection is reopened and the same
    reader tried again, up to ``retries`` times with doubling waits from ``backoff_seconds``;
    if the server stays unreachable, refuses the login or the sender, or defers several
    readers in a row, DeliveryStopped is raised and everything not yet sent stays pending
    for the rerun.

    The guarantee is at-least-once, with duplicates confined to one narrow window: every
    message is built before the SMTP transaction starts, and nothing happens between the
    server's acceptance and the commit of ``sent`` but that commit (about a millisecond
    with SQLite). If the process dies inside that window, or the connection drops after the
    server has taken the message data but before its reply arrived, the server may have
    the message while the row still says pending; the rerun sends it again, with the same
    Message-ID, so the duplicate can be recognised (and is by many mailbox providers).
    Every other crash loses nothing and repeats nothing. The opposite choice, marking the
    row before sending, would turn the same window into a reader who silently gets nothing.
    Only one run per issue may send at a time (see :func:`send_lock`).

    ``started`` is called once the work is known, with the report so far and the number
    of messages to send.
    """
    domain = prepared.sender.domain
    sends.add_recipients(
        engine,
        prepared.issue_id,
        (
            sends.NewRecipient(r.email, r.name, message_id(prepared.issue_id, r.email, domain))
            for r in readers
        ),
    )
    recorded = {sends.address_key(d.email): d for d in sends.deliveries(engine, prepared.issue_id)}
    report = DeliveryReport(total=len(readers))
    todo: list[tuple[Reader, sends.Delivery]] = []
    listed = set()
    for reader in readers:
        key = sends.address_key(reader.email)
        listed.add(key)
        delivery = recorded[key]
        if delivery.status == sends.SENT:
            report.sent_before += 1
        elif delivery.status == sends.FAILED:
            report.failed_before += 1
        else:
            todo.append((reader, delivery))
    report.pending_not_listed = sum(
        1 for key, d in recorded.items() if d.status == sends.PENDING and key not in listed
    )
    if started is not None:
        started(report, len(todo))

    connection = _Connection(mail)
    deferred_in_a_row = 0
    try:
        for reader, delivery in todo:
            data = build_message(prepared, reader, secret)
            tries = 0
            while True:
                tries += 1
                try:
                    connection.sendmail(prepared.envelope_from, delivery.email, data)
                except (smtplib.SMTPException, OSError) as exc:
                    verdict, reason = _judge(exc, mail)
                else:
                    # Nothing between the server's acceptance and this commit: see above.
                    sends.mark_sent(engine, delivery.id, tries)
                    report.sent += 1
                    deferred_in_a_row = 0
                    outcome = sends.SENT
                    break
                if verdict == _FAIL:
                    sends.mark_failed(engine, delivery.id, tries, reason)
                    report.failed.append((delivery.email, reason))
                    deferred_in_a_row = 0
                    outcome = sends.FAILED
                    break
                if verdict == _RECONNECT:
                    connection.drop()
                if verdict == _STOP or tries > retries:
                    sends.mark_deferred(engine, delivery.id, tries, reason)
                    if verdict == _RETRY:  # most likely this reader's mailbox: go on
                        report.deferred.append((delivery.email, reason))
                        deferred_in_a_row += 1
                        if deferred_in_a_row >= DEFERRALS_BEFORE_STOPPING:
                            # the server, not the mailboxes: waiting on each reader would take hours
                            raise DeliveryStopped(
                                f"{mail.host}:{mail.port} defers every message ({reason})", report
                            )
                        outcome = "deferred"
                        break
                    raise DeliveryStopped(reason, report)
                time.sleep(backoff_seconds * 2 ** (tries - 1))
            if progress is not None:
                progress(outcome)
    finally:
        connection.close()
    return report


@dataclass
class Preview:
    """What a dry run found: the messages were built, nothing was sent or recorded."""

    total: int
    sent_before: int
    failed_before: int
    to_send: list[Reader]
    largest_bytes: int


def preview_delivery(
    engine: Engine, prepared: IssueMail, readers: Sequence[Reader], secret: bytes
) -> Preview:
    recorded = {sends.address_key(d.email): d.status for d in sends.deliveries(engine, prepared.issue_id)}
    statuses = [recorded.get(sends.address_key(r.email), sends.PENDING) for r in readers]
    to_send = [r for r, status in zip(readers, statuses, strict=True) if status == sends.PENDING]
    largest = max((len(build_message(prepared, r, secret)) for r in to_send), default=0)
    return Preview(
        total=len(readers),
        sent_before=statuses.count(sends.SENT),
        failed_before=statuses.count(sends.FAILED),
        to_send=to_send,
        largest_bytes=largest,
    )
