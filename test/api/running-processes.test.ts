/**
 * Running processes through the API against the real interpreter: the Temporal dev
 * server of the test run, a worker on this file's own task queue, the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { decisionBpmn, reviewBpmn, reviewForm } from './fixtures';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

describe('running processes through the API', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('api-complete');
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'carol', 'outsider']) tokens[who] = await api.login(who);
    await api.request('POST', '/api/forms', { token: tokens.owner, body: reviewForm });
    for (const xml of [reviewBpmn, decisionBpmn]) {
      await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: xml, contentType: 'application/xml' });
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const startReview = async () => {
    const started = await api.request('POST', '/api/instances', { token: tokens.alice, body: { processKey: 'api-review', businessKey: 'DOC-1' } });
    expect(started.status).toBe(201);
    const instanceId: string = started.body.id;
    const taskId = await eventually(async () => {
      const list = await api.request('GET', `/api/tasks?instanceId=${instanceId}`, { token: tokens.alice });
      return list.body.items[0]?.id as string | undefined;
    }, 20_000, 'the review task to open');
    return { instanceId, taskId };
  };

  it('runs a review to completion: form checked, the task completed once, the instance completed', async () => {
    // given
    const { instanceId, taskId } = await startReview();
    // when
    const task = await api.request('GET', `/api/tasks/${taskId}`, { token: tokens.carol });
    const live = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
    const byOutsider = await api.request('POST', `/api/tasks/${taskId}/complete`, { token: tokens.outsider, body: { variables: { decision: 'approve' } } });
    const invalid = await api.request('POST', `/api/tasks/${taskId}/complete`, { token: tokens.carol, body: { variables: { decision: 'maybe' } } });
    const completed = await api.request('POST', `/api/tasks/${taskId}/complete`, { token: tokens.carol, body: { variables: { decision: 'approve', comment: 'fine' } } });
    const twice = await api.request('POST', `/api/tasks/${taskId}/complete`, { token: tokens.carol, body: { variables: { decision: 'approve' } } });
    // then
    expect(task.body).toMatchObject({ name: 'Review the request', candidateGroups: ['quality'], formId: 'api-review-form', form: reviewForm, state: 'open' });
    expect(live.body).toMatchObject({ status: 'active', activeElements: ['Task_Review'], source: 'live' });
    expect(byOutsider.status).toBe(403);
    expect(invalid.status).toBe(422);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ state: 'completed', assignee: 'carol', completedBy: 'carol' });
    expect(twice.status).toBe(409);
    const done = await eventually(async () => {
      const instance = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
      return instance.body.status === 'completed' ? instance.body : undefined;
    }, 20_000, 'the instance to complete');
    expect(done.path).toEqual(['Start', 'Task_Review', 'End']);
    expect(done.variables).toMatchObject({ decision: 'approve', comment: 'fine' });
  });

  it('answers 409 when the workflow refuses the completion of a task it is not waiting for', async () => {
    // given
    const { instanceId } = await startReview();
    const stray = await insertTask(api.db, { instanceId, candidateUsers: ['alice'] });
    // when
    const response = await api.request('POST', `/api/tasks/${stray}/complete`, { token: tokens.alice, body: { variables: {} } });
    // then
    expect(response.status).toBe(409);
  });

  it('cancels a running instance: its task closes and the instance ends canceled', async () => {
    // given
    const { instanceId, taskId } = await startReview();
    // when
    const response = await api.request('POST', `/api/instances/${instanceId}/cancel`, { token: tokens.manager, body: { reason: 'duplicate' } });
    // then
    expect(response.status).toBe(202);
    const ended = await eventually(async () => {
      const instance = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
      return instance.body.status === 'canceled' ? instance.body : undefined;
    }, 20_000, 'the instance to be canceled');
    expect(ended.activeElements).toEqual([]);
    const task = await api.request('GET', `/api/tasks/${taskId}`, { token: tokens.alice });
    expect(task.body.state).toBe('canceled');
  });

  it('shows an incident on the instance and retries it with corrected variables', async () => {
    // given a decision gateway that no flow leaves without `approved`
    const started = await api.request('POST', '/api/instances', { token: tokens.alice, body: { processKey: 'api-decision' } });
    const instanceId: string = started.body.id;
    const incident = await eventually(async () => {
      const instance = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
      return instance.body.incidents?.[0] as { id: string; elementId: string } | undefined;
    }, 20_000, 'the incident');
    // when
    const byStaff = await api.request('POST', `/api/instances/${instanceId}/incidents/${incident.id}/retry`, { token: tokens.alice, body: {} });
    const byAdmin = await api.request('POST', `/api/instances/${instanceId}/incidents/${incident.id}/retry`, {
      token: tokens.admin,
      body: { variables: { approved: true } },
    });
    // then
    expect(incident.elementId).toBe('Gateway_Approved');
    expect(byStaff.status).toBe(403);
    expect(byAdmin.status).toBe(200);
    const done = await eventually(async () => {
      const instance = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
      return instance.body.status === 'completed' ? instance.body : undefined;
    }, 20_000, 'the instance to complete');
    expect(done.path).toContain('End_Approved');
  });
});
