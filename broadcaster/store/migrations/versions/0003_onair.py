"""on air: broadcast claims and logbook snapshot, daemon lease, second-precision extras

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('items', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('duration_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('approved_by', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint('uq_broadcasts_key', ['key'])
    with op.batch_alter_table('slot_overrides', schema=None) as batch_op:
        batch_op.alter_column('time', existing_type=sa.String(length=5), type_=sa.String(length=8),
                              existing_nullable=False)
    op.create_table('daemon_leases',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    op.drop_table('daemon_leases')
    with op.batch_alter_table('slot_overrides', schema=None) as batch_op:
        batch_op.alter_column('time', existing_type=sa.String(length=8), type_=sa.String(length=5),
                              existing_nullable=False)
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_broadcasts_key', type_='unique')
        batch_op.drop_column('approved_by')
        batch_op.drop_column('duration_s')
        batch_op.drop_column('items')
        batch_op.drop_column('key')
