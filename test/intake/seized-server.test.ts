import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { chromium, type Browser } from 'playwright-core';
import { jpegWithGps } from './image-fixtures.js';
import { chronicle } from '../cli-harness.js';
import { findByWhat, intakeFixture, TEST_PASSPHRASE, type IntakeFixture } from './intake-helpers.js';

const CHROMIUM = process.env.CHRONICLE_CHROMIUM ?? '/usr/bin/chromium';
const BUNDLE = 'dist/intake-page/intake.js';

/**
 * The seized-server test: reporters submit through a real browser, with and without JavaScript;
 * then everything the server has on disk and in its log is read byte by byte, as someone who
 * seized it would, looking for the testimony, the attachment, the receipt and the address.
 */
// Never skipped: without a browser this suite fails with the reason, as the workspace's does.
describe('a seized server', () => {
  let fixture: IntakeFixture;
  let browser: Browser;
  let base: string;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHRONICLE_CHROMIUM`);
    if (!existsSync(BUNDLE)) {
      const { build } = await import('esbuild');
      await build({ entryPoints: ['src/intake/browser/intake-page.ts'], bundle: true, format: 'esm', platform: 'browser', target: 'es2020', minify: true, outfile: BUNDLE, logLevel: 'warning' });
    }
    fixture = await intakeFixture();
    const address = await fixture.app.listen({ port: 0, host: '127.0.0.1', listenTextResolver: () => 'intake test server started' });
    base = address;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    if (!fixture) return;
    await fixture.app.close();
    await fixture.store.close();
    rmSync(fixture.folder, { recursive: true, force: true });
  });

  it('holds no testimony, attachment, receipt or reporter address after submissions with and without JavaScript; the key file opens them', async () => {
    const receipts: string[] = [];

    // Tor Browser "Safest": no JavaScript at all. The server seals at arrival.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(`${base}/report/en`);
    await page.fill('#f-what', 'canary-testimony-nojs-4242: they took him at night');
    await page.fill('#f-where', 'canary-place-nojs');
    await page.fill('#f-contact', 'canary-contact-nojs@example.org');
    await page.setInputFiles('#f-files', [
      { name: 'evidence.txt', mimeType: 'text/plain', buffer: Buffer.from('canary-attachment-nojs-9191') },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithGps('canary-pixels-nojs')) },
    ]);
    await page.click('button[type=submit]');
    await page.waitForSelector('#receipt-code');
    receipts.push(((await page.textContent('#receipt-code')) ?? '').trim());
    expect(await page.content()).toContain('contained location data');
    expect(await plain.cookies()).toEqual([]);
    await plain.close();

    // With JavaScript: the browser strips, seals and proves work; the server sees ciphertext only.
    const scripted = await browser.newContext();
    const jsPage = await scripted.newPage();
    const violations: string[] = [];
    jsPage.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    await jsPage.goto(`${base}/report/ru`);
    await jsPage.waitForSelector('form[data-ready="1"]', { timeout: 20_000 });
    await jsPage.fill('#f-what', 'canary-testimony-js-5353: задержали ночью');
    await jsPage.fill('#f-who', 'canary-who-js');
    await jsPage.setInputFiles('#f-files', [
      { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from('canary-attachment-js-8484') },
      { name: 'IMG_2.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithGps('canary-pixels-js')) },
    ]);
    await jsPage.waitForFunction(() => (document.getElementById('file-notes')?.textContent ?? '').includes('GPS'));
    const sealedUploads: number[] = [];
    jsPage.on('request', (request) => {
      if (request.url().endsWith('/sealed')) sealedUploads.push(request.postDataBuffer()?.length ?? 0);
    });
    await jsPage.click('button[type=submit]');
    await jsPage.waitForSelector('#receipt-box:not([hidden])', { timeout: 60_000 });
    receipts.push(((await jsPage.textContent('#receipt-code')) ?? '').trim());
    expect(sealedUploads.length).toBe(1);
    expect(violations).toEqual([]);
    expect(await scripted.cookies()).toEqual([]);
    await scripted.close();

    for (const receipt of receipts) expect(receipt).toMatch(/^\d{5}(-\d{5}){4}$/);

    // The JavaScript reporter comes back: keys derived in the browser, the reply opened there.
    const jsSubmission = await findByWhat(fixture, 'canary-testimony-js-5353: задержали ночью');
    await fixture.service.reply(jsSubmission, 'Спасибо, мы прочитали. canary-reply-text');
    const back = await browser.newContext();
    const backPage = await back.newPage();
    const followUpPosts: string[] = [];
    backPage.on('request', (request) => {
      if (request.method() === 'POST') followUpPosts.push(`${request.url()} ${request.postDataBuffer()?.toString('latin1') ?? ''}`);
    });
    await backPage.goto(`${base}/report/ru/follow-up`);
    await backPage.waitForSelector('form[data-ready="1"]', { timeout: 20_000 });
    await backPage.fill('#f-receipt', '00000-00000-00000-00000-00000');
    await backPage.click('button[type=submit]');
    await backPage.waitForFunction(() => (document.getElementById('follow-up-status')?.textContent ?? '').includes('не найдено'));
    await backPage.fill('#f-receipt', receipts[1] ?? '');
    await backPage.fill('#f-message', 'canary-followup-js-6161');
    await backPage.click('button[type=submit]');
    await backPage.waitForSelector('#follow-up-result:not([hidden])', { timeout: 30_000 });
    expect(await backPage.textContent('#follow-up-replies')).toContain('Спасибо, мы прочитали. canary-reply-text');
    await back.close();
    expect(followUpPosts.length).toBe(2);
    for (const post of followUpPosts) {
      expect(post).toContain('/follow-up/sealed');
      expect(post).not.toContain(receipts[1] ?? 'x');
      expect(post).not.toContain((receipts[1] ?? 'x').replaceAll('-', ''));
      expect(post).not.toContain('canary-followup-js-6161');
    }
    const conversation = await fixture.service.open(jsSubmission, fixture.keyPair);
    expect(conversation.messages.map((message) => [message.from, message.text])).toEqual([
      ['analyst', 'Спасибо, мы прочитали. canary-reply-text'],
      ['reporter', 'canary-followup-js-6161'],
    ]);

    // Read every byte the server holds: database, WAL, shared memory, the whole folder, the log.
    const files = (readdirSync(fixture.folder, { recursive: true }) as string[]).map((name) => join(fixture.folder, name)).filter((path) => statSync(path).isFile());
    expect(files.map((path) => path.slice(fixture.folder.length + 1)).sort()).toEqual(expect.arrayContaining(['store.db', 'store.db-shm', 'store.db-wal']));
    const haystacks = [...files.map((path) => readFileSync(path)), Buffer.from(fixture.logged(), 'utf8')];
    const needles = [
      'canary-testimony-nojs-4242',
      'canary-place-nojs',
      'canary-contact-nojs',
      'canary-attachment-nojs-9191',
      'canary-pixels-nojs',
      'canary-testimony-js-5353',
      'canary-who-js',
      'canary-attachment-js-8484',
      'canary-pixels-js',
      'canary-followup-js-6161',
      'canary-reply-text',
      ...receipts,
      ...receipts.map((receipt) => receipt.replaceAll('-', '')),
      '127.0.0.1',
      'HeadlessChrome',
    ];
    // Positive control: the search does find what the store does hold in the clear (the public key).
    const publicKeyText = fixture.service.sodium.to_base64(fixture.keyPair.publicKey, fixture.service.sodium.base64_variants.URLSAFE_NO_PADDING);
    expect(haystacks.some((haystack) => haystack.includes(Buffer.from(publicKeyText)))).toBe(true);
    for (const needle of needles) {
      for (const haystack of haystacks) {
        expect({ needle, found: haystack.includes(Buffer.from(needle, 'utf8')) || haystack.includes(Buffer.from(needle, 'utf16le')) }).toEqual({ needle, found: false });
      }
    }
    // Reporters' routes write no per-request lines at all (the rest of the app does).
    expect(fixture.logged()).not.toContain('/report');

    // The organisation, with its key file and passphrase, reads both.
    const keyFile = join(fixture.folder, 'org.key');
    writeFileSync(keyFile, JSON.stringify(fixture.keyFileJson));
    const nojsId = await findByWhat(fixture, 'canary-testimony-nojs-4242: they took him at night');
    const jsId = await findByWhat(fixture, 'canary-testimony-js-5353: задержали ночью');
    const env = { CHRONICLE_INTAKE_PASSPHRASE: TEST_PASSPHRASE };
    const nojs = await chronicle(['intake', 'open', nojsId, '--key-file', keyFile, '--db', join(fixture.folder, 'store.db'), '--out', join(fixture.folder, 'out-nojs')], { cwd: fixture.folder, env });
    expect(nojs.stderr).toBe('');
    expect(nojs.stdout).toContain('canary-testimony-nojs-4242');
    expect(nojs.stdout).toContain('sealed by the server');
    expect(nojs.stdout).toContain('HAD LOCATION DATA');
    expect(readFileSync(join(fixture.folder, 'out-nojs', '01-as_sent-evidence.txt'), 'utf8')).toBe('canary-attachment-nojs-9191');
    const js = await chronicle(['intake', 'open', jsId, '--key-file', keyFile, '--db', join(fixture.folder, 'store.db'), '--json'], { cwd: fixture.folder, env });
    const opened = JSON.parse(js.stdout) as { report: { what: string; sealedBy: string; language: string }; attachments: { name: string; variant: string; locationFound: boolean }[] };
    expect(opened.report).toMatchObject({ what: 'canary-testimony-js-5353: задержали ночью', sealedBy: 'browser', language: 'ru' });
    expect(opened.attachments.map((attachment) => [attachment.name, attachment.variant, attachment.locationFound])).toEqual([
      ['scan.txt', 'as_sent', false],
      ['IMG_2.jpg', 'cleaned', true],
    ]);
    const opener = await fixture.service.open(jsId, fixture.keyPair);
    const photo = Buffer.from(opener.attachments[1]?.bytes ?? new Uint8Array()).toString('latin1');
    expect(photo).toContain('canary-pixels-js');
    expect(photo).not.toContain('Exif');
  });
});
