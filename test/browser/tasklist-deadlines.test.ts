/**
 * The deadline marks and filters of the tasklist in a real browser against the whole
 * stack (demo seed): overdue tasks are flagged, escalation levels and follow-up dates
 * show, and the Overdue / Follow-up / Escalated filters narrow the list on the server.
 * Screenshots land in test-results/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTask } from '../api/support/rows';
import { expectAccessible } from './accessibility';
import { signIn, useBrowserStack } from './browser-stack';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const HOUR = 60 * 60 * 1000;

describe('tasklist deadlines in a browser', () => {
  const app = useBrowserStack();

  beforeAll(async () => {
    const db = app.stack.db;
    const task = async (name: string, dueInHours: number | null, extra: { escalationLevel?: number; followUpInHours?: number } = {}) => {
      const id = await insertTask(db, { name, assignee: 'alice', dueAt: dueInHours === null ? undefined : new Date(Date.now() + dueInHours * HOUR) });
      await db.task.update({
        where: { id },
        data: {
          escalationLevel: extra.escalationLevel ?? 0,
          followUpAt: extra.followUpInHours === undefined ? null : new Date(Date.now() + extra.followUpInHours * HOUR),
        },
      });
    };
    // given: alice holds an escalated overdue task, one to follow up on, and one due next week
    await task('Root cause analysis (late)', -50, { escalationLevel: 2 });
    await task('Supplier answer (follow up)', 30, { followUpInHours: -1 });
    await task('Effectiveness check', 24 * 7, { followUpInHours: 24 * 5 });
  }, 240_000);

  const rowNames = async (page: Page) => {
    await page.locator('.task-row, .empty').first().waitFor();
    return (await page.locator('.task-row .task-link').allTextContents()).filter((name) => !name.startsWith('Prepare'));
  };

  it('marks overdue and escalated tasks and filters by overdue, follow-up and escalation', async () => {
    // given alice signed in on her tasks
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(page, app.stack.baseUrl, 'alice');
    const all = await rowNames(page);
    const late = page.locator('.task-row', { hasText: 'Root cause analysis (late)' });
    const lateText = await late.textContent();
    await page.screenshot({ path: `${screenshotDir}20-tasklist-deadlines.png`, fullPage: true });
    await expectAccessible(page, 'Tasklist with overdue, escalated and follow-up marks');

    // when she narrows the list with each filter
    const show = async (label: string) => {
      await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: label, exact: true }).click();
      await page.waitForFunction((name) => document.querySelector(`button.task-filter[aria-pressed="true"]`)?.textContent === name, label);
      await page.waitForLoadState('networkidle');
      return rowNames(page);
    };
    const overdue = await show('Overdue');
    await page.screenshot({ path: `${screenshotDir}21-tasklist-overdue.png`, fullPage: true });
    const followUp = await show('Follow-up');
    const escalated = await show('Escalated');
    const back = await show('All');

    // then the late task carried its marks and each filter showed exactly its tasks
    expect(all).toEqual(['Root cause analysis (late)', 'Supplier answer (follow up)', 'Effectiveness check']);
    expect(lateText).toContain('Overdue');
    expect(lateText).toContain('Escalated · level 2');
    expect(overdue).toEqual(['Root cause analysis (late)']);
    expect(followUp).toEqual(['Supplier answer (follow up)']);
    expect(escalated).toEqual(['Root cause analysis (late)']);
    expect(back).toEqual(all);
    await page.close();
  }, 120_000);
});
