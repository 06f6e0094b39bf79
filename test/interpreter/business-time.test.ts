/**
 * Business time in running instances: the run loads its calendar from the database at
 * start (the process's `qualflow:calendar`, else the default calendar) and counts working
 * timers and FEEL working-day functions on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../engine/api/calendar.service';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, openTaskOf, type Harness } from './harness';

const DAY_MS = 86_400_000;
const allDay = [['00:00', '24:00']] as [string, string][];
const nineToFive = [['09:00', '17:00']] as [string, string][];

/** A document with the qualflow namespace and attributes on the process. */
function withProcessAttributes(xml: string, attributes: string): string {
  return xml
    .replace('xmlns:zeebe=', 'xmlns:qualflow="http://qualflow.dev/schema/bpmn" xmlns:zeebe=')
    .replace(/<bpmn:process id="([^"]+)"/, `<bpmn:process id="$1" ${attributes}`);
}

function utcDay(epochMs: number): string {
  return new Date(Math.floor(epochMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function seconds(value: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(value?.seconds ?? 0) * 1000 + Math.round((value?.nanos ?? 0) / 1e6);
}

/** start → a working timer of `duration` → end, on the calendar `calendar`. */
function waitingProcess(id: string, calendar: string, duration: string): string {
  const body = [
    '<bpmn:startEvent id="start" />',
    `<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition qualflow:time="working"><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`,
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'wait'),
    flow('f2', 'wait', 'end'),
  ].join('\n');
  return withProcessAttributes(definitions(id, body), `qualflow:calendar="${calendar}"`);
}

describe('business time in a run', () => {
  let harness: Harness;
  const today = Date.now();

  beforeAll(async () => {
    harness = await createHarness();
    // given the default calendar: Berlin office hours, Easter Monday 2026 off
    await createCalendar(harness.db, { name: 'berlin', timeZone: 'Europe/Berlin', workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive }, holidays: [{ date: '2026-03-30' }], isDefault: true }, 'tester');
    // and a calendar worked round the clock every day except five days around today (UTC)
    const closed = [-1, 0, 1, 2, 3].map((offset) => ({ date: utcDay(today + offset * DAY_MS) }));
    await createCalendar(harness.db, { name: 'closed', timeZone: 'UTC', workingHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay }, holidays: closed }, 'tester');
    // and one worked round the clock every day
    await createCalendar(harness.db, { name: 'always', timeZone: 'Asia/Kolkata', workingHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay }, holidays: [] }, 'tester');
  });
  afterAll(() => harness.close());

  it('plans a working timer on the calendar the process names, skipping its days off', async () => {
    // given a process waiting PT2S of working time on the "closed" calendar
    const model = await compileFixture(waitingProcess('closed-wait', 'closed', 'PT2S'));
    expect(model.calendar).toEqual({ name: 'closed' });

    // when
    const handle = await harness.start(model);
    const started = await eventually(async () => {
      const history = await handle.fetchHistory();
      return history.events?.find((event) => event.timerStartedEventAttributes);
    }, 15_000, 'the timer to start');

    // then it fires two seconds into the first working day after the days off, not two seconds from now
    const plannedAt = seconds(started.eventTime) + seconds(started.timerStartedEventAttributes!.startToFireTimeout);
    const firstWorkingDay = [0, 1, 2, 3, 4].map((offset) => utcDay(seconds(started.eventTime) + offset * DAY_MS)).find((day) => day > utcDay(today + 3 * DAY_MS))!;
    expect(Math.abs(plannedAt - (Date.parse(`${firstWorkingDay}T00:00:00Z`) + 2000))).toBeLessThan(5000);
    await handle.cancel();
    await handle.result();
  });

  it('fires a working timer on a calendar that is working now, and the instance goes on', async () => {
    // given
    const model = await compileFixture(waitingProcess('always-wait', 'always', 'PT2S'));

    // when
    const handle = await harness.start(model);
    const state = await handle.result();

    // then
    expect(state.status).toBe('completed');
    expect(state.path).toEqual(['start', 'wait', 'end']);
  });

  it('counts FEEL working days and working time of task dates on the default calendar when the process names none', async () => {
    // given a task due one working day after Friday 2026-03-27 (Monday the 30th is off), follow-up after four working hours
    const schedule = '<zeebe:taskSchedule dueDate="=add working days(date(from), 1)" followUpDate="=add working time(date and time(start), duration(&quot;PT4H&quot;))" />';
    const body = [
      '<bpmn:startEvent id="start" />',
      `<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask />${schedule}</bpmn:extensionElements></bpmn:userTask>`,
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'review'),
      flow('f2', 'review', 'end'),
    ].join('\n');
    const model = await compileFixture(definitions('due-on-default', body));
    expect(model.calendar).toEqual({});

    // when
    const handle = await harness.start(model, { from: '2026-03-27', start: '2026-03-27T15:00:00+01:00' });
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');

    // then Tuesday the 31st, and 11:00 CEST on Tuesday (two hours on Friday, two on Tuesday)
    expect(task.dueAt?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(task.followUpAt?.toISOString()).toBe('2026-03-31T09:00:00.000Z');
    await handle.cancel();
    await handle.result();
  });
});
