import { describe, expect, it } from 'vitest';
import { IncidentError } from '../incident-error';
import { parseCron } from '../cron';
import { parseTimerDate, planTimer } from '../timers';

const now = new Date('2026-11-25T08:30:00Z');

/** The first `count` fire times of a plan. */
function fireTimes(plan: ReturnType<typeof planTimer>, count: number): string[] {
  const times: string[] = [];
  let at: Date | undefined = plan.fireAt;
  while (at && times.length < count) {
    times.push(at.toISOString());
    at = plan.next(at);
  }
  return times;
}

describe('planTimer with a duration', () => {
  it('fires the duration after now and only once', () => {
    // when
    const plan = planTimer({ duration: 'PT2H30M' }, {}, now, 'The timer');

    // then
    expect(plan.fireAt.toISOString()).toBe('2026-11-25T11:00:00.000Z');
    expect(plan.next(plan.fireAt)).toBeUndefined();
  });

  it('evaluates a FEEL expression over the scope, including FEEL durations', () => {
    // when
    const fromVariable = planTimer({ duration: '=wait' }, { wait: 'P2D' }, now, 'The timer');
    const fromFeel = planTimer({ duration: '=duration("PT" + string(minutes) + "M")' }, { minutes: 30 }, now, 'The timer');

    // then
    expect(fromVariable.fireAt.toISOString()).toBe('2026-11-27T08:30:00.000Z');
    expect(fromFeel.fireAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('raises an incident naming the subject for a value that is not a duration', () => {
    // when
    const plan = () => planTimer({ duration: '=wait' }, { wait: 'soon' }, now, 'The timer of "Wait"');

    // then
    expect(plan).toThrow(IncidentError);
    expect(plan).toThrow(/The timer of "Wait" must be an ISO 8601 duration.*"soon"/);
  });
});

describe('planTimer with a date', () => {
  it('fires at an ISO date-time with Z or an offset', () => {
    // when
    const utc = planTimer({ date: '2026-12-01T09:00:00Z' }, {}, now, 'The timer');
    const offset = planTimer({ date: '2026-12-01T09:00:00+02:00' }, {}, now, 'The timer');

    // then
    expect(utc.fireAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(offset.fireAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(utc.next(utc.fireAt)).toBeUndefined();
  });

  it('accepts FEEL date-time values, also with a zone id', () => {
    // when
    const computed = planTimer({ date: '=date and time(due) + duration("P1D")' }, { due: '2026-12-01T09:00:00Z' }, now, 'The timer');
    const zoned = planTimer({ date: '=date and time("2026-12-01T09:00:00@Europe/Berlin")' }, {}, now, 'The timer');
    const summer = planTimer({ date: '=date and time("2026-07-01T09:00:00@Europe/Berlin")' }, {}, now, 'The timer');

    // then
    expect(computed.fireAt.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(zoned.fireAt.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(summer.fireAt.toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('raises an incident for a duration or text given as a date', () => {
    // then
    expect(() => planTimer({ date: 'PT1H' }, {}, now, 'The timer of "Due"')).toThrow(/The timer of "Due" must be an ISO 8601 date-time/);
    expect(() => planTimer({ date: '=deadline' }, { deadline: 'tomorrow' }, now, 'The timer')).toThrow(IncidentError);
    expect(parseTimerDate('2026-12-01T09:00:00@Nowhere/Land')).toBeUndefined();
  });
});

describe('planTimer with a repeating interval', () => {
  it('repeats a counted interval from now and stops after the count', () => {
    // when
    const plan = planTimer({ cycle: 'R3/PT10M' }, {}, now, 'The timer');

    // then
    expect(fireTimes(plan, 10)).toEqual(['2026-11-25T08:40:00.000Z', '2026-11-25T08:50:00.000Z', '2026-11-25T09:00:00.000Z']);
  });

  it('repeats an unbounded interval without end', () => {
    // when
    const plan = planTimer({ cycle: '=every' }, { every: 'R/PT1H' }, now, 'The timer');

    // then
    expect(fireTimes(plan, 50)).toHaveLength(50);
    expect(fireTimes(plan, 2)[1]).toBe('2026-11-25T10:30:00.000Z');
  });

  it('starts at a start date still ahead, and on the start date series when it has passed', () => {
    // when
    const ahead = planTimer({ cycle: 'R3/2026-12-01T09:00:00Z/P1D' }, {}, now, 'The timer');
    const passed = planTimer({ cycle: 'R/2026-11-20T09:00:00Z/P1D' }, {}, now, 'The timer');

    // then
    expect(fireTimes(ahead, 5)).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z', '2026-12-03T09:00:00.000Z']);
    expect(passed.fireAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('raises an incident for a cycle that is neither an interval nor a cron expression', () => {
    // then
    expect(() => planTimer({ cycle: 'R0/PT1H' }, {}, now, 'The timer of "Remind"')).toThrow(/The timer of "Remind" must be a repeating interval/);
    expect(() => planTimer({ cycle: 'every hour' }, {}, now, 'The timer')).toThrow(IncidentError);
    expect(() => planTimer({}, {}, now, 'The timer')).toThrow(/has no duration, date or cycle/);
  });
});

describe('planTimer with a cron expression', () => {
  it('fires on working days at nine (UTC), skipping the weekend', () => {
    // given: Wednesday 2026-11-25 08:30 UTC
    // when
    const plan = planTimer({ cycle: '0 0 9 * * MON-FRI' }, {}, now, 'The timer');

    // then
    expect(fireTimes(plan, 4)).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-26T09:00:00.000Z',
      '2026-11-27T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ]);
  });

  it('understands steps, lists, ranges, ? and month names', () => {
    // then
    expect(fireTimes(planTimer({ cycle: '0 */15 * * * ?' }, {}, now, 'The timer'), 3)).toEqual([
      '2026-11-25T08:45:00.000Z',
      '2026-11-25T09:00:00.000Z',
      '2026-11-25T09:15:00.000Z',
    ]);
    expect(fireTimes(planTimer({ cycle: '30 0 8,17 1-2 JAN,MAR ?' }, {}, now, 'The timer'), 3)).toEqual([
      '2027-01-01T08:00:30.000Z',
      '2027-01-01T17:00:30.000Z',
      '2027-01-02T08:00:30.000Z',
    ]);
    expect(fireTimes(planTimer({ cycle: '0 0 12 ? * 7' }, {}, now, 'The timer'), 1)).toEqual(['2026-11-29T12:00:00.000Z']);
    expect(fireTimes(planTimer({ cycle: '@daily' }, {}, now, 'The timer'), 1)).toEqual(['2026-11-26T00:00:00.000Z']);
  });

  it('requires day of month and day of week to match together, as Spring does', () => {
    // when: the 13th that is a Friday
    const plan = planTimer({ cycle: '0 0 0 13 * FRI' }, {}, now, 'The timer');

    // then
    expect(plan.fireAt.toISOString()).toBe('2027-08-13T00:00:00.000Z');
  });

  it('rejects expressions that are not six valid fields', () => {
    // then
    expect(parseCron('0 9 * * MON')).toBeUndefined();
    expect(parseCron('0 0 25 * * *')).toBeUndefined();
    expect(parseCron('0 0 9 * * FUN')).toBeUndefined();
    expect(parseCron('0 0 9 * * 5-7')?.weekdays).toEqual(new Set([5, 6, 0]));
    expect(() => planTimer({ cycle: '0 0 0 31 2 *' }, {}, now, 'The timer of "Never"')).toThrow(/never fires/);
  });
});
