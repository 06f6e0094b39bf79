/**
 * Vitest global setup: ONE Temporal dev server and ONE workflow bundle for the whole run.
 *
 *   locateTemporalCli (.cache) --> startDevServer (free port, headless, temp SQLite file)
 *   bundleWorkflowCode(workflows/index.ts) --> temp file
 *       --> provide('temporalAddress', 'workflowBundlePath' | 'workflowBundleError') --> tests inject them
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { locateTemporalCli } from '../../engine/temporal/cli-locator';
import { startDevServer } from '../../engine/temporal/dev-server';
import { freePort } from './ports';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port` of the shared Temporal dev server. */
    temporalAddress: string;
    /** The bundled interpreter workflows, or '' when there is none. */
    workflowBundlePath: string;
    /** Why there is no bundle ('' when there is one). */
    workflowBundleError: string;
  }
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => console.log(`[test setup] ${line}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'qualflow-test-'));
  const cliPath = await locateTemporalCli({ cacheDir: resolve(projectRoot, '.cache'), log });
  const [server, bundle] = await Promise.all([
    startDevServer({ cliPath, port: await freePort(), dbFile: join(workDir, 'temporal.db'), log }),
    bundleWorkflows(workDir),
  ]);
  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', bundle.path);
  project.provide('workflowBundleError', bundle.error);
  return async () => {
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  };
}

/** Bundles workflows/index.ts once; a missing or broken interpreter only fails the tests that need it. */
async function bundleWorkflows(workDir: string): Promise<{ path: string; error: string }> {
  const workflowsPath = resolve(projectRoot, 'workflows/index.ts');
  if (!existsSync(workflowsPath)) {
    log('no workflows/index.ts yet: skipping the workflow bundle');
    return { path: '', error: `${workflowsPath} does not exist` };
  }
  try {
    const started = Date.now();
    const { bundleWorkflowCode } = await import('@temporalio/worker');
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
    const path = join(workDir, 'workflow-bundle.js');
    await writeFile(path, code);
    log(`bundled workflows in ${Date.now() - started} ms`);
    return { path, error: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`bundling workflows failed: ${message}`);
    return { path: '', error: `bundling ${workflowsPath} failed: ${message}` };
  }
}

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => log(`bundler: ${message}`),
  error: (message: string) => log(`bundler: ${message}`),
};
