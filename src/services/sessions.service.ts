import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { User } from '../model/user.js';
import type { Store } from '../store/store.js';

/** How long sessions live: at most `absoluteMs` after login, and `idleMs` after the last request. */
export interface SessionLifetime {
  absoluteMs: number;
  idleMs: number;
}

export const SESSION_LIFETIME: SessionLifetime = { absoluteMs: 12 * 60 * 60 * 1000, idleMs: 30 * 60 * 1000 };

// Writing last-seen on every request would turn every read into a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60 * 1000;

export interface OpenedSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ResumedSession {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The CSRF token of a session, derived from its secret token: the server stores nothing more, and
 * a page on another site can neither read the cookie nor compute this.
 */
export function csrfTokenOf(token: string): string {
  return createHmac('sha256', token).update('chronicle csrf v1').digest('base64url');
}

/** Start a session for an authenticated user. */
export async function openSession(store: Store, user: User, now = Date.now(), lifetime = SESSION_LIFETIME): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date(now).toISOString();
  const expiresAt = new Date(now + lifetime.absoluteMs).toISOString();
  await store.sessions.add({ tokenHash: hashToken(token), username: user.username, createdAt: at, expiresAt, lastSeenAt: at });
  // Housekeeping: ended sessions are removed whenever someone logs in.
  await store.sessions.removeEnded(at, new Date(now - lifetime.idleMs).toISOString());
  return { token, csrfToken: csrfTokenOf(token), expiresAt };
}

/** The live session a token belongs to, or null when it is unknown, expired, idle too long, or its account is disabled. */
export async function resumeSession(store: Store, token: string, now = Date.now(), lifetime = SESSION_LIFETIME): Promise<ResumedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const session = await store.sessions.get(tokenHash);
  if (!session) return null;
  const lastSeen = Date.parse(session.lastSeenAt);
  if (Date.parse(session.expiresAt) <= now || lastSeen + lifetime.idleMs <= now) {
    await store.sessions.remove(tokenHash);
    return null;
  }
  const user = await store.users.get(session.username);
  if (!user || user.disabled) return null;
  if (now - lastSeen >= TOUCH_EVERY_MS) await store.sessions.touch(tokenHash, new Date(now).toISOString());
  return { user, csrfToken: csrfTokenOf(token), expiresAt: session.expiresAt };
}

/** End a session (logout). */
export async function closeSession(store: Store, token: string): Promise<void> {
  await store.sessions.remove(hashToken(token));
}
