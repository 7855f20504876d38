import * as OTPAuth from 'otpauth';
import { Role, Username, type User } from '../model/user.js';
import type { Store } from '../store/store.js';
import { hashPassword, MIN_PASSWORD_LENGTH, PASSWORD_COST, verifyPassword, type PasswordCost } from './password.js';

/** An account operation that cannot apply as asked; the message says what to change. */
export class AccountError extends Error {}

const TOTP_PERIOD = 30;

const totpFor = (username: string, secret: string) =>
  new OTPAuth.TOTP({ issuer: 'Chronicle', label: username, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });

/** A password must be long; anything else (spaces, any script) is the person's choice. */
function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AccountError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new AccountError('a password may have at most 1024 characters');
}

/** Add an account (audited). The password is kept only as an Argon2id string. */
export async function addUser(store: Store, request: { username: string; role: string; password: string; actor: string }, cost: PasswordCost = PASSWORD_COST): Promise<User> {
  const username = Username.safeParse(request.username);
  if (!username.success) throw new AccountError(username.error.issues[0]?.message ?? 'not a user name');
  const role = Role.safeParse(request.role);
  if (!role.success) throw new AccountError(`a role is one of ${Role.options.join(', ')}`);
  checkPassword(request.password);
  const passwordHash = await hashPassword(request.password, cost);
  return store.transaction(async (session) => {
    if (await session.users.get(username.data)) throw new AccountError(`a user named ${username.data} already exists`);
    const user = await session.users.add({ username: username.data, role: role.data, passwordHash });
    await session.audit.append({ actor: request.actor, action: 'user.add', subjectId: null, payload: { username: user.username, role: user.role } });
    return user;
  });
}

export function listUsers(store: Store): Promise<User[]> {
  return store.users.list();
}

/**
 * Enrol (or replace) an account's TOTP secret and return the otpauth:// URI to show once; from
 * then on login needs a code. Audited without the secret.
 */
export async function enrolTotp(store: Store, username: string, actor: string): Promise<{ uri: string; secret: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await store.transaction(async (session) => {
    if (!(await session.users.update(username, { totpSecret: secret }))) throw new AccountError(`no user is named ${username} (chronicle users list)`);
    await session.sessions.removeForUser(username);
    await session.audit.append({ actor, action: 'user.totp', subjectId: null, payload: { username } });
  });
  return { uri: totpFor(username, secret).toString(), secret };
}

/** Disable an account and end its sessions (audited). Its reviews stay attributed to it. */
export async function disableUser(store: Store, username: string, actor: string): Promise<void> {
  await store.transaction(async (session) => {
    const user = await session.users.get(username);
    if (!user) throw new AccountError(`no user is named ${username} (chronicle users list)`);
    if (user.disabled) throw new AccountError(`${username} is already disabled`);
    await session.users.update(username, { disabled: true });
    await session.sessions.removeForUser(username);
    await session.audit.append({ actor, action: 'user.disable', subjectId: null, payload: { username } });
  });
}

// Checked when the user name is unknown, so an unknown name takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * The account these credentials open, or null: unknown name, wrong password, disabled account, or
 * a missing, wrong or already used TOTP code all look the same to the caller.
 */
export async function authenticate(store: Store, login: { username: string; password: string; totp?: string | undefined }, now = Date.now()): Promise<User | null> {
  const credentials = Username.safeParse(login.username).success ? await store.users.credentials(login.username) : null;
  if (!credentials) {
    await verifyPassword(await (decoyHash ??= hashPassword('decoy password, never matches')), login.password);
    return null;
  }
  const passwordOk = await verifyPassword(credentials.passwordHash, login.password);
  if (!passwordOk || credentials.user.disabled) return null;
  if (credentials.totpSecret !== null) {
    if (!login.totp) return null;
    const delta = totpFor(credentials.user.username, credentials.totpSecret).validate({ token: login.totp, timestamp: now, window: 1 });
    if (delta === null) return null;
    const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
    if (!(await store.users.claimTotpStep(credentials.user.username, step))) return null;
  }
  return credentials.user;
}

/** The current TOTP code of a secret (for tests and for people checking their authenticator). */
export function totpCode(username: string, secret: string, now = Date.now()): string {
  return totpFor(username, secret).generate({ timestamp: now });
}
