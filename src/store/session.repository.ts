import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A live session as the server sees it: whose it is and when it ends. */
export interface StoredSession {
  tokenHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** Login sessions, each known only by the SHA-256 of its token. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(session: StoredSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ token_hash: session.tokenHash, username: session.username, created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.lastSeenAt })
      .execute();
  }

  async get(tokenHash: string): Promise<StoredSession | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { tokenHash: row.token_hash, username: row.username, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at } : null;
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async remove(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** End every session of one account (disabled, password changed). */
  async removeForUser(username: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('username', '=', username).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Drop sessions that ended before `before` (by expiry) or have been idle since `idleSince`. */
  async removeEnded(before: string, idleSince: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', before), eb('last_seen_at', '<', idleSince)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
