import pytest
import sqlalchemy as sa

from newsdesk.store.db import open_database


def test_migrations_create_schema_and_are_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'a' / 'n.db'}"
    engine = open_database(url)
    open_database(url)  # a second run changes nothing and does not fail
    tables = set(sa.inspect(engine).get_table_names())
    assert {"publications", "issues", "items", "sources", "articles"} <= tables
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from alembic_version")).scalar() == 1


@pytest.mark.both_databases
def test_migrations_match_the_schema_module(db_url):
    # Every table change in store/schema.py comes with a migration, and the other way round.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsdesk.store.schema import metadata
    from newsdesk.store.search import is_search_table

    engine = open_database(db_url)
    with engine.connect() as conn:
        # the search index is derived, dialect-specific and outside schema.py (migration 0006)
        skip = lambda name, type_, _parent: not (type_ == "table" and is_search_table(name))  # noqa: E731
        context = MigrationContext.configure(conn, opts={"compare_type": False, "include_name": skip})
        diff = compare_metadata(context, metadata)
    assert diff == []
