"""Tables. Every change here comes with an Alembic migration under ``migrations/versions``.

Sections are owned by pipeline stages: archive (publications, issues, items), collection
(sources, articles), editorial (clusters and what hangs off them).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class BoundedString(TypeDecorator):
    """``VARCHAR(n)`` whose values are cut to n characters when written.

    PostgreSQL refuses a longer value where SQLite keeps it: an outlet name of 250 characters
    on a hostile page would lose the article on one database and not the other. Cut on both,
    the two store the same. (The DDL is plain ``VARCHAR(n)``: no migration involved.)
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        length = self.impl.length
        if isinstance(value, str) and length and len(value) > length:
            return value[:length]
        return value


# The largest value of an Integer column on every database (PostgreSQL's integer is 32-bit):
# an id above it names no row, and is looked up as none rather than sent to the database.
INTEGER_MAX = 2**31 - 1


def fits_integer(value: int) -> bool:
    return -INTEGER_MAX - 1 <= value <= INTEGER_MAX


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# --- archive -------------------------------------------------------------------------------

publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(200), nullable=False, unique=True),  # journal name without 《》
    Column("office", BoundedString(200)),  # e.g. 《电子商务动态》编辑部
    Column("columns", JSON, nullable=False, default=list),  # column names in the publication's order
    Column("created_at", DateTime(timezone=True), nullable=False),
)

issues = Table(
    "issues",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("publication_id", ForeignKey("publications.id"), nullable=False),
    Column(
        "label", BoundedString(300), nullable=False
    ),  # what the editor calls it, e.g. 2022-07 or the file stem
    Column("issue_date", Date),  # newest item date when not printed
    Column("source_path", Text),
    Column("content_hash", BoundedString(64), nullable=False, unique=True),  # sha256 of the normalized text
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("unplaced", JSON, nullable=False, default=list),  # [{"first_line", "last_line", "text"}]
    # Issues published by newsdesk (imported ones have no published_at). A published issue is
    # never changed: a correction is a new row, revision 2, 3, … whose revision_of names revision 1.
    Column("serial", Integer),  # 总第N期
    Column("revision", Integer, nullable=False, default=1, server_default="1"),
    Column("revision_of", ForeignKey("issues.id", ondelete="SET NULL"), index=True),
    Column("published_at", DateTime(timezone=True)),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("issue_id", ForeignKey("issues.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("column_name", BoundedString(100), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("outlet", BoundedString(200)),
    Column("outlet_mark", BoundedString(4)),  # 《》 or “” as printed around the outlet
    Column("office_compiled", Boolean, nullable=False, default=False),
    Column("editorial_office", BoundedString(200)),
    Column("item_date", Date),
    Column("has_attribution", Boolean, nullable=False, default=True),  # False for book notices
    Column("source_url", Text),  # the lead article's URL, for items newsdesk composed
    UniqueConstraint("issue_id", "position"),
)

# --- drafts and delivery ---------------------------------------------------------------------

# The issue being made: mutable until published, when its items are copied into a new issue.
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("publication_id", ForeignKey("publications.id"), nullable=False),
    Column("label", BoundedString(300), nullable=False),  # 2022年第9期
    Column("serial", Integer),  # 总第N期
    Column("issue_date", Date),
    Column("revises_issue_id", ForeignKey("issues.id", ondelete="SET NULL")),  # a correction
    Column("published_issue_id", ForeignKey("issues.id", ondelete="SET NULL")),  # set once published
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

draft_items = Table(
    "draft_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("draft_id", ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("candidate_id", ForeignKey("candidate_items.id", ondelete="SET NULL")),
    Column("column_name", BoundedString(100), nullable=False),
    Column("position", Integer, nullable=False),  # order within its column
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("outlet", BoundedString(200)),
    Column("outlet_mark", BoundedString(4)),
    Column("office_compiled", Boolean, nullable=False, default=False),
    Column("editorial_office", BoundedString(200)),
    Column("item_date", Date),
    Column("has_attribution", Boolean, nullable=False, default=True),
    Column("source_url", Text),
    # bumped by every edit: two editors saving the same item do not overwrite each other
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# One row per (issue, recipient): written before the message goes out and marked sent after,
# so a rerun after a crash sends to nobody twice and to everybody once.
issue_sends = Table(
    "issue_sends",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("issue_id", ForeignKey("issues.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("email", BoundedString(320), nullable=False),
    Column("name", BoundedString(200)),
    Column("status", BoundedString(16), nullable=False),  # pending | sent | failed
    Column("message_id", BoundedString(300)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("issue_id", "email"),
)

# --- collection ----------------------------------------------------------------------------

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(200), nullable=False, unique=True),  # also the default outlet name
    Column("location", Text, nullable=False, unique=True),  # URL or folder path
    Column("kind", BoundedString(20), nullable=False),  # feed | listing | page | folder
    Column("interval_seconds", Integer, nullable=False, default=1800),
    Column("css_selector", Text),
    Column("paused", Boolean, nullable=False, default=False),
    Column("gone", Boolean, nullable=False, default=False),  # 404/410: the source no longer exists
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("next_due_at", DateTime(timezone=True)),
    Column("last_new_articles", Integer, nullable=False, default=0),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("state", JSON, nullable=False, default=dict),  # kind-specific bookkeeping (seen files, ...)
    Column("created_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("sources.id", ondelete="SET NULL"), index=True),
    Column("url", Text, nullable=False, unique=True),  # canonical URL, or file:// for a folder
    Column("outlet", BoundedString(200)),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),  # extracted main text, paragraphs separated by \n
    Column("published_at", DateTime(timezone=True)),
    Column("author", BoundedString(300)),
    Column("language", BoundedString(16)),
    Column("content_hash", BoundedString(64), nullable=False, index=True),
    Column("raw", LargeBinary),  # the response body, zlib-compressed, to rerun extraction later
    Column("raw_content_type", BoundedString(200)),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("processed_at", DateTime(timezone=True)),  # set by the editorial stage
    Index("ix_articles_published_at", "published_at"),
    Index("ix_articles_outlet", "outlet"),  # the desk's filters by outlet
)

# --- editorial -----------------------------------------------------------------------------

clusters = Table(
    "clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("lead_article_id", ForeignKey("articles.id", ondelete="SET NULL")),
    Column("size", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_clusters_updated_at", "updated_at"),  # the desk's inbox, newest first
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("reasons", JSON, nullable=False, default=list),  # why it joined: the same-story decision
)

article_analysis = Table(
    "article_analysis",
    metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("clean_text", Text, nullable=False),  # boilerplate removed
    Column("tags", JSON, nullable=False, default=list),  # [{"name", "kind", "count"}]
    Column("figure_count", Integer, nullable=False, default=0),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
)

article_figures = Table(
    "article_figures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),  # original wording, e.g. 六千九百五十九亿元
    Column("kind", BoundedString(16), nullable=False),  # amount | count | percent | change
    Column("value", Float),  # normalised number
    Column("unit", BoundedString(16), nullable=False, default=""),
    Column("period", BoundedString(100)),
    Column("subject", BoundedString(200)),
    Column("sentence", Text, nullable=False),
    Column("base", BoundedString(100)),  # what a change is measured against: 上年同期, 一季度
)

candidate_items = Table(
    "candidate_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_id", ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("lead_article_id", ForeignKey("articles.id", ondelete="SET NULL")),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),  # condensed, paragraphs separated by \n
    Column("column_name", BoundedString(100), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("column_reasons", JSON, nullable=False, default=list),
    Column("relevance", Float, nullable=False),
    Column("relevance_reasons", JSON, nullable=False, default=list),
    Column("outlet", BoundedString(200)),
    Column("outlet_mark", BoundedString(4)),
    Column("office_compiled", Boolean, nullable=False, default=False),  # 编辑部整理: merged by the editor
    Column("attribution_line", Text, nullable=False),
    Column(
        "status", BoundedString(16), nullable=False, default="suggested"
    ),  # suggested | accepted | rejected
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

editor_decisions = Table(
    "editor_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("candidate_id", ForeignKey("candidate_items.id", ondelete="SET NULL"), index=True),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("column_name", BoundedString(100), nullable=False),  # the column the editor filed it in
    Column("accepted", Boolean, nullable=False, default=True),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)

editorial_models = Table(
    "editorial_models",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", BoundedString(32), nullable=False),  # columns
    Column("path", Text, nullable=False),
    Column("examples", Integer, nullable=False),
    Column("accuracy", Float),  # cross-validated, when measured
    Column("columns", JSON, nullable=False, default=list),
    Column("trained_at", DateTime(timezone=True), nullable=False),
)

# --- the desk --------------------------------------------------------------------------------

# People who sign in to the web desk (`newsdesk user add`); passwords are argon2 hashes.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", BoundedString(16), nullable=False),  # admin | editor | viewer
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_login_at", DateTime(timezone=True)),
)

# A candidate the editor put aside: kept out of the inbox until ``until``.
candidate_snoozes = Table(
    "candidate_snoozes",
    metadata,
    Column("candidate_id", ForeignKey("candidate_items.id", ondelete="CASCADE"), primary_key=True),
    Column("until", DateTime(timezone=True), nullable=False),
    Column("user_name", BoundedString(100)),
)
