"""LLM rewrite: per-segment status and reason, tokens spent per week

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rewrite_status', sa.String(length=10), nullable=False,
                                      server_default='off'))
        batch_op.add_column(sa.Column('rewrite_reason', sa.Text(), nullable=True))
    op.create_table('rewrite_usage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('job', sa.String(length=20), nullable=False),
    sa.Column('engine', sa.String(length=40), nullable=False),
    sa.Column('model', sa.String(length=100), nullable=False),
    sa.Column('prompt_version', sa.String(length=40), nullable=False),
    sa.Column('segments', sa.Integer(), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('cached', sa.Integer(), nullable=False),
    sa.Column('tokens_in', sa.Integer(), nullable=False),
    sa.Column('tokens_out', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rewrite_usage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rewrite_usage_week'), ['week'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rewrite_usage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rewrite_usage_week'))
    op.drop_table('rewrite_usage')
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_column('rewrite_reason')
        batch_op.drop_column('rewrite_status')
        batch_op.drop_column('source_text')
