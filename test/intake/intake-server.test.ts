import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { sealReport } from '../../src/intake/envelope.js';
import { solveProofOfWork } from '../../src/intake/proof-of-work.js';
import { jpegWithGps } from './image-fixtures.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { findByWhat, intakeFixture, multipart, receiptOf, tokenOf, type IntakeFixture, type Part } from './intake-helpers.js';

const REPORTER = { remoteAddress: '203.0.113.77', headers: { 'user-agent': 'CanaryBrowser/9.9', referer: 'https://canary-referrer.example/' } };

describe('intake pages and routes', () => {
  let fixture: IntakeFixture;
  let app: IntakeFixture['app'];

  before(async () => {
    fixture = await intakeFixture({ routes: { limits: { maxFileBytes: 256 * 1024, maxFiles: 2, rates: { submitPlain: { perClient: 1000, total: 10000 }, submitSealed: { perClient: 1000, total: 10000 }, receipt: { perClient: 1000, total: 10000 } } } } });
    app = fixture.app;
  });
  after(async () => {
    await app.close();
    await fixture.store.close();
    rmSync(fixture.folder, { recursive: true, force: true });
  });

  const token = async (lang = 'en') => tokenOf((await app.inject({ method: 'GET', url: `/report/${lang}` })).body);
  const submit = async (parts: Part[], lang = 'en') => {
    const { payload, headers } = multipart(parts);
    return app.inject({ method: 'POST', url: `/report/${lang}`, payload, headers: { ...headers, ...REPORTER.headers }, remoteAddress: REPORTER.remoteAddress });
  };

  it('serves the form in English and Russian, without cookies, with the WebAssembly-only CSP addition', async () => {
    const en = await app.inject({ method: 'GET', url: '/report' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('What happened?');
    expect(en.headers['set-cookie']).toBeUndefined();
    expect(en.headers['cache-control']).toBe('no-store');
    expect(en.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(en.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(en.body).not.toMatch(/https?:\/\//);
    const ru = await app.inject({ method: 'GET', url: '/report/ru' });
    expect(ru.body).toContain('Что произошло?');
    expect((await app.inject({ method: 'GET', url: '/report', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } })).body).toContain('Что произошло?');
    expect((await app.inject({ method: 'GET', url: '/report/de' })).statusCode).toBe(404);
    // Other pages keep the strict default.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).not.toContain('wasm');
  });

  it('takes a report without JavaScript, seals it at arrival, strips the photo and warns about its location', async () => {
    const response = await submit([
      { name: 'token', value: await token() },
      { name: 'what', value: 'canary-nojs-7731 <script>alert(1)</script>' },
      { name: 'where', value: 'Grozny' },
      { name: 'files', value: jpegWithGps('canary-pixels'), filename: 'IMG_1.jpg', type: 'image/jpeg' },
      { name: 'keep_original', value: '1' },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const receipt = receiptOf(response.body);
    expect(receipt).toMatch(/^\d{5}(-\d{5}){4}$/);
    expect(response.body).toContain('contained location data');
    const [summary] = await fixture.service.list();
    expect(summary?.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const opened = await fixture.service.open(summary?.id ?? '', fixture.keyPair);
    expect(opened.report.what).toBe('canary-nojs-7731 <script>alert(1)</script>');
    expect(opened.report.sealedBy).toBe('server');
    expect(opened.attachments.map((attachment) => attachment.info.variant)).toEqual(['cleaned', 'original']);
    const cleaned = Buffer.from(opened.attachments[0]?.bytes ?? new Uint8Array()).toString('latin1');
    expect(cleaned).toContain('canary-pixels');
    expect(cleaned).not.toContain('Exif');
    expect(Buffer.from(opened.attachments[1]?.bytes ?? new Uint8Array()).toString('latin1')).toContain('Exif');
    for (const canary of ['canary-nojs-7731', '203.0.113.77', 'CanaryBrowser', 'canary-referrer', receipt]) expect(fixture.logged()).not.toContain(canary);
    // Reporters' routes write no per-request lines at all (the rest of the app does).
    expect(fixture.logged()).not.toContain('/report');
    await app.inject({ method: 'GET', url: '/api/health', ...REPORTER });
    expect(fixture.logged()).toContain('/api/health');
    for (const canary of ['203.0.113.77', 'CanaryBrowser', 'canary-referrer']) expect(fixture.logged()).not.toContain(canary);
    await fixture.service.expire();
  });

  it('refuses a reused or forged form token', async () => {
    const used = await token();
    expect((await submit([{ name: 'token', value: used }, { name: 'what', value: 'first' }])).statusCode).toBe(200);
    const again = await submit([{ name: 'token', value: used }, { name: 'what', value: 'second' }]);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('expired or was already used');
    expect((await submit([{ name: 'token', value: used.replace(/.$/, 'A') }, { name: 'what', value: 'third' }])).statusCode).toBe(400);
  });

  it('answers bad input with a clear 4xx and stores nothing', async () => {
    const before = (await fixture.service.list()).length;
    const cases: [string, () => Promise<{ statusCode: number; body: string }>, number, RegExp][] = [
      ['oversized file', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'files', value: new Uint8Array(300 * 1024).fill(65), filename: 'big.txt', type: 'text/plain' }]), 413, /too large/],
      ['too many files', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, ...[1, 2, 3].map((n) => ({ name: 'files', value: `note ${n}`, filename: `n${n}.txt`, type: 'text/plain' }))]), 413, /Too many files/],
      ['oversized field', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x'.repeat(200_000) }]), 413, /too long/],
      ['field over its character limit', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'when', value: 'y'.repeat(600) }]), 413, /too long/],
      ['invalid UTF-8', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: new Uint8Array([0x61, 0xff, 0xfe, 0x62]) }]), 400, /invalid UTF-8/],
      ['a JPEG named .txt', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'files', value: jpegWithGps(), filename: 'notes.txt', type: 'text/plain' }]), 415, /refused/],
      ['text claiming to be a JPEG', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'files', value: 'hello', filename: 'photo.jpg', type: 'image/jpeg' }]), 415, /refused/],
      ['a broken JPEG', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'files', value: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1]), filename: 'photo.jpg', type: 'image/jpeg' }]), 400, /refused/],
      ['unknown field', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: 'x' }, { name: 'ip', value: '1.2.3.4' }]), 400, /damaged/],
      ['empty what', async () => submit([{ name: 'token', value: await token() }, { name: 'what', value: '   ' }]), 400, /say what happened/],
      [
        'malformed multipart',
        async () => app.inject({ method: 'POST', url: '/report/en', payload: '--b\r\nContent-Disposition: form-data; name="what"\r\n\r\nunterminated', headers: { 'content-type': 'multipart/form-data; boundary=b' } }),
        400,
        /damaged/,
      ],
      ['not multipart', async () => app.inject({ method: 'POST', url: '/report/en', payload: 'what=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /.+/],
      ['sealed upload without proof of work', async () => {
        const { payload, headers } = multipart([{ name: 'token', value: await token() }, { name: 'pow', value: '0' }, { name: 'report', value: new Uint8Array(4096 + 48), filename: 'report' }]);
        return app.inject({ method: 'POST', url: '/report/en/sealed', payload, headers });
      }, 400, /expired|used/],
    ];
    for (const [label, send, status, body] of cases) {
      const response = await send();
      expect({ label, status: response.statusCode }).toEqual({ label, status });
      expect({ label, body: response.body }).toEqual({ label, body: expect.stringMatching(body) });
    }
    expect((await fixture.service.list()).length).toBe(before);
  });

  it('takes a submission sealed in the browser, checking its proof of work', async () => {
    const sodium = fixture.service.sodium;
    const form = await token();
    const sealed = sealReport(sodium, fixture.keyPair.publicKey, { version: 1, language: 'ru', what: 'canary-sealed', when: '', where: '', who: '', howKnown: '', contact: '', sealedBy: 'browser', attachments: [] });
    const { payload, headers } = multipart([{ name: 'token', value: form }, { name: 'pow', value: await solveProofOfWork(sodium, form, 8) }, { name: 'report', value: sealed, filename: 'report' }]);
    const response = await app.inject({ method: 'POST', url: '/report/ru/sealed', payload, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().receipt).toMatch(/^\d{5}(-\d{5}){4}$/);
    const opened = await fixture.service.open(await findByWhat(fixture, 'canary-sealed'), fixture.keyPair);
    expect(opened.report.sealedBy).toBe('browser');
  });

  it('lets a receipt read replies and add information; wrong receipts all get one answer after the same work', async () => {
    const sent = await submit([{ name: 'token', value: await token('ru') }, { name: 'what', value: 'follow-up test' }], 'ru');
    const receipt = receiptOf(sent.body);
    const id = await findByWhat(fixture, 'follow-up test');
    await fixture.service.reply(id, 'We read your report. <b>Thank you.</b>');
    const followUpToken = async () => tokenOf((await app.inject({ method: 'GET', url: '/report/ru/follow-up' })).body);
    const followUp = async (value: string, message = '') => {
      const { payload, headers } = multipart([{ name: 'token', value: await followUpToken() }, { name: 'receipt', value }, { name: 'message', value: message }]);
      return app.inject({ method: 'POST', url: '/report/ru/follow-up', payload, headers });
    };
    // Count Argon2id derivations: every attempt pays exactly one.
    const sodium = fixture.service.sodium as unknown as Record<string, (...args: unknown[]) => unknown>;
    const original = sodium.crypto_pwhash as (...args: unknown[]) => unknown;
    let derivations = 0;
    sodium.crypto_pwhash = (...args: unknown[]) => {
      derivations++;
      return original(...args);
    };
    try {
      const right = await followUp(` ${receipt.replaceAll('-', ' ')} `, 'canary-addition-55');
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('We read your report. &#60;b&#62;Thank you.&#60;/b&#62;');
      expect(right.body).toContain('1 раз');
      expect(derivations).toBe(1);
      const wrongDigits = receipt.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      const answers = [];
      for (const wrong of [wrongDigits, '12345', '', 'not a receipt at all', `${receipt}0`]) {
        derivations = 0;
        answers.push(await followUp(wrong, 'should not be stored'));
        expect(derivations).toBe(1);
      }
      for (const answer of answers) {
        expect(answer.statusCode).toBe(403);
        expect(answer.body).toBe(answers[0]?.body);
      }
    } finally {
      sodium.crypto_pwhash = original;
    }
    const opened = await fixture.service.open(id, fixture.keyPair);
    expect(opened.messages.map((message) => [message.from, message.text])).toEqual([
      ['analyst', 'We read your report. <b>Thank you.</b>'],
      ['reporter', 'canary-addition-55'],
    ]);
  });

  it('answers a browser that derived the receipt keys itself, sealed replies only, one answer for every wrong look-up', async () => {
    const sodium = fixture.service.sodium;
    const sent = await submit([{ name: 'token', value: await token() }, { name: 'what', value: 'sealed follow-up test' }]);
    const receipt = receiptOf(sent.body);
    const id = await findByWhat(fixture, 'sealed follow-up test');
    await fixture.service.reply(id, 'reply for the browser');
    const { salt, params } = await fixture.service.receiptDerivation();
    const { deriveReceiptKeys } = await import('../../src/intake/receipt.js');
    const { sealMessage } = await import('../../src/intake/envelope.js');
    const keys = deriveReceiptKeys(sodium, receipt, salt, params);
    const ask = async (lookup: string, message?: Uint8Array) => {
      const form = tokenOf((await app.inject({ method: 'GET', url: '/report/en/follow-up' })).body);
      const { payload, headers } = multipart([{ name: 'token', value: form }, { name: 'lookup', value: lookup }, ...(message ? [{ name: 'message', value: message, filename: 'message' }] : [])]);
      return app.inject({ method: 'POST', url: '/report/en/follow-up/sealed', payload, headers });
    };
    const right = await ask(keys.lookup, sealMessage(sodium, fixture.keyPair.publicKey, { text: 'added in the browser', day: '2026-11-23' }));
    expect(right.statusCode).toBe(200);
    const { unpad } = await import('../../src/intake/padding.js');
    const replies = (right.json() as { replies: string[] }).replies.map((sealed) => JSON.parse(new TextDecoder().decode(unpad(sodium.crypto_box_seal_open(sodium.from_base64(sealed, sodium.base64_variants.URLSAFE_NO_PADDING), keys.replyPublicKey, keys.replyPrivateKey)))) as { text: string });
    expect(replies.map((reply) => reply.text)).toEqual(['reply for the browser']);
    expect(JSON.stringify(right.json())).not.toContain('reply for the browser');
    const wrong = [await ask('0'.repeat(64)), await ask(keys.lookup.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))), await ask('not hex'), await ask('')];
    for (const answer of wrong) {
      expect(answer.statusCode).toBe(403);
      expect(Object.keys(answer.json()).sort()).toEqual(['error', 'token']);
      expect(answer.json().error).toBe(wrong[0]?.json().error);
    }
    expect((await fixture.service.open(id, fixture.keyPair)).messages.map((message) => message.text)).toEqual(['reply for the browser', 'added in the browser']);
  });

  it('throttles receipt guessing without keeping any address', async () => {
    const throttled = await intakeFixture({ routes: { limits: { rates: { receipt: { perClient: 2, total: 100 }, submitPlain: { perClient: 5, total: 5 }, submitSealed: { perClient: 5, total: 5 } } } } });
    try {
      const attempt = async () => {
        const { payload, headers } = multipart([{ name: 'token', value: tokenOf((await throttled.app.inject({ method: 'GET', url: '/report/en/follow-up' })).body) }, { name: 'receipt', value: '1' }]);
        return throttled.app.inject({ method: 'POST', url: '/report/en/follow-up', payload, headers, remoteAddress: '198.51.100.23' });
      };
      const answers = [await attempt(), await attempt(), await attempt()];
      expect(answers.map((answer) => answer.statusCode)).toEqual([403, 403, 403]);
      expect(answers[2]?.body).toBe(answers[0]?.body);
    } finally {
      await throttled.app.close();
      await throttled.store.close();
      rmSync(throttled.folder, { recursive: true, force: true });
    }
  });

  it('turns uploads away with a 503 when too many are held in memory', async () => {
    const full = await intakeFixture({ routes: { limits: { maxConcurrentUploads: 0 } } });
    try {
      const form = tokenOf((await full.app.inject({ method: 'GET', url: '/report/en' })).body);
      const { payload, headers } = multipart([{ name: 'token', value: form }, { name: 'what', value: 'x' }]);
      const response = await full.app.inject({ method: 'POST', url: '/report/en', payload, headers });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('busy');
      expect(await full.service.list()).toEqual([]);
    } finally {
      await full.app.close();
      await full.store.close();
      rmSync(full.folder, { recursive: true, force: true });
    }
  });

  it('expires unkept submissions, leaving none of their ciphertext in the SQLite file or its WAL', async () => {
    const response = await submit([{ name: 'token', value: await token() }, { name: 'what', value: 'to expire' }]);
    expect(response.statusCode).toBe(200);
    const doomed = await findByWhat(fixture, 'to expire');
    const kept = await findByWhat(fixture, 'first');
    await fixture.service.keep(kept);
    const sealed = (await fixture.store.intake.get(doomed))?.sealedReport ?? new Uint8Array();
    const probe = Buffer.from(sealed.subarray(100, 164));
    const files = () => ['store.db', 'store.db-wal'].map((name) => { try { return readFileSync(join(fixture.folder, name)); } catch { return Buffer.alloc(0); } });
    await fixture.store.eraseFreedSpace([]);
    expect(files().some((bytes) => bytes.includes(probe))).toBe(true);
    const future = await IntakeService.create(fixture.store, { now: () => new Date(Date.now() + 91 * 86_400_000) });
    const removed = await future.expire();
    expect(removed).toBeGreaterThan(0);
    expect(await fixture.store.intake.get(doomed)).toBeNull();
    expect(await fixture.store.intake.get(kept)).not.toBeNull();
    expect(files().some((bytes) => bytes.includes(probe))).toBe(false);
  });
});
