"""publishing: drafts, published revisions and numbering, e-mail deliveries

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("serial", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("revision_of", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_issues_revision_of_issues"), "issues", ["revision_of"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index(batch_op.f("ix_issues_revision_of"), ["revision_of"], unique=False)
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_url", sa.Text(), nullable=True))

    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publication_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("revises_issue_id", sa.Integer(), nullable=True),
        sa.Column("published_issue_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["publication_id"], ["publications.id"], name=op.f("fk_drafts_publication_id_publications")
        ),
        sa.ForeignKeyConstraint(
            ["revises_issue_id"],
            ["issues.id"],
            name=op.f("fk_drafts_revises_issue_id_issues"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["published_issue_id"],
            ["issues.id"],
            name=op.f("fk_drafts_published_issue_id_issues"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drafts")),
    )
    op.create_table(
        "draft_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("column_name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("outlet_mark", sa.String(length=4), nullable=True),
        sa.Column("office_compiled", sa.Boolean(), nullable=False),
        sa.Column("editorial_office", sa.String(length=200), nullable=True),
        sa.Column("item_date", sa.Date(), nullable=True),
        sa.Column("has_attribution", sa.Boolean(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_draft_items_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate_items.id"],
            name=op.f("fk_draft_items_candidate_id_candidate_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_items")),
    )
    with op.batch_alter_table("draft_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draft_items_draft_id"), ["draft_id"], unique=False)
    op.create_table(
        "issue_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issues.id"], name=op.f("fk_issue_sends_issue_id_issues"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issue_sends")),
        sa.UniqueConstraint("issue_id", "email", name=op.f("uq_issue_sends_issue_id")),
    )
    with op.batch_alter_table("issue_sends", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issue_sends_issue_id"), ["issue_id"], unique=False)


def downgrade() -> None:
    op.drop_table("issue_sends")
    op.drop_table("draft_items")
    op.drop_table("drafts")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("source_url")
    with op.batch_alter_table("issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issues_revision_of"))
        batch_op.drop_constraint(batch_op.f("fk_issues_revision_of_issues"), type_="foreignkey")
        batch_op.drop_column("published_at")
        batch_op.drop_column("revision_of")
        batch_op.drop_column("revision")
        batch_op.drop_column("serial")
