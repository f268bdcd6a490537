"""The editor's desk: the library of store/ and issue/ with a browser in front.

FastAPI with Jinja2 templates (autoescaped) and htmx (vendored in ``static/``, no build
step). Every state-changing request is a POST carrying the session's CSRF token; pages send a
Content-Security-Policy that allows no inline script.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.middleware.sessions import SessionMiddleware

from newsdesk.config import Settings
from newsdesk.desk import security
from newsdesk.issue.attribution import CHINA_TIME, attribution_line
from newsdesk.issue.model import Attribution, Item
from newsdesk.store import desk as desk_store
from newsdesk.store.session import engine_for

HERE = Path(__file__).parent
PAGE_SIZE = 50
DOWNLOAD_FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


class NotSignedIn(Exception):
    pass


class Forbidden(Exception):
    pass


class CsrfRefused(Exception):
    pass


class SecurityHeaders:
    """Content-Security-Policy and friends on every answer (a plain ASGI middleware: cheap)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = [
                    (b"content-security-policy", security.PAGE_CSP.encode()),
                    (b"x-frame-options", b"DENY"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                ]
                if not static:
                    extra.append((b"cache-control", b"no-store"))
                headers += [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app_from_environment() -> FastAPI:
    """For ``newsdesk serve --workers N``: each worker process reads the settings itself."""
    from newsdesk.config import load_settings

    return create_app(load_settings())


def default_workers() -> int:
    """Server processes when ``serve`` is given none: one per core, at most four. Each page is
    a few milliseconds of Python, so one process serves one core's worth of editors."""
    return max(1, min(os.cpu_count() or 1, 4))


def serve(settings: Settings, host: str, port: int, workers: int | None = None) -> None:
    """Run the desk under uvicorn: the set-up of ``newsdesk serve`` (and of bench/desk.py,
    which starts that command). httptools and uvloop are used when installed (they are
    dependencies); no access log (a line per request costs more than some pages)."""
    import uvicorn

    workers = workers or default_workers()
    options = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "proxy_headers": False,
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    # each worker process builds the app from the environment: hand it the database in use
    os.environ["NEWSDESK_DATABASE_URL"] = settings.effective_database_url
    os.environ["NEWSDESK_DATA_DIR"] = str(settings.data_dir)
    from newsdesk.store.session import close_engines

    close_engines()  # no pooled connection crosses into the workers
    uvicorn.run("newsdesk.desk.app:create_app_from_environment", factory=True, workers=workers, **options)


# Per SQLite connection of the desk: read the file through a memory map and keep 32 MB of
# pages. An inbox page touches a few thousand rows of a large articles table (each row holds
# the article's text); through read() calls and SQLite's default 2 MB cache, those reads
# were most of a page's time.
DESK_SQLITE_PRAGMAS = ("PRAGMA mmap_size=268435456", "PRAGMA cache_size=-32000")


def _desk_engine(settings: Settings):
    engine = engine_for(settings)
    if engine.dialect.name == "sqlite" and not getattr(engine, "_newsdesk_desk_pragmas", False):
        from sqlalchemy import event

        def _pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            for pragma in DESK_SQLITE_PRAGMAS:
                cursor.execute(pragma)
            cursor.close()

        event.listen(engine, "connect", _pragmas)
        engine._newsdesk_desk_pragmas = True
        engine.dispose()  # connections opened before reopen with them
    return engine


def create_app(settings: Settings) -> FastAPI:
    engine = _desk_engine(settings)
    # on file, so that every worker process of `serve --workers N` counts the same failures
    limiter = security.LoginLimiter(path=settings.data_dir / "desk-logins.db")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.auto_reload = False  # no stat() of each template on every page: they ship with the code
    templates.env.filters["when"] = _when
    templates.env.filters["day"] = _day
    templates.env.filters["attribution"] = lambda a: attribution_line(a) if a else "（书讯：无来源行）"

    app = FastAPI(title="newsdesk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.kept = _Kept(desk_store.ChangeCounter(engine))
    app.state.limiter = limiter

    app.add_middleware(
        SessionMiddleware,
        secret_key=security.session_secret(settings.data_dir),
        session_cookie="newsdesk_session",
        max_age=12 * 3600,
        same_site="lax",
        https_only=False,  # the desk is served on localhost; behind TLS put a proxy in front
    )
    app.add_middleware(SecurityHeaders)  # outermost: every answer gets the headers
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn):
        target = "/login?" + urlencode({"next": request.url.path})
        if request.headers.get("HX-Request"):
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden):
        return _message(request, templates, "Not allowed", str(exc), 403)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused):
        return _message(
            request,
            templates,
            "Refused",
            "This form had no valid security token (CSRF). Reload the page and try again.",
            403,
        )

    @app.exception_handler(404)
    async def _missing(request: Request, exc):
        return _message(request, templates, "Not found", getattr(exc, "detail", "") or "No such page.", 404)

    router = APIRouter(dependencies=[Depends(_csrf_guard)])
    _auth_routes(router, templates, engine, limiter)
    _inbox_routes(router, templates, settings, engine)
    _draft_routes(router, templates, settings, engine)
    _archive_routes(router, templates, settings, engine)
    _source_routes(router, templates, settings, engine)
    _admin_routes(router, templates, engine)
    app.include_router(router)
    return app


# --- helpers ---------------------------------------------------------------------------------


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    t = value.astimezone(CHINA_TIME)
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"  # strftime is slower


def _day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        value = value.astimezone(CHINA_TIME).date()
    return value.isoformat()


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = security.new_csrf_token()
        request.session["csrf"] = token
    return token


async def _csrf_guard(request: Request) -> None:
    if request.method in ("GET", "HEAD", "OPTIONS"):
        csrf_token(request)
        return
    given = request.headers.get("X-CSRF-Token")
    if not given:
        form = await request.form()
        given = form.get("csrf_token")
    if not security.same_token(request.session.get("csrf"), given if isinstance(given, str) else None):
        raise CsrfRefused()


def _user(request: Request, minimum: str = "viewer") -> desk_store.User:
    user_id = request.session.get("user_id")
    if not user_id:
        raise NotSignedIn()
    engine = request.app.state.engine
    user = request.app.state.kept.get(
        ("user", int(user_id)), lambda: desk_store.user_by_id(engine, int(user_id))
    )
    if user is None or request.session.get("role") != user.role:
        request.session.clear()
        raise NotSignedIn()
    if security.ROLE_RANK.get(user.role, -1) < security.ROLE_RANK[minimum]:
        raise Forbidden(f"this needs the {minimum} role; you are signed in as {user.role}")
    return user


def viewer(request: Request) -> desk_store.User:
    return _user(request, "viewer")


def editor(request: Request) -> desk_store.User:
    return _user(request, "editor")


def admin(request: Request) -> desk_store.User:
    return _user(request, "admin")


def _page(request: Request, templates: Jinja2Templates, name: str, status: int = 200, **context):
    context.setdefault("user", None)
    context["csrf"] = csrf_token(request)
    context["flash"] = request.session.pop("flash", None)
    context["path"] = request.url.path
    return templates.TemplateResponse(request, name, context, status_code=status)


def _message(request: Request, templates: Jinja2Templates, title: str, text: str, status: int):
    return _page(request, templates, "message.html", status, title=title, text=text)


def _flash(request: Request, text: str) -> None:
    request.session["flash"] = text


def _back(to: str) -> RedirectResponse:
    return RedirectResponse(to, status_code=303)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/inbox"


_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


@lru_cache(maxsize=4096)
def highlight_differences(text: str, reference: str) -> Markup:
    """The text, escaped, with the sentences the reference does not have (nearly) marked.

    Kept for the texts last asked for: comparing every sentence with every sentence of the
    lead (difflib) is most of the work of a cluster page, and a cluster's reports change
    rarely while editors open it again and again."""
    known = _sentences(reference)
    exact = set(known)
    out = []
    for paragraph in text.split("\n"):
        parts = []
        for sentence in _sentences(paragraph):
            same = sentence in exact or (
                bool(known) and bool(difflib.get_close_matches(sentence, known, n=1, cutoff=0.8))
            )
            parts.append(escape(sentence) if same else Markup("<mark>%s</mark>") % sentence)
        out.append(Markup("<p>") + Markup("").join(parts) + Markup("</p>"))
    return Markup("").join(out)


# --- sign-in ---------------------------------------------------------------------------------


def _auth_routes(router: APIRouter, templates, engine, limiter: security.LoginLimiter) -> None:
    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = "/inbox"):
        return _page(request, templates, "login.html", next=_safe_next(next), error=None)

    @router.post("/login", response_class=HTMLResponse)
    def login(
        request: Request,
        username: str = Form(..., max_length=100),
        password: str = Form(..., max_length=1000),
        next: str = Form("/inbox"),
    ):
        address = request.client.host if request.client else "?"
        wait = limiter.retry_after(username, address)
        if wait:
            minutes = max(1, round(wait / 60))
            return _page(
                request,
                templates,
                "login.html",
                429,
                next=_safe_next(next),
                error=f"Too many failed sign-ins. Try again in about {minutes} minute(s).",
            )
        user = desk_store.find_user(engine, username)
        if user is None:
            security.dummy_verify(password)
            ok = False
        else:
            ok = security.verify_password(user.password_hash, password)
        if not ok:
            limiter.failed(username, address)
            return _page(
                request,
                templates,
                "login.html",
                401,
                next=_safe_next(next),
                error="Wrong name or password.",
            )
        limiter.succeeded(username)
        if security.needs_rehash(user.password_hash):
            desk_store.set_password_hash(engine, user.id, security.hash_password(password))
        desk_store.record_login(engine, user.id)
        request.session.clear()  # a fresh session (and CSRF token) for the signed-in user
        request.session.update(user_id=user.id, role=user.role, csrf=security.new_csrf_token())
        return _back(_safe_next(next))

    @router.post("/logout")
    def logout(request: Request):
        request.session.clear()
        return _back("/login")

    @router.get("/")
    def home(request: Request):
        user = _user(request)
        return _back("/inbox" if user.role != "viewer" else "/archive")


# --- the inbox -------------------------------------------------------------------------------


def _open_or_new_draft(settings: Settings, engine) -> int:
    """The open draft, or a new empty one numbered after the archive."""
    from newsdesk.issue.compose import next_numbering
    from newsdesk.publishing import publication_being_made
    from newsdesk.store.drafts import DraftError, create_draft, numbering_facts, open_draft_id

    found = open_draft_id(engine)
    if found is not None:
        return found
    publication = publication_being_made(settings)
    day = dt.datetime.now(CHINA_TIME).date()
    labels, serials = numbering_facts(engine, publication.name)
    label, serial = next_numbering(labels, serials, day)
    try:
        return create_draft(engine, publication, label, serial, day)
    except DraftError:  # opened by someone else a moment ago
        found = open_draft_id(engine)
        if found is None:
            raise
        return found


_COLUMNS_CACHE: dict[str, tuple[float, list[str]]] = {}


def _columns(settings: Settings, engine) -> list[str]:
    """The publication's columns (configured, else learned; else those of the candidates),
    looked up at most every ten seconds."""
    from newsdesk.publishing import publication_being_made

    key = settings.effective_database_url
    cached = _COLUMNS_CACHE.get(key)
    if cached and time.monotonic() - cached[0] < 10.0:
        return list(cached[1])
    columns = publication_being_made(settings).columns
    if not columns:
        columns = desk_store.candidate_columns(engine)
    _COLUMNS_CACHE[key] = (time.monotonic(), list(columns))
    return list(columns)


_ROW = """<li class="candidate" id="c-{id}" data-candidate="{id}" tabindex="-1">
  <div class="main">
    <h2>{tick}<a href="/clusters/{id}" class="open">{title}</a></h2>
    <p class="meta">
      <span class="col">{column}</span> <span class="conf">{confidence:.2f}</span>
      · relevance <b>{relevance:.2f}</b>
      · {size} article{plural} · {outlets}
      · {when}{status}
    </p>
    <p class="reasons">{reasons}</p>
    <p class="preview">{preview}</p>
  </div>
{actions}</li>
"""
_TICK = '<input type="checkbox" name="ids" value="{id}" form="merge-form" aria-label="tick to merge">\n      '
_ACTIONS = """  <form class="actions" method="post" action="/inbox/{id}/accept" hx-target="#c-{id}" hx-swap="outerHTML">
    {fields}
    <select name="column" aria-label="column">{options}</select>
    <button type="submit" class="accept" hx-post="/inbox/{id}/accept">Accept</button>
    <button type="submit" class="reject" formaction="/inbox/{id}/reject" hx-post="/inbox/{id}/reject">Reject</button>
    <button type="submit" class="snooze" formaction="/inbox/{id}/snooze" hx-post="/inbox/{id}/snooze">Snooze a day</button>
{restore}  </form>
"""
_RESTORE = """    <button type="submit" formaction="/inbox/{id}/restore" hx-post="/inbox/{id}/restore">Back to inbox</button>
"""


# where a kept inbox page's HTML takes the CSRF token of the session that asks for it
_CSRF_SLOT = "csrf-slot-" + secrets.token_hex(16)


def inbox_rows_html(
    rows: list[desk_store.InboxRow],
    *,
    editing: bool,
    columns: list[str],
    csrf: str,
    back: str,
    restore_all: bool = False,
) -> Markup:
    """The inbox's rows. Fifty a page, each with a dozen values and its forms: written with
    format strings, every collected text escaped, rather than by the template engine, whose
    cost per expression made the rows a third of the page's time."""
    fields = Markup(
        '<input type="hidden" name="csrf_token" value="%s"><input type="hidden" name="back" value="%s">'
    ) % (csrf, back)
    options = {
        chosen: "".join(
            f"<option selected>{escape(c)}</option>" if c == chosen else f"<option>{escape(c)}</option>"
            for c in columns
        )
        for chosen in ["", *columns]
    }
    out = []
    for c in rows:
        actions = ""
        if editing:
            restore = _RESTORE.format(id=c.id) if restore_all or c.status != "suggested" else ""
            actions = _ACTIONS.format(
                id=c.id, fields=fields, options=options.get(c.column) or options[""], restore=restore
            )
        out.append(
            _ROW.format(
                id=c.id,
                tick=_TICK.format(id=c.id) if editing else "",
                title=escape(c.title),
                column=escape(c.column),
                confidence=c.confidence,
                relevance=c.relevance,
                size=c.size,
                plural="s" if c.size != 1 else "",
                outlets=escape("、".join(c.outlets) or "—"),
                when=_when(c.published_at),
                status=f' · <span class="status">{escape(c.status)}</span>'
                if c.status != "suggested"
                else "",
                reasons=escape("; ".join(c.column_reasons)),
                preview=escape(c.preview) + ("…" if c.more_text else ""),
                actions=actions,
            )
        )
    return Markup("".join(out))


class _Kept:
    """What the desk read, kept while nothing was committed to the database since (``changes``,
    a :class:`~newsdesk.store.desk.ChangeCounter`) and for at most ``seconds`` (a snooze ends
    by the clock, not by a commit). Twenty editors paging the same inbox read it once."""

    def __init__(self, changes: desk_store.ChangeCounter, seconds: float = 10.0, size: int = 512):
        self.changes, self.seconds, self.size = changes, seconds, size
        self.entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # the threadpool's handlers ask too

    def get(self, key, compute):
        version = self.changes.value()
        if version is None:  # not SQLite: nothing is kept
            return compute()
        now = time.monotonic()
        with self._lock:
            found = self.entries.get(key)
            if found is not None and found[0] == version and now - found[1] < self.seconds:
                self.entries.move_to_end(key)
                return found[2]
        value = compute()  # a commit while computing changes the version: the next call recomputes
        with self._lock:
            self.entries[key] = (version, now, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value


class _Cached:
    """A value recomputed at most every ``seconds`` (the inbox's filter choices scan every
    article), and then only if something was committed since (``changes``, when it counts)."""

    def __init__(self, compute, seconds: float = 60.0, changes: desk_store.ChangeCounter | None = None):
        self.compute, self.seconds, self.changes = compute, seconds, changes
        self.value, self.at, self.version = None, -1e9, None

    def __call__(self):
        now = time.monotonic()
        if now - self.at > self.seconds:
            version = self.changes.value() if self.changes is not None else None
            if version is None or version != self.version:
                self.value, self.version = self.compute(), version
            self.at = now
        return self.value


def _inbox_routes(router: APIRouter, templates, settings: Settings, engine) -> None:
    from newsdesk.store.drafts import DraftError, add_item, get_candidate, list_candidates
    from newsdesk.store.editorial import record_decision

    filter_choices = _Cached(
        lambda: desk_store.inbox_filter_choices(engine), changes=desk_store.ChangeCounter(engine)
    )

    def _filter(column, outlet, days, score, status) -> desk_store.InboxFilter:
        since = None
        if days and days.isdigit() and int(days) > 0:
            since = dt.datetime.now(dt.UTC) - dt.timedelta(days=int(days))
        try:
            min_relevance = float(score) if score else None
        except ValueError:
            min_relevance = None
        if status not in ("suggested", "accepted", "rejected", "published", "snoozed", "all"):
            status = "suggested"
        return desk_store.InboxFilter(
            column=column or None,
            outlet=outlet or None,
            since=since,
            min_relevance=min_relevance,
            status=status,
        )

    # The inbox and the cluster page are async: their work is a few milliseconds of CPU (the
    # queries walk an index and stop), cheaper done at once in the event loop than handed to
    # the threadpool, where twenty concurrent requests fight over the GIL.
    @router.get("/inbox", response_class=HTMLResponse)
    async def inbox(
        request: Request,
        column: str = "",
        outlet: str = "",
        days: str = "",
        score: str = "",
        status: str = "suggested",
        page: int = 1,
    ):
        user = _user(request)
        page = max(page, 1)
        f = _filter(column, outlet, days, score, status)
        columns, outlets, counts = filter_choices()
        query = {"column": column, "outlet": outlet, "days": days, "score": score, "status": f.status}
        base = {k: v for k, v in query.items() if v}
        columns = _columns(settings, engine) or columns
        editing = user.role != "viewer"

        def read():
            rows, more = desk_store.inbox(engine, f, (page - 1) * PAGE_SIZE, PAGE_SIZE, counts)
            # the rows' HTML too, with a slot for the session's CSRF token
            html = inbox_rows_html(
                rows,
                editing=editing,
                columns=columns,
                csrf=_CSRF_SLOT,
                back=request.url.path,
                restore_all=f.status == "snoozed",
            )
            return rows, more, str(html)

        rows, more, html = request.app.state.kept.get(
            ("inbox", column, outlet, days, score, f.status, page, editing, tuple(columns)), read
        )
        csrf = csrf_token(request)
        return _page(
            request,
            templates,
            "inbox.html",
            user=user,
            rows=rows,
            page=page,
            more=more,
            columns=columns,
            rows_html=Markup(html.replace(_CSRF_SLOT, escape(csrf))),
            outlets=outlets,
            query=query,
            prev_url="/inbox?" + urlencode({**base, "page": page - 1}) if page > 1 else None,
            next_url="/inbox?" + urlencode({**base, "page": page + 1}) if more else None,
        )

    def _row_result(request: Request, candidate_id: int, text: str, back: str):
        if _is_htmx(request):
            return _page(request, templates, "_inbox_done.html", candidate_id=candidate_id, text=text)
        _flash(request, text)
        return _back(_safe_next(back))

    @router.post("/inbox/{candidate_id}/accept")
    def accept(
        request: Request,
        candidate_id: int,
        column: str = Form(""),
        merged: str = Form(""),
        back: str = Form("/inbox"),
    ):
        _user(request, "editor")
        try:
            c = get_candidate(engine, candidate_id)
        except DraftError as exc:
            raise HTTPException(404, str(exc)) from exc
        column = column or c.column
        if column not in _columns(settings, engine) and column != c.column:
            raise HTTPException(400, f"no column {column}")
        item = c.as_item(column)
        if merged:
            from newsdesk.publishing import publication_being_made

            office = publication_being_made(settings).office
            a = c.attribution or Attribution()
            item.attribution = Attribution(office_compiled=True, editorial_office=office, date=a.date)
        draft_id = _open_or_new_draft(settings, engine)
        try:
            add_item(engine, draft_id, column, item, candidate_id)
        except DraftError as exc:
            return _row_result(request, candidate_id, str(exc), back)
        record_decision(engine, candidate_id, column, accepted=True)
        desk_store.unsnooze(engine, candidate_id)
        return _row_result(request, candidate_id, f"accepted into the draft, {column}: {c.title}", back)

    @router.post("/inbox/merge")
    async def merge(request: Request):
        """Several candidates as one item the office compiled (来源：…编辑部整理): the first one's
        title and column, the bodies one after another, the newest report's date."""
        from newsdesk.publishing import publication_being_made

        _user(request, "editor")
        form = await request.form()
        ids = [int(v) for v in form.getlist("ids") if str(v).isdigit()]
        back = _safe_next(str(form.get("back", "/inbox")))
        if len(ids) < 2:
            _flash(request, "tick two or more candidates to merge them into one item")
            return _back(back)
        found = {c.id: c for c in list_candidates(engine, ids=ids, with_figures=False)}
        chosen = [found[i] for i in ids if i in found]
        if len(chosen) < 2:
            raise HTTPException(404, "those candidates are gone")
        first = chosen[0]
        paragraphs: list[str] = []
        for c in chosen:
            for p in c.body.split("\n"):
                if p.strip() and p not in paragraphs:
                    paragraphs.append(p)
        dates = [c.attribution.date for c in chosen if c.attribution and c.attribution.date]
        office = publication_being_made(settings).office
        item = Item(
            column=first.column,
            title=first.title,
            body="\n".join(paragraphs),
            attribution=Attribution(
                office_compiled=True, editorial_office=office, date=max(dates) if dates else None
            ),
            source_url=first.source_url,
        )
        draft_id = _open_or_new_draft(settings, engine)
        try:
            add_item(engine, draft_id, first.column, item, first.id)
        except DraftError as exc:
            _flash(request, str(exc))
            return _back(back)
        for c in chosen:
            record_decision(engine, c.id, first.column, accepted=True)
        _flash(request, f"merged {len(chosen)} candidates into one item (编辑部整理): {first.title}")
        return _back(back)

    @router.post("/inbox/{candidate_id}/reject")
    def reject(request: Request, candidate_id: int, back: str = Form("/inbox")):
        _user(request, "editor")
        try:
            record_decision(engine, candidate_id, None, accepted=False)
        except KeyError as exc:
            raise HTTPException(404, f"no candidate {candidate_id}") from exc
        desk_store.unsnooze(engine, candidate_id)
        return _row_result(request, candidate_id, f"rejected candidate {candidate_id}", back)

    @router.post("/inbox/{candidate_id}/snooze")
    def snooze(request: Request, candidate_id: int, days: int = Form(1), back: str = Form("/inbox")):
        user = _user(request, "editor")
        until = dt.datetime.now(dt.UTC) + dt.timedelta(days=min(max(days, 1), 30))
        desk_store.snooze(engine, candidate_id, until, user.name)
        return _row_result(request, candidate_id, f"snoozed until {_when(until)}", back)

    @router.post("/inbox/{candidate_id}/restore")
    def restore(request: Request, candidate_id: int, back: str = Form("/inbox")):
        _user(request, "editor")
        desk_store.unsnooze(engine, candidate_id)
        desk_store.set_candidate_status(engine, candidate_id, "suggested")
        return _row_result(request, candidate_id, "back in the inbox", back)

    @router.get("/clusters/{candidate_id}", response_class=HTMLResponse)
    async def cluster(request: Request, candidate_id: int):
        user = _user(request)

        def read():
            found = list_candidates(engine, ids=[candidate_id], with_figures=False)  # no figures shown
            if not found:
                return None, []
            members = desk_store.cluster_articles(engine, found[0].cluster_id)
            lead = next((m for m in members if m.is_lead), members[0] if members else None)
            shown = [
                (m, highlight_differences(m.text, lead.text if lead and m is not lead else m.text))
                for m in members
            ]
            return found[0], shown

        c, shown = request.app.state.kept.get(("cluster", candidate_id), read)
        if c is None:
            raise HTTPException(404, f"no candidate {candidate_id}")
        return _page(
            request,
            templates,
            "cluster.html",
            user=user,
            c=c,
            members=shown,
            columns=_columns(settings, engine),
        )

    @router.post("/clusters/{candidate_id}/lead")
    def choose_lead(request: Request, candidate_id: int, article_id: int = Form(...)):
        _user(request, "editor")
        c = get_candidate(engine, candidate_id)
        chosen = next(
            (m for m in desk_store.cluster_articles(engine, c.cluster_id) if m.id == article_id), None
        )
        if chosen is None:
            raise HTTPException(404, "that article is not in this cluster")
        # the candidate becomes the chosen report's: its title, its text condensed as `process`
        # does, its outlet and its day in the attribution line
        from newsdesk.editorial.condense import condense_item
        from newsdesk.editorial.pipeline import outlet_mark
        from newsdesk.issue.attribution import report_date

        old = c.attribution or Attribution()
        day = report_date(chosen.published_at, old.date or dt.date.today())
        lengths = settings.editorial.condense_lengths
        condensed = condense_item(
            chosen.title,
            chosen.text,
            day,
            tuple(lengths.get(c.column) or lengths.get("default") or ()) or None,
        )
        attribution = Attribution(
            outlet=chosen.outlet,
            outlet_mark=outlet_mark(chosen.outlet, settings.editorial.outlet_marks)
            if chosen.outlet
            else None,
            editorial_office=old.editorial_office,
            date=day,
        )
        desk_store.set_lead(
            engine,
            c.cluster_id,
            chosen.id,
            title=chosen.title,
            body=condensed.body or chosen.text,
            outlet=chosen.outlet,
            outlet_mark=attribution.outlet_mark,
            attribution_line=attribution_line(attribution),
        )
        _flash(request, f"the lead is now the report of {chosen.outlet or 'an unknown outlet'}")
        return _back(f"/clusters/{candidate_id}")


# --- the draft -------------------------------------------------------------------------------


def _draft_routes(router: APIRouter, templates, settings: Settings, engine) -> None:
    from newsdesk.issue.render import render, render_text
    from newsdesk.publishing import with_configured_look
    from newsdesk.store.drafts import (
        DraftError,
        StaleEdit,
        discard_draft,
        load_draft,
        move_item,
        open_draft_id,
        publish_draft,
        remove_item,
        update_item,
    )

    def _draft_or_none():
        draft_id = open_draft_id(engine)
        return load_draft(engine, draft_id) if draft_id is not None else None

    def _item(draft, item_id: int):
        found = next((d for d in (draft.items if draft else []) if d.id == item_id), None)
        if found is None:
            raise HTTPException(404, f"no item {item_id} in the open draft")
        return found

    @router.get("/draft", response_class=HTMLResponse)
    def draft_page(request: Request):
        user = _user(request)
        draft = _draft_or_none()
        columns = _columns(settings, engine)
        grouped: dict[str, list] = {c: [] for c in columns}
        number = 0
        numbers = {}
        if draft:
            for d in draft.items:
                grouped.setdefault(d.column, []).append(d)
                number += 1
                numbers[d.id] = number
        return _page(
            request,
            templates,
            "draft.html",
            user=user,
            draft=draft,
            grouped=grouped,
            numbers=numbers,
            columns=list(grouped),
        )

    @router.post("/draft/new")
    def new_draft(request: Request):
        _user(request, "editor")
        _open_or_new_draft(settings, engine)
        return _back("/draft")

    @router.post("/draft/discard")
    def discard(request: Request):
        _user(request, "editor")
        draft = _draft_or_none()
        if draft:
            discard_draft(engine, draft.id)
            _flash(request, f"discarded draft {draft.label}")
        return _back("/draft")

    @router.post("/draft/items/{item_id}/move")
    def move(
        request: Request,
        item_id: int,
        column: str = Form(""),
        position: str = Form(""),
        step: str = Form(""),
    ):
        _user(request, "editor")
        draft = _draft_or_none()
        item = _item(draft, item_id)
        target = column or item.column
        if target not in _columns(settings, engine) and target != item.column:
            raise HTTPException(400, f"no column {target}")
        if step in ("up", "down"):
            wanted: int | None = max(1, item.position + (-1 if step == "up" else 1))
        elif position.isdigit():
            wanted = max(1, int(position))
        else:
            wanted = None
        move_item(engine, draft.id, item.id, target, wanted)
        if _is_htmx(request) or request.headers.get("X-Requested-With") == "fetch":
            return Response(status_code=204)
        return _back(f"/draft#item-{item.id}")

    @router.post("/draft/items/{item_id}/remove")
    def remove(request: Request, item_id: int):
        _user(request, "editor")
        draft = _draft_or_none()
        item = _item(draft, item_id)
        remove_item(engine, draft.id, item.id)
        _flash(request, f"removed «{item.title}»")
        return _back("/draft")

    def _edit_page(request, user, draft, item, form=None, error=None, status=200):
        original = desk_store.article_text(engine, item.source_url) if item.source_url else None
        values = form or {
            "title": item.title,
            "body": item.body,
            "column": item.column,
            "outlet": (item.attribution.outlet if item.attribution else "") or "",
            "outlet_mark": (item.attribution.outlet_mark if item.attribution else "") or "",
            "office_compiled": bool(item.attribution and item.attribution.office_compiled),
            "date": item.attribution.date.isoformat() if item.attribution and item.attribution.date else "",
            "book": item.attribution is None,
            "version": item.version,
        }
        return _page(
            request,
            templates,
            "item_edit.html",
            status,
            user=user,
            draft=draft,
            item=item,
            v=values,
            error=error,
            original=original,
            columns=_columns(settings, engine),
            preview=_attribution_preview(values, draft),
        )

    def _attribution_preview(values: dict, draft) -> str:
        a = _attribution_from_form(values, draft)
        return attribution_line(a) if a else "（书讯：无来源行）"

    def _attribution_from_form(values: dict, draft) -> Attribution | None:
        if values.get("book"):
            return None
        try:
            date = dt.date.fromisoformat(values.get("date") or "") if values.get("date") else None
        except ValueError:
            date = None
        office = draft.publication.office if draft else None
        compiled = bool(values.get("office_compiled"))
        mark = values.get("outlet_mark") or None
        return Attribution(
            outlet=None if compiled else (values.get("outlet") or "").strip() or None,
            outlet_mark=None if compiled or mark not in ("《》", "“”") else mark,
            office_compiled=compiled,
            editorial_office=office,
            date=date,
        )

    @router.get("/draft/items/{item_id}", response_class=HTMLResponse)
    def edit_form(request: Request, item_id: int):
        user = _user(request, "editor")
        draft = _draft_or_none()
        return _edit_page(request, user, draft, _item(draft, item_id))

    def _form_values(form) -> dict:
        return {
            "title": str(form.get("title", "")).strip(),
            "body": str(form.get("body", "")).replace("\r\n", "\n").strip(),
            "column": str(form.get("column", "")),
            "outlet": str(form.get("outlet", "")),
            "outlet_mark": str(form.get("outlet_mark", "")),
            "office_compiled": bool(form.get("office_compiled")),
            "date": str(form.get("date", "")),
            "book": bool(form.get("book")),
            "version": str(form.get("version", "0")),
        }

    @router.post("/draft/attribution-preview", response_class=HTMLResponse)
    async def preview_attribution(request: Request):
        _user(request, "editor")
        values = _form_values(await request.form())
        return HTMLResponse(escape(_attribution_preview(values, _draft_or_none())))

    @router.post("/draft/items/{item_id}", response_class=HTMLResponse)
    async def save_item(request: Request, item_id: int):
        user = _user(request, "editor")
        values = _form_values(await request.form())
        draft = _draft_or_none()
        item = _item(draft, item_id)
        if not values["title"] or not values["body"]:
            return _edit_page(request, user, draft, item, values, "A title and a body are needed.", 400)
        if values["column"] not in _columns(settings, engine):
            return _edit_page(request, user, draft, item, values, "Choose one of the columns.", 400)
        changed = Item(
            column=values["column"],
            title=values["title"],
            body=values["body"],
            attribution=_attribution_from_form(values, draft),
            source_url=item.source_url,
        )
        try:
            expected = int(values["version"])
        except ValueError:
            expected = -1
        try:
            update_item(engine, draft.id, item.id, expected, changed)
        except StaleEdit:
            fresh = _item(load_draft(engine, draft.id), item.id)
            return _edit_page(
                request,
                user,
                draft,
                fresh,
                values,
                "Not saved: someone else changed this item while you were editing it "
                f"(it is now at version {fresh.version}). Your text is still in the form below; "
                "open the item again to see their version, then make your change there.",
                409,
            )
        _flash(request, f"saved «{changed.title}»")
        return _back(f"/draft#item-{item.id}")

    def _configured(issue):
        return with_configured_look(issue, settings)

    @router.get("/draft/preview", response_class=HTMLResponse)
    def draft_preview(request: Request):
        _user(request)
        draft = _draft_or_none()
        if draft is None:
            raise HTTPException(404, "no draft is open")
        html = render(_configured(draft.as_issue()), "html", templates_dir=settings.publication.templates_dir)
        return HTMLResponse(
            html,
            headers={"Content-Security-Policy": security.ISSUE_HTML_CSP, "X-Frame-Options": "SAMEORIGIN"},
        )

    @router.get("/draft/download/{fmt}")
    def draft_download(request: Request, fmt: str):
        _user(request)
        draft = _draft_or_none()
        if draft is None:
            raise HTTPException(404, "no draft is open")
        return _download(settings, draft.as_issue(), fmt, f"{draft.label}-draft")

    @router.post("/draft/publish")
    def publish(request: Request):
        _user(request, "editor")
        draft = _draft_or_none()
        if draft is None:
            raise HTTPException(404, "no draft is open")
        try:
            issue_id, revision = publish_draft(engine, draft.id, render_text)
        except DraftError as exc:
            _flash(request, str(exc))
            return _back("/draft")
        _flash(
            request,
            f"published {draft.label}"
            + (f", revision {revision}" if revision > 1 else "")
            + f" as issue {issue_id}",
        )
        return _back(f"/archive/issues/{issue_id}")


def _download(settings: Settings, issue, fmt: str, name: str) -> Response:
    """The issue rendered in ``fmt`` as a file to save (UTF-8 file name per RFC 6266)."""
    from newsdesk.issue.render import RenderError, render
    from newsdesk.publishing import with_configured_look

    if fmt not in DOWNLOAD_FORMATS:
        raise HTTPException(404, f"no format {fmt}")
    try:
        content = render(
            with_configured_look(issue, settings), fmt, templates_dir=settings.publication.templates_dir
        )
    except RenderError as exc:
        raise HTTPException(500, str(exc)) from exc
    headers = {
        "Content-Disposition": f"attachment; filename=\"issue.{fmt}\"; filename*=UTF-8''{quote(f'{name}.{fmt}')}"
    }
    if fmt == "html":
        headers["Content-Security-Policy"] = security.ISSUE_HTML_CSP
    return Response(content, media_type=DOWNLOAD_FORMATS[fmt], headers=headers)


# --- the archive -----------------------------------------------------------------------------


def _archive_routes(router: APIRouter, templates, settings: Settings, engine) -> None:
    from newsdesk.issue.render import render
    from newsdesk.publishing import with_configured_look
    from newsdesk.store.archive import IssueNotFound, list_issues, load_issue
    from newsdesk.store.drafts import DraftError, draft_from_issue

    @router.get("/archive", response_class=HTMLResponse)
    def archive(
        request: Request,
        q: str = "",
        column: str = "",
        outlet: str = "",
        date_from: str = "",
        date_to: str = "",
        page: int = 1,
    ):
        user = _user(request)
        page = max(page, 1)
        searching = any((q, column, outlet, date_from, date_to))
        found, total, facets = [], 0, None
        if q.strip():
            # words: the archive's own search (Chinese bigram index, ranked, snippets marked)
            found, total, facets = _search_archive(
                engine, q, column, outlet, _date(date_from), _date(date_to), (page - 1) * PAGE_SIZE
            )
        elif searching:
            listed, total = desk_store.search_items(
                engine,
                None,
                column or None,
                outlet or None,
                _date(date_from),
                _date(date_to),
                (page - 1) * PAGE_SIZE,
                PAGE_SIZE,
            )
            found = [(f, escape(f.title), _snippet(f.body, "")) for f in listed]
        query = {"q": q, "column": column, "outlet": outlet, "date_from": date_from, "date_to": date_to}
        base = {k: v for k, v in query.items() if v}
        return _page(
            request,
            templates,
            "archive.html",
            user=user,
            issues=[] if searching else list_issues(engine),
            searching=searching,
            found=found,
            total=total,
            facets=facets or desk_store.archive_facets(engine),
            query=query,
            facet_url=lambda key, value: "/archive?" + urlencode({**base, key: value}),
            prev_url="/archive?" + urlencode({**base, "page": page - 1}) if page > 1 else None,
            next_url="/archive?" + urlencode({**base, "page": page + 1})
            if page * PAGE_SIZE < total
            else None,
        )

    def _issue(issue_id: int):
        try:
            return with_configured_look(load_issue(engine, issue_id), settings)
        except IssueNotFound as exc:
            raise HTTPException(404, str(exc)) from exc

    @router.get("/archive/issues/{issue_id}", response_class=HTMLResponse)
    def issue_page(request: Request, issue_id: int):
        user = _user(request)
        issue = _issue(issue_id)
        return _page(
            request,
            templates,
            "issue.html",
            user=user,
            issue=issue,
            by_column=issue.items_by_column(),
            formats=list(DOWNLOAD_FORMATS),
        )

    @router.get("/archive/issues/{issue_id}/house.html", response_class=HTMLResponse)
    def issue_html(request: Request, issue_id: int):
        _user(request)
        html = render(_issue(issue_id), "html", templates_dir=settings.publication.templates_dir)
        return HTMLResponse(
            html,
            headers={"Content-Security-Policy": security.ISSUE_HTML_CSP, "X-Frame-Options": "SAMEORIGIN"},
        )

    @router.get("/archive/issues/{issue_id}/download/{fmt}")
    def issue_download(request: Request, issue_id: int, fmt: str):
        _user(request)
        issue = _issue(issue_id)
        return _download(settings, issue, fmt, issue.label or f"issue-{issue_id}")

    @router.post("/archive/issues/{issue_id}/revise")
    def revise(request: Request, issue_id: int):
        _user(request, "editor")
        try:
            draft_from_issue(engine, issue_id)
        except DraftError as exc:
            _flash(request, str(exc))
            return _back(f"/archive/issues/{issue_id}")
        return _back("/draft")


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _search_archive(engine, q, column, outlet, since, until, offset):
    """Archive items matching the words of ``q``: (found rows for the page, total, facets)."""
    from types import SimpleNamespace

    from newsdesk.store.search import SearchError, SearchFilters, search

    try:
        results = search(
            engine,
            q,
            within="items",
            filters=SearchFilters(column=column or None, outlet=outlet or None, since=since, until=until),
            offset=offset,
            limit=PAGE_SIZE,
        )
    except SearchError:
        return [], 0, None
    found = [
        (
            SimpleNamespace(
                issue_id=hit.issue_id,
                issue_label=hit.issue_label,
                revision=1,
                position=hit.position,
                column=hit.column,
                outlet=hit.outlet,
                item_date=hit.date,
            ),
            Markup(hit.title_marked.html),  # escaped by the search, matches in <mark>
            Markup(hit.snippet.html),
        )
        for hit in results.hits
    ]
    facets = {"column": results.facets.get("column", []), "outlet": results.facets.get("outlet", [])}
    return found, results.total, facets


def _snippet(body: str, needle: str, width: int = 160) -> str:
    at = body.find(needle) if needle else -1
    if at < 0:
        return body[:width] + ("…" if len(body) > width else "")
    start = max(0, at - width // 3)
    return ("…" if start else "") + body[start : start + width] + ("…" if start + width < len(body) else "")


# --- sources ---------------------------------------------------------------------------------


def _source_routes(router: APIRouter, templates, settings: Settings, engine) -> None:
    from newsdesk.collect.records import SOURCE_KINDS
    from newsdesk.store import sources as source_store

    @router.get("/sources", response_class=HTMLResponse)
    def sources_page(request: Request):
        user = _user(request)
        return _page(
            request,
            templates,
            "sources.html",
            user=user,
            sources=source_store.list_sources(engine),
            kinds=SOURCE_KINDS,
            now=dt.datetime.now(dt.UTC),
        )

    @router.post("/sources")
    def add(
        request: Request,
        name: str = Form(..., max_length=200),
        location: str = Form(..., max_length=2000),
        kind: str = Form(...),
        every: str = Form("30m"),
        selector: str = Form(""),
    ):
        from newsdesk.collect.runner import parse_interval

        _user(request, "admin")
        name, location = name.strip(), location.strip()
        try:
            if kind not in SOURCE_KINDS:
                raise ValueError(f"kind must be one of {', '.join(SOURCE_KINDS)}")
            if not name or not location:
                raise ValueError("a name and a location are needed")
            if kind != "folder" and not re.match(r"https?://", location):
                raise ValueError("a feed, listing or page is an http(s) URL")
            source_store.add_source(
                engine,
                name=name,
                location=location,
                kind=kind,
                interval_seconds=parse_interval(every or settings.collect.default_interval),
                css_selector=selector.strip() or None,
            )
            _flash(request, f"added {name}")
        except (ValueError, source_store.SourceExistsError) as exc:
            _flash(request, f"not added: {exc}")
        return _back("/sources")

    @router.post("/sources/{source_id}/{action}")
    def act(request: Request, source_id: int, action: str):
        _user(request, "admin")
        source = next((s for s in source_store.list_sources(engine) if s.id == source_id), None)
        if source is None:
            raise HTTPException(404, "no such source")
        if action == "pause":
            source_store.set_paused(engine, source.name, True)
        elif action == "resume":
            source_store.set_paused(engine, source.name, False)
        elif action == "remove":
            source_store.remove_source(engine, source.name)
        else:
            raise HTTPException(404, "no such action")
        _flash(request, f"{source.name}: {action}d" if action != "pause" else f"{source.name}: paused")
        return _back("/sources")


# --- users and charts ------------------------------------------------------------------------


def _admin_routes(router: APIRouter, templates, engine) -> None:
    @router.get("/users", response_class=HTMLResponse)
    def users_page(request: Request):
        user = _user(request, "admin")
        return _page(
            request,
            templates,
            "users.html",
            user=user,
            users=desk_store.list_users(engine),
            roles=desk_store.ROLES,
        )

    @router.post("/users")
    def add_user(
        request: Request,
        name: str = Form(..., max_length=100),
        role: str = Form(...),
        password: str = Form(..., max_length=1000),
    ):
        _user(request, "admin")
        try:
            desk_store.add_user(engine, name.strip(), role, security.hash_password(password))
            _flash(request, f"added {name.strip()} ({role})")
        except (ValueError, desk_store.UserExists) as exc:
            _flash(request, f"not added: {exc}")
        return _back("/users")

    @router.get("/charts", response_class=HTMLResponse)
    def charts(request: Request, days: int = 30):
        user = _user(request)
        days = min(max(days, 1), 365)
        from newsdesk.desk.charts import column_mix_chart, outlet_day_chart

        now = dt.datetime.now(dt.UTC)
        newest = desk_store.newest_article_time(engine) or now
        since = newest - dt.timedelta(days=days)
        outlets, per = desk_store.articles_per_day(engine, since)
        return _page(
            request,
            templates,
            "charts.html",
            user=user,
            days=days,
            outlet_chart=outlet_day_chart(outlets, per, since.date(), newest.date()),
            mix_chart=column_mix_chart(desk_store.column_mix(engine)),
        )
