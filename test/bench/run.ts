/**
 * `npm run bench`: the ten-step process (five user tasks, five service tasks) run N times
 * through the interpreter and through a hand-written Temporal workflow doing the same
 * steps with the same activities, on the same Temporal server in one run. Prints
 * instances/s and p50/p95 completion latency for each, and their ratio.
 *
 * Settings: BENCH_INSTANCES (default 100), BENCH_CONCURRENCY (default 20),
 * TEMPORAL_ADDRESS (default: a dev server started for the run).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { compileOrThrow } from '../../engine/compiler';
import { loadConfig } from '../../engine/config';
import { createUser } from '../../engine/api/user.service';
import { createDb, type Db } from '../../engine/db/client';
import { migrateDatabase } from '../../engine/db/migrate';
import { locateTemporalCli } from '../../engine/temporal/cli-locator';
import { connectTemporal, installWorkerRuntime } from '../../engine/temporal/connection';
import { startDevServer } from '../../engine/temporal/dev-server';
import { bundleWorkflows, createWorker } from '../../engine/worker';
import { completeTaskUpdate, PROCESS_WORKFLOW, type ProcessInput } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import { freePort } from '../support/ports';

const here = fileURLToPath(new URL('.', import.meta.url));
const instances = Number(process.env.BENCH_INSTANCES ?? 100);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const USER_TASKS = 5;

interface Variant {
  label: string;
  workflowType: string;
  taskQueue: string;
}

interface RunFigures {
  label: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const workDir = await mkdtemp(join(tmpdir(), 'qualflow-bench-'));
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const address = await temporalAddress(workDir, log, cleanups);
    const databaseUrl = `file:${join(workDir, 'bench.db')}`;
    await migrateDatabase(databaseUrl, () => {});
    const db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    await createUser(db, { username: 'alice', name: 'Alice Bench', email: 'alice@example.test', password: 'bench-password', roles: ['staff'], groups: [] });
    const model = await compileOrThrow(await readFile(join(here, 'ten-steps.bpmn'), 'utf8'));

    log('Bench: bundling the interpreter and the hand-written workflow');
    installWorkerRuntime();
    const connection = await NativeConnection.connect({ address });
    cleanups.push(() => connection.close());
    const interpreterBundle = await bundleWorkflows();
    const handwrittenBundle = await bundleWorkflowCode({ workflowsPath: join(here, 'handwritten.workflow.ts') });
    const suffix = randomUUID().slice(0, 8);
    const interpreter: Variant = { label: 'interpreter (BPMN model)', workflowType: PROCESS_WORKFLOW, taskQueue: `bench-interpreter-${suffix}` };
    const handwritten: Variant = { label: 'hand-written workflow', workflowType: 'handwrittenTenSteps', taskQueue: `bench-handwritten-${suffix}` };
    const workers = [
      await createWorker({ connection, namespace: 'default', taskQueue: interpreter.taskQueue, db, workflowBundle: interpreterBundle }),
      await Worker.create({ connection, namespace: 'default', taskQueue: handwritten.taskQueue, workflowBundle: handwrittenBundle, activities: createActivities({ db }) }),
    ];
    const runs = workers.map((worker) => worker.run());
    cleanups.push(async () => {
      workers.forEach((worker) => worker.shutdown());
      await Promise.all(runs);
    });

    const temporal = await connectTemporal(address);
    cleanups.push(() => temporal.close());
    log(`Bench: ${instances} instances of ten steps each (${USER_TASKS} user tasks, ${USER_TASKS} service tasks), ${concurrency} at a time`);
    await runVariant(temporal.client, db, model, interpreter, Math.min(10, instances)); // warm-up
    await runVariant(temporal.client, db, model, handwritten, Math.min(10, instances));
    const figures = [
      await runVariant(temporal.client, db, model, interpreter, instances),
      await runVariant(temporal.client, db, model, handwritten, instances),
    ];
    report(figures, log);
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

async function runVariant(client: Client, db: Db, model: ProcessModel, variant: Variant, count: number): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      next += 1;
      latencies.push(await runOne(client, db, model, variant));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label: variant.label, seconds, perSecond: count / seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

/** Starts one instance, completes its five user tasks as soon as each appears in the database, waits for the end. */
async function runOne(client: Client, db: Db, model: ProcessModel, variant: Variant): Promise<number> {
  const instanceId = randomUUID();
  const input: ProcessInput = { instanceId, definitionId: 'bench', processKey: model.id, version: 1, model, variables: { amount: 1 } };
  const started = performance.now();
  const handle = await client.workflow.start(variant.workflowType, { taskQueue: variant.taskQueue, workflowId: instanceId, args: [input] });
  for (let completed = 0; completed < USER_TASKS; completed++) {
    const task = await waitForOpenTask(db, instanceId);
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, variables: { step: completed }, completedBy: 'alice' }] });
  }
  await handle.result();
  return performance.now() - started;
}

async function waitForOpenTask(db: Db, instanceId: string): Promise<{ id: string }> {
  for (;;) {
    const task = await db.task.findFirst({ where: { instanceId, state: 'open' }, select: { id: true } });
    if (task) return task;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function report(figures: RunFigures[], log: (line: string) => void): void {
  const [interpreter, handwritten] = figures;
  log('');
  log('variant                     instances/s   p50 ms   p95 ms   total s');
  for (const f of figures) {
    log(`${f.label.padEnd(26)} ${f.perSecond.toFixed(1).padStart(12)} ${f.p50.toFixed(0).padStart(8)} ${f.p95.toFixed(0).padStart(8)} ${f.seconds.toFixed(1).padStart(9)}`);
  }
  log('');
  log(`interpreter / hand-written: throughput ${(interpreter.perSecond / handwritten.perSecond).toFixed(2)}x, ` +
    `p50 latency ${(interpreter.p50 / handwritten.p50).toFixed(2)}x, p95 latency ${(interpreter.p95 / handwritten.p95).toFixed(2)}x`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
