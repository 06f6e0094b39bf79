/**
 * The fixture of the browser tests: the built web app with the whole stack (demo seed)
 * and a headless Chromium, started in `beforeAll` and stopped in `afterAll`, and the
 * sign-in on the login page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from './chromium';
import { ensureDesignerBuilt } from './ensure-built';

/** Builds the web app if stale, starts the stack with the demo seed and launches Chromium. */
export async function startBrowserStack(): Promise<{ stack: Stack; browser: Browser }> {
  ensureDesignerBuilt((line) => console.log(`[browser test] ${line}`));
  const stack = await startStack({ demo: true });
  try {
    return { stack, browser: await launchChromium() };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Closes the browser and stops the stack (either may be missing when `beforeAll` failed). */
export async function stopBrowserStack(stack: Stack | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await stack?.stop();
}

/** The running stack and browser of a describe block. */
export interface BrowserStack {
  readonly stack: Stack;
  readonly browser: Browser;
}

/**
 * Starts the stack and Chromium in a `beforeAll` of the current describe block (register it
 * before the block's own `beforeAll`, which then runs once both are up) and stops them in
 * an `afterAll`.
 */
export function useBrowserStack(): BrowserStack {
  let started: { stack: Stack; browser: Browser } | undefined;
  beforeAll(async () => {
    started = await startBrowserStack();
  }, 240_000);
  afterAll(() => stopBrowserStack(started?.stack, started?.browser));
  const up = () => {
    if (!started) throw new Error('the browser stack is not running (useBrowserStack starts it in beforeAll)');
    return started;
  };
  return {
    get stack() {
      return up().stack;
    },
    get browser() {
      return up().browser;
    },
  };
}

/** Signs in on the login page at `baseUrl` and waits for the tasklist. */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor();
}
