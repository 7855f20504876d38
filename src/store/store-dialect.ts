import type { Kysely, Migration } from 'kysely';
import type { Database } from './schema.js';
import type { SearchIndex } from './search-index.js';

/**
 * What differs between engines, behind one shape (after Kysely's own dialect folders). Shared code
 * asks for a capability, never for the engine's name.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  readonly search: SearchIndex;
  readonly migrations: Record<string, Migration>;
  /** The schema Kysely keeps its migration bookkeeping in, where the engine has schemas. */
  readonly migrationTableSchema?: string;
  /** Where the data lives, for people (a file path, or a URL without its password). */
  readonly location: string;
  /**
   * Inside a transaction, hold the audit log until commit, so two writers never chain onto the
   * same last entry. (SQLite serialises writers itself; PostgreSQL takes an advisory lock.)
   */
  lockAuditLog(db: Kysely<Database>): Promise<void>;
  /** Work before migrations (creating a schema); idempotent. */
  prepare(): Promise<void>;
  /**
   * After deleting secrets, make the engine drop its copies of the old pages where it can (SQLite:
   * secure_delete is on, so freed pages are zeroed; this also checkpoints and truncates the WAL,
   * which still holds the old page images). PostgreSQL: VACUUM the tables, which frees the dead
   * rows for reuse but does not overwrite them on disk, in WAL segments or in backups.
   */
  eraseFreedSpace(tables: readonly string[]): Promise<void>;
  /** Bytes the store occupies on disk, for benchmarks and `chronicle status`. */
  sizeOnDisk(): Promise<number>;
  close(): Promise<void>;
}
