/**
 * Steps of the designer's browser tests: select a shape, open a properties-panel
 * group, type into a panel field, read the problems panel, call the API with the page's session.
 */
import type { Page } from 'playwright-core';

/** The shape of a diagram element in the designer's canvas. */
export const shape = (page: Page, id: string) => page.locator(`[data-testid="designer-canvas"] .djs-element.djs-shape[data-element-id="${id}"]`);

/** Selects a shape by clicking it. */
export async function selectShape(page: Page, id: string): Promise<void> {
  await shape(page, id).click();
  await page.locator('.djs-element.selected').and(shape(page, id)).waitFor();
}

/** Opens a properties-panel group (`data-group-id` without the `group-` prefix) unless it is open. */
export async function openGroup(page: Page, groupId: string): Promise<void> {
  const group = page.locator(`.designer-properties [data-group-id="group-${groupId}"]`);
  if ((await group.locator('.bio-properties-panel-group-entries.open').count()) === 0) {
    await group.locator('.bio-properties-panel-group-header').click();
  }
}

/** Types into a panel field (`bio-properties-panel-<entryId>`) and leaves it, so the debounced change lands. */
export async function setField(page: Page, entryId: string, value: string): Promise<void> {
  const input = page.locator(`#bio-properties-panel-${entryId}`);
  await input.fill(value);
  await input.press('Tab');
}

/** The problems panel's count line, e.g. "0 errors, 1 warning". */
export const problemCount = (page: Page) => page.getByTestId('problem-count');

/** The ids of elements marked with a problem of `severity`. */
export function markedIds(page: Page, severity: 'error' | 'warning'): Promise<string[]> {
  return page.locator(`.djs-element.qf-problem-${severity}`).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-element-id') ?? ''));
}

/** A GET of the API with the page's session cookie; the answer's text. */
export function apiText(page: Page, path: string): Promise<string> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).text(), path);
}
