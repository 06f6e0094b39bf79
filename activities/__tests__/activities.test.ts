import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db';
import { createActivities } from '../index';
import type { OpenTaskInput, QualflowActivities } from '../types';

const clock = () => new Date('2025-03-01T09:00:00Z');

function taskInput(taskId: string, instanceId: string): OpenTaskInput {
  return {
    taskId,
    instanceId,
    processKey: 'capa',
    definitionId: 'def-1',
    elementId: 'triage',
    elementInstanceId: `ei-${taskId}`,
    name: 'Triage',
    assignee: 'alice',
    candidateGroups: ['quality'],
    candidateUsers: ['bob'],
    dueAt: '2025-03-05T09:00:00.000Z',
    priority: 70,
    form: { formId: 'triage-form' },
    variables: { severity: 3 },
  };
}

describe('activities', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;
  const instanceId = 'instance-1';

  beforeAll(async () => {
    testDb = await createTestDb();
    activities = createActivities({ db: testDb.db, clock });
    await activities.recordInstanceState({
      instanceId, status: 'active', variables: { a: 1 }, path: ['start'], definitionId: 'def-1', processKey: 'capa', version: 2, businessKey: 'CAPA-1', startedBy: 'owner',
    });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it('recordInstanceState creates a missing instance row, then updates it, and keeps an ended instance ended', async () => {
    // when
    await activities.recordInstanceState({ instanceId, status: 'incident', variables: { a: 2 }, path: ['start', 'x'] });
    const updated = await testDb.db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    await activities.recordInstanceState({ instanceId: 'instance-ended', status: 'completed', variables: {}, path: ['end'], ended: true, definitionId: 'd', processKey: 'k', version: 1 });
    await activities.recordInstanceState({ instanceId: 'instance-ended', status: 'active', variables: { late: true }, path: [] });
    const ended = await testDb.db.instance.findUniqueOrThrow({ where: { id: 'instance-ended' } });

    // then
    expect(updated).toMatchObject({ definitionId: 'def-1', processKey: 'capa', version: 2, businessKey: 'CAPA-1', startedBy: 'owner', status: 'incident' });
    expect(JSON.parse(updated.variables)).toEqual({ a: 2 });
    expect(JSON.parse(updated.path)).toEqual(['start', 'x']);
    expect(ended).toMatchObject({ status: 'completed', variables: '{}' });
    expect(ended.endedAt).toEqual(clock());
  });

  it('recordInstanceState writes each element visit it carries once, however often it runs', async () => {
    // given
    const visit = { elementId: 'Timer_1', elementInstanceId: 'ei-timer', enteredAt: Date.parse('2025-03-01T09:00:00Z'), leftAt: Date.parse('2025-03-01T09:00:01.5Z') };
    const input = { instanceId, status: 'active' as const, variables: {}, path: ['start', 'Timer_1'], processKey: 'capa', version: 2, visits: [visit] };
    // when
    await activities.recordInstanceState(input);
    await activities.recordInstanceState(input);
    // then
    const visits = await testDb.db.elementVisit.findMany({ where: { instanceId } });
    expect(visits).toEqual([
      expect.objectContaining({ elementId: 'Timer_1', elementInstanceId: 'ei-timer', processKey: 'capa', version: 2, durationMs: 1500, enteredAt: new Date(visit.enteredAt), leftAt: new Date(visit.leftAt) }),
    ]);
  });

  it('openTask writes the task and its candidates once, however often it runs', async () => {
    // when
    await activities.openTask(taskInput('task-1', instanceId));
    await activities.openTask(taskInput('task-1', instanceId));

    // then
    const task = await testDb.db.task.findUniqueOrThrow({ where: { id: 'task-1' }, include: { candidates: true } });
    expect(task).toMatchObject({ state: 'open', assignee: 'alice', priority: 70, dueAt: new Date('2025-03-05T09:00:00.000Z') });
    expect(JSON.parse(task.form!)).toEqual({ formId: 'triage-form' });
    expect(task.candidates.map((c) => `${c.kind}:${c.value}`).sort()).toEqual(['group:quality', 'user:bob']);
  });

  it('closeTask completes an open task once; closing it again changes nothing', async () => {
    // given
    await activities.openTask(taskInput('task-2', instanceId));

    // when
    await activities.closeTask({ taskId: 'task-2', state: 'completed', closedBy: 'alice', variables: { decision: 'yes' } });
    await activities.closeTask({ taskId: 'task-2', state: 'canceled', reason: 'too late' });
    await activities.closeTask({ taskId: 'no-such-task', state: 'canceled' });

    // then
    const task = await testDb.db.task.findUniqueOrThrow({ where: { id: 'task-2' } });
    expect(task).toMatchObject({ state: 'completed', completedBy: 'alice', completedAt: clock(), closeReason: null });
    expect(JSON.parse(task.variables)).toEqual({ severity: 3, decision: 'yes' });
  });

  it('raiseIncident flags the instance and resolveIncident resolves it once', async () => {
    // when
    const incident = { incidentId: 'inc-1', instanceId, elementId: 'gw', elementInstanceId: 'ei-gw', message: 'No flow' };
    await activities.raiseIncident(incident);
    await activities.raiseIncident(incident);
    const instance = await testDb.db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    await activities.resolveIncident({ incidentId: 'inc-1', resolvedBy: 'admin' });
    await activities.resolveIncident({ incidentId: 'inc-1', resolvedBy: 'someone-else' });

    // then
    expect(instance.status).toBe('incident');
    expect(await testDb.db.incident.findMany({ where: { instanceId } })).toEqual([
      expect.objectContaining({ id: 'inc-1', state: 'resolved', resolvedBy: 'admin', resolvedAt: clock() }),
    ]);
  });

  it('audit writes one entry per id', async () => {
    // when
    for (let run = 0; run < 2; run += 1) {
      await activities.audit({ id: 'instance-1:started', instanceId, actor: 'owner', action: 'instance.started', details: { version: 2 } });
    }

    // then
    const entries = await testDb.db.auditEntry.findMany({ where: { id: 'instance-1:started' } });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].details)).toEqual({ version: 2 });
  });

  it('runServiceTask fails without retry for an unknown type and passes a handler\'s failure on', async () => {
    // given
    const failing = createActivities({ db: testDb.db, handlers: { 'acme:flaky': async () => { throw new Error('service down'); } } });
    const input = { instanceId, processKey: 'capa', elementId: 's', elementInstanceId: 'ei-s', headers: {}, variables: {} };

    // when
    const unknown = activities.runServiceTask({ ...input, taskType: 'acme:nope' });
    const flaky = failing.runServiceTask({ ...input, taskType: 'acme:flaky' });

    // then
    await expect(unknown).rejects.toSatisfy((error) => error instanceof ApplicationFailure && error.nonRetryable === true && error.type === 'HandlerNotFound');
    await expect(flaky).rejects.toThrow('service down');
  });

  it('qualflow:notify refuses unknown recipients so the problem becomes an incident', async () => {
    // when
    const run = activities.runServiceTask({
      instanceId, processKey: 'capa', elementId: 'n', elementInstanceId: 'ei-n', taskType: 'qualflow:notify', headers: { to: 'ghost', subject: 's' }, variables: {},
    });

    // then
    await expect(run).rejects.toThrow('qualflow:notify: no user named "ghost"');
  });
});
