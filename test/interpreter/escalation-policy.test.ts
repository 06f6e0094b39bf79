import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, flow, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { rescheduleTaskUpdate } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import { completeTask, createHarness, eventually, openTaskOf, type Harness, type InstanceHandle } from './harness';

/** A task for alice due `dueIn` after it opens, with the given reminders and escalation levels (elapsed time). */
async function policyModel(dueIn: string, policy: string[], id = 'escalating'): Promise<ProcessModel> {
  const task = userTask('review', 'Review', [
    '<zeebe:assignmentDefinition assignee="alice" />',
    `<qualflow:deadline dueIn="${dueIn}" time="elapsed" />`,
    `<qualflow:escalationPolicy>${policy.join('')}</qualflow:escalationPolicy>`,
  ].join(''));
  const model = await compileOrThrow(processXml(between(task, 'review'), { id }));
  return { ...model, owner: 'olivia' };
}

const reminder = (before: string, notify = 'assignee') => `<qualflow:reminder before="${before}" time="elapsed" notify="${notify}" />`;
const escalation = (after: string, extra = 'notify="manager"') => `<qualflow:escalation after="${after}" time="elapsed" ${extra} />`;

describe('escalation policy', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
    const mia = await harness.db.user.create({ data: { username: 'mia', name: 'Mia', email: 'mia@example.test', passwordHash: 'x', roles: 'manager' } });
    for (const username of ['alice', 'carol', 'olivia']) {
      await harness.db.user.create({
        data: { username, name: username, email: `${username}@example.test`, passwordHash: 'x', roles: 'staff', managerId: username === 'alice' ? mia.id : null },
      });
    }
  });
  afterAll(async () => {
    await harness?.close();
  });

  const escalationsOf = (taskId: string) => harness.db.taskEscalation.findMany({ where: { taskId }, orderBy: { at: 'asc' } });
  /** `kind → username` of the task's notifications, except the assignment one (another feature's). */
  const notificationsOf = async (taskId: string) => {
    const users = new Map((await harness.db.user.findMany()).map((user) => [user.id, user.username]));
    const rows = await harness.db.notification.findMany({ where: { taskId, kind: { not: 'task.assigned' } } });
    return rows.map((row) => `${row.kind} → ${users.get(row.userId)}`);
  };
  const levelFired = (taskId: string, kind: string, level: number) =>
    eventually(() => harness.db.taskEscalation.findFirst({ where: { taskId, kind, level } }), 20_000, `${kind} ${level} of ${taskId}`);

  it('a reminder fires before the due date and each level fires once, in order, doing what it says', async () => {
    // given
    const model = await policyModel('PT6S', [
      reminder('PT5S'),
      escalation('PT1S', 'reassignTo="user:carol" priority="80" notify="assignee,owner"'),
      escalation('PT0S'),
    ]);
    const handle = await harness.start(model);
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');

    // when
    await levelFired(task.id, 'escalation', 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // then
    const fired = await escalationsOf(task.id);
    expect(fired.map(({ kind, level }) => `${kind} ${level}`)).toEqual(['reminder 1', 'escalation 1', 'escalation 2']);
    expect(fired[0].at.getTime()).toBeLessThan(task.dueAt!.getTime());
    expect(fired[1].at.getTime()).toBeGreaterThanOrEqual(task.dueAt!.getTime());
    expect(fired[2].at.getTime()).toBeGreaterThanOrEqual(task.dueAt!.getTime() + 1000);
    const row = await harness.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ assignee: 'carol', priority: 80, escalationLevel: 2, state: 'open' });
    expect((await notificationsOf(task.id)).sort()).toEqual([
      'task.escalated → carol',
      'task.escalated → olivia',
      'task.overdue → mia',
      'task.reassigned → carol',
      'task.reminder → alice',
    ]);
    const audit = await harness.db.auditEntry.findMany({ where: { taskId: task.id, action: { in: ['task.reminded', 'task.escalated'] } } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(['task.escalated', 'task.escalated', 'task.reminded']);
    await completeTask(handle, task.id, {}, 'carol');
    expect((await handle.result()).status).toBe('completed');
  }, 40_000);

  it('completing the task before a level cancels that level and the rest', async () => {
    // given: a second task keeps the instance running after the first is done
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        userTask('review', 'Review', '<zeebe:assignmentDefinition assignee="alice" /><qualflow:deadline dueIn="PT1S" time="elapsed" /><qualflow:escalationPolicy>' +
          escalation('PT0S') + escalation('PT2S', 'notify="owner"') + escalation('PT3S', 'notify="owner"') + '</qualflow:escalationPolicy>'),
        userTask('archive', 'Archive'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'review'),
        flow('f2', 'review', 'archive'),
        flow('f3', 'archive', 'end'),
      ].join('\n'),
      { id: 'completedEarly' },
    );
    const handle = await harness.start({ ...(await compileOrThrow(xml)), owner: 'olivia' });
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');
    await levelFired(task.id, 'escalation', 1);

    // when
    await completeTask(handle, task.id);
    const archive = await openTaskOf(harness.db, handle.workflowId, 'archive');
    await new Promise((resolve) => setTimeout(resolve, 4000));

    // then
    expect((await escalationsOf(task.id)).map(({ level }) => level)).toEqual([1]);
    await completeTask(handle, archive.id);
    expect((await handle.result()).status).toBe('completed');
  }, 40_000);

  it('a worker restart between levels loses nothing and repeats nothing', async () => {
    // given
    const handle = await harness.start(await policyModel('PT1S', [escalation('PT0S'), escalation('PT2S', 'notify="owner"')], 'restarted'));
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');
    await levelFired(task.id, 'escalation', 1);

    // when: no worker runs while the second level falls due
    await harness.stopWorker();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await harness.startWorker();
    await levelFired(task.id, 'escalation', 2);

    // then
    expect((await escalationsOf(task.id)).map(({ kind, level }) => `${kind} ${level}`)).toEqual(['escalation 1', 'escalation 2']);
    expect((await notificationsOf(task.id)).sort()).toEqual(['task.escalated → olivia', 'task.overdue → mia']);
    await completeTask(handle, task.id);
    expect((await handle.result()).status).toBe('completed');
  }, 40_000);

  it('carries the levels that fired into the next run when the instance continues as new', async () => {
    // given: the task waits with level 1 fired while the other branch loops long enough to continue as new
    const policy = escalation('PT0S') + escalation('PT1H', 'notify="owner"');
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        userTask('review', 'Review', `<zeebe:assignmentDefinition assignee="alice" /><qualflow:deadline dueIn="PT1S" time="elapsed" /><qualflow:escalationPolicy>${policy}</qualflow:escalationPolicy>`),
        userTask('go', 'Go'),
        '<bpmn:scriptTask id="count" name="Count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
        '<bpmn:exclusiveGateway id="again" default="done" />',
        '<bpmn:parallelGateway id="join" />',
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'fork'),
        flow('f2', 'fork', 'review'),
        flow('f3', 'fork', 'go'),
        flow('f4', 'go', 'count'),
        flow('f5', 'count', 'again'),
        flow('loop', 'again', 'count', '=n < 1500'),
        flow('done', 'again', 'join'),
        flow('f6', 'review', 'join'),
        flow('f7', 'join', 'end'),
      ].join('\n'),
      { id: 'continuedAsNew' },
    );
    const handle = await harness.start({ ...(await compileOrThrow(xml)), owner: 'olivia' }, { n: 0 });
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');
    const go = await openTaskOf(harness.db, handle.workflowId, 'go');
    await levelFired(task.id, 'escalation', 1);
    await completeTask(handle, go.id);
    const firstRun = harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    await eventually(async () => (await firstRun.describe()).status.name === 'CONTINUED_AS_NEW', 60_000, 'continue-as-new');

    // when: the due date moves two hours into the past in the new run
    await reschedule(handle, task.id, new Date(Date.now() - 2 * 3_600_000));
    await levelFired(task.id, 'escalation', 2);

    // then
    expect((await escalationsOf(task.id)).map(({ kind, level }) => `${kind} ${level}`)).toEqual(['escalation 1', 'escalation 2']);
    const firstHistory = await firstRun.fetchHistory();
    const scheduled = (firstHistory.events ?? []).filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'escalateTask');
    expect(scheduled).toHaveLength(1);
    await completeTask(handle, task.id);
    expect((await handle.result()).status).toBe('completed');
  }, 90_000);

  const reschedule = (handle: InstanceHandle, taskId: string, dueAt: Date) =>
    handle.executeUpdate(rescheduleTaskUpdate, { args: [{ taskId, dueAt: dueAt.toISOString(), changedBy: 'mia', reason: 'supplier is late' }] });

  describe('rescheduling', () => {
    it('keeps fired levels fired and moves the rest to the new due date', async () => {
      // given
      const handle = await harness.start(await policyModel('PT1S', [escalation('PT0S'), escalation('PT1S', 'notify="owner"')], 'movedLater'));
      const task = await openTaskOf(harness.db, handle.workflowId, 'review');
      await levelFired(task.id, 'escalation', 1);

      // when
      const newDue = new Date(Date.now() + 2000);
      await reschedule(handle, task.id, newDue);
      const second = await levelFired(task.id, 'escalation', 2);

      // then
      expect(second.at.getTime()).toBeGreaterThanOrEqual(newDue.getTime() + 1000);
      expect((await escalationsOf(task.id)).map(({ level }) => level)).toEqual([1, 2]);
      expect((await harness.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt?.toISOString()).toBe(newDue.toISOString());
      const audit = await harness.db.auditEntry.findFirstOrThrow({ where: { taskId: task.id, action: 'task.rescheduled' } });
      expect(audit.actor).toBe('mia');
      expect(JSON.parse(audit.details)).toMatchObject({ to: newDue.toISOString(), reason: 'supplier is late' });
      await completeTask(handle, task.id);
      await handle.result();
    }, 40_000);

    it('fires the levels a new, earlier due date puts in the past at once, in order, and a fired reminder not again', async () => {
      // given
      const handle = await harness.start(await policyModel('PT1H', [reminder('PT59M58S'), escalation('PT0S'), escalation('PT1S', 'notify="owner"')], 'movedEarlier'));
      const task = await openTaskOf(harness.db, handle.workflowId, 'review');
      await levelFired(task.id, 'reminder', 1);

      // when
      await reschedule(handle, task.id, new Date(Date.now() - 60_000));
      await levelFired(task.id, 'escalation', 2);

      // then
      expect((await escalationsOf(task.id)).map(({ kind, level }) => `${kind} ${level}`)).toEqual(['reminder 1', 'escalation 1', 'escalation 2']);
      await completeTask(handle, task.id);
      await handle.result();
    }, 40_000);

    it('refuses a task that is not waiting, and a change without a reason', async () => {
      // given
      const handle = await harness.start(await policyModel('PT1H', [escalation('PT0S')], 'refused'));
      const task = await openTaskOf(harness.db, handle.workflowId, 'review');

      // when
      const withoutReason = await handle
        .executeUpdate(rescheduleTaskUpdate, { args: [{ taskId: task.id, dueAt: new Date().toISOString(), changedBy: 'mia', reason: ' ' }] })
        .catch((error: Error) => error);
      const unknownTask = await reschedule(handle, 'no-such-task', new Date()).catch((error: Error) => error);

      // then
      expect(String((withoutReason as Error).cause)).toContain('needs a reason');
      expect(String((unknownTask as Error).cause)).toContain('Task no-such-task is not waiting');
      expect((await harness.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt).toEqual(task.dueAt);
      await completeTask(handle, task.id);
      await handle.result();
    }, 40_000);
  });
});
