import { userInfo } from 'node:os';
import type { CliIo } from './cli-io.js';

/** Who acts, for the audit log: --as, else $CHRONICLE_USER, else the account running the command. */
export function actorOf(io: CliIo, as?: string): string {
  const name = as?.trim() || io.env.CHRONICLE_USER?.trim();
  if (name) return name;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
