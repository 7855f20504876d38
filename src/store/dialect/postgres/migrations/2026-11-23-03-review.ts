import { sql, type Kysely } from 'kysely';

// Frozen. Review and deletion: a claim whose document an admin deleted is marked orphaned, never
// silently removed; and no two audit entries may follow the same predecessor (a forked chain).
// Audit sequence numbers are assigned by the writer holding the audit lock, one after the other, so
// a gap means a deleted entry; an identity column would leave gaps after every rolled-back write.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('orphaned_at', 'text').execute();
  await sql`ALTER TABLE audit_events ALTER COLUMN seq DROP IDENTITY`.execute(db);
  await db.schema.createIndex('audit_events_prev_hash').unique().on('audit_events').column('prev_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_prev_hash').execute();
  await db.schema.alterTable('claims').dropColumn('orphaned_at').execute();
  await sql`ALTER TABLE audit_events ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY`.execute(db);
}
