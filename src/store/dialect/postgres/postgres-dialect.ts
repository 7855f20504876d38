import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../schema.js';
import type { StoreDialect } from '../../store-dialect.js';
import { postgresMigrations } from './postgres-migrations.js';
import { postgresSearch } from './postgres-search.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Split `postgres://…?schema=NAME` into the connection URL and the schema Chronicle keeps its tables in. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string; redacted: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}": use lower-case letters, digits and _`);
  parsed.searchParams.delete('schema');
  const redacted = new URL(parsed.toString());
  if (redacted.password) redacted.password = '***';
  return { connectionString: parsed.toString(), schema, redacted: `${redacted.toString()}${schema === 'public' ? '' : ` (schema ${schema})`}` };
}

/** The team store: PostgreSQL, optionally in its own schema so several stores share one database. */
export function postgresStoreDialect(url: string): StoreDialect {
  const { connectionString, schema, redacted } = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString, max: 4, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    search: postgresSearch,
    migrations: postgresMigrations,
    migrationTableSchema: schema,
    location: redacted,
    async lockAuditLog(transaction) {
      // Keyed by schema, so stores sharing a database do not wait on each other.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`chronicle.audit.${schema}`}))`.execute(transaction);
    },
    async prepare() {
      await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
    },
    async eraseFreedSpace(tables) {
      for (const table of tables) await sql`VACUUM ${sql.id(schema, table)}`.execute(db);
    },
    async sizeOnDisk() {
      const { rows } = await sql<{ bytes: string | null }>`
        SELECT sum(pg_total_relation_size(c.oid))::text AS bytes
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'm')`.execute(db);
      return Number(rows[0]?.bytes ?? 0);
    },
    async close() {
      await db.destroy();
    },
  };
}
