/**
 * One worker, one database and one client per interpreter test file, on the shared dev
 * server and workflow bundle of the test run. Instances are driven through
 * `@temporalio/client` directly, as the API does.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Client, Connection, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { expect } from 'vitest';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { serviceTaskHandlers, type ServiceTaskHandler } from '../../activities';
import type { Db } from '../../engine/db/client';
import { createWorker } from '../../engine/worker';
import { completeTaskUpdate, PROCESS_WORKFLOW, type ProcessInput, type Variables } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import type { processInstance } from '../../workflows/index';
import { createTestDb } from '../support/db';
import { testTemporalAddress, testWorkflowBundle, uniqueTaskQueue } from '../support/temporal';

export type InstanceHandle = WorkflowHandleWithFirstExecutionRunId<typeof processInstance>;

export interface Harness {
  db: Db;
  client: Client;
  taskQueue: string;
  /** Starts an instance of `model` and returns its workflow handle (id = instance id). */
  start(model: ProcessModel, variables?: Variables, options?: Pick<ProcessInput, 'maxStepsWithoutWait' | 'stepsPerRun'>): Promise<InstanceHandle>;
  /** Stops the worker and starts a fresh one on the same queue (a worker restart). */
  restartWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  /** Replays the history of every instance this harness started; throws on the first nondeterminism. */
  replayAll(): Promise<number>;
  /** Replays every history (see `replayAll`), then stops the worker and removes the database. */
  close(): Promise<void>;
}

let quiet = false;

/** Keeps the SDK's INFO lines out of the test output (once per test process). */
function quietRuntime(): void {
  if (quiet) return;
  quiet = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another helper installed the runtime first: keep its logger.
  }
}

/** Creates the database, connections and a running worker (with extra service-task handlers, if given) for one test file. */
export async function createHarness(options: { handlers?: Record<string, ServiceTaskHandler> } = {}): Promise<Harness> {
  quietRuntime();
  const testDb = await createTestDb();
  const address = testTemporalAddress();
  const workerConnection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection });
  const taskQueue = uniqueTaskQueue('interpreter');
  const started: InstanceHandle[] = [];
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const startWorker = async () => {
    worker = await createWorker({ connection: workerConnection, namespace: 'default', taskQueue, db: testDb.db, workflowBundle: testWorkflowBundle(), handlers: { ...serviceTaskHandlers, ...options.handlers } });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
    worker.shutdown();
    await running;
    worker = undefined;
  };
  await startWorker();

  return {
    db: testDb.db,
    client,
    taskQueue,
    async start(model, variables = {}, options = {}) {
      const instanceId = randomUUID();
      const handle = await client.workflow.start<typeof processInstance>(PROCESS_WORKFLOW, {
        taskQueue,
        workflowId: instanceId,
        args: [{ instanceId, definitionId: `def-${model.id}`, processKey: model.id, version: 1, model, variables, startedBy: 'tester', ...options }],
      });
      started.push(handle);
      return handle;
    },
    replayAll,
    async restartWorker() {
      await stopWorker();
      await startWorker();
    },
    stopWorker,
    startWorker,
    async close() {
      try {
        await replayAll();
      } finally {
        await shutdown();
      }
    },
  };

  async function replayAll(): Promise<number> {
    const histories = await Promise.all(started.map(async (handle) => ({ workflowId: handle.workflowId, history: await handle.fetchHistory() })));
    recordHistories(histories);
    const options = { workflowBundle: testWorkflowBundle(), replayName: 'qualflow-replay' };
    for await (const result of Worker.runReplayHistories(options, histories)) {
      if (result.error) throw new Error(`Replaying instance ${result.workflowId} failed: ${result.error.message}`, { cause: result.error });
    }
    return histories.length;
  }

  async function shutdown(): Promise<void> {
    await stopWorker();
    await workerConnection.close();
    await clientConnection.close();
    await testDb.cleanup();
  }
}

/**
 * With QUALFLOW_RECORD_HISTORIES=<dir>, writes every history a test produced to that
 * folder: how the stored histories in `histories/` (replayed by stored-histories.test.ts)
 * are made before an interpreter change.
 */
function recordHistories(histories: { workflowId: string; history: temporal.api.history.v1.IHistory }[]): void {
  const dir = process.env.QUALFLOW_RECORD_HISTORIES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const { workflowId, history } of histories) {
    const file = basename(String(expect.getState().testPath ?? 'test'), '.test.ts');
    writeFileSync(join(dir, `${file}-${workflowId.slice(0, 8)}.bin`), temporal.api.history.v1.History.encode(history).finish());
  }
}

/** Polls `probe` until it returns a value other than undefined/null/false. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the open task of `elementId` in the instance and returns its row. */
export function openTaskOf(db: Db, instanceId: string, elementId: string) {
  return eventually(
    () => db.task.findFirst({ where: { instanceId, elementId, state: 'open' }, include: { candidates: true } }),
    15_000,
    `an open task on ${elementId}`,
  );
}

/** Completes a task through the update, as the API does. */
export function completeTask(handle: InstanceHandle, taskId: string, variables: Variables = {}, completedBy = 'alice'): Promise<void> {
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, variables, completedBy }] });
}
