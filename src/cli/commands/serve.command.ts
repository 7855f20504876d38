import { buildServer } from '../../server/app.js';
import { Store } from '../../store/store.js';
import { CliError, type CliIo } from '../cli-io.js';
import { storeLocation } from '../store-location.js';

export interface ServeCommandOptions {
  db?: string;
  port?: string;
  host?: string;
  /** Session cookies Secure even on plain http (behind a TLS proxy). */
  secureCookies?: boolean;
}

export const DEFAULT_PORT = 4310;

/** Parse a TCP port option; 0 asks the system for a free port. */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

/** `chronicle serve`: the JSON API (and what registers on it) until SIGINT or SIGTERM. */
export async function serveCommand(io: CliIo, options: ServeCommandOptions, stopped: Promise<void> = untilSignal()): Promise<number> {
  const port = parsePort(options.port);
  const host = options.host ?? '127.0.0.1';
  const location = storeLocation(io, options.db);
  let store: Store;
  try {
    store = await Store.open(location);
  } catch (error) {
    throw new CliError(`cannot open the store at ${location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}: ${(error as Error).message}`);
  }
  const app = await buildServer({ store, logLevel: io.env.CHRONICLE_LOG_LEVEL ?? 'warn', ...(options.secureCookies ? { secureCookies: true } : {}) });
  try {
    const address = await app.listen({ port, host });
    io.stdout(`Chronicle is listening on ${address} (API docs: ${address}/api/docs); Ctrl-C stops it\n`);
    if ((await store.users.count()) === 0) io.stdout('No accounts yet: add one with chronicle users add NAME --role admin\n');
    await stopped;
    return 0;
  } catch (error) {
    throw new CliError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  } finally {
    await app.close();
    await store.close();
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
