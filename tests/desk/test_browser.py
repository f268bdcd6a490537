"""The desk in headless Chromium, as an editor uses it: sign in, accept, reorder, edit,
publish, find the issue in the archive; hostile text shown, never run; no token, no change."""

from __future__ import annotations

import re

from tests.desk.conftest import HOSTILE_TITLE, sign_in

COLUMN = "行业资讯"


def _accept_three(page) -> list[str]:
    titles = []
    for _ in range(3):
        row = page.locator("#inbox > li.candidate:not(.done)").first
        candidate = row.get_attribute("data-candidate")
        titles.append(row.locator("h2 a").inner_text())
        row.locator("select[name=column]").select_option(COLUMN)
        row.locator("p.meta").click()  # selects the row, as j/k would
        page.keyboard.press("a")
        page.locator(f"#c-{candidate}.done").wait_for()
        assert "accepted into the draft" in page.locator(f"#c-{candidate}").inner_text()
    return titles


def _column_titles(page) -> list[str]:
    return page.locator(f'ol.draft-items[data-column="{COLUMN}"] li.draft-item .title a').all_inner_texts()


def test_accept_reorder_edit_publish_and_find_it_in_the_archive(page, desk_url):
    sign_in(page, desk_url)
    assert page.locator("#inbox > li.candidate").count() > 3
    titles = _accept_three(page)

    page.goto(desk_url + "/draft")
    assert _column_titles(page)[-3:] == titles
    first, second, third = titles

    # reorder with the buttons: the third goes up one place
    page.locator("li.draft-item", has_text=third).locator("button[value=up]").click()
    page.wait_for_load_state()
    assert _column_titles(page)[-3:] == [first, third, second]

    # and by dragging: the last one onto the top of the column
    items = page.locator(f'ol.draft-items[data-column="{COLUMN}"] li.draft-item')
    with page.expect_navigation():
        items.filter(has_text=second).drag_to(items.first, target_position={"x": 20, "y": 5})
    assert _column_titles(page)[:3] == [second, first, third]

    # edit one: a new title and outlet, the attribution line previewed as typed
    page.locator("li.draft-item", has_text=first).locator("a", has_text="Edit").click()
    page.fill("input[name=title]", first + "（编辑修订）")
    page.fill("input[name=outlet]", "测试日报")
    page.select_option("select[name=outlet_mark]", "《》")
    page.locator("#attribution-preview", has_text="《测试日报》").wait_for()
    page.click("form.item-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/draft(#.*)?$"))
    assert first + "（编辑修订）" in _column_titles(page)
    assert "来源：《测试日报》" in page.locator("li.draft-item", has_text="编辑修订").inner_text()

    # the house HTML preview renders the draft
    preview = page.request.get(desk_url + "/draft/preview")
    assert preview.ok and "编辑修订" in preview.text()

    label = page.locator("main h1").inner_text().split()[0]
    page.click("button.publish")
    page.wait_for_url(re.compile(r".*/archive/issues/\d+$"))
    assert "编辑修订" in page.locator("main").inner_text()
    pdf = page.request.get(page.url + "/download/pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    docx = page.request.get(page.url + "/download/docx")
    assert docx.ok and docx.body().startswith(b"PK")

    page.goto(desk_url + "/archive")
    page.locator("table.issues a", has_text=label).first.click()
    assert "编辑修订" in page.locator("main").inner_text()
    page.goto(desk_url + "/archive")
    page.fill("input[name=q]", "编辑修订")
    page.click("form.filters button[type=submit]")
    found = page.locator("ol.found li")
    assert found.count() == 1
    assert label in found.first.inner_text()
    assert found.first.locator("mark").inner_text() == "编辑修订"


def test_script_in_an_article_is_shown_as_text_and_never_runs(page, desk_url):
    sign_in(page, desk_url)
    page.goto(desk_url + "/inbox?status=all")
    row = page.locator("#inbox > li.candidate", has_text="新规出台")
    assert row.count() == 1
    assert "<script>" in row.locator("h2").inner_text()  # shown as the text it is
    row.locator("a.open").click()
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == HOSTILE_TITLE
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "pwned"

    row_form = page.locator("section.item-preview form")
    row_form.locator("button.accept").click()
    page.wait_for_load_state()
    page.goto(desk_url + "/draft")
    page.locator("li.draft-item", has_text="新规出台").locator("a", has_text="Edit").click()
    page.wait_for_load_state()
    assert "onerror" in page.locator("textarea[name=body]").input_value()
    assert page.evaluate("() => window.__pwned") is None
    page.goto(desk_url + "/draft/preview")
    assert "新规出台" in page.content()
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "pwned"


def test_a_post_without_the_csrf_token_is_refused(page, desk_url):
    sign_in(page, desk_url)
    candidate = page.locator("#inbox > li.candidate").first.get_attribute("data-candidate")
    refused = page.request.post(f"{desk_url}/inbox/{candidate}/reject", form={"back": "/inbox"})
    assert refused.status == 403
    assert "security token" in refused.text()
    page.reload()
    assert page.locator(f"#c-{candidate}:not(.done)").count() == 1  # nothing changed
    token = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    done = page.request.post(f"{desk_url}/inbox/{candidate}/reject", form={"csrf_token": token})
    assert done.ok
    page.reload()
    assert page.locator(f"#c-{candidate}").count() == 0


def test_every_page_loads_without_script_errors(page, desk_url):
    sign_in(page, desk_url, "boss")
    for path in (
        "/inbox",
        "/clusters/1",
        "/draft",
        "/archive",
        "/archive?q=电商",
        "/sources",
        "/charts",
        "/users",
    ):
        page.goto(desk_url + path)
        assert page.locator("main h1").count() >= 1, path
    problems = [m for m in page.console_messages if m.startswith(("error", "pageerror"))]
    assert problems == []
