/**
 * The API over the run's Temporal dev server with a worker on its own task queue, the
 * severity CAPA deployed, and the cast of seedPeople logged in: for the instance page's
 * API tests (timeline, variables edit) that need instances really running.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
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

/** Starts the API and a worker; remember `close()`. */
export async function startRunningApi(prefix: string): Promise<RunningApi> {
  const taskQueue = uniqueTaskQueue(prefix);
  const api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true, temporalUiUrl: 'http://localhost:8233' });
  await seedPeople(api.db);
  const tokens: Record<string, string> = {};
  for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'outsider']) tokens[who] = await api.login(who);
  const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: severityCapaBpmn, contentType: 'application/xml' });
  if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${deployed.text}`);

  const openTask = (instanceId: string, elementId: string) =>
    eventually(async () => (await api.db.task.findFirst({ where: { instanceId, elementId, state: 'open' } }))?.id, 20_000, `the open task ${elementId}`);

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
      await api.close();
    },
  };
}
