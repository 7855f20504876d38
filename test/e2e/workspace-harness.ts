/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser: they see the DOM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildServer, type ChronicleServer } from '../../src/server/app.js';
import { addUser } from '../../src/services/accounts.service.js';
import { regroup } from '../../src/services/incidents.service.js';
import { ingestPaths } from '../../src/services/ingest.service.js';
import { Store } from '../../src/store/store.js';

/** Where the browser lives; CI installs it (.ci/run), and the lead machine has it at this path. */
export const CHROMIUM = process.env.CHRONICLE_CHROMIUM ?? '/usr/bin/chromium';
export const CORPUS = resolve(import.meta.dirname, '../../examples/corpus');
export const WEB_BUILD = resolve(import.meta.dirname, '../../dist/web/index.html');

/** Accounts the tests sign in with: one who reviews and one who only reads. */
export const ANALYST = { username: 'anna', password: 'correct horse battery staple', role: 'analyst' };
export const VIEWER = { username: 'vera', password: 'another long passphrase 42', role: 'viewer' };

/**
 * A document written to attack the workspace: a script tag, an image with an onerror handler and
 * javascript: links, in its title, source, address and text. Everything must show as inert text.
 */
export const HOSTILE_TEXT = `---
title: "<img src=x onerror=alert(1)> Hostile report"
source: "Hostile <script>alert(2)</script> Source"
url: "javascript:alert(3)"
published: 2019-02-01
language: en
---
Police detained 12 people in Grozny on 1 February 2019, activists said. <script>alert(1)</script>
The list of names is at <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">this link</a>, or javascript:alert(1) if you must.
`;

export const HOSTILE_HTML = `<!doctype html><html><head><title>Hostile page <script>alert(4)</script></title>
<script>alert(5)</script></head><body><article><h1>Hostile page onerror test</h1>
<p>Security forces detained 7 men in Argun, according to witnesses. <img src=x onerror=alert(6)></p>
<p><a href="javascript:alert(7)">javascript:alert(7)</a> <svg onload=alert(8)></svg></p>
<p>More text so the page has an article body worth keeping: the men were held for three days and released.</p>
</article></body></html>`;

export interface Workspace {
  folder: string;
  store: Store;
  app: ChronicleServer;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** A store with the sample corpus and two hostile documents (or nothing, with corpus: false), incidents grouped, two accounts, the server listening on loopback, and Chromium. */
export async function startWorkspace(options: { corpus?: boolean } = {}): Promise<Workspace> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHRONICLE_CHROMIUM`);
  if (!existsSync(WEB_BUILD)) throw new Error(`no workspace build at ${WEB_BUILD}: run npm run build first`);
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-e2e-'));
  const hostile = join(folder, 'hostile');
  mkdirSync(hostile);
  writeFileSync(join(hostile, 'hostile-report.txt'), HOSTILE_TEXT);
  writeFileSync(join(hostile, 'hostile-page.html'), HOSTILE_HTML);
  const store = await Store.open(join(folder, 'store.db'));
  if (options.corpus !== false) {
    await ingestPaths(store, [CORPUS, hostile]);
    await regroup(store);
  }
  await addUser(store, { ...ANALYST, actor: 'e2e' });
  await addUser(store, { ...VIEWER, actor: 'e2e' });
  const app = await buildServer({ store, logLevel: 'silent' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return {
    folder,
    store,
    app,
    url: address,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** What went wrong in the page: console errors, uncaught exceptions, CSP violations, dialogs. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  dialogs: string[];
}

/**
 * A fresh browser context and page that records every console error, page error, CSP violation
 * and dialog. Dialogs are dismissed (and recorded), so a script that did run cannot block the test.
 */
export async function openPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction('__chronicleCspViolation', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __chronicleCspViolation(text: string): void }).__chronicleCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return { context, page, problems };
}

/** Sign in through the login form and wait for the workspace's navigation. */
export async function signIn(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/user name|имя пользователя/i).fill(account.username);
  await page.getByLabel(/^password|^пароль/i).fill(account.password);
  await page.getByRole('button', { name: /sign in|войти/i }).click();
  await page.locator('.topbar nav').waitFor();
}

/** Screenshots go to docs/screenshots when CHRONICLE_SCREENSHOTS names that folder, else nowhere. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const folder = process.env.CHRONICLE_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage });
}
