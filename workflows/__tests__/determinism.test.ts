import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const workflowsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const activityTypes = resolve(workflowsDir, '../activities/types.ts');
const allowedPackages = new Set(['@temporalio/workflow', 'feelin']);

/** Every TypeScript source of the workflow bundle (tests and templates are not bundled). */
function workflowSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' || name === 'templates' ? [] : workflowSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface ImportSite {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportSite[] {
  const source = readFileSync(file, 'utf8');
  const sites: ImportSite[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) sites.push({ file, specifier: match[3], typeOnly: Boolean(match[2]) });
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) sites.push({ file, specifier: match[1], typeOnly: false });
  for (const match of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) sites.push({ file, specifier: match[1], typeOnly: false });
  return sites;
}

/** Why `site` may not be in workflow code, or undefined when it may. */
function violation(site: ImportSite): string | undefined {
  const { specifier, file } = site;
  if (!specifier.startsWith('.')) {
    return allowedPackages.has(specifier) ? undefined : `imports the package "${specifier}"`;
  }
  const target = resolve(dirname(file), specifier);
  const withExtension = /\.tsx?$/.test(target) ? target : `${target}.ts`;
  if (withExtension === activityTypes) return site.typeOnly ? undefined : 'imports activity types without `import type`';
  const inside = relative(workflowsDir, target);
  if (inside.startsWith('..')) return `imports "${specifier}" from outside workflows/`;
  if (inside.startsWith('templates')) return `imports a template "${specifier}"`;
  return undefined;
}

describe('the workflows folder (determinism boundary)', () => {
  it('imports only @temporalio/workflow, feelin, its own modules and activity types', () => {
    // given
    const sites = workflowSources(workflowsDir).flatMap(importsOf);

    // when
    const problems = sites.flatMap((site) => {
      const why = violation(site);
      return why ? [`${relative(workflowsDir, site.file)} ${why}`] : [];
    });

    // then
    expect(sites.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('flags Node built-ins, engine code, Prisma and value imports of activities', () => {
    // given
    const file = join(workflowsDir, 'example.ts');
    const bad = ['node:fs', 'fs', '../engine/db/client', '@prisma/client', '../activities/index', '../activities/types'];

    // when
    const verdicts = bad.map((specifier) => violation({ file, specifier, typeOnly: false }));

    // then
    expect(verdicts.every((verdict) => verdict !== undefined)).toBe(true);
    expect(violation({ file, specifier: '../activities/types', typeOnly: true })).toBeUndefined();
  });
});
