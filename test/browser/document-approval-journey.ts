/**
 * One person's path through the web app, step by step as they would click it: sign in,
 * see the tasklist, start a document approval, open its first task, fill and submit the
 * form, and look at the instance on its diagram. Each step waits for what the user would
 * wait for (and throws when it never shows), takes a screenshot, and the journey returns
 * what was seen so the test can assert on it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { signIn } from './browser-stack';
import { fillTaskForm } from './fill-form';

export interface JourneyOptions {
  baseUrl: string;
  username: string;
  password: string;
  screenshotDir: string;
  /** Username typed where the draft form asks for a reviewer. */
  reviewer: string;
}

export interface JourneyResult {
  instanceId: string;
  businessKey: string;
  tabs: string[];
  firstTaskName: string;
  flash: string;
  /** Element ids marked on the diagram right after the start, and after the first task. */
  activeAtStart: string[];
  activeAfterTask: string[];
  completedAfterTask: string[];
  nowAt: string;
  watermarkVisible: boolean;
}

const STEP_TIMEOUT = 30_000;

/** Runs the journey on `page`; screenshots go to `screenshotDir` as numbered PNGs. */
export async function documentApprovalJourney(page: Page, options: JourneyOptions): Promise<JourneyResult> {
  page.setDefaultTimeout(STEP_TIMEOUT);
  await mkdir(options.screenshotDir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: join(options.screenshotDir, `${name}.png`), fullPage: true });
  const businessKey = `SOP-QA-${Date.now().toString().slice(-6)}`;

  // Sign in and land on the tasklist.
  await signIn(page, options.baseUrl, options.username, options.password);
  const tabs = await page.getByRole('navigation', { name: 'Task views' }).getByRole('link').allTextContents();
  await shot('01-tasklist');
  for (const tab of tabs) {
    await page.getByRole('navigation', { name: 'Task views' }).getByRole('link', { name: tab }).click();
    await page.locator('.tabs a[aria-current="page"]', { hasText: tab }).waitFor();
    await page.locator('.task-row, .empty').first().waitFor();
    await expectAccessible(page, `Tasklist “${tab}”`);
  }

  // Start a document approval from the process list.
  await page.getByRole('link', { name: 'Processes' }).click();
  await page.getByRole('button', { name: 'Start Document approval' }).click();
  await page.getByLabel('Business key').fill(businessKey);
  await shot('02-start-dialog');
  await expectAccessible(page, 'Start dialog');
  await page.getByRole('button', { name: 'Start process' }).click();
  await page.waitForURL(/#\/instances\/[^/]+$/);
  const instanceId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
  await page.locator('.djs-element.qf-active').first().waitFor();
  const activeAtStart = await markedIds(page, 'qf-active');
  await shot('03-instance-started');

  // Find its first task in "My tasks" (the worker opens it within moments) and open it.
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  const row = page.locator(`.task-row[data-instance-id="${instanceId}"]`);
  await waitWithRefresh(page, row);
  const firstTaskName = ((await row.locator('a.task-link').textContent()) ?? '').trim();
  await shot('04-my-tasks');
  await row.locator('a.task-link').click();

  // Fill the form and submit it.
  await fillTaskForm(page, {
    answers: [
      [/document number/i, businessKey],
      [/^title/i, 'Cleaning of filling line 3'],
      [/^revision/i, 'B'],
      [/reviewer|user ?name/i, options.reviewer],
    ],
    text: 'Written by the browser test',
  });
  await shot('05-task-form-filled');
  await expectAccessible(page, 'Task page with its form');
  await page.getByRole('button', { name: 'Complete task' }).click();
  const flashLocator = page.locator('.alert-success');
  await flashLocator.waitFor();
  const flash = ((await flashLocator.textContent()) ?? '').trim();
  await shot('06-task-completed');

  // The instance has moved on: its diagram marks the next step.
  await page.goto(`${options.baseUrl}/#/instances/${encodeURIComponent(instanceId)}`);
  const firstElement = activeAtStart[0];
  await page.waitForFunction(
    (done) => !!document.querySelector(`.djs-element.qf-completed[data-element-id="${done}"]`),
    firstElement,
    { timeout: STEP_TIMEOUT },
  );
  await page.locator('.djs-element.qf-active').first().waitFor();
  await page.waitForTimeout(300); // let the fit-to-viewport zoom settle before the picture
  const nowAt = ((await page.getByTestId('now-at').textContent()) ?? '').trim();
  const result: JourneyResult = {
    instanceId,
    businessKey,
    tabs,
    firstTaskName,
    flash,
    activeAtStart,
    activeAfterTask: await markedIds(page, 'qf-active'),
    completedAfterTask: await markedIds(page, 'qf-completed'),
    nowAt,
    watermarkVisible: await page.locator('.bjs-powered-by').isVisible(),
  };
  await shot('07-instance-next-state');
  return result;
}

async function markedIds(page: Page, marker: string): Promise<string[]> {
  return page.locator(`.djs-shape.${marker}`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-element-id') ?? ''));
}

/** Waits for `locator`, pressing the tasklist's Refresh button every few seconds meanwhile. */
async function waitWithRefresh(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (Date.now() < deadline) {
    if (await locator.first().isVisible()) return;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await locator.first().waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  await locator.first().waitFor({ timeout: 1 });
}
