"""The static archive site, built from a real SQLite archive of the bundled sample issues."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import feedparser
import pytest
from tinyhtml5.parser import HTMLParser as StrictHTMLParser
from typer.testing import CliRunner

from newsdesk.archive.importer import import_issue_file
from newsdesk.cli import app
from newsdesk.issue.atom import issue_entry_id, issue_slug
from newsdesk.issue.model import Attribution, Issue, Item, Publication
from newsdesk.issue.site import SITE_MARKER, SiteError, build_site
from newsdesk.store.db import open_database

SAMPLE_ISSUES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"
KNOWN_TITLE = "高温持续 外卖平台推出骑手防暑降温措施"  # the first item of 2022年第8期
OFFICE = "《电子商务动态》编辑部"


@pytest.fixture
def archive_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    engine = open_database(url)
    for path in sorted(SAMPLE_ISSUES.iterdir()):
        assert import_issue_file(engine, path, None).ok
    engine.dispose()
    return url


def _run(url: str, *args: str):
    return CliRunner().invoke(app, ["--database", url, *args], catch_exceptions=False)


@pytest.fixture
def built_site(archive_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no newsdesk.toml of the checkout
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    out = tmp_path / "site"
    result = _run(archive_url, "site", str(out))
    assert result.exit_code == 0, result.output
    return out


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src", "action"):
            if attrs.get(name):
                self.links.append(attrs[name])


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _local_target(page: Path, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    return target, parts.fragment


def _html_errors(page: Path) -> list:
    parser = StrictHTMLParser()
    parser.parse(page.read_bytes())
    return parser.errors


def _sample_issue(revision: int = 1, **changes) -> Issue:
    items = [
        Item(
            column="行业资讯",
            title="京东物流启用新仓",
            body="京东物流在武汉启用新仓。\n预计日处理订单10万单。",
            attribution=Attribution(
                outlet="人民网", outlet_mark="“”", editorial_office=OFFICE, date=dt.date(2022, 9, 20)
            ),
            source_url="https://www.example.cn/news/1.html",
        ),
        Item(
            column="数据观察",
            title="<script>alert('title')</script>直播电商规模",
            body="<img src=x onerror=alert(1)>直播电商规模继续扩大。",
            attribution=Attribution(
                outlet="国际商报", outlet_mark="《》", editorial_office=OFFICE, date=dt.date(2022, 9, 25)
            ),
            source_url="javascript:alert(1)",
        ),
    ]
    issue = Issue(
        items=items,
        publication=Publication(name="电子商务动态", office=OFFICE, columns=["行业资讯", "数据观察"]),
        label="2022年第9期",
        issue_date=dt.date(2022, 9, 30),
        id=10 + revision,
        serial=57,
        revision=revision,
        published_at=dt.datetime(2022, 9, 30, 2, 0, tzinfo=dt.UTC) + dt.timedelta(days=revision - 1),
    )
    return dataclasses.replace(issue, **changes)


def _corrected_pair() -> tuple[Issue, Issue]:
    first = _sample_issue(1)
    second = _sample_issue(2)
    second.items = [dataclasses.replace(i) for i in second.items]
    second.items[0].title = "京东物流启用新仓（更正）"
    return first, second


# -- the command on the sample archive --------------------------------------------------------------


def test_site_command_writes_every_page_and_reports_it(archive_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    out = tmp_path / "public"
    result = _run(archive_url, "site", str(out))
    assert result.exit_code == 0, result.output
    # 8 issues of 117 items: index, search, 8 issue pages, 117 item pages
    assert "127 pages" in result.output and "8 issues" in result.output and "117 items" in result.output
    assert "feed.atom" in result.output and "search index 117 items" in result.output
    assert str(out) in result.output
    for name in ("index.html", "search.html", "search.js", "site.css", "feed.atom", "search-index.json"):
        assert (out / name).is_file(), name
    slug = "电子商务动态-2022年第8期"
    assert (out / "issues" / slug / "index.html").is_file()
    assert sorted(int(p.stem) for p in (out / "issues" / slug).glob("[0-9]*.html")) == list(range(1, 15))


def test_every_link_of_every_page_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) == 127
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in pages:
        for url in _parse(page).links:
            local = _local_target(page, url)
            if local is None:
                continue
            target, fragment = local
            assert target.is_relative_to(built_site.resolve()), (page, url)
            assert target.is_file(), f"{page.relative_to(built_site)}: {url} → {target} missing"
            if fragment and target.suffix == ".html":
                ids.setdefault(target, _parse(target).ids)
                assert fragment in ids[target], (page, url)
            checked += 1
    assert checked > 1000


def test_the_index_lists_issues_newest_first_with_their_particulars(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    labels = [f"2022年第{n}期" for n in range(8, 0, -1)]
    positions = [index.index(f">{label}</a>") for label in labels]
    assert positions == sorted(positions)
    assert "2022年8月31日" in index
    assert "14 条" in index and "行业资讯 7" in index and "悦读电商 1" in index
    assert "电子商务动态" in index


def test_an_item_page_has_the_item_and_its_attribution_line(built_site):
    page = built_site / "issues" / "电子商务动态-2022年第8期" / "1.html"
    html = page.read_text(encoding="utf-8")
    assert f"<h1>{KNOWN_TITLE}</h1>" in html
    assert "来源：“中国新闻网” 编选：《电子商务动态》编辑部 2022 年 08 月 17 日" in html
    assert 'href="../../site.css"' in html


def test_pages_are_well_formed_html(built_site):
    # the HTML5 parsing algorithm reports every misnested, unclosed or stray tag
    pages = list(built_site.rglob("*.html"))
    assert len(pages) == 127
    for page in pages:
        assert _html_errors(page) == [], page


def test_the_feed_lists_every_issue(built_site):
    feed = feedparser.parse((built_site / "feed.atom").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [e.title for e in feed.entries][:2] == [
        "《电子商务动态》2022年第8期",
        "《电子商务动态》2022年第7期",
    ]
    assert len(feed.entries) == 8
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)


def test_the_search_index_holds_the_items_with_urls_to_their_pages(built_site):
    records = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    assert len(records) == 117
    known = next(r for r in records if r["title"] == KNOWN_TITLE)
    assert known["issue"] == "2022年第8期" and known["column"] == "行业资讯"
    assert "骑手" in known["body"]
    assert (built_site / unquote(known["url"])).is_file()
    script = (built_site / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.NEWSDESK_SEARCH_INDEX = [")


def test_feed_command_prints_the_archive_feed(archive_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    result = _run(archive_url, "feed", "--site-url", "https://digest.example.org")
    assert result.exit_code == 0
    feed = feedparser.parse(result.stdout)
    assert feed.bozo == 0 and len(feed.entries) == 8
    assert feed.entries[0].link.startswith("https://digest.example.org/issues/")
    out = tmp_path / "feeds" / "archive.atom"
    assert _run(archive_url, "feed", "-o", str(out)).exit_code == 0
    assert feedparser.parse(out.read_bytes()).bozo == 0


def test_an_empty_archive_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    for args in (("site", str(tmp_path / "out")), ("feed",)):
        result = _run(url, *args)
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1
        assert "archive is empty" in result.output
    assert not (tmp_path / "out").exists()


def test_an_unwritable_folder_is_one_line(archive_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run(archive_url, "site", str(blocker / "site"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot write") and "a-file" in lines[0]


def test_site_command_does_not_load_the_site_module_for_help():
    code = "import sys, newsdesk.cli; print('newsdesk.issue.site' in sys.modules, 'jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"


# -- client-side search, run for real in Node.js ------------------------------------------------------

NODE_SEARCH = r"""
// node -e: argv[1] is the first argument after the script
const search = require(process.argv[1]);
const records = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const prepared = search.prepare(records);
const out = {};
for (const query of JSON.parse(process.argv[3])) {
  out[query] = search.search(prepared, query).map((r) => ({
    url: r.record.url,
    title: r.title,
    snippet: r.snippet,
  }));
}
process.stdout.write(JSON.stringify(out));
"""


def _node_search(site: Path, queries: list[str]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the client-side search cannot be run")
    result = subprocess.run(
        [
            node,
            "-e",
            NODE_SEARCH,
            str(site / "search.js"),
            str(site / "search-index.json"),
            json.dumps(queries),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def test_client_search_finds_two_character_chinese_words(built_site):
    records = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    queries = ["京东", "直播", "跨境", "京东 直播", "６１８", "CNNIC", "无此词语"]
    found = _node_search(built_site, queries)

    for query in ("京东", "直播", "跨境"):
        expected = {r["url"] for r in records if query in r["title"] or query in r["body"]}
        assert expected, query
        assert {hit["url"] for hit in found[query]} == expected, query
        for hit in found[query]:
            marked = [p["text"] for p in hit["title"] + hit["snippet"] if p["hit"]]
            assert marked and set(marked) == {query}, (query, hit)
    # several terms: all of them, anywhere in title or body
    both = {r["url"] for r in records if all(t in r["title"] + "\n" + r["body"] for t in ("京东", "直播"))}
    assert {hit["url"] for hit in found["京东 直播"]} == both
    assert both < {hit["url"] for hit in found["京东"]}
    # NFKC and case: full-width digits and lower-case letters find their printed forms
    assert {hit["url"] for hit in found["６１８"]} == {
        r["url"] for r in records if "618" in _fold(r["title"] + r["body"])
    }
    assert found["６１８"]
    assert found["CNNIC"] and any(p["hit"] and p["text"] == "CNNIC" for p in found["CNNIC"][0]["title"])
    assert found["无此词语"] == []
    # the page the hit names exists
    assert (built_site / unquote(found["京东"][0]["url"])).is_file()


def test_client_search_ranks_title_hits_first_and_keeps_the_printed_text(built_site):
    found = _node_search(built_site, ["ｃｎｎｉｃ"])["ｃｎｎｉｃ"]
    assert found
    title = "".join(p["text"] for p in found[0]["title"])
    assert "CNNIC" in title  # highlighted in the text as printed, not as normalised
    assert [p["text"] for p in found[0]["title"] if p["hit"]] == ["CNNIC"]


# -- build_site on issue records --------------------------------------------------------------------


def test_collected_markup_is_escaped_everywhere(tmp_path):
    out = tmp_path / "site"
    build_site([_sample_issue()], out)
    slug = issue_slug(_sample_issue())
    for page in [out / "index.html", out / "issues" / slug / "index.html", out / "issues" / slug / "2.html"]:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html
        assert _html_errors(page) == [], page
    item = (out / "issues" / slug / "2.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;直播电商规模" in item
    assert "&lt;img src=x onerror=alert(1)&gt;" in item
    assert "javascript:" not in item  # only http(s) originals are linked
    first = (out / "issues" / slug / "1.html").read_text(encoding="utf-8")
    assert '<a href="https://www.example.cn/news/1.html" rel="nofollow noopener">' in first


def test_a_corrected_issue_shows_its_newest_revision_and_keeps_the_earlier_ones(tmp_path):
    first, second = _corrected_pair()
    out = tmp_path / "site"
    report = build_site([first, second], out, site_url="https://digest.example.org/")
    folder = out / "issues" / issue_slug(second)

    assert report.issues == 1 and report.revision_pages == 2 and report.item_pages == 2
    current = (folder / "index.html").read_text(encoding="utf-8")
    assert "京东物流启用新仓（更正）" in current and "修订版" in current
    assert 'href="r1.html"' in current
    old = (folder / "r1.html").read_text(encoding="utf-8")
    assert "京东物流启用新仓</h3>" in old and "（更正）" not in old
    assert 'href="index.html"' in old and "查看最新版本" in old
    assert "京东物流启用新仓（更正）" in (folder / "1.html").read_text(encoding="utf-8")
    assert "修订版" in (out / "index.html").read_text(encoding="utf-8")

    feed = feedparser.parse((out / "feed.atom").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) == 1
    assert feed.entries[0].id == issue_entry_id(first)
    assert "修订版" in feed.entries[0].summary


def test_templates_dir_overrides_bundled_templates_and_static_files(tmp_path):
    overrides = tmp_path / "templates" / "site"
    overrides.mkdir(parents=True)
    (overrides / "site.css").write_text("/* the office's own look */\n", encoding="utf-8")
    (overrides / "index.html.j2").write_text(
        "<!DOCTYPE html><title>{{ site.title }}</title><p>{{ publications | length }} 种刊物</p>\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site([_sample_issue()], out, templates_dir=tmp_path / "templates")
    assert (out / "site.css").read_text(encoding="utf-8") == "/* the office's own look */\n"
    assert "<p>1 种刊物</p>" in (out / "index.html").read_text(encoding="utf-8")
    # the rest still comes from the bundled templates
    assert "京东物流启用新仓" in (out / "issues" / issue_slug(_sample_issue()) / "1.html").read_text(
        encoding="utf-8"
    )


def test_a_failed_build_leaves_the_old_site_intact(tmp_path):
    out = tmp_path / "site"
    build_site([_sample_issue()], out)
    before = (out / "index.html").read_bytes()
    overrides = tmp_path / "templates" / "site"
    overrides.mkdir(parents=True)
    (overrides / "item.html.j2").write_text("{{ no_such_thing() }}", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_thing"):
        build_site([_sample_issue(), _corrected_pair()[1]], out, templates_dir=tmp_path / "templates")
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]  # no leftovers


def test_a_rebuild_replaces_the_site(tmp_path):
    out = tmp_path / "site"
    build_site([_sample_issue()], out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    build_site([_sample_issue(), _sample_issue(label="2022年第10期")], out)
    assert not (out / "stale.html").exists()
    assert (out / SITE_MARKER).exists()
    assert (out / "issues" / "电子商务动态-2022年第10期" / "index.html").is_file()
    assert oct((out / "index.html").stat().st_mode & 0o044) == oct(0o044)  # readable by a web server
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work", encoding="utf-8")
    with pytest.raises(SiteError, match="not empty") as caught:
        build_site([_sample_issue()], out)
    assert "\n" not in str(caught.value)
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "years of work"
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_publications_are_listed_apart(tmp_path):
    other = _sample_issue(publication=Publication(name="跨境电商动态", office="《跨境电商动态》编辑部"))
    out = tmp_path / "site"
    report = build_site([_sample_issue(), other], out)
    assert sorted(report.publications) == ["电子商务动态", "跨境电商动态"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<section class="publication">') == 2
    assert (out / "issues" / "跨境电商动态-2022年第9期" / "index.html").is_file()


# The page's own code (search.js's start()) against a minimal stand-in for the browser's
# document: enough to see it read ?q=, fill the results with textContent and <mark>s, and
# never touch innerHTML.
NODE_PAGE = r"""
const fs = require("fs");
function element(tag) {
  return {
    tagName: tag.toUpperCase(), children: [], className: "", href: "", value: "", text: "",
    appendChild(child) { this.children.push(child); return child; },
    replaceChildren() { this.children = []; },
    get textContent() { return this.text + this.children.map((c) => c.textContent).join(""); },
    set textContent(value) { this.text = String(value); this.children = []; },
    set innerHTML(value) { throw new Error("innerHTML used with " + value); },
    addEventListener() {}, focus() {},
  };
}
const nodes = {
  "search-form": element("form"), q: element("input"),
  "search-status": element("p"), "search-results": element("ol"),
};
const query = "?q=" + encodeURIComponent(process.argv[3]);
global.window = {
  NEWSDESK_SEARCH_INDEX: JSON.parse(fs.readFileSync(process.argv[2], "utf8")),
  location: { href: "file:///site/search.html" + query, search: query },
  history: { replaceState() {} },
};
global.document = {
  readyState: "complete", createElement: element, addEventListener() {},
  getElementById: (id) => nodes[id],
};
require(process.argv[1]);
const list = nodes["search-results"];
function marks(node) {
  return (node.tagName === "MARK" ? [node.textContent] : []).concat(...node.children.map(marks));
}
process.stdout.write(JSON.stringify({
  input: nodes.q.value,
  status: nodes["search-status"].textContent,
  results: list.children.map((li) => ({
    href: li.children[0].children[0].href,
    title: li.children[0].textContent,
    meta: li.children[1].textContent,
    marks: marks(li),
  })),
}));
"""


def test_search_page_shows_results_as_text_with_highlights(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the client-side search cannot be run")
    out = tmp_path / "site"
    build_site([_sample_issue()], out)
    result = subprocess.run(
        [node, "-e", NODE_PAGE, str(out / "search.js"), str(out / "search-index.json"), "直播"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["input"] == "直播"
    assert page["status"] == "找到 1 条。"
    [hit] = page["results"]
    assert hit["title"] == "<script>alert('title')</script>直播电商规模"  # shown as text, not markup
    assert hit["href"] == f"issues/{quote(issue_slug(_sample_issue()), safe='')}/2.html"
    assert set(hit["marks"]) == {"直播"} and len(hit["marks"]) >= 2
    assert "2022年第9期" in hit["meta"] and "【数据观察】" in hit["meta"]


def test_a_label_imported_twice_is_kept_as_two_revisions(tmp_path):
    first = _sample_issue(1)
    again = _sample_issue(1, id=99)
    again.items = [dataclasses.replace(again.items[0], title="京东物流启用新仓（重印）")]
    out = tmp_path / "site"
    report = build_site([first, again], out)
    folder = out / "issues" / issue_slug(first)
    assert report.issues == 1 and report.revision_pages == 2
    assert "（重印）" in (folder / "r2.html").read_text(encoding="utf-8")
    assert "（重印）" not in (folder / "r1.html").read_text(encoding="utf-8")
    assert "（重印）" in (folder / "index.html").read_text(encoding="utf-8")


def test_the_command_uses_the_configured_look_address_and_templates(archive_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    overrides = tmp_path / "look" / "site"
    overrides.mkdir(parents=True)
    (overrides / "site.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_PUBLICATION__SPONSOR", "中国国际电子商务中心")
    monkeypatch.setenv("NEWSDESK_PUBLICATION__LOGO", str(logo))
    monkeypatch.setenv("NEWSDESK_PUBLICATION__TEMPLATES_DIR", str(tmp_path / "look"))
    monkeypatch.setenv("NEWSDESK_PUBLICATION__SITE_URL", "https://digest.example.org/archive")
    out = tmp_path / "public"
    result = _run(archive_url, "site", str(out))
    assert result.exit_code == 0, result.output

    index = (out / "index.html").read_text(encoding="utf-8")
    assert "主办：中国国际电子商务中心" in index
    [copied] = (out / "assets").iterdir()
    assert copied.read_bytes() == logo.read_bytes()
    assert f'src="assets/{copied.name}"' in index
    assert (out / "site.css").read_text(encoding="utf-8") == "body { color: #123456; }\n"
    assert '<link rel="canonical" href="https://digest.example.org/archive/index.html">' in index
    feed = feedparser.parse((out / "feed.atom").read_bytes())
    assert feed.entries[0].link.startswith("https://digest.example.org/archive/issues/")
    # --site-url wins over the setting
    again = _run(archive_url, "site", str(out), "--site-url", "https://mirror.example.net/")
    assert again.exit_code == 0, again.output
    assert "https://mirror.example.net/feed.atom" in (out / "feed.atom").read_text(encoding="utf-8")


def test_control_characters_and_line_separators_do_not_break_pages_or_scripts(tmp_path):
    issue = _sample_issue()
    issue.items[0].title = "京东\x0c物流\x00启用\u2028新仓"
    out = tmp_path / "site"
    build_site([issue], out)
    slug = issue_slug(issue)
    for page in (out / "index.html", out / "issues" / slug / "index.html", out / "issues" / slug / "1.html"):
        assert _html_errors(page) == [], page
    assert "京东物流启用\u2028新仓" in (out / "issues" / slug / "1.html").read_text(encoding="utf-8")
    script = (out / "search-index.js").read_text(encoding="utf-8")
    assert "\u2028" not in script and "\\u2028" in script
    assert feedparser.parse((out / "feed.atom").read_bytes()).bozo == 0
