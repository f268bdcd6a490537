"""The desk's rules without a browser: sign-in and its limits, roles, CSRF, headers, the
version check between two editors, and the `user` commands."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.desk.conftest import PASSWORD, run_cli


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _signed_in(app, name: str = "editor1") -> TestClient:
    client = TestClient(app, base_url="http://127.0.0.1")
    page = client.get("/login")
    done = client.post(
        "/login",
        data={"username": name, "password": PASSWORD, "csrf_token": _token(page.text), "next": "/inbox"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    return client


def test_pages_need_a_signed_in_user(desk_app):
    client = TestClient(desk_app, base_url="http://127.0.0.1")
    for path in ("/inbox", "/draft", "/archive", "/sources", "/charts", "/clusters/1"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_security_headers_and_session_cookie(desk_app):
    client = TestClient(desk_app, base_url="http://127.0.0.1")
    answer = client.get("/login")
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert answer.headers["x-content-type-options"] == "nosniff"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "<script>" not in answer.text  # no inline script: only /static files
    assert 'src="/static/htmx.min.js"' in answer.text


def test_login_without_the_token_is_refused(desk_app):
    client = TestClient(desk_app, base_url="http://127.0.0.1")
    client.get("/login")
    refused = client.post("/login", data={"username": "editor1", "password": PASSWORD})
    assert refused.status_code == 403


def test_failed_sign_ins_are_limited(desk_app):
    client = TestClient(desk_app, base_url="http://127.0.0.1")
    token = _token(client.get("/login").text)
    for _ in range(5):
        wrong = client.post(
            "/login", data={"username": "editor1", "password": "not it!!", "csrf_token": token}
        )
        assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    limited = client.post("/login", data={"username": "editor1", "password": PASSWORD, "csrf_token": token})
    assert limited.status_code == 429 and "Too many failed sign-ins" in limited.text
    # another user from the same address is not locked out by one name's failures
    other = client.post(
        "/login",
        data={"username": "editor2", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert other.status_code == 303


def test_a_viewer_reads_but_does_not_change(desk_app):
    client = _signed_in(desk_app, "reader")
    assert client.get("/archive").status_code == 200
    inbox = client.get("/inbox")
    assert inbox.status_code == 200 and "Accept" not in inbox.text
    candidate = re.search(r'data-candidate="(\d+)"', inbox.text).group(1)
    refused = client.post(f"/inbox/{candidate}/accept", data={"csrf_token": _token(inbox.text)})
    assert refused.status_code == 403 and "editor role" in refused.text
    assert client.get("/users").status_code == 403


def test_two_editors_saving_one_item_do_not_overwrite_each_other(desk_app):
    first, second = _signed_in(desk_app, "editor1"), _signed_in(desk_app, "editor2")
    inbox = first.get("/inbox").text
    candidate = re.search(r'data-candidate="(\d+)"', inbox).group(1)
    accepted = first.post(
        f"/inbox/{candidate}/accept", data={"csrf_token": _token(inbox)}, follow_redirects=False
    )
    assert accepted.status_code == 303
    item = re.search(r'href="/draft/items/(\d+)"', first.get("/draft").text).group(1)

    def form(page: str, title: str) -> dict:
        fields = dict(re.findall(r'<input name="(\w+)" value="([^"]*)"', page))
        body = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', page, re.S).group(1)
        return {
            "csrf_token": _token(page),
            "version": re.search(r'name="version" value="(\d+)"', page).group(1),
            "title": title,
            "body": body,
            "column": re.search(r"<option selected>([^<]+)</option>", page).group(1),
            "outlet": fields.get("outlet", ""),
            "date": re.search(r'name="date" type="date" value="([^"]*)"', page).group(1),
        }

    mine = first.get(f"/draft/items/{item}").text
    theirs = second.get(f"/draft/items/{item}").text
    saved = first.post(f"/draft/items/{item}", data=form(mine, "第一位编辑的标题"), follow_redirects=False)
    assert saved.status_code == 303
    stale = second.post(f"/draft/items/{item}", data=form(theirs, "第二位编辑的标题"))
    assert stale.status_code == 409
    assert "someone else changed this item" in stale.text
    assert "第二位编辑的标题" in stale.text  # their text is kept in the form, not lost
    assert "第一位编辑的标题" in first.get("/draft").text
    assert "第二位编辑的标题" not in first.get("/draft").text


def test_user_commands(desk_settings):
    url = desk_settings.database_url
    listed = run_cli(url, "user", "list").output
    assert "editor1\teditor" in listed and "boss\tadmin" in listed
    from typer.testing import CliRunner

    from newsdesk.cli import app

    runner = CliRunner()
    short = runner.invoke(app, ["--database", url, "user", "add", "x", "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least 8 characters" in short.output
    bad_role = runner.invoke(app, ["--database", url, "user", "add", "x", "--role", "boss"], input="")
    assert bad_role.exit_code == 2 and "--role must be one of" in bad_role.output
    twice = runner.invoke(
        app, ["--database", url, "user", "add", "editor1", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert twice.exit_code == 1 and "exists" in twice.output
    prompted = runner.invoke(
        app, ["--database", url, "user", "add", "prompted", "--role", "viewer"], input="a good password\n" * 2
    )
    assert prompted.exit_code == 0, prompted.output
    from newsdesk.store.desk import find_user
    from newsdesk.store.session import engine_for

    stored = find_user(engine_for(desk_settings), "prompted")
    assert stored.role == "viewer" and stored.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
def test_sign_in_does_not_redirect_elsewhere(desk_app, target):
    client = TestClient(desk_app, base_url="http://127.0.0.1")
    token = _token(client.get("/login").text)
    done = client.post(
        "/login",
        data={"username": "editor1", "password": PASSWORD, "csrf_token": token, "next": target},
        follow_redirects=False,
    )
    assert done.headers["location"] == "/inbox"


def test_merging_candidates_makes_one_item_the_office_compiled(desk_app):
    client = _signed_in(desk_app)
    inbox = client.get("/inbox").text
    ids = re.findall(r'data-candidate="(\d+)"', inbox)[:2]
    titles = re.findall(r'class="open">([^<]+)</a>', inbox)[:2]
    one = client.post(
        "/inbox/merge", data={"csrf_token": _token(inbox), "ids": ids[:1]}, follow_redirects=True
    )
    assert "tick two or more" in one.text
    done = client.post("/inbox/merge", data={"csrf_token": _token(inbox), "ids": ids}, follow_redirects=False)
    assert done.status_code == 303
    draft = client.get("/draft").text
    assert draft.count('class="draft-item"') == 1
    assert titles[0] in draft and "编辑部整理" in draft
    after = client.get("/inbox").text
    assert all(f'data-candidate="{i}"' not in after for i in ids)  # both dealt with


def test_choosing_another_lead_makes_the_candidate_that_report(desk_app):
    client = _signed_in(desk_app)
    inbox = client.get("/inbox?status=all").text
    for candidate in re.findall(r'data-candidate="(\d+)"', inbox):
        page = client.get(f"/clusters/{candidate}").text
        other = re.search(r'name="article_id" value="(\d+)"', page)
        if other:
            break
    else:
        pytest.skip("no cluster of two reports in the seeded data")
    article = page[: other.start()].rsplit('<article class="member', 1)[1]
    outlet = re.search(r"<b>([^<]+)</b>", article).group(1)
    title = re.search(r"<h3>([^<]+)</h3>", article).group(1)
    done = client.post(
        f"/clusters/{candidate}/lead",
        data={"csrf_token": _token(page), "article_id": other.group(1)},
        follow_redirects=True,
    )
    assert done.status_code == 200 and "the lead is now the report of" in done.text
    preview = done.text.split('class="item-preview"')[1].split("</section>")[0]
    assert title in preview
    assert outlet in re.search(r'<p class="attribution">([^<]+)</p>', preview).group(1)


def test_a_change_made_elsewhere_shows_at_once(desk_app, desk_settings):
    """The desk keeps what it read only until something is committed: a decision taken on the
    command line, or by another worker process, is seen on the next page."""
    from newsdesk.store.db import open_database
    from newsdesk.store.editorial import record_decision

    client = _signed_in(desk_app)
    first = re.findall(r'data-candidate="(\d+)"', client.get("/inbox").text)
    assert first and first == re.findall(r'data-candidate="(\d+)"', client.get("/inbox").text)
    cluster = client.get(f"/clusters/{first[0]}")
    assert cluster.status_code == 200 and "suggested" in cluster.text
    other = open_database(desk_settings.effective_database_url)  # another connection, as another process
    record_decision(other, int(first[0]), None, accepted=False)
    other.dispose()
    assert first[0] not in re.findall(r'data-candidate="(\d+)"', client.get("/inbox").text)
    assert "rejected" in client.get(f"/clusters/{first[0]}").text
    run_cli(desk_settings.effective_database_url, "user", "role", "editor1", "viewer")
    assert client.get("/inbox", follow_redirects=False).status_code == 303  # signed out by the change


def test_archive_search_is_the_chinese_search_of_the_command_line(desk_app):
    """Words in the archive box go through the archive's search: a Traditional query finds the
    Simplified items, two-character words match inside longer ones, and matches are marked."""
    client = _signed_in(desk_app, "reader")

    def found(query: str) -> tuple[int, str]:
        page = client.get("/archive", params={"q": query}).text
        total = re.search(r"(\d+) items? found", page)
        assert total, page[:500]
        return int(total.group(1)), page

    simplified, page = found("电商")
    assert simplified > 0 and "<mark>电商</mark>" in page
    traditional, page = found("電商")
    assert traditional == simplified and "<mark>电商</mark>" in page
    compound, page = found("零售")  # inside 零售额
    assert compound > 0 and "<mark>零售</mark>" in page
    nothing, _ = found("电商 -电商")
    assert nothing == 0
