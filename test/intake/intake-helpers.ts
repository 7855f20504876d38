import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildServer, type ChronicleServer } from '../../src/server/app.js';
import type { IntakeRouteOptions } from '../../src/server/intake/intake.routes.js';
import { createKeyFile } from '../../src/intake/key-file.js';
import type { OrgKeyPair } from '../../src/intake/envelope.js';
import { loadSodium } from '../../src/intake/sodium.js';
import { IntakeService, type IntakeServiceOptions } from '../../src/services/intake.service.js';
import { Store } from '../../src/store/store.js';
import { concatBytes } from '../../src/intake/sodium.js';

export const FAST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 };
export const TEST_PASSPHRASE = 'test passphrase, long enough';

export interface IntakeFixture {
  folder: string;
  store: Store;
  service: IntakeService;
  keyPair: OrgKeyPair;
  keyFileJson: unknown;
  app: ChronicleServer;
  logged: () => string;
}

/** A store with an organisation key, an intake service with cheap Argon2id, and a server logging to memory. */
export async function intakeFixture(options: { service?: IntakeServiceOptions; routes?: Partial<IntakeRouteOptions>; folder?: string } = {}): Promise<IntakeFixture> {
  const sodium = await loadSodium();
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'chronicle-intake-'));
  const store = await Store.open(join(folder, 'store.db'));
  const service = await IntakeService.create(store, { receiptKdf: FAST_KDF, ...options.service });
  const { keyFile, keyPair } = createKeyFile(sodium, TEST_PASSPHRASE, FAST_KDF);
  await service.setPublicKey(keyPair.publicKey);
  let log = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const app = await buildServer({
    store,
    logStream,
    logLevel: 'info',
    intake: { service, powBits: 8, limits: { rates: { submitPlain: { perClient: 1000, total: 10000 }, submitSealed: { perClient: 1000, total: 10000 }, receipt: { perClient: 1000, total: 10000 } } }, ...options.routes },
  });
  await app.ready();
  return { folder, store, service, keyPair, keyFileJson: keyFile, app, logged: () => log };
}

export interface Part {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body built by hand, so tests can send what browsers never would. */
export function multipart(parts: readonly Part[], boundary = '----chronicle-test-boundary'): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Uint8Array[] = [];
  const text = (value: string) => new TextEncoder().encode(value);
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    chunks.push(text(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(typeof part.value === 'string' ? text(part.value) : part.value);
    chunks.push(text('\r\n'));
  }
  chunks.push(text(`--${boundary}--\r\n`));
  return { payload: Buffer.from(concatBytes(chunks)), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The form token of an intake page. */
export function tokenOf(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}

export function receiptOf(html: string): string {
  const match = /id="receipt-code">([\d-]+)</.exec(html);
  if (!match?.[1]) throw new Error(`no receipt on the page: ${html.slice(0, 400)}`);
  return match[1];
}

/** The id of the submission whose report says `what` (ids are random, so list order says nothing). */
export async function findByWhat(fixture: Pick<IntakeFixture, 'service' | 'keyPair'>, what: string): Promise<string> {
  for (const summary of await fixture.service.list()) {
    if ((await fixture.service.open(summary.id, fixture.keyPair)).report.what === what) return summary.id;
  }
  throw new Error(`no submission says "${what}"`);
}
