import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db';
import { createActivities } from '../index';
import type { EscalateTaskInput, QualflowActivities } from '../types';

const NOW = new Date('2025-03-10T09:00:00Z');
const clock = () => NOW;

describe('escalateTask', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;
  let taskCount = 0;
  const instanceId = 'instance-esc';

  beforeAll(async () => {
    testDb = await createTestDb();
    const db = testDb.db;
    activities = createActivities({ db, clock });
    const mia = await db.user.create({ data: { username: 'mia', name: 'Mia', email: 'mia@example.test', passwordHash: 'x', roles: 'manager' } });
    for (const username of ['alice', 'bob', 'carol', 'dave', 'deployer']) {
      await db.user.create({ data: { username, name: username, email: `${username}@example.test`, passwordHash: 'x', roles: 'staff', managerId: username === 'alice' ? mia.id : null } });
    }
    await db.group.create({ data: { name: 'qa-leads', members: { create: [{ user: { connect: { username: 'bob' } } }, { user: { connect: { username: 'dave' } } }] } } });
    await db.definition.create({ data: { id: 'def-esc', key: 'capa', version: 1, name: 'CAPA', xml: '<x/>', model: '{}', hash: 'h', deployedBy: 'deployer' } });
    await db.substitution.create({ data: { username: 'carol', substitute: 'dave', startsAt: new Date('2025-03-01T00:00:00Z'), endsAt: new Date('2025-03-20T00:00:00Z'), createdBy: 'carol' } });
    await activities.recordInstanceState({ instanceId, status: 'active', variables: {}, path: [], definitionId: 'def-esc', processKey: 'capa', version: 1, startedBy: 'alice' });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  async function openTask(): Promise<string> {
    taskCount += 1;
    const taskId = `task-${taskCount}`;
    await activities.openTask({
      taskId, instanceId, processKey: 'capa', definitionId: 'def-esc', elementId: 'review', elementInstanceId: `ei-${taskId}`, name: 'Review',
      assignee: 'alice', candidateGroups: ['quality'], candidateUsers: ['bob'], dueAt: '2025-03-09T09:00:00.000Z', priority: 50, variables: {},
    });
    return taskId;
  }
  const input = (taskId: string, fields: Partial<EscalateTaskInput>): EscalateTaskInput => ({
    eventId: `${taskId}:escalation:1`, taskId, instanceId, processKey: 'capa', kind: 'escalation', level: 1, notify: ['manager'], ...fields,
  });
  const notified = async (taskId: string) => {
    const users = new Map((await testDb.db.user.findMany()).map((user) => [user.id, user.username]));
    const rows = await testDb.db.notification.findMany({ where: { taskId, kind: { not: 'task.assigned' } } });
    return rows.map((row) => `${row.kind} → ${users.get(row.userId)}`).sort();
  };

  it('records the level once and notifies once, however often the activity runs', async () => {
    // given
    const taskId = await openTask();

    // when
    for (let attempt = 0; attempt < 3; attempt += 1) await activities.escalateTask(input(taskId, { notify: ['manager', 'owner', 'candidates'] }));

    // then
    expect(await testDb.db.taskEscalation.count({ where: { taskId } })).toBe(1);
    expect(await notified(taskId)).toEqual(['task.overdue → bob', 'task.overdue → deployer', 'task.overdue → mia']);
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: taskId } })).escalationLevel).toBe(1);
    expect(await testDb.db.auditEntry.count({ where: { taskId, action: 'task.escalated' } })).toBe(1);
  });

  it('reassigns to a user through their substitute, recorded as such, and raises the priority', async () => {
    // given
    const taskId = await openTask();

    // when
    const result = await activities.escalateTask(input(taskId, { level: 2, eventId: `${taskId}:escalation:2`, notify: ['assignee'], reassignTo: 'user:carol', priority: 90 }));

    // then
    expect(result).toEqual({ applied: true });
    expect(await testDb.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ assignee: 'dave', delegatedFrom: 'carol', priority: 90, escalationLevel: 2 });
    expect(await notified(taskId)).toEqual(['task.escalated → dave', 'task.reassigned → dave']);
    const row = await testDb.db.taskEscalation.findUniqueOrThrow({ where: { id: `${taskId}:escalation:2` } });
    expect(JSON.parse(row.actions)).toMatchObject({ reassignedTo: 'dave', delegatedFrom: 'carol', priority: 90 });
  });

  it('reassigns to a group: nobody holds the task and the group becomes its only candidate', async () => {
    // given
    const taskId = await openTask();

    // when
    await activities.escalateTask(input(taskId, { reassignTo: 'group:qa-leads', notify: ['candidates'] }));

    // then
    const task = await testDb.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { candidates: true } });
    expect(task.assignee).toBeNull();
    expect(task.candidates.map(({ kind, value }) => `${kind}:${value}`)).toEqual(['group:qa-leads']);
    expect(await notified(taskId)).toEqual(['task.overdue → bob', 'task.overdue → dave']);
  });

  it('does nothing for a task that is no longer open, and a reminder leaves the escalation level alone', async () => {
    // given
    const closed = await openTask();
    await activities.closeTask({ taskId: closed, state: 'completed', closedBy: 'alice' });
    const open = await openTask();

    // when
    const late = await activities.escalateTask(input(closed, {}));
    await activities.escalateTask(input(open, { kind: 'reminder', eventId: `${open}:reminder:1`, notify: ['assignee', 'user:carol'] }));

    // then
    expect(late).toEqual({ applied: false });
    expect(await testDb.db.taskEscalation.count({ where: { taskId: closed } })).toBe(0);
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: open } })).escalationLevel).toBe(0);
    expect(await notified(open)).toEqual(['task.reminder → alice', 'task.reminder → dave']);
    expect(await testDb.db.auditEntry.count({ where: { taskId: open, action: 'task.reminded' } })).toBe(1);
  });
});

describe('changeTaskDue', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;

  beforeAll(async () => {
    testDb = await createTestDb();
    activities = createActivities({ db: testDb.db, clock });
    await activities.recordInstanceState({ instanceId: 'i-1', status: 'active', variables: {}, path: [], definitionId: 'd-1', processKey: 'capa', version: 1 });
    await activities.openTask({ taskId: 't-1', instanceId: 'i-1', processKey: 'capa', definitionId: 'd-1', elementId: 'review', elementInstanceId: 'ei-1', name: 'Review', candidateGroups: [], candidateUsers: [], dueAt: '2025-03-09T09:00:00.000Z', priority: 50, variables: {} });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it('writes the new due date with an audit entry naming who, why and what it was', async () => {
    // when
    const change = { taskId: 't-1', dueAt: '2025-03-20T09:00:00.000Z', changedBy: 'mia', reason: 'supplier is late', eventId: 't-1:due:1' };
    await activities.changeTaskDue(change);
    await activities.changeTaskDue(change);

    // then
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: 't-1' } })).dueAt?.toISOString()).toBe('2025-03-20T09:00:00.000Z');
    const audit = await testDb.db.auditEntry.findMany({ where: { taskId: 't-1', action: 'task.rescheduled' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('mia');
    expect(JSON.parse(audit[0].details)).toMatchObject({ from: '2025-03-09T09:00:00.000Z', to: '2025-03-20T09:00:00.000Z', reason: 'supplier is late' });
  });
});
