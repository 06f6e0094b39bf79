/**
 * The instance page and the heatmap in a real browser against the whole stack (API,
 * worker, Temporal, demo seed): an admin reads an instance's timeline, corrects a
 * variable with a reason and sees the change in the variables and the timeline, and the
 * Temporal UI link; then opens the process heatmap and sees the slowest step marked.
 * Screenshots land in test-results/screenshots/instance-page/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { severityCapaBpmn } from '../api/instance-detail.harness';
import { expectAccessible } from './accessibility';
import { signIn, useBrowserStack } from './browser-stack';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/instance-page/', import.meta.url));
const HOUR = 3_600_000;

describe('the instance page and the heatmap in a browser', () => {
  const app = useBrowserStack();
  let page: Page;
  let instanceId: string;
  let definitionId: string;

  async function api(method: string, path: string, token: string | undefined, body?: string | object) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/xml' : 'application/json';
    const response = await fetch(`${app.stack.baseUrl}${path}`, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const login = async (username: string) => (await api('POST', '/api/auth/login', undefined, { username, password: 'demo' })).token as string;
    const [owner, alice] = [await login('owner'), await login('alice')];
    definitionId = (await api('POST', '/api/definitions', owner, severityCapaBpmn)).id;
    instanceId = (await api('POST', '/api/instances', alice, { processKey: 'severity-capa', businessKey: 'CAPA-0042', variables: { severity: 'low' } })).id;
    page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(30_000);
    await signIn(page, app.stack.baseUrl, 'admin');
  }, 240_000);

  it('shows the timeline and lets an admin correct a variable with a reason', async () => {
    // given the admin on the instance page, with the review task open
    await page.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('link', { name: 'Review severity' }).waitFor();
    await page.locator('.djs-element.qf-active[data-element-id="Task_Review"]').waitFor();
    const temporalHref = await page.getByRole('link', { name: /Open in the Temporal UI/ }).getAttribute('href');
    await shot('01-instance-timeline');
    await expectAccessible(page, 'Instance page with its timeline');

    // when the admin changes the severity from low to high, giving a reason
    await page.getByRole('button', { name: 'Change severity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change “severity”' });
    await dialog.getByRole('textbox', { name: /^Value/ }).fill('high');
    await dialog.getByLabel('Reason').fill('Customer impact confirmed by phone');
    await shot('02-change-variable');
    await expectAccessible(page, 'Change-variable dialog');
    await dialog.getByRole('button', { name: 'Save variable' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // then the variables and the timeline show the new value, and the old one beside it
    const severity = page.locator('.variables-table tr', { has: page.locator('th', { hasText: /^severity$/ }) }).locator('td.value-cell');
    await expect.poll(() => severity.textContent()).toBe('high');
    const change = timeline.locator('li[data-kind="event"]', { hasText: 'Variables changed' });
    await change.waitFor();
    await shot('03-variable-changed');
    expect(await change.textContent()).toContain('Customer impact confirmed by phone');
    expect(await change.locator('del').textContent()).toBe('low');
    expect(await change.locator('ins').textContent()).toBe('high');
    expect(await change.textContent()).toContain('by admin');
    expect(temporalHref).toBe(`http://localhost:8233/namespaces/default/workflows/${instanceId}`);

    // when the admin asks where the review is on the diagram
    await timeline.getByRole('button', { name: 'Show on diagram: Review severity' }).click();
    // then the review is outlined there
    await page.locator('.djs-element.qf-focus[data-element-id="Task_Review"]').waitFor();
  }, 120_000);

  it('links an instance with the instances its call activities started', async () => {
    // given a containment instance a call activity of the CAPA started
    const childId = randomUUID();
    await app.stack.db.instance.create({
      data: { id: childId, definitionId, processKey: 'severity-capa', version: 1, status: 'active', startedBy: 'alice', parentInstanceId: instanceId },
    });
    // when the admin opens the CAPA and follows the link to the called instance
    await page.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    await page.reload();
    await page.locator('.called-instances').getByRole('link', { name: 'Severity CAPA' }).click();
    // then the called instance's page names its caller, and leads back to it
    await page.waitForURL(new RegExp(`#/instances/${childId}$`));
    await page.getByRole('link', { name: 'the calling instance' }).click();
    await page.waitForURL(new RegExp(`#/instances/${instanceId}$`));
  }, 120_000);

  it('fits the instance page with its timeline on a phone', async () => {
    // given a phone-sized browser signed in as the admin
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, app.stack.baseUrl, 'admin');
    // when the instance page opens
    await phone.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    await phone.getByRole('list', { name: 'Timeline' }).getByText('Variables changed').waitFor();
    await phone.screenshot({ path: `${screenshotDir}05-phone-instance.png`, fullPage: true });
    // then nothing is wider than the phone
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.close();
  }, 120_000);

  it('colours the heatmap by time spent, with the slowest step obvious', async () => {
    // given ten reviews of about two hours and four containments of about a day, finished this week
    for (let i = 0; i < 14; i += 1) {
      const contain = i >= 10;
      const createdAt = new Date(Date.now() - 3 * 24 * HOUR);
      const row = await app.stack.db.instance.create({
        data: { id: randomUUID(), definitionId, processKey: 'severity-capa', version: 1, status: 'completed', startedAt: createdAt },
      });
      await app.stack.db.task.create({
        data: {
          id: randomUUID(),
          instanceId: row.id,
          definitionId,
          processKey: 'severity-capa',
          elementId: contain ? 'Task_Contain' : 'Task_Review',
          elementInstanceId: randomUUID(),
          name: contain ? 'Contain the problem' : 'Review severity',
          state: 'completed',
          createdAt,
          completedAt: new Date(createdAt.getTime() + (contain ? 24 + i - 10 : 2) * HOUR),
          dueAt: contain ? new Date(createdAt.getTime() + 20 * HOUR) : null,
        },
      });
    }

    // when the admin opens the process heatmap from the instance page
    await page.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    await page.reload();
    await page.getByRole('link', { name: 'Heatmap of this process' }).click();
    await page.getByRole('heading', { name: /^Heatmap/ }).waitFor();
    const slowest = page.getByRole('status');
    await slowest.getByText('Contain the problem').waitFor();
    await page.locator('.djs-element.qf-heat-5[data-element-id="Task_Contain"]').waitFor();
    await shot('04-heatmap');
    await expectAccessible(page, 'Heatmap');

    // then the slowest step is named, deepest red, first in the table, with its overdue count
    expect(await slowest.textContent()).toMatch(/^Slowest step: Contain the problem — average 1\.1 d, 90% within 1\.1 d, 4 overdue\.$/);
    expect(await page.locator('.djs-element[data-element-id="Task_Review"]').getAttribute('class')).toContain('qf-heat-1');
    expect(await page.locator('.qf-badge').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^⌀ 1\.1 d · p90 1\.1 d · 4 late$/), '⌀ 2 h · p90 2 h']));
    expect(await page.locator('.heatmap-table tbody tr').first().getAttribute('data-element')).toBe('Task_Contain');
  }, 120_000);
});
