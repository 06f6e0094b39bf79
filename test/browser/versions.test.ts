/**
 * The version history and visual diff in a real browser against the whole stack: a
 * process owner deploys two versions through the API, opens the history, compares them
 * and sees the added, removed, changed and moved elements marked on the two diagrams.
 * Screenshots land in test-results/screenshots/versions/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useBrowserStack } from './browser-stack';
import { linearProcess } from './versions-fixtures';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/versions/', import.meta.url));

const v1 = linearProcess('supplier-audit', 'Supplier audit', [
  { id: 'Plan', name: 'Plan the audit' },
  { id: 'Audit', name: 'Audit on site' },
  { id: 'Archive', name: 'Archive the report' },
]);
const v2 = linearProcess('supplier-audit', 'Supplier audit', [
  { id: 'Plan', name: 'Plan and announce the audit' },
  { id: 'Audit', name: 'Audit on site', shiftX: 40 },
  { id: 'Rate', name: 'Rate the supplier' },
]);

/** The marker classes of element `id` on one side of the diff. */
async function markersOf(page: Page, side: 'from' | 'to', id: string): Promise<string[]> {
  const classes = await page.locator(`[data-side="${side}"] .djs-element[data-element-id="${id}"]`).first().getAttribute('class');
  return (classes ?? '').split(/\s+/).filter((name) => name.startsWith('qf-diff-'));
}

describe('version history and diff in a browser', () => {
  const app = useBrowserStack();
  let ownerToken = '';

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const login = await fetch(`${app.stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'demo' }),
    });
    ownerToken = ((await login.json()) as { token: string }).token;
    for (const xml of [v1, v2]) {
      const deployed = await fetch(`${app.stack.baseUrl}/api/definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/xml' },
        body: xml,
      });
      expect(deployed.status).toBe(201);
    }
  }, 240_000);

  it('lets a process owner compare two versions and see what changed on both diagrams', async () => {
    // given the owner signed in on a laptop screen
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, app.stack.baseUrl, 'owner');

    // when they open the process's version history from the process list
    await page.goto(`${app.stack.baseUrl}/#/processes`);
    await page.locator('.process-card', { hasText: 'Supplier audit' }).getByRole('link', { name: 'Version history' }).click();
    await page.getByRole('heading', { name: 'Version history · Supplier audit' }).waitFor();
    const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version')));
    const deployers = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    await page.screenshot({ path: `${screenshotDir}01-history.png`, fullPage: true });

    // and compare version 1 with version 2
    await page.getByRole('link', { name: 'Compare versions 1 and 2' }).click();
    await page.getByRole('heading', { name: 'supplier-audit: version 1 → version 2' }).waitFor();
    await page.locator('[data-side="to"] .djs-element.qf-diff-added').first().waitFor();
    await page.locator('[data-side="from"] .djs-element.qf-diff-removed').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}02-diff.png`, fullPage: true });

    // then the history listed both versions by the owner, newest first
    expect(rows).toEqual(['2', '1']);
    expect(deployers).toEqual(['owner', 'owner']);
    // and the diff marked the added step on the new diagram, the removed one on the old
    expect(await markersOf(page, 'to', 'Rate')).toEqual(['qf-diff-added']);
    expect(await markersOf(page, 'from', 'Archive')).toEqual(['qf-diff-removed']);
    // the renamed step on both, the moved step as layout only, and the untouched start not at all
    expect(await markersOf(page, 'from', 'Plan')).toEqual(['qf-diff-changed']);
    expect(await markersOf(page, 'to', 'Plan')).toEqual(['qf-diff-changed']);
    expect(await markersOf(page, 'to', 'Audit')).toEqual(['qf-diff-layout']);
    expect(await markersOf(page, 'to', 'Start')).toEqual([]);
    // and listed the rename in words
    const renamed = await page.locator('.change-list tr[data-element-id="Plan"]').textContent();
    expect(renamed).toContain('name: "Plan the audit" → "Plan and announce the audit"');
    await page.close();
  }, 120_000);

  it('shows where the token of a try run stands, without the sandbox in the process list', async () => {
    // given the owner tried a changed version 2 with sample variables
    const tried = await fetch(`${app.stack.baseUrl}/api/definitions/supplier-audit/try`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ xml: v2.replace('name="Plan and announce the audit"', 'name="Plan (tried)"'), variables: { supplier: 'ACME' } }),
    });
    expect(tried.status).toBe(201);
    const { instanceId } = (await tried.json()) as { instanceId: string };
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, app.stack.baseUrl, 'owner');

    // when they open the try run's instance, then the process list
    await page.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    await page.locator('.djs-element.qf-active[data-element-id="Plan"]').waitFor();
    await page.screenshot({ path: `${screenshotDir}03-try-run-instance.png`, fullPage: true });
    await page.goto(`${app.stack.baseUrl}/#/processes`);
    await page.locator('.process-card', { hasText: 'Supplier audit' }).waitFor();
    const cards = await page.locator('.process-card code').allTextContents();

    // then the token waited at the tried first step, and only real processes were listed
    expect(await page.locator('.process-card', { hasText: 'sandbox--' }).count()).toBe(0);
    expect(cards).toContain('supplier-audit');
    expect(cards.some((key) => key.startsWith('sandbox--'))).toBe(false);
    await page.close();
  }, 60_000);

  it('offers a blank diagram, the QMS templates and the saved drafts to start designing from', async () => {
    // given the owner saved a draft of the supplier audit
    const saved = await fetch(`${app.stack.baseUrl}/api/drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Supplier audit rev C', xml: v2, processKey: 'supplier-audit', baseVersion: 2 }),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, app.stack.baseUrl, 'owner');

    // when they open the process list
    await page.goto(`${app.stack.baseUrl}/#/processes`);
    const draftLink = page.getByRole('table', { name: 'Drafts' }).getByRole('link', { name: 'Supplier audit rev C' });
    await draftLink.waitFor();
    await page.getByRole('heading', { name: 'Design a process' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}04-design-start.png`, fullPage: true });

    // then each template and the draft open in the designer
    expect(await page.getByRole('link', { name: 'New from template CAPA' }).getAttribute('href')).toBe('#/designer?template=capa');
    expect(await page.getByRole('link', { name: 'New from template Document approval' }).getAttribute('href')).toBe('#/designer?template=document-approval');
    expect(await draftLink.getAttribute('href')).toBe(`#/designer?draft=${id}`);
    await page.close();
  }, 60_000);
});
