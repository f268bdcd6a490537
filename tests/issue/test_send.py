"""`newsdesk send` against a real SMTP server (aiosmtpd on loopback) and a real SQLite archive."""

from __future__ import annotations

import email
import socket
import stat
import threading
from collections import Counter
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from aiosmtpd.controller import Controller

from newsdesk.archive.importer import parse_issue_file
from newsdesk.issue.mailing import check_unsubscribe_token, normalize_address, read_readers
from newsdesk.issue.render import render

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues" / "2022-08.txt"
UNSUBSCRIBE = "https://digest.example.org/unsubscribe?e={email}&t={token}"


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts and misbehaves on request."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()
        self.sessions = 0
        self.down = False  # drop every connection at once
        self.down_after: int | None = None  # go down when this many messages were accepted
        self.drop_once_at: int | None = None  # drop the connection at this message, once
        self.defer: set[str] = set()  # answer these recipients' messages with a 451
        self.lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.down:
            server.transport.close()
        self.sessions += 1
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer.intersection(envelope.rcpt_tos):
            return "451 4.3.0 try again later"
        with self.lock:
            if self.drop_once_at is not None and len(self.messages) + 1 == self.drop_once_at:
                self.drop_once_at = None
                server.transport.close()  # the message is lost with the connection, unanswered
                return "250 OK"
            if self.down or (self.down_after is not None and len(self.messages) >= self.down_after):
                self.down = True
                server.transport.close()
                return "250 OK"
            self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def parsed(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(content, policy=policy.default) for _, content in self.messages]

    def recipients(self) -> Counter:
        return Counter(address for rcpts, _ in self.messages for address in rcpts)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailbox(monkeypatch):
    handler = Mailbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("NEWSDESK_MAIL__HOST", "127.0.0.1")
    monkeypatch.setenv("NEWSDESK_MAIL__PORT", str(port))
    monkeypatch.setenv("NEWSDESK_MAIL__FROM_ADDRESS", "digest@example.org")
    monkeypatch.setenv("NEWSDESK_MAIL__UNSUBSCRIBE_URL", UNSUBSCRIBE)
    monkeypatch.setenv("NEWSDESK_MAIL__TIMEOUT_SECONDS", "5")
    yield handler
    controller.stop()


@pytest.fixture
def archive(cli):
    result = cli("import", str(SAMPLE))
    assert result.exit_code == 0, result.output
    return cli


def write_readers(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def readers_csv(tmp_path: Path, n: int) -> Path:
    return write_readers(
        tmp_path / "readers.csv", ["email,name", *(f"reader{i}@example.com,读者{i}" for i in range(n))]
    )


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def test_each_reader_gets_one_whole_message_with_both_alternatives(archive, mailbox, tmp_path):
    csv_path = write_readers(
        tmp_path / "readers.csv",
        [
            "email,name",
            "zhang@example.com,张三",
            # a name trying to smuggle a header in through a quoted line break
            'li@Example.COM,"李四\r\nBcc: victim@evil.example"',
            "wang@example.com,",
        ],
    )
    result = archive("send", "2022年第8期", "--to", str(csv_path))
    assert result.exit_code == 0, result.output
    assert "sent 3 now, 0 sent before (skipped), 0 refused; 3 of 3 readers served" in result.output

    assert mailbox.recipients() == Counter(["zhang@example.com", "li@example.com", "wang@example.com"])
    issue, _ = parse_issue_file(SAMPLE, None)
    house_text = render(issue, "txt")
    secret = (tmp_path / "newsdesk-data" / "mail-secret").read_bytes().strip()
    message_ids = set()
    for (rcpts, raw), msg in zip(mailbox.messages, mailbox.parsed(), strict=True):
        (address,) = rcpts
        assert msg["Subject"] == "《电子商务动态》2022年第8期"
        assert msg["From"].addresses[0].addr_spec == "digest@example.org"
        assert msg["To"].addresses[0].addr_spec == address
        assert msg["Date"] is not None
        message_ids.add(msg["Message-ID"])
        assert msg.get_content_type() == "multipart/alternative"

        unsubscribe, mailto = [part.strip().strip("<>") for part in msg["List-Unsubscribe"].split(",")]
        assert mailto == "mailto:digest@example.org?subject=unsubscribe"
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        query = parse_qs(urlsplit(unsubscribe).query)
        assert query["e"] == [address]
        assert check_unsubscribe_token(secret, 1, address, query["t"][0])

        text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert (
            text
            == f"{house_text}\n——\n本邮件发给 {address}，因为您订阅了《电子商务动态》。\n退订：{unsubscribe}\n"
        )

        html = msg.get_body(("html",)).get_content()
        page = lxml.html.fromstring(html)
        page_text = page.text_content()
        for item in issue.items:
            assert item.title in page_text
        assert unsubscribe in page.xpath("//a/@href")
        assert html.rstrip().endswith("</html>")

        headers = raw.split(b"\r\n\r\n", 1)[0]
        assert b"\r\nBcc:" not in headers and b"victim@evil.example" not in headers
    assert len(message_ids) == 3

    li = next(m for m in mailbox.parsed() if m["To"].addresses[0].addr_spec == "li@example.com")
    assert li["To"].addresses[0].display_name == "李四 Bcc: victim@evil.example"
    assert "Bcc" not in li

    again = archive("send", "2022年第8期", "--to", str(csv_path))
    assert again.exit_code == 0, again.output
    assert "sent 0 now, 3 sent before (skipped)" in again.output
    assert len(mailbox.messages) == 3

    status = archive("send", "2022年第8期", "--status")
    assert "3 sent, 0 pending, 0 refused" in status.output
    mode = stat.S_IMODE((tmp_path / "newsdesk-data" / "mail-secret").stat().st_mode)
    assert mode == 0o600


def test_bad_lines_are_reported_with_line_numbers_and_gbk_files_read(archive, mailbox, tmp_path):
    csv_path = write_readers(
        tmp_path / "readers.csv",
        [
            "姓名,邮箱",
            "张三,zhang@example.com",
            "李四,li.example.com",
            "王五,",
            "赵六,ZHANG@example.com",
            '钱七,"qian@example.com, other@example.com"',
            "孙八,孙八 <sun@example.com>",
        ],
        encoding="gbk",
    )
    result = archive("send", "latest", "--to", str(csv_path))
    out = result.output
    assert result.exit_code == 0, out
    assert "line 3: skipped: not an e-mail address: 'li.example.com'" in out
    assert "line 4: skipped: no e-mail address" in out
    assert "line 5: skipped: ZHANG@example.com repeats line 2" in out
    assert "line 6: skipped: not an e-mail address" in out
    assert mailbox.recipients() == Counter(["zhang@example.com", "sun@example.com"])
    names = {m["To"].addresses[0].display_name for m in mailbox.parsed()}
    assert names == {"张三", "孙八"}


def test_a_refused_recipient_fails_and_the_others_are_sent(archive, mailbox, tmp_path):
    csv_path = readers_csv(tmp_path, 4)
    mailbox.refuse.add("reader1@example.com")
    result = archive("send", "latest", "--to", str(csv_path))
    assert result.exit_code == 1, result.output
    assert "reader1@example.com: refused: 550 5.1.1 <reader1@example.com>: no such mailbox" in result.output
    assert "sent 3 now, 0 sent before (skipped), 1 refused; 3 of 4 readers served" in result.output
    assert sorted(mailbox.recipients()) == [
        "reader0@example.com",
        "reader2@example.com",
        "reader3@example.com",
    ]

    status = archive("send", "latest", "--status")
    assert "3 sent, 0 pending, 1 refused" in status.output
    assert "✗ reader1@example.com: 550 5.1.1" in status.output

    again = archive("send", "latest", "--to", str(csv_path))
    assert again.exit_code == 0
    assert "1 refused before" in again.output
    mailbox.refuse.clear()
    retried = archive("send", "latest", "--to", str(csv_path), "--retry-failed")
    assert retried.exit_code == 0, retried.output
    assert "sent 1 now, 3 sent before (skipped)" in retried.output
    assert set(mailbox.recipients().values()) == {1} and len(mailbox.recipients()) == 4


def test_a_connection_lost_for_good_stops_and_the_rerun_sends_to_exactly_the_rest(archive, mailbox, tmp_path):
    csv_path = readers_csv(tmp_path, 8)
    mailbox.down_after = 3
    result = archive("send", "latest", "--to", str(csv_path), "--retries", "1")
    assert result.exit_code == 1, result.output
    (error,) = error_lines(result.output)
    assert error.endswith("3 of 8 sent; run the same command again to send the rest")
    assert "closed the connection" in error
    assert len(mailbox.messages) == 3

    mailbox.down, mailbox.down_after = False, None
    rerun = archive("send", "latest", "--to", str(csv_path))
    assert rerun.exit_code == 0, rerun.output
    assert "sent 5 now, 3 sent before (skipped)" in rerun.output
    assert mailbox.recipients() == Counter(f"reader{i}@example.com" for i in range(8))
    assert len({m["Message-ID"] for m in mailbox.parsed()}) == 8


def test_a_dropped_connection_is_reopened_and_the_message_sent_once(archive, mailbox, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_MAIL__MESSAGES_PER_CONNECTION", "2")
    csv_path = readers_csv(tmp_path, 5)
    mailbox.drop_once_at = 2
    result = archive("send", "latest", "--to", str(csv_path))
    assert result.exit_code == 0, result.output
    assert "sent 5 now" in result.output
    assert mailbox.recipients() == Counter(f"reader{i}@example.com" for i in range(5))
    # 1 then the lost 2 | 2 again, 3 | 4, 5: two messages per connection, counted afresh after a drop
    assert mailbox.sessions == 3


def test_a_server_that_refuses_connections_loses_nothing(archive, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_MAIL__HOST", "127.0.0.1")
    monkeypatch.setenv("NEWSDESK_MAIL__PORT", str(free_port()))  # nobody listens there
    csv_path = readers_csv(tmp_path, 2)
    result = archive("send", "latest", "--to", str(csv_path), "--retries", "0")
    assert result.exit_code == 1
    (error,) = error_lines(result.output)
    assert "cannot reach 127.0.0.1:" in error and "0 of 2 sent; run the same command again" in error
    status = archive("send", "latest", "--status")
    assert "0 sent, 2 pending, 0 refused" in status.output


def test_dry_run_builds_everything_and_sends_and_records_nothing(archive, mailbox, tmp_path):
    csv_path = readers_csv(tmp_path, 7)
    result = archive("send", "latest", "--to", str(csv_path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run: would send 7 of 7 readers" in result.output
    assert "subject: 《电子商务动态》2022年第8期" in result.output
    assert "reader0@example.com, reader1@example.com" in result.output and "and 2 more" in result.output
    assert mailbox.messages == []
    assert "not sent to anyone yet" in archive("send", "latest", "--status").output
    assert not (tmp_path / "newsdesk-data" / "mail-secret").exists()


def test_unknown_issue_and_unusable_files_get_one_line_errors(archive, mailbox, tmp_path):
    csv_path = readers_csv(tmp_path, 1)
    unknown = archive("send", "2031年第1期", "--to", str(csv_path))
    assert unknown.exit_code == 1
    assert error_lines(unknown.output) == [
        "error: no issue '2031年第1期' in the archive (see `newsdesk issues`)"
    ]

    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "headless.csv").write_text("zhang@example.com,张三\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_bytes(b"")
    expected = {
        "missing.csv": "cannot read: No such file or directory",
        "binary.csv": "binary content",
        "headless.csv": "no 'email' column in the header row",
        "empty.csv": "empty file",
    }
    for name, reason in expected.items():
        result = archive("send", "latest", "--to", str(tmp_path / name))
        assert result.exit_code == 1
        (error,) = error_lines(result.output)
        assert name in error and reason in error, result.output
    assert mailbox.messages == []


@pytest.mark.parametrize(
    ("cell", "address", "name"),
    [
        ("a@b.cn", "a@b.cn", ""),
        ("  A.B@Mail.Example.COM ", "A.B@mail.example.com", ""),
        ("张三 <zhang@example.com>", "zhang@example.com", "张三"),
        ("user@例子.中国", "user@xn--fsqu00a.xn--fiqs8s", ""),
    ],
)
def test_addresses_accepted(cell, address, name):
    assert normalize_address(cell) == (address, name)


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "plain",
        "a@",
        "@b.cn",
        "a@b@c.cn",
        "a b@c.cn",
        "a@localhost",
        "a@b.cn, c@d.cn",
        "a@b.cn\r\nBcc: x@y.cn",
    ],
)
def test_addresses_refused(cell):
    with pytest.raises(ValueError):
        normalize_address(cell)


def test_readers_file_utf16_and_name_cleaning(tmp_path):
    path = tmp_path / "readers.csv"
    path.write_bytes('email,name\nzhang@example.com,"张\t三\u2028 "\n'.encode("utf-16"))
    readers = read_readers(path)
    assert [(r.email, r.name, r.line) for r in readers.readers] == [("zhang@example.com", "张 三", 2)]
    assert readers.skipped == []


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_is_used_when_a_username_is_set_and_a_refusal_stops_the_run(archive, monkeypatch, tmp_path):
    from aiosmtpd.smtp import AuthResult

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login, auth_data.password) == (b"office", b"s3cret")
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

    handler = Mailbox()
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        monkeypatch.setenv("NEWSDESK_MAIL__HOST", "127.0.0.1")
        monkeypatch.setenv("NEWSDESK_MAIL__PORT", str(port))
        monkeypatch.setenv("NEWSDESK_MAIL__FROM_ADDRESS", "digest@example.org")
        monkeypatch.setenv("NEWSDESK_MAIL__USERNAME", "office")
        monkeypatch.setenv("NEWSDESK_MAIL__TIMEOUT_SECONDS", "5")
        csv_path = readers_csv(tmp_path, 2)

        monkeypatch.setenv("NEWSDESK_MAIL__PASSWORD", "wrong")
        refused = archive("send", "latest", "--to", str(csv_path))
        assert refused.exit_code == 1
        (error,) = error_lines(refused.output)
        assert "refused the login of 'office': 535" in error and "0 of 2 sent" in error

        monkeypatch.setenv("NEWSDESK_MAIL__PASSWORD", "s3cret")
        accepted = archive("send", "latest", "--to", str(csv_path))
        assert accepted.exit_code == 0, accepted.output
        assert len(handler.messages) == 2
    finally:
        controller.stop()


def test_one_send_of_an_issue_at_a_time(archive, mailbox, tmp_path, db_url):
    from newsdesk.issue.mailing import send_lock

    csv_path = readers_csv(tmp_path, 2)
    with send_lock(tmp_path / "newsdesk-data", db_url, 1):
        result = archive("send", "latest", "--to", str(csv_path))
    assert result.exit_code == 1
    assert error_lines(result.output) == ["error: another `newsdesk send` of issue 1 is running"]
    assert mailbox.messages == []


def test_readers_deferred_stay_pending_and_a_server_deferring_everyone_stops_the_run(
    archive, mailbox, tmp_path
):
    csv_path = readers_csv(tmp_path, 6)
    mailbox.defer = {"reader1@example.com"}
    result = archive("send", "latest", "--to", str(csv_path), "--retries", "0")
    assert result.exit_code == 1
    assert "reader1@example.com: not sent this time: 451 4.3.0 try again later" in result.output
    assert "sent 5 now, 0 sent before (skipped), 0 refused, 1 deferred (the next run tries them again)" in (
        result.output
    )
    mailbox.defer = set()
    assert "sent 1 now, 5 sent before" in archive("send", "latest", "--to", str(csv_path)).output

    more = readers_csv(tmp_path, 12)
    mailbox.defer = {f"reader{i}@example.com" for i in range(12)}
    stopped = archive("send", "latest", "--to", str(more), "--retries", "0")
    assert stopped.exit_code == 1
    (error,) = error_lines(stopped.output)
    assert "defers every message (451 4.3.0 try again later); 6 of 12 sent" in error
    status = archive("send", "latest", "--status")
    assert "6 sent, 6 pending, 0 refused" in status.output
