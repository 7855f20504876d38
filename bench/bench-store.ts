import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Where a benchmark keeps its store: `WORK/NAME.db` for SQLite, schema `chronicle_NAME` for
 * PostgreSQL. Emptied first unless `keep` (to time queries again on the store of the last run).
 */
export async function benchStoreLocation(options: { engine: string; work: string; name: string; pgUrl: string; keep: boolean }): Promise<string> {
  if (options.engine === 'sqlite') {
    const file = join(options.work, `${options.name}.db`);
    if (!options.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    return file;
  }
  const schema = `chronicle_${options.name.replaceAll('-', '_')}`;
  if (!options.keep) {
    const client = new pg.Client({ connectionString: options.pgUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
  const url = new URL(options.pgUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}
