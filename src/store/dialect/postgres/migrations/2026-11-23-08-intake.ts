import type { Kysely } from 'kysely';

// Frozen. Confidential intake: sealed submissions, their sealed attachments and the sealed
// conversation after them. Nothing here is readable without the organisation's private key (or,
// for replies, the reporter's receipt). Dates are days (YYYY-MM-DD), never instants.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('intake_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lookup', 'text', (c) => c.notNull().unique())
    .addColumn('reply_public_key', 'bytea', (c) => c.notNull())
    .addColumn('sealed_report', 'bytea', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_document_id', 'text')
    .execute();
  await db.schema.createIndex('intake_submissions_expiry').on('intake_submissions').columns(['kept', 'expires_on']).execute();
  await db.schema
    .createTable('intake_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('intake_submissions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sealed_key', 'bytea', (c) => c.notNull())
    .addColumn('ciphertext', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_attachments_submission').on('intake_attachments').columns(['submission_id', 'position']).execute();
  await db.schema
    .createTable('intake_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('intake_submissions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_messages_submission').on('intake_messages').columns(['submission_id', 'position']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['intake_messages', 'intake_attachments', 'intake_submissions', 'intake_settings']) await db.schema.dropTable(table).ifExists().execute();
}
