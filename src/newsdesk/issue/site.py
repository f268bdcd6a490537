"""The static archive site: every issue and item as pages, the Atom feed, client-side search.

``build_site`` takes issues (the command loads them from the database) and writes a folder
that works from any web server or straight from disk (``file://``): every link is relative,
and the search index is also written as a script so the search page needs no ``fetch``.

Layout::

    index.html                    issues newest first, per publication
    issues/<slug>/index.html      an issue at its newest revision
    issues/<slug>/r1.html …       every revision of a corrected issue, kept at its own page
    issues/<slug>/<n>.html        the n-th item of the issue (newest revision)
    feed.atom                     ``archive_feed``
    search.html, search.js        search over titles and bodies, in the browser
    search-index.json             the items searched: title, body, issue, column, url
    search-index.js               the same, as a script (browsers refuse fetch on file://)
    site.css                      one stylesheet for every page

Templates and the two static files come from ``templates/site/`` of this package; files of
the same name in ``<templates_dir>/site/`` win.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, TemplateNotFound
from markupsafe import Markup

from newsdesk.issue.atom import (
    BEIJING,
    IssueHistory,
    archive_feed,
    column_mix,
    group_revisions,
    is_web_url,
    issue_date,
    issue_page_path,
    issue_slug,
    item_page_path,
    normalise_site_url,
    publication_name,
    url_path,
    xml_safe,
)
from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Issue, Item, Publication

# Left in every site we build: only a folder that has it (or an empty one) is ever replaced,
# so a mistyped OUT_DIR (a home folder) is refused rather than wiped.
SITE_MARKER = ".newsdesk-site"
STATIC_FILES = ("site.css", "search.js")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
BOOK_MARKER = "内容简介"


class SiteError(Exception):
    """The site cannot be written; the message is one line naming the folder and the reason."""


@dataclass
class SiteReport:
    out_dir: Path
    issues: int = 0  # issues (labels), each at its newest revision
    revision_pages: int = 0  # pages of the revisions of corrected issues
    item_pages: int = 0
    pages: int = 0  # every HTML page written
    feed_bytes: int = 0
    search_entries: int = 0
    search_index_bytes: int = 0
    publications: list[str] = field(default_factory=list)


# -- what the templates are given ------------------------------------------------------------------


@dataclass
class ItemView:
    position: int
    item: Item
    href: str  # relative to the issue's folder
    paragraphs: list[str]
    attribution: str | None
    source_url: str | None  # http(s) only

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def column(self) -> str:
        return self.item.column

    @property
    def is_book(self) -> bool:
        return self.item.attribution is None


@dataclass
class RevisionView:
    number: int
    href: str  # relative to the issue's folder
    published: str | None
    current: bool


@dataclass
class IssueView:
    history: IssueHistory
    issue: Issue
    slug: str
    href: str  # relative to the site's root
    date: str | None
    items: list[ItemView]
    columns: list[tuple[str, list[ItemView]]]
    column_mix: list[tuple[str, int]]
    revisions: list[RevisionView]
    logo: str | None = None  # relative to the site's root
    newer: IssueView | None = None
    older: IssueView | None = None

    @property
    def label(self) -> str:
        return self.issue.label or "（无刊期）"

    @property
    def revision(self) -> int:
        return self.history.number(self.issue)

    @property
    def newest_revision(self) -> int:
        return self.history.number(self.history.newest)

    @property
    def publication(self) -> Publication:
        return self.issue.publication

    @property
    def year(self) -> str:
        date = issue_date(self.issue)
        return f"{date.year}年" if date else "未注日期"


@dataclass
class PublicationView:
    name: str
    publication: Publication
    issues: list[IssueView]
    logo: str | None = None

    @property
    def years(self) -> list[tuple[str, list[IssueView]]]:
        grouped: dict[str, list[IssueView]] = {}
        for view in self.issues:
            grouped.setdefault(view.year, []).append(view)
        return list(grouped.items())


def chinese_date(date: dt.date | None) -> str | None:
    return f"{date.year}年{date.month}月{date.day}日" if date else None


def chinese_datetime(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    local = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(BEIJING)
    return f"{chinese_date(local.date())} {local:%H:%M}"


def _paragraphs(item: Item) -> list[str]:
    return [p.strip() for p in item.body.split("\n") if p.strip()]


def _item_views(issue: Issue) -> list[ItemView]:
    return [
        ItemView(
            position=position,
            item=item,
            href=f"{position}.html",
            paragraphs=_paragraphs(item),
            attribution=attribution_line(item.attribution) if item.attribution else None,
            source_url=item.source_url.strip() if is_web_url(item.source_url) else None,
        )
        for position, item in enumerate(issue.items, start=1)
    ]


def _issue_view(history: IssueHistory, issue: Issue) -> IssueView:
    items = _item_views(issue)
    columns = [(c, [v for v in items if v.column == c]) for c in issue.columns_in_order()]
    revisions = []
    if len(history.revisions) > 1:
        revisions = [
            RevisionView(
                number=history.number(r),
                href=f"r{history.number(r)}.html",
                published=chinese_datetime(r.published_at) or chinese_date(issue_date(r)),
                current=r is issue,
            )
            for r in history.revisions
        ]
    return IssueView(
        history=history,
        issue=issue,
        slug=issue_slug(issue),
        href=issue_page_path(issue),
        date=chinese_date(issue_date(issue)),
        items=items,
        columns=columns,
        column_mix=column_mix(issue),
        revisions=revisions,
    )


def _publication_views(histories: list[IssueHistory]) -> list[PublicationView]:
    by_name: dict[str, PublicationView] = {}
    for history in histories:  # newest first, so each publication's list is too
        view = _issue_view(history, history.newest)
        name = publication_name(history.newest)
        if name not in by_name:
            by_name[name] = PublicationView(name=name, publication=history.newest.publication, issues=[])
        by_name[name].issues.append(view)
    for publication in by_name.values():
        for newer, older in zip(publication.issues, publication.issues[1:], strict=False):
            newer.older, older.newer = older, newer
    return list(by_name.values())


def _search_records(publications: list[PublicationView], histories: list[IssueHistory]) -> list[dict]:
    """One record per item of each issue's newest revision, newest issue first.

    Results keep this order among equals, so the newest reports come first whatever the
    publication.
    """
    rank = {id(history): n for n, history in enumerate(histories)}
    views = sorted((v for p in publications for v in p.issues), key=lambda v: rank[id(v.history)])
    records = []
    for view in views:
        for item in view.items:
            records.append(
                {
                    "title": item.title,
                    "body": "\n".join(item.paragraphs),
                    "publication": view.publication.display_name,
                    "issue": view.label,
                    "date": view.date,
                    "column": item.column,
                    "url": item_page_path(view.issue, item.position),
                }
            )
    return records


# -- templates ------------------------------------------------------------------------------------------


def _printable(value):
    # Every printed value passes here before escaping; a macro's output is Markup already
    # and must stay so (escaping it again would print its tags).
    if isinstance(value, Markup):
        return Markup(xml_safe(str(value)))
    return xml_safe(value) if isinstance(value, str) else value


def site_environment(templates_dir: Path | None = None) -> Environment:
    loaders = []
    if templates_dir is not None:
        loaders.append(FileSystemLoader(str(Path(templates_dir) / "site")))
    loaders.append(PackageLoader("newsdesk.issue", "templates/site"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        # Every page is HTML and every string in it came from outside: escape all of it.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.globals.update(book_marker=BOOK_MARKER)
    return env


def _static_source(env: Environment, name: str) -> str:
    # Through the loader, so a static file in templates_dir/site overrides the bundled one.
    source, _, _ = env.loader.get_source(env, name)
    return source


# -- writing ----------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, root: Path, env: Environment, site: dict) -> None:
        self.root = root
        self.env = env
        self.site = site
        self.pages = 0

    def page(self, relative: Path, template: str, **context) -> None:
        depth = len(relative.parts) - 1
        canonical = self.site["url"] + url_path(*relative.parts) if self.site["url"] else None
        html = self.env.get_template(template).render(
            site=self.site, root="../" * depth, canonical=canonical, **context
        )
        self.text(relative, html)
        self.pages += 1

    def text(self, relative: Path, content: str) -> int:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        path.write_bytes(data)
        return len(data)


def build_site(
    issues: list[Issue],
    out_dir: Path,
    *,
    site_url: str | None = None,
    templates_dir: Path | None = None,
) -> SiteReport:
    """Write the static site of ``issues`` to ``out_dir``, replacing the site there.

    The site is built in a temporary folder beside ``out_dir`` and renamed into place, so a
    build that fails leaves the previous site whole. Raises ``SiteError`` (one line) when
    ``out_dir`` cannot be written or holds something other than a site built here.
    """
    # resolve(): a symlinked OUT_DIR (public -> /var/www/site) is replaced where it points
    out_dir = Path(out_dir).expanduser().resolve()
    _check_target(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    except OSError as exc:
        raise SiteError(f"cannot write {out_dir}: {exc.strerror or exc}") from exc
    try:
        # mkdtemp makes a private folder; a web server must be able to read the site.
        staging.chmod(0o777 & ~_umask())
        report = _write_site(issues, staging, site_url=site_url, templates_dir=templates_dir)
        _replace(staging, out_dir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(f"cannot write {out_dir}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.out_dir = out_dir
    return report


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _check_target(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise SiteError(f"{out_dir} exists and is not a folder")
    try:
        empty = not any(out_dir.iterdir())
    except OSError as exc:
        raise SiteError(f"cannot read {out_dir}: {exc.strerror or exc}") from exc
    if not empty and not (out_dir / SITE_MARKER).exists():
        raise SiteError(
            f"{out_dir} is not empty and holds no site built by newsdesk ({SITE_MARKER}); "
            "choose a new or empty folder"
        )


def _replace(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    retired.rmdir()  # only its unique name is wanted
    out_dir.rename(retired)
    try:
        staging.rename(out_dir)
    except OSError:
        retired.rename(out_dir)  # put the old site back before reporting
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _copy_logos(publications: list[PublicationView], root: Path) -> None:
    copied: dict[Path, str] = {}
    for publication in publications:
        logo = publication.publication.logo
        if not logo:
            continue
        source = Path(logo).expanduser()
        if source.suffix.lower() not in LOGO_SUFFIXES or not source.is_file():
            continue  # a missing logo leaves the masthead without one rather than failing the site
        if source not in copied:
            data = source.read_bytes()
            name = f"logo-{hashlib.sha256(data).hexdigest()[:10]}{source.suffix.lower()}"
            (root / "assets").mkdir(exist_ok=True)
            (root / "assets" / name).write_bytes(data)
            copied[source] = url_path("assets", name)
        publication.logo = copied[source]
        for view in publication.issues:
            view.logo = copied[source]


def _write_site(
    issues: list[Issue], root: Path, *, site_url: str | None, templates_dir: Path | None
) -> SiteReport:
    env = site_environment(templates_dir)
    histories = group_revisions(issues)
    publications = _publication_views(histories)
    _copy_logos(publications, root)
    names = [p.publication.display_name for p in publications]
    site = {
        "title": "、".join(names) if names else "刊物档案",
        "single": len(publications) == 1,
        "url": normalise_site_url(site_url),  # absolute links only where a page must name itself
    }
    writer = _Writer(root, env, site)
    report = SiteReport(out_dir=root, publications=[p.name for p in publications])

    writer.page(Path("index.html"), "index.html.j2", publications=publications)
    for publication in publications:
        for view in publication.issues:
            folder = Path("issues") / view.slug
            writer.page(folder / "index.html", "issue.html.j2", view=view, revision_page=False)
            report.issues += 1
            for revision in view.history.revisions if view.revisions else []:
                revision_view = _issue_view(view.history, revision)
                revision_view.logo, revision_view.newer, revision_view.older = (
                    view.logo,
                    view.newer,
                    view.older,
                )
                writer.page(
                    folder / f"r{view.history.number(revision)}.html",
                    "issue.html.j2",
                    view=revision_view,
                    revision_page=True,
                )
                report.revision_pages += 1
            for position, item in enumerate(view.items):
                writer.page(
                    folder / item.href,
                    "item.html.j2",
                    view=view,
                    item=item,
                    previous=view.items[position - 1] if position > 0 else None,
                    following=view.items[position + 1] if position + 1 < len(view.items) else None,
                )
                report.item_pages += 1

    records = _search_records(publications, histories)
    index_json = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    report.search_entries = len(records)
    report.search_index_bytes = writer.text(Path("search-index.json"), index_json + "\n")
    # JSON is valid JavaScript; a script tag loads it where fetch() is refused (file://).
    # U+2028 and U+2029 end a line in JavaScript before ES2019: escaped for older browsers.
    script_json = index_json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    writer.text(Path("search-index.js"), f"window.NEWSDESK_SEARCH_INDEX = {script_json};\n")
    writer.page(Path("search.html"), "search.html.j2", entries=len(records))
    for name in STATIC_FILES:
        try:
            writer.text(Path(name), _static_source(env, name))
        except TemplateNotFound as exc:  # pragma: no cover - the package ships both
            raise SiteError(f"the site template {name} is missing") from exc
    report.feed_bytes = writer.text(Path("feed.atom"), archive_feed(issues, site_url=site_url))
    writer.text(Path(SITE_MARKER), "Built by newsdesk site; this folder is replaced on each build.\n")
    report.pages = writer.pages
    return report
