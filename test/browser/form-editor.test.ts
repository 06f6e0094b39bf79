/**
 * The form editor in a real browser against the whole stack: a process owner creates a
 * form, adds a field with the form-js editor, saves it, previews it with sample data, and
 * finds it again after a reload; from the designer she opens and creates a task's form and
 * applies Qualflow's element templates, then deploys. Screenshots land in
 * test-results/screenshots/form-editor/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useBrowserStack } from './browser-stack';
import { apiText, openGroup as openDesignerGroup, selectShape, shape } from './designer-steps';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/form-editor/', import.meta.url));
const LAPTOP = { width: 1366, height: 768 };

/** Drags a palette entry below the last row of the form (form-js' drag and drop follows the mouse step by step). */
async function dragOntoForm(page: Page, entry: Locator): Promise<void> {
  const from = (await entry.boundingBox())!;
  const form = (await page.locator('.fjs-editor-container .fjs-drop-container-vertical').first().boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(form.x + form.width / 2, form.y + form.height - 10, { steps: 12 });
  await page.mouse.move(form.x + form.width / 2, form.y + form.height - 5, { steps: 3 });
  await page.mouse.up();
}

/** Opens a (collapsed) group of the form-js properties panel. */
async function openFormGroup(panel: Locator, groupId: string): Promise<void> {
  const group = panel.locator(`[data-group-id="${groupId}"]`);
  if (!(await group.locator('.bio-properties-panel-group-entries.open').isVisible())) {
    await group.locator('.bio-properties-panel-group-header').click();
  }
}

/** The properties-panel group id of an element template's group. */
const templateGroup = (groupId: string) => `ElementTemplates__CustomProperties-${groupId}`;

describe('the form editor in a browser', () => {
  const app = useBrowserStack();

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
  }, 240_000);

  it('lets a process owner create a form, add a field, save it, preview it with sample data and reopen it', async () => {
    // given the process owner on a laptop screen
    const page = await app.browser.newPage({ viewport: LAPTOP });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, app.stack.baseUrl, 'owner');

    // when she creates the form "supplier-visit" from the forms page
    await page.getByRole('link', { name: 'Forms' }).click();
    await page.getByLabel('Form id').fill('supplier-visit');
    await page.getByLabel('Title (optional)').fill('Supplier visit report');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.locator('.fjs-editor-container').waitFor();

    // and drops a text field on the form, names it and makes it required
    await dragOntoForm(page, page.locator('.fjs-palette-field[data-field-type="textfield"]'));
    const panel = page.locator('.fjs-properties-panel');
    await panel.locator('.bio-properties-panel-header-type', { hasText: 'Text field' }).waitFor();
    await openFormGroup(panel, 'group-general');
    await panel.locator('[data-entry-id="label"] [contenteditable="true"]').fill('Finding');
    await panel.getByLabel('Key', { exact: true }).fill('finding');
    await openFormGroup(panel, 'group-validation');
    await panel.getByLabel('Required').check();
    await page.locator('.fjs-editor-container .fjs-form-field-textfield label', { hasText: 'Finding' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}01-designing.png` });
    const statusWhileEditing = await page.getByTestId('form-save-status').textContent();
    await page.getByRole('button', { name: 'Save form' }).click();
    await page.getByText('Saved as version 1').waitFor();

    // and previews it with sample data she edits, then checks it
    await page.getByRole('tab', { name: 'Preview with sample data' }).click();
    const sample = page.getByLabel('Sample data (JSON)');
    const prefilled = JSON.parse(await sample.inputValue());
    await sample.fill(JSON.stringify({ finding: 'Calibration overdue on line 3' }));
    const previewField = page.locator('.form-preview-form').getByLabel(/Finding/);
    await expect.poll(() => previewField.inputValue()).toBe('Calibration overdue on line 3');
    await page.getByRole('button', { name: 'Check' }).click();
    const sent = JSON.parse((await page.getByTestId('form-submitted').textContent()) ?? '{}');
    await page.screenshot({ path: `${screenshotDir}02-preview.png` });

    // and reloads the page
    await page.reload();
    await page.locator('.fjs-editor-container .fjs-form-field-textfield').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}03-reopened.png` });
    const statusReopened = await page.getByTestId('form-save-status').textContent();
    await page.locator('.fjs-editor-container .fjs-form-field-textfield').first().click();
    await panel.locator('.bio-properties-panel-header-type', { hasText: 'Text field' }).waitFor();
    await openFormGroup(panel, 'group-general');
    await panel.locator('[data-entry-id="label"] [contenteditable="true"]').fill('Finding (what was seen)');
    await page.getByText('Unsaved changes').waitFor();

    // then the form was new until saved, then stored as version 1 with the field
    expect(statusWhileEditing).toBe('New form, not saved yet');
    const stored = await app.stack.db.form.findFirstOrThrow({ where: { formId: 'supplier-visit' } });
    const schema = JSON.parse(stored.schema);
    expect(stored.version).toBe(1);
    expect(schema.id).toBe('supplier-visit');
    expect(schema.components).toEqual([
      expect.objectContaining({ type: 'text', text: '# Supplier visit report' }),
      expect.objectContaining({ type: 'textfield', key: 'finding', label: 'Finding', validate: expect.objectContaining({ required: true }) }),
    ]);
    // and the preview offered sample data for the field and sent what the form held
    expect(prefilled).toEqual({ finding: 'Example Finding' });
    expect(sent).toEqual({ finding: 'Calibration overdue on line 3' });
    // and the reopened editor showed the saved version until it was changed again
    expect(statusReopened).toBe('Saved as version 1');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('opens a task’s form from the designer and applies Qualflow’s element templates, which then deploy', async () => {
    // given the process owner with the CAPA template in the designer
    const page = await app.browser.newPage({ viewport: LAPTOP });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.text().startsWith('Element template refused') && problems.push(message.text()));
    await signIn(page, app.stack.baseUrl, 'owner');
    await page.goto(`${app.stack.baseUrl}/#/designer?template=capa`);
    await shape(page, 'Task_Containment').waitFor();

    // when she opens the containment task's form from its Form group
    await selectShape(page, 'Task_Containment');
    await openDesignerGroup(page, 'form');
    const [editorTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: /Edit form/ }).click(),
    ]);
    await editorTab.locator('.fjs-editor-container').waitFor();
    await editorTab.getByText('Saved as version 1').waitFor();
    const editorHeading = await editorTab.locator('#form-editor-title').textContent();
    await editorTab.screenshot({ path: `${screenshotDir}04-form-from-designer.png` });
    await editorTab.close();

    // and unlinks the triage form, then creates a new one for the task from the same place
    await selectShape(page, 'Task_Triage');
    await openDesignerGroup(page, 'form');
    await page.locator('#bio-properties-panel-formType').selectOption({ label: '<none>' });
    const [newFormTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: /Create form/ }).click(),
    ]);
    await newFormTab.locator('.fjs-editor-container').waitFor();
    const newFormHeading = await newFormTab.locator('#form-editor-title').textContent();
    const newFormStatus = await newFormTab.getByTestId('form-save-status').textContent();
    const newFormTitle = await newFormTab.locator('.fjs-editor-container .fjs-form-field-text').first().textContent();
    await newFormTab.close();

    // and makes the closure announcement a "Notify" step through the template chooser
    await selectShape(page, 'Task_AnnounceClosure');
    await page.locator('.designer-properties .bio-properties-panel-select-template-button').click();
    await page.locator('.djs-popup').getByText('Notify', { exact: true }).click();
    await openDesignerGroup(page, templateGroup('recipients'));
    await page.locator('.designer-properties').getByLabel('Groups', { exact: true }).fill('quality');
    await openDesignerGroup(page, templateGroup('message'));
    await page.locator('.designer-properties').getByLabel('Subject', { exact: true }).fill('CAPA closed');
    await page.locator('.designer-properties').getByLabel('Subject', { exact: true }).press('Tab');
    await page.screenshot({ path: `${screenshotDir}05-notify-template.png` });

    // and the closure approval a "Request e-signature" step, and the closure record a "Set record status" step (status closed) from the replace menu
    await selectShape(page, 'Task_ApproveClosure');
    await page.locator('.designer-properties .bio-properties-panel-select-template-button').click();
    await page.locator('.djs-popup').getByText('Request e-signature', { exact: true }).click();
    await selectShape(page, 'Task_RecordClosure');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup').getByText('Set record status', { exact: true }).click();
    await openDesignerGroup(page, templateGroup('status'));
    await page.locator('.designer-properties').getByLabel('Status', { exact: true }).selectOption({ label: 'Closed' });
    await page.screenshot({ path: `${screenshotDir}06-status-template.png` });

    // and deploys
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText('as version 2').waitFor();
    const deployedXml = await apiText(page, '/api/definitions/capa/xml');

    // then the editor had opened the task's form
    expect(editorHeading).toBe('Form capa-containment');
    // and a new form for the triage, linked to it and headed by its name
    expect(newFormHeading).toBe('Form capa-triage-and-assess-risk');
    expect(newFormStatus).toBe('New form, not saved yet');
    expect(newFormTitle).toContain('Triage and assess risk');
    expect(deployedXml).toMatch(/<bpmn:userTask id="Task_Triage"[\s\S]*?<zeebe:formDefinition formId="capa-triage-and-assess-risk" \/>/);
    // and the deployed diagram carries the three templates as the library applied them
    expect(deployedXml).toMatch(/<bpmn:serviceTask id="Task_AnnounceClosure"[^>]*zeebe:modelerTemplate="qualflow.notify"/);
    expect(deployedXml).toContain('<zeebe:taskDefinition type="qualflow:notify"');
    expect(deployedXml).toContain('<zeebe:header key="toGroups" value="quality" />');
    expect(deployedXml).toMatch(/<bpmn:userTask id="Task_ApproveClosure"[^>]*qualflow:signatureRequired="true"/);
    expect(deployedXml).toMatch(/<bpmn:scriptTask id="Task_RecordClosure"[^>]*zeebe:modelerTemplate="qualflow.set-record-status"/);
    expect(deployedXml).toContain('<zeebe:script expression="=&#34;closed&#34;"');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
