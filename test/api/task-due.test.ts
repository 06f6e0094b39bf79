/**
 * PATCH /api/tasks/:id/due against the real interpreter: who may move a due date, what
 * the body must hold, and that the move reaches the running instance (its escalation
 * levels follow the new date).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const DUE_BPMN = processXml(
  between(
    userTask(
      'review',
      'Review the deviation',
      '<zeebe:assignmentDefinition assignee="alice" candidateGroups="quality" />' +
        '<qualflow:deadline dueIn="PT1H" time="elapsed" />' +
        '<qualflow:escalationPolicy><qualflow:escalation after="PT0S" time="elapsed" notify="manager" /></qualflow:escalationPolicy>',
    ),
    'review',
  ),
  { id: 'api-due', name: 'Due dates' },
);

describe('changing a due date through the API', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('api-due');
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'carol', 'outsider']) tokens[who] = await api.login(who);
    const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: DUE_BPMN, contentType: 'application/xml' });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const openTask = async () => {
    const started = await api.request('POST', '/api/instances', { token: tokens.alice, body: { processKey: 'api-due' } });
    expect(started.status).toBe(201);
    const instanceId: string = started.body.id;
    return eventually(() => api.db.task.findFirst({ where: { instanceId, state: 'open' } }), 20_000, 'the review task');
  };
  const patchDue = (who: string, taskId: string, body: unknown) => api.request('PATCH', `/api/tasks/${taskId}/due`, { token: tokens[who], body });

  it.each([
    ['no reason', { dueAt: '2030-01-01T12:00:00Z' }, 'reason'],
    ['a blank reason', { dueAt: '2030-01-01T12:00:00Z', reason: '   ' }, 'reason'],
    ['a date without a zone', { dueAt: '2030-01-01T12:00:00', reason: 'later' }, 'dueAt'],
    ['no date at all', { reason: 'later' }, 'dueAt'],
  ])('answers 400 naming the field for a body with %s', async (_, body, field) => {
    // given
    const task = await openTask();

    // when
    const response = await patchDue('manager', task.id, body);

    // then
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it.each([
    ['alice, the assignee', 'alice', 403],
    ['carol, a candidate', 'carol', 403],
    ['an outsider, who cannot see the task', 'outsider', 404],
  ])('refuses %s', async (_, who, status) => {
    // given
    const task = await openTask();

    // when
    const response = await patchDue(who, task.id, { dueAt: '2030-01-01T12:00:00Z', reason: 'more time' });

    // then
    expect(response.status).toBe(status);
    expect((await api.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt).toEqual(task.dueAt);
  });

  it.each(['manager', 'owner', 'admin'])('lets the %s move the due date, audited with the reason', async (who) => {
    // given
    const task = await openTask();

    // when
    const response = await patchDue(who, task.id, { dueAt: '2030-01-01T13:00:00+01:00', reason: 'waiting for the supplier' });

    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: task.id, dueAt: '2030-01-01T12:00:00.000Z' });
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { taskId: task.id, action: 'task.rescheduled' } });
    expect(audit.actor).toBe(who);
    expect(JSON.parse(audit.details)).toMatchObject({ to: '2030-01-01T12:00:00.000Z', reason: 'waiting for the supplier' });
  });

  it('moves the escalation levels with the due date: a date in the past escalates at once', async () => {
    // given
    const task = await openTask();

    // when
    const response = await patchDue('manager', task.id, { dueAt: new Date(Date.now() - 60_000).toISOString(), reason: 'it was due last week' });

    // then
    expect(response.status).toBe(200);
    const escalation = await eventually(() => api.db.taskEscalation.findFirst({ where: { taskId: task.id } }), 20_000, 'the first escalation');
    expect(escalation).toMatchObject({ kind: 'escalation', level: 1 });
    expect((await api.db.task.findUniqueOrThrow({ where: { id: task.id } })).escalationLevel).toBe(1);
  });

  it('answers 409 for a task that is no longer open', async () => {
    // given
    const task = await openTask();
    const completed = await api.request('POST', `/api/tasks/${task.id}/complete`, { token: tokens.alice, body: { variables: {} } });
    expect(completed.status).toBe(200);

    // when
    const response = await patchDue('admin', task.id, { dueAt: '2030-01-01T12:00:00Z', reason: 'too late' });

    // then
    expect(response.status).toBe(409);
  });
});
