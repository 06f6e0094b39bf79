/**
 * The web app in a real browser against the whole stack (API, worker, Temporal, demo
 * seed): a staff member starts a document approval, completes its first task through
 * the form-js form, and sees the process move on in the diagram. Screenshots of every
 * step land in test-results/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility';
import { useBrowserStack } from './browser-stack';
import { documentApprovalJourney } from './document-approval-journey';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

describe('the tasklist in a browser', () => {
  const app = useBrowserStack();

  it('lets alice start a document approval, submit its first task through the form and see the next step on the diagram', async () => {
    // given alice in a desktop browser
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 } });

    // when she signs in, starts the process, completes her task and opens the instance
    const seen = await documentApprovalJourney(page, {
      baseUrl: app.stack.baseUrl,
      username: 'alice',
      password: 'demo',
      reviewer: 'bob',
      screenshotDir,
    });

    // then the tasklist had its four views and her first task was the draft
    expect(seen.tabs).toEqual(['My tasks', 'My groups', 'All I may see', 'Completed']);
    expect(seen.firstTaskName).toBe('Prepare draft revision');
    expect(seen.flash).toBe('Completed “Prepare draft revision”.');
    // and the diagram marked the draft active at first, then completed, with the format check active next
    expect(seen.activeAtStart).toHaveLength(1);
    expect(seen.completedAfterTask).toContain(seen.activeAtStart[0]);
    expect(seen.activeAfterTask).toHaveLength(1);
    expect(seen.activeAfterTask).not.toContain(seen.activeAtStart[0]);
    expect(seen.nowAt).toBe('Waiting at: Check format and metadata');
    expect(seen.watermarkVisible).toBe(true);
    await page.close();
  }, 120_000);

  it('tells a user who mistypes the password, and fits the group tasks on a phone', async () => {
    // given a phone-sized browser (the format check of the first test waits for alice's group)
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.stack.baseUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'Login page');

    // when alice first mistypes her password, then signs in and opens her groups' tasks
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refusal = await page.getByRole('alert').textContent();
    await expectAccessible(page, 'Login page with a refusal');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'My groups' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await page.locator('.task-row, .empty').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}08-phone-my-groups.png`, fullPage: true });
    await expectAccessible(page, 'Tasklist “My groups” on a phone');

    // then the refusal was plain, and nothing on the tasklist is wider than the phone
    expect(refusal).toBe('Wrong username or password.');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);
});
