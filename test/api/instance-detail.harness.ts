/**
 * The API over the run's Temporal dev server with a worker on its own task queue, the
 * severity CAPA deployed, and the cast of seedPeople logged in: for the instance page's
 * API tests (timeline, variables edit) that need instances really running.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { createWorker } from '../../engine/worker';
import { testTemporalAddress, testWorkflowBundle, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

/** start → "Review severity" → severity = "high"? → "Contain the problem" → end, else → end. */
export const severityCapaBpmn = readFileSync(join(import.meta.dirname, 'fixtures', 'severity-capa.bpmn'), 'utf8');

export interface RunningApi {
  api: ApiHarness;
  tokens: Record<string, string>;
  /** Starts a severity CAPA as `who` and waits for its review task; returns both ids. */
  startCapa(who: string, variables: Record<string, unknown>): Promise<{ instanceId: string; reviewId: string }>;
  /** The open task of `instanceId` at `elementId`, once it exists. */
  openTask(instanceId: string, elementId: string): Promise<string>;
  close(): Promise<void>;
}

/** Polls `probe` until it gives a value (every 150 ms, up to `timeoutMs`). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Starts the API and a worker; remember `close()`. */
export async function startRunningApi(prefix: string): Promise<RunningApi> {
  const taskQueue = uniqueTaskQueue(prefix);
  const api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue });
  const connection = await NativeConnection.connect({ address: testTemporalAddress() });
  const worker = await createWorker({ connection, namespace: 'default', taskQueue, db: api.db, workflowBundle: testWorkflowBundle() });
  const running = worker.run();
  await seedPeople(api.db);
  const tokens: Record<string, string> = {};
  for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'outsider']) tokens[who] = await api.login(who);
  const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: severityCapaBpmn, contentType: 'application/xml' });
  if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${deployed.text}`);

  const openTask = (instanceId: string, elementId: string) =>
    eventually(async () => (await api.db.task.findFirst({ where: { instanceId, elementId, state: 'open' } }))?.id, `the open task ${elementId}`);

  return {
    api,
    tokens,
    openTask,
    async startCapa(who, variables) {
      const started = await api.request('POST', '/api/instances', { token: tokens[who], body: { processKey: 'severity-capa', businessKey: 'CAPA-1', variables } });
      if (started.status !== 201) throw new Error(`start: ${started.status} ${started.text}`);
      const instanceId: string = started.body.id;
      return { instanceId, reviewId: await openTask(instanceId, 'Task_Review') };
    },
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
      await api.close();
    },
  };
}
