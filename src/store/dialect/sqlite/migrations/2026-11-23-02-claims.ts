import { sql, type Kysely } from 'kysely';

// Frozen. The claim-centred tables as far as the design sees them; later issues extend them with new migrations.

const span = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
  table
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('parent_id', 'text', (c) => c.references('entities.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await span(db.schema.createTable('mentions').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.references('entities.id'))
    .execute();
  await db.schema.createIndex('mentions_document').on('mentions').column('document_id').execute();

  await span(db.schema.createTable('attributions').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('attributed_to', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.references('entities.id'))
    .addColumn('via', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('types', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('place_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await span(db.schema.createTable('acts').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('victims', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('perpetrators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('place_id', 'text', (c) => c.references('entities.id'))
    .addColumn('date', 'text')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await span(db.schema.createTable('claims').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('attribution_id', 'text', (c) => c.references('attributions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('produced_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();
  await db.schema.createIndex('claims_document_status').on('claims').columns(['document_id', 'status']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  // Append-only: the engine itself refuses to change or remove an audit entry.
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_events', 'claims', 'acts', 'incidents', 'attributions', 'mentions', 'entities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
