"""search: the number of documents holding each token, beside each index (ranking's IDF)

Revision ID: 0007
Revises: 0006

``store.search`` ranks in Python and reads each term's document count from
``<index>_docfreq`` instead of letting FTS5's bm25() count it over the whole index. The
tables are derived data. On SQLite they are counted from the index as it stands (FTS5's
vocabulary table), with no text tokenized again; on PostgreSQL the index is built again, as
its tsvectors are now kept in the row (STORAGE MAIN), which only rewritten rows follow.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsdesk.store.search import KINDS, _fill_docfreq, create_search_tables, rebuild_on

    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        rebuild_on(bind)
        return
    create_search_tables(bind)
    for kind in KINDS.values():
        _fill_docfreq(bind, kind)


def downgrade() -> None:
    from newsdesk.store.search import KINDS

    for kind in KINDS.values():
        op.execute(f"DROP TABLE IF EXISTS {kind.docfreq}")
