/**
 * The tasklist's search, saved filters, live updates, comments and attachments in a real
 * browser against the whole stack: alice watches her tasks while processes are started
 * behind her back, narrows the list by business key, saves that search, and on a task
 * page leaves a comment and attaches a file that downloads byte for byte. Screenshots go
 * to test-results/screenshots/tasklist-search/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useBrowserStack } from './browser-stack';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/tasklist-search/', import.meta.url));
const PDF = '%PDF-1.4\n% evidence of containment\n%%EOF\n';
/** Shorter than the list's fallback poll (60 s): a row that shows up in time came through the event stream. */
const LIVE_TIMEOUT = 30_000;
/** How long the list may take to follow a search (the machine is shared). */
const POLL = { timeout: 15_000 };

describe('tasklist search, saved filters, live updates, comments and attachments', () => {
  const app = useBrowserStack();
  let page: Page;
  let token: string;

  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
  const rows = () => page.locator('.task-row');

  async function apiToken(username: string): Promise<string> {
    const response = await fetch(`${app.stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    return (await response.json()).token;
  }

  async function signInAlice(on: Page): Promise<void> {
    on.setDefaultTimeout(30_000);
    await signIn(on, app.stack.baseUrl, 'alice');
  }

  async function start(processKey: string, businessKey: string): Promise<string> {
    const response = await fetch(`${app.stack.baseUrl}/api/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ processKey, businessKey }),
    });
    const body = await response.json();
    if (response.status !== 201 && response.status !== 200) throw new Error(`start: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    token = await apiToken('alice');
    page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAlice(page);
  }, 240_000);

  it('shows a task the process opens without a reload', async () => {
    // given alice on her empty task list
    await page.locator('.empty').waitFor();
    // when two approvals are started for her through the API
    const first = await start('document-approval', 'SOP-QA-0101');
    const second = await start('document-approval', 'SOP-QA-0202');
    // then both first steps appear in the open page (no navigation, no click)
    await page.locator(`.task-row[data-instance-id="${first}"]`).waitFor({ timeout: LIVE_TIMEOUT });
    await page.locator(`.task-row[data-instance-id="${second}"]`).waitFor({ timeout: LIVE_TIMEOUT });
    await shot('01-live-tasks');
    expect(await rows().count()).toBe(2);
  }, 90_000);

  it('narrows the list by business key, saves the search and applies it again', async () => {
    // when alice searches for one business key
    await page.getByText('Search and saved filters').click();
    await page.getByLabel('Name or business key').fill('0202');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => rows().count(), POLL).toBe(1);
    expect(await rows().first().locator('.task-business-key').textContent()).toBe('SOP-QA-0202');
    // and saves it, clears the search, then picks the saved filter
    await page.getByLabel('Save this search as').fill('Line 0202');
    await page.getByRole('button', { name: 'Save filter' }).click();
    await shot('02-search-saved');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows().count(), POLL).toBe(2);
    await page.getByLabel('Saved filters').selectOption({ label: 'Line 0202' });
    // then one task again, and the saved filter is on the server
    await expect.poll(() => rows().count(), POLL).toBe(1);
    await expect.poll(() => page.getByLabel('Name or business key').inputValue(), POLL).toBe('0202');
    await shot('03-saved-filter-applied');
    const saved = await (await fetch(`${app.stack.baseUrl}/api/filters`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(saved.items).toEqual([expect.objectContaining({ name: 'Line 0202', query: { text: '0202' } })]);
  }, 60_000);

  it('keeps a comment and an attachment on the task, and the file downloads as uploaded', async () => {
    // given the filtered task opened
    await rows().first().locator('a.task-link').click();
    await page.getByRole('heading', { name: 'Comments' }).waitFor();
    await page.getByTestId('business-key').filter({ hasText: 'SOP-QA-0202' }).waitFor();
    // when alice comments and attaches a PDF
    await page.getByLabel('Add a comment').fill('Draft follows the new template.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByLabel('Attach a file').setInputFiles({ name: 'containment évidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await page.getByRole('link', { name: 'containment évidence.pdf' }).waitFor();
    // and reloads the page
    await page.reload();
    await page.getByRole('heading', { name: 'Comments' }).waitFor();
    await page.getByRole('link', { name: 'containment évidence.pdf' }).waitFor();
    await page.locator('.task-context-diagram .djs-shape.qf-active').first().waitFor();
    await shot('04-task-comment-attachment');
    // then both are still there, and the link gives back the same bytes as a download
    const comments = await page.locator('.task-comments li p').allTextContents();
    const href = await page.getByRole('link', { name: 'containment évidence.pdf' }).getAttribute('href');
    const downloaded = await page.evaluate(async (url) => {
      const response = await fetch(url!, { credentials: 'same-origin' });
      return { text: await response.text(), disposition: response.headers.get('content-disposition') };
    }, href);
    expect(comments).toEqual(['Draft follows the new template.']);
    expect(downloaded.text).toBe(PDF);
    expect(downloaded.disposition).toMatch(/^attachment;/);
    // and the diagram of the process context marks this step as the current one
    const marked = await page.locator('.task-context-diagram .djs-shape.qf-active').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-element-id')));
    expect(marked).toHaveLength(1);
  }, 60_000);

  /** Deploys, as the process owner, a process of two steps that are both alice's. */
  let twoSteps: Promise<void> | undefined;
  function deployTwoSteps(): Promise<void> {
    twoSteps ??= (async () => {
      const deployed = await fetch(`${app.stack.baseUrl}/api/definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await apiToken('owner')}`, 'content-type': 'application/xml' },
        body: await readFile(new URL('./fixtures/tasklist-two-steps.bpmn', import.meta.url), 'utf8'),
      });
      expect(deployed.status, await deployed.clone().text()).toBeLessThan(300);
    })();
    return twoSteps;
  }

  it('goes straight to her next step of the same instance after completing one, also on a phone', async () => {
    // given a two-step process whose both steps are alice's, deployed by the process owner, and started
    await deployTwoSteps();
    const instanceId = await start('containment-two-steps', 'NC-77');
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signInAlice(phone);
    const row = phone.locator(`.task-row[data-instance-id="${instanceId}"]`);
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    await row.locator('a.task-link').click();
    await phone.getByRole('heading', { name: 'Record containment' }).waitFor();
    const firstUrl = phone.url();
    // when she completes the first step
    await phone.getByRole('button', { name: 'Complete', exact: true }).click();
    // then the page shows her next step of that instance, saying the first is done
    await phone.getByRole('heading', { name: 'Verify containment' }).waitFor();
    const earlier = await phone.locator('.task-steps li').first().textContent();
    await phone.screenshot({ path: `${screenshotDir}05-phone-next-step.png`, fullPage: true });
    const status = await phone.locator('.alert-success').textContent({ timeout: 2000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(phone.url()).not.toBe(firstUrl);
    expect(phone.url()).toMatch(/#\/task\//);
    expect(status).toContain('Completed “Record containment”.');
    expect(earlier).toMatch(/^Record containment — alice, /);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  }, 90_000);

  it('takes alice from the tasklist through a task to completing it with the keyboard alone, the focus always visible', async () => {
    // given a two-step process of alice's started, and alice on her tasks in a fresh tab
    await deployTwoSteps();
    const instanceId = await start('containment-two-steps', 'NC-88');
    const tab = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAlice(tab);
    const taskLink = tab.locator(`.task-row[data-instance-id="${instanceId}"] a.task-link`);
    await taskLink.waitFor({ timeout: LIVE_TIMEOUT });
    await tab.reload();
    await taskLink.waitFor();

    // when she skips the header, tabs to the task and opens it with Enter, then tabs to Complete and presses Enter
    const [tasklistUrl, tasklistTitle] = [tab.url(), await tab.title()];
    const toSkip = await tabUntil(tab, '.skip-link');
    await tab.keyboard.press('Enter');
    const afterSkip = { url: tab.url(), focused: await tab.evaluate(() => document.activeElement?.id) };
    const toTask = await tabUntil(tab, `.task-row[data-instance-id="${instanceId}"] a.task-link`);
    await tab.keyboard.press('Enter');
    await tab.getByRole('heading', { name: 'Record containment' }).waitFor();
    const titles = [tasklistTitle, await tab.title()];
    const toComplete = await tabUntil(tab, 'button', 'Complete');
    await tab.keyboard.press('Enter');

    // then her next step opens, each page named in the tab's title; the skip link was the first stop and left her on the tasklist, in its content
    await tab.getByRole('heading', { name: 'Verify containment' }).waitFor();
    expect(titles).toEqual(['Tasks — Qualflow', 'Task — Qualflow']);
    expect(toSkip).toEqual(['Skip to content']);
    expect(afterSkip).toEqual({ url: tasklistUrl, focused: 'main' });
    expect(toTask).not.toContain('Processes');
    // and the task page started her in its content too, not back in the header
    expect(toComplete).not.toContain('Processes');
    // and every stop showed where the focus was
    expect([...toSkip, ...toTask, ...toComplete].filter((stop) => stop.startsWith('no focus ring: '))).toEqual([]);
    await tab.close();
  }, 90_000);
});

/**
 * Presses Tab until the focused element matches `selector` (and, when given, has the text
 * `text`), at most 60 times; returns each stop's name, prefixed `no focus ring: ` where the
 * focused element drew no outline.
 */
async function tabUntil(page: Page, selector: string, text?: string): Promise<string[]> {
  const stops: string[] = [];
  for (let press = 0; press < 60; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(
      ([selector, text]) => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const content = (element.textContent ?? '').trim();
        const name = (element.getAttribute('aria-label') ?? (content || element.tagName)).slice(0, 60);
        return { name: ring ? name : `no focus ring: ${name}`, reached: element.matches(selector) && (text === undefined || content === text) };
      },
      [selector, text] as const,
    );
    if (!stop) continue;
    stops.push(stop.name);
    if (stop.reached) return stops;
  }
  throw new Error(`Tab never reached ${selector} in 60 presses; the stops: ${stops.join(' → ')}`);
}
