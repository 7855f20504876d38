import { sql, type Kysely, type Selectable } from 'kysely';
import { User, type Role } from '../model/user.js';
import type { Database, UsersTable } from './schema.js';

/** An account with what login needs to check it; only the accounts service reads these fields. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

/** A user name that is already taken. */
export class UserExistsError extends Error {
  constructor(readonly username: string) {
    super(`a user named ${username} already exists`);
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return User.parse({ username: row.username, role: row.role, totpEnabled: row.totp_secret !== null, disabled: Number(row.disabled) === 1, createdAt: row.created_at });
}

/** Accounts of the workspace. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Add an account; throws UserExistsError when the name is taken. */
  async add(user: { username: string; role: Role; passwordHash: string }): Promise<User> {
    const at = new Date().toISOString();
    const inserted = await this.db
      .insertInto('users')
      .values({ username: user.username, role: user.role, password_hash: user.passwordHash, totp_secret: null, totp_last_step: null, disabled: 0, created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) throw new UserExistsError(user.username);
    return toUser(inserted);
  }

  async get(username: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async credentials(username: string): Promise<UserCredentials | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) return null;
    return { user: toUser(row), passwordHash: row.password_hash, totpSecret: row.totp_secret, totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) };
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Change fields of an account; returns false when there is no such account. */
  async update(username: string, change: { role?: Role; passwordHash?: string; totpSecret?: string | null; disabled?: boolean }): Promise<boolean> {
    const set: Partial<UsersTable> = { updated_at: new Date().toISOString() };
    if (change.role !== undefined) set.role = change.role;
    if (change.passwordHash !== undefined) set.password_hash = change.passwordHash;
    if (change.totpSecret !== undefined) Object.assign(set, { totp_secret: change.totpSecret, totp_last_step: null });
    if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
    const result = await this.db.updateTable('users').set(set).where('username', '=', username).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Record that a TOTP time step was used, only if it is later than the last one used: of two
   * logins with the same code, one wins. Returns whether this one did.
   */
  async claimTotpStep(username: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('username', '=', username)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
