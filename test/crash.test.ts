import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { Store } from '../src/store/store.js';
import { scratchFolder } from './cli-harness.js';

const BIN = resolve('bin/chronicle.js');

describe('a crash in the middle of an ingest', () => {
  it('leaves only whole documents, and a second run completes the capture', async () => {
    const folder = scratchFolder();
    mkdirSync(join(folder, 'input'));
    const total = 3000;
    for (let index = 0; index < total; index++) {
      writeFileSync(join(folder, 'input', `r${String(index).padStart(5, '0')}.txt`), `Report ${index}. Police detained ${index % 50} people in Grozny, relatives said. `.repeat(20));
    }
    // Kill -9 the real CLI as soon as it has committed some documents, while it is writing more.
    const child = spawn(process.execPath, [BIN, '--db', 'store.db', 'ingest', 'input', '--threads', '0'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let captured = 0;
    await new Promise<void>((done) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        captured += chunk.split('\n').filter((line) => line.startsWith('captured')).length;
        if (captured >= 300 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', () => done());
    });
    expect(child.signalCode).toBe('SIGKILL');

    const store = await Store.open(join(folder, 'store.db'));
    try {
      const { rows: integrity } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      expect(integrity[0]?.integrity_check).toBe('ok');
      const count = await store.documents.count();
      expect(count).toBeGreaterThanOrEqual(200);
      expect(count).toBeLessThan(total);
      // Every stored document has its original bytes and its search entry: nothing half-written.
      expect(await store.documents.withoutOriginal()).toEqual([]);
      const { rows: orphans } = await sql<{ n: number }>`SELECT count(*) AS n FROM originals WHERE sha256 NOT IN (SELECT sha256 FROM documents)`.execute(store.db);
      expect(orphans[0]?.n).toBe(0);
      const { rows: indexed } = await sql<{ n: number }>`SELECT count(*) AS n FROM documents d WHERE EXISTS (SELECT 1 FROM document_fts WHERE document_fts MATCH '"polic"' AND rowid = d.seq)`.execute(store.db);
      expect(indexed[0]?.n).toBe(count);
    } finally {
      await store.close();
    }

    const rerun = spawn(process.execPath, [BIN, '--db', 'store.db', 'ingest', 'input', '--json'], { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    rerun.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((done) => rerun.on('exit', done));
    expect(code).toBe(0);
    const { summary } = JSON.parse(output) as { summary: { captured: number; alreadyCaptured: number; failed: number } };
    expect(summary.failed).toBe(0);
    expect(summary.captured + summary.alreadyCaptured).toBe(total);
  });
});
