/**
 * The seeded QMS templates run end to end through the API, each step done by the person
 * the procedure names: a real Temporal dev server, a real worker, a real SQLite database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../engine/seed';
import { PASSWORD, startApi, type ApiHarness } from '../api/support/api-harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { capa, documentApproval as doc, managementReview as review, type SampleInput } from './sample-inputs';

let api: ApiHarness;
const tokens = new Map<string, string>();

beforeAll(async () => {
  const taskQueue = uniqueTaskQueue('templates');
  api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
  await seedDemo(api.db, { password: PASSWORD });
});

afterAll(async () => {
  await api?.close();
});

async function token(username: string): Promise<string> {
  if (!tokens.has(username)) tokens.set(username, await api.login(username));
  return tokens.get(username)!;
}

/** Starts `processKey` as `username`, who becomes the `initiator`. */
async function start(username: string, processKey: string): Promise<string> {
  const response = await api.request('POST', '/api/instances', {
    token: await token(username),
    body: { processKey, variables: { initiator: username } },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

/** Waits until the instance has an open task for `elementId` that `username` can see. */
async function openTask(username: string, instanceId: string, elementId: string): Promise<{ id: string; assignee: string | null }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.request('GET', `/api/tasks?instanceId=${instanceId}&state=open`, { token: await token(username) });
    const task = (response.body.items ?? []).find((t: { elementId: string }) => t.elementId === elementId);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`No open task ${elementId} for ${username}: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The electronic signature a step requires (its first meaning, signed with the demo password), or undefined. */
async function signatureFor(username: string, taskId: string, step: SampleInput) {
  const detail = await api.request('GET', `/api/tasks/${taskId}`, { token: await token(username) });
  const required = detail.body.signature as { meanings: string[]; needsUsername: boolean } | null;
  if (!required) return undefined;
  const meaning = step.variables.approvalDecision === 'rework' ? 'returned for rework' : required.meanings[0];
  return { username, password: PASSWORD, meaning };
}

/** `username` completes the open task of `step` with its sample variables (signing where the step requires it). */
async function act(username: string, instanceId: string, step: SampleInput): Promise<void> {
  const task = await openTask(username, instanceId, step.elementId);
  const signature = await signatureFor(username, task.id, step);
  const response = await api.request('POST', `/api/tasks/${task.id}/complete`, {
    token: await token(username),
    body: { variables: step.variables, ...(signature ? { signature } : {}) },
  });
  expect(response.status, `${username} completing ${step.elementId}: ${response.text}`).toBe(200);
}

async function finished(instanceId: string): Promise<{ status: string; variables: Record<string, unknown>; path: string[] }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.request('GET', `/api/instances/${instanceId}`, { token: await token('admin') });
    if (response.body.status !== 'active' || Date.now() > deadline) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('QMS templates run through the API', () => {
  it('releases a document after one round of rework, with alice as author and bob as technical reviewer', async () => {
    // given
    const id = await start('alice', 'document-approval');

    // when
    await act('alice', id, doc.prepareDraft);
    await act('alice', id, doc.formatAccepted);
    await act('bob', id, doc.qualityApproves);
    await act('bob', id, doc.technicalApproves);
    await act('manager', id, doc.returnedForRework);
    await act('alice', id, doc.prepareDraft);
    await act('alice', id, doc.formatAccepted);
    await act('bob', id, doc.qualityApproves);
    await act('bob', id, doc.technicalApproves);
    await act('manager', id, doc.approved);

    // then
    const instance = await finished(id);
    expect(instance.status).toBe('completed');
    expect(instance.variables).toMatchObject({ status: 'effective', effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(instance.path.filter((element) => element === 'Task_Approve')).toHaveLength(2);
    const signatures = await api.db.signature.findMany({ where: { instanceId: id }, orderBy: { signedAt: 'asc' } });
    expect(signatures.map((s) => [s.username, s.meaning])).toEqual([
      ['manager', 'returned for rework'],
      ['manager', 'approved'],
    ]);
    const users = new Map((await api.db.user.findMany()).map((user) => [user.id, user.username]));
    // The release notice of the "Notify" step (each task also told its assignee it was assigned).
    const notified = await api.db.notification.findMany({ where: { instanceId: id, kind: 'info' } });
    expect(notified.map((n) => users.get(n.userId)).sort()).toEqual(['alice', 'bob', 'manager']);
    const assigned = await api.db.notification.findMany({ where: { instanceId: id, kind: 'task.assigned' } });
    expect(assigned.length).toBeGreaterThan(0);
    expect(notified[0].subject).toBe(`SOP-QA-0012 revision B is effective from ${instance.variables.effectiveDate}`);
  });

  it('closes a CAPA after a first fix proved not effective', async () => {
    // given
    const id = await start('alice', 'capa');

    // when
    await act('alice', id, capa.initiate);
    await act('bob', id, capa.capaNeeded);
    await act('alice', id, capa.containment);
    for (const effectiveness of [capa.notEffective, capa.effective]) {
      await act('alice', id, capa.rootCause);
      await act('alice', id, capa.actionPlan);
      await act('alice', id, capa.implementation);
      await act('bob', id, effectiveness);
    }
    await act('manager', id, capa.closureApproved);

    // then
    const instance = await finished(id);
    expect(instance.status).toBe('completed');
    expect(instance.variables).toMatchObject({ rpn: 60, status: 'closed', effective: 'yes' });
    expect(instance.path).toContain('EndEvent_Closed');
  });

  it('ends a CAPA request at triage when no CAPA is needed', async () => {
    // given
    const id = await start('bob', 'capa');

    // when
    await act('bob', id, capa.initiate);
    await act('alice', id, capa.noCapaNeeded);

    // then
    const instance = await finished(id);
    expect(instance.status).toBe('completed');
    expect(instance.path).toContain('EndEvent_NoCapa');
  });

  it('closes a management review once all six inputs are in and the outputs are recorded', async () => {
    // given
    const id = await start('manager', 'management-review');
    await act('alice', id, review.schedule);

    // when
    for (const input of [review.objectives, review.audits, review.capa]) await act('bob', id, input);
    for (const input of [review.customers, review.suppliers, review.risks]) await act('manager', id, input);
    await act('manager', id, review.meeting);
    await act('alice', id, review.outputs);

    // then
    const instance = await finished(id);
    expect(instance.status).toBe('completed');
    expect(instance.variables).toMatchObject({ status: 'closed', qmsConclusion: 'improvement-needed' });
  });
});
