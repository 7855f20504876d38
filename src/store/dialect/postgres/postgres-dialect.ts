import { Kysely, PostgresDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type SchemaMetadata, type TableMetadata } from 'kysely';
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

/**
 * Kysely's migrator asks the introspector whether its tables exist. The stock PostgreSQL introspector
 * reads the columns of every table in the database, and fails with "schema … does not exist" when
 * another store's schema is dropped at that moment (teams and test runs share one database). This
 * one looks only at our own schema, and only at names, which is all the migrator needs.
 */
class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_namespace WHERE nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; is_view: boolean }>`
      SELECT c.relname AS name, c.relkind IN ('v', 'm') AS is_view
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${this.schema} AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(this.db);
    return rows.map((row) => ({ name: row.name, schema: this.schema, isView: row.is_view, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class SchemaScopedPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}

/** The team store: PostgreSQL, optionally in its own schema so several stores share one database. */
export function postgresStoreDialect(url: string): StoreDialect {
  const { connectionString, schema, redacted } = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString, max: 4, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool }, schema) });
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
