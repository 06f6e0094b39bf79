/**
 * The API with a worker on its own task queue over the test run's Temporal dev server,
 * the people of `seedPeople`, and the signed-approval process deployed:
 * start → "Approve the document" (signature: approved or rejected, form with a comment)
 * → "Release the document" (signature, default meanings) → end; both for group quality.
 */
import { readFileSync } from 'node:fs';
import { eventually } from '../../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './api-harness';

const read = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

export const signedApprovalBpmn = read('signed-approval.bpmn');
export const signedApprovalForm = JSON.parse(read('signed-approval-form.json')) as Record<string, unknown>;

export type Person = 'admin' | 'owner' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider';

export interface SignedApprovalApi {
  api: ApiHarness;
  tokens: Record<Person, string>;
  /** Starts an instance as `who` and returns it with its first task, once open. */
  start(who?: Person): Promise<{ instanceId: string; taskId: string }>;
  /** The open task of `instanceId` at `elementId`, once it is open. */
  openTask(instanceId: string, elementId: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSignedApprovalApi(): Promise<SignedApprovalApi> {
  const taskQueue = uniqueTaskQueue('signed');
  const api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
  await seedPeople(api.db);
  const tokens = {} as Record<Person, string>;
  for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'carol', 'outsider'] as Person[]) tokens[who] = await api.login(who);
  await api.request('POST', '/api/forms', { token: tokens.owner, body: signedApprovalForm });
  const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: signedApprovalBpmn, contentType: 'application/xml' });
  if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${deployed.text}`);

  async function openTask(instanceId: string, elementId: string): Promise<string> {
    const task = await eventually(() => api.db.task.findFirst({ where: { instanceId, elementId, state: 'open' } }), 20_000, `task ${elementId} to open`);
    return task.id;
  }

  return {
    api,
    tokens,
    openTask,
    async start(who = 'alice') {
      const started = await api.request('POST', '/api/instances', { token: tokens[who], body: { processKey: 'signed-approval' } });
      if (started.status !== 201) throw new Error(`start: ${started.status} ${started.text}`);
      const instanceId: string = started.body.id;
      return { instanceId, taskId: await openTask(instanceId, 'Task_Approve') };
    },
    async stop() {
      await api.close();
    },
  };
}
