/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they see the DOM.
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { BrowserContext, Page } from 'playwright-core';
import { importPersonList } from '../../src/services/persons.service.js';
import { ANALYST, openPage, screenshot, signIn, startWorkspace, VIEWER, type PageProblems, type Workspace } from './workspace-harness.js';

// The Persons view end to end: two small lists of invented people (one in Cyrillic, one in Latin
// transliteration, three people on both) and a third list that overlaps neither. The analyst links
// them in the browser, opens a person, splits a record out and joins it back, and estimates; a
// viewer reads without the actions. Screenshots go to CHRONICLE_SCREENSHOTS (e.g. /tmp) when set.

const MEMORIAL = `№;ФИО;Дата рождения;Пол;Место;Дата задержания;Нарушение
1;Арсаев Тимур Алиевич;14.03.1981;м;Шали;02.04.2018;задержание
2;Бекова Хеда Исаевна;09.11.1990;ж;Аргун;17.05.2018;похищение
3;Юсупов Ваха Русланович;21.07.1975;м;Грозный;30.06.2018;пытки
4;Гаева Зулай Магомедовна;05.01.1968;ж;Гудермес;11.08.2018;задержание
5;Эльмурзаев Ислам Адамович;28.02.1996;м;Шали;19.09.2018;похищение
`;
const NGO = `id,surname,first_name,patronymic,dob,sex,place,date,violation
N1,Arsayev,Timur,Aliyevich,1981-03-14,male,Shali,2018-04-02,detention
N2,Bekova,Kheda,Isayevna,1990-11-09,female,Argun,2018-05-17,abduction
N3,Yusupov,Vakha,Ruslanovich,1975-07-21,male,Groznyy,2018-06-30,torture
N4,Tsokayev,Adlan,Musayevich,1987-10-03,male,Urus-Martan,2018-10-12,detention
`;
// The third list also carries markup where a name and a note should be: it must show as text.
const VOLUNTEERS = `full_name,birth_year,sex,notes
Ibragim Saidov,1979,m,
Malika Dadayeva,1993,f,
"<img src=x onerror=alert(1)> Hostile <script>alert(2)</script>",1970,m,"<a href=""javascript:alert(3)"">click</a>"
`;

const MOBILE = { width: 390, height: 844 };

describe('persons view in Chromium', { timeout: 180_000 }, () => {
  let workspace: Workspace;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    workspace = await startWorkspace({ corpus: false });
    for (const [source, text] of [
      ['memorial', MEMORIAL],
      ['ngo', NGO],
      ['volunteers', VOLUNTEERS],
    ] as const) {
      await importPersonList(workspace.store, { bytes: Buffer.from(text), shownAs: `${source}.csv`, source, actor: 'e2e' });
    }
    ({ context, page, problems } = await openPage(workspace.browser));
  });
  after(async () => {
    await context?.close();
    await workspace?.close();
  });

  const expectNoProblems = (seen: PageProblems, allowed: RegExp[] = []) => {
    expect(seen.dialogs).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors.filter((text) => !/status of 401/.test(text) && !allowed.some((pattern) => pattern.test(text)))).toEqual([]);
  };
  const recordCards = () => page.locator('.record-card');

  it('says that linkage has not run yet, and links the lists from the view', async () => {
    await signIn(page, workspace.url, ANALYST);
    await page.getByRole('link', { name: 'Persons' }).click();
    await expect(page.locator('.note-unlinked').textContent()).resolves.toMatch(/Linkage has not run yet: 12 records wait/);
    expect(await page.locator('table.persons-table').count()).toBe(0);
    // Hold the request until the busy state has been seen: no timing involved.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/persons/link', async (route) => {
      await held;
      await route.continue();
    });
    const link = page.getByRole('button', { name: 'Run linkage' });
    await link.click();
    const busy = page.getByRole('button', { name: 'Linking…' });
    await busy.waitFor();
    await expect(busy.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Extract persons from documents' }).isDisabled()).resolves.toBe(true);
    release();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Linked 12 records into 9 persons: 3 on two or more lists/);
    await page.unroute('**/api/persons/link');
    await page.locator('table.persons-table').waitFor();
    expect(await page.locator('table.persons-table tbody tr').count()).toBe(9);
    expect(await page.locator('.note-unlinked').count()).toBe(0);
    // One person, both spellings, both lists.
    const row = page.locator('table.persons-table tbody tr').filter({ hasText: 'Арсаев Тимур Алиевич' });
    await expect(row.locator('.aliases').textContent()).resolves.toBe('Arsayev Timur Aliyevich');
    expect(await row.locator('.list-tag').allTextContents()).toEqual(['memorial', 'ngo']);
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('1981');
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('2');
    await screenshot(page, 'persons-list');
  });

  it('filters by list', async () => {
    await page.getByRole('combobox', { name: /^List/ }).selectOption('ngo');
    await page.waitForFunction(() => document.querySelectorAll('table.persons-table tbody tr').length === 4);
    expect(page.url()).toContain('list=ngo');
    await expect(page.locator('.pager').textContent()).resolves.toMatch(/1–4 of 4 persons/);
    await page.getByRole('combobox', { name: /^List/ }).selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('table.persons-table tbody tr').length === 9);
  });

  it('shows markup from a list as inert text', async () => {
    await page.getByRole('link', { name: /Hostile/ }).click();
    await expect(page.locator('.person h1').textContent()).resolves.toBe('<img src=x onerror=alert(1)> Hostile <script>alert(2)</script>');
    await expect(page.locator('.record-card .facts').textContent()).resolves.toContain('<a href="javascript:alert(3)">click</a>');
    await page.locator('.record-card .raw summary').click();
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    }));
    expect(dom).toEqual({ images: 0, scripts: 0, javascriptLinks: 0, handlers: 0 });
    expect(problems.dialogs).toEqual([]);
    await page.getByRole('link', { name: 'Persons', exact: true }).first().click();
    await page.locator('table.persons-table').waitFor();
  });

  it('shows a person with every record as its list wrote it, and the raw row', async () => {
    await page.getByRole('link', { name: 'Бекова Хеда Исаевна' }).click();
    await expect(page.locator('.person h1').textContent()).resolves.toBe('Бекова Хеда Исаевна');
    await expect(page.locator('.person .meta').textContent()).resolves.toMatch(/female · born 1990 · 2 records · on 2 lists/);
    expect(await recordCards().count()).toBe(2);
    const memorial = recordCards().filter({ has: page.locator('.list-tag', { hasText: 'memorial' }) });
    await expect(memorial.locator('.record-name').textContent()).resolves.toBe('Бекова Хеда Исаевна');
    await expect(memorial.locator('.facts').textContent()).resolves.toMatch(/Place\s*Аргун/);
    await expect(memorial.locator('.facts').textContent()).resolves.toMatch(/Born\s*Nov 9, 1990/);
    await memorial.locator('.raw summary').click();
    await expect(memorial.locator('.raw-table').textContent()).resolves.toContain('ФИОБекова Хеда Исаевна');
    const ngo = recordCards().filter({ has: page.locator('.list-tag', { hasText: 'ngo' }) });
    await expect(ngo.locator('.record-name').textContent()).resolves.toBe('Bekova Kheda Isayevna');
    await expect(page.locator('.decisions').count()).resolves.toBe(0);
    await screenshot(page, 'persons-detail', true);
  });

  it('splits a record out, then joins it back, and the store keeps both decisions', async () => {
    const ngo = recordCards().filter({ has: page.locator('.list-tag', { hasText: 'ngo' }) });
    const recordId = (await ngo.getAttribute('data-record')) as string;
    await ngo.getByRole('button', { name: 'Split this record out' }).click();
    await ngo.getByLabel('Note (optional)').fill('different father');
    await ngo.getByRole('button', { name: 'Split it out' }).click();
    await expect(page.locator('.person .notice').textContent()).resolves.toMatch(/“Bekova Kheda Isayevna” now stands alone/);
    await page.waitForFunction(() => document.querySelectorAll('.record-card').length === 1);
    const split = page.locator('.decision-split');
    await expect(split.textContent()).resolves.toMatch(/Split out.*by anna/s);
    await expect(split.locator('.decision-note').textContent()).resolves.toBe('different father');
    await split.getByRole('button', { name: 'Join it back: same person' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.record-card').length === 2);
    await page.locator('.decision-confirm').waitFor();
    expect(await page.getByRole('button', { name: 'Join it back: same person' }).count()).toBe(0);
    const decisions = await workspace.store.persons.decisions();
    expect(decisions.map((decision) => [decision.kind, decision.actor])).toEqual([
      ['split', ANALYST.username],
      ['confirm', ANALYST.username],
    ]);
    expect(decisions[0]).toMatchObject({ kind: 'split', record: recordId, note: 'different father' });
  });

  it('shows a refusal readably: an unknown record to join', async () => {
    await page.getByLabel('Record or person id').fill('per_01JZZZZZZZZZZZZZZZZZZZZZZZ');
    await page.locator('.confirm-form').getByRole('button', { name: 'These are one person' }).click();
    await expect(page.locator('.confirm-form .error').textContent()).resolves.toMatch(/^Not found — .*no person record has id per_01JZZZZZZZZZZZZZZZZZZZZZZZ/);
    expect(await recordCards().count()).toBe(2);
  });

  it('estimates from two overlapping lists with the interval, chosen from the keyboard', async () => {
    await page.goto(`${workspace.url}/persons`);
    const panel = page.locator('.estimate-panel');
    await panel.waitFor();
    await expect(panel.getByRole('button', { name: 'Estimate' }).isDisabled()).resolves.toBe(true);
    await panel.getByLabel('memorial').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(panel.getByLabel('ngo').isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Estimate' }).focus();
    await page.keyboard.press('Enter');
    const figures = panel.locator('.estimate-figures');
    await figures.waitFor();
    // 5 + 4 records, 3 people on both: 6 seen; the interval starts at what was seen.
    await expect(figures.locator('.estimate-n').textContent()).resolves.toMatch(/^\d+(\.\d)?$/);
    const interval = (await figures.locator('.estimate-interval').textContent()) ?? '';
    expect(interval).toMatch(/^6 – \d+(\.\d)?$/);
    expect(await figures.locator('.estimate-headline').textContent()).toMatch(/95% interval/);
    await expect(figures.locator('svg.interval-bar').getAttribute('aria-label')).resolves.toMatch(/^N [\d.]+, 95% interval 6 to [\d.]+; 6 seen on the lists$/);
    expect(await panel.locator('.overlap-table tbody tr').count()).toBe(3);
    await expect(panel.locator('.overlap-table tr[data-pattern="11"] td.num').textContent()).resolves.toBe('3');
    expect(await panel.locator('.models-table tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expect(panel.locator('.models-table tr.chosen').textContent()).resolves.toMatch(/chosen/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'persons-estimate');
  });

  it('says why it cannot estimate from lists without overlap, and prints no number', async () => {
    const panel = page.locator('.estimate-panel');
    await panel.getByLabel('ngo').uncheck();
    await panel.getByLabel('volunteers').check();
    await panel.getByRole('button', { name: 'Estimate' }).click();
    const reasons = panel.locator('.estimate-problems');
    await reasons.waitFor();
    await expect(reasons.textContent()).resolves.toMatch(/No estimate can be made from these lists.*the lists do not overlap/s);
    expect(await panel.locator('.estimate-figures, .estimate-n, .interval-bar, .models-table').count()).toBe(0);
    await screenshot(page, 'persons-estimate-none');
    // Per stratum: each stratum's own estimate or its reason, and no pooled number when one fails.
    await panel.getByLabel('volunteers').uncheck();
    await panel.getByLabel('ngo').check();
    await panel.getByLabel('Strata').selectOption('sex');
    await panel.getByRole('button', { name: 'Estimate' }).click();
    const strata = panel.locator('.strata-table tbody tr');
    await strata.first().waitFor();
    expect(await strata.count()).toBe(2);
    await expect(strata.filter({ hasText: /^m/ }).locator('td').nth(3).textContent()).resolves.toMatch(/^\d+(\.\d)? – /);
    await expect(panel.locator('.estimate-problems').textContent()).resolves.toMatch(/stratum f: /);
    expect(await panel.locator('.estimate-result > .estimate-figures').count()).toBe(0);
    expectNoProblems(problems, [/status of 404/]);
  });

  it('fits a narrow screen: list, detail and estimate', async () => {
    const mobile = await openPage(workspace.browser, MOBILE);
    try {
      await signIn(mobile.page, workspace.url, ANALYST);
      await mobile.page.goto(`${workspace.url}/persons`);
      await mobile.page.locator('table.persons-table').waitFor();
      const overflow = () => mobile.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(mobile.page, 'persons-list-mobile', true);
      const panel = mobile.page.locator('.estimate-panel');
      await panel.getByLabel('memorial').check();
      await panel.getByLabel('ngo').check();
      await panel.getByRole('button', { name: 'Estimate' }).click();
      await panel.locator('.estimate-figures').waitFor();
      await panel.scrollIntoViewIfNeeded();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(mobile.page, 'persons-estimate-mobile', true);
      await mobile.page.getByRole('link', { name: 'Арсаев Тимур Алиевич' }).click();
      await mobile.page.locator('.record-card').first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(mobile.page, 'persons-detail-mobile', true);
      expectNoProblems(mobile.problems);
    } finally {
      await mobile.context.close();
    }
  });

  it('shows a viewer persons and estimates, without link, extract, confirm or split', async () => {
    const viewer = await openPage(workspace.browser);
    try {
      await signIn(viewer.page, workspace.url, VIEWER);
      await viewer.page.goto(`${workspace.url}/persons`);
      await viewer.page.locator('table.persons-table').waitFor();
      expect(await viewer.page.getByRole('button', { name: /Run linkage|Extract persons|These are one person/ }).count()).toBe(0);
      expect(await viewer.page.locator('table.persons-table input[type=checkbox]').count()).toBe(0);
      await viewer.page.getByRole('link', { name: 'Юсупов Ваха Русланович' }).click();
      await viewer.page.locator('.record-card').first().waitFor();
      expect(await viewer.page.locator('.record-card button, .confirm-form').count()).toBe(0);
      await viewer.page.getByRole('link', { name: 'Persons', exact: true }).first().click();
      const panel = viewer.page.locator('.estimate-panel');
      await panel.getByLabel('memorial').check();
      await panel.getByLabel('ngo').check();
      await panel.getByRole('button', { name: 'Estimate' }).click();
      await panel.locator('.estimate-interval').waitFor();
      expectNoProblems(viewer.problems);
    } finally {
      await viewer.context.close();
    }
  });

  it('speaks Russian', async () => {
    await page.goto(`${workspace.url}/persons`);
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Люди по спискам');
    await page.getByRole('link', { name: 'Люди' }).waitFor();
    await expect(page.locator('.pager').textContent()).resolves.toMatch(/1–9 из 9 человек/);
    await page.getByRole('button', { name: 'Связать записи' }).waitFor();
    const panel = page.locator('.estimate-panel');
    await panel.getByLabel('memorial').check();
    await panel.getByLabel('ngo').check();
    await panel.getByRole('button', { name: 'Оценить' }).click();
    await expect(panel.locator('.estimate-headline').textContent()).resolves.toMatch(/95% интервал/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'persons-russian');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Persons' }).waitFor();
  });

  it('extracts persons from documents with a busy state, and tells what it did', async () => {
    await page.goto(`${workspace.url}/persons`);
    const extract = page.getByRole('button', { name: 'Extract persons from documents' });
    await extract.click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/person records? from 0 documents/);
    await expect(extract.isEnabled()).resolves.toBe(true);
    expectNoProblems(problems, [/status of 404/]);
  });
});
