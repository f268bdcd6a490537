"""Alembic environment: the engine comes from newsdesk (``config.attributes["engine"]``)."""

from alembic import context

from newsdesk.store.db import make_engine
from newsdesk.store.schema import BoundedString, metadata
from newsdesk.store.search import is_search_table

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` CLI use: take the URL from -x url=...
    engine = make_engine(context.get_x_argument(as_dictionary=True)["url"])


def _render_item(type_, obj, _context):
    """A new migration spells schema.py's BoundedString(n) as the plain VARCHAR(n) it is."""
    if type_ == "type" and isinstance(obj, BoundedString):
        return f"sa.String(length={obj.impl.length})"
    return False


with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        # the search index is derived data whose DDL depends on the dialect (migration 0006)
        include_name=lambda name, type_, _parent: not (type_ == "table" and is_search_table(name)),
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
