import { resolve } from 'node:path';
import type { CliIo } from './cli-io.js';

export const DEFAULT_STORE_FILE = 'chronicle.db';

/** The store to use: --db, else CHRONICLE_DB, else ./chronicle.db. */
export function storeLocation(io: CliIo, option: string | undefined): string {
  const chosen = option ?? io.env.CHRONICLE_DB ?? DEFAULT_STORE_FILE;
  return /^postgres(ql)?:\/\//i.test(chosen) ? chosen : resolve(io.cwd, chosen);
}
