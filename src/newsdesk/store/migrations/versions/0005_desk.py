"""desk: users who sign in, candidates snoozed in the inbox, indexes for the inbox

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "candidate_snoozes",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate_items.id"],
            name=op.f("fk_candidate_snoozes_candidate_id_candidate_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_candidate_snoozes")),
    )
    op.create_index("ix_clusters_updated_at", "clusters", ["updated_at"], unique=False)
    op.create_index("ix_articles_outlet", "articles", ["outlet"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_articles_outlet", table_name="articles")
    op.drop_index("ix_clusters_updated_at", table_name="clusters")
    op.drop_table("candidate_snoozes")
    op.drop_table("users")
