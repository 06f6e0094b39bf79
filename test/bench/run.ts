/**
 * `npm run bench`: each scenario runs through the interpreter (a compiled BPMN model) and
 * through a hand-written Temporal workflow doing the same steps with the same activities,
 * on the same Temporal server in one run, and prints instances/s, p50/p95 completion
 * latency and the interpreter / hand-written ratios:
 *
 * - ten steps: five user tasks and five service tasks (ten-steps.bpmn);
 * - 100 steps: one hundred service tasks in a row (diagrams.ts);
 * - multi-instance: a parallel multi-instance service task over 20 items (diagrams.ts),
 *   reported as not available when this build cannot compile or run it;
 * - tasklist and monitor load (monitor-load.ts): the task list and dashboard queries at
 *   1k and 100k tasks, with the ratio (database only, no Temporal).
 *
 * Settings: BENCH_INSTANCES (ten steps, default 20), BENCH_CONCURRENCY (default 20),
 * BENCH_LONG_INSTANCES (100 steps, default 5), BENCH_MI_INSTANCES (default 10),
 * TEMPORAL_ADDRESS (default: a dev server started for the run). The defaults keep a run
 * near two minutes on a two-core machine; raise them for steadier figures.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { compileOrThrow } from '../../engine/compiler';
import { loadConfig } from '../../engine/config';
import { createUser } from '../../engine/api/user.service';
import { createDb } from '../../engine/db/client';
import { migrateDatabase } from '../../engine/db/migrate';
import { locateTemporalCli } from '../../engine/temporal/cli-locator';
import { connectTemporal, installWorkerRuntime } from '../../engine/temporal/connection';
import { startDevServer } from '../../engine/temporal/dev-server';
import { bundleWorkflows, createWorker } from '../../engine/worker';
import { PROCESS_WORKFLOW } from '../../workflows/contract';
import { freePort } from '../support/ports';
import { benchMonitorLoad } from './monitor-load';
import { benchMultiInstance, benchSequential, benchTenSteps, type BenchSetup } from './scenarios';

const here = fileURLToPath(new URL('.', import.meta.url));
const settings = {
  tenStepInstances: Number(process.env.BENCH_INSTANCES ?? 20),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 20),
  longInstances: Number(process.env.BENCH_LONG_INSTANCES ?? 5),
  multiInstanceInstances: Number(process.env.BENCH_MI_INSTANCES ?? 10),
};

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const workDir = await mkdtemp(join(tmpdir(), 'qualflow-bench-'));
  const cleanups: Array<() => Promise<unknown>> = [];
  const began = performance.now();
  try {
    const address = await temporalAddress(workDir, log, cleanups);
    const databaseUrl = `file:${join(workDir, 'bench.db')}`;
    await migrateDatabase(databaseUrl, () => {});
    const db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    await createUser(db, { username: 'alice', name: 'Alice Bench', email: 'alice@example.test', password: 'bench-password', roles: ['staff'], groups: [] });
    const tenSteps = await compileOrThrow(await readFile(join(here, 'ten-steps.bpmn'), 'utf8'));

    log('Bench: bundling the interpreter and the hand-written workflows');
    installWorkerRuntime();
    const connection = await NativeConnection.connect({ address });
    cleanups.push(() => connection.close());
    const interpreterBundle = await bundleWorkflows();
    const handwrittenBundle = await bundleWorkflowCode({ workflowsPath: join(here, 'handwritten.workflow.ts') });
    const suffix = randomUUID().slice(0, 8);
    const queues = { interpreter: `bench-interpreter-${suffix}`, handwritten: `bench-handwritten-${suffix}` };
    const workers = [
      await createWorker({ connection, namespace: 'default', taskQueue: queues.interpreter, db, workflowBundle: interpreterBundle }),
      await Worker.create({ connection, namespace: 'default', taskQueue: queues.handwritten, workflowBundle: handwrittenBundle, activities: createActivities({ db }) }),
    ];
    const runs = workers.map((worker) => worker.run());
    cleanups.push(async () => {
      workers.forEach((worker) => worker.shutdown());
      await Promise.all(runs);
    });

    const temporal = await connectTemporal(address);
    cleanups.push(() => temporal.close());
    const setup: BenchSetup = { client: temporal.client, db, log, interpreterQueue: queues.interpreter, handwrittenQueue: queues.handwritten, interpreterType: PROCESS_WORKFLOW };
    await benchTenSteps(setup, tenSteps, settings.tenStepInstances, settings.concurrency);
    await benchSequential(setup, 100, settings.longInstances, Math.min(5, settings.concurrency));
    await benchMultiInstance(setup, 20, settings.multiInstanceInstances, Math.min(10, settings.concurrency));
    await benchMonitorLoad(workDir, log);
    log('');
    log(`Bench: done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  }
}

async function temporalAddress(workDir: string, log: (line: string) => void, cleanups: Array<() => Promise<unknown>>): Promise<string> {
  if (process.env.TEMPORAL_ADDRESS) return process.env.TEMPORAL_ADDRESS;
  const cliPath = await locateTemporalCli({ cacheDir: loadConfig().cacheDir, log });
  const server = await startDevServer({ cliPath, port: await freePort(), uiPort: false, dbFile: join(workDir, 'temporal.db'), log });
  cleanups.push(() => server.stop());
  return server.address;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
