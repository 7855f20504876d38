/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser: they see the DOM.
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { BrowserContext, Page } from 'playwright-core';
import { ANALYST, openPage, screenshot, signIn, startWorkspace, VIEWER, type PageProblems, type Workspace } from './workspace-harness.js';

// The workspace end to end: the real server on a temporary SQLite store with the sample corpus,
// the built SPA from dist/web, and headless Chromium. Every page fails the suite on a console
// error, an uncaught exception, a CSP violation or a dialog.

describe('workspace in Chromium', { timeout: 180_000 }, () => {
  let workspace: Workspace;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    workspace = await startWorkspace();
    ({ context, page, problems } = await openPage(workspace.browser));
  });
  after(async () => {
    await context?.close();
    await workspace?.close();
  });

  const expectNoProblems = (seen: PageProblems) => {
    expect(seen.dialogs).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    // The login test provokes one 401 on purpose (a wrong password); nothing else may fail.
    expect(seen.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  };

  it('refuses a wrong password, then signs in and lists the library', async () => {
    await page.goto(workspace.url);
    await page.getByLabel(/user name/i).fill(ANALYST.username);
    await page.getByLabel(/^password/i).fill('not the password at all');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/wrong user name, password or code/);
    await signIn(page, workspace.url, ANALYST);
    const rows = page.locator('table.documents tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(35);
    await expect(page.locator('.topbar .who').textContent()).resolves.toContain(ANALYST.username);
    await screenshot(page, 'library');
  });

  it('searches the full text and marks the hits in snippets', async () => {
    await page.getByRole('searchbox').fill('Titiev');
    await page.getByRole('button', { name: /^search$/i }).click();
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThanOrEqual(2);
    const marks = await page.locator('ol.results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/titiev/);
    expect(page.url()).toContain('q=Titiev');
  });

  it('opens a document with its claims highlighted by kind and a legend', async () => {
    await page.locator('ol.results .doc-title').first().click();
    await page.locator('.document-text').waitFor();
    expect(await page.locator('.document-text .hl').count()).toBeGreaterThan(5);
    expect(await page.locator('.legend .legend-item').count()).toBeGreaterThanOrEqual(7);
    await screenshot(page, 'reader');
    // j walks the claims in reading order and opens each beside the text.
    await page.keyboard.press('j');
    await page.locator('.reader-side .claim-card').waitFor();
    const first = await page.locator('.reader-side .claim-card').getAttribute('data-claim');
    expect(first).toMatch(/^clm_/);
    await page.keyboard.press('j');
    await page.waitForFunction((previous) => document.querySelector('.reader-side .claim-card')?.getAttribute('data-claim') !== previous, first);
    expect(await page.locator('.document-text .selected').count()).toBeGreaterThan(0);
  });

  it('accepts a proposed claim in place, and the store records it with the reviewer', async () => {
    await page.goto(`${workspace.url}/documents/${await firstDocumentWithFigure(workspace)}`);
    const span = page.locator('.document-text .hl-figure.st-proposed').first();
    await span.waitFor();
    const claimId = await span.getAttribute('data-claim');
    expect(claimId).toMatch(/^clm_/);
    await span.click();
    await page.locator('.claim-card').getByRole('button', { name: 'Accept' }).click();
    await page.locator('.claim-card .status-accepted').waitFor();
    const stored = await workspace.store.claims.get(claimId as string);
    expect(stored?.status).toBe('accepted');
    expect(stored?.reviewedBy).toBe(ANALYST.username);
    await screenshot(page, 'reader-claim');
  });

  it('edits a figure in place: a corrected bound and number are stored as an edit', async () => {
    await page.goto(`${workspace.url}/documents/${await firstDocumentWithFigure(workspace)}`);
    const span = page.locator('.document-text .hl-figure.st-proposed').first();
    await span.waitFor();
    const claimId = (await span.getAttribute('data-claim')) as string;
    await span.click();
    await page.locator('.claim-card').getByRole('button', { name: 'Edit' }).click();
    const editor = page.locator('.claim-editor');
    await editor.getByLabel('Bound').selectOption('about');
    await editor.getByLabel('Number').fill('50');
    await editor.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('.claim-card .status-edited').waitFor();
    await expect(page.locator('.claim-card .claim-value').textContent()).resolves.toMatch(/^about 50 /);
    const stored = await workspace.store.claims.get(claimId);
    expect(stored?.status).toBe('edited');
    expect(stored?.value).toMatchObject({ value: 50, bound: 'about', max: null });
  });

  it('shows an incident with conflicting figures side by side, with quotes and source counts', async () => {
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.locator('table.incidents').waitFor();
    // Ordered by conflicts, the first incident is one whose sources give figures that cannot all be true.
    await page.getByLabel('Order').selectOption('conflicts');
    const first = page.locator('table.incidents tbody tr').first();
    await first.locator('.conflict-glyph').first().waitFor();
    await first.locator('a.doc-title').click();
    const block = page.locator('.figure-block.has-conflict').first();
    await block.waitFor();
    await expect(block.locator('.marker.conflict').textContent()).resolves.toMatch(/sources conflict/);
    const statements = block.locator('.statement');
    expect(await statements.count()).toBeGreaterThanOrEqual(2);
    const values = new Set(await statements.locator('.statement-value strong').allTextContents());
    expect(values.size).toBeGreaterThanOrEqual(2);
    expect((await statements.first().locator('.quote').textContent())?.length).toBeGreaterThan(0);
    await expect(block.locator('.figure-summary').textContent()).resolves.toMatch(/\d+ independent sources?/);
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThan(0);
    await screenshot(page, 'incident');
  });

  it('shows an entity with its mentions across documents', async () => {
    await page.goto(`${workspace.url}/entities?kind=person`);
    const first = page.locator('table.entities tbody tr a').first();
    await first.waitFor();
    const name = await first.textContent();
    await first.click();
    await expect(page.locator('.entity h1').textContent()).resolves.toContain(name ?? '');
    expect(await page.locator('.mention-group li').count()).toBeGreaterThan(0);
    // Each mention is quoted in its sentence, the name marked.
    await page.locator('.mention-group .mention-context mark').first().waitFor();
    expect(((await page.locator('.mention-group .mention-context mark').first().textContent()) ?? '').length).toBeGreaterThan(1);
    await screenshot(page, 'entity');
  });

  it('charts acts over time, figures by incident and the incident timeline', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('.tiles').waitFor();
    expect(await page.locator('.chart').count()).toBe(3);
    expect(await page.locator('.chart rect[class^="fill-act-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.chart .figure-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'overview', true);
  });

  it('reviews from the keyboard in the queue', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click();
    const current = page.locator('ol.queue li.current');
    await current.waitFor();
    await expect(page.locator('.shortcuts').textContent()).resolves.toMatch(/accept.*reject.*edit/s);
    const second = await page.locator('ol.queue li').nth(1).textContent();
    await page.keyboard.press('j');
    await expect(current.textContent()).resolves.toBe(second);
    // The claim is shown in its sentence, the span marked.
    const quote = await current.locator('.queue-quote').textContent();
    await page.locator('.review-side .context mark').waitFor();
    await expect(page.locator('.review-side .context mark').textContent()).resolves.toBe(quote);
    const before = await page.locator('ol.queue li').count();
    await page.keyboard.press('r');
    await page.waitForFunction((count) => document.querySelectorAll('ol.queue li').length === count - 1, before);
    await screenshot(page, 'review');
  });

  it('switches to Russian, and the choice survives a reload', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: 'Библиотека' }).waitFor();
    await page.goto(`${workspace.url}/incidents`);
    await page.getByRole('link', { name: 'Библиотека' }).waitFor();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('События');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await screenshot(page, 'russian');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Library' }).waitFor();
  });

  it('shows a hostile document as inert text: no script runs, no image loads, no javascript: link', async () => {
    await page.goto(`${workspace.url}/?q=onerror`);
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    for (const title of await page.locator('ol.results .doc-title').allTextContents()) expect(title).not.toBe('');
    await page.goto(workspace.url);
    const hostileRow = page.locator('table.documents tbody tr').filter({ hasText: 'Hostile report' });
    await hostileRow.first().waitFor();
    await expect(hostileRow.first().textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    await hostileRow.first().locator('a.doc-title').click();
    await page.locator('.document-text').waitFor();
    const text = (await page.locator('.document-text').textContent()) ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('javascript:alert(1)');
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    }));
    expect(dom).toEqual({ images: 0, scripts: 0, javascriptLinks: 0, handlers: 0 });
    await screenshot(page, 'hostile');
    // Its front matter's address (javascript:…) never becomes a link; whatever links exist are http(s).
    for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) expect(href).toMatch(/^(\/|https?:)/);
    await page.goto(workspace.url);
    await page.locator('table.documents tbody tr').filter({ hasText: 'Hostile page' }).first().locator('a.doc-title').click();
    await page.locator('.document-text').waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('img, svg [onload], a[href^="javascript:" i]').length)).toBe(0);
    await page.waitForTimeout(300);
    expect(problems.dialogs).toEqual([]);
  });

  it('had no console errors, page errors, CSP violations or dialogs along the way', () => {
    expectNoProblems(problems);
  });

  it('shows a viewer no accept, edit or reject buttons and no review shortcuts', async () => {
    const viewer = await openPage(workspace.browser);
    try {
      await signIn(viewer.page, workspace.url, VIEWER);
      await viewer.page.goto(`${workspace.url}/documents/${await firstDocumentWithFigure(workspace)}`);
      await viewer.page.locator('.document-text .hl').first().click();
      await viewer.page.locator('.claim-card').waitFor();
      expect(await viewer.page.locator('.claim-card button').count()).toBe(0);
      await viewer.page.goto(`${workspace.url}/review`);
      await viewer.page.locator('ol.queue li.current').waitFor();
      expect(await viewer.page.locator('.review-side .claim-card button').count()).toBe(0);
      await expect(viewer.page.locator('.shortcuts').textContent()).resolves.not.toMatch(/accept/);
      const before = await viewer.page.locator('ol.queue li').count();
      await viewer.page.keyboard.press('a');
      await viewer.page.waitForTimeout(200);
      expect(await viewer.page.locator('ol.queue li').count()).toBe(before);
      expectNoProblems(viewer.problems);
    } finally {
      await viewer.context.close();
    }
  });
});

/** A document of the corpus with a proposed figure claim (the corpus has several). */
async function firstDocumentWithFigure(workspace: Workspace): Promise<string> {
  for await (const document of workspace.store.documents.live()) {
    const claims = await workspace.store.claims.forDocument(document.id);
    if (claims.some((claim) => claim.kind === 'figure' && claim.status === 'proposed')) return document.id;
  }
  throw new Error('the sample corpus has no document with a proposed figure');
}
