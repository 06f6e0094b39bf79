/**
 * The process designer in a real browser against the whole stack: a process owner adapts
 * the CAPA template in the properties panel (assignee, due date, an escalation level, an
 * e-signature, the process owner), sees
 * a lint error come and go, relies on autosave across a reload, deploys, starts the new
 * version and finds its task; then opens a Camunda Modeler file from disk, sees deploy
 * refuse a broken due date on the element, undoes and redoes, deploys and exports it.
 * Screenshots land in test-results/screenshots/designer/.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility';
import { signIn, useBrowserStack } from './browser-stack';
import { apiText, markedIds, openGroup, problemCount, selectShape, setField, shape } from './designer-steps';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/designer/', import.meta.url));
const complaintFile = fileURLToPath(new URL('./designer-fixtures/complaint-intake.bpmn', import.meta.url));
const LAPTOP = { width: 1366, height: 768 };

describe('the process designer in a browser', () => {
  const app = useBrowserStack();
  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}${name}.png` });

  it('lets a process owner adapt the CAPA template, deploy it and find the new version’s first task', async () => {
    // given the process owner on a laptop screen, with the CAPA template in the designer
    const page = await app.browser.newPage({ viewport: LAPTOP });
    await signIn(page, app.stack.baseUrl, 'owner');
    await page.goto(`${app.stack.baseUrl}/#/designer?template=capa`);
    await shape(page, 'Task_Triage').waitFor();
    await expect.poll(() => problemCount(page).textContent()).toMatch(/^0 errors/);
    const watermarkVisible = await page.locator('.bjs-powered-by').isVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await shot(page, '01-capa-template');
    // The whole page, bpmn-js' canvas and palette and the properties panel included: their markup
    // passes too, so nothing is excluded (an exclusion would name the rule and the container).
    await expectAccessible(page, 'Designer with the CAPA template');

    // when she assigns the triage to alice and types a due date the compiler refuses
    await selectShape(page, 'Task_Triage');
    await openGroup(page, 'assignmentDefinition');
    await setField(page, 'assignmentDefinitionAssignee', 'alice');
    await setField(page, 'taskScheduleDueDate', 'tomorrow');

    // then the lint marks the task and lists the compiler's words
    await expect.poll(() => markedIds(page, 'error')).toEqual(['Task_Triage']);
    const problem = page.locator('.designer-problem-error', { hasText: 'has the due date "tomorrow"' });
    await problem.waitFor();
    await shot(page, '02-lint-error');
    await expectAccessible(page, 'Designer with a task selected and a lint error');

    // and clicking the problem selects the task again after she selected something else
    await selectShape(page, 'Task_InitiateCapa');
    await problem.getByRole('button').click();
    await page.locator('.djs-element.selected').and(shape(page, 'Task_Triage')).waitFor();

    // when she corrects the due date and adds an escalation level in Qualflow's own group
    await setField(page, 'taskScheduleDueDate', 'P10D');
    await expect.poll(() => markedIds(page, 'error')).toEqual([]);
    await openGroup(page, 'qualflow-levels');
    await page.locator('[data-group-id="group-qualflow-levels"] .bio-properties-panel-add-entry').click();
    await page.locator('#bio-properties-panel-qualflow-levels-Task_Triage-0-notify').waitFor();
    await expect.poll(() => problemCount(page).textContent()).toMatch(/^0 errors/);
    await shot(page, '03-escalation-level');

    // and requires an e-signature on the triage, and names the process owner on the process
    await openGroup(page, 'qualflow-signature');
    await page.locator('#bio-properties-panel-qualflow-signatureRequired').check();
    await page.locator('[data-testid="designer-canvas"] svg').first().click({ position: { x: 600, y: 80 } });
    await openGroup(page, 'qualflow-process-owner');
    await setField(page, 'qualflow-owner', 'owner');

    // then autosave keeps the work as a draft that a reload opens again
    await page.getByTestId('save-status').filter({ hasText: 'Draft saved' }).waitFor();
    expect(page.url()).toMatch(/#\/designer\?draft=/);
    await page.reload();
    await shape(page, 'Task_Triage').waitFor();
    await selectShape(page, 'Task_Triage');
    await openGroup(page, 'assignmentDefinition');
    expect(await page.locator('#bio-properties-panel-assignmentDefinitionAssignee').inputValue()).toBe('alice');
    expect(await page.locator('#bio-properties-panel-taskScheduleDueDate').inputValue()).toBe('P10D');

    // when she deploys
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText('as version 2').waitFor();
    await shot(page, '04-deployed');
    const deployedXml = await apiText(page, '/api/definitions/capa/xml');

    // and starts the new version and opens her tasks
    await page.getByRole('link', { name: 'Start it from Processes' }).click();
    await page.getByRole('button', { name: 'Start CAPA' }).click();
    await page.getByLabel('Business key').fill('CAPA-DESIGNER-1');
    await page.getByRole('button', { name: 'Start process' }).click();
    await page.waitForURL(/#\/instances\/[^/]+$/);
    const instanceId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    const row = page.locator(`.task-row[data-instance-id="${instanceId}"]`);
    const rowAppears = async () => {
      // the worker opens the task within moments; reload until it is listed
      await row.first().waitFor({ timeout: 2000 }).catch(() => page.reload());
      return row.count();
    };
    await expect.poll(rowAppears, { timeout: 30_000 }).toBeGreaterThan(0);
    await shot(page, '05-tasklist');

    // then the deployed version carries her changes, and its first task waits for her
    expect(watermarkVisible).toBe(true);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(deployedXml).toContain('assignee="alice"');
    expect(deployedXml).toContain('dueDate="P10D"');
    expect(deployedXml).toMatch(/<qualflow:escalation after="P1D" notify="manager"/);
    expect(deployedXml).toMatch(/<bpmn:userTask id="Task_Triage"[^>]* qualflow:signatureRequired="true"/);
    expect(deployedXml).toMatch(/<bpmn:process id="capa"[^>]* qualflow:owner="owner"/);
    expect(await row.textContent()).toContain('Describe the issue');
    await page.close();
  }, 180_000);

  it('opens a Camunda Modeler file from disk, shows what deploy refuses on the element, deploys and exports it', async () => {
    // given the process owner in a blank designer
    const page = await app.browser.newPage({ viewport: LAPTOP });
    await signIn(page, app.stack.baseUrl, 'owner');
    await page.goto(`${app.stack.baseUrl}/#/designer`);
    await page.locator('[data-testid="designer-canvas"] .djs-element').first().waitFor();

    // when she opens a file made in Camunda Modeler (zeebe extensions, modeler metadata)
    await page.getByLabel('Open a BPMN file').setInputFiles(complaintFile);
    await shape(page, 'Task_ReviewComplaint').waitFor();
    await page.getByRole('heading', { name: 'Designer File “complaint-intake.bpmn”' }).waitFor();
    await expect.poll(() => problemCount(page).textContent()).toMatch(/^0 errors/);
    await shot(page, '06-camunda-modeler-file');

    // and breaks the due date, lets the lint catch up, and deploys anyway
    await selectShape(page, 'Task_ReviewComplaint');
    await openGroup(page, 'assignmentDefinition');
    await setField(page, 'taskScheduleDueDate', 'next week');
    await expect.poll(() => markedIds(page, 'error')).toEqual(['Task_ReviewComplaint']);
    await page.getByRole('button', { name: 'Deploy' }).click();

    // then deploy refuses, naming the element, and the element stays marked
    await page.getByText('Not deployed: the compiler found 1 problem').waitFor();
    const deployProblem = await page.locator('.designer-problem-error').first().textContent();
    expect(deployProblem).toContain('Task_ReviewComplaint');
    await shot(page, '07-deploy-refused');

    // when she undoes the change (the toolbar), redoes it (the keyboard), and undoes it again
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => markedIds(page, 'error')).toEqual([]);
    await shape(page, 'Task_ReviewComplaint').click();
    await page.keyboard.press('Control+y');
    await expect.poll(() => markedIds(page, 'error')).toEqual(['Task_ReviewComplaint']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => markedIds(page, 'error')).toEqual([]);

    // and deploys
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText('as version 1').waitFor();
    await shot(page, '08-imported-deployed');

    // and walks it with the token simulation, which locks the palette while on
    await page.locator('.bts-toggle-mode').click();
    await page.locator('.djs-palette.hidden').waitFor({ state: 'attached' });
    await shot(page, '09-token-simulation');
    await page.locator('.bts-toggle-mode').click();
    await page.locator('.djs-palette:not(.hidden)').waitFor();

    // and exports it as BPMN and as a picture
    const exported: string[] = [];
    for (const format of ['bpmn', 'png']) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Export .${format}` }).click();
      exported.push((await download).suggestedFilename());
    }

    // then the process is deployed with Camunda's extensions intact, and the files are named after it
    expect(exported).toEqual(['complaint-intake.bpmn', 'complaint-intake.png']);
    const xml = await apiText(page, '/api/definitions/complaint-intake/xml');
    expect(xml).toContain('<zeebe:header key="category" value="customer"');
    expect(xml).toContain('dueDate="P3D"');
    await page.close();
  }, 120_000);

  it('opens a .bpmn file dropped on the canvas, offers only executable replacements and finds elements', async () => {
    // given the process owner in a blank designer, and a file being dragged from the desktop
    const page = await app.browser.newPage({ viewport: LAPTOP });
    await signIn(page, app.stack.baseUrl, 'owner');
    await page.goto(`${app.stack.baseUrl}/#/designer`);
    const canvas = page.getByTestId('designer-canvas');
    await canvas.locator('.djs-element').first().waitFor();
    const xml = await readFile(complaintFile, 'utf8');
    const files = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'complaint-intake.bpmn', { type: 'application/xml' }));
      return transfer;
    }, xml);

    // when she drops it on the canvas
    await canvas.dispatchEvent('dragover', { dataTransfer: files });
    await canvas.dispatchEvent('drop', { dataTransfer: files });

    // then the diagram is the file's
    await shape(page, 'Task_ReviewComplaint').waitFor();
    expect(await shape(page, 'StartEvent_1').count()).toBe(0);

    // and its gateway's replace menu offers the gateways Qualflow runs, not the complex one
    await selectShape(page, 'Gateway_Valid');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    const offered = await page.locator('.djs-popup [data-id^="replace-with-"]').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-id')));
    await shot(page, '10-replace-menu');
    expect(offered).toContain('replace-with-parallel-gateway');
    expect(offered).not.toContain('replace-with-complex-gateway');

    // and Find looks an element up by name and selects it
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('.djs-search-input input').pressSequentially('Mark as');
    await page.locator('.djs-search-result', { hasText: 'Mark as accepted' }).click();
    await page.locator('.djs-element.selected').and(shape(page, 'Task_SetStatus')).waitFor();
    await page.close();
  }, 60_000);
});

