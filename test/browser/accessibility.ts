/**
 * An accessibility check for the browser tests: runs axe-core in the page against the
 * WCAG 2.1 A and AA rules and fails, listing every serious or critical violation (rule,
 * impact, elements, help), so a journey can assert that each screen it passes through is
 * usable with a keyboard and a screen reader and readable at AA contrast.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING: ImpactValue[] = ['serious', 'critical'];

/** Markup the check leaves out, with the reason it cannot be fixed in Qualflow. */
export interface Exclusion {
  /** CSS selector of the containers left out. */
  selector: string;
  /** The axe rule ids this markup breaks and why Qualflow cannot change it. */
  reason: string;
}

export interface AccessibilityScope {
  /** Only these containers are checked (default: the whole page). */
  include?: string[];
  exclude?: Exclusion[];
}

/**
 * Puts axe-core into the page unless it is there already. `page.addScriptTag` would add an
 * inline script, which the app's Content-Security-Policy (`script-src 'self'`) refuses — as
 * it should; evaluating the file through the DevTools protocol is not subject to it.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(axePath, 'utf8');
  await page.evaluate(axeSource);
}

/** One violation per line: rule id, impact, the elements' selectors, and axe's help text. */
function describeViolations(results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations
    .filter((violation) => FAILING.includes(violation.impact ?? null))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      return `${violation.id} (${violation.impact}) on ${targets}: ${violation.help} — ${violation.helpUrl.replace(/\?.*$/, '')}`;
    });
}

/**
 * Runs axe-core on `page` (or the `scope`'s containers) for WCAG 2.1 A/AA.
 * @throws Error naming `screen` and listing each serious or critical violation.
 */
export async function expectAccessible(page: Page, screen: string, scope: AccessibilityScope = {}): Promise<void> {
  await injectAxe(page);
  const context = {
    ...(scope.include && { include: scope.include }),
    exclude: (scope.exclude ?? []).map((exclusion) => exclusion.selector),
  };
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    ([context, options]) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(context, options),
    [context, options] as const,
  );
  const problems = describeViolations(results);
  if (problems.length > 0) {
    throw new Error(`${screen}: ${problems.length} accessibility violation(s) (WCAG 2.1 AA, serious or critical):\n- ${problems.join('\n- ')}`);
  }
}
