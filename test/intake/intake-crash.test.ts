import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { loadSodium } from '../../src/intake/sodium.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { Store } from '../../src/store/store.js';
import { scratchFolder } from '../cli-harness.js';

const BIN = resolve('bin/chronicle.js');
const KILLS = 20;

function startServer(folder: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', 'store.db', '--port', '0', '--intake-rate', '100000'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) done({ child, base: match[1] });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', () => fail(new Error(`server exited before listening: ${output}`)));
  });
}

/** One submission without JavaScript; resolves to its receipt, or null when the server died under it. */
async function submitOnce(base: string, what: string): Promise<string | null> {
  try {
    const form = await (await fetch(`${base}/report/en`)).text();
    const token = /name="token" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const body = new FormData();
    body.append('token', token);
    body.append('what', what);
    body.append('files', new Blob([`attachment of ${what}`], { type: 'text/plain' }), 'note.txt');
    const response = await fetch(`${base}/report/en`, { method: 'POST', body });
    if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
    return /id="receipt-code">([\d-]+)</.exec(await response.text())?.[1] ?? null;
  } catch (error) {
    if ((error as Error).message.startsWith('unexpected status')) throw error;
    return null;
  }
}

describe('intake under kill -9', () => {
  it(`keeps every submission that got a receipt, decryptable, across ${KILLS} kills at random moments`, async () => {
    const folder = scratchFolder();
    const sodium = await loadSodium();
    const org = sodium.crypto_box_keypair();
    const setup = await Store.open(join(folder, 'store.db'));
    await (await IntakeService.create(setup)).setPublicKey(org.publicKey);
    await setup.close();

    const receipted = new Map<string, string>();
    let attempts = 0;
    for (let round = 0; round < KILLS; round++) {
      const { child, base } = await startServer(folder);
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      let stop = false;
      let firstReceipt: () => void = () => {};
      const receivedOne = new Promise<void>((done) => (firstReceipt = done));
      // Two reporters at once, so the kill lands mid-request, mid-commit or between requests.
      const loops = [0, 1].map(async (lane) => {
        while (!stop) {
          const what = `report ${round}.${lane}.${attempts++}`;
          const receipt = await submitOnce(base, what);
          if (!receipt) break;
          receipted.set(what, receipt);
          firstReceipt();
        }
      });
      // Once this server has answered one submission (however loaded the machine), kill it at a random moment.
      await Promise.race([receivedOne, new Promise((done) => setTimeout(done, 10_000))]);
      await new Promise((done) => setTimeout(done, Math.floor(Math.random() * 400)));
      child.kill('SIGKILL');
      await exited;
      stop = true;
      await Promise.all(loops);
      expect(child.signalCode).toBe('SIGKILL');
    }
    expect(receipted.size).toBeGreaterThanOrEqual(KILLS);

    const store = await Store.open(join(folder, 'store.db'));
    try {
      const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      expect(rows[0]?.integrity_check).toBe('ok');
      const service = await IntakeService.create(store);
      const stored = new Map<string, string>();
      for (const summary of await service.list()) {
        const opened = await service.open(summary.id, org);
        expect(new TextDecoder().decode(opened.attachments[0]?.bytes)).toBe(`attachment of ${opened.report.what}`);
        stored.set(opened.report.what, summary.id);
      }
      for (const what of receipted.keys()) expect({ what, stored: stored.has(what) }).toEqual({ what, stored: true });
      // Receipts still find their submissions (a sample: each look-up costs one Argon2id).
      for (const receipt of [...receipted.values()].slice(0, 10)) expect((await service.followUp(receipt, null)).ok).toBe(true);
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
