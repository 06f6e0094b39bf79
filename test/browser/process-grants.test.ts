/**
 * Giving a process to a manager, in a real browser against the whole stack (demo seed): the
 * demo owner opens "Access" on the document approval, gives it to the manager — who then
 * sees the owner's instance in the monitor's instance list, and not before — and takes it
 * back. Screenshots land in test-results/screenshots/process-grants/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility';
import { signIn, useBrowserStack } from './browser-stack';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/process-grants/', import.meta.url));
const BUSINESS_KEY = 'SOP-GRANT-0006';

describe('giving a process to a manager in a browser', () => {
  const app = useBrowserStack();

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    // The owner starts a document approval: its first step is the owner's own, so no one
    // the manager manages takes part in it.
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${app.stack.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
      return response.json();
    };
    const { token } = await call('/api/auth/login', { username: 'owner', password: 'demo' });
    await call('/api/instances', { processKey: 'document-approval', businessKey: BUSINESS_KEY }, token);
  }, 240_000);

  /** A signed-in page of its own (own cookies), at `width` × 900. */
  async function pageOf(username: string): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.stack.baseUrl, username);
    return page;
  }

  /** Reloads the manager's instance list filtered to the owner's instance; true when it is listed. */
  async function managerSeesTheInstance(page: Page): Promise<boolean> {
    await page.goto(`${app.stack.baseUrl}/#/instances?businessKey=${BUSINESS_KEY}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    const listed = page.getByRole('row', { name: new RegExp(BUSINESS_KEY) });
    const none = page.getByText('No instances match.');
    await listed.or(none).waitFor();
    return listed.isVisible();
  }

  it('lets the owner give the document approval to the manager and take it back', async () => {
    // given the manager, who does not see the owner's instance, and is not offered Access
    const manager = await pageOf('manager');
    const seenBefore = await managerSeesTheInstance(manager);
    await manager.getByRole('link', { name: 'Processes' }).click();
    await manager.getByRole('button', { name: 'Start Document approval' }).waitFor();
    const accessLinksForManager = await manager.getByRole('link', { name: /^Access to / }).count();

    // when the owner opens Access on the document approval from the processes page
    const owner = await pageOf('owner');
    await owner.getByRole('link', { name: 'Processes' }).click();
    await owner.getByRole('link', { name: 'Access to Document approval' }).click();
    await owner.getByRole('heading', { name: 'Access · Document approval' }).waitFor();
    await owner.getByText('Not given to anyone').waitFor();
    await expect.poll(() => owner.getByTestId('process-owner').textContent()).toBe('owner');
    await expectAccessible(owner, 'Access page with no one given the process', { include: ['.access-page'] });
    await owner.screenshot({ path: `${screenshotDir}01-access-nobody.png`, fullPage: true });

    // and first mistypes the username, then gives the process to the manager with the keyboard
    const username = owner.getByRole('textbox', { name: 'Username' });
    await username.fill('nobody');
    await owner.getByRole('button', { name: 'Give access' }).click();
    const refusal = await owner.getByRole('alert').textContent();
    await username.fill('manager');
    await username.press('Enter');
    const table = owner.getByRole('table', { name: 'Given to' });
    await table.getByRole('row', { name: /manager/ }).waitFor();
    const announced = await owner.getByRole('status').filter({ hasText: 'given to' }).textContent();
    await expectAccessible(owner, 'Access page with the process given to the manager', { include: ['.access-page'] });
    await owner.screenshot({ path: `${screenshotDir}02-given-to-manager.png`, fullPage: true });

    // then the manager sees the instance
    const seenWhileGiven = await managerSeesTheInstance(manager);
    await manager.screenshot({ path: `${screenshotDir}03-manager-sees-instance.png`, fullPage: true });

    // when the owner takes it back, confirming in the dialog
    await table.getByRole('button', { name: 'Take back from manager' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Take Document approval back from manager?' });
    await dialog.waitFor();
    await owner.screenshot({ path: `${screenshotDir}04-confirm-take-back.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Take back' }).click();
    await owner.getByText('Not given to anyone').waitFor();

    // then the manager no longer sees it, nor may they open Access themselves
    const seenAfter = await managerSeesTheInstance(manager);
    await manager.goto(`${app.stack.baseUrl}/#/processes/document-approval/access`);
    const managerRefused = await manager.getByRole('alert').textContent();
    await manager.screenshot({ path: `${screenshotDir}05-manager-refused.png`, fullPage: true });

    expect(seenBefore).toBe(false);
    expect(accessLinksForManager).toBe(0);
    expect(refusal).toBe('No user "nobody"');
    expect(announced).toBe('Document approval is now given to manager: they see all its instances and tasks.');
    expect(seenWhileGiven).toBe(true);
    expect(seenAfter).toBe(false);
    expect(managerRefused).toBe('Not allowed: Only an admin or the process owner manages who is given the process');
    expect(await app.stack.db.processGrant.count()).toBe(0);
    const audit = await app.stack.db.auditEntry.findMany({ where: { action: { startsWith: 'process.grant' } }, orderBy: { at: 'asc' } });
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ['owner', 'process.granted'],
      ['owner', 'process.grant-revoked'],
    ]);
    await owner.context().close();
    await manager.context().close();
  }, 120_000);

  it('lets an admin pick the person from the users, leaving out the owner', async () => {
    // given the admin, who may list users, on the CAPA's Access page
    const admin = await pageOf('admin');
    await admin.goto(`${app.stack.baseUrl}/#/processes/capa/access`);
    const person = admin.getByRole('combobox', { name: 'Person' });
    await person.getByRole('option', { name: 'Maria Manager (manager)' }).waitFor({ state: 'attached' });
    const offered = await person.getByRole('option').allTextContents();

    // when the admin picks the manager and gives the process
    await person.selectOption('manager');
    await admin.getByRole('button', { name: 'Give access' }).click();
    const row = admin.getByRole('table', { name: 'Given to' }).getByRole('row', { name: /Maria Manager \(manager\)/ });
    await row.waitFor();
    await admin.screenshot({ path: `${screenshotDir}06-admin-picks-person.png`, fullPage: true });
    const offeredAfter = await person.getByRole('option').allTextContents();

    // then the owner was never offered, and the manager is no longer once given the process
    expect(offered).toContain('Alice Anders (alice)');
    expect(offered).not.toContain('Oscar Owner (owner)');
    expect(offeredAfter).not.toContain('Maria Manager (manager)');
    expect(await row.getByRole('cell').first().textContent()).toBe('admin');
    expect(await app.stack.db.processGrant.findMany({ select: { processKey: true, username: true, grantedBy: true } })).toEqual([
      { processKey: 'capa', username: 'manager', grantedBy: 'admin' },
    ]);
    await admin.context().close();
  }, 60_000);
});
