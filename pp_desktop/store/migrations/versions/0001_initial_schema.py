"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('owner_entity', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index('ix_attachment_owner', ['owner_entity', 'owner_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('who', sa.String(length=120), nullable=False),
    sa.Column('device', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('organisation',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('iati_ref', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index('ix_organisation_name', ['name'], unique=False)

    op.create_table('price_observation',
    sa.Column('observed_on', sa.String(length=10), nullable=False),
    sa.Column('period_end', sa.String(length=10), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('drug', sa.String(length=32), nullable=False),
    sa.Column('sale_level', sa.String(length=16), nullable=False),
    sa.Column('price_typical', sa.Float(), nullable=True),
    sa.Column('price_min', sa.Float(), nullable=True),
    sa.Column('price_max', sa.Float(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('per_quantity', sa.Float(), nullable=False),
    sa.Column('per_unit', sa.String(length=32), nullable=False),
    sa.Column('purity_typical', sa.Float(), nullable=True),
    sa.Column('purity_min', sa.Float(), nullable=True),
    sa.Column('purity_max', sa.Float(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('confidentiality', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_observation'))
    )
    with op.batch_alter_table('price_observation', schema=None) as batch_op:
        batch_op.create_index('ix_price_country_date', ['country', 'observed_on', 'id'], unique=False)
        batch_op.create_index('ix_price_date', ['observed_on', 'id'], unique=False)
        batch_op.create_index('ix_price_drug_date', ['drug', 'observed_on', 'id'], unique=False)

    op.create_table('recommendation',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('working_group', sa.String(length=32), nullable=False),
    sa.Column('meeting_date', sa.String(length=10), nullable=True),
    sa.Column('pillar', sa.String(length=32), nullable=False),
    sa.Column('priority', sa.String(length=8), nullable=False),
    sa.Column('addressed_to', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('follow_up_due', sa.String(length=10), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation')),
    sa.UniqueConstraint('code', name=op.f('uq_recommendation_code'))
    )
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_status', ['status', 'follow_up_due'], unique=False)

    op.create_table('reference_code',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.Column('label_ru', sa.String(length=200), nullable=False),
    sa.Column('parent', sa.String(length=32), nullable=False),
    sa.Column('factor_kg', sa.Float(), nullable=True),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'code', name=op.f('pk_reference_code'))
    )
    with op.batch_alter_table('reference_code', schema=None) as batch_op:
        batch_op.create_index('ix_reference_code_parent', ['kind', 'parent'], unique=False)

    op.create_table('seizure',
    sa.Column('seized_on', sa.String(length=10), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('province', sa.String(length=12), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('site_type', sa.String(length=32), nullable=False),
    sa.Column('agency', sa.String(length=32), nullable=False),
    sa.Column('drug', sa.String(length=32), nullable=False),
    sa.Column('quantity_known', sa.Boolean(), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('kg_equivalent', sa.Float(), nullable=True),
    sa.Column('purity_pct', sa.Float(), nullable=True),
    sa.Column('transport_mode', sa.String(length=32), nullable=False),
    sa.Column('concealment', sa.String(length=32), nullable=False),
    sa.Column('origin_country', sa.String(length=3), nullable=False),
    sa.Column('departure_country', sa.String(length=3), nullable=False),
    sa.Column('transit_countries', sa.String(length=200), nullable=False),
    sa.Column('destination_country', sa.String(length=3), nullable=False),
    sa.Column('persons_arrested', sa.Integer(), nullable=True),
    sa.Column('nationalities', sa.String(length=200), nullable=False),
    sa.Column('source_ref', sa.String(length=200), nullable=False),
    sa.Column('confidentiality', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seizure'))
    )
    with op.batch_alter_table('seizure', schema=None) as batch_op:
        batch_op.create_index('ix_seizure_country_date', ['country', 'seized_on', 'id'], unique=False)
        batch_op.create_index('ix_seizure_date', ['seized_on', 'id'], unique=False)
        batch_op.create_index('ix_seizure_drug_date', ['drug', 'seized_on', 'id'], unique=False)
        batch_op.create_index('ix_seizure_kg', ['kg_equivalent', 'id'], unique=False)
        batch_op.create_index('ix_seizure_province_date', ['province', 'seized_on', 'id'], unique=False)

    op.create_table('sync_journal',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('base_hlc', sa.String(length=64), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('deleted', sa.Integer(), nullable=False),
    sa.Column('bundle_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_journal'))
    )
    with op.batch_alter_table('sync_journal', schema=None) as batch_op:
        batch_op.create_index('ix_journal_pending', ['bundle_seq', 'seq'], unique=False)

    op.create_table('vault_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_vault_meta'))
    )
    op.create_table('contact',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_contact_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('progress_note',
    sa.Column('recommendation_id', sa.String(length=36), nullable=False),
    sa.Column('noted_on', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_progress_note_recommendation_id_recommendation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_note'))
    )
    with op.batch_alter_table('progress_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_note_recommendation_id'), ['recommendation_id'], unique=False)

    op.create_table('project',
    sa.Column('identifier', sa.String(length=150), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('implementing_org_id', sa.String(length=36), nullable=True),
    sa.Column('beneficiary_country', sa.String(length=3), nullable=False),
    sa.Column('beneficiary_agencies', sa.String(length=500), nullable=False),
    sa.Column('pillar', sa.String(length=32), nullable=False),
    sa.Column('dac_sector', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=2), nullable=False),
    sa.Column('planned_start', sa.String(length=10), nullable=True),
    sa.Column('actual_start', sa.String(length=10), nullable=True),
    sa.Column('planned_end', sa.String(length=10), nullable=True),
    sa.Column('actual_end', sa.String(length=10), nullable=True),
    sa.Column('budget', sa.Float(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('confidentiality', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_project_contact_id_contact')),
    sa.ForeignKeyConstraint(['implementing_org_id'], ['organisation.id'], name=op.f('fk_project_implementing_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('identifier', name=op.f('uq_project_identifier'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index('ix_project_country', ['beneficiary_country', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_implementing_org_id'), ['implementing_org_id'], unique=False)

    op.create_table('project_donor',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('amount', sa.Float(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_project_donor_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_donor_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_donor'))
    )
    with op.batch_alter_table('project_donor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_donor_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_donor_project_id'), ['project_id'], unique=False)

    op.create_table('recommendation_project',
    sa.Column('recommendation_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('origin_device', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_recommendation_project_project_id_project')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], name=op.f('fk_recommendation_project_recommendation_id_recommendation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_project'))
    )
    with op.batch_alter_table('recommendation_project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_project_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_project_recommendation_id'), ['recommendation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('recommendation_project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_project_recommendation_id'))
        batch_op.drop_index(batch_op.f('ix_recommendation_project_project_id'))

    op.drop_table('recommendation_project')
    with op.batch_alter_table('project_donor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_donor_project_id'))
        batch_op.drop_index(batch_op.f('ix_project_donor_organisation_id'))

    op.drop_table('project_donor')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_implementing_org_id'))
        batch_op.drop_index('ix_project_country')

    op.drop_table('project')
    with op.batch_alter_table('progress_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_note_recommendation_id'))

    op.drop_table('progress_note')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_organisation_id'))

    op.drop_table('contact')
    op.drop_table('vault_meta')
    with op.batch_alter_table('sync_journal', schema=None) as batch_op:
        batch_op.drop_index('ix_journal_pending')

    op.drop_table('sync_journal')
    with op.batch_alter_table('seizure', schema=None) as batch_op:
        batch_op.drop_index('ix_seizure_province_date')
        batch_op.drop_index('ix_seizure_kg')
        batch_op.drop_index('ix_seizure_drug_date')
        batch_op.drop_index('ix_seizure_date')
        batch_op.drop_index('ix_seizure_country_date')

    op.drop_table('seizure')
    with op.batch_alter_table('reference_code', schema=None) as batch_op:
        batch_op.drop_index('ix_reference_code_parent')

    op.drop_table('reference_code')
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_status')

    op.drop_table('recommendation')
    with op.batch_alter_table('price_observation', schema=None) as batch_op:
        batch_op.drop_index('ix_price_drug_date')
        batch_op.drop_index('ix_price_date')
        batch_op.drop_index('ix_price_country_date')

    op.drop_table('price_observation')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index('ix_organisation_name')

    op.drop_table('organisation')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_entry')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_attachment_owner')

    op.drop_table('attachment')
