/**
 * Fills a form-js form the way a person would, whatever fields it has: text by label
 * (given answers first), the first option of each select and radio group, and every
 * required checkbox ticked.
 */
import type { Locator, Page } from 'playwright-core';

export interface FillOptions {
  /** Answers for text fields whose label matches, first match wins. */
  answers?: [label: RegExp, value: string][];
  /** Answer for any other text field. */
  text: string;
}

/** Fills every empty, enabled field of the form on `page`. */
export async function fillTaskForm(page: Page, options: FillOptions): Promise<void> {
  const form = page.locator('.fjs-form');
  await form.waitFor();
  for (const field of await form.locator('.fjs-form-field').all()) {
    if (!(await field.isVisible())) continue;
    const [label = ''] = await field.locator('label').allTextContents();
    await fillField(page, field, label, options);
  }
}

async function fillField(page: Page, field: Locator, rawLabel: string, options: FillOptions): Promise<void> {
  const label = rawLabel.trim();
  const classes = (await field.getAttribute('class')) ?? '';
  if (classes.includes('fjs-form-field-select')) return chooseFirstOption(page, field);
  if (classes.includes('fjs-form-field-radio')) {
    const radios = field.locator('input[type="radio"]');
    if ((await radios.count()) > 0 && !(await field.locator('input[type="radio"]:checked').count())) await radios.first().check();
    return;
  }
  if (classes.includes('fjs-form-field-checkbox')) {
    if (/\*$/.test(label)) await field.locator('input[type="checkbox"]').check();
    return;
  }
  if (classes.includes('fjs-form-field-number')) {
    const input = field.locator('input').first();
    if (!(await input.inputValue())) await input.fill('1');
    return;
  }
  const input = field.locator('input[type="text"], textarea').first();
  if ((await input.count()) === 0 || (await input.inputValue()) || !(await input.isEditable())) return;
  const answer = options.answers?.find(([pattern]) => pattern.test(label))?.[1];
  await input.fill(answer ?? options.text);
}

async function chooseFirstOption(page: Page, field: Locator): Promise<void> {
  const display = field.locator('.fjs-select-display, input').first();
  const current = ((await display.textContent()) ?? '').trim();
  if (current && current !== 'Select') return;
  await display.click();
  await field.locator('.fjs-dropdownlist-item').first().click();
  await page.keyboard.press('Escape').catch(() => undefined);
}
