import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ANALYST, openPage, signIn, startWorkspace, type Workspace } from './workspace-harness.js';

// A new installation: no documents yet. Every view must say what would fill it and how, not show
// a blank page or an error.

describe('workspace on an empty store', { timeout: 120_000 }, () => {
  let workspace: Workspace;
  before(async () => {
    workspace = await startWorkspace({ corpus: false });
  });
  after(async () => {
    await workspace?.close();
  });

  it('shows a helpful empty state in every view, without errors', async () => {
    const { context, page, problems } = await openPage(workspace.browser);
    try {
      await signIn(page, workspace.url, ANALYST);
      const expectations: [string, RegExp][] = [
        ['/', /chronicle ingest/],
        ['/?q=Grozny', /Nothing matches “Grozny”/],
        ['/incidents', /chronicle incidents --regroup/],
        ['/entities', /No entities found/],
        ['/persons', /No person lists yet.*chronicle persons import/],
        ['/overview', /chronicle ingest/],
        ['/review', /Nothing waits for review/],
      ];
      for (const [path, text] of expectations) {
        await page.goto(`${workspace.url}${path}`);
        const empty = page.locator('.empty');
        await empty.waitFor();
        await expect(empty.textContent()).resolves.toMatch(text);
        expect(await page.locator('.error').count()).toBe(0);
      }
      expect(problems.dialogs).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      // The one 401 is the first "am I signed in?" before logging in.
      expect(problems.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
