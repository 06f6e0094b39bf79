/**
 * The `qualflow` command line (run with `npx tsx engine/cli.ts <command>`, or the npm scripts).
 *
 *   start               Temporal dev server + migrations + demo seed + worker + API
 *   worker              only a worker, against TEMPORAL_ADDRESS (scale-out)
 *   migrate             apply pending database migrations
 *   migration <name>    create a migration from changes to prisma/schema.prisma
 *   deploy <file>       compile a BPMN diagram or DMN file and deploy it as the next version
 */
import { readFile } from 'node:fs/promises';
import { TASK_QUEUE } from '../workflows/contract';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { migrateDatabase } from './db/migrate';
import { createMigration } from './db/migration';
import { prebuiltWorkflowBundle, printWelcome, startQualflow } from './start';
import { connectWorkerConnection, installWorkerRuntime, waitForTemporal } from './temporal/connection';

const log = (line: string) => console.log(line);

const USAGE = `Usage: qualflow <command>

Commands:
  start               run Qualflow on this machine (Temporal dev server unless TEMPORAL_ADDRESS is set)
  worker              run only a worker against TEMPORAL_ADDRESS (default 127.0.0.1:QUALFLOW_TEMPORAL_PORT)
  migrate             apply pending database migrations to DATABASE_URL
  migration <name>    create prisma/migrations/<timestamp>_<name> from changes to prisma/schema.prisma
  deploy <file>       compile a BPMN diagram or a DMN file and deploy it as the next version
  help                show this text

Settings (environment): PORT, QUALFLOW_DATA_DIR, QUALFLOW_TEMPORAL_PORT, TEMPORAL_ADDRESS,
DATABASE_URL, QUALFLOW_DEMO, QUALFLOW_DEMO_PASSWORD, TEMPORAL_CLI.`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  start: start,
  worker: worker,
  migrate: async () => {
    await migrateDatabase(loadConfig().databaseUrl, log);
    return 0;
  },
  migration: async ([name]) => {
    if (!name) return usageError('migration needs a name, e.g. `npm run db:migration -- add_due_dates`');
    await createMigration(name, log);
    return 0;
  },
  deploy: deploy,
  help: async () => {
    log(USAGE);
    return 0;
  },
};

async function start(): Promise<number> {
  const config = loadConfig();
  const running = await startQualflow(config, log);
  printWelcome(config, running, log);
  const signal = await Promise.race([untilSignal(), running.workerDone.then((error) => error ?? new Error('worker stopped'))]);
  if (signal instanceof Error) log(`Worker failed: ${signal.message}`);
  else log(`\nQualflow: ${signal} received, shutting down ...`);
  await running.stop();
  log('Qualflow: stopped');
  return signal instanceof Error ? 1 : 0;
}

async function worker(): Promise<number> {
  const config = loadConfig();
  const address = config.temporalAddress ?? `127.0.0.1:${config.temporalPort}`;
  log(`Worker: waiting for Temporal at ${address}`);
  await waitForTemporal(address, { namespace: config.temporalNamespace, timeoutMs: 30_000 });
  const db = createDb(config.databaseUrl);
  installWorkerRuntime();
  const connection = await connectWorkerConnection(address);
  const { createWorker } = await import('./worker');
  const workflowBundle = prebuiltWorkflowBundle(log);
  const running = await createWorker({ connection, namespace: config.temporalNamespace, taskQueue: TASK_QUEUE, db, workflowBundle });
  log(`Worker: polling task queue "${TASK_QUEUE}" on ${address}, namespace "${config.temporalNamespace}". Ctrl-C stops it.`);
  void untilSignal().then((signal) => {
    log(`\nWorker: ${signal} received, finishing the tasks in hand ...`);
    running.shutdown();
  });
  let failed = false;
  await running.run().catch((error: Error) => {
    failed = true;
    log(`Worker failed: ${error.message}`);
  });
  await connection.close();
  await db.$disconnect();
  log('Worker: stopped');
  return failed ? 1 : 0;
}

async function deploy([file]: string[]): Promise<number> {
  if (!file) return usageError('deploy needs a file, e.g. `npm run qualflow -- deploy procedure.bpmn`');
  const xml = await readFile(file, 'utf8');
  const config = loadConfig();
  await migrateDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  try {
    const { deployResource } = await import('./api/definition.service');
    const result = await deployResource(db, xml, 'cli');
    for (const warning of result.warnings ?? []) log(`warning ${warning.elementId}: ${warning.message}`);
    if (!result.ok) {
      log(`${file} does not compile (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`);
      for (const error of result.errors) log(`  ${error.elementId}: ${error.message}`);
      return 1;
    }
    const unchanged = result.created === false ? ' (unchanged, already the latest version)' : '';
    if (result.resource === 'dmn') {
      for (const decision of result.decisions) log(`Deployed decision "${decision.name}" as ${decision.decisionId} version ${decision.version}${unchanged}`);
      return 0;
    }
    const { key, version, name, id } = result.definition;
    log(`Deployed "${name}" as ${key} version ${version}${unchanged} — definition id ${id}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      // A terminal's Ctrl-C can arrive twice (tsx relays it too): only a later one forces exit.
      if (first === 0) {
        first = Date.now();
        resolve(signal);
      } else if (Date.now() - first > 2000) {
        console.error('qualflow: stopping at once');
        process.exit(130);
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function usageError(message: string): Promise<number> {
  console.error(`${message}\n\n${USAGE}`);
  return Promise.resolve(2);
}

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) return usageError(`Unknown command "${name}"`);
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`qualflow: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
