import { DEFAULT_POW_BITS, MAX_POW_BITS } from '../../intake/proof-of-work.js';
import { buildServer } from '../../server/app.js';
import { DEFAULT_RETENTION_DAYS, IntakeService } from '../../services/intake.service.js';
import { Store } from '../../store/store.js';
import { CliError, type CliIo } from '../cli-io.js';
import { storeLocation } from '../store-location.js';

export interface ServeCommandOptions {
  db?: string;
  port?: string;
  host?: string;
  /** Session cookies Secure even on plain http (behind a TLS proxy). */
  secureCookies?: boolean;
  intakeRetentionDays?: string;
  intakePowBits?: string;
  intakeRate?: string;
}

function wholeNumber(text: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new CliError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
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
  const retentionDays = wholeNumber(options.intakeRetentionDays, DEFAULT_RETENTION_DAYS, '--intake-retention-days', 1, 3650);
  const powBits = wholeNumber(options.intakePowBits, DEFAULT_POW_BITS, '--intake-pow-bits', 0, MAX_POW_BITS);
  const intake = await IntakeService.create(store, { retentionDays });
  const rate = options.intakeRate === undefined ? undefined : wholeNumber(options.intakeRate, 0, '--intake-rate', 1, 1_000_000);
  const rates = rate === undefined ? undefined : { submitPlain: { perClient: rate, total: rate * 100 }, submitSealed: { perClient: rate, total: rate * 100 }, receipt: { perClient: rate, total: rate * 100 } };
  const app = await buildServer({
    store,
    logLevel: io.env.CHRONICLE_LOG_LEVEL ?? 'warn',
    ...(options.secureCookies ? { secureCookies: true } : {}),
    intake: { service: intake, powBits, ...(rates ? { limits: { rates } } : {}) },
  });
  // Expired submissions are destroyed at start and every hour.
  const sweep = () => intake.expire().catch((error: Error) => io.stderr(`intake expiry failed: ${error.message}\n`));
  await sweep();
  const sweeper = setInterval(sweep, 3600_000);
  sweeper.unref();
  try {
    const address = await app.listen({ port, host });
    io.stdout(`Chronicle is listening on ${address} (API docs: ${address}/api/docs; confidential intake: ${address}/report); Ctrl-C stops it\n`);
    if ((await store.users.count()) === 0) io.stdout('No accounts yet: add one with chronicle users add NAME --role admin\n');
    await stopped;
    return 0;
  } catch (error) {
    throw new CliError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  } finally {
    clearInterval(sweeper);
    await app.close();
    await intake.close();
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
