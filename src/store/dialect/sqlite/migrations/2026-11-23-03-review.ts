import type { Kysely } from 'kysely';

// Frozen. Review and deletion: a claim whose document an admin deleted is marked orphaned, never
// silently removed; and no two audit entries may follow the same predecessor (a forked chain).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('orphaned_at', 'text').execute();
  await db.schema.createIndex('audit_events_prev_hash').unique().on('audit_events').column('prev_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_prev_hash').execute();
  await db.schema.alterTable('claims').dropColumn('orphaned_at').execute();
}
