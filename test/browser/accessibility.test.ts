/**
 * The accessibility check itself, on a page made to break it (no stack needed): it names
 * each serious or critical WCAG violation with its elements, leaves excluded containers
 * out, and lets a clean page pass.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility';
import { launchChromium } from './chromium';

const BROKEN = `<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
  <h1>A page with problems</h1>
  <p style="color:#bbb;background:#fff">Grey on white</p>
  <div id="third-party"><button class="icon"><svg width="10" height="10"></svg></button></div>
  <input id="unlabelled" type="text">
</main></body></html>`;

const CLEAN = `<!doctype html><html lang="en"><head><title>Clean</title></head><body><main>
  <h1>A page without problems</h1>
  <label>Name <input type="text"></label>
  <button>Save</button>
</main></body></html>`;

describe('the accessibility check', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);
  afterAll(() => browser?.close());

  it('lists every serious or critical violation with its rule, impact, elements and help', async () => {
    // given a page with low contrast, a nameless button and an unlabelled field
    await page.setContent(BROKEN);
    // when it is checked
    const failure = await expectAccessible(page, 'Broken page').catch((error: Error) => error.message);
    // then each problem is named with the element it is on
    expect(failure).toMatch(/^Broken page: 3 accessibility violation\(s\)/);
    expect(failure).toMatch(/- color-contrast \(serious\) on p: Elements must meet minimum color contrast ratio thresholds/);
    expect(failure).toMatch(/- button-name \(critical\) on button: Buttons must have discernible text/);
    expect(failure).toMatch(/- label \(critical\) on #unlabelled: Form elements must have labels/);
  });

  it('leaves out the containers it is told to, and passes a clean page', async () => {
    // given the broken page with its faults excluded, and a clean page
    await page.setContent(BROKEN);
    const scoped = expectAccessible(page, 'Scoped page', {
      exclude: [
        { selector: '#third-party', reason: 'button-name: markup of a library' },
        { selector: 'p', reason: 'color-contrast: for this test' },
        { selector: '#unlabelled', reason: 'label: for this test' },
      ],
    });
    // then neither check fails
    await expect(scoped).resolves.toBeUndefined();
    await page.setContent(CLEAN);
    await expect(expectAccessible(page, 'Clean page')).resolves.toBeUndefined();
  });
});
