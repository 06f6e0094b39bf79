/**
 * Message, signal and timer start events of a deployed definition: start subscriptions,
 * instances started at the right start event, Temporal Schedules made and replaced per
 * version. Definitions are stored from hand-built models while the compiler learns these
 * start events; activation is what a deploy runs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastSignal, publishMessage, type DeliveryDeps } from '../../engine/api/message.service';
import { activateStartEvents, scheduleOf, timerScheduleId } from '../../engine/api/start-events';
import { completeTaskUpdate } from '../../workflows/contract';
import type { EventTrigger, ProcessModel, StartEventElement } from '../../workflows/model';
import { ModelBuilder } from './builders';
import { afterInstanceEnded } from '../../activities/subscriptions';
import { createHarness, eventually, openTaskOf, type Harness } from './harness';

/** A process whose start events (each with its trigger) all lead to the user task `handle`. */
function startedBy(processId: string, starts: Record<string, EventTrigger>): ProcessModel {
  const builder = new ModelBuilder(processId).userTask('handle').end('done').chain('handle', 'done');
  for (const id of Object.keys(starts)) builder.start(id).flow(id, 'handle');
  const model = builder.build();
  model.startEventId = '';
  for (const [id, trigger] of Object.entries(starts)) (model.elements[id] as StartEventElement).trigger = trigger;
  return model;
}

const complaint: EventTrigger = { type: 'message', messageName: 'complaint-received' };
const audit: EventTrigger = { type: 'signal', signalName: 'audit-announced' };

describe('start events', () => {
  let harness: Harness;
  let deps: DeliveryDeps;
  beforeAll(async () => {
    harness = await createHarness();
    deps = { db: harness.db, temporal: harness.client, taskQueue: harness.taskQueue };
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Stores the model as the next version of its process and activates its start events, as a deploy does. */
  async function deploy(model: ProcessModel) {
    const latest = await harness.db.definition.findFirst({ where: { key: model.id }, orderBy: { version: 'desc' } });
    const definition = await harness.db.definition.create({
      data: { key: model.id, version: (latest?.version ?? 0) + 1, name: model.id, xml: '<bpmn/>', model: JSON.stringify(model), hash: randomUUID() },
    });
    await activateStartEvents({ ...deps }, definition);
    return definition;
  }

  const publish = (name: string, correlationKey: string, variables = {}) =>
    publishMessage(deps, { name, correlationKey, variables, timeToLiveMs: 0, eventId: randomUUID(), publishedBy: 'erp' });

  it('starts an instance at the message start event, once per correlation key while it is active', async () => {
    // given
    await deploy(startedBy('complaints', { byMessage: complaint }));

    // when
    const first = await publish('complaint-received', 'C-1', { customer: 'ACME' });
    const duplicate = await publish('complaint-received', 'C-1');
    const another = await publish('complaint-received', 'C-2');

    // then
    expect(first).toEqual({ correlated: 0, started: 1 });
    expect(duplicate).toEqual({ correlated: 0, started: 0 });
    expect(another).toEqual({ correlated: 0, started: 1 });
    const instance = await harness.db.instance.findFirstOrThrow({ where: { processKey: 'complaints', businessKey: 'C-1' } });
    const task = await openTaskOf(harness.db, instance.id, 'handle');
    expect(JSON.parse(task.variables)).toMatchObject({ customer: 'ACME' });
    expect(JSON.parse(instance.variables)).toMatchObject({ customer: 'ACME', initiator: 'erp' });
    await eventually(async () => JSON.parse((await harness.db.instance.findUniqueOrThrow({ where: { id: instance.id } })).path)[0] === 'byMessage', 15_000, 'the path to start at byMessage');
  });

  it('starts the next instance from a kept message once the instance with its correlation key has ended', async () => {
    // given
    await deploy(startedBy('deviations', { byMessage: { type: 'message', messageName: 'deviation-found' } }));
    await publish('deviation-found', 'D-1');
    const first = await harness.db.instance.findFirstOrThrow({ where: { processKey: 'deviations', businessKey: 'D-1' } });
    const kept = await publishMessage(deps, { name: 'deviation-found', correlationKey: 'D-1', variables: { round: 2 }, timeToLiveMs: 60_000, eventId: randomUUID(), publishedBy: 'erp' });
    await afterInstanceEnded({ db: harness.db, temporal: harness.client, taskQueue: harness.taskQueue }, { processKey: 'deviations', businessKey: 'D-1' });
    const whileActive = await harness.db.instance.count({ where: { processKey: 'deviations' } });

    // when
    const task = await openTaskOf(harness.db, first.id, 'handle');
    await harness.client.workflow.getHandle(first.id).executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, variables: {}, completedBy: 'alice' }] });
    await eventually(async () => (await harness.db.instance.findUniqueOrThrow({ where: { id: first.id } })).status === 'completed', 15_000, 'the first instance to complete');
    await afterInstanceEnded({ db: harness.db, temporal: harness.client, taskQueue: harness.taskQueue }, { processKey: 'deviations', businessKey: 'D-1' });

    // then
    expect(kept).toEqual({ correlated: 0, started: 0 });
    expect(whileActive).toBe(1);
    const next = await harness.db.instance.findFirstOrThrow({ where: { processKey: 'deviations', businessKey: 'D-1', status: 'active' } });
    expect(next.id).not.toBe(first.id);
    expect(JSON.parse(next.variables)).toMatchObject({ round: 2 });
    expect(await harness.db.instance.count({ where: { processKey: 'deviations' } })).toBe(2);
  });

  it('starts one instance per process at its signal start event', async () => {
    // given
    await deploy(startedBy('audits', { bySignal: audit, byMessage: { type: 'message', messageName: 'audit-requested' } }));
    await deploy(startedBy('audit-prep', { prepare: audit }));

    // when
    const result = await broadcastSignal(deps, { name: 'audit-announced', variables: { site: 'Lyon' }, eventId: randomUUID(), publishedBy: 'qa-lead' });

    // then
    expect(result).toEqual({ correlated: 0, started: 2 });
    const instances = await harness.db.instance.findMany({ where: { processKey: { in: ['audits', 'audit-prep'] } } });
    expect(instances.map((row) => row.processKey).sort()).toEqual(['audit-prep', 'audits']);
    for (const row of instances) await openTaskOf(harness.db, row.id, 'handle');
  });

  it('retires the message start event of the previous version when a version without it is deployed', async () => {
    // given
    const v1 = await deploy(startedBy('capa', { byMessage: { type: 'message', messageName: 'capa-raised' } }));
    await deploy(startedBy('capa', { bySignal: { type: 'signal', signalName: 'capa-review' } }));

    // when
    const result = await publish('capa-raised', 'CAPA-1');

    // then
    expect(result).toEqual({ correlated: 0, started: 0 });
    expect(await harness.db.subscription.findFirstOrThrow({ where: { definitionId: v1.id } })).toMatchObject({ state: 'closed' });
  });

  it('schedules a timer start event, starts instances from the schedule, and replaces the schedule with each version', async () => {
    // given
    const cycle = (every: string): EventTrigger => ({ type: 'timer', timer: { cycle: every } });
    await deploy(startedBy('monthly-check', { byTimer: cycle('R/PT1H') }));
    const schedule = harness.client.schedule.getHandle(timerScheduleId('monthly-check', 'byTimer'));
    const first = await schedule.describe();

    // when
    await schedule.trigger();
    const instance = await eventually(() => harness.db.instance.findFirst({ where: { processKey: 'monthly-check' } }), 15_000, 'the scheduled instance');
    await deploy(startedBy('monthly-check', { byTimer: cycle('0 0 9 * * MON-FRI') }));
    const second = await schedule.describe();
    await deploy(startedBy('monthly-check', { byMessage: complaint }));

    // then
    expect(first.spec.intervals).toEqual([expect.objectContaining({ every: 3_600_000 })]);
    expect(instance).toMatchObject({ version: 1, startedBy: 'system' });
    await openTaskOf(harness.db, instance.id, 'handle');
    expect(second.spec.intervals).toEqual([]);
    expect(second.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 9, end: 9, step: 1 }] })]);
    await expect(schedule.describe()).rejects.toThrow();
  });
});

describe('the schedule of a timer start event', () => {
  const now = new Date('2026-11-25T10:15:30Z');

  it('fires once at a future date and right away for a date already past', () => {
    // when
    const future = scheduleOf({ date: '2026-12-01T09:00:00Z' }, now, 'The timer');
    const past = scheduleOf({ date: '2026-01-01T09:00:00Z' }, now, 'The timer');

    // then
    expect(future).toMatchObject({ remainingActions: 1, fireNow: false, spec: { calendars: [{ year: 2026, month: 'DECEMBER', dayOfMonth: 1, hour: 9, minute: 0, second: 0 }] } });
    expect(past.fireNow).toBe(true);
  });

  it('repeats an interval a given number of times from its start, in phase with the start', () => {
    // when
    const plan = scheduleOf({ cycle: 'R3/2026-12-01T09:00:00Z/P1D' }, now, 'The timer');

    // then
    expect(plan.remainingActions).toBe(3);
    expect(plan.spec.startAt).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(plan.spec.intervals).toEqual([{ every: 86_400_000, offset: 9 * 3_600_000 }]);
  });

  it('rejects a cycle of months and a value that is neither an interval nor a cron expression, naming the start event', () => {
    // then
    expect(() => scheduleOf({ cycle: 'R/P1M' }, now, 'The timer of "monthly"')).toThrow(/monthly.*cron expression/);
    expect(() => scheduleOf({ cycle: 'every day' }, now, 'The timer of "daily"')).toThrow(/daily/);
    expect(() => scheduleOf({ duration: 'PT1H' }, now, 'The timer of "soon"')).toThrow(/soon.*date or a cycle/);
  });
});
