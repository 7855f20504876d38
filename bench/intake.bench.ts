import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sealAttachment, sealReport } from '../src/intake/envelope.js';
import { KEY_FILE_KDF } from '../src/intake/key-file.js';
import { RECEIPT_KDF, type KdfParams } from '../src/intake/receipt.js';
import { loadSodium, type Sodium } from '../src/intake/sodium.js';
import { IntakeService } from '../src/services/intake.service.js';
import { Store } from '../src/store/store.js';

/*
 * `npm run bench -- intake [--seconds 15] [--concurrency 4]`: sustained confidential submissions
 * against the real `chronicle serve` (compiled, in a child process, SQLite, real Argon2id) on
 * loopback, and the Argon2id costs chosen. Writes bench/results/intake.json.
 *
 * Scenarios: without JavaScript (the server seals; text only, and with a 1 MB attachment) and
 * sealed in the browser (the client seals once and re-sends; the server checks and stores). Each
 * submission is a form fetch (for its single-use token) then the POST; latency is the POST's.
 * The browser's proof of work is client time, so the sealed scenarios run with --intake-pow-bits 0.
 */

const BIN = resolve('bin/chronicle.js');
const TEXT = 'On 14 March 2024 police detained a man in Grozny at night; relatives say officers beat him at the station. '.repeat(20);

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

function startServer(folder: string, powBits: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', 'store.db', '--port', '0', '--intake-rate', '1000000', '--intake-pow-bits', String(powBits)], { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) done({ child, base: match[1] });
    });
    child.on('exit', () => fail(new Error(`server exited: ${output}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function formToken(base: string): Promise<string> {
  const form = await (await fetch(`${base}/report/en`)).text();
  return /name="token" value="([^"]+)"/.exec(form)?.[1] ?? '';
}

async function sustained(label: string, base: string, seconds: number, concurrency: number, makeBody: (token: string) => { url: string; body: FormData }): Promise<Record<string, number | string>> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const { url, body } = makeBody(await formToken(base));
        const sent = performance.now();
        const response = await fetch(url, { method: 'POST', body });
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - sent);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const row = { scenario: label, submissions: latencies.length, failures, seconds: Number(elapsed.toFixed(1)), perSecond: Number((latencies.length / elapsed).toFixed(1)), p50Ms: Number(percentile(latencies, 50).toFixed(1)), p95Ms: Number(percentile(latencies, 95).toFixed(1)) };
  console.log(`${label.padEnd(44)} ${String(row.perSecond).padStart(7)}/s  p50 ${String(row.p50Ms).padStart(7)} ms  p95 ${String(row.p95Ms).padStart(7)} ms  (${row.submissions} ok, ${failures} failed)`);
  return row;
}

function timeKdf(sodium: Sodium, params: KdfParams, rounds: number): { medianMs: number; minMs: number; maxMs: number } {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    sodium.crypto_pwhash(64, 'benchmark passphrase', sodium.randombytes_buf(16), params.opsLimit, params.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Number(percentile(times, 50).toFixed(1)), minMs: Number((times[0] ?? 0).toFixed(1)), maxMs: Number((times.at(-1) ?? 0).toFixed(1)) };
}

export async function intakeBenchmark(args: string[]): Promise<void> {
  const seconds = Number(argument(args, 'seconds', '15'));
  const concurrency = Number(argument(args, 'concurrency', '4'));
  const sodium = await loadSodium();
  const startLoad = loadavg().map((value) => Number(value.toFixed(2)));
  console.log(`load average at start: ${loadavg().map((value) => value.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  const keyFile = timeKdf(sodium, KEY_FILE_KDF, 3);
  const receipt = timeKdf(sodium, RECEIPT_KDF, 10);
  console.log(`Argon2id key file   t=${KEY_FILE_KDF.opsLimit} m=${KEY_FILE_KDF.memLimitBytes / 1048576} MiB: median ${keyFile.medianMs} ms`);
  console.log(`Argon2id receipt    t=${RECEIPT_KDF.opsLimit} m=${RECEIPT_KDF.memLimitBytes / 1048576} MiB: median ${receipt.medianMs} ms`);

  const folder = mkdtempSync(join(tmpdir(), 'chronicle-intake-bench-'));
  const org = sodium.crypto_box_keypair();
  const setup = await Store.open(join(folder, 'store.db'));
  await (await IntakeService.create(setup)).setPublicKey(org.publicKey);
  await setup.close();

  const megabyte = new Uint8Array(1024 * 1024);
  megabyte.set(new TextEncoder().encode('%PDF-1.4\n'));
  megabyte.set(sodium.randombytes_buf(megabyte.length - 16), 16);
  const rows: Record<string, number | string>[] = [];
  try {
    let server = await startServer(folder, 20);
    const plain = (withFile: boolean) => (token: string) => {
      const body = new FormData();
      body.append('token', token);
      body.append('what', TEXT);
      body.append('where', 'Grozny');
      if (withFile) body.append('files', new Blob([megabyte], { type: 'application/pdf' }), 'scan.pdf');
      return { url: `${server.base}/report/en`, body };
    };
    rows.push(await sustained('no JavaScript, text only (server seals)', server.base, seconds, concurrency, plain(false)));
    rows.push(await sustained('no JavaScript, 1 MB attachment (server seals)', server.base, seconds, concurrency, plain(true)));
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.on('exit', done));

    server = await startServer(folder, 0);
    const report = sealReport(sodium, org.publicKey, { version: 1, language: 'en', what: TEXT, when: '', where: 'Grozny', who: '', howKnown: '', contact: '', sealedBy: 'browser', attachments: [] });
    const attachment = sealAttachment(sodium, org.publicKey, { name: 'scan.pdf', mediaType: 'application/pdf', size: megabyte.length, variant: 'as_sent', locationFound: false, metadataRemoved: false }, megabyte);
    const sealed = (withFile: boolean) => (token: string) => {
      const body = new FormData();
      body.append('token', token);
      body.append('pow', '0');
      body.append('report', new Blob([report as BlobPart]), 'report');
      if (withFile) {
        body.append('key', new Blob([attachment.sealedKey as BlobPart]), 'key');
        body.append('file', new Blob([attachment.ciphertext as BlobPart]), 'file');
      }
      return { url: `${server.base}/report/en/sealed`, body };
    };
    rows.push(await sustained('JavaScript, text only (sealed in browser)', server.base, seconds, concurrency, sealed(false)));
    rows.push(await sustained('JavaScript, 1 MB attachment (sealed in browser)', server.base, seconds, concurrency, sealed(true)));
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.on('exit', done));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  mkdirSync('bench/results', { recursive: true });
  const result = {
    measuredAt: new Date().toISOString(),
    loadAverageAtStart: startLoad,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2))) },
    settings: { seconds, concurrency },
    argon2id: {
      keyFile: { opsLimit: KEY_FILE_KDF.opsLimit, memLimitMiB: KEY_FILE_KDF.memLimitBytes / 1048576, ...keyFile },
      receipt: { opsLimit: RECEIPT_KDF.opsLimit, memLimitMiB: RECEIPT_KDF.memLimitBytes / 1048576, ...receipt },
    },
    submissions: rows,
  };
  writeFileSync('bench/results/intake.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/results/intake.json');
}
