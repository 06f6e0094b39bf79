/**
 * The monitor in a real browser against the whole stack: a manager finds an overdue task
 * from the dashboard, opens its instance (diagram marked), and reassigns the task to
 * another of their reports. Screenshots land in test-results/screenshots/monitor/.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
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
    await expectAccessible(page, 'Monitor dashboard');
    const openCount = await page.getByRole('link', { name: /open document-approval instances/ }).textContent();

    // and follows the overdue count to the list behind it
    await overdueCount.click();
    await page.getByRole('heading', { name: 'Overdue tasks' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(task.name) });
    await row.waitFor();
    await shot('02-overdue-list');
    await expectAccessible(page, 'Overdue tasks list');
    const heldBy = await row.getByRole('cell').nth(2).textContent();

    // and opens the task's instance
    await row.getByRole('link', { name: 'Document approval' }).click();
    await page.waitForURL(new RegExp(`#/instances/${instanceId}$`));
    await page.locator('.djs-element.qf-active').first().waitFor();
    await shot('03-instance');
    await expectAccessible(page, 'Instance page');
    const activeOnDiagram = await page.locator('.djs-element.qf-active').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-element-id')));

    // and reassigns the task from there to bob, with a reason
    await page.getByRole('link', { name: task.name }).first().click();
    await page.getByRole('button', { name: 'Reassign…' }).click();
    await page.getByRole('form', { name: `Reassign ${task.name}` }).getByLabel('Username').fill('bob');
    await page.getByRole('form', { name: `Reassign ${task.name}` }).getByLabel('Reason').fill('Alice is at the supplier audit this week');
    await shot('04-reassign');
    await expectAccessible(page, 'Task page with the reassign form');
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

  /**
   * How far the page scrolls sideways (0 when it fits), the elements of `selector` that lie
   * off the screen or are hidden, and the cards that scroll sideways inside themselves.
   */
  async function layoutOnPhone(page: Page, selector: string) {
    return page.evaluate((selector) => {
      const offScreen = [...document.querySelectorAll(selector)]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width === 0 || box.height === 0 || box.left < 0 || box.right > window.innerWidth;
        })
        .map((element) => element.getAttribute('aria-label') ?? element.textContent);
      const scrollingCards = [...document.querySelectorAll('.card')].filter((card) => card.scrollWidth > card.clientWidth + 1).map((card) => card.id || card.className);
      return { sideways: Math.max(0, document.scrollingElement!.scrollWidth - window.innerWidth), offScreen, scrollingCards };
    }, selector);
  }

  it('fits the dashboard and the instance list on a phone, their numbers in view', async () => {
    // given the overdue approval of the first test, and the manager on a phone
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page.setDefaultTimeout(30_000);
    await signIn(page, app.stack.baseUrl, 'manager');

    // when the manager opens the monitor
    await page.goto(`${app.stack.baseUrl}/#/monitor`);
    await page.getByRole('link', { name: /overdue document-approval tasks/ }).waitFor();
    await page.screenshot({ path: `${screenshotDir}06-phone-dashboard.png`, fullPage: true });
    const dashboard = await layoutOnPhone(page, '.main-nav a, .count-link');
    const dashboardNumbers = await page.locator('.count-link').count();
    await expectAccessible(page, 'Monitor dashboard on a phone');

    // and follows the open count to the instance list
    await page.getByRole('link', { name: /open document-approval instances/ }).click();
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    const rows = page.locator('.table tbody tr');
    await rows.first().waitFor();
    await page.screenshot({ path: `${screenshotDir}07-phone-instances.png`, fullPage: true });
    const list = await layoutOnPhone(page, '.main-nav a, .table tbody a');
    await expectAccessible(page, 'Instance list on a phone');
    // and on a laptop screen, where it is a table again
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectAccessible(page, 'Instance list');

    // then neither page scrolls sideways, and every page link, number and instance link is on the screen
    expect(dashboardNumbers).toBeGreaterThan(0);
    expect(dashboard).toEqual({ sideways: 0, offScreen: [], scrollingCards: [] });
    expect(list).toEqual({ sideways: 0, offScreen: [], scrollingCards: [] });
    await page.close();
  }, 90_000);
});
