"""Archive search: the index of items and articles, kept in step with every write, and queries.

What is indexed is the token text of ``text.search_terms`` (character bigrams of Chinese,
words of Latin letters and digits, normalised): on SQLite an FTS5 table per kind of row,
contentless (the text stays in ``items`` and ``articles``), rowid = the row's id; on
PostgreSQL a table per kind with a ``tsvector`` built from the same tokens (the tokens are
given as a tsvector literal, so no text-search configuration is involved: no extension,
nothing Debian's PostgreSQL lacks) under a GIN index. Beside each, ``<index>_docfreq`` holds
the number of rows holding each token (and, under the token '', the number of rows indexed).

The index is derived data: ``SEARCH_TABLES`` names it (``migrate-db`` copies none of it
and calls ``rebuild_search_index`` on the copy). The store functions that write items and
articles call ``index_issue`` / ``unindex_issue`` / ``index_articles`` / ``unindex_articles``
in the same transaction, so a search never sees an item that is gone or misses one that is
stored; ``catch_up`` before a search also indexes any row a future writer forgot (ids above
the highest one indexed), and each index function indexes a row at most once. The same
functions add or take away the rows' distinct tokens in ``_docfreq``; a rebuild counts them
once at the end from the index itself (FTS5's ``fts5vocab``, PostgreSQL's ``ts_stat``). On
PostgreSQL two transactions indexing at once wait for each other at the counts of the tokens
they share (till the first commits), written in sorted order so as not to deadlock.

A query runs in three steps:

1. The database finds the matches (FTS5 ``MATCH``, GIN ``@@``: phrases, OR, exclusion and the
   filters), newest first, and stops one past ``RANK_LIMIT``: only ids, no score. A term that
   matches a large part of the archive (电商 in an e-commerce archive) would otherwise make
   ranking, counting and facets read every match; above ``RANK_LIMIT`` matches, the newest
   ``RANK_LIMIT`` are ranked and counted in the facets, the total is "more than RANK_LIMIT",
   and the results say so. FTS5 walks its doclists newest first and stops by itself; GIN
   cannot (it returns a bitmap of every match), so on PostgreSQL, when the counts of
   ``_docfreq`` say the matches are dense, the newest rows are checked one by one instead,
   up to ``DENSE_SCAN`` of them, their tsvectors kept in the row (STORAGE MAIN) so that
   this reads no TOAST table (``_postgres_ids``).
2. Those rows are read once (title, text, outlet, month, and what a hit shows), and ranked
   here by BM25: for each term, its IDF from ``_docfreq`` (a phrase counted as its rarest
   token) times its saturated frequency in the row, counted in the row's text
   (``search_terms.TermCounter``), a title occurrence counting ``TITLE_WEIGHT`` times.
3. The facets are counted, and the snippets cut, from the same rows.

Why not the databases' own ranking: FTS5's ``bm25()`` counts each phrase's matches over the
whole index for its IDF (at a million articles, hundreds of thousands of rows for 电商), and
``ts_rank_cd`` reads each match's tsvector, which PostgreSQL by default keeps out of line
(TOAST, some 25 µs a row). Reading the text of at most ``RANK_LIMIT`` rows costs less, and snippets and
facets need those rows anyway. When GIN answers a phrase (any word of three characters or
more), each candidate is still rechecked against its tsvector, as GIN keeps no positions.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from newsdesk.text.search_terms import SearchQuery, Snippet, Term

# The derived tables of search (rebuilt from items and articles, never copied). SQLite's FTS5
# keeps each in shadow tables named <table>_data, _idx, _docsize and _config.
SEARCH_TABLES = ("items_search", "articles_search")
# beside each, <table>_docfreq: the number of rows holding each token ('' : the rows indexed)
_DERIVED_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content", "_docfreq")

# above this many matches, the newest RANK_LIMIT are ranked and faceted: each row ranked costs
# reading (on PostgreSQL, decompressing) its text and counting its terms, some 25 µs, and on
# PostgreSQL checking the newest rows for a common word stops sooner; at 1,000, PostgreSQL
# answered a common word at 300k articles in 40–65 ms
RANK_LIMIT = 500
TITLE_WEIGHT = 4.0  # a title match counts this many times a body match
BM25_K1, BM25_B = 1.2, 0.75  # the usual constants of BM25 (FTS5's bm25() uses the same)
_BATCH = 2_000
CHINA = dt.timezone(dt.timedelta(hours=8))


def is_search_table(name: str) -> bool:
    """Whether a table is (part of) the search index: derived, never copied."""
    return any(
        name == t or (name.startswith(t) and name[len(t) :] in _DERIVED_SUFFIXES) for t in SEARCH_TABLES
    )


@dataclass(frozen=True)
class _Kind:
    name: str  # items | articles
    table: str  # the rows searched
    index: str  # the search table
    key: str  # the search table's id column on PostgreSQL
    title: str
    body: str

    @property
    def docfreq(self) -> str:
        """The table of the number of rows holding each token."""
        return f"{self.index}_docfreq"


ITEMS = _Kind("items", "items", "items_search", "item_id", "title", "body")
ARTICLES = _Kind("articles", "articles", "articles_search", "article_id", "title", "text")
KINDS = {"items": ITEMS, "articles": ARTICLES}


# --- the tables --------------------------------------------------------------------------------


def create_search_tables(conn: Connection, *, with_indexes: bool = True) -> None:
    """Create the (empty) index tables of this database's dialect, if missing."""
    sqlite = conn.dialect.name == "sqlite"
    for kind in KINDS.values():
        conn.execute(
            text(
                # byte order (PostgreSQL's "C"): a prefix is a range of the primary key
                f"CREATE TABLE IF NOT EXISTS {kind.docfreq} (token TEXT"
                + (
                    " PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID"
                    if sqlite
                    else ' COLLATE "C" PRIMARY KEY, docs integer NOT NULL)'
                )
            )
        )
    if sqlite:
        for kind in KINDS.values():
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind.index} USING fts5("
                    "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
                )
            )
        return
    for kind in KINDS.values():
        conn.execute(
            text(
                f"CREATE TABLE IF NOT EXISTS {kind.index} ("
                f"{kind.key} integer PRIMARY KEY REFERENCES {kind.table}(id) ON DELETE CASCADE, "
                "document tsvector NOT NULL)"
            )
        )
        # kept in the row (compressed if it helps, out of line only past a page): a match
        # checked row by row reads no TOAST table (see _postgres_ids)
        conn.execute(text(f"ALTER TABLE {kind.index} ALTER COLUMN document SET STORAGE MAIN"))
        if with_indexes:
            _create_gin(conn, kind)


def _create_gin(conn: Connection, kind: _Kind) -> None:
    conn.execute(
        text(f"CREATE INDEX IF NOT EXISTS ix_{kind.index}_document ON {kind.index} USING gin (document)")
    )


def drop_search_tables(conn: Connection) -> None:
    for kind in KINDS.values():
        conn.execute(text(f"DROP TABLE IF EXISTS {kind.index}"))
        conn.execute(text(f"DROP TABLE IF EXISTS {kind.docfreq}"))


def _count_documents(conn: Connection, kind: _Kind, token_sets: list[Iterable[str]], sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) documents with these distinct tokens in the counts of
    ``kind.docfreq``. The tokens are written in sorted order: two transactions counting at once
    on PostgreSQL wait for each other's rows instead of deadlocking."""
    counted: Counter[str] = Counter()
    for tokens in token_sets:
        counted.update(tokens)
    if not token_sets:
        return
    counted[""] = len(token_sets)
    rows = [{"token": token, "n": sign * n} for token, n in sorted(counted.items())]
    conn.execute(
        text(
            f"INSERT INTO {kind.docfreq} (token, docs) VALUES (:token, :n) "
            f"ON CONFLICT (token) DO UPDATE SET docs = {kind.docfreq}.docs + excluded.docs"
        ),
        rows,
    )


def _fill_docfreq(conn: Connection, kind: _Kind) -> None:
    """Count every token's documents from the index itself (after a rebuild): FTS5's vocabulary
    table, PostgreSQL's ts_stat."""
    conn.execute(text(f"DELETE FROM {kind.docfreq}"))
    if conn.dialect.name == "sqlite":
        vocab = f"temp.{kind.index}_vocab"
        conn.execute(text(f"DROP TABLE IF EXISTS {vocab}"))
        conn.execute(text(f"CREATE VIRTUAL TABLE {vocab} USING fts5vocab(main, {kind.index}, row)"))
        conn.execute(text(f"INSERT INTO {kind.docfreq} (token, docs) SELECT term, doc FROM {vocab}"))
        conn.execute(text(f"DROP TABLE {vocab}"))
        rows = f"SELECT count(*) FROM {kind.index}_docsize"
    else:
        conn.execute(
            text(
                f"INSERT INTO {kind.docfreq} (token, docs) "
                f"SELECT word, ndoc FROM ts_stat('SELECT document FROM {kind.index}')"
            )
        )
        rows = f"SELECT count(*) FROM {kind.index}"
    conn.execute(text(f"INSERT INTO {kind.docfreq} (token, docs) SELECT '', ({rows})"))


# --- what goes into the index ----------------------------------------------------------------


def _tsvector_literal(title: str, body: str) -> str:
    """The tokens as a tsvector literal: title tokens weighted A, positions 1…16383."""
    from newsdesk.text.search_terms import MAX_TOKENS, index_tokens

    positions: dict[str, list[str]] = {}
    title_tokens = index_tokens(title)
    for i, token in enumerate(title_tokens, start=1):
        positions.setdefault(token, []).append(f"{i}A")
    start = len(title_tokens) + 2  # a gap: no phrase runs from the title into the body
    for i, token in enumerate(index_tokens(body), start=start):
        if i > MAX_TOKENS:
            break
        positions.setdefault(token, []).append(str(i))
    # PostgreSQL keeps 256 positions of a lexeme
    return " ".join(f"'{token}':{','.join(where[:256])}" for token, where in positions.items())


def _fts5_row(row) -> dict:
    from newsdesk.text.search_terms import index_text

    return {"id": row[0], "title": index_text(row[1] or ""), "body": index_text(row[2] or "")}


def _documents(rows: list, literal: bool, tokenize: Callable | None = None) -> list[dict]:
    if tokenize is not None:
        return tokenize(rows, literal)
    return _tokenize_rows(rows, literal)


def _tokenize_rows(rows: list, literal: bool) -> list[dict]:
    """Token text per row (title, body); with ``literal``, a tsvector literal instead."""
    if literal:
        return [{"id": r[0], "document": _tsvector_literal(r[1] or "", r[2] or "")} for r in rows]
    return [_fts5_row(r) for r in rows]


# The servers whose 'simple' parser takes a CJK bigram for a word (any UTF-8 locale does): they
# build the tsvector from the token text themselves; others are given a tsvector literal.
_PARSES_CJK: dict[str, bool] = {}
_PROBE = "京东 东集 ab 5"


def _literal_documents(conn: Connection) -> bool:
    if conn.dialect.name == "sqlite":
        return False
    url = conn.engine.url.render_as_string(hide_password=True)
    if url not in _PARSES_CJK:
        parsed = conn.execute(text("SELECT CAST(to_tsvector('simple', :t) AS text)"), {"t": _PROBE}).scalar()
        _PARSES_CJK[url] = parsed == "'5':4 'ab':3 '东集':2 '京东':1"
    return not _PARSES_CJK[url]


def _distinct_tokens(document: dict) -> set[str]:
    if "document" in document:
        return set(_LEXEME.findall(document["document"]))
    return set(document["title"].split()) | set(document["body"].split())


_LEXEME = re.compile(r"'([^']*)':")


def _write(conn: Connection, kind: _Kind, documents: list[dict], *, count: bool = True) -> None:
    """Index the documents; with ``count``, count their tokens in ``kind.docfreq`` too (a
    rebuild counts them all at the end instead)."""
    if not documents:
        return
    if count:
        _count_documents(conn, kind, [_distinct_tokens(d) for d in documents], 1)
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(f"INSERT INTO {kind.index}(rowid, title, body) VALUES (:id, :title, :body)"), documents
        )
        return
    if "document" in documents[0]:
        document = "CAST(:document AS tsvector)"
    else:
        document = "setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body)"
    conn.execute(
        text(
            f"INSERT INTO {kind.index} ({kind.key}, document) VALUES (:id, {document}) "
            f"ON CONFLICT ({kind.key}) DO NOTHING"
        ),
        documents,
    )


def _not_indexed(conn: Connection, kind: _Kind) -> str:
    if conn.dialect.name == "sqlite":
        return f"NOT EXISTS (SELECT 1 FROM {kind.index}_docsize d WHERE d.id = t.id)"
    return f"NOT EXISTS (SELECT 1 FROM {kind.index} d WHERE d.{kind.key} = t.id)"


def _index_where(conn: Connection, kind: _Kind, where: str, params: dict) -> int:
    rows = conn.execute(
        text(
            f"SELECT t.id, t.{kind.title}, t.{kind.body} FROM {kind.table} t "
            f"WHERE ({where}) AND {_not_indexed(conn, kind)} ORDER BY t.id"
        ),
        params,
    ).all()
    for start in range(0, len(rows), _BATCH):
        _write(conn, kind, _tokenize_rows(rows[start : start + _BATCH], _literal_documents(conn)))
    return len(rows)


def _unindex_where(conn: Connection, kind: _Kind, where: str, params: dict) -> int:
    """Remove rows from the index; call it before the rows change or go (SQLite's contentless
    index forgets a row by being told the tokens it was given, recomputed from the row)."""
    if conn.dialect.name != "sqlite":
        gone = conn.execute(
            text(
                f"DELETE FROM {kind.index} WHERE {kind.key} IN (SELECT t.id FROM {kind.table} t WHERE {where}) "
                "RETURNING tsvector_to_array(document)"
            ),
            params,
        ).all()
        _count_documents(conn, kind, [row[0] for row in gone], -1)
        return len(gone)
    rows = conn.execute(
        text(
            f"SELECT t.id, t.{kind.title}, t.{kind.body} FROM {kind.table} t "
            f"WHERE ({where}) AND NOT {_not_indexed(conn, kind)}"
        ),
        params,
    ).all()
    if rows:
        documents = [_fts5_row(r) for r in rows]
        conn.execute(
            text(
                f"INSERT INTO {kind.index}({kind.index}, rowid, title, body) VALUES ('delete', :id, :title, :body)"
            ),
            documents,
        )
        _count_documents(conn, kind, [_distinct_tokens(d) for d in documents], -1)
    return len(rows)


def index_issue(conn: Connection, issue_id: int) -> int:
    """Index the items of an issue (those not indexed yet); in the transaction that stored them."""
    return _index_where(conn, ITEMS, "t.issue_id = :issue_id", {"issue_id": issue_id})


def unindex_issue(conn: Connection, issue_id: int) -> int:
    """Take an issue's items out of the index, before they are deleted."""
    return _unindex_where(conn, ITEMS, "t.issue_id = :issue_id", {"issue_id": issue_id})


def index_articles(conn: Connection, *, ids: Iterable[int] = (), urls: Iterable[str] = ()) -> int:
    """Index the articles with these ids or URLs (those not indexed yet)."""
    done = 0
    for column, values in (("id", list(ids)), ("url", list(urls))):
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            params = {f"v{i}": v for i, v in enumerate(chunk)}
            where = f"t.{column} IN ({', '.join(':' + p for p in params)})"
            done += _index_where(conn, ARTICLES, where, params)
    return done


def unindex_articles(conn: Connection, *, ids: Iterable[int]) -> int:
    """Take articles out of the index, before their text changes or they are deleted."""
    values = list(ids)
    done = 0
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        params = {f"v{i}": v for i, v in enumerate(chunk)}
        done += _unindex_where(conn, ARTICLES, f"t.id IN ({', '.join(':' + p for p in params)})", params)
    return done


def _highest_indexed(conn: Connection, kind: _Kind) -> int:
    if conn.dialect.name == "sqlite":
        found = conn.execute(text(f"SELECT max(id) FROM {kind.index}_docsize")).scalar()
    else:
        found = conn.execute(text(f"SELECT max({kind.key}) FROM {kind.index}")).scalar()
    return found or 0


def catch_up(conn: Connection, kind: _Kind) -> int:
    """Index the rows stored after the highest one indexed (cheap: one look at each table's
    end); the store functions index as they write, this catches a writer that did not."""
    highest = _highest_indexed(conn, kind)
    newest = conn.execute(text(f"SELECT max(id) FROM {kind.table}")).scalar() or 0
    if newest <= highest:
        return 0
    return _index_where(conn, kind, "t.id > :after", {"after": highest})


def rebuild_search_index(
    engine: Engine,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    tokenize: Callable | None = None,
) -> dict[str, int]:
    """Drop the index and build it again from every item and article; returns the rows
    indexed per kind. ``tokenize(rows, literal)`` (as ``_tokenize_rows``) may spread the tokenizing over processes
    (the benchmark does); ``progress(kind, done, total)`` is called after each batch."""
    with engine.begin() as conn:
        return rebuild_on(conn, progress=progress, tokenize=tokenize)


def rebuild_on(
    conn: Connection,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    tokenize: Callable | None = None,
) -> dict[str, int]:
    """``rebuild_search_index`` in a transaction already open (the migration's)."""
    postgres = conn.dialect.name != "sqlite"
    literal = _literal_documents(conn)
    drop_search_tables(conn)
    create_search_tables(conn, with_indexes=False)
    counts = {}
    for kind in KINDS.values():
        total = conn.execute(text(f"SELECT count(*) FROM {kind.table}")).scalar() or 0
        done, after = 0, 0
        while True:
            rows = conn.execute(
                text(
                    f"SELECT id, {kind.title}, {kind.body} FROM {kind.table} WHERE id > :after ORDER BY id LIMIT :n"
                ),
                {"after": after, "n": _BATCH * 5},
            ).all()
            if not rows:
                break
            _write(conn, kind, _documents(rows, literal, tokenize), count=False)
            after = rows[-1][0]
            done += len(rows)
            if progress:
                progress(kind.name, done, total)
        counts[kind.name] = done
        if postgres:
            _create_gin(conn, kind)
        elif done:
            # one segment per index: fewer pages for every later query to read
            conn.execute(text(f"INSERT INTO {kind.index}({kind.index}) VALUES ('optimize')"))
        _fill_docfreq(conn, kind)
    return counts


# --- searching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilters:
    column: str | None = None  # items only
    outlet: str | None = None
    since: dt.date | None = None  # inclusive, China time for articles
    until: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class SearchHit:
    kind: str  # item | article
    id: int
    score: float  # higher is better
    title: str
    title_marked: Snippet
    snippet: Snippet
    outlet: str | None
    date: dt.date | None
    column: str | None = None  # items
    issue_id: int | None = None
    issue_label: str | None = None
    position: int | None = None
    url: str | None = None  # articles

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "score": round(self.score, 6),
            "title": self.title,
            "title_html": self.title_marked.html,
            "snippet": self.snippet.text,
            "snippet_html": self.snippet.html,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "column": self.column,
            "issue_id": self.issue_id,
            "issue_label": self.issue_label,
            "position": self.position,
            "url": self.url,
        }


@dataclass(frozen=True)
class SearchResults:
    query: str
    within: str  # items | articles
    hits: list[SearchHit]
    total: int  # matches (with the filters), counted up to RANK_LIMIT + 1
    total_exact: bool = True  # False: more than RANK_LIMIT match
    offset: int = 0
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # column, outlet, month
    ranked_among: int | None = None  # set when only the newest N matches were ranked and faceted

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "in": self.within,
            "total": self.total,
            "total_exact": self.total_exact,
            "offset": self.offset,
            "ranked_among": self.ranked_among,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [{"value": v, "count": n} for v, n in values] for name, values in self.facets.items()
            },
        }


class SearchError(ValueError):
    """A search that cannot run as asked (an empty query, a filter the rows lack)."""


def _fts5_term(term: Term) -> str:
    phrase = '"' + " ".join(term.tokens) + '"'
    return phrase + " *" if term.prefix else phrase


def fts5_match(query: SearchQuery) -> str:
    """The query as an FTS5 MATCH expression over the token text."""
    clauses = []
    for choice in query.required:
        alternatives = [_fts5_term(t) for t in choice]
        clauses.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    expression = " AND ".join(clauses)
    if query.excluded:
        expression = f"({expression}) NOT ({' OR '.join(_fts5_term(t) for t in query.excluded)})"
    return expression


def _ts_term(term: Term) -> str:
    lexemes = [f"'{token}'" for token in term.tokens]
    if term.prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def tsquery_text(query: SearchQuery) -> str:
    """The query as a tsquery literal over the same tokens."""
    clauses = []
    for choice in query.required:
        alternatives = [_ts_term(t) for t in choice]
        clauses.append(alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")")
    expression = " & ".join(clauses)
    for term in query.excluded:
        expression += f" & !{_ts_term(term)}"
    return expression


def _filters(kind: _Kind, filters: SearchFilters, postgres: bool) -> tuple[list[str], dict, bool]:
    """SQL conditions on the row ``t`` (and ``i``, its issue), their parameters, and whether
    the issue is needed."""
    conditions: list[str] = []
    params: dict = {}
    needs_issue = False
    if filters.column:
        if kind is not ITEMS:
            raise SearchError("articles have no column: search items (--in items) to filter by column")
        conditions.append("t.column_name = :column")
        params["column"] = filters.column
    if filters.outlet:
        conditions.append("t.outlet = :outlet")
        params["outlet"] = filters.outlet.strip().strip('《》“”"')
    if kind is ITEMS:
        day = "coalesce(t.item_date, i.issue_date)"
        if filters.since:
            conditions.append(f"{day} >= :since")
            params["since"] = filters.since
            needs_issue = True
        if filters.until:
            conditions.append(f"{day} <= :until")
            params["until"] = filters.until
            needs_issue = True
    else:
        if filters.since:
            conditions.append("t.published_at >= :since")
            params["since"] = _utc_start(filters.since, postgres)
        if filters.until:
            conditions.append("t.published_at < :until")
            params["until"] = _utc_start(filters.until + dt.timedelta(days=1), postgres)
    return conditions, params, needs_issue


def _utc_start(day: dt.date, postgres: bool):
    moment = dt.datetime.combine(day, dt.time(), CHINA).astimezone(dt.UTC)
    # SQLite compares the stored text: naive UTC, as the articles are written
    return moment if postgres else moment.replace(tzinfo=None)


def _month(kind: _Kind, postgres: bool) -> str:
    if kind is ITEMS:
        day = "coalesce(t.item_date, i.issue_date)"
        return f"to_char({day}, 'YYYY-MM')" if postgres else f"strftime('%Y-%m', {day})"
    if postgres:
        return "to_char(t.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
    return "strftime('%Y-%m', t.published_at, '+8 hours')"


def search(
    engine: Engine,
    query: str,
    *,
    within: str = "items",
    filters: SearchFilters | None = None,
    offset: int = 0,
    limit: int = 20,
    facets: bool = True,
) -> SearchResults:
    """The archive's items (or collected articles) matching ``query``, best first, with
    snippets of the original text and facet counts by column, outlet and month.

    Raises SearchError for an empty query or a filter the rows lack."""
    from newsdesk.text.search_terms import QueryError, parse_query

    try:
        parsed = parse_query(query)
    except QueryError as exc:
        raise SearchError(str(exc)) from exc
    if within not in KINDS:
        raise SearchError(f"search in items or articles, not {within!r}")
    kind = KINDS[within]
    filters = filters or SearchFilters()
    offset, limit = max(offset, 0), max(limit, 0)
    with engine.connect() as conn:
        if catch_up(conn, kind):
            conn.commit()
        postgres = conn.dialect.name != "sqlite"
        conditions, params, needs_issue = _filters(kind, filters, postgres)
        params["q"] = tsquery_text(parsed) if postgres else fts5_match(parsed)
        matching = _Matching(
            kind, postgres, conditions, " JOIN issues i ON i.id = t.issue_id" if needs_issue else ""
        )

        # The matches newest first, stopping one past the limit: that many match at most, and
        # these are ranked. Only ids: no score in the database (see the module's docstring).
        counts = _document_counts(conn, kind, parsed)
        if postgres:
            ids = _postgres_ids(conn, matching, params, counts.share(parsed))
        else:
            ids = (
                conn.execute(
                    text(f"{matching.ids()} ORDER BY {matching.key} DESC LIMIT :n"),
                    {**params, "n": RANK_LIMIT + 1},
                )
                .scalars()
                .all()
            )
        capped = len(ids) > RANK_LIMIT
        ids = ids[:RANK_LIMIT]
        rows = _rows(conn, kind, postgres, ids)
        ranked = _rank(rows, parsed, _term_weights(counts, parsed)) if rows else []
        best = ranked[offset : offset + limit]
        counted = _facets(kind, rows.values()) if facets and rows else {}
        hits = _hits(kind, best, rows, parsed)
    return SearchResults(
        query=query,
        within=within,
        hits=hits,
        total=len(ids) + capped,
        total_exact=not capped,
        offset=offset,
        facets=counted,
        ranked_among=RANK_LIMIT if capped else None,
    )


@dataclass(frozen=True)
class _Matching:
    """The SQL of the rows that match (on ``:q`` and the filters)."""

    kind: _Kind
    postgres: bool
    conditions: list[str]
    join_issue: str

    @property
    def key(self) -> str:
        return f"s.{self.kind.key}" if self.postgres else f"{self.kind.index}.rowid"

    def source(self) -> str:
        kind = self.kind
        if self.postgres:
            sql = f"FROM {kind.index} s"
            where = "s.document @@ CAST(:q AS tsquery)"
        else:
            sql = f"FROM {kind.index}"
            where = f"{kind.index} MATCH :q"
        if self.conditions:
            # the rows are read only when a filter needs them
            sql += f" JOIN {kind.table} t ON t.id = {self.key}{self.join_issue}"
            where += " AND " + " AND ".join(self.conditions)
        return f"{sql} WHERE {where}"

    def ids(self) -> str:
        return f"SELECT {self.key} AS id {self.source()}"

    def checked(self) -> str:
        """The ids of the rows among the newest ``:scan`` indexed that match, newest first,
        each row's tsvector checked in turn: ``ts_match_vq`` is ``@@`` in a form GIN does not
        answer, and the window's own LIMIT leaves PostgreSQL no plan but walking the primary
        key backwards, stopping when ``:n`` are found."""
        kind = self.kind
        window = f"SELECT w.{kind.key}, w.document FROM {kind.index} w ORDER BY w.{kind.key} DESC LIMIT :scan"
        sql = f"SELECT s.{kind.key} AS id FROM ({window}) s"
        where = "ts_match_vq(s.document, CAST(:q AS tsquery))"
        if self.conditions:
            sql += f" JOIN {kind.table} t ON t.id = s.{kind.key}{self.join_issue}"
            where += " AND " + " AND ".join(self.conditions)
        return f"{sql} WHERE {where} ORDER BY s.{kind.key} DESC LIMIT :n"


DENSE_SCAN = 20_000  # on PostgreSQL, the most rows checked one by one before GIN is asked


def _postgres_ids(conn, matching: _Matching, params: dict, share: float) -> list[int]:
    """The newest RANK_LIMIT + 1 matches on PostgreSQL.

    GIN answers a query as a bitmap of every match (reading the whole posting list of each
    token, and rechecking each candidate's tsvector for a phrase): for a common word at a
    million rows, hundreds of thousands. When the counts say matches are dense enough
    (``share`` of the rows match: RANK_LIMIT of them within DENSE_SCAN rows), the newest
    DENSE_SCAN rows are instead checked one by one, newest first, which stops at the
    limit; GIN answers for the rows below them when they held too few."""
    need = RANK_LIMIT + 1
    kind, key = matching.kind, matching.key
    ids: list[int] = []
    below = ""
    if need <= share * DENSE_SCAN:
        ids = (
            conn.execute(text(matching.checked()), {**params, "scan": DENSE_SCAN, "n": need}).scalars().all()
        )
        if len(ids) == need:
            return ids
        lowest, checked = conn.execute(
            text(
                f"SELECT min({kind.key}), count(*) FROM (SELECT {kind.key} FROM {kind.index} "
                f"ORDER BY {kind.key} DESC LIMIT :scan) w"
            ),
            {"scan": DENSE_SCAN},
        ).one()
        if checked < DENSE_SCAN:  # every row was checked
            return ids
        below = f" AND {key} < {int(lowest)}"
    rest = f"{matching.ids()}{below} ORDER BY {key} DESC LIMIT :n"
    return ids + conn.execute(text(rest), {**params, "n": need - len(ids)}).scalars().all()


def _rows(conn, kind: _Kind, postgres: bool, ids: list[int]) -> dict[int, tuple]:
    """The rows ``ids`` with what ranking, facets and hits read, by id: (id, title, body,
    outlet, day or published_at, month, then column, issue id, issue label, position for
    items or url for articles)."""
    if not ids:
        return {}
    if postgres:
        chosen, value = "t.id = ANY(CAST(:ids AS integer[]))", ids
    else:
        chosen, value = "t.id IN (SELECT value FROM json_each(:ids))", json.dumps(ids)
    if kind is ITEMS:
        sql = (
            "SELECT t.id, t.title, t.body, t.outlet, coalesce(t.item_date, i.issue_date) AS day, "
            f"{_month(kind, postgres)}, t.column_name, t.issue_id, i.label, t.position "
            f"FROM items t JOIN issues i ON i.id = t.issue_id WHERE {chosen}"
        )
    else:
        sql = (
            f"SELECT t.id, t.title, t.text, t.outlet, t.published_at, {_month(kind, postgres)}, t.url "
            f"FROM articles t WHERE {chosen}"
        )
    return {row[0]: row for row in conn.execute(text(sql), {"ids": value}).all()}


@dataclass(frozen=True)
class _Counts:
    """The documents holding each token of a query (from ``kind.docfreq``), and all of them."""

    docs: dict[str, int]
    total: int

    def term(self, term: Term) -> int:
        """At most this many documents hold the term: as many as its rarest token (a final
        single character, a prefix, counted as its commonest token)."""
        return min(self.docs.get(token, 0) for token in term.tokens)

    def share(self, parsed: SearchQuery) -> float:
        """About this share of the documents match, if the required choices (each as common
        as its terms together) occur independently of each other."""
        share = 1.0
        for choice in parsed.required:
            share *= min(sum(self.term(t) for t in choice), self.total) / self.total
        return share


def _document_counts(conn, kind: _Kind, parsed: SearchQuery) -> _Counts:
    terms = parsed.positive_terms()
    tokens = sorted({t for term in terms for t in (term.tokens[:-1] if term.prefix else term.tokens)} | {""})
    params = {f"t{i}": token for i, token in enumerate(tokens)}
    docs = {
        token: int(n or 0)
        for token, n in conn.execute(
            text(
                f"SELECT token, docs FROM {kind.docfreq} WHERE token IN ({', '.join(':' + p for p in params)})"
            ),
            params,
        ).all()
    }
    for term in terms:
        if term.prefix and term.tokens[-1] not in docs:
            first = term.tokens[-1]
            docs[first] = int(
                conn.execute(
                    text(f"SELECT max(docs) FROM {kind.docfreq} WHERE token >= :low AND token < :high"),
                    {"low": first, "high": first[:-1] + chr(ord(first[-1]) + 1)},
                ).scalar()
                or 0
            )
    return _Counts(docs, max(docs.get("", 0), 1))


def _term_weights(counts: _Counts, parsed: SearchQuery) -> list[float]:
    """The IDF of each positive term (as ``parsed.positive_terms()``)."""
    weights = []
    for term in parsed.positive_terms():
        n = counts.term(term)
        weights.append(math.log(1 + (counts.total - n + 0.5) / (n + 0.5)))
    return weights


def _rank(rows: dict[int, tuple], parsed: SearchQuery, weights: list[float]) -> list[tuple[int, float]]:
    """BM25 over the rows' own text: for each term, its IDF times its saturated frequency, a
    title occurrence counting TITLE_WEIGHT times, lengths relative to the rows ranked; best
    first, the newest first among equals."""
    import numpy as np

    from newsdesk.text.search_terms import TermCounter

    counts = TermCounter(parsed).counts
    ids = np.fromiter(rows, dtype=np.int64, count=len(rows))
    found = np.array([counts(row[1] or "", row[2] or "") for row in rows.values()], dtype=np.float64)
    frequency = TITLE_WEIGHT * found[:, :, 0] + found[:, :, 1]  # rows × terms
    lengths = np.array([len(row[1] or "") + len(row[2] or "") for row in rows.values()], dtype=np.float64)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(lengths.mean(), 1.0))
    scores = (np.asarray(weights) * frequency * (BM25_K1 + 1) / (frequency + norm[:, None])).sum(axis=1)
    order = np.lexsort((-ids, -scores))
    return [(int(ids[i]), float(scores[i])) for i in order]


def _facets(kind: _Kind, rows: Iterable[tuple]) -> dict[str, list[tuple[str, int]]]:
    """Counts by column (items), outlet and month of the rows."""
    groups: dict[str, Counter] = {}
    if kind is ITEMS:
        groups["column"] = Counter(row[6] for row in rows if row[6] is not None)
    groups["outlet"] = Counter(row[3] for row in rows if row[3] is not None)
    groups["month"] = Counter(row[5] for row in rows if row[5] is not None)
    counted = {
        name: sorted(((str(v), n) for v, n in values.items()), key=lambda vn: (-vn[1], vn[0]))[:50]
        for name, values in groups.items()
    }
    counted["month"].sort(key=lambda vn: vn[0], reverse=True)
    return counted


def _hits(
    kind, best: list[tuple[int, float]], rows: dict[int, tuple], parsed: SearchQuery
) -> list[SearchHit]:
    from newsdesk.text.search_terms import snippet

    terms = parsed.positive_terms()
    hits = []
    for id_, score in best:
        row = rows[id_]
        title, body = row[1] or "", row[2] or ""
        common = {
            "id": id_,
            "score": score,
            "title": title,
            "title_marked": snippet(title, terms, width=max(len(title), 1)),
            "snippet": snippet(body, terms),
            "outlet": row[3],
        }
        if kind is ITEMS:
            hits.append(
                SearchHit(
                    kind="item",
                    date=_as_date(row[4]),
                    column=row[6],
                    issue_id=row[7],
                    issue_label=row[8],
                    position=row[9],
                    **common,
                )
            )
        else:
            hits.append(SearchHit(kind="article", date=_china_day(row[4]), url=row[6], **common))
    return hits


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _china_day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(CHINA).date()
