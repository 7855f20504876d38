import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../schema.js';
import type { StoreDialect } from '../../store-dialect.js';
import { sqliteMigrations } from './sqlite-migrations.js';
import { sqliteSearch } from './sqlite-search.js';

/**
 * The embedded store: one SQLite file. WAL lets readers work during an ingest; synchronous=FULL
 * makes every commit durable across a power cut, which evidence deserves; commits are batched so
 * that costs little. A new file is readable by its owner only.
 */
export function sqliteStoreDialect(path: string): StoreDialect {
  const file = resolve(path);
  const isNew = !existsSync(file);
  if (isNew) mkdirSync(dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  if (isNew) chmodSync(file, 0o600);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 10000');
  // Deleted rows are overwritten with zeros, not left in free pages (expired intake submissions).
  connection.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    name: 'sqlite',
    db,
    search: sqliteSearch,
    migrations: sqliteMigrations,
    location: file,
    async lockAuditLog() {},
    async prepare() {},
    async eraseFreedSpace() {
      connection.pragma('wal_checkpoint(TRUNCATE)');
    },
    async sizeOnDisk() {
      // Checkpoint so the main file holds everything, then measure it.
      connection.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(file).size;
    },
    async close() {
      await db.destroy();
    },
  };
}
