/**
 * `qualflow start`: everything on one machine, each step printed.
 *
 *   config --> Temporal (dev server, or TEMPORAL_ADDRESS) --> migrations --> demo seed
 *          --> front end build (if missing) --> worker --> API on PORT
 *
 * Stopping unwinds in reverse: HTTP, worker, database, Temporal dev server.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TASK_QUEUE } from '../workflows/contract';
import type { QualflowConfig } from './config';
import { createDb } from './db/client';
import { migrateDatabase } from './db/migrate';
import { locateTemporalCli } from './temporal/cli-locator';
import { connectTemporal, connectWorkerConnection, ensureSearchAttributes, installWorkerRuntime, waitForTemporal } from './temporal/connection';
import { startDevServer } from './temporal/dev-server';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
export const DEMO_USERS = ['admin', 'owner', 'manager', 'alice', 'bob'];

export interface RunningQualflow {
  url: string;
  temporalAddress: string;
  /** Resolves when the worker stops: with its error if it failed, undefined after `stop()`. */
  workerDone: Promise<Error | undefined>;
  /** Stops everything that was started, in reverse order. Safe to call twice. */
  stop(): Promise<void>;
}

type Cleanup = () => Promise<unknown>;

/**
 * Starts Temporal (unless `config.temporalAddress`), migrates and seeds the database,
 * builds the front end if needed, and runs the worker and the API.
 *
 * @throws Error naming the step that failed; whatever was already started is stopped first.
 */
export async function startQualflow(config: QualflowConfig, log: (line: string) => void): Promise<RunningQualflow> {
  const cleanups: Cleanup[] = [];
  const stop = once(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`Shutdown: ${String(error)}`));
  });
  try {
    log(`Qualflow: data folder ${config.dataDir}`);
    await mkdir(config.dataDir, { recursive: true });

    const temporalAddress = await startTemporal(config, log, cleanups);

    log(`Database: applying migrations to ${config.databaseUrl}`);
    await migrateDatabase(config.databaseUrl, log);
    const db = createDb(config.databaseUrl);
    cleanups.push(() => db.$disconnect());
    if (config.demo && (await db.user.count()) === 0) {
      log('Demo: seeding the demo organisation and the QMS templates');
      const { seedDemo } = await import('./seed');
      await seedDemo(db, { password: config.demoPassword, log });
    }

    const staticDir = resolve(projectRoot, 'designer/dist');
    await buildFrontEndIfMissing(staticDir, log);

    const { createWorker } = await import('./worker');
    installWorkerRuntime();
    const workerConnection = await connectWorkerConnection(temporalAddress);
    cleanups.push(() => workerConnection.close());
    const workflowBundle = prebuiltWorkflowBundle(log);
    log(`Worker: starting on ${temporalAddress}, task queue "${TASK_QUEUE}"${workflowBundle ? '' : ' (bundling the workflows takes about 20 s)'}`);
    const worker = await createWorker({ connection: workerConnection, namespace: config.temporalNamespace, taskQueue: TASK_QUEUE, db, workflowBundle });
    const workerDone = worker.run().then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
    });
    log('Worker: running');

    const { createApp } = await import('./api/app');
    const temporal = await connectTemporal(temporalAddress, config.temporalNamespace);
    await import('../activities/notifications/schedules').then(({ ensureMailSchedules }) => ensureMailSchedules(temporal.client, { taskQueue: TASK_QUEUE, mail: config.mail }));
    cleanups.push(() => temporal.close());
    const app = createApp({ db, temporal: temporal.client, taskQueue: TASK_QUEUE, staticDir, temporalUiUrl: config.temporalUiUrl });
    const server = await listen(createServer(app), config.port);
    cleanups.push(() => closeServer(server));
    const url = `http://localhost:${config.port}`;
    log(`API: listening on ${url}`);

    return { url, temporalAddress, workerDone, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Prints what a user needs after start: where to go and how to log in. */
export function printWelcome(config: QualflowConfig, running: RunningQualflow, log: (line: string) => void): void {
  log('');
  log(`Qualflow is running at ${running.url}`);
  if (!config.temporalAddress) log(`Temporal UI: http://localhost:${config.temporalPort + 1000}`);
  else log(`Temporal: ${running.temporalAddress}`);
  if (config.demo) log(`Demo logins (password "${config.demoPassword}"): ${DEMO_USERS.join(', ')}`);
  log('Press Ctrl-C to stop.');
}

/**
 * `QUALFLOW_WORKFLOW_BUNDLE` names a workflow bundle made ahead (as Temporal recommends for
 * production: workers then start in a second instead of bundling for ~20 s).
 */
export function prebuiltWorkflowBundle(log: (line: string) => void): { codePath: string } | undefined {
  const codePath = process.env.QUALFLOW_WORKFLOW_BUNDLE;
  if (!codePath) return undefined;
  if (!existsSync(codePath)) throw new Error(`QUALFLOW_WORKFLOW_BUNDLE=${codePath} does not exist`);
  log(`Worker: using the prebuilt workflow bundle ${codePath}`);
  return { codePath };
}

async function startTemporal(config: QualflowConfig, log: (line: string) => void, cleanups: Cleanup[]): Promise<string> {
  const namespace = config.temporalNamespace;
  if (config.temporalAddress) {
    const address = config.temporalAddress;
    log(`Temporal: using the server at TEMPORAL_ADDRESS=${address}`);
    await waitForTemporal(address, { namespace, timeoutMs: 10_000 }).catch((error: Error) => {
      throw new Error(
        `Temporal server at TEMPORAL_ADDRESS=${address} is not reachable (${error.message}). ` +
          'Start it, fix the address, or unset TEMPORAL_ADDRESS to run the embedded dev server.',
      );
    });
    const temporal = await connectTemporal(address, namespace);
    const added = await ensureSearchAttributes(temporal.connection, namespace).finally(() => temporal.close());
    if (added.length > 0) log(`Temporal: registered search attributes ${added.join(', ')}`);
    return address;
  }
  const cliPath = await locateTemporalCli({ cacheDir: config.cacheDir, log });
  const server = await startDevServer({
    cliPath,
    port: config.temporalPort,
    uiPort: config.temporalPort + 1000,
    dbFile: join(config.dataDir, 'temporal.db'),
    namespace,
    log,
  });
  cleanups.push(() => server.stop());
  return server.address;
}

async function buildFrontEndIfMissing(staticDir: string, log: (line: string) => void): Promise<void> {
  if (existsSync(join(staticDir, 'index.html'))) {
    log('Front end: serving the built designer/dist');
    return;
  }
  if (process.env.QUALFLOW_WEB_BUILD === 'false') {
    log('Front end: designer/dist is missing and QUALFLOW_WEB_BUILD=false: the API runs without the web app');
    return;
  }
  log('Front end: designer/dist is missing, building it with `npx vite build --config designer/vite.config.ts` ...');
  const code = await new Promise<number | null>((done) => {
    const child = spawn('npx', ['vite', 'build', '--config', 'designer/vite.config.ts'], { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', () => done(-1));
    child.on('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) log(`Front end: build failed (exit code ${code}); the API runs without the web app`);
  else log('Front end: built');
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new Error(`PORT ${port} is already in use; stop that process or set PORT`) : error),
    );
    server.listen(port, () => done(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
