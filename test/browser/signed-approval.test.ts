/**
 * A signed approval in a real browser against the whole stack: alice completes a step that
 * requires an electronic signature through its form — meaning, username and password at
 * the first signing of her session, the password alone at the next — and the signatures
 * show on the completed task and on the instance. Screenshots land in
 * test-results/screenshots/signed-approval/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedApprovalBpmn, signedApprovalForm } from '../api/support/signed-approval';
import { eventually } from '../interpreter/harness';
import { expectAccessible } from './accessibility';
import { signIn, useBrowserStack } from './browser-stack';
import { fillTaskForm } from './fill-form';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/signed-approval/', import.meta.url));

describe('a signed approval in a browser', () => {
  const app = useBrowserStack();

  /** Calls the API as `username` (demo password). */
  async function api(username: string, method: string, path: string, body?: string | object) {
    const login = await fetch(`${app.stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const xml = typeof body === 'string';
    const response = await fetch(`${app.stack.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': xml ? 'application/xml' : 'application/json' },
      body: body === undefined ? undefined : xml ? body : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    await api('owner', 'POST', '/api/forms', signedApprovalForm);
    await api('owner', 'POST', '/api/definitions', signedApprovalBpmn);
  }, 240_000);

  async function openTaskId(instanceId: string, elementId: string): Promise<string> {
    const task = await eventually(() => app.stack.db.task.findFirst({ where: { instanceId, elementId, state: 'open' } }), 20_000, `task ${elementId} to open`);
    return task.id;
  }

  it('lets alice sign her approval through the form, then the release with her password alone, and shows both signatures', async () => {
    // given an approval waiting for alice's group, and alice signed in
    const { id: instanceId } = (await api('alice', 'POST', '/api/instances', { processKey: 'signed-approval' })) as { id: string };
    const approveId = await openTaskId(instanceId, 'Task_Approve');
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    const shot = (name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
    await signIn(page, app.stack.baseUrl, 'alice');

    // when she fills the form and completes: the signature dialog asks for meaning, username and password
    await page.goto(`${app.stack.baseUrl}/#/task/${approveId}`);
    await fillTaskForm(page, { text: 'The revision is correct' });
    await page.getByRole('button', { name: 'Complete task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign “Approve the document”' });
    await dialog.waitFor();
    await expectAccessible(page, 'Signature dialog');
    const meanings = await dialog.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await dialog.getByRole('radio', { name: 'approved' }).check();
    await dialog.getByLabel('Username').fill('alice');
    await dialog.getByLabel('Password').fill('wrong password');
    await dialog.getByRole('button', { name: 'Sign and complete' }).click();
    const refusal = await dialog.getByRole('alert').textContent();
    await expectAccessible(page, 'Signature dialog with a refusal');
    await shot('01-first-signing-refused');
    await dialog.getByLabel('Password').fill('demo');
    await shot('02-first-signing');
    await dialog.getByRole('button', { name: 'Sign and complete' }).click();

    // then the release opens, and signing it asks for her password alone
    await dialog.waitFor({ state: 'hidden' });
    const releaseId = await openTaskId(instanceId, 'Task_Release');
    await page.goto(`${app.stack.baseUrl}/#/task/${releaseId}`);
    await page.getByRole('heading', { name: 'Release the document' }).waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    const second = page.getByRole('dialog', { name: 'Sign “Release the document”' });
    await second.waitFor();
    const asksUsername = await second.getByLabel('Username').count();
    await second.getByRole('radio', { name: 'reviewed' }).check();
    await second.getByLabel('Password').fill('demo');
    await shot('03-second-signing');
    await second.getByRole('button', { name: 'Sign and complete' }).click();
    await second.waitFor({ state: 'hidden' });

    // and the completed approval and the instance show who signed, when, and what it means
    await page.goto(`${app.stack.baseUrl}/#/task/${approveId}`);
    const onTask = await page.getByRole('list', { name: 'Electronic signatures' }).textContent();
    await page.getByRole('table').filter({ hasText: 'Signed' }).waitFor();
    const trail = await page.locator('.audit-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    await shot('04-signed-task');
    await page.goto(`${app.stack.baseUrl}/#/instances/${instanceId}`);
    const onInstance = page.getByRole('list', { name: 'Electronic signatures' });
    await onInstance.waitFor();
    const lines = await onInstance.getByRole('listitem').allTextContents();
    await shot('05-instance-signatures');

    expect(meanings).toEqual(['approved', 'rejected']);
    expect(refusal).toContain('wrong username or password');
    expect(asksUsername).toBe(0);
    expect(onTask).toMatch(/^Signed by Alice Anders on .+ — approved$/);
    expect(trail).toEqual(expect.arrayContaining(['task.created', 'signature.failed', 'task.signed', 'task.completed']));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Approve the document: Signed by Alice Anders on .+ — approved$/);
    expect(lines[1]).toMatch(/^Release the document: Signed by Alice Anders on .+ — reviewed$/);
    await page.close();
  }, 180_000);
});
