"""search: the number of documents holding each token, beside each index (ranking's IDF)

Revision ID: 0007
Revises: 0006

``store.search`` ranks in Python and reads each term's document count from
``<index>_docfreq`` instead of letting FTS5's bm25() count it over the whole index. The
tables are derived data, counted here from the index as it stands (FTS5's vocabulary table,
PostgreSQL's ts_stat), with no text tokenized again.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsdesk.store.search import KINDS, _fill_docfreq, create_search_tables

    bind = op.get_bind()
    create_search_tables(bind)
    for kind in KINDS.values():
        _fill_docfreq(bind, kind)


def downgrade() -> None:
    from newsdesk.store.search import KINDS

    for kind in KINDS.values():
        op.execute(f"DROP TABLE IF EXISTS {kind.docfreq}")
