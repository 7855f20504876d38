import { AccountError, addUser, disableUser, enrolTotp, listUsers } from '../../services/accounts.service.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';
import { readSecretFromStdin, type SecretReader } from '../read-secret.js';

interface UsersOptions {
  db?: string;
  as?: string;
  json?: boolean;
}

async function accountAction<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(error.message);
    throw error;
  }
}

/** `chronicle users add NAME --role ROLE`: the password is read from a prompt or stdin, never argv. */
export async function usersAddCommand(io: CliIo, username: string, options: UsersOptions & { role?: string }, readSecret: SecretReader = readSecretFromStdin): Promise<number> {
  if (!options.role) throw new CliError('--role is required: viewer, analyst or admin', 2);
  let password: string;
  try {
    password = await readSecret(`password for ${username}: `);
  } catch (error) {
    throw new CliError(`${(error as Error).message}; type it when asked, or pipe it in (printf '%s\\n' "$PASSWORD" | chronicle users add ${username} --role ${options.role})`, 2);
  }
  return withStore(io, options.db, async (store) => {
    const user = await accountAction(() => addUser(store, { username, role: options.role!, password, actor: actorOf(io, options.as) }));
    if (options.json) printJson(io, user);
    else io.stdout(`added ${user.username} (${user.role})\n`);
    return 0;
  });
}

/** `chronicle users list`. */
export async function usersListCommand(io: CliIo, options: UsersOptions): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const users = await listUsers(store);
    if (options.json) printJson(io, users);
    else if (users.length === 0) io.stdout('no accounts yet (chronicle users add NAME --role admin)\n');
    else for (const user of users) io.stdout(`${user.username.padEnd(24)} ${user.role.padEnd(8)} ${user.totpEnabled ? 'totp' : '    '} ${user.disabled ? 'disabled' : ''}`.trimEnd() + '\n');
    return 0;
  });
}

/** `chronicle users totp NAME`: enrol a TOTP secret and print its otpauth URI, once. */
export async function usersTotpCommand(io: CliIo, username: string, options: UsersOptions): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const { uri } = await accountAction(() => enrolTotp(store, username, actorOf(io, options.as)));
    if (options.json) printJson(io, { username, uri });
    else io.stdout(`TOTP enrolled for ${username}; add this to an authenticator app now (it is not shown again):\n${uri}\nFrom now on ${username} logs in with a password and a 6-digit code; open sessions were ended.\n`);
    return 0;
  });
}

/** `chronicle users disable NAME`: the account can no longer log in; its sessions end. */
export async function usersDisableCommand(io: CliIo, username: string, options: UsersOptions): Promise<number> {
  return withStore(io, options.db, async (store) => {
    await accountAction(() => disableUser(store, username, actorOf(io, options.as)));
    io.stdout(`disabled ${username}; their sessions were ended and their reviews stay attributed to them\n`);
    return 0;
  });
}
