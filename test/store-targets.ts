import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The stores every shared suite runs against: SQLite always, PostgreSQL when CHRONICLE_TEST_PG
 * names a server. Each store is isolated (a temporary file, or a schema of its own).
 */
export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store location. */
  create(): Promise<string>;
  /** Remove everything create() made. */
  cleanup(): Promise<void>;
}

export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [sqliteTarget()];
  const pgUrl = process.env.CHRONICLE_TEST_PG;
  if (pgUrl) targets.push(postgresTarget(pgUrl));
  return targets;
}

function sqliteTarget(): StoreTarget {
  const folders: string[] = [];
  return {
    name: 'sqlite',
    async create() {
      const folder = mkdtempSync(join(tmpdir(), 'chronicle-test-'));
      folders.push(folder);
      return join(folder, 'store.db');
    },
    async cleanup() {
      for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    },
  };
}

function postgresTarget(baseUrl: string): StoreTarget {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async create() {
      const schema = `chronicle_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      schemas.push(schema);
      const url = new URL(baseUrl);
      url.searchParams.set('schema', schema);
      return url.toString();
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
