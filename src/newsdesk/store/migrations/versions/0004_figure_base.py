"""figure base: what a change is measured against (上年同期, 一季度)

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article_figures", schema=None) as batch_op:
        batch_op.drop_column("base")
