import { Migrator, type Kysely } from 'kysely';
import { AuditRepository } from './audit.repository.js';
import { ClaimRepository } from './claim.repository.js';
import { EntityDecisionRepository } from './entity-decision.repository.js';
import { IncidentRepository } from './incident.repository.js';
import { IntakeRepository } from './intake.repository.js';
import { DocumentRepository } from './document.repository.js';
import { PersonRepository } from './person.repository.js';
import { postgresStoreDialect } from './dialect/postgres/postgres-dialect.js';
import { sqliteStoreDialect } from './dialect/sqlite/sqlite-dialect.js';
import type { Database } from './schema.js';
import { RevisionRepository } from './revision.repository.js';
import { SessionRepository } from './session.repository.js';
import { SourceRepository } from './source.repository.js';
import type { StoreDialect } from './store-dialect.js';
import { UserRepository } from './user.repository.js';

/** A PostgreSQL URL, else a SQLite file path. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The repositories over one connection or one transaction. */
export class StoreSession {
  readonly sources: SourceRepository;
  readonly documents: DocumentRepository;
  readonly claims: ClaimRepository;
  readonly audit: AuditRepository;
  readonly incidents: IncidentRepository;
  readonly entityDecisions: EntityDecisionRepository;
  readonly persons: PersonRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly revision: RevisionRepository;
  readonly intake: IntakeRepository;

  constructor(readonly db: Kysely<Database>, dialect: StoreDialect) {
    this.sources = new SourceRepository(db);
    this.documents = new DocumentRepository(db, dialect.search);
    this.claims = new ClaimRepository(db);
    this.incidents = new IncidentRepository(db);
    this.entityDecisions = new EntityDecisionRepository(db);
    this.persons = new PersonRepository(db);
    this.users = new UserRepository(db);
    this.sessions = new SessionRepository(db);
    this.revision = new RevisionRepository(db);
    this.intake = new IntakeRepository(db);
    this.audit = new AuditRepository(db, (transaction) => dialect.lockAuditLog(transaction));
  }
}

/** The one store interface, over the embedded SQLite file or a PostgreSQL server. */
export class Store extends StoreSession {
  private constructor(private readonly dialect: StoreDialect) {
    super(dialect.db, dialect);
  }

  /** Open (and by default migrate) the store at a file path or postgres:// URL. */
  static async open(location: string, options: { migrate?: boolean } = {}): Promise<Store> {
    const dialect = isPostgresLocation(location) ? postgresStoreDialect(location) : sqliteStoreDialect(location);
    const store = new Store(dialect);
    try {
      await dialect.prepare();
      if (options.migrate !== false) await store.migrate();
    } catch (error) {
      await dialect.close();
      throw error;
    }
    return store;
  }

  get engine(): StoreDialect['name'] {
    return this.dialect.name;
  }

  get location(): string {
    return this.dialect.location;
  }

  /** Bring the schema up to date; fails loudly rather than running on a half-migrated store. */
  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.dialect.db,
      provider: { getMigrations: async () => this.dialect.migrations },
      ...(this.dialect.migrationTableSchema ? { migrationTableSchema: this.dialect.migrationTableSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error');
      throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
    }
  }

  /** Run `work` in one transaction: everything it writes lands together, or nothing does. */
  async transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.dialect.db.transaction().execute((trx) => work(new StoreSession(trx, this.dialect)));
  }

  /** See StoreDialect.eraseFreedSpace: after deleting secrets, drop the engine's copies of old pages where it can. */
  eraseFreedSpace(tables: readonly string[]): Promise<void> {
    return this.dialect.eraseFreedSpace(tables);
  }

  sizeOnDisk(): Promise<number> {
    return this.dialect.sizeOnDisk();
  }

  close(): Promise<void> {
    return this.dialect.close();
  }
}
