"""search: the index of items and articles (FTS5 on SQLite, tsvector under GIN on PostgreSQL)

Revision ID: 0006
Revises: 0005

The tables are derived data (``store.search.SEARCH_TABLES``): their DDL depends on the
dialect, and the upgrade indexes the items and articles already stored.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsdesk.store.search import rebuild_on

    rebuild_on(op.get_bind())


def downgrade() -> None:
    from newsdesk.store.search import drop_search_tables

    drop_search_tables(op.get_bind())
