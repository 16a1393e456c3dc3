"""on air you can trust: seconds aired and attempts in the logbook, emergency requests, a meta table

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('aired_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('attempt', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('holder', sa.String(length=200), nullable=True))
    op.create_table('air_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('requested_by', sa.String(length=100), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('taken_by', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    # The slots of config.yaml were seeded when a "seed_slots" audit event exists; keep that fact
    # in the meta table so that pruning the audit log can never seed them twice.
    op.execute("INSERT INTO meta (key, value) SELECT 'slots_seeded', 'yes' "
                "WHERE EXISTS (SELECT 1 FROM audit_events WHERE action = 'seed_slots')")


def downgrade() -> None:
    op.drop_table('meta')
    op.drop_table('air_requests')
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.drop_column('holder')
        batch_op.drop_column('attempt')
        batch_op.drop_column('aired_s')
