/**
 * The monitor in a real browser against the whole stack: a manager finds an overdue task
 * from the dashboard, opens its instance (diagram marked), and reassigns the task to
 * another of their reports. Screenshots land in test-results/screenshots/monitor/.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowserStack } from './browser-stack';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/monitor/', import.meta.url));
const DAY = 24 * 60 * 60 * 1000;

describe('the monitor in a browser', () => {
  const app = useBrowserStack();

  /** Alice starts a document approval through the API; returns the instance and its first task once open. */
  async function aliceStartsDocumentApproval(businessKey: string) {
    const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
      const response = await fetch(`${app.stack.baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
      return response.json();
    };
    const { token } = await api('/api/auth/login', { method: 'POST', body: { username: 'alice', password: 'demo' } });
    const { id } = await api('/api/instances', { method: 'POST', token, body: { processKey: 'document-approval', businessKey } });
    for (let attempt = 0; attempt < 100; attempt++) {
      const task = await app.stack.db.task.findFirst({ where: { instanceId: id, state: 'open' } });
      if (task) return { instanceId: id as string, task };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the first task did not open');
  }

  it('lets a manager find an overdue task from the dashboard, open its instance and reassign the task', async () => {
    // given: alice's first step of a document approval, three days past due
    const { instanceId, task } = await aliceStartsDocumentApproval('SOP-QA-0042');
    await app.stack.db.task.update({ where: { id: task.id }, data: { dueAt: new Date(Date.now() - 3 * DAY) } });
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const shot = (name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });

    // when: the manager signs in and opens the monitor
    await signIn(page, app.stack.baseUrl, 'manager');
    await page.getByRole('link', { name: 'Monitor' }).click();
    await page.getByRole('heading', { name: 'Monitor' }).waitFor();
    const overdueCount = page.getByRole('link', { name: '1 overdue document-approval tasks' });
    await overdueCount.waitFor();
    await shot('01-dashboard');
    const openCount = await page.getByRole('link', { name: /open document-approval instances/ }).textContent();

    // and follows the overdue count to the list behind it
    await overdueCount.click();
    await page.getByRole('heading', { name: 'Overdue tasks' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(task.name) });
    await row.waitFor();
    await shot('02-overdue-list');
    const heldBy = await row.getByRole('cell').nth(2).textContent();

    // and opens the task's instance
    await row.getByRole('link', { name: 'Document approval' }).click();
    await page.waitForURL(new RegExp(`#/instances/${instanceId}$`));
    await page.locator('.djs-element.qf-active').first().waitFor();
    await shot('03-instance');
    const activeOnDiagram = await page.locator('.djs-element.qf-active').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-element-id')));

    // and reassigns the task from there to bob, with a reason
    await page.getByRole('link', { name: task.name }).first().click();
    await page.getByRole('button', { name: 'Reassign…' }).click();
    await page.getByRole('form', { name: `Reassign ${task.name}` }).getByLabel('Username').fill('bob');
    await page.getByRole('form', { name: `Reassign ${task.name}` }).getByLabel('Reason').fill('Alice is at the supplier audit this week');
    await shot('04-reassign');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await page.getByRole('button', { name: 'Reassign…' }).waitFor();
    await shot('05-reassigned');

    // then: the dashboard counted it, the list showed alice holding it, the diagram marked the step, and bob holds it now
    expect(openCount).toBe('1');
    expect(heldBy).toBe('alice');
    expect(activeOnDiagram).toEqual([task.elementId]);
    const after = await app.stack.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.assignee).toBe('bob');
    await page.close();
  }, 180_000);
});
